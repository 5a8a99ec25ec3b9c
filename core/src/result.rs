//! The result: per actor and for society, year by year and over the horizon, and each cohort's
//! break-even shares. Values are held rounded as MODEL.md prints them (money to öre, shares to
//! six decimals, ratios to four), each rounded from the unrounded value.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::actor::{Actor, ACTOR_COUNT, SOCIETY_ID};
use crate::arith::{add, div, sub, Calc};
use crate::cohort::Horizon;

const POW10: [u128; 29] = {
    let mut table = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// Half away from zero to `dp` decimals. The result is the same as rust_decimal's
/// `round_dp_with_strategy(dp, MidpointAwayFromZero)` (a unit test checks), with one integer
/// division on the 96-bit mantissa instead of a digit-by-digit loop: rounding is most of the
/// time a calculation takes.
fn round(x: Decimal, dp: u32) -> Decimal {
    let scale = x.scale();
    if scale <= dp {
        return if x.is_zero() { Decimal::new(0, scale) } else { x };
    }
    let mantissa = x.mantissa(); // |mantissa| < 2^96
    let magnitude = mantissa.unsigned_abs();
    let unit = POW10[(scale - dp) as usize];
    // u128 division is a library call; take the u64 one when both fit.
    let q = match (u64::try_from(magnitude), u64::try_from(unit)) {
        (Ok(m), Ok(u)) => u128::from(m / u + u64::from((m % u) >= u - (m % u))),
        _ => magnitude / unit + u128::from((magnitude % unit) * 2 >= unit),
    };
    if q == 0 {
        return Decimal::new(0, dp); // never a negative zero
    }
    let signed = if mantissa < 0 { -(q as i128) } else { q as i128 };
    // q ≤ |mantissa|, so it fits.
    Decimal::try_from_i128_with_scale(signed, dp).unwrap_or_else(|_| x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

/// True when `x` rounded to öre is below zero, without rounding: x ≤ −0.005.
pub(crate) fn negative_to_the_ore(x: Decimal) -> bool {
    x <= HALF_ORE_BELOW_ZERO
}
const HALF_ORE_BELOW_ZERO: Decimal = Decimal::from_parts(5, 0, 0, true, 3);

/// To öre, half away from zero.
pub fn round_money(x: Decimal) -> Decimal {
    round(x, 2)
}
/// To six decimals.
pub fn round_share(x: Decimal) -> Decimal {
    round(x, 6)
}
/// To four decimals.
pub fn round_ratio(x: Decimal) -> Decimal {
    round(x, 4)
}

/// A number written with a fixed count of decimals, on the stack.
pub struct FixedText {
    bytes: [u8; 64],
    len: usize,
}

impl FixedText {
    /// Writes `x` rounded to `dp` decimals, always with exactly `dp` digits after the point,
    /// no exponent and no minus sign on zero. Written from the integer mantissa without
    /// allocating: a result is mostly these strings.
    pub fn new(x: Decimal, dp: u32) -> FixedText {
        let r = round(x, dp);
        let dp = dp.min(28) as usize;
        // |mantissa| < 2^96 and the scale is at most dp ≤ 28, so this fits in a u128.
        let Some(scaled) = r.mantissa().unsigned_abs().checked_mul(POW10[dp - (r.scale() as usize).min(dp)]) else {
            // Only for a caller's own very wide request (28 decimals of a 29-digit number):
            // no output of samkalk's comes near.
            return FixedText::from_display(r, dp);
        };
        let mut digits = [0u8; 40];
        let mut count = 0;
        // u128 division is a library call; nearly every amount fits in a u64.
        match u64::try_from(scaled) {
            Ok(mut n) => {
                while n > 0 || count <= dp {
                    digits[count] = b'0' + (n % 10) as u8;
                    n /= 10;
                    count += 1;
                }
            }
            Err(_) => {
                let mut n = scaled;
                while n > 0 || count <= dp {
                    digits[count] = b'0' + (n % 10) as u8;
                    n /= 10;
                    count += 1;
                }
            }
        }
        let mut out = FixedText { bytes: [0; 64], len: 0 };
        if r.is_sign_negative() && scaled != 0 {
            out.push(b'-');
        }
        for i in (0..count).rev() {
            out.push(digits[i]);
            if i == dp && dp > 0 {
                out.push(b'.');
            }
        }
        out
    }

    fn from_display(r: Decimal, dp: usize) -> FixedText {
        let text = r.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = FixedText { bytes: [0; 64], len: 0 };
        let mut write = |b: u8| {
            if out.len < out.bytes.len() {
                out.bytes[out.len] = b;
                out.len += 1;
            }
        };
        if r.is_sign_negative() && !r.is_zero() {
            write(b'-');
        }
        int.bytes().for_each(&mut write);
        if dp > 0 {
            write(b'.');
            frac.bytes().chain(std::iter::repeat(b'0')).take(dp).for_each(&mut write);
        }
        out
    }

    fn push(&mut self, b: u8) {
        self.bytes[self.len] = b;
        self.len += 1;
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '-' and '.' are written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// `x` rounded to `dp` decimals, as MODEL.md writes output numbers.
pub fn fixed(x: Decimal, dp: u32) -> String {
    FixedText::new(x, dp).as_str().to_string()
}

/// Serialises money as MODEL.md writes it: a string with two decimals.
pub(crate) fn money<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(FixedText::new(*x, 2).as_str())
}
fn money_list<S: Serializer>(xs: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(xs.len()))?;
    for x in xs {
        seq.serialize_element(FixedText::new(*x, 2).as_str())?;
    }
    seq.end()
}
fn ratio<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_str(FixedText::new(*x, 4).as_str()),
        None => s.serialize_none(),
    }
}
fn share<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_str(FixedText::new(*x, 6).as_str()),
        None => s.serialize_none(),
    }
}

/// One actor's (or society's) figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorResult {
    #[serde(serialize_with = "money_list")]
    pub gain: Vec<Decimal>,
    #[serde(serialize_with = "money_list")]
    pub investment: Vec<Decimal>,
    #[serde(serialize_with = "money_list")]
    pub net: Vec<Decimal>,
    #[serde(serialize_with = "money_list")]
    pub cumulative_net: Vec<Decimal>,
    #[serde(serialize_with = "money")]
    pub total_gain: Decimal,
    #[serde(serialize_with = "money")]
    pub total_investment: Decimal,
    #[serde(serialize_with = "money")]
    pub total_net: Decimal,
    #[serde(serialize_with = "money")]
    pub npv: Decimal,
    pub payback_year: Option<i64>,
    #[serde(serialize_with = "ratio")]
    pub benefit_cost_ratio: Option<Decimal>,
}

/// The seven actors' results, in [`Actor::ALL`] order; serialises as an object keyed by actor id.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorResults(pub [ActorResult; ACTOR_COUNT]);

impl ActorResults {
    pub fn get(&self, actor: Actor) -> &ActorResult {
        &self.0[actor.index()]
    }
}

impl Serialize for ActorResults {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(ACTOR_COUNT))?;
        for actor in Actor::ALL {
            map.serialize_entry(actor.id(), &self.0[actor.index()])?;
        }
        map.end()
    }
}

/// How an actor's NPV depends on the first outcome's share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakEvenKind {
    /// NPV ≥ 0 whatever the share.
    Always,
    /// NPV < 0 whatever the share.
    Never,
    /// NPV ≥ 0 when the share is at least `share`.
    AtLeast,
    /// NPV ≥ 0 when the share is at most `share` (the outcome costs this actor).
    AtMost,
}

/// An actor's break-even on the cohort's first outcome.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BreakEven {
    /// The absolute share (not a difference to the counterfactual); null for always and never.
    #[serde(serialize_with = "share")]
    pub share: Option<Decimal>,
    pub kind: BreakEvenKind,
}

/// Break-even for the seven actors, then society.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakEvenTable(pub [BreakEven; ACTOR_COUNT + 1]);

impl BreakEvenTable {
    pub fn actor(&self, actor: Actor) -> &BreakEven {
        &self.0[actor.index()]
    }
    pub fn society(&self) -> &BreakEven {
        &self.0[ACTOR_COUNT]
    }
}

impl Serialize for BreakEvenTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(ACTOR_COUNT + 1))?;
        for actor in Actor::ALL {
            map.serialize_entry(actor.id(), &self.0[actor.index()])?;
        }
        map.serialize_entry(SOCIETY_ID, &self.0[ACTOR_COUNT])?;
        map.end()
    }
}

/// A cohort's echo: its name and break-even table (`{}` when it has no outcomes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortResult {
    pub name: String,
    #[serde(serialize_with = "break_even_or_empty")]
    pub break_even: Option<BreakEvenTable>,
}

fn break_even_or_empty<S: Serializer>(x: &Option<BreakEvenTable>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(t) => t.serialize(s),
        None => s.serialize_map(Some(0))?.end(),
    }
}

/// What `calculate` returns; serialises to MODEL.md's result JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalculationResult {
    pub version: i64,
    pub years: Vec<i64>,
    pub actors: ActorResults,
    pub society: ActorResult,
    pub cohorts: Vec<CohortResult>,
}

impl CalculationResult {
    /// MODEL.md's result JSON, compact.
    pub fn to_json(&self) -> String {
        // Sized for a four-year result with a few cohorts, so the buffer rarely grows.
        let mut out = Vec::with_capacity(4096 + 1024 * self.cohorts.len() + 512 * self.years.len());
        match serde_json::to_writer(&mut out, self) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::new(),
        }
    }
    /// MODEL.md's result JSON, indented for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
    /// Each actor's result, then society's, with the actor's id.
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &ActorResult)> {
        Actor::ALL.into_iter().map(|a| (a.id(), self.actors.get(a))).chain(std::iter::once((SOCIETY_ID, &self.society)))
    }
}

/// Exact (unrounded) yearly gain and investment of one actor or society, summarised; also
/// returns the unrounded NPV.
pub(crate) fn summarise(gain: &[Decimal], investment: &[Decimal], horizon: &Horizon, start_year: i64) -> Calc<(ActorResult, Decimal)> {
    let years = gain.len();
    let discounted = horizon.factors.is_some();
    let mut net = Vec::with_capacity(years);
    let mut cumulative = Vec::with_capacity(years);
    let (mut total_gain, mut total_investment, mut running) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    // Present values; without discounting they are the plain totals and are not summed twice.
    let (mut pv_gain, mut pv_investment, mut pv_net) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut first_investment = None;
    // The last year whose D_t (present value so far, to the öre) is negative, for the payback year.
    let mut last_negative: Option<usize> = None;
    for t in 0..years {
        let n = sub(gain[t], investment[t])?;
        running = add(running, n)?;
        total_gain = add(total_gain, gain[t])?;
        total_investment = add(total_investment, investment[t])?;
        if discounted {
            pv_gain = add(pv_gain, horizon.present(gain[t], t)?)?;
            pv_investment = add(pv_investment, horizon.present(investment[t], t)?)?;
            pv_net = add(pv_net, horizon.present(n, t)?)?;
        }
        if first_investment.is_none() && !investment[t].is_zero() {
            first_investment = Some(t);
        }
        if negative_to_the_ore(if discounted { pv_net } else { running }) {
            last_negative = Some(t);
        }
        net.push(round_money(n));
        cumulative.push(round_money(running));
    }
    if !discounted {
        (pv_gain, pv_investment, pv_net) = (total_gain, total_investment, running);
    }
    let payback_year = match first_investment {
        Some(t0) if last_negative != Some(years - 1) => {
            let from = match last_negative {
                Some(t) if t >= t0 => t + 1,
                _ => t0,
            };
            Some(start_year + from as i64)
        }
        _ => None,
    };
    let benefit_cost_ratio = if total_investment.is_zero() { None } else { Some(round_ratio(div(pv_gain, pv_investment)?)) };
    Ok((
        ActorResult {
            gain: gain.iter().map(|x| round_money(*x)).collect(),
            investment: investment.iter().map(|x| round_money(*x)).collect(),
            net,
            total_net: round_money(sub(total_gain, total_investment)?),
            total_gain: round_money(total_gain),
            total_investment: round_money(total_investment),
            cumulative_net: cumulative,
            npv: round_money(pv_net),
            payback_year,
            benefit_cost_ratio,
        },
        pv_net,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn fast_rounding_matches_rust_decimal() {
        for text in [
            "0.005",
            "-0.005",
            "0.004999",
            "123456789.125",
            "-7.0000000000000000000000000005",
            "79228162514264337593543950335",
            "0.9999999999999999999999999999",
            "-0.0049",
            "2.5",
            "1E-28",
        ] {
            let x = Decimal::from_scientific(text).or_else(|_| Decimal::from_str(text)).unwrap();
            for dp in [0, 2, 4, 6] {
                let expected = x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
                assert_eq!(round(x, dp), expected, "{text} to {dp}");
                let unsigned_zero = if expected.is_zero() { expected.abs() } else { expected };
                assert_eq!(round(x, dp).to_string(), unsigned_zero.to_string(), "{text} to {dp}, as text");
            }
        }
        assert!(negative_to_the_ore(Decimal::from_str("-0.005").unwrap()));
        assert!(!negative_to_the_ore(Decimal::from_str("-0.0049999").unwrap()));
    }

    #[test]
    fn fixed_rounds_half_away_from_zero() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(fixed(d("0.005"), 2), "0.01");
        assert_eq!(fixed(d("-0.005"), 2), "-0.01");
        assert_eq!(fixed(d("-0.004"), 2), "0.00");
        assert_eq!(fixed(d("800000"), 2), "800000.00");
        assert_eq!(fixed(d("0.0683449"), 6), "0.068345");
        assert_eq!(fixed(d("-0"), 4), "0.0000");
        assert_eq!(fixed(d("12.3"), 0), "12");
        assert_eq!(fixed(d("0.5"), 0), "1");
        assert_eq!(fixed(d("-1234567.895"), 2), "-1234567.90");
        assert_eq!(fixed(d("0.000001"), 6), "0.000001");
        assert_eq!(fixed(d("79228162514264337593543950335"), 4), "79228162514264337593543950335.0000");
        assert_eq!(fixed(d("0.12"), 4), "0.1200");
        assert_eq!(fixed(d("-12345678901234567890"), 28), "-12345678901234567890.0000000000000000000000000000");
        assert_eq!(fixed(d("1.5"), 99), "1.5000000000000000000000000000");
    }
}
