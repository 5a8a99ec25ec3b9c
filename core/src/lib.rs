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
pub mod error;
pub mod export;
mod extends;
pub mod flow;
pub mod lang;
pub mod limits;
pub mod number;
pub mod path;
mod pathway;
pub mod present;
pub mod public_sector;
mod read;
pub mod report;
pub mod result;
pub mod scenario;
#[cfg(feature = "schema")]
pub mod schema;
pub mod state;
pub mod tax;
pub mod trace;
pub mod validate;
pub mod value;
pub mod warning;

pub use actor::Actor;
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

/// Every fault of an input tree (shape, types and rules), each at its path; empty when valid.
pub fn validate_value(value: &Value) -> Vec<FieldError> {
    match Scenario::from_value(value) {
        Ok(_) => Vec::new(),
        Err(e) => e.errors,
    }
}

/// Every fault of a scenario in JSON text; text that is not JSON is a fault at path `""`.
pub fn validate_json(text: &str) -> Vec<FieldError> {
    match Scenario::from_json(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.errors,
    }
}

/// Reads and validates a scenario in JSON text and gives its effect trace (method version 2).
pub fn trace_json(text: &str) -> Result<Trace, ScenarioError> {
    ValidScenario::from_json(text)?.trace()
}

/// Reads, validates and calculates a scenario in JSON text.
pub fn calculate_json(text: &str) -> Result<CalculationResult, ScenarioError> {
    ValidScenario::from_json(text)?.calculate()
}

/// The warnings of a scenario in JSON text (docs/method.md, "Warning codes"); empty when there
/// are none or the scenario is invalid (then its faults say what to fix first).
pub fn warnings_json(text: &str) -> Vec<ScenarioWarning> {
    Scenario::from_json(text).map(|s| warnings(&s)).unwrap_or_default()
}
