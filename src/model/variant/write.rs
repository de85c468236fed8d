//! A [`Node`] tree written as block YAML (two-space indentation, `- key: value` items),
//! with the source position of every key and value recorded by the generated line and
//! column ([`Origins`]), so that what the loader says about the written text is
//! reported at the source.

use crate::model::jsonresume::emit::{Origin, Origins, scalar};
use crate::model::jsonresume::tree::{Key, Node, Value};
use std::fmt::Write as _;

/// Writes YAML lines, counting them, and records origins.
pub(super) struct Writer {
    /// The text written so far.
    pub out: String,
    /// The 1-based number of the line being written.
    line: u32,
    /// Generated position → source position.
    pub origins: Origins,
}

impl Writer {
    /// A writer whose text starts with `header` (comment lines).
    pub fn new(header: &[String]) -> Writer {
        let mut w = Writer {
            out: String::new(),
            line: 1,
            origins: Origins::default(),
        };
        for l in header {
            let _ = writeln!(w.out, "# {l}");
            w.line += 1;
        }
        w
    }

    fn record(&mut self, column: usize, pos: crate::diag::Pos) {
        self.origins
            .record(self.line, column as u32, Origin::new(pos, "expanded"));
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.line += 1;
    }

    /// A blank line (between top-level keys and sections).
    pub fn blank(&mut self) {
        self.newline();
    }

    /// The keys of a mapping at `indent`; with `dash`, the first key follows `- `
    /// (the mapping is a list item whose dash stands at `indent - 2`). A key whose
    /// value is null is left out (the loader warns about it at the source).
    pub fn map(&mut self, indent: usize, entries: &[(Key, Node)], dash: bool) {
        let mut first = dash;
        for (k, v) in entries {
            if v.value == Value::Null {
                continue;
            }
            let lead = if first {
                format!("{:w$}- ", "", w = indent.saturating_sub(2))
            } else {
                format!("{:indent$}", "")
            };
            first = false;
            self.key_value(&lead, k, v, indent);
        }
    }

    /// `lead key: value`, or `lead key:` and the nested block under it.
    fn key_value(&mut self, lead: &str, k: &Key, v: &Node, indent: usize) {
        let key = scalar(&k.name);
        let key_col = lead.chars().count() + 1;
        self.record(key_col, k.pos);
        match &v.value {
            Value::Map(m) if m.iter().any(|(_, v)| v.value != Value::Null) => {
                self.out.push_str(lead);
                self.out.push_str(&key);
                self.out.push(':');
                self.newline();
                self.map(indent + 2, m, false);
            }
            Value::Seq(s) if !s.is_empty() => {
                self.out.push_str(lead);
                self.out.push_str(&key);
                self.out.push(':');
                self.newline();
                self.seq(indent + 2, s);
            }
            _ => {
                self.record(key_col + key.chars().count() + 2, v.pos);
                let _ = write!(self.out, "{lead}{key}: {}", flat(v));
                self.newline();
            }
        }
    }

    /// The items of a list, their dashes at `indent`.
    pub fn seq(&mut self, indent: usize, items: &[Node]) {
        for v in items {
            match &v.value {
                Value::Map(m) if m.iter().any(|(_, v)| v.value != Value::Null) => self.map(indent + 2, m, true),
                Value::Seq(s) if !s.is_empty() => {
                    self.record(indent + 1, v.pos);
                    let _ = write!(self.out, "{:indent$}-", "");
                    self.newline();
                    self.seq(indent + 2, s);
                }
                _ => {
                    self.record(indent + 3, v.pos);
                    let _ = write!(self.out, "{:indent$}- {}", "", flat(v));
                    self.newline();
                }
            }
        }
    }

    /// A top-level `key: value` (or block).
    pub fn top(&mut self, k: &Key, v: &Node) {
        if v.value != Value::Null {
            self.key_value("", k, v, 0);
        }
    }
}

/// A scalar (or empty collection) as YAML on one line.
fn flat(n: &Node) -> String {
    match &n.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(x) => x.clone(),
        Value::Str(s) => scalar(s),
        Value::Map(_) => "{}".into(),
        Value::Seq(_) => "[]".into(),
    }
}
