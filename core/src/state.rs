//! States: the yearly net of each actor while a person is in a state.

use rust_decimal::Decimal;

use crate::arith::Calc;
use crate::flow::{book, book_flow, earnings_flows, Net, Tax};
use crate::scenario::State;

/// What each actor receives minus what it pays, per person and year in `state`. Over all seven
/// actors this is production minus resources used: transfers cancel by construction. Flows
/// marked `investment` (version 2's step costs) are not part of the net.
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
pub fn step_costs(state: &State) -> Calc<Net> {
    let mut cost = [Decimal::ZERO; 7];
    for flow in state.flows.iter().filter(|f| f.investment) {
        if let Some(payer) = flow.payer {
            cost[payer.index()] = crate::arith::add(cost[payer.index()], flow.amount)?;
        }
    }
    Ok(cost)
}
