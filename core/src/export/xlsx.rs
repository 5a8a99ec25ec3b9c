//! The calculation as an Excel workbook that recomputes (cargo feature `xlsx`).
//!
//! Five sheets, Swedish by default ([`Lang::En`] for English):
//! - **Sammanfattning**: per actor and society the total gain, investment and net, the NPV,
//!   payback year and benefit-cost ratio, then each group's break-even shares.
//! - **År för år**: the tidy table actor, year, gain, investment, net, cumulative net (an Excel
//!   table) and a line chart of cumulative net per actor.
//! - **Tillstånd**: every state the scenario uses with its yearly net per actor, then every
//!   flow with payer, payee, amount, source and the `investment` and `taxable` flags (the
//!   flows the engine adds from a wage and the tax rules marked as derived).
//! - **Grupper**: the cohorts with their interventions and financing, then the outcomes, then
//!   the pathway steps (version 2's `then`).
//! - **Antaganden**: method and tax rates, discount rate, horizon, price year, the method's and
//!   samkalk's versions and the date written (given by the caller: the core reads no clock).
//!
//! Every figure that is arithmetic on other cells is a formula (a state's net per actor by
//! SUMIFS over its flows, net = gain − investment, cumulative net, totals, NPV, benefit-cost
//! ratio) with the engine's exact value as its cached result, so a reader that does not
//! recalculate still shows the engine's number. The yearly gains and investments on År för år
//! are the engine's unrounded figures (shown to the öre), so recalculated formulas land on the
//! engine's figures to within half an öre plus a double's rounding.
//!
//! Inputs are written so that [`crate::export::xlsx_read`] reads them back exactly: a number
//! whose double's shortest decimal (the conversion MODEL.md uses for floats, the crate's
//! `number::float_text`) is the number itself is a number cell; any other (more than
//! about 15 significant digits) is a text cell holding the exact decimal.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    utility::{row_col_to_cell, row_col_to_cell_absolute},
    Chart, ChartType, DocProperties, ExcelDateTime, Format, FormatBorder, Formula, Table, Workbook, Worksheet, XlsxError,
};

use crate::actor::{Actor, ACTOR_COUNT};
use std::borrow::Cow;

use crate::calculate::{resolve_state, resolved_model, resolved_state, resolved_tax};
use crate::defaults::defaults;
use crate::error::FieldError;
use crate::export::{plain, Date};
use crate::flow::{model_earnings_flows, rules_flows};
use crate::lang::Lang;
use crate::number::{float_text, parse_decimal};
use crate::present::{actor_label as actor_name, society_label as society_name, OutcomeField};
use crate::result::{fixed, ActorResult, BreakEvenKind, CalculationResult};
use crate::scenario::{Scenario, State, TaxMethod};
use crate::state::{taxable_income, yearly_net_with};

/// What the workbook's marker cell (Antaganden, field `format`) holds: the reader takes only
/// workbooks with this format.
pub const FORMAT_MARKER: &str = "samkalk-arbetsbok 1";

/// How to write the workbook: its language and the date it is written (the core reads no clock).
///
/// ```
/// use samkalk::export::{xlsx::{workbook, WorkbookOptions}, xlsx_read::scenario_from_xlsx, Date};
/// use samkalk::Lang;
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let result = samkalk::calculate(&scenario).unwrap();
/// let english = WorkbookOptions { lang: Lang::En, date: Date::new(2026, 12, 2).unwrap() };
/// let bytes = workbook(&scenario, &result, &english).unwrap();
/// // The English workbook reads back as the same scenario.
/// let back = scenario_from_xlsx(&bytes).unwrap();
/// assert_eq!(back.cohorts[0].participants, 20);
/// assert_eq!(back.calculate().unwrap(), result);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkbookOptions {
    /// The language of sheet names, headers and labels.
    pub lang: Lang,
    /// The date the workbook is written, shown on Antaganden and in the file's properties.
    pub date: Date,
}

/// Sheet names, by language.
pub(crate) struct SheetNames {
    pub summary: &'static str,
    pub years: &'static str,
    pub states: &'static str,
    pub groups: &'static str,
    pub assumptions: &'static str,
}

pub(crate) fn sheet_names(lang: Lang) -> SheetNames {
    match lang {
        Lang::Sv => {
            SheetNames {
                summary: "Sammanfattning", years: "År för år", states: "Tillstånd", groups: "Grupper", assumptions: "Antaganden"
            }
        }
        Lang::En => {
            SheetNames { summary: "Summary", years: "Year by year", states: "States", groups: "Groups", assumptions: "Assumptions" }
        }
    }
}

/// Picks the Swedish or English text.
pub(crate) fn tr(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// Columns of the cohort table on Grupper, before the seven financing columns.
pub(crate) const COHORT_COLUMNS: usize = 9;
/// Columns of the outcome table on Grupper.
pub(crate) const OUTCOME_COLUMNS: usize = 9;
/// Columns of the state table on Tillstånd, before the seven net columns and society.
pub(crate) const STATE_COLUMNS: usize = 7;
/// Columns of the flow table on Tillstånd.
pub(crate) const FLOW_COLUMNS: usize = 10;
/// Columns of the table of pathway steps (version 2's `then`) on Grupper.
pub(crate) const STEP_COLUMNS: usize = 7;

pub(crate) fn cohort_headers(lang: Lang) -> [&'static str; COHORT_COLUMNS] {
    match lang {
        Lang::Sv => [
            "Nr",
            "Namn",
            "Från tillstånd",
            "Deltagare",
            "Kostnad per deltagare",
            "Fast kostnad",
            "Optimismpåslag",
            "Längd (månader)",
            "Startmånad",
        ],
        Lang::En => [
            "No.",
            "Name",
            "Origin state",
            "Participants",
            "Cost per participant",
            "Fixed cost",
            "Optimism bias",
            "Duration (months)",
            "Start month",
        ],
    }
}

pub(crate) fn financing_header(actor: Actor, lang: Lang) -> String {
    format!("{} {}", tr(lang, "Finansiering:", "Financing:"), actor_name(actor, lang))
}

pub(crate) fn outcome_headers(lang: Lang) -> [&'static str; OUTCOME_COLUMNS] {
    let [share, counterfactual, deadweight, attribution, displacement, retention, lag] = OutcomeField::ALL.map(|f| f.label(lang));
    let (cohort, target) = match lang {
        Lang::Sv => ("Grupp nr", "Till tillstånd"),
        Lang::En => ("Cohort no.", "Target state"),
    };
    [cohort, target, share, counterfactual, deadweight, attribution, displacement, retention, lag]
}

pub(crate) fn state_headers(lang: Lang) -> [&'static str; STATE_COLUMNS] {
    match lang {
        Lang::Sv => ["Tillstånd", "Benämning", "Beskrivning", "Definierat i", "Månadslön", "Sysselsättningsgrad", "Produktivitet"],
        Lang::En => ["State", "Label", "Description", "Defined in", "Monthly wage", "Employment rate", "Productivity"],
    }
}

pub(crate) fn net_header(actor: Option<Actor>, lang: Lang) -> String {
    let who = actor.map(|a| actor_name(a, lang)).unwrap_or_else(|| society_name(lang));
    format!("{} {who}", tr(lang, "Netto per år:", "Net a year:"))
}

pub(crate) fn flow_headers(lang: Lang) -> [&'static str; FLOW_COLUMNS] {
    match lang {
        Lang::Sv => [
            "Tillstånd",
            "Post",
            "Betalare",
            "Mottagare",
            "Belopp per person och år",
            "Källa",
            "Typ",
            "Investering (stegkostnad)",
            "Skattepliktig",
            "Exakt belopp",
        ],
        Lang::En => [
            "State",
            "Item",
            "Payer",
            "Payee",
            "Amount per person and year",
            "Source",
            "Kind",
            "Investment (step cost)",
            "Taxable",
            "Exact amount",
        ],
    }
}

/// The headers of the table of pathway steps: each row one onward move of an outcome, the
/// outcome given by its cohort's number and its number within the cohort.
pub(crate) fn step_headers(lang: Lang) -> [&'static str; STEP_COLUMNS] {
    match lang {
        Lang::Sv => ["Grupp nr", "Utfall nr", "Från tillstånd", "Till tillstånd", "Andel", "Efter (månader)", "Upprepas var (månader)"],
        Lang::En => ["Cohort no.", "Outcome no.", "From state", "To state", "Share", "After (months)", "Every (months)"],
    }
}

/// A yes/no cell's text (`ja`/`nej`, `yes`/`no`); the reader also takes TRUE/FALSE.
pub(crate) fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Sv) => "ja",
        (false, Lang::Sv) => "nej",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// The payer or payee outside the public economy.
pub(crate) fn outside(lang: Lang) -> &'static str {
    tr(lang, "(utanför)", "(outside)")
}

/// The kind of a flow the scenario states, and of one the engine derives from a wage; the
/// reader skips derived flows.
pub(crate) fn flow_kind(derived: bool, lang: Lang) -> &'static str {
    match (derived, lang) {
        (false, Lang::Sv) => "angivet",
        (true, Lang::Sv) => "från lönen",
        (false, Lang::En) => "stated",
        (true, Lang::En) => "from the wage",
    }
}

/// The Antaganden rows: (field key in column C, Swedish label, English label). The reader
/// finds values by the key, so rows may be moved.
pub(crate) const ASSUMPTION_KEYS: [(&str, &str, &str); 17] = [
    ("format", "Arbetsbokens format", "Workbook format"),
    ("name", "Namn", "Name"),
    ("version", "Metodversion", "Method version"),
    ("start_year", "Startår", "Start year"),
    ("horizon_years", "Horisont (år)", "Horizon (years)"),
    ("price_year", "Prisår", "Price year"),
    ("discount_rate", "Diskonteringsränta", "Discount rate"),
    ("tax.method", "Skattemetod", "Tax method"),
    ("tax.municipality", "Kommun", "Municipality"),
    ("tax.year", "Inkomstår för skattereglerna", "Income year of the tax rules"),
    ("tax.equalisation", "Inkomstutjämning bokförd på staten", "Income equalisation booked to the state"),
    ("tax.municipal_rate", "Kommunalskatt", "Municipal tax rate"),
    ("tax.regional_rate", "Regionskatt", "Regional tax rate"),
    ("tax.employer_contribution_rate", "Arbetsgivaravgifter", "Employer contributions"),
    ("method", "Metod", "Method"),
    ("samkalk_version", "samkalk", "samkalk"),
    ("written", "Skriven", "Written"),
];

/// The Antaganden row (0-based) of a field key.
fn assumption_row(key: &str) -> u32 {
    ASSUMPTION_KEYS.iter().position(|(k, _, _)| *k == key).map(|i| i as u32 + 1).unwrap_or(0)
}

struct Formats {
    header: Format,
    title: Format,
    money: Format,
    rate: Format,
    ratio: Format,
    date: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Formats {
        // Locale-independent codes: Excel shows `#,##0.00` with the reader's separators
        // (`1 234 567,89` in Swedish Excel).
        Formats {
            header: Format::new().set_bold().set_border_bottom(FormatBorder::Thin).set_text_wrap(),
            title: Format::new().set_bold().set_font_size(14),
            money: Format::new().set_num_format("#,##0.00"),
            rate: Format::new().set_num_format("0.00##%"),
            ratio: Format::new().set_num_format("0.00"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            wrap: Format::new().set_text_wrap(),
        }
    }
}

/// A worksheet and the widths its columns need.
struct Sheet {
    ws: Worksheet,
    widths: Vec<usize>,
}

type Fallible<T = ()> = Result<T, XlsxError>;

impl Sheet {
    fn new(name: &str) -> Fallible<Sheet> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Sheet { ws, widths: Vec::new() })
    }

    fn fit(&mut self, col: u16, chars: usize) {
        let c = col as usize;
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(chars);
    }

    fn text(&mut self, row: u32, col: u16, text: &str) -> Fallible {
        self.fit(col, text.chars().count().min(60));
        self.ws.write_string(row, col, text)?;
        Ok(())
    }

    fn text_with(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Fallible {
        self.fit(col, text.chars().count().min(60));
        self.ws.write_string_with_format(row, col, text, format)?;
        Ok(())
    }

    /// A header cell: wrapped, so long headers do not widen their column past 24 characters.
    fn header(&mut self, row: u32, col: u16, text: &str, f: &Formats) -> Fallible {
        self.fit(col, text.chars().count().min(24));
        self.ws.write_string_with_format(row, col, text, &f.header)?;
        Ok(())
    }

    fn headers<S: AsRef<str>>(&mut self, row: u32, first_col: u16, texts: &[S], f: &Formats) -> Fallible {
        for (i, t) in texts.iter().enumerate() {
            self.header(row, first_col + i as u16, t.as_ref(), f)?;
        }
        Ok(())
    }

    /// An input number, exactly: a number cell when its double reads back as the same decimal,
    /// else a text cell with the exact decimal.
    fn input(&mut self, row: u32, col: u16, x: Decimal, format: &Format) -> Fallible {
        let text = plain(x);
        match exact_double(x) {
            Some(f) => {
                self.fit(col, text.len() + 4);
                self.ws.write_number_with_format(row, col, f, format)?;
            }
            None => {
                self.fit(col, text.len());
                self.ws.write_string(row, col, &text)?;
            }
        }
        Ok(())
    }

    fn integer(&mut self, row: u32, col: u16, n: i64) -> Fallible {
        if n.unsigned_abs() < (1u64 << 53) {
            self.fit(col, n.to_string().len() + 2);
            self.ws.write_number(row, col, n as f64)?;
            Ok(())
        } else {
            self.text(row, col, &n.to_string())
        }
    }

    /// An output figure (not an input): the nearest double.
    fn figure(&mut self, row: u32, col: u16, x: Decimal, format: &Format) -> Fallible {
        self.fit(col, money_width(x));
        self.ws.write_number_with_format(row, col, nearest_double(x), format)?;
        Ok(())
    }

    /// A formula whose cached result is the engine's exact value.
    fn formula(&mut self, row: u32, col: u16, formula: &str, value: Decimal, format: &Format) -> Fallible {
        self.fit(col, money_width(value));
        self.ws.write_formula_with_format(row, col, Formula::new(formula).set_result(plain(value)), format)?;
        Ok(())
    }

    fn finish(mut self) -> Fallible<Worksheet> {
        for (c, w) in self.widths.iter().enumerate() {
            if *w > 0 {
                self.ws.set_column_width(c as u16, (*w as f64 + 2.0).min(62.0))?;
            }
        }
        Ok(self.ws)
    }
}

/// The double whose shortest decimal is `x` itself, if there is one.
pub(crate) fn exact_double(x: Decimal) -> Option<f64> {
    let f: f64 = plain(x).parse().ok()?;
    (f.is_finite() && parse_decimal(&float_text(f)).ok() == Some(x)).then_some(f)
}

fn nearest_double(x: Decimal) -> f64 {
    plain(x).parse().unwrap_or(0.0)
}

/// Characters `#,##0.00` needs for `x`.
fn money_width(x: Decimal) -> usize {
    let digits = fixed(x.abs(), 0).len();
    digits + digits / 3 + 4
}

fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// `'Sheet'!$A$1`.
fn absolute(sheet: &str, row: u32, col: u16) -> String {
    format!("{}!{}", quoted(sheet), row_col_to_cell_absolute(row, col))
}

/// `'Sheet'!A1:A4`.
fn range(sheet: &str, r0: u32, c0: u16, r1: u32, c1: u16) -> String {
    format!("{}!{}:{}", quoted(sheet), row_col_to_cell(r0, c0), row_col_to_cell(r1, c1))
}

/// The states a scenario uses or defines, in the order the workbook lists them: each cohort's
/// origin, targets and the states its pathway steps name, as they first appear, then the
/// scenario's other states. Each as the calculation uses it: a built-in state restated to the
/// scenario's price year (version 2), so that the workbook, read back with the state as the
/// scenario's own, calculates the same.
pub(crate) fn used_states(scenario: &Scenario) -> Vec<(&str, Cow<'_, State>, bool)> {
    let mut ids: Vec<&str> = Vec::new();
    for c in &scenario.cohorts {
        let mut named = vec![c.origin.as_str()];
        for o in &c.outcomes {
            named.push(o.target.as_str());
            for m in &o.then {
                named.extend(m.from.as_deref());
                named.push(m.to.as_str());
            }
        }
        for id in named {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    for id in scenario.states.keys() {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let state = match resolved_state(scenario, id)? {
                Ok(s) => s,
                Err(_) => Cow::Borrowed(resolve_state(scenario, id)?),
            };
            Some((id, state, scenario.states.contains_key(id)))
        })
        .collect()
}

/// Writes the workbook as .xlsx bytes. Fails only where Excel's own limits are passed (a text
/// over 32 767 characters, say); the fault is at path `""`.
///
/// ```
/// use samkalk::export::{xlsx::{workbook, WorkbookOptions}, Date};
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"origin": "AM2",
///     "participants": 10, "intervention": {"cost_per_participant": "1000"}}]}"#).unwrap();
/// let result = samkalk::calculate(&scenario).unwrap();
/// let options = WorkbookOptions { lang: samkalk::Lang::Sv, date: Date::new(2026, 12, 1).unwrap() };
/// let bytes = workbook(&scenario, &result, &options).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn workbook(scenario: &Scenario, result: &CalculationResult, options: &WorkbookOptions) -> Result<Vec<u8>, FieldError> {
    build(scenario, result, options).map_err(|e| FieldError::new("", crate::error::Fault::CannotWriteWorkbook { detail: e.to_string() }))
}

fn build(scenario: &Scenario, result: &CalculationResult, options: &WorkbookOptions) -> Fallible<Vec<u8>> {
    let lang = options.lang;
    let names = sheet_names(lang);
    let f = Formats::new();
    let mut book = Workbook::new();
    let date = options.date;
    let when = ExcelDateTime::from_ymd(date.year as u16, date.month, date.day)?;
    let heading = crate::present::Heading::Title.label(lang);
    let title = if scenario.name.is_empty() { heading.to_string() } else { format!("{heading}: {}", scenario.name) };
    // The caller's date, so the file does not depend on the clock.
    book.set_properties(&DocProperties::new().set_title(&title).set_author("samkalk").set_creation_datetime(&when));

    book.push_worksheet(summary_sheet(scenario, result, lang, &names, &f, &title)?);
    book.push_worksheet(years_sheet(result, &yearly_figures(scenario, result), lang, &names, &f)?);
    book.push_worksheet(states_sheet(scenario, lang, &names, &f)?);
    book.push_worksheet(groups_sheet(scenario, lang, &names, &f)?);
    book.push_worksheet(assumptions_sheet(scenario, lang, &names, &f, when)?);
    book.save_to_buffer()
}

/// The rows (0-based, inclusive) of an actor's block on År för år; `k` is 0–6 for the actors,
/// 7 for society.
fn year_rows(k: usize, years: u32) -> (u32, u32) {
    let first = 1 + k as u32 * years;
    (first, first + years - 1)
}

fn rows_with_names(result: &CalculationResult, lang: Lang) -> Vec<(&'static str, &ActorResult)> {
    Actor::ALL
        .into_iter()
        .map(|a| (actor_name(a, lang), result.actor(a)))
        .chain(std::iter::once((society_name(lang), result.society())))
        .collect()
}

/// Each row's (actors, then society) yearly gain and investment as År för år holds them:
/// unrounded, as the engine adds them up, so that the workbook's totals, cumulative nets and
/// present values recompute to the engine's figures to the öre (rounded yearly figures would
/// drift by up to half an öre a year). The cells show them to the öre. When the result is not
/// the scenario's own, the result's rounded figures.
fn yearly_figures(scenario: &Scenario, result: &CalculationResult) -> Vec<(Vec<Decimal>, Vec<Decimal>)> {
    let rounded = || {
        rows_with_names(result, Lang::Sv)
            .into_iter()
            .map(|(_, r)| (r.gain.iter().map(|m| m.value()).collect(), r.investment.iter().map(|m| m.value()).collect()))
            .collect()
    };
    if !crate::validate::validate(scenario).is_empty() {
        return rounded();
    }
    let Ok((own, _, (gain, investment))) = crate::calculate::calculate_valid_exact(scenario) else { return rounded() };
    if own != *result {
        return rounded();
    }
    let sum = |row: &[Decimal; ACTOR_COUNT]| row.iter().try_fold(Decimal::ZERO, |acc, x| acc.checked_add(*x));
    let mut out: Vec<(Vec<Decimal>, Vec<Decimal>)> = Actor::ALL
        .iter()
        .map(|a| (gain.iter().map(|y| y[a.index()]).collect(), investment.iter().map(|y| y[a.index()]).collect()))
        .collect();
    match (gain.iter().map(sum).collect::<Option<Vec<_>>>(), investment.iter().map(sum).collect::<Option<Vec<_>>>()) {
        (Some(g), Some(i)) => out.push((g, i)),
        _ => return rounded(),
    }
    out
}

fn years_sheet(
    result: &CalculationResult,
    figures: &[(Vec<Decimal>, Vec<Decimal>)],
    lang: Lang,
    names: &SheetNames,
    f: &Formats,
) -> Fallible<Worksheet> {
    let mut s = Sheet::new(names.years)?;
    let headers = match lang {
        Lang::Sv => ["Aktör", "År", "Vinst", "Investering", "Netto", "Ackumulerat netto"],
        Lang::En => ["Actor", "Year", "Gain", "Investment", "Net", "Cumulative net"],
    };
    s.headers(0, 0, &headers, f)?;
    let years = result.years.len() as u32;
    for (k, ((name, r), (gain, investment))) in rows_with_names(result, lang).into_iter().zip(figures).enumerate() {
        let (first, _) = year_rows(k, years);
        for (t, year) in result.years.iter().enumerate() {
            let row = first + t as u32;
            let excel = row + 1;
            s.text(row, 0, name)?;
            s.integer(row, 1, *year)?;
            s.figure(row, 2, gain.get(t).copied().unwrap_or(r.gain[t].value()), &f.money)?;
            s.figure(row, 3, investment.get(t).copied().unwrap_or(r.investment[t].value()), &f.money)?;
            s.formula(row, 4, &format!("=C{excel}-D{excel}"), r.net[t].value(), &f.money)?;
            let cumulative = if t == 0 { format!("=E{excel}") } else { format!("=F{}+E{excel}", excel - 1) };
            s.formula(row, 5, &cumulative, r.cumulative_net[t].value(), &f.money)?;
        }
    }
    let last = 8 * years;
    if years > 0 {
        s.ws.add_table(0, 0, last, 5, &Table::new().set_name(tr(lang, "AarForAar", "YearByYear")))?;
    }
    s.ws.set_freeze_panes(1, 0)?;
    let mut chart = Chart::new(ChartType::Line);
    chart.title().set_name(tr(lang, "Ackumulerat netto per aktör", "Cumulative net per actor"));
    chart.y_axis().set_num_format("#,##0");
    for (k, (name, _)) in rows_with_names(result, lang).into_iter().enumerate() {
        let (r0, r1) = year_rows(k, years);
        chart.add_series().set_name(name).set_categories((names.years, r0, 1, r1, 1)).set_values((names.years, r0, 5, r1, 5));
    }
    let mut ws = s.finish()?;
    if years > 0 {
        ws.insert_chart(1, 7, &chart)?;
    }
    Ok(ws)
}

fn summary_sheet(
    scenario: &Scenario,
    result: &CalculationResult,
    lang: Lang,
    names: &SheetNames,
    f: &Formats,
    title: &str,
) -> Fallible<Worksheet> {
    let mut s = Sheet::new(names.summary)?;
    s.ws.write_string_with_format(0, 0, title, &f.title)?;
    let first = result.years.first().copied().unwrap_or(scenario.start_year);
    let last = result.years.last().copied().unwrap_or(scenario.start_year);
    let rate = crate::report::percent(scenario.discount_rate);
    let context = match lang {
        Lang::Sv => format!("År {first}–{last}, diskonteringsränta {rate}. Belopp i kronor; nuvärde diskonterat till år {first}."),
        Lang::En => {
            format!("Years {first}–{last}, discount rate {}. Amounts in kronor; present value in year {first}.", rate.replace(',', "."))
        }
    };
    s.ws.write_string(1, 0, &context)?;
    let headers = match lang {
        Lang::Sv => ["Aktör", "Vinst", "Investering", "Netto", "Nuvärde", "Återbetalningsår", "Nytta/kostnad"],
        Lang::En => ["Actor", "Gain", "Investment", "Net", "Present value", "Payback year", "Benefit-cost ratio"],
    };
    let head = 3;
    s.headers(head, 0, &headers, f)?;
    let years = result.years.len() as u32;
    let discount = absolute(names.assumptions, assumption_row("discount_rate"), 1);
    let start = absolute(names.assumptions, assumption_row("start_year"), 1);
    for (k, (name, r)) in rows_with_names(result, lang).into_iter().enumerate() {
        let row = head + 1 + k as u32;
        let excel = row + 1;
        let (r0, r1) = year_rows(k, years);
        let col = |c: u16| range(names.years, r0, c, r1, c);
        s.text(row, 0, name)?;
        let present = |c: u16| format!("SUMPRODUCT({}/(1+{discount})^({}-{start}))", col(c), col(1));
        s.formula(row, 1, &format!("=SUM({})", col(2)), r.total_gain.value(), &f.money)?;
        s.formula(row, 2, &format!("=SUM({})", col(3)), r.total_investment.value(), &f.money)?;
        s.formula(row, 3, &format!("=B{excel}-C{excel}"), r.total_net.value(), &f.money)?;
        s.formula(row, 4, &format!("={}", present(4)), r.npv.value(), &f.money)?;
        match r.payback_year {
            Some(y) => s.integer(row, 5, y)?,
            None => s.text(row, 5, "–")?,
        }
        match r.benefit_cost_ratio {
            Some(bcr) => s.formula(row, 6, &format!("={}/{}", present(2), present(3)), bcr.value(), &f.ratio)?,
            None => s.text(row, 6, "–")?,
        }
    }
    // Break-even per group, as in the report.
    let mut row = head + 1 + ACTOR_COUNT as u32 + 2;
    if result.cohorts.iter().any(|c| c.break_even.is_some()) {
        s.text_with(row, 0, tr(lang, "När går man jämnt ut?", "Break-even"), &f.title)?;
        row += 1;
        let be_headers = match lang {
            Lang::Sv => ["Grupp", "Utfall", "Aktör", "Går jämnt ut", "Andel som når utfallet"],
            Lang::En => ["Cohort", "Outcome", "Actor", "Breaks even", "Share reaching the outcome"],
        };
        s.headers(row, 0, &be_headers, f)?;
        row += 1;
        for (i, (cohort, cr)) in scenario.cohorts.iter().zip(&result.cohorts).enumerate() {
            let (Some(table), Some(first)) = (&cr.break_even, cohort.outcomes.first()) else { continue };
            let group = cohort_label(&cohort.name, i, lang);
            let target =
                resolve_state(scenario, &first.target).map(|st| st.label.as_str()).filter(|l| !l.is_empty()).unwrap_or(&first.target);
            let entries =
                Actor::ALL.into_iter().map(|a| (actor_name(a, lang), table.get(a))).chain([(society_name(lang), table.society())]);
            for (who, be) in entries {
                s.text(row, 0, &group)?;
                s.text(row, 1, target)?;
                s.text(row, 2, who)?;
                let kind = match (be.kind, lang) {
                    (BreakEvenKind::Always, Lang::Sv) => "alltid",
                    (BreakEvenKind::Never, Lang::Sv) => "aldrig",
                    (BreakEvenKind::AtLeast, Lang::Sv) => "om andelen är minst",
                    (BreakEvenKind::AtMost, Lang::Sv) => "om andelen är högst",
                    (BreakEvenKind::Always, Lang::En) => "always",
                    (BreakEvenKind::Never, Lang::En) => "never",
                    (BreakEvenKind::AtLeast, Lang::En) => "if the share is at least",
                    (BreakEvenKind::AtMost, Lang::En) => "if the share is at most",
                };
                s.text(row, 3, kind)?;
                if let Some(share) = be.share {
                    s.figure(row, 4, share.value(), &f.rate)?;
                }
                row += 1;
            }
        }
    }
    s.ws.set_freeze_panes(head + 1, 1)?;
    s.fit(0, 14);
    s.finish()
}

/// A cohort's name, or "Grupp 1" when it has none.
pub(crate) fn cohort_label(name: &str, index: usize, lang: Lang) -> String {
    if name.trim().is_empty() {
        format!("{} {}", tr(lang, "Grupp", "Cohort"), index + 1)
    } else {
        name.to_string()
    }
}

fn states_sheet(scenario: &Scenario, lang: Lang, names: &SheetNames, f: &Formats) -> Fallible<Worksheet> {
    let mut s = Sheet::new(names.states)?;
    let model = resolved_model(scenario);
    let states = used_states(scenario);
    let mut headers: Vec<String> = state_headers(lang).iter().map(|h| h.to_string()).collect();
    headers.extend(Actor::ALL.iter().map(|a| net_header(Some(*a), lang)));
    headers.push(net_header(None, lang));
    s.headers(0, 0, &headers, f)?;

    // The flow table below the state table: one row per flow, stated and derived.
    struct FlowRow<'a> {
        state: &'a str,
        label: String,
        payer: Option<Actor>,
        payee: Option<Actor>,
        amount: Decimal,
        source: String,
        derived: bool,
        investment: bool,
        taxable: bool,
    }
    let mut flows: Vec<FlowRow> = Vec::new();
    for (id, state, _) in &states {
        for fl in &state.flows {
            flows.push(FlowRow {
                state: id,
                label: fl.label.clone(),
                payer: fl.payer,
                payee: fl.payee,
                amount: fl.amount,
                source: fl.source.clone(),
                derived: false,
                investment: fl.investment,
                // `taxable` is a field of method version 2; a version-1 scenario's built-in
                // states carry it (the defaults mark aktivitetsstöd and sjukersättning) but
                // it has no effect there, and reading it back would make the scenario invalid.
                taxable: fl.taxable && scenario.version >= 2,
            });
        }
        // The flows the engine derives: from the wage, and under the rules method the income
        // tax on the wage and the taxable flows together.
        let mut derived = Vec::new();
        let from_wage = tr(lang, "samkalk, av månadslönen och skattesatserna", "samkalk, from the monthly wage and the tax rates");
        if let Some(e) = &state.earnings {
            if let Ok(wage) = model_earnings_flows(e, &model) {
                derived.extend(wage.into_iter().map(|f| (f, from_wage)));
            }
        }
        if let (Some(rt), Ok((earned, other))) = (&model.rules, taxable_income(state)) {
            if earned > Decimal::ZERO || other > Decimal::ZERO {
                let from_rules = tr(lang, "samkalk, av skattereglerna (docs/method.md)", "samkalk, from the tax rules (docs/method.md)");
                if let Ok(tax) = rules_flows(earned, other, rt) {
                    derived.extend(tax.into_iter().map(|f| (f, from_rules)));
                }
            }
        }
        for ((label, payer, payee, amount), source) in derived {
            flows.push(FlowRow {
                state: id,
                label: label.to_string(),
                payer,
                payee,
                amount,
                source: source.into(),
                derived: true,
                investment: false,
                taxable: false,
            });
        }
    }
    let flow_title = states.len() as u32 + 2;
    let flow_head = flow_title + 1;
    let (f0, f1) = (flow_head + 1, flow_head + flows.len() as u32);
    let flow_col = |c: u16| format!("{}:{}", row_col_to_cell_absolute(f0, c), row_col_to_cell_absolute(f1, c));

    for (i, (id, state, own)) in states.iter().enumerate() {
        let row = 1 + i as u32;
        s.text(row, 0, id)?;
        s.text(row, 1, &state.label)?;
        s.text_with(row, 2, &state.description, &f.wrap)?;
        s.text(
            row,
            3,
            if *own { tr(lang, "scenariot", "the scenario") } else { tr(lang, "samkalks standardvärden", "samkalk's defaults") },
        )?;
        if let Some(e) = &state.earnings {
            s.input(row, 4, e.monthly_wage, &f.money)?;
            s.input(row, 5, e.employment_rate, &f.rate)?;
            s.input(row, 6, e.productivity, &f.rate)?;
        }
        let net = yearly_net_with(state, &model).unwrap_or([Decimal::ZERO; ACTOR_COUNT]);
        let first_net = STATE_COLUMNS as u16;
        for a in Actor::ALL {
            let col = first_net + a.index() as u16;
            let who = actor_name(a, lang).replace('"', "\"\"");
            if flows.is_empty() {
                s.figure(row, col, net[a.index()], &f.money)?;
            } else {
                // Step costs (flows marked as investment) are not part of the net.
                let formula = format!(
                    "=SUMIFS({amount},{state},$A{r},{payee},\"{who}\",{inv},\"{no}\")-SUMIFS({amount},{state},$A{r},{payer},\"{who}\",{inv},\"{no}\")",
                    amount = flow_col(4),
                    state = flow_col(0),
                    payee = flow_col(3),
                    payer = flow_col(2),
                    inv = flow_col(7),
                    no = yes_no(false, lang),
                    r = row + 1
                );
                s.formula(row, col, &formula, net[a.index()], &f.money)?;
            }
        }
        let society: Decimal = net.iter().copied().fold(Decimal::ZERO, |acc, x| acc.checked_add(x).unwrap_or(acc));
        let sum = format!("=SUM({}:{})", row_col_to_cell(row, first_net), row_col_to_cell(row, first_net + ACTOR_COUNT as u16 - 1));
        s.formula(row, first_net + ACTOR_COUNT as u16, &sum, society, &f.money)?;
    }
    if !states.is_empty() {
        s.ws.add_table(
            0,
            0,
            states.len() as u32,
            (STATE_COLUMNS + ACTOR_COUNT) as u16,
            &Table::new().set_name(tr(lang, "Tillstand", "States")),
        )?;
    }

    s.text_with(flow_title, 0, tr(lang, "Flöden per person och år", "Flows per person and year"), &f.title)?;
    s.headers(flow_head, 0, &flow_headers(lang), f)?;
    let end = |a: Option<Actor>| a.map(|a| actor_name(a, lang)).unwrap_or_else(|| outside(lang));
    for (i, fl) in flows.iter().enumerate() {
        let row = f0 + i as u32;
        s.text(row, 0, fl.state)?;
        s.text(row, 1, &fl.label)?;
        s.text(row, 2, end(fl.payer))?;
        s.text(row, 3, end(fl.payee))?;
        if fl.derived {
            s.figure(row, 4, fl.amount, &f.money)?;
        } else if exact_double(fl.amount).is_some() {
            s.input(row, 4, fl.amount, &f.money)?;
        } else {
            // More digits than a double holds (a built-in amount restated to a price year):
            // the nearest double for the formulas, and the exact decimal as text beside it,
            // which the reader takes while the amount still is that double.
            s.figure(row, 4, fl.amount, &f.money)?;
            s.text(row, 9, &plain(fl.amount))?;
        }
        s.text_with(row, 5, &fl.source, &f.wrap)?;
        s.text(row, 6, flow_kind(fl.derived, lang))?;
        s.text(row, 7, yes_no(fl.investment, lang))?;
        s.text(row, 8, yes_no(fl.taxable, lang))?;
    }
    if !flows.is_empty() {
        s.ws.add_table(flow_head, 0, f1, FLOW_COLUMNS as u16 - 1, &Table::new().set_name(tr(lang, "Floden", "Flows")))?;
    }
    s.ws.set_freeze_panes(1, 1)?;
    s.finish()
}

fn groups_sheet(scenario: &Scenario, lang: Lang, names: &SheetNames, f: &Formats) -> Fallible<Worksheet> {
    let mut s = Sheet::new(names.groups)?;
    let mut headers: Vec<String> = cohort_headers(lang).iter().map(|h| h.to_string()).collect();
    headers.extend(Actor::ALL.iter().map(|a| financing_header(*a, lang)));
    s.headers(0, 0, &headers, f)?;
    for (i, c) in scenario.cohorts.iter().enumerate() {
        let row = 1 + i as u32;
        let iv = &c.intervention;
        s.integer(row, 0, i as i64 + 1)?;
        s.text(row, 1, &c.name)?;
        s.text(row, 2, &c.origin)?;
        s.integer(row, 3, c.participants)?;
        s.input(row, 4, iv.cost_per_participant, &f.money)?;
        s.input(row, 5, iv.fixed_cost, &f.money)?;
        s.input(row, 6, iv.optimism_bias, &f.rate)?;
        s.integer(row, 7, iv.duration_months)?;
        s.integer(row, 8, iv.start_month)?;
        for a in Actor::ALL {
            if let Some(share) = iv.financing.get(&a) {
                s.input(row, COHORT_COLUMNS as u16 + a.index() as u16, *share, &f.rate)?;
            }
        }
    }
    let n = scenario.cohorts.len() as u32;
    if n > 0 {
        s.ws.add_table(0, 0, n, (COHORT_COLUMNS + ACTOR_COUNT) as u16 - 1, &Table::new().set_name(tr(lang, "Grupptabell", "CohortTable")))?;
    }
    let title = n + 2;
    let head = title + 1;
    s.text_with(title, 0, tr(lang, "Utfall", "Outcomes"), &f.title)?;
    s.headers(head, 0, &outcome_headers(lang), f)?;
    let mut row = head + 1;
    for (i, c) in scenario.cohorts.iter().enumerate() {
        for o in &c.outcomes {
            s.integer(row, 0, i as i64 + 1)?;
            s.text(row, 1, &o.target)?;
            s.input(row, 2, o.share, &f.rate)?;
            s.input(row, 3, o.counterfactual_share, &f.rate)?;
            s.input(row, 4, o.deadweight, &f.rate)?;
            s.input(row, 5, o.attribution, &f.rate)?;
            s.input(row, 6, o.displacement, &f.rate)?;
            s.input(row, 7, o.retention, &f.rate)?;
            s.integer(row, 8, o.lag_months)?;
            row += 1;
        }
    }
    if row > head + 1 {
        s.ws.add_table(head, 0, row - 1, OUTCOME_COLUMNS as u16 - 1, &Table::new().set_name(tr(lang, "Utfallstabell", "OutcomeTable")))?;
    }
    // Version 2's pathway steps: each onward move of an outcome, which is named by its
    // cohort's number and its number within the cohort (its order in the outcome table).
    let title = row + 1;
    let head = title + 1;
    s.text_with(title, 0, tr(lang, "Steg i kedjan (förflyttningar efter utfallet)", "Pathway steps (moves after the outcome)"), &f.title)?;
    s.headers(head, 0, &step_headers(lang), f)?;
    let mut row = head + 1;
    for (i, c) in scenario.cohorts.iter().enumerate() {
        for (j, o) in c.outcomes.iter().enumerate() {
            for m in &o.then {
                s.integer(row, 0, i as i64 + 1)?;
                s.integer(row, 1, j as i64 + 1)?;
                if let Some(from) = &m.from {
                    s.text(row, 2, from)?;
                }
                s.text(row, 3, &m.to)?;
                s.input(row, 4, m.share, &f.rate)?;
                s.integer(row, 5, m.after_months)?;
                if let Some(every) = m.every_months {
                    s.integer(row, 6, every)?;
                }
                row += 1;
            }
        }
    }
    if row > head + 1 {
        s.ws.add_table(head, 0, row - 1, STEP_COLUMNS as u16 - 1, &Table::new().set_name(tr(lang, "Stegtabell", "StepTable")))?;
    }
    s.ws.set_freeze_panes(1, 2)?;
    s.finish()
}

fn assumptions_sheet(scenario: &Scenario, lang: Lang, names: &SheetNames, f: &Formats, when: ExcelDateTime) -> Fallible<Worksheet> {
    let mut s = Sheet::new(names.assumptions)?;
    let headers = match lang {
        Lang::Sv => ["Uppgift", "Värde", "Fält", "Källa"],
        Lang::En => ["Item", "Value", "Field", "Source"],
    };
    s.headers(0, 0, &headers, f)?;
    let tax = resolved_tax(scenario);
    let model = resolved_model(scenario);
    let d = &defaults().tax;
    let from_scenario = tr(lang, "scenariot", "the scenario");
    let pct = |x: Decimal| {
        let p = crate::report::percent(x);
        if lang == Lang::En {
            p.replace(',', ".")
        } else {
            p
        }
    };
    // A rate is written in column B only when the scenario gives it, so that the workbook reads
    // back into the same scenario; the rate in force and its source are in column D.
    let rate_source = |given: Option<Decimal>, in_force: Decimal, default_source: &str| match given {
        Some(_) => from_scenario.to_string(),
        None => format!("{} {}: {default_source}", tr(lang, "standardvärde", "default"), pct(in_force)),
    };
    for (i, (key, sv, en)) in ASSUMPTION_KEYS.iter().enumerate() {
        let row = 1 + i as u32;
        s.text(row, 0, tr(lang, sv, en))?;
        s.text(row, 2, key)?;
        match *key {
            "format" => s.text(row, 1, FORMAT_MARKER)?,
            "name" => s.text(row, 1, &scenario.name)?,
            "version" => s.integer(row, 1, scenario.version)?,
            "start_year" => s.integer(row, 1, scenario.start_year)?,
            "horizon_years" => s.integer(row, 1, scenario.horizon_years)?,
            "price_year" => {
                if let Some(p) = scenario.price_year {
                    s.integer(row, 1, p)?;
                }
            }
            "discount_rate" => s.input(row, 1, scenario.discount_rate, &f.rate)?,
            "tax.method" => {
                if let Some(m) = scenario.tax.method {
                    s.text(row, 1, if m == TaxMethod::Rules { "rules" } else { "effective" })?;
                }
                let described = match &model.rules {
                    Some(_) => tr(lang, "skatt enligt skattereglerna (rules)", "tax from the rules (rules)"),
                    None => tr(lang, "effektiva skattesatser på bruttolönen (effective)", "effective rates on the gross wage (effective)"),
                };
                s.text_with(row, 3, described, &f.wrap)?;
            }
            "tax.municipality" => {
                if let Some(m) = &scenario.tax.municipality {
                    s.text(row, 1, m)?;
                }
                if let Some(rt) = &model.rules {
                    let rates = format!(
                        "{} {}, {} {}",
                        tr(lang, "kommunalskatt", "municipal rate"),
                        pct(rt.municipal_rate),
                        tr(lang, "regionskatt", "regional rate"),
                        pct(rt.regional_rate)
                    );
                    let who = match scenario.tax.municipality {
                        Some(_) => rates,
                        None => format!("{}: {rates}", tr(lang, "riksgenomsnittet", "the national average")),
                    };
                    s.text_with(row, 3, &who, &f.wrap)?;
                }
            }
            "tax.year" => {
                if let Some(y) = scenario.tax.year {
                    s.integer(row, 1, y)?;
                }
                if let Some(rt) = &model.rules {
                    let year = format!("{} {}", tr(lang, "skatteregler för inkomståret", "the tax rules of income year"), rt.rules.year);
                    s.text_with(row, 3, &year, &f.wrap)?;
                }
            }
            "tax.equalisation" => {
                if let Some(b) = scenario.tax.equalisation {
                    s.text(row, 1, yes_no(b, lang))?;
                }
                if model.rules.is_some() {
                    let used = match model.rules.as_ref().and_then(|rt| rt.equalisation) {
                        Some(_) => tr(
                            lang,
                            "den utjämnade delen av kommunal- och regionskatten bokförs på staten",
                            "the equalised part of municipal and regional tax is booked to the state",
                        ),
                        None => tr(
                            lang,
                            "nej: kommunen och regionen behåller hela sin skatt (KNUT:s och SEE:s konvention)",
                            "no: the municipality and the region keep all their tax (the KNUT and SEE convention)",
                        ),
                    };
                    s.text_with(row, 3, used, &f.wrap)?;
                }
            }
            "tax.municipal_rate" => {
                if let Some(r) = scenario.tax.municipal_rate {
                    s.input(row, 1, r, &f.rate)?;
                }
                s.text_with(row, 3, &rate_source(scenario.tax.municipal_rate, tax.municipal_rate, &d.municipal_rate.source), &f.wrap)?;
            }
            "tax.regional_rate" => {
                if let Some(r) = scenario.tax.regional_rate {
                    s.input(row, 1, r, &f.rate)?;
                }
                s.text_with(row, 3, &rate_source(scenario.tax.regional_rate, tax.regional_rate, &d.regional_rate.source), &f.wrap)?;
            }
            "tax.employer_contribution_rate" => {
                if let Some(r) = scenario.tax.employer_contribution_rate {
                    s.input(row, 1, r, &f.rate)?;
                }
                let source = rate_source(
                    scenario.tax.employer_contribution_rate,
                    tax.employer_contribution_rate,
                    &d.employer_contribution_rate.source,
                );
                s.text_with(row, 3, &source, &f.wrap)?;
            }
            "method" => s.text(row, 1, tr(lang, "samkalks metod (docs/method.md)", "samkalk's method (docs/method.md)"))?,
            "samkalk_version" => s.text(row, 1, env!("CARGO_PKG_VERSION"))?,
            "written" => {
                s.fit(1, 12);
                s.ws.write_datetime_with_format(row, 1, &when, &f.date)?;
            }
            _ => {}
        }
    }
    s.ws.set_freeze_panes(1, 0)?;
    s.finish()
}
