//! The schema of tags, `variants` and translated text (format version 2, issue #16),
//! added to the generated schema: every text field may be a mapping of language tags
//! to text, sections, entries and bullets take `tags` (a bullet as `{text, tags}`),
//! and the top level takes `variants`.

use serde_json::{Value, json};

/// The text fields a translation may stand for, by definition (`""`: the top level).
const TEXT_FIELDS: [(&str, &[&str]); 5] = [
    ("", &["name", "headline"]),
    ("Section", &["title"]),
    (
        "EntryMapping",
        &["title", "date", "subtitle", "location", "label", "text"],
    ),
    ("ContactMapping", &["location", "text", "label"]),
    ("PdfMetadata", &["title", "subject"]),
];

/// Adds tags, variants and translations to `schema` (as `vitae schema` prints it).
pub fn extend(schema: &mut Value) {
    let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) else {
        return;
    };
    let tag_pattern = "^[A-Za-z0-9_-]{1,40}$";
    let languages: Vec<String> = crate::lang::LANGUAGES.iter().map(|l| l.tag().to_string()).collect();
    defs.insert(
        "Tags".into(),
        json!({
            "description": "Tags for variants: a list of identifiers (letters, digits, `-` and `_`). Example: `tags: [backend, ml]`.",
            "type": "array",
            "items": { "type": "string", "pattern": tag_pattern },
            "examples": [["backend", "ml"]]
        }),
    );
    defs.insert(
        "Translated".into(),
        json!({
            "description": format!("Text in several languages: a mapping of language tags ({}) to text; the build's language picks one. Example: `{{en: Software engineer, de: Softwareentwicklerin}}`.", languages.join(", ")),
            "type": "object",
            "minProperties": 1,
            "propertyNames": { "pattern": format!("^({})([-_][A-Za-z0-9]{{2,8}})*$", super::values::LANGUAGE_PRIMARIES.join("|")) },
            "additionalProperties": { "type": ["string", "number", "boolean"] },
            "examples": [{ "en": "Software engineer", "de": "Softwareentwicklerin" }]
        }),
    );
    defs.insert(
        "Variant".into(),
        json!({
            "description": "One variant of the resume, built with `vitae build FILE --variant NAME`.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "include": { "$ref": "#/$defs/Tags", "description": "Tagged items are kept when they carry one of these (untagged items always are)." },
                "exclude": { "$ref": "#/$defs/Tags", "description": "Items with any of these tags are dropped (wins over include)." },
                "sections": { "type": "array", "items": { "type": ["string", "number"] }, "description": "Section titles (in any of their languages): which sections, in this order." },
                "language": { "type": "string", "description": "The build's language (translated text, month names, hyphenation).", "examples": ["de"] },
                "design": { "$ref": "#/$defs/Design", "description": "Design keys over the file's." },
                "fit_pages": { "type": ["integer", "string"], "description": "The same as `design: {fit_pages: N}`." },
                "pdf": { "$ref": "#/$defs/PdfMetadata", "description": "PDF keys over the file's." },
                "output": { "type": "string", "description": "The PDF's file name (default `<input stem>-<variant>.pdf`).", "examples": ["cv-industry.pdf"] }
            }
        }),
    );
    for (def, fields) in TEXT_FIELDS {
        let props = if def.is_empty() {
            schema.get_mut("properties")
        } else {
            schema.pointer_mut(&format!("/$defs/{def}/properties"))
        };
        let Some(props) = props.and_then(Value::as_object_mut) else {
            continue;
        };
        for f in fields {
            if let Some(p) = props.get_mut(*f) {
                translatable(p);
            }
        }
    }
    let text = json!({ "type": ["string", "number", "boolean"] });
    let translated = json!({ "$ref": "#/$defs/Translated" });
    if let Some(props) = schema
        .pointer_mut("/$defs/Section/properties")
        .and_then(Value::as_object_mut)
    {
        props.insert("tags".into(), json!({ "$ref": "#/$defs/Tags" }));
    }
    if let Some(props) = schema
        .pointer_mut("/$defs/EntryMapping/properties")
        .and_then(Value::as_object_mut)
    {
        props.insert("tags".into(), json!({ "$ref": "#/$defs/Tags" }));
        if let Some(items) = props.get_mut("bullets").and_then(|b| b.get_mut("items")) {
            *items = json!({ "anyOf": [text, translated, {
                "type": "object", "additionalProperties": false, "required": ["text"],
                "properties": { "text": { "anyOf": [text, translated] }, "tags": { "$ref": "#/$defs/Tags" } }
            }]});
        }
    }
    for def in ["Entry", "Contact"] {
        if let Some(any) = schema
            .pointer_mut(&format!("/$defs/{def}/anyOf"))
            .and_then(Value::as_array_mut)
        {
            any.push(translated.clone());
        }
    }
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "variants".into(),
            json!({
                "description": "Variants of the resume, by name: each a filter by tags, a section order, a language and design keys. `vitae build FILE --all-variants` builds them all.",
                "type": "object",
                "propertyNames": { "pattern": tag_pattern },
                "additionalProperties": { "$ref": "#/$defs/Variant" }
            }),
        );
    }
}

/// A text property's schema made to take a translation too (its description kept).
fn translatable(p: &mut Value) {
    let Some(obj) = p.as_object_mut() else { return };
    let description = obj.remove("description");
    let examples = obj.remove("examples");
    let plain = Value::Object(std::mem::take(obj));
    obj.insert("anyOf".into(), json!([plain, { "$ref": "#/$defs/Translated" }]));
    if let Some(d) = description {
        obj.insert("description".into(), d);
    }
    if let Some(e) = examples {
        obj.insert("examples".into(), e);
    }
}
