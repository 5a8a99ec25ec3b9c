//! Monte Carlo on the main example (tests/vectors/002.json): 100,000 draws, one share drawn
//! uniformly and the rest fixed, and the same with every kind of distribution.

use criterion::{criterion_group, criterion_main, Criterion};
use samkalk::analysis::{run, Analysis};
use samkalk::{parse_json, Scenario};

fn main_scenario() -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/002.json");
    let text = std::fs::read_to_string(path).expect("tests/vectors/002.json");
    let value = parse_json(&text).expect("JSON");
    Scenario::from_value(value.get("scenario").expect("scenario")).expect("valid")
}

fn bench(c: &mut Criterion) {
    let scenario = main_scenario();
    let one_share = Analysis::from_json(
        r#"{"monte_carlo": {"draws": 100000, "seed": 42, "parameters": [
            {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.4", "high": "0.8"}}]}}"#,
    )
    .expect("analysis");
    let every_kind = Analysis::from_json(
        r#"{"monte_carlo": {"draws": 100000, "seed": 42, "parameters": [
            {"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "pert", "low": "0.3", "mode": "0.6", "high": "0.8"}},
            {"parameter": "cohorts[1].outcomes[0].share", "distribution": {"kind": "triangular", "low": "0.1", "mode": "0.4", "high": "0.6"}},
            {"parameter": "cohorts[1].outcomes[0].retention", "distribution": {"kind": "beta", "alpha": 9, "beta": 1}},
            {"parameter": "states.work.earnings.monthly_wage", "distribution": {"kind": "normal", "mean": "25000", "sd": "2000"}},
            {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [25, 30, 35], "weights": [1, 2, 1]}},
            {"parameter": "cohorts[1].intervention.cost_per_participant", "distribution": {"kind": "uniform", "low": "80000", "high": "110000"}}]}}"#,
    )
    .expect("analysis");
    let mut group = c.benchmark_group("monte_carlo_100k");
    group.sample_size(10);
    group.bench_function("one_uniform_share", |b| b.iter(|| run(&scenario, &one_share, &mut |_, _| true).expect("runs")));
    group.bench_function("six_distributions", |b| b.iter(|| run(&scenario, &every_kind, &mut |_, _| true).expect("runs")));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
