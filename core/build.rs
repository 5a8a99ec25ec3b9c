//! Turns the default parameter set (data/defaults.toml, written for reviewers) into JSON that
//! the crate reads with its own exact parser at run time. Money and rates in the TOML file are
//! quoted decimal strings: a TOML float would be binary, so it stops the build.

use std::{env, fs, path::Path};

fn convert(value: &toml::Value, at: &str) -> serde_json::Value {
    match value {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(i) => serde_json::Value::from(*i),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Float(_) => panic!("data/defaults.toml: {at} is a TOML float; write money and rates as quoted decimal strings"),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => items.iter().enumerate().map(|(i, v)| convert(v, &format!("{at}[{i}]"))).collect(),
        toml::Value::Table(t) => serde_json::Value::Object(t.iter().map(|(k, v)| (k.clone(), convert(v, &format!("{at}.{k}")))).collect()),
    }
}

fn main() {
    println!("cargo:rerun-if-changed=data/defaults.toml");
    let text = fs::read_to_string("data/defaults.toml").expect("data/defaults.toml is readable");
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("data/defaults.toml is not valid TOML: {e}"));
    let json = convert(&toml::Value::Table(table), "defaults");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("defaults.json");
    fs::write(out, serde_json::to_string(&json).expect("JSON serialises")).expect("OUT_DIR is writable");
}
