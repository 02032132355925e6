//! The app's own updates: where it looks for a newer version (`[updates]` in `hrlink.toml`),
//! which key an update must be signed with, and the decisions around installing one. The
//! download and the signature check itself are Tauri's updater plugin's (the app's glue).
//!
//! ```toml
//! [updates]
//! endpoint = "https://updates.acme-rostering.example/hrlink/{{target}}/{{current_version}}"
//! pubkey = "dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWdu…"   # `tauri signer generate`'s public key
//! ```
//!
//! No `[updates]` (as in the demo): HR Link never looks for updates and makes no request.

use serde::Deserialize;
use url::Url;

use crate::Problem;
use crate::http::ensure_secure;

/// Where to look for updates and the key they must be signed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateSettings {
    /// The update manifest's address (Tauri's `latest.json` or its dynamic form; the
    /// `{{target}}`, `{{arch}}` and `{{current_version}}` placeholders are filled in).
    pub endpoint: Url,
    /// The minisign public key, as `tauri signer generate` prints it (base64 of the key file).
    pub pubkey: String,
}

/// `[updates]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUpdates {
    endpoint: String,
    pubkey: String,
}

impl RawUpdates {
    /// Checks the section; problems name the file and the setting, never a value.
    pub(crate) fn into_settings(self, name: &str) -> Result<UpdateSettings, Problem> {
        let invalid = |setting: &str| Problem::ConfigurationInvalid {
            what: format!("{name}: updates.{setting}"),
        };
        // The endpoint follows the HTTP client's rules: https, or plain http to this computer.
        let endpoint = Url::parse(self.endpoint.trim())
            .ok()
            .filter(|url| ensure_secure(url).is_ok() && url.username().is_empty())
            .ok_or_else(|| invalid("endpoint (https://…, or http://127.0.0.1:port/…)"))?;
        let pubkey = self.pubkey.trim().to_owned();
        if !is_public_key(&pubkey) {
            return Err(invalid(
                "pubkey (the public key `tauri signer generate` printed)",
            ));
        }
        Ok(UpdateSettings { endpoint, pubkey })
    }
}

/// Whether `pubkey` is a minisign public key in the form Tauri's updater reads: base64 of the
/// key file (an untrusted comment line, then the key).
fn is_public_key(pubkey: &str) -> bool {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(pubkey)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .is_some_and(|text| minisign_verify::PublicKey::decode(&text).is_ok())
}

/// Whether the file an update manifest names may be downloaded: the same rules as the endpoint
/// (the signature protects its content, this keeps it off plain http to other computers).
pub fn check_download(url: &Url) -> Result<(), Problem> {
    ensure_secure(url).map_err(|_| Problem::UpdateUnreachable)
}

/// Whether a verified update may be installed now: never while a wizard is mid-way (restarting
/// would throw away what the admin entered).
pub fn may_install(wizard_mid_way: bool) -> Result<(), Problem> {
    if wizard_mid_way {
        Err(Problem::UpdateWaitsForWizard)
    } else {
        Ok(())
    }
}

/// Why an update went no further, as the glue classifies the updater's errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateFailure {
    /// The signature did not verify with the configured key (or was for another version).
    NotVerified,
    /// The server or the download could not be reached, or answered something unreadable.
    Unreachable,
    /// Verified, but it could not be put in place.
    NotInstalled,
}

impl UpdateFailure {
    /// The problem to show for an update to `version`.
    pub fn problem(self, version: &str) -> Problem {
        let version = version.to_owned();
        match self {
            UpdateFailure::NotVerified => Problem::UpdateNotVerified { version },
            UpdateFailure::Unreachable => Problem::UpdateUnreachable,
            UpdateFailure::NotInstalled => Problem::UpdateNotInstalled { version },
        }
    }

    /// Whether the admin is told at once: a refused update may mean a tampered server; an
    /// unreachable one is only logged (HR Link looks again at its next start).
    pub fn tell_admin(self) -> bool {
        !matches!(self, UpdateFailure::Unreachable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A public key in `tauri signer generate`'s form (its bytes made up: only the form is
    /// checked here; the signature tests are the glue's, with a key pair made in the test).
    const TEST_PUBKEY: &str = "dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXk6IDI4RDUyMTVCRTM3M0MxMDkKUldRSndYUGpXeUhWS0pBT2pSQUF5NlczTjlybEp1cS9aS2Q3eVhWSmh5MVpobnBhTlpTZG0zNm8K";

    fn raw(endpoint: &str, pubkey: &str) -> RawUpdates {
        RawUpdates {
            endpoint: endpoint.to_owned(),
            pubkey: pubkey.to_owned(),
        }
    }

    #[test]
    fn endpoints_follow_the_http_clients_rules() {
        for good in [
            "https://updates.example/hrlink/{{target}}/{{current_version}}",
            "http://127.0.0.1:4300/latest.json",
            "http://[::1]:4300/latest.json",
        ] {
            let settings = raw(good, TEST_PUBKEY).into_settings("hrlink.toml");
            assert!(settings.is_ok(), "{good}: {settings:?}");
        }
        for bad in [
            "http://updates.example/latest.json",
            "ftp://127.0.0.1/latest.json",
            "https://user@updates.example/latest.json",
            "latest.json",
        ] {
            assert_eq!(
                raw(bad, TEST_PUBKEY).into_settings("hrlink.toml"),
                Err(Problem::ConfigurationInvalid {
                    what: "hrlink.toml: updates.endpoint (https://…, or http://127.0.0.1:port/…)"
                        .into()
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_key_must_be_a_minisign_public_key() {
        let endpoint = "https://updates.example/latest.json";
        for bad in ["", "not base64!", "aGVsbG8=", &TEST_PUBKEY[..40]] {
            let refused = raw(endpoint, bad).into_settings("hrlink.toml");
            assert!(
                matches!(&refused, Err(Problem::ConfigurationInvalid { what }) if what.contains("updates.pubkey")),
                "{bad}: {refused:?}"
            );
        }
    }

    #[test]
    fn downloads_follow_the_same_rules() {
        let url = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            check_download(&url("https://cdn.example/hr.AppImage")),
            Ok(())
        );
        assert_eq!(
            check_download(&url("http://127.0.0.1:9/hr.AppImage")),
            Ok(())
        );
        assert_eq!(
            check_download(&url("http://cdn.example/hr.AppImage")),
            Err(Problem::UpdateUnreachable)
        );
    }

    #[test]
    fn never_installs_while_a_wizard_is_mid_way() {
        assert_eq!(may_install(true), Err(Problem::UpdateWaitsForWizard));
        assert_eq!(may_install(false), Ok(()));
    }

    #[test]
    fn a_refused_update_is_told_an_unreachable_one_only_logged() {
        assert_eq!(
            UpdateFailure::NotVerified.problem("0.3.0"),
            Problem::UpdateNotVerified {
                version: "0.3.0".into()
            }
        );
        assert!(UpdateFailure::NotVerified.tell_admin());
        assert!(UpdateFailure::NotInstalled.tell_admin());
        assert!(!UpdateFailure::Unreachable.tell_admin());
    }
}
