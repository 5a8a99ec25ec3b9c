//! The calculation's numbers: [`Num`] is what the cohort and summary code needs of a number,
//! with two implementations that give the same results value for value and scale for scale:
//! rust_decimal's [`Decimal`] (the reference) and [`Fx`], the same decimal held as an i128
//! mantissa and a scale, whose exact sums and products are a few integer instructions.
//!
//! Fx mirrors rust_decimal instead of approximating it: an addition, subtraction or
//! multiplication whose exact result rust_decimal can hold (|mantissa| < 2^96 at the scale
//! rust_decimal gives it, that scale ≤ 28) is computed on the integers, where rust_decimal is
//! exact too; a division by a 32-bit divisor replicates rust_decimal's digit extension and
//! rounding on integers; a break-even share is rounded from its exact fraction where that is
//! provably what rust_decimal's steps give; every other operation (a product that needs
//! rounding, any other division, an overflow) is handed to rust_decimal itself with the
//! operands rebuilt bit for bit. So the two never differ, not even in a rounded digit, and
//! overflow stays the same fault.

use rust_decimal::Decimal;

use crate::arith::{self, Calc, Overflow};
use crate::result::POW10;

/// What the calculation needs of a number. Each operation is rust_decimal's checked one as
/// [`crate::arith`] applies it (adding or subtracting zero returns the other operand as it is).
pub(crate) trait Num: Copy + std::fmt::Debug {
    const ZERO: Self;
    const ONE: Self;
    fn of(x: Decimal) -> Self;
    fn int(x: i64) -> Self;
    fn dec(self) -> Decimal;
    fn add(self, other: Self) -> Calc<Self>;
    fn sub(self, other: Self) -> Calc<Self>;
    fn mul(self, other: Self) -> Calc<Self>;
    fn div(self, other: Self) -> Calc<Self>;
    fn is_zero(self) -> bool;
    /// True when rounded to öre it is below zero ([`crate::result::negative_to_the_ore`]).
    fn negative_to_the_ore(self) -> bool;
    /// Rounded half away from zero to `dp` decimals, as [`crate::result::round_money`] rounds.
    fn round(self, dp: u32) -> Decimal;
    /// Clamped to [0, 1] as `Decimal::clamp(x, 0, 1)` clamps (0 and 1 at scale 0).
    fn clamp_unit(self) -> Self;
    /// The break-even share `c − b / a`, clamped to [0, 1] and rounded to `dp` decimals
    /// ([`unit_share`]: these operations in this order).
    #[inline]
    fn break_even_share(c: Self, b: Self, a: Self, dp: u32) -> Calc<Decimal> {
        unit_share(c, b, a, dp)
    }
}

/// `c − b / a` clamped to [0, 1] and rounded to `dp` decimals, each step rust_decimal's.
#[inline]
pub(crate) fn unit_share<N: Num>(c: N, b: N, a: N, dp: u32) -> Calc<Decimal> {
    Ok(c.sub(b.div(a)?)?.clamp_unit().round(dp))
}

impl Num for Decimal {
    const ZERO: Decimal = Decimal::ZERO;
    const ONE: Decimal = Decimal::ONE;
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn of(x: Decimal) -> Decimal {
        x
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn int(x: i64) -> Decimal {
        Decimal::from(x)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn dec(self) -> Decimal {
        self
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn add(self, other: Decimal) -> Calc<Decimal> {
        arith::add(self, other)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn sub(self, other: Decimal) -> Calc<Decimal> {
        arith::sub(self, other)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn mul(self, other: Decimal) -> Calc<Decimal> {
        arith::mul(self, other)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn div(self, other: Decimal) -> Calc<Decimal> {
        arith::div(self, other)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn is_zero(self) -> bool {
        Decimal::is_zero(&self)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn negative_to_the_ore(self) -> bool {
        crate::result::negative_to_the_ore(self)
    }
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    fn round(self, dp: u32) -> Decimal {
        crate::result::round_parts(self.mantissa(), self.scale(), dp)
    }
    #[inline]
    fn clamp_unit(self) -> Decimal {
        self.clamp(Decimal::ZERO, Decimal::ONE)
    }
}

/// A decimal as rust_decimal holds it: the value `m / 10^s` with |m| < 2^96 and s ≤ 28, and the
/// same scale rust_decimal would give it. (A negative zero is a zero.)
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fx {
    m: i128,
    s: u32,
}

/// One past the largest mantissa magnitude (96 bits).
const LIMIT: u128 = 1 << 96;
const MAX_SCALE: u32 = 28;

#[inline(always)]
fn signed(magnitude: u128, negative: bool) -> i128 {
    // magnitude < 2^96 wherever this is called.
    if negative {
        -(magnitude as i128)
    } else {
        magnitude as i128
    }
}

/// `m × 10^k` when it stays below 2^96, else None.
#[inline(always)]
fn scale_up(m: i128, k: u32) -> Option<i128> {
    let magnitude = m.unsigned_abs();
    let p = POW10[k as usize];
    // Below 2^64 both, one widening multiply; otherwise the checked one.
    let product = if (magnitude | p) >> 64 == 0 { magnitude * p } else { magnitude.checked_mul(p)? };
    (product < LIMIT).then(|| signed(product, m < 0))
}

impl Fx {
    /// m / 10^s > 1.
    #[inline(always)]
    fn above_one(self) -> bool {
        self.m.unsigned_abs() > POW10[self.s as usize]
    }

    /// The sum when rust_decimal's is exact: both at the larger scale, each and the sum below
    /// 2^96 (rust_decimal's result is then that sum at that scale).
    #[inline(always)]
    fn sum_exact(self, other: Fx) -> Option<Fx> {
        let (a, b, s) = if self.s == other.s {
            (self.m, other.m, self.s)
        } else if self.s > other.s {
            (self.m, scale_up(other.m, self.s - other.s)?, self.s)
        } else {
            (scale_up(self.m, other.s - self.s)?, other.m, other.s)
        };
        let m = a + b; // |a|, |b| < 2^96: no overflow
        (m.unsigned_abs() < LIMIT).then_some(Fx { m, s })
    }

    #[inline(always)]
    fn neg(self) -> Fx {
        Fx { m: -self.m, s: self.s }
    }
}

/// floor((2^96 − 1) / 10^k), k = 0..=9: the largest mantissa that 10^k can multiply without
/// leaving 96 bits (rust_decimal's POWER_OVERFLOW_VALUES, and its limit for 10^9).
const FITS_TIMES_POW10: [u128; 10] = {
    let mut table = [0u128; 10];
    let mut k = 0;
    while k < 10 {
        table[k] = (LIMIT - 1) / POW10[k];
        k += 1;
    }
    table
};

/// The high 32 bits of a 96-bit mantissa.
#[inline(always)]
fn hi32(x: u128) -> u32 {
    (x >> 64) as u32
}

/// rust_decimal's `Buf12::find_scale`: the power of ten (0–9) the quotient `q` may be scaled by
/// at `scale`, None for its overflow. The same comparisons on its high word, then on the low
/// 64 bits, so the same answer also where they are conservative.
#[inline]
fn find_scale(q: u128, scale: i32) -> Option<u32> {
    let hi = hi32(q);
    if hi > hi32(FITS_TIMES_POW10[1]) {
        return if scale < 0 { None } else { Some(0) };
    }
    if scale > 19 {
        let x = (28 - scale) as usize;
        if hi < hi32(FITS_TIMES_POW10[x]) {
            return Some(x as u32);
        }
    } else if q <= FITS_TIMES_POW10[9] {
        return Some(9);
    }
    // The largest x ≤ 8 whose limit's high word is not below hi (x = 1 always qualifies here),
    // one less when the high words are equal and the low 64 bits exceed the limit's.
    let mut x = 8;
    while hi > hi32(FITS_TIMES_POW10[x]) {
        x -= 1;
    }
    if hi == hi32(FITS_TIMES_POW10[x]) && (q as u64) > (FITS_TIMES_POW10[x] as u64) {
        x -= 1;
    }
    if x as i32 + scale < 0 {
        None
    } else {
        Some(x as u32)
    }
}

/// `x / 10^k` when 10^k divides x.
#[inline(always)]
fn exact_tenth(x: u128, k: usize) -> Option<u128> {
    let p = POW10[k];
    match u64::try_from(x) {
        Ok(x) => (x % p as u64 == 0).then(|| u128::from(x / p as u64)),
        Err(_) => (x % p == 0).then(|| x / p),
    }
}

/// rust_decimal's division of a mantissa `a` (< 2^96, not zero) by a 32-bit divisor mantissa
/// `d` at the scale difference `scale`: `div_impl`'s 32-bit branch, `div_remainder_32` and
/// `unscale`, step for step: the quotient is extended by up to nine digits at a time while
/// `find_scale` allows, then rounded half to even on the remainder, and trailing zeros are taken
/// off as `unscale` takes them (eight only while the low 32 bits are zero, then four, two and
/// one once each). Returns the magnitude and scale, or None where rust_decimal overflows or
/// takes a step back from an overflow (`unscale_from_overflow`): those are left to it.
fn divide_by_u32(a: u128, d: u32, mut scale: i32) -> Option<(u128, u32)> {
    let d = u64::from(d);
    let (mut q, mut r) = match u64::try_from(a) {
        Ok(a) => (u128::from(a / d), a % d),
        Err(_) => (a / u128::from(d), (a % u128::from(d)) as u64),
    };
    let mut require_unscale = false;
    let mut power = 0;
    loop {
        if r == 0 {
            if scale >= 0 {
                break;
            }
            power = 9.min(-scale) as u32;
        } else {
            require_unscale = true;
            let no_more_digits = scale == 28 || {
                power = find_scale(q, scale)?;
                power == 0
            };
            if no_more_digits {
                // The remainder decides: above half rounds up, exactly half rounds to even.
                if 2 * r > d || (2 * r == d && q & 1 == 1) {
                    q += 1;
                    if q >= LIMIT {
                        return None;
                    }
                }
                break;
            }
        }
        scale += power as i32;
        q *= POW10[power as usize]; // q < 2^96, 10^power ≤ 10^9: no u128 overflow
        if q >= LIMIT {
            return None;
        }
        let extended = r * POW10[power as usize] as u64; // r < 2^32, 10^9 < 2^30
        q += u128::from(extended / d);
        r = extended % d;
        if q >= LIMIT {
            return None;
        }
    }
    if require_unscale {
        while q as u32 == 0 && scale >= 8 {
            match exact_tenth(q, 8) {
                Some(x) => (q, scale) = (x, scale - 8),
                None => break,
            }
        }
        for (k, low_bits) in [(4, 0xF), (2, 0x3), (1, 0x1)] {
            if q as u32 & low_bits == 0 && scale >= k as i32 {
                if let Some(x) = exact_tenth(q, k) {
                    (q, scale) = (x, scale - k as i32);
                }
            }
        }
    }
    Some((q, scale as u32))
}

/// A division that does not come out exact at once (out of line: the calculation's loops keep
/// only the exact case inline). A divisor below 2^32 (12 months, a duration, most totals) is
/// divided by rust_decimal's own digit extension and rounding replicated on integers
/// ([`divide_by_u32`]); any other by rust_decimal.
#[inline(never)]
fn divide_slow(a: Fx, b: Fx) -> Calc<Fx> {
    if a.m == 0 {
        return Ok(Fx::ZERO);
    }
    if let Ok(d) = u32::try_from(b.m.unsigned_abs()) {
        if let Some((q, s)) = divide_by_u32(a.m.unsigned_abs(), d, a.s as i32 - b.s as i32) {
            return Ok(Fx { m: signed(q, (a.m < 0) != (b.m < 0)), s });
        }
    }
    by_decimal(arith::div, a, b)
}

/// The operation done by rust_decimal on the operands rebuilt exactly.
#[cold]
#[inline(never)]
fn by_decimal(op: fn(Decimal, Decimal) -> Calc<Decimal>, a: Fx, b: Fx) -> Calc<Fx> {
    op(a.dec(), b.dec()).map(Fx::of)
}

impl Num for Fx {
    const ZERO: Fx = Fx { m: 0, s: 0 };
    const ONE: Fx = Fx { m: 1, s: 0 };
    #[inline(always)]
    fn of(x: Decimal) -> Fx {
        Fx { m: x.mantissa(), s: x.scale() }
    }
    #[inline(always)]
    fn int(x: i64) -> Fx {
        // Decimal::from(i64): the integer at scale 0; every i64 is below 2^96.
        Fx { m: i128::from(x), s: 0 }
    }
    #[inline(always)]
    fn dec(self) -> Decimal {
        let u = self.m.unsigned_abs();
        Decimal::from_parts(u as u32, (u >> 32) as u32, (u >> 64) as u32, self.m < 0, self.s)
    }
    #[inline(always)]
    fn add(self, other: Fx) -> Calc<Fx> {
        if other.m == 0 {
            return Ok(self);
        }
        if self.m == 0 {
            return Ok(other);
        }
        match self.sum_exact(other) {
            Some(x) => Ok(x),
            None => by_decimal(arith::add, self, other),
        }
    }
    #[inline(always)]
    fn sub(self, other: Fx) -> Calc<Fx> {
        if other.m == 0 {
            return Ok(self);
        }
        if self.m == 0 {
            return Ok(other.neg());
        }
        match self.sum_exact(other.neg()) {
            Some(x) => Ok(x),
            None => by_decimal(arith::sub, self, other),
        }
    }
    #[inline(always)]
    fn mul(self, other: Fx) -> Calc<Fx> {
        // rust_decimal: a product with a zero is zero at scale 0.
        if self.m == 0 || other.m == 0 {
            return Ok(Fx::ZERO);
        }
        let s = self.s + other.s;
        if s <= MAX_SCALE {
            let (a, b) = (self.m.unsigned_abs(), other.m.unsigned_abs());
            let product = if (a | b) >> 64 == 0 { Some(a * b) } else { a.checked_mul(b) };
            if let Some(p) = product.filter(|p| *p < LIMIT) {
                return Ok(Fx { m: signed(p, (self.m < 0) != (other.m < 0)), s });
            }
        }
        by_decimal(arith::mul, self, other)
    }
    #[inline]
    fn div(self, other: Fx) -> Calc<Fx> {
        if other.m == 0 {
            return Err(Overflow);
        }
        // rust_decimal's division ends at once, with the integer quotient of the mantissas at
        // the scale difference, when that quotient leaves no remainder and the difference is
        // not negative (div_impl's fast exit); everything else, with its digit extension and
        // rounding, is rust_decimal's own.
        if self.s >= other.s {
            let (a, b) = (self.m.unsigned_abs(), other.m.unsigned_abs());
            let (q, r) = match (u64::try_from(a), u64::try_from(b)) {
                (Ok(a), Ok(b)) => (u128::from(a / b), a % b),
                _ => (a / b, u64::from(a % b != 0)),
            };
            if r == 0 {
                // A zero quotient (0 / x) is rust_decimal's zero at scale 0.
                if q == 0 {
                    return Ok(Fx::ZERO);
                }
                return Ok(Fx { m: signed(q, (self.m < 0) != (other.m < 0)), s: self.s - other.s });
            }
        }
        divide_slow(self, other)
    }
    #[inline(always)]
    fn is_zero(self) -> bool {
        self.m == 0
    }
    #[inline(always)]
    fn negative_to_the_ore(self) -> bool {
        // x ≤ −0.005 ⇔ m < 0 and |m| ≥ 5 × 10^(s − 3).
        if self.m >= 0 {
            return false;
        }
        let magnitude = self.m.unsigned_abs();
        if self.s >= 3 {
            magnitude >= 5 * POW10[(self.s - 3) as usize]
        } else {
            magnitude * POW10[(3 - self.s) as usize] >= 5
        }
    }
    #[inline(always)]
    fn round(self, dp: u32) -> Decimal {
        crate::result::round_parts(self.m, self.s, dp)
    }
    #[inline]
    fn clamp_unit(self) -> Fx {
        if self.m < 0 {
            Fx::ZERO
        } else if self.above_one() {
            Fx::ONE
        } else {
            self
        }
    }
    #[inline]
    fn break_even_share(c: Fx, b: Fx, a: Fx, dp: u32) -> Calc<Decimal> {
        match share_from_fraction(c, b, a, dp) {
            Some(share) => Ok(share),
            None => unit_share(c, b, a, dp),
        }
    }
}

/// `x × y`, or None when it does not fit an i128; without the overflow check when both fit
/// 64 bits.
#[inline(always)]
fn product(x: i128, y: i128) -> Option<i128> {
    if i64::try_from(x).is_ok() && i64::try_from(y).is_ok() {
        Some(x * y)
    } else {
        x.checked_mul(y)
    }
}

/// `x × 10^k`, or None when it does not fit an i128.
fn times_pow10(x: i128, k: u32) -> Option<i128> {
    let mut x = x;
    let mut k = k;
    while k > 28 {
        x = product(x, POW10[28] as i128)?;
        k -= 28;
    }
    if k == 0 {
        return Some(x);
    }
    product(x, POW10[k as usize] as i128)
}

/// [`unit_share`] without rust_decimal's division, where that gives the same decimal: `c − b/a`
/// as the exact fraction `n / d` of units of 10^−dp, rounded on its remainder.
///
/// rust_decimal's `b / a` differs from the exact quotient by at most a unit of its 28th
/// decimal when |b / a| < 1 (which holds when `c` is a share, as checked, and
/// 0 < c − b/a < 1), and `c` minus it is then exact. So the two round alike unless the exact
/// value lies within 2^−46 of a unit of 10^−dp (at least 10^−26 for dp ≤ 12) of a rounding
/// midpoint or of a multiple of 10^−dp (where the scale rust_decimal keeps could differ).
/// Those, values outside (0, 1) that clamping decides, and operands whose fraction does not
/// fit an i128 are None, left to [`unit_share`].
fn share_from_fraction(c: Fx, b: Fx, a: Fx, dp: u32) -> Option<Decimal> {
    let c_is_a_share = c.m >= 0 && !c.above_one();
    if a.m == 0 || dp > 12 || !c_is_a_share {
        return None;
    }
    // c − b/a = (c·a·10^b.s − b·10^(a.s + c.s)) / (a·10^(b.s + c.s)), all in units of 10^−dp.
    let (e_ca, e_b, e_d) = (b.s + dp, a.s + c.s + dp, b.s + c.s);
    let low = e_ca.min(e_b).min(e_d);
    let ca = times_pow10(product(c.m, a.m)?, e_ca - low)?;
    let mut n = ca.checked_sub(times_pow10(b.m, e_b - low)?)?;
    let mut d = times_pow10(a.m, e_d - low)?;
    if d < 0 {
        (n, d) = (n.checked_neg()?, d.checked_neg()?);
    }
    // A value at or below 0 is clamped (or lies on a multiple of 10^−dp).
    if n <= 0 {
        return None;
    }
    let (n, d) = (n as u128, d as u128);
    // u128 division is a library call; take the u64 one when both fit.
    let (whole, rest) = match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) => (u128::from(n / d), u128::from(n % d)),
        _ => {
            let q = n / d;
            (q, n - q * d)
        }
    };
    if whole >= POW10[dp as usize] {
        return None;
    }
    // d / 2^46 is more than 10^−14 of a unit of 10^−dp (dp ≤ 12): at least 10^−26, far above
    // the error bound.
    let margin = (d >> 46) + 1;
    let above = d - rest;
    if rest <= margin || above <= margin || rest.abs_diff(above) <= margin {
        return None;
    }
    // At most 10^12 (dp ≤ 12): a decimal's mantissa.
    let rounded = whole + u128::from(rest > above);
    Some(Fx { m: rounded as i128, s: dp }.dec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Decimals of every size and scale, biased toward the calculation's: small mantissas,
    /// mantissas near 2^96, scales 0–28.
    fn decimal() -> impl Strategy<Value = Decimal> {
        let mantissa = prop_oneof![
            -1000i128..1000,
            -10_000_000_000i128..10_000_000_000,
            any::<i64>().prop_map(i128::from),
            (-(1i128 << 95)..(1i128 << 95)),
            ((1i128 << 96) - 1000..(1i128 << 96)).prop_map(|m| m),
            (-(1i128 << 96) + 1..-(1i128 << 96) + 1000),
        ];
        let scale = prop_oneof![0u32..=6, 0u32..=28, 20u32..=28];
        (mantissa, scale).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
    }

    /// The same value at the same scale, or both zero (a zero's sign and scale reach no result:
    /// adding it returns the other operand, multiplying by it gives zero).
    fn same(fx: Calc<Fx>, reference: Calc<Decimal>) -> Result<(), TestCaseError> {
        match (fx, reference) {
            (Ok(a), Ok(b)) if b.is_zero() => prop_assert!(a.is_zero(), "{a:?} for 0"),
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.dec().serialize(), b.serialize());
            }
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "{a:?} against {b:?}"),
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn operations_are_rust_decimals(x in decimal(), y in decimal()) {
            let (a, b) = (Fx::of(x), Fx::of(y));
            prop_assert_eq!(a.dec().serialize(), x.serialize());
            same(a.add(b), arith::add(x, y))?;
            same(a.sub(b), arith::sub(x, y))?;
            same(a.mul(b), arith::mul(x, y))?;
            same(a.div(b), arith::div(x, y))?;
            prop_assert_eq!(a.is_zero(), x.is_zero());
            prop_assert_eq!(a.negative_to_the_ore(), crate::result::negative_to_the_ore(x));
            let clamped = x.clamp(Decimal::ZERO, Decimal::ONE);
            prop_assert_eq!(a.clamp_unit().dec(), clamped);
            prop_assert_eq!(a.clamp_unit().dec().scale(), clamped.scale());
            for dp in [2, 4, 6] {
                prop_assert_eq!(a.round(dp).serialize(), crate::result::round_parts(x.mantissa(), x.scale(), dp).serialize());
                prop_assert_eq!(a.round(dp), x.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Divisions that come out exact, and divisions by the calculation's small integers
        /// (12 months, a duration), which mostly do not.
        #[test]
        fn divisions_are_rust_decimals(y in decimal(), k in prop_oneof![1i128..30, any::<u32>().prop_map(i128::from)], sk in 0u32..=28, small in 1i64..=36) {
            let k_decimal = Decimal::from_i128_with_scale(k, sk.min(y.scale()));
            if let Some(x) = y.checked_mul(k_decimal) {
                same(Fx::of(x).div(Fx::of(y)), arith::div(x, y))?;
                same(Fx::of(x).div(Fx::of(k_decimal)), arith::div(x, k_decimal))?;
            }
            same(Fx::of(y).div(Fx::int(small)), arith::div(y, Decimal::from(small)))?;
            same(Fx::of(y).mul(Fx::int(small)).and_then(|p| p.div(Fx::int(12))), arith::mul(y, Decimal::from(small)).and_then(|p| arith::div(p, Decimal::from(12))))?;
        }
    }

    /// Operands of a break-even share: sums of present values of every size, and `b` made
    /// from a chosen share so the exact value falls on a multiple of 10^−6, on a rounding
    /// midpoint, 10^−7 beside one, or a hair (10^−15 to 10^−24) beside one.
    fn share_operands() -> impl Strategy<Value = (Decimal, Decimal, Decimal)> {
        let share = prop_oneof![(0i64..=1000).prop_map(|k| Decimal::new(k, 3)), (0i64..=100).prop_map(|k| Decimal::new(k, 2)), decimal()];
        let exact = (decimal(), share.clone(), 0i64..=1_000_000, prop_oneof![Just(0i64), Just(5), Just(4), Just(6), 0i64..10])
            .prop_filter_map("b = (c − t) × a fits", |(a, c, k, tenth)| {
                let target = Decimal::new(k * 10 + tenth, 7);
                let b = c.checked_sub(target)?.checked_mul(a)?;
                Some((a, b, c))
            });
        // Just beside a midpoint or a multiple (10^−15 to 10^−24 off it): rounded from the exact
        // fraction they must come out as rust_decimal's steps give them, or be left to them.
        let beside = (decimal(), share.clone(), 0i64..=1_000_000, prop_oneof![Just(0i64), Just(5)], 15u32..=24, any::<bool>())
            .prop_filter_map("b = (c − t) × a fits", |(a, c, k, tenth, depth, above)| {
                let step = Decimal::new(1, depth);
                let on = Decimal::new(k * 10 + tenth, 7);
                let target = if above { on.checked_add(step)? } else { on.checked_sub(step)? };
                let b = c.checked_sub(target)?.checked_mul(a)?;
                Some((a, b, c))
            });
        prop_oneof![(decimal(), decimal(), share), exact, beside]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The break-even share without rust_decimal's division is its share: the same value at
        /// the same scale, or the same overflow.
        #[test]
        fn break_even_shares_are_rust_decimals((a, b, c) in share_operands()) {
            let reference = unit_share(c, b, a, 6);
            let fx = Fx::break_even_share(Fx::of(c), Fx::of(b), Fx::of(a), 6);
            match (fx, reference) {
                (Ok(x), Ok(y)) => prop_assert_eq!(x.serialize(), y.serialize(), "{} {} {}: {} against {}", a, b, c, x, y),
                (Err(_), Err(_)) => {}
                (x, y) => prop_assert!(false, "{x:?} against {y:?}"),
            }
        }
    }

    #[test]
    fn a_break_even_share_inside_the_unit_is_found_without_dividing() {
        let d = |s: &str| Fx::of(s.parse().unwrap());
        // NPV(s) = A (s − c) + B with A = 1 234 567.89 kr, B = −456 789.12 kr, c = 0.05.
        let share = share_from_fraction(d("0.05"), d("-456789.12"), d("1234567.89"), 6);
        assert_eq!(share.map(|s| s.to_string()), Some("0.419999".into()));
        assert_eq!(
            unit_share("0.05".parse::<Decimal>().unwrap(), "-456789.12".parse().unwrap(), "1234567.89".parse().unwrap(), 6)
                .unwrap()
                .to_string(),
            "0.419999"
        );
        // On a multiple of 10^−6 (0.25 exactly) and outside the unit it is left to rust_decimal.
        assert_eq!(share_from_fraction(d("0"), d("-1"), d("4"), 6), None);
        assert_eq!(share_from_fraction(d("0"), d("-5"), d("4"), 6), None);
    }

    /// Divisors whose quotients end (powers of 2 and 5, so the digit extension stops and the
    /// rounding often falls on an exact half), the calculation's small ones, and any u32.
    fn u32_divisor() -> impl Strategy<Value = u32> {
        prop_oneof![
            (0u32..32).prop_map(|k| 1u32 << k),
            (0u32..14).prop_map(|k| 5u32.pow(k)),
            (0u32..10).prop_map(|k| 10u32.pow(k)),
            (0u32..10, 0u32..4).prop_map(|(i, j)| 2u32.pow(i) * 5u32.pow(j) * 3),
            1u32..40,
            any::<u32>(),
            (u32::MAX - 1000..=u32::MAX),
        ]
        .prop_map(|d| d.max(1))
    }

    /// Dividends of every size (28 and 29 digits included) and odd mantissas at the largest
    /// scales, whose halves are exact midpoints.
    fn dividend() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            decimal(),
            ((0i128..(1i128 << 95)).prop_map(|m| 2 * m + 1), 20u32..=28, any::<bool>())
                .prop_map(|(m, s, negative)| Decimal::from_i128_with_scale(if negative { -m } else { m }, s)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200_000))]
        /// The integer replica of rust_decimal's division by a 32-bit divisor: the same value at
        /// the same scale as rust_decimal's, or rust_decimal's own answer where it is left to it.
        #[test]
        fn division_by_a_u32_is_rust_decimals(x in dividend(), d in u32_divisor(), sd in 0u32..=28, negative in any::<bool>()) {
            let y = Decimal::from_parts(d, 0, 0, negative, sd);
            same(Fx::of(x).div(Fx::of(y)), arith::div(x, y))?;
            if !x.is_zero() {
                if let Some((q, s)) = divide_by_u32(x.mantissa().unsigned_abs(), d, x.scale() as i32 - sd as i32) {
                    let reference = arith::div(x.abs(), y.abs()).map_err(|_| TestCaseError::fail("rust_decimal overflowed"))?;
                    prop_assert_eq!((q, s), (reference.mantissa().unsigned_abs(), reference.scale()));
                }
            }
        }
    }

    /// Millions of divisions by 32-bit divisors from a fixed xorshift sequence (the same on every
    /// run), against rust_decimal value, scale and overflow alike: the proptest above with many
    /// more cases than it can afford.
    #[test]
    fn millions_of_divisions_by_a_u32_are_rust_decimals() {
        let mut next = crate::generated::generated_sequence(0x2545_F491_4F6C_DD1D);
        let mut checked = 0u32;
        for _ in 0..2_000_000 {
            let (r1, r2, r3) = (next(), next(), next());
            // The dividend's size: a few digits, 64 bits, 96 bits, or an odd one near the top.
            let bits = [8u32, 20, 40, 64, 80, 96][(r1 % 6) as usize];
            let wide = (u128::from(r2) << 64 | u128::from(r3)) & ((1u128 << bits) - 1);
            let m = if r1 >> 60 == 0 { wide | 1 } else { wide };
            if m == 0 {
                continue;
            }
            let sx = ((r1 >> 8) % 29) as u32;
            let d = match (r1 >> 16) % 5 {
                0 => 1u32 << ((r2 >> 3) % 32),
                1 => 5u32.pow(((r2 >> 3) % 14) as u32),
                2 => (r2 % 40) as u32 + 1,
                3 => [12, 18, 24, 36, 6, 3][(r2 % 6) as usize],
                _ => (r3 >> 32) as u32,
            }
            .max(1);
            let sd = ((r1 >> 24) % 29) as u32;
            let x = Decimal::from_i128_with_scale(m as i128, sx);
            let y = Decimal::from_parts(d, 0, 0, false, sd);
            let reference = arith::div(x, y);
            match (divide_by_u32(m, d, sx as i32 - sd as i32), reference) {
                (Some((q, s)), Ok(r)) => {
                    assert_eq!((q, s), (r.mantissa().unsigned_abs(), r.scale()), "{x} / {y}");
                    checked += 1;
                }
                (Some(q), Err(_)) => panic!("{x} / {y}: {q:?} where rust_decimal overflows"),
                (None, _) => {}
            }
            let fx = Fx::of(x).div(Fx::of(y));
            match (fx, reference) {
                (Ok(a), Ok(b)) => assert!(a.dec() == b && (b.is_zero() || a.dec().scale() == b.scale()), "{x} / {y}"),
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{x} / {y}: {a:?} against {b:?}"),
            }
        }
        // Most are decided by the replica (the rest overflow, or step back from an overflow, in
        // rust_decimal: very large dividends at a much smaller scale than the divisor's).
        assert!(checked > 1_700_000, "{checked}");
    }

    #[test]
    fn exact_results_keep_rust_decimals_scale() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let (a, b) = (Fx::of(d("1.50")), Fx::of(d("2.5")));
        assert_eq!(a.add(b).unwrap().dec().to_string(), "4.00");
        assert_eq!(a.mul(b).unwrap().dec().to_string(), "3.750");
        assert_eq!(a.sub(b).unwrap().dec().to_string(), "-1.00");
        // Needs rounding: rust_decimal's 28 digits.
        let third = Fx::ONE.div(Fx::int(3)).unwrap();
        assert_eq!(third.mul(third).unwrap().dec().to_string(), "0.1111111111111111111111111111");
        assert_eq!(Fx::of(d("5400000.00")).div(Fx::int(18)).unwrap().dec().to_string(), "300000.00");
        assert_eq!(Fx::of(d("7.5")).div(Fx::of(d("2.50"))).unwrap().dec().to_string(), "3.0");
        assert!(Fx::of(d("-0.005")).negative_to_the_ore());
        assert!(!Fx::of(d("-0.0049")).negative_to_the_ore());
    }
}
