//! Turns the default parameter set (data/defaults.toml, written for reviewers) into JSON that
//! the crate reads with its own exact parser at run time. Money and rates in the TOML file are
//! quoted decimal strings: a TOML float would be binary, so it stops the build.

use std::{env, fs, path::Path};

fn convert(value: &toml::Value, at: &str) -> serde_json::Value {
    match value {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(i) => serde_json::Value::from(*i),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Float(_) => panic!("data/{at} is a TOML float; write money and rates as quoted decimal strings"),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => items.iter().enumerate().map(|(i, v)| convert(v, &format!("{at}[{i}]"))).collect(),
        toml::Value::Table(t) => serde_json::Value::Object(t.iter().map(|(k, v)| (k.clone(), convert(v, &format!("{at}.{k}")))).collect()),
    }
}

/// data/<name>.toml to $OUT_DIR/<name>.json.
fn embed(name: &str) {
    let file = format!("data/{name}.toml");
    println!("cargo:rerun-if-changed={file}");
    let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file} is not readable: {e}"));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{file} is not valid TOML: {e}"));
    let json = convert(&toml::Value::Table(table), name);
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join(format!("{name}.json"));
    fs::write(out, serde_json::to_string(&json).expect("JSON serialises")).expect("OUT_DIR is writable");
}

fn main() {
    embed("defaults");
    // The income-tax rules, prisbasbelopp and equalisation rates (method version 2).
    embed("tax");
}
