//! The connection document (HANDOFF.md §2.4): what the product's backend receives, sealed,
//! once HR Link has verified the credentials (and the admin confirmed the people, when they
//! did). Built from the verification report and the credentials, and checked before anything
//! is sent: a re-authorisation that reached another company is refused here.

use secrecy::{ExposeSecret, SecretSlice};
use serde::Serialize;

use super::client::json_secret;
use super::wire::Enrollment;
use crate::connections::profile::normalise_name;
use crate::credentials::{Credentials, Secret};
use crate::mapping::Mapping;
use crate::verify::{PermissionStatus, VerificationReport};
use crate::{Problem, ProviderId};

/// The people the admin confirmed in the wizard's people step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeopleConfirmation {
    /// How many people the product will see.
    pub count: u32,
    /// When the admin confirmed them (RFC 3339).
    pub confirmed_at: String,
    /// The HR system's ids of the people the admin left out.
    pub excluded_ids: Vec<String>,
}

/// Everything the document says besides the credentials.
#[derive(Debug)]
pub struct ConnectionDocument<'a> {
    /// The enrollment it is delivered for.
    pub enrollment: &'a Enrollment,
    /// The verified credentials (HR Link's own browser sign-ins never reach here: in cloud mode
    /// the backend exchanged the code and holds the refresh token).
    pub credentials: &'a Credentials,
    /// The verification report; must be `ok` and have reached an account.
    pub report: &'a VerificationReport,
    /// The people confirmation, when the admin did it.
    pub people: Option<PeopleConfirmation>,
    /// The category mapping, when the admin did it.
    pub mapping: Option<Mapping>,
    /// When the credentials were verified (RFC 3339).
    pub verified_at: String,
}

#[derive(Serialize)]
struct Plain<'a> {
    version: u32,
    enrollment_id: &'a str,
    provider: &'static str,
    account: Account<'a>,
    credential: Credential<'a>,
    permissions: Permissions,
    people: Option<&'a PeopleConfirmation>,
    mapping: Option<&'a Mapping>,
    verified_at: &'a str,
    app: App,
}

#[derive(Serialize)]
struct Account<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Credential<'a> {
    KeyPair {
        access_key: &'a str,
        secret_access_key: &'a str,
    },
    Login {
        username: &'a str,
        password: &'a str,
    },
    OauthExchanged,
    ApiKey {
        api_key: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<&'a str>,
    },
}

#[derive(Serialize)]
struct Permissions {
    granted: Vec<String>,
    missing: Vec<String>,
    chosen: Vec<String>,
}

#[derive(Serialize)]
struct App {
    name: &'static str,
    version: &'static str,
}

impl ConnectionDocument<'_> {
    /// Checks the document against the enrollment and serialises it for sealing. Refuses,
    /// before anything is sent: an unverified report, credentials for another HR system than
    /// the product fixed, and (re-authorising) credentials that reached another account
    /// ([`Problem::DeliveryDifferentAccount`]).
    pub fn seal_ready(&self, product: &str) -> Result<SecretSlice<u8>, Problem> {
        let provider = self.credentials.provider();
        let account = self
            .report
            .account
            .as_ref()
            .filter(|_| self.report.ok && self.report.provider == provider)
            .ok_or_else(|| Problem::ConfigurationInvalid {
                what: "only verified credentials can be delivered".to_owned(),
            })?;
        check_provider(self.enrollment, provider)?;
        if let Some(reauthorise) = &self.enrollment.reauthorise {
            let expected = &reauthorise.account;
            let same = expected.id == account.id
                && normalise_name(&expected.name) == normalise_name(&account.name);
            if !same {
                return Err(Problem::DeliveryDifferentAccount {
                    product: product.to_owned(),
                    provider: provider.display_name().to_owned(),
                    expected: expected.name.clone(),
                    reached: account.name.clone(),
                });
            }
        }
        let ids = |status: PermissionStatus| {
            self.report
                .permissions
                .iter()
                .filter(|check| check.status == status)
                .map(|check| check.id.clone())
                .collect()
        };
        json_secret(&Plain {
            version: 1,
            enrollment_id: &self.enrollment.id,
            provider: provider.slug(),
            account: Account {
                id: &account.id,
                name: &account.name,
            },
            credential: credential(self.credentials),
            permissions: Permissions {
                granted: ids(PermissionStatus::Granted),
                missing: ids(PermissionStatus::Missing),
                chosen: self.report.chosen.clone().unwrap_or_default(),
            },
            people: self.people.as_ref(),
            mapping: self.mapping.as_ref(),
            verified_at: &self.verified_at,
            app: App {
                name: "HR Link",
                version: env!("CARGO_PKG_VERSION"),
            },
        })
    }
}

/// Refuses credentials for another HR system than the enrollment names, if it names one.
pub fn check_provider(enrollment: &Enrollment, provider: ProviderId) -> Result<(), Problem> {
    match enrollment.fixed_provider() {
        Some(fixed) if fixed != provider => Err(Problem::ConfigurationInvalid {
            what: format!("this code is for {}", fixed.display_name()),
        }),
        _ => Ok(()),
    }
}

fn credential(credentials: &Credentials) -> Credential<'_> {
    match credentials.secret() {
        Secret::KeyPair(keys) => Credential::KeyPair {
            access_key: &keys.access_key,
            secret_access_key: keys.secret_access_key.expose_secret(),
        },
        Secret::Login(login) => Credential::Login {
            username: &login.username,
            password: login.password.expose_secret(),
        },
        // HR Link's browser sign-ins in cloud mode: the backend exchanged the code.
        Secret::OAuth(_) => Credential::OauthExchanged,
        Secret::ApiKey(key) => Credential::ApiKey {
            api_key: key.key.expose_secret(),
            region: key.region.as_deref(),
        },
    }
}

/// Now, in RFC 3339 (UTC, whole seconds), as the document's times are written.
pub fn now_rfc3339() -> String {
    rfc3339(std::time::SystemTime::now())
}

/// `at` in RFC 3339 (UTC, whole seconds), as the document's times are written.
pub fn rfc3339(at: std::time::SystemTime) -> String {
    let at = time::OffsetDateTime::from(at);
    let at = at.replace_nanosecond(0).unwrap_or(at);
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
