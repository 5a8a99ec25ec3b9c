//! Property tests for method version 2, pathways (docs/method.md, "Version 2"): onward moves,
//! step costs and the effect trace keep the invariants of version 1, and version 1 is unchanged.

use std::collections::BTreeMap;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use samkalk::{calculate, trace, validate, Actor, CalculationResult, Cohort, Flow, Intervention, Move, Outcome, Scenario, State};

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn flow(payer: Option<Actor>, payee: Option<Actor>, amount: i64, investment: bool) -> Flow {
    Flow {
        label: String::new(),
        payer,
        payee,
        amount: Decimal::from(amount),
        source: String::new(),
        note: String::new(),
        investment,
        taxable: false,
    }
}

/// Origin A; B, C, D states of a pathway; D carries step costs (municipality and region).
fn states(a: i64, b: i64, c: i64, d: i64, step: i64) -> BTreeMap<String, State> {
    use Actor::{Employer, EmploymentService, Individual, Municipality, Region, SocialInsurance};
    let st = |flows: Vec<Flow>| State { label: String::new(), description: String::new(), flows, earnings: None };
    BTreeMap::from([
        ("A".into(), st(vec![flow(Some(Municipality), Some(Individual), a, false), flow(Some(EmploymentService), None, 20_000, false)])),
        ("B".into(), st(vec![flow(None, Some(Employer), b, false), flow(Some(Employer), Some(Individual), b / 2, false)])),
        ("C".into(), st(vec![flow(Some(SocialInsurance), Some(Individual), c, false)])),
        (
            "D".into(),
            st(vec![
                flow(Some(Municipality), Some(Individual), d, false),
                flow(Some(Municipality), None, step, true),
                flow(Some(Region), None, step / 10, true),
            ]),
        ),
    ])
}

const IDS: [&str; 4] = ["A", "B", "C", "D"];

fn a_move() -> impl Strategy<Value = Move> {
    (1usize..4, 0usize..4, 0i64..=400, 0i64..40, proptest::option::of(1i64..30)).prop_map(|(from, to, share, after, every)| {
        let mut m = Move::new(IDS[to], dec(share, 3));
        m.from = Some(IDS[from].to_string());
        m.after_months = after;
        m.every_months = every;
        m
    })
}

fn outcome() -> impl Strategy<Value = Outcome> {
    (0i64..=500, 0i64..=700, 0i64..=1000, -2i64..20, proptest::collection::vec(a_move(), 0..6), 1usize..4).prop_map(
        |(share, cf, retention, lag, mut then, target)| {
            let mut o = Outcome::new(IDS[target], dec(share, 3));
            o.counterfactual_share = dec(cf, 3);
            o.retention = dec(retention, 3);
            o.lag_months = lag;
            // Keep the rules: from ≠ to, and at most 1 leaving a state (shares ≤ 0.4, so drop
            // moves beyond two from one state).
            then.retain(|m| m.from.as_deref() != Some(m.to.as_str()));
            let mut count = BTreeMap::new();
            then.retain(|m| {
                let n = count.entry(m.from.clone()).or_insert(0);
                *n += 1;
                *n <= 2
            });
            o.then = then;
            o
        },
    )
}

fn cohort() -> impl Strategy<Value = Cohort> {
    (1i64..200, 0i64..80_000, 1i64..24, 0i64..12, outcome(), proptest::option::of(outcome())).prop_map(
        |(participants, cost, duration, start, first, second)| Cohort {
            name: "k".into(),
            origin: "A".into(),
            participants,
            intervention: Intervention {
                cost_per_participant: Decimal::from(cost),
                fixed_cost: Decimal::ZERO,
                optimism_bias: Decimal::ZERO,
                duration_months: duration,
                start_month: start,
                financing: BTreeMap::from([(Actor::Municipality, dec(7, 1)), (Actor::Region, dec(3, 1))]),
            },
            outcomes: std::iter::once(first).chain(second).collect(),
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (60_000i64..150_000, 100_000i64..500_000, 0i64..80_000, 0i64..120_000, 0i64..200_000),
        proptest::collection::vec(cohort(), 1..3),
        1i64..8,
        0i64..60,
    )
        .prop_filter_map(
            "a valid version-2 scenario (moves reachable, shares within bounds)",
            |((a, b, c, d, step), cohorts, horizon, rate)| {
                let mut s = Scenario::new(2026);
                s.version = 2;
                s.horizon_years = horizon;
                s.discount_rate = dec(rate, 3);
                s.tax.municipal_rate = Some(dec(2074, 4));
                s.tax.regional_rate = Some(dec(1139, 4));
                s.tax.employer_contribution_rate = Some(dec(3142, 4));
                s.states = states(a, b, c, d, step);
                s.cohorts = cohorts;
                validate(&s).is_empty().then_some(s)
            },
        )
}

fn run(s: &Scenario) -> CalculationResult {
    calculate(s).unwrap_or_else(|e| panic!("generated scenario is valid: {e}"))
}

/// Every money figure of two results, actor by actor, as (a, b) pairs.
fn money_pairs<'r>(x: &'r CalculationResult, y: &'r CalculationResult) -> Vec<(Decimal, Decimal)> {
    let mut out = Vec::new();
    for ((_, a), (_, b)) in x.rows().zip(y.rows()) {
        for (xs, ys) in [(&a.gain, &b.gain), (&a.investment, &b.investment), (&a.net, &b.net)] {
            out.extend(xs.iter().map(|m| m.value()).zip(ys.iter().map(|m| m.value())));
        }
        out.push((a.npv.value(), b.npv.value()));
    }
    out
}

fn without_pathways(s: &Scenario) -> Scenario {
    let mut t = s.clone();
    for c in &mut t.cohorts {
        for o in &mut c.outcomes {
            o.then.clear();
        }
    }
    for st in t.states.values_mut() {
        st.flows.retain(|f| !f.investment);
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// A version-2 scenario without moves or step costs gives version 1's result byte for byte.
    #[test]
    fn version_2_without_new_fields_is_version_1(s in scenario()) {
        let v2 = without_pathways(&s);
        let mut v1 = v2.clone();
        v1.version = 1;
        let r1 = run(&v1).to_json();
        let r2 = run(&v2).to_json();
        let v1_head = r#"{"version":1,"#;
        prop_assert!(r1.starts_with(v1_head), "{}", &r1[..20]);
        prop_assert_eq!(r1.replacen(r#"{"version":1,"#, r#"{"version":2,"#, 1), r2);
    }

    /// Adding a move of share 0 (however often it repeats) changes no figure.
    #[test]
    fn a_share_zero_move_changes_nothing(s in scenario(), every in proptest::option::of(1i64..13), after in 0i64..30) {
        let before = run(&s);
        let mut t = s.clone();
        let o = &mut t.cohorts[0].outcomes[0];
        let to = if o.target == "C" { "B" } else { "C" };
        let mut m = Move::new(to, Decimal::ZERO);
        m.after_months = after;
        m.every_months = every;
        o.then.push(m);
        prop_assume!(validate(&t).is_empty());
        let after_result = run(&t);
        for (a, b) in money_pairs(&before, &after_result) {
            prop_assert!((a - b).abs() <= dec(1, 2), "{a} vs {b}");
        }
        prop_assert_eq!(&before.cohorts[0].break_even.as_ref().map(|b| b.society().kind), &after_result.cohorts[0].break_even.as_ref().map(|b| b.society().kind));
    }

    /// Moving everyone to the origin ends the effect: from that month on nobody is in a state
    /// of the effect, and every later year has no gain and no step investment.
    #[test]
    fn everyone_to_the_origin_ends_the_effect(s in scenario(), after in 0i64..30) {
        let mut t = s.clone();
        t.cohorts.truncate(1);
        t.cohorts[0].outcomes.truncate(1);
        let o = &mut t.cohorts[0].outcomes[0];
        o.then.clear();
        let mut m = Move::new("A", Decimal::ONE);
        m.after_months = after;
        o.then.push(m);
        prop_assert!(validate(&t).is_empty());
        let (c, o) = (&t.cohorts[0], &t.cohorts[0].outcomes[0]);
        let it = &c.intervention;
        let end = it.start_month + it.duration_months + o.lag_months + after;
        let r = run(&t);
        let tr = trace(&t).unwrap();
        for (k, year) in r.years.iter().enumerate() {
            if 12 * k as i64 >= end {
                for (_, a) in r.rows() {
                    prop_assert!(a.gain[k].value().is_zero());
                }
                for row in tr.rows.iter().filter(|x| x.year == *year && x.state != "A") {
                    prop_assert!(row.participants.is_zero());
                }
            }
        }
    }

    /// Three times the participants, three times every figure (without a fixed cost).
    #[test]
    fn linear_in_participants(s in scenario()) {
        let mut t = s.clone();
        for c in &mut t.cohorts {
            c.participants *= 3;
        }
        let (one, three) = (run(&s), run(&t));
        for (a, b) in money_pairs(&one, &three) {
            prop_assert!((a * Decimal::from(3) - b).abs() <= dec(3, 2), "3 × {a} vs {b}");
        }
    }

    /// Society is the sum of the seven actors, with moves and step costs.
    #[test]
    fn society_is_the_sum_of_actors(s in scenario()) {
        let r = run(&s);
        for t in 0..r.years.len() {
            let sum = |f: fn(&samkalk::ActorResult) -> &Vec<samkalk::Money>| Actor::ALL.iter().map(|a| f(r.actor(*a))[t].value()).sum::<Decimal>();
            prop_assert!((sum(|a| &a.gain) - r.society().gain[t].value()).abs() <= dec(4, 2));
            prop_assert!((sum(|a| &a.investment) - r.society().investment[t].value()).abs() <= dec(4, 2));
        }
    }

    /// A transfer between two actors in any state of a pathway changes no society figure.
    #[test]
    fn transfers_cancel(s in scenario(), payer in 0usize..7, payee in 0usize..7, amount in 1i64..1_000_000, which in 0usize..4) {
        prop_assume!(payer != payee);
        let mut t = s.clone();
        t.states.get_mut(IDS[which]).unwrap().flows.push(flow(Some(Actor::ALL[payer]), Some(Actor::ALL[payee]), amount, false));
        // Exactly the same but for the last digit of a 28-digit sum: a figure within about
        // 10^-20 of a half öre may round either way (docs/method.md), so compare to the öre.
        let (x, y) = (run(&s), run(&t));
        let (a, b) = (x.society(), y.society());
        for (xs, ys) in [(&a.gain, &b.gain), (&a.investment, &b.investment), (&a.net, &b.net), (&a.cumulative_net, &b.cumulative_net)] {
            for (p, q) in xs.iter().zip(ys.iter()) {
                prop_assert!((p.value() - q.value()).abs() <= dec(1, 2), "{p} vs {q}");
            }
        }
        prop_assert!((a.npv.value() - b.npv.value()).abs() <= dec(1, 2));
    }

    /// At the break-even share the cohort's NPV is 0 (within the six-decimal rounding of the
    /// share), with step investments on the path.
    #[test]
    fn break_even_gives_npv_zero(s in scenario()) {
        let mut t = s.clone();
        t.cohorts.truncate(1);
        t.cohorts[0].outcomes.truncate(1);
        let be = *run(&t).cohorts[0].break_even.as_ref().unwrap().society();
        let Some(share) = be.share.map(|s| s.value()) else { return Ok(()) };
        prop_assume!(share > Decimal::ZERO && share < Decimal::ONE);
        let npv_at = |x: Decimal| {
            let mut u = t.clone();
            u.cohorts[0].outcomes[0].share = x;
            run(&u).society().npv.value()
        };
        let slope = (npv_at(Decimal::ONE) - npv_at(Decimal::ZERO)).abs();
        let npv = npv_at(share);
        prop_assert!(npv.abs() <= slope * dec(1, 6) + dec(2, 2), "npv {npv} at {share}, slope {slope}");
    }

    /// The trace conserves participants (exactly, unrounded), and every state of the effect
    /// holds between 0 and P persons per outcome: occupancy stays within [0, 1].
    #[test]
    fn trace_conserves_participants_and_occupancy_is_bounded(s in scenario()) {
        let tr = trace(&s).unwrap();
        for (i, c) in s.cohorts.iter().enumerate() {
            let p: Vec<Decimal> = c.outcomes.iter().map(|o| Decimal::from(c.participants) * (o.share - o.counterfactual_share)).collect();
            let lo: Decimal = p.iter().filter(|x| x.is_sign_negative()).sum();
            let hi: Decimal = p.iter().filter(|x| x.is_sign_positive()).sum();
            let eps = dec(1, 20);
            for y in 0..s.horizon_years {
                let rows: Vec<_> = tr.rows.iter().filter(|r| r.cohort == i && r.year == 2026 + y).collect();
                prop_assert_eq!(rows[0].state.as_str(), "A");
                let total: Decimal = rows.iter().map(|r| r.participants).sum();
                prop_assert_eq!(total, Decimal::from(c.participants));
                for r in rows.iter().skip(1) {
                    prop_assert!(r.participants >= lo - eps && r.participants <= hi + eps, "{} in {}", r.participants, r.state);
                }
            }
        }
    }
}

/// Extreme moves never panic and never leave [0, 1]: 20 moves repeating every month at shares
/// of 0, 1 and 28 decimals, over 60 years.
#[test]
fn extreme_moves_calculate() {
    let mut s = Scenario::new(2026);
    s.version = 2;
    s.horizon_years = 60;
    s.states = states(100_000, 400_000, 50_000, 80_000, 150_000);
    let tiny = Decimal::from_str("0.0000000000000000000000000001").unwrap();
    let almost = Decimal::from_str("0.0999999999999999999999999999").unwrap();
    let mut o = Outcome::new("B", Decimal::ONE);
    o.retention = Decimal::from_str("0.9999999999999999999999999999").unwrap();
    let pairs = [("B", "C"), ("C", "D"), ("D", "B"), ("B", "D"), ("C", "B"), ("D", "C"), ("D", "A")];
    for j in 0..20 {
        let (from, to) = pairs[j % pairs.len()];
        let mut m = Move::new(to, [tiny, almost, Decimal::ZERO][j % 3]);
        m.from = Some(from.into());
        m.every_months = Some(1 + (j as i64 % 2) * 719);
        m.after_months = [0, 720, 1][j % 3];
        o.then.push(m);
    }
    s.cohorts = vec![Cohort {
        name: String::new(),
        origin: "A".into(),
        participants: 10_000_000,
        intervention: Intervention::default(),
        outcomes: vec![o],
    }];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let r = calculate(&s).expect("calculates");
    assert_eq!(r.version, 2);
    assert_eq!(r.years.len(), 60);
    let tr = trace(&s).unwrap();
    assert_eq!(tr.rows[0].cohort_name, "cohorts[0]");
    for y in 0..60 {
        let total: Decimal = tr.rows.iter().filter(|r| r.year == 2026 + y).map(|r| r.participants).sum();
        assert_eq!(total, Decimal::from(10_000_000));
    }
    assert!(tr.rows.iter().all(|r| r.participants >= Decimal::ZERO && r.participants <= Decimal::from(10_000_000)));
}

/// The version-2 faults in a version-1 scenario say to set version = 2.
#[test]
fn version_1_faults_say_to_set_version_2() {
    let mut s = Scenario::new(2026);
    s.states = states(1, 1, 1, 1, 1);
    let mut o = Outcome::new("B", dec(5, 1));
    o.then.push(Move::new("C", dec(1, 1)));
    s.cohorts =
        vec![Cohort { name: String::new(), origin: "A".into(), participants: 1, intervention: Intervention::default(), outcomes: vec![o] }];
    let faults = validate(&s);
    let paths: Vec<&str> = faults.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["states.D.flows[1].investment", "states.D.flows[2].investment", "cohorts[0].outcomes[0].then"]);
    assert!(faults.iter().all(|f| f.message.contains("version = 2")));
    s.version = 2;
    assert!(validate(&s).is_empty());
    s.version = 3;
    let paths: Vec<String> = validate(&s).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["version"]);
}

fn example(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name);
    Scenario::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn traced(s: &Scenario, year: i64, state: &str) -> String {
    let t = trace(s).unwrap();
    let row = t.rows.iter().find(|r| r.year == year && r.state == state).unwrap_or_else(|| panic!("no {state} in {year}"));
    samkalk::Trace::written(row.participants)
}

/// The examples of examples/ are valid version-2 scenarios, and their traces start as the
/// arithmetic in their comments says.
#[test]
fn pathway_examples() {
    // Trelleborg: 30 × 0.9 = 27 with a mentor from month 1 to 6: 27 × 6 / 12 = 13.5 in 2026;
    // 80 % of them in group activity in months 7 to 11: 21.6 × 5 / 12 = 9.
    let t = example("trelleborg.toml");
    assert_eq!(calculate(&t).unwrap().version, 2);
    assert_eq!(traced(&t, 2026, "mentor"), "13.500000");
    assert_eq!(traced(&t, 2026, "group"), "9.000000");
    assert_eq!(traced(&t, 2026, "AM3"), "7.500000");
    // Step investments are in the investment row: the municipality pays 30 × 8 000 = 240 000
    // for the intake (the intervention), 27 × 43 300 × 6 / 12 = 584 550 for mentors and 21.6 × 120 000 × 5 / 12 =
    // 1 080 000 for group activity in 2026 (and a quarter of Jollen from 2027).
    let r = calculate(&t).unwrap();
    assert_eq!(r.actor(Actor::Municipality).investment[0].value(), Decimal::from_str("1904550.00").unwrap());
    // Nynäshamn: 40 × 0.426 = 17.04 in AM2 through 2027 (the first onward moves are in month 24).
    let n = example("nynashamn.toml");
    assert_eq!(traced(&n, 2027, "AM2"), "17.040000");
    assert_eq!(traced(&n, 2027, "AM3"), "22.960000");
    // Relapse: 15 × 0.4 = 6 in work from month 18: 6 × 6 / 12 = 3 in 2027.
    let j = example("relapse.toml");
    assert_eq!(traced(&j, 2027, "work"), "3.000000");
    // 20 % of the 6 relapse to AM2 in month 30: 1.2 × 6 / 12 = 0.6 in 2028; in 2029, 1.2 for six
    // months and 1.2 + 0.2 × 4.8 = 2.16 for six: (7.2 + 12.96) / 12 = 1.68.
    assert_eq!(traced(&j, 2028, "AM2"), "0.600000");
    assert_eq!(traced(&j, 2029, "AM2"), "1.680000");
}

fn any_share() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        (0u64..=10_000_000_000_000_000_000u64).prop_map(|n| Decimal::from_i128_with_scale(n as i128 * 1_000_000_000, 28)),
        (0i64..=1000).prop_map(|n| dec(n, 3)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any moves the rules accept calculate without a fault, over up to 60 years, and the
    /// rules themselves never panic on any moves.
    #[test]
    fn any_valid_moves_calculate(
        moves in proptest::collection::vec((0usize..4, 0usize..4, any_share(), 0i64..=720, proptest::option::of(1i64..=720)), 0..21),
        retention in any_share(),
        horizon in prop_oneof![Just(60i64), 1i64..60],
    ) {
        let mut s = Scenario::new(2026);
        s.version = 2;
        s.horizon_years = horizon;
        s.states = states(100_000, 400_000, 50_000, 80_000, 150_000);
        let mut o = Outcome::new("B", Decimal::ONE);
        o.retention = retention;
        for (from, to, share, after, every) in moves {
            let mut m = Move::new(IDS[to], share);
            m.from = Some(IDS[from].to_string());
            m.after_months = after;
            m.every_months = every;
            o.then.push(m);
        }
        s.cohorts = vec![Cohort { name: "k".into(), origin: "A".into(), participants: 10_000_000, intervention: Intervention::default(), outcomes: vec![o] }];
        if validate(&s).is_empty() {
            prop_assert!(calculate(&s).is_ok());
            let tr = trace(&s).unwrap();
            for y in 0..horizon {
                let total: Decimal = tr.rows.iter().filter(|r| r.year == 2026 + y).map(|r| r.participants).sum();
                prop_assert_eq!(total, Decimal::from(10_000_000));
            }
        } else {
            prop_assert!(calculate(&s).is_err());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Monte Carlo computes each draw's NPVs by a path of its own (no break-even tables, no
    /// rounded yearly figures): every kept draw's NPVs equal those of calculate() on the
    /// scenario with the drawn values, on version-1 outcomes and pathways, discounted or not.
    #[test]
    fn monte_carlo_draws_are_calculate_npvs(s in scenario(), v1 in any::<bool>()) {
        let s = if v1 { without_pathways(&s) } else { s };
        let request = samkalk::analysis::Analysis::from_json(
            r#"{"monte_carlo": {"draws": 6, "seed": 7, "keep_draws": true, "parameters": [
                {"parameter": "cohorts[0].outcomes[0].retention", "distribution": {"kind": "uniform", "low": "0.3", "high": "1"}},
                {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [1, 17, 400]}}]}}"#,
        ).expect("request");
        let result = samkalk::analysis::run(&s, &request, &mut |_, _| true).expect("runs");
        let mc = result.monte_carlo.expect("monte carlo");
        let samples = mc.samples.expect("kept draws");
        let (retention, participants) = (&samples.values.0[0].1, &samples.values.0[1].1);
        for k in 0..6 {
            let mut drawn = s.clone();
            drawn.cohorts[0].outcomes[0].retention = retention[k].value();
            drawn.cohorts[0].participants = i64::try_from(participants[k].value()).expect("whole");
            let r = run(&drawn);
            for (who, (_, column)) in samples.npv.iter().enumerate() {
                prop_assert_eq!(column[k], r.per_actor.at(who).expect("who").npv, "draw {} who {}", k, who);
            }
        }
    }
}
