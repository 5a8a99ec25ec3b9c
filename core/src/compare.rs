//! Alternatives side by side: per actor, the public sector and society, each alternative's
//! totals, NPV, payback year and benefit-cost ratio, and each one's differences to the first.
//!
//! Each alternative is calculated as [`crate::calculate()`] does (its figures are the result's
//! own, and the public sector's from [`crate::public_sector`]); a difference is the exact
//! difference of the two rounded figures shown, so what a reader subtracts by hand agrees to
//! the öre.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::actor::{Actor, SOCIETY_ID};
use crate::error::ScenarioError;
use crate::public_sector::{calculate_with_public_sector, PUBLIC_SECTOR_ID};
use crate::result::{ActorResult, CalculationResult, Money, Ratio};
use crate::scenario::Scenario;
use crate::validate::ValidScenario;

/// One alternative's figures over the horizon for one actor (or the public sector, or society).
///
/// ```
/// use samkalk::{compare::Figures, Actor, Scenario};
///
/// let result = samkalk::calculate(&Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap()).unwrap();
/// let municipality = Figures::of(result.actor(Actor::Municipality));
/// assert_eq!(municipality.total_investment.to_string(), "1250000.00");
/// // Against itself every difference is zero.
/// let zero = municipality.minus(&municipality);
/// assert_eq!((zero.npv.to_string(), zero.payback_year), ("0.00".to_string(), Some(0)));
/// assert_eq!(zero.benefit_cost_ratio.unwrap().to_string(), "0.0000");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    /// Undiscounted sum of gain.
    pub total_gain: Money,
    /// Undiscounted sum of investment.
    pub total_investment: Money,
    /// Undiscounted sum of net.
    pub total_net: Money,
    /// Net present value.
    pub npv: Money,
    /// The payback year; None when there is none.
    pub payback_year: Option<i64>,
    /// The benefit-cost ratio; None without investment.
    pub benefit_cost_ratio: Option<Ratio>,
}

impl Figures {
    /// The figures of an actor's result.
    ///
    /// ```
    /// let result = samkalk::calculate(&samkalk::Scenario::new(2026)).unwrap();
    /// let f = samkalk::compare::Figures::of(result.society());
    /// assert_eq!((f.npv, f.total_net), (result.society().npv, result.society().total_net));
    /// ```
    pub fn of(r: &ActorResult) -> Figures {
        Figures {
            total_gain: r.total_gain,
            total_investment: r.total_investment,
            total_net: r.total_net,
            npv: r.npv,
            payback_year: r.payback_year,
            benefit_cost_ratio: r.benefit_cost_ratio,
        }
    }

    /// `self` less `first`, figure by figure: money and ratio exactly, the payback year in
    /// years; a year or ratio is None when either side has none.
    ///
    /// ```
    /// use samkalk::{compare::Figures, Money};
    ///
    /// let a = Figures { total_gain: Money::new(100.into()), total_investment: Money::new(40.into()), total_net: Money::new(60.into()),
    ///     npv: Money::new(55.into()), payback_year: Some(2027), benefit_cost_ratio: None };
    /// let mut b = a.clone();
    /// b.npv = Money::new(70.into());
    /// b.payback_year = Some(2028);
    /// let d = b.minus(&a);
    /// assert_eq!((d.npv, d.total_net, d.payback_year), (Money::new(15.into()), Money::ZERO, Some(1)));
    /// ```
    pub fn minus(&self, first: &Figures) -> Figures {
        // Rounded money and ratios have at most two and four decimals, far inside the range:
        // the difference of two of them never overflows.
        let money = |a: Money, b: Money| Money::new(a.value().checked_sub(b.value()).unwrap_or(Decimal::ZERO));
        Figures {
            total_gain: money(self.total_gain, first.total_gain),
            total_investment: money(self.total_investment, first.total_investment),
            total_net: money(self.total_net, first.total_net),
            npv: money(self.npv, first.npv),
            payback_year: self.payback_year.zip(first.payback_year).map(|(a, b)| a - b),
            benefit_cost_ratio: self
                .benefit_cost_ratio
                .zip(first.benefit_cost_ratio)
                .map(|(a, b)| Ratio::new(a.value().checked_sub(b.value()).unwrap_or(Decimal::ZERO))),
        }
    }
}

/// One row of a comparison: who, each alternative's figures and its differences to the first.
///
/// ```
/// let s = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let c = samkalk::compare::compare_valid(&[("A".into(), &s), ("B".into(), &s)]).unwrap();
/// let row: &samkalk::compare::ComparisonRow = &c.rows[0];
/// assert_eq!((row.who, row.alternatives.len(), row.differences.len()), ("municipality", 2, 2));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonRow {
    /// `municipality` … `individual`, `public_sector` or `society`.
    pub who: &'static str,
    /// Each alternative's figures, in the order given.
    pub alternatives: Vec<Figures>,
    /// Each alternative's figures less the first's (the first's own are zero).
    pub differences: Vec<Figures>,
}

/// Alternatives side by side (serialises as `{"alternatives": [names], "rows": [...]}`).
///
/// ```
/// let a = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let b = samkalk::ValidScenario::from_json(r#"{"start_year": 2026, "horizon_years": 6}"#).unwrap();
/// let c: samkalk::compare::Comparison = samkalk::compare::compare_valid(&[("4 år".into(), &a), ("6 år".into(), &b)]).unwrap();
/// assert_eq!(c.rows.iter().map(|r| r.who).collect::<Vec<_>>(), samkalk::compare::row_ids().collect::<Vec<_>>());
/// assert!(c.to_json_pretty().starts_with("{\n  \"alternatives\": [\n    \"4 år\","));
/// assert!(c.to_csv().starts_with("who,alternative,total_gain,total_investment,total_net,npv,payback_year,benefit_cost_ratio,difference_"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The alternatives' names, in the order given.
    pub alternatives: Vec<String>,
    /// The seven actors, then the public sector, then society.
    pub rows: Vec<ComparisonRow>,
}

/// An alternative that cannot be calculated: its position, name and faults.
///
/// ```
/// let good = samkalk::Scenario::new(2026);
/// let mut bad = samkalk::Scenario::new(2026);
/// bad.horizon_years = 0;
/// let e: samkalk::compare::CompareError = samkalk::compare::compare(&[("A".into(), &good), ("B".into(), &bad)]).unwrap_err();
/// assert_eq!((e.index, e.name.as_str(), e.error.errors[0].path.as_str()), (1, "B", "horizon_years"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompareError {
    /// Position in the list given (0-based).
    pub index: usize,
    /// The alternative's name.
    pub name: String,
    /// Its faults.
    pub error: ScenarioError,
}

/// The ids of a comparison's rows: the seven actors, `public_sector`, `society`.
///
/// ```
/// let ids: Vec<_> = samkalk::compare::row_ids().collect();
/// assert_eq!(ids.len(), 9);
/// assert_eq!(&ids[6..], ["individual", "public_sector", "society"]);
/// ```
pub fn row_ids() -> impl Iterator<Item = &'static str> {
    Actor::ALL.into_iter().map(Actor::id).chain([PUBLIC_SECTOR_ID, SOCIETY_ID])
}

/// Compares named scenarios; the first is the one the others are measured against.
///
/// ```
/// let a = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}],
///     "intervention": {"cost_per_participant": "40000", "duration_months": 6}}]}"#).unwrap();
/// let mut b = a.clone();
/// b.cohorts[0].participants = 40;
/// let c = samkalk::compare::compare(&[("20".into(), &a), ("40".into(), &b)]).unwrap();
/// let society = c.rows.iter().find(|r| r.who == "society").unwrap();
/// assert_eq!(society.differences[1].total_investment, samkalk::Money::new("800000.00".parse().unwrap()));
/// ```
pub fn compare(alternatives: &[(String, &Scenario)]) -> Result<Comparison, CompareError> {
    compare_with(alternatives, calculate_with_public_sector)
}

/// [`compare`] on scenarios already validated, which are not validated again; the only fault
/// left is an overflow of the exact arithmetic.
///
/// ```
/// let a = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let c = samkalk::compare::compare_valid(&[("A".into(), &a), ("B".into(), &a)]).unwrap();
/// assert_eq!(c.alternatives, vec!["A", "B"]);
/// ```
pub fn compare_valid(alternatives: &[(String, &ValidScenario)]) -> Result<Comparison, CompareError> {
    compare_with(alternatives, |s| s.calculate_with_public_sector())
}

/// Calculates each alternative with `calculate` (its result and public sector), the first
/// fault named by the alternative's position and name, and compares them.
fn compare_with<S>(
    alternatives: &[(String, &S)],
    calculate: impl Fn(&S) -> Result<(CalculationResult, ActorResult), ScenarioError>,
) -> Result<Comparison, CompareError> {
    let mut calculated: Vec<(CalculationResult, ActorResult)> = Vec::with_capacity(alternatives.len());
    for (index, (name, scenario)) in alternatives.iter().enumerate() {
        let both = calculate(scenario).map_err(|error| CompareError { index, name: name.clone(), error })?;
        calculated.push(both);
    }
    Ok(compare_results(alternatives.iter().map(|(n, _)| n.clone()).collect(), &calculated))
}

/// Compares results already calculated, each with its public sector.
///
/// ```
/// let s = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let both = s.calculate_with_public_sector().unwrap();
/// let c = samkalk::compare::compare_results(vec!["A".into()], &[both]);
/// assert_eq!((c.alternatives.len(), c.rows.len()), (1, 9));
/// ```
pub fn compare_results(names: Vec<String>, calculated: &[(CalculationResult, ActorResult)]) -> Comparison {
    let figures_of = |id: &str, (result, public): &(CalculationResult, ActorResult)| -> Figures {
        match Actor::from_id(id) {
            Some(a) => Figures::of(result.actor(a)),
            None if id == PUBLIC_SECTOR_ID => Figures::of(public),
            None => Figures::of(result.society()),
        }
    };
    let rows = row_ids()
        .map(|who| {
            let alternatives: Vec<Figures> = calculated.iter().map(|c| figures_of(who, c)).collect();
            let differences = match alternatives.first() {
                Some(first) => alternatives.iter().map(|f| f.minus(first)).collect(),
                None => Vec::new(),
            };
            ComparisonRow { who, alternatives, differences }
        })
        .collect();
    Comparison { alternatives: names, rows }
}

impl Comparison {
    /// The comparison as JSON, indented.
    ///
    /// ```
    /// let s = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
    /// let c = samkalk::compare::compare_valid(&[("A".into(), &s)]).unwrap();
    /// assert!(c.to_json_pretty().contains("\"who\": \"public_sector\""));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A tidy CSV, one line per row and alternative: `who,alternative,` the six figures, then
    /// the six differences to the first (`difference_npv`, …); numbers as the result JSON
    /// writes them, an absent year or ratio empty.
    ///
    /// ```
    /// let s = samkalk::ValidScenario::from_json(r#"{"start_year": 2026}"#).unwrap();
    /// let csv = samkalk::compare::compare_valid(&[("A".into(), &s)]).unwrap().to_csv();
    /// // A header, then nine rows (seven actors, the public sector, society) for the one alternative.
    /// assert_eq!(csv.lines().count(), 10);
    /// assert!(csv.lines().nth(1).unwrap().starts_with("municipality,A,0.00,"));
    /// ```
    pub fn to_csv(&self) -> String {
        const FIELDS: [&str; 6] = ["total_gain", "total_investment", "total_net", "npv", "payback_year", "benefit_cost_ratio"];
        let mut out = String::from("who,alternative");
        for f in FIELDS {
            out.push(',');
            out.push_str(f);
        }
        for f in FIELDS {
            out.push_str(",difference_");
            out.push_str(f);
        }
        out.push('\n');
        let cells = |f: &Figures| {
            let year = f.payback_year.map(|y| y.to_string()).unwrap_or_default();
            let ratio = f.benefit_cost_ratio.map(|r| r.to_string()).unwrap_or_default();
            format!("{},{},{},{},{year},{ratio}", f.total_gain, f.total_investment, f.total_net, f.npv)
        };
        for row in &self.rows {
            for (i, name) in self.alternatives.iter().enumerate() {
                let (Some(f), Some(d)) = (row.alternatives.get(i), row.differences.get(i)) else { continue };
                out.push_str(&format!("{},{},{},{}\n", row.who, csv_cell(name), cells(f), cells(d)));
            }
        }
        out
    }
}

/// A CSV cell: quoted when it holds a comma, a quote or a line break.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
