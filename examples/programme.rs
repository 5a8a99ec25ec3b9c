//! The main job: a typical municipal programme on the built-in defaults, printed as the
//! Swedish report. Run with `cargo run --release --example programme`.

fn main() {
    let text = include_str!("programme.toml");
    let scenario = match samkalk::Scenario::from_toml(text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    match samkalk::calculate(&scenario) {
        Ok(result) => print!("{}", samkalk::report::table(&scenario, &result)),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
