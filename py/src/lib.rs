//! samkalk for Python (`samkalk._samkalk`): hands Python objects to the core (a plain scenario
//! dict read in place, `node`; anything else walked into the core's input tree,
//! `samkalk::Value`), results and parameter sets back as Python objects, and every fault as
//! `samkalk.ScenarioError`. Nothing here calculates: every number comes from the core.
//!
//! The public Python API is `python/samkalk/__init__.py`, which wraps this module.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use samkalk::actor::{Actor, SOCIETY_ID};
use samkalk::analysis::{Analysis, AnalysisError, AnalysisResult, RunOptions};
use samkalk::path::Path;
use samkalk::present;
use samkalk::value::MAX_DEPTH;
use samkalk::{CalculationResult, Fault, FieldError, Lang, ValidScenario, Value};

mod node;
mod to_py;
use to_py::to_py;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SCENARIO_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ANALYSIS_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ANALYSIS_CANCELLED: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

// ------------------------------------------------------------------------------------------
// Errors

/// `samkalk.ScenarioError(errors)`, a ValueError whose `.errors` lists `{path, message}`.
fn scenario_error_value<'py>(py: Python<'py>, errors: &[FieldError]) -> PyResult<Bound<'py, PyAny>> {
    let class = SCENARIO_ERROR.import(py, "samkalk._errors", "ScenarioError")?;
    class.call1((errors_to_py(py, errors)?,))
}

fn scenario_error(py: Python<'_>, errors: &[FieldError]) -> PyErr {
    match scenario_error_value(py, errors) {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    }
}

/// `samkalk.AnalysisError(errors)`: a ScenarioError whose paths are in the analysis request.
fn analysis_error(py: Python<'_>, errors: &[FieldError]) -> PyErr {
    let made = ANALYSIS_ERROR.import(py, "samkalk._errors", "AnalysisError").and_then(|class| class.call1((errors_to_py(py, errors)?,)));
    match made {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    }
}

/// Each fault as the core serialises it (path, code, params, context, message, message_sv,
/// message_en), through `json.loads` so params arrive as plain Python values.
fn errors_to_py<'py>(py: Python<'py>, errors: &[FieldError]) -> PyResult<Bound<'py, PyList>> {
    let text = serde_json::to_string(errors).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let loaded = py.import("json")?.call_method1("loads", (text,))?;
    Ok(loaded.cast_into::<PyList>()?)
}

fn internal(what: &str) -> Vec<FieldError> {
    vec![FieldError::new("", Fault::Internal { detail: format!("while {what}") })]
}

// ------------------------------------------------------------------------------------------
// Python objects → the core's input tree

/// Walks a Python object into a [`Value`], collecting faults the core cannot see (a key that is
/// not text, an unsupported type) at their paths. Such a value becomes `null` in the tree so
/// that the core still checks everything else; its own report at the same path is dropped.
struct Walker<'py> {
    decimal: Bound<'py, PyType>,
    errors: Vec<FieldError>,
}

extern "C" {
    // In the stable ABI from 3.10 and a public function of every CPython 3 before that, so an
    // abi3-py39 module may call it. pyo3 declares it only for 3.10+; `to_cow` on 3.9's limited
    // API copies every string through a bytes object, which was a fifth of a call's time.
    fn PyUnicode_AsUTF8AndSize(unicode: *mut pyo3::ffi::PyObject, size: *mut pyo3::ffi::Py_ssize_t) -> *const std::os::raw::c_char;
}

/// The text of a str, borrowed from the str's own UTF-8 buffer (no copy); None for a str that
/// is not valid Unicode (a lone surrogate).
fn str_of<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    // SAFETY: `s` is a live str, borrowed for 'a.
    unsafe { utf8_of(s.as_ptr()) }
}

/// [`str_of`] on a pointer: the text of the str `s`, borrowed from its own UTF-8 buffer; None
/// for a str that is not valid Unicode (the exception that raises is cleared).
///
/// # Safety
/// `s` must be a live str that outlives 'a.
unsafe fn utf8_of<'a>(s: *mut pyo3::ffi::PyObject) -> Option<&'a str> {
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: per the contract; the buffer is owned by the str; on failure the call returns
    // NULL with an exception set.
    unsafe {
        let data = PyUnicode_AsUTF8AndSize(s, &mut size);
        if data.is_null() {
            pyo3::ffi::PyErr_Clear();
            return None;
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), usize::try_from(size).ok()?);
        Some(std::str::from_utf8_unchecked(bytes))
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

fn int_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(n) = obj.extract::<i64>() {
        return Ok(n.to_string());
    }
    // Beyond i64 (the core reports it as too large) or an int subclass: the exact int's digits.
    let exact = obj.py().get_type::<PyInt>().call1((obj,))?;
    Ok(exact.repr()?.to_cow()?.into_owned())
}

impl<'py> Walker<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Walker { decimal: decimal_type(py)?.clone(), errors: Vec::new() })
    }

    fn fault(&mut self, path: &Path, fault: Fault) -> Value {
        self.errors.push(FieldError::new(path, fault));
        Value::Null
    }

    fn walk(&mut self, obj: &Bound<'py, PyAny>, path: &Path, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return self.fault(path, Fault::NestedTooDeeply);
        }
        // Text and objects first, without a Result: nearly every value of a scenario is one
        // (decimals are text), and neither can fail.
        if let Ok(s) = obj.cast::<PyString>() {
            return match str_of(s) {
                Some(s) => Value::String(s.to_owned()),
                None => self.fault(path, Fault::NotUnicode),
            };
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            return self.dict(d, path, depth);
        }
        match self.try_walk(obj, path, depth) {
            Ok(v) => v,
            Err(e) => self.fault(path, Fault::UnreadableValue { reason: e.to_string() }),
        }
    }

    /// A dict's members in order, by `PyDict_Next`: pyo3's iterator also checks the dict's
    /// size at every step (only Python code run while walking, such as a Decimal's `__str__`,
    /// could change it, and `PyDict_Next` stays memory-safe if it does).
    fn dict(&mut self, d: &Bound<'py, PyDict>, path: &Path, depth: usize) -> Value {
        let py = d.py();
        let mut members = Vec::with_capacity(d.len());
        let mut pos: pyo3::ffi::Py_ssize_t = 0;
        let (mut key, mut value) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: `d` is a live dict; PyDict_Next hands out borrowed references, each taken
        // as an owned one at once, so that Python code run while walking a value (str() of a
        // Decimal) cannot free the key or the value under us.
        while unsafe { pyo3::ffi::PyDict_Next(d.as_ptr(), &mut pos, &mut key, &mut value) } != 0 {
            let (k, v) = unsafe { (Bound::from_borrowed_ptr(py, key), Bound::from_borrowed_ptr(py, value)) };
            self.member(&k, &v, path, depth, &mut members);
        }
        Value::Object(members)
    }

    fn try_walk(&mut self, obj: &Bound<'py, PyAny>, path: &Path, depth: usize) -> PyResult<Value> {
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if obj.is_instance_of::<PyInt>() {
            return Ok(Value::Number(int_text(obj)?));
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            // Through its shortest representation, as Python's repr writes it.
            return Ok(Value::from_f64(f.value()));
        }
        if let Ok(l) = obj.cast::<PyList>() {
            let mut items = Vec::with_capacity(l.len());
            for (i, item) in l.iter().enumerate() {
                items.push(self.walk(&item, &path.index(i), depth + 1));
            }
            return Ok(Value::Array(items));
        }
        if let Ok(t) = obj.cast::<PyTuple>() {
            let mut items = Vec::with_capacity(t.len());
            for (i, item) in t.iter().enumerate() {
                items.push(self.walk(&item, &path.index(i), depth + 1));
            }
            return Ok(Value::Array(items));
        }
        if obj.is_instance(&self.decimal)? {
            // str(Decimal) spells the exact value ("0.1", "1E+3", "NaN" that the core rejects).
            return Ok(Value::Number(obj.str()?.to_cow()?.into_owned()));
        }
        if let Ok(m) = obj.cast::<PyMapping>() {
            let mut members = Vec::new();
            for item in m.items()?.iter() {
                let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
                self.member(&k, &v, path, depth, &mut members);
            }
            return Ok(Value::Object(members));
        }
        if obj.hasattr("__index__")? {
            // numpy integers and other exact integer types.
            return Ok(Value::Number(int_text(&obj.call_method0("__index__")?)?));
        }
        Ok(self.fault(path, Fault::UnsupportedType { type_name: type_name(obj) }))
    }

    fn member(&mut self, k: &Bound<'py, PyAny>, v: &Bound<'py, PyAny>, path: &Path, depth: usize, out: &mut Vec<(samkalk::Key, Value)>) {
        match k.cast::<PyString>().ok().and_then(|s| str_of(s)) {
            Some(key) => {
                let value = self.walk(v, &path.key(key), depth + 1);
                // The formats' own names are borrowed, not copied.
                out.push((samkalk::value::owned_key(key), value));
            }
            None => {
                let shown = k.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
                self.fault(&path.key(&shown), Fault::KeyNotText { type_name: type_name(k), key: shown.clone() });
            }
        }
    }
}

/// A scenario input, read while holding the GIL; evaluated (with it released, in batches).
enum Input {
    /// A `samkalk.Scenario`: already read and validated; shared, not copied.
    Ready(Arc<ValidScenario>),
    /// A walked Python object and the faults found while walking it.
    Tree(Value, Vec<FieldError>),
    Json(String),
    Toml(String),
    Failed(Vec<FieldError>),
}

fn looks_like_json(text: &str) -> bool {
    matches!(samkalk::value::first_char(text), Some('{' | '['))
}

fn has_extension(path: &str, ext: &str) -> bool {
    std::path::Path::new(path).extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn read_file(path: &str) -> Input {
    match std::fs::read(path) {
        Err(e) => Input::Failed(vec![FieldError::new("", Fault::CannotRead { file: Some(format!("{path:?}")), reason: e.to_string() })]),
        Ok(bytes) => match String::from_utf8(bytes) {
            Err(_) => Input::Failed(vec![FieldError::new("", Fault::NotUtf8 { file: Some(path.to_string()) })]),
            Ok(text) if has_extension(path, "toml") => Input::Toml(text),
            Ok(text) => Input::Json(text),
        },
    }
}

fn read_input(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyScenario>() {
        return Ok(Input::Ready(Arc::clone(&s.get().inner)));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let Ok(text) = s.to_cow() else {
            return Ok(Input::Failed(vec![FieldError::new("", Fault::NotUnicode)]));
        };
        if looks_like_json(&text) {
            return Ok(Input::Json(text.into_owned()));
        }
        let trimmed = text.trim();
        if has_extension(trimmed, "json") || has_extension(trimmed, "toml") || std::path::Path::new(trimmed).is_file() {
            return Ok(read_file(trimmed));
        }
        // Neither JSON nor a file: the core reports the text as not JSON, at path "".
        return Ok(Input::Json(text.into_owned()));
    }
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        let bytes: Vec<u8> = obj.extract()?;
        return Ok(match String::from_utf8(bytes) {
            Ok(text) => Input::Json(text),
            Err(_) => Input::Failed(vec![FieldError::new("", Fault::NotUtf8 { file: None })]),
        });
    }
    // A dict is walked at once: asking it for `__fspath__` raises and formats an
    // AttributeError, about 4,500 instructions, a fortieth of a whole calculate(dict).
    if !obj.is_instance_of::<PyDict>() && obj.hasattr("__fspath__")? {
        let os = py.import("os")?;
        let path: String = match os.call_method1("fsdecode", (obj,)).and_then(|p| p.extract()) {
            Ok(p) => p,
            Err(e) => return Ok(Input::Failed(vec![FieldError::new("", Fault::BadFilePath { reason: e.to_string() })])),
        };
        return Ok(read_file(&path));
    }
    let mut walker = Walker::new(py)?;
    let value = walker.walk(obj, &Path::Root, 0);
    Ok(Input::Tree(value, walker.errors))
}

/// [`read_input`] for a scenario: a plain, valid dict is read in place ([`node`]), anything
/// else as `read_input` reads it.
fn read_scenario_input(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(dict) = obj.cast::<PyDict>() {
        if let Some(scenario) = node::valid_scenario(dict) {
            return Ok(Input::Ready(Arc::new(scenario)));
        }
    }
    read_input(obj)
}

/// Faults found while walking, then the core's, less those at (or inside) a walked fault.
fn merge(mut walked: Vec<FieldError>, core: Vec<FieldError>) -> Vec<FieldError> {
    let covered = |p: &str| {
        walked.iter().any(|w| {
            p == w.path || w.path.is_empty() || (p.starts_with(&w.path) && matches!(p.as_bytes().get(w.path.len()), Some(b'.' | b'[')))
        })
    };
    let rest: Vec<FieldError> = core.into_iter().filter(|e| !covered(&e.path)).collect();
    walked.extend(rest);
    walked
}

/// Reads and validates an input with the core. Never panics.
fn scenario_of(input: Input) -> Result<Arc<ValidScenario>, Vec<FieldError>> {
    match input {
        Input::Ready(s) => Ok(s),
        Input::Failed(errors) => Err(errors),
        other => scenario_of_ref(&other),
    }
}

/// `scenario_of` on a borrowed input (a batch's threads share the inputs).
fn scenario_of_ref(input: &Input) -> Result<Arc<ValidScenario>, Vec<FieldError>> {
    let run = move || match input {
        Input::Ready(s) => Ok(Arc::clone(s)),
        Input::Failed(errors) => Err(errors.clone()),
        Input::Json(text) => ValidScenario::from_json(text).map(Arc::new).map_err(|e| e.errors),
        Input::Toml(text) => ValidScenario::from_toml(text).map(Arc::new).map_err(|e| e.errors),
        Input::Tree(value, walked) => match ValidScenario::from_value(value) {
            Ok(s) if walked.is_empty() => Ok(Arc::new(s)),
            Ok(_) => Err(walked.clone()),
            Err(e) => Err(merge(walked.clone(), e.errors)),
        },
    };
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| Err(internal("reading the scenario")))
}

fn calculate_scenario(scenario: Result<Arc<ValidScenario>, Vec<FieldError>>) -> Outcome {
    let scenario = scenario?;
    catch_unwind(AssertUnwindSafe(|| scenario.calculate()))
        .unwrap_or_else(|_| Err(internal("calculating").into()))
        .map_err(|e| e.errors)
        .map(|inner| PyCalculation { inner, source: scenario.into() })
}

fn calculate_input(input: Input) -> Outcome {
    calculate_scenario(scenario_of(input))
}

/// The effect trace's rows as (cohort, year, state, participants) with participants a Decimal
/// written by the core (six decimals).
fn trace_rows<'py>(py: Python<'py>, scenario: &ValidScenario) -> PyResult<Bound<'py, PyList>> {
    let trace = catch_unwind(AssertUnwindSafe(|| scenario.trace()))
        .unwrap_or_else(|_| Err(internal("tracing").into()))
        .map_err(|e| scenario_error(py, &e.errors))?;
    let out = PyList::empty(py);
    for row in &trace.rows {
        let participants = decimal(py, samkalk::Trace::written(row.participants))?;
        out.append((row.cohort_name.as_str(), row.year, row.state.as_str(), participants))?;
    }
    Ok(out)
}

// ------------------------------------------------------------------------------------------
// Core values → Python objects

fn decimal<'py>(py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((text,))
}

/// Whether a member named `key` holds a decimal written as text: the format's decimal fields
/// (the core's table of record, `limits::NUMBER_FIELDS`) and `value` in the defaults'
/// `tax_sources`; members of a `financing` object are decimals too (the caller's `in_financing`).
fn is_decimal_field(key: &str) -> bool {
    key == "value" || samkalk::limits::NUMBER_FIELDS.iter().any(|f| f.kind == samkalk::limits::NumberKind::Decimal && f.schema.1 == key)
}

/// JSON text the core wrote (scenarios, defaults) → Python, member order kept, decimals as
/// decimal.Decimal and whole numbers as int.
fn json_text_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let value = samkalk::parse_json(text).map_err(|e| PyValueError::new_err(e.to_string()))?;
    value_to_py(py, &value, "", false)
}

fn value_to_py<'py>(py: Python<'py>, v: &Value, key: &str, in_financing: bool) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(text) => match text.parse::<i64>() {
            Ok(i) => i.into_pyobject(py)?.into_any(),
            Err(_) => decimal(py, text.clone())?,
        },
        Value::String(s) if (in_financing || is_decimal_field(key)) && samkalk::number::parse_decimal(s).is_ok() => decimal(py, s.clone())?,
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item, key, false)?)?;
            }
            list.into_any()
        }
        Value::Object(members) => {
            let d = PyDict::new(py);
            let financing = key == "financing";
            for (k, item) in members {
                d.set_item(&**k, value_to_py(py, item, k, financing)?)?;
            }
            d.into_any()
        }
    })
}

// ------------------------------------------------------------------------------------------
// Classes

/// A validated scenario. Construct it from anything `calculate` takes (a dict, JSON text, a
/// path to a .json or .toml file, or another Scenario); an invalid one raises ScenarioError.
/// Passing a Scenario to `calculate` skips reading and validating it again.
#[pyclass(name = "Scenario", module = "samkalk", frozen)]
struct PyScenario {
    /// Shared with the inputs and results made from it (a scenario is never changed).
    inner: Arc<ValidScenario>,
}

#[pymethods]
impl PyScenario {
    #[new]
    #[pyo3(signature = (source, /))]
    fn new(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let input = read_scenario_input(source)?;
        match py.detach(|| scenario_of(input)) {
            Ok(inner) => Ok(PyScenario { inner }),
            Err(errors) => Err(scenario_error(py, &errors)),
        }
    }

    /// The scenario in the input format as a dict: amounts, rates and shares as
    /// decimal.Decimal, whole numbers as int, defaults filled in.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_text_to_py(py, &self.inner.to_json())
    }

    /// The scenario as JSON text in the input format (indented; numbers as exact strings).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The scenario's name ("" when it has none).
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// Calendar year of year 1.
    #[getter]
    fn start_year(&self) -> i64 {
        self.inner.start_year
    }

    /// Years in the calculation.
    #[getter]
    fn horizon_years(&self) -> i64 {
        self.inner.horizon_years
    }

    /// The cohorts' names, in input order.
    #[getter]
    fn cohort_names(&self) -> Vec<String> {
        self.inner.cohorts.iter().map(|c| c.name.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "samkalk.Scenario(name={:?}, start_year={}, horizon_years={}, cohorts={})",
            self.inner.name,
            self.inner.start_year,
            self.inner.horizon_years,
            self.inner.cohorts.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyScenario>().is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, (String,))> {
        Ok((slf.get_type(), (slf.get().inner.to_json(),)))
    }

    /// A copy with the numbers at some parameter paths changed (the core's
    /// `ValidScenario::with_values`), validated again; raises ScenarioError.
    #[pyo3(signature = (changes, /))]
    fn with_values(&self, py: Python<'_>, changes: &Bound<'_, PyAny>) -> PyResult<PyScenario> {
        let changes = read_changes(changes, None)?;
        match py.detach(|| variant_of(&self.inner, &changes)) {
            Ok(inner) => Ok(PyScenario { inner: Arc::new(inner) }),
            Err(errors) => Err(scenario_error(py, &errors)),
        }
    }
}

/// A set of changes to a scenario, read while holding the GIL: (parameter path, value) in
/// order, and the faults found while reading the values.
struct Changes {
    values: Vec<(String, Value)>,
    walked: Vec<FieldError>,
}

/// Reads a mapping from parameter path to value; `index` names it within a list of them.
fn read_changes(obj: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Changes> {
    let within = index.map_or(String::new(), |i| format!(" (changes[{i}])"));
    let Ok(mapping) = obj.cast::<PyMapping>() else {
        return Err(PyTypeError::new_err(format!(
            "changes{within} must be a mapping from parameter path to value, got {}",
            type_name(obj)
        )));
    };
    let mut walker = Walker::new(obj.py())?;
    let mut values = Vec::with_capacity(mapping.len()?);
    for item in mapping.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let Some(path) = key.cast::<PyString>().ok().and_then(|s| str_of(s)) else {
            return Err(PyTypeError::new_err(format!("changes{within}: a parameter path must be text, got {}", type_name(&key))));
        };
        let walked = walker.walk(&value, &Path::Root.key(path), 0);
        values.push((path.to_owned(), walked));
    }
    Ok(Changes { values, walked: walker.errors })
}

/// The core's variant of `base` with `changes`; the faults of reading first (the core's at
/// the same paths left out, as for a scenario). Never panics.
fn variant_of(base: &ValidScenario, changes: &Changes) -> Result<ValidScenario, Vec<FieldError>> {
    let run = || base.with_values(changes.values.iter().map(|(p, v)| (p.as_str(), v)));
    match catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| Err(internal("changing the scenario").into())) {
        Ok(s) if changes.walked.is_empty() => Ok(s),
        Ok(_) => Err(changes.walked.clone()),
        Err(e) => Err(merge(changes.walked.clone(), e.errors)),
    }
}

/// A calculation's result (wrapped by samkalk.Result).
#[pyclass(name = "NativeResult", module = "samkalk._samkalk", frozen)]
struct PyCalculation {
    inner: CalculationResult,
    /// The scenario calculated, for its effect trace, assumptions and exports.
    source: Source,
}

/// The scenario a result was calculated from: shared with its samkalk.Scenario, or a variant
/// made again from its base and changes when first asked for, so that a batch of variants
/// keeps one scenario however many results it holds.
enum Source {
    Shared(Arc<ValidScenario>),
    Variant { base: Arc<ValidScenario>, changes: Arc<Changes>, made: std::sync::OnceLock<Result<Box<ValidScenario>, Vec<FieldError>>> },
}

impl From<Arc<ValidScenario>> for Source {
    fn from(scenario: Arc<ValidScenario>) -> Source {
        Source::Shared(scenario)
    }
}

impl PyCalculation {
    /// The scenario calculated (a variant is made again only once; it was valid when it was
    /// calculated, so it is again).
    fn scenario(&self, py: Python<'_>) -> PyResult<&ValidScenario> {
        match &self.source {
            Source::Shared(s) => Ok(s),
            Source::Variant { base, changes, made } => match made.get_or_init(|| variant_of(base, changes).map(Box::new)) {
                Ok(s) => Ok(s),
                Err(errors) => Err(scenario_error(py, errors)),
            },
        }
    }
}

#[pymethods]
impl PyCalculation {
    /// MODEL.md's result structure with decimal.Decimal money, shares and ratios.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner, decimal_type(py)?, false)
    }

    /// The result JSON, byte for byte what the core (and the command line) writes.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            self.inner.to_json()
        }
    }

    /// The public sector's figures (municipality, Arbetsförmedlingen, Försäkringskassan,
    /// region, state) as the core derives them from the scenario's exact flows: an actor's
    /// fields, money as decimal.Decimal.
    fn public_sector<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let scenario = self.scenario(py)?;
        let public = py
            .detach(|| catch_unwind(AssertUnwindSafe(|| scenario.public_sector())))
            .unwrap_or_else(|_| Err(internal("calculating the public sector").into()))
            .map_err(|e| scenario_error(py, &e.errors))?;
        to_py(py, &public, decimal_type(py)?, false)
    }

    /// The assumptions behind the result as the core writes them (every report ends with
    /// them): (label, value) pairs in "sv" or "en", values already formatted.
    #[pyo3(signature = (lang = "sv"))]
    fn assumptions(&self, py: Python<'_>, lang: &str) -> PyResult<Vec<(String, String)>> {
        let lang = lang_of(lang)?;
        Ok(samkalk::present::assumptions(self.scenario(py)?, lang).into_iter().map(|a| (a.label, a.value)).collect())
    }

    /// The calendar years of the calculation.
    #[getter]
    fn years(&self) -> Vec<i64> {
        self.inner.years.clone()
    }

    /// The effect trace (method version 2): (cohort, year, state, participants) rows.
    fn trace<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        trace_rows(py, self.scenario(py)?)
    }

    /// The tidy CSV as the core writes it: "en" (commas, points, actor ids) or "sv" (what
    /// Swedish Excel opens: BOM, semicolons, decimal commas, the assumptions above the table).
    #[pyo3(signature = (lang = "en"))]
    fn to_csv(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        Ok(samkalk::export::csv::csv(self.scenario(py)?, &self.inner, lang_of(lang)?))
    }

    /// The workbook (.xlsx bytes) as the core writes it, in "sv" or "en", stating `date`
    /// (YYYY-MM-DD) as the day it was written.
    #[cfg(feature = "xlsx")]
    #[pyo3(signature = (lang, date))]
    fn to_excel_bytes<'py>(&self, py: Python<'py>, lang: &str, date: &str) -> PyResult<Bound<'py, PyBytes>> {
        let date =
            samkalk::export::Date::parse(date).ok_or_else(|| PyValueError::new_err(format!("date must be YYYY-MM-DD, got {date:?}")))?;
        let options = samkalk::export::xlsx::WorkbookOptions { lang: lang_of(lang)?, date };
        let scenario = self.scenario(py)?;
        let bytes = py
            .detach(|| catch_unwind(AssertUnwindSafe(|| samkalk::export::xlsx::workbook(scenario, &self.inner, &options))))
            .map_err(|_| PyValueError::new_err("internal error in samkalk while writing the workbook; please report it"))?
            .map_err(|e| scenario_error(py, &[e]))?;
        Ok(PyBytes::new(py, &bytes))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyCalculation>().is_ok_and(|o| o.get().inner == self.inner)
    }
}

// ------------------------------------------------------------------------------------------
// Functions

/// The effect trace of one scenario (method version 2) as (cohort, year, state, participants)
/// rows; raises samkalk.ScenarioError when the scenario is invalid.
#[pyfunction]
#[pyo3(signature = (scenario, /))]
fn trace<'py>(py: Python<'py>, scenario: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let input = read_scenario_input(scenario)?;
    let scenario = scenario_of(input).map_err(|errors| scenario_error(py, &errors))?;
    trace_rows(py, &scenario)
}

fn lang_of(code: &str) -> PyResult<samkalk::Lang> {
    samkalk::Lang::from_code(code).ok_or_else(|| PyValueError::new_err(format!("lang must be \"sv\" or \"en\", got {code:?}")))
}

/// Reads, validates and calculates the scenario of a workbook samkalk wrote (.xlsx bytes);
/// faults name the sheet and cell.
#[cfg(feature = "xlsx")]
#[pyfunction]
#[pyo3(signature = (data, /))]
fn calculate_excel(py: Python<'_>, data: &[u8]) -> PyResult<PyCalculation> {
    let outcome = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| {
            let scenario = samkalk::export::xlsx_read::scenario_from_xlsx(data)?;
            scenario.calculate().map(|r| (scenario, r))
        }))
        .unwrap_or_else(|_| Err(internal("reading the workbook").into()))
    });
    match outcome {
        Ok((scenario, inner)) => Ok(PyCalculation { inner, source: Arc::new(scenario).into() }),
        Err(e) => Err(scenario_error(py, &e.errors)),
    }
}

/// Reads, validates and calculates one scenario; raises samkalk.ScenarioError when invalid.
#[pyfunction]
#[pyo3(signature = (scenario, /))]
fn calculate(py: Python<'_>, scenario: &Bound<'_, PyAny>) -> PyResult<PyCalculation> {
    let input = read_scenario_input(scenario)?;
    match calculate_input(input) {
        Ok(calculation) => Ok(calculation),
        Err(errors) => Err(scenario_error(py, &errors)),
    }
}

/// Calculates many scenarios with the GIL released: a list with, in input order, a result or
/// a ScenarioError instance (not raised) for each. `threads` (default: the machine's cores)
/// splits the batch.
#[pyfunction]
#[pyo3(signature = (scenarios, /, *, threads = None))]
fn calculate_many<'py>(py: Python<'py>, scenarios: &Bound<'py, PyAny>, threads: Option<usize>) -> PyResult<Bound<'py, PyList>> {
    if scenarios.is_instance_of::<PyString>()
        || scenarios.is_instance_of::<PyBytes>()
        || scenarios.is_instance_of::<PyDict>()
        || scenarios.cast::<PyScenario>().is_ok()
    {
        return Err(PyTypeError::new_err("calculate_many takes a list (or other iterable) of scenarios; use calculate for one"));
    }
    let iter = scenarios
        .try_iter()
        .map_err(|_| PyTypeError::new_err(format!("calculate_many takes a list of scenarios, got {}", type_name(scenarios))))?;
    // Fewer scenarios than would fill two threads are not split (scenarios.len() is a hint:
    // an iterator without one is taken to be long).
    let threads = match scenarios.len() {
        Ok(n) if n < 2 * MIN_PER_THREAD => 1,
        _ => default_threads(threads),
    };
    let outcomes = if threads == 1 {
        let mut inputs = Vec::new();
        for item in iter {
            inputs.push(read_scenario_input(&item?)?);
        }
        py.detach(move || inputs.into_iter().map(calculate_input).collect())
    } else {
        read_while_calculating(py, iter, threads)?
    };
    outcomes_to_py(py, outcomes)
}

/// A batch's outcomes in input order, read on this thread (reading needs the GIL) while the
/// other threads calculate what has been read, then calculated by all of them: reading is
/// about as long as calculating, so neither waits for the whole of the other.
fn read_while_calculating(py: Python<'_>, iter: Bound<'_, pyo3::types::PyIterator>, threads: usize) -> PyResult<Vec<Outcome>> {
    let (send, receive) = std::sync::mpsc::channel::<(usize, Input)>();
    let receive = std::sync::Mutex::new(receive);
    let work = || {
        let mut done: Vec<(usize, Outcome)> = Vec::new();
        // Each message is taken under the lock; a poisoned lock (a panic in another worker,
        // which calculate_scenario already catches) still hands out messages.
        loop {
            // The lock is let go before calculating (a guard in a `while let` would be held
            // through the loop's body).
            let message = receive.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok((i, input)) = message else { return done };
            done.push((i, calculate_input(input)));
        }
    };
    let (read, parts) = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut count = 0;
        let read = (|| {
            for item in iter {
                // The receiver lives until this function returns, so a send cannot fail.
                let _ = send.send((count, read_scenario_input(&item?)?));
                count += 1;
            }
            PyResult::Ok(count)
        })();
        drop(send);
        let mut parts = vec![py.detach(work)];
        parts.extend(handles.into_iter().filter_map(|h| h.join().ok()));
        (read, parts)
    });
    Ok(in_input_order(read?, parts))
}

/// The outcomes the threads returned (index, outcome), in input order; an input whose
/// outcome was lost (a thread that could not be joined) gets an internal fault.
fn in_input_order(count: usize, parts: Vec<Vec<(usize, Outcome)>>) -> Vec<Outcome> {
    let mut outcomes: Vec<Option<Outcome>> = std::iter::repeat_with(|| None).take(count).collect();
    for (i, outcome) in parts.into_iter().flatten() {
        outcomes[i] = Some(outcome);
    }
    outcomes.into_iter().map(|o| o.unwrap_or_else(|| Err(internal("calculating a batch")))).collect()
}

/// Calculates variants of one scenario with the GIL released: for each mapping in `changes`
/// (parameter path to value), the scenario with those numbers changed. A list in the order of
/// `changes` with a result or a ScenarioError instance (not raised) for each; an invalid base
/// scenario raises ScenarioError.
#[pyfunction]
#[pyo3(signature = (scenario, changes, /, *, threads = None))]
fn calculate_variants<'py>(
    py: Python<'py>,
    scenario: &Bound<'py, PyAny>,
    changes: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let base = match scenario_of(read_scenario_input(scenario)?) {
        Ok(base) => base,
        Err(errors) => return Err(scenario_error(py, &errors)),
    };
    if changes.is_instance_of::<PyString>() || changes.is_instance_of::<PyBytes>() || changes.cast::<PyMapping>().is_ok() {
        return Err(PyTypeError::new_err("calculate_variants takes a list (or other iterable) of mappings from parameter path to value"));
    }
    let iter = changes.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "calculate_variants takes a list of mappings from parameter path to value, got {}",
            type_name(changes)
        ))
    })?;
    let mut sets = Vec::new();
    for (i, item) in iter.enumerate() {
        sets.push(Arc::new(read_changes(&item?, Some(i))?));
    }
    let threads = default_threads(threads);
    let outcomes = py.detach(move || run_parallel(&sets, threads, |changes| calculate_variant(&base, changes)));
    outcomes_to_py(py, outcomes)
}

/// A variant calculated; its result keeps the base and the changes, not the variant, which is
/// dropped here (in the batch's thread).
fn calculate_variant(base: &Arc<ValidScenario>, changes: &Arc<Changes>) -> Outcome {
    let variant = variant_of(base, changes)?;
    catch_unwind(AssertUnwindSafe(|| variant.calculate()))
        .unwrap_or_else(|_| Err(internal("calculating").into()))
        .map_err(|e| e.errors)
        .map(|inner| PyCalculation {
            inner,
            source: Source::Variant { base: Arc::clone(base), changes: Arc::clone(changes), made: std::sync::OnceLock::new() },
        })
}

fn default_threads(threads: Option<usize>) -> usize {
    threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1)
}

fn outcomes_to_py(py: Python<'_>, outcomes: Vec<Outcome>) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for outcome in outcomes {
        match outcome {
            Ok(calculation) => out.append(Bound::new(py, calculation)?)?,
            Err(errors) => out.append(scenario_error_value(py, &errors)?)?,
        }
    }
    Ok(out)
}

type Outcome = Result<PyCalculation, Vec<FieldError>>;

/// Below this many scenarios per thread a batch is not split: starting threads costs more.
const MIN_PER_THREAD: usize = 32;

/// Scenarios a thread takes at a time from a batch.
const TAKE: usize = 8;

/// `job`'s outcomes on a batch, in input order. The threads (the calling one among them) take
/// the next few inputs as they go rather than a fixed share each, so a thread the scheduler
/// holds back on a loaded machine does not hold up the batch.
fn run_parallel<T: Sync>(inputs: &[T], threads: usize, job: impl Fn(&T) -> Outcome + Sync) -> Vec<Outcome> {
    let threads = threads.min(inputs.len() / MIN_PER_THREAD).max(1);
    if threads == 1 {
        return inputs.iter().map(job).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Outcome)> = Vec::new();
        loop {
            let start = next.fetch_add(TAKE, std::sync::atomic::Ordering::Relaxed);
            if start >= inputs.len() {
                return done;
            }
            for (i, input) in inputs.iter().enumerate().skip(start).take(TAKE) {
                done.push((i, job(input)));
            }
        }
    };
    let parts: Vec<Vec<(usize, Outcome)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut parts = vec![work()];
        // calculate_scenario catches panics itself, so a join cannot fail; a part lost anyway
        // leaves its inputs without an outcome, answered for by in_input_order.
        parts.extend(handles.into_iter().filter_map(|h| h.join().ok()));
        parts
    });
    in_input_order(inputs.len(), parts)
}

/// Every fault of a scenario as a list of {"path", "message"}; empty when it is valid.
#[pyfunction]
#[pyo3(signature = (scenario, /))]
fn validate<'py>(py: Python<'py>, scenario: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let input = read_scenario_input(scenario)?;
    let errors = match scenario_of(input) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    errors_to_py(py, &errors)
}

/// The warnings of a scenario (valid input that looks like a mistake) as a list of dicts like
/// the faults; empty when there are none or the scenario is invalid.
#[pyfunction]
#[pyo3(signature = (scenario, /))]
fn warnings<'py>(py: Python<'py>, scenario: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let input = read_scenario_input(scenario)?;
    let found = match scenario_of(input) {
        Ok(s) => catch_unwind(AssertUnwindSafe(|| samkalk::warnings(&s))).unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let text = serde_json::to_string(&found).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.cast_into::<PyList>()?)
}

/// The built-in parameter set: price_year, tax, tax_sources and states (each flow with its
/// source and note), numbers as decimal.Decimal; with `price_year`, the states restated to it
/// by the prisbasbelopp (method version 2).
#[pyfunction]
#[pyo3(signature = (price_year = None))]
fn defaults(py: Python<'_>, price_year: Option<i64>) -> PyResult<Bound<'_, PyAny>> {
    let v = catch_unwind(|| match price_year {
        None => Ok(samkalk::defaults_json()),
        Some(year) => samkalk::defaults_json_at(year),
    })
    .map_err(|_| PyValueError::new_err("samkalk's built-in defaults are broken"))?
    .map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_text_to_py(py, &v.to_string())
}

/// The municipalities' income tax rates of an income year (default the latest):
/// {year, source, national, municipalities: [{code, name, municipal_rate, regional_rate,
/// burial_fee}]}, rates as decimal.Decimal fractions.
#[pyfunction]
#[pyo3(signature = (year = None))]
fn municipalities(py: Python<'_>, year: Option<i64>) -> PyResult<Bound<'_, PyAny>> {
    let v = catch_unwind(|| samkalk::tax::municipalities_json(year))
        .map_err(|_| PyValueError::new_err("samkalk's built-in tax data is broken"))?
        .ok_or_else(|| PyValueError::new_err(format!("year: no municipal tax rates for {year:?} in the data")))?;
    json_text_to_py(py, &v.to_string())
}

fn lang_arg(lang: &str) -> PyResult<Lang> {
    match lang {
        "sv" => Ok(Lang::Sv),
        "en" => Ok(Lang::En),
        other => Err(PyValueError::new_err(format!("lang must be \"sv\" or \"en\", got {other:?}"))),
    }
}

/// Actor ids → labels in "sv" or "en", the seven actors in result order, then society.
#[pyfunction]
#[pyo3(signature = (lang = "sv"))]
fn actor_labels<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyDict>> {
    let lang = lang_arg(lang)?;
    let d = PyDict::new(py);
    for actor in Actor::ALL {
        d.set_item(actor.id(), present::actor_label(actor, lang))?;
    }
    d.set_item(SOCIETY_ID, present::society_label(lang))?;
    Ok(d)
}

/// Result field ids → labels, the public sector, and break-even kinds → labels, in "sv" or "en".
#[pyfunction]
#[pyo3(signature = (lang = "sv"))]
fn labels<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyDict>> {
    let lang = lang_arg(lang)?;
    let fields = PyDict::new(py);
    for f in present::Field::ALL {
        fields.set_item(f.id(), f.label(lang))?;
    }
    let kinds = PyDict::new(py);
    for k in samkalk::BreakEvenKind::ALL {
        kinds.set_item(k.id(), present::break_even_kind_label(k, lang))?;
    }
    let d = PyDict::new(py);
    d.set_item("fields", fields)?;
    d.set_item("break_even_kinds", kinds)?;
    d.set_item("society", present::society_label(lang))?;
    d.set_item("public_sector", present::public_sector_label(lang))?;
    d.set_item("public_sector_members", present::PUBLIC_SECTOR.iter().map(|a| a.id()).collect::<Vec<_>>())?;
    d.set_item("assumptions", present::assumptions_heading(lang))?;
    let headings = PyDict::new(py);
    for h in present::Heading::ALL {
        headings.set_item(h.id(), h.label(lang))?;
    }
    d.set_item("headings", headings)?;
    Ok(d)
}

fn number_arg(value: &Bound<'_, PyAny>) -> PyResult<rust_decimal::Decimal> {
    let mut walker = Walker::new(value.py())?;
    let text = match walker.walk(value, &Path::Root, 0) {
        Value::Number(t) | Value::String(t) => t,
        _ => return Err(PyTypeError::new_err(format!("expected a number, got {}", type_name(value)))),
    };
    samkalk::number::parse_decimal(&text).map_err(|_| PyValueError::new_err(format!("not a number samkalk can read: {text}")))
}

/// Formats a number with the core's presentation layer: `kind` is "kronor", "kronor_ore",
/// "percent" (of a share), "ratio" or "rounded" (an amount for a sentence).
#[pyfunction]
#[pyo3(signature = (kind, value, /, lang = "sv"))]
fn format_number(kind: &str, value: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let lang = lang_arg(lang)?;
    let x = number_arg(value)?;
    match present::NumberFormat::from_id(kind) {
        Some(format) => Ok(format.write(x, lang)),
        None => Err(PyValueError::new_err(format!("unknown format {kind:?}"))),
    }
}

/// Whole kronor with spaces between thousands, as the core's reports write them: "1 234 567 kr".
#[pyfunction]
#[pyo3(signature = (amount, /))]
fn format_kronor(amount: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(samkalk::report::kronor(number_arg(amount)?))
}

/// A share as a Swedish percentage with one decimal, as the core's reports write it: "6,8 %".
#[pyfunction]
#[pyo3(signature = (share, /))]
fn format_percent(share: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(samkalk::report::percent(number_arg(share)?))
}

/// Reads typed Swedish input ("120 000 kr", "30 %"): `kind` is "amount", "percent" (gives the
/// share) or "whole". Returns `(value, None, None, None)` with the exact decimal text, or
/// `(None, code, message_sv, message_en)`.
#[pyfunction]
#[pyo3(signature = (kind, text, /))]
#[allow(clippy::type_complexity)]
fn parse_input(kind: &str, text: &str) -> PyResult<(Option<String>, Option<&'static str>, Option<String>, Option<String>)> {
    let read = match kind {
        "amount" => present::parse_amount(text).map(|d| d.to_string()),
        "percent" => present::parse_percent(text).map(|d| d.to_string()),
        "whole" => present::parse_whole(text).map(|n| n.to_string()),
        other => return Err(PyValueError::new_err(format!("unknown input kind {other:?}"))),
    };
    Ok(match read {
        Ok(v) => (Some(v), None, None, None),
        Err(e) => (None, Some(e.code()), Some(e.message(Lang::Sv)), Some(e.message(Lang::En))),
    })
}

/// The standard sensitivity request for a scenario, as JSON text `{"request", "labels"}`.
#[pyfunction]
#[pyo3(signature = (scenario, /, lang = "sv"))]
fn standard_analysis(py: Python<'_>, scenario: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let lang = lang_arg(lang)?;
    let s = scenario_of(read_scenario_input(scenario)?).map_err(|errors| scenario_error(py, &errors))?;
    Ok(present::standard_analysis(&s, lang).to_json())
}

/// Analysis parameter paths in words for a scenario ("Kostnad per deltagare, AM3-grupp"),
/// as the core's present::parameter_label writes them; a path naming no number stays as is.
#[pyfunction]
#[pyo3(signature = (scenario, paths, /, lang = "sv"))]
fn parameter_labels(py: Python<'_>, scenario: &Bound<'_, PyAny>, paths: Vec<String>, lang: &str) -> PyResult<Vec<String>> {
    let lang = lang_arg(lang)?;
    let s = scenario_of(read_scenario_input(scenario)?).map_err(|errors| scenario_error(py, &errors))?;
    Ok(paths.iter().map(|p| present::parameter_label(&s, p, lang)).collect())
}

/// The names of an analysis result's parameters in one language, as the core gives them
/// (present::analysis_names: the request's `label`, else the core's words), section by section:
/// `{"sweep"?, "grid"?, "tornado": [...], "switching": [...], "monte_carlo": [...]}`.
#[pyfunction]
#[pyo3(signature = (scenario, result, /, lang = "sv"))]
fn analysis_names<'py>(
    py: Python<'py>,
    scenario: &Bound<'_, PyAny>,
    result: &Bound<'_, PyAnalysis>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = lang_arg(lang)?;
    let s = scenario_of(read_scenario_input(scenario)?).map_err(|errors| scenario_error(py, &errors))?;
    json_text_to_py(py, &present::analysis_names(&s, &result.get().inner, lang).to_json())
}

/// The core's readable analysis report in one language (`samkalk analyse --format table`).
#[pyfunction]
#[pyo3(signature = (scenario, result, /, lang = "sv"))]
fn analysis_table(py: Python<'_>, scenario: &Bound<'_, PyAny>, result: &Bound<'_, PyAnalysis>, lang: &str) -> PyResult<String> {
    let lang = lang_arg(lang)?;
    let s = scenario_of(read_scenario_input(scenario)?).map_err(|errors| scenario_error(py, &errors))?;
    Ok(present::analysis_report::analysis_table(&s, &result.get().inner, lang))
}

/// The words of the analysis tables and charts in one language, by key (the core's).
#[pyfunction]
#[pyo3(signature = (lang = "sv"))]
fn analysis_text(lang: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    Ok(present::analysis_report::analysis_text(lang_arg(lang)?))
}

/// A value of the parameter at `path` in its unit ("747 649 kr", "32,41 %", "1 200"), as the
/// core's present::parameter_value writes it.
#[pyfunction]
#[pyo3(signature = (path, value, /, lang = "sv"))]
fn parameter_value(path: &str, value: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    Ok(present::parameter_value(path, number_arg(value)?, lang_arg(lang)?))
}

/// One actor's tornado order: (npv_low, npv_high) pairs → (index, swing) pairs, largest swing
/// first, equal swings in the given order; swings as decimal text with two decimals.
#[pyfunction]
#[pyo3(signature = (pairs, /))]
fn tornado_order(pairs: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)>) -> PyResult<Vec<(usize, String)>> {
    let mut decimals = Vec::with_capacity(pairs.len());
    for (low, high) in &pairs {
        decimals.push((number_arg(low)?, number_arg(high)?));
    }
    Ok(present::tornado_order(&decimals).into_iter().map(|(i, swing)| (i, samkalk::result::fixed(swing, 2))).collect())
}

/// The seven actor ids in the order every result lists them.
#[pyfunction]
fn actor_ids() -> Vec<&'static str> {
    Actor::ALL.iter().map(|a| a.id()).collect()
}

// ------------------------------------------------------------------------------------------
// Sensitivity and uncertainty analysis (docs/analysis.md)

/// Reads an analysis request with the core (JSON, TOML or a walked tree). Never panics.
fn analysis_of(input: Input) -> Result<Analysis, Vec<FieldError>> {
    let run = move || match input {
        Input::Ready(_) => Err(vec![FieldError::new("", Fault::ScenarioNotRequest)]),
        Input::Failed(errors) => Err(errors),
        Input::Json(text) => Analysis::from_json(&text).map_err(|e| e.errors),
        Input::Toml(text) => Analysis::from_toml(&text).map_err(|e| e.errors),
        Input::Tree(value, walked) => match Analysis::from_value(&value) {
            Ok(a) if walked.is_empty() => Ok(a),
            Ok(_) => Err(walked),
            Err(e) => Err(merge(walked, e.errors)),
        },
    };
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| Err(internal("reading the analysis request")))
}

/// Why a run stopped early, seen from Python.
enum Stop {
    /// The callback (or a pending signal such as Ctrl-C) raised this.
    Raised(PyErr),
    /// The callback returned False.
    Declined,
}

enum AnalyseFailure {
    Scenario(Vec<FieldError>),
    Request(Vec<FieldError>),
    Stopped(Option<Stop>),
}

/// Runs an analysis with the GIL released. The progress closure takes the GIL back only to
/// call the Python callback and to check for signals (Ctrl-C); the core calls it at the start,
/// about every 0.5 % of the fast analyses, after every 1,000 Monte Carlo draws the calling
/// thread finishes, and at the end.
fn run_analysis(
    py: Python<'_>,
    scenario: Input,
    analysis: Input,
    callback: Option<&Py<PyAny>>,
    threads: Option<usize>,
) -> Result<AnalysisResult, AnalyseFailure> {
    py.detach(move || {
        let scenario = scenario_of(scenario).map_err(AnalyseFailure::Scenario)?;
        let analysis = analysis_of(analysis).map_err(AnalyseFailure::Request)?;
        let mut stop: Option<Stop> = None;
        let mut progress = |done: u64, total: u64| -> bool {
            Python::attach(|py| {
                if let Err(e) = py.check_signals() {
                    stop = Some(Stop::Raised(e));
                    return false;
                }
                if let Some(f) = callback {
                    match f.call1(py, (done, total)) {
                        Ok(answer) => {
                            if answer.bind(py).cast::<PyBool>().is_ok_and(|b| !b.is_true()) {
                                stop = Some(Stop::Declined);
                                return false;
                            }
                        }
                        Err(e) => {
                            stop = Some(Stop::Raised(e));
                            return false;
                        }
                    }
                }
                true
            })
        };
        let outcome =
            catch_unwind(AssertUnwindSafe(|| samkalk::analysis::run_valid(&scenario, &analysis, RunOptions { threads }, &mut progress)));
        match outcome {
            Ok(Ok(result)) => Ok(result),
            Ok(Err(AnalysisError::Scenario(errors))) => Err(AnalyseFailure::Scenario(errors)),
            Ok(Err(AnalysisError::Invalid(errors))) => Err(AnalyseFailure::Request(errors)),
            Ok(Err(AnalysisError::Cancelled)) => Err(AnalyseFailure::Stopped(stop)),
            Err(_) => Err(AnalyseFailure::Request(internal("running the analysis"))),
        }
    })
}

/// Runs an analysis request (docs/analysis.md) on a scenario with the GIL released.
///
/// `progress(done, total)` is called now and then (a False return cancels the run with
/// samkalk.AnalysisCancelled; an exception it raises stops the run and propagates); Ctrl-C stops
/// the run with KeyboardInterrupt. Faults of the scenario raise ScenarioError, faults of the
/// request samkalk.AnalysisError (paths in the request).
#[pyfunction]
#[pyo3(signature = (scenario, analysis, /, *, progress = None, threads = None))]
fn analyse(
    py: Python<'_>,
    scenario: &Bound<'_, PyAny>,
    analysis: &Bound<'_, PyAny>,
    progress: Option<Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<PyAnalysis> {
    if let Some(p) = &progress {
        if !p.is_callable() {
            return Err(PyTypeError::new_err(format!("progress must be a callable taking (done, total), got {}", type_name(p))));
        }
    }
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let scenario = read_scenario_input(scenario)?;
    let analysis = read_input(analysis)?;
    let callback = progress.map(Bound::unbind);
    match run_analysis(py, scenario, analysis, callback.as_ref(), threads) {
        Ok(inner) => Ok(PyAnalysis { inner }),
        Err(AnalyseFailure::Scenario(errors)) => Err(scenario_error(py, &errors)),
        Err(AnalyseFailure::Request(errors)) => Err(analysis_error(py, &errors)),
        Err(AnalyseFailure::Stopped(Some(Stop::Raised(e)))) => Err(e),
        Err(AnalyseFailure::Stopped(Some(Stop::Declined))) => {
            let class = ANALYSIS_CANCELLED.import(py, "samkalk._errors", "AnalysisCancelled")?;
            Err(PyErr::from_value(class.call1(("the progress callback returned False",))?))
        }
        Err(AnalyseFailure::Stopped(None)) => Err(pyo3::exceptions::PyKeyboardInterrupt::new_err("the analysis was cancelled")),
    }
}

/// Alternatives compared by the core (wrapped by samkalk.Comparison).
#[pyclass(name = "NativeComparison", module = "samkalk._samkalk", frozen)]
struct PyComparison {
    inner: samkalk::compare::Comparison,
}

#[pymethods]
impl PyComparison {
    /// `{"alternatives": [names], "rows": [{"who", "alternatives": [figures], "differences":
    /// [figures]}]}` with decimal.Decimal money and ratios.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner, decimal_type(py)?, false)
    }

    /// The comparison as the core's JSON (indented).
    fn to_json(&self) -> String {
        self.inner.to_json_pretty()
    }

    /// The core's tidy CSV, as `samkalk compare --format csv` writes it.
    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }

    /// The core's readable table, as `samkalk compare` prints it.
    #[pyo3(signature = (lang = "sv"))]
    fn table(&self, lang: &str) -> PyResult<String> {
        Ok(present::compare::compare_table(&self.inner, lang_of(lang)?))
    }
}

/// Compares scenarios (anything `calculate` takes, each) under the names given (None: each
/// scenario's name, else its number from 1): a fault of one raises ScenarioError with its
/// paths under `scenarios[i].`.
#[pyfunction]
#[pyo3(signature = (scenarios, names, /))]
fn compare(py: Python<'_>, scenarios: &Bound<'_, PyAny>, names: Option<Vec<String>>) -> PyResult<PyComparison> {
    let mut inputs = Vec::new();
    for item in scenarios.try_iter()? {
        inputs.push(read_scenario_input(&item?)?);
    }
    if let Some(names) = &names {
        if inputs.len() != names.len() {
            return Err(PyValueError::new_err(format!("{} names for {} scenarios", names.len(), inputs.len())));
        }
    }
    let under = |i: usize, errors: Vec<FieldError>| -> Vec<FieldError> {
        errors
            .into_iter()
            .map(|mut e| {
                e.path = if e.path.is_empty() { format!("scenarios[{i}]") } else { format!("scenarios[{i}].{}", e.path) };
                e
            })
            .collect()
    };
    let outcome = py.detach(move || -> Result<samkalk::compare::Comparison, Vec<FieldError>> {
        let mut read = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.into_iter().enumerate() {
            read.push(scenario_of(input).map_err(|e| under(i, e))?);
        }
        let named: Vec<(String, &ValidScenario)> = read
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = match names.as_ref().and_then(|n| n.get(i)) {
                    Some(n) => n.clone(),
                    None if !s.name.is_empty() => s.name.clone(),
                    None => (i + 1).to_string(),
                };
                (name, &**s)
            })
            .collect();
        catch_unwind(AssertUnwindSafe(|| samkalk::compare::compare_valid(&named)))
            .map_err(|_| internal("comparing"))?
            .map_err(|e| under(e.index, e.error.errors))
    });
    match outcome {
        Ok(inner) => Ok(PyComparison { inner }),
        Err(errors) => Err(scenario_error(py, &errors)),
    }
}

/// An analysis's result (wrapped by samkalk.AnalysisResult).
#[pyclass(name = "NativeAnalysis", module = "samkalk._samkalk", frozen)]
struct PyAnalysis {
    inner: AnalysisResult,
}

#[pymethods]
impl PyAnalysis {
    /// The result of docs/analysis.md as a dict: money, values and probabilities as
    /// decimal.Decimal, counts and the seed as int.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner, decimal_type(py)?, false)
    }

    /// The result JSON, byte for byte what the core writes (indented like the command line's
    /// with pretty=True).
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            self.inner.to_json()
        }
    }

    /// The sections present, in the result's order (base first).
    fn sections(&self) -> Vec<&'static str> {
        let r = &self.inner;
        let mut out = vec!["base"];
        for (present, name) in [
            (r.sweep.is_some(), "sweep"),
            (r.grid.is_some(), "grid"),
            (r.tornado.is_some(), "tornado"),
            (!r.switching.is_empty(), "switching"),
            (r.monte_carlo.is_some(), "monte_carlo"),
        ] {
            if present {
                out.push(name);
            }
        }
        out
    }

    /// Monte Carlo's kept draws by column, `{"values": {path: [...]}, "npv": {id: [...]}}`, as
    /// float (as_float=True: the nearest double) or decimal.Decimal; None without keep_draws.
    #[pyo3(signature = (as_float = false))]
    fn samples<'py>(&self, py: Python<'py>, as_float: bool) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(samples) = self.inner.monte_carlo.as_ref().and_then(|mc| mc.samples.as_ref()) else {
            return Ok(None);
        };
        to_py(py, samples, decimal_type(py)?, as_float).map(Some)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyAnalysis>().is_ok_and(|o| o.get().inner == self.inner)
    }
}

/// True when `scenario` is a dict read in place (py/src/node.rs), without a tree: a plain,
/// valid scenario dict; for checking which reading an input takes.
#[pyfunction]
#[pyo3(signature = (scenario, /))]
fn reads_in_place(scenario: &Bound<'_, PyAny>) -> bool {
    scenario.cast::<PyDict>().is_ok_and(|dict| node::valid_scenario(dict).is_some())
}

/// The first `n` outputs of the xoshiro256** generator of Monte Carlo draw `draw` (0-based) of
/// a run seeded with `seed` (docs/analysis.md); for checking the generator across layers.
#[pyfunction]
#[pyo3(signature = (seed, draw, n, /))]
fn generator_outputs(seed: u64, draw: u64, n: usize) -> PyResult<Vec<u64>> {
    if n > 1_000_000 {
        return Err(PyValueError::new_err("at most 1,000,000 outputs"));
    }
    let mut rng = samkalk::analysis::rng::Xoshiro256::for_draw(seed, draw);
    Ok((0..n).map(|_| rng.next_u64()).collect())
}

#[pymodule]
fn _samkalk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_DEPTH", MAX_DEPTH)?;
    m.add_class::<PyScenario>()?;
    m.add_class::<PyCalculation>()?;
    m.add_class::<PyAnalysis>()?;
    m.add_class::<PyComparison>()?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(analyse, m)?)?;
    m.add_function(wrap_pyfunction!(generator_outputs, m)?)?;
    m.add_function(wrap_pyfunction!(reads_in_place, m)?)?;
    m.add_function(wrap_pyfunction!(calculate, m)?)?;
    m.add_function(wrap_pyfunction!(calculate_many, m)?)?;
    m.add_function(wrap_pyfunction!(calculate_variants, m)?)?;
    #[cfg(feature = "xlsx")]
    m.add_function(wrap_pyfunction!(calculate_excel, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(warnings, m)?)?;
    m.add_function(wrap_pyfunction!(trace, m)?)?;
    m.add_function(wrap_pyfunction!(defaults, m)?)?;
    m.add_function(wrap_pyfunction!(municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(actor_labels, m)?)?;
    m.add_function(wrap_pyfunction!(actor_ids, m)?)?;
    m.add_function(wrap_pyfunction!(format_kronor, m)?)?;
    m.add_function(wrap_pyfunction!(format_percent, m)?)?;
    m.add_function(wrap_pyfunction!(format_number, m)?)?;
    m.add_function(wrap_pyfunction!(parse_input, m)?)?;
    m.add_function(wrap_pyfunction!(labels, m)?)?;
    m.add_function(wrap_pyfunction!(standard_analysis, m)?)?;
    m.add_function(wrap_pyfunction!(parameter_labels, m)?)?;
    m.add_function(wrap_pyfunction!(parameter_value, m)?)?;
    m.add_function(wrap_pyfunction!(analysis_names, m)?)?;
    m.add_function(wrap_pyfunction!(analysis_table, m)?)?;
    m.add_function(wrap_pyfunction!(analysis_text, m)?)?;
    m.add_function(wrap_pyfunction!(tornado_order, m)?)?;
    Ok(())
}
