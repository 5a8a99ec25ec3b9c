//! JSON Schema of the scenario format, generated from the Rust types, for editors and forms.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::scenario::Scenario;

/// A number: a JSON number or a string spelled like one, read as the exact decimal it spells.
pub struct Number;

impl JsonSchema for Number {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal: a JSON number, or a string spelled like one (\"0.1\" is exactly 0.1). At most 28 decimals.",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"}
            ]
        })
    }
}

/// The JSON Schema (draft 2020-12) of a scenario.
pub fn scenario_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Scenario);
    serde_json::to_value(&schema).unwrap_or_default()
}
