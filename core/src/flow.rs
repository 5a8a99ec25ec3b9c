//! Flows: what a person in a state moves between actors in a year, and the flows a wage adds.

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::arith::{add, mul, sub, Calc};
use crate::scenario::{Earnings, Flow};

/// Effective tax rates on the gross wage, with the defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tax {
    /// Municipal income tax, as a share of the gross wage.
    pub municipal_rate: Decimal,
    /// Regional income tax, as a share of the gross wage.
    pub regional_rate: Decimal,
    /// Employer's contributions, as a share of the gross wage.
    pub employer_contribution_rate: Decimal,
}

/// Yearly net per actor (received minus paid), indexed by [`Actor::index`].
pub type Net = [Decimal; ACTOR_COUNT];

/// Books one flow into the actors' nets: the payee receives, the payer pays. Either end may be
/// outside the public economy (`None`).
pub(crate) fn book(net: &mut Net, payer: Option<Actor>, payee: Option<Actor>, amount: Decimal) -> Calc<()> {
    if let Some(p) = payer {
        net[p.index()] = sub(net[p.index()], amount)?;
    }
    if let Some(p) = payee {
        net[p.index()] = add(net[p.index()], amount)?;
    }
    Ok(())
}

/// A stated flow.
pub(crate) fn book_flow(net: &mut Net, flow: &Flow) -> Calc<()> {
    book(net, flow.payer, flow.payee, flow.amount)
}

/// A flow the engine derives: (label, payer, payee, amount).
pub type DerivedFlow = (&'static str, Option<Actor>, Option<Actor>, Decimal);

/// The five flows a wage adds (MODEL.md, "earnings").
pub(crate) fn earnings_flows(e: &Earnings, tax: &Tax) -> Calc<[DerivedFlow; 5]> {
    let twelve = Decimal::from(12);
    let wage = mul(mul(e.monthly_wage, twelve)?, e.employment_rate)?;
    let production = mul(mul(wage, add(Decimal::ONE, tax.employer_contribution_rate)?)?, e.productivity)?;
    Ok([
        ("Produktion", None, Some(Actor::Employer), production),
        ("Lön", Some(Actor::Employer), Some(Actor::Individual), wage),
        ("Arbetsgivaravgifter", Some(Actor::Employer), Some(Actor::State), mul(wage, tax.employer_contribution_rate)?),
        ("Kommunalskatt", Some(Actor::Individual), Some(Actor::Municipality), mul(wage, tax.municipal_rate)?),
        ("Regionskatt", Some(Actor::Individual), Some(Actor::Region), mul(wage, tax.regional_rate)?),
    ])
}

/// The rules method's context (version 2): the rules of the tax year, the nominal municipal
/// and regional rates, and, with equalisation, the county rates whose part of those taxes is
/// booked to the state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RulesTax {
    /// The rules of the tax year.
    pub rules: &'static crate::tax::TaxRules,
    /// Nominal municipal income tax rate (a fraction).
    pub municipal_rate: Decimal,
    /// Nominal regional income tax rate (a fraction).
    pub regional_rate: Decimal,
    /// (municipal, regional) equalisation rates; None: no equalisation.
    pub equalisation: Option<(Decimal, Decimal)>,
}

/// How a scenario's wages are taxed: the rates (the employer contribution rate always; the
/// municipal and regional effective rates when `rules` is None) and the rules method's context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaxModel {
    /// The rates: employer contributions always; municipal and regional effective rates without `rules`.
    pub tax: Tax,
    /// The rules method's context; None: effective rates (version 1).
    pub rules: Option<RulesTax>,
}

/// The flows the rules method books for one person's yearly income (docs/method.md, "Tax
/// from the rules"): every tax from the individual to the actor that receives it, and every
/// tax reduction as a transfer from the state to the individual. Flows of zero are left out.
pub fn rules_flows(earned: Decimal, other: Decimal, rt: &RulesTax) -> Calc<Vec<DerivedFlow>> {
    let rates = crate::tax::LocalRates { municipal: rt.municipal_rate, regional: rt.regional_rate, fees: Decimal::ZERO };
    let t = rt.rules.income_tax(crate::tax::Income { earned, other }, rates)?;
    let (i, m, r, s) = (Some(Actor::Individual), Some(Actor::Municipality), Some(Actor::Region), Some(Actor::State));
    let (eq_m, eq_r) = match rt.equalisation {
        Some((em, er)) => (mul(t.taxable_income, em)?.min(t.municipal_tax), mul(t.taxable_income, er)?.min(t.regional_tax)),
        None => (Decimal::ZERO, Decimal::ZERO),
    };
    let all = [
        ("Kommunalskatt", i, m, sub(t.municipal_tax, eq_m)?),
        ("Kommunalskatt, utjämnad del", i, s, eq_m),
        ("Regionskatt", i, r, sub(t.regional_tax, eq_r)?),
        ("Regionskatt, utjämnad del", i, s, eq_r),
        ("Statlig inkomstskatt", i, s, t.state_tax),
        ("Allmän pensionsavgift efter skattereduktion", i, s, sub(t.pension_fee, t.pension_fee_reduction)?),
        ("Public service-avgift", i, s, t.public_service_fee),
        ("Jobbskatteavdrag", s, i, t.jobbskatteavdrag),
        ("Skattereduktion för förvärvsinkomst", s, i, t.earned_income_reduction),
    ];
    Ok(all.into_iter().filter(|f| !f.3.is_zero()).collect())
}

/// The flows a wage adds under a tax model: under the rules method the three flows of
/// production, wage and employer contributions; the taxes come from [`rules_flows`].
pub fn model_earnings_flows(e: &Earnings, model: &TaxModel) -> Calc<Vec<DerivedFlow>> {
    let flows = earnings_flows(e, &model.tax)?;
    Ok(if model.rules.is_some() { flows[..3].to_vec() } else { flows.to_vec() })
}
