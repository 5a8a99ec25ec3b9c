//! The fuzz targets' checks (core/fuzz/checks.rs) on a stable toolchain: run over a corpus made
//! from every vector's scenario (tests/vectors, v1 and v2) and the example TOML files, and over
//! seeded mutations of them, so that `cargo test` catches a panic the fuzzer would.
//!
//! - Every field: each field path of the format (indices folded, `cohorts[].outcomes[].share`)
//!   is, at its first occurrence, removed and replaced by values of every kind and of the
//!   edges (negative, zero, huge, too precise, text, null, list, object); each list is emptied
//!   and overfilled; each object gets an unknown member.
//! - Bytes: a seeded generator flips, deletes, duplicates and inserts bytes and the format's
//!   names (core/fuzz/scenario.dict) in the seeds.
//! - TOML: each line of each example is removed, and its value replaced by the edge values.
//!
//! A panic (a broken promise of the check, or the engine's own) fails the test and names the
//! input; the corpus is fixed by its seed, so a failure repeats.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use samkalk::value::to_json;
use samkalk::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_path_buf()
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

/// Every vector's scenario tree (v1 and v2).
fn vector_scenarios() -> Vec<Value> {
    let dir = root().join("tests/vectors");
    let mut out = Vec::new();
    for file in files(&dir, "json").into_iter().chain(files(&dir.join("v2"), "json")) {
        let text = std::fs::read_to_string(&file).expect("a vector");
        let tree = samkalk::parse_json(&text).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        if let Some(s) = tree.get("scenario") {
            out.push(s.clone());
        }
    }
    out
}

/// Values of every kind, and the edges of numbers and text.
fn edge_values() -> Vec<Value> {
    let n = |s: &str| Value::Number(s.to_string());
    let t = |s: &str| Value::String(s.to_string());
    vec![
        Value::Null,
        Value::Bool(true),
        n("-1"),
        n("0"),
        n("1e400"),
        n("79228162514264337593543950336"),
        t("0.0000000000000000000000000000001"),
        t("-0.5"),
        t("1.3"),
        t("99999999999999999999999999999"),
        t("AM2"),
        t(""),
        Value::Array(Vec::new()),
        Value::Object(Vec::new()),
    ]
}

/// A path with its indices folded, to find a field's first occurrence.
fn folded(path: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// The tree with the node at `at` (a list of member names and indices) changed by `change`
/// (given the node; None removes it from its object or list).
fn changed(tree: &Value, at: &[Step], change: &dyn Fn(&Value) -> Option<Value>) -> Value {
    let Some((first, rest)) = at.split_first() else {
        return change(tree).unwrap_or(Value::Null);
    };
    match (tree, first) {
        (Value::Object(members), Step::Key(k)) => Value::Object(
            members
                .iter()
                .filter_map(|(name, v)| {
                    if name != k {
                        return Some((name.clone(), v.clone()));
                    }
                    if rest.is_empty() {
                        change(v).map(|new| (name.clone(), new))
                    } else {
                        Some((name.clone(), changed(v, rest, change)))
                    }
                })
                .collect(),
        ),
        (Value::Array(items), Step::Index(i)) => Value::Array(
            items
                .iter()
                .enumerate()
                .filter_map(|(j, v)| {
                    if j != *i {
                        return Some(v.clone());
                    }
                    if rest.is_empty() {
                        change(v)
                    } else {
                        Some(changed(v, rest, change))
                    }
                })
                .collect(),
        ),
        _ => tree.clone(),
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every node of a tree with its path (`a.b[0].c`) and its steps.
fn nodes(tree: &Value, path: String, steps: Vec<Step>, out: &mut Vec<(String, Vec<Step>, Value)>) {
    out.push((path.clone(), steps.clone(), tree.clone()));
    match tree {
        Value::Object(members) => {
            for (k, v) in members {
                let mut s = steps.clone();
                s.push(Step::Key(k.to_string()));
                let p = if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
                nodes(v, p, s, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut s = steps.clone();
                s.push(Step::Index(i));
                nodes(v, format!("{path}[{i}]"), s, out);
            }
        }
        _ => {}
    }
}

/// Each field at its first occurrence among the seeds, removed and given every edge value;
/// lists emptied and overfilled, objects given an unknown member. Returns (inputs, fields).
fn field_mutations(seeds: &[Value]) -> (Vec<String>, BTreeSet<String>) {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let edges = edge_values();
    for seed in seeds {
        let mut all = Vec::new();
        nodes(seed, String::new(), Vec::new(), &mut all);
        for (path, steps, node) in all {
            if path.is_empty() || !seen.insert(folded(&path)) {
                continue;
            }
            out.push(to_json(&changed(seed, &steps, &|_| None)));
            for edge in &edges {
                out.push(to_json(&changed(seed, &steps, &|_| Some(edge.clone()))));
            }
            match node {
                Value::Array(items) if !items.is_empty() => {
                    let many = Value::Array(std::iter::repeat_n(items[0].clone(), 25).collect());
                    out.push(to_json(&changed(seed, &steps, &|_| Some(many.clone()))));
                }
                Value::Object(members) => {
                    let mut more = members.clone();
                    more.push(("unknown_member".into(), Value::Number("1".into())));
                    let more = Value::Object(more);
                    out.push(to_json(&changed(seed, &steps, &|_| Some(more.clone()))));
                }
                _ => {}
            }
        }
    }
    (out, seen)
}

/// xorshift64*: a fixed sequence, so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The dictionary's tokens (core/fuzz/scenario.dict: one quoted token a line).
fn dictionary() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/scenario.dict")).expect("the dictionary");
    text.lines().filter(|l| l.starts_with('"')).map(|l| l.trim().trim_matches('"').replace("\\\"", "\"").into_bytes()).collect()
}

/// `count` seeded byte mutations of the seeds (one to four changes each).
fn byte_mutations(seeds: &[String], count: usize) -> Vec<Vec<u8>> {
    let dict = dictionary();
    let mut rng = Rng(0x0005_eed0_f5a3_ca1c);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let mut bytes = seeds[rng.below(seeds.len())].clone().into_bytes();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(5) {
                0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
                1 => {
                    let end = (at + 1 + rng.below(16)).min(bytes.len());
                    bytes.drain(at.min(end)..end);
                }
                2 => {
                    let end = (at + 1 + rng.below(32)).min(bytes.len());
                    let piece: Vec<u8> = bytes[at.min(end)..end].to_vec();
                    bytes.splice(at.min(end)..at.min(end), piece);
                }
                3 => {
                    let token = dict[rng.below(dict.len())].clone();
                    bytes.splice(at..at, token);
                }
                _ => {
                    let digits = b"0123456789.-e";
                    bytes.insert(at, digits[rng.below(digits.len())]);
                }
            }
        }
        out.push(bytes);
    }
    out
}

/// Each example TOML file, with each line removed and each value replaced by the edges.
fn toml_mutations() -> Vec<String> {
    let values = ["-1", "0", "1e400", "\"x\"", "\"1.3\"", "[]", "{}", "true", "99999999999999999999999999999"];
    let mut out = Vec::new();
    for file in files(&root().join("examples"), "toml") {
        let text = std::fs::read_to_string(&file).expect("an example");
        out.push(text.clone());
        let lines: Vec<&str> = text.lines().collect();
        for i in 0..lines.len() {
            let without: Vec<&str> = lines.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, l)| *l).collect();
            out.push(without.join("\n"));
            if let Some((key, _)) = lines[i].split_once(" = ") {
                for v in values {
                    let mut with = lines.clone();
                    let line = format!("{key} = {v}");
                    with[i] = &line;
                    out.push(with.join("\n"));
                }
            }
        }
    }
    out
}

/// Runs `check` on every input; a panic names the input (each panic's message is printed too).
fn run_all(name: &str, inputs: &[Vec<u8>], check: fn(&[u8])) {
    let failed: Vec<String> = inputs
        .iter()
        .filter(|input| catch_unwind(AssertUnwindSafe(|| check(input))).is_err())
        .map(|input| String::from_utf8_lossy(input).chars().take(400).collect())
        .collect();
    assert!(failed.is_empty(), "{name}: {} of {} inputs panicked; the first:\n{}", failed.len(), inputs.len(), failed[0]);
}

#[test]
fn every_field_of_every_vector_mutated_never_panics() {
    let seeds = vector_scenarios();
    assert!(seeds.len() >= 100, "the vectors are found ({})", seeds.len());
    let (inputs, fields) = field_mutations(&seeds);
    // The format's fields, version 2's among them, each reached at least once.
    for field in [
        "discount_rate",
        "tax.municipal_rate",
        "states.AM2.flows[].amount",
        "cohorts[].outcomes[].share",
        "cohorts[].intervention.financing.municipality",
    ] {
        assert!(fields.contains(field), "{field} is mutated; fields: {fields:?}");
    }
    assert!(fields.iter().any(|f| f.ends_with(".then[].share")), "version 2's onward moves are mutated");
    let mut all: Vec<Vec<u8>> = seeds.iter().map(|s| to_json(s).into_bytes()).collect();
    all.extend(inputs.into_iter().map(String::into_bytes));
    run_all("scenario", &all, checks::scenario);
}

#[test]
fn seeded_byte_mutations_of_the_vectors_never_panic() {
    let seeds: Vec<String> = vector_scenarios().iter().map(to_json).collect();
    let inputs = byte_mutations(&seeds, 600);
    run_all("scenario", &inputs, checks::scenario);
    run_all("present", &inputs, checks::present);
}

#[test]
fn the_examples_toml_mutated_line_by_line_never_panics() {
    let inputs: Vec<Vec<u8>> = toml_mutations().into_iter().map(String::into_bytes).collect();
    assert!(inputs.len() > 100, "the examples are found ({})", inputs.len());
    run_all("scenario (TOML)", &inputs, checks::scenario);
}

#[test]
fn the_presentation_checks_never_panic_on_edge_text_and_decimals() {
    let mut rng = Rng(42);
    let mut inputs: Vec<Vec<u8>> =
        ["35 000", "12,5 %", "-1 234,56 kr", "1e400", "79 228 162 514 264 337 593 543 950 335", ",", "", "−5", "1.234,5"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
    for _ in 0..2000 {
        inputs.push((0..16 + rng.below(8)).map(|_| rng.next() as u8).collect());
    }
    // The largest mantissa at every scale, of both signs.
    for scale in 0..29u8 {
        for sign in [0u8, 1] {
            let mut bytes = vec![0xff; 12];
            bytes.extend([sign, scale, 0, 0]);
            inputs.push(bytes);
        }
    }
    run_all("present", &inputs, checks::present);
}

#[test]
fn a_failing_check_is_caught_and_named() {
    let panicking: fn(&[u8]) = |data| assert!(data != b"bad", "found it");
    let outcome = catch_unwind(|| run_all("probe", &[b"good".to_vec(), b"bad".to_vec()], panicking));
    let message = outcome.expect_err("run_all fails on a panicking input");
    let text = message.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(text.contains("1 of 2 inputs panicked") && text.contains("bad"), "{text}");
}
