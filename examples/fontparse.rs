fn main() {
    for f in vitae::text::FaceId::ALL {
        let t = std::time::Instant::now();
        let mut w = Vec::new();
        let p = printpdf::ParsedFont::from_bytes(vitae::text::font(f).data, 0, &mut w).unwrap();
        println!("{:?} {:?}", f, t.elapsed());
        drop(p);
    }
}
