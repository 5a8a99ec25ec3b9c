//! Faults in a scenario or an analysis request, each at the path of the field it concerns.
//!
//! A fault is data: a stable [`FaultCode`] with the typed values its message needs
//! ([`Fault`]), optionally behind a [`Context`] (the scenario parameter an analysis fault is
//! about, the Monte Carlo draw). The core writes the message for people from that data, in
//! Swedish or English ([`FieldError::message_in`]); no binding writes or parses a message.
//!
//! Serialised (the CLI's `validate`, the WebAssembly package, Python) a fault is
//! `{"path", "code", "params", "context", "message", "message_sv", "message_en"}`:
//! `message` is the English text (as before codes existed), `params` the fault's values by
//! name (decimals as text), `context` a list (usually empty) of `{"kind", ...}` prefixes.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::actor::Actor;
use crate::lang::Lang;
use crate::value::{JsonError, Value};

/// What kind of value was given where another was expected.
///
/// ```
/// use samkalk::{parse_json, ValueKind};
/// assert_eq!(ValueKind::of(&parse_json("[1]").unwrap()), ValueKind::List);
/// assert_eq!(ValueKind::of(&parse_json(r#""20""#).unwrap()), ValueKind::Text);
/// assert_eq!(serde_json::to_string(&ValueKind::Boolean).unwrap(), r#""boolean""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl ValueKind {
    /// The kind of an input value, as a [`Fault::WrongType`] names what it got.
    ///
    /// ```
    /// use samkalk::{parse_json, ValueKind};
    /// let cohort = parse_json(r#"{"name": "AM2-grupp", "participants": 20, "outcomes": []}"#).unwrap();
    /// assert_eq!(ValueKind::of(&cohort), ValueKind::Object);
    /// assert_eq!(ValueKind::of(cohort.get("participants").unwrap()), ValueKind::Number);
    /// assert_eq!(ValueKind::of(&parse_json("null").unwrap()), ValueKind::Null);
    /// ```
    pub fn of(value: &Value) -> ValueKind {
        match value {
            Value::Null => ValueKind::Null,
            Value::Bool(_) => ValueKind::Boolean,
            Value::Number(_) => ValueKind::Number,
            Value::String(_) => ValueKind::Text,
            Value::Array(_) => ValueKind::List,
            Value::Object(_) => ValueKind::Object,
        }
    }

    pub(crate) fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ValueKind::Null, _) => "null",
            (ValueKind::Boolean, Lang::En) => "a boolean",
            (ValueKind::Boolean, Lang::Sv) => "ett sant/falskt-värde",
            (ValueKind::Number, Lang::En) => "a number",
            (ValueKind::Number, Lang::Sv) => "ett tal",
            (ValueKind::Text, _) => "text",
            (ValueKind::List, Lang::En) => "a list",
            (ValueKind::List, Lang::Sv) => "en lista",
            (ValueKind::Object, Lang::En) => "an object",
            (ValueKind::Object, Lang::Sv) => "ett objekt",
        }
    }
}

/// What a field must hold, for a [`Fault::WrongType`].
///
/// ```
/// use samkalk::{Expected, Fault, FaultCode, FieldError, ValueKind};
/// let e = FieldError::new("cohorts[0].participants", Fault::WrongType { expected: Expected::Number, got: ValueKind::Text });
/// assert_eq!(e.code(), FaultCode::WrongType);
/// assert_eq!(serde_json::to_string(&Expected::ActorOrNull).unwrap(), r#""actor_or_null""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// An object.
    Object,
    /// A list.
    List,
    /// A number.
    Number,
    /// Text.
    Text,
    /// An actor id or null.
    ActorOrNull,
    /// A parameter path as text.
    ParameterPath,
    /// An actor id as text.
    ActorId,
    /// `true` or `false`.
    Boolean,
    /// A label: text, or an object of text per language (`sv`, `en`).
    Label,
}

impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Object, Lang::En) => "an object",
            (Expected::Object, Lang::Sv) => "ett objekt",
            (Expected::List, Lang::En) => "a list",
            (Expected::List, Lang::Sv) => "en lista",
            (Expected::Number, Lang::En) => "a number",
            (Expected::Number, Lang::Sv) => "ett tal",
            (Expected::Text, _) => "text",
            (Expected::ActorOrNull, Lang::En) => "an actor or null",
            (Expected::ActorOrNull, Lang::Sv) => "en aktör eller null",
            (Expected::ParameterPath, Lang::En) => "a parameter path as text",
            (Expected::ParameterPath, Lang::Sv) => "en parametersökväg som text",
            (Expected::ActorId, Lang::En) => "an actor id as text",
            (Expected::ActorId, Lang::Sv) => "ett aktörs-id som text",
            (Expected::Boolean, Lang::En) => "true or false",
            (Expected::Boolean, Lang::Sv) => "true eller false",
            (Expected::Label, Lang::En) => "text, or an object with sv and en as text",
            (Expected::Label, Lang::Sv) => "text, eller ett objekt med sv och en som text",
        }
    }
}

/// How a number in a range fault reads in Swedish: shares and rates (0–1) are also shown in
/// percent, as the page's fields take them; years are written without a thousands space.
///
/// ```
/// use samkalk::{Fault, Lang, Unit};
/// let share = Fault::out_of_range(0.into(), 1.into(), "1.3".parse().unwrap(), Unit::Share);
/// assert_eq!(share.message(Lang::Sv), "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
/// let plain = Fault::out_of_range(0.into(), 1.into(), "1.3".parse().unwrap(), Unit::Number);
/// assert_eq!(plain.message(Lang::Sv), "måste vara mellan 0 och 1, fick 1,3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A plain number.
    #[default]
    Number,
    /// A share or rate, 1 = 100 %.
    Share,
    /// A calendar year.
    Year,
}

/// Why a range is what it is, when that is not obvious.
///
/// ```
/// assert_eq!(serde_json::to_string(&samkalk::RangeNote::BeforeIntervention).unwrap(), r#""before_intervention""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeNote {
    /// A lag cannot put a move before the intervention starts.
    BeforeIntervention,
}

/// What else an unknown actor's field accepts besides the seven actors.
///
/// ```
/// assert_eq!(serde_json::to_string(&samkalk::AlsoAllowed::Society).unwrap(), r#""society""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlsoAllowed {
    /// `null` (no one: a flow from or to outside the actors).
    Null,
    /// `society` (the sum of all actors).
    Society,
}

/// What a workbook cell holds, for a fault about it (serialised `{"kind", "value"}`).
///
/// ```
/// use samkalk::CellContent;
/// assert_eq!(serde_json::to_string(&CellContent::Number("0.5".into())).unwrap(), r#"{"kind":"number","value":"0.5"}"#);
/// assert_eq!(serde_json::to_string(&CellContent::Empty).unwrap(), r#"{"kind":"empty"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum CellContent {
    /// An empty cell.
    Empty,
    /// Text, as it stands.
    Text(String),
    /// A number, as its shortest decimal.
    Number(String),
    /// TRUE or FALSE.
    Boolean(bool),
    /// An error value (`#DIV/0!`).
    Error(String),
    /// A date or time.
    Date,
    /// A duration.
    Duration,
}

impl CellContent {
    fn text(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        match self {
            CellContent::Empty => (if sv { "ingenting" } else { "nothing" }).into(),
            CellContent::Text(t) => format!("{} {t:?}", if sv { "texten" } else { "text" }),
            CellContent::Number(n) if sv => n.replacen('.', ",", 1),
            CellContent::Number(n) => n.clone(),
            CellContent::Boolean(b) => match (sv, b) {
                (true, true) => "sanningsvärdet SANT".into(),
                (true, false) => "sanningsvärdet FALSKT".into(),
                (false, true) => "the truth value TRUE".into(),
                (false, false) => "the truth value FALSE".into(),
            },
            CellContent::Error(e) => format!("{} {e}", if sv { "felvärdet" } else { "the error" }),
            CellContent::Date => (if sv { "ett datum" } else { "a date" }).into(),
            CellContent::Duration => (if sv { "en tidslängd" } else { "a duration" }).into(),
        }
    }
}

/// A fault: its code (the variant, serialised snake_case as `code`) and the values its
/// message needs (serialised as `params`). See docs/method.md, "Fault codes", where each
/// variant's params are listed with their meaning.
///
/// ```
/// use samkalk::{Fault, FaultCode, Lang, Unit};
///
/// let fault = Fault::out_of_range(0.into(), 1.into(), "1.3".parse().unwrap(), Unit::Share);
/// assert_eq!(fault.code(), FaultCode::OutOfRange);
/// assert_eq!(fault.message(Lang::En), "must be between 0 and 1, got 1.3");
/// assert_eq!(fault.message(Lang::Sv), "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
/// // Serialised, the variant is the code and its fields the params.
/// let json = serde_json::to_value(&fault).unwrap();
/// assert_eq!((json["code"].as_str(), json["params"]["got"].as_str()), (Some("out_of_range"), Some("1.3")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// The fields are the message's parameters, named as docs/method.md lists them.
#[allow(missing_docs)]
pub enum Fault {
    /// The value is of the wrong kind.
    WrongType { expected: Expected, got: ValueKind },
    /// An object member the format does not have.
    UnknownField { expected: Vec<String> },
    /// A key given twice in one object.
    DuplicateKey,
    /// A required field is missing; `expected` lists the values it can take, when few.
    Missing { expected: Vec<String> },
    /// A list or map with more entries than allowed.
    TooMany { max: u64, got: u64 },
    /// A list with fewer or more entries than allowed.
    WrongCount { min: u64, max: u64, got: u64 },
    /// Text that does not spell a number (`got` as given, text quoted).
    NotANumber { got: String },
    /// A number with more than 28 decimals.
    TooManyDecimals { got: String },
    /// A number beyond the range of 28-digit decimals or 64-bit integers.
    TooLarge { got: Option<String> },
    /// Not a whole number written as a JSON integer (`20`, not `20.0`, `"20"` or `2e1`).
    NotAnInteger { got: String },
    /// A parameter value that must be whole is not.
    NotWhole { got: Decimal },
    /// A number outside its range. `min`/`max` are inclusive unless `*_exclusive`; no `max`:
    /// unbounded above.
    OutOfRange {
        min: Decimal,
        max: Option<Decimal>,
        min_exclusive: bool,
        max_exclusive: bool,
        got: Decimal,
        unit: Unit,
        note: Option<RangeNote>,
    },
    /// A value that must be above another field's (`other`, with value `other_value`).
    NotAboveOther { other: String, other_value: Decimal, got: Decimal },
    /// A value that must be at least another field's.
    BelowOther { other: String, other_value: Decimal, got: Decimal },
    /// A format version this library does not know.
    UnsupportedVersion { got: i64, supported: i64 },
    /// A state id that is not 1–64 characters of `A-Z a-z 0-9 _ -`.
    BadStateId,
    /// A flow with neither payer nor payee.
    NoPayerOrPayee,
    /// A flow whose payer and payee are the same actor.
    SamePayerPayee { actor: String },
    /// A state id that is neither built in nor given under `states`.
    NotAState { id: String },
    /// An outcome's target equal to the cohort's origin.
    SameAsOrigin { origin: String },
    /// An actor id that is not one of the seven (nor what else the field allows).
    UnknownActor { id: Option<String>, also: Option<AlsoAllowed>, expected: Vec<String> },
    /// Financing shares that do not sum to exactly 1.
    SumNotOne { sum: Decimal },
    /// Outcome shares that sum to more than 1.
    SumAboveOne { sum: Decimal },
    /// Text that is not JSON; `detail` (English, from the reader) says why.
    NotJson { offset: u64, detail: String },
    /// Text that is not TOML; `detail` (English, from the TOML reader) says why.
    NotToml { detail: String },
    /// The calculation leaves the range of 28-digit decimals.
    Overflow,
    /// A parameter path that is not a path at all.
    NotAPath { parameter: String },
    /// A parameter path that names no number of the scenario (`numbers` lists those that are).
    NotAParameter { parameter: String, numbers: String },
    /// A parameter path to a cohort the scenario does not have.
    NoSuchCohort { index: u64, count: u64 },
    /// A parameter path to a flow the state does not have.
    NoSuchFlow { state: String, index: u64, count: u64 },
    /// A parameter path to the earnings of a state without earnings.
    NoEarnings { state: String },
    /// A parameter path to an outcome the cohort does not have.
    NoSuchOutcome { cohort: u64, index: u64, count: u64 },
    /// A parameter that disappeared from the scenario while analysing it.
    NoLongerInScenario,
    /// A switching-value search whose range is empty.
    EmptyRange { low: Decimal, high: Decimal },
    /// A distribution whose low–high range misses the parameter's valid range entirely.
    NothingInRange { range: String },
    /// A normal distribution with sd 0 whose mean is outside the parameter's valid range.
    MeanOutsideRange { range: String, got: Decimal },
    /// A whole-number parameter with no whole number between low and high.
    NoWholeInRange,
    /// A distribution kind samkalk does not have.
    UnknownDistribution { got: String },
    /// A discrete distribution with a different number of weights than values.
    WeightCount { expected: u64, got: u64 },
    /// A discrete distribution with no weight above 0.
    NoPositiveWeight,
    /// A grid with more cells than allowed.
    TooManyCombinations { max: u64, got: u64 },
    /// A Monte Carlo run keeping more draws than allowed.
    TooManyKeptDraws { max: u64, got: u64 },
    /// A seed that is not a whole number 0..=2^64−1.
    BadSeed { got: String },
    /// A draw index that is not a whole number 0..=2^53−1.
    BadDraw,
    /// A file or stream that could not be read (`file` None: standard input); `reason` is the
    /// operating system's.
    CannotRead { file: Option<String>, reason: String },
    /// Bytes that are not UTF-8 text (`file` None: bytes passed directly).
    NotUtf8 { file: Option<String> },
    /// Host text that is not valid Unicode (a lone surrogate).
    NotUnicode,
    /// A host value that does not name a usable file path.
    BadFilePath { reason: String },
    /// A host value that could not be read; `reason` is the host's.
    UnreadableValue { reason: String },
    /// A host value nested deeper than the reader accepts.
    NestedTooDeeply,
    /// A host value of a type the binding cannot read.
    UnsupportedType { type_name: String },
    /// A host mapping with a key that is not text.
    KeyNotText { type_name: String, key: String },
    /// A scenario passed where an analysis request belongs.
    ScenarioNotRequest,
    /// A field of method version 2 in a version-1 scenario.
    RequiresVersion2,
    /// A flow marked `investment` that is not paid by an actor to null.
    InvestmentNotToNull,
    /// A cohort whose origin holds a flow marked `investment`.
    OriginHasStepCost { origin: String },
    /// An onward move from the cohort's origin.
    MoveFromOrigin { origin: String },
    /// An onward move whose `from` and `to` are the same state.
    MoveToSameState { state: String },
    /// A move from a state that the outcome's effect population can never be in.
    Unreachable { from: String, target: String },
    /// The shares of one outcome's moves that leave the same state sum to more than 1.
    MoveSharesAboveOne { from: String, sum: Decimal },
    /// Text that is not one of the allowed words.
    NotOneOf { expected: Vec<String>, got: String },
    /// `taxable: true` on a flow not paid to the individual.
    TaxableNotToIndividual,
    /// A tax field that applies only with `tax.method = "rules"`.
    RulesMethodOnly,
    /// An income year whose tax rules are not in the data.
    NoTaxYear { got: i64, years: Vec<i64> },
    /// No municipal tax rates in the data for the year.
    NoMunicipalRates { year: i64 },
    /// A municipality that is neither a kommunkod nor a name in the year's data.
    UnknownMunicipality { got: String, year: i64, close: Vec<String> },
    /// A municipal or regional rate given together with `tax.municipality`.
    RateWithMunicipality,
    /// A price year outside the prisbasbelopp index.
    NoPriceIndex { got: i64, years: Vec<i64> },
    /// A file or standard output that could not be written (`file` None: standard output); `reason` is the operating system's.
    CannotWrite { file: Option<String>, reason: String },
    /// A date that is not written YYYY-MM-DD.
    BadDate { got: String },
    /// A binary output (a workbook) asked for on a terminal.
    BinaryToTerminal,
    /// Bytes that are not an Excel workbook (.xlsx) that can be read; `detail` (English, from
    /// the reader) says why, when it says.
    NotAWorkbook { detail: Option<String> },
    /// A workbook without the sheet Antaganden (or Assumptions): not one samkalk wrote.
    NotSamkalkWorkbook,
    /// A sheet Antaganden without the row whose field (column C) is `format`.
    NoFormatRow,
    /// A workbook whose format marker is not the one this samkalk reads.
    WrongFormat { expected: String, got: String },
    /// A sheet a samkalk workbook has is missing (`sheets`: the sheets it must have).
    MissingSheet { sheet: String, sheets: Vec<String> },
    /// A sheet that cannot be read; `detail` (English, from the reader) says why, when it says.
    UnreadableSheet { detail: Option<String> },
    /// A table's header cell that is not the one samkalk writes there.
    UnexpectedHeader { expected: String, got: CellContent },
    /// A cell that must hold text holds something else.
    CellNotText { got: CellContent },
    /// A cell that must hold a number (or an exact decimal as text) holds something else.
    CellNotANumber { got: CellContent },
    /// A cell that must say yes or no (`ja`/`nej`, `yes`/`no`, TRUE/FALSE) says something else.
    CellNotYesNo { got: CellContent },
    /// A payer or payee cell that names no actor (`outside`: the word for no one, `expected`:
    /// the actors' names, both in the workbook's language).
    UnknownActorName { got: String, outside: String, expected: Vec<String> },
    /// A state listed twice in the state table.
    DuplicateState { id: String },
    /// A flow of a state that is not in the state table.
    FlowOfUnknownState { id: String },
    /// A cohort number used twice in the cohort table.
    DuplicateCohort { number: String },
    /// An outcome of a cohort number that is not in the cohort table.
    OutcomeOfUnknownCohort { number: String },
    /// A pathway step of an outcome that is not in the outcome table (`outcome`: its number
    /// within the cohort).
    StepOfUnknownOutcome { cohort: String, outcome: String },
    /// No flow table (a row with these headers) below the state table.
    NoFlowTable { headers: Vec<String> },
    /// No outcome table below the cohort table.
    NoOutcomeTable { headers: Vec<String> },
    /// No table of pathway steps below the outcome table.
    NoStepTable { headers: Vec<String> },
    /// The workbook cannot be written (past one of Excel's limits); `detail` (English, from the
    /// writer) says which.
    CannotWriteWorkbook { detail: String },
    /// `extends` names no built-in state (`expected`: the built-in ids).
    NotBuiltIn { id: String, expected: Vec<String> },
    /// A change or removal, under `extends`, of a flow the built-in state does not have (or a
    /// new flow without `amount`); `labels`: the built-in state's flows.
    NotAFlowOf { state: String, label: String, labels: Vec<String> },
    /// `remove = true` together with other fields (`fields`) of the same entry.
    RemoveWithChanges { fields: Vec<String> },
    /// A number written with a decimal comma ("0,6"); `suggested` is it with a point.
    DecimalComma { got: String, suggested: String },
    /// Financing shares that miss 1 by a rounding error (three times 0.3333333333333333):
    /// `difference` = 1 − `sum`, at most 10⁻⁹ either way.
    SumNotOneByRounding { sum: Decimal, difference: Decimal },
    /// Text that must say something is empty or only spaces.
    EmptyText,
    /// Text longer than `max` characters (`got` of them).
    TextTooLong { max: u64, got: u64 },
    /// A bug in samkalk, with what it was doing.
    Internal { detail: String },
}

/// Every fault code, the name of a [`Fault`] variant without its values.
///
/// ```
/// use samkalk::FaultCode;
/// assert_eq!(FaultCode::SumNotOne.as_str(), "sum_not_one");
/// assert!(FaultCode::ALL.contains(&FaultCode::UnknownField));
/// // Every code is spelled differently.
/// let mut spelled: Vec<String> = FaultCode::ALL.iter().map(|c| c.as_str()).collect();
/// spelled.sort();
/// spelled.dedup();
/// assert_eq!(spelled.len(), FaultCode::ALL.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum FaultCode {
    WrongType,
    UnknownField,
    DuplicateKey,
    Missing,
    TooMany,
    WrongCount,
    NotANumber,
    TooManyDecimals,
    TooLarge,
    NotAnInteger,
    NotWhole,
    OutOfRange,
    NotAboveOther,
    BelowOther,
    UnsupportedVersion,
    BadStateId,
    NoPayerOrPayee,
    SamePayerPayee,
    NotAState,
    SameAsOrigin,
    UnknownActor,
    SumNotOne,
    SumAboveOne,
    NotJson,
    NotToml,
    Overflow,
    NotAPath,
    NotAParameter,
    NoSuchCohort,
    NoSuchFlow,
    NoEarnings,
    NoSuchOutcome,
    NoLongerInScenario,
    EmptyRange,
    NothingInRange,
    MeanOutsideRange,
    NoWholeInRange,
    UnknownDistribution,
    WeightCount,
    NoPositiveWeight,
    TooManyCombinations,
    TooManyKeptDraws,
    BadSeed,
    BadDraw,
    CannotRead,
    NotUtf8,
    NotUnicode,
    BadFilePath,
    UnreadableValue,
    NestedTooDeeply,
    UnsupportedType,
    KeyNotText,
    ScenarioNotRequest,
    RequiresVersion2,
    InvestmentNotToNull,
    OriginHasStepCost,
    MoveFromOrigin,
    MoveToSameState,
    Unreachable,
    MoveSharesAboveOne,
    NotOneOf,
    TaxableNotToIndividual,
    RulesMethodOnly,
    NoTaxYear,
    NoMunicipalRates,
    UnknownMunicipality,
    RateWithMunicipality,
    NoPriceIndex,
    CannotWrite,
    BadDate,
    BinaryToTerminal,
    NotAWorkbook,
    NotSamkalkWorkbook,
    NoFormatRow,
    WrongFormat,
    MissingSheet,
    UnreadableSheet,
    UnexpectedHeader,
    CellNotText,
    CellNotANumber,
    CellNotYesNo,
    UnknownActorName,
    DuplicateState,
    FlowOfUnknownState,
    DuplicateCohort,
    OutcomeOfUnknownCohort,
    StepOfUnknownOutcome,
    NoFlowTable,
    NoOutcomeTable,
    NoStepTable,
    CannotWriteWorkbook,
    NotBuiltIn,
    NotAFlowOf,
    RemoveWithChanges,
    DecimalComma,
    SumNotOneByRounding,
    EmptyText,
    TextTooLong,
    Internal,
}

impl FaultCode {
    /// Every code, in the order of docs/method.md's "Fault codes" table.
    ///
    /// ```
    /// use samkalk::FaultCode;
    /// assert_eq!(FaultCode::ALL[0], FaultCode::WrongType);
    /// let names: std::collections::BTreeSet<String> = FaultCode::ALL.iter().map(|c| c.as_str()).collect();
    /// assert_eq!(names.len(), FaultCode::ALL.len());
    /// ```
    pub const ALL: [FaultCode; 99] = [
        FaultCode::WrongType,
        FaultCode::UnknownField,
        FaultCode::DuplicateKey,
        FaultCode::Missing,
        FaultCode::TooMany,
        FaultCode::WrongCount,
        FaultCode::NotANumber,
        FaultCode::TooManyDecimals,
        FaultCode::TooLarge,
        FaultCode::NotAnInteger,
        FaultCode::NotWhole,
        FaultCode::OutOfRange,
        FaultCode::NotAboveOther,
        FaultCode::BelowOther,
        FaultCode::UnsupportedVersion,
        FaultCode::BadStateId,
        FaultCode::NoPayerOrPayee,
        FaultCode::SamePayerPayee,
        FaultCode::NotAState,
        FaultCode::SameAsOrigin,
        FaultCode::UnknownActor,
        FaultCode::SumNotOne,
        FaultCode::SumAboveOne,
        FaultCode::NotJson,
        FaultCode::NotToml,
        FaultCode::Overflow,
        FaultCode::NotAPath,
        FaultCode::NotAParameter,
        FaultCode::NoSuchCohort,
        FaultCode::NoSuchFlow,
        FaultCode::NoEarnings,
        FaultCode::NoSuchOutcome,
        FaultCode::NoLongerInScenario,
        FaultCode::EmptyRange,
        FaultCode::NothingInRange,
        FaultCode::MeanOutsideRange,
        FaultCode::NoWholeInRange,
        FaultCode::UnknownDistribution,
        FaultCode::WeightCount,
        FaultCode::NoPositiveWeight,
        FaultCode::TooManyCombinations,
        FaultCode::TooManyKeptDraws,
        FaultCode::BadSeed,
        FaultCode::BadDraw,
        FaultCode::CannotRead,
        FaultCode::NotUtf8,
        FaultCode::NotUnicode,
        FaultCode::BadFilePath,
        FaultCode::UnreadableValue,
        FaultCode::NestedTooDeeply,
        FaultCode::UnsupportedType,
        FaultCode::KeyNotText,
        FaultCode::ScenarioNotRequest,
        FaultCode::RequiresVersion2,
        FaultCode::InvestmentNotToNull,
        FaultCode::OriginHasStepCost,
        FaultCode::MoveFromOrigin,
        FaultCode::MoveToSameState,
        FaultCode::Unreachable,
        FaultCode::MoveSharesAboveOne,
        FaultCode::NotOneOf,
        FaultCode::TaxableNotToIndividual,
        FaultCode::RulesMethodOnly,
        FaultCode::NoTaxYear,
        FaultCode::NoMunicipalRates,
        FaultCode::UnknownMunicipality,
        FaultCode::RateWithMunicipality,
        FaultCode::NoPriceIndex,
        FaultCode::CannotWrite,
        FaultCode::BadDate,
        FaultCode::BinaryToTerminal,
        FaultCode::NotAWorkbook,
        FaultCode::NotSamkalkWorkbook,
        FaultCode::NoFormatRow,
        FaultCode::WrongFormat,
        FaultCode::MissingSheet,
        FaultCode::UnreadableSheet,
        FaultCode::UnexpectedHeader,
        FaultCode::CellNotText,
        FaultCode::CellNotANumber,
        FaultCode::CellNotYesNo,
        FaultCode::UnknownActorName,
        FaultCode::DuplicateState,
        FaultCode::FlowOfUnknownState,
        FaultCode::DuplicateCohort,
        FaultCode::OutcomeOfUnknownCohort,
        FaultCode::StepOfUnknownOutcome,
        FaultCode::NoFlowTable,
        FaultCode::NoOutcomeTable,
        FaultCode::NoStepTable,
        FaultCode::CannotWriteWorkbook,
        FaultCode::NotBuiltIn,
        FaultCode::NotAFlowOf,
        FaultCode::RemoveWithChanges,
        FaultCode::DecimalComma,
        FaultCode::SumNotOneByRounding,
        FaultCode::EmptyText,
        FaultCode::TextTooLong,
        FaultCode::Internal,
    ];

    /// The code as serialised (`out_of_range`).
    ///
    /// ```
    /// assert_eq!(samkalk::FaultCode::OutOfRange.as_str(), "out_of_range");
    /// ```
    pub fn as_str(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }
}

/// Something an analysis fault happened within, written before its message.
///
/// ```
/// use samkalk::{Context, Fault, FieldError, Lang, Unit};
/// let e = FieldError::new("monte_carlo.parameters[0]", Fault::out_of_range(0.into(), 1.into(), 2.into(), Unit::Number))
///     .within(Context::Draw { draw: 5 });
/// assert_eq!(e.message_in(Lang::En), "draw 5: must be between 0 and 1, got 2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
// The fields are what the prefix shows: a path, a draw's index, the draw's values by path.
#[allow(missing_docs)]
pub enum Context {
    /// The scenario field (parameter path) the fault concerns: `"cohorts[0].outcomes[0].share: "`.
    Parameter { path: String },
    /// Together with another grid value: `"with grid.parameters[1].values[2]: "`.
    With { path: String },
    /// In a Monte Carlo draw: `"draw 5: "`.
    Draw { draw: u64 },
    /// A Monte Carlo draw whose values make the scenario invalid.
    InvalidDraw { draw: u64, values: Vec<(String, Decimal)> },
}

/// One fault: where (`cohorts[0].outcomes[0].share`), what ([`Fault`]), within what
/// ([`Context`]), and the English message (`message`, kept for readers from before codes).
///
/// ```
/// use samkalk::{FaultCode, Lang, Scenario};
///
/// let faults = Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2",
///     "participants": 20, "outcomes": [{"target": "work", "share": "1.3"}]}]}"#).unwrap_err();
/// let e = &faults.errors[0];
/// assert_eq!((e.path.as_str(), e.code()), ("cohorts[0].outcomes[0].share", FaultCode::OutOfRange));
/// assert_eq!(e.message_in(Lang::En), "must be between 0 and 1, got 1.3");
/// assert_eq!(e.message_in(Lang::Sv), "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
/// assert_eq!(e.message, e.message_in(Lang::En));
/// assert_eq!(e.line(Lang::Sv), "cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
/// assert_eq!(e.to_string(), e.line(Lang::En));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The path of the field in its document; `""` for the document as a whole.
    pub path: String,
    /// What is wrong, with the values the message needs (boxed: faults travel in `Result`s).
    pub fault: Box<Fault>,
    /// What the fault happened within (outermost first); usually empty.
    pub context: Vec<Context>,
    /// The message in English (= `message_in(Lang::En)`).
    pub message: String,
}

impl FieldError {
    /// A fault at a path.
    ///
    /// ```
    /// use samkalk::{FieldError, Fault, Lang};
    /// let e = FieldError::new("cohorts[0].origin", Fault::NotAState { id: "x".into() });
    /// assert_eq!(e.code().as_str(), "not_a_state");
    /// assert!(e.message_in(Lang::Sv).starts_with("okänt tillstånd"));
    /// ```
    pub fn new(path: impl ToString, fault: Fault) -> Self {
        let mut e = FieldError { path: path.to_string(), fault: Box::new(fault), context: Vec::new(), message: String::new() };
        e.message = e.message_in(Lang::En);
        e
    }

    /// The same fault at another path.
    ///
    /// ```
    /// use samkalk::{Fault, FieldError};
    /// assert_eq!(FieldError::new("a", Fault::DuplicateKey).at("b").path, "b");
    /// ```
    pub fn at(mut self, path: impl ToString) -> Self {
        self.path = path.to_string();
        self
    }

    /// The same fault within a context (added outermost).
    ///
    /// ```
    /// use samkalk::{Context, Fault, FieldError, Lang};
    /// let e = FieldError::new("sweep.values[0]", Fault::DuplicateKey).within(Context::Parameter { path: "discount_rate".into() });
    /// assert!(e.message_in(Lang::En).starts_with("discount_rate: "));
    /// assert_eq!(e.context.len(), 1);
    /// ```
    pub fn within(mut self, context: Context) -> Self {
        self.context.insert(0, context);
        self.message = self.message_in(Lang::En);
        self
    }

    /// The fault's code: what a program matches on (the message is for people).
    ///
    /// ```
    /// use samkalk::{Fault, FaultCode, FieldError};
    /// let e = FieldError::new("cohorts[0].participants", Fault::NotWhole { got: "12.5".parse().unwrap() });
    /// assert_eq!(e.code(), FaultCode::NotWhole);
    /// let faults = samkalk::validate_json(r#"{"start_year": 2026, "horizon_years": 61}"#);
    /// assert_eq!((faults[0].path.as_str(), faults[0].code()), ("horizon_years", FaultCode::OutOfRange));
    /// ```
    pub fn code(&self) -> FaultCode {
        self.fault.code()
    }

    /// The message in a language: the context prefixes, then the fault's own message.
    ///
    /// ```
    /// use samkalk::{Fault, FieldError, Lang, Unit};
    /// let e = FieldError::new("start_year", Fault::out_of_range(1900.into(), 2200.into(), 1800.into(), Unit::Year));
    /// assert_eq!(e.message_in(Lang::Sv), "måste vara mellan 1900 och 2200, fick 1800");
    /// ```
    pub fn message_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        for c in &self.context {
            out.push_str(&c.text(lang));
        }
        out.push_str(&self.fault.message(lang));
        out
    }

    /// `path: message` in a language, as the CLI prints it (`(scenario): ...` at the root).
    ///
    /// ```
    /// use samkalk::{Fault, FieldError, Lang};
    /// let e = FieldError::new("", Fault::DuplicateKey);
    /// assert!(e.line(Lang::Sv).starts_with("(scenariot): "));
    /// assert!(e.line(Lang::En).starts_with("(scenario): "));
    /// ```
    pub fn line(&self, lang: Lang) -> String {
        let message = self.message_in(lang);
        if self.path.is_empty() {
            match lang {
                Lang::En => format!("(scenario): {message}"),
                Lang::Sv => format!("(scenariot): {message}"),
            }
        } else {
            format!("{}: {message}", self.path)
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

impl Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let params = match serde_json::to_value(&*self.fault) {
            Ok(serde_json::Value::Object(mut m)) => m.remove("params").unwrap_or_else(|| serde_json::Value::Object(Default::default())),
            _ => serde_json::Value::Object(Default::default()),
        };
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("code", &self.code())?;
        map.serialize_entry("params", &params)?;
        map.serialize_entry("context", &self.context)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("message_sv", &self.message_in(Lang::Sv))?;
        map.serialize_entry("message_en", &self.message_in(Lang::En))?;
        map.end()
    }
}

/// A number as the message in `lang` writes it: English as spelled (normalised); Swedish with
/// a decimal comma and a space between thousands (not for years).
// The presentation layer's formatters will own Swedish number text; this stays private until
// the two are unified.
pub(crate) fn number(x: Decimal, lang: Lang, unit: Unit) -> String {
    let text = x.normalize().to_string();
    match lang {
        Lang::En => text,
        Lang::Sv => sv_digits(&text, unit != Unit::Year),
    }
}

/// Swedish spelling of a plain decimal text (`-12345.6` → `-12 345,6`).
fn sv_digits(text: &str, group: bool) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if group && n > 4 && i > 0 && (n - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn count(n: u64, lang: Lang) -> String {
    number(Decimal::from(n), lang, Unit::Number)
}

/// A share as percent in Swedish (`0.6` → `60 %`), or nothing when it is too large to scale.
fn sv_percent(x: Decimal) -> Option<String> {
    x.checked_mul(Decimal::ONE_HUNDRED).map(|p| format!("{} %", number(p, Lang::Sv, Unit::Number)))
}

fn list(items: &[String], lang: Lang) -> String {
    match (lang, items) {
        (Lang::Sv, [init @ .., last]) if !init.is_empty() => format!("{} eller {last}", init.join(", ")),
        _ => items.join(", "),
    }
}

fn actor_name(id: &str, lang: Lang) -> String {
    match (Actor::from_id(id), lang) {
        (Some(a), Lang::Sv) => a.swedish().to_lowercase(),
        _ => id.to_string(),
    }
}

impl Fault {
    /// The code of this fault: its variant without the values (serialised as `code`, listed
    /// in [`FaultCode::ALL`]).
    ///
    /// ```
    /// use samkalk::{Fault, FaultCode};
    /// assert_eq!(Fault::TooMany { max: 20, got: 21 }.code(), FaultCode::TooMany);
    /// assert_eq!(Fault::DuplicateKey.code().as_str(), "duplicate_key");
    /// assert!(FaultCode::ALL.contains(&Fault::Overflow.code()));
    /// ```
    pub fn code(&self) -> FaultCode {
        use Fault as F;
        use FaultCode as C;
        match self {
            F::WrongType { .. } => C::WrongType,
            F::UnknownField { .. } => C::UnknownField,
            F::DuplicateKey => C::DuplicateKey,
            F::Missing { .. } => C::Missing,
            F::TooMany { .. } => C::TooMany,
            F::WrongCount { .. } => C::WrongCount,
            F::NotANumber { .. } => C::NotANumber,
            F::TooManyDecimals { .. } => C::TooManyDecimals,
            F::TooLarge { .. } => C::TooLarge,
            F::NotAnInteger { .. } => C::NotAnInteger,
            F::NotWhole { .. } => C::NotWhole,
            F::OutOfRange { .. } => C::OutOfRange,
            F::NotAboveOther { .. } => C::NotAboveOther,
            F::BelowOther { .. } => C::BelowOther,
            F::UnsupportedVersion { .. } => C::UnsupportedVersion,
            F::BadStateId => C::BadStateId,
            F::NoPayerOrPayee => C::NoPayerOrPayee,
            F::SamePayerPayee { .. } => C::SamePayerPayee,
            F::NotAState { .. } => C::NotAState,
            F::SameAsOrigin { .. } => C::SameAsOrigin,
            F::UnknownActor { .. } => C::UnknownActor,
            F::SumNotOne { .. } => C::SumNotOne,
            F::SumAboveOne { .. } => C::SumAboveOne,
            F::NotJson { .. } => C::NotJson,
            F::NotToml { .. } => C::NotToml,
            F::Overflow => C::Overflow,
            F::NotAPath { .. } => C::NotAPath,
            F::NotAParameter { .. } => C::NotAParameter,
            F::NoSuchCohort { .. } => C::NoSuchCohort,
            F::NoSuchFlow { .. } => C::NoSuchFlow,
            F::NoEarnings { .. } => C::NoEarnings,
            F::NoSuchOutcome { .. } => C::NoSuchOutcome,
            F::NoLongerInScenario => C::NoLongerInScenario,
            F::EmptyRange { .. } => C::EmptyRange,
            F::NothingInRange { .. } => C::NothingInRange,
            F::MeanOutsideRange { .. } => C::MeanOutsideRange,
            F::NoWholeInRange => C::NoWholeInRange,
            F::UnknownDistribution { .. } => C::UnknownDistribution,
            F::WeightCount { .. } => C::WeightCount,
            F::NoPositiveWeight => C::NoPositiveWeight,
            F::TooManyCombinations { .. } => C::TooManyCombinations,
            F::TooManyKeptDraws { .. } => C::TooManyKeptDraws,
            F::BadSeed { .. } => C::BadSeed,
            F::BadDraw => C::BadDraw,
            F::CannotRead { .. } => C::CannotRead,
            F::NotUtf8 { .. } => C::NotUtf8,
            F::NotUnicode => C::NotUnicode,
            F::BadFilePath { .. } => C::BadFilePath,
            F::UnreadableValue { .. } => C::UnreadableValue,
            F::NestedTooDeeply => C::NestedTooDeeply,
            F::UnsupportedType { .. } => C::UnsupportedType,
            F::KeyNotText { .. } => C::KeyNotText,
            F::ScenarioNotRequest => C::ScenarioNotRequest,
            F::RequiresVersion2 => C::RequiresVersion2,
            F::InvestmentNotToNull => C::InvestmentNotToNull,
            F::OriginHasStepCost { .. } => C::OriginHasStepCost,
            F::MoveFromOrigin { .. } => C::MoveFromOrigin,
            F::MoveToSameState { .. } => C::MoveToSameState,
            F::Unreachable { .. } => C::Unreachable,
            F::MoveSharesAboveOne { .. } => C::MoveSharesAboveOne,
            F::NotOneOf { .. } => C::NotOneOf,
            F::TaxableNotToIndividual => C::TaxableNotToIndividual,
            F::RulesMethodOnly => C::RulesMethodOnly,
            F::NoTaxYear { .. } => C::NoTaxYear,
            F::NoMunicipalRates { .. } => C::NoMunicipalRates,
            F::UnknownMunicipality { .. } => C::UnknownMunicipality,
            F::RateWithMunicipality => C::RateWithMunicipality,
            F::NoPriceIndex { .. } => C::NoPriceIndex,
            F::CannotWrite { .. } => C::CannotWrite,
            F::BadDate { .. } => C::BadDate,
            F::BinaryToTerminal => C::BinaryToTerminal,
            F::NotAWorkbook { .. } => C::NotAWorkbook,
            F::NotSamkalkWorkbook => C::NotSamkalkWorkbook,
            F::NoFormatRow => C::NoFormatRow,
            F::WrongFormat { .. } => C::WrongFormat,
            F::MissingSheet { .. } => C::MissingSheet,
            F::UnreadableSheet { .. } => C::UnreadableSheet,
            F::UnexpectedHeader { .. } => C::UnexpectedHeader,
            F::CellNotText { .. } => C::CellNotText,
            F::CellNotANumber { .. } => C::CellNotANumber,
            F::CellNotYesNo { .. } => C::CellNotYesNo,
            F::UnknownActorName { .. } => C::UnknownActorName,
            F::DuplicateState { .. } => C::DuplicateState,
            F::FlowOfUnknownState { .. } => C::FlowOfUnknownState,
            F::DuplicateCohort { .. } => C::DuplicateCohort,
            F::OutcomeOfUnknownCohort { .. } => C::OutcomeOfUnknownCohort,
            F::StepOfUnknownOutcome { .. } => C::StepOfUnknownOutcome,
            F::NoFlowTable { .. } => C::NoFlowTable,
            F::NoOutcomeTable { .. } => C::NoOutcomeTable,
            F::NoStepTable { .. } => C::NoStepTable,
            F::CannotWriteWorkbook { .. } => C::CannotWriteWorkbook,
            F::NotBuiltIn { .. } => C::NotBuiltIn,
            F::NotAFlowOf { .. } => C::NotAFlowOf,
            F::RemoveWithChanges { .. } => C::RemoveWithChanges,
            F::DecimalComma { .. } => C::DecimalComma,
            F::SumNotOneByRounding { .. } => C::SumNotOneByRounding,
            F::EmptyText => C::EmptyText,
            F::TextTooLong { .. } => C::TextTooLong,
            F::Internal { .. } => C::Internal,
        }
    }

    /// An inclusive range fault `[min, max]`.
    ///
    /// ```
    /// use samkalk::{Fault, Lang, Unit};
    /// let f = Fault::out_of_range(0.into(), 60.into(), 61.into(), Unit::Number);
    /// assert_eq!(f.message(Lang::En), "must be between 0 and 60, got 61");
    /// ```
    pub fn out_of_range(min: Decimal, max: Decimal, got: Decimal, unit: Unit) -> Fault {
        Fault::OutOfRange { min, max: Some(max), min_exclusive: false, max_exclusive: false, got, unit, note: None }
    }

    /// The message in a language, without path or context.
    ///
    /// ```
    /// use samkalk::{Fault, Lang};
    /// let f = Fault::NotAState { id: "x".into() };
    /// assert!(f.message(Lang::Sv).starts_with("okänt tillstånd"));
    /// assert_ne!(f.message(Lang::Sv), f.message(Lang::En));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        use Fault as F;
        let sv = lang == Lang::Sv;
        let num = |x: &Decimal| number(*x, lang, Unit::Number);
        match self {
            F::WrongType { expected, got } => {
                if sv {
                    format!("måste vara {}, fick {}", expected.text(lang), got.text(lang))
                } else {
                    format!("must be {}, got {}", expected.text(lang), got.text(lang))
                }
            }
            F::UnknownField { expected } => {
                if sv {
                    format!("okänt fält (tillåtna fält: {})", expected.join(", "))
                } else {
                    format!("unknown field (expected one of: {})", expected.join(", "))
                }
            }
            F::DuplicateKey => (if sv { "nyckeln finns redan i samma objekt" } else { "duplicate key" }).into(),
            F::Missing { expected } => match (sv, expected.is_empty()) {
                (true, true) => "måste anges".into(),
                (true, false) => format!("måste anges ({})", list(expected, lang)),
                (false, true) => "is required".into(),
                (false, false) => {
                    let (init, last) = expected.split_at(expected.len() - 1);
                    format!("is required ({} or {})", init.join(", "), last.join(""))
                }
            },
            F::TooMany { max, got } => {
                if sv {
                    format!("högst {} poster, fick {}", count(*max, lang), count(*got, lang))
                } else {
                    format!("at most {max} entries, got {got}")
                }
            }
            F::WrongCount { min, max, got } => {
                if sv {
                    format!("måste ha {} till {} poster, fick {}", count(*min, lang), count(*max, lang), count(*got, lang))
                } else {
                    format!("must have {min} to {max} entries, got {got}")
                }
            }
            F::NotANumber { got } => {
                if sv {
                    format!("måste vara ett tal (t.ex. \"1234.5\"), fick {got}")
                } else {
                    format!("must be a number spelled like JSON (e.g. \"1234.5\"), got {got}")
                }
            }
            F::TooManyDecimals { got } => {
                if sv {
                    format!("högst 28 decimaler, fick {got}")
                } else {
                    format!("at most 28 decimals, got {got}")
                }
            }
            F::TooLarge { got } => match (sv, got) {
                (true, Some(g)) => format!("är för stort, fick {g}"),
                (true, None) => "är för stort".into(),
                (false, Some(g)) => format!("is too large, got {g}"),
                (false, None) => "is too large".into(),
            },
            F::NotAnInteger { got } => {
                if sv {
                    format!("måste vara ett heltal (t.ex. 20, inte 20.0 eller \"20\"), fick {got}")
                } else {
                    format!("must be a whole number written as a JSON integer, got {got}")
                }
            }
            F::NotWhole { got } => {
                if sv {
                    format!("måste vara ett heltal, fick {}", num(got))
                } else {
                    format!("must be a whole number, got {}", num(got))
                }
            }
            F::OutOfRange { min, max, min_exclusive, max_exclusive, got, unit, note } => {
                range_message(lang, *min, *max, *min_exclusive, *max_exclusive, *got, *unit, *note)
            }
            F::NotAboveOther { other, other_value, got } => {
                if sv {
                    format!("måste vara större än {other} ({}), fick {}", num(other_value), num(got))
                } else {
                    format!("must be above {other} ({}), got {}", num(other_value), num(got))
                }
            }
            F::BelowOther { other, other_value, got } => {
                if sv {
                    format!("måste vara minst {other} ({}), fick {}", num(other_value), num(got))
                } else {
                    format!("must be at least {other} ({}), got {}", num(other_value), num(got))
                }
            }
            F::UnsupportedVersion { got, supported } => match (sv, *supported) {
                (true, 1) => format!("måste vara 1 (metodens enda version), fick {got}"),
                (false, 1) => format!("must be 1 (the only version of the method), got {got}"),
                (true, n) => format!("måste vara en av metodens versioner 1 till {n}, fick {got}"),
                (false, n) => format!("must be one of the method's versions 1 to {n}, got {got}"),
            },
            F::BadStateId => (if sv {
                "ett tillstånds-id är 1 till 64 tecken av A–Z, a–z, 0–9, _ och -"
            } else {
                "a state id is 1 to 64 characters of A-Z, a-z, 0-9, _ and -"
            })
            .into(),
            F::NoPayerOrPayee => (if sv {
                "ett flöde behöver en betalare eller en mottagare: båda är null"
            } else {
                "a flow needs a payer or a payee: both are null"
            })
            .into(),
            F::SamePayerPayee { actor } => {
                if sv {
                    format!("betalare och mottagare är båda {}: de måste vara olika", actor_name(actor, lang))
                } else {
                    format!("payer and payee are both {actor}: they must differ")
                }
            }
            F::NotAState { id } => {
                if sv {
                    format!("okänt tillstånd {id:?} (varken inbyggt eller angivet under states)")
                } else {
                    format!("unknown state {id:?} (neither built in nor given under states)")
                }
            }
            F::SameAsOrigin { origin } => {
                if sv {
                    format!("måste skilja sig från kohortens utgångsläge ({origin:?})")
                } else {
                    format!("must differ from the cohort's origin ({origin:?})")
                }
            }
            F::UnknownActor { id, also, expected } => {
                let named = match id {
                    Some(id) => format!(" {id:?}"),
                    None => String::new(),
                };
                let list = expected.join(", ");
                match (sv, also) {
                    (true, None) => format!("okänd aktör{named} (tillåtna: {list})"),
                    (true, Some(AlsoAllowed::Null)) => format!("okänd aktör{named} (tillåtna: null eller en av {list})"),
                    (true, Some(AlsoAllowed::Society)) => format!("okänd aktör{named} (tillåtna: society eller en av {list})"),
                    (false, None) => format!("unknown actor{named} (expected one of: {list})"),
                    (false, Some(AlsoAllowed::Null)) => format!("unknown actor{named} (expected null or one of: {list})"),
                    (false, Some(AlsoAllowed::Society)) => format!("unknown actor{named} (expected society or one of: {list})"),
                }
            }
            F::SumNotOne { sum } => {
                if sv {
                    let pct = sv_percent(*sum).map(|p| format!(" ({p})")).unwrap_or_default();
                    format!("finansieringsandelarna måste summera till exakt 1 (100 %), summan är {}{pct}", num(sum))
                } else {
                    format!("the financing shares must sum to exactly 1, got {}", num(sum))
                }
            }
            F::SumAboveOne { sum } => {
                if sv {
                    let pct = sv_percent(*sum).map(|p| format!(" ({p})")).unwrap_or_default();
                    format!("utfallens andelar summerar till {}{pct}, mer än 1 (100 %)", num(sum))
                } else {
                    format!("the outcomes' shares sum to {}, more than 1", num(sum))
                }
            }
            F::NotJson { offset, detail } => {
                if sv {
                    format!("inte giltig JSON vid byte {offset}: {detail}")
                } else {
                    format!("not valid JSON at byte {offset}: {detail}")
                }
            }
            F::NotToml { detail } => {
                if sv {
                    format!("inte giltig TOML: {detail}")
                } else {
                    format!("not valid TOML: {detail}")
                }
            }
            F::Overflow => (if sv {
                "beräkningen går utanför talområdet (decimaltal med 28 siffror)"
            } else {
                "the calculation overflows the range of 28-digit decimals"
            })
            .into(),
            F::NotAPath { parameter } => {
                if sv {
                    format!("{parameter:?} är ingen sökväg (skriv den som cohorts[0].outcomes[0].share)")
                } else {
                    format!("{parameter:?} is not a path (write it like cohorts[0].outcomes[0].share)")
                }
            }
            F::NotAParameter { parameter, numbers } => {
                if sv {
                    format!("{parameter:?} pekar inte ut något tal i scenariot (tal: {numbers})")
                } else {
                    format!("{parameter:?} does not name a number in the scenario (numbers: {numbers})")
                }
            }
            F::NoSuchCohort { index, count: n } => {
                if sv {
                    format!("cohorts[{index}] finns inte (scenariot har {} kohorter)", count(*n, lang))
                } else {
                    format!("there is no cohorts[{index}] (the scenario has {n} cohorts)")
                }
            }
            F::NoSuchFlow { state, index, count: n } => {
                if sv {
                    format!("tillståndet {state} har inget flows[{index}] (det har {} flöden)", count(*n, lang))
                } else {
                    format!("state {state} has no flows[{index}] (it has {n} flows)")
                }
            }
            F::NoEarnings { state } => {
                if sv {
                    format!("tillståndet {state} har inga förvärvsinkomster (earnings)")
                } else {
                    format!("state {state} has no earnings")
                }
            }
            F::NoSuchOutcome { cohort, index, count: n } => {
                if sv {
                    format!("cohorts[{cohort}] har inget outcomes[{index}] (kohorten har {} utfall)", count(*n, lang))
                } else {
                    format!("cohorts[{cohort}] has no outcomes[{index}] (it has {n} outcomes)")
                }
            }
            F::NoLongerInScenario => (if sv { "finns inte längre i scenariot" } else { "no longer in the scenario" }).into(),
            F::EmptyRange { low, high } => {
                if sv {
                    format!("sökintervallet är tomt ({} till {})", num(low), num(high))
                } else {
                    format!("the range to search is empty ({} to {})", num(low), num(high))
                }
            }
            F::NothingInRange { range } => {
                if sv {
                    format!("inget av det giltiga intervallet {range} ligger mellan low och high")
                } else {
                    format!("nothing of the valid range {range} is between low and high")
                }
            }
            F::MeanOutsideRange { range, got } => {
                if sv {
                    format!("med sd 0 måste medelvärdet (mean) ligga inom {range}, fick {}", num(got))
                } else {
                    format!("with sd 0 the mean must be within {range}, got {}", num(got))
                }
            }
            F::NoWholeInRange => (if sv {
                "en heltalsparameter behöver ett heltal mellan low och high"
            } else {
                "a whole-number parameter needs a whole number between low and high"
            })
            .into(),
            F::UnknownDistribution { got } => {
                if sv {
                    format!("okänd fördelning {got:?} (tillåtna: uniform, triangular, pert, normal, beta eller discrete)")
                } else {
                    format!("unknown distribution {got:?} (expected uniform, triangular, pert, normal, beta or discrete)")
                }
            }
            F::WeightCount { expected, got } => {
                if sv {
                    format!("måste ha en vikt per värde ({}), fick {}", count(*expected, lang), count(*got, lang))
                } else {
                    format!("must have one weight per value ({expected}), got {got}")
                }
            }
            F::NoPositiveWeight => (if sv { "minst en vikt måste vara större än 0" } else { "at least one weight must be above 0" }).into(),
            F::TooManyCombinations { max, got } => {
                if sv {
                    format!("högst {} kombinationer, fick {}", count(*max, lang), count(*got, lang))
                } else {
                    format!("at most {max} combinations, got {got}")
                }
            }
            F::TooManyKeptDraws { max, got } => {
                if sv {
                    format!("högst {} dragningar kan sparas, fick {}", count(*max, lang), count(*got, lang))
                } else {
                    format!("at most {max} draws can be kept, got {got} draws")
                }
            }
            F::BadSeed { got } => {
                if sv {
                    format!("fröet (seed) måste vara ett heltal 0..=18446744073709551615, fick {got:?}")
                } else {
                    format!("the seed must be a whole number 0..=18446744073709551615, got {got:?}")
                }
            }
            F::BadDraw => {
                (if sv { "dragningen måste vara ett heltal 0..=2^53-1" } else { "the draw must be a whole number 0..=2^53-1" }).into()
            }
            F::CannotRead { file, reason } => match (sv, file) {
                (true, Some(f)) => format!("kan inte läsa {f}: {reason}"),
                (true, None) => format!("kan inte läsa standard in: {reason}"),
                (false, Some(f)) => format!("cannot read {f}: {reason}"),
                (false, None) => format!("cannot read standard input: {reason}"),
            },
            F::NotUtf8 { file } => match (sv, file) {
                (true, Some(f)) => format!("{f:?} är inte UTF-8-text"),
                (true, None) => "byte som inte är JSON-text i UTF-8".into(),
                (false, Some(f)) => format!("{f:?} is not UTF-8 text"),
                (false, None) => "bytes that are not UTF-8 JSON text".into(),
            },
            F::NotUnicode => (if sv {
                "text som inte är giltig Unicode (ett ensamt surrogattecken)"
            } else {
                "text that is not valid Unicode (a lone surrogate)"
            })
            .into(),
            F::BadFilePath { reason } => {
                if sv {
                    format!("ingen användbar sökväg till en fil: {reason}")
                } else {
                    format!("not a usable file path: {reason}")
                }
            }
            F::UnreadableValue { reason } => {
                if sv {
                    format!("kunde inte läsas: {reason}")
                } else {
                    format!("could not be read: {reason}")
                }
            }
            F::NestedTooDeeply => (if sv { "för djupt nästlat" } else { "nested too deeply" }).into(),
            F::UnsupportedType { type_name } => {
                if sv {
                    format!("typen {type_name} kan inte läsas: ange en dict, list, str, int, float, Decimal, bool eller None")
                } else {
                    format!("unsupported type {type_name}: expected a dict, list, str, int, float, Decimal, bool or None")
                }
            }
            F::KeyNotText { type_name, key } => {
                if sv {
                    format!("nycklar måste vara text, fick {type_name} {key}")
                } else {
                    format!("keys must be text, got {type_name} {key}")
                }
            }
            F::ScenarioNotRequest => (if sv {
                "ett Scenario är ingen analysbegäran: ange begäran (en dict, JSON-text eller en sökväg) som andra argument"
            } else {
                "a Scenario is not an analysis request: pass the request (a dict, JSON text or a path) second"
            })
            .into(),
            F::RequiresVersion2 => {
                if sv {
                    "är ett fält i metodens version 2: ange version = 2 för att använda det".into()
                } else {
                    "is a field of method version 2: set version = 2 to use it".into()
                }
            }
            F::InvestmentNotToNull => {
                if sv {
                    "bara ett flöde som en aktör betalar till null (en resurs som förbrukas) kan vara en investering".into()
                } else {
                    "only a flow paid by an actor to null (a resource used up) can be an investment".into()
                }
            }
            F::OriginHasStepCost { origin } => {
                if sv {
                    format!("utgångsläget {origin:?} har ett flöde markerat som investering: stegkostnader hör till stegen i en kedja")
                } else {
                    format!("the origin {origin:?} holds a flow marked investment: step costs belong to the states of a pathway")
                }
            }
            F::MoveFromOrigin { origin } => {
                if sv {
                    format!("får inte vara gruppens utgångsläge ({origin:?}): en förflyttning lämnar ett tillstånd inom effekten")
                } else {
                    format!("must not be the cohort's origin ({origin:?}): moves leave states of the effect")
                }
            }
            F::MoveToSameState { state } => {
                if sv {
                    format!("från och till är båda {state:?}: en förflyttning går till ett annat tillstånd")
                } else {
                    format!("from and to are both {state:?}: a move goes to another state")
                }
            }
            F::Unreachable { from, target } => {
                if sv {
                    format!("{from:?} kan inte nås från målet {target:?} genom utfallets förflyttningar")
                } else {
                    format!("{from:?} cannot be reached from the target {target:?} through this outcome's moves")
                }
            }
            F::MoveSharesAboveOne { from, sum } => {
                if sv {
                    format!("andelarna av förflyttningarna från {from:?} blir {} tillsammans, mer än 1", num(sum))
                } else {
                    format!("the shares of the moves from {from:?} sum to {}, more than 1", num(sum))
                }
            }
            F::NotOneOf { expected, got } => {
                if sv {
                    format!("måste vara en av {}, fick {got:?}", expected.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join(", "))
                } else {
                    format!("must be one of {}, got {got:?}", expected.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join(", "))
                }
            }
            F::TaxableNotToIndividual => {
                if sv {
                    "bara ett flöde som betalas till individen kan vara skattepliktigt".into()
                } else {
                    "only a flow paid to the individual can be taxable".into()
                }
            }
            F::RulesMethodOnly => {
                if sv {
                    "gäller bara med tax.method = \"rules\" (skatt enligt reglerna)".into()
                } else {
                    "applies only with tax.method = \"rules\"".into()
                }
            }
            F::NoTaxYear { got, years } => {
                if sv {
                    format!(
                        "inga skatteregler för inkomståret {got}; år i datan: {}",
                        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    )
                } else {
                    format!(
                        "no tax rules for income year {got}; years in the data: {}",
                        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    )
                }
            }
            F::NoMunicipalRates { year } => {
                if sv {
                    format!("inga kommunala skattesatser för {year} i datan")
                } else {
                    format!("no municipal tax rates for {year} in the data")
                }
            }
            F::UnknownMunicipality { got, year, close } => {
                if sv {
                    if close.is_empty() {
                        format!("okänd kommun {got:?} för {year}: ange en kommunkod (\"2262\") eller ett namn (\"Timrå\"); `samkalk municipalities` listar dem")
                    } else {
                        format!("okänd kommun {got:?} för {year}; närmaste namn: {}", close.join(", "))
                    }
                } else {
                    if close.is_empty() {
                        format!("unknown municipality {got:?} for {year}: give a kommunkod (\"2262\") or a name (\"Timrå\"); `samkalk municipalities` lists them")
                    } else {
                        format!("unknown municipality {got:?} for {year}; close names: {}", close.join(", "))
                    }
                }
            }
            F::RateWithMunicipality => {
                if sv {
                    "ange antingen tax.municipality eller skattesatsen, inte båda".into()
                } else {
                    "give either tax.municipality or the rate, not both".into()
                }
            }
            F::NoPriceIndex { got, years } => {
                if sv {
                    format!(
                        "inget prisbasbelopp för {got} att räkna om de inbyggda tillstånden med; år i indexet: {}",
                        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    )
                } else {
                    format!(
                        "no prisbasbelopp for {got} to restate the built-in states with; years in the index: {}",
                        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    )
                }
            }
            F::CannotWrite { file, reason } => {
                if sv {
                    match file {
                        Some(f) => format!("kan inte skriva {f}: {reason}"),
                        None => format!("kan inte skriva till standard ut: {reason}"),
                    }
                } else {
                    match file {
                        Some(f) => format!("cannot write {f}: {reason}"),
                        None => format!("cannot write standard output: {reason}"),
                    }
                }
            }
            F::BadDate { got } => {
                if sv {
                    format!("måste vara ett datum skrivet ÅÅÅÅ-MM-DD, fick {got:?}")
                } else {
                    format!("must be a date written YYYY-MM-DD, got {got:?}")
                }
            }
            F::BinaryToTerminal => {
                if sv {
                    "en arbetsbok är binär: skriv den till en fil med -o kalkyl.xlsx (eller till ett rör)".into()
                } else {
                    "a workbook is binary: write it to a file with -o kalkyl.xlsx (or pipe it)".into()
                }
            }
            F::NotAWorkbook { detail } => match (sv, detail) {
                (true, Some(d)) => format!("inte en Excel-arbetsbok (.xlsx) som går att läsa: {d}"),
                (true, None) => "inte en Excel-arbetsbok (.xlsx) som går att läsa".into(),
                (false, Some(d)) => format!("not an Excel workbook (.xlsx) that can be read: {d}"),
                (false, None) => "not an Excel workbook (.xlsx) that can be read".into(),
            },
            F::NotSamkalkWorkbook => (if sv {
                "inte en arbetsbok som samkalk har skrivit: den har inget blad Antaganden (eller Assumptions)"
            } else {
                "not a workbook written by samkalk: it has no sheet Antaganden (or Assumptions)"
            })
            .into(),
            F::NoFormatRow => (if sv {
                "inte en arbetsbok som samkalk har skrivit: ingen rad med fältet `format` i kolumn C"
            } else {
                "not a workbook written by samkalk: no row with the field `format` in column C"
            })
            .into(),
            F::WrongFormat { expected, got } => {
                if sv {
                    format!("inte en arbetsbok som samkalk har skrivit: här ska det stå {expected:?}, det står {got:?}")
                } else {
                    format!("not a workbook written by samkalk: expected {expected:?} here, got {got:?}")
                }
            }
            F::MissingSheet { sheet, sheets } => {
                let list = sheets.join(", ");
                if sv {
                    format!("bladet {sheet:?} saknas; en arbetsbok från samkalk har bladen {list}")
                } else {
                    format!("the sheet {sheet:?} is missing; a samkalk workbook has the sheets {list}")
                }
            }
            F::UnreadableSheet { detail } => match (sv, detail) {
                (true, Some(d)) => format!("bladet går inte att läsa: {d}"),
                (true, None) => "bladet går inte att läsa".into(),
                (false, Some(d)) => format!("the sheet cannot be read: {d}"),
                (false, None) => "the sheet cannot be read".into(),
            },
            F::UnexpectedHeader { expected, got } => {
                if sv {
                    format!("här ska rubriken {expected:?} stå, det står {}: har samkalk skrivit arbetsboken?", got.text(lang))
                } else {
                    format!("expected the header {expected:?}, got {}: is this a workbook samkalk wrote?", got.text(lang))
                }
            }
            F::CellNotText { got } => {
                if sv {
                    format!("måste vara text, fick {}", got.text(lang))
                } else {
                    format!("must be text, got {}", got.text(lang))
                }
            }
            F::CellNotANumber { got } => {
                if sv {
                    format!("måste vara ett tal, fick {}", got.text(lang))
                } else {
                    format!("must be a number, got {}", got.text(lang))
                }
            }
            F::CellNotYesNo { got } => {
                if sv {
                    format!("måste vara ja eller nej (eller tom), fick {}", got.text(lang))
                } else {
                    format!("must be yes or no (or empty), got {}", got.text(lang))
                }
            }
            F::UnknownActorName { got, outside, expected } => {
                let list = expected.join(", ");
                if sv {
                    format!("okänd aktör {got:?} (ange {outside} eller en av: {list})")
                } else {
                    format!("unknown actor {got:?} (expected {outside} or one of: {list})")
                }
            }
            F::DuplicateState { id } => {
                if sv {
                    format!("tillståndet {id:?} finns två gånger i tabellen")
                } else {
                    format!("the state {id:?} is listed twice")
                }
            }
            F::FlowOfUnknownState { id } => {
                if sv {
                    format!("ett flöde för tillståndet {id:?}, som inte finns i tillståndstabellen ovanför")
                } else {
                    format!("a flow of the state {id:?}, which is not in the state table above")
                }
            }
            F::DuplicateCohort { number } => {
                if sv {
                    format!("gruppnumret {number} används två gånger")
                } else {
                    format!("the cohort number {number} is used twice")
                }
            }
            F::OutcomeOfUnknownCohort { number } => {
                if sv {
                    format!("ett utfall för grupp {number:?}, som inte finns i grupptabellen ovanför")
                } else {
                    format!("an outcome of cohort {number:?}, which is not in the cohort table above")
                }
            }
            F::StepOfUnknownOutcome { cohort, outcome } => {
                if sv {
                    format!("ett steg för utfall {outcome:?} i grupp {cohort:?}, som inte finns i utfallstabellen ovanför")
                } else {
                    format!("a step of outcome {outcome:?} of cohort {cohort:?}, which is not in the outcome table above")
                }
            }
            F::NoFlowTable { headers } => {
                if sv {
                    format!("ingen flödestabell: en rad med rubrikerna {} under tillståndstabellen", headers.join(", "))
                } else {
                    format!("no flow table: a row with the headers {} below the state table", headers.join(", "))
                }
            }
            F::NoOutcomeTable { headers } => {
                if sv {
                    format!("ingen utfallstabell: en rad med rubrikerna {} under grupptabellen", headers.join(", "))
                } else {
                    format!("no outcome table: a row with the headers {} below the cohort table", headers.join(", "))
                }
            }
            F::NoStepTable { headers } => {
                if sv {
                    format!("ingen tabell över stegen: en rad med rubrikerna {} under utfallstabellen", headers.join(", "))
                } else {
                    format!("no table of steps: a row with the headers {} below the outcome table", headers.join(", "))
                }
            }
            F::CannotWriteWorkbook { detail } => {
                if sv {
                    format!("arbetsboken kan inte skrivas: {detail}")
                } else {
                    format!("cannot write the workbook: {detail}")
                }
            }
            F::NotBuiltIn { id, expected } => {
                if sv {
                    format!("{id:?} är inget inbyggt tillstånd (inbyggda: {})", list(expected, lang))
                } else {
                    format!("{id:?} is not a built-in state (built in: {})", expected.join(", "))
                }
            }
            F::NotAFlowOf { state, label, labels } => {
                let quoted: Vec<String> = labels.iter().map(|l| format!("{l:?}")).collect();
                if sv {
                    format!(
                        "det inbyggda tillståndet {state} har inget flöde {label:?} att ändra eller ta bort (dess flöden: {}); ett nytt flöde behöver amount",
                        list(&quoted, lang)
                    )
                } else {
                    format!(
                        "the built-in state {state} has no flow {label:?} to change or remove (its flows: {}); a new flow needs amount",
                        quoted.join(", ")
                    )
                }
            }
            F::RemoveWithChanges { fields } => {
                if sv {
                    format!("remove = true tar bort hela posten: ange inte också {}", list(fields, lang))
                } else {
                    format!("remove = true removes the whole entry: do not also give {}", fields.join(", "))
                }
            }
            F::DecimalComma { got, suggested } => {
                if sv {
                    format!("decimaltecknet är punkt i scenariot: skriv {suggested}, inte {got:?}")
                } else {
                    format!("decimals are written with a point: write {suggested}, not {got:?}")
                }
            }
            F::SumNotOneByRounding { sum, difference } => {
                let (sum, difference) = (number(*sum, lang, Unit::Number), number(*difference, lang, Unit::Number));
                if sv {
                    format!(
                        "finansieringsandelarna summerar till {sum}, inte exakt 1: skillnaden {difference} kommer av avrundade decimaltal (som 1/3 skrivet 0.3333333333333333); skriv andelar med exakta decimaler som går jämnt upp, t.ex. \"0.33\", \"0.33\" och \"0.34\", gärna som text"
                    )
                } else {
                    format!(
                        "the financing shares sum to {sum}, not exactly 1: the difference {difference} comes from rounded decimals (such as 1/3 written 0.3333333333333333); write shares with exact decimals that add up, e.g. \"0.33\", \"0.33\" and \"0.34\", preferably as text"
                    )
                }
            }
            F::EmptyText => (if sv {
                "texten är tom: skriv något, eller utelämna fältet"
            } else {
                "the text is empty: write something, or leave the field out"
            })
            .into(),
            F::TextTooLong { max, got } => {
                if sv {
                    format!("texten är för lång: {} tecken, högst {} tillåts", count(*got, lang), count(*max, lang))
                } else {
                    format!("the text is too long: {got} characters, at most {max} allowed")
                }
            }
            F::Internal { detail } => {
                if sv {
                    format!("internt fel i samkalk ({detail}); rapportera det tillsammans med scenariot")
                } else {
                    format!("internal error in samkalk ({detail}); please report it with the scenario")
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn range_message(
    lang: Lang,
    min: Decimal,
    max: Option<Decimal>,
    min_exclusive: bool,
    max_exclusive: bool,
    got: Decimal,
    unit: Unit,
    note: Option<RangeNote>,
) -> String {
    let n = |x: Decimal| number(x, lang, unit);
    let (lo, hi) = (n(min), max.map(n));
    let mut out = match (lang, &hi, min_exclusive, max_exclusive) {
        (Lang::En, Some(hi), false, false) => format!("must be between {lo} and {hi}"),
        (Lang::En, Some(hi), false, true) => format!("must be at least {lo} and below {hi}"),
        (Lang::En, Some(hi), true, false) => format!("must be above {lo} and at most {hi}"),
        (Lang::En, Some(hi), true, true) => format!("must be above {lo} and below {hi}"),
        (Lang::En, None, false, _) => format!("must be at least {lo}"),
        (Lang::En, None, true, _) => format!("must be above {lo}"),
        (Lang::Sv, Some(hi), false, false) => format!("måste vara mellan {lo} och {hi}"),
        (Lang::Sv, Some(hi), false, true) => format!("måste vara minst {lo} och under {hi}"),
        (Lang::Sv, Some(hi), true, false) => format!("måste vara över {lo} och högst {hi}"),
        (Lang::Sv, Some(hi), true, true) => format!("måste vara över {lo} och under {hi}"),
        (Lang::Sv, None, false, _) => format!("måste vara minst {lo}"),
        (Lang::Sv, None, true, _) => format!("måste vara över {lo}"),
    };
    // A share in Swedish also reads in percent, as the page's fields take it.
    let pct = |x: Decimal| x.checked_mul(Decimal::ONE_HUNDRED).map(|p| number(p, Lang::Sv, Unit::Number));
    if lang == Lang::Sv && unit == Unit::Share {
        if let (Some(a), Some(b)) = (pct(min), max.map(pct)) {
            match b {
                Some(b) => out.push_str(&format!(" ({a}–{b} %)")),
                None => out.push_str(&format!(" ({a} %)")),
            }
        }
        out.push_str(&format!(", fick {}", n(got)));
        if let Some(p) = pct(got) {
            out.push_str(&format!(" ({p} %)"));
        }
    } else if lang == Lang::Sv {
        out.push_str(&format!(", fick {}", n(got)));
    } else {
        out.push_str(&format!(", got {}", n(got)));
    }
    if let Some(RangeNote::BeforeIntervention) = note {
        out.push_str(match lang {
            Lang::En => " (a move cannot come before the intervention starts)",
            Lang::Sv => " (en övergång kan inte ske innan insatsen börjar)",
        });
    }
    out
}

impl Context {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Context::Parameter { path }, _) => format!("{path}: "),
            (Context::With { path }, Lang::En) => format!("with {path}: "),
            (Context::With { path }, Lang::Sv) => format!("med {path}: "),
            (Context::Draw { draw }, Lang::En) => format!("draw {draw}: "),
            (Context::Draw { draw }, Lang::Sv) => format!("dragning {draw}: "),
            (Context::InvalidDraw { draw, values }, _) => {
                let shown: Vec<String> = values.iter().map(|(p, x)| format!("{p} = {}", number(*x, lang, Unit::Number))).collect();
                match lang {
                    Lang::En => format!("draw {draw} ({}) makes the scenario invalid: ", shown.join(", ")),
                    Lang::Sv => format!("dragning {draw} ({}) gör scenariot ogiltigt: ", shown.join("; ")),
                }
            }
        }
    }
}

/// A scenario that cannot be calculated: every fault found, each with its path.
///
/// ```
/// use samkalk::{FaultCode, ScenarioError};
/// let err: ScenarioError = samkalk::Scenario::from_json(r#"{"start_year": 1800, "horizon_years": 0}"#).unwrap_err();
/// // Every fault found, not just the first.
/// assert_eq!(err.errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["start_year", "horizon_years"]);
/// assert!(err.errors.iter().all(|e| e.code() == FaultCode::OutOfRange));
/// assert!(err.to_string().starts_with("invalid scenario: start_year: must be between 1900 and 2200, got 1800; horizon_years: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid scenario: {}", .errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
pub struct ScenarioError {
    /// Every fault, in the order found.
    pub errors: Vec<FieldError>,
}

impl From<Vec<FieldError>> for ScenarioError {
    fn from(errors: Vec<FieldError>) -> Self {
        ScenarioError { errors }
    }
}

impl From<FieldError> for ScenarioError {
    fn from(error: FieldError) -> Self {
        ScenarioError { errors: vec![error] }
    }
}

impl JsonError {
    /// The fault at the document's root (path `""`). (Here, not in `value`, which faults
    /// build on.)
    ///
    /// ```
    /// let e = samkalk::parse_json("{").unwrap_err().fault();
    /// assert_eq!((e.path.as_str(), e.code()), ("", samkalk::FaultCode::NotJson));
    /// ```
    pub fn fault(&self) -> FieldError {
        FieldError::new("", Fault::NotJson { offset: self.offset as u64, detail: self.message.clone() })
    }
}
