//! Version 2, pathways: an outcome's effect population month by month over the states its
//! onward moves reach (docs/method.md, "The effect population, month by month").
//!
//! Occupancy is held as an integer count of 10^-28 (a person per unit of P), and each month's
//! value is computed exactly in wide integers before it is rounded to 28 decimals: every
//! implementation that follows the method gets the same digits, however long the population
//! decays or moves.

use rust_decimal::Decimal;

use crate::arith::{Calc, Overflow};
use crate::scenario::Outcome;

/// 10^28: one whole person per unit of P, in units of 10^-28.
const UNIT: u128 = 10_000_000_000_000_000_000_000_000_000;

/// A nonnegative integer below 2^384, little-endian 64-bit limbs: room for an occupancy
/// (< 2^94) times a retention and a share (each < 2^94) summed over 21 terms. Its operations
/// are not inlined: unrolled into every caller they would cost the WebAssembly build more than
/// the calls cost in time.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
struct Wide([u64; 6]);

impl Wide {
    fn from_u128(x: u128) -> Wide {
        Wide([x as u64, (x >> 64) as u64, 0, 0, 0, 0])
    }

    #[inline(never)]
    fn add(self, other: Wide) -> Calc<Wide> {
        let mut out = [0u64; 6];
        let mut carry = 0u128;
        for (i, slot) in out.iter_mut().enumerate() {
            let s = u128::from(self.0[i]) + u128::from(other.0[i]) + carry;
            *slot = s as u64;
            carry = s >> 64;
        }
        if carry != 0 {
            return Err(Overflow);
        }
        Ok(Wide(out))
    }

    #[inline(never)]
    fn mul_u64(self, b: u64) -> Calc<Wide> {
        let mut out = [0u64; 6];
        let mut carry = 0u128;
        for (i, slot) in out.iter_mut().enumerate() {
            let p = u128::from(self.0[i]) * u128::from(b) + carry;
            *slot = p as u64;
            carry = p >> 64;
        }
        if carry != 0 {
            return Err(Overflow);
        }
        Ok(Wide(out))
    }

    #[inline(never)]
    fn mul_u128(self, b: u128) -> Calc<Wide> {
        let low = self.mul_u64(b as u64)?;
        let high = self.mul_u64((b >> 64) as u64)?;
        if high.0[5] != 0 {
            return Err(Overflow);
        }
        let shifted = Wide([0, high.0[0], high.0[1], high.0[2], high.0[3], high.0[4]]);
        low.add(shifted)
    }

    /// Floor division by `d` > 0.
    #[inline(never)]
    fn div_u64(self, d: u64) -> Wide {
        let mut out = [0u64; 6];
        let mut rem = 0u128;
        for i in (0..6).rev() {
            let cur = (rem << 64) | u128::from(self.0[i]);
            out[i] = (cur / u128::from(d)) as u64;
            rem = cur % u128::from(d);
        }
        Wide(out)
    }

    fn to_u128(self) -> Calc<u128> {
        if self.0[2..].iter().any(|&l| l != 0) {
            return Err(Overflow);
        }
        Ok(u128::from(self.0[0]) | (u128::from(self.0[1]) << 64))
    }

    /// self / 10^k rounded half up (the values are never negative), for k ≥ 1.
    #[inline(never)]
    fn div_pow10_round(self, k: u32) -> Calc<u128> {
        let mut half = Wide::from_u128(5);
        for _ in 1..k {
            half = half.mul_u64(10)?;
        }
        let mut x = self.add(half)?;
        let mut left = k;
        while left > 0 {
            let step = left.min(19);
            x = x.div_u64(10u64.pow(step));
            left -= step;
        }
        x.to_u128()
    }
}

/// A rate in [0, 1] in units of 10^-28 (exact: it has at most 28 decimals).
fn units(rate: Decimal) -> Calc<u128> {
    if rate.is_sign_negative() && !rate.is_zero() {
        return Err(Overflow);
    }
    let scale = rate.scale();
    let mantissa = rate.mantissa().unsigned_abs();
    let u = mantissa.checked_mul(10u128.pow(28 - scale.min(28))).ok_or(Overflow)?;
    if u > UNIT {
        return Err(Overflow);
    }
    Ok(u)
}

/// Units of 10^-28 as a decimal: exact when it fits in 28-digit decimals, else rounded half up
/// to 27 decimals (a yearly sum of twelve months can reach 12).
pub(crate) fn decimal_of_units(u: u128) -> Calc<Decimal> {
    match Decimal::try_from_i128_with_scale(i128::try_from(u).map_err(|_| Overflow)?, 28) {
        Ok(d) => Ok(d),
        Err(_) => Decimal::try_from_i128_with_scale(i128::try_from(u / 10 + u128::from(u % 10 >= 5)).map_err(|_| Overflow)?, 27)
            .map_err(|_| Overflow),
    }
}

struct PlannedMove {
    from: usize,
    /// None: to the origin, out of the effect.
    to: Option<usize>,
    share: u128,
    first: i64,
    every: Option<i64>,
}

impl PlannedMove {
    fn due(&self, m: i64) -> bool {
        m == self.first || matches!(self.every, Some(p) if p > 0 && m > self.first && (m - self.first) % p == 0)
    }
}

/// One outcome's effect population over the horizon, per unit of P.
pub(crate) struct Occupancy<'s> {
    /// The states the population can be in: the target first, then each state a move names
    /// (its `from`, its `to`) in order, the origin left out.
    pub states: Vec<&'s str>,
    /// Y(s, t): per year index, per state, the sum over the year's months of the occupancy
    /// (units of 10^-28).
    pub yearly: Vec<Vec<u128>>,
}

impl<'s> Occupancy<'s> {
    /// Y(s, t) as a decimal.
    pub(crate) fn year_sum(&self, t: usize, s: usize) -> Calc<Decimal> {
        decimal_of_units(self.yearly[t][s])
    }
}

/// The states an outcome's population can be in, in the order the method lists them: the
/// target, then each move's `from` and `to` as first named, without the origin.
pub(crate) fn outcome_states<'s>(outcome: &'s Outcome, origin: &str) -> Vec<&'s str> {
    let mut states: Vec<&str> = vec![&outcome.target];
    for m in &outcome.then {
        for id in [m.from_state(outcome), m.to.as_str()] {
            if id != origin && !states.contains(&id) {
                states.push(id);
            }
        }
    }
    states
}

/// The effect population of `outcome`, whose move month is `move_month`, month by month over
/// `years` years: steps 1–5 of the method in each month. Not inlined: the calculation and the
/// trace share one copy (it matters for the WebAssembly's size).
#[inline(never)]
pub(crate) fn occupancy<'s>(outcome: &'s Outcome, origin: &str, move_month: i64, years: usize) -> Calc<Occupancy<'s>> {
    let states = outcome_states(outcome, origin);
    let n = states.len();
    let mut yearly = vec![vec![0u128; n]; years];
    let end = 12 * years as i64;
    if move_month < 0 || move_month >= end {
        return Ok(Occupancy { states, yearly });
    }
    let index = |id: &str| states.iter().position(|s| *s == id);
    let mut moves = Vec::with_capacity(outcome.then.len());
    for m in &outcome.then {
        let from = index(m.from_state(outcome)).ok_or(Overflow)?;
        let to = if m.to == origin { None } else { Some(index(&m.to).ok_or(Overflow)?) };
        let first = move_month.checked_add(m.after_months).ok_or(Overflow)?;
        moves.push(PlannedMove { from, to, share: units(m.share)?, first, every: m.every_months });
    }
    let retention = units(outcome.retention)?;
    let move_year = move_month / 12;

    let mut pop = vec![0u128; n];
    let mut due: Vec<usize> = Vec::with_capacity(moves.len());
    // Per state: what leaves it this month (the sum of the due shares) and what arrives.
    let mut leaving = vec![0u128; n];
    for m in move_month..end {
        if m == move_month {
            pop[0] = UNIT;
        }
        let retained = m % 12 == 0 && m / 12 > move_year && retention != UNIT;
        due.clear();
        due.extend((0..moves.len()).filter(|&j| moves[j].due(m) && moves[j].share != 0));
        if retained || !due.is_empty() {
            leaving.iter_mut().for_each(|x| *x = 0);
            for &j in &due {
                leaving[moves[j].from] = leaving[moves[j].from].checked_add(moves[j].share).ok_or(Overflow)?;
            }
            let mut next = vec![0u128; n];
            for s in 0..n {
                // q(s) × (1 − what leaves s) + Σ q(from) × share of the moves into s, in units
                // of 10^-56, then × retention (units of 10^-84 when it applies).
                let stay = UNIT.checked_sub(leaving[s]).ok_or(Overflow)?;
                let mut exact = Wide::from_u128(pop[s]).mul_u128(stay)?;
                for &j in &due {
                    if moves[j].to == Some(s) {
                        exact = exact.add(Wide::from_u128(pop[moves[j].from]).mul_u128(moves[j].share)?)?;
                    }
                }
                next[s] = if retained { exact.mul_u128(retention)?.div_pow10_round(56)? } else { exact.div_pow10_round(28)? };
            }
            pop = next;
        }
        let year = &mut yearly[(m / 12) as usize];
        for s in 0..n {
            year[s] = year[s].checked_add(pop[s]).ok_or(Overflow)?;
        }
    }
    Ok(Occupancy { states, yearly })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Move;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn wide_rounds_half_up() {
        // 15 / 10 = 1.5 → 2; 14 / 10 → 1; 10^56 × 3 / 10^56 = 3.
        assert_eq!(Wide::from_u128(15).div_pow10_round(1).unwrap(), 2);
        assert_eq!(Wide::from_u128(14).div_pow10_round(1).unwrap(), 1);
        let big = Wide::from_u128(UNIT).mul_u128(UNIT).unwrap().mul_u64(3).unwrap();
        assert_eq!(big.div_pow10_round(56).unwrap(), 3);
        assert_eq!(Wide::from_u128(UNIT).mul_u128(UNIT).unwrap().div_pow10_round(28).unwrap(), UNIT);
    }

    #[test]
    fn a_third_each_month_rounds_at_28_places() {
        // From month 0, a third of the target moves to B every month: after one month the
        // target holds 2/3, rounded to 28 places (…6667), B 1/3 (…3333).
        let mut o = Outcome::new("A", Decimal::ONE);
        let mut m = Move::new("B", d("0.3333333333333333333333333333"));
        m.every_months = Some(1);
        o.then.push(m);
        let occ = occupancy(&o, "O", 0, 1).unwrap();
        assert_eq!(occ.states, vec!["A", "B"]);
        // Month 0: A = 1 − 0.333… = 0.6666666666666666666666666667 exactly.
        let month0 = occupancy(&o, "O", 11, 1).unwrap();
        assert_eq!(month0.yearly[0][0], 6_666_666_666_666_666_666_666_666_667);
        assert_eq!(month0.yearly[0][1], 3_333_333_333_333_333_333_333_333_333);
        // Conservation: the year's sums over A and B add to 12 whole units (12 months × 1).
        assert_eq!(occ.yearly[0][0] + occ.yearly[0][1], 12 * UNIT);
    }

    #[test]
    fn retention_applies_from_the_year_after_the_move() {
        let mut o = Outcome::new("A", Decimal::ONE);
        o.retention = d("0.5");
        let occ = occupancy(&o, "O", 6, 3).unwrap();
        assert_eq!(occ.yearly[0][0], 6 * UNIT);
        assert_eq!(occ.yearly[1][0], 6 * UNIT); // 12 months × 0.5
        assert_eq!(occ.yearly[2][0], 3 * UNIT); // 12 months × 0.25
        assert_eq!(decimal_of_units(12 * UNIT).unwrap(), Decimal::from(12));
    }
}
