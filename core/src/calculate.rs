//! The calculation: validate, resolve states and tax rates, add up cohorts, summarise.

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::arith::{add, sub, Calc, Overflow};
use crate::cohort::{add_cohort, Effect, Horizon, Scratch};
use crate::defaults::defaults;
use crate::error::{FieldError, ScenarioError};
use crate::flow::{Net, Tax};
use crate::result::{summarise, ActorResult, ActorResults, CalculationResult, CohortResult};
use crate::scenario::{Scenario, State};
use crate::state::{step_costs, yearly_net};
use crate::validate::validate;

/// Calculates a scenario. It is validated first: an invalid one gives every fault at its path.
pub fn calculate(scenario: &Scenario) -> Result<CalculationResult, ScenarioError> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(ScenarioError { errors });
    }
    calculate_valid(scenario).map(|(result, _)| result)
}

/// The tax rates in force: the scenario's, each missing one from the defaults.
pub fn resolved_tax(scenario: &Scenario) -> Tax {
    let d = &defaults().tax;
    Tax {
        municipal_rate: scenario.tax.municipal_rate.unwrap_or(d.municipal_rate.value),
        regional_rate: scenario.tax.regional_rate.unwrap_or(d.regional_rate.value),
        employer_contribution_rate: scenario.tax.employer_contribution_rate.unwrap_or(d.employer_contribution_rate.value),
    }
}

/// The state an id names: the scenario's own, else the built-in one.
pub fn resolve_state<'s>(scenario: &'s Scenario, id: &str) -> Option<&'s State> {
    scenario.states.get(id).or_else(|| defaults().states.get(id).map(|d| &d.state))
}

/// The fault for an overflow at `path`; the path is written only when there is one.
fn overflow_at(path: impl FnOnce() -> String) -> impl FnOnce(Overflow) -> ScenarioError {
    move |_| FieldError::new(path(), "the calculation overflows the range of 28-digit decimals").into()
}

/// Calculates a scenario already validated; also returns each actor's and society's unrounded
/// NPV (seven actors, then society), which analyses need to find exact zeros.
pub(crate) fn calculate_valid<'s>(scenario: &'s Scenario) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1]), ScenarioError> {
    let years = scenario.horizon_years.clamp(1, 60) as usize;
    let horizon = Horizon::new(years, scenario.discount_rate).map_err(overflow_at(|| "discount_rate".into()))?;
    let tax = resolved_tax(scenario);

    // Each state's yearly net, computed once however many cohorts use it.
    let mut nets: Vec<(&str, Net)> = Vec::new();
    let mut net_of = |id: &'s str| -> Calc<Net> {
        if let Some((_, n)) = nets.iter().find(|(k, _)| *k == id) {
            return Ok(*n);
        }
        let n = match resolve_state(scenario, id) {
            Some(state) => yearly_net(state, &tax)?,
            None => [Decimal::ZERO; ACTOR_COUNT],
        };
        nets.push((id, n));
        Ok(n)
    };
    let has_step_costs = |id: &str| resolve_state(scenario, id).is_some_and(|s| s.flows.iter().any(|f| f.investment));

    let mut gain = vec![[Decimal::ZERO; ACTOR_COUNT]; years];
    let mut investment = vec![[Decimal::ZERO; ACTOR_COUNT]; years];
    let mut cohorts = Vec::with_capacity(scenario.cohorts.len());
    let mut scratch = Scratch::default();
    for (i, cohort) in scenario.cohorts.iter().enumerate() {
        let at = || format!("cohorts[{i}]");
        let origin = net_of(&cohort.origin).map_err(overflow_at(|| format!("states.{}", cohort.origin)))?;
        let mut effects = Vec::with_capacity(cohort.outcomes.len());
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
        let break_even = add_cohort(cohort, &effects, &horizon, &mut scratch, &mut gain, &mut investment).map_err(overflow_at(at))?;
        cohorts.push(CohortResult { name: cohort.name.clone(), break_even });
    }

    let totals = || -> Calc<_> {
        let mut npv = [Decimal::ZERO; ACTOR_COUNT + 1];
        let mut per_actor: Vec<ActorResult> = Vec::with_capacity(ACTOR_COUNT);
        let mut g = vec![Decimal::ZERO; years];
        let mut inv = vec![Decimal::ZERO; years];
        for actor in Actor::ALL {
            let a = actor.index();
            for t in 0..years {
                g[t] = gain[t][a];
                inv[t] = investment[t][a];
            }
            let (r, exact) = summarise(&g, &inv, &horizon, scenario.start_year)?;
            npv[a] = exact;
            per_actor.push(r);
        }
        for t in 0..years {
            let (mut sg, mut si) = (Decimal::ZERO, Decimal::ZERO);
            for a in 0..ACTOR_COUNT {
                sg = add(sg, gain[t][a])?;
                si = add(si, investment[t][a])?;
            }
            g[t] = sg;
            inv[t] = si;
        }
        let (society, exact) = summarise(&g, &inv, &horizon, scenario.start_year)?;
        npv[ACTOR_COUNT] = exact;
        let actors: [ActorResult; ACTOR_COUNT] = per_actor.try_into().map_err(|_| Overflow)?;
        Ok((ActorResults(actors), society, npv))
    };
    let (actors, society, npv) = totals().map_err(overflow_at(|| "cohorts".into()))?;
    Ok((
        CalculationResult {
            version: scenario.version,
            years: (0..years as i64).map(|t| scenario.start_year + t).collect(),
            actors,
            society,
            cohorts,
        },
        npv,
    ))
}

/// The month e of an outcome's move: start_month + duration_months + lag_months.
pub(crate) fn move_month(cohort: &crate::scenario::Cohort, outcome: &crate::scenario::Outcome) -> i64 {
    let it = &cohort.intervention;
    it.start_month.saturating_add(it.duration_months).saturating_add(outcome.lag_months)
}
