//! Normalising what people type: names, emails, ids, dates and statuses.
//!
//! Shared by the roster import, the matching and (for dates such as iPayroll's `1-May-2014`) the
//! provider adapters, so that every side is compared in the same terms.

use time::{Date, Duration, Month};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::PersonStatus;

/// Folds text for comparison: compatibility-decomposed (NFKD), diacritics removed, lower case,
/// `ß`→`ss` (and the other Latin letters NFKD leaves alone: æ ø œ đ ð ł þ ı), apostrophes
/// dropped (O'Brien = OBrien), every other run of punctuation or whitespace (hyphens
/// included) one space, trimmed.
///
/// `fold("  Müller-Lüdenscheidt ") == "muller ludenscheidt"`. Idempotent:
/// `fold(fold(x)) == fold(x)`.
pub fn fold(text: &str) -> String {
    let mut folder = Folder {
        out: String::with_capacity(text.len()),
        gap: false,
    };
    // Most names are ASCII; they need neither decomposition nor Unicode case tables.
    if text.is_ascii() {
        text.chars()
            .for_each(|c| folder.push(c.to_ascii_lowercase()));
    } else {
        for c in text.nfkd().filter(|&c| !is_combining_mark(c)) {
            if c.is_ascii() {
                folder.push(c.to_ascii_lowercase());
                continue;
            }
            for lower in c.to_lowercase() {
                // Lower-casing can yield a decomposable character, and a compatibility
                // decomposition an upper-case one (U+1D2C → A): both again, for idempotence.
                decompose_compatible(lower, |d| {
                    if !is_combining_mark(d) {
                        d.to_lowercase().for_each(|l| folder.push(l));
                    }
                });
            }
        }
    }
    folder.out
}

/// Builds the folded string one character at a time, collapsing separators.
struct Folder {
    out: String,
    /// A separator was seen since the last letter: emit one space before the next letter.
    gap: bool,
}

impl Folder {
    fn push(&mut self, c: char) {
        let replacement = match c {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            'ø' => "o",
            'đ' | 'ð' => "d",
            'ł' => "l",
            'ı' => "i",
            // Apostrophes join: "O'Brien", "D’Angelo", "Ng'ang'a".
            '\'' | '’' | '‘' | 'ʼ' | '`' | '´' => return,
            c if c.is_alphanumeric() => {
                self.letter(c);
                return;
            }
            _ => {
                self.gap = true;
                return;
            }
        };
        replacement.chars().for_each(|c| self.letter(c));
    }

    fn letter(&mut self, c: char) {
        if self.gap && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.gap = false;
        self.out.push(c);
    }
}

/// The order-insensitive key of a first and last name: the folded words of both, sorted.
///
/// "Anne Marie" + "Müller" and "Müller" + "anne-marie" share `anne marie muller` (swapped
/// columns match); "Mueller" does not (ü folds to u, not ue: that is fuzzy matching's job).
/// Empty when both are empty.
pub fn name_key(first: &str, last: &str) -> String {
    folded_name_key(&fold(first), &fold(last))
}

/// [`name_key`] of names that are already folded.
pub(crate) fn folded_name_key(first: &str, last: &str) -> String {
    // The common case, one word each, without collecting and sorting words.
    if !first.contains(' ') && !last.contains(' ') {
        return match (first.is_empty(), last.is_empty()) {
            (true, _) => last.to_owned(),
            (_, true) => first.to_owned(),
            _ => {
                let (a, b) = if first <= last {
                    (first, last)
                } else {
                    (last, first)
                };
                let mut key = String::with_capacity(a.len() + 1 + b.len());
                key.push_str(a);
                key.push(' ');
                key.push_str(b);
                key
            }
        };
    }
    let mut words: Vec<&str> = first.split(' ').chain(last.split(' ')).collect();
    words.retain(|word| !word.is_empty());
    words.sort_unstable();
    words.join(" ")
}

/// A work email in comparable form: trimmed, `mailto:` and angle brackets removed, inner
/// whitespace removed, lower case. `None` for anything without a local part and a domain
/// ("n/a", "-", "").
pub fn normalise_email(email: &str) -> Option<String> {
    let mut email = email.trim();
    if let Some(scheme) = email.get(..7)
        && scheme.eq_ignore_ascii_case("mailto:")
    {
        email = &email[7..];
    }
    let email = email.trim_start_matches('<').trim_end_matches('>');
    let mut compact = String::with_capacity(email.len());
    for c in email.chars().filter(|c| !c.is_whitespace()) {
        // ASCII needs no case tables, and email addresses are nearly always ASCII.
        if c.is_ascii() {
            compact.push(c.to_ascii_lowercase());
        } else {
            compact.extend(c.to_lowercase());
        }
    }
    let (local, domain) = compact.rsplit_once('@')?;
    (!local.is_empty() && !domain.is_empty()).then_some(compact)
}

/// An id in comparable form: whitespace removed, upper case, and for all-digit ids without
/// leading zeros, because spreadsheets turn "00123" into 123. `None` for placeholders ("-",
/// "n/a", "none", "keine"), which would otherwise make everyone without an id share one.
pub fn normalise_id(id: &str) -> Option<String> {
    let mut compact = String::with_capacity(id.len());
    for c in id.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii() {
            compact.push(c.to_ascii_uppercase());
        } else {
            compact.extend(c.to_uppercase());
        }
    }
    let placeholder = matches!(
        compact.as_str(),
        "N/A" | "NA" | "NONE" | "NULL" | "NIL" | "TBD" | "KEINE" | "OHNE"
    );
    if placeholder || !compact.chars().any(char::is_alphanumeric) {
        return None;
    }
    if compact.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = compact.trim_start_matches('0');
        return Some(if trimmed.is_empty() { "0" } else { trimmed }.to_owned());
    }
    Some(compact)
}

/// Compares free text the way a person would for "is this different?": case and runs of
/// whitespace do not matter, accents and spelling do ("Müller" ≠ "Muller").
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    // Most compared values are simply equal.
    if a == b {
        return true;
    }
    let mut a = a.split_whitespace().flat_map(|w| w.chars().chain([' ']));
    let mut b = b.split_whitespace().flat_map(|w| w.chars().chain([' ']));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y || x.to_lowercase().eq(y.to_lowercase()) => {}
            _ => return false,
        }
    }
}

/// How to read an all-numeric date such as `03/04/2024`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Day first (`03/04/2024` is 3 April): Germany, the UK, New Zealand, Australia.
    #[default]
    DayFirst,
    /// Month first (`03/04/2024` is 4 March): exports from US-configured systems.
    MonthFirst,
}

/// Parses a date as people and HR systems write it, reading numeric day/month dates day first.
///
/// Accepts ISO `2024-05-01` (also `2024/05/01`, `20240501`, and with a time after it),
/// `01.05.2024`, `1.5.24`, `01/05/2024`, `1-May-2014` (iPayroll), `1 May 2014`, `1. Mai 2014`,
/// `May 1, 2014`, with English or German month names. Two-digit years below 70 are 20xx.
pub fn parse_date(text: &str) -> Option<Date> {
    parse_date_in(text, DateOrder::DayFirst)
}

/// [`parse_date`] with an explicit order for all-numeric day/month dates.
pub fn parse_date_in(text: &str, order: DateOrder) -> Option<Date> {
    let text = strip_time(text.trim());
    let parts: Vec<&str> = text
        .split(['-', '.', '/', ' ', ','])
        .filter(|part| !part.is_empty())
        .collect();
    match parts.as_slice() {
        [compact] if compact.len() == 8 && is_digits(compact) => calendar_date(
            number(&compact[..4])?,
            number(&compact[4..6])?,
            number(&compact[6..])?,
        ),
        [a, b, c] => {
            if let Some(month) = month_name(b) {
                return calendar_date(year(c)?, month, number(a)?); // 1-May-2014
            }
            if let Some(month) = month_name(a) {
                return calendar_date(year(c)?, month, number(b)?); // May 1, 2014
            }
            let (a, b, c) = (number(a)?, number(b)?, number(c)?);
            if parts[0].len() == 4 {
                return calendar_date(a, b, c); // 2024-05-01
            }
            let (day, month) = match order {
                DateOrder::DayFirst => (a, b),
                DateOrder::MonthFirst => (b, a),
            };
            calendar_date(year(parts[2])?, month, day)
        }
        _ => None,
    }
}

/// Which order a column of all-numeric dates must be read in: month first only when some
/// value can only be month first (`12/31/2024`) and none can only be day first.
pub fn infer_date_order<'a>(values: impl IntoIterator<Item = &'a str>) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for value in values {
        let parts: Vec<&str> = strip_time(value.trim()).split(['.', '/', '-']).collect();
        if let [a, b, _] = parts.as_slice()
            && a.len() <= 2
            && let (Some(a), Some(b)) = (number(a), number(b))
        {
            day_first |= a > 12;
            month_first |= b > 12;
        }
    }
    if month_first && !day_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

/// An Excel serial date (days since 1899-12-30 in the 1900 date system, which counts the
/// non-existent 1900-02-29) as a date; the time of day is ignored. `None` outside 1900–9999.
pub fn excel_serial_date(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Truncation is intended: the fraction is the time of day; the range is checked above.
    let mut days = serial.floor() as i64;
    // Serials before the phantom 29 Feb 1900 count from one day later.
    if days < 60 {
        days += 1;
    }
    let epoch = Date::from_calendar_date(1899, Month::December, 30).ok()?;
    epoch.checked_add(Duration::days(days))
}

/// Reads an employment status as rosters and HR systems write it (English and German).
/// `None` for anything unrecognised.
pub fn parse_status(text: &str) -> Option<PersonStatus> {
    match fold(text).as_str() {
        "active" | "aktiv" | "yes" | "ja" | "y" | "j" | "true" | "wahr" | "1" | "employed"
        | "current" | "beschaftigt" | "im dienst" | "angestellt" | "pending" | "on leave" => {
            Some(PersonStatus::Active)
        }
        "inactive" | "inaktiv" | "not active" | "nicht aktiv" | "no" | "nein" | "n" | "false"
        | "falsch" | "0" | "suspended" | "ruhend" | "deactivated" | "deaktiviert" => {
            Some(PersonStatus::Inactive)
        }
        "terminated" | "left" | "leaver" | "former" | "former employee" | "resigned"
        | "dismissed" | "exited" | "ausgetreten" | "ausgeschieden" | "gekundigt" | "ehemalig"
        | "beendet" => Some(PersonStatus::Terminated),
        _ => None,
    }
}

/// Splits a full name into (first, last): "Müller, Anne" → ("Anne", "Müller"); "Anne Marie
/// Müller" → ("Anne Marie", "Müller"); "Ludwig van Beethoven" → ("Ludwig", "van Beethoven").
/// A single word is a last name.
pub fn split_full_name(full: &str) -> (String, String) {
    if let Some((last, first)) = full.split_once(',') {
        return (collapse(first), collapse(last));
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    let Some((_, before_last)) = words.split_last() else {
        return (String::new(), String::new());
    };
    // Name particles belong to the last name; the first word is always a first name.
    let mut cut = before_last.len();
    while cut > 1 && is_particle(words[cut - 1]) {
        cut -= 1;
    }
    (words[..cut].join(" "), words[cut..].join(" "))
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "de"
            | "der"
            | "den"
            | "du"
            | "da"
            | "di"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "le"
            | "la"
            | "zu"
            | "zum"
            | "zur"
            | "vom"
            | "ten"
            | "ter"
            | "y"
            | "bin"
            | "binti"
            | "al"
    )
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops a time of day: "2024-05-01T08:00:00Z", "01.05.2024 08:00".
fn strip_time(text: &str) -> &str {
    if let Some((date, _)) = text.split_once('T')
        && date.len() == 10
        && date.as_bytes().first().is_some_and(u8::is_ascii_digit)
    {
        return date;
    }
    match text.find(':') {
        Some(colon) => text[..colon]
            .rfind(' ')
            .map_or(text, |space| text[..space].trim_end()),
        None => text,
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn number(text: &str) -> Option<i32> {
    if is_digits(text) && text.len() <= 4 {
        text.parse().ok()
    } else {
        None
    }
}

fn year(text: &str) -> Option<i32> {
    let value = number(text)?;
    match text.len() {
        4 => Some(value),
        2 if value < 70 => Some(2000 + value),
        2 => Some(1900 + value),
        _ => None,
    }
}

fn calendar_date(year: i32, month: i32, day: i32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// English and German month names and their usual abbreviations ("May", "Mai", "Mär", "Mrz",
/// "Sept.", "Okt").
fn month_name(text: &str) -> Option<i32> {
    let folded = fold(text);
    let month = match folded.as_str() {
        "jan" | "january" | "januar" | "janner" => 1,
        "feb" | "february" | "februar" => 2,
        "mar" | "march" | "marz" | "mrz" => 3,
        "apr" | "april" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juni" => 6,
        "jul" | "july" | "juli" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" | "okt" | "oktober" => 10,
        "nov" | "november" => 11,
        "dec" | "december" | "dez" | "dezember" => 12,
        _ => return None,
    };
    Some(month)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn fold_table() {
        for (input, expected) in [
            ("Müller", "muller"),
            ("  Müller-Lüdenscheidt ", "muller ludenscheidt"),
            ("Strauß", "strauss"),
            ("STRAẞE", "strasse"),
            ("Āne", "ane"),
            ("Ēru Ōtaki", "eru otaki"),
            ("José  María", "jose maria"),
            ("O'Brien", "obrien"),
            ("D’Angelo", "dangelo"),
            ("Søren Ærø", "soren aero"),
            ("Łukasz", "lukasz"),
            ("ＡＢＣ", "abc"),
            ("İlkay", "ilkay"),
            ("Dr. h.c. Meier", "dr h c meier"),
            ("---", ""),
            ("", ""),
        ] {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn name_keys_ignore_order_case_and_accents() {
        assert_eq!(name_key("Anne Marie", "Müller"), "anne marie muller");
        assert_eq!(name_key("Müller", "anne-marie"), "anne marie muller");
        assert_eq!(name_key("", ""), "");
    }

    #[test]
    fn emails() {
        assert_eq!(
            normalise_email("  Jane.Doe @ACME.example "),
            Some("jane.doe@acme.example".into())
        );
        assert_eq!(normalise_email("mailto:<a@b.c>"), Some("a@b.c".into()));
        assert_eq!(normalise_email("n/a"), None);
        assert_eq!(normalise_email("@b.c"), None);
        assert_eq!(normalise_email(""), None);
    }

    #[test]
    fn ids() {
        assert_eq!(normalise_id(" 00123 "), Some("123".into()));
        assert_eq!(normalise_id("000"), Some("0".into()));
        assert_eq!(normalise_id("emp 0042"), Some("EMP0042".into()));
        assert_eq!(normalise_id(" - "), None);
        assert_eq!(normalise_id("n/a"), None);
    }

    #[test]
    fn dates() {
        let may1 = date!(2014 - 05 - 01);
        for text in [
            "2014-05-01",
            "2014/05/01",
            "20140501",
            "2014-05-01T00:00:00Z",
            "2014-05-01 00:00:00",
            "01.05.2014",
            "1.5.2014",
            "1.5.14",
            "01/05/2014",
            "1-May-2014",
            "01-May-14",
            "1 May 2014",
            "1. Mai 2014",
            "May 1, 2014",
            "01.05.2014 08:30",
        ] {
            assert_eq!(parse_date(text), Some(may1), "{text}");
        }
        assert_eq!(
            parse_date_in("05/01/2014", DateOrder::MonthFirst),
            Some(may1)
        );
        for bad in [
            "",
            "31.02.2024",
            "tomorrow",
            "13/13/2024",
            "1-Foo-2014",
            "2014",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_order_is_inferred_per_column() {
        assert_eq!(
            infer_date_order(["01/02/2024", "12/31/2024"]),
            DateOrder::MonthFirst
        );
        assert_eq!(
            infer_date_order(["01/02/2024", "31/12/2024"]),
            DateOrder::DayFirst
        );
        assert_eq!(infer_date_order(["01/02/2024"]), DateOrder::DayFirst);
        assert_eq!(infer_date_order(["2024-12-31"]), DateOrder::DayFirst);
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial_date(41760.0), Some(date!(2014 - 05 - 01)));
        assert_eq!(excel_serial_date(45943.541), Some(date!(2025 - 10 - 13)));
        assert_eq!(excel_serial_date(61.0), Some(date!(1900 - 03 - 01)));
        assert_eq!(excel_serial_date(1.0), Some(date!(1900 - 01 - 01)));
        assert_eq!(excel_serial_date(0.0), None);
        assert_eq!(excel_serial_date(f64::NAN), None);
    }

    #[test]
    fn statuses() {
        assert_eq!(parse_status(" Aktiv "), Some(PersonStatus::Active));
        assert_eq!(parse_status("Inactive"), Some(PersonStatus::Inactive));
        assert_eq!(parse_status("Ausgetreten"), Some(PersonStatus::Terminated));
        assert_eq!(parse_status("gekündigt"), Some(PersonStatus::Terminated));
        assert_eq!(parse_status("maybe"), None);
    }

    #[test]
    fn full_names() {
        let split = |s: &str| {
            let (a, b) = split_full_name(s);
            (a.as_str().to_owned(), b.as_str().to_owned())
        };
        assert_eq!(split("Müller, Anne"), ("Anne".into(), "Müller".into()));
        assert_eq!(
            split("Anne Marie  Müller"),
            ("Anne Marie".into(), "Müller".into())
        );
        assert_eq!(
            split("Ludwig van Beethoven"),
            ("Ludwig".into(), "van Beethoven".into())
        );
        assert_eq!(split("Cher"), ("".into(), "Cher".into()));
        assert_eq!(split("  "), ("".into(), "".into()));
    }

    #[test]
    fn same_text_ignores_case_and_spacing_only() {
        assert!(same_text(" Sales  Team", "sales team"));
        assert!(!same_text("Müller", "Muller"));
        assert!(!same_text("Sales", "Sales Team"));
    }
}
