//! Cohorts: what one group's intervention costs each actor year by year, what its outcomes
//! gain each actor, and the share of participants at which each actor breaks even.

use rust_decimal::Decimal;

use crate::actor::ACTOR_COUNT;
use crate::arith::{add, div, mul, sub, Calc};
use crate::flow::Net;
use crate::result::{negative_to_the_ore, ActorResult, BreakEven, BreakEvenKind, BreakEvenTable, Money, PerActor, Ratio, Share};
use crate::scenario::Cohort;

const ZERO_NET: Net = [Decimal::ZERO; ACTOR_COUNT];

/// How an outcome's effect reaches the actors.
pub(crate) enum Effect {
    /// Version 1's formula: net(target) − net(origin) per actor, scaled by retention and the
    /// months in each year.
    Direct(Net),
    /// Version 2, pathways: per year index, Σ_s Y(s, t) × (net(s) − net(origin)) and
    /// Σ_s Y(s, t) × step cost(s), per actor and per unit of P, before dividing by 12.
    Monthly(Vec<(Net, Net)>),
}

/// The calculation's years and their discount factors d_t = (1 + r)^(t−1).
pub(crate) struct Horizon {
    pub years: usize,
    /// None when the discount rate is 0: every factor is 1 and nothing is divided.
    pub factors: Option<Vec<Decimal>>,
}

impl Horizon {
    pub fn new(years: usize, discount_rate: Decimal) -> Calc<Horizon> {
        if discount_rate.is_zero() {
            return Ok(Horizon { years, factors: None });
        }
        let growth = add(Decimal::ONE, discount_rate)?;
        let mut factors = Vec::with_capacity(years);
        let mut d = Decimal::ONE;
        for _ in 0..years {
            factors.push(d);
            d = mul(d, growth)?;
        }
        Ok(Horizon { years, factors: Some(factors) })
    }

    /// x in year index `t` (0-based) worth today: x / d_t.
    #[inline]
    pub fn present(&self, x: Decimal, t: usize) -> Calc<Decimal> {
        match &self.factors {
            None => Ok(x),
            Some(d) => div(x, d[t]),
        }
    }
}

/// Work space reused across cohorts, so a scenario with many cohorts allocates once.
#[derive(Default)]
pub(crate) struct Scratch {
    investment: Vec<Net>,
    first_unit: Vec<Net>,
    others: Vec<Net>,
}

impl Scratch {
    fn reset(&mut self, years: usize) {
        for v in [&mut self.investment, &mut self.first_unit, &mut self.others] {
            v.clear();
            v.resize(years, ZERO_NET);
        }
    }
}

/// The intervention's months inside year index `t`: the overlap of [start, start + duration)
/// with [12t, 12t + 12).
fn months_in_year(start: i64, duration: i64, t: usize) -> i64 {
    let lo = 12 * t as i64;
    let hi = lo + 12;
    (hi.min(start + duration) - lo.max(start)).max(0)
}

// The (year, actor) grids read most plainly with indices.
#[allow(clippy::needless_range_loop)]
/// Adds the cohort's investments and gains into the yearly totals and returns its break-even
/// table (None for a cohort without outcomes, or when `tables` is false: Monte Carlo needs
/// only the totals, and skipping the per-unit figures halves the work). `effects[k]` is how
/// outcome k reaches the actors. The totals are the same either way: the per-unit figures
/// feed the table only.
pub(crate) fn add_cohort(
    cohort: &Cohort,
    effects: &[Effect],
    horizon: &Horizon,
    scratch: &mut Scratch,
    gain: &mut [Net],
    investment: &mut [Net],
    tables: bool,
) -> Calc<Option<BreakEvenTable>> {
    let years = horizon.years;
    scratch.reset(years);
    let it = &cohort.intervention;
    let participants = Decimal::from(cohort.participants);

    // Investment: C spread evenly over the intervention's months; months past the horizon are
    // outside the calculation.
    let cost = mul(add(mul(it.cost_per_participant, participants)?, it.fixed_cost)?, add(Decimal::ONE, it.optimism_bias)?)?;
    let duration = Decimal::from(it.duration_months);
    if !cost.is_zero() {
        for t in 0..years {
            let k = months_in_year(it.start_month, it.duration_months, t);
            if k == 0 {
                continue;
            }
            for (actor, share) in &it.financing {
                let a = actor.index();
                let paid = mul(cost, *share)?;
                // Divide last; a whole intervention inside one year needs no division at all.
                scratch.investment[t][a] = if k == it.duration_months { paid } else { div(mul(paid, Decimal::from(k))?, duration)? };
            }
        }
    }

    // Outcomes: P × retention^(t − t_e) × n_t × Δ_a / 12 from the year of the move on.
    let twelve = Decimal::from(12);
    for (index, outcome) in cohort.outcomes.iter().enumerate() {
        let d = match &effects[index] {
            Effect::Direct(d) => *d,
            Effect::Monthly(per_year) => {
                add_monthly(outcome, index, participants, per_year, scratch, gain, investment, tables)?;
                continue;
            }
        };
        let filters = mul(
            mul(sub(Decimal::ONE, outcome.deadweight)?, sub(Decimal::ONE, outcome.attribution)?)?,
            sub(Decimal::ONE, outcome.displacement)?,
        )?;
        let unit = mul(participants, filters)?; // P with (share − counterfactual) replaced by 1
        let effect = mul(unit, sub(outcome.share, outcome.counterfactual_share)?)?; // P
        let move_month = it.start_month + it.duration_months + outcome.lag_months;
        if move_month < 0 {
            continue; // excluded by validation; never index below year 1
        }
        let move_year = (move_month / 12) as usize;
        let mut survival = Decimal::ONE; // retention^(t − t_e), with retention^0 = 1
        for t in move_year..years {
            if t > move_year {
                survival = mul(survival, outcome.retention)?;
            }
            let months = if t == move_year { 12 * (t as i64 + 1) - move_month } else { 12 };
            for (factor, first_unit) in [(effect, false), (unit, true)] {
                if first_unit && (index != 0 || !tables) {
                    continue;
                }
                let scaled = mul(factor, survival)?;
                for a in 0..ACTOR_COUNT {
                    if d[a].is_zero() {
                        continue;
                    }
                    let g = if months == 12 { mul(scaled, d[a])? } else { div(mul(mul(scaled, Decimal::from(months))?, d[a])?, twelve)? };
                    if first_unit {
                        scratch.first_unit[t][a] = g;
                    } else {
                        gain[t][a] = add(gain[t][a], g)?;
                        if index != 0 && tables {
                            scratch.others[t][a] = add(scratch.others[t][a], g)?;
                        }
                    }
                }
            }
        }
    }
    for t in 0..years {
        for a in 0..ACTOR_COUNT {
            investment[t][a] = add(investment[t][a], scratch.investment[t][a])?;
        }
    }

    let Some(first) = cohort.outcomes.first().filter(|_| tables) else {
        return Ok(None);
    };
    // Break-even on the first outcome's share s: NPV(s) = A × (s − c) + B.
    let c = first.counterfactual_share;
    let mut a_sum = [Decimal::ZERO; ACTOR_COUNT + 1];
    let mut b_sum = [Decimal::ZERO; ACTOR_COUNT + 1];
    for t in 0..years {
        let mut a_society = Decimal::ZERO;
        let mut b_society = Decimal::ZERO;
        for a in 0..ACTOR_COUNT {
            let unit_gain = scratch.first_unit[t][a];
            let rest = sub(scratch.others[t][a], scratch.investment[t][a])?;
            a_society = add(a_society, unit_gain)?;
            b_society = add(b_society, rest)?;
            a_sum[a] = add(a_sum[a], horizon.present(unit_gain, t)?)?;
            b_sum[a] = add(b_sum[a], horizon.present(rest, t)?)?;
        }
        a_sum[ACTOR_COUNT] = add(a_sum[ACTOR_COUNT], horizon.present(a_society, t)?)?;
        b_sum[ACTOR_COUNT] = add(b_sum[ACTOR_COUNT], horizon.present(b_society, t)?)?;
    }
    let mut table = [BreakEven { share: None, kind: BreakEvenKind::Always }; ACTOR_COUNT + 1];
    for i in 0..=ACTOR_COUNT {
        table[i] = break_even(a_sum[i], b_sum[i], c)?;
    }
    Ok(Some(PerActor::from_array(table)))
}

/// P for an outcome, and P with (share − counterfactual) replaced by 1.
fn effect_and_unit(outcome: &crate::scenario::Outcome, participants: Decimal) -> Calc<(Decimal, Decimal)> {
    use crate::arith::outlined::{mul, sub};
    let filters = mul(
        mul(sub(Decimal::ONE, outcome.deadweight)?, sub(Decimal::ONE, outcome.attribution)?)?,
        sub(Decimal::ONE, outcome.displacement)?,
    )?;
    let unit = mul(participants, filters)?;
    Ok((mul(unit, sub(outcome.share, outcome.counterfactual_share)?)?, unit))
}

/// Version 2: an outcome's gains (P × Σ Y × Δ) / 12 and step investments (P × Σ Y × cost) / 12;
/// for break-even, the first outcome's per-unit gain minus step investment, and the other
/// outcomes' gains minus step investments.
#[allow(clippy::needless_range_loop, clippy::too_many_arguments)]
#[inline(never)]
fn add_monthly(
    outcome: &crate::scenario::Outcome,
    index: usize,
    participants: Decimal,
    per_year: &[(Net, Net)],
    scratch: &mut Scratch,
    gain: &mut [Net],
    investment: &mut [Net],
    tables: bool,
) -> Calc<()> {
    use crate::arith::outlined::{add, div, mul, sub};
    let twelve = Decimal::from(12);
    let (effect, unit) = effect_and_unit(outcome, participants)?;
    for (t, (u, k)) in per_year.iter().enumerate() {
        for a in 0..ACTOR_COUNT {
            if u[a].is_zero() && k[a].is_zero() {
                continue;
            }
            let g = div(mul(effect, u[a])?, twelve)?;
            let i = div(mul(effect, k[a])?, twelve)?;
            gain[t][a] = add(gain[t][a], g)?;
            investment[t][a] = add(investment[t][a], i)?;
            if !tables {
                continue;
            }
            if index == 0 {
                let gu = div(mul(unit, u[a])?, twelve)?;
                let iu = div(mul(unit, k[a])?, twelve)?;
                scratch.first_unit[t][a] = sub(gu, iu)?;
            } else {
                scratch.others[t][a] = add(scratch.others[t][a], sub(g, i)?)?;
            }
        }
    }
    Ok(())
}

/// Kind and share from NPV(s) = A × (s − c) + B; decided on NPV(0) and NPV(1) rounded to öre,
/// divided only once the kind is known.
pub(crate) fn break_even(a: Decimal, b: Decimal, c: Decimal) -> Calc<BreakEven> {
    let n0 = sub(b, mul(a, c)?)?;
    let n1 = add(mul(a, sub(Decimal::ONE, c)?)?, b)?;
    let negative = negative_to_the_ore;
    let kind = match (negative(n0), negative(n1)) {
        (false, false) => BreakEvenKind::Always,
        (true, true) => BreakEvenKind::Never,
        (true, false) => BreakEvenKind::AtLeast,
        (false, true) => BreakEvenKind::AtMost,
    };
    let share = match kind {
        BreakEvenKind::Always | BreakEvenKind::Never => None,
        BreakEvenKind::AtLeast | BreakEvenKind::AtMost => {
            let s = sub(c, div(b, a)?)?;
            Some(Share::rounded(s.clamp(Decimal::ZERO, Decimal::ONE)))
        }
    };
    Ok(BreakEven { share, kind })
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
        net.push(Money::rounded(n));
        cumulative.push(Money::rounded(running));
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
    let benefit_cost_ratio = if total_investment.is_zero() { None } else { Some(Ratio::rounded(div(pv_gain, pv_investment)?)) };
    Ok((
        ActorResult {
            gain: gain.iter().map(|x| Money::rounded(*x)).collect(),
            investment: investment.iter().map(|x| Money::rounded(*x)).collect(),
            net,
            total_net: Money::rounded(sub(total_gain, total_investment)?),
            total_gain: Money::rounded(total_gain),
            total_investment: Money::rounded(total_investment),
            cumulative_net: cumulative,
            npv: Money::rounded(pv_net),
            payback_year,
            benefit_cost_ratio,
        },
        pv_net,
    ))
}

/// [`summarise`]'s unrounded NPV alone, by the same operations in the same order.
pub(crate) fn npv(gain: &[Decimal], investment: &[Decimal], horizon: &Horizon) -> Calc<Decimal> {
    let mut sum = Decimal::ZERO;
    for t in 0..gain.len() {
        let n = sub(gain[t], investment[t])?;
        sum = add(sum, if horizon.factors.is_some() { horizon.present(n, t)? } else { n })?;
    }
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_overlap_years() {
        assert_eq!(months_in_year(0, 6, 0), 6);
        assert_eq!(months_in_year(6, 18, 0), 6);
        assert_eq!(months_in_year(6, 18, 1), 12);
        assert_eq!(months_in_year(6, 18, 2), 0);
        assert_eq!(months_in_year(30, 1, 2), 1);
    }
}
