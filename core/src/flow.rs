//! Flows: what a person in a state moves between actors in a year, and the flows a wage adds.

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::arith::{add, mul, sub, Calc};
use crate::scenario::{Earnings, Flow};

/// Effective tax rates on the gross wage, with the defaults filled in (version 1's way of
/// taxing a wage; [`TaxModel`] adds version 2's rules).
///
/// ```
/// use samkalk::{flow::Tax, Actor, Earnings, State};
/// let tax = Tax {
///     municipal_rate: "0.1205".parse().unwrap(),
///     regional_rate: "0.0675".parse().unwrap(),
///     employer_contribution_rate: "0.3142".parse().unwrap(),
/// };
/// // The built-in job: 25 900 kr a month, 310 800 kr a year.
/// let job = State { earnings: Some(Earnings::new(25900.into())), ..State::default() };
/// let net = samkalk::state::yearly_net(&job, &tax).unwrap();
/// // 310 800 × 0.1205 to the municipality, 310 800 × 0.0675 to the region.
/// assert_eq!(net[Actor::Municipality.index()], "37451.4".parse().unwrap());
/// assert_eq!(net[Actor::Region.index()], "20979".parse().unwrap());
/// ```
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
///
/// ```
/// use samkalk::{flow::Net, Actor};
/// let tax = samkalk::flow::Tax { municipal_rate: 0.into(), regional_rate: 0.into(), employer_contribution_rate: 0.into() };
/// let am2 = &samkalk::defaults().states["AM2"].state;
/// let net: Net = samkalk::state::yearly_net(am2, &tax).unwrap();
/// // A year in AM2: the municipality pays 105 000 kr försörjningsstöd and 14 600 kr to handle it.
/// assert_eq!(net[Actor::Municipality.index()], (-119600).into());
/// assert_eq!(net[Actor::Individual.index()], 105000.into());
/// ```
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

/// A flow the engine derives: (label, payer, payee, amount); `None` is outside the public
/// economy, as in [`Flow`].
///
/// ```
/// use samkalk::{flow::{model_earnings_flows, DerivedFlow, Tax, TaxModel}, Actor, Earnings};
/// let tax = Tax { municipal_rate: 0.into(), regional_rate: 0.into(), employer_contribution_rate: 0.into() };
/// let flows = model_earnings_flows(&Earnings::new(25900.into()), &TaxModel { tax, rules: None }).unwrap();
/// let wage: &DerivedFlow = &flows[1];
/// assert_eq!(*wage, ("Lön", Some(Actor::Employer), Some(Actor::Individual), 310800.into()));
/// ```
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
///
/// ```
/// use samkalk::{flow::{rules_flows, RulesTax}, Actor};
/// let rules = samkalk::tax::rules_for(2025).unwrap();
/// let plain = RulesTax { rules, municipal_rate: "0.2077".parse().unwrap(), regional_rate: "0.1164".parse().unwrap(), equalisation: None };
/// // With equalisation, 10 percentage points of the municipal rate go to the state instead.
/// let equalised = RulesTax { equalisation: Some(("0.10".parse().unwrap(), 0.into())), ..plain };
/// let flows = rules_flows(310800.into(), 0.into(), &equalised).unwrap();
/// let to = |label: &str| flows.iter().find(|f| f.0 == label).map(|f| (f.2, f.3));
/// // Taxable income 278 300 kr: 27 830 kr of the 57 802 kr municipal tax is the equalised part.
/// assert_eq!(to("Kommunalskatt"), Some((Some(Actor::Municipality), 29972.into())));
/// assert_eq!(to("Kommunalskatt, utjämnad del"), Some((Some(Actor::State), 27830.into())));
/// ```
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
///
/// ```
/// use samkalk::{flow::{RulesTax, Tax, TaxModel}, state::yearly_net_with, Actor, Earnings, State};
/// let tax = Tax {
///     municipal_rate: "0.1205".parse().unwrap(),
///     regional_rate: "0.0675".parse().unwrap(),
///     employer_contribution_rate: "0.3142".parse().unwrap(),
/// };
/// let rules = RulesTax {
///     rules: samkalk::tax::rules_for(2025).unwrap(),
///     municipal_rate: "0.2077".parse().unwrap(),
///     regional_rate: "0.1164".parse().unwrap(),
///     equalisation: None,
/// };
/// let job = State { earnings: Some(Earnings::new(25900.into())), ..State::default() };
/// let effective = yearly_net_with(&job, &TaxModel { tax, rules: None }).unwrap();
/// let by_rules = yearly_net_with(&job, &TaxModel { tax, rules: Some(rules) }).unwrap();
/// let m = Actor::Municipality.index();
/// // The effective rate on the gross wage, or 20,77 % of the taxable income 278 300 kr.
/// assert_eq!((effective[m], by_rules[m]), ("37451.4".parse().unwrap(), 57802.into()));
/// ```
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
/// `earned` is the yearly earned income (wage), `other` taxable benefits (version 2's
/// `taxable` flows).
///
/// ```
/// use samkalk::{flow::{rules_flows, RulesTax}, Actor};
/// let rt = RulesTax {
///     rules: samkalk::tax::rules_for(2025).unwrap(),
///     municipal_rate: "0.2077".parse().unwrap(),
///     regional_rate: "0.1164".parse().unwrap(),
///     equalisation: None,
/// };
/// // The built-in job, 310 800 kr a year: taxable income 310 800 − grundavdrag 32 500 = 278 300 kr.
/// let flows = rules_flows(310800.into(), 0.into(), &rt).unwrap();
/// let (i, s) = (Some(Actor::Individual), Some(Actor::State));
/// assert_eq!(
///     flows,
///     vec![
///         ("Kommunalskatt", i, Some(Actor::Municipality), 57802.into()), // 278 300 × 20,77 %, rounded down
///         ("Regionskatt", i, Some(Actor::Region), 32394.into()),         // 278 300 × 11,64 %, rounded down
///         ("Public service-avgift", i, s, 1249.into()),                  // 1 % of 278 300, at most 1 249
///         ("Jobbskatteavdrag", s, i, 31775.into()),
///         ("Skattereduktion för förvärvsinkomst", s, i, 1500.into()),    // 0,75 % above 40 000, at most 1 500
///     ]
/// );
/// ```
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
///
/// ```
/// use samkalk::{flow::{model_earnings_flows, Tax, TaxModel}, Earnings};
/// let tax = Tax {
///     municipal_rate: "0.1205".parse().unwrap(),
///     regional_rate: "0.0675".parse().unwrap(),
///     employer_contribution_rate: "0.3142".parse().unwrap(),
/// };
/// let job = Earnings::new(25900.into());
/// let effective = model_earnings_flows(&job, &TaxModel { tax, rules: None }).unwrap();
/// let labels: Vec<&str> = effective.iter().map(|f| f.0).collect();
/// assert_eq!(labels, ["Produktion", "Lön", "Arbetsgivaravgifter", "Kommunalskatt", "Regionskatt"]);
/// // Production is the wage with employer contributions: 310 800 × 1.3142.
/// assert_eq!(effective[0].3, "408453.36".parse().unwrap());
/// let rules = samkalk::flow::RulesTax {
///     rules: samkalk::tax::rules_for(2025).unwrap(),
///     municipal_rate: "0.2077".parse().unwrap(),
///     regional_rate: "0.1164".parse().unwrap(),
///     equalisation: None,
/// };
/// assert_eq!(model_earnings_flows(&job, &TaxModel { tax, rules: Some(rules) }).unwrap().len(), 3);
/// ```
pub fn model_earnings_flows(e: &Earnings, model: &TaxModel) -> Calc<Vec<DerivedFlow>> {
    let flows = earnings_flows(e, &model.tax)?;
    Ok(if model.rules.is_some() { flows[..3].to_vec() } else { flows.to_vec() })
}
