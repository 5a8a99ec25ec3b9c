//! Monte Carlo: each draw sets the parameters from their distributions (sampled in f64 with
//! the portable generator) and calculates the scenario exactly.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rust_decimal::{Decimal, RoundingStrategy};

use super::switching::about;
use crate::calculate::{npv_planned, NpvPlan};
use crate::error::{Context, Fault, FieldError};
use crate::number::{float_text, parse_decimal, shortest_decimal};
use crate::result::round_money;
use crate::scenario::Scenario;
use crate::validate::validate;

use super::param::{Param, Target};
use super::rng::{inverse_normal_cdf, normal_cdf, Xoshiro256};
use super::{
    AnalysisError, Distribution, Engine, Exact, Money, MonteCarlo, MonteCarloResult, NamedColumns, PerActor, RunOptions, Samples, Share,
    Stats, WHO_COUNT,
};

/// Draws per unit of work (and between progress reports).
const CHUNK: u64 = 1000;

/// A distribution ready to sample, in f64; `Fixed` for a degenerate one (no random numbers used).
#[derive(Debug, Clone)]
enum Prepared {
    Fixed(Decimal),
    Uniform {
        low: f64,
        high: f64,
    },
    Triangular {
        low: f64,
        mode: f64,
        high: f64,
    },
    /// low + (high − low)·Beta(a, b).
    Beta {
        low: f64,
        high: f64,
        a: f64,
        b: f64,
    },
    /// Standard-normal bounds za, zb after mirroring (`mirror`: the draw is negated), and
    /// pa = Φ(za), pb = Φ(zb).
    Normal {
        mean: f64,
        sd: f64,
        za: f64,
        zb: f64,
        pa: f64,
        pb: f64,
        mirror: bool,
    },
    Discrete {
        values: Vec<Decimal>,
        cumulative: Vec<f64>,
    },
}

#[derive(Debug, Clone)]
struct Sampler {
    param: Param,
    prepared: Prepared,
    /// Every draw is clamped into [lo, hi].
    lo: Decimal,
    hi: Decimal,
    whole: bool,
}

/// A decimal as the nearest f64 (through its text: correctly rounded everywhere).
pub(crate) fn f64_of(x: Decimal) -> f64 {
    x.to_string().parse::<f64>().unwrap_or(0.0)
}

/// An f64 as the decimal its shortest text spells (more than 28 decimals: rounded to 28).
/// The shortest digits are read without writing the text ([`shortest_decimal`]); only what
/// that does not cover (more than 28 decimals, more than 96 bits, not finite) goes through the
/// text.
pub(crate) fn decimal_of(x: f64) -> Option<Decimal> {
    shortest_decimal(x).or_else(|| decimal_of_text(x))
}

/// [`decimal_of`] through the text: the definition.
fn decimal_of_text(x: f64) -> Option<Decimal> {
    let text = float_text(x);
    parse_decimal(&text).ok().or_else(|| text.parse::<Decimal>().ok())
}

impl Sampler {
    fn sample(&self, rng: &mut Xoshiro256) -> Decimal {
        let x = match &self.prepared {
            Prepared::Fixed(x) => return *x,
            Prepared::Discrete { values, cumulative } => {
                let total = cumulative.last().copied().unwrap_or(0.0);
                let target = rng.uniform() * total;
                let k = cumulative.iter().position(|c| target < *c).unwrap_or(cumulative.len().saturating_sub(1));
                return values.get(k).copied().unwrap_or(self.lo);
            }
            Prepared::Uniform { low, high } => low + (high - low) * rng.uniform(),
            Prepared::Triangular { low, mode, high } => {
                let u = rng.uniform();
                let width = high - low;
                if u * width < mode - low {
                    low + libm::sqrt(u * width * (mode - low))
                } else {
                    high - libm::sqrt((1.0 - u) * width * (high - mode))
                }
            }
            Prepared::Beta { low, high, a, b } => low + (high - low) * rng.beta(*a, *b),
            Prepared::Normal { mean, sd, za, zb, pa, pb, mirror } => {
                let u = rng.uniform();
                let z = if pb > pa { inverse_normal_cdf(pa + u * (pb - pa)).max(*za).min(*zb) } else { *zb };
                let z = if *mirror { -z } else { z };
                mean + sd * z
            }
        };
        let d = decimal_of(x).unwrap_or(self.lo).clamp(self.lo, self.hi);
        if self.whole {
            d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).clamp(self.lo, self.hi)
        } else {
            d
        }
    }
}

fn prepare(engine: &Engine, mc: &MonteCarlo) -> Result<Vec<Sampler>, AnalysisError> {
    let mut errors = Vec::new();
    let mut samplers = Vec::with_capacity(mc.parameters.len());
    for (i, u) in mc.parameters.iter().enumerate() {
        let at = format!("monte_carlo.parameters[{i}].distribution");
        let param = match engine.param(&u.parameter) {
            Ok(p) => p,
            Err(m) => {
                errors.push(m.at(format!("monte_carlo.parameters[{i}].parameter")));
                continue;
            }
        };
        let range = param.range(&engine.base);
        let whole = param.is_whole();
        // The open end of discount_rate's [0, 1): draws stay at most 1 − 10⁻⁹.
        let top = if range.hi_open { range.hi - Decimal::new(1, 9) } else { range.hi };
        let mut check = |name: &str, x: Decimal| {
            if x < range.lo || x > top {
                errors.push(about(&param.path, format!("{at}.{name}"), range.fault(x)));
            }
        };
        let (prepared, lo, hi) = match &u.distribution {
            Distribution::Uniform { low, high } => {
                check("low", *low);
                check("high", *high);
                let p = if low == high { Prepared::Fixed(*low) } else { Prepared::Uniform { low: f64_of(*low), high: f64_of(*high) } };
                (p, *low, *high)
            }
            Distribution::Triangular { low, mode, high } => {
                check("low", *low);
                check("high", *high);
                let p = if low == high {
                    Prepared::Fixed(*low)
                } else {
                    Prepared::Triangular { low: f64_of(*low), mode: f64_of(*mode), high: f64_of(*high) }
                };
                (p, *low, *high)
            }
            Distribution::Pert { low, mode, high, lambda } => {
                check("low", *low);
                check("high", *high);
                let p = if low == high {
                    Prepared::Fixed(*low)
                } else {
                    let (l, m, h, lam) = (f64_of(*low), f64_of(*mode), f64_of(*high), f64_of(*lambda));
                    Prepared::Beta { low: l, high: h, a: 1.0 + lam * (m - l) / (h - l), b: 1.0 + lam * (h - m) / (h - l) }
                };
                (p, *low, *high)
            }
            Distribution::Beta { alpha, beta, low, high } => {
                check("low", *low);
                check("high", *high);
                let p = if low == high {
                    Prepared::Fixed(*low)
                } else {
                    Prepared::Beta { low: f64_of(*low), high: f64_of(*high), a: f64_of(*alpha), b: f64_of(*beta) }
                };
                (p, *low, *high)
            }
            Distribution::Normal { mean, sd, low, high } => {
                let lo = low.map_or(range.lo, |l| l.max(range.lo));
                let hi = high.map_or(top, |h| h.min(top));
                if lo > hi {
                    errors.push(about(&param.path, at.clone(), Fault::NothingInRange { range: range.describe() }));
                }
                let p = if sd.is_zero() {
                    if *mean < lo || *mean > hi {
                        errors.push(about(
                            &param.path,
                            format!("{at}.mean"),
                            Fault::MeanOutsideRange { range: range.describe(), got: *mean },
                        ));
                    }
                    Prepared::Fixed(*mean)
                } else {
                    let (m, s) = (f64_of(*mean), f64_of(*sd));
                    let (za, zb) = ((f64_of(lo) - m) / s, (f64_of(hi) - m) / s);
                    // Work in the lower tail, where Φ is precise: mirror an interval above the mean.
                    let (za, zb, mirror) = if za > 0.0 { (-zb, -za, true) } else { (za, zb, false) };
                    Prepared::Normal { mean: m, sd: s, za, zb, pa: normal_cdf(za), pb: normal_cdf(zb), mirror }
                };
                (p, lo, hi)
            }
            Distribution::Discrete { values, weights } => {
                for (k, x) in values.iter().enumerate() {
                    if *x < range.lo || *x > top {
                        errors.push(about(&param.path, format!("{at}.values[{k}]"), range.fault(*x)));
                    } else if whole && !x.fract().is_zero() {
                        errors.push(about(&param.path, format!("{at}.values[{k}]"), Fault::NotWhole { got: *x }));
                    }
                }
                let lo = values.iter().copied().min().unwrap_or_default();
                let hi = values.iter().copied().max().unwrap_or_default();
                let p = if values.len() == 1 {
                    Prepared::Fixed(lo)
                } else {
                    let mut total = 0.0;
                    let cumulative = weights.iter().map(|w| {
                        total += f64_of(*w);
                        total
                    });
                    Prepared::Discrete { values: values.clone(), cumulative: cumulative.collect() }
                };
                (p, lo, hi)
            }
        };
        let (lo, hi) = if whole && !matches!(prepared, Prepared::Fixed(_) | Prepared::Discrete { .. }) {
            let (l, h) = (lo.ceil(), hi.floor());
            if l > h {
                errors.push(about(&param.path, at.clone(), Fault::NoWholeInRange));
            }
            (l, h)
        } else {
            (lo, hi)
        };
        if let Prepared::Fixed(x) = prepared {
            if whole && !x.fract().is_zero() {
                errors.push(about(&param.path, at.clone(), Fault::NotWhole { got: x }));
            }
        }
        samplers.push(Sampler { param, prepared, lo, hi, whole });
    }
    if errors.is_empty() {
        Ok(samplers)
    } else {
        Err(AnalysisError::Invalid(errors))
    }
}

/// Rounded to öre, as a whole number of öre.
fn ore(x: Decimal) -> i128 {
    let r = round_money(x);
    let (m, s) = (r.mantissa(), r.scale());
    match s {
        0 => m * 100,
        1 => m * 10,
        2 => m,
        _ => m / 10i128.pow(s - 2),
    }
}

fn money_of(ore: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(ore, 2).unwrap_or(if ore < 0 { Decimal::MIN } else { Decimal::MAX })
}

/// What one chunk of draws gave: each draw's NPVs in öre, and its values when kept.
struct Chunk {
    npv: Vec<[i128; WHO_COUNT]>,
    values: Vec<Vec<Decimal>>,
}

/// Runs draws `from..to` on `scenario` (a copy of the valid base). A draw is validated only
/// when `validate_draws`: when every drawn parameter stands alone ([`Param::stands_alone`]),
/// each draw, clamped to its parameter's range, leaves the scenario valid.
#[allow(clippy::too_many_arguments)]
fn run_chunk(
    scenario: &mut Scenario,
    plan: &NpvPlan,
    samplers: &[Sampler],
    validate_draws: bool,
    seed: u64,
    from: u64,
    to: u64,
    keep: bool,
) -> Result<Chunk, FieldError> {
    let mut chunk = Chunk { npv: Vec::with_capacity((to - from) as usize), values: Vec::new() };
    let mut values = Vec::with_capacity(samplers.len());
    for draw in from..to {
        let mut rng = Xoshiro256::for_draw(seed, draw);
        values.clear();
        for s in samplers {
            let x = s.sample(&mut rng);
            values.push(x);
            if let Err(m) = s.param.set(scenario, x) {
                return Err(m.within(Context::Draw { draw }).at("monte_carlo"));
            }
        }
        let errors = if validate_draws { validate(scenario) } else { Vec::new() };
        if let Some(e) = errors.into_iter().next() {
            let values = samplers.iter().zip(&values).map(|(s, x)| (s.param.path.clone(), *x)).collect();
            return Err(super::fault("monte_carlo", e).within(Context::InvalidDraw { draw, values }));
        }
        let exact = npv_planned(scenario, plan).map_err(|e| match e.errors.into_iter().next() {
            Some(f) => super::fault("monte_carlo", f).within(Context::Draw { draw }),
            None => FieldError::new("monte_carlo", Fault::Overflow).within(Context::Draw { draw }),
        })?;
        chunk.npv.push(exact.map(ore));
        if keep {
            chunk.values.push(values.clone());
        }
    }
    // Every draw sets every parameter, so a worker's copy needs no restoring between draws.
    Ok(chunk)
}

/// The draws' shared plan: a state's net is derived once unless a drawn parameter is one of
/// its flows or earnings, or a tax rate (which every state's earnings use); the discount
/// factors unless the discount rate or the horizon is drawn.
fn plan_for<'t>(base: &Scenario, drawn: impl Iterator<Item = &'t Target> + Clone) -> NpvPlan {
    let targets = || drawn.clone();
    let horizon = targets().any(|t| matches!(t, Target::DiscountRate | Target::HorizonYears));
    if targets().any(|t| matches!(t, Target::Tax(_))) {
        return NpvPlan::new(base, |_| true, horizon);
    }
    let changes =
        |id: &str| targets().any(|t| matches!(t, Target::FlowAmount { state, .. } | Target::Earnings { state, .. } if state == id));
    NpvPlan::new(base, changes, horizon)
}

type ChunkResults = Vec<(u64, Result<Chunk, FieldError>)>;

pub(super) fn monte_carlo(engine: &mut Engine, mc: &MonteCarlo, options: RunOptions) -> Result<MonteCarloResult, AnalysisError> {
    let samplers = prepare(engine, mc)?;
    // The base is valid (it was calculated first); draws of parameters that stand alone keep it so.
    let validate_draws = !samplers.iter().all(|s| s.param.stands_alone(samplers.iter().map(|t| &t.param)));
    let draws = mc.draws;
    let chunks = draws.div_ceil(CHUNK);
    let base = engine.base.clone();
    let plan = plan_for(&base, samplers.iter().map(|s| &s.param.target));
    let done_before = engine.done;

    #[cfg(not(target_family = "wasm"))]
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 64)
        .min(chunks.max(1) as usize);
    #[cfg(target_family = "wasm")]
    let threads = {
        let _ = options;
        1usize
    };

    let next = AtomicU64::new(0);
    let done = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let work = |scenario: &mut Scenario, out: &mut ChunkResults| -> bool {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let c = next.fetch_add(1, Ordering::Relaxed);
        if c >= chunks {
            return false;
        }
        let from = c * CHUNK;
        let to = (from + CHUNK).min(draws);
        let r = run_chunk(scenario, &plan, &samplers, validate_draws, mc.seed, from, to, mc.keep_draws);
        if r.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        out.push((c, r));
        done.fetch_add(to - from, Ordering::Relaxed);
        true
    };

    let mut cancelled = false;
    let mut results: ChunkResults = Vec::with_capacity(chunks as usize);
    let mut crashed = false;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut scenario = base.clone();
                    let mut out = Vec::new();
                    while work(&mut scenario, &mut out) {}
                    out
                })
            })
            .collect();
        let mut scenario = base.clone();
        while work(&mut scenario, &mut results) {
            if !cancelled && engine.report_at(done_before + done.load(Ordering::Relaxed)).is_err() {
                cancelled = true;
                stop.store(true, Ordering::Relaxed);
            }
        }
        for h in handles {
            match h.join() {
                Ok(out) => results.extend(out),
                Err(_) => crashed = true,
            }
        }
    });
    if cancelled {
        return Err(AnalysisError::Cancelled);
    }
    if crashed {
        return Err(AnalysisError::Invalid(vec![FieldError::new(
            "monte_carlo",
            Fault::Internal { detail: "a worker thread failed".into() },
        )]));
    }
    results.sort_by_key(|(c, _)| *c);
    let mut npv: Vec<[i128; WHO_COUNT]> = Vec::with_capacity(draws as usize);
    let mut values: Vec<Vec<Decimal>> = Vec::new();
    for (_, r) in results {
        match r {
            Ok(chunk) => {
                npv.extend(chunk.npv);
                values.extend(chunk.values);
            }
            Err(e) => return Err(AnalysisError::Invalid(vec![e])),
        }
    }
    if npv.len() as u64 != draws {
        // Only a stop (cancel or fault) leaves draws undone; both returned above.
        return Err(AnalysisError::Cancelled);
    }
    engine.report_at(done_before + draws)?;

    let statistics = PerActor::from_fn(|w| statistics(npv.iter().map(|row| row[w]).collect()));
    let samples = mc.keep_draws.then(|| Samples {
        values: NamedColumns(
            samplers
                .iter()
                .enumerate()
                .map(|(k, s)| (s.param.path.clone(), values.iter().map(|v| Exact::new(v.get(k).copied().unwrap_or_default())).collect()))
                .collect(),
        ),
        npv: PerActor::from_fn(|w| npv.iter().map(|row| Money::new(money_of(row[w]))).collect()),
    });
    Ok(MonteCarloResult {
        draws,
        seed: mc.seed,
        parameters: samplers.iter().map(|s| s.param.path.clone()).collect(),
        labels: mc.parameters.iter().map(|p| p.label.clone()).collect(),
        statistics,
        samples,
    })
}

/// Statistics of one column of NPVs in öre (see docs/analysis.md for the rules).
pub(crate) fn statistics(mut column: Vec<i128>) -> Stats {
    let n = column.len() as i128;
    let zero = Stats {
        mean: Money::ZERO,
        sd: Money::ZERO,
        standard_error: Money::ZERO,
        min: Money::ZERO,
        p5: Money::ZERO,
        p50: Money::ZERO,
        p95: Money::ZERO,
        max: Money::ZERO,
        probability_gain: Share::ZERO,
        gains: 0,
    };
    if n == 0 {
        return zero;
    }
    let sum: i128 = column.iter().fold(0i128, |a, x| a.saturating_add(*x));
    // mean = S / n exactly to 28 digits: whole öre of the quotient plus the remainder's share.
    let (q, r) = (sum.div_euclid(n), sum.rem_euclid(n));
    let mean = money_of(q)
        .checked_add(
            Decimal::from_i128_with_scale(r, 0).checked_div(Decimal::from_i128_with_scale(n, 0)).unwrap_or_default() / Decimal::ONE_HUNDRED,
        )
        .unwrap_or(money_of(q));
    // Variance in öre² from the exact deviations n·x − S, in f64 in draw order.
    let nf = n as f64;
    let mean_f = sum as f64 / nf;
    let mut squares = 0.0f64;
    for x in &column {
        let d = match x.checked_mul(n).and_then(|v| v.checked_sub(sum)) {
            Some(d) => d as f64 / nf,
            None => *x as f64 - mean_f,
        };
        squares += d * d;
    }
    let variance = if n > 1 { squares / (nf - 1.0) } else { 0.0 };
    let sd_ore = libm::sqrt(variance);
    let se_ore = libm::sqrt(variance / nf);
    let kronor = |ore_f: f64| decimal_of(ore_f / 100.0).map_or(Decimal::MAX, round_money);
    let gains = column.iter().filter(|x| **x >= 0).count() as u64;
    // Nearest rank: the p-th percentile is the value at rank ⌈p·n/100⌉ (1-based) of the sorted
    // draws. Selected rather than sorted (linear, not n·log n): the same values.
    let index = |p: i128| ((p * n + 99) / 100).clamp(1, n) as usize - 1;
    let (i5, i50, i95) = (index(5), index(50), index(95));
    let (below, p50, above) = column.select_nth_unstable(i50);
    let p50 = *p50;
    let p5 = if i5 < i50 { *below.select_nth_unstable(i5).1 } else { p50 };
    let p95 = if i95 > i50 { *above.select_nth_unstable(i95 - i50 - 1).1 } else { p50 };
    let min = below.iter().copied().min().unwrap_or(p50);
    let max = above.iter().copied().max().unwrap_or(p50);
    Stats {
        mean: Money::new(mean),
        sd: Money::new(kronor(sd_ore)),
        standard_error: Money::new(kronor(se_ore)),
        min: Money::new(money_of(min)),
        p5: Money::new(money_of(p5)),
        p50: Money::new(money_of(p50)),
        p95: Money::new(money_of(p95)),
        max: Money::new(money_of(max)),
        probability_gain: Share::new(Decimal::from(gains).checked_div(Decimal::from(n as u64)).unwrap_or_default()),
        gains,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculate::{calculate_valid, npv_valid_reference};
    use proptest::prelude::*;

    /// One parameter of each kind: an outcome's share and retention, a cost, participants, the
    /// discount rate, a wage, a built-in state's flow, a tax rate, a lag.
    const PATHS: [&str; 11] = [
        "cohorts[0].outcomes[0].share",
        "cohorts[1].outcomes[0].retention",
        "cohorts[1].intervention.cost_per_participant",
        "cohorts[0].participants",
        "discount_rate",
        "states.work.earnings.monthly_wage",
        "states.AM2.flows[0].amount",
        "tax.municipal_rate",
        "cohorts[1].outcomes[0].lag_months",
        "cohorts[0].intervention.financing.region",
        "horizon_years",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// A draw on the run's plan gives the NPVs of the drawn scenario calculated from
        /// scratch (on rust_decimal, and by the full calculation), for two parameters drawn
        /// together, whatever their kinds.
        #[test]
        fn a_planned_draw_is_the_drawn_scenario_calculated_afresh(
            first in 0..PATHS.len(), second in 0..PATHS.len(), u in 0.0f64..1.0, v in 0.0f64..1.0, cap in prop_oneof![Just(1.0f64), Just(1e6), Just(1e12)],
            rate in prop_oneof![Just("0"), Just("0.035"), Just("0.0123456789012345678")],
        ) {
            let mut base = Scenario::from_toml(include_str!("../../../examples/programme.toml")).unwrap();
            // The base's own discount rate: the plan's factors are then used whenever neither
            // the rate nor the horizon is drawn.
            base.discount_rate = rate.parse().unwrap();
            let params = [Param::resolve(PATHS[first], &mut base).unwrap(), Param::resolve(PATHS[second], &mut base).unwrap()];
            let plan = plan_for(&base, params.iter().map(|p| &p.target));
            let mut drawn = base.clone();
            for (p, w) in params.iter().zip([u, v]) {
                let r = p.range(&base);
                let (lo, hi) = (f64_of(r.lo), f64_of(r.hi).min(cap) * if r.hi_open { 0.999 } else { 1.0 });
                let x = decimal_of(lo + (hi - lo) * w).unwrap();
                let x = if p.is_whole() { x.round() } else { x };
                p.set(&mut drawn, x).unwrap();
            }
            prop_assume!(validate(&drawn).is_empty());
            let planned = npv_planned(&drawn, &plan);
            prop_assert_eq!(&planned, &npv_valid_reference(&drawn));
            prop_assert_eq!(planned.ok(), calculate_valid(&drawn).ok().map(|(_, npv)| npv));
        }
    }

    proptest! {
        /// The order statistics selected are the sorted column's, at ranks ⌈p·n/100⌉.
        #[test]
        fn selected_percentiles_are_the_sorted_ones(column in proptest::collection::vec(-1000i128..1000, 1..300)) {
            let stats = statistics(column.clone());
            let mut sorted = column.clone();
            sorted.sort();
            let n = sorted.len();
            let at = |p: usize| Money::new(money_of(sorted[(p * n).div_ceil(100).clamp(1, n) - 1]));
            prop_assert_eq!(stats.min, Money::new(money_of(sorted[0])));
            prop_assert_eq!(stats.max, Money::new(money_of(sorted[n - 1])));
            prop_assert_eq!(stats.p5, at(5));
            prop_assert_eq!(stats.p50, at(50));
            prop_assert_eq!(stats.p95, at(95));
        }
    }

    #[test]
    fn the_plan_keeps_only_the_states_no_drawn_parameter_changes() {
        let mut base = Scenario::from_toml(include_str!("../../../examples/programme.toml")).unwrap();
        let wage = Param::resolve("states.work.earnings.monthly_wage", &mut base).unwrap();
        let share = Param::resolve("cohorts[0].outcomes[0].share", &mut base).unwrap();
        let rate = Param::resolve("tax.municipal_rate", &mut base).unwrap();
        let kept = |drawn: &[&Param]| plan_for(&base, drawn.iter().map(|p| &p.target)).states().join(" ");
        assert_eq!(kept(&[&share]), "AM2 work AM3");
        assert_eq!(kept(&[&share, &wage]), "AM2 AM3");
        assert_eq!(kept(&[&share, &rate]), "");
    }
}
