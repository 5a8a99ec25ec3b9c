//! States: the yearly net of each actor while a person is in a state.

use rust_decimal::Decimal;

use crate::actor::Actor;
use crate::arith::{add, mul, Calc};
use crate::flow::{book, book_flow, earnings_flows, model_earnings_flows, rules_flows, Net, Tax, TaxModel};
use crate::scenario::State;

/// What each actor receives minus what it pays, per person and year in `state`, with
/// effective tax rates (version 1). Over all seven actors this is production minus resources
/// used: transfers cancel by construction. Flows marked `investment` (version 2's step costs)
/// are not part of the net.
pub fn yearly_net(state: &State, tax: &Tax) -> Calc<Net> {
    let mut net = [Decimal::ZERO; 7];
    for flow in state.flows.iter().filter(|f| !f.investment) {
        book_flow(&mut net, flow)?;
    }
    if let Some(e) = &state.earnings {
        for (_, payer, payee, amount) in earnings_flows(e, tax)? {
            book(&mut net, payer, payee, amount)?;
        }
    }
    Ok(net)
}

/// Version 2: what each actor invests per person and year in `state` through its flows marked
/// `investment` (step costs), as positive amounts.
pub(crate) fn step_costs(state: &State) -> Calc<Net> {
    let mut cost = [Decimal::ZERO; 7];
    for flow in state.flows.iter().filter(|f| f.investment) {
        if let Some(payer) = flow.payer {
            cost[payer.index()] = crate::arith::add(cost[payer.index()], flow.amount)?;
        }
    }
    Ok(cost)
}

/// The taxable income a person has in `state` under the rules method: (earned, other) =
/// (the wage, the taxable flows paid to the individual).
pub fn taxable_income(state: &State) -> Calc<(Decimal, Decimal)> {
    let earned = match &state.earnings {
        Some(e) => mul(mul(e.monthly_wage, Decimal::from(12))?, e.employment_rate)?,
        None => Decimal::ZERO,
    };
    let mut other = Decimal::ZERO;
    for f in state.flows.iter().filter(|f| f.taxable && f.payee == Some(Actor::Individual)) {
        other = add(other, f.amount)?;
    }
    Ok((earned, other))
}

/// [`yearly_net`] under a tax model: with the rules method, the person's income tax on the
/// wage and the taxable flows together, booked per actor (docs/method.md, version 2).
pub fn yearly_net_with(state: &State, model: &TaxModel) -> Calc<Net> {
    let Some(rt) = &model.rules else { return yearly_net(state, &model.tax) };
    let mut net = [Decimal::ZERO; 7];
    for flow in state.flows.iter().filter(|f| !f.investment) {
        book_flow(&mut net, flow)?;
    }
    if let Some(e) = &state.earnings {
        for (_, payer, payee, amount) in model_earnings_flows(e, model)? {
            book(&mut net, payer, payee, amount)?;
        }
    }
    let (earned, other) = taxable_income(state)?;
    if earned > Decimal::ZERO || other > Decimal::ZERO {
        for (_, payer, payee, amount) in rules_flows(earned, other, rt)? {
            book(&mut net, payer, payee, amount)?;
        }
    }
    Ok(net)
}
