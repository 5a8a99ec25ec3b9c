//! The analysis module against the quality bars of the issue: sweeps and grids equal
//! `calculate` exactly, switching values give NPV 0.00, degenerate Monte Carlo equals
//! `calculate`, a uniform share's mean NPV lies within three standard errors of the NPV at the
//! mean share, seeds and thread counts give identical results, faults name their paths, and a
//! run can be cancelled. tests/analysis/montecarlo_seed.json pins the first draws for every
//! layer (Rust, Python, WebAssembly).

use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use samkalk::analysis::{run, run_with, Analysis, AnalysisError, Exact, Money, RunOptions, SwitchingKind, Who};
use samkalk::{calculate, parse_json, Actor, CalculationResult, Scenario, Value};

fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The main example: tests/vectors/002.json's scenario (two cohorts, AM2 and AM3).
fn main_scenario() -> Scenario {
    let text = std::fs::read_to_string(repo("tests/vectors/002.json")).unwrap();
    let v = parse_json(&text).unwrap();
    Scenario::from_value(v.get("scenario").unwrap()).unwrap()
}

fn analysis(json: &str) -> Analysis {
    Analysis::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

fn go(s: &Scenario, a: &Analysis) -> samkalk::analysis::AnalysisResult {
    run(s, a, &mut |_, _| true).unwrap_or_else(|e| panic!("{e}"))
}

/// NPV and total net per actor, then society, from a calculation.
fn figures(r: &CalculationResult) -> ([Money; 8], [Money; 8]) {
    let mut npv = [Money::ZERO; 8];
    let mut net = [Money::ZERO; 8];
    for (i, (_, a)) in r.rows().enumerate() {
        npv[i] = a.npv;
        net[i] = a.total_net;
    }
    (npv, net)
}

#[test]
fn sweep_equals_calculate_exactly() {
    let s = main_scenario();
    let a = analysis(r#"{"sweep": {"parameter": "cohorts[0].outcomes[0].share", "values": ["0", "0.1", "0.3333", "0.6", "1"]}}"#);
    let r = go(&s, &a);
    let sweep = r.sweep.unwrap();
    assert_eq!(sweep.base_value, d("0.6"));
    assert_eq!(sweep.rows.len(), 5);
    for row in &sweep.rows {
        let mut m = s.clone();
        m.cohorts[0].outcomes[0].share = row.value.value();
        let (npv, net) = figures(&calculate(&m).unwrap());
        assert_eq!(*row.outcome.npv.as_array(), npv, "share {}", row.value);
        assert_eq!(*row.outcome.total_net.as_array(), net, "share {}", row.value);
    }
    // At the base value the sweep reproduces the vector's expected society NPV.
    assert_eq!(*sweep.rows[3].outcome.npv.society(), d("37110096.80"));
    assert_eq!(*r.base.npv.society(), d("37110096.80"));
}

#[test]
fn sweep_over_built_in_state_and_tax_and_integer() {
    // A scenario without its own states: the path names the built-in AM2.
    let s = Scenario::from_json(
        r#"{"start_year": 2026, "discount_rate": "0.035", "cohorts": [{"origin": "AM2", "participants": 20,
            "intervention": {"cost_per_participant": "40000", "duration_months": 6},
            "outcomes": [{"target": "work", "share": "0.5"}]}]}"#,
    )
    .unwrap();
    let a = analysis(r#"{"sweep": {"parameter": "states.AM2.flows[0].amount", "values": ["50000", 123456.78]}}"#);
    let r = go(&s, &a);
    for row in &r.sweep.unwrap().rows {
        let mut m = s.clone();
        let mut state = samkalk::calculate::resolve_state(&s, "AM2").unwrap().clone();
        state.flows[0].amount = row.value.value();
        m.states.insert("AM2".into(), state);
        assert_eq!(*row.outcome.npv.as_array(), figures(&calculate(&m).unwrap()).0);
    }
    for (path, values, set) in [
        (
            "tax.municipal_rate",
            ["0.2", "0.25"],
            (|m: &mut Scenario, x: Decimal| m.tax.municipal_rate = Some(x)) as fn(&mut Scenario, Decimal),
        ),
        ("cohorts[0].participants", ["10", "35"], |m, x| m.cohorts[0].participants = i64::try_from(x).unwrap()),
        ("discount_rate", ["0", "0.1"], |m, x| m.discount_rate = x),
        ("cohorts[0].outcomes[0].lag_months", ["-3", "14"], |m, x| m.cohorts[0].outcomes[0].lag_months = i64::try_from(x).unwrap()),
    ] {
        let a = analysis(&format!(r#"{{"sweep": {{"parameter": "{path}", "values": ["{}", "{}"]}}}}"#, values[0], values[1]));
        for row in &go(&s, &a).sweep.unwrap().rows {
            let mut m = s.clone();
            set(&mut m, row.value.value());
            assert_eq!(*row.outcome.npv.as_array(), figures(&calculate(&m).unwrap()).0, "{path} = {}", row.value);
        }
    }
}

#[test]
fn financing_share_moves_the_difference_to_the_balancing_actor() {
    let s = Scenario::from_json(
        r#"{"start_year": 2026, "cohorts": [{"origin": "AM3", "participants": 10,
            "intervention": {"cost_per_participant": "100000", "financing": {"municipality": "0.5", "region": "0.5"}},
            "outcomes": [{"target": "work", "share": "0.3"}]}]}"#,
    )
    .unwrap();
    let a = analysis(r#"{"sweep": {"parameter": "cohorts[0].intervention.financing.region", "values": ["0", "0.2", "1"]}}"#);
    for row in &go(&s, &a).sweep.unwrap().rows {
        let mut m = s.clone();
        m.cohorts[0].intervention.financing.insert(Actor::Region, row.value.value());
        m.cohorts[0].intervention.financing.insert(Actor::Municipality, Decimal::ONE - row.value.value());
        assert_eq!(*row.outcome.npv.as_array(), figures(&calculate(&m).unwrap()).0);
    }
}

#[test]
fn grid_equals_calculate_exactly() {
    let s = main_scenario();
    let a = analysis(
        r#"{"grid": {"parameters": [
            {"parameter": "cohorts[0].outcomes[0].share", "values": ["0.3", "0.6", "0.9"]},
            {"parameter": "cohorts[1].outcomes[0].retention", "values": ["0.5", "1"]}]}}"#,
    );
    let g = go(&s, &a).grid.unwrap();
    assert_eq!(g.rows.len(), 6);
    assert_eq!(g.rows[1].values, [d("0.3"), d("1")]);
    for row in &g.rows {
        let mut m = s.clone();
        m.cohorts[0].outcomes[0].share = row.values[0].value();
        m.cohorts[1].outcomes[0].retention = row.values[1].value();
        let (npv, net) = figures(&calculate(&m).unwrap());
        assert_eq!(*row.outcome.npv.as_array(), npv);
        assert_eq!(*row.outcome.total_net.as_array(), net);
    }
}

#[test]
fn tornado_is_sorted_by_society_swing_and_exact() {
    let s = main_scenario();
    let a = analysis(
        r#"{"tornado": {"parameters": [
            {"parameter": "discount_rate", "low": "0", "high": "0.035"},
            {"parameter": "cohorts[0].outcomes[0].share", "low": "0.3", "high": "0.8"},
            {"parameter": "states.work.earnings.monthly_wage", "low": "22000", "high": "30000"},
            {"parameter": "tax.municipal_rate", "low": "0.2", "high": "0.22"}]}}"#,
    );
    let t = go(&s, &a).tornado.unwrap();
    assert_eq!(t.rows.len(), 4);
    assert!(t.rows.windows(2).all(|w| w[0].swing >= w[1].swing));
    // Taxes move money between actors: society's swing is zero, so it comes last.
    assert_eq!(t.rows[3].parameter, "tax.municipal_rate");
    assert_eq!(t.rows[3].swing, Decimal::ZERO);
    assert_ne!(t.rows[3].npv_low.get(Actor::Municipality), t.rows[3].npv_high.get(Actor::Municipality));
    for row in &t.rows {
        assert_eq!(row.swing, (row.npv_high.society().value() - row.npv_low.society().value()).abs());
    }
    let share = t.rows.iter().find(|r| r.parameter == "cohorts[0].outcomes[0].share").unwrap();
    let mut m = s.clone();
    m.cohorts[0].outcomes[0].share = d("0.8");
    assert_eq!(*share.npv_high.as_array(), figures(&calculate(&m).unwrap()).0);
}

/// The NPV of `who` with `path` set to `x`, by calculate on a modified scenario.
fn npv_at(s: &Scenario, path: &str, x: Decimal, who: Who) -> Decimal {
    let mut m = s.clone();
    let p = samkalk::analysis::Param::resolve(path, &mut m).unwrap();
    p.set(&mut m, x).unwrap();
    figures(&calculate(&m).unwrap()).0[who.index()].value()
}

#[test]
fn switching_values_give_npv_zero_to_the_ore() {
    let s = main_scenario();
    let a = analysis(
        r#"{"switching": [
            {"parameter": "cohorts[1].intervention.cost_per_participant", "actor": "municipality"},
            {"parameter": "cohorts[1].intervention.cost_per_participant", "actor": "society"},
            {"parameter": "states.work.earnings.monthly_wage", "actor": "individual"},
            {"parameter": "tax.municipal_rate", "actor": "individual"},
            {"parameter": "cohorts[0].outcomes[0].share", "actor": "municipality"}]}"#,
    );
    let r = go(&s, &a);
    assert_eq!(r.switching.len(), 5);
    for sw in &r.switching[..4] {
        assert_eq!(sw.kind, SwitchingKind::Linear, "{sw:?}");
        let x = sw.value.unwrap().value();
        let who = Who::from_id(&sw.actor).unwrap();
        assert_eq!(npv_at(&s, &sw.parameter, x, who), Decimal::ZERO, "{sw:?}");
        assert_eq!(sw.npv, Some(Money::ZERO));
    }
    assert_eq!(r.switching[0].value, Some(Exact::new(d("747649.48"))));
    assert_eq!(r.switching[0].gains, Some("below"));
    // The municipality gains whatever share of the AM2 group works (the AM3 group pays off).
    assert_eq!(r.switching[4].kind, SwitchingKind::None);
    assert_eq!(r.switching[4].value, None);
}

fn one_cohort(cost: &str, discount: &str) -> Scenario {
    Scenario::from_json(&format!(
        r#"{{"start_year": 2026, "discount_rate": "{discount}", "cohorts": [{{"origin": "AM3", "participants": 20,
            "intervention": {{"cost_per_participant": "{cost}", "duration_months": 12}},
            "outcomes": [{{"target": "work", "share": "0.4", "retention": "0.8"}}]}}]}}"#
    ))
    .unwrap()
}

#[test]
fn switching_by_search_where_the_model_is_not_linear() {
    // Retention enters as retention^(t − 1): not linear. Choose a cost so that the
    // municipality's NPV is negative at retention 0 and positive at 1.
    let s = one_cohort("150000", "0.035");
    let lo = npv_at(&s, "cohorts[0].outcomes[0].retention", Decimal::ZERO, Who::Actor(Actor::Municipality));
    let hi = npv_at(&s, "cohorts[0].outcomes[0].retention", Decimal::ONE, Who::Actor(Actor::Municipality));
    assert!(lo < Decimal::ZERO && hi > Decimal::ZERO, "{lo} {hi}");
    let a = analysis(
        r#"{"switching": [
            {"parameter": "cohorts[0].outcomes[0].retention", "actor": "municipality"},
            {"parameter": "discount_rate", "actor": "municipality"},
            {"parameter": "cohorts[0].outcomes[0].share", "actor": "municipality", "low": "0.1", "high": "0.9"},
            {"parameter": "cohorts[0].participants", "actor": "society"},
            {"parameter": "cohorts[0].outcomes[0].lag_months", "actor": "municipality"}]}"#,
    );
    let r = go(&s, &a);
    let retention = &r.switching[0];
    assert_eq!(retention.kind, SwitchingKind::Search);
    assert_eq!(retention.gains, Some("above"));
    assert_eq!(
        npv_at(&s, "cohorts[0].outcomes[0].retention", retention.value.unwrap().value(), Who::Actor(Actor::Municipality)),
        Decimal::ZERO
    );
    let rate = &r.switching[1];
    assert_eq!(rate.kind, SwitchingKind::Search, "{rate:?}");
    assert_eq!(rate.gains, Some("below"));
    assert_eq!(npv_at(&s, "discount_rate", rate.value.unwrap().value(), Who::Actor(Actor::Municipality)), Decimal::ZERO);
    // The share is linear even with discounting; the value is exact and gives 0.00.
    let share = &r.switching[2];
    assert_eq!(share.kind, SwitchingKind::Linear);
    assert_eq!(npv_at(&s, "cohorts[0].outcomes[0].share", share.value.unwrap().value(), Who::Actor(Actor::Municipality)), Decimal::ZERO);
    assert_eq!((share.low.value(), share.high.value()), (d("0.1"), d("0.9")));
    // Participants scale everything: society's NPV is 0 only at 0 participants (or always
    // positive): a whole-number parameter that is linear gives the line's crossing.
    let participants = &r.switching[3];
    assert_eq!((participants.kind, participants.value, participants.npv), (SwitchingKind::Linear, Some(Exact::new(Decimal::ZERO)), None));
    // lag_months: a whole number, not linear; the result is a whole number where it gains.
    let lag = &r.switching[4];
    assert_eq!((lag.kind, lag.value, lag.gains), (SwitchingKind::Search, Some(Exact::new(d("8"))), Some("below")));
    assert!(npv_at(&s, "cohorts[0].outcomes[0].lag_months", d("8"), Who::Actor(Actor::Municipality)) >= Decimal::ZERO);
    assert!(npv_at(&s, "cohorts[0].outcomes[0].lag_months", d("9"), Who::Actor(Actor::Municipality)) < Decimal::ZERO);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A switching value on cost per participant (linear) gives the actor's NPV 0.00 for any
    /// share, and a sweep value always equals calculate on the modified scenario.
    #[test]
    fn switching_and_sweep_hold_for_any_share(share in 1u32..=1000, actor in 0usize..8) {
        let s = main_scenario();
        let share = Decimal::new(i64::from(share), 3);
        let who = if actor == 7 { "society".to_string() } else { Actor::ALL[actor].id().to_string() };
        let a = analysis(&format!(
            r#"{{"sweep": {{"parameter": "cohorts[0].outcomes[0].share", "values": ["{share}"]}},
                "switching": [{{"parameter": "cohorts[0].intervention.cost_per_participant", "actor": "{who}"}}]}}"#
        ));
        let r = go(&s, &a);
        let mut m = s.clone();
        m.cohorts[0].outcomes[0].share = share;
        prop_assert_eq!(*r.sweep.unwrap().rows[0].outcome.npv.as_array(), figures(&calculate(&m).unwrap()).0);
        let sw = &r.switching[0];
        if let Some(x) = sw.value {
            prop_assert_eq!(npv_at(&s, &sw.parameter, x.value(), Who::from_id(&who).unwrap()), Decimal::ZERO);
        }
    }

    /// No request can make the reader or a run panic.
    #[test]
    fn reading_never_panics(text in "[ -~]{0,200}") {
        let _ = Analysis::from_json(&text);
    }
}

const EVERY_KIND_DEGENERATE: &str = r#"{"monte_carlo": {"draws": 500, "seed": 1, "parameters": [
    {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.45", "high": "0.45"}},
    {"parameter": "cohorts[1].outcomes[0].share", "distribution": {"kind": "triangular", "low": "0.35", "mode": "0.35", "high": "0.35"}},
    {"parameter": "cohorts[1].outcomes[0].retention", "distribution": {"kind": "pert", "low": "0.85", "mode": "0.85", "high": "0.85"}},
    {"parameter": "states.work.earnings.monthly_wage", "distribution": {"kind": "normal", "mean": "26000.123456789012345", "sd": "0"}},
    {"parameter": "discount_rate", "distribution": {"kind": "beta", "alpha": 2, "beta": 3, "low": "0.03", "high": "0.03"}},
    {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [33]}}]}}"#;

#[test]
fn degenerate_monte_carlo_equals_calculate() {
    let s = main_scenario();
    let r = go(&s, &analysis(EVERY_KIND_DEGENERATE));
    let mut m = s.clone();
    m.cohorts[0].outcomes[0].share = d("0.45");
    m.cohorts[1].outcomes[0].share = d("0.35");
    m.cohorts[1].outcomes[0].retention = d("0.85");
    m.states.get_mut("work").unwrap().earnings.as_mut().unwrap().monthly_wage = d("26000.123456789012345");
    m.discount_rate = d("0.03");
    m.cohorts[0].participants = 33;
    let (npv, _) = figures(&calculate(&m).unwrap());
    let mc = r.monte_carlo.unwrap();
    for (i, st) in mc.statistics.as_array().iter().enumerate() {
        assert_eq!(st.mean, npv[i]);
        assert_eq!((st.p5, st.p50, st.p95, st.min, st.max), (npv[i], npv[i], npv[i], npv[i], npv[i]));
        assert_eq!(st.sd, Decimal::ZERO);
        assert_eq!(st.probability_gain, if npv[i] >= Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO });
    }
}

#[test]
fn uniform_share_mean_is_within_three_standard_errors_of_npv_at_mean_share() {
    let s = main_scenario();
    let a = analysis(
        r#"{"monte_carlo": {"draws": 20000, "seed": 7, "parameters": [
            {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.2", "high": "0.8"}}]}}"#,
    );
    let mc = go(&s, &a).monte_carlo.unwrap();
    let mut m = s.clone();
    m.cohorts[0].outcomes[0].share = d("0.5");
    let (npv, _) = figures(&calculate(&m).unwrap());
    for (i, st) in mc.statistics.as_array().iter().enumerate() {
        let gap = (st.mean.value() - npv[i].value()).abs();
        assert!(
            gap <= Decimal::from(3) * st.standard_error.value() + d("0.01"),
            "who {i}: mean {} vs {} (se {})",
            st.mean,
            npv[i],
            st.standard_error
        );
    }
    // The share is drawn, so society's NPV varies.
    assert!(mc.statistics.society().sd > Decimal::ZERO);
}

const EVERY_KIND: &str = r#"{"monte_carlo": {"draws": 2500, "seed": 42, "keep_draws": true, "parameters": [
    {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "pert", "low": "0.3", "mode": "0.6", "high": "0.8"}},
    {"parameter": "cohorts[1].outcomes[0].share", "distribution": {"kind": "triangular", "low": "0.1", "mode": "0.4", "high": "0.6"}},
    {"parameter": "cohorts[1].outcomes[0].retention", "distribution": {"kind": "beta", "alpha": 9, "beta": 1}},
    {"parameter": "states.work.earnings.monthly_wage", "distribution": {"kind": "normal", "mean": "25000", "sd": "2000"}},
    {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [25, 30, 35], "weights": [1, 2, 1]}},
    {"parameter": "cohorts[1].intervention.cost_per_participant", "distribution": {"kind": "uniform", "low": "80000", "high": "110000"}}]}}"#;

#[test]
fn same_seed_same_results_whatever_the_thread_count() {
    let s = main_scenario();
    let a = analysis(EVERY_KIND);
    let reference = run_with(&s, &a, RunOptions { threads: Some(1) }, &mut |_, _| true).unwrap().to_json();
    for threads in [1, 2, 3, 8] {
        let r = run_with(&s, &a, RunOptions { threads: Some(threads) }, &mut |_, _| true).unwrap();
        assert_eq!(r.to_json(), reference, "threads {threads}");
    }
    assert_eq!(go(&s, &a).to_json(), reference);
    let other = analysis(&EVERY_KIND.replace(r#""seed": 42"#, r#""seed": 43"#));
    assert_ne!(go(&s, &other).to_json(), reference);
}

#[test]
fn draws_respect_ranges_and_distributions() {
    let s = main_scenario();
    let mc = go(&s, &analysis(EVERY_KIND)).monte_carlo.unwrap();
    let samples = mc.samples.unwrap();
    let col = |name: &str| &samples.values.0.iter().find(|(n, _)| n == name).unwrap().1;
    assert!(col("cohorts[0].outcomes[0].share").iter().all(|x| *x >= d("0.3") && *x <= d("0.8")));
    assert!(col("cohorts[1].outcomes[0].retention").iter().all(|x| *x >= Decimal::ZERO && *x <= Decimal::ONE));
    let participants = col("cohorts[0].participants");
    assert!(participants.iter().all(|x| [d("25"), d("30"), d("35")].contains(&x.value())));
    let thirty = participants.iter().filter(|x| **x == d("30")).count() as f64 / participants.len() as f64;
    assert!((thirty - 0.5).abs() < 0.05, "{thirty}");
    let wage = col("states.work.earnings.monthly_wage");
    let mean: f64 = wage.iter().map(|x| x.value().to_string().parse::<f64>().unwrap()).sum::<f64>() / wage.len() as f64;
    assert!((mean - 25000.0).abs() < 200.0, "{mean}");
    // Each kept draw's NPVs are exactly calculate() on the scenario with that draw's values.
    for k in [0usize, 1, 1234] {
        let mut m = s.clone();
        for (name, values) in &samples.values.0 {
            let p = samkalk::analysis::Param::resolve(name, &mut m).unwrap();
            p.set(&mut m, values[k].value()).unwrap();
        }
        let (npv, _) = figures(&calculate(&m).unwrap());
        for (i, column) in samples.npv.as_array().iter().enumerate() {
            assert_eq!(column[k], npv[i], "draw {k}, who {i}");
        }
    }
}

#[test]
fn normal_is_truncated_to_the_valid_range() {
    let s = main_scenario();
    let a = analysis(
        r#"{"monte_carlo": {"draws": 3000, "seed": 3, "keep_draws": true, "parameters": [
            {"parameter": "cohorts[1].outcomes[0].retention", "distribution": {"kind": "normal", "mean": "0.95", "sd": "0.2"}},
            {"parameter": "discount_rate", "distribution": {"kind": "normal", "mean": "5", "sd": "0.01"}}]}}"#,
    );
    let mc = go(&s, &a).monte_carlo.unwrap();
    let samples = mc.samples.unwrap();
    assert!(samples.values.0[0].1.iter().all(|x| *x >= Decimal::ZERO && *x <= Decimal::ONE));
    assert!(samples.values.0[0].1.iter().any(|x| *x > d("0.99")));
    // Far above the range: every draw sits just below 1.
    assert!(samples.values.0[1].1.iter().all(|x| *x < Decimal::ONE && *x > d("0.99")));
}

fn errors_of(e: AnalysisError) -> Vec<(String, String)> {
    e.errors().iter().map(|f| (f.path.clone(), f.message.clone())).collect()
}

#[test]
fn invalid_paths_and_values_are_named() {
    let s = main_scenario();
    let a = analysis(r#"{"sweep": {"parameter": "cohorts[5].outcomes[0].share", "values": ["0.1"]}}"#);
    let e = errors_of(run(&s, &a, &mut |_, _| true).unwrap_err());
    assert_eq!(e[0].0, "sweep.parameter");
    assert!(e[0].1.contains("cohorts[5]"), "{e:?}");

    let a = analysis(r#"{"tornado": {"parameters": [{"parameter": "states.nowhere.flows[0].amount", "low": 1, "high": 2}]}}"#);
    let e = errors_of(run(&s, &a, &mut |_, _| true).unwrap_err());
    assert_eq!(e[0].0, "tornado.parameters[0].parameter");
    assert!(e[0].1.contains("nowhere"));

    let a = analysis(r#"{"sweep": {"parameter": "cohorts[0].outcomes[0].share", "values": ["0.5", "1.5"]}}"#);
    let e = errors_of(run(&s, &a, &mut |_, _| true).unwrap_err());
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].0, "sweep.values[1]");
    assert!(e[0].1.starts_with("cohorts[0].outcomes[0].share: must be between 0 and 1"), "{e:?}");

    let a = analysis(r#"{"sweep": {"parameter": "cohorts[0].participants", "values": ["2.5"]}}"#);
    let e = errors_of(run(&s, &a, &mut |_, _| true).unwrap_err());
    assert_eq!(e[0].0, "sweep.values[0]");
    assert!(e[0].1.contains("whole number"));

    let a = analysis(
        r#"{"monte_carlo": {"draws": 10, "seed": 1, "parameters": [{"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.5", "high": "1.2"}}]}}"#,
    );
    let e = errors_of(run(&s, &a, &mut |_, _| true).unwrap_err());
    assert_eq!(e[0].0, "monte_carlo.parameters[0].distribution.high");

    // Faults in the request itself, at their paths in the request.
    let bad = r#"{"monte_carlo": {"draws": 0, "seed": -1, "parameters": [
        {"parameter": "discount_rate", "distribution": {"kind": "uniform", "low": "0.1", "high": "0.05"}},
        {"parameter": "name", "distribution": {"kind": "triangular", "low": "0.1", "mode": "0.5", "high": "0.3"}},
        {"parameter": "discount_rate", "distribution": {"kind": "lognormal"}}]},
        "switching": [{"parameter": "discount_rate", "actor": "nobody"}], "colour": 1}"#;
    let paths: Vec<String> = Analysis::from_json(bad).unwrap_err().errors.into_iter().map(|e| e.path).collect();
    for expected in [
        "monte_carlo.draws",
        "monte_carlo.seed",
        "monte_carlo.parameters[0].distribution.high",
        "monte_carlo.parameters[1].parameter",
        "monte_carlo.parameters[1].distribution.high",
        "monte_carlo.parameters[2].distribution.kind",
        "switching[0].actor",
        "colour",
    ] {
        assert!(paths.iter().any(|p| p == expected), "{expected} not in {paths:?}");
    }

    // An invalid scenario is its own error, at scenario paths.
    let mut bad = s.clone();
    bad.discount_rate = d("2");
    let a = analysis(r#"{"sweep": {"parameter": "discount_rate", "values": ["0.1"]}}"#);
    match run(&bad, &a, &mut |_, _| true) {
        Err(AnalysisError::Scenario(e)) => assert_eq!(e[0].path, "discount_rate"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn progress_is_reported_and_cancel_stops() {
    let s = main_scenario();
    let a = analysis(EVERY_KIND);
    let mut calls = Vec::new();
    run(&s, &a, &mut |done, total| {
        calls.push((done, total));
        true
    })
    .unwrap();
    assert!(calls.len() >= 3, "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(calls.last(), Some(&(2500, 2500)));

    let mut seen = 0;
    let cancelled = run(&s, &a, &mut |done, _| {
        seen += 1;
        done < 1000
    });
    assert_eq!(cancelled, Err(AnalysisError::Cancelled));
    assert!(seen < 10);
    let cancelled = run(&s, &analysis(r#"{"sweep": {"parameter": "discount_rate", "values": ["0.1"]}}"#), &mut |_, _| false);
    assert_eq!(cancelled, Err(AnalysisError::Cancelled));
}

#[test]
fn example_analysis_runs_on_the_main_example() {
    let a = Analysis::from_json(&std::fs::read_to_string(repo("examples/analysis.json")).unwrap()).unwrap();
    let r = go(&main_scenario(), &a);
    assert_eq!(r.sweep.as_ref().unwrap().rows.len(), 7);
    assert_eq!(r.grid.as_ref().unwrap().rows.len(), 4);
    assert_eq!(r.tornado.as_ref().unwrap().rows.len(), 6);
    assert_eq!(r.switching.len(), 5);
    assert_eq!(r.monte_carlo.as_ref().unwrap().draws, 10000);
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(json["base"]["npv"]["society"], "37110096.80");
    assert_eq!(json["sweep"]["rows"][5]["npv"]["society"], "37110096.80");
    assert_eq!(json["monte_carlo"]["statistics"]["society"]["probability_gain"], "0.999900");
    assert_eq!(json["monte_carlo"]["statistics"]["municipality"]["probability_gain"], "0.991600");
    assert_eq!(json["monte_carlo"]["statistics"]["municipality"]["gains"], 9916);
}

/// The shared seed file: the first draws and the statistics every layer must reproduce.
#[test]
fn pinned_seed_file() {
    let text = std::fs::read_to_string(repo("tests/analysis/montecarlo_seed.json")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let v = parse_json(&text).unwrap();
    let scenario = Scenario::from_value(v.get("scenario").unwrap()).unwrap();
    let a = Analysis::from_value(v.get("analysis").unwrap()).unwrap();
    let r = go(&scenario, &a);
    let got: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    let mc = &got["monte_carlo"];
    let expected = &file["expected"];
    assert_eq!(mc["statistics"], expected["statistics"]);
    let first = expected["first_draws"].as_u64().unwrap() as usize;
    for (group, columns) in [("values", &expected["values"]), ("npv", &expected["npv"])] {
        for (name, want) in columns.as_object().unwrap() {
            let have = &mc["samples"][group][name].as_array().unwrap()[..first];
            assert_eq!(have, want.as_array().unwrap().as_slice(), "{group}.{name}");
        }
    }
    // The generator itself: draw 0's first outputs.
    let g = &file["generator"];
    let mut rng = samkalk::analysis::rng::Xoshiro256::for_draw(g["seed"].as_str().unwrap().parse().unwrap(), g["draw"].as_u64().unwrap());
    for want in g["next_u64"].as_array().unwrap() {
        assert_eq!(rng.next_u64().to_string(), want.as_str().unwrap());
    }
    let _ = Value::Null;
}
