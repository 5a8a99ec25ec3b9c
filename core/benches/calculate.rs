//! calculate() on the main example (examples/programme.toml, built-in defaults) and on a
//! scenario with 200 cohorts; also reading + calculating from JSON text; and method version 2's
//! pathways: the Trelleborg chain and Nynäshamn's yearly movement (examples/) over 60 years;
//! and a variant of the main example made by `ValidScenario::with_values` (three numbers
//! changed, as a sweep makes them), calculated, against the same scenario read from its JSON.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn main_example() -> samkalk::Scenario {
    samkalk::Scenario::from_toml(include_str!("../../examples/programme.toml")).expect("the main example is valid")
}

fn many_cohorts(n: usize) -> samkalk::Scenario {
    let mut s = main_example();
    let template = s.cohorts.clone();
    s.cohorts = (0..n)
        .map(|i| {
            let mut c = template[i % template.len()].clone();
            c.name = format!("kohort {i}");
            c.participants = 5 + (i as i64 % 40);
            c.intervention.start_month = (i as i64 * 7) % 24;
            c
        })
        .collect();
    s
}

/// A pathways example over the longest horizon (60 years).
fn sixty_years(toml: &str) -> samkalk::Scenario {
    let mut s = samkalk::Scenario::from_toml(toml).expect("the example is valid");
    s.horizon_years = 60;
    s
}

fn bench(c: &mut Criterion) {
    let main = main_example();
    c.bench_function("calculate/main_example", |b| b.iter(|| samkalk::calculate(black_box(&main)).unwrap()));
    let wide = many_cohorts(200);
    c.bench_function("calculate/200_cohorts", |b| b.iter(|| samkalk::calculate(black_box(&wide)).unwrap()));
    let json = main.to_json();
    c.bench_function("read_json_and_calculate/main_example", |b| b.iter(|| samkalk::calculate_json(black_box(&json)).unwrap()));
    let result = samkalk::calculate(&main).unwrap();
    c.bench_function("result_to_json/main_example", |b| b.iter(|| black_box(&result).to_json()));
    let trelleborg = sixty_years(include_str!("../../examples/trelleborg.toml"));
    c.bench_function("calculate/trelleborg_60_years", |b| b.iter(|| samkalk::calculate(black_box(&trelleborg)).unwrap()));
    let nynashamn = sixty_years(include_str!("../../examples/nynashamn.toml"));
    c.bench_function("calculate/nynashamn_60_years", |b| b.iter(|| samkalk::calculate(black_box(&nynashamn)).unwrap()));
    c.bench_function("trace/trelleborg_60_years", |b| b.iter(|| samkalk::trace(black_box(&trelleborg)).unwrap()));
    let valid = main.clone().validate().expect("the main example is valid");
    let (share, cost, rate) =
        (samkalk::Value::String("0.55".into()), samkalk::Value::String("62000".into()), samkalk::Value::String("0.035".into()));
    let changes =
        [("cohorts[0].outcomes[0].share", &share), ("cohorts[1].intervention.cost_per_participant", &cost), ("discount_rate", &rate)];
    let variant_json = valid.with_values(changes).expect("a valid variant").to_json();
    c.bench_function("with_values_and_calculate/main_example", |b| {
        b.iter(|| black_box(&valid).with_values(black_box(changes)).unwrap().calculate().unwrap())
    });
    c.bench_function("read_json_and_calculate/main_example_variant", |b| {
        b.iter(|| samkalk::calculate_json(black_box(&variant_json)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
