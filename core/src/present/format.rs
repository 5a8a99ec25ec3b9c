//! Checked formatters for people. Each one writes any `Decimal` (the whole range, 28 decimals
//! or 29 digits) without panicking: numbers are rounded by [`crate::result::fixed`] (half away
//! from zero, exact) and then only rearranged as text, never multiplied.
//!
//! The decimals per quantity are in the table of [`crate::present`].

use rust_decimal::{Decimal, RoundingStrategy};

use crate::lang::Lang;
use crate::result::fixed;

/// Thousands separator and decimal mark of a language.
fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::Sv => (' ', ','),
        Lang::En => (',', '.'),
    }
}

/// `fixed` text (`-1234567.89`) regrouped: sign, grouped whole digits, the language's mark and
/// the decimals as written.
pub(crate) fn grouped(plain: &str, lang: Lang, group: bool) -> String {
    let (sep, mark) = marks(lang);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    out.push_str(sign);
    let n = int.chars().count();
    for (i, ch) in int.chars().enumerate() {
        if group && i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// The formatters by name, for bindings that take the kind as text (`"kronor"`, `"kronor_ore"`,
/// `"percent"`, `"ratio"`, `"rounded"`).
///
/// ```
/// use samkalk::{present::NumberFormat, Lang};
/// let f = NumberFormat::from_id("ratio").unwrap();
/// assert_eq!(f.write("1.2345".parse().unwrap(), Lang::Sv), "1,23");
/// assert!(NumberFormat::from_id("roman").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFormat {
    /// [`kronor`]: whole kronor.
    Kronor,
    /// [`kronor_ore`]: kronor with öre.
    KronorOre,
    /// [`percent`]: a share as a percentage.
    Percent,
    /// [`ratio`]: two decimals.
    Ratio,
    /// [`rounded_amount`]: an amount rounded for a sentence.
    Rounded,
}

impl NumberFormat {
    /// Every format with its name.
    ///
    /// ```
    /// use samkalk::present::NumberFormat;
    /// assert_eq!(NumberFormat::ALL.map(|(_, name)| name), ["kronor", "kronor_ore", "percent", "ratio", "rounded"]);
    /// assert!(NumberFormat::ALL.iter().all(|&(f, name)| NumberFormat::from_id(name) == Some(f)));
    /// ```
    pub const ALL: [(NumberFormat, &'static str); 5] = [
        (NumberFormat::Kronor, "kronor"),
        (NumberFormat::KronorOre, "kronor_ore"),
        (NumberFormat::Percent, "percent"),
        (NumberFormat::Ratio, "ratio"),
        (NumberFormat::Rounded, "rounded"),
    ];

    /// The format a name stands for; None for an unknown name.
    ///
    /// ```
    /// use samkalk::{present::NumberFormat, Lang};
    /// let f = NumberFormat::from_id("kronor").unwrap();
    /// assert_eq!(f.write("35000".parse().unwrap(), Lang::Sv), "35 000 kr");
    /// assert_eq!(NumberFormat::from_id("euro"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<NumberFormat> {
        NumberFormat::ALL.iter().find(|(_, name)| *name == id).map(|(f, _)| *f)
    }

    /// Writes `x` in this format.
    ///
    /// ```
    /// use samkalk::{present::NumberFormat, Lang};
    /// assert_eq!(NumberFormat::Ratio.write("1.2345".parse().unwrap(), Lang::En), "1.23");
    /// ```
    pub fn write(self, x: Decimal, lang: Lang) -> String {
        match self {
            NumberFormat::Kronor => kronor(x, lang),
            NumberFormat::KronorOre => kronor_ore(x, lang),
            NumberFormat::Percent => percent(x, lang),
            NumberFormat::Ratio => ratio(x, lang),
            NumberFormat::Rounded => rounded_amount(x, lang),
        }
    }
}

/// Money in whole kronor: `1 234 567 kr` (sv), `1,234,567 kr` (en), `-800 000 kr`.
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::{present::kronor, Lang};
/// let x: Decimal = "1234567.49".parse().unwrap();
/// assert_eq!(kronor(x, Lang::Sv), "1 234 567 kr");
/// assert_eq!(kronor(x, Lang::En), "1,234,567 kr");
/// ```
pub fn kronor(x: Decimal, lang: Lang) -> String {
    format!("{} kr", grouped(&fixed(x, 0), lang, true))
}

/// Money with öre: `1 234 567,89 kr` (sv), `1,234,567.89 kr` (en).
///
/// ```
/// use samkalk::{present::kronor_ore, Lang};
/// assert_eq!(kronor_ore("35000.5".parse().unwrap(), Lang::Sv), "35 000,50 kr");
/// ```
pub fn kronor_ore(x: Decimal, lang: Lang) -> String {
    format!("{} kr", grouped(&fixed(x, 2), lang, true))
}

/// A share as a percentage with one decimal: `6,8 %` (sv), `6.8%` (en).
///
/// The share is rounded to three decimals and its point moved two places, which is exactly the
/// percentage rounded to one decimal, with no multiplication that could overflow.
///
/// ```
/// use samkalk::{present::percent, Lang};
/// assert_eq!(percent("0.068345".parse().unwrap(), Lang::Sv), "6,8 %");
/// assert_eq!(percent("0.068345".parse().unwrap(), Lang::En), "6.8%");
/// ```
pub fn percent(share: Decimal, lang: Lang) -> String {
    let text = fixed(share, 3);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "000"));
    let (whole_part, tenth) = frac.split_at(frac.len().min(2));
    let whole = format!("{int}{whole_part}");
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let tenth = if tenth.is_empty() { "0" } else { tenth };
    let (_, mark) = marks(lang);
    match lang {
        Lang::Sv => format!("{sign}{whole}{mark}{tenth} %"),
        Lang::En => format!("{sign}{whole}{mark}{tenth}%"),
    }
}

/// A ratio (the benefit-cost ratio) with two decimals: `1,23` (sv), `1.23` (en).
///
/// ```
/// use samkalk::{present::ratio, Lang};
/// assert_eq!(ratio("1.2345".parse().unwrap(), Lang::Sv), "1,23");
/// assert_eq!(ratio("1.2345".parse().unwrap(), Lang::En), "1.23");
/// ```
pub fn ratio(x: Decimal, lang: Lang) -> String {
    grouped(&fixed(x, 2), lang, false)
}

/// A year, never with a thousands separator: `2026`.
///
/// ```
/// assert_eq!(samkalk::present::year(2026), "2026");
/// ```
pub fn year(y: i64) -> String {
    y.to_string()
}

/// A whole count with thousands separators: `2 000` (sv), `2,000` (en).
///
/// ```
/// use samkalk::{present::count, Lang};
/// assert_eq!(count(2000, Lang::Sv), "2 000");
/// ```
pub fn count(n: i64, lang: Lang) -> String {
    grouped(&n.to_string(), lang, true)
}

fn away(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount rounded for reading in a sentence (the exact figure belongs in a table):
/// three significant digits below a million (`850 000 kr`), else millions or billions with one
/// decimal, a trailing zero decimal dropped (`3,8 miljoner kr`, `1 miljon kr`,
/// `12 miljarder kr`; en `850,000 kronor`, `3.8 million kronor`, `12 billion kronor`).
///
/// ```
/// use samkalk::{present::rounded_amount, Lang};
/// assert_eq!(rounded_amount("3812345.67".parse().unwrap(), Lang::Sv), "3,8 miljoner kr");
/// assert_eq!(rounded_amount("849612".parse().unwrap(), Lang::Sv), "850 000 kr");
/// assert_eq!(rounded_amount("3812345.67".parse().unwrap(), Lang::En), "3.8 million kronor");
/// ```
pub fn rounded_amount(x: Decimal, lang: Lang) -> String {
    let million = Decimal::from(1_000_000);
    let whole = away(x, 0);
    if whole.abs() < million {
        let digits = whole.abs().to_string().len() as u32;
        let rounded = if digits > 3 {
            let unit = Decimal::from(10i64.pow(digits - 3));
            whole.checked_div(unit).map(|q| away(q, 0)).and_then(|q| q.checked_mul(unit)).unwrap_or(whole)
        } else {
            whole
        };
        if rounded.abs() < million {
            let unit = if lang == Lang::Sv { "kr" } else { "kronor" };
            return format!("{} {unit}", grouped(&fixed(rounded, 0), lang, true));
        }
    }
    let millions = x.checked_div(million).map(|m| away(m, 1)).unwrap_or_default();
    let (value, singular, plural, en) = if millions.abs() < Decimal::from(1000) {
        (millions, "miljon", "miljoner", "million")
    } else {
        let billions = x.checked_div(Decimal::from(1_000_000_000)).map(|b| away(b, 1)).unwrap_or_default();
        (billions, "miljard", "miljarder", "billion")
    };
    let plain = fixed(value, 1);
    let plain = plain.strip_suffix(".0").unwrap_or(&plain);
    let number = grouped(plain, lang, true);
    match lang {
        Lang::Sv => format!("{number} {} kr", if value.abs() == Decimal::ONE { singular } else { plural }),
        Lang::En => format!("{number} {en} kronor"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn exact_strings() {
        assert_eq!(kronor(d("1234567.49"), Lang::Sv), "1 234 567 kr");
        assert_eq!(kronor(d("-800000"), Lang::Sv), "-800 000 kr");
        assert_eq!(kronor(d("-0.4"), Lang::Sv), "0 kr");
        assert_eq!(kronor(d("999.5"), Lang::En), "1,000 kr");
        assert_eq!(kronor_ore(d("-1234567.895"), Lang::En), "-1,234,567.90 kr");
        assert_eq!(kronor_ore(d("0.004"), Lang::Sv), "0,00 kr");
        assert_eq!(percent(d("0.068345"), Lang::Sv), "6,8 %");
        assert_eq!(percent(d("1"), Lang::Sv), "100,0 %");
        assert_eq!(percent(d("0"), Lang::En), "0.0%");
        assert_eq!(percent(d("-0.0004"), Lang::Sv), "0,0 %");
        assert_eq!(percent(d("-0.0005"), Lang::Sv), "-0,1 %");
        assert_eq!(percent(d("0.00049"), Lang::Sv), "0,0 %");
        assert_eq!(percent(d("12.3456"), Lang::Sv), "1234,6 %");
        assert_eq!(percent(d("79228162514264337593543950335"), Lang::Sv), "7922816251426433759354395033500,0 %");
        assert_eq!(percent(d("0.0000000000000000000000000001"), Lang::En), "0.0%");
        assert_eq!(ratio(d("1.2345"), Lang::Sv), "1,23");
        assert_eq!(ratio(d("0.005"), Lang::En), "0.01");
        assert_eq!(ratio(d("-2"), Lang::Sv), "-2,00");
        assert_eq!(year(2026), "2026");
        assert_eq!(count(2000, Lang::Sv), "2 000");
        assert_eq!(count(-1234567, Lang::En), "-1,234,567");
    }

    #[test]
    fn rounded_amounts() {
        assert_eq!(rounded_amount(d("3812345.67"), Lang::Sv), "3,8 miljoner kr");
        assert_eq!(rounded_amount(d("-3812345.67"), Lang::Sv), "-3,8 miljoner kr");
        assert_eq!(rounded_amount(d("849612"), Lang::Sv), "850 000 kr");
        assert_eq!(rounded_amount(d("849612"), Lang::En), "850,000 kronor");
        assert_eq!(rounded_amount(d("12345"), Lang::Sv), "12 300 kr");
        assert_eq!(rounded_amount(d("987.4"), Lang::Sv), "987 kr");
        assert_eq!(rounded_amount(d("0"), Lang::Sv), "0 kr");
        assert_eq!(rounded_amount(d("999999"), Lang::Sv), "1 miljon kr");
        assert_eq!(rounded_amount(d("3000000"), Lang::Sv), "3 miljoner kr");
        assert_eq!(rounded_amount(d("12000000000"), Lang::Sv), "12 miljarder kr");
        assert_eq!(rounded_amount(d("12000000000"), Lang::En), "12 billion kronor");
        assert_eq!(rounded_amount(d("999950000"), Lang::Sv), "1 miljard kr");
        assert_eq!(rounded_amount(d("1234567890123"), Lang::Sv), "1 234,6 miljarder kr");
        assert_eq!(rounded_amount(d("79228162514264337593543950335"), Lang::En), "79,228,162,514,264,337,593.5 billion kronor");
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale))
    }

    proptest! {
        #[test]
        fn no_formatter_panics(x in any_decimal()) {
            for lang in Lang::ALL {
                let k = kronor(x, lang);
                prop_assert!(k.ends_with(" kr"));
                prop_assert!(!kronor_ore(x, lang).is_empty());
                let p = percent(x, lang);
                prop_assert!(p.ends_with('%'));
                prop_assert!(!ratio(x, lang).is_empty());
                prop_assert!(!rounded_amount(x, lang).is_empty());
            }
        }

        #[test]
        fn percent_is_the_rounded_share_times_100(x in any_decimal()) {
            // Within the range where multiplying is safe, the text equals the product's.
            if let Some(p) = x.checked_mul(Decimal::ONE_HUNDRED) {
                let expected = fixed(p, 1).replace('.', ",") + " %";
                prop_assert_eq!(percent(x, Lang::Sv), expected);
            }
        }
    }
}
