//! Numbers as people type them in Swedish, read exactly (never through binary floating point):
//! the inverse of [`super::format`] for the page's fields and anyone else taking typed input.
//!
//! Accepted: spaces, no-break spaces (U+00A0, U+202F, U+2009) or a dot followed by exactly three
//! digits between thousands (`120 000`, `120.000`, `1.234.567`); a decimal comma (`35 000,50`);
//! a leading `-`, `+`, `−` (U+2212) or `–` (U+2013); a unit after the number (`kr`, `kronor`,
//! `SEK` for amounts, `%` or `procent` for percentages). Refused, each with its own
//! [`InputError`]: empty text (`missing`), a dot that could be a decimal point (`120.00`,
//! `ambiguous_separator`), letters or more than one comma (`not_a_number`), too many
//! decimals, a fraction where a whole number is wanted, a number beyond the Decimal range.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::number::{parse_decimal, NumberError};

/// Why typed text is not the number asked for. `code()` is stable for programs; `message(lang)`
/// is for people.
///
/// ```
/// use samkalk::{present::parse_amount, Lang};
///
/// let err = parse_amount("12x").unwrap_err();
/// assert_eq!(err.code(), "not_a_number");
/// assert_eq!(parse_amount("").unwrap_err().code(), "missing");
/// assert!(!err.message(Lang::Sv).is_empty() && !err.message(Lang::En).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The text is empty (or only spaces).
    Missing,
    /// Not a number: letters, misplaced separators, more than one comma.
    NotANumber,
    /// A dot that could be a decimal point or a thousands separator (`120.00`): `decimal` and
    /// `thousands` are the two unambiguous spellings to suggest (`120,00`, `120 000`).
    AmbiguousSeparator {
        /// The text as typed.
        text: String,
        /// The number with a decimal comma.
        decimal: String,
        /// The number read as thousands, with a space.
        thousands: String,
    },
    /// More decimals than the quantity can hold (`max`).
    TooManyDecimals {
        /// Most decimals accepted.
        max: u32,
    },
    /// A fraction where a whole number is wanted.
    NotAWholeNumber,
    /// Beyond the numbers samkalk can hold.
    TooLarge,
}

impl InputError {
    /// The stable code: `missing`, `not_a_number`, `ambiguous_separator`, `too_many_decimals`,
    /// `not_a_whole_number`, `too_large`.
    ///
    /// ```
    /// use samkalk::present::{parse_amount, parse_whole};
    /// let code = |r: Result<_, samkalk::present::InputError>| r.unwrap_err().code();
    /// assert_eq!(code(parse_amount(" ")), "missing");
    /// assert_eq!(code(parse_amount("tolv")), "not_a_number");
    /// assert_eq!(code(parse_amount("120.00")), "ambiguous_separator");
    /// assert_eq!(code(parse_amount(&format!("0,{}", "1".repeat(29)))), "too_many_decimals");
    /// assert_eq!(code(parse_amount(&"9".repeat(30))), "too_large");
    /// assert_eq!(code(parse_whole("2,5").map(rust_decimal::Decimal::from)), "not_a_whole_number");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Missing => "missing",
            InputError::NotANumber => "not_a_number",
            InputError::AmbiguousSeparator { .. } => "ambiguous_separator",
            InputError::TooManyDecimals { .. } => "too_many_decimals",
            InputError::NotAWholeNumber => "not_a_whole_number",
            InputError::TooLarge => "too_large",
        }
    }

    /// The message for people.
    ///
    /// ```
    /// use samkalk::{present::parse_amount, Lang};
    /// let e = parse_amount("").unwrap_err();
    /// assert_eq!(e.code(), "missing");
    /// assert_eq!(e.message(Lang::Sv), "Fyll i ett värde.");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (InputError::Missing, Lang::Sv) => "Fyll i ett värde.".into(),
            (InputError::Missing, Lang::En) => "Enter a value.".into(),
            (InputError::NotANumber, Lang::Sv) => "Ange ett tal, till exempel 35 000 eller 12,5.".into(),
            (InputError::NotANumber, Lang::En) => "Enter a number such as 35 000 or 12,5 (with a decimal comma).".into(),
            (InputError::AmbiguousSeparator { text, decimal, thousands }, Lang::Sv) => format!(
                "\"{text}\" kan läsas på två sätt: skriv \"{decimal}\" med decimalkomma, eller \"{thousands}\" med mellanslag mellan tusental."
            ),
            (InputError::AmbiguousSeparator { text, decimal, thousands }, Lang::En) => {
                format!("\"{text}\" is ambiguous: write \"{decimal}\" with a decimal comma, or \"{thousands}\" with a space between thousands.")
            }
            (InputError::TooManyDecimals { max }, Lang::Sv) => format!("För många decimaler (högst {max})."),
            (InputError::TooManyDecimals { max }, Lang::En) => format!("Too many decimals (at most {max})."),
            (InputError::NotAWholeNumber, Lang::Sv) => "Ange ett heltal, till exempel 20.".into(),
            (InputError::NotAWholeNumber, Lang::En) => "Enter a whole number, for example 20.".into(),
            (InputError::TooLarge, Lang::Sv) => "Talet är för stort.".into(),
            (InputError::TooLarge, Lang::En) => "The number is too large.".into(),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

const SPACES: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\t'];

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Amount,
    Percent,
    Whole,
}

/// Removes a trailing unit word, case-insensitively.
fn strip_unit<'t>(text: &'t str, units: &[&str]) -> &'t str {
    for unit in units {
        if text.len() >= unit.len() && text.is_char_boundary(text.len() - unit.len()) {
            let (head, tail) = text.split_at(text.len() - unit.len());
            if tail.eq_ignore_ascii_case(unit) {
                return head.trim_end_matches(SPACES);
            }
        }
    }
    text
}

/// The sign, the whole digits (separators removed) and the decimals as typed.
struct Typed {
    negative: bool,
    int: String,
    frac: Option<String>,
}

fn split(text: &str, unit: Unit) -> Result<Typed, InputError> {
    let text = text.trim_matches(SPACES).trim();
    if text.is_empty() {
        return Err(InputError::Missing);
    }
    let body = match unit {
        Unit::Amount => strip_unit(text, &["kronor", "kr.", "kr", "sek"]),
        Unit::Percent => strip_unit(text, &["procent", "%"]),
        Unit::Whole => text,
    };
    let (negative, body) = match body.chars().next() {
        Some(c @ ('-' | '−' | '–' | '+')) => (c != '+', body[c.len_utf8()..].trim_start_matches(SPACES)),
        _ => (false, body),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || SPACES.contains(&c)) {
        return Err(InputError::NotANumber);
    }
    let mut parts = body.split(',');
    let int_text = parts.next().unwrap_or("");
    let frac = parts.next();
    if parts.next().is_some() {
        return Err(InputError::NotANumber);
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InputError::NotANumber);
        }
    }
    let groups: Vec<&str> = int_text.split(|c: char| c == '.' || SPACES.contains(&c)).collect();
    let int = if groups.len() == 1 {
        if int_text.is_empty() && frac.is_none() {
            return Err(InputError::NotANumber);
        }
        int_text.to_string()
    } else {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !(first_ok && rest_ok) {
            // One dot between digits and no comma: a decimal point, or thousands with a digit
            // missing. Refuse it and say how to write either.
            let one_dot = int_text.matches('.').count() == 1 && !int_text.contains(SPACES) && frac.is_none();
            if one_dot && groups.iter().all(|g| !g.is_empty()) {
                let (whole, decimals) = (groups[0], groups[1]);
                let thousands = format!("{whole}{decimals:0<3}");
                return Err(InputError::AmbiguousSeparator {
                    text: text.to_string(),
                    decimal: format!("{whole},{decimals}"),
                    thousands: super::format::grouped(&thousands, Lang::Sv, true),
                });
            }
            return Err(InputError::NotANumber);
        }
        groups.concat()
    };
    Ok(Typed { negative, int, frac: frac.map(str::to_string) })
}

fn decimal(t: &Typed) -> Result<Decimal, InputError> {
    // The JSON spelling that parse_decimal reads has no leading zeros.
    let int = t.int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let plain = match &t.frac {
        Some(f) => format!("{}{int}.{f}", if t.negative { "-" } else { "" }),
        None => format!("{}{int}", if t.negative { "-" } else { "" }),
    };
    parse_decimal(&plain).map(|d| d.normalize()).map_err(|e| match e {
        NumberError::TooManyDecimals => InputError::TooManyDecimals { max: 28 },
        NumberError::OutOfRange => InputError::TooLarge,
        _ => InputError::NotANumber,
    })
}

/// An amount in kronor as typed: `"120 000 kr"`, `"35 000,50"`, `"120.000"`, `"−5"`.
///
/// ```
/// use samkalk::present::parse_amount;
/// assert_eq!(parse_amount("120 000 kr").unwrap().to_string(), "120000");
/// assert_eq!(parse_amount("120.000").unwrap().to_string(), "120000");
/// assert_eq!(parse_amount("35 000,50").unwrap().to_string(), "35000.5");
/// assert_eq!(parse_amount("120.00").unwrap_err().code(), "ambiguous_separator");
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, InputError> {
    decimal(&split(text, Unit::Amount)?)
}

/// A percentage as typed, returned as the share: `"30 %"` → 0.3, `"12,5"` → 0.125 (exactly:
/// the decimal point moves two places).
///
/// ```
/// use samkalk::present::parse_percent;
/// assert_eq!(parse_percent("30 %").unwrap().to_string(), "0.3");
/// assert_eq!(parse_percent("12,5").unwrap().to_string(), "0.125");
/// ```
pub fn parse_percent(text: &str) -> Result<Decimal, InputError> {
    let value = decimal(&split(text, Unit::Percent)?).map_err(|e| match e {
        InputError::TooManyDecimals { .. } => InputError::TooManyDecimals { max: 26 },
        e => e,
    })?;
    let scale = value.scale() + 2;
    if scale > 28 {
        return Err(InputError::TooManyDecimals { max: 26 });
    }
    Decimal::try_from_i128_with_scale(value.mantissa(), scale).map(|d| d.normalize()).map_err(|_| InputError::TooLarge)
}

/// A whole number as typed: `"20"`, `"1 200"`, `"−3"`; `"2,5"` is `not_a_whole_number`.
///
/// ```
/// use samkalk::present::parse_whole;
/// assert_eq!(parse_whole("1 200"), Ok(1200));
/// assert_eq!(parse_whole("2,5").unwrap_err().code(), "not_a_whole_number");
/// ```
pub fn parse_whole(text: &str) -> Result<i64, InputError> {
    let typed = split(text, Unit::Whole)?;
    if typed.frac.is_some() {
        // Still say "too large" or "not a number" first when that is what it is.
        decimal(&typed)?;
        return Err(InputError::NotAWholeNumber);
    }
    let d = decimal(&typed)?;
    i64::try_from(d).map_err(|_| InputError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::format::{kronor, kronor_ore, percent};
    use crate::result::fixed;
    use proptest::prelude::*;

    fn amount(t: &str) -> String {
        match parse_amount(t) {
            Ok(d) => d.to_string(),
            Err(e) => e.code().to_string(),
        }
    }
    fn share(t: &str) -> String {
        match parse_percent(t) {
            Ok(d) => d.to_string(),
            Err(e) => e.code().to_string(),
        }
    }

    #[test]
    fn swedish_amounts() {
        assert_eq!(amount("120 000"), "120000");
        assert_eq!(amount("120 000 kr"), "120000");
        assert_eq!(amount("120\u{a0}000"), "120000");
        assert_eq!(amount("120\u{202f}000 kronor"), "120000");
        assert_eq!(amount("35 000,50"), "35000.5");
        assert_eq!(amount("−5"), "-5");
        assert_eq!(amount("- 5 kr"), "-5");
        assert_eq!(amount("+7"), "7");
        assert_eq!(amount(",5"), "0.5");
        assert_eq!(amount("120.000"), "120000");
        assert_eq!(amount("1.234.567"), "1234567");
        assert_eq!(amount("1.234.567,25"), "1234567.25");
        assert_eq!(amount("40000 SEK"), "40000");
        assert_eq!(amount("0"), "0");
        assert_eq!(amount("007"), "7");
        assert_eq!(amount("0,50"), "0.5");
        assert_eq!(amount("120.00"), "ambiguous_separator");
        assert_eq!(amount("1.5"), "ambiguous_separator");
        assert_eq!(amount("1.2345"), "ambiguous_separator");
        assert_eq!(amount(""), "missing");
        assert_eq!(amount("   "), "missing");
        assert_eq!(amount("abc"), "not_a_number");
        assert_eq!(amount("12a"), "not_a_number");
        assert_eq!(amount("1,2,3"), "not_a_number");
        assert_eq!(amount("12 34"), "not_a_number");
        assert_eq!(amount("1..000"), "not_a_number");
        assert_eq!(amount("12,"), "not_a_number");
        assert_eq!(amount("kr"), "not_a_number");
        assert_eq!(amount("30 %"), "not_a_number");
        assert_eq!(amount("1e5"), "not_a_number");
        assert_eq!(amount("1,00000000000000000000000000001"), "too_many_decimals");
        assert_eq!(amount("100 000 000 000 000 000 000 000 000 000"), "too_large");
    }

    #[test]
    fn ambiguous_message_suggests_both() {
        let e = parse_amount("120.00").unwrap_err();
        assert_eq!(
            e.message(Lang::Sv),
            "\"120.00\" kan läsas på två sätt: skriv \"120,00\" med decimalkomma, eller \"120 000\" med mellanslag mellan tusental."
        );
        assert_eq!(
            e.message(Lang::En),
            "\"120.00\" is ambiguous: write \"120,00\" with a decimal comma, or \"120 000\" with a space between thousands."
        );
        assert_eq!(parse_amount("").unwrap_err().message(Lang::Sv), "Fyll i ett värde.");
    }

    #[test]
    fn swedish_percentages() {
        assert_eq!(share("30 %"), "0.3");
        assert_eq!(share("30%"), "0.3");
        assert_eq!(share("12,5"), "0.125");
        assert_eq!(share("100"), "1");
        assert_eq!(share("0,0001"), "0.000001");
        assert_eq!(share("−2,5 procent"), "-0.025");
        assert_eq!(share(""), "missing");
        assert_eq!(share("%"), "not_a_number");
        assert_eq!(share("12.5"), "ambiguous_separator");
        assert_eq!(share("0,000000000000000000000000001"), "too_many_decimals");
        assert_eq!(parse_percent("0,000000000000000000000000001").unwrap_err().message(Lang::Sv), "För många decimaler (högst 26).");
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("20"), Ok(20));
        assert_eq!(parse_whole("1 200"), Ok(1200));
        assert_eq!(parse_whole("2.026"), Ok(2026));
        assert_eq!(parse_whole("−3"), Ok(-3));
        assert_eq!(parse_whole("2,5"), Err(InputError::NotAWholeNumber));
        assert_eq!(parse_whole(""), Err(InputError::Missing));
        assert_eq!(parse_whole("20 kr"), Err(InputError::NotANumber));
        assert_eq!(parse_whole("99999999999999999999"), Err(InputError::TooLarge));
    }

    proptest! {
        #[test]
        fn no_parser_panics(text in "\\PC*") {
            let _ = parse_amount(&text).map(|d| d.to_string());
            let _ = parse_percent(&text);
            let _ = parse_whole(&text);
        }

        #[test]
        fn no_parser_panics_on_number_like_text(text in "[-−+ \u{a0}0-9.,%kr]{0,40}") {
            if let Err(e) = parse_amount(&text) {
                prop_assert!(!e.message(Lang::Sv).is_empty());
            }
            let _ = parse_percent(&text);
            let _ = parse_whole(&text);
        }

        #[test]
        fn amounts_round_trip(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28) {
            let x = Decimal::from_parts(lo, mid, hi, neg, scale);
            let ore = kronor_ore(x, Lang::Sv);
            prop_assert_eq!(fixed(parse_amount(&ore).unwrap(), 2), fixed(x, 2));
            let whole = kronor(x, Lang::Sv);
            prop_assert_eq!(fixed(parse_amount(&whole).unwrap(), 0), fixed(x, 0));
            // With a no-break space, as a page may write it.
            prop_assert_eq!(fixed(parse_amount(&ore.replace(' ', "\u{a0}")).unwrap(), 2), fixed(x, 2));
        }

        #[test]
        fn percents_round_trip(m in -10_000_000_000_000i64..10_000_000_000_000, scale in 0u32..=28) {
            let x = Decimal::new(m, scale);
            let text = percent(x, Lang::Sv);
            prop_assert_eq!(fixed(parse_percent(&text).unwrap(), 3), fixed(x, 3));
        }
    }
}
