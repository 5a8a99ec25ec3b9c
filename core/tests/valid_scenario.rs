//! Validation once per calculation: a `ValidScenario` calculates as `calculate` does, and a
//! Monte Carlo draw is still validated when its parameters depend on each other.

use samkalk::analysis::{run, run_valid, Analysis, AnalysisError, RunOptions};
use samkalk::{FaultCode, Scenario, ValidScenario};

const SCENARIO: &str = r#"{"start_year": 2026, "discount_rate": "0.035",
    "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
                 "intervention": {"cost_per_participant": "40000"},
                 "outcomes": [{"target": "work", "share": "0.3"}, {"target": "studies", "share": "0.3"}]}]}"#;

fn monte_carlo(parameters: &[&str]) -> Analysis {
    let list: Vec<String> = parameters
        .iter()
        .map(|p| format!(r#"{{"parameter": "{p}", "distribution": {{"kind": "uniform", "low": "0.55", "high": "0.7"}}}}"#))
        .collect();
    Analysis::from_json(&format!(r#"{{"monte_carlo": {{"draws": 50, "seed": 1, "parameters": [{}]}}}}"#, list.join(","))).unwrap()
}

#[test]
fn a_valid_scenario_calculates_as_calculate_does() {
    let scenario = Scenario::from_json(SCENARIO).unwrap();
    let valid = scenario.clone().validate().unwrap();
    assert_eq!(valid.calculate().unwrap().to_json(), samkalk::calculate(&scenario).unwrap().to_json());
    assert_eq!(valid.trace().unwrap().to_json(), samkalk::trace(&scenario).unwrap().to_json());
    assert_eq!(ValidScenario::from_json(SCENARIO).unwrap(), valid);
}

#[test]
fn run_valid_gives_what_run_gives_on_draws_of_one_share() {
    let scenario = Scenario::from_json(SCENARIO).unwrap();
    let valid = scenario.clone().validate().unwrap();
    let request = monte_carlo(&["cohorts[0].outcomes[0].share"]);
    let a = run(&scenario, &request, &mut |_, _| true).unwrap();
    let b = run_valid(&valid, &request, RunOptions::default(), &mut |_, _| true).unwrap();
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    assert_eq!(a.monte_carlo.unwrap().draws, 50);
}

#[test]
fn draws_of_two_shares_of_one_cohort_are_still_validated() {
    // Each share alone may reach 0.7 (the other is 0.3); drawn together they pass 1.
    let scenario = Scenario::from_json(SCENARIO).unwrap();
    let request = monte_carlo(&["cohorts[0].outcomes[0].share", "cohorts[0].outcomes[1].share"]);
    match run(&scenario, &request, &mut |_, _| true) {
        Err(AnalysisError::Invalid(errors)) => {
            assert_eq!(errors[0].path, "monte_carlo");
            assert_eq!(errors[0].code(), FaultCode::SumAboveOne, "{}", errors[0]);
        }
        other => panic!("expected an invalid draw, got {other:?}"),
    }
}

#[test]
fn a_valid_scenario_gives_the_public_sector_and_compares_as_the_validating_functions_do() {
    let scenario = Scenario::from_json(SCENARIO).unwrap();
    let valid = scenario.clone().validate().unwrap();
    let json = |x: &samkalk::ActorResult| serde_json::to_string(x).unwrap();
    let public = samkalk::public_sector::public_sector(&scenario).unwrap();
    assert_eq!(json(&valid.public_sector().unwrap()), json(&public));
    let (result, with) = valid.calculate_with_public_sector().unwrap();
    assert_eq!((result.to_json(), json(&with)), (samkalk::calculate(&scenario).unwrap().to_json(), json(&public)));
    let mut other = scenario.clone();
    other.cohorts[0].participants = 40;
    let other_valid = other.clone().validate().unwrap();
    let a = samkalk::compare::compare(&[("A".into(), &scenario), ("B".into(), &other)]).unwrap();
    let b = samkalk::compare::compare_valid(&[("A".into(), &valid), ("B".into(), &other_valid)]).unwrap();
    assert_eq!(a.to_json_pretty(), b.to_json_pretty());
}

#[test]
fn a_valid_scenario_reads_toml_with_the_faults_of_scenario() {
    let toml = "start_year = 2026\n[[cohorts]]\nname = \"A\"\norigin = \"AM2\"\nparticipants = 20\noutcomes = [{ target = \"work\", share = \"0.6\" }]\n";
    assert_eq!(ValidScenario::from_toml(toml).unwrap().into_inner(), Scenario::from_toml(toml).unwrap());
    let bad = toml.replace("\"0.6\"", "\"1.3\"");
    let faults = ValidScenario::from_toml(&bad).unwrap_err().errors;
    assert_eq!(faults, Scenario::from_toml(&bad).unwrap_err().errors);
    assert_eq!(faults[0].path, "cohorts[0].outcomes[0].share");
    assert_eq!(faults[0].code(), FaultCode::OutOfRange);
}
