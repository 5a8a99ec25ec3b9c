//! `samkalk analyse`, run as a user would, on examples/analysis.json and the main example
//! (tests/vectors/002.json's scenario).

use std::path::PathBuf;
use std::process::{Command, Stdio};

fn repo(path: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn samkalk(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_samkalk")).args(args).stdin(Stdio::null()).output().expect("samkalk runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// Writes `text` to a file of its own in the temporary directory.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samkalk-analyse-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The main example's scenario, extracted from its vector into a file.
fn main_scenario_file(name: &str) -> PathBuf {
    let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(repo("tests/vectors/002.json")).unwrap()).unwrap();
    temp_file(name, &vector["scenario"].to_string())
}

#[test]
fn analyse_prints_the_result_json() {
    let scenario = main_scenario_file("json.json");
    let example = repo("examples/analysis.json");
    let (code, out, err) = samkalk(&["analyse", scenario.to_str().unwrap(), example.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    // Standard error is not a terminal here: no progress bar is drawn.
    assert!(err.is_empty(), "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["version"], 1);
    assert_eq!(r["base"]["npv"]["society"], "37110096.80");
    assert_eq!(r["base"]["npv"]["municipality"], "13152989.60");
    // Sweep: the AM2 group's share of 0.1 … 0.7; 0.6 is the scenario itself.
    assert_eq!(r["sweep"]["rows"][0]["value"], "0.1");
    assert_eq!(r["sweep"]["rows"][0]["npv"]["society"], "14311446.80");
    assert_eq!(r["sweep"]["rows"][5]["npv"]["society"], "37110096.80");
    assert_eq!(r["grid"]["rows"][0]["values"], serde_json::json!(["0.3", "0.2"]));
    assert_eq!(r["tornado"]["rows"][0]["parameter"], "cohorts[0].outcomes[0].share");
    assert_eq!(r["tornado"]["rows"][0]["swing"], "22798650.00");
    assert_eq!(r["switching"][0]["kind"], "linear");
    assert_eq!(r["switching"][0]["value"], "747649.48");
    assert_eq!(r["switching"][0]["npv"], "0.00");
    assert_eq!(r["switching"][4]["kind"], "none");
    let municipality = &r["monte_carlo"]["statistics"]["municipality"];
    assert_eq!(municipality["mean"], "5771745.51");
    assert_eq!(municipality["p50"], "5626723.14");
    assert_eq!(municipality["probability_gain"], "0.991600");
    assert_eq!(municipality["gains"], 9916);
}

#[test]
fn analyse_prints_tables() {
    let scenario = main_scenario_file("table.json");
    let example = repo("examples/analysis.json");
    let (code, out, err) = samkalk(&["analyse", scenario.to_str().unwrap(), example.to_str().unwrap(), "--format", "table"]);
    assert_eq!(code, 0, "{err}");
    // Parameters in words and values in their units (the core's present::parameters): the AM3
    // group's cost per participant switches for the municipality at 747 649,48 kr (JSON).
    let switching = "Kostnad per deltagare, AM3-grupp  Kommunen                    747 649 kr     90 000 kr";
    let tornado = "Diskonteringsränta                              0 %       3,5 %";
    for expected in
        ["Tornado", "Brytvärden / Switching values", switching, tornado, "54,343 %", "Sannolikhet att gå plus", "99,2 %", "37 110 097 kr"]
    {
        assert!(out.contains(expected), "{expected:?} missing in:\n{out}");
    }
}

#[test]
fn analyse_reads_toml_and_reports_faults() {
    let scenario = main_scenario_file("faults.json");
    let analysis = temp_file("faults.toml", "[sweep]\nparameter = \"cohorts[0].outcomes[0].share\"\nvalues = [\"0.5\", \"1.5\"]\n");
    let (code, out, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("analysis: sweep.values[1]: cohorts[0].outcomes[0].share: must be between 0 and 1"), "{err}");
    let (code, _, err) = samkalk(&["analyse", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("analys: sweep.values[1]: cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,5"), "{err}");

    let analysis = temp_file(
        "bad-path.json",
        r#"{"monte_carlo": {"draws": 10, "seed": 1, "parameters": [{"parameter": "cohorts[0].name", "distribution": {"kind": "uniform", "low": 0, "high": 1}}]}}"#,
    );
    let (code, _, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("monte_carlo.parameters[0].parameter"), "{err}");
    assert!(err.contains("does not name a number"), "{err}");

    let (code, _, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), "/nonexistent/analysis.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}
