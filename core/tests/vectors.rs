//! Every vector in tests/vectors (copied from ../shared/vectors) and tests/vectors/v2 (method
//! version 2) through the Rust API: results within MODEL.md's tolerances, error vectors with
//! exactly the expected set of paths. A version-1 vector that method version 2 supersedes is
//! listed in tests/vectors/v2/superseded.txt and checked there instead.

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
            let ek: Vec<&str> = e.iter().map(|(k, _)| &**k).collect();
            let ak: Vec<&str> = a.iter().map(|(k, _)| &**k).collect();
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

fn json_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the vectors folder exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Version-1 vectors whose expectation method version 2 replaces: the first word of each line.
fn superseded() -> Vec<String> {
    let text = std::fs::read_to_string(vectors_dir().join("v2/superseded.txt")).unwrap_or_default();
    text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_whitespace().next()).map(String::from).collect()
}

#[test]
fn every_vector_passes() {
    let files = json_files(&vectors_dir());
    assert!(files.len() >= 66, "expected the shared vectors, found {}", files.len());
    let skip = superseded();
    let files: Vec<_> = files.into_iter().filter(|f| !skip.contains(&f.file_name().unwrap().to_string_lossy().to_string())).collect();
    assert!(files.len() >= 65, "superseded.txt lists more than it should");
    run(&files);
}

#[test]
fn every_version_2_vector_passes() {
    let files = json_files(&vectors_dir().join("v2"));
    assert!(files.len() >= 20, "expected the version-2 vectors, found {}", files.len());
    run(&files);
}

fn run(files: &[std::path::PathBuf]) {
    let mut failures = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let vector = parse_json(&std::fs::read_to_string(file).unwrap()).unwrap();
        let scenario = vector.get("scenario").expect("vector has a scenario");
        let outcome = Scenario::from_value(scenario).and_then(|s| samkalk::calculate(&s));
        if let Some(expected) = vector.get("expected") {
            match outcome {
                Ok(result) => {
                    // The result's own writer writes what serde_json writes from its Serialize.
                    if result.to_json() != serde_json::to_string(&result).unwrap() {
                        failures.push(format!("{name}: to_json is not serde_json's text"));
                    }
                    let actual = parse_json(&result.to_json()).unwrap();
                    let mut diffs = Vec::new();
                    compare(expected, &actual, "", "", &mut diffs);
                    if !diffs.is_empty() {
                        failures.push(format!("{name}: {}", diffs.iter().take(8).cloned().collect::<Vec<_>>().join("; ")));
                    }
                    // Version 2's vectors also carry the effect trace as CSV lines.
                    if let Some(Value::Array(lines)) = vector.get("expected_trace") {
                        let s = Scenario::from_value(scenario).unwrap();
                        let csv = samkalk::trace(&s).map(|t| t.to_csv()).unwrap_or_default();
                        let want: Vec<&str> = lines.iter().map(|l| if let Value::String(l) = l { l.as_str() } else { "" }).collect();
                        let got: Vec<&str> = csv.lines().collect();
                        if want != got {
                            let first = want.iter().zip(&got).find(|(w, g)| w != g);
                            failures.push(format!("{name}: trace differs ({} vs {} lines), first: {first:?}", want.len(), got.len()));
                        }
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
