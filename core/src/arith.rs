//! Checked decimal arithmetic: within MODEL.md's limits nothing overflows, but a typed
//! scenario built in Rust may skip validation, and an overflow must be an error, never a panic.

use rust_decimal::Decimal;

/// The calculation left the range of 28-digit decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

pub type Calc<T> = Result<T, Overflow>;

#[inline]
pub fn add(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_add(b).ok_or(Overflow)
}
#[inline]
pub fn sub(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_sub(b).ok_or(Overflow)
}
#[inline]
pub fn mul(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_mul(b).ok_or(Overflow)
}
#[inline]
pub fn div(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_div(b).ok_or(Overflow)
}
