//! Switching values: the value of one parameter at which an actor's NPV crosses zero.

use rust_decimal::Decimal;

use crate::error::{Context, Fault, FieldError};
use crate::result::round_money;

use super::param::Param;
use super::{Engine, Exact, Money, Switching, SwitchingKind, SwitchingResult};

/// Tolerance (kronor) for calling the NPV linear: exact decimals agree far closer than this
/// (division rounds only in the 28th digit), while any real curvature is far larger.
fn linear_tolerance() -> Decimal {
    Decimal::new(1, 9)
}

/// The open end of `discount_rate` searched up to (its valid range is [0, 1)).
fn below_one() -> Decimal {
    Decimal::new(999_999, 6)
}

/// Sub-intervals scanned for a sign change when the ends of the range agree in sign.
const SCAN: i64 = 32;
/// Most bisection steps (each halves the interval).
const MAX_STEPS: usize = 200;

struct Probe<'e, 'p> {
    engine: &'e Engine<'p>,
    param: &'e Param,
    who: usize,
    at: String,
}

impl Probe<'_, '_> {
    /// The actor's exact NPV with the parameter at `x`.
    fn npv(&self, x: Decimal) -> Result<Decimal, Vec<FieldError>> {
        let e = self.engine.evaluate_with(&[(self.param, x)], &self.at)?;
        Ok(e.exact_npv.get(self.who).copied().unwrap_or_default())
    }
}

fn gains(npv: Decimal) -> bool {
    round_money(npv) >= Decimal::ZERO
}

pub(super) fn switching(engine: &mut Engine, request: &Switching, index: usize, errors: &mut Vec<FieldError>) -> Option<SwitchingResult> {
    let at = format!("switching[{index}]");
    let param = match engine.param(&request.parameter) {
        Ok(p) => p,
        Err(m) => {
            errors.push(m.at(format!("{at}.parameter")));
            return None;
        }
    };
    let range = param.range(&engine.base);
    let hi_default = if range.hi_open { range.hi.min(below_one()) } else { range.hi };
    let lo = request.low.unwrap_or(range.lo);
    let hi = request.high.unwrap_or(hi_default);
    let mut bad = false;
    for (name, x, given) in [("low", lo, request.low.is_some()), ("high", hi, request.high.is_some())] {
        if given && !range.contains(x) {
            errors.push(about(&param.path, format!("{at}.{name}"), range.fault(x)));
            bad = true;
        }
        if param.is_whole() && !x.fract().is_zero() {
            errors.push(about(&param.path, format!("{at}.{name}"), Fault::NotWhole { got: x }));
            bad = true;
        }
    }
    if lo >= hi && !bad {
        errors.push(FieldError::new(format!("{at}.high"), Fault::EmptyRange { low: lo, high: hi }));
        bad = true;
    }
    if bad {
        return None;
    }
    let base_value = param.get(&engine.base).unwrap_or_default();
    let probe = Probe { engine, param: &param, who: request.actor.index(), at: at.clone() };
    let outcome = if param.is_whole() { whole(&probe, lo, hi) } else { decimal(&probe, lo, hi, base_value) };
    let base_npv = probe.npv(base_value);
    match (outcome, base_npv) {
        (Ok(found), Ok(base_npv)) => Some(SwitchingResult {
            parameter: request.parameter.clone(),
            label: request.label.clone(),
            actor: request.actor.id().to_string(),
            kind: found.kind,
            value: found.value.map(Exact::new),
            exact_value: found.exact_value.map(Exact::new),
            npv: found.npv.map(Money::rounded),
            gains: found.gains_above.map(|above| if above { "above" } else { "below" }),
            base_value: Exact::new(base_value),
            base_npv: Money::rounded(base_npv),
            low: Exact::new(lo),
            high: Exact::new(hi),
        }),
        (Err(e), _) | (_, Err(e)) => {
            errors.extend(e);
            None
        }
    }
}

struct Found {
    kind: SwitchingKind,
    value: Option<Decimal>,
    exact_value: Option<Decimal>,
    npv: Option<Decimal>,
    gains_above: Option<bool>,
}

impl Found {
    fn none() -> Found {
        Found { kind: SwitchingKind::None, value: None, exact_value: None, npv: None, gains_above: None }
    }
}

/// |f(x) − line(x)| small at a quarter and half way.
fn looks_linear(lo: Decimal, hi: Decimal, f_lo: Decimal, f_hi: Decimal, probe: &Probe) -> Result<bool, Vec<FieldError>> {
    let four = Decimal::from(4);
    for k in [1, 2] {
        let w = Decimal::from(k);
        let (Some(x), Some(line)) = (
            hi.checked_sub(lo).and_then(|d| d.checked_mul(w)).and_then(|d| d.checked_div(four)).and_then(|d| lo.checked_add(d)),
            f_hi.checked_sub(f_lo).and_then(|d| d.checked_mul(w)).and_then(|d| d.checked_div(four)).and_then(|d| f_lo.checked_add(d)),
        ) else {
            return Ok(false);
        };
        let fx = probe.npv(x)?;
        if fx.checked_sub(line).is_none_or(|d| d.abs() > linear_tolerance()) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The line's zero: lo − f(lo)·(hi − lo)/(f(hi) − f(lo)).
fn line_zero(lo: Decimal, hi: Decimal, f_lo: Decimal, f_hi: Decimal) -> Option<Decimal> {
    let slope_run = hi.checked_sub(lo)?;
    let rise = f_hi.checked_sub(f_lo)?;
    if rise.is_zero() {
        return None;
    }
    lo.checked_sub(
        f_lo.checked_mul(slope_run)
            .and_then(|n| n.checked_div(rise))
            .or_else(|| f_lo.checked_div(rise).and_then(|q| q.checked_mul(slope_run)))?,
    )
}

/// A decimal parameter: exact from the line when the NPV is linear, else bisection.
fn decimal(probe: &Probe, lo: Decimal, hi: Decimal, base: Decimal) -> Result<Found, Vec<FieldError>> {
    let f_lo = probe.npv(lo)?;
    let f_hi = probe.npv(hi)?;
    if looks_linear(lo, hi, f_lo, f_hi, probe)? {
        let Some(x) = line_zero(lo, hi, f_lo, f_hi) else {
            return Ok(Found::none());
        };
        if x < lo || x > hi {
            return Ok(Found::none());
        }
        let fx = probe.npv(x)?;
        if round_money(fx).is_zero() {
            let (value, npv) = shortest(probe, x, fx)?;
            return Ok(Found {
                kind: SwitchingKind::Linear,
                value: Some(value),
                exact_value: Some(x.normalize()),
                npv: Some(npv),
                gains_above: Some(f_hi > f_lo),
            });
        }
    }
    // Bracket: the ends, else the scanned sub-interval with a change of sign nearest the base.
    let (a, b, fa) = if gains(f_lo) != gains(f_hi) {
        (lo, hi, f_lo)
    } else {
        let step = (hi - lo) / Decimal::from(SCAN);
        let mut best: Option<(Decimal, Decimal, Decimal)> = None;
        let (mut x0, mut f0) = (lo, f_lo);
        for k in 1..=SCAN {
            let x1 = if k == SCAN { hi } else { lo + step * Decimal::from(k) };
            let f1 = probe.npv(x1)?;
            if gains(f0) != gains(f1) {
                let distance = |a: Decimal, b: Decimal| ((a + b) / Decimal::TWO - base).abs();
                if best.is_none_or(|(ba, bb, _)| distance(x0, x1) < distance(ba, bb)) {
                    best = Some((x0, x1, f0));
                }
            }
            (x0, f0) = (x1, f1);
        }
        match best {
            Some(b) => b,
            None => return Ok(Found::none()),
        }
    };
    let (mut a, mut b) = (a, b);
    let side_a = gains(fa);
    let mut closest = (a, fa);
    for _ in 0..MAX_STEPS {
        let m = (a + b) / Decimal::TWO;
        if m <= a || m >= b {
            break;
        }
        let fm = probe.npv(m)?;
        if fm.abs() < closest.1.abs() {
            closest = (m, fm);
        }
        if round_money(fm).is_zero() {
            closest = (m, fm);
            break;
        }
        if gains(fm) == side_a {
            a = m;
        } else {
            b = m;
        }
    }
    let (x, fx) = closest;
    let (value, npv) = if round_money(fx).is_zero() { shortest(probe, x, fx)? } else { (x.normalize(), fx) };
    Ok(Found { kind: SwitchingKind::Search, value: Some(value), exact_value: None, npv: Some(npv), gains_above: Some(!side_a) })
}

/// The value with the fewest decimals (rounded from `x`) at which the NPV still rounds to
/// 0.00, and that NPV.
fn shortest(probe: &Probe, x: Decimal, fx: Decimal) -> Result<(Decimal, Decimal), Vec<FieldError>> {
    for dp in 0..x.scale() {
        let r = x.round_dp(dp);
        let fr = probe.npv(r)?;
        if round_money(fr).is_zero() {
            return Ok((r.normalize(), fr));
        }
    }
    Ok((x.normalize(), fx))
}

/// A whole-number parameter: the NPV between whole numbers is not defined, so the result is
/// the crossing of the line through them when the NPV is linear (kind `linear`, a fraction,
/// `npv` null), else the whole number nearest the crossing on the side where the actor
/// gains (kind `search`, with its NPV).
fn whole(probe: &Probe, lo: Decimal, hi: Decimal) -> Result<Found, Vec<FieldError>> {
    let f_lo = probe.npv(lo)?;
    let f_hi = probe.npv(hi)?;
    let mid = ((lo + hi) / Decimal::TWO).floor();
    let linear = if mid > lo && mid < hi {
        let fm = probe.npv(mid)?;
        match line_at(lo, hi, f_lo, f_hi, mid) {
            Some(line) => fm.checked_sub(line).is_some_and(|d| d.abs() <= linear_tolerance()),
            None => false,
        }
    } else {
        true
    };
    if linear {
        return Ok(match line_zero(lo, hi, f_lo, f_hi) {
            Some(x) if x >= lo && x <= hi => Found {
                kind: SwitchingKind::Linear,
                value: Some(x.normalize()),
                exact_value: Some(x.normalize()),
                npv: None,
                gains_above: Some(f_hi > f_lo),
            },
            _ => Found::none(),
        });
    }
    // Scan whole numbers (at most SCAN steps) for a change of sign, then bisect to neighbours.
    let span = hi - lo;
    let step = (span / Decimal::from(SCAN)).ceil().max(Decimal::ONE);
    let (mut x0, mut f0) = (lo, f_lo);
    let mut bracket = None;
    while x0 < hi {
        let x1 = (x0 + step).min(hi);
        let f1 = probe.npv(x1)?;
        if gains(f0) != gains(f1) {
            bracket = Some((x0, x1, f0));
            break;
        }
        (x0, f0) = (x1, f1);
    }
    let Some((mut a, mut b, fa)) = bracket else {
        return Ok(Found::none());
    };
    let side_a = gains(fa);
    let mut fb = probe.npv(b)?;
    while b - a > Decimal::ONE {
        let m = ((a + b) / Decimal::TWO).floor();
        let fm = probe.npv(m)?;
        if gains(fm) == side_a {
            a = m;
        } else {
            b = m;
            fb = fm;
        }
    }
    // The actor gains at a (side_a) or at b.
    let (value, npv) = if side_a { (a, probe.npv(a)?) } else { (b, fb) };
    Ok(Found { kind: SwitchingKind::Search, value: Some(value.normalize()), exact_value: None, npv: Some(npv), gains_above: Some(!side_a) })
}

fn line_at(lo: Decimal, hi: Decimal, f_lo: Decimal, f_hi: Decimal, x: Decimal) -> Option<Decimal> {
    let t = x.checked_sub(lo)?.checked_div(hi.checked_sub(lo)?)?;
    f_lo.checked_add(f_hi.checked_sub(f_lo)?.checked_mul(t)?)
}

/// A fault at `at` about the parameter `parameter` (written first in the message).
pub(super) fn about(parameter: &str, at: String, fault: Fault) -> FieldError {
    FieldError::new(at, fault).within(Context::Parameter { path: parameter.to_string() })
}
