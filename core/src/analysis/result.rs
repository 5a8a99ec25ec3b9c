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
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#, "{}", &mut |_, _| true).unwrap();
/// let npv: &samkalk::analysis::ByActor = &result.base.npv;
/// // Without cohorts nothing is gained or spent.
/// assert!(npv.iter().all(|(_, m)| m.to_string() == "0.00"));
/// ```
pub type ByActor = PerActor<Money>;

/// NPV and total net (undiscounted sum of net) per actor and for society, each rounded to öre
/// from the exact value, as `calculate` reports them.
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026, "discount_rate": "0"}"#, "{}", &mut |_, _| true).unwrap();
/// // Undiscounted, the NPV is the total net.
/// assert_eq!(result.base.npv, result.base.total_net);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Outcome {
    /// Net present value.
    pub npv: ByActor,
    /// Undiscounted sum of net over the years.
    pub total_net: ByActor,
}

/// Everything an analysis request asked for, keyed like the request.
///
/// ```
/// use samkalk::analysis::{run, Analysis};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = Analysis::from_json(r#"{"grid": {"parameters": [
///     {"parameter": "cohorts[0].outcomes[0].share", "values": ["0.3", "0.6"]},
///     {"parameter": "cohorts[1].outcomes[0].share", "values": ["0.2", "0.4"]}]}}"#).unwrap();
/// let result = run(&scenario, &request, &mut |_, _| true).unwrap();
/// assert_eq!(result.version, 1);
/// let grid = result.grid.as_ref().unwrap();
/// assert_eq!(grid.rows.len(), 4);
/// // The programme's own shares (0.6 and 0.4) are the grid's last cell: the base outcome.
/// assert_eq!(grid.rows[3].outcome, result.base);
/// assert!(result.sweep.is_none() && result.switching.is_empty());
/// assert!(result.to_json().starts_with(r#"{"version":1,"base":{"npv":{"municipality":"#));
/// assert!(result.to_json_pretty().contains("\n  \"grid\": {"));
/// ```
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
    /// The result JSON (docs/analysis.md), compact: money as strings with two decimals,
    /// parameter values as exact decimal strings, by-actor objects ending with `society`.
    ///
    /// ```
    /// let result = samkalk::analysis::run_json(r#"{"start_year": 2026, "discount_rate": "0.035"}"#,
    ///     r#"{"sweep": {"parameter": "discount_rate", "values": ["0"]}}"#, &mut |_, _| true).unwrap();
    /// let json: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
    /// assert_eq!(json["version"], 1);
    /// // Without cohorts nobody gains or pays anything.
    /// assert_eq!(json["base"]["npv"]["society"], "0.00");
    /// assert_eq!(json["sweep"]["base_value"], "0.035");
    /// assert!(json.get("monte_carlo").is_none());
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    /// The result JSON, indented for people: the same JSON as [`AnalysisResult::to_json`].
    ///
    /// ```
    /// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#,
    ///     r#"{"sweep": {"parameter": "horizon_years", "values": ["2"]}}"#, &mut |_, _| true).unwrap();
    /// let pretty = result.to_json_pretty();
    /// assert!(pretty.starts_with("{\n  \"version\": 1,\n"));
    /// let (a, b): (serde_json::Value, serde_json::Value) =
    ///     (serde_json::from_str(&pretty).unwrap(), serde_json::from_str(&result.to_json()).unwrap());
    /// assert_eq!(a, b);
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A sweep: the outcome at each value of one parameter.
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026, "discount_rate": "0.035"}"#,
///     r#"{"sweep": {"parameter": "discount_rate", "values": ["0", "0.035"]}}"#, &mut |_, _| true).unwrap();
/// let sweep = result.sweep.unwrap();
/// assert_eq!((sweep.parameter.as_str(), sweep.base_value.to_string()), ("discount_rate", "0.035".to_string()));
/// assert_eq!(sweep.rows[0].value.to_string(), "0");
/// assert_eq!(sweep.rows[1].outcome, result.base);
/// ```
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
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#,
///     r#"{"sweep": {"parameter": "horizon_years", "values": ["2"]}}"#, &mut |_, _| true).unwrap();
/// let row: &samkalk::analysis::SweepRow = &result.sweep.as_ref().unwrap().rows[0];
/// assert_eq!(row.value.to_string(), "2");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepRow {
    /// The parameter's value.
    pub value: Exact,
    /// NPV and total net at that value.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// A grid: the outcome at every combination of two parameters' values.
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#, r#"{"grid": {"parameters": [
///     {"parameter": "discount_rate", "values": ["0", "0.01"]}, {"parameter": "horizon_years", "values": ["2", "3", "4"]}]}}"#,
///     &mut |_, _| true).unwrap();
/// let grid = result.grid.unwrap();
/// assert_eq!(grid.parameters, ["discount_rate".to_string(), "horizon_years".to_string()]);
/// // The second parameter varies fastest.
/// assert_eq!(grid.rows.iter().map(|r| r.values[1].to_string()).collect::<Vec<_>>(), ["2", "3", "4", "2", "3", "4"]);
/// ```
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
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#, r#"{"grid": {"parameters": [
///     {"parameter": "discount_rate", "values": ["0.01"]}, {"parameter": "horizon_years", "values": ["2"]}]}}"#,
///     &mut |_, _| true).unwrap();
/// let row: &samkalk::analysis::GridRow = &result.grid.as_ref().unwrap().rows[0];
/// assert_eq!(row.values.map(|v| v.to_string()), ["0.01".to_string(), "2".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRow {
    /// The two parameters' values.
    pub values: [Exact; 2],
    /// NPV and total net at those values.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// A tornado: each parameter at its low and high value.
///
/// ```
/// use samkalk::analysis::{run, Analysis};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = Analysis::from_json(r#"{"tornado": {"parameters": [
///     {"parameter": "discount_rate", "low": "0", "high": "0.035"},
///     {"parameter": "cohorts[0].participants", "low": "10", "high": "30"}]}}"#).unwrap();
/// let result = run(&scenario, &request, &mut |_, _| true).unwrap();
/// let tornado = result.tornado.unwrap();
/// assert_eq!(tornado.base, result.base.npv);
/// for row in &tornado.rows {
///     // The swing is society's NPV at high less at low, in size.
///     let (low, high) = (row.npv_low.society().value(), row.npv_high.society().value());
///     assert_eq!(row.swing.value(), (high - low).abs());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoResult {
    /// Each actor's and society's NPV in the scenario as given.
    pub base: ByActor,
    /// Sorted by `swing`, largest first; equal swings keep the request's order.
    pub rows: Vec<TornadoRow>,
}

/// One parameter of a tornado.
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#,
///     r#"{"tornado": {"parameters": [{"parameter": "discount_rate", "low": "0", "high": "0.05"}]}}"#, &mut |_, _| true).unwrap();
/// let row: &samkalk::analysis::TornadoRow = &result.tornado.as_ref().unwrap().rows[0];
/// assert_eq!((row.low.to_string(), row.high.to_string()), ("0".to_string(), "0.05".to_string()));
/// // Without cohorts the rate moves nothing.
/// assert_eq!(row.swing.to_string(), "0.00");
/// ```
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
///
/// ```
/// use samkalk::analysis::{run, Analysis, SwitchingKind};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// // The NPV is linear in a cost, so the crossing is solved exactly.
/// let request = Analysis::from_json(r#"{"switching": [
///     {"parameter": "cohorts[0].intervention.cost_per_participant", "actor": "society"}]}"#).unwrap();
/// let switching = &run(&scenario, &request, &mut |_, _| true).unwrap().switching[0];
/// assert_eq!(switching.kind, SwitchingKind::Linear);
/// ```
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
///
/// ```
/// use samkalk::analysis::{run, Analysis};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = Analysis::from_json(r#"{"switching": [
///     {"parameter": "cohorts[0].intervention.cost_per_participant", "actor": "municipality"}]}"#).unwrap();
/// let result = run(&scenario, &request, &mut |_, _| true).unwrap();
/// let s = &result.switching[0];
/// assert_eq!((s.parameter.as_str(), s.actor.as_str()), ("cohorts[0].intervention.cost_per_participant", "municipality"));
/// assert_eq!(s.base_value.to_string(), "40000");
/// assert_eq!(s.base_npv, *result.base.npv.get(samkalk::Actor::Municipality));
/// ```
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
///
/// ```
/// use samkalk::analysis::{run, Analysis};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// // One possible value: every draw is the base scenario.
/// let request = Analysis::from_json(r#"{"monte_carlo": {"draws": 8, "seed": 3, "keep_draws": true, "parameters": [
///     {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [20]}}]}}"#).unwrap();
/// let result = run(&scenario, &request, &mut |_, _| true).unwrap();
/// let mc = result.monte_carlo.unwrap();
/// assert_eq!((mc.draws, mc.seed, mc.parameters.len()), (8, 3, 1));
/// let society = mc.statistics.society();
/// assert_eq!(society.mean, *result.base.npv.society());
/// assert_eq!(society.sd.to_string(), "0.00");
/// assert_eq!((society.min, society.max), (society.mean, society.mean));
/// let samples = mc.samples.unwrap();
/// assert_eq!(samples.values.0[0].1.len(), 8);
/// assert_eq!(samples.npv.society().len(), 8);
/// ```
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
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#, r#"{"monte_carlo": {"draws": 4, "seed": 1, "parameters": [
///     {"parameter": "discount_rate", "distribution": {"kind": "uniform", "low": "0", "high": "0.05"}}]}}"#, &mut |_, _| true).unwrap();
/// let stats: &samkalk::analysis::Statistics = &result.monte_carlo.as_ref().unwrap().statistics;
/// assert_eq!(stats.iter().count(), 8);
/// ```
pub type Statistics = PerActor<Stats>;

/// One actor's (or society's) statistics over the draws' NPVs.
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#, r#"{"monte_carlo": {"draws": 4, "seed": 1, "parameters": [
///     {"parameter": "discount_rate", "distribution": {"kind": "uniform", "low": "0", "high": "0.05"}}]}}"#, &mut |_, _| true).unwrap();
/// let s: &samkalk::analysis::Stats = result.monte_carlo.as_ref().unwrap().statistics.society();
/// // Without cohorts every NPV is 0, and an NPV of at least 0 counts: all four draws gain.
/// assert_eq!((s.mean.to_string(), s.gains, s.probability_gain.to_string()), ("0.00".to_string(), 4, "1.000000".to_string()));
/// ```
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
///
/// ```
/// let result = samkalk::analysis::run_json(r#"{"start_year": 2026}"#, r#"{"monte_carlo": {"draws": 3, "seed": 1, "keep_draws": true,
///     "parameters": [{"parameter": "horizon_years", "distribution": {"kind": "discrete", "values": [5]}}]}}"#, &mut |_, _| true).unwrap();
/// let samples: &samkalk::analysis::Samples = result.monte_carlo.as_ref().unwrap().samples.as_ref().unwrap();
/// assert_eq!(samples.values.0[0].0, "horizon_years");
/// assert!(samples.values.0[0].1.iter().all(|v| v.to_string() == "5"));
/// assert_eq!(samples.npv.society().len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Samples {
    /// Each parameter's values.
    pub values: NamedColumns,
    /// Each actor's and society's NPVs.
    pub npv: PerActor<Vec<Money>>,
}

/// Columns of exact values keyed by parameter path, in the request's order.
///
/// ```
/// use samkalk::{analysis::NamedColumns, Exact};
///
/// let columns = NamedColumns(vec![("discount_rate".into(), vec![Exact::new("0.03".parse().unwrap())])]);
/// assert_eq!(columns.0[0].1[0].to_string(), "0.03");
/// ```
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
