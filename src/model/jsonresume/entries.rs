//! One item of a JSON Resume array (`work[2]`, `education[0]`, …) as an entry of
//! vitae's format: which of its fields become the title, subtitle, location, dates,
//! text and bullets, per section (the README's table "JSON Resume").

use super::emit::{Origin, OutEntry, Val};
use super::escape;
use super::walk::{Obj, Txt, Walk};
use crate::diag::Diagnostic;

impl Walk {
    /// One item of a JSON Resume array as an entry; `None` when it has nothing to show
    /// (a warning says so).
    pub(super) fn entry(&mut self, key: &str, o: &Obj) -> Option<OutEntry> {
        let mut e = OutEntry {
            origin: Origin::new(o.pos, &o.path),
            ..Default::default()
        };
        let join = |parts: Vec<Option<Txt>>, sep: &str| -> Option<Val> {
            let parts: Vec<Txt> = parts.into_iter().flatten().collect();
            let first = parts.first()?;
            Some(Val {
                text: parts.iter().map(|p| escape(&p.raw)).collect::<Vec<_>>().join(sep),
                origin: first.origin(),
            })
        };
        match key {
            "work" | "volunteer" => {
                let org = self.text(o, if key == "work" { "name" } else { "organization" });
                let position = self.text(o, "position");
                let description = if key == "work" {
                    self.text(o, "description")
                } else {
                    None
                };
                e.title = self.linked(org.clone().or(position.clone()), o);
                if let (Some(t), Some(d)) = (&mut e.title, &description) {
                    t.text = format!("{} — {}", t.text, escape(&d.raw));
                } else if e.title.is_none() {
                    e.title = description.map(|d| d.markup());
                }
                e.subtitle = org.and(position).map(|p| p.markup());
                e.location = if key == "work" {
                    self.text(o, "location").map(|t| t.markup())
                } else {
                    None
                };
                self.dates(o, &mut e);
                e.text = self.text(o, "summary").map(|t| t.markup());
                e.bullets = self.texts(o, "highlights").iter().map(Txt::markup).collect();
            }
            "education" => {
                let institution = self.text(o, "institution");
                e.title = self.linked(institution, o);
                let (study, area) = (self.text(o, "studyType"), self.text(o, "area"));
                e.subtitle = join(vec![study, area], ", ");
                self.dates(o, &mut e);
                e.text = self.text(o, "score").map(|t| Val {
                    text: format!("Score: {}", escape(&t.raw)),
                    origin: t.origin(),
                });
                e.bullets = self.texts(o, "courses").iter().map(Txt::markup).collect();
            }
            "awards" => {
                e.title = self.text(o, "title").map(|t| t.markup());
                e.subtitle = self.text(o, "awarder").map(|t| t.markup());
                self.single_date(o, "date", &mut e);
                e.text = self.text(o, "summary").map(|t| t.markup());
            }
            "certificates" | "publications" => {
                let name = self.text(o, "name");
                e.title = self.linked(name, o);
                e.subtitle = self
                    .text(o, if key == "certificates" { "issuer" } else { "publisher" })
                    .map(|t| t.markup());
                self.single_date(o, if key == "certificates" { "date" } else { "releaseDate" }, &mut e);
                e.text = if key == "publications" {
                    self.text(o, "summary").map(|t| t.markup())
                } else {
                    None
                };
            }
            "skills" | "interests" | "languages" => {
                let (name, level, keywords) = if key == "languages" {
                    (
                        self.text(o, "language"),
                        None,
                        self.text(o, "fluency").into_iter().collect(),
                    )
                } else {
                    (
                        self.text(o, "name"),
                        if key == "skills" { self.text(o, "level") } else { None },
                        self.texts(o, "keywords"),
                    )
                };
                let label = name.map(|n| match &level {
                    Some(l) => Val {
                        text: format!("{} ({})", escape(&n.raw), escape(&l.raw)),
                        origin: n.origin(),
                    },
                    None => n.markup(),
                });
                let text = join(keywords.into_iter().map(Some).collect(), ", ");
                match (label, text) {
                    (Some(l), Some(t)) => (e.label, e.text) = (Some(l), Some(t)),
                    (Some(p), None) | (None, Some(p)) => e.paragraph = Some(p),
                    (None, None) => e.paragraph = level.map(|l| l.markup()),
                }
            }
            "references" => {
                let (name, reference) = (self.text(o, "name"), self.text(o, "reference"));
                match name {
                    Some(n) => (e.title, e.text) = (Some(n.markup()), reference.map(|r| r.markup())),
                    None => e.paragraph = reference.map(|r| r.markup()),
                }
            }
            "projects" => {
                let name = self.text(o, "name");
                e.title = self.linked(name, o);
                let roles = join(self.texts(o, "roles").into_iter().map(Some).collect(), ", ");
                let kind = self.text(o, "type").map(|t| t.markup());
                e.subtitle = match (roles, kind) {
                    (Some(r), Some(k)) => Some(Val {
                        text: format!("{} · {}", r.text, k.text),
                        origin: r.origin,
                    }),
                    (r, k) => r.or(k),
                };
                e.location = self.text(o, "entity").map(|t| t.markup());
                self.dates(o, &mut e);
                let description = self.text(o, "description").map(|t| t.markup());
                let keywords = join(self.texts(o, "keywords").into_iter().map(Some).collect(), ", ").map(|k| Val {
                    text: format!("**Keywords:** {}", k.text),
                    origin: k.origin,
                });
                e.bullets = self.texts(o, "highlights").iter().map(Txt::markup).collect();
                // The keywords on a line of their own, after the description and the
                // highlights, not run into the description's last sentence.
                match (description, keywords) {
                    (Some(d), Some(k)) => {
                        e.text = Some(d);
                        e.bullets.push(k);
                    }
                    (d, k) => e.text = d.or(k),
                }
            }
            _ => {}
        }
        let empty = e.paragraph.is_none()
            && [&e.title, &e.start, &e.subtitle, &e.location, &e.label, &e.text]
                .iter()
                .all(|v| v.is_none())
            && e.bullets.is_empty();
        if empty {
            self.warns.push(Diagnostic::warning(
                o.pos,
                format!("`{}` has nothing vitae can show; it is left out", o.path),
            ));
            return None;
        }
        Some(e)
    }
}
