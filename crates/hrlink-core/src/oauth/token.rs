//! The token endpoint: exchanging a code, refreshing, and the tokens that come back.
//!
//! The `oauth2` crate builds the requests and reads the answers; the transport is ours
//! ([`TokenHttp`]): the same timeouts and size cap as [`HttpClient`], https only (loopback
//! excepted), **no redirect followed at all** (a 3xx is an error: a redirected POST would carry
//! the client secret and the code elsewhere) and **no retry** (a code is single-use, and a
//! refresh whose answer was lost may already have rotated the refresh token).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::SystemTime;

use oauth2::basic::{BasicClient, BasicErrorResponse, BasicErrorResponseType, BasicTokenResponse};
use oauth2::{
    AsyncHttpClient, AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, EndpointNotSet,
    EndpointSet, HttpRequest, HttpResponse, RedirectUrl, RefreshToken, RequestTokenError,
    TokenResponse, TokenUrl,
};
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::{AuthorizationServer, OAuthClient, Pkce};
use crate::Problem;
use crate::http::{HttpClient, HttpFailure, ensure_secure};
use crate::providers::catalogue::ProviderId;
use crate::providers::support::failure_problem;

/// Tokens from a provider's token endpoint. Redacted `Debug`, no `Serialize`: they go to the
/// vault and to the provider's API, nowhere else.
#[derive(Clone)]
pub struct OAuthTokens {
    /// The bearer token for API calls.
    pub access_token: SecretString,
    /// The refresh token, when issued. Employment Hero rotates it on every refresh: store the
    /// newest, replacing the old one in one step.
    pub refresh_token: Option<SecretString>,
    /// When the access token expires, when the provider said (`expires_in`).
    pub expires_at: Option<SystemTime>,
    /// The scopes granted, when the token response lists them (`scope`); `None` when it does
    /// not say (then only probes can tell).
    pub granted_scopes: Option<Vec<String>>,
}

impl fmt::Debug for OAuthTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthTokens")
            .field("access_token", &"[redacted]")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "[redacted]"),
            )
            .field("expires_at", &self.expires_at)
            .field("granted_scopes", &self.granted_scopes)
            .finish()
    }
}

impl OAuthTokens {
    /// Whether the token response granted `scope`; `None` when it listed no scopes.
    pub fn grants(&self, scope: &str) -> Option<bool> {
        self.granted_scopes
            .as_ref()
            .map(|granted| granted.iter().any(|s| s == scope))
    }

    fn from_response(
        response: &BasicTokenResponse,
        previous_refresh: Option<&SecretString>,
        now: SystemTime,
    ) -> OAuthTokens {
        let refresh_token = response
            .refresh_token()
            .map(|token| SecretString::from(token.secret().as_str()))
            // A provider that does not rotate may leave the refresh token out: the old one stays.
            .or_else(|| previous_refresh.cloned());
        OAuthTokens {
            access_token: SecretString::from(response.access_token().secret().as_str()),
            refresh_token,
            expires_at: response
                .expires_in()
                .and_then(|lifetime| now.checked_add(lifetime)),
            granted_scopes: response.scopes().map(|scopes| {
                scopes
                    .iter()
                    .map(|scope| scope.as_str().trim().to_owned())
                    .filter(|scope| !scope.is_empty())
                    .collect()
            }),
        }
    }
}

/// An `oauth2` client with the authorize and token endpoints set.
pub(crate) type Client =
    BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// The `oauth2` client for one provider. Client credentials go in the form body: both providers
/// document it that way (iPayroll's SDK also uses the query, which would put the secret in logs).
pub(crate) fn oauth_client(
    server: &AuthorizationServer,
    client: &OAuthClient,
    redirect_uri: Option<&Url>,
) -> Client {
    let mut oauth = BasicClient::new(ClientId::new(client.client_id.clone()))
        .set_auth_uri(AuthUrl::from_url(server.authorize_url.clone()))
        .set_token_uri(TokenUrl::from_url(server.token_url.clone()))
        .set_auth_type(AuthType::RequestBody);
    if let Some(secret) = &client.client_secret {
        oauth = oauth.set_client_secret(ClientSecret::new(secret.expose_secret().to_owned()));
    }
    if let Some(redirect_uri) = redirect_uri {
        oauth = oauth.set_redirect_uri(RedirectUrl::from_url(redirect_uri.clone()));
    }
    oauth
}

/// Exchanges an authorisation code, with the PKCE verifier of its challenge.
pub(crate) async fn exchange_code(
    http: &HttpClient,
    oauth: &Client,
    provider: ProviderId,
    code: SecretString,
    pkce: &Pkce,
) -> Result<OAuthTokens, Problem> {
    let transport = TokenHttp::new(http).map_err(|f| failure_problem(provider, f))?;
    let response = oauth
        .exchange_code(AuthorizationCode::new(code.expose_secret().to_owned()))
        .set_pkce_verifier(pkce.oauth2_verifier())
        .request_async(&transport)
        .await
        .map_err(|error| token_problem(provider, error))?;
    Ok(OAuthTokens::from_response(
        &response,
        None,
        SystemTime::now(),
    ))
}

/// Trades the refresh token of `tokens` for new tokens.
///
/// The answer's refresh token replaces the old one when the provider rotates (Employment Hero:
/// the old one is then dead, so the caller must store the new one, replacing the old in one
/// step, before using it); a provider that does not rotate (iPayroll) keeps the old one, which
/// is returned again. An answer without `scope` keeps the granted scopes (RFC 6749 §5.1). No
/// refresh token, or one the provider no longer accepts, gives [`Problem::SignInExpired`]: sign
/// in again; there is no retry.
pub async fn refresh(
    http: &HttpClient,
    server: &AuthorizationServer,
    client: &OAuthClient,
    tokens: &OAuthTokens,
) -> Result<OAuthTokens, Problem> {
    let provider = server.provider;
    let Some(refresh_token) = &tokens.refresh_token else {
        return Err(Problem::for_provider(provider, |provider| {
            Problem::SignInExpired { provider }
        }));
    };
    ensure_secure(&server.token_url).map_err(|f| failure_problem(provider, f))?;
    let transport = TokenHttp::new(http).map_err(|f| failure_problem(provider, f))?;
    let oauth = oauth_client(server, client, None);
    let token = RefreshToken::new(refresh_token.expose_secret().to_owned());
    let response = oauth
        .exchange_refresh_token(&token)
        .request_async(&transport)
        .await
        .map_err(|error| token_problem(provider, error))?;
    let mut fresh = OAuthTokens::from_response(&response, Some(refresh_token), SystemTime::now());
    if fresh.granted_scopes.is_none() {
        fresh.granted_scopes = tokens.granted_scopes.clone();
    }
    Ok(fresh)
}

/// The problem for a failed token request. The answer's body is dropped unread here: it may
/// echo the code or the client secret.
fn token_problem(
    provider: ProviderId,
    error: RequestTokenError<HttpFailure, BasicErrorResponse>,
) -> Problem {
    let name = provider.display_name().to_owned();
    match error {
        RequestTokenError::ServerResponse(response) => match response.error() {
            BasicErrorResponseType::InvalidGrant => Problem::SignInExpired { provider: name },
            BasicErrorResponseType::InvalidClient | BasicErrorResponseType::UnauthorizedClient => {
                Problem::ClientRejected { provider: name }
            }
            other => oauth_error_problem(provider, other.as_ref()),
        },
        RequestTokenError::Request(failure) => failure_problem(provider, failure),
        RequestTokenError::Parse(..) | RequestTokenError::Other(_) => {
            Problem::ProviderUnexpectedResponse { provider: name }
        }
    }
}

/// The problem for an OAuth `error` code that is not handled more specifically.
pub(crate) fn oauth_error_problem(provider: ProviderId, error: &str) -> Problem {
    let name = provider.display_name().to_owned();
    match error {
        "access_denied" => Problem::SignInDenied { provider: name },
        "server_error" | "temporarily_unavailable" => {
            Problem::ProviderServerError { provider: name }
        }
        "invalid_client" | "unauthorized_client" => Problem::ClientRejected { provider: name },
        "invalid_grant" => Problem::SignInExpired { provider: name },
        other => Problem::SignInRefused {
            provider: name,
            error: error_code(other),
        },
    }
}

/// An OAuth error code as we show it: RFC 6749's codes are short ASCII words; anything else is
/// not echoed (it came from the network).
fn error_code(error: &str) -> String {
    let plain = !error.is_empty()
        && error.len() <= 64
        && error
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if plain {
        error.to_owned()
    } else {
        "unknown".to_owned()
    }
}

/// The token endpoint's transport for the `oauth2` crate: [`HttpClient::for_token_endpoint`]
/// (our timeouts, size cap and https rule; no redirects, no retries).
pub(crate) struct TokenHttp {
    http: HttpClient,
}

impl TokenHttp {
    pub(crate) fn new(http: &HttpClient) -> Result<TokenHttp, HttpFailure> {
        Ok(TokenHttp {
            http: http.for_token_endpoint()?,
        })
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpFailure> {
        let (parts, body) = request.into_parts();
        let url = Url::parse(&parts.uri.to_string()).map_err(|_| HttpFailure::Insecure)?;
        let request = self
            .http
            .request(parts.method, url)
            .headers(parts.headers)
            .body(body);
        let response = self.http.send(request).await?;
        let mut answer = HttpResponse::new(response.body);
        *answer.status_mut() = response.status;
        *answer.headers_mut() = response.headers;
        Ok(answer)
    }
}

impl<'c> AsyncHttpClient<'c> for TokenHttp {
    type Error = HttpFailure;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpFailure>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(self.send(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_echoed_only_when_plain() {
        assert_eq!(error_code("invalid_scope"), "invalid_scope");
        assert_eq!(error_code("<script>"), "unknown");
        assert_eq!(error_code(""), "unknown");
        assert_eq!(error_code(&"a".repeat(65)), "unknown");
    }

    #[test]
    fn oauth_errors_map_to_problems() {
        let p = ProviderId::Ipayroll;
        assert!(matches!(
            oauth_error_problem(p, "access_denied"),
            Problem::SignInDenied { .. }
        ));
        assert!(matches!(
            oauth_error_problem(p, "temporarily_unavailable"),
            Problem::ProviderServerError { .. }
        ));
        assert!(matches!(
            oauth_error_problem(p, "unauthorized_client"),
            Problem::ClientRejected { .. }
        ));
        assert_eq!(
            oauth_error_problem(p, "invalid_scope"),
            Problem::SignInRefused {
                provider: "iPayroll".into(),
                error: "invalid_scope".into()
            }
        );
    }

    #[test]
    fn debug_redacts_tokens() {
        let tokens = OAuthTokens {
            access_token: SecretString::from("CANARY-access"),
            refresh_token: Some(SecretString::from("CANARY-refresh")),
            expires_at: None,
            granted_scopes: Some(vec!["employees".into()]),
        };
        let debug = format!("{tokens:?}");
        assert!(!debug.contains("CANARY"), "{debug}");
        assert!(debug.contains("employees"));
        assert_eq!(tokens.grants("employees"), Some(true));
        assert_eq!(tokens.grants("payslips"), Some(false));
    }
}
