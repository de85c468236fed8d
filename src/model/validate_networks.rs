//! The network contact keys (`linkedin`, `github`, …) on the validator: the value
//! resolved by [`crate::model::networks::resolve`], its error at the value's position.

use super::super::networks::{self, ContactKind};
use super::super::raw::{RawContactMap, Scalar};
use super::super::{Contact, Text};
use super::{Validator, at};
use serde_saphyr::Spanned;

/// The network keys a contact mapping gives, in [`networks::NETWORK_KEYS`] order.
pub(super) fn network_values(m: &RawContactMap) -> Vec<(&'static str, &Spanned<Scalar>)> {
    let values = [
        &m.linkedin,
        &m.github,
        &m.gitlab,
        &m.orcid,
        &m.scholar,
        &m.website,
        &m.mastodon,
    ];
    networks::NETWORK_KEYS
        .iter()
        .zip(values)
        .filter_map(|(k, v)| v.as_ref().map(|v| (*k, v)))
        .collect()
}

impl Validator {
    /// A network item: shown as its handle (or `label`), linked to its profile URL.
    pub(super) fn network(&mut self, key: &str, v: &Spanned<Scalar>, label: Option<&Spanned<Scalar>>) -> Contact {
        let kind = ContactKind::of_network_key(key).unwrap_or_default();
        let raw = self.text(v);
        let (shown, link) = match networks::resolve(kind, &raw) {
            Ok(p) => (p.shown, Some(p.url)),
            Err(msg) => {
                self.err(at(v), msg);
                (raw.trim().to_string(), None)
            }
        };
        let shown: Text = match label {
            Some(l) => self.markup(l, "label"),
            None => self.plain(&Spanned {
                value: Scalar(shown),
                ..*v
            }),
        };
        Contact { shown, link, kind }
    }
}
