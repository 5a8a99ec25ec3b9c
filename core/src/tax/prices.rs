//! Price years: the prisbasbelopp by year, with sources, and the restatement of an amount
//! from one year's prices to another's by their ratio (docs/method.md, "Price years").

use rust_decimal::Decimal;

use crate::arith::{mul, Calc, Overflow};

/// A year's prisbasbelopp with its source.
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
pub fn prisbasbelopp(year: i64) -> Option<Decimal> {
    super::tax_data().prices.iter().find(|p| p.year == year).map(|p| p.prisbasbelopp)
}

/// The years the price index holds, ascending.
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
pub fn restate(amount: Decimal, from: i64, to: i64) -> Option<Calc<Decimal>> {
    let (num, den) = index_ratio(from, to)?;
    if from == to {
        return Some(Ok(amount));
    }
    Some(mul(amount, num).and_then(|x| x.checked_div(den).ok_or(Overflow)))
}
