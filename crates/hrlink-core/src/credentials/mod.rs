//! What the admin hands over, parsed into typed credentials.
//!
//! Parsers take what people paste or load (key files, copied text) and return typed credentials
//! or a [`Problem`](crate::Problem). Secrets live in `secrecy` types: redacted `Debug`, no
//! `Serialize`, zeroised on drop. Errors never echo the input.

pub mod api_key;
pub mod hrworks;
pub mod ipayroll;
pub mod iris;
mod key_file;
mod kinds;

pub use api_key::{ApiKey, parse_api_key};
pub use hrworks::{HrworksKeyPair, parse_key_file};
pub use ipayroll::{check_api_username, suggest_api_username};
pub use iris::{IrisLogin, iris_login, parse_iris_credentials};
pub use key_file::read_key_file;
pub use kinds::{Credentials, OAuthGrant, Secret};

/// Largest key file or pasted text we read; anything larger is not a credential.
pub const MAX_CREDENTIAL_TEXT_BYTES: usize = 64 * 1024;

/// Shows only the last four characters of an identifier, e.g. `••••••••3F2A`.
///
/// Used for the access key (an identifier, not the secret) so that the admin can tell which key
/// was loaded; short values are masked entirely. Counts characters, never slicing a code point.
pub fn mask_tail(value: &str) -> String {
    const VISIBLE: usize = 4;
    let count = value.chars().count();
    if count <= VISIBLE * 2 {
        return "•".repeat(count.max(VISIBLE));
    }
    let tail: String = value.chars().skip(count - VISIBLE).collect();
    format!("{}{tail}", "•".repeat(8))
}

/// Text handling shared by the parsers: what counts as text, invisible characters, labels.
mod text {
    use secrecy::zeroize::Zeroizing;

    use super::MAX_CREDENTIAL_TEXT_BYTES;

    /// Characters that copying from web pages, PDFs and chat tools slips in and that never belong
    /// in a credential: byte order mark, zero-width space and joiners, word joiner, soft hyphen.
    fn is_invisible(c: char) -> bool {
        matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}'
        )
    }

    /// Spaces that look like a space but are not one: no-break, figure and narrow no-break space.
    fn is_odd_space(c: char) -> bool {
        matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
    }

    /// Quotation marks people wrap values in, straight or typographic (German `„…“` included).
    pub(super) fn is_quote(c: char) -> bool {
        matches!(
            c,
            '"' | '\'' | '`' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '‹' | '›'
        )
    }

    /// Whether `s` is text we will read: within the size cap and free of control characters
    /// other than tab, CR and LF (a NUL means a binary file, or UTF-16).
    pub(super) fn is_plain_text(s: &str) -> bool {
        s.len() <= MAX_CREDENTIAL_TEXT_BYTES
            && !s
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    }

    /// Drops invisible characters, turns look-alike spaces into spaces and every line break
    /// (CRLF, CR, U+2028, U+2029) into `\n`.
    ///
    /// The copy holds secrets, so it is zeroised on drop; it is never longer than the input, so
    /// the buffer is never reallocated (which would leave an unzeroised copy behind).
    pub(super) fn normalise(s: &str) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(s.len()));
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    chars.next_if_eq(&'\n');
                    out.push('\n');
                }
                '\u{2028}' | '\u{2029}' => out.push('\n'),
                c if is_odd_space(c) => out.push(' '),
                c if is_invisible(c) => {}
                c => out.push(c),
            }
        }
        out
    }

    /// Trims whitespace (including no-break spaces) and invisible characters from both ends.
    pub(super) fn trim(s: &str) -> &str {
        s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
    }

    /// The trimmed, non-blank lines of normalised text.
    pub(super) fn lines(s: &str) -> impl Iterator<Item = &str> {
        s.split('\n').map(trim).filter(|line| !line.is_empty())
    }

    /// The byte offset where the line holding `at` starts.
    pub(super) fn line_start(s: &str, at: usize) -> usize {
        s.get(..at)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1)
    }

    /// Whether only whitespace and quotes stand between the start of `at`'s line and `at`.
    pub(super) fn starts_line(s: &str, at: usize) -> bool {
        s.get(line_start(s, at)..at)
            .is_some_and(|before| before.chars().all(|c| c.is_whitespace() || is_quote(c)))
    }

    /// How a label is separated from its value.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum Separator {
        /// `:`, `=` or a full-width colon; the value follows, on the same line or the next.
        Explicit,
        /// A tab or two or more spaces (columns aligned): the value follows on the same line.
        Aligned,
        /// The label ends its line; the value may be on the next line.
        EndOfLine,
    }

    /// A label found in text.
    #[derive(Debug, Clone, Copy)]
    pub(super) struct Label {
        /// Which of the labels searched for (index into the list).
        pub(super) which: usize,
        /// Byte offset of the label's first character.
        pub(super) start: usize,
        /// How the label is separated from its value.
        pub(super) separator: Separator,
        /// Byte offset just after the separator, where the value (if any) begins.
        pub(super) value_start: usize,
    }

    /// Matches `words` at the start of `s` ignoring ASCII case, with optional spaces, tabs, `_` or
    /// `-` between words (`Access Key`, `AccessKey`, `access_key`). Returns the matched length. The
    /// match must end at a word boundary so that `Access Keys` is no label.
    fn match_words(s: &str, words: &[&str]) -> Option<usize> {
        let bytes = s.as_bytes();
        let mut at = 0;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                while bytes
                    .get(at)
                    .is_some_and(|b| matches!(b, b' ' | b'\t' | b'_' | b'-'))
                {
                    at += 1;
                }
            }
            let end = at + word.len();
            if !bytes.get(at..end)?.eq_ignore_ascii_case(word.as_bytes()) {
                return None;
            }
            at = end;
        }
        (!bytes.get(at).is_some_and(u8::is_ascii_alphanumeric)).then_some(at)
    }

    /// Whether `s` starts with one of `labels`' words (whatever follows them).
    pub(super) fn starts_with_label(s: &str, labels: &[&[&str]]) -> bool {
        labels.iter().any(|words| match_words(s, words).is_some())
    }

    /// Reads what follows a label: closing quotes (`"accessKey": …`) and blanks, then `:`, `=` or
    /// `：`; or alignment blanks (a tab, or two or more spaces); or the end of the line. `None`
    /// when the label is just words in a sentence (`Access Key pair`).
    fn after_separator(rest: &str) -> Option<(Separator, &str)> {
        let unquoted = rest.trim_start_matches(is_quote);
        let value = unquoted.trim_start_matches([' ', '\t']);
        let gap = &unquoted[..unquoted.len() - value.len()];
        let mut chars = value.chars();
        match chars.next() {
            Some(':' | '=' | '：') => Some((Separator::Explicit, chars.as_str())),
            None | Some('\n') => Some((Separator::EndOfLine, value)),
            Some(_) if gap.contains('\t') || gap.len() >= 2 => Some((Separator::Aligned, value)),
            Some(_) => None,
        }
    }

    /// Finds the first label at or after byte `from`: one of `labels` (each a list of words)
    /// starting at a word boundary and followed by a separator. A label that ends its line counts
    /// only when it also starts the line, so that prose (`keep your password\nsafe`) is no label.
    ///
    /// When two labels can start at the same place, list the longer one first.
    pub(super) fn find_label(s: &str, from: usize, labels: &[&[&str]]) -> Option<Label> {
        let mut previous = s.get(..from)?.chars().next_back();
        for (offset, c) in s.get(from..)?.char_indices() {
            let start = from + offset;
            if !previous.is_some_and(char::is_alphanumeric) {
                let rest = &s[start..];
                for (which, words) in labels.iter().enumerate() {
                    let Some((separator, value)) =
                        match_words(rest, words).and_then(|len| after_separator(&rest[len..]))
                    else {
                        continue;
                    };
                    if separator != Separator::EndOfLine || starts_line(s, start) {
                        let value_start = s.len() - value.len();
                        return Some(Label {
                            which,
                            start,
                            separator,
                            value_start,
                        });
                    }
                }
            }
            previous = Some(c);
        }
        None
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const LABELS: &[&[&str]] = &[&["secret", "access", "key"], &["access", "key"]];

        #[test]
        fn normalise_unifies_line_breaks_and_drops_invisible_characters() {
            let cleaned = normalise("\u{FEFF}a\r\nb\rc\u{2028}d\u{00A0}e\u{200B}f");
            assert_eq!(cleaned.as_str(), "a\nb\nc\nd ef");
        }

        #[test]
        fn trim_removes_blanks_and_invisible_characters_at_both_ends() {
            assert_eq!(trim("\u{FEFF}\u{200B} \t\u{00A0}abc \u{2060}\r"), "abc");
        }

        #[test]
        fn plain_text_rejects_control_characters_and_oversize_input() {
            assert!(is_plain_text("a\tb\r\nc"));
            assert!(!is_plain_text("a\0b"));
            assert!(!is_plain_text("a\u{1b}[0m"));
            assert!(!is_plain_text(&"a".repeat(MAX_CREDENTIAL_TEXT_BYTES + 1)));
        }

        #[test]
        fn finds_labels_with_every_separator() {
            for (text, separator) in [
                ("Access Key: x", Separator::Explicit),
                ("access_key=x", Separator::Explicit),
                ("\"accessKey\": \"x\"", Separator::Explicit),
                ("ACCESS KEY\tx", Separator::Aligned),
                ("Access Key    x", Separator::Aligned),
                ("Access Key\nx", Separator::EndOfLine),
            ] {
                let label = find_label(text, 0, LABELS);
                assert_eq!(
                    label.map(|l| (l.which, l.separator)),
                    Some((1, separator)),
                    "{text:?}"
                );
            }
        }

        #[test]
        fn words_in_a_sentence_are_no_label() {
            for text in [
                "Access Key pair",
                "HR WORKS Access Keys: x",
                "MyAccessKey: x",
                "keep the access key\nsafe",
            ] {
                assert!(find_label(text, 0, LABELS).is_none(), "{text:?}");
            }
        }

        #[test]
        fn the_longer_label_wins_at_the_same_place() {
            let label = find_label("SecretAccessKey: x", 0, LABELS);
            assert_eq!(
                label.map(|l| (l.which, l.start, l.value_start)),
                Some((0, 0, 16))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_all_but_the_last_four() {
        assert_eq!(mask_tail("ABCDEFGH1234"), "••••••••1234");
    }

    #[test]
    fn short_values_are_fully_masked() {
        assert_eq!(mask_tail("abc"), "••••");
        assert_eq!(mask_tail("12345678"), "••••••••");
    }

    #[test]
    fn never_splits_a_code_point() {
        assert_eq!(mask_tail("ääääääääääßßßß"), "••••••••ßßßß");
    }
}
