//! Cohorts: what one group's intervention costs each actor year by year, what its outcomes
//! gain each actor, and the share of participants at which each actor breaks even.
//!
//! The code is generic over the number ([`Num`]): the calculation runs on [`crate::fixed::Fx`],
//! and on rust_decimal's `Decimal` as the reference the tests compare it with (the same
//! operations in the same order, so the same results).

use rust_decimal::Decimal;

use crate::actor::ACTOR_COUNT;
use crate::arith::{add, mul, Calc};
use crate::fixed::Num;
use crate::result::{ActorResult, BreakEven, BreakEvenKind, BreakEvenTable, Money, PerActor, Ratio, Share};
use crate::scenario::Cohort;

/// One figure per actor, indexed by [`crate::Actor::index`].
pub(crate) type Row<N> = [N; ACTOR_COUNT];

/// How an outcome's effect reaches the actors.
pub(crate) enum Effect<N> {
    /// Version 1's formula: net(target) − net(origin) per actor, scaled by retention and the
    /// months in each year.
    Direct(Row<N>),
    /// Version 2, pathways: per year index, Σ_s Y(s, t) × (net(s) − net(origin)) and
    /// Σ_s Y(s, t) × step cost(s), per actor and per unit of P, before dividing by 12.
    Monthly(Vec<(Row<N>, Row<N>)>),
}

/// The calculation's years and their discount factors d_t = (1 + r)^(t−1).
#[derive(Clone)]
pub(crate) struct Horizon {
    pub years: usize,
    /// None when the discount rate is 0: every factor is 1 and nothing is divided.
    pub factors: Option<Vec<Decimal>>,
}

impl Horizon {
    pub(crate) fn new(years: usize, discount_rate: Decimal) -> Calc<Horizon> {
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

    /// x in year index `t` (0-based) worth today: x / d_t. Always inlined natively: without
    /// discounting it is x itself, and the break-even sums call it for every actor and year
    /// (WebAssembly's calculator, kept small, leaves the choice to the compiler).
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline)]
    pub(crate) fn present<N: Num>(&self, x: N, t: usize) -> Calc<N> {
        match &self.factors {
            None => Ok(x),
            Some(d) => x.div(N::of(d[t])),
        }
    }
}

/// Work space reused across cohorts, so a scenario with many cohorts allocates once.
pub(crate) struct Scratch<N> {
    investment: Vec<Row<N>>,
    first_unit: Vec<Row<N>>,
    others: Vec<Row<N>>,
}

impl<N: Num> Scratch<N> {
    pub(crate) fn new() -> Scratch<N> {
        Scratch { investment: Vec::new(), first_unit: Vec::new(), others: Vec::new() }
    }

    fn reset(&mut self, years: usize, tables: bool) {
        // Without tables the per-unit figures are never read or written.
        let lists: [&mut Vec<Row<N>>; 3] = [&mut self.investment, &mut self.first_unit, &mut self.others];
        for (i, v) in lists.into_iter().enumerate() {
            v.clear();
            if i == 0 || tables {
                v.resize(years, [N::ZERO; ACTOR_COUNT]);
            }
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
pub(crate) fn add_cohort<N: Num>(
    cohort: &Cohort,
    effects: &[Effect<N>],
    horizon: &Horizon,
    scratch: &mut Scratch<N>,
    gain: &mut [Row<N>],
    investment: &mut [Row<N>],
    tables: bool,
) -> Calc<Option<BreakEvenTable>> {
    let years = horizon.years;
    scratch.reset(years, tables);
    let it = &cohort.intervention;
    let participants = N::int(cohort.participants);

    // Investment: C spread evenly over the intervention's months; months past the horizon are
    // outside the calculation.
    let cost = N::of(it.cost_per_participant).mul(participants)?.add(N::of(it.fixed_cost))?.mul(N::ONE.add(N::of(it.optimism_bias))?)?;
    let duration = N::int(it.duration_months);
    if !cost.is_zero() {
        for t in 0..years {
            let k = months_in_year(it.start_month, it.duration_months, t);
            if k == 0 {
                continue;
            }
            for (actor, share) in &it.financing {
                let a = actor.index();
                let paid = cost.mul(N::of(*share))?;
                // Divide last; a whole intervention inside one year needs no division at all.
                scratch.investment[t][a] = if k == it.duration_months { paid } else { paid.mul(N::int(k))?.div(duration)? };
            }
        }
    }

    // Outcomes: P × retention^(t − t_e) × n_t × Δ_a / 12 from the year of the move on.
    let twelve = N::int(12);
    for (index, outcome) in cohort.outcomes.iter().enumerate() {
        let d = match &effects[index] {
            Effect::Direct(d) => *d,
            Effect::Monthly(per_year) => {
                add_monthly(outcome, index, participants, per_year, scratch, gain, investment, tables)?;
                continue;
            }
        };
        let one = N::ONE;
        let filters =
            one.sub(N::of(outcome.deadweight))?.mul(one.sub(N::of(outcome.attribution))?)?.mul(one.sub(N::of(outcome.displacement))?)?;
        let unit = participants.mul(filters)?; // P with (share − counterfactual) replaced by 1
        let effect = unit.mul(N::of(outcome.share).sub(N::of(outcome.counterfactual_share))?)?; // P
        let retention = N::of(outcome.retention);
        let move_month = it.start_month + it.duration_months + outcome.lag_months;
        if move_month < 0 {
            continue; // excluded by validation; never index below year 1
        }
        let move_year = (move_month / 12) as usize;
        let mut survival = N::ONE; // retention^(t − t_e), with retention^0 = 1
        for t in move_year..years {
            if t > move_year {
                survival = survival.mul(retention)?;
            }
            let months = if t == move_year { 12 * (t as i64 + 1) - move_month } else { 12 };
            for (factor, first_unit) in [(effect, false), (unit, true)] {
                if first_unit && (index != 0 || !tables) {
                    continue;
                }
                let scaled = factor.mul(survival)?;
                for a in 0..ACTOR_COUNT {
                    if d[a].is_zero() {
                        continue;
                    }
                    let g = if months == 12 { scaled.mul(d[a])? } else { scaled.mul(N::int(months))?.mul(d[a])?.div(twelve)? };
                    if first_unit {
                        scratch.first_unit[t][a] = g;
                    } else {
                        gain[t][a] = gain[t][a].add(g)?;
                        if index != 0 && tables {
                            scratch.others[t][a] = scratch.others[t][a].add(g)?;
                        }
                    }
                }
            }
        }
    }
    for t in 0..years {
        for a in 0..ACTOR_COUNT {
            investment[t][a] = investment[t][a].add(scratch.investment[t][a])?;
        }
    }

    let Some(first) = cohort.outcomes.first().filter(|_| tables) else {
        return Ok(None);
    };
    // Break-even on the first outcome's share s: NPV(s) = A × (s − c) + B.
    let c = first.counterfactual_share;
    let mut a_sum = [N::ZERO; ACTOR_COUNT + 1];
    let mut b_sum = [N::ZERO; ACTOR_COUNT + 1];
    for t in 0..years {
        let mut a_society = N::ZERO;
        let mut b_society = N::ZERO;
        for a in 0..ACTOR_COUNT {
            let unit_gain = scratch.first_unit[t][a];
            let rest = scratch.others[t][a].sub(scratch.investment[t][a])?;
            a_society = a_society.add(unit_gain)?;
            b_society = b_society.add(rest)?;
            a_sum[a] = a_sum[a].add(horizon.present(unit_gain, t)?)?;
            b_sum[a] = b_sum[a].add(horizon.present(rest, t)?)?;
        }
        a_sum[ACTOR_COUNT] = a_sum[ACTOR_COUNT].add(horizon.present(a_society, t)?)?;
        b_sum[ACTOR_COUNT] = b_sum[ACTOR_COUNT].add(horizon.present(b_society, t)?)?;
    }
    let mut table = [BreakEven { share: None, kind: BreakEvenKind::Always }; ACTOR_COUNT + 1];
    for i in 0..=ACTOR_COUNT {
        table[i] = break_even(a_sum[i], b_sum[i], c)?;
    }
    Ok(Some(PerActor::from_array(table)))
}

/// P for an outcome, and P with (share − counterfactual) replaced by 1.
fn effect_and_unit<N: Num>(outcome: &crate::scenario::Outcome, participants: N) -> Calc<(N, N)> {
    let one = N::ONE;
    let filters =
        one.sub(N::of(outcome.deadweight))?.mul(one.sub(N::of(outcome.attribution))?)?.mul(one.sub(N::of(outcome.displacement))?)?;
    let unit = participants.mul(filters)?;
    Ok((unit.mul(N::of(outcome.share).sub(N::of(outcome.counterfactual_share))?)?, unit))
}

/// Version 2: an outcome's gains (P × Σ Y × Δ) / 12 and step investments (P × Σ Y × cost) / 12;
/// for break-even, the first outcome's per-unit gain minus step investment, and the other
/// outcomes' gains minus step investments.
#[allow(clippy::needless_range_loop, clippy::too_many_arguments)]
#[inline(never)]
fn add_monthly<N: Num>(
    outcome: &crate::scenario::Outcome,
    index: usize,
    participants: N,
    per_year: &[(Row<N>, Row<N>)],
    scratch: &mut Scratch<N>,
    gain: &mut [Row<N>],
    investment: &mut [Row<N>],
    tables: bool,
) -> Calc<()> {
    let twelve = N::int(12);
    let (effect, unit) = effect_and_unit(outcome, participants)?;
    for (t, (u, k)) in per_year.iter().enumerate() {
        for a in 0..ACTOR_COUNT {
            if u[a].is_zero() && k[a].is_zero() {
                continue;
            }
            let g = effect.mul(u[a])?.div(twelve)?;
            let i = effect.mul(k[a])?.div(twelve)?;
            gain[t][a] = gain[t][a].add(g)?;
            investment[t][a] = investment[t][a].add(i)?;
            if !tables {
                continue;
            }
            if index == 0 {
                let gu = unit.mul(u[a])?.div(twelve)?;
                let iu = unit.mul(k[a])?.div(twelve)?;
                scratch.first_unit[t][a] = gu.sub(iu)?;
            } else {
                scratch.others[t][a] = scratch.others[t][a].add(g.sub(i)?)?;
            }
        }
    }
    Ok(())
}

/// Kind and share from NPV(s) = A × (s − c) + B; decided on NPV(0) and NPV(1) rounded to öre,
/// divided only once the kind is known.
#[inline]
pub(crate) fn break_even<N: Num>(a: N, b: N, c: Decimal) -> Calc<BreakEven> {
    let c = N::of(c);
    let n0 = b.sub(a.mul(c)?)?;
    let n1 = a.mul(N::ONE.sub(c)?)?.add(b)?;
    let kind = match (n0.negative_to_the_ore(), n1.negative_to_the_ore()) {
        (false, false) => BreakEvenKind::Always,
        (true, true) => BreakEvenKind::Never,
        (true, false) => BreakEvenKind::AtLeast,
        (false, true) => BreakEvenKind::AtMost,
    };
    let share = match kind {
        BreakEvenKind::Always | BreakEvenKind::Never => None,
        BreakEvenKind::AtLeast | BreakEvenKind::AtMost => Some(Share::new(N::break_even_share(c, b, a, Share::DECIMALS)?)),
    };
    Ok(BreakEven { share, kind })
}

/// Exact (unrounded) yearly gain and investment of one actor or society, summarised; also
/// returns the unrounded NPV.
pub(crate) fn summarise<N: Num>(gain: &[N], investment: &[N], horizon: &Horizon, start_year: i64) -> Calc<(ActorResult, Decimal)> {
    let mut out = ActorResult::empty();
    let npv = summarise_into(gain, investment, horizon, start_year, &mut out)?;
    Ok((out, npv))
}

/// [`summarise`] written into `out` (which the calculation holds in the result's array, so the
/// figures are not moved again); returns the unrounded NPV.
pub(crate) fn summarise_into<N: Num>(
    gain: &[N],
    investment: &[N],
    horizon: &Horizon,
    start_year: i64,
    out: &mut ActorResult,
) -> Calc<Decimal> {
    let years = gain.len();
    let discounted = horizon.factors.is_some();
    let money = |x: N| Money::new(x.round(Money::DECIMALS));
    let mut net = Vec::with_capacity(years);
    let mut cumulative = Vec::with_capacity(years);
    let (mut total_gain, mut total_investment, mut running) = (N::ZERO, N::ZERO, N::ZERO);
    // Present values; without discounting they are the plain totals and are not summed twice.
    let (mut pv_gain, mut pv_investment, mut pv_net) = (N::ZERO, N::ZERO, N::ZERO);
    let mut first_investment = None;
    // The last year whose D_t (present value so far, to the öre) is negative, for the payback year.
    let mut last_negative: Option<usize> = None;
    for t in 0..years {
        let n = gain[t].sub(investment[t])?;
        running = running.add(n)?;
        total_gain = total_gain.add(gain[t])?;
        total_investment = total_investment.add(investment[t])?;
        if discounted {
            pv_gain = pv_gain.add(horizon.present(gain[t], t)?)?;
            pv_investment = pv_investment.add(horizon.present(investment[t], t)?)?;
            pv_net = pv_net.add(horizon.present(n, t)?)?;
        }
        if first_investment.is_none() && !investment[t].is_zero() {
            first_investment = Some(t);
        }
        if (if discounted { pv_net } else { running }).negative_to_the_ore() {
            last_negative = Some(t);
        }
        net.push(money(n));
        cumulative.push(money(running));
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
    let benefit_cost_ratio =
        if total_investment.is_zero() { None } else { Some(Ratio::new(pv_gain.div(pv_investment)?.round(Ratio::DECIMALS))) };
    *out = ActorResult {
        gain: gain.iter().map(|x| money(*x)).collect(),
        investment: investment.iter().map(|x| money(*x)).collect(),
        net,
        total_net: money(total_gain.sub(total_investment)?),
        total_gain: money(total_gain),
        total_investment: money(total_investment),
        cumulative_net: cumulative,
        npv: money(pv_net),
        payback_year,
        benefit_cost_ratio,
    };
    Ok(pv_net.dec())
}

/// [`summarise`]'s unrounded NPV alone, by the same operations in the same order.
pub(crate) fn npv<N: Num>(gain: &[N], investment: &[N], horizon: &Horizon) -> Calc<Decimal> {
    let mut sum = N::ZERO;
    for t in 0..gain.len() {
        let n = gain[t].sub(investment[t])?;
        sum = sum.add(if horizon.factors.is_some() { horizon.present(n, t)? } else { n })?;
    }
    Ok(sum.dec())
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
