//! Line breaking throughput (criterion): a 10,000-word corpus in 100-word paragraphs
//! at measures of 30 em and 60 em (10 pt type: 300 pt and 600 pt), with and without
//! hyphenation.
//!
//! - `break/*`: the breaker alone, on items built beforehand: Knuth–Plass in TeX's
//!   passes (`total_fit`) against first fit on the same items;
//! - `typeset/*`: the whole paragraph stage, shaping and hyphenation included.
//!
//! Throughput is reported in elements = words. Run: `cargo bench --bench linebreak`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vitae::geom::Pt;
use vitae::inline::{Align, ParStyle, items, typeset};
use vitae::lang::Language;
use vitae::linebreak::{Params, break_paragraph, first_fit};
use vitae::markup::Span;

const WORDS: &str = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place american around however home small found thought went say part once general high upon school every does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called didn't eyes find going look asked later knew point next program city business give group toward young days let room president side social present given several order national possible rather second face per among form important often things looked early white case large become need big four within felt children along saw best church ever least power development light thought seemed family interest want members mind country area others done turned although open problem experience characteristically internationalization considerations notwithstanding telecommunications infrastructure modernization programme demonstrated extraordinarily comprehensive interoperability improvements";

/// 100 paragraphs of 100 words, from a fixed pseudo-random sequence (an LCG), with a
/// comma or period now and then.
fn corpus() -> Vec<String> {
    let vocab: Vec<&str> = WORDS.split(' ').collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    (0..100)
        .map(|_| {
            let mut p = String::new();
            for k in 0..100 {
                if k > 0 {
                    p.push(' ');
                }
                p.push_str(vocab[next() % vocab.len()]);
                match next() % 12 {
                    0 => p.push(','),
                    1 => p.push('.'),
                    _ => {}
                }
            }
            p
        })
        .collect()
}

fn style(hyphenate: bool) -> ParStyle {
    ParStyle {
        align: Align::Justified,
        hyphenate: hyphenate.then_some(Language::EnglishUs),
        ..ParStyle::default()
    }
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let spans: Vec<Vec<Span>> = corpus
        .iter()
        .map(|p| {
            vec![Span {
                text: p.clone(),
                ..Default::default()
            }]
        })
        .collect();
    let params = Params::default();
    for em in [30.0, 60.0] {
        let measure = em * 10.0;
        for hyphenate in [false, true] {
            let st = style(hyphenate);
            let built: Vec<_> = spans.iter().map(|s| items(s, &st, Pt(measure))).collect();
            let tag = format!("{em}em{}", if hyphenate { "-hyph" } else { "" });
            let mut g = c.benchmark_group("break");
            g.throughput(Throughput::Elements(10_000));
            g.bench_function(format!("total-fit/{tag}"), |b| {
                b.iter(|| {
                    for it in &built {
                        black_box(break_paragraph(black_box(it), &[Pt(measure)], &params));
                    }
                })
            });
            g.bench_function(format!("first-fit/{tag}"), |b| {
                b.iter(|| {
                    for it in &built {
                        black_box(first_fit(black_box(it), Pt(measure)));
                    }
                })
            });
            g.finish();
            let mut g = c.benchmark_group("typeset");
            g.throughput(Throughput::Elements(10_000));
            g.sample_size(10);
            g.bench_function(tag, |b| {
                b.iter(|| {
                    for s in &spans {
                        black_box(typeset(black_box(s), &st, Pt(measure)));
                    }
                })
            });
            g.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
