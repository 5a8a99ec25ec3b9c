//! The sensitivity views every front end shows: the tornado ordered by one actor's swing, and
//! the standard sensitivity request (the council page's: which parameters, which ranges, how
//! many Monte Carlo draws), so Python and the CLI can run the same analysis as the page.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::analysis::{TornadoResult, Who};
use crate::calculate::resolve_state;
use crate::lang::Lang;
use crate::result::round_money;
use crate::scenario::Scenario;

use super::format::{count, kronor, percent};

/// Each (NPV at low, NPV at high) pair's swing `|high − low|` (to öre) with its index, largest
/// first; equal swings keep the given order. A swing beyond the Decimal range is `Decimal::MAX`.
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::present::tornado_order;
/// let d = |x: i64| Decimal::from(x);
/// assert_eq!(tornado_order(&[(d(0), d(5)), (d(10), d(-10)), (d(3), d(-2))]), vec![(1, d(20)), (0, d(5)), (2, d(5))]);
/// ```
pub fn tornado_order(pairs: &[(Decimal, Decimal)]) -> Vec<(usize, Decimal)> {
    let mut rows: Vec<(usize, Decimal)> =
        pairs.iter().enumerate().map(|(i, (low, high))| (i, round_money(high.checked_sub(*low).unwrap_or(Decimal::MAX).abs()))).collect();
    rows.sort_by_key(|&(_, swing)| std::cmp::Reverse(swing));
    rows
}

fn exact<S: serde::Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&x.normalize().to_string())
}
fn money<S: serde::Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(crate::result::FixedText::new(*x, 2).as_str())
}

/// One bar of a tornado for one actor (or society).
///
/// ```
/// use samkalk::{analysis::{self, Who}, present::tornado_bars, Actor};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = analysis::Analysis::from_json(r#"{"tornado": {"parameters": [
///     {"parameter": "discount_rate", "low": "0", "high": "0.035"},
///     {"parameter": "cohorts[0].participants", "low": "10", "high": "30"}]}}"#).unwrap();
/// let tornado = analysis::run(&scenario, &request, &mut |_, _| true).unwrap().tornado.unwrap();
/// let bars = tornado_bars(&tornado, Who::Actor(Actor::Municipality));
/// assert_eq!(bars.len(), 2);
/// // Largest swing first, each swing |high − low|.
/// assert!(bars[0].swing >= bars[1].swing);
/// assert!(bars.iter().all(|b| b.swing == (b.npv_high - b.npv_low).abs().round_dp(2)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoBar {
    /// Position of the row in the analysis result's tornado.
    pub index: usize,
    /// The parameter's path.
    pub parameter: String,
    /// The parameter's low value.
    #[serde(serialize_with = "exact")]
    pub low: Decimal,
    /// The parameter's high value.
    #[serde(serialize_with = "exact")]
    pub high: Decimal,
    /// The actor's NPV at the low value.
    #[serde(serialize_with = "money")]
    pub npv_low: Decimal,
    /// The actor's NPV at the high value.
    #[serde(serialize_with = "money")]
    pub npv_high: Decimal,
    /// `|npv_high − npv_low|`, to öre.
    #[serde(serialize_with = "money")]
    pub swing: Decimal,
}

/// The tornado as `who` sees it: its NPVs, ordered by its own swing, largest first (for
/// society, the analysis result's own order).
///
/// ```
/// use samkalk::{analysis::{self, Who}, present::tornado_bars};
///
/// let result = analysis::run_json(r#"{"start_year": 2026}"#,
///     r#"{"tornado": {"parameters": [{"parameter": "discount_rate", "low": "0", "high": "0.05"}]}}"#, &mut |_, _| true).unwrap();
/// let bars = tornado_bars(result.tornado.as_ref().unwrap(), Who::Society);
/// assert_eq!((bars[0].index, bars[0].parameter.as_str(), bars[0].swing.is_zero()), (0, "discount_rate", true));
/// ```
pub fn tornado_bars(tornado: &TornadoResult, who: Who) -> Vec<TornadoBar> {
    let i = who.index();
    let pairs: Vec<(Decimal, Decimal)> =
        tornado.rows.iter().map(|r| (r.npv_low.as_array()[i].value(), r.npv_high.as_array()[i].value())).collect();
    tornado_order(&pairs)
        .into_iter()
        .filter_map(|(index, swing)| {
            let r = tornado.rows.get(index)?;
            Some(TornadoBar {
                index,
                parameter: r.parameter.clone(),
                low: r.low.into(),
                high: r.high.into(),
                npv_low: r.npv_low.as_array()[i].value(),
                npv_high: r.npv_high.as_array()[i].value(),
                swing,
            })
        })
        .collect()
}

/// What a parameter of the standard request is, for people, and its range as text.
///
/// ```
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let label: &samkalk::present::ParameterLabel = &samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv).labels[0];
/// assert_eq!(label.parameter, "cohorts[0].outcomes[0].share");
/// assert!(label.high.ends_with(" %"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParameterLabel {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// What it is (`Andel som når arbete, AM2`).
    pub what: String,
    /// The low value as text (`30,0 %`, `67 500 kr`).
    pub low: String,
    /// The high value as text.
    pub high: String,
}

/// The standard sensitivity request for a scenario, with a label per parameter.
///
/// ```
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let standard: samkalk::present::StandardAnalysis = samkalk::present::standard_analysis(&scenario, samkalk::Lang::En);
/// assert_eq!(standard.labels.len() >= standard.request.tornado.parameters.len(), true);
/// assert!(!standard.method.is_empty());
/// assert!(standard.to_json().starts_with(r#"{"request":{"version":1,"#));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardAnalysis {
    /// The request; serialises in docs/analysis.md's format (values as exact decimal strings).
    pub request: StandardRequest,
    /// One label per tornado parameter, in the request's order, then one per parameter that only
    /// the Monte Carlo varies (the comparison groups), with the range it is drawn from.
    pub labels: Vec<ParameterLabel>,
    /// What the Monte Carlo varies and how, for people (the page's "sannolikhet-metod"); empty
    /// when there is no Monte Carlo.
    pub method: String,
}

impl StandardAnalysis {
    /// `{"request": ..., "labels": [...], "method": ...}` as compact JSON text.
    ///
    /// ```
    /// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
    ///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let standard = samkalk::present::standard_analysis(&scenario, samkalk::Lang::En);
    /// let json: serde_json::Value = serde_json::from_str(&standard.to_json()).unwrap();
    /// assert_eq!(json["labels"][0]["parameter"], "cohorts[0].outcomes[0].share");
    /// assert_eq!(json["labels"].as_array().unwrap().len(), standard.labels.len());
    /// assert_eq!(json["method"], standard.method.as_str());
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The standard request: a tornado and, with any cohort, a Monte Carlo (docs/analysis.md).
///
/// ```
/// use samkalk::present::{sensitivity::{STANDARD_DRAWS, STANDARD_SEED}, standard_analysis};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request: samkalk::present::StandardRequest = standard_analysis(&scenario, samkalk::Lang::Sv).request;
/// let mc = request.monte_carlo.as_ref().unwrap();
/// assert_eq!((request.version, mc.draws, mc.seed), (1, STANDARD_DRAWS, STANDARD_SEED));
/// // What it writes is a request the analysis reads.
/// let read = samkalk::analysis::Analysis::from_json(&request.to_json()).unwrap();
/// assert_eq!(read.tornado.unwrap().parameters.len(), request.tornado.parameters.len());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardRequest {
    /// Format version, 1.
    pub version: i64,
    /// A name for people.
    pub name: String,
    /// The tornado's parameters.
    pub tornado: StandardTornado,
    /// The Monte Carlo, when there is a parameter to vary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<StandardMonteCarlo>,
}

impl StandardRequest {
    /// The request as JSON text, for [`crate::analysis::Analysis::from_json`] or a binding;
    /// values are exact decimal strings.
    ///
    /// ```
    /// use samkalk::present::sensitivity::STANDARD_SEED;
    /// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
    ///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let request = samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv).request;
    /// let json: serde_json::Value = serde_json::from_str(&request.to_json()).unwrap();
    /// assert_eq!(json["version"], 1);
    /// assert_eq!(json["monte_carlo"]["seed"], STANDARD_SEED);
    /// assert!(json["tornado"]["parameters"].as_array().unwrap().iter().all(|p| p["low"].is_string()));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The tornado part of the standard request.
///
/// ```
/// let scenario = samkalk::Scenario::new(2026);
/// // Without cohorts, the tornado still varies the scenario's own parameters, and no Monte Carlo.
/// let request = samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv).request;
/// assert!(request.monte_carlo.is_none());
/// # let _: samkalk::present::sensitivity::StandardTornado = request.tornado;
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardTornado {
    /// Each parameter with its low and high value.
    pub parameters: Vec<Swept>,
}

/// A tornado parameter: path, low and high.
///
/// ```
/// use samkalk::present::sensitivity::Swept;
/// let swept = Swept { parameter: "discount_rate".into(), low: "0".parse().unwrap(), high: "0.035".parse().unwrap() };
/// assert_eq!(serde_json::to_string(&swept).unwrap(), r#"{"parameter":"discount_rate","low":"0","high":"0.035"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Swept {
    /// The parameter's path.
    pub parameter: String,
    /// Its low value.
    #[serde(serialize_with = "exact")]
    pub low: Decimal,
    /// Its high value.
    #[serde(serialize_with = "exact")]
    pub high: Decimal,
}

/// The Monte Carlo part of the standard request.
///
/// ```
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let mc: samkalk::present::sensitivity::StandardMonteCarlo =
///     samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv).request.monte_carlo.unwrap();
/// assert!(mc.parameters.iter().any(|d| d.parameter == "cohorts[0].intervention.cost_per_participant"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardMonteCarlo {
    /// Number of draws.
    pub draws: u64,
    /// The seed.
    pub seed: u64,
    /// What varies, and how.
    pub parameters: Vec<Drawn>,
}

/// A Monte Carlo parameter and its distribution.
///
/// ```
/// use samkalk::present::sensitivity::{Drawn, StandardDistribution};
/// let drawn = Drawn { parameter: "discount_rate".into(),
///     distribution: StandardDistribution::Uniform { low: "0".parse().unwrap(), high: "0.05".parse().unwrap() } };
/// assert_eq!(serde_json::to_string(&drawn).unwrap(),
///     r#"{"parameter":"discount_rate","distribution":{"kind":"uniform","low":"0","high":"0.05"}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drawn {
    /// The parameter's path.
    pub parameter: String,
    /// Its distribution.
    pub distribution: StandardDistribution,
}

/// The distributions the standard request uses.
///
/// ```
/// use samkalk::present::sensitivity::StandardDistribution;
/// let d = StandardDistribution::Uniform { low: "32000".parse().unwrap(), high: "48000".parse().unwrap() };
/// assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"kind":"uniform","low":"32000","high":"48000"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StandardDistribution {
    /// Uniform between `low` and `high`.
    Uniform {
        /// Lowest value.
        #[serde(serialize_with = "exact")]
        low: Decimal,
        /// Highest value.
        #[serde(serialize_with = "exact")]
        high: Decimal,
    },
    /// Triangular from `low` to `high`, most likely `mode`.
    Triangular {
        /// Lowest value.
        #[serde(serialize_with = "exact")]
        low: Decimal,
        /// Most likely value.
        #[serde(serialize_with = "exact")]
        mode: Decimal,
        /// Highest value.
        #[serde(serialize_with = "exact")]
        high: Decimal,
    },
}

/// Monte Carlo draws of the standard request.
///
/// ```
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv).request;
/// assert_eq!(request.monte_carlo.unwrap().draws, samkalk::present::sensitivity::STANDARD_DRAWS);
/// ```
pub const STANDARD_DRAWS: u64 = 2000;
/// Monte Carlo seed of the standard request: the same request gives the same draws on every
/// platform and in every binding.
///
/// ```
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv).request;
/// assert_eq!(request.monte_carlo.unwrap().seed, samkalk::present::sensitivity::STANDARD_SEED);
/// ```
pub const STANDARD_SEED: u64 = 2026;

/// `x × hundredths/100`, exact to 20 decimals (half away from zero), or `None` beyond the range.
fn times(x: Decimal, hundredths: i64) -> Option<Decimal> {
    x.checked_mul(Decimal::new(hundredths, 2)).map(|p| p.round_dp_with_strategy(20, RoundingStrategy::MidpointAwayFromZero).normalize())
}

/// The standard request, the one the council page runs: for each cohort its first outcome's
/// share at half and one and a half times (at most 1), its retention 0.2 lower and higher
/// (within 0 and 1) and its cost per participant at 75 % and 125 %; the monthly wage of `work`
/// at 85 % and 115 %; the discount rate from 0 to 3.5 %. Monte Carlo: 2,000 draws with seed
/// 2026, per cohort in this order, of its first outcome's
/// - share: triangular from half to one and a half times (at most 1), mode as given;
/// - retention: triangular from 0.2 lower to 0.2 higher (within 0 and 1), mode as given;
/// - counterfactual share (the comparison group): triangular from half to one and a half times
///   (at most 1), mode as given; when it is 0, triangular from 0 (mode 0) to a quarter of the
///   share, since "nobody would have found work anyway" is the most likely but not the only case;
///   left out when that range is empty (share and comparison group both 0);
///
/// and its cost per participant (uniform, 80 % to 120 %). A parameter whose range cannot be
/// computed is left out. [`StandardAnalysis::method`] says the same for people.
///
/// ```
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000",
///     "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let standard = samkalk::present::standard_analysis(&scenario, samkalk::Lang::Sv);
/// assert_eq!(standard.request.tornado.parameters[0].high.to_string(), "0.9");
/// assert_eq!(standard.labels[0].what, "Andel som når arbete, AM2");
/// assert!(samkalk::analysis::Analysis::from_json(&standard.request.to_json()).is_ok());
/// ```
pub fn standard_analysis(scenario: &Scenario, lang: Lang) -> StandardAnalysis {
    let mut tornado = Vec::new();
    let mut labels = Vec::new();
    let mut monte_carlo = Vec::new();
    let mut only_drawn: Vec<(String, String, Decimal, Decimal)> = Vec::new();
    let sv = lang == Lang::Sv;
    let mut push = |parameter: String, what: String, low: Decimal, high: Decimal, money: bool| {
        let show = |x: Decimal| if money { kronor(x, lang) } else { percent(x, lang) };
        labels.push(ParameterLabel { parameter: parameter.clone(), what, low: show(low), high: show(high) });
        tornado.push(Swept { parameter, low, high });
    };
    for (i, cohort) in scenario.cohorts.iter().enumerate() {
        let at = format!("cohorts[{i}]");
        let origin = &cohort.origin;
        if let Some(o) = cohort.outcomes.first() {
            if let (Some(low), Some(high)) = (times(o.share, 50), times(o.share, 150)) {
                let high = high.min(Decimal::ONE);
                let what = if sv { format!("Andel som når arbete, {origin}") } else { format!("Share reaching work, {origin}") };
                push(format!("{at}.outcomes[0].share"), what, low, high, false);
                monte_carlo.push(Drawn {
                    parameter: format!("{at}.outcomes[0].share"),
                    distribution: StandardDistribution::Triangular { low, mode: o.share, high },
                });
            }
            let step = Decimal::new(2, 1);
            let low = o.retention.checked_sub(step).unwrap_or(Decimal::ZERO).max(Decimal::ZERO);
            let high = o.retention.checked_add(step).unwrap_or(Decimal::ONE).min(Decimal::ONE);
            let what = if sv { format!("Kvar i arbete varje år, {origin}") } else { format!("Still in work each year, {origin}") };
            push(format!("{at}.outcomes[0].retention"), what, low, high, false);
            monte_carlo.push(Drawn {
                parameter: format!("{at}.outcomes[0].retention"),
                distribution: StandardDistribution::Triangular { low, mode: o.retention, high },
            });
            let c = o.counterfactual_share;
            let range = if c.is_zero() { times(o.share, 25).map(|high| (Decimal::ZERO, high)) } else { times(c, 50).zip(times(c, 150)) };
            if let Some((low, high)) = range.map(|(low, high)| (low, high.min(Decimal::ONE))).filter(|(low, high)| low < high) {
                let what = if sv {
                    format!("Hade nått arbete ändå (jämförelsegrupp), {origin}")
                } else {
                    format!("Would have reached work anyway (comparison group), {origin}")
                };
                only_drawn.push((format!("{at}.outcomes[0].counterfactual_share"), what, low, high));
                monte_carlo.push(Drawn {
                    parameter: format!("{at}.outcomes[0].counterfactual_share"),
                    distribution: StandardDistribution::Triangular { low, mode: c, high },
                });
            }
        }
        let cost = cohort.intervention.cost_per_participant;
        if let (Some(low), Some(high)) = (times(cost, 75), times(cost, 125)) {
            let what = if sv { format!("Kostnad per deltagare, {origin}") } else { format!("Cost per participant, {origin}") };
            push(format!("{at}.intervention.cost_per_participant"), what, low, high, true);
        }
        if let (Some(low), Some(high)) = (times(cost, 80), times(cost, 120)) {
            monte_carlo.push(Drawn {
                parameter: format!("{at}.intervention.cost_per_participant"),
                distribution: StandardDistribution::Uniform { low, high },
            });
        }
    }
    if let Some(wage) = resolve_state(scenario, "work").and_then(|s| s.earnings.as_ref()).map(|e| e.monthly_wage) {
        if let (Some(low), Some(high)) = (times(wage, 85), times(wage, 115)) {
            push(
                "states.work.earnings.monthly_wage".into(),
                if sv { "Månadslön i arbete" } else { "Monthly wage in work" }.into(),
                low,
                high,
                true,
            );
        }
    }
    push("discount_rate".into(), if sv { "Diskonteringsränta" } else { "Discount rate" }.into(), Decimal::ZERO, Decimal::new(35, 3), false);
    let name = if sv { "Känslighet och osäkerhet (standard)" } else { "Sensitivity and uncertainty (standard)" };
    labels.extend(only_drawn.into_iter().map(|(parameter, what, low, high)| ParameterLabel {
        parameter,
        what,
        low: percent(low, lang),
        high: percent(high, lang),
    }));
    let monte_carlo =
        (!monte_carlo.is_empty()).then_some(StandardMonteCarlo { draws: STANDARD_DRAWS, seed: STANDARD_SEED, parameters: monte_carlo });
    let method = monte_carlo.as_ref().map(|mc| method_text(mc, lang)).unwrap_or_default();
    StandardAnalysis {
        request: StandardRequest { version: 1, name: name.to_string(), tornado: StandardTornado { parameters: tornado }, monte_carlo },
        labels,
        method,
    }
}

/// The Monte Carlo of the standard request in words: what is drawn, from which range, and why
/// the answer is always the same. The ranges are the rules of [`standard_analysis`].
fn method_text(mc: &StandardMonteCarlo, lang: Lang) -> String {
    let draws = count(i64::try_from(mc.draws).unwrap_or(i64::MAX), lang);
    let seed = mc.seed;
    if lang == Lang::Sv {
        format!(
            "Kalkylen räknades om {draws} gånger med slumpvis valda värden för varje grupp: andelen som når arbete mellan hälften \
             och en och en halv gång värdet ovan; andelen som är kvar i arbete varje år upp till 20 procentenheter lägre eller högre \
             (mellan 0 och 100 %); jämförelsegruppen som hade nått arbete ändå mellan hälften och en och en halv gång värdet ovan \
             (är den 0 %: mellan 0 och en fjärdedel av andelen som når arbete); de tre oftast nära värdet ovan; och kostnaden per \
             deltagare upp till 20 % lägre eller högre. Procenten visar i hur stor del av omräkningarna aktörens nuvärde blev noll \
             eller mer. Slumptalen är desamma varje gång (slumpfrö {seed}), så samma kalkyl ger alltid samma svar."
        )
    } else {
        format!(
            "The calculation was repeated {draws} times with randomly chosen values for each group: the share reaching work between \
             half and one and a half times the value above; the share still in work each year up to 20 percentage points lower or \
             higher (between 0 and 100%); the comparison group that would have reached work anyway between half and one and a half \
             times the value above (when it is 0%: between 0 and a quarter of the share reaching work); these three most often near \
             the value above; and the cost per participant up to 20% lower or higher. The percentage is the part of the draws in which \
             the actor's present value was zero or more. The random numbers are the same every time (seed {seed}), so the same \
             calculation always gives the same answer."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{run, Analysis};
    use serde_json::json;

    fn example() -> Scenario {
        Scenario::from_json(
            r#"{"start_year": 2026, "cohorts": [
            {"name": "A", "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
             "outcomes": [{"target": "work", "share": "0.8", "retention": "0.9"}]},
            {"name": "B", "origin": "AM3", "participants": 10, "intervention": {"cost_per_participant": "90000", "duration_months": 12},
             "outcomes": [{"target": "work", "share": "0.25", "counterfactual_share": "0.1"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_standard_request() {
        let s = standard_analysis(&example(), Lang::Sv);
        let request: serde_json::Value = serde_json::from_str(&s.request.to_json()).unwrap();
        let p = &request["tornado"]["parameters"];
        assert_eq!(p.as_array().unwrap().len(), 8);
        assert_eq!(p[0], json!({"parameter": "cohorts[0].outcomes[0].share", "low": "0.4", "high": "1"}));
        assert_eq!(p[1], json!({"parameter": "cohorts[0].outcomes[0].retention", "low": "0.7", "high": "1"}));
        assert_eq!(p[2], json!({"parameter": "cohorts[0].intervention.cost_per_participant", "low": "30000", "high": "50000"}));
        assert_eq!(p[3], json!({"parameter": "cohorts[1].outcomes[0].share", "low": "0.125", "high": "0.375"}));
        assert_eq!(p[4], json!({"parameter": "cohorts[1].outcomes[0].retention", "low": "0.8", "high": "1"}));
        assert_eq!(p[7], json!({"parameter": "discount_rate", "low": "0", "high": "0.035"}));
        assert_eq!(request["monte_carlo"]["draws"], 2000);
        assert_eq!(
            request["monte_carlo"]["parameters"][0]["distribution"],
            json!({"kind": "triangular", "low": "0.4", "mode": "0.8", "high": "1"})
        );
        let drawn = &request["monte_carlo"]["parameters"];
        assert_eq!(drawn.as_array().unwrap().len(), 8);
        assert_eq!(
            drawn[1],
            json!({"parameter": "cohorts[0].outcomes[0].retention",
            "distribution": {"kind": "triangular", "low": "0.7", "mode": "0.9", "high": "1"}})
        );
        // No comparison group: from none (most likely) to a quarter of the share.
        assert_eq!(
            drawn[2],
            json!({"parameter": "cohorts[0].outcomes[0].counterfactual_share",
            "distribution": {"kind": "triangular", "low": "0", "mode": "0", "high": "0.2"}})
        );
        assert_eq!(drawn[3]["distribution"], json!({"kind": "uniform", "low": "32000", "high": "48000"}));
        assert_eq!(drawn[5]["distribution"], json!({"kind": "triangular", "low": "0.8", "mode": "1", "high": "1"}));
        assert_eq!(
            drawn[6],
            json!({"parameter": "cohorts[1].outcomes[0].counterfactual_share",
            "distribution": {"kind": "triangular", "low": "0.05", "mode": "0.1", "high": "0.15"}})
        );
        assert_eq!(
            s.labels[2],
            ParameterLabel {
                parameter: "cohorts[0].intervention.cost_per_participant".into(),
                what: "Kostnad per deltagare, AM2".into(),
                low: "30 000 kr".into(),
                high: "50 000 kr".into()
            }
        );
        assert_eq!(s.labels[3].low, "12,5 %");
        assert_eq!(s.labels.len(), 10);
        assert_eq!(
            s.labels[9],
            ParameterLabel {
                parameter: "cohorts[1].outcomes[0].counterfactual_share".into(),
                what: "Hade nått arbete ändå (jämförelsegrupp), AM3".into(),
                low: "5,0 %".into(),
                high: "15,0 %".into()
            }
        );
        assert_eq!(s.labels[8].high, "20,0 %");
        assert!(
            s.method.starts_with("Kalkylen räknades om 2\u{a0}000 gånger") || s.method.starts_with("Kalkylen räknades om 2 000 gånger")
        );
        assert!(s.method.contains("kvar i arbete varje år upp till 20 procentenheter"));
        assert!(s.method.contains("jämförelsegruppen"));
        assert!(s.method.contains("(slumpfrö 2026)"));
        let en = standard_analysis(&example(), Lang::En);
        assert_eq!(en.labels[7].what, "Discount rate");
        assert_eq!(en.labels[8].what, "Would have reached work anyway (comparison group), AM2");
        assert!(en.method.contains("repeated 2,000 times") && en.method.contains("(seed 2026)"));
    }

    #[test]
    fn without_a_cohort_there_is_no_monte_carlo_and_no_method() {
        let s = standard_analysis(&Scenario::from_json(r#"{"start_year": 2026}"#).unwrap(), Lang::Sv);
        assert!(s.request.monte_carlo.is_none());
        assert_eq!(s.method, "");
    }

    #[test]
    fn the_monte_carlo_varies_retention_and_the_comparison_group() {
        let scenario = example();
        let mut s = standard_analysis(&scenario, Lang::Sv);
        let mc = s.request.monte_carlo.as_mut().unwrap();
        mc.draws = 50;
        // Only the retention and the comparison groups vary: the results still spread.
        mc.parameters.retain(|d| !d.parameter.ends_with(".share") && !d.parameter.ends_with("cost_per_participant"));
        assert_eq!(mc.parameters.len(), 4);
        let analysis = Analysis::from_json(&s.request.to_json()).unwrap();
        let result = run(&scenario, &analysis, &mut |_, _| true).unwrap();
        let stats = &result.monte_carlo.unwrap().statistics;
        let society = stats.society();
        assert!(society.min.value() < society.max.value(), "{society:?}");
    }

    proptest::proptest! {
        /// Whatever the share, retention and comparison group (all valid), the request is a valid
        /// analysis and every drawn range lies within 0 and 1.
        #[test]
        fn every_valid_outcome_gives_a_valid_request(share in 0u32..=1000, retention in 0u32..=1000, comparison in 0u32..=1000) {
            let share = Decimal::new(share.into(), 3);
            let retention = Decimal::new(retention.into(), 3);
            let comparison = Decimal::new(comparison.into(), 3);
            let text = format!(r#"{{"start_year": 2026, "cohorts": [{{"name": "A", "origin": "AM2", "participants": 20,
                "intervention": {{"cost_per_participant": "40000", "duration_months": 6}},
                "outcomes": [{{"target": "work", "share": "{share}", "retention": "{retention}", "counterfactual_share": "{comparison}"}}]}}]}}"#);
            let scenario = Scenario::from_json(&text).unwrap();
            let s = standard_analysis(&scenario, Lang::Sv);
            proptest::prop_assert!(Analysis::from_json(&s.request.to_json()).is_ok());
            for d in &s.request.monte_carlo.unwrap().parameters {
                if let StandardDistribution::Triangular { low, mode, high } = d.distribution {
                    proptest::prop_assert!(Decimal::ZERO <= low && low <= mode && mode <= high && high <= Decimal::ONE, "{d:?}");
                }
            }
        }
    }

    #[test]
    fn bars_follow_each_actors_swing() {
        let scenario = example();
        let mut s = standard_analysis(&scenario, Lang::Sv);
        s.request.monte_carlo = None;
        let analysis = Analysis::from_json(&s.request.to_json()).unwrap();
        let result = run(&scenario, &analysis, &mut |_, _| true).unwrap();
        let tornado = result.tornado.unwrap();
        // Society: the engine's own order and swings.
        let society = tornado_bars(&tornado, Who::Society);
        assert_eq!(society.iter().map(|b| b.index).collect::<Vec<_>>(), (0..tornado.rows.len()).collect::<Vec<_>>());
        assert!(society.iter().zip(&tornado.rows).all(|(b, r)| b.swing == r.swing.value()));
        for who in crate::actor::Actor::ALL.map(Who::Actor) {
            let bars = tornado_bars(&tornado, who);
            assert_eq!(bars.len(), tornado.rows.len());
            for pair in bars.windows(2) {
                assert!(pair[0].swing > pair[1].swing || (pair[0].swing == pair[1].swing && pair[0].index < pair[1].index));
            }
            for b in &bars {
                assert_eq!(b.swing, (b.npv_high - b.npv_low).abs());
            }
        }
    }
}
