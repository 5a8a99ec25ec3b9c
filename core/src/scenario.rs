//! The scenario: what a user states (states, flows, cohorts, interventions, outcomes), typed,
//! and read from the input tree with every fault reported at its path.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::actor::Actor;
use crate::arith::Calc;
use crate::error::{AlsoAllowed, Expected, Fault, FieldError, ValueKind};
use crate::limits;
use crate::node::Node;
use crate::path::Path;
use crate::read::Reader;

/// A number: a JSON number or a string spelled like one, read as the exact decimal it spells
/// (the JSON Schema of every number field, `schemars(with = "Number")`).
#[cfg(feature = "schema")]
pub(crate) struct Number;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal: a JSON number, or a string spelled like one (\"0.1\" is exactly 0.1). At most 28 decimals.",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"}
            ]
        })
    }
}

/// A scenario as MODEL.md defines it. Build one in Rust, or read it with
/// [`Scenario::from_json`], [`Scenario::from_toml`] or [`Scenario::from_value`].
///
/// ```
/// use samkalk::{Actor, Cohort, Intervention, Outcome, Scenario};
///
/// // Built in code: 20 people from AM2, 40 000 kr each, 60 % reach work.
/// let mut scenario = Scenario::new(2026);
/// scenario.name = "AM2-grupp".into();
/// scenario.cohorts.push(Cohort {
///     name: "AM2".into(),
///     origin: "AM2".into(),
///     participants: 20,
///     intervention: Intervention { cost_per_participant: 40_000.into(), duration_months: 6, ..Intervention::default() },
///     outcomes: vec![Outcome::new("work", "0.6".parse().unwrap())],
/// });
/// let result = samkalk::calculate(&scenario).unwrap();
/// // Unfinanced, the municipality pays the whole 20 × 40 000.
/// assert_eq!(result.actor(Actor::Municipality).total_investment.to_string(), "800000.00");
/// // What it writes reads back as the same scenario.
/// assert_eq!(Scenario::from_json(&scenario.to_json()).unwrap(), scenario);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Version of the method: 1, or 2 for pathways (`then`, `investment`).
    #[serde(default = "one_i64")]
    pub version: i64,
    /// A name for people; may be empty.
    #[serde(default)]
    pub name: String,
    /// Calendar year of year 1.
    pub start_year: i64,
    /// The year whose prices the amounts are in (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_year: Option<i64>,
    /// Years in the calculation (a political term: 4).
    #[serde(default = "four")]
    pub horizon_years: i64,
    /// Yearly discount rate for the NPV, in [0, 1); 0 sums the years undiscounted.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub discount_rate: Decimal,
    /// Tax rates on the gross wage; a rate left out takes the built-in default.
    #[serde(default)]
    pub tax: TaxRates,
    /// States the user defines; an id that is built in replaces the built-in state whole. In
    /// the input a state may instead start from a built-in one (`extends`, docs/method.md
    /// "Changing a built-in state"); reading resolves it, so this holds the whole state.
    #[serde(default)]
    pub states: BTreeMap<String, State>,
    /// The groups of participants, each with its intervention and outcomes.
    #[serde(default)]
    pub cohorts: Vec<Cohort>,
}

// The `default = "..."` functions below are read only by the JSON Schema derive.
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
fn one_i64() -> i64 {
    1
}
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
fn four() -> i64 {
    limits::SCENARIO_HORIZON_YEARS.whole_default()
}
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
fn one() -> Decimal {
    Decimal::ONE
}
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
fn one_month() -> i64 {
    limits::INTERVENTION_DURATION_MONTHS.whole_default()
}

/// How a wage's income tax is computed (version 2: `tax.method`).
///
/// ```
/// let s = samkalk::Scenario::from_json(r#"{"version": 2, "start_year": 2026, "tax": {"method": "rules", "municipality": "Nynäshamn"}}"#).unwrap();
/// assert_eq!(s.tax.method, Some(samkalk::TaxMethod::Rules));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TaxMethod {
    /// Version 1: effective rates on the gross wage.
    #[default]
    Effective,
    /// From the Swedish rules of a tax year (docs/method.md, "Tax from the rules").
    Rules,
}

/// Effective rates on the gross wage (or, under the rules method, the nominal municipal and
/// regional rates on taxable income); a rate left out takes the built-in default. The other
/// fields are version 2.
///
/// ```
/// let s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2"}}"#).unwrap();
/// let tax: &samkalk::TaxRates = &s.tax;
/// assert_eq!((tax.municipal_rate.map(|r| r.to_string()), tax.regional_rate), (Some("0.2".to_string()), None));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaxRates {
    /// Municipal income tax, as a share of the gross wage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Number>"))]
    pub municipal_rate: Option<Decimal>,
    /// Regional income tax, as a share of the gross wage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Number>"))]
    pub regional_rate: Option<Decimal>,
    /// Employer's contributions, as a share of the gross wage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Number>"))]
    pub employer_contribution_rate: Option<Decimal>,
    /// Version 2: `effective` (the default) or `rules`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<TaxMethod>,
    /// Version 2, rules method: a kommunkod ("2262") or name ("Timrå"); default the national
    /// average.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Version 2, rules method: the income year whose rules apply; default the latest in the
    /// data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    /// Version 2, rules method: book the equalised part of municipal and regional tax to the
    /// state (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equalisation: Option<bool>,
}

/// A situation a person can be in for a year (AM2, work, studies ...).
///
/// ```
/// use samkalk::{Actor, Flow, Scenario, State};
///
/// let s = Scenario::from_json(r#"{"start_year": 2026, "states": {"stod": {"label": "Stöd",
///     "flows": [{"label": "Försörjningsstöd", "payer": "municipality", "payee": "individual", "amount": "120000"}]}}}"#).unwrap();
/// let state: &State = &s.states["stod"];
/// let flow: &Flow = &state.flows[0];
/// assert_eq!((flow.payer, flow.payee, flow.amount.to_string()), (Some(Actor::Municipality), Some(Actor::Individual), "120000".to_string()));
/// assert!(state.earnings.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct State {
    /// A name for people ("Arbete").
    #[serde(default)]
    pub label: String,
    /// A longer description for people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// What a person in the state moves between actors in a year.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// A wage, from which the taxes and contributions follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earnings: Option<Earnings>,
}

/// A yearly flow per person; `None` as payer or payee is outside the public economy.
///
/// ```
/// let am2 = &samkalk::defaults().states["AM2"].state;
/// let flow: &samkalk::Flow = &am2.flows[0];
/// assert!(!flow.label.is_empty() && !flow.source.is_empty());
/// assert!(flow.amount >= rust_decimal::Decimal::ZERO);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// A name for people ("Försörjningsstöd").
    #[serde(default)]
    pub label: String,
    /// Who pays; None: someone outside the public economy.
    #[serde(default)]
    pub payer: Option<Actor>,
    /// Who receives; None: someone outside the public economy.
    #[serde(default)]
    pub payee: Option<Actor>,
    /// Kronor per person and year.
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub amount: Decimal,
    /// Where the amount comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// How the amount follows from the source (informational, like `source`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Version 2: a step cost, paid by an actor to null, invested for the effect population in
    /// the state instead of counted in the state's net.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub investment: bool,
    /// Version 2: a taxable benefit paid to the individual, taxed with the state's wage under
    /// the rules method.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub taxable: bool,
}

/// A wage in a state: adds production, wage, employer contributions and income taxes.
///
/// ```
/// let e = samkalk::Earnings::new(25_000.into());
/// assert_eq!((e.employment_rate.to_string(), e.productivity.to_string()), ("1".to_string(), "1".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Earnings {
    /// Gross wage per month of full-time work, in kronor.
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub monthly_wage: Decimal,
    /// Share of full time worked (default 1).
    #[serde(default = "one")]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub employment_rate: Decimal,
    /// Production as a multiple of the wage cost, the employer's gain (default 1).
    #[serde(default = "one")]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub productivity: Decimal,
    /// Where the wage comes from (informational).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// How the wage follows from the source (informational).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Earnings {
    /// A wage at full time and productivity 1, without source or note.
    ///
    /// ```
    /// assert_eq!(samkalk::Earnings::new(30_000.into()).monthly_wage.to_string(), "30000");
    /// ```
    pub fn new(monthly_wage: Decimal) -> Self {
        Earnings {
            monthly_wage,
            employment_rate: limits::EARNINGS_EMPLOYMENT_RATE.decimal_default(),
            productivity: limits::EARNINGS_PRODUCTIVITY.decimal_default(),
            source: String::new(),
            note: String::new(),
        }
    }
}

/// A group of participants that starts in one state and receives one intervention.
///
/// ```
/// let s = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let c: &samkalk::Cohort = &s.cohorts[1];
/// assert_eq!((c.origin.as_str(), c.participants, c.outcomes[0].target.as_str()), ("AM3", 15, "work"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// A name for people; may be empty.
    #[serde(default)]
    pub name: String,
    /// The state the participants start in.
    pub origin: String,
    /// Number of participants.
    pub participants: i64,
    /// What the intervention costs, when, and who pays.
    #[serde(default)]
    pub intervention: Intervention,
    /// Where shares of the participants move; break-even is on the first.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
}

/// What the intervention costs, when, and who pays.
///
/// ```
/// use samkalk::{Actor, Intervention};
///
/// let s = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let i: &Intervention = &s.cohorts[1].intervention;
/// assert_eq!((i.cost_per_participant.to_string(), i.duration_months), ("120000".to_string(), 18));
/// assert_eq!(i.financing[&Actor::Region].to_string(), "0.25");
/// // By default the municipality pays it all.
/// assert_eq!(Intervention::default().financing[&Actor::Municipality].to_string(), "1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Cost per participant, in kronor.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub cost_per_participant: Decimal,
    /// Cost whatever the number of participants, in kronor.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub fixed_cost: Decimal,
    /// Markup on the cost for optimism (0.2 adds 20 %).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub optimism_bias: Decimal,
    /// Length in whole months; the cost is spread evenly over them.
    #[serde(default = "one_month")]
    pub duration_months: i64,
    /// First month, counted from January of the start year (0).
    #[serde(default)]
    pub start_month: i64,
    /// Actor → share of the cost; the shares sum to exactly 1. Default: all municipality.
    #[serde(default = "municipality_pays")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<Actor, Number>"))]
    pub financing: BTreeMap<Actor, Decimal>,
}

fn municipality_pays() -> BTreeMap<Actor, Decimal> {
    BTreeMap::from([(Actor::Municipality, Decimal::ONE)])
}

impl Default for Intervention {
    fn default() -> Self {
        Intervention {
            cost_per_participant: limits::INTERVENTION_COST_PER_PARTICIPANT.decimal_default(),
            fixed_cost: limits::INTERVENTION_FIXED_COST.decimal_default(),
            optimism_bias: limits::INTERVENTION_OPTIMISM_BIAS.decimal_default(),
            duration_months: limits::INTERVENTION_DURATION_MONTHS.whole_default(),
            start_month: limits::INTERVENTION_START_MONTH.whole_default(),
            financing: municipality_pays(),
        }
    }
}

/// A move from the cohort's origin to a target state for a share of the participants.
///
/// ```
/// let s = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let o: &samkalk::Outcome = &s.cohorts[0].outcomes[0];
/// assert_eq!((o.share.to_string(), o.retention.to_string()), ("0.6".to_string(), "0.9".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The state the share moves to.
    pub target: String,
    /// Share of the participants that moves, in [0, 1].
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub share: Decimal,
    /// Share that would have moved without the intervention; only the difference counts.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub counterfactual_share: Decimal,
    /// Share of the effect that would have happened anyway.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub deadweight: Decimal,
    /// Share of the effect owed to others than the intervention.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub attribution: Decimal,
    /// Share of the effect that only moves others out of the target state.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub displacement: Decimal,
    /// Share still in the target state one year later (default 1).
    #[serde(default = "one")]
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub retention: Decimal,
    /// Whole months from the intervention's end to the move.
    #[serde(default)]
    pub lag_months: i64,
    /// Version 2: onward moves of the effect population after the outcome's move.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub then: Vec<Move>,
}

/// Version 2: an onward move of an outcome's effect population from one state to another (or
/// out of the effect, when `to` is the cohort's origin), once or repeatedly.
///
/// ```
/// use samkalk::{Move, Outcome};
/// let mut outcome = Outcome::new("work", "0.5".parse().unwrap());
/// outcome.then.push(Move::new("AM2", "0.1".parse().unwrap()));
/// // A move without `from` leaves the outcome's target.
/// assert_eq!(outcome.then[0].from_state(&outcome), "work");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Move {
    /// The state the move leaves; `None` is the outcome's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The state the move reaches; the cohort's origin means leaving the effect.
    pub to: String,
    /// The share of the effect population in `from` that moves.
    #[cfg_attr(feature = "schema", schemars(with = "Number"))]
    pub share: Decimal,
    /// Months after the outcome's move month of the move's first month.
    #[serde(default)]
    pub after_months: i64,
    /// The move repeats every so many months after its first month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every_months: Option<i64>,
}

impl Move {
    /// A single move of `share` of the target's population to `to`, in the outcome's move month.
    ///
    /// ```
    /// let m = samkalk::Move::new("studies", "0.2".parse().unwrap());
    /// assert_eq!((m.to.as_str(), m.from, m.every_months), ("studies", None, None));
    /// ```
    pub fn new(to: impl Into<String>, share: Decimal) -> Self {
        Move { from: None, to: to.into(), share, after_months: limits::MOVE_AFTER_MONTHS.whole_default(), every_months: None }
    }

    /// The state the move leaves: `from`, else the outcome's target.
    ///
    /// ```
    /// let outcome = samkalk::Outcome::new("work", "0.5".parse().unwrap());
    /// let mut m = samkalk::Move::new("AM2", "0.1".parse().unwrap());
    /// m.from = Some("studies".into());
    /// assert_eq!(m.from_state(&outcome), "studies");
    /// ```
    pub fn from_state<'a>(&'a self, outcome: &'a Outcome) -> &'a str {
        self.from.as_deref().unwrap_or(&outcome.target)
    }
}

impl Outcome {
    /// An outcome with every optional field at its default.
    ///
    /// ```
    /// let o = samkalk::Outcome::new("work", "0.6".parse().unwrap());
    /// assert_eq!((o.counterfactual_share.to_string(), o.retention.to_string()), ("0".to_string(), "1".to_string()));
    /// ```
    pub fn new(target: impl Into<String>, share: Decimal) -> Self {
        Outcome {
            target: target.into(),
            share,
            counterfactual_share: limits::OUTCOME_COUNTERFACTUAL_SHARE.decimal_default(),
            deadweight: limits::OUTCOME_DEADWEIGHT.decimal_default(),
            attribution: limits::OUTCOME_ATTRIBUTION.decimal_default(),
            displacement: limits::OUTCOME_DISPLACEMENT.decimal_default(),
            retention: limits::OUTCOME_RETENTION.decimal_default(),
            lag_months: limits::OUTCOME_LAG_MONTHS.whole_default(),
            then: Vec::new(),
        }
    }
}

impl Scenario {
    /// An empty scenario starting in `start_year`, every other field at its default.
    ///
    /// ```
    /// let s = samkalk::Scenario::new(2026);
    /// assert_eq!((s.version, s.start_year, s.horizon_years, s.cohorts.len()), (1, 2026, 4, 0));
    /// ```
    pub fn new(start_year: i64) -> Self {
        Scenario {
            version: 1,
            name: String::new(),
            start_year,
            price_year: None,
            horizon_years: limits::SCENARIO_HORIZON_YEARS.whole_default(),
            discount_rate: limits::SCENARIO_DISCOUNT_RATE.decimal_default(),
            tax: TaxRates::default(),
            states: BTreeMap::new(),
            cohorts: Vec::new(),
        }
    }

    /// Writes the scenario as JSON in the input format.
    ///
    /// ```
    /// let json = samkalk::Scenario::new(2026).to_json();
    /// assert!(json.contains("\"start_year\": 2026"));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the input tree. Type faults are reported here and the field takes a placeholder;
// rules over values (ranges, sums, references) are checked on the typed scenario in
// `validate`, which skips whatever was already reported here.

/// `errors` with each path under one side of a rename (resolved, input) moved to the other:
/// to the input's paths when `to_input`, else to the resolved state's.
pub(crate) fn renamed(mut errors: Vec<FieldError>, renames: &[(String, String)], to_input: bool) -> Vec<FieldError> {
    for e in &mut errors {
        for (resolved, input) in renames {
            let (from, to) = if to_input { (resolved, input) } else { (input, resolved) };
            if let Some(rest) = e.path.strip_prefix(from) {
                if rest.is_empty() || rest.starts_with(['.', '[']) {
                    e.path = format!("{to}{rest}");
                    break;
                }
            }
        }
    }
    errors
}

/// The built-in states a state's `extends` starts from. The model's parameter set gives them
/// to the reader (`defaults::BUILT_IN_STATES`), so reading does not depend on the model.
pub(crate) struct BuiltInStates {
    /// The built-in state `id` as a scenario of this version and price year uses it
    /// (restated to its price year in version 2): None when there is none, `Some(Err)` when
    /// restating overflows.
    pub(crate) state: fn(id: &str, version: i64, price_year: Option<i64>) -> Option<Calc<State>>,
    /// The built-in states' ids, in order (what `extends` may name).
    pub(crate) ids: fn() -> Vec<String>,
}

/// Reads the tree into a typed scenario and the faults of shape and type, with the paths of
/// the flows resolved under `extends` (resolved, input).
pub(crate) fn read_scenario<'v, N: Node<'v>>(value: N, built_in: &BuiltInStates) -> (Scenario, Vec<FieldError>, Vec<(String, String)>) {
    let mut r = Reader::default();
    let root = Path::Root;
    let mut s = Scenario::new(0);
    let Some(fields) = r.object(
        value,
        &root,
        &["version", "name", "start_year", "price_year", "horizon_years", "discount_rate", "tax", "states", "cohorts"],
    ) else {
        return (s, r.errors, r.renames);
    };
    s.version = r.opt_int(fields.get("version"), &root.key("version")).unwrap_or(1);
    // Which version's fields are allowed; None when the version itself is unreadable or
    // unknown, so that no field is reported against it.
    r.version = limits::known_version(&r.errors, s.version);
    s.name = r.opt_text(fields.get("name"), &root.key("name"));
    s.start_year = r.required(fields.get("start_year"), &root.key("start_year"), Reader::int).unwrap_or(0);
    s.price_year = fields.get("price_year").and_then(|v| r.int(v, &root.key("price_year")));
    s.horizon_years = r
        .opt_int(fields.get("horizon_years"), &root.key("horizon_years"))
        .unwrap_or_else(|| limits::SCENARIO_HORIZON_YEARS.whole_default());
    s.discount_rate = r
        .opt_decimal(fields.get("discount_rate"), &root.key("discount_rate"))
        .unwrap_or_else(|| limits::SCENARIO_DISCOUNT_RATE.decimal_default());
    if let Some(tax) = fields.get("tax") {
        let path = root.key("tax");
        if let Some(t) = r.object(
            tax,
            &path,
            &["municipal_rate", "regional_rate", "employer_contribution_rate", "method", "municipality", "year", "equalisation"],
        ) {
            for (name, slot) in [
                ("municipal_rate", &mut s.tax.municipal_rate),
                ("regional_rate", &mut s.tax.regional_rate),
                ("employer_contribution_rate", &mut s.tax.employer_contribution_rate),
            ] {
                *slot = t.get(name).and_then(|v| r.decimal(v, &path.key(name)));
            }
            if let Some(v) = t.get("method") {
                let mp = path.key("method");
                s.tax.method = match r.text(v, &mp).as_deref() {
                    Some("effective") => Some(TaxMethod::Effective),
                    Some("rules") => Some(TaxMethod::Rules),
                    Some(other) => {
                        r.fault(&mp, Fault::NotOneOf { expected: vec!["effective".into(), "rules".into()], got: other.to_string() });
                        None
                    }
                    None => None,
                };
            }
            s.tax.municipality = t.get("municipality").and_then(|v| r.text(v, &path.key("municipality")));
            s.tax.year = t.get("year").and_then(|v| r.int(v, &path.key("year")));
            s.tax.equalisation = t.get("equalisation").and_then(|v| r.boolean(v, &path.key("equalisation")));
        }
    }
    if let Some(states) = fields.get("states") {
        let path = root.key("states");
        if let Some(members) = r.map(states, &path, limits::MAX_STATES) {
            // A state that extends a built-in one starts from it as this scenario uses it.
            for (id, state) in members {
                let extends = state.members().is_some_and(|mut members| members.any(|(k, _)| k == "extends"));
                let state = match extends {
                    true => r.extended_state(state, &path.key(id), built_in, (s.version, s.price_year)),
                    false => r.state(state, &path.key(id)),
                };
                s.states.insert(id.to_string(), state);
            }
        }
    }
    if let Some(cohorts) = fields.get("cohorts") {
        let path = root.key("cohorts");
        if let Some(items) = r.list(cohorts, &path, 0, limits::MAX_COHORTS) {
            s.cohorts = items.enumerate().map(|(i, c)| r.cohort(c, &path.index(i))).collect();
        }
    }
    (s, r.errors, r.renames)
}

impl Reader {
    fn actor_or_null<'v, N: Node<'v>>(&mut self, value: Option<N>, path: &Path) -> Option<Actor> {
        let value = value?;
        if let Some(id) = value.text() {
            let actor = Actor::from_id(id);
            if actor.is_none() {
                self.fault(path, Fault::UnknownActor { id: Some(id.to_string()), also: Some(AlsoAllowed::Null), expected: actor_ids() });
            }
            return actor;
        }
        match value.kind() {
            ValueKind::Null => None,
            other => {
                self.fault(path, Fault::WrongType { expected: Expected::ActorOrNull, got: other });
                None
            }
        }
    }

    fn state<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> State {
        let mut state = State::default();
        let Some(f) = self.object(value, path, &["label", "description", "flows", "earnings"]) else {
            return state;
        };
        state.label = self.opt_text(f.get("label"), &path.key("label"));
        state.description = self.opt_text(f.get("description"), &path.key("description"));
        if let Some(flows) = f.get("flows") {
            let fpath = path.key("flows");
            if let Some(items) = self.list(flows, &fpath, 0, limits::MAX_FLOWS) {
                state.flows = items.enumerate().map(|(i, v)| self.flow(v, &fpath.index(i))).collect();
            }
        }
        if let Some(earnings) = f.get("earnings") {
            let epath = path.key("earnings");
            if let Some(e) = self.object(earnings, &epath, EARNINGS_FIELDS) {
                let mut earnings = Earnings::new(Decimal::ZERO);
                if e.get("monthly_wage").is_none() {
                    self.fault(&epath.key("monthly_wage"), Fault::Missing { expected: Vec::new() });
                }
                self.earnings_fields(&mut earnings, &e, &epath);
                state.earnings = Some(earnings);
            }
        }
        state
    }

    /// Sets each earnings field the input gives (`e`) on `earnings`.
    pub(crate) fn earnings_fields<'v, N: Node<'v>>(&mut self, earnings: &mut Earnings, e: &crate::read::Fields<'v, N>, path: &Path) {
        for (name, slot) in [
            ("monthly_wage", &mut earnings.monthly_wage),
            ("employment_rate", &mut earnings.employment_rate),
            ("productivity", &mut earnings.productivity),
        ] {
            if let Some(d) = self.opt_decimal(e.get(name), &path.key(name)) {
                *slot = d;
            }
        }
        for (name, slot) in [("source", &mut earnings.source), ("note", &mut earnings.note)] {
            if let Some(t) = e.get(name).and_then(|v| self.text(v, &path.key(name))) {
                *slot = t;
            }
        }
    }

    fn flow<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Flow {
        let mut flow = Flow::default();
        let Some(f) = self.object(value, path, FLOW_FIELDS) else {
            return flow;
        };
        flow.label = self.opt_text(f.get("label"), &path.key("label"));
        self.flow_fields(&mut flow, &f, path);
        if f.get("amount").is_none() {
            self.fault(&path.key("amount"), Fault::Missing { expected: Vec::new() });
        }
        flow
    }

    /// Sets each flow field (other than `label`) the input gives (`f`) on `flow`.
    pub(crate) fn flow_fields<'v, N: Node<'v>>(&mut self, flow: &mut Flow, f: &crate::read::Fields<'v, N>, path: &Path) {
        if let Some(payer) = f.get("payer") {
            flow.payer = self.actor_or_null(Some(payer), &path.key("payer"));
        }
        if let Some(payee) = f.get("payee") {
            flow.payee = self.actor_or_null(Some(payee), &path.key("payee"));
        }
        if let Some(d) = self.opt_decimal(f.get("amount"), &path.key("amount")) {
            flow.amount = d;
        }
        for (name, slot) in [("source", &mut flow.source), ("note", &mut flow.note)] {
            if let Some(t) = f.get(name).and_then(|v| self.text(v, &path.key(name))) {
                *slot = t;
            }
        }
        if let Some(v) = f.get("investment") {
            let ipath = path.key("investment");
            if self.requires_v2(&ipath) {
                flow.investment = self.boolean(v, &ipath).unwrap_or(false);
            }
        }
        if let Some(b) = f.get("taxable").and_then(|v| self.boolean(v, &path.key("taxable"))) {
            flow.taxable = b;
        }
    }

    fn cohort<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Cohort {
        let mut cohort = Cohort {
            name: String::new(),
            origin: String::new(),
            participants: 0,
            intervention: Intervention::default(),
            outcomes: Vec::new(),
        };
        let Some(f) = self.object(value, path, &["name", "origin", "participants", "intervention", "outcomes"]) else {
            return cohort;
        };
        cohort.name = self.opt_text(f.get("name"), &path.key("name"));
        cohort.origin = self.required(f.get("origin"), &path.key("origin"), Reader::text).unwrap_or_default();
        cohort.participants = self.required(f.get("participants"), &path.key("participants"), Reader::int).unwrap_or(0);
        if let Some(iv) = f.get("intervention") {
            let ipath = path.key("intervention");
            if let Some(i) = self.object(
                iv,
                &ipath,
                &["cost_per_participant", "fixed_cost", "optimism_bias", "duration_months", "start_month", "financing"],
            ) {
                let it = &mut cohort.intervention;
                it.cost_per_participant =
                    self.opt_decimal(i.get("cost_per_participant"), &ipath.key("cost_per_participant")).unwrap_or(it.cost_per_participant);
                it.fixed_cost = self.opt_decimal(i.get("fixed_cost"), &ipath.key("fixed_cost")).unwrap_or(it.fixed_cost);
                it.optimism_bias = self.opt_decimal(i.get("optimism_bias"), &ipath.key("optimism_bias")).unwrap_or(it.optimism_bias);
                it.duration_months = self.opt_int(i.get("duration_months"), &ipath.key("duration_months")).unwrap_or(it.duration_months);
                it.start_month = self.opt_int(i.get("start_month"), &ipath.key("start_month")).unwrap_or(it.start_month);
                if let Some(fin) = i.get("financing") {
                    let fpath = ipath.key("financing");
                    if let Some(members) = self.map(fin, &fpath, usize::MAX) {
                        it.financing.clear();
                        for (id, share) in members {
                            let mpath = fpath.key(id);
                            match Actor::from_id(id) {
                                Some(actor) => {
                                    if let Some(d) = self.decimal(share, &mpath) {
                                        it.financing.insert(actor, d);
                                    }
                                }
                                None => self.fault(&mpath, Fault::UnknownActor { id: None, also: None, expected: actor_ids() }),
                            }
                        }
                    }
                }
            }
        }
        if let Some(outcomes) = f.get("outcomes") {
            let opath = path.key("outcomes");
            if let Some(items) = self.list(outcomes, &opath, 0, limits::MAX_OUTCOMES) {
                cohort.outcomes = items.enumerate().map(|(i, v)| self.outcome(v, &opath.index(i))).collect();
            }
        }
        cohort
    }

    fn outcome<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Outcome {
        let mut o = Outcome::new("", Decimal::ZERO);
        let Some(f) = self.object(
            value,
            path,
            &["target", "share", "counterfactual_share", "deadweight", "attribution", "displacement", "retention", "lag_months", "then"],
        ) else {
            return o;
        };
        o.target = self.required(f.get("target"), &path.key("target"), Reader::text).unwrap_or_default();
        o.share = self.required(f.get("share"), &path.key("share"), Reader::decimal).unwrap_or_default();
        for (name, slot) in [
            ("counterfactual_share", &mut o.counterfactual_share),
            ("deadweight", &mut o.deadweight),
            ("attribution", &mut o.attribution),
            ("displacement", &mut o.displacement),
            ("retention", &mut o.retention),
        ] {
            if let Some(d) = self.opt_decimal(f.get(name), &path.key(name)) {
                *slot = d;
            }
        }
        o.lag_months = self.opt_int(f.get("lag_months"), &path.key("lag_months")).unwrap_or(o.lag_months);
        if let Some(then) = f.get("then") {
            let tpath = path.key("then");
            if self.requires_v2(&tpath) {
                if let Some(items) = self.list(then, &tpath, 0, limits::MAX_MOVES) {
                    o.then = items.enumerate().map(|(j, v)| self.onward_move(v, &tpath.index(j))).collect();
                }
            }
        }
        o
    }

    /// A move of `then` (version 2).
    fn onward_move<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Move {
        let mut m = Move::new("", Decimal::ZERO);
        let Some(f) = self.object(value, path, &["from", "to", "share", "after_months", "every_months"]) else {
            return m;
        };
        m.from = f.get("from").and_then(|v| self.text(v, &path.key("from")));
        m.to = self.required(f.get("to"), &path.key("to"), Reader::text).unwrap_or_default();
        m.share = self.required(f.get("share"), &path.key("share"), Reader::decimal).unwrap_or_default();
        m.after_months = self.opt_int(f.get("after_months"), &path.key("after_months")).unwrap_or(m.after_months);
        m.every_months = f.get("every_months").and_then(|v| self.int(v, &path.key("every_months")));
        m
    }
}

/// A flow's fields in the input (`label` first), then `remove`, which a change of a flow under
/// `extends` may have: one list, so that a flow and a flow change name their fields alike.
const FLOW_FIELDS_AND_REMOVE: &[&str] = &["label", "payer", "payee", "amount", "source", "note", "investment", "taxable", "remove"];
/// A flow's fields in the input (`label` first).
pub(crate) const FLOW_FIELDS: &[&str] = FLOW_FIELDS_AND_REMOVE.split_at(FLOW_FIELDS_AND_REMOVE.len() - 1).0;
/// The members of a flow change under `extends`: a flow's fields but its label (the change's
/// key), and `remove`.
pub(crate) const FLOW_CHANGE_FIELDS: &[&str] = FLOW_FIELDS_AND_REMOVE.split_at(1).1;
/// The members of an earnings change under `extends`: the earnings fields, then `remove`.
pub(crate) const EARNINGS_CHANGE_FIELDS: &[&str] = &["monthly_wage", "employment_rate", "productivity", "source", "note", "remove"];
/// An earnings block's fields in the input.
pub(crate) const EARNINGS_FIELDS: &[&str] = EARNINGS_CHANGE_FIELDS.split_at(EARNINGS_CHANGE_FIELDS.len() - 1).0;

/// The seven actors' ids, for faults that list them.
pub(crate) fn actor_ids() -> Vec<String> {
    Actor::ALL.iter().map(|a| a.id().to_string()).collect()
}

/// Reads one state (used for the built-in parameter set).
pub(crate) fn read_state<'v>(value: impl Node<'v>, path: &Path) -> (State, Vec<FieldError>) {
    let mut r = Reader::default();
    let state = r.state(value, path);
    (state, r.errors)
}
