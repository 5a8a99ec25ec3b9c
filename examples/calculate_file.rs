//! Calculate a scenario file and print the Swedish report, then the municipality's net present
//! value. Run with `cargo run --example calculate_file -- [FILE]`; FILE is a `.toml` or `.json`
//! scenario (default: examples/programme.toml).

use std::path::PathBuf;
use std::process::exit;

use samkalk::{Actor, Lang, Scenario};

fn main() {
    // The scenario file: the first argument, else the main job next to this example.
    let path =
        std::env::args_os().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programme.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        exit(2)
    });
    // The format follows the extension, as the command line's `samkalk calculate` does.
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    let scenario = if is_json { Scenario::from_json(&text) } else { Scenario::from_toml(&text) };
    // Every fault names its field (`cohorts[0].outcomes[0].share: ...`); the messages exist in
    // Swedish and English.
    let result = scenario.and_then(|s| samkalk::calculate(&s).map(|r| (s, r)));
    let (scenario, result) = match result {
        Ok(pair) => pair,
        Err(e) => {
            for fault in &e.errors {
                eprintln!("{}: {}", fault.path, fault.message_in(Lang::Sv));
            }
            exit(1)
        }
    };
    print!("{}", samkalk::report::table(&scenario, &result));
    // A figure of one actor: `npv` is a typed `Money`; `.value()` is the exact Decimal.
    let npv = result.actor(Actor::Municipality).npv.value();
    println!("\nKommunens nuvärde: {}", samkalk::present::kronor_ore(npv, Lang::Sv));
}
