//! The analysis request: which analyses to run on a scenario, read from the input tree with
//! every fault reported at its path inside the request (`monte_carlo.parameters[1].distribution.mode`).

use rust_decimal::Decimal;

use crate::actor::{Actor, SOCIETY_ID};
use crate::error::{AlsoAllowed, Expected, Fault, ScenarioError, Unit, ValueKind};
use crate::lang::Lang;
use crate::number::is_integer_spelling;
use crate::path::Path;
use crate::read::{shown, Fields, Reader};
use crate::value::Value;

use super::param::parse_target;

/// Most values in a sweep (and in each of a grid's two lists).
///
/// ```
/// use samkalk::analysis::{Analysis, MAX_SWEEP_VALUES};
/// let values = vec!["\"0.03\""; MAX_SWEEP_VALUES + 1].join(",");
/// let request = format!(r#"{{"sweep": {{"parameter": "discount_rate", "values": [{values}]}}}}"#);
/// let faults = Analysis::from_json(&request).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("sweep.values", samkalk::FaultCode::WrongCount));
/// ```
pub const MAX_SWEEP_VALUES: usize = 100_000;
/// Most cells (combinations) in a grid: two lists of 1 001 and 1 000 values are too many.
///
/// ```
/// use samkalk::analysis::{Analysis, MAX_GRID_CELLS};
/// let list = |n: usize| vec!["\"0.5\""; n].join(",");
/// let request = format!(r#"{{"grid": {{"parameters": [
///     {{"parameter": "cohorts[0].outcomes[0].share", "values": [{}]}},
///     {{"parameter": "cohorts[1].outcomes[0].share", "values": [{}]}}]}}}}"#, list(1001), list(MAX_GRID_CELLS / 1000));
/// let faults = Analysis::from_json(&request).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("grid.parameters", samkalk::FaultCode::TooManyCombinations));
/// ```
pub const MAX_GRID_CELLS: usize = 1_000_000;
/// Most parameters in a tornado, switching requests, and Monte Carlo parameters.
///
/// ```
/// use samkalk::analysis::{Analysis, MAX_PARAMETERS};
/// let one = r#"{"parameter": "discount_rate", "low": "0", "high": "0.05"}"#;
/// let request = |n: usize| format!(r#"{{"tornado": {{"parameters": [{}]}}}}"#, vec![one; n].join(","));
/// let faults = Analysis::from_json(&request(MAX_PARAMETERS + 1)).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("tornado.parameters", samkalk::FaultCode::WrongCount));
/// ```
pub const MAX_PARAMETERS: usize = 200;
/// Most Monte Carlo draws.
///
/// ```
/// use samkalk::analysis::{Analysis, MAX_DRAWS};
/// let request = |draws: u64, keep: bool| format!(r#"{{"monte_carlo": {{"draws": {draws}, "seed": 1, "keep_draws": {keep},
///     "parameters": [{{"parameter": "discount_rate", "distribution": {{"kind": "uniform", "low": "0", "high": "0.05"}}}}]}}}}"#);
/// assert!(Analysis::from_json(&request(MAX_DRAWS, false)).is_ok());
/// let faults = Analysis::from_json(&request(MAX_DRAWS + 1, false)).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("monte_carlo.draws", samkalk::FaultCode::OutOfRange));
/// ```
pub const MAX_DRAWS: u64 = 10_000_000;
/// Most Monte Carlo draws kept with `keep_draws` (each kept draw is a row of the result).
///
/// ```
/// use samkalk::analysis::{Analysis, MAX_KEPT_DRAWS};
/// let request = |draws: u64, keep: bool| format!(r#"{{"monte_carlo": {{"draws": {draws}, "seed": 1, "keep_draws": {keep},
///     "parameters": [{{"parameter": "discount_rate", "distribution": {{"kind": "uniform", "low": "0", "high": "0.05"}}}}]}}}}"#);
/// assert!(Analysis::from_json(&request(MAX_KEPT_DRAWS + 1, false)).is_ok());
/// let faults = Analysis::from_json(&request(MAX_KEPT_DRAWS + 1, true)).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("monte_carlo.keep_draws", samkalk::FaultCode::TooManyKeptDraws));
/// ```
pub const MAX_KEPT_DRAWS: u64 = 1_000_000;
/// Most characters in a parameter's `label` (each language's).
///
/// ```
/// use samkalk::analysis::{Analysis, MAX_LABEL_CHARS};
/// let request = |label: String| format!(r#"{{"sweep": {{"parameter": "discount_rate", "label": "{label}", "values": ["0"]}}}}"#);
/// // Characters, not bytes: 200 å's are 400 bytes of UTF-8.
/// assert!(Analysis::from_json(&request("å".repeat(MAX_LABEL_CHARS as usize))).is_ok());
/// let faults = Analysis::from_json(&request("å".repeat(MAX_LABEL_CHARS as usize + 1))).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("sweep.label", samkalk::FaultCode::TextTooLong));
/// ```
pub const MAX_LABEL_CHARS: u64 = 200;

/// A parameter's name as the request gives it (`label`), shown instead of the core's words
/// (`present::parameter_label`). `"label": "Kostnad per deltagare"` names it in both
/// languages; `"label": {"sv": "…", "en": "…"}` per language, and a language left out gets the
/// core's words. Serialised in the result as `{"sv": …, "en": …}` with the languages given.
///
/// ```
/// use samkalk::{analysis::GivenLabel, Lang};
///
/// let label = GivenLabel { sv: Some("Andel i arbete".into()), en: None };
/// assert_eq!(label.get(Lang::Sv), Some("Andel i arbete"));
/// assert_eq!(label.get(Lang::En), None);
/// assert_eq!(GivenLabel::both("Share").get(Lang::En), Some("Share"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct GivenLabel {
    /// The Swedish name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    /// The English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl GivenLabel {
    /// The same name in both languages (what `"label": "…"` in a request gives).
    ///
    /// ```
    /// use samkalk::{analysis::GivenLabel, Lang};
    /// let label = GivenLabel::both("KNUT");
    /// assert_eq!((label.get(Lang::Sv), label.get(Lang::En)), (Some("KNUT"), Some("KNUT")));
    /// ```
    pub fn both(text: &str) -> GivenLabel {
        GivenLabel { sv: Some(text.to_string()), en: Some(text.to_string()) }
    }

    /// The name in `lang`, when given; `None` means the core's own words for the parameter.
    ///
    /// ```
    /// use samkalk::{analysis::Analysis, Lang};
    /// let request = Analysis::from_json(r#"{"sweep": {"parameter": "cohorts[0].participants",
    ///     "label": {"sv": "Antal deltagare"}, "values": ["10", "20"]}}"#).unwrap();
    /// let label = request.sweep.unwrap().label.unwrap();
    /// assert_eq!(label.get(Lang::Sv), Some("Antal deltagare"));
    /// assert_eq!(label.get(Lang::En), None);
    /// ```
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Sv => self.sv.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }
}

/// A typed analysis request; any subset of the analyses may be present.
///
/// ```
/// use samkalk::analysis::Analysis;
///
/// let request = Analysis::from_json(r#"{
///     "sweep": {"parameter": "discount_rate", "values": ["0", "0.035"]},
///     "switching": [{"parameter": "cohorts[0].intervention.cost_per_participant", "actor": "municipality"}]
/// }"#).unwrap();
/// assert_eq!(request.sweep.as_ref().unwrap().values.len(), 2);
/// assert_eq!(request.switching[0].actor.id(), "municipality");
/// assert!(request.grid.is_none() && request.tornado.is_none() && request.monte_carlo.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// `sweep`: one parameter over a list of values.
    pub sweep: Option<Sweep>,
    /// `grid`: two parameters over every combination of their values.
    pub grid: Option<Grid>,
    /// `tornado`: each parameter at a low and a high value.
    pub tornado: Option<Tornado>,
    /// `switching`: switching values; empty when the request has none.
    pub switching: Vec<Switching>,
    /// `monte_carlo`: draws of uncertain parameters.
    pub monte_carlo: Option<MonteCarlo>,
}

/// One parameter over a list of values.
///
/// ```
/// let request = samkalk::analysis::Analysis::from_json(
///     r#"{"sweep": {"parameter": "cohorts[0].outcomes[0].share", "label": "Andel", "values": ["0.2", "0.4"]}}"#).unwrap();
/// let sweep = request.sweep.unwrap();
/// assert_eq!(sweep.parameter, "cohorts[0].outcomes[0].share");
/// assert_eq!(sweep.values[1].to_string(), "0.4");
/// assert_eq!(sweep.label.unwrap().get(samkalk::Lang::Sv), Some("Andel"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    /// The parameter's path in the scenario (`cohorts[0].outcomes[0].share`).
    pub parameter: String,
    /// Its name for people, when the request gives one.
    pub label: Option<GivenLabel>,
    /// The values, in the order the result lists them.
    pub values: Vec<Decimal>,
}

/// Two parameters, each over a list of values; every combination, the first parameter outer.
///
/// ```
/// let request = samkalk::analysis::Analysis::from_json(r#"{"grid": {"parameters": [
///     {"parameter": "discount_rate", "values": ["0", "0.035"]},
///     {"parameter": "cohorts[0].participants", "values": ["10", "20", "30"]}]}}"#).unwrap();
/// let grid = request.grid.unwrap();
/// assert_eq!((grid.first.values.len(), grid.second.values.len()), (2, 3));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The outer parameter and its values.
    pub first: Sweep,
    /// The inner parameter and its values.
    pub second: Sweep,
}

/// Each parameter set to a low and a high value on its own; rows sorted by society's swing.
///
/// ```
/// let request = samkalk::analysis::Analysis::from_json(r#"{"tornado": {"parameters": [
///     {"parameter": "discount_rate", "low": "0", "high": "0.035"}]}}"#).unwrap();
/// let tornado = request.tornado.unwrap();
/// assert_eq!(tornado.parameters[0].parameter, "discount_rate");
/// assert_eq!(tornado.parameters[0].high.to_string(), "0.035");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// The parameters, in the request's order.
    pub parameters: Vec<TornadoParameter>,
}

/// One parameter of a tornado.
///
/// ```
/// use samkalk::analysis::TornadoParameter;
///
/// let p = TornadoParameter { parameter: "discount_rate".into(), label: None, low: "0".parse().unwrap(), high: "0.035".parse().unwrap() };
/// assert!(p.low < p.high);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoParameter {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// Its name for people, when the request gives one.
    pub label: Option<GivenLabel>,
    /// The low value.
    pub low: Decimal,
    /// The high value.
    pub high: Decimal,
}

/// An actor or society, as named in a request (`"municipality"`, `"society"`).
///
/// ```
/// use samkalk::{analysis::Who, Actor};
///
/// assert_eq!(Who::from_id("region"), Some(Who::Actor(Actor::Region)));
/// assert_eq!(Who::from_id("society").map(Who::index), Some(7));
/// assert_eq!(Who::Actor(Actor::Individual).id(), "individual");
/// assert_eq!(Who::from_id("nobody"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// One of the seven actors.
    Actor(Actor),
    /// Society: the sum over the seven.
    Society,
}

impl Who {
    /// Reads an id (`"region"`, `"society"`): an [`Actor::id`] or `society`.
    ///
    /// ```
    /// use samkalk::{analysis::Who, Actor};
    /// assert_eq!(Who::from_id("municipality"), Some(Who::Actor(Actor::Municipality)));
    /// assert_eq!(Who::from_id("society"), Some(Who::Society));
    /// assert_eq!(Who::from_id("public_sector"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<Who> {
        if id == SOCIETY_ID {
            Some(Who::Society)
        } else {
            Actor::from_id(id).map(Who::Actor)
        }
    }
    /// The id used in JSON, which [`Who::from_id`] reads back.
    ///
    /// ```
    /// use samkalk::{analysis::Who, Actor};
    /// assert_eq!(Who::Society.id(), "society");
    /// assert_eq!(Who::Actor(Actor::EmploymentService).id(), "employment_service");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Who::Actor(a) => a.id(),
            Who::Society => SOCIETY_ID,
        }
    }
    /// Position in the NPV arrays ([`crate::analysis::PerActor`]): the seven actors in the
    /// order of [`Actor::ALL`], then society.
    ///
    /// ```
    /// use samkalk::{analysis::Who, Actor};
    /// assert_eq!(Who::Actor(Actor::Municipality).index(), 0);
    /// assert_eq!(Who::Actor(Actor::Individual).index(), 6);
    /// assert_eq!(Who::Society.index(), 7);
    /// ```
    pub fn index(self) -> usize {
        match self {
            Who::Actor(a) => a.index(),
            Who::Society => crate::actor::ACTOR_COUNT,
        }
    }
}

/// The value of a parameter at which an actor's NPV crosses zero, searched within
/// `[low, high]` (default: the parameter's valid range).
///
/// ```
/// let request = samkalk::analysis::Analysis::from_json(r#"{"switching": [
///     {"parameter": "discount_rate", "actor": "society", "low": "0", "high": "0.1"}]}"#).unwrap();
/// let s = &request.switching[0];
/// assert_eq!((s.actor, s.high.unwrap().to_string()), (samkalk::analysis::Who::Society, "0.1".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Switching {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// Its name for people, when the request gives one.
    pub label: Option<GivenLabel>,
    /// Whose NPV crosses zero.
    pub actor: Who,
    /// The low end of the range searched; None: the parameter's lowest valid value.
    pub low: Option<Decimal>,
    /// The high end of the range searched; None: the parameter's highest valid value.
    pub high: Option<Decimal>,
}

/// Monte Carlo: draws of uncertain parameters, each draw calculated exactly.
///
/// ```
/// let request = samkalk::analysis::Analysis::from_json(r#"{"monte_carlo": {"draws": 500, "seed": 7, "parameters": [
///     {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.2", "high": "0.6"}}]}}"#).unwrap();
/// let mc = request.monte_carlo.unwrap();
/// assert_eq!((mc.draws, mc.seed, mc.keep_draws), (500, 7, false));
/// assert_eq!(mc.parameters[0].distribution.kind(), "uniform");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarlo {
    /// Number of draws, 1..=[`MAX_DRAWS`].
    pub draws: u64,
    /// The seed: the same seed gives the same draws on every platform and thread count.
    pub seed: u64,
    /// Return every draw's parameter values and NPVs.
    pub keep_draws: bool,
    /// The drawn parameters, in the request's order.
    pub parameters: Vec<Uncertain>,
}

/// A parameter and the distribution it is drawn from.
///
/// ```
/// use samkalk::analysis::{Analysis, Distribution};
///
/// let request = Analysis::from_json(r#"{"monte_carlo": {"draws": 10, "seed": 1, "parameters": [
///     {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [10, 20]}}]}}"#).unwrap();
/// let uncertain = &request.monte_carlo.unwrap().parameters[0];
/// assert_eq!(uncertain.parameter, "cohorts[0].participants");
/// // Weights default to equal.
/// let Distribution::Discrete { weights, .. } = &uncertain.distribution else { panic!("discrete") };
/// assert_eq!(weights.len(), 2);
/// assert!(weights[0] == weights[1]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertain {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// Its name for people, when the request gives one.
    pub label: Option<GivenLabel>,
    /// What it is drawn from.
    pub distribution: Distribution,
}

/// The distributions of docs/analysis.md; bounds are in the parameter's own unit.
///
/// ```
/// use samkalk::analysis::{Analysis, Distribution};
///
/// let request = Analysis::from_json(r#"{"monte_carlo": {"draws": 10, "seed": 1, "parameters": [
///     {"parameter": "discount_rate", "distribution": {"kind": "pert", "low": "0", "mode": "0.03", "high": "0.05"}}]}}"#).unwrap();
/// let d = &request.monte_carlo.unwrap().parameters[0].distribution;
/// assert_eq!(d.kind(), "pert");
/// // PERT's lambda defaults to 4.
/// assert!(matches!(d, Distribution::Pert { lambda, .. } if lambda.to_string() == "4"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Distribution {
    /// Uniform on [low, high].
    Uniform {
        /// Lowest value.
        low: Decimal,
        /// Highest value.
        high: Decimal,
    },
    /// Triangular on [low, high], most likely at `mode`.
    Triangular {
        /// Lowest value.
        low: Decimal,
        /// Most likely value.
        mode: Decimal,
        /// Highest value.
        high: Decimal,
    },
    /// Beta-PERT; `lambda` defaults to 4.
    Pert {
        /// Lowest value.
        low: Decimal,
        /// Most likely value.
        mode: Decimal,
        /// Highest value.
        high: Decimal,
        /// Weight of the mode.
        lambda: Decimal,
    },
    /// Normal, truncated to the parameter's valid range and to `low`/`high` when given.
    Normal {
        /// Mean before truncation.
        mean: Decimal,
        /// Standard deviation before truncation.
        sd: Decimal,
        /// Lower truncation bound.
        low: Option<Decimal>,
        /// Upper truncation bound.
        high: Option<Decimal>,
    },
    /// Beta(alpha, beta) scaled to [low, high] (default [0, 1]).
    Beta {
        /// First shape parameter.
        alpha: Decimal,
        /// Second shape parameter.
        beta: Decimal,
        /// The value Beta's 0 maps to.
        low: Decimal,
        /// The value Beta's 1 maps to.
        high: Decimal,
    },
    /// One of `values`, with probability proportional to `weights` (default: equal).
    Discrete {
        /// The possible values.
        values: Vec<Decimal>,
        /// Their weights, one per value.
        weights: Vec<Decimal>,
    },
}

impl Distribution {
    /// The `kind` it is named by in a request (`"pert"`).
    ///
    /// ```
    /// use samkalk::analysis::Distribution;
    /// let d = Distribution::Uniform { low: 80000.into(), high: 110000.into() };
    /// assert_eq!(d.kind(), "uniform");
    /// let d = Distribution::Discrete { values: vec![25.into(), 30.into()], weights: vec![1.into(), 1.into()] };
    /// assert_eq!(d.kind(), "discrete");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Distribution::Uniform { .. } => "uniform",
            Distribution::Triangular { .. } => "triangular",
            Distribution::Pert { .. } => "pert",
            Distribution::Normal { .. } => "normal",
            Distribution::Beta { .. } => "beta",
            Distribution::Discrete { .. } => "discrete",
        }
    }
}

impl Analysis {
    /// Reads an analysis request from JSON text, numbers exactly as spelled.
    ///
    /// ```
    /// let faults = samkalk::analysis::Analysis::from_json(r#"{"sweep": {"parameter": "discount_rate"}}"#).unwrap_err();
    /// assert_eq!((faults.errors[0].path.as_str(), faults.errors[0].code()), ("sweep.values", samkalk::FaultCode::Missing));
    /// ```
    pub fn from_json(text: &str) -> Result<Analysis, ScenarioError> {
        let value = crate::value::parse_json(text).map_err(|e| e.fault())?;
        Analysis::from_value(&value)
    }

    /// Reads an analysis request from TOML text.
    ///
    /// ```
    /// let request = samkalk::analysis::Analysis::from_toml("[sweep]\nparameter = \"discount_rate\"\nvalues = [\"0\", \"0.03\"]\n").unwrap();
    /// assert_eq!(request.sweep.unwrap().values.len(), 2);
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Analysis, ScenarioError> {
        let value =
            crate::value::parse_toml(text).map_err(|e| crate::error::FieldError::new("", Fault::NotToml { detail: e.to_string() }))?;
        Analysis::from_value(&value)
    }

    /// Reads an analysis request from an input tree; every fault is reported at its path.
    /// Parameter paths are checked for shape here and against the scenario when run.
    ///
    /// ```
    /// let tree = samkalk::parse_json(r#"{"tornado": {"parameters": []}}"#).unwrap();
    /// let faults = samkalk::analysis::Analysis::from_value(&tree).unwrap_err();
    /// assert_eq!((faults.errors[0].path.as_str(), faults.errors[0].code()), ("tornado.parameters", samkalk::FaultCode::WrongCount));
    /// ```
    pub fn from_value(value: &Value) -> Result<Analysis, ScenarioError> {
        let mut r = Reader::default();
        let analysis = r.analysis(value);
        if r.errors.is_empty() {
            Ok(analysis)
        } else {
            Err(ScenarioError { errors: r.errors })
        }
    }

    /// True when the request asks for nothing.
    ///
    /// ```
    /// assert!(samkalk::analysis::Analysis::from_json("{}").unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.sweep.is_none() && self.grid.is_none() && self.tornado.is_none() && self.switching.is_empty() && self.monte_carlo.is_none()
    }
}

/// serde support for any format: read as by [`Analysis::from_value`].
impl<'de> serde::Deserialize<'de> for Analysis {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Analysis::from_value(&value).map_err(serde::de::Error::custom)
    }
}

impl Reader {
    fn member<'v>(&mut self, members: &Fields<'v>, name: &str, path: &Path) -> Option<&'v Value> {
        let v = members.get(name);
        if v.is_none() {
            self.fault(&path.key(name), Fault::Missing { expected: Vec::new() });
        }
        v
    }

    fn req_decimal(&mut self, members: &Fields, name: &str, path: &Path) -> Option<Decimal> {
        let v = self.member(members, name, path)?;
        self.decimal(v, &path.key(name))
    }

    fn opt_member_decimal(&mut self, members: &Fields, name: &str, path: &Path) -> Option<Decimal> {
        members.get(name).and_then(|v| self.decimal(v, &path.key(name)))
    }

    fn decimals(&mut self, value: &Value, path: &Path, min: usize, max: usize) -> Option<Vec<Decimal>> {
        let items = self.list(value, path, min, max)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.enumerate() {
            match self.decimal(v, &path.index(i)) {
                Some(d) => out.push(d),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A whole number in `lo..=hi`: a JSON integer, or (for values beyond what JavaScript
    /// holds exactly) a string of digits.
    fn whole(&mut self, value: &Value, path: &Path, lo: u64, hi: u64) -> Option<u64> {
        let text = match value {
            Value::Number(t) | Value::String(t) if is_integer_spelling(t) => t,
            other => {
                self.fault(path, Fault::NotAnInteger { got: shown(other) });
                return None;
            }
        };
        match text.parse::<u64>() {
            Ok(n) if (lo..=hi).contains(&n) => Some(n),
            _ => {
                let fault = match crate::number::parse_decimal(text) {
                    Ok(got) => Fault::out_of_range(lo.into(), hi.into(), got, Unit::Number),
                    Err(_) => Fault::TooLarge { got: Some(text.clone()) },
                };
                self.fault(path, fault);
                None
            }
        }
    }

    fn parameter(&mut self, members: &Fields, path: &Path) -> Option<String> {
        let v = self.member(members, "parameter", path)?;
        let ppath = path.key("parameter");
        match v {
            Value::String(p) => match parse_target(p) {
                Ok(_) => Some(p.clone()),
                Err(fault) => {
                    self.errors.push(fault.at(ppath));
                    None
                }
            },
            other => {
                self.fault(&ppath, Fault::WrongType { expected: Expected::ParameterPath, got: ValueKind::of(other) });
                None
            }
        }
    }

    /// The optional `label` of a parameter entry: Some(None) when absent, None when faulty.
    fn given_label(&mut self, members: &Fields, path: &Path) -> Option<Option<GivenLabel>> {
        let Some(v) = members.get("label") else { return Some(None) };
        let lpath = path.key("label");
        match v {
            Value::String(text) => self.label_text(text, &lpath).then(|| Some(GivenLabel::both(text))),
            Value::Object(_) => {
                let m = self.object(v, &lpath, &["sv", "en"])?;
                if m.names().next().is_none() {
                    self.fault(&lpath, Fault::Missing { expected: vec!["sv".into(), "en".into()] });
                    return None;
                }
                let mut label = GivenLabel::default();
                let mut ok = true;
                for (lang, slot) in [("sv", &mut label.sv), ("en", &mut label.en)] {
                    match m.get(lang) {
                        None => {}
                        Some(Value::String(text)) if self.label_text(text, &lpath.key(lang)) => *slot = Some(text.clone()),
                        Some(Value::String(_)) => ok = false,
                        Some(other) => {
                            self.fault(&lpath.key(lang), Fault::WrongType { expected: Expected::Text, got: ValueKind::of(other) });
                            ok = false;
                        }
                    }
                }
                ok.then_some(Some(label))
            }
            other => {
                self.fault(&lpath, Fault::WrongType { expected: Expected::Label, got: ValueKind::of(other) });
                None
            }
        }
    }

    /// True when a label's text says something and is at most [`MAX_LABEL_CHARS`] long.
    fn label_text(&mut self, text: &str, path: &Path) -> bool {
        let n = text.chars().count() as u64;
        if text.trim().is_empty() {
            self.fault(path, Fault::EmptyText);
            false
        } else if n > MAX_LABEL_CHARS {
            self.fault(path, Fault::TextTooLong { max: MAX_LABEL_CHARS, got: n });
            false
        } else {
            true
        }
    }

    fn analysis(&mut self, value: &Value) -> Analysis {
        let root = Path::Root;
        let mut a = Analysis::default();
        let Some(m) =
            self.object(value, &root, &["version", "name", "description", "sweep", "grid", "tornado", "switching", "monte_carlo"])
        else {
            return a;
        };
        if let Some(v) = m.get("version") {
            self.whole(v, &root.key("version"), 1, 1);
        }
        for name in ["name", "description"] {
            if let Some(v) = m.get(name) {
                if !matches!(v, Value::String(_)) {
                    self.fault(&root.key(name), Fault::WrongType { expected: Expected::Text, got: ValueKind::of(v) });
                }
            }
        }
        if let Some(v) = m.get("sweep") {
            a.sweep = self.sweep(v, &root.key("sweep"), MAX_SWEEP_VALUES);
        }
        if let Some(v) = m.get("grid") {
            a.grid = self.grid(v, &root.key("grid"));
        }
        if let Some(v) = m.get("tornado") {
            a.tornado = self.tornado(v, &root.key("tornado"));
        }
        if let Some(v) = m.get("switching") {
            let path = root.key("switching");
            if let Some(items) = self.list(v, &path, 0, MAX_PARAMETERS) {
                a.switching = items.enumerate().filter_map(|(i, item)| self.switching(item, &path.index(i))).collect();
            }
        }
        if let Some(v) = m.get("monte_carlo") {
            a.monte_carlo = self.monte_carlo(v, &root.key("monte_carlo"));
        }
        a
    }

    fn sweep(&mut self, value: &Value, path: &Path, max_values: usize) -> Option<Sweep> {
        let m = self.object(value, path, &["parameter", "label", "values"])?;
        let parameter = self.parameter(&m, path);
        let label = self.given_label(&m, path);
        let values = self.member(&m, "values", path).and_then(|v| self.decimals(v, &path.key("values"), 1, max_values));
        Some(Sweep { parameter: parameter?, label: label?, values: values? })
    }

    fn grid(&mut self, value: &Value, path: &Path) -> Option<Grid> {
        let m = self.object(value, path, &["parameters"])?;
        let ppath = path.key("parameters");
        let v = self.required_value(&m, "parameters", path)?;
        let items = self.list(v, &ppath, 2, 2)?;
        let (Some(a), Some(b)) = (items.as_slice().first(), items.as_slice().get(1)) else {
            return None;
        };
        let first = self.sweep(a, &ppath.index(0), MAX_SWEEP_VALUES);
        let second = self.sweep(b, &ppath.index(1), MAX_SWEEP_VALUES);
        let (first, second) = (first?, second?);
        let cells = first.values.len().saturating_mul(second.values.len());
        if cells > MAX_GRID_CELLS {
            self.fault(&ppath, Fault::TooManyCombinations { max: MAX_GRID_CELLS as u64, got: cells as u64 });
            return None;
        }
        Some(Grid { first, second })
    }

    fn required_value<'v>(&mut self, m: &Fields<'v>, name: &str, path: &Path) -> Option<&'v Value> {
        self.member(m, name, path)
    }

    fn tornado(&mut self, value: &Value, path: &Path) -> Option<Tornado> {
        let m = self.object(value, path, &["parameters"])?;
        let ppath = path.key("parameters");
        let v = self.required_value(&m, "parameters", path)?;
        let items = self.list(v, &ppath, 1, MAX_PARAMETERS)?;
        let mut parameters = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.enumerate() {
            let ip = ppath.index(i);
            let Some(im) = self.object(item, &ip, &["parameter", "label", "low", "high"]) else {
                ok = false;
                continue;
            };
            let parameter = self.parameter(&im, &ip);
            let label = self.given_label(&im, &ip);
            let low = self.req_decimal(&im, "low", &ip);
            let high = self.req_decimal(&im, "high", &ip);
            match (parameter, label, low, high) {
                (Some(parameter), Some(label), Some(low), Some(high)) => parameters.push(TornadoParameter { parameter, label, low, high }),
                _ => ok = false,
            }
        }
        ok.then_some(Tornado { parameters })
    }

    fn switching(&mut self, value: &Value, path: &Path) -> Option<Switching> {
        let m = self.object(value, path, &["parameter", "label", "actor", "low", "high"])?;
        let parameter = self.parameter(&m, path);
        let label = self.given_label(&m, path);
        let actor = match self.member(&m, "actor", path) {
            Some(Value::String(id)) => {
                let who = Who::from_id(id);
                if who.is_none() {
                    self.fault(
                        &path.key("actor"),
                        Fault::UnknownActor {
                            id: Some(id.clone()),
                            also: Some(AlsoAllowed::Society),
                            expected: crate::scenario::actor_ids(),
                        },
                    );
                }
                who
            }
            Some(other) => {
                self.fault(&path.key("actor"), Fault::WrongType { expected: Expected::ActorId, got: ValueKind::of(other) });
                None
            }
            None => None,
        };
        let low = self.opt_member_decimal(&m, "low", path);
        let high = self.opt_member_decimal(&m, "high", path);
        if let (Some(l), Some(h)) = (low, high) {
            if l >= h {
                self.fault(&path.key("high"), Fault::NotAboveOther { other: "low".into(), other_value: l, got: h });
                return None;
            }
        }
        Some(Switching { parameter: parameter?, label: label?, actor: actor?, low, high })
    }

    fn monte_carlo(&mut self, value: &Value, path: &Path) -> Option<MonteCarlo> {
        let m = self.object(value, path, &["draws", "seed", "keep_draws", "parameters"])?;
        let draws = self.member(&m, "draws", path).and_then(|v| self.whole(v, &path.key("draws"), 1, MAX_DRAWS));
        let seed = self.member(&m, "seed", path).and_then(|v| self.whole(v, &path.key("seed"), 0, u64::MAX));
        let keep_draws = match m.get("keep_draws") {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.fault(&path.key("keep_draws"), Fault::WrongType { expected: Expected::Boolean, got: ValueKind::of(other) });
                None
            }
        };
        if let (Some(true), Some(n)) = (keep_draws, draws) {
            if n > MAX_KEPT_DRAWS {
                self.fault(&path.key("keep_draws"), Fault::TooManyKeptDraws { max: MAX_KEPT_DRAWS, got: n });
            }
        }
        let ppath = path.key("parameters");
        let v = self.required_value(&m, "parameters", path)?;
        let items = self.list(v, &ppath, 1, MAX_PARAMETERS)?;
        let mut parameters = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.enumerate() {
            let ip = ppath.index(i);
            let Some(im) = self.object(item, &ip, &["parameter", "label", "distribution"]) else {
                ok = false;
                continue;
            };
            let parameter = self.parameter(&im, &ip);
            let label = self.given_label(&im, &ip);
            let distribution = self.member(&im, "distribution", &ip).and_then(|v| self.distribution(v, &ip.key("distribution")));
            match (parameter, label, distribution) {
                (Some(parameter), Some(label), Some(distribution)) => parameters.push(Uncertain { parameter, label, distribution }),
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        Some(MonteCarlo { draws: draws?, seed: seed?, keep_draws: keep_draws?, parameters })
    }

    fn distribution(&mut self, value: &Value, path: &Path) -> Option<Distribution> {
        let kind = match value.get("kind") {
            Some(Value::String(k)) => k.as_str(),
            Some(other) => {
                self.fault(&path.key("kind"), Fault::WrongType { expected: Expected::Text, got: ValueKind::of(other) });
                return None;
            }
            None if matches!(value, Value::Object(_)) => {
                self.fault(
                    &path.key("kind"),
                    Fault::Missing { expected: ["uniform", "triangular", "pert", "normal", "beta", "discrete"].map(String::from).to_vec() },
                );
                return None;
            }
            None => {
                self.fault(path, Fault::WrongType { expected: Expected::Object, got: ValueKind::of(value) });
                return None;
            }
        };
        let fields: &[&str] = match kind {
            "uniform" => &["kind", "low", "high"],
            "triangular" => &["kind", "low", "mode", "high"],
            "pert" => &["kind", "low", "mode", "high", "lambda"],
            "normal" => &["kind", "mean", "sd", "low", "high"],
            "beta" => &["kind", "alpha", "beta", "low", "high"],
            "discrete" => &["kind", "values", "weights"],
            other => {
                self.fault(&path.key("kind"), Fault::UnknownDistribution { got: other.to_string() });
                return None;
            }
        };
        let m = self.object(value, path, fields)?;
        let before = self.errors.len();
        let d = match kind {
            "uniform" => {
                let (low, high) = (self.req_decimal(&m, "low", path), self.req_decimal(&m, "high", path));
                let (low, high) = (low?, high?);
                self.ordered(path, &[("low", low), ("high", high)]);
                Distribution::Uniform { low, high }
            }
            "triangular" | "pert" => {
                let low = self.req_decimal(&m, "low", path);
                let mode = self.req_decimal(&m, "mode", path);
                let high = self.req_decimal(&m, "high", path);
                let lambda = self.opt_member_decimal(&m, "lambda", path);
                if m.get("lambda").is_some() && lambda.is_none() {
                    return None;
                }
                let (low, mode, high) = (low?, mode?, high?);
                self.ordered(path, &[("low", low), ("mode", mode), ("high", high)]);
                if kind == "triangular" {
                    Distribution::Triangular { low, mode, high }
                } else {
                    let lambda = lambda.unwrap_or(Decimal::from(4));
                    if lambda <= Decimal::ZERO || lambda > Decimal::from(1000) {
                        self.fault(
                            &path.key("lambda"),
                            Fault::OutOfRange {
                                min: Decimal::ZERO,
                                max: Some(Decimal::ONE_THOUSAND),
                                min_exclusive: true,
                                max_exclusive: false,
                                got: lambda,
                                unit: Unit::Number,
                                note: None,
                            },
                        );
                    }
                    Distribution::Pert { low, mode, high, lambda }
                }
            }
            "normal" => {
                let mean = self.req_decimal(&m, "mean", path);
                let sd = self.req_decimal(&m, "sd", path);
                let low = self.opt_member_decimal(&m, "low", path);
                let high = self.opt_member_decimal(&m, "high", path);
                if (m.get("low").is_some() && low.is_none()) || (m.get("high").is_some() && high.is_none()) {
                    return None;
                }
                let (mean, sd) = (mean?, sd?);
                if sd < Decimal::ZERO {
                    self.fault(&path.key("sd"), at_least_zero(sd));
                }
                if let (Some(l), Some(h)) = (low, high) {
                    self.ordered(path, &[("low", l), ("high", h)]);
                }
                Distribution::Normal { mean, sd, low, high }
            }
            "beta" => {
                let alpha = self.req_decimal(&m, "alpha", path);
                let beta = self.req_decimal(&m, "beta", path);
                let low = self.opt_member_decimal(&m, "low", path);
                let high = self.opt_member_decimal(&m, "high", path);
                if (m.get("low").is_some() && low.is_none()) || (m.get("high").is_some() && high.is_none()) {
                    return None;
                }
                let (alpha, beta) = (alpha?, beta?);
                let limit = Decimal::from(1_000_000);
                let tiny = Decimal::new(1, 3);
                for (name, x) in [("alpha", alpha), ("beta", beta)] {
                    if x < tiny || x > limit {
                        self.fault(&path.key(name), Fault::out_of_range(tiny, limit, x, Unit::Number));
                    }
                }
                let (low, high) = (low.unwrap_or(Decimal::ZERO), high.unwrap_or(Decimal::ONE));
                self.ordered(path, &[("low", low), ("high", high)]);
                Distribution::Beta { alpha, beta, low, high }
            }
            _ => {
                let values = self.member(&m, "values", path).and_then(|v| self.decimals(v, &path.key("values"), 1, 10_000));
                let weights = match m.get("weights") {
                    Some(v) => Some(self.decimals(v, &path.key("weights"), 1, 10_000)?),
                    None => None,
                };
                let values = values?;
                let weights = match weights {
                    Some(w) => {
                        if w.len() != values.len() {
                            self.fault(&path.key("weights"), Fault::WeightCount { expected: values.len() as u64, got: w.len() as u64 });
                            return None;
                        }
                        for (i, x) in w.iter().enumerate() {
                            if *x < Decimal::ZERO {
                                self.fault(&path.key("weights").index(i), at_least_zero(*x));
                            }
                        }
                        if w.iter().all(|x| x.is_zero()) {
                            self.fault(&path.key("weights"), Fault::NoPositiveWeight);
                        }
                        w
                    }
                    None => vec![Decimal::ONE; values.len()],
                };
                Distribution::Discrete { values, weights }
            }
        };
        (self.errors.len() == before).then_some(d)
    }

    /// Faults unless the named values are in non-decreasing order.
    fn ordered(&mut self, path: &Path, values: &[(&str, Decimal)]) {
        for pair in values.windows(2) {
            if let [(a, x), (b, y)] = pair {
                if y < x {
                    self.fault(&path.key(b), Fault::BelowOther { other: a.to_string(), other_value: *x, got: *y });
                }
            }
        }
    }
}

/// A value below 0 where 0 is the least allowed.
fn at_least_zero(got: Decimal) -> Fault {
    Fault::OutOfRange { min: Decimal::ZERO, max: None, min_exclusive: false, max_exclusive: false, got, unit: Unit::Number, note: None }
}
