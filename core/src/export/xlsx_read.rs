//! Reads a workbook that [`crate::export::xlsx`] wrote back into a scenario (cargo feature
//! `xlsx`), so an analyst may edit the inputs in Excel and recompute exactly.
//!
//! Read: Antaganden (by the field keys in its column C: name, version, start year, horizon,
//! price year, discount rate, the `tax.` fields), Tillstånd (the state table and the stated
//! flows with their `investment` and `taxable` flags; the flows the engine derives are skipped,
//! it derives them again) and Grupper (cohorts with intervention and financing, then outcomes,
//! then the pathway steps). Sammanfattning and År för år are
//! results and are not read.
//!
//! Numbers are read exactly: a number cell holds a double, which is taken as its shortest
//! decimal (the crate's `number::float_text`, the rule MODEL.md gives for floats), so `0.2074`
//! typed or written reads as 0.2074; a text cell may hold an exact decimal (with a point or a
//! decimal comma). Every fault names the sheet and cell (`Grupper!E2: must be a number, got
//! text "abc"`, code `cell_not_a_number`); faults of the scenario itself (a share above 1) are found by the same rules as
//! for JSON and are reported at the cell the field came from.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use rust_xlsxwriter::utility::row_col_to_cell;

use crate::actor::Actor;
use crate::error::{CellContent, Fault, FieldError, ScenarioError};
use crate::export::actor_from_name;
use crate::export::xlsx::{
    cohort_headers, financing_header, flow_headers, flow_kind, outcome_headers, outside, sheet_names, state_headers, step_headers,
    COHORT_COLUMNS, FLOW_COLUMNS, FORMAT_MARKER, OUTCOME_COLUMNS, STATE_COLUMNS, STEP_COLUMNS,
};
use crate::lang::Lang;
use crate::number::{float_text, parse_decimal};
use crate::validate::ValidScenario;
use crate::value::Value;

/// Reads and validates the scenario in a samkalk workbook (.xlsx bytes). A fault of the
/// scenario is at the cell its field came from, its message starting with the field's path;
/// bytes that are not a samkalk workbook are a fault at path `""`.
///
/// ```
/// use samkalk::export::{xlsx::{workbook, WorkbookOptions}, xlsx_read::scenario_from_xlsx, Date};
/// use samkalk::FaultCode;
/// let mut scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let result = samkalk::calculate(&scenario).unwrap();
/// let options = WorkbookOptions { lang: samkalk::Lang::Sv, date: Date::new(2026, 12, 2).unwrap() };
/// let back = scenario_from_xlsx(&workbook(&scenario, &result, &options).unwrap()).unwrap();
/// assert_eq!(back.cohorts[0].outcomes[0].share, "0.6".parse().unwrap());
///
/// // As if an analyst had typed 1.5 as the share of the first outcome (Grupper, column C of
/// // the outcome table, whose first row is row 6).
/// scenario.cohorts[0].outcomes[0].share = "1.5".parse().unwrap();
/// let faults = scenario_from_xlsx(&workbook(&scenario, &result, &options).unwrap()).unwrap_err().errors;
/// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("Grupper!C6", FaultCode::OutOfRange));
/// assert_eq!(faults[0].message, "cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.5");
///
/// assert_eq!(scenario_from_xlsx(b"not a workbook").unwrap_err().errors[0].code(), FaultCode::NotAWorkbook);
/// ```
pub fn scenario_from_xlsx(bytes: &[u8]) -> Result<ValidScenario, ScenarioError> {
    let (value, cells) = read_tree(bytes)?;
    ValidScenario::from_value(&value).map_err(|e| ScenarioError { errors: e.errors.into_iter().map(|f| at_cell(f, &cells)).collect() })
}

/// The scenario of a samkalk workbook as an input tree (not yet validated), and the cell each
/// field came from, by the field's path; [`scenario_from_xlsx`] is this plus validation.
///
/// ```
/// use samkalk::export::{xlsx::{workbook, WorkbookOptions}, xlsx_read::read_tree, Date};
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let result = samkalk::calculate(&scenario).unwrap();
/// let options = WorkbookOptions { lang: samkalk::Lang::Sv, date: Date::new(2026, 12, 2).unwrap() };
/// let (tree, cells) = read_tree(&workbook(&scenario, &result, &options).unwrap()).unwrap();
/// assert!(matches!(tree.get("start_year"), Some(samkalk::Value::Number(n)) if n == "2026"));
/// assert!(matches!(tree.get("cohorts"), Some(samkalk::Value::Array(c)) if c.len() == 1));
/// // Deltagare is the fourth column of the cohort table; the first cohort is on row 2.
/// assert_eq!(cells["cohorts[0].participants"], "Grupper!D2");
/// ```
pub fn read_tree(bytes: &[u8]) -> Result<(Value, HashMap<String, String>), ScenarioError> {
    let opened = std::panic::catch_unwind(|| open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)));
    let mut book = match opened {
        Ok(Ok(book)) => book,
        Ok(Err(e)) => return Err(FieldError::new("", Fault::NotAWorkbook { detail: Some(e.to_string()) }).into()),
        Err(_) => return Err(FieldError::new("", Fault::NotAWorkbook { detail: None }).into()),
    };
    let sheets = book.sheet_names();
    let lang = Lang::ALL
        .into_iter()
        .find(|l| sheets.iter().any(|s| s == sheet_names(*l).assumptions))
        .ok_or_else(|| FieldError::new("", Fault::NotSamkalkWorkbook))?;
    let names = sheet_names(lang);
    let mut grid = |name: &str| -> Result<Grid, FieldError> {
        if !sheets.iter().any(|s| s == name) {
            let sheets = [names.summary, names.years, names.states, names.groups, names.assumptions];
            return Err(FieldError::new(
                name,
                Fault::MissingSheet { sheet: name.to_string(), sheets: sheets.iter().map(|s| s.to_string()).collect() },
            ));
        }
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| book.worksheet_range(name)));
        match caught {
            Ok(Ok(range)) => Ok(Grid { name: name.to_string(), range }),
            Ok(Err(e)) => Err(FieldError::new(name, Fault::UnreadableSheet { detail: Some(e.to_string()) })),
            Err(_) => Err(FieldError::new(name, Fault::UnreadableSheet { detail: None })),
        }
    };
    let assumptions = grid(names.assumptions)?;
    let mut r = Read { lang, errors: Vec::new(), cells: HashMap::new() };
    let mut root = r.assumptions(&assumptions);
    if !r.errors.is_empty() {
        // Not ours (no format marker): the other sheets would only add noise.
        return Err(r.errors.into());
    }
    let states = grid(names.states);
    let groups = grid(names.groups);
    let (states, groups) = match (states, groups) {
        (Ok(s), Ok(g)) => (s, g),
        (s, g) => return Err(s.err().into_iter().chain(g.err()).collect::<Vec<_>>().into()),
    };
    let state_tree = r.states(&states);
    let cohorts = r.groups(&groups);
    if !r.errors.is_empty() {
        return Err(r.errors.into());
    }
    root.push(("states".into(), state_tree));
    root.push(("cohorts".into(), cohorts));
    Ok((Value::Object(root), r.cells))
}

/// A scenario fault moved to the cell its field came from (the nearest enclosing field that
/// has one), the scenario path kept as the message's context.
fn at_cell(fault: FieldError, cells: &HashMap<String, String>) -> FieldError {
    let mut path = fault.path.as_str();
    loop {
        if let Some(cell) = cells.get(path) {
            let scenario_path = fault.path.clone();
            return fault.at(cell).within(crate::error::Context::Parameter { path: scenario_path });
        }
        match path.rfind(['.', '[']) {
            Some(i) => path = &path[..i],
            None => return fault,
        }
    }
}

struct Grid {
    name: String,
    range: Range<Data>,
}

const EMPTY: Data = Data::Empty;

impl Grid {
    fn get(&self, row: u32, col: u16) -> &Data {
        self.range.get_value((row, u32::from(col))).unwrap_or(&EMPTY)
    }

    fn cell(&self, row: u32, col: u16) -> String {
        format!("{}!{}", self.name, row_col_to_cell(row, col))
    }

    fn last_row(&self) -> u32 {
        self.range.end().map(|(r, _)| r).unwrap_or(0)
    }

    fn is_blank(&self, row: u32, col: u16) -> bool {
        match self.get(row, col) {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// The shortest text of a double, as an integer when it is one (`20`, not `20.0`).
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        format!("{}", f as i64)
    } else {
        float_text(f)
    }
}

/// What a cell holds, for a fault.
fn content(d: &Data) -> CellContent {
    match d {
        Data::String(s) => CellContent::Text(s.clone()),
        Data::Bool(b) => CellContent::Boolean(*b),
        Data::Error(e) => CellContent::Error(e.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) => CellContent::Date,
        Data::DurationIso(_) => CellContent::Duration,
        Data::Empty => CellContent::Empty,
        Data::Int(i) => CellContent::Number(i.to_string()),
        Data::Float(f) => CellContent::Number(number_text(*f)),
    }
}

struct Read {
    lang: Lang,
    errors: Vec<FieldError>,
    cells: HashMap<String, String>,
}

type Members = Vec<(crate::value::Key, Value)>;

/// An outcome's members and its pathway steps, as read so far.
type OutcomeRows = (Members, Vec<Value>);

impl Read {
    fn fault(&mut self, g: &Grid, row: u32, col: u16, fault: Fault) {
        self.errors.push(FieldError::new(g.cell(row, col), fault));
    }

    /// Text of a cell ("" when empty); a number reads as its shortest text.
    fn text(&mut self, g: &Grid, row: u32, col: u16) -> String {
        match g.get(row, col) {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) => number_text(*f),
            other => {
                let got = content(other);
                self.fault(g, row, col, Fault::CellNotText { got });
                String::new()
            }
        }
    }

    /// A number as exact text, `None` when the cell is empty.
    fn number(&mut self, g: &Grid, row: u32, col: u16) -> Option<Value> {
        match g.get(row, col) {
            Data::Empty => None,
            Data::Int(i) => Some(Value::Number(i.to_string())),
            Data::Float(f) if f.is_finite() => Some(Value::Number(number_text(*f))),
            Data::String(s) if s.trim().is_empty() => None,
            Data::String(s) => {
                let t = s.trim();
                let spelled = if t.contains('.') { t.to_string() } else { t.replacen(',', ".", 1) };
                match parse_decimal(&spelled) {
                    Ok(_) => Some(Value::Number(spelled)),
                    Err(_) => {
                        self.fault(g, row, col, Fault::CellNotANumber { got: CellContent::Text(s.clone()) });
                        None
                    }
                }
            }
            other => {
                let got = content(other);
                self.fault(g, row, col, Fault::CellNotANumber { got });
                None
            }
        }
    }

    /// Adds `key` from a number cell, remembering the cell for the field's path.
    fn put_number(&mut self, into: &mut Members, path: &str, key: &str, g: &Grid, row: u32, col: u16) {
        let full = if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
        self.cells.insert(full, g.cell(row, col));
        if let Some(v) = self.number(g, row, col) {
            into.push((key.to_string().into(), v));
        }
    }

    fn put_text(&mut self, into: &mut Members, path: &str, key: &str, g: &Grid, row: u32, col: u16) {
        self.cells.insert(format!("{path}.{key}"), g.cell(row, col));
        let t = self.text(g, row, col);
        into.push((key.to_string().into(), Value::String(t)));
    }

    /// Adds `key` from a text cell only when the cell is not empty (an optional field).
    fn put_given_text(&mut self, into: &mut Members, path: &str, key: &str, g: &Grid, row: u32, col: u16) {
        if !g.is_blank(row, col) {
            self.put_text(into, path, key, g, row, col);
        }
    }

    /// A yes/no cell: `ja`/`nej`, `yes`/`no`, TRUE/FALSE; `None` when empty.
    fn yes_no(&mut self, g: &Grid, row: u32, col: u16) -> Option<bool> {
        match g.get(row, col) {
            Data::Empty => None,
            Data::Bool(b) => Some(*b),
            Data::String(s) => match s.trim().to_lowercase().as_str() {
                "" => None,
                "ja" | "yes" | "sant" | "true" => Some(true),
                "nej" | "no" | "falskt" | "false" => Some(false),
                _ => {
                    self.fault(g, row, col, Fault::CellNotYesNo { got: CellContent::Text(s.clone()) });
                    None
                }
            },
            other => {
                let got = content(other);
                self.fault(g, row, col, Fault::CellNotYesNo { got });
                None
            }
        }
    }

    /// Adds `key: true` from a yes/no cell that says yes (nothing otherwise: the version-2
    /// flags are left out when not set, so a version-1 scenario stays one).
    fn put_flag(&mut self, into: &mut Members, path: &str, key: &str, g: &Grid, row: u32, col: u16) {
        self.cells.insert(format!("{path}.{key}"), g.cell(row, col));
        if self.yes_no(g, row, col) == Some(true) {
            into.push((key.to_string().into(), Value::Bool(true)));
        }
    }

    /// Checks a table's header row; false (with a fault) when it is not the expected one.
    fn expect_headers(&mut self, g: &Grid, row: u32, headers: &[String]) -> bool {
        for (c, h) in headers.iter().enumerate() {
            let got = match g.get(row, c as u16) {
                Data::String(s) => CellContent::Text(s.trim().to_string()),
                other => content(other),
            };
            if got != CellContent::Text(h.clone()) {
                self.fault(g, row, c as u16, Fault::UnexpectedHeader { expected: h.clone(), got });
                return false;
            }
        }
        true
    }

    /// The row of a table's header at or below `from`, found by its first two headers.
    fn find_headers(&self, g: &Grid, from: u32, headers: &[String]) -> Option<u32> {
        (from..=g.last_row())
            .find(|&row| headers.iter().take(2).enumerate().all(|(c, h)| matches!(g.get(row, c as u16), Data::String(s) if s.trim() == h)))
    }

    fn assumptions(&mut self, g: &Grid) -> Members {
        let mut root: Members = Vec::new();
        let mut found_format = false;
        for row in 1..=g.last_row() {
            let key = match g.get(row, 2) {
                Data::String(s) => s.trim().to_string(),
                _ => continue,
            };
            match key.as_str() {
                "format" => {
                    found_format = true;
                    let got = self.text(g, row, 1);
                    if got.trim() != FORMAT_MARKER {
                        self.fault(g, row, 1, Fault::WrongFormat { expected: FORMAT_MARKER.into(), got });
                    }
                }
                "name" => {
                    self.cells.insert("name".into(), g.cell(row, 1));
                    let t = self.text(g, row, 1);
                    root.push(("name".into(), Value::String(t)));
                }
                "version" | "start_year" | "horizon_years" | "price_year" | "discount_rate" => {
                    self.put_number(&mut root, "", &key, g, row, 1);
                }
                _ => {}
            }
        }
        let mut tax: Members = Vec::new();
        for row in 1..=g.last_row() {
            if let Data::String(s) = g.get(row, 2) {
                if let Some(field) = s.trim().strip_prefix("tax.") {
                    let field = field.to_string();
                    match field.as_str() {
                        "municipal_rate" | "regional_rate" | "employer_contribution_rate" | "year" => {
                            self.put_number(&mut tax, "tax", &field, g, row, 1)
                        }
                        "method" | "municipality" => self.put_given_text(&mut tax, "tax", &field, g, row, 1),
                        "equalisation" => {
                            self.cells.insert("tax.equalisation".into(), g.cell(row, 1));
                            if let Some(b) = self.yes_no(g, row, 1) {
                                tax.push((field.into(), Value::Bool(b)));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        if !found_format {
            self.errors.push(FieldError::new(&g.name, Fault::NoFormatRow));
        }
        root.push(("tax".into(), Value::Object(tax)));
        root
    }

    fn actor(&mut self, g: &Grid, row: u32, col: u16) -> Value {
        let t = self.text(g, row, col);
        let t = t.trim();
        if t.is_empty() || t == outside(Lang::Sv) || t == outside(Lang::En) {
            return Value::Null;
        }
        match actor_from_name(t) {
            Some(a) => Value::String(a.id().to_string()),
            None => {
                let expected = Actor::ALL.iter().map(|a| crate::present::actor_label(*a, self.lang).to_string()).collect();
                let fault = Fault::UnknownActorName { got: t.to_string(), outside: outside(self.lang).to_string(), expected };
                self.fault(g, row, col, fault);
                Value::Null
            }
        }
    }

    fn states(&mut self, g: &Grid) -> Value {
        let lang = self.lang;
        let mut headers: Vec<String> = state_headers(lang).iter().map(|h| h.to_string()).collect();
        headers.extend(Actor::ALL.iter().map(|a| crate::export::xlsx::net_header(Some(*a), lang)));
        if !self.expect_headers(g, 0, &headers[..STATE_COLUMNS]) {
            return Value::Object(Vec::new());
        }
        let mut states: Vec<(String, Members, Vec<Value>)> = Vec::new();
        let mut row = 1;
        while row <= g.last_row() && !g.is_blank(row, 0) {
            let id = self.text(g, row, 0).trim().to_string();
            if states.iter().any(|(s, _, _)| *s == id) {
                self.fault(g, row, 0, Fault::DuplicateState { id: id.clone() });
            }
            let path = format!("states.{id}");
            self.cells.insert(path.clone(), g.cell(row, 0));
            let mut s: Members = Vec::new();
            self.put_text(&mut s, &path, "label", g, row, 1);
            let description = self.text(g, row, 2);
            if !description.is_empty() {
                self.cells.insert(format!("{path}.description"), g.cell(row, 2));
                s.push(("description".into(), Value::String(description)));
            }
            if (4..7).any(|c| !g.is_blank(row, c)) {
                let epath = format!("{path}.earnings");
                self.cells.insert(epath.clone(), g.cell(row, 4));
                let mut e: Members = Vec::new();
                self.put_number(&mut e, &epath, "monthly_wage", g, row, 4);
                self.put_number(&mut e, &epath, "employment_rate", g, row, 5);
                self.put_number(&mut e, &epath, "productivity", g, row, 6);
                s.push(("earnings".into(), Value::Object(e)));
            }
            states.push((id, s, Vec::new()));
            row += 1;
        }
        let flow_headers: Vec<String> = flow_headers(lang).iter().map(|h| h.to_string()).collect();
        let Some(head) = self.find_headers(g, row, &flow_headers) else {
            self.errors.push(FieldError::new(&g.name, Fault::NoFlowTable { headers: flow_headers }));
            return Value::Object(Vec::new());
        };
        if !self.expect_headers(g, head, &flow_headers[..FLOW_COLUMNS]) {
            return Value::Object(Vec::new());
        }
        let derived = [flow_kind(true, Lang::Sv), flow_kind(true, Lang::En)];
        let mut row = head + 1;
        while row <= g.last_row() && !g.is_blank(row, 0) {
            let id = self.text(g, row, 0).trim().to_string();
            let kind = self.text(g, row, 6);
            if derived.contains(&kind.trim()) {
                row += 1;
                continue;
            }
            let Some(i) = states.iter().position(|(s, _, _)| *s == id) else {
                self.fault(g, row, 0, Fault::FlowOfUnknownState { id });
                row += 1;
                continue;
            };
            let path = format!("states.{id}.flows[{}]", states[i].2.len());
            self.cells.insert(path.clone(), g.cell(row, 1));
            let mut fl: Members = Vec::new();
            self.put_text(&mut fl, &path, "label", g, row, 1);
            self.cells.insert(format!("{path}.payer"), g.cell(row, 2));
            let payer = self.actor(g, row, 2);
            fl.push(("payer".into(), payer));
            self.cells.insert(format!("{path}.payee"), g.cell(row, 3));
            let payee = self.actor(g, row, 3);
            fl.push(("payee".into(), payee));
            self.cells.insert(format!("{path}.amount"), g.cell(row, 4));
            let shown = self.number(g, row, 4);
            // The exact amount beside a number cell that could not hold it, taken while the
            // number cell still holds that amount's nearest double (not edited since).
            let exact = if g.is_blank(row, 9) { None } else { self.number(g, row, 9) };
            let amount = match (exact, g.get(row, 4)) {
                (Some(Value::Number(x)), Data::Float(f)) if x.parse::<f64>().ok() == Some(*f) => Some(Value::Number(x)),
                _ => shown,
            };
            if let Some(a) = amount {
                fl.push(("amount".into(), a));
            }
            let source = self.text(g, row, 5);
            if !source.is_empty() {
                fl.push(("source".into(), Value::String(source)));
            }
            self.put_flag(&mut fl, &path, "investment", g, row, 7);
            self.put_flag(&mut fl, &path, "taxable", g, row, 8);
            states[i].2.push(Value::Object(fl));
            row += 1;
        }
        Value::Object(
            states
                .into_iter()
                .map(|(id, mut s, flows)| {
                    s.insert(1, ("flows".into(), Value::Array(flows)));
                    (id.into(), Value::Object(s))
                })
                .collect(),
        )
    }

    fn groups(&mut self, g: &Grid) -> Value {
        let lang = self.lang;
        let mut headers: Vec<String> = cohort_headers(lang).iter().map(|h| h.to_string()).collect();
        headers.extend(Actor::ALL.iter().map(|a| financing_header(*a, lang)));
        if !self.expect_headers(g, 0, &headers) {
            return Value::Array(Vec::new());
        }
        // (number in column A, members, outcomes with their steps)
        let mut cohorts: Vec<(String, Members, Vec<OutcomeRows>)> = Vec::new();
        let mut row = 1;
        while row <= g.last_row() && !g.is_blank(row, 0) {
            let number = self.text(g, row, 0).trim().to_string();
            if cohorts.iter().any(|(n, _, _)| *n == number) {
                self.fault(g, row, 0, Fault::DuplicateCohort { number: number.clone() });
            }
            let path = format!("cohorts[{}]", cohorts.len());
            self.cells.insert(path.clone(), g.cell(row, 0));
            let mut c: Members = Vec::new();
            self.put_text(&mut c, &path, "name", g, row, 1);
            self.put_text(&mut c, &path, "origin", g, row, 2);
            self.put_number(&mut c, &path, "participants", g, row, 3);
            let ipath = format!("{path}.intervention");
            self.cells.insert(ipath.clone(), g.cell(row, 4));
            let mut iv: Members = Vec::new();
            for (col, key) in
                [(4, "cost_per_participant"), (5, "fixed_cost"), (6, "optimism_bias"), (7, "duration_months"), (8, "start_month")]
            {
                self.put_number(&mut iv, &ipath, key, g, row, col);
            }
            let fpath = format!("{ipath}.financing");
            self.cells.insert(fpath.clone(), g.cell(row, COHORT_COLUMNS as u16));
            let mut financing: Members = Vec::new();
            for a in Actor::ALL {
                self.put_number(&mut financing, &fpath, a.id(), g, row, COHORT_COLUMNS as u16 + a.index() as u16);
            }
            iv.push(("financing".into(), Value::Object(financing)));
            c.push(("intervention".into(), Value::Object(iv)));
            cohorts.push((number, c, Vec::new()));
            row += 1;
        }
        let outcome_headers: Vec<String> = outcome_headers(lang).iter().map(|h| h.to_string()).collect();
        let Some(head) = self.find_headers(g, row, &outcome_headers) else {
            self.errors.push(FieldError::new(&g.name, Fault::NoOutcomeTable { headers: outcome_headers }));
            return Value::Array(Vec::new());
        };
        if !self.expect_headers(g, head, &outcome_headers[..OUTCOME_COLUMNS]) {
            return Value::Array(Vec::new());
        }
        let mut row = head + 1;
        while row <= g.last_row() && !g.is_blank(row, 0) {
            let number = self.text(g, row, 0).trim().to_string();
            let Some(i) = cohorts.iter().position(|(n, _, _)| *n == number) else {
                self.fault(g, row, 0, Fault::OutcomeOfUnknownCohort { number });
                row += 1;
                continue;
            };
            let path = format!("cohorts[{i}].outcomes[{}]", cohorts[i].2.len());
            self.cells.insert(path.clone(), g.cell(row, 1));
            let mut o: Members = Vec::new();
            self.put_text(&mut o, &path, "target", g, row, 1);
            for (col, key) in [
                (2, "share"),
                (3, "counterfactual_share"),
                (4, "deadweight"),
                (5, "attribution"),
                (6, "displacement"),
                (7, "retention"),
                (8, "lag_months"),
            ] {
                self.put_number(&mut o, &path, key, g, row, col);
            }
            cohorts[i].2.push((o, Vec::new()));
            row += 1;
        }
        let step_headers: Vec<String> = step_headers(lang).iter().map(|h| h.to_string()).collect();
        let Some(head) = self.find_headers(g, row, &step_headers) else {
            self.errors.push(FieldError::new(&g.name, Fault::NoStepTable { headers: step_headers }));
            return Value::Array(Vec::new());
        };
        if !self.expect_headers(g, head, &step_headers[..STEP_COLUMNS]) {
            return Value::Array(Vec::new());
        }
        let mut row = head + 1;
        while row <= g.last_row() && !g.is_blank(row, 0) {
            let cohort = self.text(g, row, 0).trim().to_string();
            let outcome = self.text(g, row, 1).trim().to_string();
            let found = cohorts.iter().position(|(n, _, _)| *n == cohort).and_then(|i| {
                let j = outcome.parse::<usize>().ok().filter(|j| (1..=cohorts[i].2.len()).contains(j))?;
                Some((i, j - 1))
            });
            let Some((i, j)) = found else {
                self.fault(g, row, 1, Fault::StepOfUnknownOutcome { cohort, outcome });
                row += 1;
                continue;
            };
            let path = format!("cohorts[{i}].outcomes[{j}].then[{}]", cohorts[i].2[j].1.len());
            self.cells.insert(path.clone(), g.cell(row, 3));
            let mut m: Members = Vec::new();
            self.put_given_text(&mut m, &path, "from", g, row, 2);
            self.put_text(&mut m, &path, "to", g, row, 3);
            for (col, key) in [(4, "share"), (5, "after_months"), (6, "every_months")] {
                self.put_number(&mut m, &path, key, g, row, col);
            }
            cohorts[i].2[j].1.push(Value::Object(m));
            row += 1;
        }
        Value::Array(
            cohorts
                .into_iter()
                .map(|(_, mut c, outcomes)| {
                    let outcomes = outcomes
                        .into_iter()
                        .map(|(mut o, then)| {
                            if !then.is_empty() {
                                o.push(("then".into(), Value::Array(then)));
                            }
                            Value::Object(o)
                        })
                        .collect();
                    c.push(("outcomes".into(), Value::Array(outcomes)));
                    Value::Object(c)
                })
                .collect(),
        )
    }
}
