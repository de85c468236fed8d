//! The work of a `--watch` rebuild, in-process: builds one resume N times in a row in
//! one process (fonts, hyphenation patterns, shaping plans and shaped words stay warm
//! after the first) and prints the time of the first build and the median of the
//! others. `scripts/bench.sh` also runs it under callgrind once and twice, for the
//! instructions of one warm rebuild.
//!
//! Run: `cargo run --release --example rebuild -- resume.yaml 20`.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "resume.yaml".to_string());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20).max(1);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let options = vitae::Options::default();
    let mut ms = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let out = vitae::compile(&text, &options).unwrap_or_else(|e| panic!("{path} does not build: {e:?}"));
        std::hint::black_box(out.pdf);
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let first = ms[0];
    let mut warm = ms[1..].to_vec();
    warm.sort_by(f64::total_cmp);
    match warm.get(warm.len() / 2) {
        Some(m) => println!(
            "{path}: first build {first:.2} ms, warm rebuild median {m:.2} ms ({} rebuilds)",
            warm.len()
        ),
        None => println!("{path}: first build {first:.2} ms"),
    }
}
