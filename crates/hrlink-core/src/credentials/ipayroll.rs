//! iPayroll's naming rule for API users: the organisation number, `api`, the partner's name.
//!
//! iPayroll's help: an API user's username has at least 13 characters, the 5-digit organisation
//! number, then `api`, then the integration partner's name (`49764apihrcompany`). As a pattern:
//! `^\d{5}api[A-Za-z0-9]+$`, length >= 13, and the digits should be the organisation's number.

use super::text;
use crate::Problem;

/// The API username must be at least this long (5 digits + `api` + a 5-character partner name).
const MIN_LENGTH: usize = 13;
const ORG_DIGITS: usize = 5;
const INFIX: &str = "api";

/// Checks an iPayroll API user's username against iPayroll's rule.
///
/// Surrounding whitespace and invisible characters are ignored (they come from copying). When the
/// organisation number is known, the username's first five digits must match it. On failure the
/// [`Problem::IpayrollUsernameInvalid`] reason names the first rule broken, checked in this
/// order so that the reason is the most helpful one:
///
/// 1. `too_short`: nothing entered;
/// 2. `invalid_characters`: anything but ASCII letters and digits (spaces, `-`, `ü`) — named first
///    because it is the commonest typo, and the structure cannot be judged around it;
/// 3. `no_org_number`: not exactly five leading digits (`4976apihrlink`);
/// 4. `no_api_infix`: the digits are not followed by lower-case `api` (`49764hrlinkxxxx`, or the
///    organisation's main user `49764`);
/// 5. `no_partner_name`: nothing after `api` (`49764api`) — preferred to `too_short` because it
///    says what to add;
/// 6. `org_number_mismatch`: the digits differ from the organisation's number — before
///    `too_short`, since a user of another organisation is the more serious mistake;
/// 7. `too_short`: fewer than 13 characters, i.e. a partner name shorter than five (`49764apihr`).
pub fn check_api_username(
    username: &str,
    organisation_number: Option<&str>,
) -> Result<(), Problem> {
    check(text::trim(username), organisation_number.map(text::trim)).map_err(|reason| {
        Problem::IpayrollUsernameInvalid {
            reason: reason.to_owned(),
        }
    })
}

/// The rule itself; returns the reason code of the first part that fails.
fn check(username: &str, organisation_number: Option<&str>) -> Result<(), &'static str> {
    if username.is_empty() {
        return Err("too_short");
    }
    if !username.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err("invalid_characters");
    }
    // All ASCII from here on, so byte offsets are character offsets.
    if username.bytes().take_while(u8::is_ascii_digit).count() != ORG_DIGITS {
        return Err("no_org_number");
    }
    let (digits, rest) = username.split_at(ORG_DIGITS);
    let Some(partner) = rest.strip_prefix(INFIX) else {
        return Err("no_api_infix");
    };
    if partner.is_empty() {
        return Err("no_partner_name");
    }
    if organisation_number.is_some_and(|expected| !expected.is_empty() && expected != digits) {
        return Err("org_number_mismatch");
    }
    if username.len() < MIN_LENGTH {
        return Err("too_short");
    }
    Ok(())
}

/// Suggests an API username for the wizard: `{organisation number}api{partner}`, e.g.
/// `49764apihrlink` for `("49764", "HR Link")`.
///
/// Keeps only the digits of the organisation number and only the ASCII letters and digits of the
/// partner's name, lower-cased. The suggestion passes [`check_api_username`] when the
/// organisation number has five digits and the partner's name at least five letters or digits.
pub fn suggest_api_username(org_number: &str, partner: &str) -> String {
    let digits = org_number.chars().filter(char::is_ascii_digit);
    let partner = partner
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase());
    digits.chain(INFIX.chars()).chain(partner).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn reason(username: &str, org: Option<&str>) -> Option<String> {
        match check_api_username(username, org) {
            Ok(()) => None,
            Err(Problem::IpayrollUsernameInvalid { reason }) => Some(reason),
            Err(other) => panic!("unexpected problem {other:?}"),
        }
    }

    const REASONS: &[&str] = &[
        "too_short",
        "no_org_number",
        "no_api_infix",
        "no_partner_name",
        "invalid_characters",
        "org_number_mismatch",
    ];

    #[test]
    fn accepts_valid_usernames() {
        for (username, org) in [
            ("49764apihrcompany", None),
            ("49764apihrlink", Some("49764")),
            ("49764apiHRLink2", Some(" 49764 ")),
            ("00001api12345", None),
            ("49764apihrlin", Some("")),
            (" 49764apihrlink\u{200B}\n", Some("49764")),
        ] {
            assert_eq!(reason(username, org), None, "{username:?}");
        }
    }

    #[test]
    fn names_the_first_broken_rule() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("", None, "too_short"),
            ("  \u{A0}", None, "too_short"),
            ("49764api-hr link", None, "invalid_characters"),
            ("49764 apihrlink", None, "invalid_characters"),
            ("49764apihrlünk", None, "invalid_characters"),
            ("4976-apihrlink", None, "invalid_characters"),
            ("4976apihrlink", None, "no_org_number"),
            ("497640apihrlink", None, "no_org_number"),
            ("apihrlink12345", None, "no_org_number"),
            ("123", None, "no_org_number"),
            ("49764hrlinkxxxx", None, "no_api_infix"),
            ("49764APIhrlink", None, "no_api_infix"),
            ("49764", Some("49764"), "no_api_infix"),
            ("49764ap", None, "no_api_infix"),
            ("49764api", None, "no_partner_name"),
            ("49764api", Some("12345"), "no_partner_name"),
            ("12345apihrlink", Some("49764"), "org_number_mismatch"),
            ("12345apihr", Some("49764"), "org_number_mismatch"),
            ("49764apihrlink", Some("4976"), "org_number_mismatch"),
            ("49764apihr", None, "too_short"),
            ("49764apihrli", Some("49764"), "too_short"),
        ];
        for (username, org, expected) in cases {
            assert_eq!(
                reason(username, *org).as_deref(),
                Some(*expected),
                "{username:?} {org:?}"
            );
        }
    }

    #[test]
    fn suggests_a_valid_username() {
        assert_eq!(suggest_api_username("49764", "HR Link"), "49764apihrlink");
        assert_eq!(
            suggest_api_username(" 49764\n", "HR-Link GmbH & Co."),
            "49764apihrlinkgmbhco"
        );
        assert_eq!(
            suggest_api_username("49764", "Zürich Lohn"),
            "49764apizrichlohn"
        );
        assert_eq!(
            reason(&suggest_api_username("49764", "HR Link"), Some("49764")),
            None
        );
    }

    #[test]
    fn errors_never_contain_the_username() {
        let canary = "CANARY-7f3a9c";
        let Err(error) = check_api_username(canary, Some("49764")) else {
            panic!("accepted")
        };
        let shown = format!(
            "{error:?} {error} {}",
            serde_json::to_string(&error).unwrap()
        );
        assert!(!shown.contains("CANARY"), "{shown}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn usernames_following_the_rule_pass(org in "[0-9]{5}", partner in "[A-Za-z0-9]{5,30}") {
            let username = format!("{org}api{partner}");
            prop_assert_eq!(reason(&username, Some(&org)), None);
            prop_assert_eq!(reason(&username, None), None);
            let other = if org == "99999" { "00000" } else { "99999" };
            prop_assert_eq!(reason(&username, Some(other)), Some("org_number_mismatch".to_owned()));
        }

        #[test]
        fn a_foreign_character_anywhere_inside_is_named(
            org in "[0-9]{5}",
            partner in "[A-Za-z0-9]{5,30}",
            // Strictly inside (a valid username has at least 13 characters): ends are trimmed.
            at in 1usize..13,
            bad in "[^A-Za-z0-9]",
        ) {
            let mut username = format!("{org}api{partner}");
            username.insert_str(at, &bad);
            prop_assert_eq!(reason(&username, Some(&org)), Some("invalid_characters".to_owned()));
        }

        #[test]
        fn suggestions_pass(org in "[0-9]{5}", partner in "[ -~]{0,10}[A-Za-z0-9]{5}[ -~]{0,10}") {
            let username = suggest_api_username(&org, &partner);
            prop_assert_eq!(reason(&username, Some(&org)), None);
        }

        #[test]
        fn arbitrary_input_never_panics_and_gives_a_known_reason(
            username in "(?s).{0,40}",
            org in proptest::option::of("(?s).{0,8}"),
        ) {
            if let Some(reason) = reason(&username, org.as_deref()) {
                prop_assert!(REASONS.contains(&reason.as_str()), "{}", reason);
                let trimmed = username.trim();
                prop_assert!(trimmed.chars().count() < 8 || !reason.contains(trimmed));
            }
        }
    }
}
