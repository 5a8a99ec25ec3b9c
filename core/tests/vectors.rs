//! Every vector in tests/vectors (copied from ../shared/vectors) through the Rust API: results
//! within MODEL.md's tolerances, error vectors with exactly the expected set of paths.

use std::collections::BTreeSet;
use std::str::FromStr;

use rust_decimal::Decimal;
use samkalk::{parse_json, Scenario, Value};

fn vectors_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

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
fn every_vector_passes() {
    let mut files: Vec<_> = std::fs::read_dir(vectors_dir()).expect("tests/vectors exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 66, "expected the shared vectors, found {}", files.len());
    // Version-1 vectors that method version 2 supersedes (052: "version": 2 is now valid).
    let superseded = std::fs::read_to_string(vectors_dir().join("v2/superseded.txt")).unwrap_or_default();
    let skip: Vec<&str> = superseded.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_whitespace().next()).collect();
    files.retain(|f| f.is_file() && !skip.contains(&f.file_name().unwrap().to_string_lossy().as_ref()));
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let vector = parse_json(&std::fs::read_to_string(file).unwrap()).unwrap();
        let scenario = vector.get("scenario").expect("vector has a scenario");
        let outcome = Scenario::from_value(scenario).and_then(|s| samkalk::calculate(&s));
        if let Some(expected) = vector.get("expected") {
            match outcome {
                Ok(result) => {
                    let actual = parse_json(&result.to_json()).unwrap();
                    let mut diffs = Vec::new();
                    compare(expected, &actual, "", "", &mut diffs);
                    if !diffs.is_empty() {
                        failures.push(format!("{name}: {}", diffs.iter().take(8).cloned().collect::<Vec<_>>().join("; ")));
                    }
                }
                Err(e) => failures.push(format!("{name}: unexpected error {e}")),
            }
        } else {
            let Some(Value::Array(paths)) = vector.get("expected_error_paths") else { panic!("{name}: no expectation") };
            let want: BTreeSet<String> = paths
                .iter()
                .map(|p| match p {
                    Value::String(s) => s.clone(),
                    _ => panic!(),
                })
                .collect();
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
    }
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}
