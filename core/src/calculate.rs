//! The calculation: validate, resolve states and tax rates, add up cohorts, summarise.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::actor::ACTOR_COUNT;
use crate::arith::{Calc, Overflow};
use crate::cohort::{add_cohort, summarise_into, Effect, Horizon, Row, Scratch};
use crate::defaults::defaults;
use crate::error::{Fault, FieldError, ScenarioError};
use crate::fixed::{Fx, Num};
use crate::flow::{RulesTax, Tax, TaxModel};
use crate::result::{ActorResult, CalculationResult, CohortResult, PerActor};
use crate::scenario::{Scenario, State, TaxMethod};
use crate::state::{step_costs, yearly_net_with};
use crate::validate::{validate, ValidScenario};

/// Calculates a scenario. It is validated first: an invalid one gives every fault at its path.
/// To validate once and calculate (or trace) more than once, see [`crate::ValidScenario`].
///
/// ```
/// use samkalk::{calculate, Actor, Scenario};
///
/// let scenario = Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let result = calculate(&scenario).unwrap();
/// assert_eq!(result.years, vec![2026, 2027, 2028, 2029]);
/// // The municipality pays all of AM2's 20 × 40 000 and a quarter of AM3's 15 × 120 000.
/// assert_eq!(result.actor(Actor::Municipality).total_investment.to_string(), "1250000.00");
/// // Society's investment is the whole 2 600 000.
/// assert_eq!(result.society().total_investment.to_string(), "2600000.00");
///
/// let mut bad = Scenario::new(2026);
/// bad.horizon_years = 0;
/// assert_eq!(calculate(&bad).unwrap_err().errors[0].path, "horizon_years");
/// ```
pub fn calculate(scenario: &Scenario) -> Result<CalculationResult, ScenarioError> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(ScenarioError { errors });
    }
    calculate_result(scenario)
}

impl ValidScenario {
    /// Calculates the scenario, as [`crate::calculate()`] does but without validating again.
    /// The only fault left is an overflow of the exact arithmetic.
    ///
    /// ```
    /// let valid = samkalk::Scenario::new(2026).validate().unwrap();
    /// assert_eq!(valid.calculate().unwrap().years, vec![2026, 2027, 2028, 2029]);
    /// ```
    pub fn calculate(&self) -> Result<CalculationResult, ScenarioError> {
        calculate_result(self.scenario())
    }
}

// Restating built-in states to a price year is the defaults' own (`defaults`).
use crate::defaults::{restate_state, restatement};

/// The tax rates in force: the scenario's, each missing one from the defaults.
///
/// ```
/// let mut scenario = samkalk::Scenario::new(2026);
/// scenario.tax.municipal_rate = Some("0.21".parse().unwrap());
/// let tax = samkalk::calculate::resolved_tax(&scenario);
/// assert_eq!(tax.municipal_rate.to_string(), "0.21");
/// assert_eq!(tax.regional_rate, samkalk::defaults().tax.regional_rate.value);
/// ```
pub fn resolved_tax(scenario: &Scenario) -> Tax {
    let d = &defaults().tax;
    Tax {
        municipal_rate: scenario.tax.municipal_rate.unwrap_or(d.municipal_rate.value),
        regional_rate: scenario.tax.regional_rate.unwrap_or(d.regional_rate.value),
        employer_contribution_rate: scenario.tax.employer_contribution_rate.unwrap_or(d.employer_contribution_rate.value),
    }
}

/// The state an id names: the scenario's own, else the built-in one (as in the defaults, not
/// restated; see [`resolved_state`]).
///
/// ```
/// let scenario = samkalk::Scenario::new(2026);
/// assert_eq!(samkalk::calculate::resolve_state(&scenario, "AM2").unwrap().label, samkalk::defaults().states["AM2"].state.label);
/// assert!(samkalk::calculate::resolve_state(&scenario, "no_such_state").is_none());
/// ```
pub fn resolve_state<'s>(scenario: &'s Scenario, id: &str) -> Option<&'s State> {
    scenario.states.get(id).or_else(|| defaults().states.get(id).map(|d| &d.state))
}

/// The state an id names as the calculation uses it: the scenario's own (never restated), else
/// the built-in one, restated to the scenario's price year (version 2).
///
/// ```
/// let scenario = samkalk::Scenario::new(2026);
/// let am2 = samkalk::calculate::resolved_state(&scenario, "AM2").unwrap().unwrap();
/// assert_eq!(am2.flows.len(), samkalk::defaults().states["AM2"].state.flows.len());
/// assert!(samkalk::calculate::resolved_state(&scenario, "no_such_state").is_none());
/// ```
pub fn resolved_state<'s>(scenario: &'s Scenario, id: &str) -> Option<Calc<Cow<'s, State>>> {
    if let Some(s) = scenario.states.get(id) {
        return Some(Ok(Cow::Borrowed(s)));
    }
    let d = &defaults().states.get(id)?.state;
    Some(match restatement(scenario) {
        Some((num, den)) => restate_state(d, num, den).map(Cow::Owned),
        None => Ok(Cow::Borrowed(d)),
    })
}

/// The tax model in force: the effective rates (version 1, and version 2 by default), or the
/// rules of the scenario's tax year with the nominal rates of its municipality (or the
/// national average, or the scenario's own `municipal_rate` and `regional_rate`).
///
/// ```
/// let scenario = samkalk::Scenario::new(2026);
/// let model = samkalk::calculate::resolved_model(&scenario);
/// // Version 1 uses the effective rates, not the income tax rules.
/// assert!(model.rules.is_none());
/// assert_eq!(model.tax.municipal_rate, samkalk::defaults().tax.municipal_rate.value);
/// ```
pub fn resolved_model(scenario: &Scenario) -> TaxModel {
    let tax = resolved_tax(scenario);
    let t = &scenario.tax;
    if scenario.version < 2 || t.method != Some(TaxMethod::Rules) {
        return TaxModel { tax, rules: None };
    }
    let year = t.year.unwrap_or_else(crate::tax::default_tax_year);
    let Some(rules) = crate::tax::rules_for(year) else { return TaxModel { tax, rules: None } };
    let list = crate::tax::municipalities(year);
    let chosen = t.municipality.as_deref().and_then(|q| list.and_then(|l| l.find(q).ok()));
    let (nat_m, nat_r) = list.map(|l| (l.national_municipal, l.national_regional)).unwrap_or_default();
    let municipal_rate = t.municipal_rate.unwrap_or(chosen.map(|m| m.municipal_rate).unwrap_or(nat_m));
    let regional_rate = t.regional_rate.unwrap_or(chosen.map(|m| m.regional_rate).unwrap_or(nat_r));
    let equalisation =
        (t.equalisation == Some(true)).then(|| crate::tax::tax_data().equalisation.rates_for(chosen.map(|m| m.code.as_str())));
    TaxModel { tax, rules: Some(RulesTax { rules, municipal_rate, regional_rate, equalisation }) }
}

/// The longest horizon calculated, in years (validation's limit; longer is clamped).
const MAX_YEARS: usize = 60;

/// The fault for an overflow at `path`; the path is written only when there is one.
fn overflow_at(path: impl FnOnce() -> String) -> impl FnOnce(Overflow) -> ScenarioError {
    move |_| FieldError::new(path(), Fault::Overflow).into()
}

/// Calculates a scenario already validated; also returns each actor's and society's unrounded
/// NPV (seven actors, then society), which analyses need to find exact zeros.
pub(crate) fn calculate_valid(scenario: &Scenario) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1]), ScenarioError> {
    if short_figures(scenario) {
        calculate_in::<Fx>(scenario).map(|(result, npv, _)| (result, npv))
    } else {
        calculate_in::<Decimal>(scenario).map(|(result, npv, _)| (result, npv))
    }
}

/// [`calculate_valid`]'s result alone. The result (about 2 KB before its vectors) is written
/// once into the return value instead of being moved out of a tuple at each layer.
fn calculate_result(scenario: &Scenario) -> Result<CalculationResult, ScenarioError> {
    let mut npv = [Decimal::ZERO; ACTOR_COUNT + 1];
    if short_figures(scenario) {
        calculate_into::<Fx>(scenario, &mut npv, &mut (Vec::new(), Vec::new()))
    } else {
        calculate_into::<Decimal>(scenario, &mut npv, &mut (Vec::new(), Vec::new()))
    }
}

/// Whether the calculation is done on [`Fx`], which pays while the figures stay short enough
/// for exact integer products: inputs of at most nine digits each, no pathways (their monthly
/// occupancies are divisions of 28 digits) and no restatement of the built-in states (also a
/// division). Otherwise nearly every step would be rust_decimal's anyway, and Fx would only
/// add its conversions. The results are the same either way (fixed.rs and the tests of this
/// module hold the two to each other); only the time differs.
#[inline]
fn short_figures(scenario: &Scenario) -> bool {
    // The WebAssembly calculator keeps the one copy on Decimal. Measured on 2 Dec 2026
    // (wasm/bench-instructions.sh, calculate(object) on 002.json): with Fx it took 889,059
    // instructions against 811,483 on Decimal (wasm has no native 128-bit arithmetic), and the
    // calculator's .wasm grew from 617.5 to 689.8 KB, over its budget (wasm/README.md).
    if cfg!(target_family = "wasm") {
        return false;
    }
    const SHORT: u128 = 1_000_000_000;
    let short = |x: &Decimal| x.mantissa().unsigned_abs() < SHORT;
    let tax = &scenario.tax;
    let own_states = scenario.states.values().all(|state| {
        state.flows.iter().all(|f| short(&f.amount) && !f.investment)
            && state.earnings.as_ref().is_none_or(|e| short(&e.monthly_wage) && short(&e.employment_rate) && short(&e.productivity))
    });
    let cohorts = scenario.cohorts.iter().all(|c| {
        let it = &c.intervention;
        [&it.cost_per_participant, &it.fixed_cost, &it.optimism_bias].into_iter().all(short)
            && it.financing.iter().all(|(_, share)| short(share))
            && c.outcomes.iter().all(|o| {
                o.then.is_empty()
                    && [&o.share, &o.counterfactual_share, &o.deadweight, &o.attribution, &o.displacement, &o.retention]
                        .into_iter()
                        .all(short)
            })
    });
    own_states
        && cohorts
        && [&tax.municipal_rate, &tax.regional_rate, &tax.employer_contribution_rate].into_iter().all(|r| r.as_ref().is_none_or(short))
        && restatement(scenario).is_none()
}

/// Each year's unrounded gain and investment per actor (one array per year), from which the
/// result's rounded figures are made; the workbook's formulas work on these.
pub(crate) type YearlyExact = (Vec<[Decimal; ACTOR_COUNT]>, Vec<[Decimal; ACTOR_COUNT]>);

/// [`calculate_valid`] that also hands back the unrounded yearly figures.
pub(crate) fn calculate_valid_exact(
    scenario: &Scenario,
) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1], YearlyExact), ScenarioError> {
    if !short_figures(scenario) {
        return calculate_in::<Decimal>(scenario);
    }
    let (result, npv, (gain, investment)) = calculate_in::<Fx>(scenario)?;
    let decimals = |rows: Vec<Row<Fx>>| rows.into_iter().map(|r| r.map(|x| x.dec())).collect();
    Ok((result, npv, (decimals(gain), decimals(investment))))
}

/// The calculation on rust_decimal's numbers throughout: the reference the tests hold the
/// calculation (on [`Fx`]) to.
#[cfg(test)]
pub(crate) fn calculate_valid_reference(
    scenario: &Scenario,
) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1], YearlyExact), ScenarioError> {
    calculate_in::<Decimal>(scenario)
}

/// [`npv_valid`] on rust_decimal's numbers throughout, the tests' reference.
#[cfg(test)]
pub(crate) fn npv_valid_reference(scenario: &Scenario) -> Result<[Decimal; ACTOR_COUNT + 1], ScenarioError> {
    npv_in::<Decimal>(scenario, &NpvPlan::default(), |s| calculate_in::<Decimal>(s).map(|(_, npv, _)| npv))
}

/// The calculation on numbers `N`: the result, the unrounded NPVs and the unrounded yearly
/// figures.
#[allow(clippy::type_complexity)]
fn calculate_in<N: Num>(
    scenario: &Scenario,
) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1], (Vec<Row<N>>, Vec<Row<N>>)), ScenarioError> {
    let mut npv = [Decimal::ZERO; ACTOR_COUNT + 1];
    let mut yearly = (Vec::new(), Vec::new());
    let result = calculate_into::<N>(scenario, &mut npv, &mut yearly)?;
    Ok((result, npv, yearly))
}

/// [`calculate_in`] with the NPVs and the yearly figures written to `npv` and `yearly`, so
/// that the result is returned as it is built.
#[allow(clippy::type_complexity)]
fn calculate_into<N: Num>(
    scenario: &Scenario,
    npv: &mut [Decimal; ACTOR_COUNT + 1],
    yearly: &mut (Vec<Row<N>>, Vec<Row<N>>),
) -> Result<CalculationResult, ScenarioError> {
    let no_plan = NpvPlan::default();
    let Totals { horizon, cohorts, gain, investment } = add_cohorts::<N>(scenario, true, &no_plan)?;
    let years = horizon.years;
    let per_actor = {
        // One actor's column at a time, on the stack (at most 60 years), summarised into its
        // place in the result.
        let (mut g, mut inv) = ([N::ZERO; MAX_YEARS], [N::ZERO; MAX_YEARS]);
        let (g, inv) = (&mut g[..years], &mut inv[..years]);
        let mut out: [ActorResult; ACTOR_COUNT + 1] = std::array::from_fn(|_| ActorResult::empty());
        let mut all = || -> Calc<()> {
            for a in 0..ACTOR_COUNT {
                for t in 0..years {
                    g[t] = gain[t][a];
                    inv[t] = investment[t][a];
                }
                npv[a] = summarise_into(g, inv, &horizon, scenario.start_year, &mut out[a])?;
            }
            society_columns(&gain, &investment, g, inv)?;
            npv[ACTOR_COUNT] = summarise_into(g, inv, &horizon, scenario.start_year, &mut out[ACTOR_COUNT])?;
            Ok(())
        };
        all().map_err(overflow_at(|| "cohorts".into()))?;
        PerActor::from_array(out)
    };
    *yearly = (gain, investment);
    Ok(CalculationResult {
        version: scenario.version.clamp(1, crate::validate::MAX_VERSION),
        years: (0..years as i64).map(|t| scenario.start_year + t).collect(),
        per_actor,
        cohorts,
    })
}

/// Only the unrounded NPVs of [`calculate_valid`] (seven actors, then society), equal to its
/// value for value: the same operations in the same order, without the break-even tables and
/// the rounded yearly figures. Monte Carlo needs nothing else from a draw (it runs
/// [`npv_planned`], which is this with the draws' shared work done once).
#[cfg(test)]
pub(crate) fn npv_valid(scenario: &Scenario) -> Result<[Decimal; ACTOR_COUNT + 1], ScenarioError> {
    npv_planned(scenario, &NpvPlan::default())
}

/// What the draws of one analysis share, derived once from its base scenario: the yearly net of
/// every state a cohort starts in or reaches that no drawn parameter changes (most drawn
/// parameters, shares, costs, participants, retention, discount rate, change none), and the
/// discount factors unless the discount rate or the horizon is drawn.
#[derive(Default)]
pub(crate) struct NpvPlan {
    nets: Vec<(String, Row<Decimal>)>,
    horizon: Option<Horizon>,
}

impl NpvPlan {
    /// The plan for draws of `scenario` in which the states for which `changes` is true (and
    /// only those) take other numbers, and the horizon too when `horizon_changes`. A state whose
    /// net overflows, or factors that overflow, are left to each draw, which then names the
    /// fault as the calculation does.
    pub(crate) fn new(scenario: &Scenario, changes: impl Fn(&str) -> bool, horizon_changes: bool) -> NpvPlan {
        let model = resolved_model(scenario);
        let mut nets: Vec<(String, Row<Decimal>)> = Vec::new();
        let ids = scenario.cohorts.iter().flat_map(|c| std::iter::once(&c.origin).chain(c.outcomes.iter().map(|o| &o.target)));
        for id in ids {
            if changes(id) || nets.iter().any(|(k, _)| k == id) {
                continue;
            }
            let net = match resolved_state(scenario, id) {
                Some(Ok(state)) => yearly_net_with(&state, &model),
                Some(Err(_)) => continue,
                None => Ok([Decimal::ZERO; ACTOR_COUNT]),
            };
            if let Ok(net) = net {
                nets.push((id.clone(), net));
            }
        }
        let years = scenario.horizon_years.clamp(1, MAX_YEARS as i64) as usize;
        let horizon = if horizon_changes { None } else { Horizon::new(years, scenario.discount_rate).ok() };
        NpvPlan { nets, horizon }
    }

    /// The states whose nets the plan holds, in the order first used.
    #[cfg(test)]
    pub(crate) fn states(&self) -> Vec<&str> {
        self.nets.iter().map(|(id, _)| id.as_str()).collect()
    }
}

/// [`npv_valid`] of a draw of the scenario `plan` was made for: the same NPVs, with the
/// plan's state nets taken as they are instead of derived again.
pub(crate) fn npv_planned(scenario: &Scenario, plan: &NpvPlan) -> Result<[Decimal; ACTOR_COUNT + 1], ScenarioError> {
    let full = |s: &Scenario| calculate_valid(s).map(|(_, npv)| npv);
    if short_figures(scenario) {
        npv_in::<Fx>(scenario, plan, full)
    } else {
        npv_in::<Decimal>(scenario, plan, full)
    }
}

/// [`npv_valid`] on numbers `N`; `full` names a fault as the full calculation does.
fn npv_in<N: Num>(
    scenario: &Scenario,
    plan: &NpvPlan,
    full: impl FnOnce(&Scenario) -> Result<[Decimal; ACTOR_COUNT + 1], ScenarioError>,
) -> Result<[Decimal; ACTOR_COUNT + 1], ScenarioError> {
    let Totals { horizon, gain, investment, .. } = add_cohorts::<N>(scenario, false, plan)?;
    let npv = || -> Calc<_> {
        let years = horizon.years;
        let mut npv = [Decimal::ZERO; ACTOR_COUNT + 1];
        let (mut g, mut inv) = ([N::ZERO; MAX_YEARS], [N::ZERO; MAX_YEARS]);
        let (g, inv) = (&mut g[..years], &mut inv[..years]);
        for a in 0..ACTOR_COUNT {
            for t in 0..years {
                g[t] = gain[t][a];
                inv[t] = investment[t][a];
            }
            npv[a] = crate::cohort::npv(g, inv, &horizon)?;
        }
        society_columns(&gain, &investment, g, inv)?;
        npv[ACTOR_COUNT] = crate::cohort::npv(g, inv, &horizon)?;
        Ok(npv)
    };
    match npv() {
        Ok(npv) => Ok(npv),
        // The full calculation names the fault as a calculation does.
        Err(_) => full(scenario),
    }
}

/// Society's yearly gain and investment: the seven actors' summed in actor order.
fn society_columns<N: Num>(gain: &[Row<N>], investment: &[Row<N>], g: &mut [N], inv: &mut [N]) -> Calc<()> {
    for t in 0..gain.len() {
        let (mut sg, mut si) = (N::ZERO, N::ZERO);
        for a in 0..ACTOR_COUNT {
            sg = sg.add(gain[t][a])?;
            si = si.add(investment[t][a])?;
        }
        g[t] = sg;
        inv[t] = si;
    }
    Ok(())
}

/// Every cohort added up: the horizon, each cohort's echo (with its break-even table when
/// `tables`), and each year's unrounded gain and investment per actor.
struct Totals<'p, N> {
    horizon: Cow<'p, Horizon>, // the draw's own, or borrowed from the plan
    cohorts: Vec<CohortResult>,
    gain: Vec<Row<N>>,
    investment: Vec<Row<N>>,
}

fn add_cohorts<'s, N: Num>(scenario: &'s Scenario, tables: bool, plan: &'s NpvPlan) -> Result<Totals<'s, N>, ScenarioError> {
    let years = scenario.horizon_years.clamp(1, MAX_YEARS as i64) as usize;
    let horizon = match &plan.horizon {
        Some(h) => Cow::Borrowed(h),
        None => Cow::Owned(Horizon::new(years, scenario.discount_rate).map_err(overflow_at(|| "discount_rate".into()))?),
    };
    let model = resolved_model(scenario);

    // Each state's yearly net, computed once however many cohorts use it (or taken from the plan).
    let mut nets: Vec<(&str, Row<N>)> = plan.nets.iter().map(|(id, net)| (id.as_str(), net.map(N::of))).collect();
    let mut net_of = |id: &'s str| -> Calc<Row<N>> {
        if let Some((_, n)) = nets.iter().find(|(k, _)| *k == id) {
            return Ok(*n);
        }
        let n = match resolved_state(scenario, id) {
            Some(state) => yearly_net_with(&*state?, &model)?.map(N::of),
            None => [N::ZERO; ACTOR_COUNT],
        };
        nets.push((id, n));
        Ok(n)
    };
    let has_step_costs = |id: &str| resolve_state(scenario, id).is_some_and(|s| s.flows.iter().any(|f| f.investment));

    let mut gain = vec![[N::ZERO; ACTOR_COUNT]; years];
    let mut investment = vec![[N::ZERO; ACTOR_COUNT]; years];
    let mut cohorts = Vec::with_capacity(if tables { scenario.cohorts.len() } else { 0 });
    let mut scratch = Scratch::new();
    let mut effects = Vec::new();
    for (i, cohort) in scenario.cohorts.iter().enumerate() {
        let at = || format!("cohorts[{i}]");
        let origin = net_of(&cohort.origin).map_err(overflow_at(|| format!("states.{}", cohort.origin)))?;
        effects.clear();
        for (k, o) in cohort.outcomes.iter().enumerate() {
            let outcome_at = || format!("cohorts[{i}].outcomes[{k}]");
            // Version 1's formula unless the outcome has moves or reaches a step cost; it keeps
            // every version-1 result byte for byte.
            if o.then.is_empty() && !has_step_costs(&o.target) {
                let target = net_of(&o.target).map_err(overflow_at(|| format!("states.{}", o.target)))?;
                let mut d = [N::ZERO; ACTOR_COUNT];
                for a in 0..ACTOR_COUNT {
                    d[a] = target[a].sub(origin[a]).map_err(overflow_at(|| format!("cohorts[{i}].outcomes[{k}].target")))?;
                }
                effects.push(Effect::Direct(d));
                continue;
            }
            let move_month = move_month(cohort, o);
            let occ = crate::pathway::occupancy(o, &cohort.origin, move_month, years).map_err(overflow_at(outcome_at))?;
            let mut deltas = Vec::with_capacity(occ.states.len());
            for id in &occ.states {
                let net = net_of(id).map_err(overflow_at(|| format!("states.{id}")))?;
                let cost = match resolve_state(scenario, id) {
                    Some(state) => step_costs(state).map_err(overflow_at(|| format!("states.{id}")))?.map(N::of),
                    None => [N::ZERO; ACTOR_COUNT],
                };
                let mut d = [N::ZERO; ACTOR_COUNT];
                for a in 0..ACTOR_COUNT {
                    d[a] = net[a].sub(origin[a]).map_err(overflow_at(|| format!("states.{id}")))?;
                }
                deltas.push((d, cost));
            }
            let per_year = || -> Calc<Vec<(Row<N>, Row<N>)>> {
                let mut out = Vec::with_capacity(years);
                for t in 0..years {
                    let (mut u, mut c) = ([N::ZERO; ACTOR_COUNT], [N::ZERO; ACTOR_COUNT]);
                    for (s, (d, cost)) in deltas.iter().enumerate() {
                        let y = occ.year_sum(t, s)?;
                        if y.is_zero() {
                            continue;
                        }
                        let y = N::of(y);
                        for a in 0..ACTOR_COUNT {
                            if !d[a].is_zero() {
                                u[a] = u[a].add(y.mul(d[a])?)?;
                            }
                            if !cost[a].is_zero() {
                                c[a] = c[a].add(y.mul(cost[a])?)?;
                            }
                        }
                    }
                    out.push((u, c));
                }
                Ok(out)
            };
            effects.push(Effect::Monthly(per_year().map_err(overflow_at(outcome_at))?));
        }
        let break_even =
            add_cohort(cohort, &effects, &horizon, &mut scratch, &mut gain, &mut investment, tables).map_err(overflow_at(at))?;
        if tables {
            cohorts.push(CohortResult { name: cohort.name.clone(), break_even });
        }
    }
    Ok(Totals { horizon, cohorts, gain, investment })
}

/// The month e of an outcome's move: start_month + duration_months + lag_months.
pub(crate) fn move_month(cohort: &crate::scenario::Cohort, outcome: &crate::scenario::Outcome) -> i64 {
    let it = &cohort.intervention;
    it.start_month.saturating_add(it.duration_months).saturating_add(outcome.lag_months)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A decimal of `digits` random digits at `scale` decimals (rust_decimal's bounds kept).
    fn decimal(max_digits: u32, max_scale: u32) -> impl Strategy<Value = Decimal> {
        (1..=max_digits, 0..=max_scale)
            .prop_flat_map(|(digits, scale)| (0..10i128.pow(digits)).prop_map(move |m| Decimal::from_i128_with_scale(m, scale.min(28))))
    }

    /// A fraction in [0, 1] with up to `max_scale` decimals.
    fn fraction(max_scale: u32) -> impl Strategy<Value = Decimal> {
        (0..=max_scale).prop_flat_map(|scale| {
            let top = 10i128.pow(scale);
            (0..=top).prop_map(move |m| Decimal::from_i128_with_scale(m, scale))
        })
    }

    #[derive(Debug, Clone)]
    struct Changes {
        participants: [i64; 2],
        shares: [Decimal; 2],
        retention: [Decimal; 2],
        deadweight: Decimal,
        cost: [Decimal; 2],
        fixed_cost: Decimal,
        duration: [i64; 2],
        start: [i64; 2],
        lag: i64,
        horizon: i64,
        discount: Decimal,
        municipal_rate: Option<Decimal>,
    }

    fn changes() -> impl Strategy<Value = Changes> {
        // Short figures (the fast path's own), long ones (Monte Carlo's drawn values), and huge
        // amounts that overflow 28 digits: every path and every fault.
        let amount = prop_oneof![decimal(7, 2), decimal(18, 10), decimal(28, 4)];
        let share = prop_oneof![fraction(3), fraction(17), fraction(28)];
        (
            ([1i64..100, 1i64..1_000_000], [share.clone(), share.clone()], [share.clone(), share.clone()], share.clone()),
            ([amount.clone(), amount.clone()], prop_oneof![Just(Decimal::ZERO), amount]),
            ([1i64..=36, 1i64..=36], [0i64..24, 0i64..24], 0i64..18, 1i64..=60),
            prop_oneof![
                Just(Decimal::ZERO),
                fraction(3).prop_map(|r| r / Decimal::from(5)),
                fraction(12).prop_map(|r| r / Decimal::from(5))
            ],
            proptest::option::of(fraction(6).prop_map(|r| r / Decimal::from(2))),
        )
            .prop_map(
                |(
                    (participants, shares, retention, deadweight),
                    (cost, fixed_cost),
                    (duration, start, lag, horizon),
                    discount,
                    municipal_rate,
                )| {
                    Changes {
                        participants,
                        shares,
                        retention,
                        deadweight,
                        cost,
                        fixed_cost,
                        duration,
                        start,
                        lag,
                        horizon,
                        discount,
                        municipal_rate,
                    }
                },
            )
    }

    fn changed(toml: &str, c: &Changes) -> Scenario {
        let mut s = Scenario::from_toml(toml).expect("the example is valid");
        s.horizon_years = c.horizon;
        s.discount_rate = c.discount;
        s.tax.municipal_rate = c.municipal_rate;
        for (i, cohort) in s.cohorts.iter_mut().enumerate() {
            let k = i % 2;
            cohort.participants = c.participants[k];
            let it = &mut cohort.intervention;
            it.cost_per_participant = c.cost[k];
            it.fixed_cost = if k == 0 { c.fixed_cost } else { Decimal::ZERO };
            it.duration_months = c.duration[k];
            it.start_month = c.start[k];
            for outcome in &mut cohort.outcomes {
                outcome.share = c.shares[k];
                outcome.retention = c.retention[k];
                outcome.deadweight = if k == 1 { c.deadweight } else { Decimal::ZERO };
                outcome.lag_months = c.lag;
            }
        }
        s
    }

    /// The calculation on Fx and on rust_decimal: the same result (to the byte, as JSON), NPVs,
    /// yearly figures and faults; npv_valid the same as its reference.
    fn same_both_ways(s: &Scenario) -> Result<(), TestCaseError> {
        let fx = calculate_in::<Fx>(s).map(|(r, npv, (g, i))| {
            let d = |rows: Vec<Row<Fx>>| rows.into_iter().map(|r| r.map(|x| x.dec())).collect::<Vec<_>>();
            (r, npv, (d(g), d(i)))
        });
        let reference = calculate_valid_reference(s);
        match (&fx, &reference) {
            (Ok((r, npv, yearly)), Ok((r_ref, npv_ref, yearly_ref))) => {
                prop_assert_eq!(r.to_json(), r_ref.to_json());
                prop_assert_eq!(r.to_json(), serde_json::to_string(r).unwrap());
                prop_assert_eq!(r, r_ref);
                prop_assert_eq!(npv, npv_ref);
                prop_assert_eq!(yearly, yearly_ref);
            }
            (Err(e), Err(e_ref)) => prop_assert_eq!(e, e_ref),
            _ => prop_assert!(false, "{fx:?} against {reference:?}"),
        }
        prop_assert_eq!(calculate_valid(s).map(|(r, npv)| (r.to_json(), npv)), reference.clone().map(|(r, npv, _)| (r.to_json(), npv)));
        let full = |s: &Scenario| calculate_valid_reference(s).map(|(_, npv, _)| npv);
        prop_assert_eq!(npv_in::<Fx>(s, &NpvPlan::default(), full), npv_valid_reference(s));
        prop_assert_eq!(npv_valid(s), npv_valid_reference(s));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        #[test]
        fn fast_path_is_the_reference_on_the_main_example(c in changes()) {
            same_both_ways(&changed(include_str!("../../examples/programme.toml"), &c))?;
        }
    }

    proptest! {
        // Pathways are slower to calculate; fewer cases.
        #![proptest_config(ProptestConfig::with_cases(80))]
        #[test]
        fn fast_path_is_the_reference_on_pathways(c in changes()) {
            same_both_ways(&changed(include_str!("../../examples/trelleborg.toml"), &c))?;
            same_both_ways(&changed(include_str!("../../examples/nynashamn.toml"), &c))?;
        }
    }

    #[test]
    fn short_figures_choose_fx_and_long_ones_rust_decimal() {
        let main = Scenario::from_toml(include_str!("../../examples/programme.toml")).unwrap();
        assert!(short_figures(&main));
        let mut drawn = main.clone();
        drawn.cohorts[0].outcomes[0].share = "0.31415926535897931".parse().unwrap();
        assert!(!short_figures(&drawn));
        assert!(!short_figures(&Scenario::from_toml(include_str!("../../examples/trelleborg.toml")).unwrap()));
    }
}
