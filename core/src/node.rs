//! An input document as the scenario reader reads it, whatever holds it: the engine's own
//! [`Value`] tree, or a binding's view of its host's objects (the Python binding reads a dict
//! in place). The reader asks a [`Node`] only what a [`Value`] would answer.

use std::borrow::Cow;

use crate::error::ValueKind;
use crate::value::{Key, Value};

/// A node of an input document as the scenario reader reads it: a [`Value`] of the engine's
/// own tree (`&Value`), or a binding's view of its host's objects read where they are, without
/// building a tree first (the Python binding reads a dict so). Each method answers as the same
/// document made into a [`Value`] would, so that reading either gives the same scenario and
/// the same faults.
///
/// ```
/// use samkalk::node::Node;
/// use samkalk::{parse_json, ValueKind};
/// let doc = parse_json(r#"{"participants": 20, "origin": "AM2", "outcomes": [null]}"#).unwrap();
/// let members: Vec<(&str, ValueKind)> = (&doc).members().unwrap().map(|(k, v)| (k, Node::kind(v))).collect();
/// assert_eq!(members, [("participants", ValueKind::Number), ("origin", ValueKind::Text), ("outcomes", ValueKind::List)]);
/// assert_eq!(Node::number(doc.get("participants").unwrap()).as_deref(), Some("20"));
/// assert_eq!(Node::text(doc.get("origin").unwrap()), Some("AM2"));
/// assert_eq!(Node::items(doc.get("outcomes").unwrap()).map(|items| items.len()), Some(1));
/// // Read as a scenario it is a cohort in the wrong place: the reader names the field.
/// let errors = samkalk::Scenario::from_node(&doc).unwrap_err().errors;
/// assert_eq!((errors[0].path.as_str(), errors[0].code()), ("participants", samkalk::FaultCode::UnknownField));
/// ```
pub trait Node<'v>: Copy {
    /// A list's elements, in order.
    type Items: ExactSizeIterator<Item = Self>;
    /// An object's members, in input order, duplicates included.
    type Members: ExactSizeIterator<Item = (&'v str, Self)> + Clone;
    /// What kind of value it is.
    fn kind(self) -> ValueKind;
    /// `true` or `false`; None for any other kind.
    fn boolean(self) -> Option<bool>;
    /// The text of a string; None for any other kind (a number is not text).
    fn text(self) -> Option<&'v str>;
    /// The spelling of a number ([`Value::Number`]); None for any other kind.
    fn number(self) -> Option<Cow<'v, str>>;
    /// A list's elements; None for any other kind.
    fn items(self) -> Option<Self::Items>;
    /// An object's members; None for any other kind.
    fn members(self) -> Option<Self::Members>;
}

/// The members of a [`Value::Object`] as a [`Node`] gives them.
#[derive(Clone)]
pub struct Members<'v>(std::slice::Iter<'v, (Key, Value)>);

impl<'v> Iterator for Members<'v> {
    type Item = (&'v str, &'v Value);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&**k, v))
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Members<'_> {}

impl<'v> Node<'v> for &'v Value {
    type Items = std::slice::Iter<'v, Value>;
    type Members = Members<'v>;

    #[inline]
    fn kind(self) -> ValueKind {
        ValueKind::of(self)
    }
    #[inline]
    fn boolean(self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    #[inline]
    fn text(self) -> Option<&'v str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    #[inline]
    fn number(self) -> Option<Cow<'v, str>> {
        match self {
            Value::Number(t) => Some(Cow::Borrowed(t)),
            _ => None,
        }
    }
    #[inline]
    fn items(self) -> Option<Self::Items> {
        match self {
            Value::Array(items) => Some(items.iter()),
            _ => None,
        }
    }
    #[inline]
    fn members(self) -> Option<Self::Members> {
        match self {
            Value::Object(members) => Some(Members(members.iter())),
            _ => None,
        }
    }
}
