//! A loop for profilers (callgrind, perf): `cargo build --release --example profile_loop`,
//! then `valgrind --tool=callgrind target/release/examples/profile_loop [read]`.
fn main() {
    let s = samkalk::Scenario::from_toml(include_str!("programme.toml")).unwrap();
    let json = s.to_json();
    let read = std::env::args().nth(1).as_deref() == Some("read");
    let mut n = 0;
    for _ in 0..20000 {
        if read {
            n += samkalk::Scenario::from_json(&json).unwrap().cohorts.len();
        } else {
            n += samkalk::calculate(&s).unwrap().years.len();
        }
    }
    println!("{n}");
}
