//! Price years: the prisbasbelopp by year, with sources, and the restatement of an amount
//! from one year's prices to another's by their ratio (docs/method.md, "Price years").

use rust_decimal::Decimal;

use crate::arith::{mul, Calc, Overflow};

/// A year's prisbasbelopp with its source.
///
/// ```
/// let entry: &samkalk::tax::PriceIndexEntry = samkalk::tax::tax_data().prices.iter().find(|p| p.year == 2026).unwrap();
/// assert_eq!(entry.prisbasbelopp.to_string(), "59200");
/// assert!(!entry.source.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PriceIndexEntry {
    /// The year.
    pub year: i64,
    /// The prisbasbelopp in kronor.
    pub prisbasbelopp: Decimal,
    /// Where it comes from (publisher, document, year).
    pub source: String,
    /// `two`, `one` or `not` (see data/tax.toml).
    pub verified: String,
}

/// The prisbasbelopp of `year`, if the index holds it.
///
/// ```
/// assert_eq!(samkalk::tax::prisbasbelopp(2025).unwrap().to_string(), "58800");
/// assert_eq!(samkalk::tax::prisbasbelopp(1900), None);
/// ```
pub fn prisbasbelopp(year: i64) -> Option<Decimal> {
    super::tax_data().prices.iter().find(|p| p.year == year).map(|p| p.prisbasbelopp)
}

/// The years the price index holds, ascending.
///
/// ```
/// let years = samkalk::tax::price_years();
/// assert!(years.contains(&2017) && years.contains(&2026));
/// assert!(years.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn price_years() -> Vec<i64> {
    super::tax_data().prices.iter().map(|p| p.year).collect()
}

/// The index ratio pbb(to) / pbb(from) as a pair (numerator, denominator), so that callers
/// can divide last; None when a year is outside the index.
pub(crate) fn index_ratio(from: i64, to: i64) -> Option<(Decimal, Decimal)> {
    Some((prisbasbelopp(to)?, prisbasbelopp(from)?))
}

/// `amount` in `from` prices restated to `to` prices: amount × pbb(to) / pbb(from), divided
/// last. None when a year is outside the index.
///
/// ```
/// use samkalk::tax::restate;
/// // By the prisbasbelopp: 44 800 kr in 2017 are 58 800 kr in 2025.
/// assert_eq!(restate("44800".parse().unwrap(), 2017, 2025).unwrap().unwrap().to_string(), "58800");
/// assert!(restate("1".parse().unwrap(), 1900, 2025).is_none());
/// ```
pub fn restate(amount: Decimal, from: i64, to: i64) -> Option<Calc<Decimal>> {
    let (num, den) = index_ratio(from, to)?;
    if from == to {
        return Some(Ok(amount));
    }
    Some(mul(amount, num).and_then(|x| x.checked_div(den).ok_or(Overflow)))
}
