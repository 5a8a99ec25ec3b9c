//! # samkalk
//!
//! An exact socioeconomic investment calculation ("socioekonomisk investeringskalkyl") for
//! labour-market interventions: what a person costs each public actor per year, what an
//! intervention costs, and who gains how much, year by year, when a share of the participants
//! reaches work or studies. The method is MODEL.md (docs/method.md in the repository).
//!
//! All money and rates are `rust_decimal::Decimal`; nothing in the calculation passes through
//! binary floating point, and no input can make it panic.
//!
//! ```
//! let scenario = samkalk::Scenario::from_json(r#"{
//!     "start_year": 2026,
//!     "cohorts": [{"name": "AM2-grupp", "origin": "AM2", "participants": 20,
//!                  "intervention": {"cost_per_participant": "40000", "duration_months": 6},
//!                  "outcomes": [{"target": "work", "share": "0.6"}]}]
//! }"#).unwrap();
//! let result = samkalk::calculate(&scenario).unwrap();
//! assert_eq!(result.years, vec![2026, 2027, 2028, 2029]);
//! println!("{}", result.to_json());
//! ```

#![deny(missing_docs)]

pub mod actor;
pub mod analysis;
mod arith;
pub mod calculate;
mod cohort;
pub mod compare;
pub mod defaults;
mod error;
pub mod export;
mod extends;
mod fixed;
pub mod flow;
#[cfg(test)]
mod generated;
mod lang;
pub mod limits;
pub mod node;
pub mod number;
pub mod path;
mod pathway;
pub mod present;
pub mod public_sector;
mod read;
pub mod report;
pub mod result;
mod scenario;
#[cfg(feature = "schema")]
pub mod schema;
pub mod state;
pub mod tax;
mod trace;
mod validate;
pub mod value;
mod variant;
mod warning;

pub use actor::Actor;
pub use arith::Overflow;
pub use calculate::calculate;
pub use defaults::{defaults, defaults_json, defaults_json_at, Defaults};
pub use error::{AlsoAllowed, CellContent, Context, Expected, Fault, FaultCode, FieldError, RangeNote, ScenarioError, Unit, ValueKind};
pub use lang::Lang;
pub use result::{ActorResult, BreakEven, BreakEvenKind, CalculationResult, CohortResult, Exact, Money, PerActor, Ratio, Share};
pub use scenario::{Cohort, Earnings, Flow, Intervention, Move, Outcome, Scenario, State, TaxMethod, TaxRates};
pub use trace::{trace, Trace, TraceRow};
pub use validate::{validate, ValidScenario};
pub use value::{parse_json, Key, Value};
pub use warning::{warnings, ScenarioWarning, Warning};

/// Every fault of a scenario in JSON text; text that is not JSON is a fault at path `""`.
///
/// ```
/// assert!(samkalk::validate_json(r#"{"start_year": 2026}"#).is_empty());
/// let faults = samkalk::validate_json(r#"{"start_year": 2026, "discount_rate": "2"}"#);
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("discount_rate", samkalk::FaultCode::OutOfRange));
/// assert_eq!(samkalk::validate_json("not json")[0].path, "");
/// ```
pub fn validate_json(text: &str) -> Vec<FieldError> {
    match Scenario::from_json(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.errors,
    }
}

/// Reads and validates a scenario in JSON text and gives its effect trace (method version 2).
///
/// ```
/// let trace = samkalk::trace_json(r#"{"version": 2, "start_year": 2026, "cohorts": [{"name": "A",
///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.5"}]}]}"#).unwrap();
/// assert!(trace.rows.iter().any(|r| r.state == "work" && r.year == 2029));
/// ```
pub fn trace_json(text: &str) -> Result<Trace, ScenarioError> {
    ValidScenario::from_json(text)?.trace()
}

/// Reads, validates and calculates a scenario in JSON text.
///
/// ```
/// let result = samkalk::calculate_json(r#"{"start_year": 2026}"#).unwrap();
/// assert_eq!(result.years, vec![2026, 2027, 2028, 2029]);
/// assert_eq!(samkalk::calculate_json("{}").unwrap_err().errors[0].path, "start_year");
/// ```
pub fn calculate_json(text: &str) -> Result<CalculationResult, ScenarioError> {
    ValidScenario::from_json(text)?.calculate()
}

/// The warnings of a scenario in JSON text (docs/method.md, "Warning codes"); empty when there
/// are none or the scenario is invalid (then its faults say what to fix first).
///
/// ```
/// let warned = samkalk::warnings_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2"}}"#);
/// assert_eq!(warned[0].path, "tax.municipal_rate");
/// assert!(samkalk::warnings_json(r#"{"start_year": 2026}"#).is_empty());
/// ```
pub fn warnings_json(text: &str) -> Vec<ScenarioWarning> {
    Scenario::from_json(text).map(|s| warnings(&s)).unwrap_or_default()
}
