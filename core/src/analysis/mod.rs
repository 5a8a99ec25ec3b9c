//! Sensitivity and uncertainty analysis on the exact engine: sweeps and grids over parameters,
//! a tornado, switching values (break-even values of one parameter) and Monte Carlo. Every
//! scenario an analysis builds is validated and calculated exactly like [`crate::calculate()`];
//! only Monte Carlo's sampling uses binary floating point, through a portable generator
//! ([`rng`]) so that a seed gives the same draws on every platform. The request and result
//! formats are docs/analysis.md.
//!
//! ```
//! let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026,
//!   "cohorts": [{"origin": "AM2", "participants": 20,
//!                "intervention": {"cost_per_participant": "40000", "duration_months": 6},
//!                "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
//! let analysis = samkalk::analysis::Analysis::from_json(r#"{
//!   "sweep": {"parameter": "cohorts[0].outcomes[0].share", "values": ["0.3", "0.6"]},
//!   "switching": [{"parameter": "cohorts[0].outcomes[0].share", "actor": "municipality"}]}"#).unwrap();
//! let result = samkalk::analysis::run(&scenario, &analysis, &mut |_, _| true).unwrap();
//! assert_eq!(result.switching[0].npv.map(|x| x.value().is_zero()), Some(true));
//! println!("{}", result.to_json());
//! ```

mod montecarlo;
pub mod param;
mod request;
mod result;
pub mod rng;
mod switching;

use rust_decimal::Decimal;

use crate::calculate::calculate_valid;
use crate::error::{Context, FieldError};
use crate::scenario::Scenario;
use crate::validate::{validate, ValidScenario};

pub use param::{Param, Range, Target};
pub use request::{
    Analysis, Distribution, GivenLabel, Grid, MonteCarlo, Sweep, Switching, Tornado, TornadoParameter, Uncertain, Who, MAX_DRAWS,
    MAX_GRID_CELLS, MAX_KEPT_DRAWS, MAX_LABEL_CHARS, MAX_PARAMETERS, MAX_SWEEP_VALUES,
};
pub use result::{
    AnalysisResult, ByActor, Exact, GridResult, GridRow, Money, MonteCarloResult, NamedColumns, Outcome, PerActor, Samples, Share,
    Statistics, Stats, SweepResult, SweepRow, SwitchingKind, SwitchingResult, TornadoResult, TornadoRow, WHO_COUNT,
};

/// Why an analysis gave no result.
///
/// ```
/// use samkalk::analysis::{run_json, AnalysisError};
///
/// let err = run_json(r#"{"start_year": 2026}"#, r#"{"sweep": {"parameter": "discount_rate", "values": ["7"]}}"#, &mut |_, _| true).unwrap_err();
/// assert!(matches!(err, AnalysisError::Invalid(_)));
/// assert_eq!(err.errors()[0].path, "sweep.values[0]");
/// let cancelled = run_json(r#"{"start_year": 2026}"#, r#"{"sweep": {"parameter": "discount_rate", "values": ["0"]}}"#, &mut |_, _| false);
/// assert_eq!(cancelled.unwrap_err(), AnalysisError::Cancelled);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisError {
    /// The scenario itself is invalid: every fault at its path in the scenario.
    #[error("invalid scenario: {}", join(.0))]
    Scenario(Vec<FieldError>),
    /// The request does not fit the scenario: each fault's `path` is in the analysis request
    /// (`sweep.values[2]`, `monte_carlo.parameters[0].parameter`); its message starts with the
    /// scenario path it concerns when there is one (`cohorts[0].outcomes[0].share: must be
    /// between 0 and 1, got 1.5`).
    #[error("invalid analysis: {}", join(.0))]
    Invalid(Vec<FieldError>),
    /// The progress callback asked to stop.
    #[error("the analysis was cancelled")]
    Cancelled,
}

impl AnalysisError {
    /// The faults (empty for `Cancelled`), each at its path: in the scenario for
    /// [`AnalysisError::Scenario`], in the request for [`AnalysisError::Invalid`].
    ///
    /// ```
    /// use samkalk::{analysis::{run_json, AnalysisError}, FaultCode};
    /// let request = r#"{"sweep": {"parameter": "discount_rate", "values": ["0.035"]}}"#;
    /// let bad = run_json(r#"{"start_year": 2026, "horizon_years": 0}"#, request, &mut |_, _| true).unwrap_err();
    /// assert!(matches!(bad, AnalysisError::Scenario(_)));
    /// assert_eq!((bad.errors()[0].path.as_str(), bad.errors()[0].code()), ("horizon_years", FaultCode::OutOfRange));
    /// assert!(AnalysisError::Cancelled.errors().is_empty());
    /// ```
    pub fn errors(&self) -> &[FieldError] {
        match self {
            AnalysisError::Scenario(e) | AnalysisError::Invalid(e) => e,
            AnalysisError::Cancelled => &[],
        }
    }
}

fn join(errors: &[FieldError]) -> String {
    errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")
}

/// How to run; the results never depend on it.
///
/// ```
/// let options = samkalk::analysis::RunOptions { threads: Some(1) };
/// assert_eq!(samkalk::analysis::RunOptions::default().threads, None);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunOptions {
    /// Threads for Monte Carlo; None: as many as the machine has (always 1 in WebAssembly).
    pub threads: Option<usize>,
}

/// Runs every analysis in the request on the scenario. `progress(done, total)` is called now
/// and then (at most about 200 times for the fast analyses, after every 1,000 Monte Carlo
/// draws or so) and once at the end; returning false stops the run with
/// [`AnalysisError::Cancelled`].
///
/// ```
/// use samkalk::analysis::{run, Analysis};
/// use samkalk::{Actor, Scenario};
///
/// let scenario = Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = Analysis::from_json(r#"{"sweep": {"parameter": "cohorts[0].participants", "values": ["0", "20"]}}"#).unwrap();
/// let mut calls = 0;
/// let result = run(&scenario, &request, &mut |_done, _total| { calls += 1; true }).unwrap();
/// let sweep = result.sweep.unwrap();
/// assert_eq!(sweep.base_value.to_string(), "20");
/// // At the base value the sweep's row is the base result.
/// assert_eq!(sweep.rows[1].outcome.npv.get(Actor::Municipality), result.base.npv.get(Actor::Municipality));
/// assert!(calls >= 1);
/// ```
pub fn run(scenario: &Scenario, analysis: &Analysis, progress: &mut dyn FnMut(u64, u64) -> bool) -> Result<AnalysisResult, AnalysisError> {
    run_with(scenario, analysis, RunOptions::default(), progress)
}

/// Reads a scenario and a request in JSON text and runs the request; a fault in either text
/// is [`AnalysisError::Scenario`] or [`AnalysisError::Invalid`].
///
/// ```
/// let result = samkalk::analysis::run_json(
///     r#"{"start_year": 2026}"#,
///     r#"{"sweep": {"parameter": "discount_rate", "values": ["0", "0.035"]}}"#,
///     &mut |_, _| true,
/// ).unwrap();
/// assert_eq!(result.sweep.unwrap().rows.len(), 2);
/// ```
pub fn run_json(scenario: &str, analysis: &str, progress: &mut dyn FnMut(u64, u64) -> bool) -> Result<AnalysisResult, AnalysisError> {
    let scenario = ValidScenario::from_json(scenario).map_err(|e| AnalysisError::Scenario(e.errors))?;
    let analysis = Analysis::from_json(analysis).map_err(|e| AnalysisError::Invalid(e.errors))?;
    run_valid(&scenario, &analysis, RunOptions::default(), progress)
}

/// [`run_with`] on a scenario already validated, which is not validated again. Each point of a
/// sweep, grid, tornado or switching search is (its values come from the request); a Monte
/// Carlo draw only when one of its parameters does not stand alone
/// ([`param::Param::stands_alone`]).
///
/// ```
/// let scenario = samkalk::ValidScenario::from_json(r#"{"start_year": 2026,
///     "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
///                  "intervention": {"cost_per_participant": "40000"},
///                  "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let request = samkalk::analysis::Analysis::from_json(
///     r#"{"sweep": {"parameter": "discount_rate", "values": ["0", "0.035"]}}"#).unwrap();
/// let options = samkalk::analysis::RunOptions::default();
/// let result = samkalk::analysis::run_valid(&scenario, &request, options, &mut |_, _| true).unwrap();
/// assert_eq!(result.sweep.unwrap().rows.len(), 2);
/// ```
pub fn run_valid(
    scenario: &ValidScenario,
    analysis: &Analysis,
    options: RunOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<AnalysisResult, AnalysisError> {
    run_on(scenario.scenario(), analysis, options, progress)
}

/// [`run`] with options (the number of threads).
///
/// ```
/// use samkalk::analysis::{run_with, Analysis, RunOptions};
///
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = Analysis::from_json(r#"{"monte_carlo": {"draws": 20, "seed": 1, "parameters": [
///     {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.4", "high": "0.8"}}]}}"#).unwrap();
/// let one = run_with(&scenario, &request, RunOptions { threads: Some(1) }, &mut |_, _| true).unwrap();
/// let two = run_with(&scenario, &request, RunOptions { threads: Some(2) }, &mut |_, _| true).unwrap();
/// // The threads never change the result.
/// assert_eq!(one, two);
/// assert_eq!(one.monte_carlo.unwrap().draws, 20);
/// ```
pub fn run_with(
    scenario: &Scenario,
    analysis: &Analysis,
    options: RunOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<AnalysisResult, AnalysisError> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(AnalysisError::Scenario(errors));
    }
    run_on(scenario, analysis, options, progress)
}

/// The analyses on a scenario validated by the caller.
fn run_on(
    scenario: &Scenario,
    analysis: &Analysis,
    options: RunOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<AnalysisResult, AnalysisError> {
    let mut engine = Engine::new(scenario, analysis, progress)?;
    let base = evaluate(&engine.base).map_err(AnalysisError::Scenario)?;
    let mut result =
        AnalysisResult { version: 1, base: base.outcome, sweep: None, grid: None, tornado: None, switching: Vec::new(), monte_carlo: None };
    let mut errors = Vec::new();
    if let Some(sweep) = &analysis.sweep {
        result.sweep = engine.sweep(sweep, &mut errors)?;
    }
    if let Some(grid) = &analysis.grid {
        result.grid = engine.grid(grid, &mut errors)?;
    }
    if let Some(tornado) = &analysis.tornado {
        result.tornado = engine.tornado(tornado, &base.outcome, &mut errors)?;
    }
    for (i, request) in analysis.switching.iter().enumerate() {
        if let Some(r) = switching::switching(&mut engine, request, i, &mut errors) {
            result.switching.push(r);
        }
        engine.tick(1)?;
    }
    if !errors.is_empty() {
        return Err(AnalysisError::Invalid(errors));
    }
    if let Some(mc) = &analysis.monte_carlo {
        result.monte_carlo = Some(montecarlo::monte_carlo(&mut engine, mc, options)?);
    }
    engine.finish()?;
    Ok(result)
}

/// One calculation: the rounded outcome and the exact NPVs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evaluation {
    pub outcome: Outcome,
    pub exact_npv: [Decimal; WHO_COUNT],
}

/// Validates and calculates a scenario, as `calculate` does; faults at their scenario paths.
pub(crate) fn evaluate(s: &Scenario) -> Result<Evaluation, Vec<FieldError>> {
    let errors = validate(s);
    if !errors.is_empty() {
        return Err(errors);
    }
    evaluate_valid(s)
}

/// Calculates a scenario already validated.
pub(crate) fn evaluate_valid(s: &Scenario) -> Result<Evaluation, Vec<FieldError>> {
    let (r, exact_npv) = calculate_valid(s).map_err(|e| e.errors)?;
    let outcome = Outcome { npv: r.per_actor.map(|a| a.npv), total_net: r.per_actor.map(|a| a.total_net) };
    Ok(Evaluation { outcome, exact_npv })
}

/// A scenario fault moved to an analysis path, its scenario path (if any) written first.
pub(crate) fn fault(analysis_path: &str, e: FieldError) -> FieldError {
    if e.path.is_empty() {
        e.at(analysis_path)
    } else {
        let path = e.path.clone();
        e.within(Context::Parameter { path }).at(analysis_path)
    }
}

/// The scenario (built-in states the request names copied in), progress, and helpers shared by
/// the analyses.
pub(crate) struct Engine<'p> {
    pub base: Scenario,
    progress: &'p mut dyn FnMut(u64, u64) -> bool,
    pub done: u64,
    pub total: u64,
    step: u64,
    last: u64,
}

impl<'p> Engine<'p> {
    fn new(scenario: &Scenario, analysis: &Analysis, progress: &'p mut dyn FnMut(u64, u64) -> bool) -> Result<Engine<'p>, AnalysisError> {
        let mut total: u64 = 0;
        if let Some(s) = &analysis.sweep {
            total += s.values.len() as u64;
        }
        if let Some(g) = &analysis.grid {
            total += (g.first.values.len() as u64).saturating_mul(g.second.values.len() as u64);
        }
        if let Some(t) = &analysis.tornado {
            total += 2 * t.parameters.len() as u64;
        }
        total += analysis.switching.len() as u64;
        if let Some(mc) = &analysis.monte_carlo {
            total += mc.draws;
        }
        let mut engine = Engine { base: scenario.clone(), progress, done: 0, total, step: (total / 200).max(1), last: 0 };
        // Resolve every parameter once on the base, so built-in states are copied in before any
        // analysis starts (and every analysis sees the same base).
        let mut errors = Vec::new();
        let mut resolve = |path: &str, at: String| {
            if let Err(fault) = Param::resolve(path, &mut engine.base) {
                errors.push(fault.at(at));
            }
        };
        if let Some(s) = &analysis.sweep {
            resolve(&s.parameter, "sweep.parameter".into());
        }
        if let Some(g) = &analysis.grid {
            resolve(&g.first.parameter, "grid.parameters[0].parameter".into());
            resolve(&g.second.parameter, "grid.parameters[1].parameter".into());
        }
        if let Some(t) = &analysis.tornado {
            for (i, p) in t.parameters.iter().enumerate() {
                resolve(&p.parameter, format!("tornado.parameters[{i}].parameter"));
            }
        }
        for (i, p) in analysis.switching.iter().enumerate() {
            resolve(&p.parameter, format!("switching[{i}].parameter"));
        }
        if let Some(mc) = &analysis.monte_carlo {
            for (i, p) in mc.parameters.iter().enumerate() {
                resolve(&p.parameter, format!("monte_carlo.parameters[{i}].parameter"));
            }
        }
        if !errors.is_empty() {
            return Err(AnalysisError::Invalid(errors));
        }
        engine.report()?;
        Ok(engine)
    }

    /// A parameter already resolved on the base.
    pub(crate) fn param(&self, path: &str) -> Result<Param, FieldError> {
        let mut probe = self.base.clone();
        Param::resolve(path, &mut probe)
    }

    fn report(&mut self) -> Result<(), AnalysisError> {
        self.last = self.done;
        if (self.progress)(self.done, self.total) {
            Ok(())
        } else {
            Err(AnalysisError::Cancelled)
        }
    }

    /// Counts `n` units done; reports progress every `step` units.
    pub(crate) fn tick(&mut self, n: u64) -> Result<(), AnalysisError> {
        self.done = self.done.saturating_add(n).min(self.total);
        if self.done - self.last >= self.step {
            self.report()?;
        }
        Ok(())
    }

    /// Reports `done` (counted elsewhere) and asks whether to go on.
    pub(crate) fn report_at(&mut self, done: u64) -> Result<(), AnalysisError> {
        self.done = done.min(self.total);
        self.report()
    }

    fn finish(&mut self) -> Result<(), AnalysisError> {
        self.done = self.total;
        self.report()
    }

    /// The base with `values` set, validated and calculated; faults at `at`.
    pub(crate) fn evaluate_with(&self, values: &[(&Param, Decimal)], at: &str) -> Result<Evaluation, Vec<FieldError>> {
        let mut s = self.base.clone();
        for (p, x) in values {
            p.set(&mut s, *x).map_err(|m| vec![m.at(at)])?;
        }
        evaluate(&s).map_err(|e| e.into_iter().map(|e| fault(at, e)).collect())
    }

    fn sweep(&mut self, sweep: &Sweep, errors: &mut Vec<FieldError>) -> Result<Option<SweepResult>, AnalysisError> {
        let param = match self.param(&sweep.parameter) {
            Ok(p) => p,
            Err(m) => {
                errors.push(m.at("sweep.parameter"));
                return Ok(None);
            }
        };
        let base_value = param.get(&self.base).unwrap_or_default();
        let mut rows = Vec::with_capacity(sweep.values.len());
        for (i, x) in sweep.values.iter().enumerate() {
            match self.evaluate_with(&[(&param, *x)], &format!("sweep.values[{i}]")) {
                Ok(e) => rows.push(SweepRow { value: Exact::new(*x), outcome: e.outcome }),
                Err(e) => errors.extend(e),
            }
            self.tick(1)?;
        }
        Ok(Some(SweepResult { parameter: sweep.parameter.clone(), label: sweep.label.clone(), base_value: Exact::new(base_value), rows }))
    }

    fn grid(&mut self, grid: &Grid, errors: &mut Vec<FieldError>) -> Result<Option<GridResult>, AnalysisError> {
        let (first, second) = match (self.param(&grid.first.parameter), self.param(&grid.second.parameter)) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => {
                for (i, r) in [a, b].into_iter().enumerate() {
                    if let Err(m) = r {
                        errors.push(m.at(format!("grid.parameters[{i}].parameter")));
                    }
                }
                return Ok(None);
            }
        };
        let mut rows = Vec::with_capacity(grid.first.values.len().saturating_mul(grid.second.values.len()));
        let before = errors.len();
        for (i, x) in grid.first.values.iter().enumerate() {
            for (j, y) in grid.second.values.iter().enumerate() {
                let at = format!("grid.parameters[0].values[{i}]");
                match self.evaluate_with(&[(&first, *x), (&second, *y)], &at) {
                    Ok(e) => rows.push(GridRow { values: [Exact::new(*x), Exact::new(*y)], outcome: e.outcome }),
                    Err(e) => {
                        // Name both values: the fault may come from either or from the pair.
                        for f in e {
                            if errors.len() - before < 100 {
                                errors.push(f.within(Context::With { path: format!("grid.parameters[1].values[{j}]") }));
                            }
                        }
                    }
                }
                self.tick(1)?;
            }
        }
        Ok(Some(GridResult {
            parameters: [grid.first.parameter.clone(), grid.second.parameter.clone()],
            labels: [grid.first.label.clone(), grid.second.label.clone()],
            rows,
        }))
    }

    fn tornado(&mut self, tornado: &Tornado, base: &Outcome, errors: &mut Vec<FieldError>) -> Result<Option<TornadoResult>, AnalysisError> {
        let mut rows = Vec::with_capacity(tornado.parameters.len());
        for (i, t) in tornado.parameters.iter().enumerate() {
            let param = match self.param(&t.parameter) {
                Ok(p) => p,
                Err(m) => {
                    errors.push(m.at(format!("tornado.parameters[{i}].parameter")));
                    continue;
                }
            };
            let low = self.evaluate_with(&[(&param, t.low)], &format!("tornado.parameters[{i}].low"));
            self.tick(1)?;
            let high = self.evaluate_with(&[(&param, t.high)], &format!("tornado.parameters[{i}].high"));
            self.tick(1)?;
            match (low, high) {
                (Ok(l), Ok(h)) => {
                    let (npv_low, npv_high) = (l.outcome.npv.society().value(), h.outcome.npv.society().value());
                    let swing = npv_high.checked_sub(npv_low).unwrap_or(Decimal::MAX).abs();
                    rows.push(TornadoRow {
                        parameter: t.parameter.clone(),
                        label: t.label.clone(),
                        base_value: Exact::new(param.get(&self.base).unwrap_or_default()),
                        low: Exact::new(t.low),
                        high: Exact::new(t.high),
                        npv_low: l.outcome.npv,
                        npv_high: h.outcome.npv,
                        swing: Money::rounded(swing),
                    });
                }
                (l, h) => {
                    errors.extend(l.err().unwrap_or_default());
                    errors.extend(h.err().unwrap_or_default());
                }
            }
        }
        // Stable: equal swings keep the request's order.
        rows.sort_by_key(|row| std::cmp::Reverse(row.swing));
        Ok(Some(TornadoResult { base: base.npv, rows }))
    }
}
