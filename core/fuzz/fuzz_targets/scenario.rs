//! Arbitrary bytes through reading (JSON and TOML), validation and calculation: every input
//! gives a result or faults, never a panic. Run: `cargo +nightly fuzz run scenario` in core/.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let faults = samkalk::validate_json(text);
        let result = samkalk::calculate_json(text);
        assert_eq!(faults.is_empty(), result.is_ok());
        if let Ok(r) = result {
            let _ = r.to_json();
        }
        if let Ok(s) = samkalk::Scenario::from_toml(text) {
            let _ = samkalk::calculate(&s);
        }
    }
});
