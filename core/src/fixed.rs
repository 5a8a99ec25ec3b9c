//! The calculation's numbers: [`Num`] is what the cohort and summary code needs of a number,
//! with two implementations that give the same results value for value and scale for scale:
//! rust_decimal's [`Decimal`] (the reference) and [`Fx`], the same decimal held as an i128
//! mantissa and a scale, whose exact sums and products are a few integer instructions.
//!
//! Fx mirrors rust_decimal instead of approximating it: an addition, subtraction or
//! multiplication whose exact result rust_decimal can hold (|mantissa| < 2^96 at the scale
//! rust_decimal gives it, that scale ≤ 28) is computed on the integers, where rust_decimal is
//! exact too; every other operation (a product that needs rounding, any division, an overflow)
//! is handed to rust_decimal itself with the operands rebuilt bit for bit. So the two never
//! differ, not even in a rounded digit, and overflow stays the same fault.

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
        by_decimal(arith::div, self, other)
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
        } else if self.m.unsigned_abs() > POW10[self.s as usize] {
            Fx::ONE // above 1: m / 10^s > 1
        } else {
            self
        }
    }
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
