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
///
/// ```
/// use samkalk::{flow::Tax, state::yearly_net, Actor, Earnings, Flow, State};
/// use rust_decimal::Decimal;
///
/// let d = |x: &str| x.parse::<Decimal>().unwrap();
/// // A job at 30 000 kr a month, and 120 000 kr a year of support from the municipality.
/// let state = State {
///     flows: vec![Flow { payer: Some(Actor::Municipality), payee: Some(Actor::Individual), amount: d("120000"), ..Flow::default() }],
///     earnings: Some(Earnings { monthly_wage: d("30000"), employment_rate: Decimal::ONE, productivity: Decimal::ONE, source: String::new(), note: String::new() }),
///     ..State::default()
/// };
/// let tax = Tax { municipal_rate: d("0.2"), regional_rate: d("0.1"), employer_contribution_rate: d("0.3") };
/// let net = yearly_net(&state, &tax).unwrap();
/// // Wage 360 000: 72 000 municipal and 36 000 regional tax, 108 000 employer contributions.
/// assert_eq!(net[Actor::Municipality.index()], d("-48000")); // 72 000 − 120 000
/// assert_eq!(net[Actor::Region.index()], d("36000"));
/// assert_eq!(net[Actor::State.index()], d("108000"));
/// assert_eq!(net[Actor::Employer.index()], d("0")); // production 468 000 less the wage cost
/// assert_eq!(net[Actor::Individual.index()], d("372000")); // 360 000 − 108 000 + 120 000
/// // Over all actors, what is left is production: the transfers cancel.
/// assert_eq!(net.iter().sum::<Decimal>(), d("468000"));
/// ```
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
///
/// ```
/// use samkalk::{state::taxable_income, Actor, Earnings, Flow, State};
/// use rust_decimal::Decimal;
///
/// let d = |x: &str| x.parse::<Decimal>().unwrap();
/// let benefit = |amount: &str, taxable| Flow { payer: Some(Actor::SocialInsurance), payee: Some(Actor::Individual), amount: d(amount), taxable, ..Flow::default() };
/// // Half time at 25 000 kr a month, a taxable benefit of 60 000 kr and a tax-free one of 10 000 kr.
/// let state = State {
///     flows: vec![benefit("60000", true), benefit("10000", false)],
///     earnings: Some(Earnings { monthly_wage: d("25000"), employment_rate: d("0.5"), productivity: Decimal::ONE, source: String::new(), note: String::new() }),
///     ..State::default()
/// };
/// assert_eq!(taxable_income(&state).unwrap(), (d("150000"), d("60000")));
/// ```
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
///
/// ```
/// use samkalk::{calculate::{resolve_state, resolved_model}, state::{yearly_net, yearly_net_with}, Actor, Scenario};
/// use rust_decimal::Decimal;
///
/// let mut scenario = Scenario::new(2026);
/// let work = resolve_state(&scenario, "work").unwrap().clone();
/// // Version 1: the effective rates, as yearly_net.
/// let effective = resolved_model(&scenario);
/// assert_eq!(yearly_net_with(&work, &effective).unwrap(), yearly_net(&work, &effective.tax).unwrap());
/// // Version 2 with the tax rules: other taxes per actor, but the same production in total.
/// scenario.version = 2;
/// scenario.tax.method = Some(samkalk::TaxMethod::Rules);
/// let rules = yearly_net_with(&work, &resolved_model(&scenario)).unwrap();
/// assert!(rules[Actor::Municipality.index()] > Decimal::ZERO);
/// let total = |net: [Decimal; 7]| net.iter().sum::<Decimal>();
/// assert_eq!(total(rules), total(yearly_net(&work, &effective.tax).unwrap()));
/// ```
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
