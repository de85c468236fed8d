//! The contact keys for profiles on networks (`linkedin`, `github`, `gitlab`, `orcid`,
//! `scholar`, `website`, `mastodon`): each takes a handle, from which the profile's
//! canonical URL is built, or the profile's URL itself (`http://` or `https://`).
//!
//! The rules a handle must follow are each network's own, as its sign-up form states
//! them (GitHub: 1–39 letters, digits and single hyphens, not at either end; LinkedIn's
//! custom profile URL: 3–100 letters, digits and hyphens; GitLab: 2–255 letters, digits,
//! `_`, `.`, `-`, starting with a letter or digit; an ORCID iD: 16 digits in four groups,
//! the last a check digit by ISO 7064 MOD 11-2, as orcid.org documents it; a Google
//! Scholar profile id: 12 letters, digits, `_` or `-`; a Mastodon address:
//! `@user@server`).

use crate::markup;

/// What a contact item is, by the key it was written with: chooses its icon
/// (`design.contact_icons`) and the name extraction reads in place of the icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ContactKind {
    /// `email:`.
    Email,
    /// `phone:`.
    Phone,
    /// `url:`.
    Url,
    /// `location:`.
    Location,
    /// `text:` or a plain string: no icon.
    #[default]
    Text,
    /// `linkedin:`.
    LinkedIn,
    /// `github:`.
    GitHub,
    /// `gitlab:`.
    GitLab,
    /// `orcid:`.
    Orcid,
    /// `scholar:` (Google Scholar).
    Scholar,
    /// `website:`.
    Website,
    /// `mastodon:`.
    Mastodon,
}

/// The network keys, in the order the spec lists them.
pub const NETWORK_KEYS: [&str; 7] = [
    "linkedin", "github", "gitlab", "orcid", "scholar", "website", "mastodon",
];

impl ContactKind {
    /// The kind of a network key of [`NETWORK_KEYS`].
    pub fn of_network_key(key: &str) -> Option<ContactKind> {
        Some(match key {
            "linkedin" => ContactKind::LinkedIn,
            "github" => ContactKind::GitHub,
            "gitlab" => ContactKind::GitLab,
            "orcid" => ContactKind::Orcid,
            "scholar" => ContactKind::Scholar,
            "website" => ContactKind::Website,
            "mastodon" => ContactKind::Mastodon,
            _ => return None,
        })
    }

    /// The name a reader gives the item: what text extraction reads for its icon,
    /// followed by a colon (`LinkedIn: jdoe`). Empty for [`ContactKind::Text`].
    pub fn name(self) -> &'static str {
        match self {
            ContactKind::Email => "Email",
            ContactKind::Phone => "Phone",
            ContactKind::Url => "Web",
            ContactKind::Location => "Location",
            ContactKind::Text => "",
            ContactKind::LinkedIn => "LinkedIn",
            ContactKind::GitHub => "GitHub",
            ContactKind::GitLab => "GitLab",
            ContactKind::Orcid => "ORCID",
            ContactKind::Scholar => "Google Scholar",
            ContactKind::Website => "Website",
            ContactKind::Mastodon => "Mastodon",
        }
    }
}

/// A network item resolved: the text shown and the profile's URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// What is shown: the handle (as the network writes it), or the URL without its
    /// scheme and trailing `/` when a URL was given that is not the canonical form.
    pub shown: String,
    /// The link: the canonical profile URL, or the URL as given.
    pub url: String,
}

/// Resolves the value of a network key: a handle, or a URL.
///
/// # Errors
/// A message naming the key, the value and what was expected, e.g. "github `-jdoe`
/// is not a GitHub user name (expected 1 to 39 letters, digits or single hyphens, not
/// starting or ending with a hyphen, or the profile's URL)"; an ORCID iD whose check
/// digit does not match; the errors of [`markup::check_web_url`] for a URL.
pub fn resolve(kind: ContactKind, value: &str) -> Result<Profile, String> {
    let v = value.trim();
    let key = key_of(kind);
    if has_scheme(v) {
        markup::check_web_url(v).map_err(|m| format!("{key}: {m}"))?;
        let shown = canonical_handle(kind, v).unwrap_or_else(|| without_scheme(v));
        return Ok(Profile {
            shown,
            url: v.to_string(),
        });
    }
    let bad = |expected: &str| format!("{key} `{v}` is not {expected}, or the profile's URL)");
    match kind {
        ContactKind::LinkedIn => {
            let h = v.strip_prefix("in/").unwrap_or(v);
            if (3..=100).contains(&h.len()) && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                Ok(profile(h, format!("https://www.linkedin.com/in/{h}")))
            } else {
                Err(bad(
                    "a LinkedIn profile name (expected 3 to 100 letters, digits or hyphens, as in linkedin.com/in/<name>",
                ))
            }
        }
        ContactKind::GitHub => {
            let h = v.strip_prefix('@').unwrap_or(v);
            let ok = (1..=39).contains(&h.len())
                && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !h.starts_with('-')
                && !h.ends_with('-')
                && !h.contains("--");
            if ok {
                Ok(profile(h, format!("https://github.com/{h}")))
            } else {
                Err(bad(
                    "a GitHub user name (expected 1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen",
                ))
            }
        }
        ContactKind::GitLab => {
            let h = v.strip_prefix('@').unwrap_or(v);
            let ok = (2..=255).contains(&h.len())
                && h.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
                && h.starts_with(|c: char| c.is_ascii_alphanumeric())
                && !h.ends_with('.');
            if ok {
                Ok(profile(h, format!("https://gitlab.com/{h}")))
            } else {
                Err(bad(
                    "a GitLab user name (expected 2 to 255 letters, digits, `_`, `.` or `-`, starting with a letter or digit",
                ))
            }
        }
        ContactKind::Orcid => orcid(v).map(|id| profile(&id, format!("https://orcid.org/{id}"))),
        ContactKind::Scholar => {
            if v.len() == 12 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
                Ok(profile(v, format!("https://scholar.google.com/citations?user={v}")))
            } else {
                Err(bad(
                    "a Google Scholar profile id (expected the 12 letters, digits, `_` or `-` after `user=` in the profile's address",
                ))
            }
        }
        ContactKind::Website => {
            let url = format!("https://{v}");
            let host = v.split(['/', '?', '#']).next().unwrap_or("");
            if is_host(host) && markup::check_web_url(&url).is_ok() && !v.chars().any(char::is_whitespace) {
                Ok(Profile {
                    shown: without_scheme(&url),
                    url,
                })
            } else {
                Err(bad(
                    "a web address (expected a domain such as `jdoe.dev`, optionally with a path",
                ))
            }
        }
        ContactKind::Mastodon => {
            let a = v.strip_prefix('@').unwrap_or(v);
            match a.split_once('@') {
                Some((user, server))
                    if (1..=30).contains(&user.len())
                        && user.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && is_host(server) =>
                {
                    Ok(profile(
                        &format!("@{user}@{server}"),
                        format!("https://{server}/@{user}"),
                    ))
                }
                _ => Err(bad(
                    "a Mastodon address (expected `@user@server`, such as `@jdoe@mastodon.social`",
                )),
            }
        }
        _ => Err(format!("`{key}` is not a network key")),
    }
}

fn profile(shown: &str, url: String) -> Profile {
    Profile {
        shown: shown.to_string(),
        url,
    }
}

fn key_of(kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::LinkedIn => "linkedin",
        ContactKind::GitHub => "github",
        ContactKind::GitLab => "gitlab",
        ContactKind::Orcid => "orcid",
        ContactKind::Scholar => "scholar",
        ContactKind::Website => "website",
        ContactKind::Mastodon => "mastodon",
        ContactKind::Email => "email",
        ContactKind::Phone => "phone",
        ContactKind::Url => "url",
        ContactKind::Location => "location",
        ContactKind::Text => "text",
    }
}

fn has_scheme(v: &str) -> bool {
    v.split_once("://")
        .is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)))
}

/// A URL shown without `https://` or `http://` and without a trailing `/`.
fn without_scheme(url: &str) -> String {
    let s = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    s.strip_suffix('/').unwrap_or(s).to_string()
}

/// A host name: dot-separated labels of letters, digits and inner hyphens, at least
/// two labels.
fn is_host(h: &str) -> bool {
    let labels: Vec<&str> = h.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

/// The handle of a URL in the network's canonical form (`https://github.com/jdoe` →
/// `jdoe`), which is then shown as a handle would be.
fn canonical_handle(kind: ContactKind, url: &str) -> Option<String> {
    let rest = without_scheme(url);
    let (host, path) = rest.split_once('/').unwrap_or((&rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let single = |p: &str| (!p.is_empty() && !p.contains(['/', '?', '#'])).then(|| p.to_string());
    match kind {
        ContactKind::LinkedIn if host == "linkedin.com" => single(path.strip_prefix("in/")?),
        ContactKind::GitHub if host == "github.com" => single(path),
        ContactKind::GitLab if host == "gitlab.com" => single(path),
        ContactKind::Orcid if host == "orcid.org" => single(path),
        ContactKind::Mastodon => Some(format!("@{}@{host}", single(path.strip_prefix('@')?)?)),
        _ => None,
    }
}

/// Checks an ORCID iD (`0000-0002-1825-0097`; the hyphens may be left out) and writes
/// it with its hyphens. The check digit is ISO 7064 MOD 11-2 over the first 15 digits
/// (`X` stands for 10).
fn orcid(v: &str) -> Result<String, String> {
    let chars: Vec<char> = v.chars().filter(|&c| c != '-').collect();
    let grouped = v.contains('-');
    let shape_ok = chars.len() == 16
        && chars[..15].iter().all(char::is_ascii_digit)
        && (chars[15].is_ascii_digit() || chars[15] == 'X' || chars[15] == 'x')
        && (!grouped || v.split('-').map(str::len).eq([4, 4, 4, 4]));
    if !shape_ok {
        return Err(format!(
            "orcid `{v}` is not an ORCID iD (expected 16 digits in four groups of four, such as 0000-0002-1825-0097, the last may be X, or the profile's URL)"
        ));
    }
    let total = chars[..15]
        .iter()
        .fold(0u32, |t, c| (t + c.to_digit(10).unwrap_or(0)) * 2);
    let check = (12 - total % 11) % 11;
    let want = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('0')
    };
    let given = chars[15].to_ascii_uppercase();
    if given != want {
        return Err(format!(
            "orcid `{v}` ends in the check digit {given}, but its first 15 digits give {want} (ISO 7064 MOD 11-2): a digit is mistyped"
        ));
    }
    let s: String = chars.iter().map(|c| c.to_ascii_uppercase()).collect();
    Ok(format!("{}-{}-{}-{}", &s[..4], &s[4..8], &s[8..12], &s[12..]))
}

#[cfg(test)]
mod tests {
    use super::{ContactKind as K, resolve};

    fn ok(k: K, v: &str) -> (String, String) {
        let p = resolve(k, v).unwrap();
        (p.shown, p.url)
    }

    #[test]
    fn handles_become_canonical_urls() {
        assert_eq!(
            ok(K::LinkedIn, "jdoe"),
            ("jdoe".into(), "https://www.linkedin.com/in/jdoe".into())
        );
        assert_eq!(
            ok(K::GitHub, "@octo-cat"),
            ("octo-cat".into(), "https://github.com/octo-cat".into())
        );
        assert_eq!(
            ok(K::GitLab, "j.doe_1"),
            ("j.doe_1".into(), "https://gitlab.com/j.doe_1".into())
        );
        assert_eq!(
            ok(K::Orcid, "0000-0002-1825-0097"),
            (
                "0000-0002-1825-0097".into(),
                "https://orcid.org/0000-0002-1825-0097".into()
            )
        );
        assert_eq!(
            ok(K::Orcid, "000000021694233x"),
            (
                "0000-0002-1694-233X".into(),
                "https://orcid.org/0000-0002-1694-233X".into()
            )
        );
        assert_eq!(
            ok(K::Scholar, "qc6CJjYAAAAJ"),
            (
                "qc6CJjYAAAAJ".into(),
                "https://scholar.google.com/citations?user=qc6CJjYAAAAJ".into()
            )
        );
        assert_eq!(
            ok(K::Website, "jdoe.dev/"),
            ("jdoe.dev".into(), "https://jdoe.dev/".into())
        );
        assert_eq!(
            ok(K::Mastodon, "@jdoe@mastodon.social"),
            ("@jdoe@mastodon.social".into(), "https://mastodon.social/@jdoe".into())
        );
    }

    #[test]
    fn urls_are_accepted_and_canonical_ones_shown_as_handles() {
        assert_eq!(
            ok(K::GitHub, "https://github.com/jdoe/"),
            ("jdoe".into(), "https://github.com/jdoe/".into())
        );
        assert_eq!(
            ok(K::LinkedIn, "https://www.linkedin.com/in/jane-doe"),
            ("jane-doe".into(), "https://www.linkedin.com/in/jane-doe".into())
        );
        assert_eq!(
            ok(K::Mastodon, "https://fosstodon.org/@jd"),
            ("@jd@fosstodon.org".into(), "https://fosstodon.org/@jd".into())
        );
        assert_eq!(
            ok(K::GitHub, "https://github.com/org/repo"),
            ("github.com/org/repo".into(), "https://github.com/org/repo".into())
        );
    }

    #[test]
    fn malformed_handles_say_what_was_expected() {
        assert_eq!(
            resolve(K::GitHub, "-jdoe").unwrap_err(),
            "github `-jdoe` is not a GitHub user name (expected 1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen, or the profile's URL)"
        );
        assert_eq!(
            resolve(K::LinkedIn, "j doe").unwrap_err(),
            "linkedin `j doe` is not a LinkedIn profile name (expected 3 to 100 letters, digits or hyphens, as in linkedin.com/in/<name>, or the profile's URL)"
        );
        assert_eq!(
            resolve(K::Orcid, "0000-0002-1825-0098").unwrap_err(),
            "orcid `0000-0002-1825-0098` ends in the check digit 8, but its first 15 digits give 7 (ISO 7064 MOD 11-2): a digit is mistyped"
        );
        assert_eq!(
            resolve(K::Orcid, "0000-0002-1825").unwrap_err(),
            "orcid `0000-0002-1825` is not an ORCID iD (expected 16 digits in four groups of four, such as 0000-0002-1825-0097, the last may be X, or the profile's URL)"
        );
        assert_eq!(
            resolve(K::Mastodon, "jdoe").unwrap_err(),
            "mastodon `jdoe` is not a Mastodon address (expected `@user@server`, such as `@jdoe@mastodon.social`, or the profile's URL)"
        );
        assert_eq!(
            resolve(K::Scholar, "abc").unwrap_err(),
            "scholar `abc` is not a Google Scholar profile id (expected the 12 letters, digits, `_` or `-` after `user=` in the profile's address, or the profile's URL)"
        );
        assert_eq!(
            resolve(K::Website, "not a site").unwrap_err(),
            "website `not a site` is not a web address (expected a domain such as `jdoe.dev`, optionally with a path, or the profile's URL)"
        );
        assert_eq!(
            resolve(K::GitHub, "javascript://x").unwrap_err(),
            "github: link `javascript://x` uses the scheme `javascript`, which is not allowed (expected http:, https:, mailto: or tel:)"
        );
    }
}
