//! Property tests for the invariants MODEL.md implies.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use samkalk::{calculate, Actor, CalculationResult, Cohort, Earnings, Flow, Intervention, Money, Outcome, Scenario, State};

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn actor() -> impl Strategy<Value = Actor> {
    (0usize..7).prop_map(|i| Actor::ALL[i])
}

fn flow() -> impl Strategy<Value = Flow> {
    (proptest::option::of(actor()), proptest::option::of(actor()), 0i64..50_000_000).prop_filter_map(
        "two distinct ends",
        |(payer, payee, cents)| {
            if payer == payee {
                return None;
            }
            Some(Flow {
                label: String::new(),
                payer,
                payee,
                amount: dec(cents, 2),
                source: String::new(),
                note: String::new(),
                investment: false,
                taxable: false,
            })
        },
    )
}

fn state(with_earnings: bool) -> impl Strategy<Value = State> {
    (proptest::collection::vec(flow(), 0..6), 10_000i64..60_000, 0i64..=100, 0i64..=150).prop_map(
        move |(flows, wage, rate, productivity)| State {
            label: String::new(),
            description: String::new(),
            flows,
            earnings: with_earnings.then(|| Earnings {
                monthly_wage: Decimal::from(wage),
                employment_rate: dec(rate, 2),
                productivity: dec(productivity, 2),
                source: String::new(),
                note: String::new(),
            }),
        },
    )
}

fn outcome(target: &'static str) -> impl Strategy<Value = Outcome> {
    (0i64..=500, 0i64..=200, 0i64..=1000, -3i64..30, 0i64..=300).prop_map(move |(share, cf, retention, lag, deadweight)| {
        let mut o = Outcome::new(target, dec(share, 3));
        o.counterfactual_share = dec(cf, 3);
        o.retention = dec(retention, 3);
        o.lag_months = lag;
        o.deadweight = dec(deadweight, 3);
        o
    })
}

fn cohort() -> impl Strategy<Value = Cohort> {
    (1i64..200, 0i64..10_000_000, 0i64..5_000_000, 3i64..40, 0i64..30, outcome("B"), proptest::option::of(outcome("C")), 0i64..=4).prop_map(
        |(participants, cost_cents, fixed, duration, start, first, second, split)| {
            let mut financing = BTreeMap::new();
            financing.insert(Actor::Municipality, Decimal::ONE - dec(split, 2));
            if split > 0 {
                financing.insert(Actor::Region, dec(split, 2));
            }
            Cohort {
                name: "k".into(),
                origin: "A".into(),
                participants,
                intervention: Intervention {
                    cost_per_participant: dec(cost_cents, 2),
                    fixed_cost: Decimal::from(fixed),
                    optimism_bias: Decimal::ZERO,
                    duration_months: duration,
                    start_month: start,
                    financing,
                },
                outcomes: std::iter::once(first).chain(second).collect(),
            }
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (state(false), state(true), state(false), proptest::collection::vec(cohort(), 1..4), 1i64..8, 0i64..60).prop_filter_map(
        "outcome shares at most 1",
        |(a, b, c, cohorts, horizon, discount)| {
            let mut s = Scenario::new(2026);
            s.horizon_years = horizon;
            s.discount_rate = dec(discount, 3);
            s.tax.municipal_rate = Some(dec(2074, 4));
            s.tax.regional_rate = Some(dec(1139, 4));
            s.tax.employer_contribution_rate = Some(dec(3142, 4));
            s.states = BTreeMap::from([("A".to_string(), a), ("B".to_string(), b), ("C".to_string(), c)]);
            for co in &cohorts {
                if co.outcomes.iter().map(|o| o.share).sum::<Decimal>() > Decimal::ONE {
                    return None;
                }
            }
            s.cohorts = cohorts;
            Some(s)
        },
    )
}

fn run(s: &Scenario) -> CalculationResult {
    calculate(s).unwrap_or_else(|e| panic!("generated scenario is valid: {e}"))
}

fn cent() -> Decimal {
    dec(1, 2)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Society is the sum of the seven actors (each figure rounded on its own, so within 7 half-öre).
    #[test]
    fn society_is_the_sum_of_actors(s in scenario()) {
        let r = run(&s);
        let tolerance = dec(4, 2);
        for t in 0..r.years.len() {
            let sum = |f: fn(&samkalk::ActorResult) -> &Vec<Money>| Actor::ALL.iter().map(|a| f(r.actor(*a))[t].value()).sum::<Decimal>();
            prop_assert!((sum(|a| &a.gain) - r.society().gain[t].value()).abs() <= tolerance);
            prop_assert!((sum(|a| &a.investment) - r.society().investment[t].value()).abs() <= tolerance);
            prop_assert!((sum(|a| &a.net) - r.society().net[t].value()).abs() <= tolerance);
        }
        let npv: Decimal = Actor::ALL.iter().map(|a| r.actor(*a).npv.value()).sum();
        prop_assert!((npv - r.society().npv.value()).abs() <= tolerance);
    }

    /// A transfer between two actors, added to any state, changes no society figure.
    #[test]
    fn transfers_cancel_for_society(s in scenario(), payer in actor(), payee in actor(), cents in 1i64..100_000_000, which in 0usize..3) {
        prop_assume!(payer != payee);
        let before = run(&s);
        let mut t = s.clone();
        let id = ["A", "B", "C"][which];
        t.states.get_mut(id).unwrap().flows.push(Flow { label: "överföring".into(), payer: Some(payer), payee: Some(payee), amount: dec(cents, 2), source: String::new(), note: String::new(), investment: false, taxable: false });
        let after = run(&t);
        prop_assert_eq!(serde_json::to_string(before.society()).unwrap(), serde_json::to_string(after.society()).unwrap());
    }

    /// Doubling every cohort's participants (no fixed costs) doubles every money figure.
    #[test]
    fn linear_in_participants(s in scenario()) {
        let mut one = s.clone();
        for c in &mut one.cohorts { c.intervention.fixed_cost = Decimal::ZERO; }
        let mut two = one.clone();
        for c in &mut two.cohorts { c.participants *= 2; }
        let (r1, r2) = (run(&one), run(&two));
        for ((_, a1), (_, a2)) in r1.rows().zip(r2.rows()) {
            for t in 0..r1.years.len() {
                prop_assert!((a1.gain[t].value() * Decimal::TWO - a2.gain[t].value()).abs() <= cent());
                prop_assert!((a1.investment[t].value() * Decimal::TWO - a2.investment[t].value()).abs() <= cent());
            }
            prop_assert!((a1.npv.value() * Decimal::TWO - a2.npv.value()).abs() <= cent());
            prop_assert_eq!(a1.payback_year, a2.payback_year);
        }
    }

    /// With every outcome share at its counterfactual, each actor's net is minus its investment.
    #[test]
    fn no_effect_gives_minus_investment(s in scenario()) {
        let mut z = s.clone();
        for c in &mut z.cohorts { for o in &mut c.outcomes { o.share = Decimal::ZERO; o.counterfactual_share = Decimal::ZERO; } }
        let r = run(&z);
        for (_, a) in r.rows() {
            for t in 0..r.years.len() {
                prop_assert_eq!(a.gain[t], Decimal::ZERO);
                prop_assert_eq!(a.net[t].value(), -a.investment[t].value());
            }
        }
    }

    /// An intervention that ends inside the horizon costs exactly C over the years.
    #[test]
    fn investments_sum_to_cost(s in scenario()) {
        let r = run(&s);
        let horizon_months = 12 * s.horizon_years;
        let mut expected = Decimal::ZERO;
        for c in &s.cohorts {
            let it = &c.intervention;
            prop_assume!(it.start_month + it.duration_months <= horizon_months);
            expected += (it.cost_per_participant * Decimal::from(c.participants) + it.fixed_cost) * (Decimal::ONE + it.optimism_bias);
        }
        let total: Decimal = r.society().investment.iter().map(|x| x.value()).sum();
        prop_assert!((total - expected).abs() <= cent() * Decimal::from(r.years.len() as i64));
        prop_assert!((r.society().total_investment.value() - expected).abs() <= cent());
    }

    /// Without discounting, NPV is the total net.
    #[test]
    fn zero_discount_npv_is_total_net(s in scenario()) {
        let mut z = s.clone();
        z.discount_rate = Decimal::ZERO;
        let r = run(&z);
        for (_, a) in r.rows() {
            prop_assert_eq!(a.npv, a.total_net);
            prop_assert_eq!(*a.cumulative_net.last().unwrap(), a.total_net);
        }
    }

    /// NPV at the break-even share is zero to rounding: |NPV(s*)| ≤ |A| × 5e-7 + 1 öre.
    #[test]
    fn break_even_share_gives_zero_npv(s in scenario()) {
        let mut one = s.clone();
        one.cohorts.truncate(1);
        one.cohorts[0].outcomes.truncate(1);
        let r = run(&one);
        let table = r.cohorts[0].break_even.unwrap();
        let npv_at = |share: Decimal| { let mut t = one.clone(); t.cohorts[0].outcomes[0].share = share; run(&t) };
        let (r0, r1) = (npv_at(Decimal::ZERO), npv_at(Decimal::ONE));
        for (i, (_, _)) in r.rows().enumerate() {
            let be = *table.at(i).unwrap();
            let Some(share) = be.share.map(|x| x.value()) else { continue };
            if share.is_zero() || share == Decimal::ONE { continue; } // clamped
            let pick = |x: &CalculationResult| x.rows().nth(i).unwrap().1.npv.value();
            let slope = (pick(&r1) - pick(&r0)).abs();
            let at = pick(&npv_at(share));
            prop_assert!(at.abs() <= slope * dec(5, 7) + dec(2, 2), "npv {} at share {} (slope {})", at, share, slope);
        }
    }

    /// Retention 0: gains only in the year of the move. Retention 1: every full year after the
    /// move gains the same.
    #[test]
    fn retention_zero_and_one(s in scenario(), retention_one in any::<bool>()) {
        let mut t = s.clone();
        t.cohorts.truncate(1);
        t.cohorts[0].outcomes.truncate(1);
        t.cohorts[0].outcomes[0].retention = if retention_one { Decimal::ONE } else { Decimal::ZERO };
        let r = run(&t);
        let c = &t.cohorts[0];
        let e = c.intervention.start_month + c.intervention.duration_months + c.outcomes[0].lag_months;
        let move_year = (e / 12) as usize;
        for (_, a) in r.rows() {
            for y in 0..r.years.len() {
                if y < move_year || (!retention_one && y > move_year) {
                    prop_assert_eq!(a.gain[y], Decimal::ZERO);
                }
                if retention_one && y > move_year + 1 {
                    prop_assert_eq!(a.gain[y], a.gain[move_year + 1]);
                }
            }
        }
    }
}

// ---- Never panics -----------------------------------------------------------------------------

fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("1e999".to_string()),
        Just("-0".to_string()),
        Just("\"1e-29\"".to_string()),
        Just("99999999999999999999999999999999".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| if f.is_finite() { format!("{f:e}") } else { "0".into() }),
        "[a-zA-Z_ .0-9\\[\\]-]{0,12}".prop_map(|s| format!("{s:?}")),
        prop::sample::select(vec![
            "\"AM2\"",
            "\"work\"",
            "\"municipality\"",
            "\"0.5\"",
            "\"12\"",
            "600",
            "-600",
            "1000000000000",
            "10000001"
        ])
        .prop_map(String::from),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        let keys = prop::sample::select(vec![
            "version",
            "name",
            "start_year",
            "horizon_years",
            "discount_rate",
            "tax",
            "municipal_rate",
            "states",
            "AM2",
            "work",
            "flows",
            "payer",
            "payee",
            "amount",
            "earnings",
            "monthly_wage",
            "productivity",
            "cohorts",
            "origin",
            "participants",
            "intervention",
            "cost_per_participant",
            "duration_months",
            "start_month",
            "financing",
            "region",
            "outcomes",
            "target",
            "share",
            "retention",
            "lag_months",
            "counterfactual_share",
            "x",
        ]);
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(|items| format!("[{}]", items.join(","))),
            proptest::collection::vec((keys, inner), 0..8)
                .prop_map(|members| format!("{{{}}}", members.iter().map(|(k, v)| format!("{k:?}:{v}")).collect::<Vec<_>>().join(","))),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Arbitrary JSON built from the format's own field names: reading, validating and
    /// calculating return a result or faults with paths, never a panic.
    #[test]
    fn arbitrary_json_never_panics(text in json_value()) {
        let faults = samkalk::validate_json(&text);
        match samkalk::calculate_json(&text) {
            Ok(r) => prop_assert!(faults.is_empty() && !r.years.is_empty()),
            Err(e) => prop_assert!(!e.errors.is_empty()),
        }
    }

    /// Arbitrary bytes as text.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = samkalk::calculate_json(&text);
        prop_assert_eq!(samkalk::validate_json(&text).is_empty(), samkalk::calculate_json(&text).is_ok());
    }

    /// Valid-shaped scenarios at the edges of every limit: a result or an overflow fault.
    #[test]
    fn extreme_values_never_panic(participants in prop::sample::select(vec![0i64, 1, 10_000_000]),
                                  amount in prop::sample::select(vec!["0", "1000000000000", "0.0000000000000000000000000001"]),
                                  rate in prop::sample::select(vec!["0", "1", "0.9999999999999999999999999999", "0.0000000000000000000000000001"]),
                                  horizon in prop::sample::select(vec![1i64, 60]),
                                  duration in prop::sample::select(vec![1i64, 600]),
                                  start in prop::sample::select(vec![0i64, 720]),
                                  lag in prop::sample::select(vec![-1i64, 0, 600]),
                                  factor in prop::sample::select(vec!["0", "10"])) {
        let text = format!(r#"{{"start_year": 2200, "horizon_years": {horizon}, "discount_rate": "{d}",
            "tax": {{"municipal_rate": "{rate}", "regional_rate": "{rate}", "employer_contribution_rate": "{rate}"}},
            "states": {{"S": {{"flows": [{{"payer": "municipality", "amount": "{amount}"}}, {{"payee": "individual", "amount": "{amount}"}}],
                               "earnings": {{"monthly_wage": "{amount}", "employment_rate": "{rate}", "productivity": "{factor}"}}}},
                        "T": {{"flows": [{{"payer": "region", "payee": "state", "amount": "{amount}"}}],
                               "earnings": {{"monthly_wage": "{amount}", "productivity": "{factor}"}}}}}},
            "cohorts": [{{"origin": "S", "participants": {participants},
                "intervention": {{"cost_per_participant": "{amount}", "fixed_cost": "{amount}", "optimism_bias": "{factor}", "duration_months": {duration}, "start_month": {start}}},
                "outcomes": [{{"target": "T", "share": "{rate}", "retention": "{rate}", "lag_months": {lag}, "counterfactual_share": "{rate}"}}]}}]}}"#,
            d = if rate == "1" { "0.9999999999999999999999999999" } else { rate });
        match samkalk::calculate_json(&text) {
            Ok(r) => prop_assert_eq!(r.years.len() as i64, horizon),
            Err(e) => prop_assert!(e.errors.iter().all(|f| !f.message.is_empty()
                && f.message == f.message_in(samkalk::Lang::En)
                && !f.message_in(samkalk::Lang::Sv).is_empty())),
        }
    }
}
