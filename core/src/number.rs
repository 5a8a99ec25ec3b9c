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
    fn reading_digits_in_place_equals_collecting_them_on_generated_spellings() {
        // A fixed xorshift sequence: the same spellings on every run.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
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
}
