//! Runs each example as a user would (`cargo run --example NAME`) and checks what it prints
//! against the engine called directly here.

use std::path::{Path, PathBuf};
use std::process::Command;

use samkalk::analysis::{self, Analysis};
use samkalk::{Actor, Lang, Scenario};

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What `cargo run --example name -- args` prints on standard output; fails on a non-zero exit.
fn run_example(name: &str, args: &[&Path]) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(here().join("Cargo.toml"))
        .args(["--example", name, "--"])
        .args(args)
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn programme() -> Scenario {
    Scenario::from_toml(&std::fs::read_to_string(here().join("programme.toml")).unwrap()).unwrap()
}

#[test]
fn calculate_file_prints_the_report_and_the_municipalitys_npv() {
    let scenario = programme();
    let result = samkalk::calculate(&scenario).unwrap();
    let npv = result.actor(Actor::Municipality).npv.value();
    let expected_line = format!("Kommunens nuvärde: {}", samkalk::present::kronor_ore(npv, Lang::Sv));
    let out = run_example("calculate_file", &[]);
    assert!(out.starts_with(&samkalk::report::table(&scenario, &result)), "the Swedish table first:\n{out}");
    assert_eq!(out.lines().last(), Some(expected_line.as_str()));
    // A file given as argument, here JSON: the contract vector 002's scenario.
    let vector: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(here().join("../tests/vectors/002.json")).unwrap()).unwrap();
    let file = std::env::temp_dir().join(format!("samkalk-example-{}.json", std::process::id()));
    std::fs::write(&file, vector["scenario"].to_string()).unwrap();
    let out = run_example("calculate_file", &[&file]);
    std::fs::remove_file(&file).ok();
    let scenario = Scenario::from_json(&vector["scenario"].to_string()).unwrap();
    let npv = samkalk::calculate(&scenario).unwrap().actor(Actor::Municipality).npv.value();
    assert_eq!(out.lines().last().unwrap(), format!("Kommunens nuvärde: {}", samkalk::present::kronor_ore(npv, Lang::Sv)));
}

#[test]
fn build_in_code_gives_what_the_same_scenario_as_a_file_gives() {
    let out = run_example("build_in_code", &[]);
    let printed: serde_json::Value = serde_json::from_str(&out).expect("result JSON");
    // The same scenario written in the file format: the typed API and the reader agree.
    let text = r#"{"version": 2, "name": "Coaching for AM2, built in code", "start_year": 2026, "cohorts": [
        {"name": "AM2-grupp", "origin": "AM2", "participants": 20,
         "intervention": {"cost_per_participant": "40000", "duration_months": 6},
         "outcomes": [{"target": "work", "share": "0.5", "counterfactual_share": "0.1",
                       "then": [{"to": "AM2", "share": "0.1", "after_months": 12, "every_months": 12}]}]}]}"#;
    let expected: serde_json::Value = serde_json::from_str(&samkalk::calculate_json(text).unwrap().to_json()).unwrap();
    assert_eq!(printed, expected);
    // The onward move matters: without it the municipality gains more.
    let mut without: serde_json::Value = serde_json::from_str(text).unwrap();
    assert!(without["cohorts"][0]["outcomes"][0].as_object_mut().unwrap().remove("then").is_some());
    let without: serde_json::Value = serde_json::from_str(&samkalk::calculate_json(&without.to_string()).unwrap().to_json()).unwrap();
    let npv = |v: &serde_json::Value| v["actors"]["municipality"]["npv"].as_str().unwrap().parse::<rust_decimal::Decimal>().unwrap();
    assert!(npv(&printed) < npv(&without), "{} < {}", npv(&printed), npv(&without));
}

#[test]
fn run_analysis_prints_the_cores_swedish_report() {
    let scenario = programme();
    let request = Analysis::from_json(&std::fs::read_to_string(here().join("analysis.json")).unwrap()).unwrap();
    let result = analysis::run(&scenario, &request, &mut |_, _| true).unwrap();
    let expected = samkalk::present::analysis_report::analysis_table(&scenario, &result, Lang::Sv);
    assert!(expected.contains("Sannolikhet att gå plus"), "{expected}");
    assert_eq!(run_example("run_analysis", &[]), expected);
}

/// What the `samkalk` command prints on standard output (built from this tree); fails on a
/// non-zero exit.
fn run_cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "-p", "samkalk-cli", "--manifest-path"])
        .arg(here().join("../Cargo.toml"))
        .arg("--")
        .args(args)
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "samkalk {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn extends_toml_is_the_programme_with_the_states_written_out_in_full() {
    let file = here().join("extends.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let scenario = Scenario::from_toml(&text).unwrap();
    // The same states written out in full from the built-in ones, by hand.
    let mut am3 = samkalk::defaults().states["AM3"].state.clone();
    let support = am3.flows.iter_mut().find(|f| f.label == "Försörjningsstöd").unwrap();
    support.amount = "138000".parse().unwrap();
    support.source = "Kommunens bokslut 2025 (antagande i exemplet)".into();
    am3.flows.retain(|f| f.label != "Specialiserad psykiatrisk vård");
    am3.flows.push(samkalk::Flow {
        label: "Boendestöd".into(),
        payer: Some(Actor::Municipality),
        amount: "18000".parse().unwrap(),
        note: "Antagande: 1 500 kr i månaden".into(),
        ..Default::default()
    });
    let mut part_time = samkalk::defaults().states["work"].state.clone();
    part_time.label = "Arbete på deltid (75 %)".into();
    part_time.earnings.as_mut().unwrap().employment_rate = "0.75".parse().unwrap();
    assert_eq!(scenario.states["AM3"], am3);
    assert_eq!(scenario.states["deltid"], part_time);
    let mut written = scenario.clone();
    written.states.insert("AM3".into(), am3);
    written.states.insert("deltid".into(), part_time);
    let result = samkalk::calculate(&written).unwrap();
    let file = file.to_str().unwrap();
    assert_eq!(run_cli(&["calculate", file]).trim_end(), result.to_json().trim_end());
    assert_eq!(run_cli(&["calculate", file, "--format", "table"]), samkalk::report::table(&written, &result));
}

/// The CLI example of examples/README.md: `samkalk compare` of the main job and its alternative
/// prints the core's comparison table, and the alternative differs where it should.
#[test]
fn the_cli_compares_the_main_job_with_its_alternative() {
    let (a, b) = (here().join("programme.toml"), here().join("longer_am3.toml"));
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "-p", "samkalk-cli", "--manifest-path"])
        .arg(here().join("../Cargo.toml"))
        .args(["--", "compare"])
        .args([&a, &b])
        .args(["--names", "Program,Längre AM3"])
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    let read = |p: &Path| Scenario::from_toml(&std::fs::read_to_string(p).unwrap()).unwrap();
    let (sa, sb) = (read(&a), read(&b));
    let c = samkalk::compare::compare(&[("Program".into(), &sa), ("Längre AM3".into(), &sb)]).unwrap();
    assert_eq!(printed, samkalk::present::compare::compare_table(&c, Lang::Sv));
    assert!(printed.contains("Längre AM3 − Program"));
    // Only the AM3 cohort changed: 15 × (150 000 − 120 000) kr more invested by society.
    let society = c.rows.iter().find(|r| r.who == "society").unwrap();
    assert_eq!(society.differences[1].total_investment.to_string(), "450000.00");
}
