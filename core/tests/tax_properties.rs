//! Invariants of the rules method and the price years (method version 2).

use proptest::prelude::*;
use rust_decimal::Decimal;
use samkalk::flow::{rules_flows, RulesTax};
use samkalk::tax::{rules_for, Income, LocalRates};
use samkalk::{Actor, Scenario};

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn rules_tax(m: i64, r: i64, eq: Option<(i64, i64)>) -> RulesTax {
    RulesTax {
        rules: rules_for(2025).unwrap(),
        municipal_rate: dec(m, 4),
        regional_rate: dec(r, 4),
        equalisation: eq.map(|(a, b)| (dec(a, 4), dec(b, 4))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every flow the rules method books is ≥ 0 (a tax to an actor, or a reduction from the
    /// state), and the individual's payments less the reductions are the person's total tax.
    #[test]
    fn tax_flows_are_never_negative_and_add_up(
        wage_cents in 0i64..300_000_000, other_cents in 0i64..50_000_000,
        m in 1500i64..2600, r in 0i64..1300, eq in proptest::option::of((1800i64..2200, 0i64..1100)),
    ) {
        let rt = rules_tax(m, r, eq);
        let (earned, other) = (dec(wage_cents, 2), dec(other_cents, 2));
        let flows = rules_flows(earned, other, &rt).unwrap();
        let mut paid = Decimal::ZERO;
        for (label, payer, payee, amount) in &flows {
            prop_assert!(*amount >= Decimal::ZERO, "{label}: {amount}");
            if *payer == Some(Actor::Individual) { paid += *amount; }
            if *payee == Some(Actor::Individual) { paid -= *amount; }
        }
        let t = rt.rules.income_tax(Income { earned, other }, LocalRates { municipal: rt.municipal_rate, regional: rt.regional_rate, fees: Decimal::ZERO }).unwrap();
        prop_assert_eq!(paid, t.total().unwrap());
        prop_assert!(t.total().unwrap() >= Decimal::ZERO);
        // The reductions never exceed the taxes they are taken from.
        prop_assert!(t.jobbskatteavdrag <= t.municipal_tax + t.regional_tax);
        prop_assert!(t.pension_fee_reduction <= t.pension_fee);
    }

    /// A version-1 scenario and the same scenario as version 2 with the effective method give
    /// the same result, but for the version number.
    #[test]
    fn effective_method_keeps_version_1_results(share in 0u32..=100, participants in 0i64..500, cost in 0i64..200_000, months in 1i64..24) {
        let v1 = format!(r#"{{"start_year": 2026, "cohorts": [{{"origin": "AM2", "participants": {participants},
            "intervention": {{"cost_per_participant": "{cost}", "duration_months": {months}}},
            "outcomes": [{{"target": "work", "share": "{}"}}, {{"target": "AM3", "share": "0"}}]}}]}}"#, Decimal::new(share.into(), 2));
        let v2 = v1.replacen("{\"start_year\"", "{\"version\": 2, \"tax\": {\"method\": \"effective\"}, \"start_year\"", 1);
        let a = samkalk::calculate_json(&v1).unwrap().to_json();
        let b = samkalk::calculate_json(&v2).unwrap().to_json();
        prop_assert_eq!(a.replacen("\"version\":1", "\"version\":2", 1), b);
    }

    /// Restating to the defaults' own price year changes nothing, under either tax method.
    #[test]
    fn own_price_year_changes_nothing(share in 0u32..=100, rules in any::<bool>()) {
        let method = if rules { "rules" } else { "effective" };
        let base = format!(r#"{{"version": 2, "tax": {{"method": "{method}"}}, "start_year": 2026,
            "cohorts": [{{"origin": "AM3", "participants": 10, "outcomes": [{{"target": "work", "share": "{}"}}]}}]}}"#, Decimal::new(share.into(), 2));
        let with = base.replacen("\"start_year\"", "\"price_year\": 2025, \"start_year\"", 1);
        prop_assert_eq!(samkalk::calculate_json(&base).unwrap().to_json(), samkalk::calculate_json(&with).unwrap().to_json());
    }
}

#[test]
fn restating_scales_built_in_states_and_leaves_own_states() {
    // AM2's Försörjningsstöd 105 000 in 2026 prices: 105 000 x 59 200 / 58 800.
    let s = Scenario::from_json(
        r#"{"version": 2, "start_year": 2026, "price_year": 2026,
            "states": {"mine": {"flows": [{"payer": "municipality", "payee": "individual", "amount": "1000"}]}}}"#,
    )
    .unwrap();
    let am2 = samkalk::calculate::resolved_state(&s, "AM2").unwrap().unwrap();
    assert_eq!(am2.flows[0].amount, Decimal::from(105_000) * Decimal::from(59_200) / Decimal::from(58_800));
    let work = samkalk::calculate::resolved_state(&s, "work").unwrap().unwrap();
    assert_eq!(work.earnings.as_ref().unwrap().monthly_wage, Decimal::from(25_900) * Decimal::from(59_200) / Decimal::from(58_800));
    let mine = samkalk::calculate::resolved_state(&s, "mine").unwrap().unwrap();
    assert_eq!(mine.flows[0].amount, Decimal::from(1000));
    // A version-1 scenario's price year stays informational.
    let v1 = Scenario::from_json(r#"{"start_year": 2026, "price_year": 2026}"#).unwrap();
    assert_eq!(samkalk::calculate::resolved_state(&v1, "AM2").unwrap().unwrap().flows[0].amount, Decimal::from(105_000));
}

#[test]
fn municipality_lookup_by_code_and_name() {
    let list = samkalk::tax::municipalities(2025).unwrap();
    assert_eq!(list.municipalities.len(), 290);
    let timra = list.find("2262").unwrap();
    assert_eq!((timra.name.as_str(), timra.municipal_rate, timra.regional_rate), ("Timrå", dec(2319, 4), dec(1129, 4)));
    assert_eq!(list.find("TIMRÅ").unwrap().code, "2262");
    assert_eq!(list.find(" timrå ").unwrap().code, "2262");
    let close = list.find("Timra").unwrap_err();
    assert_eq!(close.first().map(String::as_str), Some("Timrå (2262)"));
    assert_eq!(list.find("Goteborg").unwrap_err().first().map(String::as_str), Some("Göteborg (1480)"));
    let gotland = list.find("Gotland").unwrap();
    assert_eq!((gotland.municipal_rate, gotland.regional_rate), (dec(336, 3), Decimal::ZERO));
    assert!(list.find("Qqqqqqqqqq").unwrap_err().is_empty());
}

#[test]
fn prisbasbelopp_index() {
    assert_eq!(samkalk::tax::prisbasbelopp(2026), Some(Decimal::from(59_200)));
    assert_eq!(samkalk::tax::prisbasbelopp(2025), Some(Decimal::from(58_800)));
    assert_eq!(samkalk::tax::prisbasbelopp(2030), None);
    assert_eq!(samkalk::tax::restate(Decimal::from(58_800), 2025, 2026).unwrap().unwrap(), Decimal::from(59_200));
    assert_eq!(samkalk::tax::price_years().first(), Some(&2017));
}

#[test]
fn the_report_names_the_tax_convention() {
    let s = Scenario::from_json(
        r#"{"version": 2, "start_year": 2026, "tax": {"method": "rules", "municipality": "2262", "equalisation": true}}"#,
    )
    .unwrap();
    let r = samkalk::calculate(&s).unwrap();
    let text = samkalk::report::table(&s, &r);
    assert!(
        text.contains(
            "Skatt enligt reglerna för inkomståret 2025, Timrå (2262): kommunalskatt 23,19 %, regionskatt 11,29 %; den utjämnade delen"
        ),
        "{text}"
    );
    let v1 = Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
    assert!(!samkalk::report::table(&v1, &samkalk::calculate(&v1).unwrap()).contains("Skatt enligt reglerna"));
}
