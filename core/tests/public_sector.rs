//! The public sector (municipality, Arbetsförmedlingen, Försäkringskassan, region, state) as a
//! whole: figures checked by hand on a scenario of round amounts, and against the five actors'
//! figures on every vector.

use std::str::FromStr;

use rust_decimal::Decimal;
use samkalk::public_sector::{calculate_with_public_sector, public_sector, PUBLIC_SECTOR};
use samkalk::{parse_json, Actor, Scenario, Value};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Own states of round amounts: out of work the municipality pays 120 000 kr of försörjningsstöd
/// and the region 24 000 kr of care; in the job the participant earns 300 000 kr and pays
/// 60 000 kr to the municipality and 24 000 kr to the state. Ten participants, an intervention
/// of 100 000 kr each over the whole of 2026 paid half by the municipality and half by
/// Arbetsförmedlingen, half of them in the job from January 2027 (P = 5).
const ROUND: &str = r#"{
  "start_year": 2026, "discount_rate": "0.035",
  "states": {
    "out": {"flows": [{"payer": "municipality", "payee": "individual", "amount": "120000"},
                      {"payer": "region", "amount": "24000"}]},
    "job": {"flows": [{"payee": "individual", "amount": "300000"},
                      {"payer": "individual", "payee": "municipality", "amount": "60000"},
                      {"payer": "individual", "payee": "state", "amount": "24000"}]}
  },
  "cohorts": [{"name": "A", "origin": "out", "participants": 10,
    "intervention": {"cost_per_participant": "100000", "duration_months": 12,
                     "financing": {"municipality": "0.5", "employment_service": "0.5"}},
    "outcomes": [{"target": "job", "share": "0.5"}]}]
}"#;

#[test]
fn figures_by_hand() {
    let scenario = Scenario::from_json(ROUND).unwrap();
    let (result, public) = calculate_with_public_sector(&scenario).unwrap();
    // Each year from 2027: municipality 5 × 180 000, region 5 × 24 000, state 5 × 24 000.
    let m = |xs: &[&str]| xs.iter().map(|x| d(x)).collect::<Vec<_>>();
    let values = |xs: &[samkalk::Money]| xs.iter().map(|x| x.value()).collect::<Vec<_>>();
    assert_eq!(values(&public.gain), m(&["0", "1140000", "1140000", "1140000"]));
    assert_eq!(values(&public.investment), m(&["1000000", "0", "0", "0"]));
    assert_eq!(values(&public.net), m(&["-1000000", "1140000", "1140000", "1140000"]));
    assert_eq!(values(&public.cumulative_net), m(&["-1000000", "140000", "1280000", "2420000"]));
    assert_eq!(public.total_gain, d("3420000"));
    assert_eq!(public.total_investment, d("1000000"));
    assert_eq!(public.total_net, d("2420000"));
    // −1 000 000 + 1 140 000 / 1.035 + 1 140 000 / 1.035² + 1 140 000 / 1.035³
    // = −1 000 000 + 1 101 449.2754 + 1 064 202.1985 + 1 028 214.6844 = 2 193 866.158…
    assert_eq!(public.npv.to_string(), "2193866.16");
    assert_eq!(public.payback_year, Some(2027));
    // 3 193 866.158… / 1 000 000
    assert_eq!(public.benefit_cost_ratio.map(|r| r.to_string()), Some("3.1939".into()));
    // Here every actor's yearly figure is whole kronor, so the public sector is exactly the sum
    // of the five actors' rounded figures too.
    for t in 0..4 {
        let sum: Decimal = PUBLIC_SECTOR.iter().map(|a| result.actor(*a).net[t].value()).sum();
        assert_eq!(public.net[t], sum, "year {t}");
    }
    // Society is the public sector, the employer and the individual (5 × 96 000 a year).
    assert_eq!(result.society().total_net.value(), public.total_net.value() + d("1440000"));
    assert_eq!(public_sector(&scenario).unwrap(), public);
    // The Swedish table shows it between the individual and society.
    let table = samkalk::report::table(&scenario, &result);
    let at = |needle: &str| table.find(needle).unwrap_or_else(|| panic!("no {needle:?} in {table}"));
    assert!(at("\nIndividen\n") < at("\nOffentlig sektor\n") && at("\nOffentlig sektor\n") < at("\nSamhället\n"));
    assert!(table.contains("Nuvärde 2 193 866 kr · återbetalningsår 2027 · nytta/kostnad 3,19\n"), "{table}");
}

#[test]
fn an_invalid_scenario_gives_its_faults() {
    let scenario = Scenario::from_json(r#"{"start_year": 2026, "discount_rate": "0.035"}"#).unwrap();
    let mut bad = scenario.clone();
    bad.horizon_years = 0;
    let err = public_sector(&bad).unwrap_err();
    assert_eq!(err.errors[0].path, "horizon_years");
}

/// Every vector's scenario that calculates: the public sector agrees with the five actors' own
/// figures within their roundings (each of five at most half an öre), and its NPV is not
/// society's less the employer's and the individual's by more than three roundings.
#[test]
fn agrees_with_the_five_actors_on_every_vector() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut checked = 0;
    for dir in [root.clone(), root.join("v2")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let vector = parse_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let Some(Value::Object(members)) = Some(vector) else { continue };
            let Some((_, scenario)) = members.iter().find(|(k, _)| k == "scenario") else { continue };
            let Ok(scenario) = Scenario::from_value(scenario) else { continue };
            let Ok((result, public)) = calculate_with_public_sector(&scenario) else { continue };
            let five = d("0.025");
            for t in 0..result.years.len() {
                let sum: Decimal = PUBLIC_SECTOR.iter().map(|a| result.actor(*a).net[t].value()).sum();
                assert!((public.net[t].value() - sum).abs() <= five, "{}: year {t}", path.display());
            }
            let rest =
                result.society().npv.value() - result.actor(Actor::Employer).npv.value() - result.actor(Actor::Individual).npv.value();
            assert!((public.npv.value() - rest).abs() <= d("0.015"), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} vectors calculated");
}
