//! What the provider modules share: transport failures as problems in the provider's name,
//! permission probes, JSON decoding. Imports no provider module, so every one of them (and the
//! OAuth code) may use it.

use super::catalogue::ProviderId;
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
    ) -> crate::verify::report::PermissionStatus {
        use crate::verify::report::PermissionStatus;
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

/// Pairs the permissions HR Link asks `provider` for (its catalogue entry's, in order) with the
/// probes' verdicts, given in the same order.
pub(crate) fn permission_checks<const N: usize>(
    provider: ProviderId,
    statuses: [crate::verify::report::PermissionStatus; N],
) -> Vec<crate::verify::report::PermissionCheck> {
    debug_assert_eq!(provider.entry().asked().count(), N);
    provider
        .entry()
        .asked()
        .zip(statuses)
        .map(
            |((id, required), status)| crate::verify::report::PermissionCheck {
                id: id.to_owned(),
                required,
                status,
            },
        )
        .collect()
}

/// The problem for a secret of another kind than the provider takes: never built, as
/// [`crate::credentials::Credentials`] checks the kind, but answered rather than assumed.
pub(crate) fn wrong_kind(provider: ProviderId) -> Problem {
    Problem::ConfigurationInvalid {
        what: format!(
            "credentials of another kind than {}",
            provider.display_name()
        ),
    }
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
