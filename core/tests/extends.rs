//! `extends`: a state that starts from a built-in one and changes, adds or removes single
//! flows and earnings fields (docs/method.md, "Changing a built-in state").

use proptest::prelude::*;
use rust_decimal::Decimal;
use samkalk::{defaults, Actor, FaultCode, Scenario};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn read(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn faults(json: &str) -> Vec<(String, FaultCode)> {
    samkalk::validate_json(json).into_iter().map(|e| (e.path.clone(), e.code())).collect()
}

fn sorted(mut v: Vec<(String, FaultCode)>) -> Vec<(String, String)> {
    v.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
    v.into_iter().map(|(p, c)| (p, c.as_str())).collect()
}

/// A scenario with one AM3 group of 10 going to work, its states block given.
fn with_states(version: i64, states: &str) -> String {
    format!(
        r#"{{"version": {version}, "start_year": 2026, "states": {states},
            "cohorts": [{{"name": "g", "origin": "AM3", "participants": 10,
                          "intervention": {{"cost_per_participant": "50000", "duration_months": 12}},
                          "outcomes": [{{"target": "work", "share": "0.4"}}]}}]}}"#
    )
}

#[test]
fn extends_without_changes_is_the_built_in_state() {
    for id in defaults().states.keys() {
        for version in [1, 2] {
            let s = read(&format!(r#"{{"version": {version}, "start_year": 2026, "states": {{"{id}": {{"extends": "{id}"}}}}}}"#));
            assert_eq!(s.states[id], defaults().states[id].state, "{id}, version {version}");
        }
    }
    let plain = samkalk::calculate(&read(&with_states(1, "{}"))).unwrap();
    let extended = samkalk::calculate(&read(&with_states(1, r#"{"AM3": {"extends": "AM3"}}"#))).unwrap();
    assert_eq!(plain.to_json(), extended.to_json());
}

#[test]
fn extends_starts_from_the_restated_state_in_version_2() {
    // With a price year the calculation restates the built-in states; an extended state starts
    // from the same restated state, so extending without a change changes nothing.
    let base = r#"{"version": 2, "start_year": 2026, "price_year": 2026, "states": {"AM3": {"extends": "AM3"}}}"#;
    let s = read(base);
    let restated = samkalk::defaults_json_at(2026).unwrap();
    let amount = |state: &samkalk::State| state.flows[0].amount;
    assert_eq!(amount(&s.states["AM3"]).to_string(), restated["states"]["AM3"]["flows"][0]["amount"].as_str().unwrap());
    assert_ne!(amount(&s.states["AM3"]), amount(&defaults().states["AM3"].state));
    let with = |states: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&with_states(2, states)).unwrap();
        v["price_year"] = 2026.into();
        samkalk::calculate(&read(&v.to_string())).unwrap().to_json()
    };
    assert_eq!(with("{}"), with(r#"{"AM3": {"extends": "AM3"}}"#));
}

#[test]
fn a_changed_flow_equals_the_state_written_out_in_full() {
    let changed = read(&with_states(1, r#"{"AM3": {"extends": "AM3", "flows": {"Försörjningsstöd": {"amount": "138000"}}}}"#));
    let mut full = defaults().states["AM3"].state.clone();
    let k = full.flows.iter().position(|f| f.label == "Försörjningsstöd").unwrap();
    full.flows[k].amount = d("138000");
    assert_eq!(changed.states["AM3"], full);
    let mut written = read(&with_states(1, "{}"));
    written.states.insert("AM3".into(), full);
    assert_eq!(samkalk::calculate(&changed).unwrap().to_json(), samkalk::calculate(&written).unwrap().to_json());
}

#[test]
fn flows_are_changed_removed_and_added_and_earnings_too() {
    let s = read(&with_states(
        2,
        r#"{"AM3": {"extends": "AM3", "label": "AM3, egen", "flows": {
                "Försörjningsstöd": {"amount": "138000", "note": "egen uppgift", "source": "kommunens bokslut 2025"},
                "Specialiserad psykiatrisk vård": {"remove": true},
                "Boendestöd": {"payer": "municipality", "amount": "12000"}}},
            "work": {"extends": "work", "earnings": {"monthly_wage": "28000"}},
            "job": {"extends": "subsidised_work", "earnings": {"remove": true}},
            "course": {"extends": "studies", "earnings": {"monthly_wage": "5000", "employment_rate": "0.5"}}}"#,
    ));
    let base = &defaults().states["AM3"].state;
    let am3 = &s.states["AM3"];
    assert_eq!(am3.label, "AM3, egen");
    assert_eq!(am3.description, base.description);
    assert_eq!(am3.flows.len(), base.flows.len(), "one removed, one added");
    assert!(!am3.flows.iter().any(|f| f.label == "Specialiserad psykiatrisk vård"));
    let support = &am3.flows[0];
    assert_eq!((support.label.as_str(), support.amount, support.note.as_str()), ("Försörjningsstöd", d("138000"), "egen uppgift"));
    assert_eq!(support.payer, Some(Actor::Municipality));
    let added = am3.flows.last().unwrap();
    assert_eq!((added.label.as_str(), added.payer, added.payee, added.amount), ("Boendestöd", Some(Actor::Municipality), None, d("12000")));
    let work = s.states["work"].earnings.as_ref().unwrap();
    let built_in = defaults().states["work"].state.earnings.as_ref().unwrap();
    assert_eq!((work.monthly_wage, work.employment_rate, work.productivity), (d("28000"), built_in.employment_rate, built_in.productivity));
    assert!(s.states["job"].earnings.is_none());
    assert_eq!(s.states["job"].flows, defaults().states["subsidised_work"].state.flows);
    let course = s.states["course"].earnings.as_ref().unwrap();
    assert_eq!((course.monthly_wage, course.employment_rate, course.productivity), (d("5000"), d("0.5"), Decimal::ONE));
}

#[test]
fn toml_reads_the_same() {
    let toml = r#"
start_year = 2026
[states.AM3]
extends = "AM3"
flows = { "Försörjningsstöd" = { amount = "138000" }, "Specialiserad psykiatrisk vård" = { remove = true } }
"#;
    let json = r#"{"start_year": 2026, "states": {"AM3": {"extends": "AM3", "flows": {
        "Försörjningsstöd": {"amount": "138000"}, "Specialiserad psykiatrisk vård": {"remove": true}}}}}"#;
    assert_eq!(Scenario::from_toml(toml).unwrap(), read(json));
}

#[test]
fn faults_name_the_fields_the_input_wrote() {
    let cases: [(&str, &[(&str, FaultCode)]); 9] = [
        (r#"{"x": {"extends": "AM4"}}"#, &[("states.x.extends", FaultCode::NotBuiltIn)]),
        (r#"{"x": {"extends": 3}}"#, &[("states.x.extends", FaultCode::WrongType)]),
        (
            r#"{"x": {"extends": "AM3", "flows": {"Forsorjningsstod": {"amount": "1"}}}}"#,
            &[("states.x.flows.Forsorjningsstod", FaultCode::NoPayerOrPayee)],
        ),
        (
            r#"{"x": {"extends": "AM3", "flows": {"Forsorjningsstod": {"payer": "region"}}}}"#,
            &[("states.x.flows.Forsorjningsstod", FaultCode::NotAFlowOf)],
        ),
        (r#"{"x": {"extends": "AM3", "flows": {"Nytt": {"remove": true}}}}"#, &[("states.x.flows.Nytt", FaultCode::NotAFlowOf)]),
        (
            r#"{"x": {"extends": "AM3", "flows": {"Försörjningsstöd": {"remove": true, "amount": "1"}}}}"#,
            &[("states.x.flows.Försörjningsstöd", FaultCode::RemoveWithChanges)],
        ),
        (
            r#"{"x": {"extends": "AM3", "flows": {"Försörjningsstöd": {"amount": "-1", "payee": "municipality"}}}}"#,
            &[
                ("states.x.flows.Försörjningsstöd.amount", FaultCode::OutOfRange),
                ("states.x.flows.Försörjningsstöd", FaultCode::SamePayerPayee),
            ],
        ),
        (r#"{"x": {"extends": "AM3", "earnings": {"remove": true}}}"#, &[("states.x.earnings", FaultCode::NoEarnings)]),
        (r#"{"x": {"extends": "AM3", "earnings": {"productivity": "0.5"}}}"#, &[("states.x.earnings.monthly_wage", FaultCode::Missing)]),
    ];
    for (states, expected) in cases {
        let got = sorted(faults(&with_states(1, states)));
        let want = sorted(expected.iter().map(|(p, c)| (p.to_string(), *c)).collect());
        assert_eq!(got, want, "{states}");
    }
    // A flow list is not a change list, and version-2 fields stay version 2.
    assert_eq!(
        faults(&with_states(1, r#"{"x": {"extends": "AM3", "flows": []}}"#)),
        [("states.x.flows".to_string(), FaultCode::WrongType)]
    );
    assert_eq!(
        faults(&with_states(1, r#"{"x": {"extends": "AM3", "flows": {"Försörjningsstöd": {"investment": true}}}}"#)),
        [("states.x.flows.Försörjningsstöd.investment".to_string(), FaultCode::RequiresVersion2)]
    );
    // The built-in taxable flags that an extended state carries are accepted in version 1.
    assert!(faults(&with_states(1, r#"{"x": {"extends": "AM3"}, "y": {"extends": "AM1"}}"#)).is_empty());
}

#[test]
fn built_in_flow_labels_are_unique_within_each_state() {
    // `extends` names flows by label; each built-in label must name one flow.
    for (id, ds) in &defaults().states {
        let mut labels: Vec<&str> = ds.state.flows.iter().map(|f| f.label.as_str()).collect();
        let n = labels.len();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), n, "{id}");
    }
}

// Changing one flow of the group's origin by Δ kronor, in a scenario where every figure is
// exact to the öre: the intervention fills year 1 (12 months from January), so the move to the
// target happens on 1 January of year 2 and every later year is a whole year there; the share
// has two decimals, no filters, retention 1, discount rate 0. The effect population is then
// E = participants × share in each year from year 2 and 0 in year 1, and an actor's gain is
// E × (net(target) − net(origin)). The origin's net is −amount for the flow's payer and
// +amount for its payee, so from year 2 on the payer gains exactly E × Δ more and the payee
// E × Δ less each year (E × Δ has at most two decimals, so rounding to the öre commutes with
// the change). Year 1, every investment and every other actor stay as they were; society, the
// sum of the seven actors, changes by the sum of its actors' changes: nothing for a transfer
// between two actors, ±E × Δ when one end is outside the public economy.
proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]
    #[test]
    fn changing_one_flow_changes_the_result_by_exactly_its_effect(
        origin in prop::sample::select(vec!["AM1", "AM2", "AM3"]),
        flow_pick in 0usize..16,
        delta in -100_000i64..100_000,
        participants in 1i64..500,
        share_cents in 1i64..=100,
        target in prop::sample::select(vec!["work", "subsidised_work", "studies"]),
        horizon in 2i64..8,
    ) {
        let base = &defaults().states[origin].state;
        let flow = &base.flows[flow_pick % base.flows.len()];
        // Keep the amount within 0..=10^12 kronor.
        let delta = Decimal::from(delta).max(-flow.amount);
        let amount = flow.amount + delta;
        let scenario = |states: &str| format!(
            r#"{{"start_year": 2026, "horizon_years": {horizon}, "states": {states},
                "cohorts": [{{"origin": "{origin}", "participants": {participants},
                              "intervention": {{"cost_per_participant": "30000", "duration_months": 12}},
                              "outcomes": [{{"target": "{target}", "share": "{share}"}}]}}]}}"#,
            share = Decimal::new(share_cents, 2),
        );
        let before = samkalk::calculate(&read(&scenario("{}"))).unwrap();
        let changed = format!(r#"{{"{origin}": {{"extends": "{origin}", "flows": {{"{}": {{"amount": "{amount}"}}}}}}}}"#, flow.label);
        let after = samkalk::calculate(&read(&scenario(&changed))).unwrap();
        let effect = Decimal::from(participants) * Decimal::new(share_cents, 2) * delta; // E × Δ
        let change_of = |actor: Option<Actor>| -> Decimal {
            let mut c = Decimal::ZERO;
            if flow.payer == actor { c += effect; }
            if flow.payee == actor { c -= effect; }
            c
        };
        let society_change = change_of(None) * Decimal::NEGATIVE_ONE; // the actors' changes sum to minus the outside's
        let mut rows: Vec<(String, Decimal, &samkalk::ActorResult, &samkalk::ActorResult)> = before
            .per_actor
            .actors()
            .map(|(a, r)| (a.id().to_string(), change_of(Some(a)), r, after.per_actor.get(a)))
            .collect();
        rows.push(("society".into(), society_change, before.per_actor.society(), after.per_actor.society()));
        for (who, change, b, a) in rows {
            prop_assert_eq!(&a.investment, &b.investment, "{} investment", who);
            prop_assert_eq!(a.gain[0], b.gain[0], "{} year 1", who);
            for y in 1..horizon as usize {
                prop_assert_eq!(a.gain[y].value() - b.gain[y].value(), change, "{} year {}", who, y + 1);
            }
            prop_assert_eq!(a.npv.value() - b.npv.value(), change * Decimal::from(horizon - 1), "{} npv", who);
        }
    }
}
