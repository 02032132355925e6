//! An API key copied from the user's account page (Employment Hero Payroll), with the region
//! whose deployment issued it and, once chosen, the business the connection is for.
//!
//! What people paste: the key alone, or with its region on a line of its own (`NZ`,
//! `Region: NZ`) and the key labelled (`API Key: …`). A key is never checked for more than
//! "one token, no whitespace": its format is not documented beyond one example.

use secrecy::SecretString;

use super::text;
use crate::Problem;

/// An API key, the region it belongs to and the business chosen.
#[derive(Clone)]
pub struct ApiKey {
    /// The key (sent as the HTTP Basic user name).
    pub key: SecretString,
    /// The region code (`NZ`) whose deployment issued the key; `None`: the configured address.
    pub region: Option<String>,
    /// The business this connection is for, once chosen (a key reaches every business its
    /// user can open).
    pub business_id: Option<String>,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKey")
            .field("key", &"[REDACTED]")
            .field("region", &self.region)
            .field("business_id", &self.business_id)
            .finish()
    }
}

/// The example key of Employment Hero's own API key guide: a copy of it is no one's key.
const GUIDE_EXAMPLE: &str = "RURQT1UyMm5vSnViZnNxZGlhMmJuUT09";

const KEY_LABELS: &[&[&str]] = &[&["api", "key"], &["key"]];
const REGION_LABELS: &[&[&str]] = &[&["region"]];

/// Parses pasted text: an optional region line (one of `regions`, any case) and the key.
///
/// - [`Problem::KeyFileNotText`]: too large, not UTF-8 or control characters;
/// - [`Problem::KeyFileRedactedExample`]: the guide's example key, or a shortened copy (`…`,
///   `...`), so that neither is ever sent;
/// - [`Problem::KeyFileUnrecognised`]: no key, more than one candidate, or whitespace inside it.
pub fn parse_api_key(bytes: &[u8], regions: &[&str]) -> Result<ApiKey, Problem> {
    if bytes.len() > super::MAX_CREDENTIAL_TEXT_BYTES {
        return Err(Problem::KeyFileNotText);
    }
    let raw = std::str::from_utf8(bytes).map_err(|_| Problem::KeyFileNotText)?;
    if !text::is_plain_text(raw) {
        return Err(Problem::KeyFileNotText);
    }
    let normalised = text::normalise(raw);
    let mut region = None;
    let mut key = None;
    for line in text::lines(&normalised) {
        let value = labelled(line, REGION_LABELS).unwrap_or(line);
        if let Some(code) = regions.iter().find(|code| code.eq_ignore_ascii_case(value)) {
            region = Some((*code).to_owned());
            continue;
        }
        let value = labelled(line, KEY_LABELS).unwrap_or(line);
        let value = value.trim_matches(text::is_quote);
        if key.replace(value).is_some() {
            return Err(Problem::KeyFileUnrecognised);
        }
    }
    let key = key.ok_or(Problem::KeyFileUnrecognised)?;
    if key == GUIDE_EXAMPLE || key.contains('…') || key.contains("...") {
        return Err(Problem::KeyFileRedactedExample);
    }
    if key.chars().any(char::is_whitespace) {
        return Err(Problem::KeyFileUnrecognised);
    }
    Ok(ApiKey {
        key: SecretString::from(key.to_owned()),
        region,
        business_id: None,
    })
}

/// The value after one of `labels` when `line` starts with it (`API Key: x` → `x`).
fn labelled<'a>(line: &'a str, labels: &[&[&str]]) -> Option<&'a str> {
    let label = text::find_label(line, 0, labels).filter(|label| label.start == 0)?;
    Some(text::trim(&line[label.value_start..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    const REGIONS: &[&str] = &["AU", "NZ", "UK"];
    const KEY: &str = "VTJKNFJXaHdWbUZzYVdRd01EQXdNUT09";

    fn parsed(text: &str) -> Result<(String, Option<String>), Problem> {
        parse_api_key(text.as_bytes(), REGIONS)
            .map(|key| (key.key.expose_secret().to_owned(), key.region))
    }

    #[test]
    fn the_key_alone_or_with_its_region() {
        assert_eq!(parsed(&format!("  {KEY}\n")), Ok((KEY.to_owned(), None)));
        assert_eq!(
            parsed(&format!("nz\n{KEY}")),
            Ok((KEY.to_owned(), Some("NZ".to_owned())))
        );
        assert_eq!(
            parsed(&format!("Region: UK\r\nAPI Key: \"{KEY}\"\r\n")),
            Ok((KEY.to_owned(), Some("UK".to_owned())))
        );
    }

    #[test]
    fn the_guide_example_and_shortened_keys_are_never_sent() {
        for text in [GUIDE_EXAMPLE, "RURQT1Uy…bUT09", "RURQT1Uy...bUT09"] {
            assert_eq!(parsed(text), Err(Problem::KeyFileRedactedExample), "{text}");
        }
    }

    #[test]
    fn no_key_two_keys_or_whitespace_inside_are_not_a_key() {
        for text in ["", "\n  \n", "NZ", "abc def", &format!("{KEY}\n{KEY}x")] {
            assert_eq!(parsed(text), Err(Problem::KeyFileUnrecognised), "{text:?}");
        }
        assert_eq!(
            parse_api_key(b"\0\x01", REGIONS).err(),
            Some(Problem::KeyFileNotText)
        );
    }

    #[test]
    fn debug_never_shows_the_key() {
        let key = parse_api_key(KEY.as_bytes(), REGIONS).unwrap();
        assert!(!format!("{key:?}").contains(KEY));
    }
}
