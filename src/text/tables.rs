//! The table directory of an sfnt (TrueType/OpenType) font file: rewriting a font
//! without some of its tables. A font utility, not a PDF one: the PDF stage drops the
//! naming table from the programs it embeds, and the fallback tests make a font
//! without outlines from a bundled one.

/// An sfnt (TrueType) font file without the tables tagged `drop`, with its table
/// directory rebuilt (tables 4-byte aligned, OpenType spec "Table Directory"). Only
/// the first face of a collection is read; the other tables are copied byte for byte
/// (their checksums kept, the directory's `searchRange`, `entrySelector` and
/// `rangeShift` recomputed).
///
/// `None` when the data is not a font ttf-parser can read, a table record points
/// outside the data, or nothing is dropped.
pub fn without_tables(data: &[u8], drop: &[&[u8; 4]]) -> Option<Vec<u8>> {
    let raw = ttf_parser::RawFace::parse(data, 0).ok()?;
    let keep: Vec<_> = raw
        .table_records
        .into_iter()
        .filter(|r| !drop.iter().any(|d| r.tag.to_bytes() == **d))
        .collect();
    if keep.len() == raw.table_records.len() as usize {
        return None;
    }
    let n = keep.len() as u16;
    let entry_selector = 15 - n.max(1).leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(&data[0..4]);
    for v in [n, search_range, entry_selector, n * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * keep.len();
    let mut body = Vec::new();
    for r in &keep {
        let table = data.get(r.offset as usize..(r.offset as usize).checked_add(r.length as usize)?)?;
        out.extend_from_slice(&r.tag.to_bytes());
        out.extend_from_slice(&r.check_sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&r.length.to_be_bytes());
        body.extend_from_slice(table);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * keep.len() + body.len();
    }
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn without_tables_drops_the_naming_table() {
        let data = crate::text::font(crate::text::FaceId::SERIF_REGULAR).data;
        let smaller = super::without_tables(data, &[b"name"]).unwrap();
        let face = ttf_parser::RawFace::parse(&smaller, 0).unwrap();
        assert!(face.table(ttf_parser::Tag::from_bytes(b"name")).is_none());
        assert!(face.table(ttf_parser::Tag::from_bytes(b"glyf")).is_some());
        assert!(ttf_parser::Face::parse(&smaller, 0).is_ok());
        assert!(smaller.len() < data.len());
    }

    #[test]
    fn without_tables_keeps_a_font_with_nothing_to_drop() {
        let data = crate::text::font(crate::text::FaceId::SERIF_REGULAR).data;
        assert!(super::without_tables(data, &[b"zzzz"]).is_none());
        assert!(super::without_tables(b"not a font", &[b"name"]).is_none());
    }
}
