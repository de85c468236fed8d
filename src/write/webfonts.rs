//! The web page's fonts: the faces the PDF uses, each subset to the glyphs of the
//! characters the document sets in it (allsorts, the minimal OpenType tables a browser
//! accepts, a Unicode `cmap`), embedded in the CSS as `data:` URLs in base64
//! (CSS Fonts Level 4 §4.3, `@font-face`'s `src`).

use crate::layout::Document;
use crate::style::Style;
use crate::text::{FaceId, font};
use base64::Engine as _;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The CSS family of the text face.
pub(crate) const TEXT_FAMILY: &str = "vitae-text";

/// `@font-face` rules for every face `doc` uses, and the CSS `font-family` list (the
/// text family first, then each fallback face's family, then a generic family).
pub(crate) fn font_faces(doc: &Document, style: &Style) -> (String, String) {
    let mut chars: BTreeMap<FaceId, BTreeSet<char>> = BTreeMap::new();
    for r in doc.pages.iter().flat_map(|p| p.runs()) {
        let set = chars.entry(r.face.id).or_default();
        for c in r
            .text()
            .chars()
            .chain(r.replacement.iter().flat_map(|t| t.chars().collect::<Vec<_>>()))
        {
            set.insert(c);
            set.extend(c.to_uppercase());
            set.extend(c.to_lowercase());
        }
    }
    let mut css = String::new();
    let mut families = vec![TEXT_FAMILY.to_string()];
    let text_faces: Vec<FaceId> = style.font.faces.iter().map(|s| s.id).collect();
    // The text family's four styles, each from the face the PDF sets it in; a style
    // the family synthesises is left to the browser's synthesis.
    for (k, styled) in style.font.faces.iter().enumerate() {
        if styled.fake_bold || styled.fake_italic {
            continue;
        }
        let Some(set) = chars.get(&styled.id) else { continue };
        let (bold, italic) = (k % 2 == 1, k >= 2);
        if let Some(src) = face_src(styled.id, set) {
            rule(&mut css, TEXT_FAMILY, bold, italic, &src);
        }
    }
    // Fallback faces (DejaVu Sans for symbols, Noto for CJK, Arabic, Hebrew), each a
    // family of its own, listed after the text family.
    for (&id, set) in &chars {
        // The contact icons are the PDF's alone: the web page writes the network's
        // name, so their faces would be declared and never used (never loaded).
        if text_faces.contains(&id) || id.is_icons() {
            continue;
        }
        let (bold, italic) = font(id).style();
        let family = format!("vitae-fallback-{}", id.0);
        if let Some(src) = face_src(id, set) {
            rule(&mut css, &family, bold, italic, &src);
            if !families.contains(&family) {
                families.push(family);
            }
        }
    }
    let generic = if font(style.font.faces[0].id).serif {
        "serif"
    } else {
        "sans-serif"
    };
    let list = families
        .iter()
        .map(|f| format!("\"{f}\""))
        .chain(std::iter::once(generic.to_string()))
        .collect::<Vec<_>>()
        .join(", ");
    (css, list)
}

/// One `@font-face` rule.
fn rule(css: &mut String, family: &str, bold: bool, italic: bool, src: &str) {
    let _ = writeln!(
        css,
        "@font-face{{font-family:\"{family}\";font-weight:{};font-style:{};font-display:block;src:{src}}}",
        if bold { 700 } else { 400 },
        if italic { "italic" } else { "normal" }
    );
}

/// The `src` of a face subset to the glyphs of `chars`: a base64 `data:` URL; `None`
/// when the face cannot be subset (the browser then falls back to the next family).
fn face_src(id: FaceId, chars: &BTreeSet<char>) -> Option<String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    let f = font(id);
    let mut gids: BTreeSet<u16> = chars.iter().map(|&c| f.glyph(c)).filter(|&g| g != 0).collect();
    gids.insert(0);
    let ids: Vec<u16> = gids.into_iter().collect();
    let file = ReadScope::new(f.data).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(f.index as usize).ok()?;
    let bytes = allsorts::subset::subset(
        &provider,
        &ids,
        &allsorts::subset::SubsetProfile::Minimal,
        allsorts::subset::CmapTarget::Unicode,
    )
    .ok()?;
    let (mime, format) = if bytes.starts_with(b"OTTO") {
        ("font/otf", "opentype")
    } else {
        ("font/ttf", "truetype")
    };
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    Some(format!("url(data:{mime};base64,{b64}) format(\"{format}\")"))
}
