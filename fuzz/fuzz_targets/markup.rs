//! The inline markup parser: any text parses or reports a bad link, never panics, and
//! what it keeps is the text without its markup.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(spans) = vitae::markup::parse(text) {
        let plain = vitae::markup::plain(&spans);
        assert!(plain.len() <= text.len());
        for s in &spans {
            assert!(!s.text.is_empty());
        }
    }
});
