//! `ValidScenario::with_values` against the long way round on every valid vector: the same
//! numbers set with `Param::set` on the scenario and the whole validated. A variant is made
//! without validating again when every change keeps to a range that keeps it valid; these
//! check that such a variant is exactly what validation accepts, and that a change outside
//! gets validation's own faults (the same paths and codes).

use proptest::prelude::*;
use rust_decimal::Decimal;
use samkalk::analysis::param::Param;
use samkalk::{parse_json, validate, FaultCode, Scenario, ValidScenario, Value};

fn valid_vectors() -> Vec<(String, ValidScenario)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("v2")] {
        for entry in std::fs::read_dir(dir).expect("the vectors folder") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|x| x == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let vector = parse_json(&std::fs::read_to_string(&path).ok()?).ok()?;
            let scenario = ValidScenario::from_value(vector.get("scenario")?).ok()?;
            Some((path.file_name()?.to_string_lossy().into_owned(), scenario))
        })
        .collect()
}

/// The paths changed: fields with a range only, and two whose rules involve another field.
const PATHS: [&str; 9] = [
    "discount_rate",
    "horizon_years",
    "cohorts[0].participants",
    "cohorts[0].outcomes[0].share",
    "cohorts[0].outcomes[0].retention",
    "cohorts[0].outcomes[0].lag_months",
    "cohorts[0].intervention.cost_per_participant",
    "cohorts[0].intervention.duration_months",
    "cohorts[0].intervention.financing.region",
];

/// The long way round: `Param::set` on a copy, then every rule.
fn set_and_validate(base: &ValidScenario, changes: &[(&str, Decimal)]) -> Option<Result<ValidScenario, Vec<(String, FaultCode)>>> {
    let mut s: Scenario = base.scenario().clone();
    for (path, x) in changes {
        let param = Param::resolve(path, &mut s).ok()?;
        param.set(&mut s, *x).ok()?;
    }
    let faults = validate(&s);
    Some(if faults.is_empty() {
        Ok(s.validate().expect("valid"))
    } else {
        Err(faults.iter().map(|f| (f.path.clone(), f.code())).collect())
    })
}

/// A value near the field's range (a little outside it, now and then), whole for whole fields.
fn value_near(param: &Param, base: &Scenario, step: u32, pick: u64) -> Decimal {
    let range = param.range(base);
    let whole = matches!(param.path.rsplit('.').next(), Some("participants" | "horizon_years" | "lag_months" | "duration_months"));
    let span = (range.hi - range.lo).min(Decimal::from(200));
    let spread = Decimal::from(pick % 1200) / Decimal::from(1000) - Decimal::new(1, 1);
    let x = range.lo + span * spread;
    if whole {
        x.round()
    } else {
        x.round_dp(step % 6)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn a_variant_is_what_validation_accepts(
        picks in proptest::collection::vec((0usize..PATHS.len(), any::<u64>(), 0u32..8), 1..4),
    ) {
        for (name, base) in valid_vectors() {
            let mut probe = base.scenario().clone();
            let mut changes: Vec<(&str, Decimal)> = Vec::new();
            for (k, pick, step) in &picks {
                let Ok(param) = Param::resolve(PATHS[*k], &mut probe) else { continue };
                changes.push((PATHS[*k], value_near(&param, base.scenario(), *step, *pick)));
            }
            let Some(expected) = set_and_validate(&base, &changes) else { continue };
            let texts: Vec<(&str, Value)> = changes.iter().map(|(p, x)| (*p, Value::Number(x.to_string()))).collect();
            let got = base
                .with_values(texts.iter().map(|(p, v)| (*p, v)))
                .map_err(|e| e.errors.iter().map(|f| (f.path.clone(), f.code())).collect::<Vec<_>>());
            match (&got, &expected) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!(a, b, "{}: {:?}", name, changes);
                    prop_assert_eq!(a.calculate().map(|r| r.to_json()).ok(), b.calculate().map(|r| r.to_json()).ok(), "{}", name);
                }
                (Err(a), Err(b)) => prop_assert_eq!(a, b, "{}: {:?}", name, changes),
                _ => prop_assert!(false, "{}: {:?}: with_values {:?}, validation {:?}", name, changes, got.is_ok(), expected.is_ok()),
            }
        }
    }
}

#[test]
fn enough_vectors_are_valid_to_vary() {
    assert!(valid_vectors().len() >= 20);
}
