//! The fuzz targets' bodies, shared by the cargo-fuzz binaries (fuzz_targets/*.rs, nightly)
//! and the stable test core/tests/fuzz_corpus.rs, which runs them over a corpus generated from
//! the vectors and the examples. Each check panics only when the engine breaks a promise; the
//! engine itself must never panic on any input.

use rust_decimal::Decimal;
use samkalk::{present, Lang};

/// Arbitrary bytes through reading (JSON and TOML), validation, calculation, the effect trace
/// (method version 2) and the warnings: every input gives a result or faults, never a panic. A
/// state that extends a built-in one reads as the state written out in full, so writing the
/// read scenario back and reading it again gives the same result.
pub fn scenario(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let faults = samkalk::validate_json(text);
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
        }
        if let Ok(s) = samkalk::Scenario::from_toml(text) {
            let _ = samkalk::calculate(&s);
            let _ = samkalk::warnings(&s);
        }
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
