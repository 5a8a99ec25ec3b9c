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
pub fn book(net: &mut Net, payer: Option<Actor>, payee: Option<Actor>, amount: Decimal) -> Calc<()> {
    if let Some(p) = payer {
        net[p.index()] = sub(net[p.index()], amount)?;
    }
    if let Some(p) = payee {
        net[p.index()] = add(net[p.index()], amount)?;
    }
    Ok(())
}

/// A stated flow.
pub fn book_flow(net: &mut Net, flow: &Flow) -> Calc<()> {
    book(net, flow.payer, flow.payee, flow.amount)
}

/// A flow the engine derives: (label, payer, payee, amount).
pub type DerivedFlow = (&'static str, Option<Actor>, Option<Actor>, Decimal);

/// The five flows a wage adds (MODEL.md, "earnings").
pub fn earnings_flows(e: &Earnings, tax: &Tax) -> Calc<[DerivedFlow; 5]> {
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
