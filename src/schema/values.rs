//! What the JSON Schema says about the values: the schema of every key, with its
//! description and an example, replacing the bare types `schemars` derives from
//! `model::raw` (which reads every scalar as text). Enums for the names vitae knows,
//! patterns for dates, colours, lengths and web addresses, `required` and the rules
//! between an entry's keys, so that an editor flags `theme: moden`, `start: March
//! 2018` or `font_size: 10px` as it is typed.
//!
//! The schema is stricter than the loader in one way: text fields take strings and
//! numbers (YAML 1.2 reads `date: 2022` and `title: 1.10` as numbers, and vitae shows
//! them as written) but not booleans, since `title: true` is a mistake.

use serde_json::{Map, Value, json};

/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (months 01–12, days 01–31).
const DATE: &str = r"^\s*[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\s*$";
/// A colour `#RRGGBB`.
const COLOR: &str = r"^\s*#[0-9A-Fa-f]{6}\s*$";
/// A length: a non-negative number, optionally with a unit `pt`, `in`, `mm` or `cm`.
const LENGTH: &str = r"^\s*\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(pt|in|mm|cm)?\s*$";
/// A web address: `http://` or `https://` (any case) and a host.
const WEB: &str = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#:@][^\s]*$";
/// An email address `name@domain.tld`.
const EMAIL: &str = r"^\s*[^@\s]+@[^@\s.][^@\s]*\.[^@\s]*[^@\s.]\s*$";
/// A phone number: digits, spaces, dots, dashes, parentheses and a leading `+`.
const PHONE: &str = r"^\s*\+?[0-9 .()\-]*[0-9][0-9 .()\-]*$";
/// The themes (`style::Theme`).
pub const THEMES: [&str; 5] = ["classic", "modern", "compact", "banking", "engineer"];
/// The page names (`style::PAGES`, read in any case).
pub const PAGE_NAMES: [&str; 6] = ["letter", "a4", "legal", "a5", "b5", "executive"];
/// The primary language subtags `Language::from_tag` knows (read in any case).
pub const LANGUAGE_PRIMARIES: [&str; 22] = [
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "no", "fi", "cs", "ru", "ar", "he", "iw", "fa",
    "zh", "ja", "ko",
];

/// `s` as a regular expression matching it in any case (`a4` → `[Aa]4`).
fn any_case(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Inline markup or plain text: a string, or a number YAML read from the text.
fn text(description: &str, example: Value) -> Value {
    json!({ "description": description, "examples": [example], "type": ["string", "number"] })
}

/// One of `names`, exactly as written.
fn choice(description: &str, names: &[&str]) -> Value {
    json!({ "description": description, "examples": [names[0]], "type": "string", "enum": names })
}

/// `true` or `false`.
fn boolean(description: &str, example: bool) -> Value {
    json!({ "description": description, "examples": [example], "type": "boolean" })
}

/// A length, without description.
fn length() -> Value {
    json!({ "anyOf": [ { "type": "number", "minimum": 0 }, { "type": "string", "pattern": LENGTH } ] })
}

/// A structured date; `present` too when `end`.
fn date(description: &str, example: &str, end: bool) -> Value {
    let mut forms = vec![
        json!({ "type": "integer", "minimum": 1000, "maximum": 9999 }),
        json!({ "type": "string", "pattern": DATE }),
    ];
    if end {
        forms.push(json!({ "type": "string", "pattern": format!(r"^\s*{}\s*$", any_case("present")) }));
    }
    json!({ "description": description, "examples": [example], "anyOf": forms })
}

/// A mapping of the lengths named by `keys`, each optional.
fn sides(keys: &[&str]) -> Value {
    let props: Map<String, Value> = keys.iter().map(|k| ((*k).to_string(), length())).collect();
    json!({ "type": "object", "additionalProperties": false, "minProperties": 1, "properties": props })
}

/// A list of `items`.
fn list(description: &str, example: Value, items: Value) -> Value {
    json!({ "description": description, "examples": [example], "type": "array", "items": items })
}

/// The schema of each key of each mapping: (`$defs` name, or `""` for the top level;
/// key; schema).
fn keys() -> Vec<(&'static str, &'static str, Value)> {
    let language = format!(
        r"^\s*({})([-_][A-Za-z0-9]{{1,8}})*\s*$",
        LANGUAGE_PRIMARIES.map(any_case).join("|")
    );
    let page_names = format!(r"^\s*({})\s*$", PAGE_NAMES.map(any_case).join("|"));
    vec![
        (
            "",
            "name",
            text(
                "The person's name, set large at the top. Required. Example: `name: Ada Quill`.",
                json!("Ada Quill"),
            ),
        ),
        (
            "",
            "headline",
            text(
                "One line of inline markup under the name. Example: `headline: Research Engineer`.",
                json!("Research Engineer"),
            ),
        ),
        (
            "",
            "contact",
            json!({ "description": "The contact items, joined on one line; each becomes a link. Example: `contact: [email: ada@example.org, url: https://example.org/ada/]`.", "examples": [[{ "email": "ada@example.org" }, { "url": "https://example.org/ada/" }]], "type": "array", "items": { "$ref": "#/$defs/Contact" } }),
        ),
        (
            "",
            "sections",
            json!({ "description": "The body of the resume: a list of sections, each a `title` and its `entries`. Required. Example: `sections: [{title: Skills, entries: [Rust, SQL]}]`.", "examples": [[{ "title": "Skills", "entries": ["Rust, SQL"] }]], "type": "array", "items": { "$ref": "#/$defs/Section" } }),
        ),
        (
            "",
            "design",
            json!({ "description": "The design keys, every one optional. Example: `design: {theme: modern, page: a4}`.", "examples": [{ "theme": "modern", "page": "a4" }], "$ref": "#/$defs/Design" }),
        ),
        (
            "",
            "pdf",
            json!({ "description": "The PDF's metadata. Example: `pdf: {keywords: [storage, Rust]}`.", "examples": [{ "keywords": ["storage", "Rust"] }], "$ref": "#/$defs/PdfMetadata" }),
        ),
        (
            "ContactMapping",
            "email",
            json!({ "description": "An email address, shown as written and linked with `mailto:`. Example: `email: ada@example.org`.", "examples": ["ada@example.org"], "type": "string", "pattern": EMAIL }),
        ),
        (
            "ContactMapping",
            "phone",
            json!({ "description": "A phone number (digits, spaces, dots, dashes, parentheses, a leading +), shown as written and linked with `tel:`. Example: `phone: \"+44 20 7946 0958\"`.", "examples": ["+44 20 7946 0958"], "anyOf": [ { "type": "string", "pattern": PHONE }, { "type": "integer", "minimum": 0 } ] }),
        ),
        (
            "ContactMapping",
            "url",
            json!({ "description": "A web address, http:// or https:// and a host, shown without its scheme and trailing `/`, and linked. Example: `url: https://example.org/ada/`.", "examples": ["https://example.org/ada/"], "type": "string", "pattern": WEB }),
        ),
        (
            "ContactMapping",
            "linkedin",
            json!({ "description": "A LinkedIn profile name, linked to `https://www.linkedin.com/in/<name>`, or the profile's URL. Example: `linkedin: ada-quill`.", "examples": ["ada-quill"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "github",
            json!({ "description": "A GitHub user name, linked to `https://github.com/<name>`, or the profile's URL. Example: `github: adaquill`.", "examples": ["adaquill"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "gitlab",
            json!({ "description": "A GitLab user name, linked to `https://gitlab.com/<name>`, or the profile's URL. Example: `gitlab: adaquill`.", "examples": ["adaquill"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "orcid",
            json!({ "description": "An ORCID iD (16 digits, the last a check digit or X), linked to `https://orcid.org/<iD>`, or its URL. Example: `orcid: 0000-0002-1825-0097`.", "examples": ["0000-0002-1825-0097"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "scholar",
            json!({ "description": "A Google Scholar profile id (the `user=` of the profile's address), or the profile's URL. Example: `scholar: qc6CJjYAAAAJ`.", "examples": ["qc6CJjYAAAAJ"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "website",
            json!({ "description": "A personal web site: a domain, optionally with a path, linked with `https://`, or a URL. Example: `website: ada.dev`.", "examples": ["ada.dev"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "mastodon",
            json!({ "description": "A Mastodon address `@user@server`, linked to `https://server/@user`, or the profile's URL. Example: `mastodon: \"@ada@mastodon.social\"`.", "examples": ["@ada@mastodon.social"], "type": "string" }),
        ),
        (
            "ContactMapping",
            "label",
            text(
                "Markup shown instead of the URL or handle (with `url` or a network key only). Example: `label: My blog`.",
                json!("My blog"),
            ),
        ),
        (
            "ContactMapping",
            "location",
            text(
                "A place, in markup, without a link. Example: `location: Leeds, UK`.",
                json!("Leeds, UK"),
            ),
        ),
        (
            "ContactMapping",
            "text",
            text(
                "Free inline markup, which may hold a `[label](url)` link. Example: `text: \"[Blog](https://example.org/blog)\"`.",
                json!("[Blog](https://example.org/blog)"),
            ),
        ),
        (
            "Section",
            "title",
            text(
                "The section heading. Required. Example: `title: Experience`.",
                json!("Experience"),
            ),
        ),
        (
            "Section",
            "entries",
            json!({ "description": "The section's entries: paragraphs of markup, or mappings with title, dates, bullets, …. Required. Example: `entries: [A paragraph.]`.", "examples": [["A paragraph."]], "type": "array", "items": { "$ref": "#/$defs/Entry" } }),
        ),
        (
            "Section",
            "numbered",
            boolean(
                "Number the entries `1.`, `2.`, … with a hanging indent. Example: `numbered: true`.",
                true,
            ),
        ),
        (
            "EntryMapping",
            "title",
            text(
                "Markup set bold on the left of the entry's first row. Example: `title: Example Corp`.",
                json!("Example Corp"),
            ),
        ),
        (
            "EntryMapping",
            "date",
            text(
                "A free-text date for the date column (not with `start`). Example: `date: 2022` or `date: Jun – Oct 2021`.",
                json!(2022),
            ),
        ),
        (
            "EntryMapping",
            "start",
            date(
                "A structured date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (not with `date`). Example: `start: 2021-06`.",
                "2021-06",
                false,
            ),
        ),
        (
            "EntryMapping",
            "end",
            date(
                "A structured date like `start`, or `present`; needs `start`. Example: `end: present`.",
                "present",
                true,
            ),
        ),
        (
            "EntryMapping",
            "subtitle",
            text(
                "Markup set italic on the second row, left. Example: `subtitle: Staff Engineer`.",
                json!("Staff Engineer"),
            ),
        ),
        (
            "EntryMapping",
            "location",
            text(
                "Markup set italic on the second row, in the date column. Example: `location: Leeds, UK`.",
                json!("Leeds, UK"),
            ),
        ),
        (
            "EntryMapping",
            "label",
            text(
                "The bold lead-in of a `label: text` row; goes with `text` only. Example: `label: Languages`.",
                json!("Languages"),
            ),
        ),
        (
            "EntryMapping",
            "text",
            text("A paragraph of markup. Example: `text: Rust, C++`.", json!("Rust, C++")),
        ),
        (
            "EntryMapping",
            "bullets",
            list(
                "Bulleted items, each a paragraph of markup. Example: `bullets: [Cut the build time by half.]`.",
                json!(["Cut the build time by half."]),
                json!({ "type": ["string", "number"] }),
            ),
        ),
        (
            "Design",
            "theme",
            choice(
                "A preset of the other design keys; keys given override it. Example: `theme: modern`.",
                &THEMES,
            ),
        ),
        (
            "Design",
            "page",
            json!({ "description": "The page: a name (letter, a4, legal, a5, b5, executive; any case) or `{width, height}` in lengths. Example: `page: a4`.", "examples": ["a4", { "width": "6in", "height": "9in" }], "anyOf": [ { "type": "string", "enum": PAGE_NAMES }, { "type": "string", "pattern": page_names }, sides(&["width", "height"]) ] }),
        ),
        (
            "Design",
            "margin",
            json!({ "description": "One length for every side, or `{top, right, bottom, left}` (missing sides keep 0.7in). A length is a number of points or a number with a unit pt, in, mm or cm. Example: `margin: 18mm`.", "examples": ["18mm", { "top": "0.5in", "bottom": "0.5in" }], "anyOf": [ length(), sides(&["top", "right", "bottom", "left"]) ] }),
        ),
        (
            "Design",
            "font",
            json!({ "description": "`serif` (Charis SIL), `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume. Example: `font: sans`.", "examples": ["sans", "Noto Serif"], "type": "string", "minLength": 1 }),
        ),
        (
            "Design",
            "font_size",
            json!({ "description": "The body size, 6 pt to 20 pt: a number of points or a number with a unit pt, in, mm or cm. Example: `font_size: 10.5pt`.", "examples": ["10.5pt"], "anyOf": [ { "type": "number", "minimum": 6, "maximum": 20 }, { "type": "string", "pattern": LENGTH } ] }),
        ),
        (
            "Design",
            "line_spacing",
            json!({ "description": "Baseline-to-baseline distance as a multiple of the font size, 0.8 to 3. Example: `line_spacing: 1.2`.", "examples": [1.2], "type": "number", "minimum": 0.8, "maximum": 3 }),
        ),
        (
            "Design",
            "accent_color",
            json!({ "description": "`#RRGGBB` for the name, section headings and rules; quote it, since # starts a YAML comment. Example: `accent_color: \"#1F3A5F\"`.", "examples": ["#1F3A5F"], "type": "string", "pattern": COLOR }),
        ),
        (
            "Design",
            "link_color",
            json!({ "description": "`#RRGGBB` for link text (default: the accent colour); quote it. Example: `link_color: \"#0B5CAD\"`.", "examples": ["#0B5CAD"], "type": "string", "pattern": COLOR }),
        ),
        (
            "Design",
            "justify",
            boolean(
                "Justify paragraphs and bullets (`false`: ragged right). Example: `justify: false`.",
                false,
            ),
        ),
        (
            "Design",
            "hyphenate",
            json!({ "description": "`auto` (the default): hyphenate a paragraph only where it cannot be set without a loose line (a space over 0.5 em) otherwise; `true`: wherever it improves the breaks (TeX's way); `false`: never. Example: `hyphenate: false`.", "examples": ["auto", false], "enum": ["auto", true, false] }),
        ),
        (
            "Design",
            "microtype",
            boolean(
                "Margin kerning (punctuation and hyphens hang into the margin) and letter-spacing of at most 0.02 em in justified text (default true). Example: `microtype: false`.",
                false,
            ),
        ),
        (
            "Design",
            "language",
            json!({ "description": "The language of month names, `present` and hyphenation: en-US, en-GB, de, fr, es, it, pt, nl, pl, sv, da, nb (no), fi, cs, ru, ar, he, fa; region subtags accepted. Example: `language: de`.", "examples": ["de", "en-GB"], "type": "string", "pattern": language }),
        ),
        (
            "Design",
            "date_column",
            choice(
                "Where dates go: `right`, flush right on the entry's first baseline, or `left`, a column at the left margin. Example: `date_column: left`.",
                &["right", "left"],
            ),
        ),
        (
            "Design",
            "date_align",
            choice(
                "With `date_column: left`, the dates' alignment in the column. Example: `date_align: left`.",
                &["right", "left"],
            ),
        ),
        (
            "Design",
            "section_title",
            choice(
                "How section headings are set: `uppercase`, `smallcaps` or `as-written`. Example: `section_title: smallcaps`.",
                &["uppercase", "smallcaps", "as-written"],
            ),
        ),
        (
            "Design",
            "section_rule",
            boolean(
                "A thin rule in the accent colour under each section heading. Example: `section_rule: false`.",
                false,
            ),
        ),
        (
            "Design",
            "contact_separator",
            json!({ "description": "The text between contact items (default ` · `). Example: `contact_separator: \" | \"`.", "examples": [" | "], "type": "string" }),
        ),
        (
            "Design",
            "contact_icons",
            json!({ "description": "Whether a small icon (Font Awesome Free) goes before each contact item that has a kind (default false). Example: `contact_icons: true`.", "examples": [true], "type": "boolean" }),
        ),
        (
            "Design",
            "page_numbers",
            boolean(
                "`n / N` at the foot of each page when there is more than one. Example: `page_numbers: false`.",
                false,
            ),
        ),
        (
            "Design",
            "running_header",
            boolean(
                "The name, small, atop every page after the first. Example: `running_header: false`.",
                false,
            ),
        ),
        (
            "Design",
            "fit_pages",
            json!({ "description": "A page count (1 to 200) to fit the resume to, scaling the type down to 85 % at most. Example: `fit_pages: 1`.", "examples": [1], "anyOf": [ { "type": "integer", "minimum": 1, "maximum": 200 }, { "type": "string", "pattern": r"^\s*[0-9]+\s*$" } ] }),
        ),
        (
            "PdfMetadata",
            "title",
            text(
                "The PDF's title (default: the name). Example: `title: Ada Quill, CV`.",
                json!("Ada Quill, CV"),
            ),
        ),
        (
            "PdfMetadata",
            "subject",
            text(
                "The PDF's subject. Example: `subject: Curriculum vitae`.",
                json!("Curriculum vitae"),
            ),
        ),
        (
            "PdfMetadata",
            "keywords",
            list(
                "The PDF's keywords. Example: `keywords: [storage, Rust]`.",
                json!(["storage", "Rust"]),
                json!({ "type": ["string", "number"] }),
            ),
        ),
    ]
}

/// The rules between keys, and the schemas of the hand-written types: (`$defs` name,
/// schema keyword, value).
fn rules() -> Vec<(&'static str, &'static str, Value)> {
    let one_of_main = [
        "email", "phone", "url", "location", "text", "linkedin", "github", "gitlab", "orcid", "scholar", "website",
        "mastodon",
    ]
    .map(|k| json!({ "required": [k] }));
    let linked = [
        "url", "linkedin", "github", "gitlab", "orcid", "scholar", "website", "mastodon",
    ]
    .map(|k| json!({ "required": [k] }));
    vec![
        ("Section", "required", json!(["title", "entries"])),
        ("ContactMapping", "oneOf", json!(one_of_main)),
        (
            "ContactMapping",
            "dependentSchemas",
            json!({ "label": { "anyOf": linked } }),
        ),
        ("EntryMapping", "not", json!({ "required": ["date", "start"] })),
        (
            "EntryMapping",
            "dependentRequired",
            json!({ "end": ["start"], "label": ["text"] }),
        ),
        (
            "EntryMapping",
            "dependentSchemas",
            json!({ "label": { "not": { "anyOf": [ { "required": ["title"] }, { "required": ["bullets"] } ] } } }),
        ),
        (
            "Contact",
            "anyOf",
            json!([ { "type": ["string", "number"] }, { "$ref": "#/$defs/ContactMapping" } ]),
        ),
        (
            "Entry",
            "anyOf",
            json!([ { "type": ["string", "number"] }, { "allOf": [ { "$ref": "#/$defs/EntryMapping" } ], "minProperties": 1 } ]),
        ),
    ]
}

/// Replaces the schema of every key of `schema` (as `schemars` wrote it) with the one
/// that describes its values, and adds the rules between keys.
///
/// # Panics
/// When a key or mapping of the table is not in the schema (the table and
/// `model::raw` disagree; the tests catch it).
pub fn refine(schema: &mut Value) {
    for (def, key, value) in keys() {
        let mapping = if def.is_empty() {
            &mut *schema
        } else {
            &mut schema["$defs"][def]
        };
        let slot = mapping["properties"]
            .get_mut(key)
            .unwrap_or_else(|| panic!("schema: no key `{key}` in `{def}`"));
        *slot = value;
    }
    for (def, keyword, value) in rules() {
        let mapping = schema["$defs"][def]
            .as_object_mut()
            .unwrap_or_else(|| panic!("schema: no mapping `{def}`"));
        mapping.insert(keyword.to_string(), value);
    }
    // `LengthOrSides` is replaced by `page` and `margin` of their own.
    if let Some(defs) = schema["$defs"].as_object_mut() {
        defs.remove("LengthOrSides");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_description_with_an_example() {
        let mut schema = serde_json::to_value(schemars::schema_for!(crate::model::raw::RawResume)).unwrap();
        refine(&mut schema);
        let mut mappings = vec![&schema];
        mappings.extend(schema["$defs"].as_object().unwrap().values());
        for m in mappings {
            for (key, s) in m["properties"].as_object().into_iter().flatten() {
                let d = s["description"].as_str().unwrap_or_default();
                assert!(d.contains("Example: `"), "{key}: {d}");
                assert!(s["examples"].is_array(), "{key}");
            }
        }
        assert!(!schema.to_string().contains("LengthOrSides"));
    }

    #[test]
    fn the_names_are_those_vitae_reads() {
        for t in THEMES {
            assert!(crate::style::Theme::from_name(t).is_some(), "{t}");
        }
        for p in LANGUAGE_PRIMARIES {
            assert!(crate::lang::Language::from_tag(p).is_some(), "{p}");
        }
        for l in crate::lang::LANGUAGES {
            let primary = l.tag().split('-').next().unwrap();
            assert!(LANGUAGE_PRIMARIES.contains(&primary), "{primary}");
        }
        for (name, _, _) in crate::style::PAGES {
            assert!(PAGE_NAMES.contains(&name), "{name}");
        }
    }
}
