//! PNG pictures of the PDF's pages, rendered by `hayro` (a pure-Rust PDF
//! rasteriser) from the very bytes vitae wrote, so that a picture is what a viewer
//! shows: one PNG per page at a resolution in dots per inch, on white.

/// The resolution `--dpi` defaults to: 144 dpi, twice a screen's 72 pt per inch.
pub const DEFAULT_DPI: f64 = 144.0;

/// The resolutions accepted, dots per inch.
pub const DPI_RANGE: std::ops::RangeInclusive<f64> = 18.0..=1200.0;

/// Each page of `pdf` as PNG bytes, at `dpi` dots per inch (a page of `w` × `h` pt
/// becomes w·dpi/72 × h·dpi/72 pixels, rounded: letter at 144 dpi is 1224 × 1584).
///
/// # Errors
/// A PDF hayro cannot read, or a picture that cannot be encoded; the message says
/// which.
pub fn pages(pdf: &[u8], dpi: f64) -> Result<Vec<Vec<u8>>, String> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::{RenderCache, RenderSettings};
    let doc = hayro::hayro_syntax::Pdf::new(pdf.to_vec()).map_err(|e| format!("the PDF cannot be rendered ({e:?})"))?;
    let scale = (dpi / 72.0) as f32;
    let cache = RenderCache::new();
    let interpreter = InterpreterSettings::default();
    doc.pages()
        .iter()
        .enumerate()
        .map(|(k, page)| {
            // The page's size in pixels, rounded (its box is a hair over the size in pt).
            let (w, h) = page.render_dimensions();
            let px = |pt: f32| Some((pt * scale).round().clamp(1.0, f32::from(u16::MAX)) as u16);
            let settings = RenderSettings {
                x_scale: scale,
                y_scale: scale,
                width: px(w),
                height: px(h),
                bg_color: hayro::vello_cpu::color::palette::css::WHITE,
            };
            hayro::render(page, &cache, &interpreter, &settings)
                .into_png()
                .map_err(|e| format!("page {} cannot be written as PNG ({e})", k + 1))
        })
        .collect()
}
