//! JSON Schema of the scenario format, generated from the Rust types, for editors and forms.

use crate::scenario::Scenario;

/// The JSON Schema (draft 2020-12) of a scenario: the types' schema, with each number's
/// limits and default from the table of record (`crate::limits`), and a state given with
/// `extends` (docs/method.md, "Changing a built-in state").
///
/// ```
/// let schema = samkalk::schema::scenario_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["properties"]["horizon_years"]["maximum"], 60);
/// assert_eq!(schema["$defs"]["Outcome"]["properties"]["share"]["maximum"], 1);
/// assert_eq!(schema["$defs"]["ExtendedState"]["required"][0], "extends");
/// ```
pub fn scenario_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Scenario);
    let mut v = serde_json::to_value(&schema).unwrap_or_default();
    add_limits(&mut v);
    add_extended_state(&mut v);
    v
}

/// A limit as a JSON number (every limit in the table is whole).
fn number(x: rust_decimal::Decimal) -> serde_json::Value {
    use rust_decimal::prelude::ToPrimitive;
    x.to_i64().map(serde_json::Value::from).unwrap_or(serde_json::Value::Null)
}

fn add_limits(v: &mut serde_json::Value) {
    for f in crate::limits::NUMBER_FIELDS {
        let (def, name) = f.schema;
        let holder = if def == "Scenario" { &mut *v } else { &mut v["$defs"][def] };
        let Some(property) = holder.get_mut("properties").and_then(|p| p.get_mut(name)).and_then(|p| p.as_object_mut()) else {
            continue;
        };
        property.insert("minimum".into(), number(f.limit.min));
        let max = if f.limit.max_exclusive { "exclusiveMaximum" } else { "maximum" };
        property.insert(max.into(), number(f.limit.max));
        if let Some(d) = f.default {
            let d = if f.kind == crate::limits::NumberKind::Whole { number(d) } else { serde_json::Value::from(d.to_string()) };
            property.insert("default".into(), d);
        }
    }
}

/// `$defs.ExtendedState`, and `states` taking a whole state or one that extends a built-in one.
fn add_extended_state(v: &mut serde_json::Value) {
    use serde_json::json;
    let change = |def: &serde_json::Value, without: &str| {
        let mut c = def.clone();
        if let Some(p) = c.get_mut("properties").and_then(|p| p.as_object_mut()) {
            p.remove(without);
        }
        if let Some(c) = c.as_object_mut() {
            c.remove("required");
            c.insert("description".into(), json!("Fields that replace the built-in ones (or make a new entry)."));
        }
        c
    };
    let remove =
        json!({"type": "object", "properties": {"remove": {"const": true}}, "required": ["remove"], "additionalProperties": false});
    let flow = change(&v["$defs"]["Flow"], "label");
    let earnings = change(&v["$defs"]["Earnings"], "");
    let ids: Vec<&String> = crate::defaults::defaults().states.keys().collect();
    v["$defs"]["ExtendedState"] = json!({
        "description": "A built-in state with single flows and earnings fields changed, added or removed (docs/method.md, \"Changing a built-in state\").",
        "type": "object",
        "additionalProperties": false,
        "required": ["extends"],
        "properties": {
            "extends": {"description": "The built-in state it starts from.", "enum": ids},
            "label": {"type": "string"},
            "description": {"type": "string"},
            "flows": {"description": "Keyed by the flow's label.", "type": "object", "additionalProperties": {"anyOf": [remove, flow]}},
            "earnings": {"anyOf": [remove, earnings]},
        },
    });
    v["properties"]["states"]["additionalProperties"] = json!({"anyOf": [{"$ref": "#/$defs/State"}, {"$ref": "#/$defs/ExtendedState"}]});
}

#[cfg(test)]
mod tests {
    #[test]
    fn limits_and_extends_are_in_the_schema() {
        let v = super::scenario_schema();
        assert_eq!(v["properties"]["horizon_years"]["maximum"], 60);
        assert_eq!(v["properties"]["discount_rate"]["exclusiveMaximum"], 1);
        assert_eq!(v["$defs"]["Outcome"]["properties"]["share"]["maximum"], 1);
        assert_eq!(v["$defs"]["Outcome"]["properties"]["retention"]["default"], "1");
        assert_eq!(v["$defs"]["Intervention"]["properties"]["duration_months"]["minimum"], 1);
        assert_eq!(v["$defs"]["Flow"]["properties"]["amount"]["maximum"], 1_000_000_000_000i64);
        // Every field of the table is found in the schema.
        for f in crate::limits::NUMBER_FIELDS {
            let (def, name) = f.schema;
            let holder = if def == "Scenario" { &v } else { &v["$defs"][def] };
            assert!(holder["properties"][name].get("minimum").is_some(), "{def}.{name}");
        }
        let ext = &v["$defs"]["ExtendedState"];
        assert_eq!(ext["required"][0], "extends");
        assert!(ext["properties"]["flows"]["additionalProperties"]["anyOf"][1]["properties"].get("label").is_none());
        assert!(ext["properties"]["flows"]["additionalProperties"]["anyOf"][1]["properties"].get("amount").is_some());
    }
}
