//! Arbitrary bytes through reading (JSON and TOML), validation, calculation, the effect trace
//! (method version 2) and the warnings: every input gives a result or faults, never a panic. A
//! state that extends a built-in one reads as the state written out in full, so writing the
//! read scenario back and reading it again gives the same result. Run:
//! `cargo +nightly fuzz run scenario -- -dict=fuzz/scenario.dict` in core/ (the dictionary
//! holds the format's field names, version 2's `then` and `investment` among them, so that
//! mutations reach the pathway engine quickly).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
