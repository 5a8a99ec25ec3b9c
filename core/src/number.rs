//! Exact reading of numbers as MODEL.md spells them: never through binary floating point.

use rust_decimal::Decimal;

/// The most digits after the decimal point a number may be spelled with.
pub const MAX_SCALE: u32 = 28;

/// Why a piece of text is not a number samkalk can take.
///
/// ```
/// use samkalk::number::{parse_decimal, NumberError};
/// assert_eq!(parse_decimal("0.035").unwrap().to_string(), "0.035");
/// assert_eq!(parse_decimal("+1"), Err(NumberError::NotANumber));
/// assert_eq!(parse_decimal("1e30"), Err(NumberError::OutOfRange));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not spelled like a JSON number (`+1`, ` 1`, `NaN`, `1.`, `.5`, `0x10` ...).
    NotANumber,
    /// More than 28 digits after the point (counting a negative exponent).
    TooManyDecimals,
    /// Spelled correctly but too large (or too many significant digits) to hold exactly.
    OutOfRange,
}

/// The parts of a number spelled like JSON: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
struct Spelling<'a> {
    negative: bool,
    int_digits: &'a str,
    frac_digits: &'a str,
    /// The exponent, saturated far beyond anything that can be held.
    exponent: i64,
}

fn split(text: &str) -> Option<Spelling<'_>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        i += 1;
    }
    let int_start = i;
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while matches!(bytes.get(i), Some(b'0'..=b'9')) {
                i += 1;
            }
        }
        _ => return None,
    }
    let int_digits = &text[int_start..i];
    let mut frac_digits = "";
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while matches!(bytes.get(i), Some(b'0'..=b'9')) {
            i += 1;
        }
        if i == start {
            return None;
        }
        frac_digits = &text[start..i];
    }
    let mut exponent: i64 = 0;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let exp_negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(d @ b'0'..=b'9') = bytes.get(i) {
            // Saturate: any exponent past a million is out of range or all decimals anyway.
            exponent = (exponent * 10 + i64::from(d - b'0')).min(1_000_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        if exp_negative {
            exponent = -exponent;
        }
    }
    if i != bytes.len() {
        return None;
    }
    Some(Spelling { negative, int_digits, frac_digits, exponent })
}

/// True when `text` is spelled like a JSON number.
pub(crate) fn is_number_spelling(text: &str) -> bool {
    split(text).is_some()
}

/// True when `text` is spelled like a JSON integer (no point, no exponent).
pub(crate) fn is_integer_spelling(text: &str) -> bool {
    matches!(split(text), Some(s) if s.frac_digits.is_empty() && s.exponent == 0 && !text.contains(['e', 'E']))
}

/// Reads the exact decimal that `text` spells.
///
/// ```
/// assert_eq!(samkalk::number::parse_decimal("2.5e-1").unwrap().to_string(), "0.25");
/// assert!(samkalk::number::parse_decimal("1,5").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    if let Some(d) = parse_plain(text) {
        return Ok(d);
    }
    let s = split(text).ok_or(NumberError::NotANumber)?;
    let frac_len = s.frac_digits.len() as i64;
    // MODEL.md: the scale as spelled counts the digits after the point plus the size of a
    // negative exponent, trailing zeros included.
    let spelled_scale = frac_len + (-s.exponent).max(0);
    if spelled_scale > i64::from(MAX_SCALE) {
        return Err(NumberError::TooManyDecimals);
    }
    // Significant digits: drop leading zeros, then trailing zeros while they are decimals.
    // The digits are the integer part's followed by the fraction's, read in place (no copy).
    let (int, frac) = (s.int_digits.as_bytes(), s.frac_digits.as_bytes());
    let digit = |i: usize| if i < int.len() { int[i] } else { frac[i - int.len()] };
    let count = int.len() + frac.len();
    let lead = (0..count).take_while(|&i| digit(i) == b'0').count();
    let mut exp10 = s.exponent - frac_len;
    let mut end = count;
    while exp10 < 0 && end > lead && digit(end - 1) == b'0' {
        end -= 1;
        exp10 += 1;
    }
    if end == lead {
        return Ok(Decimal::ZERO);
    }
    let total_digits = (end - lead) as i64 + exp10.max(0);
    if total_digits > 29 {
        return Err(NumberError::OutOfRange);
    }
    let mut mantissa: i128 = 0;
    for i in lead..end {
        mantissa = mantissa * 10 + i128::from(digit(i) - b'0');
    }
    for _ in 0..exp10.max(0) {
        mantissa *= 10;
    }
    if s.negative {
        mantissa = -mantissa;
    }
    let scale = (-exp10).max(0) as u32;
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| NumberError::OutOfRange)
}

/// The spelling nearly every input number has, `-?(0|[1-9][0-9]*)(\.[0-9]+)?` in at most 19
/// characters after the sign, read in one pass; None for any other text, which
/// [`parse_decimal`]'s general reading then reads to the same decimal (or fault).
#[inline]
fn parse_plain(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let (negative, chars) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    // At most 19 characters, so at most 19 digits: below 10^19, within u64.
    if chars.is_empty() || chars.len() > 19 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut point = None;
    for (i, &b) in chars.iter().enumerate() {
        match b {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(b - b'0'),
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    let int_len = point.unwrap_or(chars.len());
    // No integer digits, no fraction digits after a point, or a leading zero ("01"): not plain.
    if int_len == 0 || int_len + 1 == chars.len() || (chars[0] == b'0' && int_len > 1) {
        return None;
    }
    // As the general reading: trailing zeros of the fraction are not kept; zero is scale 0.
    let mut scale = point.map_or(0, |p| chars.len() - p - 1);
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if mantissa == 0 {
        return Some(Decimal::ZERO);
    }
    let m = i128::from(mantissa);
    Some(Decimal::from_i128_with_scale(if negative { -m } else { m }, scale as u32))
}

/// Writes an `f64` the way MODEL.md reads floats from Python, JavaScript or TOML: through its
/// shortest round-trip decimal representation. Non-finite values give text that no number
/// field accepts. The text always marks a float (`20.0`, not `20`), so that a float is never
/// taken for a JSON integer.
pub(crate) fn float_text(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    // Rust's Display for f64 is the shortest representation that round-trips, written out
    // without an exponent; that is exactly the decimal the float stands for to its users.
    let mut text = format!("{x}");
    if text == "-0" {
        text = "0".into();
    }
    if !text.contains('.') {
        text.push_str(".0");
    }
    text
}

/// The decimal an `f64`'s shortest round-trip text spells, as `parse_decimal(&float_text(x))`
/// reads it, without writing that text: the shortest digits come from `ryu` (several times
/// faster than `core::fmt`'s Grisu, allocation-free, the same digits), read into a mantissa and
/// an exponent. None where that reading would not
/// give a decimal: a non-finite value, more than 28 decimals, or more than 96 bits.
/// Monte Carlo turns every sampled value into a decimal this way (`analysis::montecarlo`).
///
/// ```
/// let d = |x: f64| samkalk::number::shortest_decimal(x).map(|d| d.to_string());
/// assert_eq!(d(0.1).as_deref(), Some("0.1"));
/// assert_eq!(d(0.1 + 0.2).as_deref(), Some("0.30000000000000004"));
/// assert_eq!(d(20.0).as_deref(), Some("20"));
/// assert_eq!(d(1e-7).as_deref(), Some("0.0000001"));
/// assert_eq!(d(1e-29), None);
/// assert_eq!(d(f64::NAN), None);
/// ```
pub fn shortest_decimal(x: f64) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(Decimal::ZERO);
    }
    let (mut digits, mut exponent) = shortest_parts(x.abs())?;
    // parse_decimal drops trailing zeros while they are decimals.
    while exponent < 0 && digits % 10 == 0 {
        digits /= 10;
        exponent += 1;
    }
    let mut mantissa = u128::from(digits);
    let scale = if exponent >= 0 {
        mantissa = mantissa.checked_mul(*crate::result::POW10.get(exponent as usize)?)?;
        0
    } else {
        u32::try_from(-exponent).ok().filter(|s| *s <= MAX_SCALE)?
    };
    if mantissa >= 1 << 96 {
        return None;
    }
    let signed = if x < 0.0 { -(mantissa as i128) } else { mantissa as i128 };
    Decimal::try_from_i128_with_scale(signed, scale).ok()
}

/// The shortest round-trip digits of a positive finite `x` as Rust's `{}` writes them, and
/// their exponent: x ≈ digits × 10^exponent.
fn shortest_parts(x: f64) -> Option<(u64, i32)> {
    let mut buffer = ryu::Buffer::new();
    let (digits, exponent) = shortest_digits(buffer.format_finite(x))?;
    // Where two shortest candidates are equally close, ryu takes the even one and Rust's `{}`
    // the upper one (5.785943005218183e14 is ...818.25 exactly: `{}` writes ...818.3).
    Some((if halfway_above(x, digits, exponent) { digits.checked_add(1)? } else { digits }, exponent))
}

/// True when `x` (positive, finite) is exactly (digits + ½) × 10^exponent.
fn halfway_above(x: f64, digits: u64, exponent: i32) -> bool {
    // x = odd × 2^e2 (a zero was handled before).
    let bits = x.to_bits();
    let (fraction, biased) = (bits & ((1 << 52) - 1), ((bits >> 52) & 0x7FF) as i32);
    let (mut odd, mut e2) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    let zeros = odd.trailing_zeros();
    odd >>= zeros;
    e2 += zeros as i32;
    // (2·digits + 1) × 10^exponent / 2 = (2·digits + 1) × 5^exponent × 2^(exponent − 1):
    // with exponent ≥ 0 its odd part is (2·digits + 1) × 5^exponent; below, x × 5^−exponent
    // has the odd part odd × 5^−exponent and must equal (2·digits + 1) × 2^(exponent − 1).
    if e2 != exponent - 1 {
        return false;
    }
    let candidate = u128::from(digits) * 2 + 1;
    let five = |k: u32| 5u128.checked_pow(k);
    if exponent >= 0 {
        five(exponent as u32).and_then(|p| candidate.checked_mul(p)) == Some(u128::from(odd))
    } else {
        five(exponent.unsigned_abs()).and_then(|p| u128::from(odd).checked_mul(p)) == Some(candidate)
    }
}

/// The digits and decimal exponent of a positive float's text as ryu writes it (`12.34`,
/// `0.001234`, `1.234e33`, `5e-7`; Rust's `{:e}` too): value = digits × 10^exponent. None for any other text.
fn shortest_digits(text: &str) -> Option<(u64, i32)> {
    let mut digits: u64 = 0;
    let mut count = 0u32;
    let mut decimals = 0i32;
    let mut point = false;
    let mut bytes = text.bytes();
    let mut exponent = 0i32;
    while let Some(b) = bytes.next() {
        match b {
            b'0'..=b'9' => {
                // Leading zeros add no digit; 17 significant digits fit a u64 with room.
                if digits != 0 || b != b'0' {
                    count += 1;
                    if count > 19 {
                        return None;
                    }
                }
                digits = digits * 10 + u64::from(b - b'0');
                if point {
                    decimals += 1;
                }
            }
            b'.' if !point => point = true,
            b'e' => {
                let mut negative = false;
                let mut any = false;
                for b in bytes.by_ref() {
                    match b {
                        b'-' if !any => negative = true,
                        b'+' if !any => {}
                        b'0'..=b'9' => {
                            any = true;
                            exponent = exponent.checked_mul(10)?.checked_add(i32::from(b - b'0'))?;
                        }
                        _ => return None,
                    }
                }
                if !any {
                    return None;
                }
                if negative {
                    exponent = -exponent;
                }
            }
            _ => return None,
        }
    }
    Some((digits, exponent - decimals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_exact_decimals() {
        assert_eq!(parse_decimal("0.1"), Ok(d("0.1")));
        assert_eq!(parse_decimal("-12.50"), Ok(d("-12.5")));
        assert_eq!(parse_decimal("1e3"), Ok(d("1000")));
        assert_eq!(parse_decimal("1.5E-2"), Ok(d("0.015")));
        assert_eq!(parse_decimal("-0"), Ok(Decimal::ZERO));
        assert_eq!(parse_decimal("0.5000000000000000000000000000"), Ok(d("0.5")));
        assert_eq!(parse_decimal("1e-28"), Ok(d("0.0000000000000000000000000001")));
    }

    #[test]
    fn rejects_what_json_does_not_spell() {
        for bad in ["+1", " 1", "1 ", "NaN", "Infinity", "1.", ".5", "01", "1e", "0x10", "", "-", "1e+", "١"] {
            assert_eq!(parse_decimal(bad), Err(NumberError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn limits_scale_and_size() {
        assert_eq!(parse_decimal("1e-29"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_decimal("0.33333333333333333333333333333"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_decimal("1e30"), Err(NumberError::OutOfRange));
        assert_eq!(parse_decimal("1e999999999999999999999"), Err(NumberError::OutOfRange));
        assert_eq!(parse_decimal("99999999999999999999999999999999"), Err(NumberError::OutOfRange));
    }

    #[test]
    fn integer_spelling() {
        assert!(is_integer_spelling("20"));
        assert!(is_integer_spelling("-3"));
        assert!(!is_integer_spelling("20.0"));
        assert!(!is_integer_spelling("2e1"));
        assert!(!is_integer_spelling("2E0"));
    }

    #[test]
    fn floats_through_shortest_text() {
        assert_eq!(float_text(0.1), "0.1");
        assert_eq!(float_text(20.0), "20.0");
        assert_eq!(float_text(1e-7), "0.0000001");
        assert_eq!(float_text(-0.0), "0.0");
        assert_eq!(parse_decimal(&float_text(0.1 + 0.2)), Ok(d("0.30000000000000004")));
        assert_eq!(parse_decimal(&float_text(f64::NAN)), Err(NumberError::NotANumber));
    }

    /// The reading before digits were read in place (they were collected into a String):
    /// the reference the in-place reading must equal on every spelling.
    fn parse_decimal_collecting(text: &str) -> Result<Decimal, NumberError> {
        let s = split(text).ok_or(NumberError::NotANumber)?;
        let frac_len = s.frac_digits.len() as i64;
        if frac_len + (-s.exponent).max(0) > i64::from(MAX_SCALE) {
            return Err(NumberError::TooManyDecimals);
        }
        let digits: String = s.int_digits.chars().chain(s.frac_digits.chars()).collect();
        let mut significant = digits.trim_start_matches('0');
        let mut exp10 = s.exponent - frac_len;
        while exp10 < 0 && significant.ends_with('0') {
            significant = &significant[..significant.len() - 1];
            exp10 += 1;
        }
        if significant.is_empty() {
            return Ok(Decimal::ZERO);
        }
        if significant.len() as i64 + exp10.max(0) > 29 {
            return Err(NumberError::OutOfRange);
        }
        let mut mantissa: i128 = 0;
        for d in significant.bytes() {
            mantissa = mantissa * 10 + i128::from(d - b'0');
        }
        for _ in 0..exp10.max(0) {
            mantissa *= 10;
        }
        if s.negative {
            mantissa = -mantissa;
        }
        Decimal::try_from_i128_with_scale(mantissa, (-exp10).max(0) as u32).map_err(|_| NumberError::OutOfRange)
    }

    #[test]
    fn plain_spellings_read_as_the_general_reading_reads_them() {
        // Each spelling, and whether the one-pass reading takes it (the others go the general way).
        let edges = [
            ("0", true),
            ("-0", true),
            ("00", false),
            ("01", false),
            ("0.", false),
            (".5", false),
            ("1.", false),
            ("-", false),
            ("", false),
            ("-.5", false),
            ("1..2", false),
            ("0.0", true),
            ("-0.000", true),
            ("0.50", true),
            ("10.500", true),
            ("90000", true),
            ("-12.30", true),
            ("1234567890123456789", true),
            ("9999999999999999999", true),
            ("99999999999999999.9", true),
            ("0.999999999999999999", false),
            ("-9999999999999999999", true),
            ("12345678901234567890", false),
            ("1e3", false),
            ("1.5E-2", false),
            ("0.0000000000000000001", false),
        ];
        for (text, is_plain) in edges {
            let general = parse_decimal_collecting(text);
            assert_eq!(parse_decimal(text), general, "{text:?}");
            assert_eq!(parse_plain(text).is_some(), is_plain, "{text:?}");
            if let Some(plain) = parse_plain(text) {
                let general = general.unwrap();
                assert_eq!((plain.mantissa(), plain.scale()), (general.mantissa(), general.scale()), "{text:?}");
            }
        }
        assert_eq!(parse_plain("0.50").map(|d| (d.mantissa(), d.scale())), Some((5, 1)));
        assert_eq!(parse_plain("-0.000"), Some(Decimal::ZERO));
        assert_eq!(parse_plain("1e3"), None);
    }

    #[test]
    fn reading_digits_in_place_equals_collecting_them_on_generated_spellings() {
        // A fixed sequence: the same spellings on every run.
        let mut sequence = crate::generated::generated_sequence(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: u64| sequence() % n;
        let pieces = ["0", "00", "1", "9", "10", "000", "-", ".", "e", "E", "+", "-", "12345678901234", "5"];
        for _ in 0..200_000 {
            let mut text = String::new();
            for _ in 0..=next(8) {
                text.push_str(pieces[next(pieces.len() as u64) as usize]);
            }
            let (got, want) = (parse_decimal(&text), parse_decimal_collecting(&text));
            assert_eq!(got, want, "{text:?}");
            // Same scale too: the decimal is kept as spelled, not only equal in value.
            if let (Ok(g), Ok(w)) = (got, want) {
                assert_eq!(g.scale(), w.scale(), "{text:?}");
            }
        }
    }

    /// Rust's shortest digits of `x` (from `{:e}`, the same digits `{}` writes) and ours (ryu's, ties upward),
    /// each as (digits without trailing zeros, exponent).
    fn both_digits(x: f64) -> ((u64, i32), (u64, i32)) {
        let strip = |(mut m, mut e): (u64, i32)| {
            while m != 0 && m % 10 == 0 {
                m /= 10;
                e += 1;
            }
            (m, e)
        };
        let rust = shortest_digits(&format!("{:e}", x.abs())).expect("Rust's {:e} reads");
        let ours = shortest_parts(x.abs()).expect("ryu's text reads");
        (strip(rust), strip(ours))
    }

    /// The definition shortest_decimal must equal wherever it gives a value.
    fn through_text(x: f64) -> Result<Decimal, NumberError> {
        parse_decimal(&float_text(x))
    }

    fn same_as_text(x: f64) -> Result<(), proptest::test_runner::TestCaseError> {
        if x.is_finite() && x != 0.0 {
            let (rust, ours) = both_digits(x);
            proptest::prop_assert_eq!(rust, ours, "digits of {:e}", x);
        }
        match (shortest_decimal(x), through_text(x)) {
            (Some(fast), Ok(text)) => {
                proptest::prop_assert_eq!(fast, text, "{:e}", x);
                proptest::prop_assert_eq!(fast.scale(), text.scale(), "{:e}", x);
                proptest::prop_assert_eq!(fast.mantissa(), text.mantissa(), "{:e}", x);
            }
            (None, Err(_)) => {}
            (fast, text) => proptest::prop_assert!(false, "{:e}: {:?} against {:?}", x, fast, text),
        }
        Ok(())
    }

    #[test]
    fn shortest_decimal_is_the_texts_on_edge_cases() {
        let edges = [
            0.0,
            -0.0,
            0.1,
            0.2,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            1e-7,
            1e-12,
            1.2345678901234567e-12,
            1e-28,
            1.5e-28,
            1e-29,
            9007199254740992.0, // 2^53
            9007199254740994.0,
            18014398509481984.0, // 2^54: 17 digits
            123456789012345680.0,
            1e21,
            1e22,
            1e23,
            7.922816251426434e28, // 2^96
            7.922816251426434e28 * (1.0 - f64::EPSILON),
            1e28,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::from_bits(1), // the smallest subnormal
            f64::from_bits(0x000F_FFFF_FFFF_FFFF),
            f64::EPSILON,
            5e-324,
            0.30000000000000004,
            578594300521818.0 + 0.25, // a tie: `{}` writes ...818.3
            829730989779406.0 + 0.25,
            0.7999999999999999,
            25000.000000000004,
            109999.99999999999,
            -2.5,
            -1e-7,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for x in edges {
            same_as_text(x).unwrap();
        }
        // Values whose shortest text needs all 17 digits.
        assert_eq!(shortest_decimal(0.1 + 0.2).unwrap().to_string(), "0.30000000000000004");
        assert_eq!(shortest_decimal(9007199254740993.0).unwrap().to_string(), "9007199254740992");
        assert_eq!(shortest_decimal(1e-29), None);
        assert_eq!(shortest_decimal(-0.0), Some(Decimal::ZERO));
    }

    #[test]
    fn shortest_decimal_is_the_texts_on_generated_bit_patterns() {
        // A fixed xorshift sequence over all f64 bit patterns, and over the unit interval
        // and the magnitudes Monte Carlo samples (shares, wages, costs). More cases:
        // SAMKALK_DIGITS_CASES=50000000 cargo test --release -p samkalk shortest_decimal
        let cases: u64 = std::env::var("SAMKALK_DIGITS_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(100_000);
        let mut next = crate::generated::generated_sequence(0x2545_F491_4F6C_DD1D);
        for _ in 0..cases {
            let bits = next();
            let unit = (bits >> 11) as f64 / (1u64 << 53) as f64;
            // Exact halves between two shortest candidates: n + ¼ or n + ¾ where the spacing is ⅛.
            let tie = ((1u64 << 49) + (bits >> 15)) as f64 + if bits & 1 == 0 { 0.25 } else { 0.75 };
            let small_tie = tie / (1u64 << 40) as f64;
            for x in [f64::from_bits(bits), unit, unit * 1e5, 20_000.0 + unit * 10_000.0, unit * 1e-10, unit * 1e12, tie, small_tie] {
                same_as_text(x).unwrap();
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn shortest_decimal_is_the_texts(bits in proptest::prelude::any::<u64>(), unit in 0.0f64..1.0, wage in 0.0f64..200_000.0) {
            same_as_text(f64::from_bits(bits))?;
            same_as_text(unit)?;
            same_as_text(wage)?;
        }
    }
}
