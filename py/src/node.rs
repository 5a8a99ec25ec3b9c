//! A scenario dict read where it is: the core's scenario reader asks a [`PyNode`] what a
//! [`samkalk::Value`] made from the same object would answer, so a plain dict of str, int,
//! float, bool, None, list and tuple is read without building a tree first (that tree was
//! more than a third of a `calculate(dict)` call).
//!
//! The reading holds borrowed pointers into the dict, which is safe only while no Python code
//! runs (Python code could change the dict, or let another thread do so). So only objects of
//! exactly those types are read here, none of whose reading calls Python code; anything else
//! (a Decimal, a dict subclass, a key that is not text, text that is not Unicode) marks the
//! reading as unusable, and so does any fault: the caller then walks the object into a tree
//! as before, which gives every fault its exact path and words.

use std::borrow::Cow;
use std::cell::Cell;
use std::marker::PhantomData;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};
use samkalk::node::Node;
use samkalk::{ValidScenario, Value, ValueKind};

thread_local! {
    /// Set when a node met something only the walker reads (see the module's comment).
    static UNREADABLE: Cell<bool> = const { Cell::new(false) };
}

fn unreadable() {
    UNREADABLE.with(|u| u.set(true));
}

/// True once the reading is unusable: from then on a node answers as `null` without looking
/// at its object, so the rest of the reading is quick and touches nothing.
fn given_up() -> bool {
    UNREADABLE.with(Cell::get)
}

/// The scenario a plain dict gives, when it is valid and of the types read here; None when
/// the walker must read it (another type met, or any fault: the walker reports faults).
pub(crate) fn valid_scenario(dict: &Bound<'_, PyDict>) -> Option<ValidScenario> {
    if !dict.is_exact_instance_of::<PyDict>() {
        return None;
    }
    let _no_collection = GcPaused::new(dict.py())?;
    UNREADABLE.with(|u| u.set(false));
    let root = PyNode { obj: dict.as_ptr(), life: PhantomData };
    let read = ValidScenario::from_node(root).ok();
    if UNREADABLE.with(|u| u.replace(false)) {
        return None;
    }
    read
}

static GC: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The cyclic garbage collector held off while a dict is read: text that is not Unicode makes
/// an exception object, whose allocation could start a collection, whose finalizers are
/// Python code. Restores the collector as it was.
struct GcPaused<'py>(Option<Bound<'py, PyModule>>);

impl<'py> GcPaused<'py> {
    fn new(py: Python<'py>) -> Option<Self> {
        let gc = GC.get_or_try_init(py, || py.import("gc").map(Bound::unbind)).ok()?.bind(py).clone();
        let enabled = gc.call_method0("isenabled").ok()?.is_truthy().ok()?;
        if !enabled {
            return Some(GcPaused(None));
        }
        gc.call_method0("disable").ok()?;
        Some(GcPaused(Some(gc)))
    }
}

impl Drop for GcPaused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.0 {
            // Enabling cannot fail; were it to, the collector stays off, which loses no object.
            let _ = gc.call_method0("enable");
        }
    }
}

/// A Python object inside the dict being read, borrowed for as long as that dict is.
#[derive(Clone, Copy)]
pub(crate) struct PyNode<'a> {
    obj: *mut ffi::PyObject,
    life: PhantomData<&'a Bound<'a, PyDict>>,
}

impl<'a> PyNode<'a> {
    fn of(obj: *mut ffi::PyObject) -> Self {
        PyNode { obj, life: PhantomData }
    }

    fn is(self, ty: *mut ffi::PyTypeObject) -> bool {
        // SAFETY: `obj` is a live object (held by the dict being read).
        unsafe { ffi::Py_TYPE(self.obj) == ty }
    }
}

/// The text of an exact str, borrowed from the str's own UTF-8 buffer, which lives as long as
/// the str; None (and the reading unusable) for a str that is not valid Unicode.
fn str_text<'a>(obj: *mut ffi::PyObject) -> Option<&'a str> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `obj` is a live str; on failure the call returns NULL with an exception set,
    // which is cleared.
    unsafe {
        let data = crate::PyUnicode_AsUTF8AndSize(obj, &mut size);
        if data.is_null() {
            ffi::PyErr_Clear();
            unreadable();
            return None;
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), usize::try_from(size).ok()?);
        Some(std::str::from_utf8_unchecked(bytes))
    }
}

impl<'a> Node<'a> for PyNode<'a> {
    type Items = Items<'a>;
    type Members = Members<'a>;

    fn kind(self) -> ValueKind {
        if given_up() {
            return ValueKind::Null;
        }
        // SAFETY: the type objects are the interpreter's statics.
        unsafe {
            if self.is(&raw mut ffi::PyUnicode_Type) {
                ValueKind::Text
            } else if self.is(&raw mut ffi::PyDict_Type) {
                ValueKind::Object
            } else if self.is(&raw mut ffi::PyList_Type) || self.is(&raw mut ffi::PyTuple_Type) {
                ValueKind::List
            } else if self.is(&raw mut ffi::PyLong_Type) || self.is(&raw mut ffi::PyFloat_Type) {
                ValueKind::Number
            } else if self.is(&raw mut ffi::PyBool_Type) {
                ValueKind::Boolean
            } else if self.obj == ffi::Py_None() {
                ValueKind::Null
            } else {
                unreadable();
                ValueKind::Null
            }
        }
    }

    fn boolean(self) -> Option<bool> {
        if given_up() {
            return None;
        }
        // SAFETY: Py_True is the interpreter's static.
        unsafe { self.is(&raw mut ffi::PyBool_Type).then(|| self.obj == ffi::Py_True()) }
    }

    fn text(self) -> Option<&'a str> {
        if given_up() {
            return None;
        }
        // SAFETY: the type object is the interpreter's static.
        if self.is(&raw mut ffi::PyUnicode_Type) {
            str_text(self.obj)
        } else {
            None
        }
    }

    fn number(self) -> Option<Cow<'a, str>> {
        if given_up() {
            return None;
        }
        // SAFETY: `obj` is an exact int or float; neither conversion runs Python code.
        unsafe {
            if self.is(&raw mut ffi::PyLong_Type) {
                let mut overflow = 0;
                let n = ffi::PyLong_AsLongLongAndOverflow(self.obj, &mut overflow);
                if overflow != 0 {
                    // Beyond i64: the walker spells the exact digits.
                    unreadable();
                    return Some(Cow::Borrowed("0"));
                }
                Some(Cow::Owned(n.to_string()))
            } else if self.is(&raw mut ffi::PyFloat_Type) {
                // As the walker reads a float: its shortest representation.
                match Value::from_f64(ffi::PyFloat_AsDouble(self.obj)) {
                    Value::Number(text) => Some(Cow::Owned(text)),
                    _ => None,
                }
            } else {
                None
            }
        }
    }

    fn items(self) -> Option<Items<'a>> {
        if given_up() {
            return None;
        }
        // SAFETY: the type objects are the interpreter's statics; `obj` is an exact list or
        // tuple, whose size cannot change while no Python code runs.
        unsafe {
            let list = self.is(&raw mut ffi::PyList_Type);
            if !list && !self.is(&raw mut ffi::PyTuple_Type) {
                return None;
            }
            let len = if list { ffi::PyList_Size(self.obj) } else { ffi::PyTuple_Size(self.obj) };
            Some(Items { seq: self.obj, list, next: 0, len, life: PhantomData })
        }
    }

    fn members(self) -> Option<Members<'a>> {
        if given_up() {
            return None;
        }
        // SAFETY: the type object is the interpreter's static; `obj` is an exact dict.
        unsafe {
            if !self.is(&raw mut ffi::PyDict_Type) {
                return None;
            }
            let left = usize::try_from(ffi::PyDict_Size(self.obj)).unwrap_or(0);
            Some(Members { dict: self.obj, pos: 0, left, life: PhantomData })
        }
    }
}

/// The elements of an exact list or tuple.
pub(crate) struct Items<'a> {
    seq: *mut ffi::PyObject,
    list: bool,
    next: ffi::Py_ssize_t,
    len: ffi::Py_ssize_t,
    life: PhantomData<&'a ()>,
}

impl<'a> Iterator for Items<'a> {
    type Item = PyNode<'a>;

    fn next(&mut self) -> Option<PyNode<'a>> {
        if self.next >= self.len || given_up() {
            return None;
        }
        // SAFETY: `next` is within the sequence; the item is a borrowed reference the
        // sequence holds.
        let item = unsafe {
            if self.list {
                ffi::PyList_GetItem(self.seq, self.next)
            } else {
                ffi::PyTuple_GetItem(self.seq, self.next)
            }
        };
        self.next += 1;
        (!item.is_null()).then(|| PyNode::of(item))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::try_from(self.len - self.next).unwrap_or(0);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Items<'_> {}

/// The members of an exact dict, in order, by `PyDict_Next`.
#[derive(Clone)]
pub(crate) struct Members<'a> {
    dict: *mut ffi::PyObject,
    pos: ffi::Py_ssize_t,
    left: usize,
    life: PhantomData<&'a ()>,
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, PyNode<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        if given_up() {
            return None;
        }
        let (mut key, mut value) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: `dict` is a live dict that no Python code can change while it is read;
        // PyDict_Next hands out borrowed references the dict holds.
        if unsafe { ffi::PyDict_Next(self.dict, &mut self.pos, &mut key, &mut value) } == 0 {
            return None;
        }
        self.left = self.left.saturating_sub(1);
        let key = PyNode::of(key);
        // A key that is not an exact str is the walker's to report.
        let name = match key.is(&raw mut ffi::PyUnicode_Type) {
            true => str_text(key.obj).unwrap_or(""),
            false => {
                unreadable();
                ""
            }
        };
        Some((name, PyNode::of(value)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Members<'_> {}
