//! Proving a connection: authenticate, find the account, probe each permission, count people.
//!
//! Independent probes run concurrently and report progress as they start and finish. The result
//! is a [`VerificationReport`]: everything the wizard and `hrlink verify` show.

use serde::Serialize;

use crate::http::HttpClient;
use crate::{Endpoints, Problem, ProviderId};

/// The organisation or account the credentials reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Account {
    /// The provider's id for it (for iPayroll the organisation number).
    pub id: String,
    /// Its display name, as the admin knows it.
    pub name: String,
}

/// Whether a permission is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PermissionStatus {
    /// The probe succeeded.
    Granted,
    /// The HR system refused the probe: not granted.
    Missing,
    /// The probe could not tell (the HR system failed to answer).
    Unknown,
}

/// One permission's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionCheck {
    /// The permission's id in the provider's own terms (e.g. `persons.master-data`).
    pub id: String,
    /// Whether the integration cannot work without it.
    pub required: bool,
    /// What the probe found.
    pub status: PermissionStatus,
}

/// How many people the integration will see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleCount {
    /// Number of people records.
    pub count: u32,
}

/// The outcome of verifying one set of credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerificationReport {
    /// The HR system.
    pub provider: ProviderId,
    /// True when authenticated and every required permission is granted.
    pub ok: bool,
    /// The account reached, when authentication succeeded.
    pub account: Option<Account>,
    /// Every permission probed, required ones first.
    pub permissions: Vec<PermissionCheck>,
    /// The people count, when it could be read.
    pub people: Option<PeopleCount>,
    /// Everything that went wrong, most important first.
    pub problems: Vec<Problem>,
}

/// A step of the verification, for the live checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum VerifyStep {
    /// Signing in with the credentials.
    Authenticate,
    /// Finding out which organisation was reached.
    Account,
    /// Probing one permission.
    Permission(String),
    /// Counting the people records.
    People,
}

impl VerifyStep {
    /// The step probing permission `id`.
    pub fn permission(id: &str) -> VerifyStep {
        VerifyStep::Permission(id.to_owned())
    }
}

/// Progress of a running verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum VerifyProgress {
    /// A step began.
    Started {
        /// Which step.
        step: VerifyStep,
    },
    /// A step ended.
    Finished {
        /// Which step.
        step: VerifyStep,
        /// Whether it succeeded.
        ok: bool,
    },
}

/// Receives progress; must be cheap (it runs on the verification's tasks).
pub trait ProgressSink: Sync {
    /// Called for each progress event.
    fn report(&self, progress: VerifyProgress);
}

impl<F: Fn(VerifyProgress) + Sync> ProgressSink for F {
    fn report(&self, progress: VerifyProgress) {
        self(progress)
    }
}

/// Runs `probe` between a Started and a Finished event for `step`.
pub(crate) async fn step<T, E>(
    sink: &dyn ProgressSink,
    step: VerifyStep,
    probe: impl Future<Output = Result<T, E>>,
) -> Result<T, E> {
    sink.report(VerifyProgress::Started { step: step.clone() });
    let outcome = probe.await;
    sink.report(VerifyProgress::Finished {
        step,
        ok: outcome.is_ok(),
    });
    outcome
}

/// What the admin handed over, ready to verify.
#[derive(Debug)]
pub enum Credentials {
    /// An HRworks key pair.
    Hrworks(crate::credentials::HrworksKeyPair),
    /// An iPayroll browser sign-in (OAuth tokens and the permissions to judge them by).
    Ipayroll(crate::providers::ipayroll::IpayrollGrant),
    /// An Employment Hero browser sign-in (OAuth tokens, permissions, chosen organisation).
    Employmenthero(crate::providers::employmenthero::EmploymentHeroGrant),
    /// An IRIS HR Professional API user's login.
    Iris(crate::credentials::IrisLogin),
}

impl Credentials {
    /// Parses what the admin pasted or loaded (a key file, IRIS text) for providers whose
    /// credentials are text. Browser sign-in providers use [`Credentials::sign_in`].
    pub fn from_text(provider: ProviderId, bytes: &[u8]) -> Result<Credentials, Problem> {
        match provider {
            ProviderId::Hrworks => {
                crate::credentials::hrworks::parse_key_file(bytes).map(Credentials::Hrworks)
            }
            ProviderId::Iris => {
                let text =
                    std::str::from_utf8(bytes).map_err(|_| Problem::IrisCredentialsUnrecognised)?;
                crate::credentials::parse_iris_credentials(text).map(Credentials::Iris)
            }
            ProviderId::Ipayroll | ProviderId::Employmenthero => {
                Err(Problem::ConfigurationInvalid {
                    what: format!("{} signs in through the browser", provider.display_name()),
                })
            }
        }
    }

    /// Signs in through the system browser for the OAuth providers (iPayroll, Employment Hero).
    pub async fn sign_in(
        provider: ProviderId,
        http: &HttpClient,
        endpoints: &Endpoints,
        oauth: &crate::config::OAuthProviderConfig,
        options: &crate::oauth::SignInOptions<'_>,
    ) -> Result<Credentials, Problem> {
        use crate::providers::{employmenthero, ipayroll};
        let endpoints = endpoints.require(provider)?;
        match provider {
            ProviderId::Ipayroll => ipayroll::sign_in(http, endpoints, oauth, options)
                .await
                .map(Credentials::Ipayroll),
            ProviderId::Employmenthero => employmenthero::sign_in(http, endpoints, oauth, options)
                .await
                .map(Credentials::Employmenthero),
            ProviderId::Hrworks | ProviderId::Iris => Err(Problem::ConfigurationInvalid {
                what: format!(
                    "{} does not sign in through the browser",
                    provider.display_name()
                ),
            }),
        }
    }

    /// What to show so the admin can tell which credentials these are, without the secret: the
    /// masked access key or user name; empty for a browser sign-in (the account says it).
    pub fn hint(&self) -> String {
        match self {
            Credentials::Hrworks(keys) => crate::credentials::mask_tail(&keys.access_key),
            Credentials::Iris(login) => crate::credentials::mask_tail(&login.username),
            Credentials::Ipayroll(_) | Credentials::Employmenthero(_) => String::new(),
        }
    }

    /// The HR system these credentials are for.
    pub fn provider(&self) -> ProviderId {
        match self {
            Credentials::Hrworks(_) => ProviderId::Hrworks,
            Credentials::Ipayroll(_) => ProviderId::Ipayroll,
            Credentials::Employmenthero(_) => ProviderId::Employmenthero,
            Credentials::Iris(_) => ProviderId::Iris,
        }
    }
}

/// Verifies credentials against the provider at `endpoints`.
pub async fn verify(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let provider = credentials.provider();
    let endpoints = match endpoints.require(provider) {
        Ok(endpoints) => endpoints,
        Err(problem) => return VerificationReport::failed(provider, problem),
    };
    match credentials {
        Credentials::Hrworks(keys) => {
            crate::providers::hrworks::verify(http, endpoints, keys, progress).await
        }
        Credentials::Ipayroll(grant) => {
            crate::providers::ipayroll::verify(http, endpoints, grant, progress).await
        }
        Credentials::Employmenthero(grant) => {
            crate::providers::employmenthero::verify(http, endpoints, grant, progress).await
        }
        Credentials::Iris(login) => {
            crate::providers::iris::verify(http, endpoints, login, progress).await
        }
    }
}

impl VerificationReport {
    /// A report for a verification that could not start or authenticate.
    pub fn failed(provider: ProviderId, problem: Problem) -> VerificationReport {
        VerificationReport {
            provider,
            ok: false,
            account: None,
            permissions: Vec::new(),
            people: None,
            problems: vec![problem],
        }
    }

    /// Assembles a report, deriving `ok` and adding a problem per missing required permission.
    pub fn assemble(
        provider: ProviderId,
        account: Option<Account>,
        mut permissions: Vec<PermissionCheck>,
        people: Option<PeopleCount>,
        mut problems: Vec<Problem>,
    ) -> VerificationReport {
        permissions.sort_by_key(|p| !p.required);
        let missing: Vec<Problem> = permissions
            .iter()
            .filter(|p| p.required && p.status == PermissionStatus::Missing)
            .map(|p| Problem::PermissionMissing {
                provider: provider.display_name().to_owned(),
                permission: p.id.clone(),
            })
            .collect();
        problems.splice(0..0, missing);
        let all_required_granted = permissions
            .iter()
            .filter(|p| p.required)
            .all(|p| p.status == PermissionStatus::Granted);
        VerificationReport {
            provider,
            ok: account.is_some() && all_required_granted && problems.is_empty(),
            account,
            permissions,
            people,
            problems,
        }
    }
}
