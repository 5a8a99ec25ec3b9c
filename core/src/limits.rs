//! The table of record for the scenario format's numbers: each numeric field's kind, default
//! and limits, written once. Validation (`validate`), the analysis parameters' valid ranges
//! (`analysis::param`) and the JSON Schema (`schema`: `minimum`, `maximum`, `default`) read
//! them from here, so a limit changes in one place.

use rust_decimal::Decimal;

use crate::error::{Fault, Unit};

/// The limits of a numeric field: min ≤ x ≤ max (x < max when `max_exclusive`).
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
    pub fn contains(&self, x: Decimal) -> bool {
        x >= self.min && if self.max_exclusive { x < self.max } else { x <= self.max }
    }

    /// The fault for a value outside the limits.
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

    /// The limits of a whole-number field, as integers (fields whose limits are whole).
    pub fn whole(&self) -> (i64, i64) {
        (self.min.mantissa() as i64, self.max.mantissa() as i64)
    }
}

const fn whole(n: i64) -> Decimal {
    Decimal::from_parts(n.unsigned_abs() as u32, 0, 0, n < 0, 0)
}

/// Largest amount of money a field may hold: 10^12 kronor.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0); // 10^12
/// Most participants in a cohort.
pub const MAX_PARTICIPANTS: i64 = 10_000_000;

/// A calendar year (`start_year`, `price_year`).
pub const YEAR: Limit = Limit::closed(whole(1900), whole(2200), Unit::Year);
/// `horizon_years`.
pub const HORIZON_YEARS: Limit = Limit::closed(whole(1), whole(60), Unit::Number);
/// `discount_rate`: in [0, 1).
pub const DISCOUNT_RATE: Limit = Limit { min: Decimal::ZERO, max: Decimal::ONE, max_exclusive: true, unit: Unit::Share };
/// A share or rate in [0, 1]: tax rates, `employment_rate`, financing shares, an outcome's
/// `share`, `counterfactual_share`, `deadweight`, `attribution`, `displacement`, `retention`,
/// a move's `share`.
pub const SHARE: Limit = Limit::closed(Decimal::ZERO, Decimal::ONE, Unit::Share);
/// Money: a flow's `amount`, `monthly_wage`, `cost_per_participant`, `fixed_cost`.
pub const AMOUNT: Limit = Limit::closed(Decimal::ZERO, MAX_AMOUNT, Unit::Number);
/// A multiple in [0, 10]: `productivity`, `optimism_bias`.
pub const MULTIPLE: Limit = Limit::closed(Decimal::ZERO, Decimal::TEN, Unit::Number);
/// A cohort's `participants`.
pub const PARTICIPANTS: Limit = Limit::closed(Decimal::ZERO, whole(MAX_PARTICIPANTS), Unit::Number);
/// An intervention's `duration_months`.
pub const DURATION_MONTHS: Limit = Limit::closed(whole(1), whole(600), Unit::Number);
/// An intervention's `start_month`, a move's `after_months`.
pub const MONTH: Limit = Limit::closed(Decimal::ZERO, whole(720), Unit::Number);
/// A move's `every_months`.
pub const EVERY_MONTHS: Limit = Limit::closed(whole(1), whole(720), Unit::Number);
/// An outcome's `lag_months`: at most 600, at least −duration_months (the lower limit
/// depends on the cohort; `min` here is the lowest any cohort allows).
pub const LAG_MONTHS: Limit = Limit::closed(whole(-600), whole(600), Unit::Number);

/// Whether a field takes any exact decimal or only a JSON integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An exact decimal (a JSON number or a string spelled like one).
    Decimal,
    /// A whole number written as a JSON integer.
    Whole,
}

/// One numeric field of the format: where it is, its kind, its default and its limits.
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

const fn field(def: &'static str, name: &'static str, kind: NumberKind, default: Option<Decimal>, limit: Limit) -> NumberField {
    NumberField { schema: (def, name), kind, default, limit }
}

use NumberKind::{Decimal as D, Whole as W};

/// Every numeric field of a scenario (version 2 included). `version` is not here: it is one
/// of a list of versions, not a range.
pub const NUMBER_FIELDS: &[NumberField] = &[
    field("Scenario", "start_year", W, None, YEAR),
    field("Scenario", "price_year", W, None, YEAR),
    field("Scenario", "horizon_years", W, Some(whole(4)), HORIZON_YEARS),
    field("Scenario", "discount_rate", D, Some(Decimal::ZERO), DISCOUNT_RATE),
    field("TaxRates", "municipal_rate", D, None, SHARE),
    field("TaxRates", "regional_rate", D, None, SHARE),
    field("TaxRates", "employer_contribution_rate", D, None, SHARE),
    field("Flow", "amount", D, None, AMOUNT),
    field("Earnings", "monthly_wage", D, None, AMOUNT),
    field("Earnings", "employment_rate", D, Some(Decimal::ONE), SHARE),
    field("Earnings", "productivity", D, Some(Decimal::ONE), MULTIPLE),
    field("Cohort", "participants", W, None, PARTICIPANTS),
    field("Intervention", "cost_per_participant", D, Some(Decimal::ZERO), AMOUNT),
    field("Intervention", "fixed_cost", D, Some(Decimal::ZERO), AMOUNT),
    field("Intervention", "optimism_bias", D, Some(Decimal::ZERO), MULTIPLE),
    field("Intervention", "duration_months", W, Some(whole(1)), DURATION_MONTHS),
    field("Intervention", "start_month", W, Some(Decimal::ZERO), MONTH),
    field("Outcome", "share", D, None, SHARE),
    field("Outcome", "counterfactual_share", D, Some(Decimal::ZERO), SHARE),
    field("Outcome", "deadweight", D, Some(Decimal::ZERO), SHARE),
    field("Outcome", "attribution", D, Some(Decimal::ZERO), SHARE),
    field("Outcome", "displacement", D, Some(Decimal::ZERO), SHARE),
    field("Outcome", "retention", D, Some(Decimal::ONE), SHARE),
    field("Outcome", "lag_months", W, Some(Decimal::ZERO), LAG_MONTHS),
    field("Move", "share", D, None, SHARE),
    field("Move", "after_months", W, Some(Decimal::ZERO), MONTH),
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
}
