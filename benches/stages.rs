//! Each stage of the pipeline on its own (criterion), for the example `resume.yaml`
//! and `many-pages.yaml`: parse (YAML → validated resume), shape and measure (every
//! paragraph's words shaped into boxes, glue and penalties, with a cold shaping cache),
//! line breaking (total fit on those items), bands (all blocks set: shaping and
//! breaking included, cold cache), page building (bands → pages), PDF writing
//! (display list → bytes), and the whole build. Run: `cargo bench --bench stages`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vitae::inline::{Align, ParStyle, items};
use vitae::linebreak::{Params, break_paragraph};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bench(c: &mut Criterion) {
    for (name, path) in [
        ("example", "resume.yaml"),
        ("many-pages", "tests/fixtures/good/many-pages.yaml"),
    ] {
        let text = read(path);
        let resume = vitae::model::load(&text).unwrap();
        let page_style = vitae::style::resolve(&resume.design, &Default::default()).unwrap();
        let style = ParStyle {
            align: Align::Justified,
            hyphenate: Some(page_style.language),
            ..ParStyle::default()
        };
        let measure = page_style.measure;
        let paragraphs: Vec<&vitae::markup::Inline> = resume
            .sections
            .iter()
            .flat_map(|s| &s.entries)
            .flat_map(|e| e.text.iter().chain(e.bullets.iter()).chain(e.title.iter()))
            .map(|t| &t.inline)
            .collect();
        let all_items: Vec<_> = paragraphs.iter().map(|p| items(p, &style, measure)).collect();
        let (bands, _) = vitae::layout::set_bands(&resume, &page_style);
        let doc = vitae::layout::paginate(bands.clone(), &page_style);

        let mut g = c.benchmark_group(name);
        g.sample_size(20);
        g.bench_function("parse", |b| {
            b.iter(|| black_box(vitae::model::load(black_box(&text)).unwrap()))
        });
        g.bench_function("shape and measure (cold cache)", |b| {
            b.iter(|| {
                vitae::text::clear_shape_cache();
                for p in &paragraphs {
                    black_box(items(p, &style, measure));
                }
            })
        });
        g.bench_function("line breaking", |b| {
            b.iter(|| {
                for it in &all_items {
                    black_box(break_paragraph(it, &[measure], &Params::default()));
                }
            })
        });
        g.bench_function("bands (cold cache)", |b| {
            b.iter(|| {
                vitae::text::clear_shape_cache();
                black_box(vitae::layout::set_bands(&resume, &page_style))
            })
        });
        g.bench_function("page building", |b| {
            b.iter_batched(
                || bands.clone(),
                |bs| black_box(vitae::layout::paginate(bs, &page_style)),
                BatchSize::SmallInput,
            )
        });
        g.bench_function("pdf writing", |b| {
            b.iter(|| black_box(vitae::pdf::export(&doc, &resume.pdf).unwrap()))
        });
        g.bench_function("whole build (cold cache)", |b| {
            b.iter(|| {
                vitae::text::clear_shape_cache();
                black_box(vitae::compile(&text, &vitae::Options::default()).unwrap())
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
