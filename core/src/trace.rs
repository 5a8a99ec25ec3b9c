//! Version 2: the effect trace (docs/method.md, "The effect trace"): per cohort, year and state,
//! the mean number of persons the intervention has moved there, beside the result.

use rust_decimal::Decimal;

use crate::arith::outlined::{add, div, mul, sub};
use crate::arith::Calc;
use crate::error::{FieldError, ScenarioError};
use crate::result::fixed;
use crate::scenario::Scenario;
use crate::validate::{validate, ValidScenario};

/// One row of the trace: the mean over year `year`'s 12 months of the persons in `state`.
///
/// ```
/// use rust_decimal::Decimal;
/// // A year's programme, then half of the 20 reach work.
/// let trace = samkalk::trace_json(r#"{"version": 2, "start_year": 2026, "cohorts": [{"name": "A, B", "origin": "AM2",
///     "participants": 20, "intervention": {"duration_months": 12}, "outcomes": [{"target": "work", "share": "0.5"}]}]}"#).unwrap();
/// let row: &samkalk::TraceRow = trace.rows.iter().find(|r| r.year == 2027 && r.state == "work").unwrap();
/// assert_eq!((row.cohort, row.cohort_name.as_str(), row.participants), (0, "A, B", Decimal::from(10)));
/// // In the programme year, nobody has moved yet.
/// let first = &trace.rows[0];
/// assert_eq!((first.year, first.state.as_str(), first.participants), (2026, "AM2", Decimal::from(20)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TraceRow {
    /// The cohort's position in the scenario.
    pub cohort: usize,
    /// The cohort as the trace names it: its `name`, or `cohorts[i]` when the name is empty.
    pub cohort_name: String,
    /// The calendar year.
    pub year: i64,
    /// The state's id.
    pub state: String,
    /// P × Y(s, t) / 12 summed over the cohort's outcomes, to 20 decimals; for the origin,
    /// participants minus the other states of the cohort and year (exactly).
    pub participants: Decimal,
}

/// The effect trace: rows per cohort (input order), year (in order) and state (the origin
/// first, then the states as the cohort's outcomes and moves first name them).
///
/// ```
/// let trace: samkalk::Trace = samkalk::trace_json(r#"{"version": 2, "start_year": 2026, "cohorts": [{"name": "A",
///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.5"}]}]}"#).unwrap();
/// // Each year, the participants in all states add up to the cohort.
/// for year in 2026..=2029 {
///     let sum: rust_decimal::Decimal = trace.rows.iter().filter(|r| r.year == year).map(|r| r.participants).sum();
///     assert_eq!(sum, rust_decimal::Decimal::from(20));
/// }
/// assert!(trace.to_csv().starts_with("cohort,year,state,participants\nA,2026,AM2,"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The rows, in the order above.
    pub rows: Vec<TraceRow>,
}

/// Decimals the trace's numbers are held with: each state's figure is rounded to them (half
/// away from zero) before the origin's is computed from them.
pub(crate) const TRACE_EXACT_DECIMALS: u32 = 20;

/// Decimals the trace's numbers are written with.
pub(crate) const TRACE_DECIMALS: u32 = 6;

impl Trace {
    /// CSV with the header `cohort,year,state,participants`, numbers to six decimals; a name
    /// with a comma, quote or line break is quoted (RFC 4180).
    ///
    /// ```
    /// # let trace = samkalk::trace_json(r#"{"version": 2, "start_year": 2026, "cohorts": [{"name": "A, B", "origin": "AM2",
    /// #     "participants": 20, "intervention": {"duration_months": 12}, "outcomes": [{"target": "work", "share": "0.5"}]}]}"#).unwrap();
    /// let csv = trace.to_csv();
    /// let lines: Vec<&str> = csv.lines().collect();
    /// assert_eq!(lines[..3], ["cohort,year,state,participants", r#""A, B",2026,AM2,20.000000"#, r#""A, B",2026,work,0.000000"#]);
    /// assert_eq!(lines.last(), Some(&r#""A, B",2029,work,10.000000"#));
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::from("cohort,year,state,participants\n");
        for r in &self.rows {
            out.push_str(&format!(
                "{},{},{},{}\n",
                csv_text(&r.cohort_name),
                r.year,
                csv_text(&r.state),
                fixed(r.participants, TRACE_DECIMALS)
            ));
        }
        out
    }

    /// JSON: a list of `{"cohort", "year", "state", "participants"}`, participants a string
    /// with six decimals, as in the CSV.
    ///
    /// ```
    /// # let trace = samkalk::trace_json(r#"{"version": 2, "start_year": 2026, "cohorts": [{"name": "A, B", "origin": "AM2",
    /// #     "participants": 20, "intervention": {"duration_months": 12}, "outcomes": [{"target": "work", "share": "0.5"}]}]}"#).unwrap();
    /// let json: serde_json::Value = serde_json::from_str(&trace.to_json()).unwrap();
    /// assert_eq!(json[3], serde_json::json!({"cohort": "A, B", "year": 2027, "state": "work", "participants": "10.000000"}));
    /// assert_eq!(json.as_array().unwrap().len(), trace.rows.len());
    /// ```
    pub fn to_json(&self) -> String {
        // Written by hand rather than through serde_json::Value: it keeps the WebAssembly small.
        let text = |t: &str| serde_json::to_string(t).unwrap_or_default();
        let mut out = String::from("[");
        for (k, r) in self.rows.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push_str(&format!(
                "{{\"cohort\":{},\"year\":{},\"state\":{},\"participants\":\"{}\"}}",
                text(&r.cohort_name),
                r.year,
                text(&r.state),
                fixed(r.participants, TRACE_DECIMALS)
            ));
        }
        out.push(']');
        out
    }

    /// The participants of a row written as the CSV and JSON write them: six decimals, half
    /// away from zero.
    ///
    /// ```
    /// use samkalk::Trace;
    /// assert_eq!(Trace::written("6.6666666666666666666666666667".parse().unwrap()), "6.666667");
    /// assert_eq!(Trace::written(20.into()), "20.000000");
    /// ```
    pub fn written(x: Decimal) -> String {
        fixed(x, TRACE_DECIMALS)
    }
}

/// RFC 4180: quoted when the text holds a comma, a quote or a line break.
fn csv_text(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl ValidScenario {
    /// The effect trace, as [`crate::trace()`] gives it but without validating again.
    ///
    /// ```
    /// let valid = samkalk::Scenario::new(2026).validate().unwrap();
    /// assert!(valid.trace().unwrap().rows.is_empty());
    /// ```
    pub fn trace(&self) -> Result<Trace, ScenarioError> {
        trace_valid(self.scenario())
    }
}

/// The effect trace of a scenario; it is validated first, as by [`crate::calculate()`].
///
/// ```
/// use samkalk::{Cohort, Intervention, Outcome, Scenario};
/// let mut scenario = Scenario::new(2026);
/// scenario.version = 2;
/// scenario.cohorts.push(Cohort { name: "A".into(), origin: "AM2".into(), participants: 10,
///     intervention: Intervention::default(), outcomes: vec![Outcome::new("work", "0.3".parse().unwrap())] });
/// let trace = samkalk::trace(&scenario).unwrap();
/// // Each year, the origin's row, then the target's: four years of two states.
/// assert_eq!(trace.rows.len(), 8);
/// assert_eq!(trace.rows.iter().map(|r| r.state.as_str()).take(2).collect::<Vec<_>>(), ["AM2", "work"]);
/// // An invalid scenario gives its faults instead.
/// scenario.cohorts[0].outcomes[0].share = "1.5".parse().unwrap();
/// assert_eq!(samkalk::trace(&scenario).unwrap_err().errors[0].path, "cohorts[0].outcomes[0].share");
/// ```
pub fn trace(scenario: &Scenario) -> Result<Trace, ScenarioError> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(ScenarioError { errors });
    }
    trace_valid(scenario)
}

// The (state, year) grid reads most plainly with indices.
#[allow(clippy::needless_range_loop)]
#[inline(never)]
fn trace_valid(scenario: &Scenario) -> Result<Trace, ScenarioError> {
    let years = scenario.horizon_years.clamp(1, 60) as usize;
    let mut rows = Vec::new();
    let twelve = Decimal::from(12);
    for (i, cohort) in scenario.cohorts.iter().enumerate() {
        let overflow = |_| ScenarioError::from(FieldError::new(format!("cohorts[{i}]"), crate::error::Fault::Overflow));
        let mut states: Vec<&str> = vec![&cohort.origin];
        // values[s][t]
        let mut values: Vec<Vec<Decimal>> = vec![vec![Decimal::ZERO; years]];
        let participants = Decimal::from(cohort.participants);
        for o in &cohort.outcomes {
            let occ = crate::pathway::occupancy(o, &cohort.origin, crate::calculate::move_month(cohort, o), years).map_err(overflow)?;
            let p = outcome_p(o, participants).map_err(overflow)?;
            for (k, id) in occ.states.iter().enumerate() {
                let s = match states.iter().position(|x| x == id) {
                    Some(s) => s,
                    None => {
                        states.push(id);
                        values.push(vec![Decimal::ZERO; years]);
                        states.len() - 1
                    }
                };
                for t in 0..years {
                    let y = occ.year_sum(t, k).map_err(overflow)?;
                    if !y.is_zero() {
                        let v = div(mul(p, y).map_err(overflow)?, twelve).map_err(overflow)?;
                        values[s][t] = add(values[s][t], v).map_err(overflow)?;
                    }
                }
            }
        }
        // The states' figures to 20 decimals, so that the origin's (participants minus them) is
        // exact and the trace conserves participants exactly.
        for v in values.iter_mut().skip(1) {
            for x in v.iter_mut() {
                *x = x.round_dp_with_strategy(TRACE_EXACT_DECIMALS, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            }
        }
        for t in 0..years {
            let mut rest = participants;
            for v in values.iter().skip(1) {
                rest = sub(rest, v[t]).map_err(overflow)?;
            }
            values[0][t] = rest;
        }
        let name = if cohort.name.is_empty() { format!("cohorts[{i}]") } else { cohort.name.clone() };
        for t in 0..years {
            for (s, id) in states.iter().enumerate() {
                rows.push(TraceRow {
                    cohort: i,
                    cohort_name: name.clone(),
                    year: scenario.start_year + t as i64,
                    state: id.to_string(),
                    participants: values[s][t],
                });
            }
        }
    }
    Ok(Trace { rows })
}

/// P = participants × (share − counterfactual) × (1 − deadweight) × (1 − attribution) × (1 − displacement).
fn outcome_p(o: &crate::scenario::Outcome, participants: Decimal) -> Calc<Decimal> {
    let filters = mul(mul(sub(Decimal::ONE, o.deadweight)?, sub(Decimal::ONE, o.attribution)?)?, sub(Decimal::ONE, o.displacement)?)?;
    mul(mul(participants, filters)?, sub(o.share, o.counterfactual_share)?)
}
