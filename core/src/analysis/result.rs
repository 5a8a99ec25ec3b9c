//! What an analysis returns, and its JSON (docs/analysis.md): money as strings with two
//! decimals like the core's results, parameter values as exact decimal strings, probabilities
//! as strings with six decimals, counts as numbers.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

pub use crate::result::{Exact, Money, PerActor, Share, WHO_COUNT};

use super::request::GivenLabel;

fn no_labels(labels: &[Option<GivenLabel>]) -> bool {
    labels.iter().all(Option::is_none)
}

/// An amount per actor and for society; serialises as an object keyed by id, each amount as
/// money (`"-1345020.00"`).
pub type ByActor = PerActor<Money>;

/// NPV and total net (undiscounted sum of net) per actor and for society, each rounded to öre
/// from the exact value, as `calculate` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Outcome {
    /// Net present value.
    pub npv: ByActor,
    /// Undiscounted sum of net over the years.
    pub total_net: ByActor,
}

/// Everything an analysis request asked for, keyed like the request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalysisResult {
    /// Version of the result format (1).
    pub version: i64,
    /// The scenario as given.
    pub base: Outcome,
    /// The sweep, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sweep: Option<SweepResult>,
    /// The grid, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid: Option<GridResult>,
    /// The tornado, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tornado: Option<TornadoResult>,
    /// One result per switching request, in the request's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub switching: Vec<SwitchingResult>,
    /// Monte Carlo, when requested.
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

/// A sweep: the outcome at each value of one parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepResult {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// The request's name for it, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<GivenLabel>,
    /// The parameter's value in the scenario as given.
    pub base_value: Exact,
    /// One row per value, in the request's order.
    pub rows: Vec<SweepRow>,
}

/// One value of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepRow {
    /// The parameter's value.
    pub value: Exact,
    /// NPV and total net at that value.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// A grid: the outcome at every combination of two parameters' values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridResult {
    /// The two parameters' paths, outer first.
    pub parameters: [String; 2],
    /// The request's names for them (absent when it gives none).
    #[serde(skip_serializing_if = "no_labels")]
    pub labels: [Option<GivenLabel>; 2],
    /// Every combination, the first parameter's values outer, the second's inner.
    pub rows: Vec<GridRow>,
}

/// One combination of a grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRow {
    /// The two parameters' values.
    pub values: [Exact; 2],
    /// NPV and total net at those values.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// A tornado: each parameter at its low and high value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoResult {
    /// Each actor's and society's NPV in the scenario as given.
    pub base: ByActor,
    /// Sorted by `swing`, largest first; equal swings keep the request's order.
    pub rows: Vec<TornadoRow>,
}

/// One parameter of a tornado.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoRow {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// The request's name for it, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<GivenLabel>,
    /// The parameter's value in the scenario as given.
    pub base_value: Exact,
    /// The low value tried.
    pub low: Exact,
    /// The high value tried.
    pub high: Exact,
    /// Each actor's and society's NPV at `low`.
    pub npv_low: ByActor,
    /// Each actor's and society's NPV at `high`.
    pub npv_high: ByActor,
    /// |society's NPV at high − society's NPV at low|.
    pub swing: Money,
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

/// A switching value: where one actor's NPV crosses zero as one parameter moves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwitchingResult {
    /// The parameter's path in the scenario.
    pub parameter: String,
    /// The request's name for it, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<GivenLabel>,
    /// The actor (or `society`) whose NPV crosses zero.
    pub actor: String,
    /// How the value was found.
    pub kind: SwitchingKind,
    /// The switching value: the shortest decimal (fewest decimals, at most 28) at which the
    /// actor's NPV rounds to 0.00; for a whole-number parameter see docs/analysis.md. Null
    /// for kind `none`.
    pub value: Option<Exact>,
    /// For kind `linear`: the exact crossing solved from the line (to 28 digits).
    pub exact_value: Option<Exact>,
    /// The actor's NPV at `value`, rounded to öre (null when `value` cannot be set).
    pub npv: Option<Money>,
    /// The actor gains (NPV ≥ 0) above the value (`"above"`) or below it (`"below"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gains: Option<&'static str>,
    /// The parameter's value in the scenario as given.
    pub base_value: Exact,
    /// The actor's NPV in the scenario as given.
    pub base_npv: Money,
    /// The low end of the range searched.
    pub low: Exact,
    /// The high end of the range searched.
    pub high: Exact,
}

/// Monte Carlo: statistics of each actor's NPV over draws of the uncertain parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarloResult {
    /// Number of draws.
    pub draws: u64,
    /// The seed the draws come from.
    pub seed: u64,
    /// The drawn parameters' paths, in the request's order.
    pub parameters: Vec<String>,
    /// The request's names for them, one per parameter (absent when it gives none).
    #[serde(skip_serializing_if = "no_labels")]
    pub labels: Vec<Option<GivenLabel>>,
    /// Per actor and society, over the draws' NPVs rounded to öre.
    pub statistics: Statistics,
    /// Every draw, with `keep_draws`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub samples: Option<Samples>,
}

/// Statistics per actor, then society; serialises as an object keyed by id.
pub type Statistics = PerActor<Stats>;

/// One actor's (or society's) statistics over the draws' NPVs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Mean (held to 28 digits, written to öre).
    pub mean: Money,
    /// Sample standard deviation (divisor n − 1; 0 for one draw).
    pub sd: Money,
    /// sd / √n.
    pub standard_error: Money,
    /// Smallest.
    pub min: Money,
    /// 5th percentile (nearest rank).
    pub p5: Money,
    /// Median (nearest rank).
    pub p50: Money,
    /// 95th percentile (nearest rank).
    pub p95: Money,
    /// Largest.
    pub max: Money,
    /// Share of draws whose NPV (to öre) is at least 0.
    pub probability_gain: Share,
    /// Number of such draws.
    pub gains: u64,
}

/// Every draw: each parameter's value and each actor's NPV, in draw order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Samples {
    /// Each parameter's values.
    pub values: NamedColumns,
    /// Each actor's and society's NPVs.
    pub npv: PerActor<Vec<Money>>,
}

/// Columns of exact values keyed by parameter path, in the request's order.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedColumns(pub Vec<(String, Vec<Exact>)>);

impl Serialize for NamedColumns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, col) in &self.0 {
            map.serialize_entry(name, col)?;
        }
        map.end()
    }
}
