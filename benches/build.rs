//! Whole builds (criterion): YAML text to PDF bytes in the library, plain and with
//! `fit_pages`, for the example, `many-pages.yaml` and `fit-one-page.yaml`.
//! Run: `cargo bench --bench build`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bench(c: &mut Criterion) {
    let example = read("resume.yaml");
    let many = read("tests/fixtures/good/many-pages.yaml");
    let fit = read("tests/fixtures/good/fit-one-page.yaml");
    // The same file without its fit_pages: a plain build of the same content.
    let fit_plain = fit.replace("fit_pages: 1", "page_numbers: true");
    let plain = vitae::Options::default();
    let mut g = c.benchmark_group("build");
    g.sample_size(20);
    g.bench_function("example", |b| {
        b.iter(|| black_box(vitae::compile(black_box(&example), &plain).unwrap()))
    });
    g.bench_function("many-pages", |b| {
        b.iter(|| black_box(vitae::compile(black_box(&many), &plain).unwrap()))
    });
    g.bench_function("many-pages fit 6", |b| {
        let o = vitae::Options {
            overrides: vitae::style::Overrides {
                fit_pages: Some(6),
                ..Default::default()
            },
            ..Default::default()
        };
        b.iter(|| black_box(vitae::compile(black_box(&many), &o).unwrap()))
    });
    g.bench_function("fit-one-page plain", |b| {
        b.iter(|| black_box(vitae::compile(black_box(&fit_plain), &plain).unwrap()))
    });
    g.bench_function("fit-one-page fit 1", |b| {
        b.iter(|| black_box(vitae::compile(black_box(&fit), &plain).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
