//! The rules of MODEL.md over values: ranges, references between states and cohorts, and the
//! rules over whole objects (financing sums to 1, outcome shares at most 1 together, a flow has
//! two different ends). Faults of shape and type are found while reading (`scenario`); a rule
//! is not checked on a field already reported there, nor a whole-object rule on an object one
//! of whose members was.

use rust_decimal::Decimal;

use crate::defaults::defaults;
use crate::error::{Fault, FieldError, RangeNote, ScenarioError};
use crate::limits::{self, requires_v2_fault, Limit};
use crate::node::Node;
use crate::path::Path;
use crate::scenario::{read_scenario, renamed, Cohort, Outcome, Scenario, State};
use crate::value::Value;

// The counts' limits are the table of record's (reading checks them); calculate names
// MAX_VERSION here.
pub(crate) use crate::limits::{MAX_COHORTS, MAX_FLOWS, MAX_MOVES, MAX_OUTCOMES, MAX_STATES, MAX_VERSION};
/// Financing shares within this of 1 (but not 1) miss it by a rounding error: 10⁻⁹.
const ROUNDING_ERROR: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// Every rule fault of a typed scenario (one built in Rust, say), each at its path.
///
/// ```
/// let mut scenario = samkalk::Scenario::new(2026);
/// assert!(samkalk::validate(&scenario).is_empty());
/// scenario.discount_rate = "1.5".parse().unwrap();
/// let faults = samkalk::validate(&scenario);
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("discount_rate", samkalk::FaultCode::OutOfRange));
/// ```
pub fn validate(scenario: &Scenario) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_rules(scenario, &mut errors);
    errors
}

/// A scenario that passed validation: made only by [`Scenario::validate`] or by reading
/// ([`ValidScenario::from_json`], [`ValidScenario::from_value`]), so whatever takes one (the
/// calculation, the trace, the analyses) runs on it without validating again. It reads as the
/// [`Scenario`] it holds ([`ValidScenario::calculate`] and [`ValidScenario::trace`] are in the
/// engine's modules); to change it, take the scenario out ([`ValidScenario::into_inner`])
/// and validate again.
///
/// ```
/// use samkalk::{Scenario, ValidScenario};
///
/// let scenario = Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let valid: ValidScenario = scenario.validate().unwrap();
/// assert_eq!(valid.horizon_years, 4);
/// let result = valid.calculate().unwrap();
/// assert_eq!(result.years, vec![2026, 2027, 2028, 2029]);
///
/// let mut broken = valid.into_inner();
/// broken.discount_rate = rust_decimal::Decimal::TWO;
/// let faults = broken.validate().unwrap_err();
/// assert_eq!(faults.errors[0].path, "discount_rate");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ValidScenario(Scenario);

impl ValidScenario {
    /// Reads and validates a scenario from JSON text, as [`Scenario::from_json`] does.
    ///
    /// ```
    /// let valid = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
    /// assert_eq!(valid.start_year, 2026);
    /// ```
    pub fn from_json(text: &str) -> Result<ValidScenario, ScenarioError> {
        Scenario::from_json(text).map(ValidScenario)
    }

    /// Reads and validates a scenario from TOML text, as [`Scenario::from_toml`] does.
    ///
    /// ```
    /// let valid = samkalk::ValidScenario::from_toml("start_year = 2026").unwrap();
    /// assert_eq!(valid.start_year, 2026);
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<ValidScenario, ScenarioError> {
        Scenario::from_toml(text).map(ValidScenario)
    }

    /// Reads and validates a scenario from an input tree, as [`Scenario::from_value`] does.
    ///
    /// ```
    /// let tree = samkalk::parse_json(r#"{"start_year": 2026}"#).unwrap();
    /// let valid = samkalk::ValidScenario::from_value(&tree).unwrap();
    /// assert_eq!(valid.start_year, 2026);
    /// ```
    pub fn from_value(value: &Value) -> Result<ValidScenario, ScenarioError> {
        Scenario::from_value(value).map(ValidScenario)
    }

    /// Reads and validates a scenario from any input document, as [`Scenario::from_node`] does.
    ///
    /// ```
    /// let tree = samkalk::parse_json(r#"{"start_year": 2026}"#).unwrap();
    /// assert_eq!(samkalk::ValidScenario::from_node(&tree).unwrap().start_year, 2026);
    /// ```
    pub fn from_node<'v>(value: impl Node<'v>) -> Result<ValidScenario, ScenarioError> {
        Scenario::from_node(value).map(ValidScenario)
    }

    /// The scenario, validated.
    ///
    /// ```
    /// let valid = samkalk::Scenario::new(2026).validate().unwrap();
    /// assert_eq!(valid.scenario().start_year, 2026);
    /// ```
    pub fn scenario(&self) -> &Scenario {
        &self.0
    }

    /// The scenario, to change (and validate again).
    ///
    /// ```
    /// let mut s = samkalk::Scenario::new(2026).validate().unwrap().into_inner();
    /// s.horizon_years = 10;
    /// assert_eq!(s.validate().unwrap().horizon_years, 10);
    /// ```
    pub fn into_inner(self) -> Scenario {
        self.0
    }

    /// A scenario known valid without checking every rule again: a valid one whose changes
    /// are each within a range that keeps it valid (`variant`).
    pub(crate) fn known_valid(scenario: Scenario) -> ValidScenario {
        ValidScenario(scenario)
    }
}

impl std::ops::Deref for ValidScenario {
    type Target = Scenario;

    fn deref(&self) -> &Scenario {
        &self.0
    }
}

impl AsRef<Scenario> for ValidScenario {
    fn as_ref(&self) -> &Scenario {
        &self.0
    }
}

impl From<ValidScenario> for Scenario {
    fn from(valid: ValidScenario) -> Scenario {
        valid.0
    }
}

impl Scenario {
    /// Validates the scenario (every rule fault at its path), giving it as a [`ValidScenario`].
    ///
    /// ```
    /// let valid = samkalk::Scenario::new(2026).validate().unwrap();
    /// assert_eq!(valid.start_year, 2026);
    /// let mut s = samkalk::Scenario::new(2026);
    /// s.horizon_years = 0;
    /// assert_eq!(s.validate().unwrap_err().errors[0].path, "horizon_years");
    /// ```
    pub fn validate(self) -> Result<ValidScenario, ScenarioError> {
        let errors = validate(&self);
        if errors.is_empty() {
            Ok(ValidScenario(self))
        } else {
            Err(ScenarioError { errors })
        }
    }
}

// Reading and validating: the reader (`scenario`) gives the typed scenario and the faults of
// shape and type; the rules are checked here on top of them.
impl Scenario {
    /// Reads and validates a scenario from JSON text, numbers exactly as spelled.
    ///
    /// ```
    /// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "discount_rate": "0.035"}"#).unwrap();
    /// assert_eq!(scenario.discount_rate.to_string(), "0.035");
    /// let faults = samkalk::Scenario::from_json(r#"{"start_year": 2026, "discount_rat": 1}"#).unwrap_err();
    /// assert_eq!(faults.errors[0].code(), samkalk::FaultCode::UnknownField);
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        // Read from a tape of the text: the scenario and faults of `from_value(&parse_json(text))`
        // without building the tree.
        let tape = crate::value::parse_tape(text).map_err(|e| e.fault())?;
        Scenario::from_node(crate::node::TapeNode::root(&tape))
    }

    /// Reads and validates a scenario from TOML text.
    ///
    /// ```
    /// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
    /// assert_eq!((scenario.start_year, scenario.cohorts.len()), (2026, 2));
    /// assert_eq!(samkalk::Scenario::from_toml("start_year = ").unwrap_err().errors[0].path, "");
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Scenario, ScenarioError> {
        let value = crate::value::parse_toml(text).map_err(|e| FieldError::new("", Fault::NotToml { detail: e.to_string() }))?;
        Scenario::from_value(&value)
    }

    /// Reads and validates a scenario from an input tree; every fault is reported.
    ///
    /// ```
    /// let tree = samkalk::parse_json(r#"{"start_year": 2026, "horizon_years": 6}"#).unwrap();
    /// assert_eq!(samkalk::Scenario::from_value(&tree).unwrap().horizon_years, 6);
    /// ```
    pub fn from_value(value: &Value) -> Result<Scenario, ScenarioError> {
        Scenario::from_node(value)
    }

    /// Reads and validates a scenario from any input document ([`Node`]): the same scenario
    /// and faults as [`Scenario::from_value`] gives for the document made into a [`Value`].
    ///
    /// ```
    /// let tree = samkalk::parse_json(r#"{"start_year": 2026, "horizon_years": "6"}"#).unwrap();
    /// let errors = samkalk::Scenario::from_node(&tree).unwrap_err().errors;
    /// assert_eq!((errors[0].path.as_str(), errors[0].code()), ("horizon_years", samkalk::FaultCode::NotAnInteger));
    /// ```
    pub fn from_node<'v>(value: impl Node<'v>) -> Result<Scenario, ScenarioError> {
        let (scenario, errors, renames) = read_scenario(value, &crate::defaults::BUILT_IN_STATES);
        // The rules are checked on the resolved states (paths `flows[k]`); every fault is
        // reported at the path the input wrote (`flows.<label>` under `extends`).
        let mut errors = renamed(errors, &renames, false);
        crate::validate::check_rules(&scenario, &mut errors);
        let errors = renamed(errors, &renames, true);
        if errors.is_empty() {
            Ok(scenario)
        } else {
            Err(ScenarioError { errors })
        }
    }
}

/// serde support for any format: the tree is read and validated as by [`Scenario::from_value`].
impl<'de> serde::Deserialize<'de> for Scenario {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Scenario::from_value(&value).map_err(serde::de::Error::custom)
    }
}

/// Checks the rules, adding faults to `errors`; faults already in `errors` (from reading)
/// mark fields whose rules are skipped.
pub(crate) fn check_rules(s: &Scenario, errors: &mut Vec<FieldError>) {
    let reported: Vec<String> = errors.iter().map(|e| e.path.clone()).collect();
    if reported.iter().any(|r| r.is_empty()) {
        return; // not an object (or not JSON): there is nothing to check rules on
    }
    let mut c = Checker { reported, errors };
    c.scenario(s);
}

struct Checker<'e> {
    reported: Vec<String>,
    errors: &'e mut Vec<FieldError>,
}

impl Checker<'_> {
    fn fault(&mut self, path: &Path, fault: Fault) {
        self.errors.push(FieldError::new(path, fault));
    }

    /// True when reading already reported this field or something inside it.
    fn reported(&self, path: &Path) -> bool {
        if self.reported.is_empty() {
            return false;
        }
        let p = path.to_string();
        self.reported
            .iter()
            .any(|r| r == &p || (r.starts_with(&p) && (p.is_empty() || matches!(r.as_bytes().get(p.len()), Some(b'.' | b'[')))))
    }

    /// x within the field's limits (`crate::limits`); false when not (or reported).
    fn within(&mut self, path: &Path, x: Decimal, limit: Limit) -> bool {
        if self.reported(path) {
            return false;
        }
        if !limit.contains(x) {
            self.fault(path, limit.fault(x));
            return false;
        }
        true
    }

    fn whole_within(&mut self, path: &Path, x: i64, limit: Limit) -> bool {
        self.within(path, Decimal::from(x), limit)
    }

    fn scenario(&mut self, s: &Scenario) {
        let root = Path::Root;
        let version = root.key("version");
        self.version(&version, s.version);
        self.whole_within(&root.key("start_year"), s.start_year, limits::YEAR);
        if let Some(p) = s.price_year {
            self.whole_within(&root.key("price_year"), p, limits::YEAR);
        }
        self.whole_within(&root.key("horizon_years"), s.horizon_years, limits::HORIZON_YEARS);
        self.within(&root.key("discount_rate"), s.discount_rate, limits::DISCOUNT_RATE);
        let tax = root.key("tax");
        for (name, rate) in [
            ("municipal_rate", s.tax.municipal_rate),
            ("regional_rate", s.tax.regional_rate),
            ("employer_contribution_rate", s.tax.employer_contribution_rate),
        ] {
            if let Some(rate) = rate {
                self.within(&tax.key(name), rate, limits::SHARE);
            }
        }
        self.tax_v2(s);
        let states = root.key("states");
        if s.states.len() > MAX_STATES {
            self.fault(&states, Fault::TooMany { max: MAX_STATES as u64, got: s.states.len() as u64 });
        } else {
            for (id, state) in &s.states {
                self.state(&states.key(id), id, state);
                self.step_costs(&states.key(id), state, s.version);
            }
        }
        let cohorts = root.key("cohorts");
        if s.cohorts.len() > MAX_COHORTS {
            self.fault(&cohorts, Fault::TooMany { max: MAX_COHORTS as u64, got: s.cohorts.len() as u64 });
        } else {
            // A states block that could not be read at all: references to it cannot be judged.
            let states_unreadable = self.reported.iter().any(|r| r == "states");
            for (i, cohort) in s.cohorts.iter().enumerate() {
                self.cohort(&cohorts.index(i), cohort, s, states_unreadable);
                self.pathways(&cohorts.index(i), cohort, s, states_unreadable);
            }
        }
    }

    fn state(&mut self, path: &Path, id: &str, state: &State) {
        if !valid_state_id(id) && !self.reported.iter().any(|r| r == &path.to_string()) {
            self.fault(path, Fault::BadStateId);
        }
        let flows = path.key("flows");
        if state.flows.len() > MAX_FLOWS {
            self.fault(&flows, Fault::TooMany { max: MAX_FLOWS as u64, got: state.flows.len() as u64 });
        } else {
            for (k, flow) in state.flows.iter().enumerate() {
                let fp = flows.index(k);
                self.within(&fp.key("amount"), flow.amount, limits::AMOUNT);
                let ends_read = !self.reported(&fp.key("payer"))
                    && !self.reported(&fp.key("payee"))
                    && !self.reported.iter().any(|r| r == &fp.to_string());
                if ends_read {
                    match (flow.payer, flow.payee) {
                        (None, None) => self.fault(&fp, Fault::NoPayerOrPayee),
                        (Some(a), Some(b)) if a == b => self.fault(&fp, Fault::SamePayerPayee { actor: a.id().to_string() }),
                        _ => {}
                    }
                }
            }
        }
        if let Some(e) = &state.earnings {
            let ep = path.key("earnings");
            self.within(&ep.key("monthly_wage"), e.monthly_wage, limits::AMOUNT);
            self.within(&ep.key("employment_rate"), e.employment_rate, limits::SHARE);
            self.within(&ep.key("productivity"), e.productivity, limits::MULTIPLE);
        }
    }

    fn cohort(&mut self, path: &Path, c: &Cohort, s: &Scenario, states_unreadable: bool) {
        let known = |id: &str| (s.states.contains_key(id) && valid_state_id(id)) || defaults().states.contains_key(id);
        let origin = path.key("origin");
        let origin_ok = !self.reported(&origin);
        if origin_ok && !states_unreadable && !known(&c.origin) {
            self.fault(&origin, Fault::NotAState { id: c.origin.clone() });
        }
        self.whole_within(&path.key("participants"), c.participants, limits::PARTICIPANTS);

        let ip = path.key("intervention");
        let it = &c.intervention;
        self.within(&ip.key("cost_per_participant"), it.cost_per_participant, limits::AMOUNT);
        self.within(&ip.key("fixed_cost"), it.fixed_cost, limits::AMOUNT);
        self.within(&ip.key("optimism_bias"), it.optimism_bias, limits::MULTIPLE);
        let intervention_unreadable = self.reported.iter().any(|r| r == &ip.to_string());
        let duration_ok =
            !intervention_unreadable && self.whole_within(&ip.key("duration_months"), it.duration_months, limits::DURATION_MONTHS);
        self.whole_within(&ip.key("start_month"), it.start_month, limits::MONTH);
        let fp = ip.key("financing");
        let mut members_ok = !self.reported(&fp);
        for (actor, share) in &it.financing {
            members_ok &= self.within(&fp.key(actor.id()), *share, limits::SHARE);
        }
        if members_ok {
            let sum: Decimal = it.financing.values().copied().fold(Decimal::ZERO, |a, b| a + b);
            let difference = Decimal::ONE - sum;
            if sum != Decimal::ONE && difference.abs() <= ROUNDING_ERROR {
                self.fault(&fp, Fault::SumNotOneByRounding { sum, difference });
            } else if sum != Decimal::ONE {
                self.fault(&fp, Fault::SumNotOne { sum });
            }
        }

        let op = path.key("outcomes");
        if c.outcomes.len() > MAX_OUTCOMES {
            self.fault(&op, Fault::TooMany { max: MAX_OUTCOMES as u64, got: c.outcomes.len() as u64 });
            return;
        }
        let lag_floor = if duration_ok { -it.duration_months } else { limits::LAG_MONTHS.whole().0 };
        let mut shares_ok = !self.reported.iter().any(|r| r == &op.to_string());
        let mut sum = Decimal::ZERO;
        for (k, o) in c.outcomes.iter().enumerate() {
            let p = op.index(k);
            let target = p.key("target");
            if !self.reported(&target) {
                if !states_unreadable && !known(&o.target) {
                    self.fault(&target, Fault::NotAState { id: o.target.clone() });
                } else if origin_ok && o.target == c.origin {
                    self.fault(&target, Fault::SameAsOrigin { origin: c.origin.clone() });
                }
            }
            let share_ok = self.within(&p.key("share"), o.share, limits::SHARE);
            shares_ok &= share_ok;
            sum += if share_ok { o.share } else { Decimal::ZERO };
            for (name, x) in [
                ("counterfactual_share", o.counterfactual_share),
                ("deadweight", o.deadweight),
                ("attribution", o.attribution),
                ("displacement", o.displacement),
                ("retention", o.retention),
            ] {
                self.within(&p.key(name), x, limits::SHARE);
            }
            let lag = p.key("lag_months");
            let lag_limit = Limit { min: lag_floor.into(), ..limits::LAG_MONTHS };
            if !self.reported(&lag) && !lag_limit.contains(o.lag_months.into()) {
                let note = if duration_ok { Some(RangeNote::BeforeIntervention) } else { None };
                let mut fault = lag_limit.fault(o.lag_months.into());
                if let Fault::OutOfRange { note: n, .. } = &mut fault {
                    *n = note;
                }
                self.fault(&lag, fault);
            }
        }
        if shares_ok && sum > Decimal::ONE {
            self.fault(&op, Fault::SumAboveOne { sum });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Version 2: the version rule, the gate on version-2 fields, and the rules of pathways
// (docs/method.md, "Version 2"); the version gate's fault and the version reading judges by are
// the table of record's (`limits::requires_v2_fault`, `limits::known_version`).

impl Checker<'_> {
    fn version(&mut self, path: &Path, version: i64) {
        if !self.reported(path) && !(1..=MAX_VERSION).contains(&version) {
            self.fault(path, Fault::UnsupportedVersion { got: version, supported: MAX_VERSION });
        }
    }

    /// A version-2 field in use at `path` (given in a typed scenario): false, with a fault, in
    /// a version-1 scenario; false without one when the version is invalid or the field was
    /// already reported while reading.
    fn requires_v2(&mut self, path: &Path, version: i64) -> bool {
        if version >= 2 && version <= MAX_VERSION {
            return true;
        }
        if version == 1 && !self.reported(path) {
            self.errors.push(requires_v2_fault(path));
        }
        false
    }

    /// `investment: true` only on a flow paid by an actor to null.
    fn step_costs(&mut self, path: &Path, state: &State, version: i64) {
        let flows = path.key("flows");
        if state.flows.len() > MAX_FLOWS {
            return;
        }
        for (k, flow) in state.flows.iter().enumerate() {
            if !flow.investment {
                continue;
            }
            let fp = flows.index(k);
            let ip = fp.key("investment");
            if !self.requires_v2(&ip, version) || self.reported(&ip) {
                continue;
            }
            if self.reported(&fp.key("payer")) || self.reported(&fp.key("payee")) {
                continue;
            }
            if flow.payer.is_none() || flow.payee.is_some() {
                self.fault(&ip, Fault::InvestmentNotToNull);
            }
        }
    }

    /// The origin holds no step cost; each outcome's onward moves.
    fn pathways(&mut self, path: &Path, c: &Cohort, s: &Scenario, states_unreadable: bool) {
        let origin = path.key("origin");
        let origin_ok = !self.reported(&origin);
        if origin_ok && s.states.get(&c.origin).is_some_and(|st| st.flows.iter().any(|f| f.investment)) {
            self.fault(&origin, Fault::OriginHasStepCost { origin: c.origin.clone() });
        }
        let op = path.key("outcomes");
        if c.outcomes.len() > MAX_OUTCOMES {
            return;
        }
        for (k, o) in c.outcomes.iter().enumerate() {
            let p = op.index(k);
            self.moves(&p, o, c, s, states_unreadable, origin_ok);
        }
    }

    #[inline(never)]
    fn moves(&mut self, path: &Path, o: &Outcome, c: &Cohort, s: &Scenario, states_unreadable: bool, origin_ok: bool) {
        if o.then.is_empty() {
            return;
        }
        let tp = path.key("then");
        if !self.requires_v2(&tp, s.version) {
            return;
        }
        if o.then.len() > MAX_MOVES {
            if !self.reported(&tp) {
                self.fault(&tp, Fault::TooMany { max: MAX_MOVES as u64, got: o.then.len() as u64 });
            }
            return;
        }
        let known = |id: &str| (s.states.contains_key(id) && valid_state_id(id)) || defaults().states.contains_key(id);
        let target_ok = !self.reported(&path.key("target")) && (states_unreadable || known(&o.target)) && o.target != c.origin;
        let mut ends_ok = target_ok && !states_unreadable;
        let mut shares_ok = ends_ok;
        for (j, m) in o.then.iter().enumerate() {
            let mp = tp.index(j);
            if self.reported.iter().any(|r| r == &mp.to_string()) {
                // Not an object: nothing in it to check, and the whole-outcome rules wait.
                ends_ok = false;
                shares_ok = false;
                continue;
            }
            let fp = mp.key("from");
            let mut from_ok = !self.reported(&fp);
            if from_ok {
                if let Some(from) = &m.from {
                    if !states_unreadable && !known(from) {
                        self.fault(&fp, Fault::NotAState { id: from.clone() });
                        from_ok = false;
                    } else if origin_ok && *from == c.origin {
                        self.fault(&fp, Fault::MoveFromOrigin { origin: c.origin.clone() });
                        from_ok = false;
                    }
                }
            }
            let to = mp.key("to");
            let mut to_ok = !self.reported(&to);
            if to_ok && !states_unreadable && !known(&m.to) {
                self.fault(&to, Fault::NotAState { id: m.to.clone() });
                to_ok = false;
            }
            let share_ok = self.within(&mp.key("share"), m.share, limits::SHARE);
            self.whole_within(&mp.key("after_months"), m.after_months, limits::MONTH);
            if let Some(every) = m.every_months {
                self.whole_within(&mp.key("every_months"), every, limits::EVERY_MONTHS);
            }
            let mut distinct = true;
            if from_ok && to_ok && target_ok && !self.reported(&mp) && m.from_state(o) == m.to {
                self.fault(&mp, Fault::MoveToSameState { state: m.to.clone() });
                distinct = false;
            }
            ends_ok &= from_ok && to_ok && distinct && !self.reported(&mp);
            shares_ok &= from_ok && share_ok && !self.reported(&mp);
        }
        if ends_ok {
            // The states the effect population can be in: the target, and wherever a move from
            // such a state leads, whatever the timing.
            let mut reachable: Vec<&str> = vec![&o.target];
            loop {
                let before = reachable.len();
                for m in &o.then {
                    if reachable.contains(&m.from_state(o)) && m.to != c.origin && !reachable.contains(&m.to.as_str()) {
                        reachable.push(&m.to);
                    }
                }
                if reachable.len() == before {
                    break;
                }
            }
            for (j, m) in o.then.iter().enumerate() {
                if !reachable.contains(&m.from_state(o)) {
                    let mp = tp.index(j);
                    self.fault(&mp.key("from"), Fault::Unreachable { from: m.from_state(o).to_string(), target: o.target.clone() });
                }
            }
        }
        if shares_ok {
            let mut sums: Vec<(&str, Decimal)> = Vec::new();
            for m in &o.then {
                let from = m.from_state(o);
                match sums.iter_mut().find(|(f, _)| *f == from) {
                    Some((_, sum)) => *sum += m.share,
                    None => sums.push((from, m.share)),
                }
            }
            if let Some((from, sum)) = sums.iter().find(|(_, sum)| *sum > Decimal::ONE) {
                self.fault(&tp, Fault::MoveSharesAboveOne { from: from.to_string(), sum: *sum });
            }
        }
    }
}

/// 1–64 characters of `A-Z a-z 0-9 _ -`.
pub(crate) fn valid_state_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

// ---------------------------------------------------------------------------------------------
// Version 2: the tax fields (docs/method.md, "Tax from the rules", "Price years"), gated like
// the pathways' fields (`requires_v2_fault`).

impl Checker<'_> {
    /// `tax.method`, `tax.municipality`, `tax.year`, `tax.equalisation`, flows' `taxable` and
    /// the restating `price_year`: version 2 only, each checked against the data.
    fn tax_v2(&mut self, s: &Scenario) {
        let root = Path::Root;
        let tax = root.key("tax");
        let (mp, up, yp, ep) = (tax.key("method"), tax.key("municipality"), tax.key("year"), tax.key("equalisation"));
        let t = &s.tax;
        let given = [(&mp, t.method.is_some()), (&up, t.municipality.is_some()), (&yp, t.year.is_some()), (&ep, t.equalisation.is_some())];
        let mut taxable = Vec::new();
        for (id, state) in &s.states {
            if state.flows.len() <= MAX_FLOWS {
                for (k, f) in state.flows.iter().enumerate() {
                    if f.taxable {
                        taxable.push((id.as_str(), k, f.payee, f.label.as_str()));
                    }
                }
            }
        }
        if s.version == 1 {
            for (path, present) in given {
                if present && !self.reported(path) {
                    self.errors.push(requires_v2_fault(path));
                }
            }
            let states = root.key("states");
            // The built-in states' own flags, pasted back or extended, have no effect here.
            for (id, k, _, _) in taxable.iter().filter(|t| !crate::defaults::is_builtin_taxable(t.3)) {
                let sp = states.key(id);
                let flows = sp.key("flows");
                let fp = flows.index(*k);
                let p = fp.key("taxable");
                if !self.reported(&p) {
                    self.errors.push(requires_v2_fault(&p));
                }
            }
            return;
        }
        if s.version != MAX_VERSION {
            return;
        }
        let states = root.key("states");
        for (id, k, payee, _) in &taxable {
            let sp = states.key(id);
            let flows = sp.key("flows");
            let fp = flows.index(*k);
            let p = fp.key("taxable");
            if !self.reported(&fp.key("payee")) && *payee != Some(crate::actor::Actor::Individual) {
                self.fault(&p, Fault::TaxableNotToIndividual);
            }
        }
        let rules = t.method == Some(crate::scenario::TaxMethod::Rules);
        if !rules {
            for (path, present) in [(&up, t.municipality.is_some()), (&yp, t.year.is_some()), (&ep, t.equalisation.is_some())] {
                if present && !self.reported(path) {
                    self.fault(path, Fault::RulesMethodOnly);
                }
            }
        }
        let years = crate::tax::tax_years();
        let year = t.year.unwrap_or_else(crate::tax::default_tax_year);
        if let Some(y) = t.year {
            if !self.reported(&yp) && !years.contains(&y) {
                self.fault(&yp, Fault::NoTaxYear { got: y, years: years.clone() });
            }
        }
        if let Some(q) = &t.municipality {
            if !self.reported(&up) && rules && years.contains(&year) {
                match crate::tax::municipalities(year) {
                    None => self.fault(&up, Fault::NoMunicipalRates { year }),
                    Some(list) => {
                        if let Err(close) = list.find(q) {
                            self.fault(&up, Fault::UnknownMunicipality { got: q.clone(), year, close });
                        }
                    }
                }
                for name in ["municipal_rate", "regional_rate"] {
                    let rp = tax.key(name);
                    let present = if name == "municipal_rate" { t.municipal_rate.is_some() } else { t.regional_rate.is_some() };
                    if present && !self.reported(&rp) {
                        self.fault(&rp, Fault::RateWithMunicipality);
                    }
                }
            }
        }
        if let Some(p) = s.price_year {
            let pp = root.key("price_year");
            let index = crate::tax::price_years();
            if !self.reported(&pp) && limits::YEAR.contains(p.into()) && p != defaults().price_year && !index.contains(&p) {
                self.fault(&pp, Fault::NoPriceIndex { got: p, years: index.clone() });
            }
        }
    }
}
