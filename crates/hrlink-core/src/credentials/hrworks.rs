//! The HRworks key file: `Access Key: …` / `Secret Access Key: …`, in every shape people paste.
//!
//! The downloaded `.txt` holds two labelled lines, but what reaches us has often been through an
//! editor, a chat tool or a web page: labels in another case or spelling (`accessKey`,
//! `SECRET_ACCESS_KEY`), `:`/`=`/tab separators, CRLF, a BOM, title and blank lines, both pairs on
//! one line, quoted values, the JSON body of the authentication request, or just the two values.
//! The parser accepts all of these and otherwise names the most likely mistake.

use secrecy::SecretString;

use super::text::{self, Separator};
use crate::Problem;

/// An HRworks API key pair. The access key identifies the key; the secret proves it.
pub struct HrworksKeyPair {
    /// The access key (an identifier: shown masked, never in full).
    pub access_key: String,
    /// The secret access key.
    pub secret_access_key: SecretString,
}

impl std::fmt::Debug for HrworksKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HrworksKeyPair")
            .field("access_key", &super::mask_tail(&self.access_key))
            .field("secret_access_key", &"[REDACTED]")
            .finish()
    }
}

/// Parses a key file or pasted text (the raw bytes, so that a binary file is told apart).
///
/// Accepts labelled keys in any case and spelling (`Access Key`, `accessKey`, `ACCESS_KEY`,
/// `Secret Access Key`, `SecretAccessKey`), separated by `:`, `=`, tabs or aligned spaces, in
/// any order, on separate lines or one line, optionally quoted; or the two bare values, access key
/// first. Errors, in order of precedence:
/// - [`Problem::KeyFileNotText`]: over [`MAX_CREDENTIAL_TEXT_BYTES`](super::MAX_CREDENTIAL_TEXT_BYTES)
///   (checked before anything else), not UTF-8, or control characters such as NUL;
/// - [`Problem::KeyFileRedactedExample`]: a key contains `...` or `…` (copied from the help pages);
/// - [`Problem::KeyFileUnrecognised`]: a labelled value is not key-like, the same label has two
///   different values, or no labels and no shape-plausible bare values;
/// - [`Problem::KeyFileIncomplete`]: only one of the two keys;
/// - [`Problem::KeyFileSwapped`]: the access key has the secret's shape and vice versa.
pub fn parse_key_file(bytes: &[u8]) -> Result<HrworksKeyPair, Problem> {
    if bytes.len() > super::MAX_CREDENTIAL_TEXT_BYTES {
        return Err(Problem::KeyFileNotText);
    }
    let raw = std::str::from_utf8(bytes).map_err(|_| Problem::KeyFileNotText)?;
    if !text::is_plain_text(raw) {
        return Err(Problem::KeyFileNotText);
    }
    let normalised = text::normalise(raw);
    let (access, secret) = match parse_labelled(&normalised) {
        Some(found) => found.resolve()?,
        None => parse_bare(&normalised)?,
    };
    Ok(HrworksKeyPair {
        access_key: access.to_owned(),
        secret_access_key: SecretString::from(secret.to_owned()),
    })
}

/// Label spellings, as words matched ignoring case and the gaps between them; the secret's label
/// is listed first because it ends with the access key's.
const LABELS: &[&[&str]] = &[&["secret", "access", "key"], &["access", "key"]];
const SECRET: usize = 0;

const MISSING_ACCESS: &str = "access_key";
const MISSING_SECRET: &str = "secret_access_key";

/// Characters of a key: base64 (`/ + =`) and, to be lenient, base64url (`- _`).
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '+' | '=' | '-' | '_')
}

fn is_key(token: &str) -> bool {
    !token.is_empty() && token.chars().all(is_key_char)
}

fn has_ellipsis(s: &str) -> bool {
    s.contains("...") || s.contains('…')
}

// Telling the two keys apart by shape. HRworks issues AWS-style pairs: the access key is an id of
// about 20 characters, upper-case letters and digits only; the secret access key is about 40
// base64 characters, mixed case, often with `/`, `+` or `=`. The ranges are generous around those
// sizes. The shapes are disjoint (a secret needs a lower-case letter, an access key has none), so
// a pair is called swapped only when each value clearly has the other's shape; values with
// neither shape are left for HRworks to judge when labelled, and not accepted when bare.

/// Access-key shape: 16 to 32 upper-case letters and digits.
fn looks_like_access_key(token: &str) -> bool {
    (16..=32).contains(&token.len())
        && token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Secret-key shape: 30 to 128 key characters including at least one lower-case letter.
fn looks_like_secret_key(token: &str) -> bool {
    (30..=128).contains(&token.len())
        && is_key(token)
        && token.chars().any(|c| c.is_ascii_lowercase())
}

/// What one labelled value turned out to be.
enum Value<'a> {
    Missing,
    Redacted,
    Invalid,
    Key(&'a str),
}

/// What the labels of one kind (access or secret) said, over all their occurrences.
#[derive(Default)]
struct Slot<'a> {
    key: Option<&'a str>,
    redacted: bool,
    /// A value that is no key, or two different values for the same label.
    unusable: bool,
}

impl<'a> Slot<'a> {
    fn record(&mut self, value: Value<'a>) {
        match value {
            Value::Missing => {}
            Value::Redacted => self.redacted = true,
            Value::Invalid => self.unusable = true,
            Value::Key(key) => match self.key {
                Some(seen) if seen != key => self.unusable = true,
                _ => self.key = Some(key),
            },
        }
    }
}

/// The access and secret slots filled from labels.
struct Labelled<'a> {
    access: Slot<'a>,
    secret: Slot<'a>,
}

impl<'a> Labelled<'a> {
    /// Picks the error that best explains what went wrong, or the key pair.
    fn resolve(self) -> Result<(&'a str, &'a str), Problem> {
        let (access, secret) = (self.access, self.secret);
        if access.redacted || secret.redacted {
            return Err(Problem::KeyFileRedactedExample);
        }
        if access.unusable || secret.unusable {
            return Err(Problem::KeyFileUnrecognised);
        }
        match (access.key, secret.key) {
            (Some(a), Some(s)) if looks_like_secret_key(a) && looks_like_access_key(s) => {
                Err(Problem::KeyFileSwapped)
            }
            (Some(a), Some(s)) => Ok((a, s)),
            (Some(_), None) => Err(incomplete(MISSING_SECRET)),
            (None, Some(_)) => Err(incomplete(MISSING_ACCESS)),
            (None, None) => Err(Problem::KeyFileUnrecognised),
        }
    }
}

fn incomplete(missing: &str) -> Problem {
    Problem::KeyFileIncomplete {
        missing: missing.to_owned(),
    }
}

/// Reads every label and its value; `None` when there are no labels at all.
fn parse_labelled(text: &str) -> Option<Labelled<'_>> {
    let mut labels = Vec::new();
    let mut from = 0;
    while let Some(label) = text::find_label(text, from, LABELS) {
        from = label.value_start;
        labels.push(label);
    }
    if labels.is_empty() {
        return None;
    }
    let mut found = Labelled {
        access: Slot::default(),
        secret: Slot::default(),
    };
    for (i, label) in labels.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| labels.get(p));
        let value = read_value(value_region(text, label, previous, labels.get(i + 1)));
        if label.which == SECRET {
            found.secret.record(value);
        } else {
            found.access.record(value);
        }
    }
    Some(found)
}

/// The text holding a label's value: the rest of its line up to the next label (both pairs can
/// share a line). A label alone on its line (`Access Key:` then the key below, as copied from a
/// two-row table) takes the next non-blank line, unless that line starts with a label itself.
fn value_region<'a>(
    text: &'a str,
    label: &text::Label,
    previous: Option<&text::Label>,
    next: Option<&text::Label>,
) -> &'a str {
    let rest = text.get(label.value_start..).unwrap_or_default();
    let line_end = label.value_start + rest.find('\n').unwrap_or(rest.len());
    let next_start = next.map_or(text.len(), |n| n.start);
    let region = text
        .get(label.value_start..line_end.min(next_start))
        .unwrap_or_default();

    let alone_on_line = next_start > line_end
        && previous.is_none_or(|p| p.start < text::line_start(text, label.start));
    if !text::trim(region).is_empty()
        || label.separator == Separator::Aligned
        || !alone_on_line
        || line_end == text.len()
    {
        return region;
    }
    // The next non-blank line, up to its end or the next label; nothing when a label starts it.
    let after = text.get(line_end + 1..).unwrap_or_default();
    let begin = line_end + 1 + (after.len() - after.trim_start().len());
    let line = text.get(begin..).unwrap_or_default();
    let end = begin + line.find('\n').unwrap_or(line.len());
    if next_start < end && text::starts_line(text, next_start) {
        return "";
    }
    text.get(begin..end.min(next_start)).unwrap_or_default()
}

/// Reads one labelled value: the first token, without quotes and trailing `,` or `;` (JSON).
fn read_value(region: &str) -> Value<'_> {
    let region = text::trim(region);
    if region.is_empty() {
        return Value::Missing;
    }
    // Checked on the whole region, so that `ABCD ... WXYZ` counts too.
    if has_ellipsis(region) {
        return Value::Redacted;
    }
    // `Access Key\tSecret Access Key` (a table header): the label's value is another label.
    if text::starts_with_label(region, LABELS) {
        return Value::Missing;
    }
    let token = first_token(region);
    if is_key(token) {
        Value::Key(token)
    } else {
        Value::Invalid
    }
}

/// The first run of characters up to a blank, a quote, `,` or `;`, after opening quotes and blanks.
fn first_token(region: &str) -> &str {
    let start = region.trim_start_matches(|c: char| text::is_quote(c) || c.is_whitespace());
    let end = start
        .find(|c: char| c.is_whitespace() || text::is_quote(c) || matches!(c, ',' | ';'))
        .unwrap_or(start.len());
    &start[..end]
}

/// Strips quotes and list punctuation around a bare token.
fn unquote(token: &str) -> &str {
    token.trim_matches(|c: char| text::is_quote(c) || matches!(c, ',' | ';'))
}

/// A bare token that is a key with `...` or `…` in the middle, as on the help pages.
fn is_redacted_key(token: &str) -> bool {
    let Some(at) = token.find("...").or_else(|| token.find('…')) else {
        return false;
    };
    let (head, tail) = token.split_at(at);
    let tail = tail.trim_start_matches(['.', '…']);
    is_key(head) && is_key(tail)
}

/// No labels: accepts the two bare values (access key first, on one line or two) when both have
/// their key's shape. One bare key-shaped value means the other one is missing.
fn parse_bare(text: &str) -> Result<(&str, &str), Problem> {
    // Three tokens are already too many, so never collect more.
    let tokens: Vec<&str> = text
        .split_whitespace()
        .map(unquote)
        .filter(|t| !t.is_empty())
        .take(3)
        .collect();
    if tokens.iter().any(|t| is_redacted_key(t)) && tokens.len() <= 2 {
        return Err(Problem::KeyFileRedactedExample);
    }
    match tokens.as_slice() {
        [a, s] if looks_like_access_key(a) && looks_like_secret_key(s) => Ok((a, s)),
        [a, s] if looks_like_secret_key(a) && looks_like_access_key(s) => {
            Err(Problem::KeyFileSwapped)
        }
        [one] if looks_like_access_key(one) => Err(incomplete(MISSING_SECRET)),
        [one] if looks_like_secret_key(one) => Err(incomplete(MISSING_ACCESS)),
        _ => Err(Problem::KeyFileUnrecognised),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use secrecy::ExposeSecret;

    use super::*;
    use crate::credentials::MAX_CREDENTIAL_TEXT_BYTES;

    const ACCESS_KEY: &str = "AKHRW7Q2X9LM4TZP0B3C";
    const SECRET_KEY: &str = "u7Hk/3qPz+W9xLr2Tb6Nc1Vd8Ye5Fg0Jm4Sa==Qo";
    const CANARY: &str = "CANARY-7f3a9c";

    /// The access key and the exposed secret, for comparing.
    type Parsed = Result<(String, String), Problem>;

    fn parse(text: &str) -> Parsed {
        parse_key_file(text.as_bytes()).map(|pair| {
            (
                pair.access_key,
                pair.secret_access_key.expose_secret().to_owned(),
            )
        })
    }

    fn ok() -> Parsed {
        Ok((ACCESS_KEY.to_owned(), SECRET_KEY.to_owned()))
    }

    fn missing(which: &str) -> Parsed {
        Err(incomplete(which))
    }

    fn file(template: &str) -> String {
        template
            .replace("{A}", ACCESS_KEY)
            .replace("{S}", SECRET_KEY)
    }

    #[test]
    fn accepts_every_plausible_shape() {
        let cases: &[(&str, &str)] = &[
            (
                "downloaded file",
                "Access Key: {A}\nSecret Access Key: {S}\n",
            ),
            (
                "no trailing newline",
                "Access Key: {A}\nSecret Access Key: {S}",
            ),
            ("CRLF", "Access Key: {A}\r\nSecret Access Key: {S}\r\n"),
            ("old Mac CR", "Access Key: {A}\rSecret Access Key: {S}\r"),
            (
                "UTF-8 BOM",
                "\u{FEFF}Access Key: {A}\r\nSecret Access Key: {S}\r\n",
            ),
            ("lower case", "access key: {A}\nsecret access key: {S}"),
            ("upper case", "ACCESS KEY: {A}\nSECRET ACCESS KEY: {S}"),
            ("camel case", "accessKey: {A}\nsecretAccessKey: {S}"),
            ("pascal case", "AccessKey: {A}\nSecretAccessKey: {S}"),
            ("snake case", "ACCESS_KEY={A}\nSECRET_ACCESS_KEY={S}"),
            (
                "equals with spaces",
                "Access Key = {A}\nSecret Access Key = {S}",
            ),
            (
                "no space after colon",
                "Access Key:{A}\nSecret Access Key:{S}",
            ),
            ("tab separated", "Access Key\t{A}\nSecret Access Key\t{S}"),
            (
                "colon and tabs",
                "Access Key:\t\t\t{A}\nSecret Access Key:\t{S}",
            ),
            (
                "aligned with spaces",
                "Access Key         {A}\nSecret Access Key  {S}",
            ),
            (
                "aligned before colon",
                "Access Key        : {A}\nSecret Access Key : {S}",
            ),
            ("secret first", "Secret Access Key: {S}\nAccess Key: {A}"),
            (
                "blank lines",
                "\n\n  \nAccess Key: {A}\n\n\nSecret Access Key: {S}\n\n\n",
            ),
            (
                "title line",
                "HR WORKS-API key pair\nAccess Key: {A}\nSecret Access Key: {S}",
            ),
            (
                "title and footer",
                "Your key:\n\nAccess Key: {A}\nSecret Access Key: {S}\nThanks",
            ),
            (
                "indented",
                "    Access Key: {A}\n\tSecret Access Key: {S}   ",
            ),
            ("one line", "Access Key: {A} Secret Access Key: {S}"),
            ("one line, tab", "Access Key: {A}\tSecret Access Key: {S}"),
            ("one line, comma", "Access Key: {A}, Secret Access Key: {S}"),
            (
                "one line, reversed",
                "Secret Access Key: {S} Access Key: {A}",
            ),
            (
                "double quotes",
                "Access Key: \"{A}\"\nSecret Access Key: \"{S}\"",
            ),
            (
                "single quotes",
                "Access Key: '{A}'\nSecret Access Key: '{S}'",
            ),
            (
                "typographic quotes",
                "Access Key: “{A}”\nSecret Access Key: „{S}“",
            ),
            (
                "quoted lines",
                "\"Access Key: {A}\"\n\"Secret Access Key: {S}\"",
            ),
            (
                "JSON",
                "{\"accessKey\": \"{A}\", \"secretAccessKey\": \"{S}\"}",
            ),
            (
                "compact JSON",
                "{\"accessKey\":\"{A}\",\"secretAccessKey\":\"{S}\"}",
            ),
            (
                "values below labels",
                "Access Key:\n{A}\nSecret Access Key:\n{S}",
            ),
            (
                "labels without colon",
                "Access Key\n{A}\n\nSecret Access Key\n{S}",
            ),
            (
                "no-break spaces",
                "Access\u{A0}Key:\u{A0}{A}\u{A0}\nSecret Access Key:\u{202F}{S}",
            ),
            (
                "zero-width chars",
                "Access Key: \u{200B}{A}\u{200B}\nSecret Access Key: {S}\u{2060}",
            ),
            (
                "line separators",
                "Access Key: {A}\u{2028}Secret Access Key: {S}",
            ),
            (
                "same pair twice",
                "Access Key: {A}\nSecret Access Key: {S}\nAccess Key: {A}",
            ),
            ("bare two lines", "{A}\n{S}\n"),
            ("bare CRLF quoted", "\u{FEFF}\"{A}\"\r\n\r\n'{S}'\r\n"),
            ("bare one line", "{A}\t{S}"),
        ];
        for (name, template) in cases {
            assert_eq!(parse(&file(template)), ok(), "{name}");
        }
    }

    #[test]
    fn keys_keep_slash_plus_and_equals() {
        for secret in ["ab/cd+ef==", "/leading+slash", "trailing==", "a+b/c=d"] {
            let text = format!("Access Key: {ACCESS_KEY}\nSecret Access Key: {secret}");
            assert_eq!(
                parse(&text),
                Ok((ACCESS_KEY.to_owned(), secret.to_owned())),
                "{secret}"
            );
        }
    }

    #[test]
    fn names_each_mistake() {
        let short = "abc";
        let cases: &[(&str, String, Parsed)] = &[
            ("empty", String::new(), Err(Problem::KeyFileUnrecognised)),
            (
                "blank",
                " \n\t\r\n".into(),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "prose",
                "Hello, here are the keys you asked for".into(),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "template",
                file("Access Key: <access key>\nSecret Access Key: <secret access key>"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "value not a key",
                file("Access Key: {A}\nSecret Access Key: sécret!"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "conflicting values",
                file("Access Key: {A}\nAccess Key: ZZZZ\nSecret Access Key: {S}"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "both labels empty",
                "Access Key:\nSecret Access Key:\n".into(),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "table header",
                file("Access Key\tSecret Access Key\n{A}\t{S}"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "three bare tokens",
                file("{A}\n{S}\n{A}"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "bare, wrong shapes",
                "hello\nworld".into(),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "bare, both access-shaped",
                file("{A}\n{A}"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "bare, short",
                format!("{short}\n{short}"),
                Err(Problem::KeyFileUnrecognised),
            ),
            (
                "redacted ...",
                file("Access Key: AKHR...4TZP\nSecret Access Key: {S}"),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "redacted …",
                file("Access Key: {A}\nSecret Access Key: u7Hk…Qo"),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "redacted, spaced",
                file("Access Key: AKHR ... 4TZP\nSecret Access Key: {S}"),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "redacted, trailing",
                "Access Key: AKHR...\nSecret Access Key: u7Hk...".into(),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "redacted, other key missing",
                "Secret Access Key: u7Hk…Qo".into(),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "redacted, bare",
                file("AKHR...4TZP\n{S}"),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "redacted, bare …",
                "AKHR…4TZP".into(),
                Err(Problem::KeyFileRedactedExample),
            ),
            (
                "only access",
                file("Access Key: {A}\n"),
                missing(MISSING_SECRET),
            ),
            (
                "only secret",
                file("Secret Access Key: {S}\n"),
                missing(MISSING_ACCESS),
            ),
            (
                "secret empty",
                file("Access Key: {A}\nSecret Access Key:\n"),
                missing(MISSING_SECRET),
            ),
            (
                "access empty, one line",
                file("Access Key: Secret Access Key: {S}"),
                missing(MISSING_ACCESS),
            ),
            (
                "only access, CRLF BOM",
                file("\u{FEFF}Access Key: {A}\r\n\r\n"),
                missing(MISSING_SECRET),
            ),
            ("bare access only", file("{A}\n"), missing(MISSING_SECRET)),
            ("bare secret only", file("  {S}  "), missing(MISSING_ACCESS)),
            (
                "swapped labels",
                file("Access Key: {S}\nSecret Access Key: {A}"),
                Err(Problem::KeyFileSwapped),
            ),
            (
                "swapped, one line",
                file("Secret Access Key: {A} Access Key: {S}"),
                Err(Problem::KeyFileSwapped),
            ),
            (
                "swapped bare",
                file("{S}\n{A}"),
                Err(Problem::KeyFileSwapped),
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(&parse(text), expected, "{name}");
        }
    }

    #[test]
    fn labelled_values_of_neither_shape_are_left_for_hrworks_to_judge() {
        let text = "Access Key: test\nSecret Access Key: test2";
        assert_eq!(parse(text), Ok(("test".to_owned(), "test2".to_owned())));
    }

    #[test]
    fn binary_and_oversize_input_is_not_text() {
        let mut too_large = file("Access Key: {A}\nSecret Access Key: {S}\n").into_bytes();
        too_large.resize(MAX_CREDENTIAL_TEXT_BYTES + 1, b' ');
        let mut trailing_nul = file("Access Key: {A}\nSecret Access Key: {S}").into_bytes();
        trailing_nul.push(0);
        let utf16: Vec<u8> = "\u{FEFF}Access Key: x"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let cases: &[(&str, &[u8])] = &[
            ("too large", &too_large),
            ("trailing NUL", &trailing_nul),
            (
                "invalid UTF-8",
                b"Access Key: \xff\xfe\nSecret Access Key: x",
            ),
            ("PNG header", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            ("UTF-16", &utf16),
            (
                "escape sequence",
                b"Access Key: \x1b[31mX\nSecret Access Key: Y",
            ),
        ];
        for (name, bytes) in cases {
            assert_eq!(
                parse_key_file(bytes).map(|pair| pair.access_key),
                Err(Problem::KeyFileNotText),
                "{name}"
            );
        }
    }

    #[test]
    fn size_is_checked_before_parsing() {
        // A valid key file padded with blank lines past the cap is still refused.
        let mut text = file("Access Key: {A}\nSecret Access Key: {S}");
        text.push_str(&"\n".repeat(MAX_CREDENTIAL_TEXT_BYTES));
        assert!(matches!(
            parse_key_file(text.as_bytes()),
            Err(Problem::KeyFileNotText)
        ));
        let mut exactly = file("Access Key: {A}\nSecret Access Key: {S}");
        exactly.push_str(&"\n".repeat(MAX_CREDENTIAL_TEXT_BYTES - exactly.len()));
        assert_eq!(parse(&exactly), ok());
    }

    #[test]
    fn debug_never_shows_the_secret_or_the_whole_access_key() {
        let text = format!("Access Key: {CANARY}\nSecret Access Key: {CANARY}");
        let pair = parse_key_file(text.as_bytes()).unwrap();
        assert_eq!(pair.secret_access_key.expose_secret(), CANARY);
        let debug = format!("{pair:?} {pair:#?}");
        assert!(!debug.contains(CANARY), "{debug}");
        assert!(!debug.contains("CANARY"), "{debug}");
    }

    #[test]
    fn errors_never_contain_the_input() {
        for text in [
            format!("Access Key: {CANARY}\n"),
            format!("Secret Access Key: {CANARY}...x"),
            format!("Access Key: {CANARY}!\nSecret Access Key: {CANARY}"),
            format!("{CANARY}\0"),
        ] {
            let error = parse_key_file(text.as_bytes()).unwrap_err();
            assert_error_hides(&error, CANARY);
        }
    }

    /// Asserts that no 8-character piece of `secret` appears in the error's Debug, Display or
    /// JSON form (what reaches logs and the UI).
    fn assert_error_hides(error: &Problem, secret: &str) {
        let shown = format!(
            "{error:?} {error} {}",
            serde_json::to_string(error).unwrap()
        );
        let chars: Vec<char> = secret.chars().collect();
        for window in chars.windows(8) {
            let piece: String = window.iter().collect();
            assert!(!shown.contains(&piece), "{shown:?} contains {piece:?}");
        }
    }

    // --- property tests ---

    fn access_key() -> impl Strategy<Value = String> {
        "[A-Z0-9]{16,32}"
    }

    /// Secrets with a lower-case letter guaranteed, so that bare pastes are shape-plausible.
    fn secret_key() -> impl Strategy<Value = String> {
        ("[A-Za-z0-9/+]{29,60}", "[a-z]", "={0,2}")
            .prop_map(|(body, lower, padding)| format!("{body}{lower}{padding}"))
    }

    /// A label spelling with a random case for each letter.
    fn label(words: &'static [&'static str]) -> impl Strategy<Value = String> {
        let gaps = prop::sample::select(vec!["", " ", "_", "-", "\t"]);
        (gaps, prop::collection::vec(any::<bool>(), 24)).prop_map(move |(gap, upper)| {
            words
                .join(gap)
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect()
        })
    }

    /// A shape for rendering: how the lines, labels and values are written.
    #[derive(Debug, Clone)]
    struct Shape {
        separator: &'static str,
        newline: &'static str,
        bom: bool,
        blank_lines: usize,
        quote: (&'static str, &'static str),
        secret_first: bool,
        one_line: bool,
        title: bool,
        invisible: &'static str,
    }

    fn shape() -> impl Strategy<Value = Shape> {
        (
            prop::sample::select(vec![
                ": ", ":", " = ", "=", "\t", ":\t", "   ", "  :  ", "\t:",
            ]),
            prop::sample::select(vec!["\n", "\r\n", "\r"]),
            any::<bool>(),
            0usize..3,
            prop::sample::select(vec![
                ("", ""),
                ("\"", "\""),
                ("'", "'"),
                ("“", "”"),
                ("„", "“"),
            ]),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            prop::sample::select(vec!["", " ", "\u{200B}", "\u{A0}", "\t"]),
        )
            .prop_map(
                |(
                    separator,
                    newline,
                    bom,
                    blank_lines,
                    quote,
                    secret_first,
                    one_line,
                    title,
                    invisible,
                )| {
                    Shape {
                        separator,
                        newline,
                        bom,
                        blank_lines,
                        quote,
                        secret_first,
                        one_line,
                        title,
                        invisible,
                    }
                },
            )
    }

    fn render(shape: &Shape, labels: (&str, &str), access: &str, secret: &str) -> String {
        let (open, close) = shape.quote;
        let pair = |label: &str, value: &str| {
            format!(
                "{label}{}{open}{}{value}{}{close}",
                shape.separator, shape.invisible, shape.invisible
            )
        };
        let mut lines = [pair(labels.0, access), pair(labels.1, secret)];
        if shape.secret_first {
            lines.reverse();
        }
        let blank = shape.newline.repeat(shape.blank_lines);
        let body = if shape.one_line {
            lines.join(" ")
        } else {
            lines.join(&format!("{}{blank}", shape.newline))
        };
        let title = if shape.title {
            format!("HR WORKS-API key pair{}", shape.newline)
        } else {
            String::new()
        };
        let bom = if shape.bom { "\u{FEFF}" } else { "" };
        format!("{bom}{blank}{title}{body}{}{blank}", shape.newline)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn rendered_key_files_parse_back(
            access in access_key(),
            secret in secret_key(),
            shape in shape(),
            access_label in label(&["access", "key"]),
            secret_label in label(&["secret", "access", "key"]),
        ) {
            let text = render(&shape, (&access_label, &secret_label), &access, &secret);
            let parsed = parse(&text);
            prop_assert_eq!(parsed, Ok((access, secret)), "{:?}", text);
        }

        #[test]
        fn bare_pairs_parse_back(
            access in access_key(),
            secret in secret_key(),
            newline in prop::sample::select(vec!["\n", "\r\n", "\r", "\t", " "]),
            bom in any::<bool>(),
        ) {
            let text = format!("{}{access}{newline}{secret}{newline}", if bom { "\u{FEFF}" } else { "" });
            prop_assert_eq!(parse(&text), Ok((access.clone(), secret.clone())));
            let swapped = format!("{secret}{newline}{access}");
            prop_assert_eq!(parse(&swapped), Err(Problem::KeyFileSwapped));
        }

        #[test]
        fn broken_key_files_fail_without_echoing_keys(
            access in access_key(),
            secret in secret_key(),
            shape in shape(),
            cut in 0usize..200,
            redact in any::<bool>(),
        ) {
            let full = render(&shape, ("Access Key", "Secret Access Key"), &access, &secret);
            // Truncate anywhere (on a character boundary) and maybe redact the middle of a key.
            let end = full.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(full.len());
            let mut text = full[..end].to_owned();
            if redact {
                text = text.replacen(&secret[4..12], "...", 1);
            }
            if let Err(error) = parse(&text) {
                assert_error_hides(&error, &access);
                assert_error_hides(&error, &secret);
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            match parse_key_file(&bytes) {
                Ok(pair) => {
                    prop_assert!(is_key(&pair.access_key));
                    prop_assert!(is_key(pair.secret_access_key.expose_secret()));
                }
                Err(error) => assert_error_hides(&error, &String::from_utf8_lossy(&bytes)),
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in "(?s).{0,300}") {
            if let Err(error) = parse(&text) {
                assert_error_hides(&error, &text);
            }
        }

        #[test]
        fn label_soup_never_panics(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "Access Key", "secretAccessKey", ":", "=", "\t", " ", "  ", "\n", "\r\n", "\"",
                    "“", "...", "…", "\u{FEFF}", "\u{A0}", "AKHRW7Q2X9LM4TZP0B3C", "u7Hk/3qPz+W9xLr2",
                    "Tb6Nc1Vd8Ye5Fg0Jm4Sa==Qo", ",", "{", "}", "ä",
                ]),
                0..24,
            ),
        ) {
            let text = parts.concat();
            if let Ok(pair) = parse_key_file(text.as_bytes()) {
                prop_assert!(is_key(&pair.access_key));
                prop_assert!(is_key(pair.secret_access_key.expose_secret()));
            }
        }
    }
}
