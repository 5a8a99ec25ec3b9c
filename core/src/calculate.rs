//! The calculation: validate, resolve states and tax rates, add up cohorts, summarise.

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::arith::{add, sub, Calc, Overflow};
use crate::cohort::{add_cohort, Horizon, Scratch};
use crate::defaults::defaults;
use crate::error::{FieldError, ScenarioError};
use crate::flow::{Net, Tax};
use crate::result::{summarise, ActorResult, ActorResults, CalculationResult, CohortResult};
use crate::scenario::{Scenario, State};
use crate::state::yearly_net;
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
pub(crate) fn calculate_valid(scenario: &Scenario) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1]), ScenarioError> {
    calculate_valid_exact(scenario).map(|(result, npv, _)| (result, npv))
}

/// Each year's unrounded gain and investment per actor (one array per year), from which the
/// result's rounded figures are made; the workbook's formulas work on these.
pub(crate) type YearlyExact = (Vec<[Decimal; ACTOR_COUNT]>, Vec<[Decimal; ACTOR_COUNT]>);

/// [`calculate_valid`] that also hands back the unrounded yearly figures.
pub(crate) fn calculate_valid_exact<'s>(
    scenario: &'s Scenario,
) -> Result<(CalculationResult, [Decimal; ACTOR_COUNT + 1], YearlyExact), ScenarioError> {
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

    let mut gain = vec![[Decimal::ZERO; ACTOR_COUNT]; years];
    let mut investment = vec![[Decimal::ZERO; ACTOR_COUNT]; years];
    let mut cohorts = Vec::with_capacity(scenario.cohorts.len());
    let mut scratch = Scratch::default();
    for (i, cohort) in scenario.cohorts.iter().enumerate() {
        let at = || format!("cohorts[{i}]");
        let origin = net_of(&cohort.origin).map_err(overflow_at(|| format!("states.{}", cohort.origin)))?;
        let mut deltas = Vec::with_capacity(cohort.outcomes.len());
        for (k, o) in cohort.outcomes.iter().enumerate() {
            let target = net_of(&o.target).map_err(overflow_at(|| format!("states.{}", o.target)))?;
            let mut d = [Decimal::ZERO; ACTOR_COUNT];
            for a in 0..ACTOR_COUNT {
                d[a] = sub(target[a], origin[a]).map_err(overflow_at(|| format!("cohorts[{i}].outcomes[{k}].target")))?;
            }
            deltas.push(d);
        }
        let break_even = add_cohort(cohort, &deltas, &horizon, &mut scratch, &mut gain, &mut investment).map_err(overflow_at(at))?;
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
        CalculationResult { version: 1, years: (0..years as i64).map(|t| scenario.start_year + t).collect(), actors, society, cohorts },
        npv,
        (gain, investment),
    ))
}
