//! Calling a provider's API with an OAuth bearer token, and judging permissions (scopes) from
//! probes and from the granted-scope list. Shared by the OAuth providers' adapters.

use serde::de::DeserializeOwned;
use url::Url;

use super::OAuthTokens;
use crate::Problem;
use crate::config::Permissions;
use crate::http::HttpClient;
use crate::providers::catalogue::ProviderId;
use crate::providers::support::{Probe, decode, send_authorised, unexpected_status};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{PermissionCheck, PermissionStatus};

/// GETs `url` with the access token and decodes the JSON answer; 403 is [`Probe::Denied`].
///
/// Unlike a key-based provider's 401 ("credentials rejected"), a refused bearer token means the
/// provider no longer accepts the sign-in (withdrawn, expired): sign in again.
pub(crate) async fn get_json<T: DeserializeOwned>(
    http: &HttpClient,
    provider: ProviderId,
    url: Url,
    tokens: &OAuthTokens,
) -> Result<T, Probe> {
    let response = send_authorised(http, provider, url, &tokens.access_token)
        .await
        .map_err(Probe::Failed)?;
    match response.status.as_u16() {
        200 => decode(provider, &response).map_err(Probe::Failed),
        403 => Err(Probe::Denied),
        401 => Err(Probe::Failed(Problem::for_provider(provider, |provider| {
            Problem::SignInExpired { provider }
        }))),
        _ => Err(Probe::Failed(unexpected_status(provider, &response))),
    }
}

/// Judges every permission the product needs, reporting a step for each: `probed` holds the
/// scopes a probe answered for (true = granted); the rest are judged from the granted-scope list.
pub(crate) async fn check_permissions(
    progress: &dyn ProgressSink,
    permissions: &Permissions,
    tokens: &OAuthTokens,
    probed: &[(&str, bool)],
) -> Vec<PermissionCheck> {
    let mut checks = Vec::new();
    for (scope, required) in permissions.iter() {
        let probe = probed
            .iter()
            .find(|(probed, _)| *probed == scope)
            .map(|(_, granted)| *granted);
        let status = permission_status(probe, tokens, scope);
        let judged = async {
            match status {
                PermissionStatus::Missing => Err(()),
                PermissionStatus::Granted | PermissionStatus::Unknown => Ok(()),
            }
        };
        let _ = step(progress, VerifyStep::Permission(scope.to_owned()), judged).await;
        checks.push(PermissionCheck {
            id: scope.to_owned(),
            required,
            status,
        });
    }
    checks
}

/// A permission's verdict: a probe, when one was made, is the truth; otherwise the token
/// response's `scope` list; otherwise unknown (the provider did not say).
pub(crate) fn permission_status(
    probe: Option<bool>,
    tokens: &OAuthTokens,
    scope: &str,
) -> PermissionStatus {
    match probe.or_else(|| tokens.grants(scope)) {
        Some(true) => PermissionStatus::Granted,
        Some(false) => PermissionStatus::Missing,
        None => PermissionStatus::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use secrecy::SecretString;

    use super::*;

    fn tokens(scopes: Option<&[&str]>) -> OAuthTokens {
        OAuthTokens {
            access_token: SecretString::from("t"),
            refresh_token: None,
            expires_at: None,
            granted_scopes: scopes.map(|s| s.iter().map(|s| (*s).to_owned()).collect()),
        }
    }

    #[test]
    fn probes_win_over_the_scope_list() {
        let listed = tokens(Some(&["employees"]));
        assert_eq!(
            permission_status(Some(false), &listed, "employees"),
            PermissionStatus::Missing
        );
        assert_eq!(
            permission_status(None, &listed, "employees"),
            PermissionStatus::Granted
        );
        assert_eq!(
            permission_status(None, &listed, "payslips"),
            PermissionStatus::Missing
        );
        let unlisted = tokens(None);
        assert_eq!(
            permission_status(None, &unlisted, "payslips"),
            PermissionStatus::Unknown
        );
        assert_eq!(
            permission_status(Some(true), &unlisted, "payslips"),
            PermissionStatus::Granted
        );
    }
}
