//! Masking personal data for screen-share mode, `Debug` output and masked reports.
//!
//! Masks keep just enough to recognise a row one already knows ("A. M.", `a•••@acme.example`)
//! and nothing to learn a name from. Everything counts characters (with their combining
//! marks), never bytes, so no code point is ever cut.

use unicode_normalization::char::is_combining_mark;

/// What stands in for hidden characters; the same bullet as secrets' [`mask_tail`].
///
/// [`mask_tail`]: crate::credentials::mask_tail
const HIDDEN: &str = "•••";

/// Initials of the first and last word of a name: `mask_name("Āne Müller") == "Ā. M."`.
///
/// One word gives one initial ("C."), an empty name an empty string. Middle words are left
/// out so that the mask does not tell how many names a person has.
pub fn mask_name(name: &str) -> String {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    match words.next_back() {
        Some(last) => format!("{}. {}.", initial(first, true), initial(last, true)),
        None => format!("{}.", initial(first, true)),
    }
}

/// Initials of a person from first and last name ("Anne Marie" + "Müller" → "A. M.").
pub(crate) fn mask_person_name(first: &str, last: &str) -> String {
    let first_word = first.split_whitespace().next().unwrap_or_default();
    let last_word = last.split_whitespace().next_back().unwrap_or_default();
    mask_name(&format!("{first_word} {last_word}"))
}

/// The first character of the local part and the domain: `j•••@acme.example`.
///
/// The domain stays because it is usually the business's own and helps to spot a wrong one;
/// text without an `@` is hidden entirely.
pub fn mask_email(email: &str) -> String {
    let email = email.trim();
    match email.rsplit_once('@') {
        Some((local, domain)) if !domain.is_empty() => {
            format!("{}{HIDDEN}@{domain}", initial(local, false))
        }
        _ => HIDDEN.to_owned(),
    }
}

/// An identifier with only its last four characters (long ids) or nothing (short ids) shown;
/// the same rule as for access keys.
pub(crate) fn mask_id(id: &str) -> String {
    crate::credentials::mask_tail(id)
}

/// The first character with its combining marks ("A\u{304}ne" → "A\u{304}"); for names
/// upper-cased when that stays one character (ß stays ß rather than becoming "SS").
fn initial(word: &str, upper_case: bool) -> String {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut upper = first.to_uppercase();
    let mut out = match (upper_case, upper.next(), upper.next()) {
        (true, Some(single), None) => single.to_string(),
        _ => first.to_string(),
    };
    out.extend(chars.take_while(|&c| is_combining_mark(c)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_initials() {
        assert_eq!(mask_name("Āne Müller"), "Ā. M.");
        assert_eq!(mask_name("  anne  marie   müller "), "A. M.");
        assert_eq!(mask_name("Cher"), "C.");
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_name("ßigurd Øst"), "ß. Ø.");
        // Decomposed Ā keeps its macron.
        assert_eq!(mask_name("A\u{304}ne Ōtake"), "A\u{304}. Ō.");
        assert_eq!(mask_person_name("Anne Marie", "von Müller"), "A. M.");
        assert_eq!(mask_person_name("", ""), "");
    }

    #[test]
    fn emails_keep_first_letter_and_domain() {
        assert_eq!(mask_email("jane.doe@acme.example"), "j•••@acme.example");
        assert_eq!(mask_email(" Émile@acme.example "), "É•••@acme.example");
        assert_eq!(mask_email("@acme.example"), "•••@acme.example");
        assert_eq!(mask_email("not an email"), "•••");
        assert_eq!(mask_email("a@"), "•••");
    }

    #[test]
    fn ids_show_at_most_the_tail() {
        assert_eq!(mask_id("4711"), "••••");
        assert_eq!(mask_id("EMP-0000123456"), "••••••••3456");
    }
}
