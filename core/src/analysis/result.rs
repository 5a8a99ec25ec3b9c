//! What an analysis returns, and its JSON (docs/analysis.md): money as strings with two
//! decimals like the core's results, parameter values as exact decimal strings, probabilities
//! as strings with six decimals, counts as numbers.

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::actor::{Actor, ACTOR_COUNT, SOCIETY_ID};
use crate::result::{fixed, money, FixedText};

/// The seven actors, then society.
pub const WHO_COUNT: usize = ACTOR_COUNT + 1;

/// The ids in result order: the seven actors, then `society`.
pub fn who_ids() -> impl Iterator<Item = &'static str> {
    Actor::ALL.into_iter().map(|a| a.id()).chain(std::iter::once(SOCIETY_ID))
}

/// An amount per actor and for society (index as [`super::Who::index`]); serialises as an
/// object keyed by id, each amount as money (`"-1345020.00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ByActor(pub [Decimal; WHO_COUNT]);

impl ByActor {
    pub fn society(&self) -> Decimal {
        self.0[ACTOR_COUNT]
    }
    pub fn actor(&self, actor: Actor) -> Decimal {
        self.0[actor.index()]
    }
}

impl Serialize for ByActor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(WHO_COUNT))?;
        for (id, x) in who_ids().zip(self.0.iter()) {
            map.serialize_entry(id, FixedText::new(*x, 2).as_str())?;
        }
        map.end()
    }
}

/// An exact parameter value as the shortest decimal string (`"0.6"`, `"30"`).
pub(crate) fn exact<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&x.normalize().to_string())
}
fn exact_opt<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => exact(x, s),
        None => s.serialize_none(),
    }
}
fn exact_list<S: Serializer>(xs: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(xs.iter().map(|x| x.normalize().to_string()))
}
fn money_opt<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => money(x, s),
        None => s.serialize_none(),
    }
}
fn probability<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(FixedText::new(*x, 6).as_str())
}

/// NPV and total net (undiscounted sum of net) per actor and for society, each rounded to öre
/// from the exact value, as `calculate` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Outcome {
    pub npv: ByActor,
    pub total_net: ByActor,
}

/// Everything an analysis request asked for, keyed like the request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalysisResult {
    pub version: i64,
    /// The scenario as given.
    pub base: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sweep: Option<SweepResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid: Option<GridResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tornado: Option<TornadoResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub switching: Vec<SwitchingResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarloResult>,
}

impl AnalysisResult {
    /// The result JSON (docs/analysis.md), compact.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    /// The result JSON, indented for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepResult {
    pub parameter: String,
    /// The parameter's value in the scenario as given.
    #[serde(serialize_with = "exact")]
    pub base_value: Decimal,
    pub rows: Vec<SweepRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepRow {
    #[serde(serialize_with = "exact")]
    pub value: Decimal,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridResult {
    pub parameters: [String; 2],
    /// Every combination, the first parameter's values outer, the second's inner.
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRow {
    #[serde(serialize_with = "exact_list")]
    pub values: [Decimal; 2],
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoResult {
    /// Each actor's and society's NPV in the scenario as given.
    pub base: ByActor,
    /// Sorted by `swing`, largest first; equal swings keep the request's order.
    pub rows: Vec<TornadoRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoRow {
    pub parameter: String,
    #[serde(serialize_with = "exact")]
    pub base_value: Decimal,
    #[serde(serialize_with = "exact")]
    pub low: Decimal,
    #[serde(serialize_with = "exact")]
    pub high: Decimal,
    pub npv_low: ByActor,
    pub npv_high: ByActor,
    /// |society's NPV at high − society's NPV at low|.
    #[serde(serialize_with = "money")]
    pub swing: Decimal,
}

/// How a switching value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SwitchingKind {
    /// The NPV is linear in the parameter over the range; the crossing is solved exactly.
    Linear,
    /// Found by bisection.
    Search,
    /// The NPV does not cross zero within the range.
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchingResult {
    pub parameter: String,
    pub actor: String,
    pub kind: SwitchingKind,
    /// The switching value: the shortest decimal (fewest decimals, at most 28) at which the
    /// actor's NPV rounds to 0.00; for a whole-number parameter see docs/analysis.md. Null
    /// for kind `none`.
    #[serde(serialize_with = "exact_opt")]
    pub value: Option<Decimal>,
    /// For kind `linear`: the exact crossing solved from the line (to 28 digits).
    #[serde(serialize_with = "exact_opt")]
    pub exact_value: Option<Decimal>,
    /// The actor's NPV at `value`, rounded to öre (null when `value` cannot be set).
    #[serde(serialize_with = "money_opt")]
    pub npv: Option<Decimal>,
    /// The actor gains (NPV ≥ 0) above the value (`"above"`) or below it (`"below"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gains: Option<&'static str>,
    #[serde(serialize_with = "exact")]
    pub base_value: Decimal,
    #[serde(serialize_with = "money")]
    pub base_npv: Decimal,
    /// The range searched.
    #[serde(serialize_with = "exact")]
    pub low: Decimal,
    #[serde(serialize_with = "exact")]
    pub high: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarloResult {
    pub draws: u64,
    pub seed: u64,
    pub parameters: Vec<String>,
    /// Per actor and society, over the draws' NPVs rounded to öre.
    pub statistics: Statistics,
    /// Every draw, with `keep_draws`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub samples: Option<Samples>,
}

/// Statistics per actor, then society; serialises as an object keyed by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics(pub Vec<Stats>);

impl Statistics {
    pub fn get(&self, who: super::Who) -> Option<&Stats> {
        self.0.get(who.index())
    }
}

impl Serialize for Statistics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, x) in who_ids().zip(self.0.iter()) {
            map.serialize_entry(id, x)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    #[serde(serialize_with = "money")]
    pub mean: Decimal,
    /// Sample standard deviation (divisor n − 1; 0 for one draw).
    #[serde(serialize_with = "money")]
    pub sd: Decimal,
    /// sd / √n.
    #[serde(serialize_with = "money")]
    pub standard_error: Decimal,
    #[serde(serialize_with = "money")]
    pub min: Decimal,
    #[serde(serialize_with = "money")]
    pub p5: Decimal,
    #[serde(serialize_with = "money")]
    pub p50: Decimal,
    #[serde(serialize_with = "money")]
    pub p95: Decimal,
    #[serde(serialize_with = "money")]
    pub max: Decimal,
    /// Share of draws whose NPV (to öre) is at least 0.
    #[serde(serialize_with = "probability")]
    pub probability_gain: Decimal,
    /// Number of such draws.
    pub gains: u64,
}

/// Every draw: each parameter's value and each actor's NPV, in draw order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Samples {
    pub values: NamedColumns,
    pub npv: MoneyColumns,
}

/// Columns of exact values keyed by parameter path, in the request's order.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedColumns(pub Vec<(String, Vec<Decimal>)>);

impl Serialize for NamedColumns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Col<'a>(&'a [Decimal]);
        impl Serialize for Col<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                exact_list(self.0, s)
            }
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, col) in &self.0 {
            map.serialize_entry(name, &Col(col))?;
        }
        map.end()
    }
}

/// NPV columns per actor, then society, each draw's NPV in öre.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyColumns(pub Vec<Vec<Decimal>>);

impl Serialize for MoneyColumns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Col<'a>(&'a [Decimal]);
        impl Serialize for Col<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|x| fixed(*x, 2)))
            }
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, col) in who_ids().zip(self.0.iter()) {
            map.serialize_entry(id, &Col(col))?;
        }
        map.end()
    }
}
