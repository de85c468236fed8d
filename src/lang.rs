//! Languages: hyphenation patterns, month names and the word for "present".
//!
//! Hyphenation uses Liang's patterns (the TeX `hyph-*` files) through the
//! `hyphenation` crate, whose dictionaries are embedded in the binary. vitae adds
//! TeX's limits (at least 2 letters before a hyphen, \lefthyphenmin, and 3 after,
//! \righthyphenmin, or the language's own larger minima) and the rules of what is
//! never hyphenated: URLs, e-mail addresses, words with a digit, words in capitals,
//! and words that already hold a hyphen (they break only at it).

use hyphenation::{Hyphenator, Load, Standard};
use std::sync::OnceLock;

/// A language vitae can set: its patterns and its date words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// `en-US` (also `en`), the default.
    EnglishUs,
    /// `en-GB`.
    EnglishGb,
    /// `de`, `de-DE`, `de-AT`, `de-CH` (reformed 1996 spelling patterns).
    German,
    /// `fr`, `fr-FR`, …
    French,
    /// `es`.
    Spanish,
    /// `it`.
    Italian,
    /// `pt`, `pt-BR`, `pt-PT`.
    Portuguese,
    /// `nl`.
    Dutch,
    /// `pl`.
    Polish,
    /// `sv`.
    Swedish,
    /// `da`.
    Danish,
    /// `nb`, `no` (Bokmål).
    Norwegian,
    /// `fi`.
    Finnish,
    /// `cs`.
    Czech,
    /// `ru`.
    Russian,
    /// `ar`: set right to left; no hyphenation (Arabic is not hyphenated).
    Arabic,
    /// `he`: set right to left; no hyphenation.
    Hebrew,
    /// `fa`: Persian, set right to left; no hyphenation.
    Persian,
    /// `zh` (also `zh-CN`, `zh-TW`, …): Chinese; no hyphenation; dates `2020年7月 – 至今`.
    Chinese,
    /// `ja`: Japanese; no hyphenation; dates `2020年7月 – 現在`.
    Japanese,
    /// `ko`: Korean; no hyphenation; dates `2020년 7월 – 현재`.
    Korean,
}

/// Every language, in the order of the README's table.
pub const LANGUAGES: [Language; 21] = [
    Language::EnglishUs,
    Language::EnglishGb,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
    Language::Polish,
    Language::Swedish,
    Language::Danish,
    Language::Norwegian,
    Language::Finnish,
    Language::Czech,
    Language::Russian,
    Language::Arabic,
    Language::Hebrew,
    Language::Persian,
    Language::Chinese,
    Language::Japanese,
    Language::Korean,
];

impl Language {
    /// The language of a BCP 47 tag (`en-US`, `de-DE`, `fr`); case-insensitive, the
    /// region ignored except for English. `None` for a language vitae does not have.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = t.split('-').next().unwrap_or("");
        Some(match primary {
            "en" if t == "en-gb" || t == "en-uk" => Language::EnglishGb,
            "en" => Language::EnglishUs,
            "de" => Language::German,
            "fr" => Language::French,
            "es" => Language::Spanish,
            "it" => Language::Italian,
            "pt" => Language::Portuguese,
            "nl" => Language::Dutch,
            "pl" => Language::Polish,
            "sv" => Language::Swedish,
            "da" => Language::Danish,
            "nb" | "no" => Language::Norwegian,
            "fi" => Language::Finnish,
            "cs" => Language::Czech,
            "ru" => Language::Russian,
            "ar" => Language::Arabic,
            "he" | "iw" => Language::Hebrew,
            "fa" => Language::Persian,
            "zh" => Language::Chinese,
            "ja" => Language::Japanese,
            "ko" => Language::Korean,
            _ => return None,
        })
    }

    /// The canonical tag, as the README lists it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::EnglishUs => "en-US",
            Language::EnglishGb => "en-GB",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Polish => "pl",
            Language::Swedish => "sv",
            Language::Danish => "da",
            Language::Norwegian => "nb",
            Language::Finnish => "fi",
            Language::Czech => "cs",
            Language::Russian => "ru",
            Language::Arabic => "ar",
            Language::Hebrew => "he",
            Language::Persian => "fa",
            Language::Chinese => "zh",
            Language::Japanese => "ja",
            Language::Korean => "ko",
        }
    }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian): the
    /// layout is mirrored, and paragraphs take a right-to-left base direction.
    pub fn rtl(self) -> bool {
        matches!(self, Language::Arabic | Language::Hebrew | Language::Persian)
    }

    /// The base direction of the language's paragraphs (UAX #9's paragraph level):
    /// right to left when [`Language::rtl`].
    pub fn direction(self) -> crate::text::Direction {
        if self.rtl() {
            crate::text::Direction::Rtl
        } else {
            crate::text::Direction::Ltr
        }
    }

    fn patterns(self) -> Option<hyphenation::Language> {
        use hyphenation::Language as H;
        Some(match self {
            Language::EnglishUs => H::EnglishUS,
            Language::EnglishGb => H::EnglishGB,
            Language::German => H::German1996,
            Language::French => H::French,
            Language::Spanish => H::Spanish,
            Language::Italian => H::Italian,
            Language::Portuguese => H::Portuguese,
            Language::Dutch => H::Dutch,
            Language::Polish => H::Polish,
            Language::Swedish => H::Swedish,
            Language::Danish => H::Danish,
            Language::Norwegian => H::NorwegianBokmal,
            Language::Finnish => H::Finnish,
            Language::Czech => H::Czech,
            Language::Russian => H::Russian,
            Language::Arabic | Language::Hebrew | Language::Persian => return None,
            Language::Chinese | Language::Japanese | Language::Korean => return None,
        })
    }

    /// Abbreviated month names as résumés in the language write them, January first.
    /// German uses the Duden's abbreviations with a period (`Jan.`, but `Mai`, `Juni`,
    /// `Juli` in full); French the usual abbreviations (`janv.`, `févr.`, …).
    pub fn months(self) -> [&'static str; 12] {
        match self {
            Language::EnglishUs | Language::EnglishGb => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
            Language::German => [
                "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
            ],
            Language::French => [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
            ],
            Language::Spanish => [
                "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic.",
            ],
            Language::Italian => [
                "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
            ],
            Language::Portuguese => [
                "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez.",
            ],
            Language::Dutch => [
                "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
            ],
            Language::Polish => [
                "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
            ],
            Language::Swedish => [
                "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec.",
            ],
            Language::Danish => [
                "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
            ],
            Language::Norwegian => [
                "jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "des.",
            ],
            Language::Finnish => [
                "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu",
            ],
            Language::Czech => [
                "led.", "úno.", "bře.", "dub.", "kvě.", "čvn.", "čvc.", "srp.", "zář.", "říj.", "lis.", "pro.",
            ],
            Language::Russian => [
                "янв.",
                "февр.",
                "март",
                "апр.",
                "май",
                "июнь",
                "июль",
                "авг.",
                "сент.",
                "окт.",
                "нояб.",
                "дек.",
            ],
            Language::Arabic => [
                "يناير",
                "فبراير",
                "مارس",
                "أبريل",
                "مايو",
                "يونيو",
                "يوليو",
                "أغسطس",
                "سبتمبر",
                "أكتوبر",
                "نوفمبر",
                "ديسمبر",
            ],
            Language::Hebrew => [
                "ינו׳", "פבר׳", "מרץ", "אפר׳", "מאי", "יוני", "יולי", "אוג׳", "ספט׳", "אוק׳", "נוב׳", "דצמ׳",
            ],
            // Chinese, Japanese and Korean write the month as a number with 月 (월):
            // see [`Language::year_first`].
            Language::Chinese | Language::Japanese => [
                "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
            ],
            Language::Korean => [
                "1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월",
            ],
            Language::Persian => [
                "ژانویه",
                "فوریه",
                "مارس",
                "آوریل",
                "مه",
                "ژوئن",
                "ژوئیه",
                "اوت",
                "سپتامبر",
                "اکتبر",
                "نوامبر",
                "دسامبر",
            ],
        }
    }

    /// How a year is written before its month in Chinese, Japanese and Korean dates
    /// (`2020年7月`, `2020년 7월`): the year's suffix and the space after it; `None` for
    /// the languages that write the month name before the year (`Jul 2020`).
    ///
    /// The forms are those of the countries' résumés: the Japanese 履歴書 (JIS Z 8303
    /// style résumé form) writes `2020年7月` and `現在`; Chinese 简历 write `2020年7月 –
    /// 至今`; Korean 이력서 write `2020년 7월 – 현재` (a space after 년, as Korean
    /// orthography spaces units).
    pub fn year_first(self) -> Option<(&'static str, &'static str)> {
        match self {
            Language::Chinese | Language::Japanese => Some(("年", "")),
            Language::Korean => Some(("년", " ")),
            _ => None,
        }
    }

    /// The word for an ongoing end date (`present`, German `heute`, French
    /// `aujourd'hui`, …).
    pub fn present(self) -> &'static str {
        match self {
            Language::EnglishUs | Language::EnglishGb => "present",
            Language::German => "heute",
            Language::French => "aujourd’hui",
            Language::Spanish => "actualidad",
            Language::Italian => "oggi",
            Language::Portuguese => "atual",
            Language::Dutch => "heden",
            Language::Polish => "obecnie",
            Language::Swedish => "nu",
            Language::Danish => "nu",
            Language::Norwegian => "nå",
            Language::Finnish => "nyt",
            Language::Czech => "dosud",
            Language::Russian => "н. в.",
            Language::Arabic => "حتى الآن",
            Language::Hebrew => "היום",
            Language::Persian => "اکنون",
            Language::Chinese => "至今",
            Language::Japanese => "現在",
            Language::Korean => "현재",
        }
    }

    /// The loaded patterns (deserialised once per process, on first use).
    fn dictionary(self) -> Option<&'static Standard> {
        static DICTS: [OnceLock<Option<Standard>>; 21] = [const { OnceLock::new() }; 21];
        let k = LANGUAGES.iter().position(|&l| l == self)?;
        DICTS[k]
            .get_or_init(|| {
                let mut d = Standard::from_embedded(self.patterns()?).ok()?;
                let (l, r) = d.minima;
                d.minima = (l.max(MIN_BEFORE), r.max(MIN_AFTER));
                Some(d)
            })
            .as_ref()
    }

    /// Hyphenation points of `word` as byte offsets (a hyphen may go before each),
    /// or none when the word must not be hyphenated (see [`may_hyphenate`]).
    ///
    /// Results are cached per language and word for the process (a résumé repeats its
    /// words; `fit_pages` sets the whole text again at each step).
    pub fn hyphenate(self, word: &str) -> Vec<usize> {
        use std::collections::HashMap;
        use std::sync::Mutex;
        type Cache = HashMap<(Language, String), Vec<usize>>;
        static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
        if !may_hyphenate(word) {
            return Vec::new();
        }
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        if let Some(b) = cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(self, word.to_string()))
        {
            return b.clone();
        }
        let breaks = self.dictionary().map(|d| d.hyphenate(word).breaks).unwrap_or_default();
        let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
        if c.len() >= 100_000 {
            c.clear();
        }
        c.insert((self, word.to_string()), breaks.clone());
        breaks
    }
}

/// TeX's \lefthyphenmin: letters before a hyphen.
pub const MIN_BEFORE: usize = 2;
/// TeX's \righthyphenmin: letters after a hyphen.
pub const MIN_AFTER: usize = 3;

/// Whether a word may be hyphenated: letters only (apostrophes inside allowed), at
/// least [`MIN_BEFORE`] + [`MIN_AFTER`] of them, and not all capitals. Digits, `@`,
/// `/`, `.` and `:` (URLs, e-mail addresses, version numbers) and existing hyphens
/// rule it out.
pub fn may_hyphenate(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        && letters >= MIN_BEFORE + MIN_AFTER
        && !word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(lang: Language, word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for b in lang.hyphenate(word) {
            out.push_str(&word[last..b]);
            out.push('-');
            last = b;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn known_words_in_every_language() {
        let cases = [
            (Language::EnglishUs, "hyphenation", "hy-phen-a-tion"),
            (Language::EnglishUs, "typesetting", "type-set-ting"),
            (Language::EnglishGb, "organisation", "or-gan-isa-tion"),
            (Language::German, "Silbentrennung", "Sil-ben-tren-nung"),
            (Language::French, "imprimerie", "im-pri-me-rie"),
            (Language::Spanish, "tipografía", "ti-po-gra-fía"),
            (Language::Italian, "tipografia", "ti-po-gra-fia"),
            (Language::Portuguese, "tipografia", "ti-po-gra-fia"),
            (Language::Dutch, "woordafbreking", "woord-af-bre-king"),
            (Language::Polish, "drukarnia", "dru-kar-nia"),
            (Language::Swedish, "avstavning", "av-stav-ning"),
            (Language::Danish, "orddeling", "ord-de-ling"),
            (Language::Norwegian, "orddeling", "ord-de-ling"),
            (Language::Finnish, "tavutus", "ta-vu-tus"),
            (Language::Czech, "dělení", "dě-lení"),
            (Language::Russian, "переносы", "пе-ре-носы"),
        ];
        let mut wrong = Vec::new();
        for (lang, word, want) in cases {
            let got = parts(lang, word);
            if got != want {
                wrong.push(format!("{}: {word} → {got} (expected {want})", lang.tag()));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn never_hyphenated() {
        for w in [
            "https://example.org/hyphenation",
            "someone@example.org",
            "release2024",
            "NASA",
            "HYPHENATION",
            "co-founded",
            "ab",
        ] {
            assert_eq!(Language::EnglishUs.hyphenate(w), Vec::<usize>::new(), "{w}");
        }
    }

    #[test]
    fn at_least_two_letters_before_and_three_after() {
        for w in ["abolition", "electricity", "unusual", "idea", "orange"] {
            for b in Language::EnglishUs.hyphenate(w) {
                assert!(w[..b].chars().count() >= 2 && w[b..].chars().count() >= 3, "{w} at {b}");
            }
        }
    }

    #[test]
    fn tags() {
        assert_eq!(Language::from_tag("de-DE"), Some(Language::German));
        assert_eq!(Language::from_tag("en"), Some(Language::EnglishUs));
        assert_eq!(Language::from_tag("EN-gb"), Some(Language::EnglishGb));
        assert_eq!(Language::from_tag("tlh"), None);
        assert_eq!(Language::from_tag("ar-EG"), Some(Language::Arabic));
        assert!(Language::Hebrew.rtl() && !Language::German.rtl());
        assert_eq!(Language::Persian.hyphenate("کتابخانه"), Vec::<usize>::new());
    }
}
