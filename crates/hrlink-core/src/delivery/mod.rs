//! Cloud delivery: the sealed hand-off of a verified connection to the product's backend
//! (`shared/HANDOFF.md` §2).
//!
//! 1. [`EnrollmentCode::parse`] reads the code the admin types; [`Backend::redeem`] turns it into
//!    an [`Enrollment`]: whose tenant, which HR system, the product's OAuth clients and the key
//!    to seal to.
//! 2. Browser sign-ins (§2.3): HR Link signs in with the product's client id and hands the code
//!    and PKCE verifier over, sealed ([`Backend::oauth_exchange`]); the backend keeps the refresh
//!    token, HR Link gets a short-lived access token for verification only.
//! 3. [`Backend::deliver_connection`] sends the verified connection ([`document`]), sealed;
//!    after a 201, [`DeliveredStore::keep`] keeps a non-secret profile and the status token.
//! 4. [`Backend::connection_status`] asks the product how a delivered connection is doing.
//!
//! Where secrets go is decided by one value, the [`Origin`] from `hrlink.toml`: every URL is
//! built from it and fixed path templates, ids from answers must be plain path segments, no
//! redirect is followed, and nothing in a code, a link or an answer can name an address.

mod client;
mod code;
pub mod document;
mod flow;
mod seal;
mod sign_in;
mod store;
mod wire;

use serde::Deserialize;
use url::Url;

pub use client::{Backend, CodeHandover, Delivered};
pub use code::EnrollmentCode;
pub use document::{ConnectionDocument, PeopleConfirmation};
pub use flow::{CloudDelivery, DeliveryReceipt, EnrollmentSummary};
pub use seal::{
    AEAD_NAME, Envelope, KDF_NAME, KEM_NAME, Purpose, RawRecipient, Recipient, SealError, seal,
};
pub use sign_in::{product_permissions, sign_in_for_product};
pub use store::{DeliveredProfile, DeliveredStore};
pub use wire::{
    AccountRef, ConnectionHealth, Creator, DeliveredStatus, Enrollment, ProductOAuthClient,
    Reauthorise, Tenant,
};

use crate::Problem;
use crate::http::ensure_secure;

/// The one place connections may be sent: scheme, host and port of the product's backend,
/// https (plain http only to loopback, for tests and the Sandbox). Made only from the
/// integration configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin(Url);

impl Origin {
    /// Accepts `https://host[:port]` (or loopback `http://`), with no path, query, fragment or
    /// user name; `None` otherwise.
    pub fn parse(text: &str) -> Option<Origin> {
        let url = Url::parse(text.trim()).ok()?;
        let bare = matches!(url.path(), "" | "/")
            && url.query().is_none()
            && url.fragment().is_none()
            && url.username().is_empty()
            && url.password().is_none()
            && url.host().is_some();
        (bare && ensure_secure(&url).is_ok()).then_some(Origin(url))
    }

    /// `{origin}/seg/ments`, each segment escaped (as the provider adapters do with ids), so an
    /// id the backend chose cannot change the path, add a query or leave the origin.
    fn join(&self, segments: &[&str]) -> Url {
        let mut url = self.0.clone();
        url.set_path("");
        if let Ok(mut path) = url.path_segments_mut() {
            path.clear().extend(segments);
        }
        url
    }

    /// The origin as text, without a trailing slash (`https://app.example`).
    pub fn as_str(&self) -> &str {
        self.0.as_str().trim_end_matches('/')
    }
}

/// How a verified connection reaches the product (`[delivery]` in `hrlink.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DeliveryMode {
    /// The product runs on this computer and asks HR Link for access (HANDOFF.md §1).
    #[default]
    Local,
    /// The product's backend at this origin receives the connection (§2).
    Cloud(Origin),
}

/// The `[delivery]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDelivery {
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    origin: Option<String>,
}

impl RawDelivery {
    /// Checks the table; problems name the file and the setting, never a value.
    pub(crate) fn into_mode(self, name: &str) -> Result<DeliveryMode, Problem> {
        let invalid = |setting: &str| Problem::ConfigurationInvalid {
            what: format!("{name}: delivery.{setting}"),
        };
        match self.mode.as_deref().unwrap_or("local") {
            "local" if self.origin.is_none() => Ok(DeliveryMode::Local),
            "local" => Err(invalid("origin (only for mode = \"cloud\")")),
            "cloud" => {
                let origin = self.origin.ok_or_else(|| invalid("origin"))?;
                Origin::parse(&origin)
                    .map(DeliveryMode::Cloud)
                    .ok_or_else(|| invalid("origin (https://host, or http://127.0.0.1:port)"))
            }
            _ => Err(invalid("mode")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_bare_and_secure() {
        for good in [
            "https://app.acme-rostering.example",
            "https://app.acme-rostering.example/",
            "https://app.acme-rostering.example:8443",
            "http://127.0.0.1:4100",
            "http://[::1]:4100",
        ] {
            assert!(Origin::parse(good).is_some(), "{good}");
        }
        for bad in [
            "http://app.acme-rostering.example",
            "https://app.acme-rostering.example/hrlink",
            "https://app.acme-rostering.example/?next=x",
            "https://user@app.acme-rostering.example",
            "ftp://127.0.0.1",
            "not a url",
        ] {
            assert!(Origin::parse(bad).is_none(), "{bad}");
        }
        let origin = Origin::parse("https://app.example/").unwrap();
        assert_eq!(origin.as_str(), "https://app.example");
        assert_eq!(
            origin
                .join(&["hrlink", "v1", "enrollments", "redeem"])
                .as_str(),
            "https://app.example/hrlink/v1/enrollments/redeem"
        );
    }

    #[test]
    fn the_delivery_table_is_checked() {
        let raw = |mode: Option<&str>, origin: Option<&str>| RawDelivery {
            mode: mode.map(str::to_owned),
            origin: origin.map(str::to_owned),
        };
        assert_eq!(raw(None, None).into_mode("f"), Ok(DeliveryMode::Local));
        assert_eq!(
            raw(Some("cloud"), Some("https://app.example")).into_mode("f"),
            Ok(DeliveryMode::Cloud(
                Origin::parse("https://app.example").unwrap()
            ))
        );
        for (mode, origin) in [
            (Some("cloud"), None),
            (Some("cloud"), Some("http://app.example")),
            (Some("local"), Some("https://app.example")),
            (Some("email"), None),
        ] {
            assert!(
                matches!(
                    raw(mode, origin).into_mode("f"),
                    Err(Problem::ConfigurationInvalid { .. })
                ),
                "{mode:?} {origin:?}"
            );
        }
    }
}
