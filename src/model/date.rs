//! Structured dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `present`) and their English
//! rendering as in the spec: `Sep 2016 – Apr 2022`, `Jun – Oct 2021` when the year is
//! shared, `2019 – present`. Day precision is shown at month precision, as resumes do.

/// A date as written in `start` or `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Date {
    /// A calendar date; `month` and `day` are 0 when not given.
    Day {
        /// Four-digit year.
        year: u16,
        /// Month, 1–12; 0 when not given.
        month: u8,
        /// Day of the month, 1–31; 0 when not given.
        day: u8,
    },
    /// `present` (only valid for `end`); compares after every calendar date.
    Present,
}

use crate::lang::Language;

/// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or (when `allow_present`) `present`.
///
/// # Errors
/// A message naming the value and what was expected, e.g. for `2021-13`:
/// "`2021-13` has no month 13 (months are 01 to 12)".
pub fn parse_date(s: &str, allow_present: bool) -> Result<Date, String> {
    let t = s.trim();
    if allow_present && t.eq_ignore_ascii_case("present") {
        return Ok(Date::Present);
    }
    let expected = if allow_present {
        "expected a date as YYYY, YYYY-MM, YYYY-MM-DD or `present`"
    } else {
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
    };
    let parts: Vec<&str> = t.split('-').collect();
    let num = |p: &str, len: std::ops::RangeInclusive<usize>| -> Option<u16> {
        if len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    if parts.is_empty() || parts.len() > 3 {
        return Err(format!("`{t}` is not a date ({expected})"));
    }
    let year = num(parts[0], 4..=4).ok_or_else(|| format!("`{t}` is not a date ({expected})"))?;
    let month = match parts.get(1) {
        None => 0,
        Some(p) => num(p, 2..=2).ok_or_else(|| format!("`{t}` is not a date ({expected})"))? as u8,
    };
    if parts.len() > 1 && !(1..=12).contains(&month) {
        return Err(format!("`{t}` has no month {month} (a month is 01 to 12)"));
    }
    let day = match parts.get(2) {
        None => 0,
        Some(p) => num(p, 2..=2).ok_or_else(|| format!("`{t}` is not a date ({expected})"))? as u8,
    };
    if parts.len() > 2 {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
        if day < 1 || day > days {
            return Err(format!("`{t}` has no day {day} (month {month} has {days} days)"));
        }
    }
    Ok(Date::Day { year, month, day })
}

/// Whether `a` is later than `b` at the precision both give (`2021` is not after `2021-05`).
pub fn is_after(a: Date, b: Date) -> bool {
    match (a, b) {
        (Date::Present, Date::Present) | (Date::Day { .. }, Date::Present) => false,
        (Date::Present, Date::Day { .. }) => true,
        (
            Date::Day {
                year: y1,
                month: m1,
                day: d1,
            },
            Date::Day {
                year: y2,
                month: m2,
                day: d2,
            },
        ) => {
            if y1 != y2 {
                return y1 > y2;
            }
            if m1 == 0 || m2 == 0 || m1 != m2 {
                return m1 != 0 && m2 != 0 && m1 > m2;
            }
            d1 != 0 && d2 != 0 && d1 > d2
        }
    }
}

fn one(d: Date, with_year: bool, lang: Language) -> String {
    let months = lang.months();
    if let Some((suffix, space)) = lang.year_first() {
        return match d {
            Date::Present => lang.present().to_string(),
            Date::Day { year, month: 0, .. } => format!("{year}{suffix}"),
            Date::Day { year, month, .. } if with_year => {
                format!("{year}{suffix}{space}{}", months[month as usize - 1])
            }
            Date::Day { month, .. } => months[month as usize - 1].to_string(),
        };
    }
    match d {
        Date::Present => lang.present().to_string(),
        Date::Day { year, month: 0, .. } => year.to_string(),
        Date::Day { year, month, .. } if with_year => format!("{} {year}", months[month as usize - 1]),
        Date::Day { month, .. } => months[month as usize - 1].to_string(),
    }
}

/// Formats a start date and optional end date in English: `Sep 2016 – Apr 2022`,
/// `Jun – Oct 2021` (the year written once when both ends share it), `2019 – present`,
/// `Jan 2023`. The ends are joined by a spaced en dash.
pub fn format_range(start: Date, end: Option<Date>) -> String {
    format_range_in(start, end, Language::EnglishUs)
}

/// [`format_range`] in a language: its month abbreviations and its word for
/// "present" ([`Language::months`], [`Language::present`]), e.g. German
/// `Jan. 2018 – heute`, `Juni – Okt. 2021`.
pub fn format_range_in(start: Date, end: Option<Date>, lang: Language) -> String {
    let one = |d: Date, with_year: bool| one(d, with_year, lang);
    match end {
        None => one(start, true),
        Some(
            end @ Date::Day {
                year: ye, month: me, ..
            },
        ) => match start {
            Date::Day {
                year: ys, month: ms, ..
            } if ys == ye && ms != 0 && me != 0 => {
                if ms == me {
                    one(start, true)
                } else if lang.year_first().is_some() {
                    // `2021年6月 – 10月`: the shared year written once, first.
                    format!("{} – {}", one(start, true), one(end, false))
                } else {
                    format!("{} – {}", one(start, false), one(end, true))
                }
            }
            _ => format!("{} – {}", one(start, true), one(end, true)),
        },
        Some(Date::Present) => format!("{} – {}", one(start, true), lang.present()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(a: &str, b: Option<&str>) -> String {
        format_range(parse_date(a, false).unwrap(), b.map(|b| parse_date(b, true).unwrap()))
    }

    #[test]
    fn chinese_japanese_and_korean_ranges_put_the_year_first() {
        let d = |s: &str| parse_date(s, true).unwrap();
        let r = |a: &str, b: &str, l: Language| format_range_in(d(a), Some(d(b)), l);
        assert_eq!(r("2020-07", "present", Language::Chinese), "2020年7月 – 至今");
        assert_eq!(r("2020-07", "present", Language::Japanese), "2020年7月 – 現在");
        assert_eq!(r("2020-07", "present", Language::Korean), "2020년 7월 – 현재");
        assert_eq!(r("2021-06", "2021-10", Language::Japanese), "2021年6月 – 10月");
        assert_eq!(r("2015", "2019", Language::Korean), "2015년 – 2019년");
        assert_eq!(r("2016-09", "2022-04", Language::Chinese), "2016年9月 – 2022年4月");
    }

    #[test]
    fn english_ranges_as_the_spec_writes_them() {
        assert_eq!(range("2015", Some("2019")), "2015 – 2019");
        assert_eq!(range("2016-09", Some("2022-04")), "Sep 2016 – Apr 2022");
        assert_eq!(range("2021-06", Some("2021-10")), "Jun – Oct 2021");
        assert_eq!(range("2020-03", Some("present")), "Mar 2020 – present");
        assert_eq!(range("2023-01", None), "Jan 2023");
        assert_eq!(range("2018-05-02", Some("2018-06-30")), "May – Jun 2018");
        assert_eq!(range("2018-05-02", Some("2018-05-30")), "May 2018");
        assert_eq!(range("2019", Some("present")), "2019 – present");
    }

    #[test]
    fn other_languages() {
        let d = |s| parse_date(s, true).unwrap();
        assert_eq!(
            format_range_in(d("2018-01"), Some(d("present")), Language::German),
            "Jan. 2018 – heute"
        );
        assert_eq!(
            format_range_in(d("2021-06"), Some(d("2021-10")), Language::German),
            "Juni – Okt. 2021"
        );
        assert_eq!(
            format_range_in(d("2016-09"), Some(d("2022-04")), Language::French),
            "sept. 2016 – avr. 2022"
        );
        assert_eq!(
            format_range_in(d("2019"), Some(d("present")), Language::Spanish),
            "2019 – actualidad"
        );
    }

    #[test]
    fn bad_dates_say_why() {
        assert_eq!(
            parse_date("2021-13", false).unwrap_err(),
            "`2021-13` has no month 13 (a month is 01 to 12)"
        );
        assert_eq!(
            parse_date("2021-02-30", false).unwrap_err(),
            "`2021-02-30` has no day 30 (month 2 has 28 days)"
        );
        assert!(parse_date("present", false).unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(
            parse_date("2020-02-29", false),
            Ok(Date::Day {
                year: 2020,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parse_date("2021-6", false).unwrap_err(),
            "`2021-6` is not a date (expected a date as YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }

    #[test]
    fn order_at_shared_precision() {
        let d = |s| parse_date(s, true).unwrap();
        assert!(is_after(d("2021-05"), d("2020-01")));
        assert!(!is_after(d("2021"), d("2021-05")));
        assert!(!is_after(d("2021-05"), d("2021")));
        assert!(is_after(d("2021-05-03"), d("2021-05-02")));
        assert!(!is_after(d("2021-05"), d("present")));
    }
}
