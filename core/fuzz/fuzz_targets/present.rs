//! Arbitrary bytes through the presentation layer: the parsers of Swedish input on the text, and
//! every formatter on a Decimal made from the first 16 bytes (any mantissa, sign and scale).
//! Nothing may panic, and a parsed amount written back and read again is the same to the öre.
//! Run: `cargo +nightly fuzz run present` in core/.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use samkalk::{present, Lang};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(x) = present::parse_amount(text) {
            let again = present::parse_amount(&present::kronor_ore(x, Lang::Sv)).ok();
            assert_eq!(again.map(|y| samkalk::result::round_money(y)), Some(samkalk::result::round_money(x)));
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
});
