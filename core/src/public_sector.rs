//! The public sector as a whole (*offentlig sektor*): the municipality, Arbetsförmedlingen,
//! Försäkringskassan, the region and the state ([`PUBLIC_SECTOR`]), as Swedish analyses
//! commonly show it beside society.
//!
//! Its figures are made exactly as an actor's are: each year's unrounded gain and investment of
//! the five actors are summed, and the sums are summarised like one actor's flows (net,
//! cumulative net, totals, NPV, payback year, benefit-cost ratio), each rounded from the
//! unrounded value. It is a derived view, not part of MODEL.md's result JSON, which keeps every
//! existing result byte for byte.

use rust_decimal::Decimal;

use crate::actor::Actor;
use crate::arith::{add, Calc};
use crate::calculate::calculate_valid_exact;
use crate::cohort::summarise;
use crate::cohort::Horizon;
use crate::error::{Fault, FieldError, ScenarioError};
use crate::result::{ActorResult, CalculationResult};
use crate::scenario::Scenario;
use crate::validate::{validate, ValidScenario};

pub use crate::actor::PUBLIC_SECTOR;

/// The public sector's id where a figure is named by id beside the actors' (`public_sector`).
///
/// ```
/// use samkalk::{present::row_label, public_sector::PUBLIC_SECTOR_ID, Lang};
/// assert_eq!(row_label(PUBLIC_SECTOR_ID, Lang::Sv), Some("Offentlig sektor"));
/// // It names no actor.
/// assert_eq!(samkalk::Actor::from_id(PUBLIC_SECTOR_ID), None);
/// ```
pub const PUBLIC_SECTOR_ID: &str = "public_sector";

/// Whether an actor belongs to the public sector.
///
/// ```
/// use samkalk::{public_sector::is_public, Actor};
/// assert!(is_public(Actor::Region) && !is_public(Actor::Employer));
/// ```
pub fn is_public(actor: Actor) -> bool {
    PUBLIC_SECTOR.contains(&actor)
}

/// Calculates a scenario and gives its result with the public sector's figures, from one
/// calculation. An invalid scenario gives every fault at its path, as [`crate::calculate()`].
///
/// ```
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}],
///     "intervention": {"cost_per_participant": "40000", "duration_months": 6}}]}"#).unwrap();
/// let (result, public) = samkalk::public_sector::calculate_with_public_sector(&scenario).unwrap();
/// // Only the municipality pays the intervention here, so the public sector invests what it does.
/// assert_eq!(public.total_investment, result.actor(samkalk::Actor::Municipality).total_investment);
/// ```
pub fn calculate_with_public_sector(scenario: &Scenario) -> Result<(CalculationResult, ActorResult), ScenarioError> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(ScenarioError { errors });
    }
    with_public_sector(scenario)
}

impl ValidScenario {
    /// The result and the public sector's figures, as [`calculate_with_public_sector`] gives
    /// them but without validating again.
    ///
    /// ```
    /// let valid = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
    /// let (result, public) = valid.calculate_with_public_sector().unwrap();
    /// assert_eq!(public.npv, result.society().npv);
    /// ```
    pub fn calculate_with_public_sector(&self) -> Result<(CalculationResult, ActorResult), ScenarioError> {
        with_public_sector(self.scenario())
    }

    /// The public sector's figures, as [`public_sector`] gives them but without validating again.
    ///
    /// ```
    /// let valid = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
    /// assert!(valid.public_sector().unwrap().npv.value().is_zero());
    /// ```
    pub fn public_sector(&self) -> Result<ActorResult, ScenarioError> {
        with_public_sector(self.scenario()).map(|(_, public)| public)
    }
}

/// The result and the public sector of a scenario validated by the caller.
fn with_public_sector(scenario: &Scenario) -> Result<(CalculationResult, ActorResult), ScenarioError> {
    let (result, _, (gain, investment)) = calculate_valid_exact(scenario)?;
    let public = summed(&gain, &investment, scenario).map_err(|_| ScenarioError::from(FieldError::new("cohorts", Fault::Overflow)))?;
    Ok((result, public))
}

/// The public sector's figures of a scenario (it is calculated, and validated first).
///
/// ```
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// assert!(samkalk::public_sector::public_sector(&scenario).unwrap().npv.value().is_zero());
/// ```
pub fn public_sector(scenario: &Scenario) -> Result<ActorResult, ScenarioError> {
    calculate_with_public_sector(scenario).map(|(_, public)| public)
}

/// The five actors' unrounded yearly flows summed, and summarised as one actor's.
fn summed(
    gain: &[[Decimal; crate::actor::ACTOR_COUNT]],
    investment: &[[Decimal; crate::actor::ACTOR_COUNT]],
    scenario: &Scenario,
) -> Calc<ActorResult> {
    let years = gain.len();
    let horizon = Horizon::new(years, scenario.discount_rate)?;
    let mut g = vec![Decimal::ZERO; years];
    let mut inv = vec![Decimal::ZERO; years];
    for t in 0..years {
        for actor in PUBLIC_SECTOR {
            g[t] = add(g[t], gain[t][actor.index()])?;
            inv[t] = add(inv[t], investment[t][actor.index()])?;
        }
    }
    summarise(&g, &inv, &horizon, scenario.start_year).map(|(r, _)| r)
}
