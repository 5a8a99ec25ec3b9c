//! The calculation: validate, resolve states and tax rates, add up cohorts, summarise.

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::arith::{add, sub, Calc, Overflow};
use crate::cohort::{add_cohort, summarise, Effect, Horizon, Scratch};
use crate::defaults::defaults;
use crate::error::{Fault, FieldError, ScenarioError};
use crate::flow::{Net, RulesTax, Tax, TaxModel};
use crate::result::{ActorResult, CalculationResult, CohortResult, PerActor};
use crate::scenario::{Scenario, State, TaxMethod};
use crate::state::{step_costs, yearly_net_with};
use crate::validate::{validate, ValidScenario};

/// Calculates a scenario. It is validated first: an invalid one gives every fault at its path.
/// To validate once and calculate (or trace) more than once, see [`crate::ValidScenario`].
pub fn calculate(scenario: &Scenario) -> Result<CalculationResult, ScenarioError> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(ScenarioError { errors });
    }
    calculate_valid(scenario).map(|(result, _)| result)
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
        calculate_valid(self.scenario()).map(|(result, _)| result)
    }
}

// Restating built-in states to a price year is the defaults' own (`defaults`).
use crate::defaults::{restate_state, restatement};

/// The tax rates in force: the scenario's, each missing one from the defaults.
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
pub fn resolve_state<'s>(scenario: &'s Scenario, id: &str) -> Option<&'s State> {
    scenario.states.get(id).or_else(|| defaults().states.get(id).map(|d| &d.state))
}

/// The state an id names as the calculation uses it: the scenario's own (never restated), else
/// the built-in one, restated to the scenario's price year (version 2).
pub fn resolved_state<'s>(scenario: &'s Scenario, id: &str) -> Option<Calc<std::borrow::Cow<'s, State>>> {
    use std::borrow::Cow;
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
    calculate_valid_exact(scenario).map(|(result, npv, _)| (result, npv))
}

/// Each year's unrounded gain and investment per actor (one array per year), from which the
/// result's rounded figures are made; the workbook's formulas work on these.
pub(crate) type YearlyExact = (Vec<[Decimal; ACTOR_COUNT]>, Vec<[Decimal; ACTOR_COUNT]>);

/// [`calculate_valid`] that also hands back the unrounded yearly figures.
pub(crate) fn calculate_valid_exact(
    scenario: &Scenario,
) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1], YearlyExact), ScenarioError> {
    let Totals { horizon, cohorts, gain, investment } = add_cohorts(scenario, true)?;
    let years = horizon.years;
    let totals = || -> Calc<_> {
        let mut npv = [Decimal::ZERO; ACTOR_COUNT + 1];
        let mut per_actor: Vec<ActorResult> = Vec::with_capacity(ACTOR_COUNT + 1);
        // One actor's column at a time, on the stack (at most 60 years).
        let (mut g, mut inv) = ([Decimal::ZERO; MAX_YEARS], [Decimal::ZERO; MAX_YEARS]);
        let (g, inv) = (&mut g[..years], &mut inv[..years]);
        for actor in Actor::ALL {
            let a = actor.index();
            for t in 0..years {
                g[t] = gain[t][a];
                inv[t] = investment[t][a];
            }
            let (r, exact) = summarise(g, inv, &horizon, scenario.start_year)?;
            npv[a] = exact;
            per_actor.push(r);
        }
        society_columns(&gain, &investment, g, inv)?;
        let (society, exact) = summarise(g, inv, &horizon, scenario.start_year)?;
        npv[ACTOR_COUNT] = exact;
        per_actor.push(society);
        let all: [ActorResult; ACTOR_COUNT + 1] = per_actor.try_into().map_err(|_| Overflow)?;
        Ok((PerActor::from_array(all), npv))
    };
    let (per_actor, npv) = totals().map_err(overflow_at(|| "cohorts".into()))?;
    Ok((
        CalculationResult {
            version: scenario.version.clamp(1, crate::validate::MAX_VERSION),
            years: (0..years as i64).map(|t| scenario.start_year + t).collect(),
            per_actor,
            cohorts,
        },
        npv,
        (gain, investment),
    ))
}

/// Only the unrounded NPVs of [`calculate_valid`] (seven actors, then society), equal to its
/// value for value: the same operations in the same order, without the break-even tables and
/// the rounded yearly figures. Monte Carlo needs nothing else from a draw.
pub(crate) fn npv_valid(scenario: &Scenario) -> Result<[Decimal; ACTOR_COUNT + 1], ScenarioError> {
    let Totals { horizon, gain, investment, .. } = add_cohorts(scenario, false)?;
    let npv = || -> Calc<_> {
        let years = horizon.years;
        let mut npv = [Decimal::ZERO; ACTOR_COUNT + 1];
        let (mut g, mut inv) = ([Decimal::ZERO; MAX_YEARS], [Decimal::ZERO; MAX_YEARS]);
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
        Err(_) => calculate_valid(scenario).map(|(_, npv)| npv),
    }
}

/// Society's yearly gain and investment: the seven actors' summed in actor order.
fn society_columns(gain: &[Net], investment: &[Net], g: &mut [Decimal], inv: &mut [Decimal]) -> Calc<()> {
    for t in 0..gain.len() {
        let (mut sg, mut si) = (Decimal::ZERO, Decimal::ZERO);
        for a in 0..ACTOR_COUNT {
            sg = add(sg, gain[t][a])?;
            si = add(si, investment[t][a])?;
        }
        g[t] = sg;
        inv[t] = si;
    }
    Ok(())
}

/// Every cohort added up: the horizon, each cohort's echo (with its break-even table when
/// `tables`), and each year's unrounded gain and investment per actor.
struct Totals {
    horizon: Horizon,
    cohorts: Vec<CohortResult>,
    gain: Vec<Net>,
    investment: Vec<Net>,
}

fn add_cohorts<'s>(scenario: &'s Scenario, tables: bool) -> Result<Totals, ScenarioError> {
    let years = scenario.horizon_years.clamp(1, MAX_YEARS as i64) as usize;
    let horizon = Horizon::new(years, scenario.discount_rate).map_err(overflow_at(|| "discount_rate".into()))?;
    let model = resolved_model(scenario);

    // Each state's yearly net, computed once however many cohorts use it.
    let mut nets: Vec<(&str, Net)> = Vec::new();
    let mut net_of = |id: &'s str| -> Calc<Net> {
        if let Some((_, n)) = nets.iter().find(|(k, _)| *k == id) {
            return Ok(*n);
        }
        let n = match resolved_state(scenario, id) {
            Some(state) => yearly_net_with(&*state?, &model)?,
            None => [Decimal::ZERO; ACTOR_COUNT],
        };
        nets.push((id, n));
        Ok(n)
    };
    let has_step_costs = |id: &str| resolve_state(scenario, id).is_some_and(|s| s.flows.iter().any(|f| f.investment));

    let mut gain = vec![[Decimal::ZERO; ACTOR_COUNT]; years];
    let mut investment = vec![[Decimal::ZERO; ACTOR_COUNT]; years];
    let mut cohorts = Vec::with_capacity(if tables { scenario.cohorts.len() } else { 0 });
    let mut scratch = Scratch::default();
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
                let mut d = [Decimal::ZERO; ACTOR_COUNT];
                for a in 0..ACTOR_COUNT {
                    d[a] = sub(target[a], origin[a]).map_err(overflow_at(|| format!("cohorts[{i}].outcomes[{k}].target")))?;
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
                    Some(state) => step_costs(state).map_err(overflow_at(|| format!("states.{id}")))?,
                    None => [Decimal::ZERO; ACTOR_COUNT],
                };
                let mut d = [Decimal::ZERO; ACTOR_COUNT];
                for a in 0..ACTOR_COUNT {
                    d[a] = sub(net[a], origin[a]).map_err(overflow_at(|| format!("states.{id}")))?;
                }
                deltas.push((d, cost));
            }
            let per_year = || -> Calc<Vec<(Net, Net)>> {
                use crate::arith::outlined::{add, mul};
                let mut out = Vec::with_capacity(years);
                for t in 0..years {
                    let (mut u, mut c) = ([Decimal::ZERO; ACTOR_COUNT], [Decimal::ZERO; ACTOR_COUNT]);
                    for (s, (d, cost)) in deltas.iter().enumerate() {
                        let y = occ.year_sum(t, s)?;
                        if y.is_zero() {
                            continue;
                        }
                        for a in 0..ACTOR_COUNT {
                            if !d[a].is_zero() {
                                u[a] = add(u[a], mul(y, d[a])?)?;
                            }
                            if !cost[a].is_zero() {
                                c[a] = add(c[a], mul(y, cost[a])?)?;
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
