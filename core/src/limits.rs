//! The table of record for the scenario format's numbers: each numeric field's kind, default
//! and limits, written once. Validation (`validate`), the analysis parameters' valid ranges
//! (`analysis::param`) and the JSON Schema (`schema`: `minimum`, `maximum`, `default`) read
//! them from here, so a limit changes in one place.

use rust_decimal::Decimal;

use crate::error::{Fault, FieldError, Unit};
use crate::path::Path;

/// The limits of a numeric field: min ≤ x ≤ max (x < max when `max_exclusive`).
///
/// ```
/// use samkalk::limits::{DISCOUNT_RATE, HORIZON_YEARS};
/// assert_eq!((HORIZON_YEARS.min, HORIZON_YEARS.max, HORIZON_YEARS.max_exclusive), (1.into(), 60.into(), false));
/// // A discount rate is a share below 1.
/// assert!(DISCOUNT_RATE.max_exclusive && DISCOUNT_RATE.unit == samkalk::Unit::Share);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The smallest value allowed.
    pub min: Decimal,
    /// The largest value allowed (or the bound below which values must stay).
    pub max: Decimal,
    /// True when `max` itself is not allowed.
    pub max_exclusive: bool,
    /// How a message writes the numbers.
    pub unit: Unit,
}

impl Limit {
    const fn closed(min: Decimal, max: Decimal, unit: Unit) -> Limit {
        Limit { min, max, max_exclusive: false, unit }
    }

    /// True when `x` is within the limits.
    ///
    /// ```
    /// use samkalk::limits::{DISCOUNT_RATE, SHARE};
    /// assert!(DISCOUNT_RATE.contains("0.035".parse().unwrap()));
    /// assert!(!DISCOUNT_RATE.contains(1.into()));
    /// assert!(SHARE.contains(1.into()) && !SHARE.contains("1.01".parse().unwrap()));
    /// ```
    pub fn contains(&self, x: Decimal) -> bool {
        x >= self.min && if self.max_exclusive { x < self.max } else { x <= self.max }
    }

    /// The fault for a value outside the limits; its message writes the numbers in the
    /// limit's [`Unit`].
    ///
    /// ```
    /// use samkalk::{limits::{HORIZON_YEARS, YEAR}, FaultCode, Lang};
    /// let f = HORIZON_YEARS.fault(61.into());
    /// assert_eq!(f.code(), FaultCode::OutOfRange);
    /// assert_eq!(f.message(Lang::En), "must be between 1 and 60, got 61");
    /// // Years are written without a thousands space in Swedish.
    /// assert_eq!(YEAR.fault(1850.into()).message(Lang::Sv), "måste vara mellan 1900 och 2200, fick 1850");
    /// ```
    pub fn fault(&self, got: Decimal) -> Fault {
        Fault::OutOfRange {
            min: self.min,
            max: Some(self.max),
            min_exclusive: false,
            max_exclusive: self.max_exclusive,
            got,
            unit: self.unit,
            note: None,
        }
    }

    /// The limits of a whole-number field, as integers. Only for limits that are whole numbers
    /// at scale 0 (those of every whole-number field in [`NUMBER_FIELDS`]): it reads the digits
    /// and ignores any scale.
    ///
    /// ```
    /// use samkalk::limits::{DURATION_MONTHS, LAG_MONTHS};
    /// assert_eq!(DURATION_MONTHS.whole(), (1, 600));
    /// assert_eq!(LAG_MONTHS.whole(), (-600, 600));
    /// ```
    pub fn whole(&self) -> (i64, i64) {
        (self.min.mantissa() as i64, self.max.mantissa() as i64)
    }
}

const fn whole(n: i64) -> Decimal {
    Decimal::from_parts(n.unsigned_abs() as u32, 0, 0, n < 0, 0)
}

/// Largest amount of money a field may hold: 10^12 kronor.
///
/// ```
/// assert_eq!(samkalk::limits::MAX_AMOUNT, rust_decimal::Decimal::from(1_000_000_000_000i64));
/// ```
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0); // 10^12
/// Most participants in a cohort.
///
/// ```
/// let cohort = |n: i64| format!(r#"{{"start_year": 2026, "cohorts": [{{"name": "Stockholm", "origin": "AM2",
///     "participants": {n}, "outcomes": []}}]}}"#);
/// assert!(samkalk::validate_json(&cohort(samkalk::limits::MAX_PARTICIPANTS)).is_empty());
/// assert_eq!(samkalk::validate_json(&cohort(samkalk::limits::MAX_PARTICIPANTS + 1))[0].path, "cohorts[0].participants");
/// ```
pub const MAX_PARTICIPANTS: i64 = 10_000_000;

/// Most states a scenario defines.
pub(crate) const MAX_STATES: usize = 200;
/// Most flows in a state.
pub(crate) const MAX_FLOWS: usize = 200;
/// Most cohorts in a scenario.
pub(crate) const MAX_COHORTS: usize = 1000;
/// Most outcomes in a cohort.
pub(crate) const MAX_OUTCOMES: usize = 20;
/// Version 2: at most this many onward moves per outcome.
pub(crate) const MAX_MOVES: usize = 20;
/// The highest version of the method.
pub(crate) const MAX_VERSION: i64 = 2;

/// The fault for a version-2 field in a version-1 scenario; every version-2 field uses it.
pub(crate) fn requires_v2_fault(path: &Path) -> FieldError {
    FieldError::new(path, Fault::RequiresVersion2)
}

/// The version that fields are judged against: None when reading reported `version`, or when
/// it is not a version of the method (that fault is enough).
pub(crate) fn known_version(read_faults: &[FieldError], version: i64) -> Option<i64> {
    let unreadable = read_faults.iter().any(|e| e.path == "version");
    (!unreadable && (1..=MAX_VERSION).contains(&version)).then_some(version)
}

/// A calendar year (`start_year`, `price_year`).
///
/// ```
/// assert!(samkalk::limits::YEAR.contains(2026.into()));
/// assert_eq!(samkalk::validate_json(r#"{"start_year": 1899}"#)[0].path, "start_year");
/// ```
pub const YEAR: Limit = Limit::closed(whole(1900), whole(2200), Unit::Year);
/// `horizon_years`: 1 to 60 years.
///
/// ```
/// assert_eq!(samkalk::limits::HORIZON_YEARS.whole(), (1, 60));
/// assert_eq!(samkalk::validate_json(r#"{"start_year": 2026, "horizon_years": 0}"#)[0].path, "horizon_years");
/// ```
pub const HORIZON_YEARS: Limit = Limit::closed(whole(1), whole(60), Unit::Number);
/// `discount_rate`: in [0, 1).
///
/// ```
/// use samkalk::limits::DISCOUNT_RATE;
/// // 3,5 %, the rate of Trafikverket's ASEK, is fine; 100 % is not.
/// assert!(DISCOUNT_RATE.contains("0.035".parse().unwrap()) && !DISCOUNT_RATE.contains(1.into()));
/// ```
pub const DISCOUNT_RATE: Limit = Limit { min: Decimal::ZERO, max: Decimal::ONE, max_exclusive: true, unit: Unit::Share };
/// A share or rate in [0, 1]: tax rates, `employment_rate`, financing shares, an outcome's
/// `share`, `counterfactual_share`, `deadweight`, `attribution`, `displacement`, `retention`,
/// a move's `share`.
///
/// ```
/// let faults = samkalk::validate_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "20.77"}}"#);
/// // A rate is a fraction, not a percentage.
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("tax.municipal_rate", samkalk::FaultCode::OutOfRange));
/// assert!(samkalk::limits::SHARE.contains("0.2077".parse().unwrap()));
/// ```
pub const SHARE: Limit = Limit::closed(Decimal::ZERO, Decimal::ONE, Unit::Share);
/// Money: a flow's `amount`, `monthly_wage`, `cost_per_participant`, `fixed_cost`: 0 to
/// [`MAX_AMOUNT`] kronor.
///
/// ```
/// use samkalk::limits::{AMOUNT, MAX_AMOUNT};
/// assert_eq!((AMOUNT.min, AMOUNT.max), (0.into(), MAX_AMOUNT));
/// assert!(!AMOUNT.contains((-1).into()));
/// ```
pub const AMOUNT: Limit = Limit::closed(Decimal::ZERO, MAX_AMOUNT, Unit::Number);
/// A multiple in [0, 10]: `productivity`, `optimism_bias`.
///
/// ```
/// use samkalk::limits::MULTIPLE;
/// // An optimism bias of 0.5 (costs 50 % above the estimate) is fine; 11 is not.
/// assert!(MULTIPLE.contains("0.5".parse().unwrap()) && !MULTIPLE.contains(11.into()));
/// ```
pub const MULTIPLE: Limit = Limit::closed(Decimal::ZERO, Decimal::TEN, Unit::Number);
/// A cohort's `participants`: 0 to [`MAX_PARTICIPANTS`].
///
/// ```
/// use samkalk::limits::{MAX_PARTICIPANTS, PARTICIPANTS};
/// assert_eq!(PARTICIPANTS.whole(), (0, MAX_PARTICIPANTS));
/// ```
pub const PARTICIPANTS: Limit = Limit::closed(Decimal::ZERO, whole(MAX_PARTICIPANTS), Unit::Number);
/// An intervention's `duration_months`: 1 to 600 months.
///
/// ```
/// let faults = samkalk::validate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2",
///     "participants": 20, "intervention": {"duration_months": 0}, "outcomes": []}]}"#);
/// assert_eq!(faults[0].path, "cohorts[0].intervention.duration_months");
/// assert_eq!(samkalk::limits::DURATION_MONTHS.whole(), (1, 600));
/// ```
pub const DURATION_MONTHS: Limit = Limit::closed(whole(1), whole(600), Unit::Number);
/// An intervention's `start_month`, a move's `after_months`: 0 to 720 months.
///
/// ```
/// assert_eq!(samkalk::limits::MONTH.whole(), (0, 720));
/// ```
pub const MONTH: Limit = Limit::closed(Decimal::ZERO, whole(720), Unit::Number);
/// A move's `every_months`: 1 to 720 months.
///
/// ```
/// assert_eq!(samkalk::limits::EVERY_MONTHS.whole(), (1, 720));
/// ```
pub const EVERY_MONTHS: Limit = Limit::closed(whole(1), whole(720), Unit::Number);
/// An outcome's `lag_months`: at most 600, at least −duration_months (the lower limit
/// depends on the cohort; `min` here is the lowest any cohort allows).
///
/// ```
/// // A six-month intervention: the effect can start at most 6 months before it ends.
/// let cohort = |lag: i64| format!(r#"{{"start_year": 2026, "cohorts": [{{"name": "A", "origin": "AM2",
///     "participants": 20, "intervention": {{"duration_months": 6}},
///     "outcomes": [{{"target": "work", "share": "0.5", "lag_months": {lag}}}]}}]}}"#);
/// assert!(samkalk::validate_json(&cohort(-6)).is_empty());
/// assert_eq!(samkalk::validate_json(&cohort(-7))[0].path, "cohorts[0].outcomes[0].lag_months");
/// assert_eq!(samkalk::limits::LAG_MONTHS.whole(), (-600, 600));
/// ```
pub const LAG_MONTHS: Limit = Limit::closed(whole(-600), whole(600), Unit::Number);

/// Whether a field takes any exact decimal or only a JSON integer.
///
/// ```
/// use samkalk::limits::{NumberKind, INTERVENTION_DURATION_MONTHS, OUTCOME_RETENTION};
/// assert_eq!(INTERVENTION_DURATION_MONTHS.kind, NumberKind::Whole);
/// assert_eq!(OUTCOME_RETENTION.kind, NumberKind::Decimal);
/// // So months must be whole: 6.5 is a fault.
/// let faults = samkalk::validate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2",
///     "participants": 20, "intervention": {"duration_months": 6.5}, "outcomes": []}]}"#);
/// assert_eq!(faults[0].path, "cohorts[0].intervention.duration_months");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An exact decimal (a JSON number or a string spelled like one).
    Decimal,
    /// A whole number written as a JSON integer.
    Whole,
}

/// One numeric field of the format: where it is, its kind, its default and its limits.
///
/// ```
/// use samkalk::limits::{NumberKind, OUTCOME_LAG_MONTHS};
/// assert_eq!(OUTCOME_LAG_MONTHS.schema, ("Outcome", "lag_months"));
/// assert_eq!((OUTCOME_LAG_MONTHS.kind, OUTCOME_LAG_MONTHS.default), (NumberKind::Whole, Some(0.into())));
/// assert_eq!(OUTCOME_LAG_MONTHS.limit.whole(), (-600, 600));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberField {
    /// The JSON Schema definition that holds the field (`Outcome`), and the field's name.
    pub schema: (&'static str, &'static str),
    /// Decimal or whole.
    pub kind: NumberKind,
    /// The default when the field is left out (None: required, or no default).
    pub default: Option<Decimal>,
    /// The limits.
    pub limit: Limit,
}

impl NumberField {
    /// The default of a decimal field (zero when it has none).
    ///
    /// ```
    /// assert_eq!(samkalk::limits::OUTCOME_RETENTION.decimal_default(), rust_decimal::Decimal::ONE);
    /// ```
    pub fn decimal_default(&self) -> Decimal {
        self.default.unwrap_or_default()
    }

    /// The default of a whole-number field (zero when it has none).
    ///
    /// ```
    /// assert_eq!(samkalk::limits::SCENARIO_HORIZON_YEARS.whole_default(), 4);
    /// ```
    pub fn whole_default(&self) -> i64 {
        self.default.and_then(|d| i64::try_from(d).ok()).unwrap_or(0)
    }
}

const fn field(def: &'static str, name: &'static str, kind: NumberKind, default: Option<Decimal>, limit: Limit) -> NumberField {
    NumberField { schema: (def, name), kind, default, limit }
}

use NumberKind::{Decimal as D, Whole as W};

// The fields with a default, by name: the reader and the typed constructors (`Scenario::new`,
// `Outcome::new`, ...) take their defaults from these.
/// `Scenario.horizon_years`, with its default.
pub const SCENARIO_HORIZON_YEARS: NumberField = field("Scenario", "horizon_years", W, Some(whole(4)), HORIZON_YEARS);
/// `Scenario.discount_rate`, with its default.
pub const SCENARIO_DISCOUNT_RATE: NumberField = field("Scenario", "discount_rate", D, Some(Decimal::ZERO), DISCOUNT_RATE);
/// `Earnings.employment_rate`, with its default.
pub const EARNINGS_EMPLOYMENT_RATE: NumberField = field("Earnings", "employment_rate", D, Some(Decimal::ONE), SHARE);
/// `Earnings.productivity`, with its default.
pub const EARNINGS_PRODUCTIVITY: NumberField = field("Earnings", "productivity", D, Some(Decimal::ONE), MULTIPLE);
/// `Intervention.cost_per_participant`, with its default.
pub const INTERVENTION_COST_PER_PARTICIPANT: NumberField = field("Intervention", "cost_per_participant", D, Some(Decimal::ZERO), AMOUNT);
/// `Intervention.fixed_cost`, with its default.
pub const INTERVENTION_FIXED_COST: NumberField = field("Intervention", "fixed_cost", D, Some(Decimal::ZERO), AMOUNT);
/// `Intervention.optimism_bias`, with its default.
pub const INTERVENTION_OPTIMISM_BIAS: NumberField = field("Intervention", "optimism_bias", D, Some(Decimal::ZERO), MULTIPLE);
/// `Intervention.duration_months`, with its default.
pub const INTERVENTION_DURATION_MONTHS: NumberField = field("Intervention", "duration_months", W, Some(whole(1)), DURATION_MONTHS);
/// `Intervention.start_month`, with its default.
pub const INTERVENTION_START_MONTH: NumberField = field("Intervention", "start_month", W, Some(Decimal::ZERO), MONTH);
/// `Outcome.counterfactual_share`, with its default.
pub const OUTCOME_COUNTERFACTUAL_SHARE: NumberField = field("Outcome", "counterfactual_share", D, Some(Decimal::ZERO), SHARE);
/// `Outcome.deadweight`, with its default.
pub const OUTCOME_DEADWEIGHT: NumberField = field("Outcome", "deadweight", D, Some(Decimal::ZERO), SHARE);
/// `Outcome.attribution`, with its default.
pub const OUTCOME_ATTRIBUTION: NumberField = field("Outcome", "attribution", D, Some(Decimal::ZERO), SHARE);
/// `Outcome.displacement`, with its default.
pub const OUTCOME_DISPLACEMENT: NumberField = field("Outcome", "displacement", D, Some(Decimal::ZERO), SHARE);
/// `Outcome.retention`, with its default.
pub const OUTCOME_RETENTION: NumberField = field("Outcome", "retention", D, Some(Decimal::ONE), SHARE);
/// `Outcome.lag_months`, with its default.
pub const OUTCOME_LAG_MONTHS: NumberField = field("Outcome", "lag_months", W, Some(Decimal::ZERO), LAG_MONTHS);
/// `Move.after_months`, with its default.
pub const MOVE_AFTER_MONTHS: NumberField = field("Move", "after_months", W, Some(Decimal::ZERO), MONTH);

/// Every numeric field of a scenario (version 2 included). `version` is not here: it is one
/// of a list of versions, not a range.
///
/// ```
/// use samkalk::limits::NUMBER_FIELDS;
/// let share = NUMBER_FIELDS.iter().find(|f| f.schema == ("Outcome", "share")).unwrap();
/// // An outcome's share is required (no default) and between 0 and 1.
/// assert_eq!(share.default, None);
/// assert_eq!(share.limit, samkalk::limits::SHARE);
/// assert!(NUMBER_FIELDS.iter().all(|f| f.schema.1 != "version"));
/// ```
pub const NUMBER_FIELDS: &[NumberField] = &[
    field("Scenario", "start_year", W, None, YEAR),
    field("Scenario", "price_year", W, None, YEAR),
    SCENARIO_HORIZON_YEARS,
    SCENARIO_DISCOUNT_RATE,
    field("TaxRates", "municipal_rate", D, None, SHARE),
    field("TaxRates", "regional_rate", D, None, SHARE),
    field("TaxRates", "employer_contribution_rate", D, None, SHARE),
    field("Flow", "amount", D, None, AMOUNT),
    field("Earnings", "monthly_wage", D, None, AMOUNT),
    EARNINGS_EMPLOYMENT_RATE,
    EARNINGS_PRODUCTIVITY,
    field("Cohort", "participants", W, None, PARTICIPANTS),
    INTERVENTION_COST_PER_PARTICIPANT,
    INTERVENTION_FIXED_COST,
    INTERVENTION_OPTIMISM_BIAS,
    INTERVENTION_DURATION_MONTHS,
    INTERVENTION_START_MONTH,
    field("Outcome", "share", D, None, SHARE),
    OUTCOME_COUNTERFACTUAL_SHARE,
    OUTCOME_DEADWEIGHT,
    OUTCOME_ATTRIBUTION,
    OUTCOME_DISPLACEMENT,
    OUTCOME_RETENTION,
    OUTCOME_LAG_MONTHS,
    field("Move", "share", D, None, SHARE),
    MOVE_AFTER_MONTHS,
    field("Move", "every_months", W, None, EVERY_MONTHS),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_limits_are_integers() {
        assert_eq!(YEAR.whole(), (1900, 2200));
        assert_eq!(LAG_MONTHS.whole(), (-600, 600));
        assert_eq!(PARTICIPANTS.whole(), (0, MAX_PARTICIPANTS));
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000i64));
        assert!(DISCOUNT_RATE.contains(Decimal::ZERO) && !DISCOUNT_RATE.contains(Decimal::ONE));
    }

    #[test]
    fn the_reader_takes_each_default_from_the_table() {
        let s = crate::Scenario::from_json(
            r#"{"version": 2, "start_year": 2026,
                "states": {"s": {"flows": [], "earnings": {"monthly_wage": "30000"}}},
                "cohorts": [{"name": "A", "origin": "AM2", "participants": 1, "intervention": {},
                             "outcomes": [{"target": "work", "share": "0.5",
                                           "then": [{"to": "s", "share": "0.5"}]}]}]}"#,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
        let outcome = &v["cohorts"][0]["outcomes"][0];
        let objects = [
            ("Scenario", &v),
            ("Earnings", &v["states"]["s"]["earnings"]),
            ("Intervention", &v["cohorts"][0]["intervention"]),
            ("Outcome", outcome),
            ("Move", &outcome["then"][0]),
        ];
        let mut checked = 0;
        for f in NUMBER_FIELDS.iter().filter(|f| f.default.is_some()) {
            let (_, object) = objects.iter().find(|(def, _)| *def == f.schema.0).unwrap();
            let written = match &object[f.schema.1] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(written.parse::<Decimal>().ok(), f.default, "{:?}", f.schema);
            checked += 1;
        }
        assert_eq!(checked, 16);
    }
}
