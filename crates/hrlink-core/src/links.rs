//! `hrlink://` links: what a link from outside may ask of HR Link, parsed strictly.
//!
//! A link comes from anywhere (a product's web page, an email, a notification), so it can only
//! *ask* to open a screen, and only two are offered:
//!
//! - `hrlink://enroll?code=HRL-XXXX-XXXX`: the cloud wizard with the product's code filled in
//!   (`../shared/HANDOFF.md` 2.1). Only the code is taken; every other part of the link is
//!   ignored, so a link can never choose where a connection goes.
//! - `hrlink://connections/<id>/reauthorise`: that connection's re-authorise flow.
//!
//! Links carry no secret, ever. Anything else is [`NotUnderstood`], with a reason for the
//! diagnostics that never repeats the link.

use serde::Serialize;

use crate::connections::ConnectionId;

/// The URL scheme HR Link registers with the operating system.
pub const SCHEME: &str = "hrlink";

/// Longer than any link HR Link understands by far; longer ones are not even parsed.
pub const MAX_LINK_BYTES: usize = 512;

/// An enrollment code in its canonical form, `HRL-XXXX-XXXX` (Crockford base32, upper case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct EnrollmentCode(String);

/// The letters of Crockford's base32: digits and upper-case letters without I, L, O and U.
const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The characters after `HRL-`, without the hyphen.
const CODE_CHARS: usize = 8;

impl EnrollmentCode {
    /// Reads a code the way people type it: spaces and hyphens anywhere, lower case, with or
    /// without the `HRL` prefix. `None` unless eight Crockford characters remain.
    pub fn parse(text: &str) -> Option<EnrollmentCode> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let body = compact.strip_prefix("HRL").unwrap_or(&compact);
        let valid = body.len() == CODE_CHARS && body.bytes().all(|b| CROCKFORD.contains(&b));
        valid.then(|| EnrollmentCode(format!("HRL-{}-{}", &body[..4], &body[4..])))
    }

    /// The code as shown and sent: `HRL-XXXX-XXXX`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a link asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Link {
    /// Start the cloud wizard with this enrollment code.
    Enroll {
        /// The product's one-time code.
        code: EnrollmentCode,
    },
    /// Open this saved connection's re-authorise flow.
    Reauthorise {
        /// The connection's id (it may no longer exist: the app says so).
        #[cfg_attr(feature = "specta", specta(type = String))]
        connection_id: ConnectionId,
    },
}

impl Link {
    /// The canonical link, e.g. for a notification's action.
    pub fn to_url(&self) -> String {
        match self {
            Link::Enroll { code } => format!("{SCHEME}://enroll?code={}", code.as_str()),
            Link::Reauthorise { connection_id } => {
                format!("{SCHEME}://connections/{connection_id}/reauthorise")
            }
        }
    }
}

/// Why a link was not understood (for the diagnostics; the screen shows one calm page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NotUnderstood {
    /// Longer than [`MAX_LINK_BYTES`].
    #[error("link too long")]
    TooLong,
    /// Spaces, control characters or non-ASCII characters: never in a link HR Link makes, and
    /// the URL parser would silently drop some of them (a tab inside a word).
    #[error("link has characters no hrlink link has")]
    UnexpectedCharacters,
    /// Not a URL, or not an `hrlink:` one.
    #[error("not an hrlink link")]
    NotHrlink,
    /// A user name, password or port: parts an `hrlink://` link never has.
    #[error("link has a user name, password or port")]
    UnexpectedParts,
    /// Neither `enroll` nor `connections/<id>/reauthorise`.
    #[error("unknown link target")]
    UnknownTarget,
    /// An enroll link without a code, or with more than one.
    #[error("enroll link without exactly one code")]
    CodeMissing,
    /// An enroll link whose code is not an enrollment code.
    #[error("enroll link with an invalid code")]
    CodeInvalid,
    /// A re-authorise link whose id cannot be a connection's.
    #[error("re-authorise link with an invalid connection id")]
    ConnectionInvalid,
}

/// Parses a link, strictly: see the module documentation for the two forms.
pub fn parse(text: &str) -> Result<Link, NotUnderstood> {
    if text.len() > MAX_LINK_BYTES {
        return Err(NotUnderstood::TooLong);
    }
    if !text.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(NotUnderstood::UnexpectedCharacters);
    }
    let url = url::Url::parse(text).map_err(|_| NotUnderstood::NotHrlink)?;
    if url.scheme() != SCHEME {
        return Err(NotUnderstood::NotHrlink);
    }
    if !url.username().is_empty() || url.password().is_some() || url.port().is_some() {
        return Err(NotUnderstood::UnexpectedParts);
    }
    // A browser may add a slash after the host (`hrlink://enroll/?code=…`): the same link.
    let path = url.path();
    let path = path.strip_prefix('/').unwrap_or(path);
    let path: Vec<&str> = path.strip_suffix('/').unwrap_or(path).split('/').collect();
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match (host.as_str(), path.as_slice()) {
        ("enroll", [""]) => {
            let mut codes = url.query_pairs().filter(|(name, _)| name == "code");
            match (codes.next(), codes.next()) {
                (Some((_, code)), None) => EnrollmentCode::parse(&code)
                    .map(|code| Link::Enroll { code })
                    .ok_or(NotUnderstood::CodeInvalid),
                _ => Err(NotUnderstood::CodeMissing),
            }
        }
        ("connections", [id, "reauthorise"]) => ConnectionId::parse(id)
            .map(|connection_id| Link::Reauthorise { connection_id })
            .ok_or(NotUnderstood::ConnectionInvalid),
        _ => Err(NotUnderstood::UnknownTarget),
    }
}

/// The command-line arguments that are links: what the OS passes when a link is opened (Linux's
/// desktop entry runs `hrlink-desktop %u`; Windows runs the registered command with the link).
/// An argument is taken as a link when it starts with `hrlink:` in any case.
pub fn in_args<S: AsRef<str>>(args: &[S]) -> impl Iterator<Item = &str> {
    args.iter().map(AsRef::as_ref).filter(|arg| {
        arg.get(..SCHEME.len() + 1)
            .is_some_and(|start| start.eq_ignore_ascii_case("hrlink:"))
    })
}

/// What the app does for a link it was handed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkAction {
    /// Open the screen the link asks for.
    Open {
        /// The understood link.
        link: Link,
    },
    /// Understood, but this version or configuration has no screen for it (an enrollment code
    /// where HR Link does not hand connections to a product's cloud backend).
    Unavailable,
    /// Not understood: a calm page saying so, and nothing else happens.
    NotUnderstood {
        /// Why, for the diagnostics.
        reason: NotUnderstood,
    },
}

/// What HR Link can open at the moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Abilities {
    /// The cloud wizard exists and the configuration delivers to a product's backend.
    pub cloud_enrollment: bool,
}

/// Parses a link and decides what to do with it.
pub fn route(text: &str, abilities: Abilities) -> LinkAction {
    match parse(text) {
        Ok(Link::Enroll { .. }) if !abilities.cloud_enrollment => LinkAction::Unavailable,
        Ok(link) => LinkAction::Open { link },
        Err(reason) => LinkAction::NotUnderstood { reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enroll(code: &str) -> Result<Link, NotUnderstood> {
        Ok(Link::Enroll {
            code: EnrollmentCode(code.to_owned()),
        })
    }

    fn reauthorise(id: &str) -> Result<Link, NotUnderstood> {
        Ok(Link::Reauthorise {
            connection_id: ConnectionId::parse(id).unwrap_or_else(|| panic!("{id} is an id")),
        })
    }

    #[test]
    fn parses_each_form_and_refuses_everything_else() {
        use NotUnderstood::*;
        let long = format!("hrlink://enroll?code=HRL-ABCD-EFGH&pad={}", "x".repeat(500));
        let cases: &[(&str, Result<Link, NotUnderstood>)] = &[
            // The two forms, and how browsers and people write them.
            (
                "hrlink://enroll?code=HRL-ABCD-EFGH",
                enroll("HRL-ABCD-EFGH"),
            ),
            (
                "hrlink://enroll/?code=HRL-ABCD-EFGH",
                enroll("HRL-ABCD-EFGH"),
            ),
            (
                "HRLINK://Enroll?code=hrl-abcd-efgh",
                enroll("HRL-ABCD-EFGH"),
            ),
            ("hrlink://enroll?code=abcdefgh", enroll("HRL-ABCD-EFGH")),
            (
                "hrlink://enroll?code=HRL+ABCD+EFGH",
                enroll("HRL-ABCD-EFGH"),
            ),
            (
                "hrlink://enroll?code=HRL%2DABCD%2DEFGH",
                enroll("HRL-ABCD-EFGH"),
            ),
            (
                "hrlink://connections/c1a-2b/reauthorise",
                reauthorise("c1a-2b"),
            ),
            (
                "hrlink://connections/c1a-2b/reauthorise/",
                reauthorise("c1a-2b"),
            ),
            // Only the code is taken: a link never chooses where a connection goes.
            (
                "hrlink://enroll?origin=https://evil.example&code=HRL-ABCD-EFGH&provider=x#y",
                enroll("HRL-ABCD-EFGH"),
            ),
            // Malformed enroll links.
            ("hrlink://enroll", Err(CodeMissing)),
            ("hrlink://enroll?code=", Err(CodeInvalid)),
            ("hrlink://enroll?Code=HRL-ABCD-EFGH", Err(CodeMissing)),
            (
                "hrlink://enroll?code=HRL-ABCD-EFGH&code=HRL-WXYZ-2345",
                Err(CodeMissing),
            ),
            ("hrlink://enroll?code=HRL-ABCD-EFG", Err(CodeInvalid)),
            ("hrlink://enroll?code=HRL-ABCD-EFGHJ", Err(CodeInvalid)),
            // I, L, O and U are not Crockford letters.
            ("hrlink://enroll?code=HRL-ABCD-EFGI", Err(CodeInvalid)),
            ("hrlink://enroll?code=HRL-ABCD-EFGU", Err(CodeInvalid)),
            ("hrlink://enroll?code=HRL-ABCD-EFG%00", Err(CodeInvalid)),
            ("hrlink://enroll?code=HRL-ABCD-EFG%C3%A9", Err(CodeInvalid)),
            (
                "hrlink://enroll/extra?code=HRL-ABCD-EFGH",
                Err(UnknownTarget),
            ),
            // Malformed re-authorise links, and encoded tricks in the id.
            ("hrlink://connections/c1/reauthorize", Err(UnknownTarget)),
            ("hrlink://connections/c1", Err(UnknownTarget)),
            ("hrlink://connections//reauthorise", Err(ConnectionInvalid)),
            (
                "hrlink://connections/C1/reauthorise",
                Err(ConnectionInvalid),
            ),
            (
                "hrlink://connections/c1%2Fx/reauthorise",
                Err(ConnectionInvalid),
            ),
            // The URL parser resolves `..`, also encoded: what remains is no target.
            (
                "hrlink://connections/%2e%2e/reauthorise",
                Err(UnknownTarget),
            ),
            (
                "hrlink://connections/c1/../c2/reauthorise",
                reauthorise("c2"),
            ),
            ("hrlink://connections/c1//reauthorise", Err(UnknownTarget)),
            (
                &format!("hrlink://connections/{}/reauthorise", "a".repeat(65)),
                Err(ConnectionInvalid),
            ),
            // Not a target HR Link has, or not an hrlink link at all.
            ("hrlink://%65nroll?code=HRL-ABCD-EFGH", Err(UnknownTarget)),
            ("hrlink:enroll?code=HRL-ABCD-EFGH", Err(UnknownTarget)),
            ("hrlink:///enroll?code=HRL-ABCD-EFGH", Err(UnknownTarget)),
            ("hrlink://settings", Err(UnknownTarget)),
            ("hrlink://", Err(UnknownTarget)),
            ("https://enroll?code=HRL-ABCD-EFGH", Err(NotHrlink)),
            ("hrlinks://enroll?code=HRL-ABCD-EFGH", Err(NotHrlink)),
            ("enroll?code=HRL-ABCD-EFGH", Err(NotHrlink)),
            ("", Err(NotHrlink)),
            // Parts a link never has.
            (
                "hrlink://user@enroll?code=HRL-ABCD-EFGH",
                Err(UnexpectedParts),
            ),
            (
                "hrlink://user:pw@enroll?code=HRL-ABCD-EFGH",
                Err(UnexpectedParts),
            ),
            (
                "hrlink://enroll:443?code=HRL-ABCD-EFGH",
                Err(UnexpectedParts),
            ),
            // Characters the URL parser would drop or that no link of ours has.
            (
                "hrlink://enr\toll?code=HRL-ABCD-EFGH",
                Err(UnexpectedCharacters),
            ),
            (
                "hrlink://enroll?code=HRL-ABCD-EFGH\n",
                Err(UnexpectedCharacters),
            ),
            (
                " hrlink://enroll?code=HRL-ABCD-EFGH",
                Err(UnexpectedCharacters),
            ),
            (
                "hrlink://enroll?code=HRL-ABCD-EFGH ",
                Err(UnexpectedCharacters),
            ),
            (
                "hrlink://еnroll?code=HRL-ABCD-EFGH",
                Err(UnexpectedCharacters),
            ),
            (&long, Err(TooLong)),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(text, expected)| &parse(text) != expected)
            .map(|(text, expected)| format!("{text:?}: {:?}, not {expected:?}", parse(text)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_link_made_by_hr_link_reads_back_as_itself() {
        for link in [enroll("HRL-2345-WXYZ"), reauthorise("c18f-2a-0")] {
            let link = link.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parse(&link.to_url()), Ok(link.clone()));
        }
        assert_eq!(
            reauthorise("c1").map(|l| l.to_url()),
            Ok("hrlink://connections/c1/reauthorise".to_owned())
        );
    }

    #[test]
    fn the_arguments_that_are_links() {
        let args = [
            "--support",
            "hrlink://enroll?code=HRL-ABCD-EFGH",
            "HRLink:whatever",
            "hrlink",
            "/tmp/hrlink:x",
        ];
        let links: Vec<&str> = in_args(&args).collect();
        assert_eq!(
            links,
            ["hrlink://enroll?code=HRL-ABCD-EFGH", "HRLink:whatever"]
        );
        assert_eq!(in_args(&["é"]).count(), 0, "a short non-ASCII argument");
    }

    #[test]
    fn routes_an_enrollment_only_where_the_cloud_wizard_can_take_it() {
        let link = "hrlink://enroll?code=HRL-ABCD-EFGH";
        assert_eq!(route(link, Abilities::default()), LinkAction::Unavailable);
        let cloud = Abilities {
            cloud_enrollment: true,
        };
        let opened = route(link, cloud);
        assert!(matches!(
            opened,
            LinkAction::Open {
                link: Link::Enroll { .. }
            }
        ));
        let reauth = "hrlink://connections/c1/reauthorise";
        assert!(matches!(
            route(reauth, Abilities::default()),
            LinkAction::Open {
                link: Link::Reauthorise { .. }
            }
        ));
        assert_eq!(
            route("hrlink://nope", cloud),
            LinkAction::NotUnderstood {
                reason: NotUnderstood::UnknownTarget
            }
        );
    }

    #[test]
    fn the_event_the_ui_receives() {
        let action = route("hrlink://connections/c1/reauthorise", Abilities::default());
        assert_eq!(
            serde_json::to_value(action).ok(),
            Some(serde_json::json!({
                "kind": "open",
                "link": {"kind": "reauthorise", "connection_id": "c1"}
            }))
        );
    }

    proptest::proptest! {
        /// Whatever arrives, parsing neither panics nor accepts a link it would not make.
        #[test]
        fn any_text_is_refused_or_read_canonically(text in ".{0,80}|hrlink://[a-z/?=&%.-]{0,60}") {
            crate::fuzzing::link(text.as_bytes());
        }
    }
}
