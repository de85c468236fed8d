//! Writes `docs/breakers.pdf`: the same paragraphs set by first fit (left) and by
//! Knuth–Plass total fit (right), at the same measure, for the README's comparison
//! (`pdftoppm -png -r 110 docs/breakers.pdf docs/breakers` renders it).
//!
//! Run: `cargo run --release --example breakers`.

use vitae::geom::Pt;
use vitae::inline::{Align, Breaker, ParStyle, Weight, typeset_with};
use vitae::lang::Language;
use vitae::layout::{Document, Element, Page, TextRun};
use vitae::markup::{Span, parse};
use vitae::model::PdfMeta;

const TEXT: [&str; 3] = [
    "In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king’s castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king’s child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.",
    "Principal engineer with fourteen years of experience in **query compilers**, *storage engines* and the developer tools around them. I like measurable wins, careful reviews and documentation that answers the question the reader actually has.",
    "Replaced the interpreted expression evaluator with an LLVM-based compiler that fuses filters and projections, cutting median query latency on customer workloads by 38% and the 99th percentile by 52%.",
];

fn main() {
    let measure = 230.0;
    let (left, gutter, top) = (40.0, 40.0, 60.0);
    let style = ParStyle {
        align: Align::Justified,
        hyphenate: Some(Language::EnglishUs),
        ..ParStyle::default()
    };
    let head = ParStyle {
        weight: Weight::Bold,
        hyphenate: None,
        ..style.clone()
    };
    let mut elements = Vec::new();
    for (col, (breaker, title)) in [
        (Breaker::FirstFit, "First fit"),
        (Breaker::TotalFit, "Knuth–Plass total fit"),
    ]
    .into_iter()
    .enumerate()
    {
        let x = left + col as f64 * (measure + gutter);
        let mut y = top;
        let h = typeset_with(
            &[Span {
                text: title.into(),
                ..Default::default()
            }],
            &head,
            Pt(measure),
            breaker,
        );
        elements.extend(
            h.lines[0]
                .runs
                .iter()
                .map(|r| Element::Text(TextRun::from_run(r, Pt(x), Pt(y)))),
        );
        y += 20.0;
        for text in TEXT {
            let p = typeset_with(&parse(text).unwrap(), &style, Pt(measure), breaker);
            for line in &p.lines {
                elements.extend(
                    line.runs
                        .iter()
                        .map(|r| Element::Text(TextRun::from_run(r, Pt(x), Pt(y)))),
                );
                y += 12.0;
            }
            y += 10.0;
        }
    }
    let doc = Document {
        width: Pt(left * 2.0 + measure * 2.0 + gutter),
        height: Pt(560.0),
        pages: vec![Page { elements }],
        bands: Vec::new(),
    };
    let meta = PdfMeta {
        title: "First fit and total fit".into(),
        author: "vitae".into(),
        ..Default::default()
    };
    std::fs::write("docs/breakers.pdf", vitae::pdf::export(&doc, &meta).unwrap()).unwrap();
}
