//! The built-in parameter set: sourced, loadable, in a sensible order, and documented from the
//! data itself.

use rust_decimal::Decimal;
use samkalk::flow::Tax;
use samkalk::{defaults, Actor, Cohort, Intervention, Outcome, Scenario};

const PUBLIC: [Actor; 5] = [Actor::Municipality, Actor::EmploymentService, Actor::SocialInsurance, Actor::Region, Actor::State];

fn default_tax() -> Tax {
    samkalk::calculate::resolved_tax(&Scenario::new(2026))
}

/// What a year in the state costs the public actors together (net outflow).
fn public_cost(id: &str) -> Decimal {
    let state = &defaults().states[id].state;
    let net = samkalk::state::yearly_net(state, &default_tax()).unwrap();
    -PUBLIC.iter().map(|a| net[a.index()]).sum::<Decimal>()
}

#[test]
fn the_required_states_are_built_in() {
    for id in ["AM1", "AM2", "AM3", "work", "subsidised_work", "studies"] {
        let state = &defaults().states.get(id).unwrap_or_else(|| panic!("{id} is built in")).state;
        assert!(!state.label.is_empty(), "{id} has a Swedish label");
    }
    assert!(defaults().states["work"].state.earnings.is_some());
    assert!(defaults().states["subsidised_work"].state.earnings.is_some());
}

#[test]
fn every_number_has_a_source_and_its_arithmetic() {
    let d = defaults();
    assert!((2024..=2026).contains(&d.price_year), "price year {}", d.price_year);
    for (name, rate) in
        [("municipal", &d.tax.municipal_rate), ("regional", &d.tax.regional_rate), ("employer", &d.tax.employer_contribution_rate)]
    {
        assert!(!rate.source.trim().is_empty(), "tax {name} has a source");
        assert!(!rate.note.trim().is_empty(), "tax {name} has its derivation");
        assert!(rate.value > Decimal::ZERO && rate.value < Decimal::ONE);
    }
    for (id, ds) in &d.states {
        if ds.state.earnings.is_some() {
            let (source, note) = ds.earnings_source.clone().unwrap_or_default();
            assert!(!source.trim().is_empty() && !note.trim().is_empty(), "states.{id}.earnings has a source and a note");
        }
        assert_eq!(ds.notes.len(), ds.state.flows.len(), "{id}: a note per flow");
        for (k, (flow, note)) in ds.state.flows.iter().zip(&ds.notes).enumerate() {
            assert!(!flow.source.trim().is_empty(), "states.{id}.flows[{k}] ({}) has a source", flow.label);
            assert!(!note.trim().is_empty(), "states.{id}.flows[{k}] ({}) has a note", flow.label);
            assert!(!flow.label.trim().is_empty(), "states.{id}.flows[{k}] has a label");
        }
    }
}

#[test]
fn needs_categories_keep_their_order() {
    let (am1, am2, am3) = (public_cost("AM1"), public_cost("AM2"), public_cost("AM3"));
    assert!(am3 > am2 && am2 > am1 && am1 > Decimal::ZERO, "AM3 {am3} > AM2 {am2} > AM1 {am1} > 0");
    // A job pays its way for the public sector; a year in AM costs it.
    assert!(public_cost("work") < Decimal::ZERO);
}

#[test]
fn every_state_loads_and_calculates() {
    let d = defaults();
    let ids: Vec<&String> = d.states.keys().collect();
    let mut s = Scenario::new(2026);
    for origin in &ids {
        for target in &ids {
            if origin == target {
                continue;
            }
            s.cohorts.push(Cohort {
                name: format!("{origin} → {target}"),
                origin: origin.to_string(),
                participants: 10,
                intervention: Intervention { cost_per_participant: Decimal::from(10_000), ..Intervention::default() },
                outcomes: vec![Outcome::new(target.as_str(), Decimal::new(5, 1))],
            });
        }
    }
    let result = samkalk::calculate(&s).expect("every pair of built-in states calculates");
    assert_eq!(result.cohorts.len(), ids.len() * (ids.len() - 1));
    // Moving AM3 → work gains the municipality more than AM1 → work.
    let gain = |origin: &str| {
        let mut one = Scenario::new(2026);
        one.cohorts.push(Cohort {
            name: String::new(),
            origin: origin.into(),
            participants: 1,
            intervention: Intervention::default(),
            outcomes: vec![Outcome::new("work", Decimal::ONE)],
        });
        samkalk::calculate(&one).unwrap().actor(Actor::Municipality).total_gain
    };
    assert!(gain("AM3") > gain("AM1"));
}

#[test]
fn printed_states_are_valid_scenario_states() {
    // `samkalk defaults` prints states that paste unchanged into a scenario of either method
    // version: notes and sources are informational fields, and version 1 accepts the
    // built-in `taxable` flags (they have no effect there).
    let json = samkalk::defaults_json();
    for version in [1, 2] {
        let scenario = serde_json::json!({"version": version, "start_year": 2026, "tax": json["tax"], "states": json["states"]});
        let parsed = Scenario::from_json(&scenario.to_string()).unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert_eq!(parsed.states.len(), defaults().states.len());
        for (id, state) in &parsed.states {
            assert_eq!(state, &defaults().states[id].state, "{id} round-trips in version {version}");
        }
    }
}

#[test]
fn a_taxable_flag_of_ones_own_is_still_version_2() {
    // Version 1 accepts `taxable` only where it repeats a built-in flag (by the flow's label).
    let scenario = r#"{"start_year": 2026, "states": {"x": {"flows": [
        {"label": "Aktivitetsstöd", "payer": "social_insurance", "payee": "individual", "amount": 1, "taxable": true},
        {"label": "Eget bidrag", "payer": "social_insurance", "payee": "individual", "amount": 1, "taxable": true}]}}}"#;
    let errors = samkalk::validate_json(scenario);
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["states.x.flows[1].taxable"]);
    assert_eq!(errors[0].code(), samkalk::FaultCode::RequiresVersion2);
}

#[test]
fn docs_table_is_generated_from_the_data() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/defaults.md");
    let on_disk = std::fs::read_to_string(&path).expect("docs/defaults.md exists");
    assert!(
        on_disk == samkalk::report::defaults_markdown(),
        "docs/defaults.md is stale: run `cargo run -q -p samkalk-cli -- defaults --format markdown > docs/defaults.md`"
    );
}
