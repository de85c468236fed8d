//! YAML text → PDF bytes: any input must give a PDF or located errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Inputs past 64 KB only slow the fuzzer down; the limits are tested elsewhere.
    if data.len() > 65_536 {
        return;
    }
    let Ok(text) = vitae::decode(data) else { return };
    if let Ok(out) = vitae::compile(&text, &vitae::Options::default()) {
        assert!(out.pdf.starts_with(b"%PDF-"));
        assert!(out.pages >= 1);
    }
});
