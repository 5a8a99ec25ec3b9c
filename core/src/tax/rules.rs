//! The Swedish income-tax rules of one income year, read from `data/tax.toml`, and one
//! person's yearly tax on earned and other taxable income computed from them, each part with
//! the rounding the rules prescribe (docs/method.md, "Tax from the rules").

use rust_decimal::Decimal;

use crate::arith::{Calc, Overflow};

// The decimal operations of the rules, each instantiated once: the engine is built at
// opt-level 3 for WebAssembly, where inlining rust_decimal into every step of these cold
// yearly computations would cost far more code than it saves time.
#[inline(never)]
fn add(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_add(b).ok_or(Overflow)
}
#[inline(never)]
fn sub(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_sub(b).ok_or(Overflow)
}
#[inline(never)]
fn mul(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_mul(b).ok_or(Overflow)
}
#[inline(never)]
fn div(a: Decimal, b: Decimal) -> Calc<Decimal> {
    a.checked_div(b).ok_or(Overflow)
}
#[inline(never)]
fn floor(x: Decimal) -> Decimal {
    x.floor()
}
use crate::value::Value;

/// One band of a piecewise-linear rule in prisbasbelopp (pbb): for an amount x up to and
/// including `up_to` pbb (no limit in the last band) the value is
/// `base` pbb + `rate` × (x − `from` pbb).
///
/// ```
/// let rules = samkalk::tax::rules_for(2025).unwrap();
/// let first: &samkalk::tax::Band = &rules.grundavdrag[0];
/// assert!(first.up_to.is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The band's upper end in pbb (inclusive); None in the last band.
    pub up_to: Option<Decimal>,
    /// The value at the band's start, in pbb.
    pub base: Decimal,
    /// The rate on the amount above `from`.
    pub rate: Decimal,
    /// Where the band's rate starts, in pbb.
    pub from: Decimal,
}

/// A figure of the rules and where it comes from.
///
/// ```
/// let rules = samkalk::tax::rules_for(2025).unwrap();
/// let s: &samkalk::tax::RuleSource = &rules.sources[0];
/// assert!(!s.rule.is_empty() && !s.source.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSource {
    /// The rule's name in `data/tax.toml` (`grundavdrag`, `public_service_fee` ...).
    pub rule: String,
    /// Where the figure comes from (publisher, document, year).
    pub source: String,
    /// How the figure is checked: `tables`, `two`, `one` or `not` (see `data/tax.toml`).
    pub verified: String,
}

/// The rules of one income year for a person under 66 at the start of the year.
///
/// ```
/// let rules: &samkalk::tax::TaxRules = samkalk::tax::rules_for(2025).unwrap();
/// assert_eq!((rules.year, rules.prisbasbelopp.to_string()), (2025, "58800".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TaxRules {
    /// The income year.
    pub year: i64,
    /// The year's prisbasbelopp in kronor.
    pub prisbasbelopp: Decimal,
    /// The year's inkomstbasbelopp in kronor.
    pub inkomstbasbelopp: Decimal,
    /// Grundavdrag by bands of the assessed income (fastställd förvärvsinkomst); rounded up to
    /// `grundavdrag_round_up` kronor and never above the income.
    pub grundavdrag: Vec<Band>,
    /// The grundavdrag is rounded up to a multiple of this (100 kr).
    pub grundavdrag_round_up: Decimal,
    /// Jobbskatteavdrag's base by bands of the earned income, before the grundavdrag is taken off.
    pub jobbskatteavdrag: Vec<Band>,
    /// Statlig inkomstskatt is paid on taxable income above this (skiktgräns), in kronor.
    pub state_tax_threshold: Decimal,
    /// The state income tax rate above the threshold.
    pub state_tax_rate: Decimal,
    /// Allmän pensionsavgift's rate.
    pub pension_fee_rate: Decimal,
    /// The fee's income ceiling in inkomstbasbelopp.
    pub pension_fee_cap_ibb: Decimal,
    /// No fee on an income below this many pbb.
    pub pension_fee_floor_pbb: Decimal,
    /// The fee is rounded to a multiple of this (100 kr).
    pub pension_fee_round_to: Decimal,
    /// Skattereduktion för förvärvsinkomst: its rate on taxable income above the threshold.
    pub earned_income_reduction_rate: Decimal,
    /// The reduction's threshold in kronor of taxable income.
    pub earned_income_reduction_threshold: Decimal,
    /// The reduction's maximum in kronor.
    pub earned_income_reduction_max: Decimal,
    /// Public service-avgift's rate on taxable income.
    pub public_service_fee_rate: Decimal,
    /// Public service-avgift's maximum in kronor.
    pub public_service_fee_max: Decimal,
    /// The points of a tax table's number that Skatteverket's tables take as burial and church
    /// fees (used only to reproduce the tables).
    pub table_fee_points: Decimal,
    /// Each figure's source.
    pub sources: Vec<RuleSource>,
}

/// A person's yearly taxable income: `earned` (wages: gives jobbskatteavdrag) and `other`
/// (taxable benefits such as aktivitetsstöd or sjukersättning).
///
/// ```
/// use samkalk::tax::{rules_for, Income, LocalRates};
/// let rates = LocalRates { municipal: "0.1985".parse().unwrap(), regional: "0.1238".parse().unwrap(), fees: "0".parse().unwrap() };
/// let none = rules_for(2025).unwrap().income_tax(Income { earned: 0.into(), other: 0.into() }, rates).unwrap();
/// assert!(none.total().unwrap().is_zero());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Income {
    /// Earned income (wages), in kronor a year.
    pub earned: Decimal,
    /// Other taxable income (taxable benefits), in kronor a year.
    pub other: Decimal,
}

/// The rates a person's tax is computed with: municipal and regional income tax (their sum
/// is the kommunal skattesats the jobbskatteavdrag uses) and fees on the taxable income that
/// no tax reduction touches (burial and church fees; samkalk books none, so 0 there).
///
/// ```
/// use samkalk::tax::{rules_for, Income, LocalRates};
/// let rates = LocalRates { municipal: "0.20".parse().unwrap(), regional: "0.12".parse().unwrap(), fees: "0".parse().unwrap() };
/// let tax = rules_for(2025).unwrap().income_tax(Income { earned: 300_000.into(), other: 0.into() }, rates).unwrap();
/// assert_eq!(tax.municipal_tax, tax.taxable_income * rates.municipal);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LocalRates {
    /// Municipal income tax rate (a fraction).
    pub municipal: Decimal,
    /// Regional income tax rate (a fraction).
    pub regional: Decimal,
    /// Fees on the taxable income that no reduction touches (a fraction).
    pub fees: Decimal,
}

/// One person's yearly income tax, part by part, in kronor.
///
/// ```
/// use samkalk::tax::{rules_for, Income, IncomeTax, LocalRates};
/// let rates = LocalRates { municipal: "0.1985".parse().unwrap(), regional: "0.1238".parse().unwrap(), fees: "0".parse().unwrap() };
/// let tax: IncomeTax = rules_for(2025).unwrap().income_tax(Income { earned: "300050".parse().unwrap(), other: 0.into() }, rates).unwrap();
/// // The assessed income is rounded down to hundreds; the grundavdrag comes off it.
/// assert_eq!(tax.assessed_income.to_string(), "300000");
/// assert_eq!(tax.taxable_income, tax.assessed_income - tax.grundavdrag);
/// assert!(tax.jobbskatteavdrag > rust_decimal::Decimal::ZERO);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct IncomeTax {
    /// Fastställd förvärvsinkomst: earned + other, rounded down to whole hundreds.
    pub assessed_income: Decimal,
    /// Grundavdrag.
    pub grundavdrag: Decimal,
    /// Beskattningsbar förvärvsinkomst.
    pub taxable_income: Decimal,
    /// Municipal income tax, before reductions.
    pub municipal_tax: Decimal,
    /// Regional income tax, before reductions.
    pub regional_tax: Decimal,
    /// Statlig inkomstskatt.
    pub state_tax: Decimal,
    /// Allmän pensionsavgift.
    pub pension_fee: Decimal,
    /// The tax reduction for the pension fee.
    pub pension_fee_reduction: Decimal,
    /// Jobbskatteavdrag.
    pub jobbskatteavdrag: Decimal,
    /// Skattereduktion för förvärvsinkomst.
    pub earned_income_reduction: Decimal,
    /// Public service-avgift.
    pub public_service_fee: Decimal,
    /// Fees at `LocalRates::fees` (not booked by samkalk).
    pub fees: Decimal,
}

impl IncomeTax {
    /// What the person pays in all: taxes and fees less the tax reductions.
    ///
    /// ```
    /// use samkalk::tax::{rules_for, Income, LocalRates};
    /// let rates = LocalRates { municipal: "0.20".parse().unwrap(), regional: "0.12".parse().unwrap(), fees: "0".parse().unwrap() };
    /// let t = rules_for(2025).unwrap().income_tax(Income { earned: 400_000.into(), other: 0.into() }, rates).unwrap();
    /// let sum = t.municipal_tax + t.regional_tax + t.state_tax + t.pension_fee - t.pension_fee_reduction
    ///     - t.jobbskatteavdrag - t.earned_income_reduction + t.public_service_fee;
    /// assert_eq!(t.total().unwrap(), sum);
    /// ```
    pub fn total(&self) -> Calc<Decimal> {
        let mut t = add(self.municipal_tax, self.regional_tax)?;
        t = add(t, self.state_tax)?;
        t = add(t, sub(self.pension_fee, self.pension_fee_reduction)?)?;
        t = sub(t, self.jobbskatteavdrag)?;
        t = sub(t, self.earned_income_reduction)?;
        t = add(t, self.public_service_fee)?;
        add(t, self.fees)
    }
}

fn floor_to(x: Decimal, step: Decimal) -> Calc<Decimal> {
    if step.is_zero() {
        return Ok(floor(x));
    }
    mul(floor(div(x, step)?), step)
}

#[inline(never)]
fn ceil_to(x: Decimal, step: Decimal) -> Calc<Decimal> {
    if step.is_zero() {
        return Ok(x.ceil());
    }
    mul(div(x, step)?.ceil(), step)
}

/// To the nearest multiple of `step`, a half rounded down (the pension fee's rule).
fn nearest_half_down(x: Decimal, step: Decimal) -> Calc<Decimal> {
    if step.is_zero() {
        return Ok(x);
    }
    let q = div(x, step)?;
    let whole = floor(q);
    let up = sub(q, whole)? > Decimal::new(5, 1);
    mul(if up { add(whole, Decimal::ONE)? } else { whole }, step)
}

impl TaxRules {
    /// A banded rule's value at `x` kronor.
    pub(crate) fn band_value(&self, bands: &[Band], x: Decimal) -> Calc<Decimal> {
        let pbb = self.prisbasbelopp;
        for band in bands {
            let within = match band.up_to {
                None => true,
                Some(up_to) => x <= mul(up_to, pbb)?,
            };
            if within {
                let start = mul(band.from, pbb)?;
                return add(mul(band.base, pbb)?, mul(band.rate, sub(x, start)?)?);
            }
        }
        Ok(Decimal::ZERO)
    }

    /// The grundavdrag on an assessed income (already rounded down to hundreds).
    pub(crate) fn grundavdrag_of(&self, assessed: Decimal) -> Calc<Decimal> {
        if assessed <= Decimal::ZERO {
            return Ok(Decimal::ZERO);
        }
        let g = ceil_to(self.band_value(&self.grundavdrag, assessed)?, self.grundavdrag_round_up)?;
        Ok(g.min(assessed))
    }

    /// The allmän pensionsavgift on an assessed income.
    pub(crate) fn pension_fee_of(&self, assessed: Decimal) -> Calc<Decimal> {
        if assessed < mul(self.pension_fee_floor_pbb, self.prisbasbelopp)? {
            return Ok(Decimal::ZERO);
        }
        let base = assessed.min(mul(self.pension_fee_cap_ibb, self.inkomstbasbelopp)?);
        nearest_half_down(mul(base, self.pension_fee_rate)?, self.pension_fee_round_to)
    }

    /// One person's yearly tax (docs/method.md, "Tax from the rules"). Negative amounts count
    /// as zero.
    ///
    /// ```
    /// use samkalk::tax::{rules_for, Income, LocalRates};
    /// let rules = rules_for(2025).unwrap();
    /// let rates = LocalRates { municipal: "0.20".parse().unwrap(), regional: "0.12".parse().unwrap(), fees: "0".parse().unwrap() };
    /// let low = rules.income_tax(Income { earned: 200_000.into(), other: 0.into() }, rates).unwrap().total().unwrap();
    /// let high = rules.income_tax(Income { earned: 400_000.into(), other: 0.into() }, rates).unwrap().total().unwrap();
    /// assert!(low < high);
    /// // Negative income counts as none.
    /// assert!(rules.income_tax(Income { earned: (-5).into(), other: 0.into() }, rates).unwrap().total().unwrap().is_zero());
    /// ```
    pub fn income_tax(&self, income: Income, rates: LocalRates) -> Calc<IncomeTax> {
        let zero = Decimal::ZERO;
        let hundred = Decimal::ONE_HUNDRED;
        let earned = income.earned.max(zero);
        let other = income.other.max(zero);
        let assessed = floor_to(add(earned, other)?, hundred)?;
        let grundavdrag = self.grundavdrag_of(assessed)?;
        let taxable = sub(assessed, grundavdrag)?;
        let municipal_tax = floor(mul(taxable, rates.municipal.max(zero))?);
        let regional_tax = floor(mul(taxable, rates.regional.max(zero))?);
        let kommunal = add(municipal_tax, regional_tax)?;
        let fees = floor(mul(taxable, rates.fees.max(zero))?);
        let state_tax = floor(mul(sub(taxable, self.state_tax_threshold)?.max(zero), self.state_tax_rate)?);
        let pension_fee = self.pension_fee_of(assessed)?;
        // The pension fee's reduction comes first, against kommunal then state income tax.
        let pension_fee_reduction = pension_fee.min(add(kommunal, state_tax)?);
        let kommunal_left = sub(kommunal, pension_fee_reduction.min(kommunal))?;
        let jobbskatteavdrag = if earned > zero {
            let base = sub(self.band_value(&self.jobbskatteavdrag, earned)?, grundavdrag)?;
            let rate = add(rates.municipal.max(zero), rates.regional.max(zero))?;
            floor(mul(base.max(zero), rate)?).min(kommunal_left)
        } else {
            zero
        };
        let tax_left = sub(sub(add(kommunal, state_tax)?, pension_fee_reduction)?, jobbskatteavdrag)?.max(zero);
        let eir = mul(sub(taxable, self.earned_income_reduction_threshold)?.max(zero), self.earned_income_reduction_rate)?;
        let earned_income_reduction = floor(eir.min(self.earned_income_reduction_max)).min(tax_left);
        let public_service_fee = floor(mul(taxable, self.public_service_fee_rate)?).min(self.public_service_fee_max);
        Ok(IncomeTax {
            assessed_income: assessed,
            grundavdrag,
            taxable_income: taxable,
            municipal_tax,
            regional_tax,
            state_tax,
            pension_fee,
            pension_fee_reduction,
            jobbskatteavdrag,
            earned_income_reduction,
            public_service_fee,
            fees,
        })
    }

    /// The monthly withholding in column 1 of Skatteverket's table `table` (29–42) for a
    /// monthly wage interval whose upper bound is `upper`: the yearly tax on
    /// ⌊12 × upper / 100⌋ × 100 kronor of wages at a kommunal rate of table − fee points, plus
    /// fees at the fee points, divided by 12 and rounded down. This is how the published
    /// tables are reproduced (see `data/tax.toml`, `tables`); it is a check, not part of the
    /// calculation.
    ///
    /// ```
    /// let rules = samkalk::tax::rules_for(2025).unwrap();
    /// // No tax on the lowest row of a table.
    /// assert!(rules.table_column_1(30, 1000.into()).unwrap().is_zero());
    /// ```
    pub fn table_column_1(&self, table: i64, upper: Decimal) -> Calc<Decimal> {
        let hundred = Decimal::ONE_HUNDRED;
        let yearly = floor_to(mul(upper, Decimal::from(12))?, hundred)?;
        let points = div(Decimal::from(table), hundred)?;
        let rates = LocalRates { municipal: sub(points, self.table_fee_points)?, regional: Decimal::ZERO, fees: self.table_fee_points };
        let tax = self.income_tax(Income { earned: yearly, other: Decimal::ZERO }, rates)?;
        Ok(floor(div(tax.total()?, Decimal::from(12))?))
    }
}

// ---------------------------------------------------------------------------------------------
// Reading data/tax.toml (as JSON from build.rs).

pub(crate) fn dec(v: Option<&Value>, at: &str) -> Result<Decimal, String> {
    match v {
        Some(Value::String(s)) | Some(Value::Number(s)) => crate::number::parse_decimal(s).map_err(|e| format!("{at}: {e:?}")),
        _ => Err(format!("{at} is missing")),
    }
}

pub(crate) fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn bands(v: Option<&Value>, at: &str) -> Result<Vec<Band>, String> {
    let Some(Value::Array(items)) = v else { return Err(format!("{at} is missing")) };
    items
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let p = format!("{at}[{i}]");
            Ok(Band {
                up_to: match b.get("up_to") {
                    None => None,
                    some => Some(dec(some, &format!("{p}.up_to"))?),
                },
                base: dec(b.get("base"), &format!("{p}.base"))?,
                rate: dec(b.get("rate"), &format!("{p}.rate"))?,
                from: dec(b.get("from"), &format!("{p}.from"))?,
            })
        })
        .collect()
}

pub(crate) fn read_rules(year: i64, y: &Value) -> Result<TaxRules, String> {
    let at = format!("years.{year}");
    let part = |name: &str| y.get(name).ok_or(format!("{at}.{name} is missing"));
    let ga = part("grundavdrag")?;
    let jsa = part("jobbskatteavdrag")?;
    let st = part("state_income_tax")?;
    let pf = part("pension_fee")?;
    let eir = part("earned_income_reduction")?;
    let ps = part("public_service_fee")?;
    let tables = part("tables")?;
    let mut sources = vec![RuleSource { rule: "basbelopp".into(), source: text(y.get("source")), verified: text(y.get("verified")) }];
    for (name, v) in [
        ("grundavdrag", ga),
        ("jobbskatteavdrag", jsa),
        ("state_income_tax", st),
        ("pension_fee", pf),
        ("earned_income_reduction", eir),
        ("public_service_fee", ps),
        ("tables", tables),
    ] {
        sources.push(RuleSource { rule: name.into(), source: text(v.get("source")), verified: text(v.get("verified")) });
    }
    Ok(TaxRules {
        year,
        prisbasbelopp: dec(y.get("prisbasbelopp"), &format!("{at}.prisbasbelopp"))?,
        inkomstbasbelopp: dec(y.get("inkomstbasbelopp"), &format!("{at}.inkomstbasbelopp"))?,
        grundavdrag: bands(ga.get("bands"), &format!("{at}.grundavdrag.bands"))?,
        grundavdrag_round_up: dec(ga.get("round_up_to"), &format!("{at}.grundavdrag.round_up_to"))?,
        jobbskatteavdrag: bands(jsa.get("bands"), &format!("{at}.jobbskatteavdrag.bands"))?,
        state_tax_threshold: dec(st.get("threshold"), &format!("{at}.state_income_tax.threshold"))?,
        state_tax_rate: dec(st.get("rate"), &format!("{at}.state_income_tax.rate"))?,
        pension_fee_rate: dec(pf.get("rate"), &format!("{at}.pension_fee.rate"))?,
        pension_fee_cap_ibb: dec(pf.get("cap_ibb"), &format!("{at}.pension_fee.cap_ibb"))?,
        pension_fee_floor_pbb: dec(pf.get("floor_pbb"), &format!("{at}.pension_fee.floor_pbb"))?,
        pension_fee_round_to: dec(pf.get("round_to"), &format!("{at}.pension_fee.round_to"))?,
        earned_income_reduction_rate: dec(eir.get("rate"), &format!("{at}.earned_income_reduction.rate"))?,
        earned_income_reduction_threshold: dec(eir.get("threshold"), &format!("{at}.earned_income_reduction.threshold"))?,
        earned_income_reduction_max: dec(eir.get("max"), &format!("{at}.earned_income_reduction.max"))?,
        public_service_fee_rate: dec(ps.get("rate"), &format!("{at}.public_service_fee.rate"))?,
        public_service_fee_max: dec(ps.get("max"), &format!("{at}.public_service_fee.max"))?,
        table_fee_points: dec(tables.get("fee_points"), &format!("{at}.tables.fee_points"))?,
        sources,
    })
}
