//! A scenario dict read where it is: the core's scenario reader asks a [`PyNode`] what a
//! [`samkalk::Value`] made from the same object would answer, so a plain dict of str, int,
//! float, Decimal, bool, None, list and tuple is read without building a tree first (that
//! tree was more than a third of a `calculate(dict)` call).
//!
//! The reading holds borrowed pointers into the dict, which is safe only while no Python code
//! runs (Python code could change the dict, or let another thread do so). So only objects of
//! exactly those types are read here, none of whose reading calls Python code (a Decimal only
//! when its `str()` is the C implementation's); anything else (a Decimal subclass, a dict
//! subclass, a key that is not text, text that is not Unicode) marks the
//! reading as unusable, and so does any fault: the caller then walks the object into a tree
//! as before, which gives every fault its exact path and words.

use std::borrow::Cow;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::ptr::NonNull;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use samkalk::node::Node;
use samkalk::{ValidScenario, Value, ValueKind};

/// What the readings share, touched only while the GIL is held (every reading runs inside a
/// call from Python, and this abi3 module runs only on interpreters with a GIL): the GIL is
/// its lock.
struct Shared {
    /// Set when a node met something only the walker reads (see the module's comment).
    given_up: Cell<bool>,
    /// The formats' member names by the str objects that spell them (a dict's keys are
    /// mostly the same interned objects call after call), so that a key is named by the
    /// reader's own constant without reading its text. Each cached str is held (a strong
    /// reference), so its address cannot name another str while it is here.
    names: UnsafeCell<[(usize, &'static str); NAMES]>,
    /// The address of `decimal.Decimal` when its `str()` is C code (the `_decimal` module's),
    /// else 0: only then is a Decimal read in place (the pure-Python `_pydecimal`'s would run
    /// Python code).
    decimal: Cell<usize>,
}

/// Cached names: direct-mapped by address (a power of two), several times the formats' keys
/// in one scenario.
const NAMES: usize = 256;

struct GilLocked(Shared);
// SAFETY: only touched while holding the GIL (see `Shared`).
unsafe impl Sync for GilLocked {}

static SHARED: GilLocked =
    GilLocked(Shared { given_up: Cell::new(false), names: UnsafeCell::new([(0, ""); NAMES]), decimal: Cell::new(0) });

/// `decimal.Decimal`, when its `str()` is C code (a slot wrapper, as `object.__str__` is).
static C_DECIMAL: PyOnceLock<Option<Py<PyType>>> = PyOnceLock::new();

fn c_decimal(py: Python<'_>) -> usize {
    let found = C_DECIMAL.get_or_init(py, || {
        let decimal = crate::decimal_type(py).ok()?;
        let slot_wrapper = py.get_type::<PyAny>().getattr("__str__").ok()?.get_type();
        decimal.getattr("__str__").ok()?.get_type().is(&slot_wrapper).then(|| decimal.clone().unbind())
    });
    found.as_ref().map_or(0, |t| t.as_ptr() as usize)
}

fn unreadable() {
    SHARED.0.given_up.set(true);
}

/// True once the reading is unusable: from then on a node answers as `null` without looking
/// at its object, so the rest of the reading is quick and touches nothing.
fn given_up() -> bool {
    SHARED.0.given_up.get()
}

/// A dict key's name: the reader's constant for one of the formats' names, else its text.
fn key_name<'a>(key: *mut ffi::PyObject) -> &'a str {
    // SAFETY: `key` is a live object; the type object is the interpreter's static.
    if unsafe { ffi::Py_TYPE(key) } != &raw mut ffi::PyUnicode_Type {
        // A key that is not an exact str is the walker's to report.
        unreadable();
        return "";
    }
    // SAFETY: the GIL is held (see `Shared`), and no other reference to the table lives.
    let names = unsafe { &mut *SHARED.0.names.get() };
    // Fibonacci hashing: keys allocated side by side (a pool's equal-sized blocks) spread
    // over the table instead of sharing a few slots.
    let slot = &mut names[((key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - NAMES.trailing_zeros())) as usize];
    if slot.0 == key as usize {
        return slot.1;
    }
    let Some(text) = str_text(key) else { return "" };
    let Some(name) = samkalk::value::field_name(text) else { return text };
    let evicted = std::mem::replace(slot, (key as usize, name)).0;
    // SAFETY: holding `key` keeps its address its own; the evicted str was held likewise.
    unsafe {
        ffi::Py_IncRef(key);
        if evicted != 0 {
            ffi::Py_DecRef(evicted as *mut ffi::PyObject);
        }
    }
    name
}

/// The scenario a plain dict gives, when it is valid and of the types read here; None when
/// the walker must read it (another type met, or any fault: the walker reports faults).
pub(crate) fn valid_scenario(dict: &Bound<'_, PyDict>) -> Option<ValidScenario> {
    if !dict.is_exact_instance_of::<PyDict>() {
        return None;
    }
    let _no_collection = GcPaused::new(dict.py())?;
    SHARED.0.given_up.set(false);
    SHARED.0.decimal.set(c_decimal(dict.py()));
    let root = PyNode::root(dict)?;
    // A panic in the reader (none is known) leaves the input to the walker's reading, which
    // reports it as an internal fault, as for any other input.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ValidScenario::from_node(root).ok())).ok().flatten();
    if SHARED.0.given_up.replace(false) {
        return None;
    }
    read
}

/// `gc.isenabled`, `gc.disable` and `gc.enable`, looked up once.
static GC: PyOnceLock<[Py<PyAny>; 3]> = PyOnceLock::new();

/// The cyclic garbage collector held off while a dict is read: text that is not Unicode makes
/// an exception object, whose allocation could start a collection, whose finalizers are
/// Python code. Restores the collector as it was.
struct GcPaused<'py>(Option<&'py Py<PyAny>>, Python<'py>);

impl<'py> GcPaused<'py> {
    fn new(py: Python<'py>) -> Option<Self> {
        let [is_enabled, disable, enable] = GC
            .get_or_try_init(py, || {
                let gc = py.import("gc")?;
                PyResult::Ok([gc.getattr("isenabled")?.unbind(), gc.getattr("disable")?.unbind(), gc.getattr("enable")?.unbind()])
            })
            .ok()?;
        if !is_enabled.call0(py).ok()?.is_truthy(py).ok()? {
            return Some(GcPaused(None, py));
        }
        disable.call0(py).ok()?;
        Some(GcPaused(Some(enable), py))
    }
}

impl Drop for GcPaused<'_> {
    fn drop(&mut self) {
        if let Some(enable) = self.0 {
            // Enabling cannot fail; were it to, the collector stays off, which loses no object.
            let _ = enable.call0(self.1);
        }
    }
}

/// A Python object inside the dict being read, borrowed for as long as that dict is.
#[derive(Clone, Copy)]
pub(crate) struct PyNode<'a> {
    /// Not null, so that an absent node costs no more room than a node.
    obj: NonNull<ffi::PyObject>,
    life: PhantomData<&'a Bound<'a, PyDict>>,
}

impl<'a> PyNode<'a> {
    /// The dict itself: its nodes live as long as this borrow of it.
    fn root(dict: &'a Bound<'_, PyDict>) -> Option<Self> {
        PyNode::of(dict.as_ptr())
    }

    fn of(obj: *mut ffi::PyObject) -> Option<Self> {
        NonNull::new(obj).map(|obj| PyNode { obj, life: PhantomData })
    }

    /// An exact `decimal.Decimal` of the C implementation.
    fn is_decimal(self) -> bool {
        let decimal = SHARED.0.decimal.get();
        decimal != 0 && self.is(decimal as *mut ffi::PyTypeObject)
    }

    fn ptr(self) -> *mut ffi::PyObject {
        self.obj.as_ptr()
    }

    fn is(self, ty: *mut ffi::PyTypeObject) -> bool {
        // SAFETY: `obj` is a live object (held by the dict being read).
        unsafe { ffi::Py_TYPE(self.ptr()) == ty }
    }
}

/// The text of an exact str, borrowed from the str's own UTF-8 buffer, which lives as long as
/// the str; None (and the reading unusable) for a str that is not valid Unicode.
fn str_text<'a>(obj: *mut ffi::PyObject) -> Option<&'a str> {
    // SAFETY: `obj` is a live str held by the dict being read.
    let text = unsafe { crate::utf8_of(obj) };
    if text.is_none() {
        unreadable();
    }
    text
}

/// str() of an exact Decimal of the C implementation: the exact value's spelling, as the walker
/// reads it. Out of line, so that reading the other numbers stays small.
#[cold]
#[inline(never)]
fn decimal_text<'a>(decimal: *mut ffi::PyObject) -> Cow<'a, str> {
    // SAFETY: `decimal` is a live Decimal whose str() is C code (see `Shared::decimal`).
    unsafe {
        let spelled = ffi::PyObject_Str(decimal);
        if spelled.is_null() {
            ffi::PyErr_Clear();
            unreadable();
            return Cow::Borrowed("0");
        }
        let text = str_text(spelled).map(str::to_owned);
        ffi::Py_DecRef(spelled);
        Cow::Owned(text.unwrap_or_default())
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
            } else if self.ptr() == ffi::Py_None() {
                ValueKind::Null
            } else if self.is_decimal() {
                ValueKind::Number
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
        unsafe { self.is(&raw mut ffi::PyBool_Type).then(|| self.ptr() == ffi::Py_True()) }
    }

    fn text(self) -> Option<&'a str> {
        if given_up() {
            return None;
        }
        // SAFETY: the type object is the interpreter's static.
        if self.is(&raw mut ffi::PyUnicode_Type) {
            str_text(self.ptr())
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
                let n = ffi::PyLong_AsLongLongAndOverflow(self.ptr(), &mut overflow);
                if overflow != 0 {
                    // Beyond i64: the walker spells the exact digits.
                    unreadable();
                    return Some(Cow::Borrowed("0"));
                }
                Some(Cow::Owned(n.to_string()))
            } else if self.is(&raw mut ffi::PyFloat_Type) {
                // As the walker reads a float: its shortest representation.
                match Value::from_f64(ffi::PyFloat_AsDouble(self.ptr())) {
                    Value::Number(text) => Some(Cow::Owned(text)),
                    _ => None,
                }
            } else if self.is_decimal() {
                Some(decimal_text(self.ptr()))
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
            let len = if list { ffi::PyList_Size(self.ptr()) } else { ffi::PyTuple_Size(self.ptr()) };
            Some(Items { seq: self.ptr(), list, next: 0, len, life: PhantomData })
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
            let left = usize::try_from(ffi::PyDict_Size(self.ptr())).unwrap_or(0);
            Some(Members { dict: self.ptr(), pos: 0, left, life: PhantomData })
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
        PyNode::of(item)
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
        Some((key_name(key), PyNode::of(value)?))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Members<'_> {}
