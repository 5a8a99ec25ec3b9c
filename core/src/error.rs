//! Faults in a scenario, each at the path of the field it concerns.

use serde::{Deserialize, Serialize};

/// One fault: where (`cohorts[0].outcomes[0].share`) and what, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's path, as MODEL.md writes it (`""` for the document itself).
    pub path: String,
    /// What is wrong, for people.
    pub message: String,
}

impl FieldError {
    /// A fault at `path`.
    pub fn new(path: impl ToString, message: impl Into<String>) -> Self {
        FieldError { path: path.to_string(), message: message.into() }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "(scenario): {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A scenario that cannot be calculated: every fault found, each with its path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid scenario: {}", .errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
pub struct ScenarioError {
    /// Every fault, in the order found.
    pub errors: Vec<FieldError>,
}

impl From<Vec<FieldError>> for ScenarioError {
    fn from(errors: Vec<FieldError>) -> Self {
        ScenarioError { errors }
    }
}

impl From<FieldError> for ScenarioError {
    fn from(error: FieldError) -> Self {
        ScenarioError { errors: vec![error] }
    }
}
