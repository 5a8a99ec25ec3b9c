fn main() {
    let s = samkalk::Scenario::from_toml(include_str!("programme.toml")).unwrap();
    let mut n = 0;
    for _ in 0..20000 { n += samkalk::calculate(&s).unwrap().years.len(); }
    println!("{n}");
}
