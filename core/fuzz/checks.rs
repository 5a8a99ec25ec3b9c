//! The fuzz targets' bodies, shared by the cargo-fuzz binaries (fuzz_targets/*.rs, nightly)
//! and the stable test core/tests/fuzz_corpus.rs, which runs them over a corpus generated from
//! the vectors and the examples. Each check panics only when the engine breaks a promise; the
//! engine itself must never panic on any input.

use rust_decimal::Decimal;
use samkalk::{present, Lang};

/// Arbitrary bytes through reading (JSON and TOML), validation, calculation, the effect trace
/// (method version 2), the warnings and variants (`ValidScenario::with_values`): every input
/// gives a result or faults, never a panic. A
/// state that extends a built-in one reads as the state written out in full, so writing the
/// read scenario back and reading it again gives the same result.
pub fn scenario(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let faults = samkalk::validate_json(text);
        // JSON text is read from a tape of tokens, not a tree: the same scenario, or the same
        // faults in the same order, as reading the tree parse_json builds from that tape (this
        // holds the two readings of one tape to each other; the grammar is value.rs's, tested
        // there and in node.rs against serde_json).
        let from_tree = samkalk::parse_json(text).map_err(|e| e.fault()).map(|tree| samkalk::Scenario::from_value(&tree));
        match (samkalk::Scenario::from_json(text), from_tree) {
            (Ok(direct), Ok(Ok(tree))) => assert_eq!(direct, tree),
            (Err(direct), Ok(Err(tree))) => assert_eq!(direct.errors, tree.errors),
            (Err(direct), Err(not_json)) => assert_eq!(direct.errors, [not_json]),
            (direct, tree) => panic!("the tape and the tree disagree: {direct:?} against {tree:?}"),
        }
        let result = samkalk::calculate_json(text);
        assert_eq!(faults.is_empty(), result.is_ok());
        let _ = samkalk::warnings_json(text);
        if let Ok(r) = result {
            let _ = r.to_json();
            // `extends` and `note` resolve on reading: the typed scenario, written out, is the
            // same scenario (an extended state written in full).
            let read = samkalk::Scenario::from_json(text).expect("a valid scenario reads");
            let again = samkalk::calculate_json(&read.to_json()).expect("a read scenario written out is valid");
            assert_eq!(again.to_json(), r.to_json());
            // The trace is valid exactly when the calculation is.
            let trace = samkalk::trace_json(text).expect("a valid scenario has a trace");
            let _ = trace.to_csv();
            variants(&read.validate().expect("a read scenario is valid"), data);
        }
        if let Ok(s) = samkalk::Scenario::from_toml(text) {
            let _ = samkalk::calculate(&s);
            let _ = samkalk::warnings(&s);
        }
    }
}

/// Parameter paths a variant changes: fields with a range only, fields whose rules involve
/// others, states' numbers (built in or the scenario's own) and paths that name nothing.
const VARIANT_PATHS: [&str; 14] = [
    "discount_rate",
    "horizon_years",
    "tax.municipal_rate",
    "cohorts[0].participants",
    "cohorts[0].outcomes[0].share",
    "cohorts[0].outcomes[1].share",
    "cohorts[0].outcomes[0].lag_months",
    "cohorts[0].intervention.duration_months",
    "cohorts[0].intervention.financing.region",
    "cohorts[1].intervention.cost_per_participant",
    "states.AM2.flows[0].amount",
    "states.work.earnings.monthly_wage",
    "cohorts[0].outcome[0].share",
    "",
];

/// Values for them: edges, wrong kinds and spellings.
const VARIANT_VALUES: [&str; 11] = ["0", "-1", "0.5", "1", "1.3", "12", "6.5", "1e3", "0,5", "abc", "79228162514264337593543950336"];

/// Two changes picked by the input's length, one value the input's own first bytes: a variant
/// is made or refused, never a panic, and a variant made is valid and calculates as written
/// out.
fn variants(base: &samkalk::ValidScenario, data: &[u8]) {
    let n = data.len();
    let own: String = String::from_utf8_lossy(&data[..n.min(12)]).into_owned();
    let pick = |k: usize| -> (&str, samkalk::Value) {
        let path = VARIANT_PATHS[k % VARIANT_PATHS.len()];
        let at = (k / VARIANT_PATHS.len()) % (VARIANT_VALUES.len() + 1);
        let value = VARIANT_VALUES.get(at).map_or_else(|| own.clone(), |v| v.to_string());
        (path, if at % 2 == 0 { samkalk::Value::String(value) } else { samkalk::Value::Number(value) })
    };
    let changes = [pick(n), pick(n / 3 + 7)];
    match base.with_values(changes.iter().map(|(p, v)| (*p, v))) {
        Ok(variant) => {
            assert!(samkalk::validate(&variant).is_empty(), "a variant made is valid");
            let direct = samkalk::calculate_json(&variant.to_json()).map(|r| r.to_json());
            assert_eq!(variant.calculate().map(|r| r.to_json()).ok(), direct.ok());
        }
        Err(e) => assert!(!e.errors.is_empty()),
    }
}

/// Arbitrary bytes through the presentation layer: the parsers of Swedish input on the text, and
/// every formatter on a Decimal made from the first 16 bytes (any mantissa, sign and scale).
/// Nothing may panic, and a parsed amount written back and read again is the same to the öre.
pub fn present(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(x) = present::parse_amount(text) {
            let again = present::parse_amount(&present::kronor_ore(x, Lang::Sv)).ok();
            assert_eq!(again.map(samkalk::result::round_money), Some(samkalk::result::round_money(x)));
        }
        let _ = present::parse_percent(text);
        let _ = present::parse_whole(text);
    }
    if data.len() >= 16 {
        let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
        let x = Decimal::from_parts(word(0), word(4), word(8), data[12] & 1 == 1, u32::from(data[13]) % 29);
        for lang in Lang::ALL {
            let _ = (present::kronor(x, lang), present::kronor_ore(x, lang), present::percent(x, lang));
            let _ = (present::ratio(x, lang), present::rounded_amount(x, lang));
        }
    }
}
