fn main() {
    let text = std::fs::read_to_string("resume.yaml").unwrap();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let r = vitae::model::load(&text).unwrap();
        let t1 = t.elapsed();
        let (doc, _) = vitae::layout::layout(&r);
        let t2 = t.elapsed();
        let pdf = vitae::pdf::export(&doc, &r.pdf).unwrap();
        let t3 = t.elapsed();
        println!("load {:?} layout {:?} pdf {:?} ({} bytes)", t1, t2 - t1, t3 - t2, pdf.len());
    }
}
