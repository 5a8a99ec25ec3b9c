//! The input tree every layer hands to the engine: JSON's shape, with numbers kept as the text
//! that spells them and object members kept in order, duplicates included, so that validation
//! can report a duplicate key and read numbers exactly.

use std::borrow::Cow;

use crate::number::float_text;

/// An object member's name. The JSON reader borrows the formats' own field names (below)
/// instead of allocating one string per member; any other name is owned.
///
/// ```
/// use std::borrow::Cow;
/// use samkalk::{parse_json, Value};
///
/// let Value::Object(members) = parse_json(r#"{"share": "0.5", "min_egen": 1}"#).unwrap() else { panic!() };
/// let keys: Vec<&samkalk::Key> = members.iter().map(|(k, _)| k).collect();
/// assert!(matches!(keys[0], Cow::Borrowed("share")));
/// assert!(matches!(keys[1], Cow::Owned(name) if name == "min_egen"));
/// ```
pub type Key = Cow<'static, str>;

/// A parsed input document: what [`parse_json`], `value::parse_toml` or a binding's converter
/// makes, and what `Scenario::from_value` reads.
///
/// ```
/// use samkalk::{parse_json, Value};
///
/// let doc = parse_json(r#"{"start_year": 2026, "discount_rate": 0.035, "cohorts": []}"#).unwrap();
/// // The number keeps its spelling: no float in between.
/// assert_eq!(doc.get("discount_rate"), Some(&Value::Number("0.035".into())));
/// assert_eq!(doc.get("cohorts"), Some(&Value::Array(vec![])));
/// assert_eq!(doc.get("horizon_years"), None);
/// let scenario = samkalk::Scenario::from_value(&doc).unwrap();
/// assert_eq!(scenario.discount_rate.to_string(), "0.035");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as spelled (JSON text, or the shortest text of a host float or integer).
    Number(String),
    /// Text.
    String(String),
    /// Elements in order.
    Array(Vec<Value>),
    /// Members in input order; a key may repeat (validation reports it).
    Object(Vec<(Key, Value)>),
}

impl Value {
    /// A number from a host integer.
    ///
    /// ```
    /// assert_eq!(samkalk::Value::from_i64(-20), samkalk::Value::Number("-20".into()));
    /// ```
    pub fn from_i64(n: i64) -> Value {
        Value::Number(n.to_string())
    }

    /// A number from a host float, through its shortest decimal representation: the digits a
    /// person typed into a host language come through as typed, not as the float's binary value.
    ///
    /// ```
    /// use samkalk::Value;
    /// assert_eq!(Value::from_f64(0.1), Value::Number("0.1".into()));
    /// assert_eq!(Value::from_f64(40000.0), Value::Number("40000.0".into()));
    /// ```
    pub fn from_f64(x: f64) -> Value {
        Value::Number(float_text(x))
    }

    /// What kind of value this is, for messages.
    ///
    /// ```
    /// use samkalk::Value;
    /// assert_eq!(Value::from_i64(3).kind(), "a number");
    /// assert_eq!(Value::String("3".into()).kind(), "text");
    /// assert_eq!(Value::Object(vec![]).kind(), "an object");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }

    /// The first member named `key` of an object; None for a missing member and for any value
    /// that is not an object.
    ///
    /// ```
    /// use samkalk::{parse_json, Value};
    /// let doc = parse_json(r#"{"name": "A", "name": "B"}"#).unwrap();
    /// assert_eq!(doc.get("name"), Some(&Value::String("A".into())));
    /// assert_eq!(Value::Null.get("name"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Declares [`field_name`] over the names the scenario and analysis formats use as keys.
macro_rules! field_names {
    ($($name:literal),* $(,)?) => {
        /// The `'static` spelling of a member name the formats use (scenario, analysis request,
        /// actor ids), so that reading it needs no allocation; None for any other name.
        ///
        /// ```
        /// use samkalk::value::field_name;
        /// assert_eq!(field_name("counterfactual_share"), Some("counterfactual_share"));
        /// assert_eq!(field_name("Share"), None);
        /// ```
        pub fn field_name(name: &str) -> Option<&'static str> {
            match name {
                $($name => Some($name),)*
                _ => None,
            }
        }
    };
}

field_names!(
    // Scenario and tax.
    "version",
    "name",
    "start_year",
    "price_year",
    "horizon_years",
    "discount_rate",
    "tax",
    "states",
    "cohorts",
    "municipal_rate",
    "regional_rate",
    "employer_contribution_rate",
    "method",
    "municipality",
    "year",
    "equalisation",
    // States, flows, earnings, `extends`.
    "label",
    "description",
    "flows",
    "earnings",
    "extends",
    "remove",
    "payer",
    "payee",
    "amount",
    "source",
    "note",
    "investment",
    "taxable",
    "monthly_wage",
    "employment_rate",
    "productivity",
    // Cohorts, interventions, outcomes, moves.
    "origin",
    "participants",
    "intervention",
    "outcomes",
    "cost_per_participant",
    "fixed_cost",
    "optimism_bias",
    "duration_months",
    "start_month",
    "financing",
    "target",
    "share",
    "counterfactual_share",
    "deadweight",
    "attribution",
    "displacement",
    "retention",
    "lag_months",
    "then",
    "from",
    "to",
    "after_months",
    "every_months",
    // Actor ids (financing keys).
    "employment_service",
    "social_insurance",
    "region",
    "state",
    "employer",
    "individual",
    // Analysis requests.
    "sweep",
    "grid",
    "tornado",
    "switching",
    "monte_carlo",
    "parameter",
    "values",
    "parameters",
    "low",
    "high",
    "actor",
    "draws",
    "seed",
    "keep_draws",
    "distribution",
    "kind",
    "mode",
    "lambda",
    "mean",
    "sd",
    "alpha",
    "beta",
    "weights",
);

/// Deepest nesting the JSON reader accepts; deeper input is an error, not a stack overflow.
///
/// ```
/// use samkalk::{parse_json, value::MAX_DEPTH};
/// let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
/// assert!(parse_json(&nested(MAX_DEPTH + 1)).is_ok());
/// assert!(parse_json(&nested(MAX_DEPTH + 2)).is_err());
/// ```
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, with the byte offset where reading stopped.
///
/// ```
/// let e: samkalk::value::JsonError = samkalk::parse_json(r#"{"share": 0,5}"#).unwrap_err();
/// assert_eq!(e.offset, 12);
/// assert_eq!(e.to_string(), "not valid JSON at byte 12: expected a member name in quotes");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset in the text where reading stopped.
    pub offset: usize,
    /// What was wrong there.
    pub message: String,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not valid JSON at byte {}: {}", self.offset, self.message)
    }
}

/// The first character of a document after a leading byte-order mark and whitespace (None
/// for an empty one): how a caller tells JSON text (`{`, `[`) from TOML or a file's path.
///
/// ```
/// use samkalk::value::first_char;
/// assert_eq!(first_char("\u{FEFF}\n  {\"start_year\": 2026}"), Some('{'));
/// assert_eq!(first_char("start_year = 2026"), Some('s'));
/// assert_eq!(first_char(" \n"), None);
/// ```
pub fn first_char(text: &str) -> Option<char> {
    text.strip_prefix('\u{FEFF}').unwrap_or(text).trim_start().chars().next()
}

/// Reads JSON text (RFC 8259) into a [`Value`], keeping number spellings and duplicate keys.
/// A leading UTF-8 byte-order mark (Windows Notepad writes one) is skipped, as the TOML reader
/// skips it; byte offsets in faults still count from the start of the text.
///
/// ```
/// use samkalk::{parse_json, Value};
///
/// let doc = parse_json("\u{FEFF}[1e2, 0.10, -0]").unwrap();
/// let spelled = ["1e2", "0.10", "-0"].map(|n| Value::Number(n.into()));
/// assert_eq!(doc, Value::Array(spelled.to_vec()));
/// // Nesting deeper than MAX_DEPTH is an error, not a stack overflow.
/// let deep = "[".repeat(samkalk::value::MAX_DEPTH + 2);
/// assert_eq!(parse_json(&deep).unwrap_err().message, "nested too deeply");
/// assert_eq!(parse_json("[1,]").unwrap_err().offset, 3);
/// ```
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    parse_tape(text).map(Tape::into_value)
}

/// One token of a [`Tape`]. A list or an object is followed by its elements (an object's as
/// name, value, name, value, ...) and knows where the token after its last element is, so a
/// reader steps over a whole member at once.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'a> {
    Null,
    Bool(bool),
    /// A number as spelled.
    Number(&'a str),
    /// Text without escapes, as it stands in the document.
    Text(&'a str),
    /// A member name that is one of the formats' own names ([`field_name`]).
    Name(&'static str),
    /// Text that had escapes: the index of its unescaped copy in [`Tape::unescaped`].
    Unescaped(usize),
    /// A list of `len` elements; the token after the last one is at `end`.
    List {
        len: usize,
        end: usize,
    },
    /// An object of `len` members; the token after the last one is at `end`.
    Object {
        len: usize,
        end: usize,
    },
}

/// A JSON document read into one flat list of tokens instead of a tree: numbers and texts
/// without escapes stay where they are in the document, so reading allocates the list and
/// nothing per value. [`parse_json`] builds its [`Value`] from a tape, so the two read the same
/// grammar and give the same errors; the scenario reader reads a tape directly
/// (`samkalk::node`).
pub(crate) struct Tape<'a> {
    pub(crate) tokens: Vec<Token<'a>>,
    pub(crate) unescaped: Vec<String>,
}

/// Reads JSON text onto a [`Tape`]: [`parse_json`] without building the tree.
pub(crate) fn parse_tape(text: &str) -> Result<Tape<'_>, JsonError> {
    let start = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
    // A scenario's compact JSON has about one token per ten bytes (002.json: 244 in 2,403), so
    // an eighth of its length is room enough.
    let tokens = Vec::with_capacity(text.len() / 8 + 4);
    let mut reader = JsonReader { bytes: text.as_bytes(), text, pos: start, tokens, unescaped: Vec::new() };
    reader.skip_ws();
    reader.value(0)?;
    reader.skip_ws();
    if reader.pos != reader.bytes.len() {
        return Err(reader.error("unexpected text after the value"));
    }
    Ok(Tape { tokens: reader.tokens, unescaped: reader.unescaped })
}

impl Tape<'_> {
    /// The token after the value at `at` and all it holds.
    #[inline]
    pub(crate) fn after(&self, at: usize) -> usize {
        match self.tokens[at] {
            Token::List { end, .. } | Token::Object { end, .. } => end,
            _ => at + 1,
        }
    }

    /// The document as a [`Value`] tree.
    fn into_value(mut self) -> Value {
        let mut at = 0;
        let mut unescaped = std::mem::take(&mut self.unescaped);
        self.value_at(&mut at, &mut unescaped)
    }

    fn value_at(&self, at: &mut usize, unescaped: &mut [String]) -> Value {
        let token = self.tokens[*at];
        *at += 1;
        match token {
            Token::Null => Value::Null,
            Token::Bool(b) => Value::Bool(b),
            Token::Number(n) => Value::Number(n.to_string()),
            Token::Text(t) => Value::String(t.to_string()),
            Token::Name(t) => Value::String(t.to_string()),
            Token::Unescaped(k) => Value::String(std::mem::take(&mut unescaped[k])),
            Token::List { len, .. } => Value::Array((0..len).map(|_| self.value_at(at, unescaped)).collect()),
            Token::Object { len, .. } => {
                let mut members = Vec::with_capacity(len);
                for _ in 0..len {
                    let key = match self.tokens[*at] {
                        Token::Name(name) => Cow::Borrowed(name),
                        Token::Text(t) => Cow::Owned(t.to_string()),
                        Token::Unescaped(k) => Cow::Owned(std::mem::take(&mut unescaped[k])),
                        // The reader writes a text token before every member's value.
                        _ => Cow::Borrowed(""),
                    };
                    *at += 1;
                    members.push((key, self.value_at(at, unescaped)));
                }
                Value::Object(members)
            }
        }
    }
}

struct JsonReader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    tokens: Vec<Token<'a>>,
    unescaped: Vec<String>,
}

impl<'a> JsonReader<'a> {
    fn error(&self, message: &str) -> JsonError {
        JsonError { offset: self.pos, message: message.to_string() }
    }

    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, literal: &str) -> bool {
        if self.bytes[self.pos..].starts_with(literal.as_bytes()) {
            self.pos += literal.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        let token = match self.bytes.get(self.pos) {
            None => return Err(self.error("unexpected end of text")),
            Some(b'{') => return self.container(depth, true),
            Some(b'[') => return self.container(depth, false),
            Some(b'"') => self.text_token(false)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                if self.eat("null") {
                    Token::Null
                } else if self.eat("true") {
                    Token::Bool(true)
                } else if self.eat("false") {
                    Token::Bool(false)
                } else {
                    return Err(self.error("expected a JSON value"));
                }
            }
        };
        self.tokens.push(token);
        Ok(())
    }

    /// A list or an object, from its opening bracket: its token, then each element (an
    /// object's as a name token and the value's tokens).
    fn container(&mut self, depth: usize, object: bool) -> Result<(), JsonError> {
        let (close, expected) = if object { ("}", "expected ',' or '}'") } else { ("]", "expected ',' or ']'") };
        self.pos += 1;
        let at = self.tokens.len();
        self.tokens.push(Token::Null); // the container's token, written once its end is known
        let mut len = 0;
        self.skip_ws();
        if !self.eat(close) {
            loop {
                self.skip_ws();
                if object {
                    self.member_name()?;
                }
                self.value(depth + 1)?;
                len += 1;
                self.skip_ws();
                if self.eat(",") {
                    continue;
                }
                if self.eat(close) {
                    break;
                }
                return Err(self.error(expected));
            }
        }
        let end = self.tokens.len();
        self.tokens[at] = if object { Token::Object { len, end } } else { Token::List { len, end } };
        Ok(())
    }

    /// A member's name and its colon, up to its value.
    fn member_name(&mut self) -> Result<(), JsonError> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a member name in quotes"));
        }
        let name = self.text_token(true)?;
        self.tokens.push(name);
        self.skip_ws();
        if !self.eat(":") {
            return Err(self.error("expected ':' after a member name"));
        }
        self.skip_ws();
        Ok(())
    }

    fn number(&mut self) -> Result<Token<'a>, JsonError> {
        let start = self.pos;
        while matches!(self.bytes.get(self.pos), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.pos += 1;
        }
        let text: &'a str = self.text;
        let spelled = &text[start..self.pos];
        if !crate::number::is_number_spelling(spelled) {
            self.pos = start;
            return Err(self.error("malformed number"));
        }
        Ok(Token::Number(spelled))
    }

    /// A text at the opening quote: borrowed from the document when it has no escapes (a
    /// member name that is one of the formats' own names as that constant), else unescaped.
    fn text_token(&mut self, name: bool) -> Result<Token<'a>, JsonError> {
        let first = self.pos + 1;
        self.pos = first;
        self.skip_plain_text();
        if self.bytes.get(self.pos) == Some(&b'"') {
            let text: &'a str = self.text;
            let plain = &text[first..self.pos];
            self.pos += 1;
            return Ok(match if name { field_name(plain) } else { None } {
                Some(known) => Token::Name(known),
                None => Token::Text(plain),
            });
        }
        self.pos = first - 1;
        let text = self.string()?;
        self.unescaped.push(text);
        Ok(Token::Unescaped(self.unescaped.len() - 1))
    }

    /// Moves past text that needs no unescaping: up to the next `"`, `\\` or control
    /// character (or the end). Eight bytes at a time; the first such byte in a word is found
    /// from its flag bits, so only the text's last few bytes are looked at one by one.
    fn skip_plain_text(&mut self) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let has_byte = |w: u64, b: u8| (w ^ (ONES * u64::from(b))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b))) & HIGHS;
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            // A flag (the high bit of a byte) for a byte below 0x20, a quote or a backslash.
            // A flag can be set wrongly only above a byte rightly flagged (a borrow carries
            // upward), so the lowest flag, the first byte in little-endian order, is exact.
            let flags = (w.wrapping_sub(ONES * 0x20) & !w & HIGHS) | has_byte(w, b'"') | has_byte(w, b'\\');
            if flags != 0 {
                self.pos += (flags.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or_else(|| self.error("short \\u escape"))?;
        let mut code = 0u32;
        for &b in digits {
            let v = (b as char).to_digit(16).ok_or_else(|| self.error("bad \\u escape"))?;
            code = code * 16 + v;
        }
        self.pos += 4;
        Ok(code)
    }

    /// A text with escapes, from its opening quote (one without is borrowed: [`Self::text_token`]).
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            self.skip_plain_text();
            // The input is a &str and we stop only at ASCII bytes, so this slice is on char boundaries.
            out.push_str(&self.text[start..self.pos]);
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated text")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = *self.bytes.get(self.pos).ok_or_else(|| self.error("unterminated escape"))?;
                    self.pos += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if !self.eat("\\u") {
                                    return Err(self.error("lone surrogate in \\u escape"));
                                }
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error("lone surrogate in \\u escape"));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.error("lone surrogate in \\u escape"))?);
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("unknown escape"));
                        }
                    }
                }
                Some(_) => return Err(self.error("control character in text")),
            }
        }
    }
}

/// Writes a [`Value`] back as JSON text (numbers as spelled, members in order, compact).
///
/// ```
/// use samkalk::{parse_json, value::to_json};
/// let text = r#"{"share":0.60,"name":"Å \"A\"","then":[null,true]}"#;
/// assert_eq!(to_json(&parse_json(text).unwrap()), text);
/// ```
pub fn to_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if crate::number::is_number_spelling(n) => out.push_str(n),
        // Non-finite host floats have no JSON spelling; writing them as text keeps the
        // document valid and the number field still reports them.
        Value::Number(n) | Value::String(n) => out.push_str(&serde_json::to_string(n).unwrap_or_default()),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                write_json(v, out);
            }
            out.push('}');
        }
    }
}

/// A key from a name another reader produced: borrowed when it is one of the formats' names.
///
/// ```
/// use std::borrow::Cow;
/// use samkalk::value::owned_key;
/// assert!(matches!(owned_key("participants"), Cow::Borrowed("participants")));
/// assert!(matches!(owned_key("egen"), Cow::Owned(_)));
/// ```
pub fn owned_key(name: &str) -> Key {
    match field_name(name) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(name.to_string()),
    }
}

/// Reads TOML text into a [`Value`]. TOML floats go through their shortest representation,
/// as MODEL.md says; dates and times are not numbers and come through as text. The error is
/// the TOML reader's message.
///
/// ```
/// use samkalk::{value::parse_toml, Value};
/// let doc = parse_toml("start_year = 2026\ndiscount_rate = 0.035\n[tax]\nmethod = \"rules\"").unwrap();
/// assert_eq!(doc.get("discount_rate"), Some(&Value::Number("0.035".into())));
/// assert_eq!(doc.get("tax").and_then(|t| t.get("method")), Some(&Value::String("rules".into())));
/// assert!(parse_toml("start_year = ").is_err());
/// ```
#[cfg(feature = "toml")]
pub fn parse_toml(text: &str) -> Result<Value, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    Ok(from_toml(&toml::Value::Table(table)))
}

#[cfg(feature = "toml")]
fn from_toml(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from_i64(*i),
        toml::Value::Float(f) => Value::from_f64(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(from_toml).collect()),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| (owned_key(k), from_toml(v))).collect()),
    }
}

/// Any serde format can produce a [`Value`]. Floats arrive as `f64` here and go through their
/// shortest representation; use [`parse_json`] for JSON to keep every digit.
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON-like value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from_i64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from_f64(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        serde::Deserialize::deserialize(d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(4);
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        // Scenario objects have at most nine members: one allocation, no regrowth.
        let mut members = Vec::with_capacity(8);
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            members.push((Cow::Owned(k), v));
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_number_text_and_duplicates() {
        let v = parse_json(r#"{"a": 0.10, "a": "x", "b": [1e2, -0, true, null]}"#).unwrap();
        assert_eq!(
            v,
            Value::Object(vec![
                ("a".into(), Value::Number("0.10".into())),
                ("a".into(), Value::String("x".into())),
                ("b".into(), Value::Array(vec![Value::Number("1e2".into()), Value::Number("-0".into()), Value::Bool(true), Value::Null])),
            ])
        );
    }

    #[test]
    fn rejects_non_json() {
        for bad in ["NaN", "{", "[1,]", "{\"a\":1,}", "01", "+1", "\"\\x\"", "\"a", "1 2", "", "{'a':1}", "\"\\ud800\""] {
            assert!(parse_json(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse_json(&deep).is_err());
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_offsets_count_it() {
        assert_eq!(parse_json("\u{FEFF}{\"a\": 1}").unwrap(), parse_json("{\"a\": 1}").unwrap());
        assert_eq!(parse_json("\u{FEFF}{\"a\" 1}").unwrap_err().offset, 8);
        // Only at the start: elsewhere it is not JSON whitespace.
        assert!(parse_json("{\u{FEFF}\"a\": 1}").is_err());
        assert!(parse_json("\u{FEFF}").is_err());
    }

    #[test]
    fn unicode_escapes() {
        assert_eq!(parse_json(r#""F\u00f6rs\ud83d\ude00""#).unwrap(), Value::String("Förs😀".into()));
    }

    #[test]
    fn round_trips_through_text() {
        let text = r#"{"a":0.10,"b":[1e2,"x\"y",null,false],"c":{}}"#;
        assert_eq!(to_json(&parse_json(text).unwrap()), text);
    }

    /// Random texts of quotes, backslashes, escapes, control characters, ASCII and multi-byte
    /// characters around the reader's eight-byte steps: read as a string and as a member name,
    /// each is accepted or refused exactly as serde_json does, with the same characters.
    #[test]
    fn texts_and_names_read_as_serde_json_reads_them_on_generated_inputs() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let pieces = [
            "a",
            "abcdefgh",
            "share",
            "ö",
            "😀",
            "\\\"",
            "\\\\",
            "\\n",
            "\\u00f6",
            "\\ud83d\\ude00",
            "\\ud800",
            "\\x",
            "\t",
            "\u{1}",
            "\\",
            "\"",
            " ",
            "lag_months",
            "AM2",
            // Bytes beside the flagged ones: 0x21 and 0x23 beside the quote, 0x5B and 0x5D
            // beside the backslash, 0x1F and 0x20 at the control limit, 0x7F, and U+00A0.
            "!#",
            "[]",
            "\u{1f}",
            "\u{7f}",
            "\u{a0}",
        ];
        let mut accepted = 0;
        for _ in 0..100_000 {
            let mut inner = String::new();
            for _ in 0..next(10) {
                inner.push_str(pieces[next(pieces.len() as u64) as usize]);
            }
            let text = format!("\"{inner}\"");
            let want = serde_json::from_str::<String>(&text).ok();
            let got = match parse_json(&text) {
                Ok(Value::String(s)) => Some(s),
                _ => None,
            };
            assert_eq!(got, want, "{text:?}");
            accepted += usize::from(want.is_some());
            let object = format!("{{{text}: 1}}");
            let got_key = match parse_json(&object) {
                Ok(Value::Object(members)) => Some(members[0].0.to_string()),
                _ => None,
            };
            assert_eq!(got_key, want, "{object:?}");
        }
        // Both sides of the line are exercised: many texts are valid, many are not.
        assert!((10_000..90_000).contains(&accepted), "{accepted}");
    }

    /// Every member name of the main example, written out in full, is one of the formats'
    /// names and read without allocating, except the states' ids.
    #[cfg(feature = "toml")]
    #[test]
    fn the_main_examples_names_are_all_borrowed_but_state_ids() {
        fn walk(value: &Value, under_states: bool, owned: &mut Vec<String>) {
            match value {
                Value::Object(members) => {
                    for (k, v) in members {
                        if matches!(k, Key::Owned(_)) && !under_states {
                            owned.push(k.to_string());
                        }
                        walk(v, k == "states", owned);
                    }
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, false, owned)),
                _ => {}
            }
        }
        let scenario = crate::Scenario::from_toml(include_str!("../../examples/programme.toml")).unwrap();
        let mut owned = Vec::new();
        walk(&parse_json(&scenario.to_json()).unwrap(), false, &mut owned);
        assert_eq!(owned, Vec::<String>::new());
    }

    #[test]
    fn the_formats_names_are_borrowed_and_other_names_owned() {
        let Value::Object(members) = parse_json(r#"{"share": 1, "AM2": 2, "sh\u0061re": 3}"#).unwrap() else { panic!() };
        assert!(matches!(members[0].0, Key::Borrowed("share")));
        assert!(matches!(&members[1].0, Key::Owned(k) if k == "AM2"));
        // An escaped spelling is the same name, read the slow way.
        assert_eq!(members[2].0, "share");
    }
}
