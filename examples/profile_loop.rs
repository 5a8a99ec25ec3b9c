//! A loop for profilers (callgrind, perf): `cargo build --release --example profile_loop`,
//! then `valgrind --tool=callgrind target/release/examples/profile_loop [MODE] [N]`.
//! MODE: `calculate` (default: the main example), `read` (reading its JSON, written out in
//! full), `value002` (reading 002.json's scenario from a tree already built, as the Python
//! binding hands it over), `read002` (reading tests/vectors/002.json's scenario, compact as
//! the bindings hand it over), `text002` (what the WebAssembly and text APIs do: 002.json's scenario as text in,
//! calculated, the result as JSON text out), `tojson` (calculate and write the result's JSON),
//! `trelleborg` or `nynashamn` (the pathway examples over 60 years), `montecarlo` (one
//! analysis of N Monte Carlo draws on the main example, examples/analysis.json's parameters),
//! `calculate002` (calculating 002.json's scenario, read once) or `variant002` (the same with
//! three of its numbers changed each time by `ValidScenario::with_values`, as py/bench.py's
//! sweep does).
//! N: iterations (default 20000). Run it with
//! two values of N and divide the difference in instructions by the difference in N to get the
//! instructions of one call without the setup.
fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "calculate".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20000);
    let sixty = |toml: &str| {
        let mut s = samkalk::Scenario::from_toml(toml).unwrap();
        s.horizon_years = 60;
        s
    };
    let s = match mode.as_str() {
        "trelleborg" => sixty(include_str!("trelleborg.toml")),
        "nynashamn" => sixty(include_str!("nynashamn.toml")),
        _ => samkalk::Scenario::from_toml(include_str!("programme.toml")).unwrap(),
    };
    let json = if mode.ends_with("002") {
        let vector = samkalk::parse_json(include_str!("../tests/vectors/002.json")).unwrap();
        samkalk::value::to_json(vector.get("scenario").unwrap())
    } else {
        s.to_json()
    };
    if mode == "montecarlo" {
        let mut analysis = samkalk::analysis::Analysis::from_json(include_str!("analysis.json")).unwrap();
        let mut mc = analysis.monte_carlo.take().unwrap();
        mc.draws = n as u64;
        let analysis = samkalk::analysis::Analysis { monte_carlo: Some(mc), ..Default::default() };
        let result = samkalk::analysis::run(&s, &analysis, &mut |_, _| true).unwrap();
        println!("{}", result.monte_carlo.map(|m| m.draws).unwrap_or(0));
        return;
    }
    let tree = samkalk::parse_json(&json).unwrap();
    let mut total = 0;
    if mode == "calculate002" || mode == "variant002" {
        let base = samkalk::ValidScenario::from_json(&json).unwrap();
        let texts: Vec<[samkalk::Value; 3]> = (0..100)
            .map(|i| {
                let number = |t: String| samkalk::Value::String(t);
                [number(format!("0.{:02}", i)), number(format!("{}", 60000 + 100 * i)), number(["0", "0.035", "0.05"][i % 3].into())]
            })
            .collect();
        for i in 0..n {
            let result = if mode == "variant002" {
                let [share, cost, rate] = &texts[i % 100];
                let changes = [
                    ("cohorts[0].outcomes[0].share", share),
                    ("cohorts[1].intervention.cost_per_participant", cost),
                    ("discount_rate", rate),
                ];
                base.with_values(changes).unwrap().calculate()
            } else {
                base.calculate()
            };
            total += result.unwrap().years.len();
        }
        println!("{total}");
        return;
    }
    for _ in 0..n {
        if mode == "text002" {
            total += samkalk::calculate_json(&json).unwrap().to_json().len();
        } else if mode == "tojson" {
            total += samkalk::calculate(&s).unwrap().to_json().len();
        } else if mode == "value002" {
            total += samkalk::Scenario::from_value(&tree).unwrap().cohorts.len();
        } else if mode.starts_with("read") {
            total += samkalk::Scenario::from_json(&json).unwrap().cohorts.len();
        } else {
            total += samkalk::calculate(&s).unwrap().years.len();
        }
    }
    println!("{total}");
}
