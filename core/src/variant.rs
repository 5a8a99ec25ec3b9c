//! Variants of a valid scenario: some of its numbers, named by the analyses' parameter paths
//! (`cohorts[0].outcomes[0].share`, `discount_rate`, see [`crate::analysis::param`]), set to
//! other values and the whole validated again. This is how a batch of scenarios that differ
//! in a few numbers (a sweep an economist writes by hand, a grid) is handed over without
//! reading every scenario again from text or a host's objects.

use rust_decimal::Decimal;

use crate::analysis::param::Param;
use crate::error::{FieldError, ScenarioError};
use crate::path::Path;
use crate::read::Reader;
use crate::validate::ValidScenario;
use crate::value::Value;

impl ValidScenario {
    /// A copy with the number at each path set to its value, validated again. A value is read
    /// as a scenario's number is (a JSON number or a string spelled like one, exactly); a
    /// whole-number field (participants, months, `horizon_years`) takes a whole value. Changes
    /// apply in order, so a path given twice keeps its last value; a financing share moves the
    /// difference to its balancing actor, as in the analyses (docs/analysis.md). Every fault
    /// is reported: a path that names no number, a value that is not one, and any rule the new
    /// values break, each at its path.
    ///
    /// ```
    /// use samkalk::{FaultCode, Lang, ValidScenario, Value};
    /// let base = ValidScenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
    ///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let share = Value::String("0.45".into());
    /// let cost = Value::Number("52000".into());
    /// let variant = base
    ///     .with_values([("cohorts[0].outcomes[0].share", &share), ("cohorts[0].intervention.cost_per_participant", &cost)])
    ///     .unwrap();
    /// assert_eq!(variant.cohorts[0].outcomes[0].share.to_string(), "0.45");
    /// assert_eq!(variant.cohorts[0].intervention.cost_per_participant.to_string(), "52000");
    /// // The base is unchanged.
    /// assert_eq!(base.cohorts[0].outcomes[0].share.to_string(), "0.6");
    ///
    /// let too_high = Value::String("1.3".into());
    /// let faults = base.with_values([("cohorts[0].outcomes[0].share", &too_high)]).unwrap_err().errors;
    /// assert_eq!(faults[0].line(Lang::En), "cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.3");
    /// assert_eq!(faults[0].line(Lang::Sv), "cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
    /// let faults = base.with_values([("cohorts[3].participants", &cost)]).unwrap_err().errors;
    /// assert_eq!(faults[0].code(), FaultCode::NoSuchCohort);
    /// ```
    pub fn with_values<'v>(&self, changes: impl IntoIterator<Item = (&'v str, &'v Value)>) -> Result<ValidScenario, ScenarioError> {
        let mut scenario = self.scenario().clone();
        let mut reader = Reader::default();
        let mut errors: Vec<FieldError> = Vec::new();
        let mut set: Vec<(Param, Decimal)> = Vec::new();
        for (path, value) in changes {
            let param = match Param::resolve(path, &mut scenario) {
                Ok(param) => param,
                Err(fault) => {
                    errors.push(at_parameter(path, fault));
                    continue;
                }
            };
            let Some(x) = reader.decimal(value, &Path::Root.key(path)) else {
                continue;
            };
            match param.set(&mut scenario, x) {
                Ok(()) => set.push((param, x)),
                Err(fault) => errors.push(at_parameter(path, fault)),
            }
        }
        errors.append(&mut reader.errors);
        if !errors.is_empty() {
            return Err(ScenarioError { errors });
        }
        // As for the analyses' draws: a field whose only rule is its range (given the rest of
        // the base, none of which the other changes touch) keeps the scenario valid within it,
        // so the rules are checked again only when some change may break one. Any fault is
        // then found by validation itself, with its own words.
        let params = || set.iter().map(|(p, _)| p);
        if set.iter().all(|(p, x)| p.stands_alone(params()) && p.range(self.scenario()).contains(*x)) {
            return Ok(ValidScenario::known_valid(scenario));
        }
        scenario.validate()
    }
}

/// A fault of the analyses' parameters (at the analysis's path, within the parameter's
/// context) moved to the parameter's own path, as a scenario's fault is written.
fn at_parameter(path: &str, fault: FieldError) -> FieldError {
    FieldError::new(path, *fault.fault)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FaultCode;

    const BASE: &str = r#"{"start_year": 2026, "discount_rate": "0.035", "cohorts": [{"name": "AM2-grupp",
        "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
        "outcomes": [{"target": "work", "share": "0.3"}, {"target": "studies", "share": "0.2"}]}]}"#;

    fn base() -> ValidScenario {
        ValidScenario::from_json(BASE).unwrap()
    }

    fn number(text: &str) -> Value {
        Value::Number(text.into())
    }

    #[test]
    fn a_variant_calculates_as_the_same_scenario_written_out() {
        let rate = number("0.05");
        let months = number("9");
        let variant = base().with_values([("discount_rate", &rate), ("cohorts[0].intervention.duration_months", &months)]).unwrap();
        let written = BASE
            .replace(r#""discount_rate": "0.035""#, r#""discount_rate": "0.05""#)
            .replace(r#""duration_months": 6"#, r#""duration_months": 9"#);
        let direct = ValidScenario::from_json(&written).unwrap();
        assert_eq!(variant, direct);
        assert_eq!(variant.calculate().unwrap().to_json(), direct.calculate().unwrap().to_json());
    }

    #[test]
    fn a_path_given_twice_keeps_its_last_value() {
        let (first, last) = (number("0.1"), number("0.25"));
        let variant = base().with_values([("discount_rate", &first), ("discount_rate", &last)]).unwrap();
        assert_eq!(variant.discount_rate, Decimal::new(25, 2));
    }

    #[test]
    fn every_fault_is_reported_at_its_path() {
        let (text, fraction, high) = (Value::String("abc".into()), number("6.5"), number("0.9"));
        let faults = base()
            .with_values([
                ("discount_rate", &text),
                ("cohorts[0].intervention.duration_months", &fraction),
                ("cohorts[0].outcome[0].share", &high),
            ])
            .unwrap_err()
            .errors;
        let found: Vec<(&str, FaultCode)> = faults.iter().map(|f| (f.path.as_str(), f.code())).collect();
        assert_eq!(found.len(), 3, "{faults:?}");
        assert!(found.contains(&("discount_rate", FaultCode::NotANumber)), "{found:?}");
        assert!(found.contains(&("cohorts[0].intervention.duration_months", FaultCode::NotWhole)), "{found:?}");
        assert!(found.contains(&("cohorts[0].outcome[0].share", FaultCode::NotAParameter)), "{found:?}");
    }

    #[test]
    fn a_change_outside_its_range_is_judged_by_validation() {
        // 0.9 is within a share's own limits [0, 1], but with the cohort's other share (0.2)
        // the shares exceed 1: validation finds it, in its own words.
        let high = number("0.9");
        let faults = base().with_values([("cohorts[0].outcomes[0].share", &high)]).unwrap_err().errors;
        let mut written = base().into_inner();
        written.cohorts[0].outcomes[0].share = Decimal::new(9, 1);
        let expected = crate::validate::validate(&written);
        assert_eq!(faults.len(), 1, "{faults:?}");
        assert_eq!((faults[0].path.as_str(), faults[0].code()), (expected[0].path.as_str(), expected[0].code()));
        assert!(faults[0].path.starts_with("cohorts[0].outcomes"), "{faults:?}");
    }

    #[test]
    fn a_built_in_state_changed_by_path_becomes_the_scenarios_own() {
        let wage = number("30000");
        let variant = base().with_values([("states.work.earnings.monthly_wage", &wage)]).unwrap();
        assert_eq!(variant.states["work"].earnings.as_ref().unwrap().monthly_wage, Decimal::from(30000));
        let same = number("25900");
        let unchanged = base().with_values([("states.work.earnings.monthly_wage", &same)]).unwrap();
        assert_eq!(unchanged.calculate().unwrap().to_json(), base().calculate().unwrap().to_json());
    }
}
