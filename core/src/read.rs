//! Reading an input document (any [`Node`]: a `Value` tree, or a binding's host objects) into
//! typed values, every fault at its path: the primitives the scenario reader and the analysis
//! reader share.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::error::{Expected, Fault, FieldError};
use crate::lang::Lang;
use crate::node::Node;
use crate::number::{is_integer_spelling, parse_decimal, NumberError};
use crate::path::Path;
use crate::value::Value;

/// An object's known members by name, first occurrence: the object's members, the names it
/// may have, which member gives each name, and which members were accepted (a bit per member
/// for the first 64, which is every scenario object; a list for the rest), so that reading an
/// object does not allocate.
pub(crate) struct Fields<'v, N: Node<'v> = &'v Value> {
    members: N::Members,
    known: &'v [&'v str],
    /// For each of the first [`SLOTS`] known names, the member that gives it, so that asking
    /// for a name costs no scan of the members.
    slots: [Option<N>; SLOTS],
    accepted: u64,
    accepted_beyond_64: Vec<usize>,
}

/// Known names with a slot: more than any object of the formats has (an outcome has nine).
const SLOTS: usize = 16;

/// Where `name` is in `known`. The names asked for and those of the formats' keys are the
/// same string constants as `known`'s, so comparing addresses finds them without comparing
/// text; any other spelling of a name is found by its text. Inlined as [`Fields::get`] is.
#[cfg_attr(not(target_family = "wasm"), inline(always))]
#[cfg_attr(target_family = "wasm", inline)]
fn position_in(known: &[&str], name: &str) -> Option<usize> {
    let same_constant = |k: &&str| std::ptr::eq(k.as_ptr(), name.as_ptr()) && k.len() == name.len();
    known.iter().position(same_constant).or_else(|| known.iter().position(|k| same_name(k, name)))
}

impl<'v, N: Node<'v>> Fields<'v, N> {
    fn is_accepted(&self, i: usize) -> bool {
        if i < 64 {
            self.accepted & (1 << i) != 0
        } else {
            self.accepted_beyond_64.contains(&i)
        }
    }

    // Always inlined natively: at a call site the name and the known names are constants,
    // which is what makes the lookup cheap. Never on WebAssembly, kept small: inlined at each
    // of its sixty-odd call sites it made the analysis module 12 KB larger.
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    #[cfg_attr(target_family = "wasm", inline(never))]
    pub(crate) fn get(&self, name: &str) -> Option<N> {
        match position_in(self.known, name)? {
            j if j < SLOTS => self.slots[j],
            _ => self.scan(name),
        }
    }

    /// [`Fields::get`] by scanning: a name's first occurrence is the accepted one, if any.
    fn scan(&self, name: &str) -> Option<N> {
        let (i, (_, v)) = self.members.clone().enumerate().find(|(_, (k, _))| same_name(k, name))?;
        self.is_accepted(i).then_some(v)
    }

    /// The members' names, in input order.
    pub(crate) fn names(&self) -> impl Iterator<Item = &'v str> + '_ {
        self.members.clone().enumerate().filter(|(i, _)| self.is_accepted(*i)).map(|(_, (k, _))| k)
    }
}

/// `a == b`, cheaper for the short, mostly different names of one object: the lengths and
/// first bytes decide most comparisons without a call to memcmp.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.first() != b.first() {
        return false;
    }
    // Eight bytes at a time, inline: the names are a few words long, and a call to memcmp
    // for each cost more than the comparison.
    let (mut a_words, mut b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    let words = (&mut a_words).zip(&mut b_words).all(|(x, y)| word(x) == word(y));
    words && a_words.remainder().iter().zip(b_words.remainder()).fold(0, |d, (x, y)| d | (x ^ y)) == 0
}

fn word(eight: &[u8]) -> u64 {
    eight.try_into().map(u64::from_ne_bytes).unwrap_or(0)
}

/// A value as a message shows it: numbers as spelled, text quoted, anything else by kind.
pub(crate) fn shown<'v>(value: impl Node<'v>) -> String {
    match (value.number(), value.text()) {
        (Some(t), _) => t.into_owned(),
        (None, Some(t)) => format!("{t:?}"),
        (None, None) => value.kind().text(Lang::En).to_string(),
    }
}

/// A number written with one decimal comma ("0,6", "-12,50"), spelled with a point instead;
/// None for anything else.
fn decimal_comma(text: &str) -> Option<String> {
    let (int, frac) = text.split_once(',')?;
    let suggested = format!("{int}.{frac}");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(int.strip_prefix('-').unwrap_or(int)) && digits(frac) && parse_decimal(&suggested).is_ok()).then_some(suggested)
}

/// Collects faults while reading; each document's reader adds its own `impl Reader` block.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<FieldError>,
    /// The scenario's method version once read and valid (1 or 2); None before, or when the
    /// version is invalid (then no field is judged against it).
    pub(crate) version: Option<i64>,
    /// Paths of the resolved scenario and the input paths they were read from, (resolved,
    /// input): a flow changed or added under `extends` is `flows[k]` in the resolved state and
    /// `flows.<label>` in the input.
    pub(crate) renames: Vec<(String, String)>,
}

impl Reader {
    pub(crate) fn fault(&mut self, path: &Path, fault: Fault) {
        self.errors.push(FieldError::new(path, fault));
    }

    /// An object with known member names: unknown members and duplicates are faults.
    pub(crate) fn object<'v, N: Node<'v>>(&mut self, value: N, path: &Path, known: &'v [&'v str]) -> Option<Fields<'v, N>> {
        let Some(members) = value.members() else {
            self.fault(path, Fault::WrongType { expected: Expected::Object, got: value.kind() });
            return None;
        };
        let mut fields = Fields { members: members.clone(), known, slots: [None; SLOTS], accepted: 0, accepted_beyond_64: Vec::new() };
        for (i, (k, v)) in members.enumerate() {
            let Some(j) = position_in(known, k) else {
                self.fault(&path.key(k), Fault::UnknownField { expected: known.iter().map(|k| k.to_string()).collect() });
                continue;
            };
            let seen = match fields.slots.get(j) {
                Some(slot) => slot.is_some(),
                None => fields.scan(k).is_some(),
            };
            if seen {
                self.fault(&path.key(k), Fault::DuplicateKey);
                continue;
            }
            if let Some(slot) = fields.slots.get_mut(j) {
                *slot = Some(v);
            }
            if i < 64 {
                fields.accepted |= 1 << i;
            } else {
                fields.accepted_beyond_64.push(i);
            }
        }
        Some(fields)
    }

    /// An object used as a map (states by id): duplicates are faults, the first one kept.
    pub(crate) fn map<'v, N: Node<'v>>(&mut self, value: N, path: &Path, limit: usize) -> Option<Vec<(&'v str, N)>> {
        let Some(members) = value.members() else {
            self.fault(path, Fault::WrongType { expected: Expected::Object, got: value.kind() });
            return None;
        };
        if members.len() > limit {
            self.fault(path, Fault::TooMany { max: limit as u64, got: members.len() as u64 });
            return None;
        }
        let mut out: Vec<(&str, N)> = Vec::with_capacity(members.len());
        for (k, v) in members {
            if out.iter().any(|(seen, _)| *seen == k) {
                self.fault(&path.key(k), Fault::DuplicateKey);
            } else {
                out.push((k, v));
            }
        }
        Some(out)
    }

    /// A list of `min..=max` entries; a list out of bounds is one fault at its path.
    pub(crate) fn list<'v, N: Node<'v>>(&mut self, value: N, path: &Path, min: usize, max: usize) -> Option<N::Items> {
        let Some(items) = value.items() else {
            self.fault(path, Fault::WrongType { expected: Expected::List, got: value.kind() });
            return None;
        };
        if items.len() > max || items.len() < min {
            let got = items.len() as u64;
            let fault = if min == 0 {
                Fault::TooMany { max: max as u64, got }
            } else {
                Fault::WrongCount { min: min as u64, max: max as u64, got }
            };
            self.fault(path, fault);
            return None;
        }
        Some(items)
    }

    /// A required member, read with `read`; a missing one is a fault at its path.
    pub(crate) fn required<'v, N: Node<'v>, T>(
        &mut self,
        value: Option<N>,
        path: &Path,
        read: impl FnOnce(&mut Self, N, &Path) -> Option<T>,
    ) -> Option<T> {
        match value {
            Some(v) => read(self, v, path),
            None => {
                self.fault(path, Fault::Missing { expected: Vec::new() });
                None
            }
        }
    }

    /// An exact decimal: a JSON number or a string spelled like one.
    pub(crate) fn decimal<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Option<Decimal> {
        let text = match (value.number(), value.text()) {
            (Some(t), _) => t,
            (None, Some(t)) => Cow::Borrowed(t),
            (None, None) => {
                self.fault(path, Fault::WrongType { expected: Expected::Number, got: value.kind() });
                return None;
            }
        };
        match parse_decimal(&text) {
            Ok(d) => Some(d),
            Err(NumberError::NotANumber) => {
                match decimal_comma(&text) {
                    Some(suggested) => self.fault(path, Fault::DecimalComma { got: text.into_owned(), suggested }),
                    None => self.fault(path, Fault::NotANumber { got: shown(value) }),
                }
                None
            }
            Err(NumberError::TooManyDecimals) => {
                self.fault(path, Fault::TooManyDecimals { got: text.into_owned() });
                None
            }
            Err(NumberError::OutOfRange) => {
                self.fault(path, Fault::TooLarge { got: Some(text.into_owned()) });
                None
            }
        }
    }

    pub(crate) fn opt_decimal<'v, N: Node<'v>>(&mut self, value: Option<N>, path: &Path) -> Option<Decimal> {
        value.and_then(|v| self.decimal(v, path))
    }

    /// A whole number written as a JSON integer (`20`, not `20.0`, `"20"` or `2e1`).
    pub(crate) fn int<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Option<i64> {
        match value.number() {
            Some(text) if is_integer_spelling(&text) => match text.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.fault(path, Fault::TooLarge { got: Some(text.into_owned()) });
                    None
                }
            },
            _ => {
                self.fault(path, Fault::NotAnInteger { got: shown(value) });
                None
            }
        }
    }

    pub(crate) fn opt_int<'v, N: Node<'v>>(&mut self, value: Option<N>, path: &Path) -> Option<i64> {
        value.and_then(|v| self.int(v, path))
    }

    pub(crate) fn text<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Option<String> {
        match value.text() {
            Some(s) => Some(s.to_owned()),
            None => {
                self.fault(path, Fault::WrongType { expected: Expected::Text, got: value.kind() });
                None
            }
        }
    }

    pub(crate) fn opt_text<'v, N: Node<'v>>(&mut self, value: Option<N>, path: &Path) -> String {
        value.and_then(|v| self.text(v, path)).unwrap_or_default()
    }
}

// Version 2: the gate on version-2 fields, and the one boolean field (`investment`).
impl Reader {
    /// True when a version-2 field at `path` may be read: the scenario is version 2. In a
    /// version-1 scenario the field is a fault that says to set `version = 2`.
    pub(crate) fn requires_v2(&mut self, path: &Path) -> bool {
        match self.version {
            Some(v) if v >= 2 => true,
            Some(_) => {
                self.errors.push(crate::limits::requires_v2_fault(path));
                false
            }
            None => false,
        }
    }

    /// `true` or `false`.
    pub(crate) fn boolean<'v, N: Node<'v>>(&mut self, value: N, path: &Path) -> Option<bool> {
        let b = value.boolean();
        if b.is_none() {
            self.fault(path, Fault::WrongType { expected: Expected::Boolean, got: value.kind() });
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::same_name;
    use super::{Reader, SLOTS};
    use crate::error::FaultCode;
    use crate::path::Path;
    use crate::value::{Key, Value};

    /// An object whose member names are owned texts, not the formats' constants.
    fn owned_object(members: &[(&str, i64)]) -> Value {
        Value::Object(members.iter().map(|(k, v)| (Key::Owned(k.to_string()), Value::Number(v.to_string()))).collect())
    }

    /// Names found by text when they are not the constants, first occurrence kept, duplicates
    /// and unknown names faults; also for a name beyond the slotted ones.
    #[test]
    fn fields_find_names_by_text_and_beyond_the_slots() {
        let many: Vec<String> = (0..SLOTS + 2).map(|i| format!("f{i}")).collect();
        let known: Vec<&str> = many.iter().map(String::as_str).collect();
        let last = known[SLOTS + 1];
        let value = owned_object(&[("f1", 1), (last, 2), ("f1", 3), ("other", 4), (last, 5)]);
        let mut r = Reader::default();
        let fields = r.object(&value, &Path::Root, &known).expect("an object");
        assert_eq!(fields.get("f1"), Some(&Value::Number("1".into())));
        assert_eq!(fields.get(last), Some(&Value::Number("2".into())));
        assert_eq!(fields.get("f0"), None);
        assert_eq!(fields.get("other"), None);
        assert_eq!(fields.names().collect::<Vec<_>>(), vec!["f1", last]);
        let faults: Vec<(String, FaultCode)> = r.errors.iter().map(|e| (e.path.clone(), e.fault.code())).collect();
        assert_eq!(
            faults,
            vec![
                ("f1".to_string(), FaultCode::DuplicateKey),
                ("other".to_string(), FaultCode::UnknownField),
                (last.to_string(), FaultCode::DuplicateKey)
            ]
        );
    }

    /// A scenario whose keys are owned texts (as a tree built in Rust may have) reads as the
    /// same scenario from JSON, whose keys are the formats' constants.
    #[test]
    fn a_tree_with_owned_keys_reads_as_its_json_does() {
        fn owned(v: &Value) -> Value {
            match v {
                Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (Key::Owned(k.to_string()), owned(v))).collect()),
                Value::Array(items) => Value::Array(items.iter().map(owned).collect()),
                other => other.clone(),
            }
        }
        let vector = crate::parse_json(include_str!("../../tests/vectors/002.json")).unwrap();
        let tree = vector.get("scenario").unwrap();
        assert!(matches!(tree, Value::Object(m) if matches!(m[0].0, Key::Borrowed(_))));
        let from_constants = crate::Scenario::from_value(tree).unwrap();
        assert_eq!(crate::Scenario::from_value(&owned(tree)).unwrap(), from_constants);
        assert_eq!(from_constants.cohorts.len(), 2);
    }

    #[test]
    fn same_name_is_string_equality() {
        let names = ["", "a", "b", "ab", "label", "payer", "payee", "amount", "monthly_wage", "monthly_wagf", "cost_per_participant"];
        for a in names {
            for b in names {
                assert_eq!(same_name(a, b), a == b, "{a:?} {b:?}");
            }
        }
        // A difference in every position of a name longer than a word, and in its tail.
        let long = "cost_per_participant_x";
        for i in 0..long.len() {
            let mut other = long.as_bytes().to_vec();
            other[i] ^= 1;
            assert!(!same_name(long, std::str::from_utf8(&other).unwrap()), "position {i}");
        }
        assert!(same_name(long, String::from(long).as_str()) && same_name("åäö", "åäö") && !same_name("åäö", "åäo\u{308}"));
    }
}
