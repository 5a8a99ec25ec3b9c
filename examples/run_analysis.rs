//! Run a sensitivity and uncertainty analysis (docs/analysis.md) on a scenario and print the
//! core's analysis report in Swedish: a sweep, a grid, a tornado, switching values and a Monte
//! Carlo. Run with `cargo run --release --example run_analysis -- [SCENARIO] [ANALYSIS]`
//! (defaults: examples/programme.toml and examples/analysis.json).

use std::path::{Path, PathBuf};
use std::process::exit;

use samkalk::analysis::{self, Analysis};
use samkalk::{Lang, Scenario};

/// A file's text, or exit with the reason.
fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        exit(2)
    })
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"))
}

fn main() {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let scenario_path = args.next().unwrap_or_else(|| here.join("programme.toml"));
    let analysis_path = args.next().unwrap_or_else(|| here.join("analysis.json"));

    let text = read(&scenario_path);
    let scenario = if is_json(&scenario_path) { Scenario::from_json(&text) } else { Scenario::from_toml(&text) };
    let text = read(&analysis_path);
    let request = if is_json(&analysis_path) { Analysis::from_json(&text) } else { Analysis::from_toml(&text) };
    let (scenario, request) = match (scenario, request) {
        (Ok(s), Ok(a)) => (s, a),
        (s, a) => {
            // Scenario faults name a scenario path, request faults a path in the request.
            for fault in s.err().into_iter().chain(a.err()).flat_map(|e| e.errors) {
                eprintln!("{}: {}", fault.path, fault.message_in(Lang::Sv));
            }
            exit(1)
        }
    };

    // The progress callback gets (done, total) evaluations; returning false cancels the run.
    let mut progress = |_done: u64, _total: u64| true;
    match analysis::run(&scenario, &request, &mut progress) {
        Ok(result) => print!("{}", samkalk::present::analysis_report::analysis_table(&scenario, &result, Lang::Sv)),
        Err(e) => {
            for fault in e.errors() {
                eprintln!("{}: {}", fault.path, fault.message_in(Lang::Sv));
            }
            exit(1)
        }
    }
}
