//! The core's modules follow the flow input → model → rules → engine → output: no top-level
//! module may reach itself through `crate::` paths (a circle). The graph is read from the
//! source (core/src/**/*.rs, comments left out), one node per top-level module (`tax/*.rs` is
//! `tax`); lib.rs, the crate root that re-exports, is not a node.
//!
//! Circles not yet broken would be listed in `KNOWN_CIRCLES` (empty now); the test fails when
//! a new one appears and when a listed one is gone (then take it off the list), so the list only
//! shrinks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each circle (a strongly connected set of modules) still in the tree, its modules in order.
/// None is left.
const KNOWN_CIRCLES: &[&[&str]] = &[];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("core/src is readable").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module graph: which top-level modules each one names through `crate::`.
fn module_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a component").as_os_str().to_string_lossy().into_owned();
        if first == "lib.rs" {
            continue;
        }
        let module = first.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(&file).expect("source is readable");
        let edges = graph.entry(module.clone()).or_default();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" //").next().unwrap_or(code);
            for (at, _) in code.match_indices("crate::") {
                if at > 0 && code.as_bytes()[at - 1].is_ascii_alphanumeric() {
                    continue; // `samkalk_crate::`, not this crate
                }
                let name: String = code[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                // `crate::Name` is the root's re-export of a type, not a module.
                if !name.is_empty() && name != module && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                    edges.insert(name);
                }
            }
        }
    }
    graph
}

/// The strongly connected sets of more than one module (Tarjan's algorithm), each sorted.
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.graph.contains_key(w) {
                continue;
            }
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut set = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                set.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if set.len() > 1 {
                set.sort();
                s.found.push(set);
            }
        }
    }
    let mut s =
        State { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on_stack: BTreeSet::new(), found: Vec::new() };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found.sort();
    s.found
}

#[test]
fn the_reader_finds_the_modules_and_their_edges() {
    let graph = module_graph();
    for module in ["scenario", "validate", "calculate", "result", "analysis", "present", "tax"] {
        assert!(graph.contains_key(module), "{module} is a node");
    }
    assert!(graph["calculate"].contains("cohort"), "calculate uses cohort");
    assert!(graph["analysis"].contains("calculate"), "analysis (a directory) uses calculate");
}

#[test]
fn a_circle_is_found() {
    let mut graph = Graph::new();
    graph.insert("a".into(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".into(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".into(), BTreeSet::from(["a".to_string(), "d".to_string()]));
    graph.insert("d".into(), BTreeSet::new());
    assert_eq!(circles(&graph), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
}

#[test]
fn no_new_circle_between_modules() {
    let graph = module_graph();
    let found = circles(&graph);
    let known: Vec<Vec<String>> = KNOWN_CIRCLES.iter().map(|c| c.iter().map(|m| m.to_string()).collect()).collect();
    let edges_within = |set: &[String]| -> Vec<String> {
        let mut out = Vec::new();
        for a in set {
            for b in &graph[a] {
                if set.contains(b) {
                    out.push(format!("{a} → {b}"));
                }
            }
        }
        out
    };
    let new: Vec<String> = found.iter().filter(|c| !known.contains(c)).map(|c| format!("{c:?}: {}", edges_within(c).join(", "))).collect();
    let gone: Vec<&Vec<String>> = known.iter().filter(|c| !found.contains(c)).collect();
    assert!(
        new.is_empty(),
        "modules import each other in a circle (move the item behind the back edge down the flow):\n{}",
        new.join("\n")
    );
    assert!(gone.is_empty(), "circles no longer in the tree; take them off KNOWN_CIRCLES: {gone:?}");
}
