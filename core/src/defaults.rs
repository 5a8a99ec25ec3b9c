//! The built-in parameter set: states AM1, AM2, AM3, work, subsidised_work and studies, and
//! the tax rates, every number with its source and the arithmetic behind it. The data lives in
//! `data/defaults.toml` (reviewed like code) and is embedded in the crate at build time.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::arith::Calc;
use crate::node::{Node, TapeNode};
use crate::path::Path;
use crate::scenario::{read_state, BuiltInStates, Scenario, State};
use crate::value::{parse_json, parse_tape, Value};

/// A rate with where it comes from.
///
/// ```
/// let rate: &samkalk::defaults::SourcedRate = &samkalk::defaults().tax.employer_contribution_rate;
/// assert!(rate.value > rust_decimal::Decimal::ZERO && rate.value < rust_decimal::Decimal::ONE);
/// assert!(!rate.source.is_empty() && !rate.note.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedRate {
    /// The rate (0.3241 is 32.41 %).
    pub value: Decimal,
    /// The public source of the figures it is computed from.
    pub source: String,
    /// How the value follows from the source's figures.
    pub note: String,
}

/// The default effective tax rates on the gross wage.
///
/// ```
/// let tax: &samkalk::defaults::DefaultTax = &samkalk::defaults().tax;
/// // The regional tax is smaller than the municipal one, everywhere in Sweden.
/// assert!(tax.regional_rate.value < tax.municipal_rate.value);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultTax {
    /// Municipal income tax (kommunalskatt), as a share of the gross wage.
    pub municipal_rate: SourcedRate,
    /// Regional income tax (regionskatt), as a share of the gross wage.
    pub regional_rate: SourcedRate,
    /// Employer's contributions (arbetsgivaravgifter), as a share of the gross wage.
    pub employer_contribution_rate: SourcedRate,
}

/// A built-in state, and for each of its flows the arithmetic from the source to the amount.
///
/// ```
/// let am2: &samkalk::defaults::DefaultState = &samkalk::defaults().states["AM2"];
/// // One note per flow: where its amount comes from.
/// assert_eq!(am2.notes.len(), am2.state.flows.len());
/// assert!(samkalk::defaults().states["work"].earnings_source.is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultState {
    /// The state as a scenario may use it.
    pub state: State,
    /// For each flow, in order, how its amount follows from its source.
    pub notes: Vec<String>,
    /// Where the wage of an `earnings` block comes from, and the arithmetic (source, note).
    pub earnings_source: Option<(String, String)>,
}

/// The built-in parameter set.
///
/// ```
/// let d: &samkalk::Defaults = samkalk::defaults();
/// assert_eq!(d.price_year, 2025);
/// assert!(["AM1", "AM2", "AM3", "work", "subsidised_work", "studies"].iter().all(|id| d.states.contains_key(*id)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Defaults {
    /// The year whose prices the amounts are in.
    pub price_year: i64,
    /// The default tax rates, with their sources.
    pub tax: DefaultTax,
    /// The built-in states by id (AM1, AM2, AM3, work, subsidised_work, studies).
    pub states: BTreeMap<String, DefaultState>,
}

const DEFAULTS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/defaults.json"));

/// The built-in parameter set, read once.
///
/// ```
/// assert!(std::ptr::eq(samkalk::defaults(), samkalk::defaults()));
/// assert_eq!(samkalk::defaults().states.len(), 6);
/// ```
pub fn defaults() -> &'static Defaults {
    static DEFAULTS: OnceLock<Defaults> = OnceLock::new();
    // The data is part of the build and checked by this crate's tests; a fault here is a
    // fault in the crate, not in anyone's input.
    DEFAULTS.get_or_init(|| read_defaults(DEFAULTS_JSON).unwrap_or_else(|e| panic!("built-in defaults are broken: {e}")))
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn rate(tax: Option<&Value>, name: &str) -> Result<SourcedRate, String> {
    let entry = tax.and_then(|t| t.get(name)).ok_or(format!("tax.{name} is missing"))?;
    let value = match entry.get("value") {
        Some(Value::String(s)) | Some(Value::Number(s)) => {
            crate::number::parse_decimal(s).map_err(|e| format!("tax.{name}.value: {e:?}"))?
        }
        _ => return Err(format!("tax.{name}.value is missing")),
    };
    Ok(SourcedRate { value, source: text(entry.get("source")), note: text(entry.get("note")) })
}

pub(crate) fn read_defaults(json: &str) -> Result<Defaults, String> {
    let root = parse_json(json).map_err(|e| e.to_string())?;
    let price_year = match root.get("price_year") {
        Some(Value::Number(n)) => n.parse().map_err(|_| "price_year is not a whole number".to_string())?,
        _ => return Err("price_year is missing".into()),
    };
    let tax = root.get("tax");
    let tax = DefaultTax {
        municipal_rate: rate(tax, "municipal_rate")?,
        regional_rate: rate(tax, "regional_rate")?,
        employer_contribution_rate: rate(tax, "employer_contribution_rate")?,
    };
    let mut states = BTreeMap::new();
    // The states are read from a tape of the text, as a scenario's JSON is read
    // (`Scenario::from_json`): one copy of the state reader serves both.
    let tape = parse_tape(json).map_err(|e| e.to_string())?;
    let members = TapeNode::root(&tape).members().and_then(|mut m| m.find(|(k, _)| *k == "states")).and_then(|(_, v)| v.members());
    let Some(members) = members else {
        return Err("states is missing".into());
    };
    for (id, value) in members {
        // Each flow's `note` and the earnings' `source` and `note` are read like any user's,
        // into the state; `notes` and `earnings_source` repeat them for the tables.
        let root_path = Path::Root;
        let states_path = root_path.key("states");
        let (state, errors) = read_state(value, &states_path.key(id));
        if let Some(e) = errors.first() {
            return Err(e.to_string());
        }
        let notes = state.flows.iter().map(|f| f.note.clone()).collect();
        let earnings_source = state.earnings.as_ref().map(|e| (e.source.clone(), e.note.clone()));
        states.insert(id.to_string(), DefaultState { state, notes, earnings_source });
    }
    Ok(Defaults { price_year, tax, states })
}

/// The parameter set as JSON: `{"price_year", "tax", "tax_sources", "states"}`, every flow and
/// every earnings block with its `source` and `note`. The `states` entries paste unchanged into
/// a scenario's `states` (of either method version: the `taxable` flags they carry are the
/// built-in ones, which version 1 accepts), and `tax` into its `tax`.
///
/// ```
/// let json = samkalk::defaults_json();
/// assert_eq!(json["price_year"], 2025);
/// assert!(json["states"]["AM2"]["flows"].is_array());
/// ```
pub fn defaults_json() -> serde_json::Value {
    defaults_json_with(None)
}

/// True when a built-in state has a flow of this label marked `taxable`: a version-1 scenario
/// accepts the flag there (it pastes the built-in states back; in version 1 it has no effect).
pub(crate) fn is_builtin_taxable(label: &str) -> bool {
    defaults().states.values().any(|d| d.state.flows.iter().any(|f| f.taxable && f.label == label))
}

/// The parameter set as [`defaults_json`], its states restated to `price_year` by the
/// prisbasbelopp ratio (method version 2, docs/method.md "Price years"): every flow's amount
/// and every wage × pbb(price_year) / pbb(defaults' year), exact. A year outside the index is
/// a fault at `price_year`.
///
/// ```
/// let json = samkalk::defaults_json_at(2025).unwrap();
/// assert_eq!(json, samkalk::defaults_json());
/// assert_eq!(samkalk::defaults_json_at(1066).unwrap_err().code(), samkalk::FaultCode::NoPriceIndex);
/// ```
pub fn defaults_json_at(price_year: i64) -> Result<serde_json::Value, crate::FieldError> {
    let from = defaults().price_year;
    if price_year == from {
        return Ok(defaults_json());
    }
    match crate::tax::index_ratio(from, price_year) {
        Some(ratio) => Ok(defaults_json_with(Some((price_year, ratio)))),
        None => Err(crate::FieldError::new("price_year", crate::Fault::NoPriceIndex { got: price_year, years: crate::tax::price_years() })),
    }
}

fn defaults_json_with(restated: Option<(i64, (Decimal, Decimal))>) -> serde_json::Value {
    use serde_json::{json, Map, Value as J};
    let d = defaults();
    let rate = |r: &SourcedRate| json!({"value": r.value.to_string(), "source": r.source, "note": r.note});
    let mut states = Map::new();
    for (id, ds) in &d.states {
        let state = match restated {
            Some((_, (num, den))) => restate_state(&ds.state, num, den).unwrap_or_else(|_| ds.state.clone()),
            None => ds.state.clone(),
        };
        let mut s = serde_json::to_value(&state).unwrap_or(J::Null);
        if let Some(J::Array(flows)) = s.get_mut("flows") {
            for (flow, note) in flows.iter_mut().zip(&ds.notes) {
                if let J::Object(f) = flow {
                    f.insert("note".into(), J::String(note.clone()));
                }
            }
        }
        if let (Some(J::Object(e)), Some((source, note))) = (s.get_mut("earnings"), &ds.earnings_source) {
            e.insert("source".into(), J::String(source.clone()));
            e.insert("note".into(), J::String(note.clone()));
        }
        states.insert(id.clone(), s);
    }
    json!({
        "price_year": restated.map(|(y, _)| y).unwrap_or(d.price_year),
        "tax": {
            "municipal_rate": d.tax.municipal_rate.value.to_string(),
            "regional_rate": d.tax.regional_rate.value.to_string(),
            "employer_contribution_rate": d.tax.employer_contribution_rate.value.to_string(),
        },
        "tax_sources": {
            "municipal_rate": rate(&d.tax.municipal_rate),
            "regional_rate": rate(&d.tax.regional_rate),
            "employer_contribution_rate": rate(&d.tax.employer_contribution_rate),
        },
        "states": states,
    })
}

/// Version 2: the index ratio (pbb of the scenario's price year, pbb of the defaults' price
/// year) by which the built-in states are restated; None when nothing is restated (version 1,
/// no price year, the defaults' own year, or a year outside the index, which validation
/// reports).
pub(crate) fn restatement(scenario: &Scenario) -> Option<(Decimal, Decimal)> {
    restatement_at(scenario.version, scenario.price_year)
}

/// [`restatement`] for a scenario of this version and price year.
fn restatement_at(version: i64, price_year: Option<i64>) -> Option<(Decimal, Decimal)> {
    let to = price_year?;
    let from = defaults().price_year;
    if version < 2 || to == from {
        return None;
    }
    crate::tax::index_ratio(from, to)
}

/// The built-in states as the reader resolves `extends` against them.
pub(crate) const BUILT_IN_STATES: BuiltInStates = BuiltInStates {
    state: |id, version, price_year| {
        let base = &defaults().states.get(id)?.state;
        Some(match restatement_at(version, price_year) {
            None => Ok(base.clone()),
            Some((num, den)) => restate_state(base, num, den),
        })
    },
    ids: || defaults().states.keys().cloned().collect(),
};

/// A built-in state restated by the ratio num / den: every flow's amount and the wage,
/// each multiplied by num and divided by den (divided last).
pub(crate) fn restate_state(state: &State, num: Decimal, den: Decimal) -> Calc<State> {
    let at = |x: Decimal| -> Calc<Decimal> { crate::arith::div(crate::arith::mul(x, num)?, den) };
    let mut s = state.clone();
    for f in &mut s.flows {
        f.amount = at(f.amount)?;
    }
    if let Some(e) = &mut s.earnings {
        e.monthly_wage = at(e.monthly_wage)?;
    }
    Ok(s)
}
