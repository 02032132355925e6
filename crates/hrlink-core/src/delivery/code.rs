//! The one-time enrollment code the product shows its admin: `HRL-XXXX-XXXX`, eight Crockford
//! base32 characters (40 bits; no I, L, O or U).
//!
//! Read forgivingly, because it is typed from another screen or read out on the phone: spaces
//! and dashes anywhere, lower case, the `HRL-` prefix left out, and Crockford's confusables
//! (`I` and `L` for `1`, `O` for `0`). The `hrlink://enroll?code=…` link is accepted as well;
//! it carries the code only, never an address.

use std::fmt;

use crate::Problem;

/// Crockford's base32 alphabet: digits and letters without I, L, O and U.
const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX: &str = "HRL";
const BODY_LEN: usize = 8;

/// A well-formed enrollment code, in its canonical form `HRL-XXXX-XXXX`. Not a secret the way
/// an HR credential is (it works once, for 15 minutes, at one product), but still kept out of
/// logs: `Debug` shows only the first group.
#[derive(Clone, PartialEq, Eq)]
pub struct EnrollmentCode(String);

impl EnrollmentCode {
    /// Reads what the admin typed or pasted; [`Problem::EnrollmentCodeInvalid`] when it cannot
    /// be a code.
    pub fn parse(input: &str) -> Result<EnrollmentCode, Problem> {
        let input = input.trim();
        let input = link_code(input).unwrap_or(input);
        let mut compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '–' | '—'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.len() == PREFIX.len() + BODY_LEN && compact.starts_with(PREFIX) {
            compact.drain(..PREFIX.len());
        }
        let body: Option<String> = compact
            .chars()
            .map(|c| match c {
                'I' | 'L' => Some('1'),
                'O' => Some('0'),
                c if ALPHABET.contains(c) => Some(c),
                _ => None,
            })
            .collect();
        match body {
            Some(body) if body.len() == BODY_LEN => Ok(EnrollmentCode(format!(
                "{PREFIX}-{}-{}",
                &body[..4],
                &body[4..]
            ))),
            _ => Err(Problem::EnrollmentCodeInvalid),
        }
    }

    /// The canonical form, as sent to the product.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The `code` of an `hrlink://enroll?code=…` link, when `input` is one.
fn link_code(input: &str) -> Option<&str> {
    let rest = input.strip_prefix("hrlink://enroll?")?;
    rest.split('&').find_map(|pair| pair.strip_prefix("code="))
}

impl fmt::Debug for EnrollmentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EnrollmentCode({}-…)", &self.0[..8])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> Result<String, Problem> {
        EnrollmentCode::parse(input).map(|code| code.as_str().to_owned())
    }

    #[test]
    fn canonical_codes_are_kept() {
        assert_eq!(parsed("HRL-7K3M-Q9XZ").unwrap(), "HRL-7K3M-Q9XZ");
    }

    #[test]
    fn spaces_case_and_a_missing_prefix_are_forgiven() {
        for input in [
            "hrl-7k3m-q9xz",
            "  HRL 7K3M Q9XZ ",
            "7K3M-Q9XZ",
            "7k3mq9xz",
            "HRL7K3MQ9XZ",
            "hrl – 7k3m – q9xz",
            "hrlink://enroll?code=HRL-7K3M-Q9XZ",
        ] {
            assert_eq!(parsed(input).unwrap(), "HRL-7K3M-Q9XZ", "{input:?}");
        }
    }

    #[test]
    fn crockford_confusables_are_read_as_digits() {
        assert_eq!(parsed("HRL-IL0O-ABCD").unwrap(), "HRL-1100-ABCD");
        // An L inside the body is a 1, not part of the prefix.
        assert_eq!(parsed("L1L1-L1L1").unwrap(), "HRL-1111-1111");
    }

    #[test]
    fn anything_else_is_refused() {
        for input in [
            "",
            "HRL-7K3M-Q9X",
            "HRL-7K3M-Q9XZA",
            "HRL-7K3M-Q9XU",
            "HRL-7K3M-Q9X!",
            "ABC-7K3M-Q9XZ",
            "https://evil.example/?code=HRL-7K3M-Q9XZ",
        ] {
            assert_eq!(
                parsed(input),
                Err(Problem::EnrollmentCodeInvalid),
                "{input:?}"
            );
        }
    }

    #[test]
    fn debug_shows_only_the_first_group() {
        let code = EnrollmentCode::parse("HRL-7K3M-Q9XZ").unwrap();
        assert_eq!(format!("{code:?}"), "EnrollmentCode(HRL-7K3M-…)");
    }
}
