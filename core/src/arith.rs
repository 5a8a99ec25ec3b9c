//! Checked decimal arithmetic: within MODEL.md's limits nothing overflows, but a typed
//! scenario built in Rust may skip validation, and an overflow must be an error, never a panic.

use rust_decimal::Decimal;

/// The calculation left the range of 28-digit decimals: the error of the per-person
/// arithmetic in [`crate::state`], [`crate::flow`] and [`crate::tax`], which a typed
/// scenario that skipped validation can reach. (The calculation proper turns it into a
/// fault with code [`crate::FaultCode::Overflow`].)
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::{Earnings, State};
/// let tax = samkalk::flow::Tax { municipal_rate: Decimal::ZERO, regional_rate: Decimal::ZERO, employer_contribution_rate: Decimal::ZERO };
/// // A monthly wage of Decimal::MAX has no yearly total.
/// let dream_job = State { earnings: Some(Earnings::new(Decimal::MAX)), ..State::default() };
/// let err = samkalk::state::yearly_net(&dream_job, &tax).unwrap_err();
/// assert_eq!(format!("{err:?}"), "Overflow");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

/// The result of checked arithmetic.
pub(crate) type Calc<T> = Result<T, Overflow>;

// Most of the figures an actor adds up are zero (an actor that does not finance a cohort,
// a state without flows to it); skipping them avoids rust_decimal's rescaling.
// Forced inlining pays natively; in wasm it costs ~90 KB of code for little gain.
#[cfg_attr(not(target_family = "wasm"), inline(always))]
#[cfg_attr(target_family = "wasm", inline)]
pub(crate) fn add(a: Decimal, b: Decimal) -> Calc<Decimal> {
    if b.is_zero() {
        return Ok(a);
    }
    if a.is_zero() {
        return Ok(b);
    }
    a.checked_add(b).ok_or(Overflow)
}
#[cfg_attr(not(target_family = "wasm"), inline(always))]
#[cfg_attr(target_family = "wasm", inline)]
pub(crate) fn sub(a: Decimal, b: Decimal) -> Calc<Decimal> {
    if b.is_zero() {
        return Ok(a);
    }
    if a.is_zero() {
        return Ok(-b);
    }
    a.checked_sub(b).ok_or(Overflow)
}
#[cfg_attr(not(target_family = "wasm"), inline(always))]
#[cfg_attr(target_family = "wasm", inline)]
pub(crate) fn mul(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_mul(b).ok_or(Overflow)
}
#[cfg_attr(not(target_family = "wasm"), inline(always))]
#[cfg_attr(target_family = "wasm", inline)]
pub(crate) fn div(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_div(b).ok_or(Overflow)
}

/// The same operations, never inlined: for code that runs a few times per outcome (version 2's
/// pathways and trace), where a call costs nothing measurable and inlining rust_decimal's
/// arithmetic at every site would cost the WebAssembly build tens of kilobytes.
pub(crate) mod outlined {
    use super::Calc;
    use rust_decimal::Decimal;

    #[inline(never)]
    pub(crate) fn add(a: Decimal, b: Decimal) -> Calc<Decimal> {
        super::add(a, b)
    }
    #[inline(never)]
    pub(crate) fn sub(a: Decimal, b: Decimal) -> Calc<Decimal> {
        super::sub(a, b)
    }
    #[inline(never)]
    pub(crate) fn mul(a: Decimal, b: Decimal) -> Calc<Decimal> {
        super::mul(a, b)
    }
    #[inline(never)]
    pub(crate) fn div(a: Decimal, b: Decimal) -> Calc<Decimal> {
        super::div(a, b)
    }
}
