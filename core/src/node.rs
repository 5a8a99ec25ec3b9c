//! An input document as the scenario reader reads it, whatever holds it: the engine's own
//! [`Value`] tree, the tape of tokens JSON text is read onto (`Scenario::from_json`: no tree
//! is built), or a binding's view of its host's objects (the Python binding reads a dict in
//! place). The reader asks a [`Node`] only what a [`Value`] would answer.

use std::borrow::Cow;

use crate::error::ValueKind;
use crate::value::{Key, Tape, Token, Value};

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

/// A node of a JSON document read onto a tape (what `Scenario::from_json` reads): the same
/// answers as the [`Value`] that [`crate::parse_json`] makes of the same text, without the
/// tree's allocations.
#[derive(Clone, Copy)]
pub(crate) struct TapeNode<'t> {
    tape: &'t Tape<'t>,
    at: usize,
}

impl<'t> TapeNode<'t> {
    /// The document's root.
    pub(crate) fn root(tape: &'t Tape<'t>) -> TapeNode<'t> {
        TapeNode { tape, at: 0 }
    }

    fn token(self) -> Token<'t> {
        self.tape.tokens[self.at]
    }

    fn text_at(tape: &'t Tape<'t>, at: usize) -> Option<&'t str> {
        match tape.tokens[at] {
            Token::Text(t) => Some(t),
            Token::Name(t) => Some(t),
            Token::Unescaped(k) => Some(&tape.unescaped[k]),
            _ => None,
        }
    }
}

/// The elements of a list, or the members of an object, on a tape.
#[derive(Clone)]
pub(crate) struct TapeItems<'t> {
    tape: &'t Tape<'t>,
    next: usize,
    left: usize,
}

impl<'t> Iterator for TapeItems<'t> {
    type Item = TapeNode<'t>;
    #[inline]
    fn next(&mut self) -> Option<TapeNode<'t>> {
        if self.left == 0 {
            return None;
        }
        let node = TapeNode { tape: self.tape, at: self.next };
        self.next = self.tape.after(self.next);
        self.left -= 1;
        Some(node)
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for TapeItems<'_> {}

/// The members of an object on a tape: each a name token, then its value.
#[derive(Clone)]
pub(crate) struct TapeMembers<'t>(TapeItems<'t>);

impl<'t> Iterator for TapeMembers<'t> {
    type Item = (&'t str, TapeNode<'t>);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let items = &mut self.0;
        if items.left == 0 {
            return None;
        }
        let name = TapeNode::text_at(items.tape, items.next).unwrap_or("");
        let value = TapeNode { tape: items.tape, at: items.next + 1 };
        items.next = items.tape.after(items.next + 1);
        items.left -= 1;
        Some((name, value))
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for TapeMembers<'_> {}

impl<'t> Node<'t> for TapeNode<'t> {
    type Items = TapeItems<'t>;
    type Members = TapeMembers<'t>;

    #[inline]
    fn kind(self) -> ValueKind {
        match self.token() {
            Token::Null => ValueKind::Null,
            Token::Bool(_) => ValueKind::Boolean,
            Token::Number(_) => ValueKind::Number,
            Token::Text(_) | Token::Name(_) | Token::Unescaped(_) => ValueKind::Text,
            Token::List { .. } => ValueKind::List,
            Token::Object { .. } => ValueKind::Object,
        }
    }
    #[inline]
    fn boolean(self) -> Option<bool> {
        match self.token() {
            Token::Bool(b) => Some(b),
            _ => None,
        }
    }
    #[inline]
    fn text(self) -> Option<&'t str> {
        TapeNode::text_at(self.tape, self.at)
    }
    #[inline]
    fn number(self) -> Option<Cow<'t, str>> {
        match self.token() {
            Token::Number(n) => Some(Cow::Borrowed(n)),
            _ => None,
        }
    }
    #[inline]
    fn items(self) -> Option<TapeItems<'t>> {
        match self.token() {
            Token::List { len, .. } => Some(TapeItems { tape: self.tape, next: self.at + 1, left: len }),
            _ => None,
        }
    }
    #[inline]
    fn members(self) -> Option<TapeMembers<'t>> {
        match self.token() {
            Token::Object { len, .. } => Some(TapeMembers(TapeItems { tape: self.tape, next: self.at + 1, left: len })),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a reader can ask of a node, written out.
    fn answers<'v, N: Node<'v>>(node: N) -> String {
        let head = format!("{:?} {:?} {:?} {:?}", node.kind(), node.boolean(), node.text(), node.number());
        if let Some(items) = node.items() {
            let len = items.len();
            let inner: Vec<String> = items.map(answers).collect();
            return format!("{head} [{len}: {}]", inner.join(", "));
        }
        if let Some(members) = node.members() {
            let len = members.len();
            let inner: Vec<String> = members.map(|(k, v)| format!("{k:?}: {}", answers(v))).collect();
            return format!("{head} {{{len}: {}}}", inner.join(", "));
        }
        head
    }

    #[test]
    fn a_tape_answers_as_the_tree_of_the_same_text() {
        let docs = [
            r#"{"share": "0.5", "sh\u0061re": 1e2, "egen \"namn\"": [], "share": {}, "": null}"#,
            r#"[[], {}, [[[-0]]], true, false, "F\u00f6rs\u00f6rjningsst\u00f6d", "plain", {"a": {"b": [1, {"c": "d"}]}}, 0.10]"#,
            "\u{FEFF} {\"states\": {\"AM2\": {\"flows\": [{\"amount\": 90000}]}, \"egen\": {}}} ",
            "\"\\ud83d\\ude00\"",
            "12.50",
        ];
        for doc in docs {
            let tree = crate::parse_json(doc).unwrap();
            let tape = crate::value::parse_tape(doc).unwrap();
            assert_eq!(answers(TapeNode::root(&tape)), answers(&tree), "{doc}");
        }
    }

    /// parse_json's tree is built from the tape, so the test above holds the tape's two readings
    /// to each other; this one holds the tape to a tree serde_json's reader builds (the numbers
    /// are whole, which serde_json hands over as spelled).
    #[test]
    fn a_tape_answers_as_serde_jsons_tree_of_the_same_text() {
        let docs = [
            r#"{"share": "0.5", "sh\u0061re": 100, "egen \"namn\"": [], "share": {}, "": null, "x": [true, false, -12]}"#,
            r#"{"cohorts": [{"name": "F\u00f6rs\u00f6rjningsst\u00f6d", "participants": 20, "outcomes": [{}, []]}], "states": {"AM2": {"flows": [{"amount": "90000"}]}}}"#,
            r#"[[[[]]], "\ud83d\ude00", "tab\there"]"#,
        ];
        for doc in docs {
            let by_serde: Value = serde_json::from_str(doc).unwrap();
            let tape = crate::value::parse_tape(doc).unwrap();
            assert_eq!(answers(TapeNode::root(&tape)), answers(&by_serde), "{doc}");
        }
    }
}
