//! The tax and price-year vectors of method version 2 (tests/vectors/v2/tax-*.json, written by
//! tests/reference/make_tax_vectors.py from references independent of the engine) through the
//! Rust API. The pathways branch's runner reads every file in tests/vectors/v2 as well; this
//! one keeps the tax vectors checked on their own.

use std::collections::BTreeSet;
use std::str::FromStr;

use rust_decimal::Decimal;
use samkalk::{parse_json, Scenario, Value};

fn tolerance(key: &str) -> Decimal {
    match key {
        "share" => Decimal::from_str("0.000001").unwrap(),
        "benefit_cost_ratio" => Decimal::from_str("0.0001").unwrap(),
        _ => Decimal::from_str("0.01").unwrap(),
    }
}

/// Compares expected against actual; pushes a line per difference.
fn compare(expected: &Value, actual: &Value, path: &str, key: &str, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::String(e), Value::String(a)) if e != a => match (Decimal::from_str(e), Decimal::from_str(a)) {
            (Ok(e), Ok(a)) if (e - a).abs() <= tolerance(key) => {}
            _ => diffs.push(format!("{path}: expected {e}, got {a}")),
        },
        (Value::Object(e), Value::Object(a)) => {
            let ek: Vec<&String> = e.iter().map(|(k, _)| k).collect();
            let ak: Vec<&String> = a.iter().map(|(k, _)| k).collect();
            if ek != ak {
                diffs.push(format!("{path}: keys {ek:?} != {ak:?}"));
                return;
            }
            for ((k, ev), (_, av)) in e.iter().zip(a) {
                compare(ev, av, &format!("{path}.{k}"), k, diffs);
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                diffs.push(format!("{path}: {} items != {}", e.len(), a.len()));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                compare(ev, av, &format!("{path}[{i}]"), key, diffs);
            }
        }
        (e, a) if e != a => diffs.push(format!("{path}: expected {e:?}, got {a:?}")),
        _ => {}
    }
}

#[test]
fn every_tax_vector_passes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/v2");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors/v2 exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("tax-")))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "expected the tax vectors, found {}", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let vector = parse_json(&std::fs::read_to_string(file).unwrap()).unwrap();
        let outcome = Scenario::from_value(vector.get("scenario").expect("a scenario")).and_then(|s| samkalk::calculate(&s));
        match (vector.get("expected"), vector.get("expected_error_paths"), outcome) {
            (Some(expected), _, Ok(result)) => {
                let mut diffs = Vec::new();
                compare(expected, &parse_json(&result.to_json()).unwrap(), "", "", &mut diffs);
                if !diffs.is_empty() {
                    failures.push(format!("{name}: {}", diffs.iter().take(8).cloned().collect::<Vec<_>>().join("; ")));
                }
            }
            (Some(_), _, Err(e)) => failures.push(format!("{name}: unexpected error {e}")),
            (None, Some(Value::Array(paths)), outcome) => {
                let want: BTreeSet<String> =
                    paths.iter().filter_map(|p| if let Value::String(s) = p { Some(s.clone()) } else { None }).collect();
                match outcome {
                    Ok(_) => failures.push(format!("{name}: expected errors at {want:?}, got a result")),
                    Err(e) => {
                        let got: BTreeSet<String> = e.errors.iter().map(|e| e.path.clone()).collect();
                        if got != want {
                            failures.push(format!("{name}: expected {want:?}, got {:?}", e.errors));
                        }
                    }
                }
            }
            _ => failures.push(format!("{name}: no expectation")),
        }
    }
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}
