//! The HR systems HR Link connects to: one module per provider plus the catalogue data that the
//! wizard, the verification and the CLI share.

pub mod employmenthero;
pub mod guide;
pub mod hrworks;
pub mod ipayroll;
pub mod iris;

use serde::{Deserialize, Serialize};

/// An HR or payroll system HR Link can connect to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProviderId {
    /// iPayroll (New Zealand payroll), OAuth 2.0.
    Ipayroll,
    /// IRIS HR Professional (UK HR), API user name + password.
    Iris,
    /// HRworks (German HR), access key + secret access key.
    Hrworks,
    /// Employment Hero (Australian HR platform), OAuth 2.0 with PKCE.
    Employmenthero,
}

/// How the admin hands credentials over for a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// An access key pair, pasted or loaded from the downloaded key file.
    KeyPair,
    /// A generated API user name and password.
    UsernamePassword,
    /// Sign-in in the system browser (OAuth authorisation code).
    BrowserSignIn,
}

impl ProviderId {
    /// Every provider, in the order the wizard lists them.
    pub const ALL: [ProviderId; 4] = [
        ProviderId::Ipayroll,
        ProviderId::Iris,
        ProviderId::Hrworks,
        ProviderId::Employmenthero,
    ];

    /// The name people know the system by.
    pub fn display_name(self) -> &'static str {
        match self {
            ProviderId::Ipayroll => "iPayroll",
            ProviderId::Iris => "IRIS HR Professional",
            ProviderId::Hrworks => "HRworks",
            ProviderId::Employmenthero => "Employment Hero",
        }
    }

    /// The stable identifier used in files, the CLI and the endpoints file.
    pub fn slug(self) -> &'static str {
        match self {
            ProviderId::Ipayroll => "ipayroll",
            ProviderId::Iris => "iris",
            ProviderId::Hrworks => "hrworks",
            ProviderId::Employmenthero => "employmenthero",
        }
    }

    /// Parses a slug as written on the command line or in files.
    pub fn from_slug(slug: &str) -> Option<ProviderId> {
        ProviderId::ALL
            .into_iter()
            .find(|p| p.slug().eq_ignore_ascii_case(slug.trim()))
    }

    /// How credentials are handed over for this provider.
    pub fn credential_kind(self) -> CredentialKind {
        match self {
            ProviderId::Hrworks => CredentialKind::KeyPair,
            ProviderId::Iris => CredentialKind::UsernamePassword,
            ProviderId::Ipayroll | ProviderId::Employmenthero => CredentialKind::BrowserSignIn,
        }
    }

    /// Where the system is sold, shown next to its name.
    pub fn region(self) -> &'static str {
        match self {
            ProviderId::Ipayroll => "NZ",
            ProviderId::Iris => "UK",
            ProviderId::Hrworks => "DE",
            ProviderId::Employmenthero => "AU",
        }
    }
}

use crate::Problem;
use crate::http::HttpFailure;

/// Turns a transport failure into the problem to show, in the provider's name.
pub(crate) fn failure_problem(provider: ProviderId, failure: HttpFailure) -> Problem {
    let name = provider.display_name().to_owned();
    match failure {
        HttpFailure::Insecure => Problem::InsecureEndpoint { provider: name },
        HttpFailure::Unreachable | HttpFailure::Tls => {
            Problem::ProviderUnreachable { provider: name }
        }
        HttpFailure::ConnectionLost => Problem::ProviderConnectionLost { provider: name },
        HttpFailure::Timeout => Problem::ProviderTimeout { provider: name },
        HttpFailure::RateLimited { retry_after } => Problem::ProviderRateLimited {
            provider: name,
            retry_after_seconds: retry_after
                .map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX)),
        },
        HttpFailure::ServerError(_) => Problem::ProviderServerError { provider: name },
        HttpFailure::Redirect | HttpFailure::TooLarge | HttpFailure::NotJson => {
            Problem::ProviderUnexpectedResponse { provider: name }
        }
    }
}

// --- Shared by the adapters that sign in and then probe with a bearer token. ---

/// Why a permission probe did not come back granted.
pub(crate) enum Probe {
    /// The HR system refused the call (403): the permission is not granted.
    Denied,
    /// The probe failed for another reason (transport, 5xx, a revoked token, an odd answer),
    /// so it says nothing about the permission.
    Failed(Problem),
}

impl Probe {
    /// The permission's status for a probe's outcome. A failure's problem is recorded once in
    /// `problems`: four probes failing on the same outage are one problem for the admin.
    pub(crate) fn verdict(
        outcome: Result<(), Probe>,
        problems: &mut Vec<Problem>,
    ) -> crate::verify::PermissionStatus {
        use crate::verify::PermissionStatus;
        match outcome {
            Ok(()) => PermissionStatus::Granted,
            Err(Probe::Denied) => PermissionStatus::Missing,
            Err(Probe::Failed(problem)) => {
                note(problems, problem);
                PermissionStatus::Unknown
            }
        }
    }
}

/// Records a problem once: several probes failing on the same outage are one problem for the
/// admin.
pub(crate) fn note(problems: &mut Vec<Problem>, problem: Problem) {
    if !problems.contains(&problem) {
        problems.push(problem);
    }
}

/// Pairs an adapter's permission list `(id, required)` with its probes' verdicts, in order.
pub(crate) fn permission_checks<const N: usize>(
    specs: &[(&str, bool); N],
    statuses: [crate::verify::PermissionStatus; N],
) -> Vec<crate::verify::PermissionCheck> {
    specs
        .iter()
        .zip(statuses)
        .map(|((id, required), status)| crate::verify::PermissionCheck {
            id: (*id).to_owned(),
            required: *required,
            status,
        })
        .collect()
}

/// The problem for credentials the HR system refused.
pub(crate) fn credentials_rejected(provider: ProviderId) -> Problem {
    Problem::for_provider(provider, |provider| Problem::CredentialsRejected {
        provider,
    })
}

/// The problem for a status the contract does not foresee: a 5xx that survived the retries is
/// the provider's fault, anything else is an unexpected answer (a proxy, a wrong address).
pub(crate) fn unexpected_status(provider: ProviderId, response: &crate::http::Response) -> Problem {
    let failure = if response.status.is_server_error() {
        HttpFailure::ServerError(response.status.as_u16())
    } else {
        HttpFailure::NotJson
    };
    failure_problem(provider, failure)
}

/// Decodes a JSON body, or names the answer unexpected (HTML, malformed, wrong shape).
pub(crate) fn decode<T: serde::de::DeserializeOwned>(
    provider: ProviderId,
    response: &crate::http::Response,
) -> Result<T, Problem> {
    response.json().map_err(|f| failure_problem(provider, f))
}

/// Posts a JSON body (a sign-in); transport failures become problems, the status is the
/// caller's to judge.
pub(crate) async fn post_json<T: serde::Serialize>(
    http: &crate::http::HttpClient,
    provider: ProviderId,
    url: url::Url,
    body: &T,
) -> Result<crate::http::Response, Problem> {
    let request = http.request(reqwest::Method::POST, url).json(body);
    http.send(request)
        .await
        .map_err(|f| failure_problem(provider, f))
}

/// Sends a GET with the bearer token; transport failures become problems, statuses are the
/// caller's (see [`probe_status`]).
pub(crate) async fn send_authorised(
    http: &crate::http::HttpClient,
    provider: ProviderId,
    url: url::Url,
    token: &secrecy::SecretString,
) -> Result<crate::http::Response, Problem> {
    use secrecy::ExposeSecret;
    // `bearer_auth` marks the header sensitive, so it is redacted wherever headers are printed.
    let request = http
        .request(reqwest::Method::GET, url)
        .bearer_auth(token.expose_secret());
    http.send(request)
        .await
        .map_err(|f| failure_problem(provider, f))
}

/// Reads a probe's status: 200 is the answer, 403 a permission not granted, 401 a token refused
/// right after it was issued (the credentials were revoked meanwhile), anything else unexpected.
pub(crate) fn probe_status(
    provider: ProviderId,
    response: crate::http::Response,
) -> Result<crate::http::Response, Probe> {
    match response.status.as_u16() {
        200 => Ok(response),
        403 => Err(Probe::Denied),
        401 => Err(Probe::Failed(credentials_rejected(provider))),
        _ => Err(Probe::Failed(unexpected_status(provider, &response))),
    }
}

/// [`send_authorised`] then [`probe_status`]: the usual permission probe.
pub(crate) async fn authorised_get(
    http: &crate::http::HttpClient,
    provider: ProviderId,
    url: url::Url,
    token: &secrecy::SecretString,
) -> Result<crate::http::Response, Probe> {
    let response = send_authorised(http, provider, url, token)
        .await
        .map_err(Probe::Failed)?;
    probe_status(provider, response)
}

/// A permission probe that needs only the status, for endpoints whose answer is large (an
/// unpaged list): the body is never downloaded. A 200 that is not JSON (a proxy's HTML page) is
/// still refused, judged by its `Content-Type`.
pub(crate) async fn authorised_status(
    http: &crate::http::HttpClient,
    provider: ProviderId,
    url: url::Url,
    token: &secrecy::SecretString,
) -> Result<(), Probe> {
    use secrecy::ExposeSecret;
    let request = http
        .request(reqwest::Method::GET, url)
        .bearer_auth(token.expose_secret());
    let response = http
        .send_for_status(request)
        .await
        .map_err(|f| Probe::Failed(failure_problem(provider, f)))?;
    let response = probe_status(provider, response)?;
    let is_json = response
        .headers
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.to_ascii_lowercase().contains("json"));
    if is_json {
        Ok(())
    } else {
        Err(Probe::Failed(failure_problem(
            provider,
            HttpFailure::NotJson,
        )))
    }
}

/// An identifier that providers send as a string or a number, as text.
pub(crate) fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_ignore_case() {
        for provider in ProviderId::ALL {
            assert_eq!(ProviderId::from_slug(provider.slug()), Some(provider));
            assert_eq!(
                ProviderId::from_slug(&provider.slug().to_uppercase()),
                Some(provider)
            );
        }
        assert_eq!(ProviderId::from_slug("personio"), None);
    }

    #[test]
    fn serde_names_match_slugs() {
        for provider in ProviderId::ALL {
            let json = serde_json::to_string(&provider).unwrap();
            assert_eq!(json, format!("\"{}\"", provider.slug()));
        }
    }
}
