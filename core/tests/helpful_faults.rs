//! Faults and warnings that say how to fix a common mistake: a decimal comma, float shares
//! that miss 1, a byte-order mark, a nominal municipal rate among effective ones.

use samkalk::{Fault, FaultCode, Lang, Scenario};

fn scenario(share: &str, financing: &str, tax: &str) -> String {
    format!(
        r#"{{"start_year": 2026, "tax": {tax}, "cohorts": [{{"origin": "AM2", "participants": 20,
            "intervention": {{"cost_per_participant": "40000", "financing": {financing}}},
            "outcomes": [{{"target": "work", "share": {share}}}]}}]}}"#
    )
}

#[test]
fn a_decimal_comma_gets_the_number_with_a_point() {
    let errors = samkalk::validate_json(&scenario(r#""0,6""#, r#"{"municipality": 1}"#, "{}"));
    let [e] = errors.as_slice() else { panic!("{errors:?}") };
    assert_eq!(e.path, "cohorts[0].outcomes[0].share");
    assert_eq!(*e.fault, Fault::DecimalComma { got: "0,6".into(), suggested: "0.6".into() });
    assert_eq!(e.message_in(Lang::Sv), "decimaltecknet är punkt i scenariot: skriv 0.6, inte \"0,6\"");
    assert_eq!(e.message_in(Lang::En), "decimals are written with a point: write 0.6, not \"0,6\"");
    // Only one comma between digits is a decimal comma; anything else is not a number.
    for other in [r#""1,2,3""#, r#""0,""#, r#"",5""#, r#""ett""#, r#""1 000""#] {
        let errors = samkalk::validate_json(&scenario(other, r#"{"municipality": 1}"#, "{}"));
        assert_eq!(errors[0].code(), FaultCode::NotANumber, "{other}");
    }
    let errors = samkalk::validate_json(&scenario(r#""-12,50""#, r#"{"municipality": 1}"#, "{}"));
    assert_eq!(*errors[0].fault, Fault::DecimalComma { got: "-12,50".into(), suggested: "-12.50".into() });
}

#[test]
fn float_shares_that_miss_one_show_the_exact_sum() {
    let thirds = r#"{"municipality": 0.3333333333333333, "region": 0.3333333333333333, "state": 0.3333333333333333}"#;
    let errors = samkalk::validate_json(&scenario("0.6", thirds, "{}"));
    let [e] = errors.as_slice() else { panic!("{errors:?}") };
    assert_eq!(e.path, "cohorts[0].intervention.financing");
    assert_eq!(
        *e.fault,
        Fault::SumNotOneByRounding { sum: "0.9999999999999999".parse().unwrap(), difference: "0.0000000000000001".parse().unwrap() }
    );
    let sv = e.message_in(Lang::Sv);
    assert!(sv.starts_with("finansieringsandelarna summerar till 0,9999999999999999, inte exakt 1: skillnaden 0,0000000000000001"), "{sv}");
    assert!(e.message_in(Lang::En).contains("\"0.33\", \"0.33\" and \"0.34\""));
    // Further from 1 is an ordinary sum_not_one; exactly 1 is valid.
    let errors = samkalk::validate_json(&scenario("0.6", r#"{"municipality": "0.5", "region": "0.4"}"#, "{}"));
    assert_eq!(errors[0].code(), FaultCode::SumNotOne);
    assert!(samkalk::validate_json(&scenario("0.6", r#"{"municipality": "0.33", "region": "0.33", "state": "0.34"}"#, "{}")).is_empty());
}

#[test]
fn json_with_a_byte_order_mark_reads_as_without() {
    let text = scenario("0.6", r#"{"municipality": 1}"#, "{}");
    let with_bom = format!("\u{FEFF}{text}");
    assert_eq!(Scenario::from_json(&with_bom).unwrap(), Scenario::from_json(&text).unwrap());
    assert_eq!(samkalk::value::first_char(&with_bom), Some('{'));
    let broken = samkalk::validate_json("\u{FEFF}{\"start_year\" 2026}");
    assert_eq!(*broken[0].fault, Fault::NotJson { offset: 17, detail: "expected ':' after a member name".into() });
}

#[test]
fn a_nominal_municipal_rate_under_effective_rates_is_a_warning() {
    let read = |tax: &str, version: i64| {
        let mut v: serde_json::Value = serde_json::from_str(&scenario("0.6", r#"{"municipality": 1}"#, tax)).unwrap();
        v["version"] = version.into();
        Scenario::from_json(&v.to_string()).unwrap()
    };
    let nominal = read(r#"{"municipal_rate": "0.2074"}"#, 1);
    let [w] = samkalk::warnings(&nominal).try_into().unwrap();
    assert_eq!(w.path, "tax.municipal_rate");
    assert_eq!(w.warning, samkalk::Warning::NominalMunicipalRate { rate: "0.2074".parse().unwrap(), limit: "0.15".parse().unwrap() });
    assert!(w.line(Lang::Sv).starts_with("varning: tax.municipal_rate: 0,2074 ser ut som en nominell kommunalskatt"));
    let json = serde_json::to_value(&w).unwrap();
    assert_eq!(json["code"], "nominal_municipal_rate");
    assert_eq!(json["params"]["rate"], "0.2074");
    // A warning, not a fault: the scenario calculates.
    assert!(samkalk::calculate(&nominal).is_ok());
    assert!(samkalk::warnings(&read(r#"{"municipal_rate": "0.2074", "method": "effective"}"#, 2)).len() == 1);
    for quiet in [read(r#"{"municipal_rate": "0.15"}"#, 1), read("{}", 1), read(r#"{"municipal_rate": "0.2074", "method": "rules"}"#, 2)] {
        assert!(samkalk::warnings(&quiet).is_empty(), "{:?}", quiet.tax);
    }
    assert_eq!(samkalk::warnings_json(&scenario("0.6", r#"{"municipality": 1}"#, r#"{"municipal_rate": 0.21}"#)).len(), 1);
    assert!(samkalk::warnings_json("{").is_empty());
}
