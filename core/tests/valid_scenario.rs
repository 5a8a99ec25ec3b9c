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
