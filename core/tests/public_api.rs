//! The bindings (py/, wasm/, cli/) use only the crate's public API, and README.md's "Public
//! API" lists it: every root item and module a binding names is listed there, and every item
//! listed there is public at the crate's root (`pub use`, `pub fn`) or a public module
//! (`pub mod`). Being separate crates, the bindings cannot reach a private item, and
//! `missing_docs` is denied, so what they use is documented.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace")
}

/// Code without its `//` comments.
fn code(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The first segment after each `samkalk::` in the bindings' Rust sources (and each name of a
/// `samkalk::{A, b::C}` group): the root items and modules they use.
fn binding_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for dir in ["py/src", "wasm/src", "cli/src"] {
        let mut files: Vec<_> =
            std::fs::read_dir(root().join(dir)).expect("a binding's sources").map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files.into_iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
            let text = code(&std::fs::read_to_string(&file).expect("readable"));
            for (at, _) in text.match_indices("samkalk::") {
                if at > 0 && (text.as_bytes()[at - 1].is_ascii_alphanumeric() || text.as_bytes()[at - 1] == b'_') {
                    continue;
                }
                let rest = &text[at + "samkalk::".len()..];
                if let Some(group) = rest.strip_prefix('{') {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    for part in group.split(',') {
                        let first = part.trim().split("::").next().unwrap_or("").trim();
                        if !first.is_empty() && first != "self" {
                            names.insert(first.to_string());
                        }
                    }
                } else {
                    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    names.insert(name);
                }
            }
        }
    }
    names
}

/// The names in backticks in README.md's "### Public API" section (first cells and item lists).
fn readme_names() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme.find("### Public API").expect("README.md has a \"### Public API\" section");
    let section = &readme[start..];
    let end = section[4..].find("\n#").map(|i| i + 4).unwrap_or(section.len());
    let mut names = BTreeSet::new();
    for line in section[..end].lines().filter(|l| {
        l.starts_with("| `")
            || l.starts_with("| functions")
            || l.starts_with("| the ")
            || l.starts_with("| results")
            || l.starts_with("| faults")
    }) {
        // Module rows name the module(s) in the first cell; item rows list the items in the second.
        let cells: Vec<&str> = line.split('|').collect();
        let cell = if line.starts_with("| `") { cells[1] } else { cells[2] };
        for (i, piece) in cell.split('`').enumerate() {
            if i % 2 == 1 && piece.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                names.insert(piece.to_string());
            }
        }
    }
    names
}

/// What lib.rs makes public: `pub mod` modules, `pub fn` functions and `pub use` names.
fn public_names() -> BTreeSet<String> {
    let lib = code(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("lib.rs"));
    let mut names = BTreeSet::new();
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect() };
    for line in lib.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub mod ").or_else(|| line.strip_prefix("pub fn ")) {
            names.insert(ident(rest));
        } else if let Some(rest) = line.strip_prefix("pub use ") {
            let list = match rest.find('{') {
                Some(i) => &rest[i + 1..rest.rfind('}').unwrap_or(rest.len())],
                None => rest.rsplit("::").next().unwrap_or(""),
            };
            for part in list.split(',') {
                names.insert(ident(part.trim()));
            }
        }
    }
    names
}

#[test]
fn the_readers_find_names() {
    assert!(binding_names().contains("present"), "the bindings use samkalk::present");
    assert!(readme_names().contains("ValidScenario") && readme_names().contains("tax"));
    let public = public_names();
    assert!(public.contains("calculate_json") && public.contains("Scenario") && public.contains("analysis"));
    assert!(!public.contains("validate_value") && !public.contains("cohort"));
}

#[test]
fn the_bindings_use_only_the_listed_public_api() {
    let listed = readme_names();
    let missing: Vec<String> = binding_names().into_iter().filter(|n| !listed.contains(n)).collect();
    assert!(missing.is_empty(), "the bindings use items README.md's \"Public API\" does not list: {missing:?}");
}

#[test]
fn the_listed_api_is_public() {
    let public = public_names();
    let not_public: Vec<String> = readme_names().into_iter().filter(|n| !public.contains(n)).collect();
    assert!(not_public.is_empty(), "README.md's \"Public API\" lists names the crate's root does not make public: {not_public:?}");
}
