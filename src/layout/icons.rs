//! Contact icons (`design.contact_icons: true`): a glyph of the bundled Font Awesome
//! Free faces (Brands for the networks, Solid for email, phone, web and place) before
//! each contact item that has a kind, scaled so that its ink is exactly as tall as
//! the contact line's capitals and standing on the baseline.
//!
//! The icon is a run of its own in the contact line, placed in room made for it
//! before its item ([`with_icons`]): the item's text and everything after it move
//! right by the icon's advance and a gap of [`ICON_GAP_EM`]. The icon's glyph maps
//! to the item's name and a colon (`LinkedIn:`) in the font's `/ToUnicode` and as the
//! run's `/ActualText` (PDF 32000-1 §14.9.4), so extraction reads `LinkedIn: jdoe`
//! rather than a private-use character.

use super::Element;
use crate::geom::{Pt, Rgb};
use crate::inline::{Line, Run};
use crate::model::ContactKind;
use crate::text::{FaceId, Glyph, Shaped, Styled, font};
use std::sync::Arc;

/// The gap between an icon and its item's text, as a fraction of the contact size.
pub const ICON_GAP_EM: f64 = 0.3;

/// The icon of a kind of contact item: its face and code point in Font Awesome Free
/// 6.7 (`None` for free text).
pub fn icon_of(kind: ContactKind) -> Option<(FaceId, char)> {
    let (face, c) = match kind {
        ContactKind::Text => return None,
        ContactKind::Email => (FaceId::ICONS_SOLID, '\u{f0e0}'), // envelope
        ContactKind::Phone => (FaceId::ICONS_SOLID, '\u{f095}'), // phone
        ContactKind::Url => (FaceId::ICONS_SOLID, '\u{f0c1}'),   // link
        ContactKind::Location => (FaceId::ICONS_SOLID, '\u{f3c5}'), // location-dot
        ContactKind::Website => (FaceId::ICONS_SOLID, '\u{f0ac}'), // globe
        ContactKind::LinkedIn => (FaceId::ICONS_BRANDS, '\u{f08c}'),
        ContactKind::GitHub => (FaceId::ICONS_BRANDS, '\u{f09b}'),
        ContactKind::GitLab => (FaceId::ICONS_BRANDS, '\u{f296}'),
        ContactKind::Orcid => (FaceId::ICONS_BRANDS, '\u{f8d2}'),
        ContactKind::Scholar => (FaceId::ICONS_BRANDS, '\u{e63b}'), // google-scholar
        ContactKind::Mastodon => (FaceId::ICONS_BRANDS, '\u{f4f6}'),
    };
    Some((face, c))
}

/// The icon of `kind` as a run for a contact line whose text is `size` pt in the face
/// `text_face`: the glyph at the size that makes its ink height the text face's cap
/// height (the ink of `H`) at `size`, in `color`, carrying `link`. Its `x` is 0 (the
/// caller places it) and its text is the item's name with a colon.
pub fn icon_run(kind: ContactKind, text_face: FaceId, size: Pt, color: Rgb, link: Option<String>) -> Option<Run> {
    let (face, c) = icon_of(kind)?;
    let f = font(face);
    let gid = f.glyph(c);
    if gid == 0 {
        return None;
    }
    let (top, bottom) = f.ink(gid);
    let t = font(text_face);
    let cap = t.ink(t.glyph('H')).0 * size;
    let icon_size = cap / (top - bottom);
    let advance = icon_size * (f.advance_units(gid) / f.units_per_em);
    let label = format!("{}:", kind.name());
    let shaped = Shaped {
        face: Styled {
            id: face,
            fake_bold: false,
            fake_italic: false,
        },
        size: icon_size,
        glyphs: vec![Glyph {
            gid,
            advance,
            x_offset: Pt::ZERO,
            text: Some(Arc::from(label.as_str())),
        }],
        replacement: Some(label),
        at: 0,
    };
    Some(Run {
        x: Pt::ZERO,
        shaped,
        color,
        width: advance,
        link,
        space: false,
        actual_text: None,
        actual_text_end: false,
        word: None,
    })
}

/// The room an icon takes before its item: its advance and the gap, pt.
pub fn room(icon: &Run, size: Pt) -> Pt {
    icon.width + ICON_GAP_EM * size
}

/// A set contact line with icons put before the items that start on it.
///
/// `starts[k]` is the byte offset in the paragraph's text where item `k` starts,
/// with its icon (if any); every run at or after an item's start moves right by the
/// room of the icons up to it, and each icon is placed where its item's first run
/// was, shifted by the room of the icons before it. Items that started on an
/// earlier line get no icon here.
pub fn with_icons(line: &Line, starts: &[(usize, Option<Run>)], size: Pt) -> Line {
    // Only the items that start on this line (a second line of an item wider than
    // the measure gets no icon).
    let from = line.runs.first().map_or(usize::MAX, |r| r.shaped.at);
    let starts: Vec<&(usize, Option<Run>)> = starts.iter().filter(|(at, _)| *at >= from).collect();
    let mut runs = Vec::with_capacity(line.runs.len() + starts.len());
    let mut shift = Pt::ZERO;
    let mut next = 0;
    for r in &line.runs {
        while next < starts.len() && starts[next].0 <= r.shaped.at {
            if let Some(icon) = &starts[next].1
                && !r.space
            {
                runs.push(Run {
                    x: r.x + shift,
                    ..icon.clone()
                });
                shift += room(icon, size);
            }
            next += 1;
        }
        runs.push(Run {
            x: r.x + shift,
            ..r.clone()
        });
    }
    Line {
        runs,
        width: line.width + shift,
    }
}

/// Moves each icon run of `elements` (set on the line's baseline) down or up so that
/// its glyph's ink stands on the baseline: by its ink's depth below the baseline.
pub fn seat_icons(elements: &mut [Element]) {
    for e in elements {
        if let Element::Text(t) = e
            && t.face.id.is_icons()
            && let Some(g) = t.glyphs.first()
        {
            let (_, bottom) = font(t.face.id).ink(g.gid);
            t.baseline += bottom * t.size;
        }
    }
}
