//! What the product's backend answers (HANDOFF.md §2.1, §2.3–2.5), read strictly where HR Link
//! relies on a value and leniently elsewhere: unknown fields are ignored (a newer backend may
//! add some), but nothing in an answer can name an address. Ids that go into a path are
//! escaped into one segment.

use std::collections::BTreeMap;

use crate::mapping::Categories;
use serde::{Deserialize, Serialize};

use super::seal::{RawRecipient, Recipient};
use crate::ProviderId;

/// The tenant (the product's customer) an enrollment belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Tenant {
    /// The product's id for it.
    pub id: String,
    /// Its name, which the admin must recognise before anything else happens.
    pub name: String,
}

/// Who created the code in the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Creator {
    /// Their name.
    pub name: String,
    /// Their email address.
    pub email: String,
}

/// An HR system's account, as the product knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountRef {
    /// The HR system's id for it.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A re-authorisation the product asks for: the connection and the account it must reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reauthorise {
    /// The delivered connection being renewed.
    pub connection_id: String,
    /// Its HR system (a slug such as `hrworks`).
    pub provider: String,
    /// The account it was made for: the new credentials must reach this one.
    pub account: AccountRef,
}

/// The product's OAuth client for one browser-sign-in provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductOAuthClient {
    /// The product's `client_id`.
    pub client_id: String,
    /// Its registered loopback port; 0 = any free port.
    pub redirect_port: u16,
    /// Its registered redirect path.
    #[serde(default = "default_redirect_path")]
    pub redirect_path: String,
}

fn default_redirect_path() -> String {
    "/callback".to_owned()
}

/// A redeem answer as sent (§2.1).
#[derive(Deserialize)]
pub(super) struct RawEnrollment {
    pub enrollment_id: String,
    pub token: String,
    pub expires_at: String,
    pub tenant: Tenant,
    #[serde(default)]
    pub created_by: Option<Creator>,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub reauthorise: Option<Reauthorise>,
    #[serde(default)]
    pub oauth: BTreeMap<String, ProductOAuthClient>,
    #[serde(default)]
    pub categories: Option<Categories>,
    pub recipient: RawRecipient,
}

/// A redeemed enrollment: everything HR Link needs for the rest of the hand-off. The bearer
/// token stays inside (see [`Enrollment::token`]); `Debug` never shows it.
#[derive(Clone)]
pub struct Enrollment {
    /// The enrollment's id (a plain path segment; the envelopes' `aad`).
    pub id: String,
    pub(super) token: secrecy::SecretString,
    /// When the enrollment stops working (RFC 3339, as sent).
    pub expires_at: String,
    /// Whose enrollment this is.
    pub tenant: Tenant,
    /// Who created the code, when the product said.
    pub created_by: Option<Creator>,
    /// The HR system the product chose, when it did (the wizard then skips the choice).
    pub provider: Option<ProviderId>,
    /// A re-authorisation the product asks for.
    pub reauthorise: Option<Reauthorise>,
    /// The product's OAuth clients, by provider.
    pub oauth: BTreeMap<String, ProductOAuthClient>,
    /// The product's categories, for the mapping step.
    pub categories: Option<Categories>,
    /// The key to seal to.
    pub recipient: Recipient,
}

impl std::fmt::Debug for Enrollment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrollment")
            .field("id", &self.id)
            .field("token", &"[redacted]")
            .field("tenant", &self.tenant)
            .field("provider", &self.provider)
            .field("reauthorise", &self.reauthorise)
            .finish_non_exhaustive()
    }
}

impl Enrollment {
    /// The HR system this enrollment is for, when the product fixed one (`provider`, or the
    /// re-authorised connection's).
    pub fn fixed_provider(&self) -> Option<ProviderId> {
        self.provider.or_else(|| {
            self.reauthorise
                .as_ref()
                .and_then(|r| ProviderId::from_slug(&r.provider))
        })
    }

    /// The product's OAuth client for `provider`.
    pub fn oauth_client(&self, provider: ProviderId) -> Option<&ProductOAuthClient> {
        self.oauth.get(provider.slug())
    }
}

impl RawEnrollment {
    /// Checks what HR Link relies on; `None` for an answer that breaks the protocol.
    pub(super) fn check(self) -> Option<Enrollment> {
        let provider = match &self.provider {
            None => None,
            Some(slug) => Some(ProviderId::from_slug(slug)?),
        };
        if let Some(reauthorise) = &self.reauthorise {
            ProviderId::from_slug(&reauthorise.provider)?;
        }
        if !is_backend_id(&self.enrollment_id) || self.token.is_empty() {
            return None;
        }
        Some(Enrollment {
            id: self.enrollment_id,
            token: self.token.into(),
            expires_at: self.expires_at,
            tenant: self.tenant,
            created_by: self.created_by,
            provider,
            reauthorise: self.reauthorise,
            oauth: self.oauth,
            categories: self.categories,
            recipient: Recipient::from_raw(&self.recipient).ok()?,
        })
    }
}

/// Whether an id the backend chose (an enrollment's or a connection's) can be used: HANDOFF.md
/// gives ids no shape, so any text is taken except what no id can be (empty, `.` or `..`, a
/// control character, or past 1 KiB). It is escaped wherever it goes into a path
/// ([`super::Origin`]) and hashed into file names ([`super::store`]).
pub(super) fn is_backend_id(id: &str) -> bool {
    (1..=1024).contains(&id.len()) && id != "." && id != ".." && !id.chars().any(char::is_control)
}

/// The backend's answer to an oauth-exchange (§2.3).
#[derive(Deserialize)]
pub(super) struct RawExchanged {
    pub access_token: String,
    pub token_type: String,
    #[serde(default)]
    pub expires_in: Option<u64>,
    #[serde(default)]
    pub scope: Option<String>,
}

/// The backend's answer to a delivered connection (§2.4).
#[derive(Deserialize)]
pub(super) struct RawDelivered {
    pub connection_id: String,
    pub status: String,
    pub status_token: String,
}

/// A delivered connection's health, as the product sees it (§2.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DeliveredStatus {
    /// Working.
    Connected,
    /// The HR system no longer accepts the credentials.
    FailedAuth,
    /// A permission the product needs is missing.
    MissingPermission,
    /// The product removed the connection.
    Removed,
}

/// The status answer (§2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConnectionHealth {
    /// What the product found.
    pub status: DeliveredStatus,
    /// Since when (RFC 3339).
    pub since: String,
    /// The product's words, when it gave any.
    #[serde(default)]
    pub detail: Option<String>,
}

/// An error body: `{"error": "…", …}`.
#[derive(Deserialize)]
pub(super) struct RawError {
    pub error: String,
    #[serde(default)]
    pub expected: Option<AccountRef>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_ids_take_any_text_but_what_no_id_can_be() {
        for good in [
            "enr_01HZX-9",
            "con.2026/12",
            "a b",
            "ä",
            "a%2Fb",
            &"x".repeat(1024),
        ] {
            assert!(is_backend_id(good), "{good:?}");
        }
        for bad in ["", ".", "..", "a\nb", "a\u{1b}]52", &"x".repeat(1025)] {
            assert!(!is_backend_id(bad), "{bad:?}");
        }
    }
}
