//! A new short-lived access token from a connection's stored secret, through the provider's
//! [`Provider`](crate::providers::Provider) trait: a key pair or login signs in again, an API key
//! is proven to still work ([`access_token`](crate::providers::Provider::access_token)); a
//! browser sign-in trades its
//! refresh token ([`refresh`](crate::providers::Provider::refresh); Employment Hero rotates it,
//! and the answer then carries the secret to store instead).

use std::time::SystemTime;

use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::{StoredSecret, vault_problem};
use crate::config::Config;
use crate::credentials::{Credentials, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::HttpClient;
use crate::oauth::OAuthTokens;
use crate::providers::{self, AuthScheme, ProgramAccess};
use crate::vault::VaultError;
use crate::{Problem, ProviderId};

/// A token the HR system just issued.
pub(super) struct Issued {
    /// How the token is presented.
    pub scheme: AuthScheme,
    /// The token for its API.
    pub access_token: SecretString,
    /// When it expires, when the HR system said.
    pub expires_at: Option<SystemTime>,
    /// The API it is for, when not at the endpoints' address.
    pub api_base: Option<Url>,
    /// The secret to store in place of the old one, when issuing changed it (a rotated
    /// refresh token); `None` when it stays as it is.
    pub rotated: Option<StoredSecret>,
}

/// Asks `provider` at `endpoints` for a new access token with `stored`. A secret of another kind
/// than the provider's is never guessed at: the keychain entry is unusable.
pub(super) async fn issue(
    provider: ProviderId,
    stored: StoredSecret,
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &Config,
) -> Result<Issued, Problem> {
    let module = providers::provider(provider);
    let secret = match stored {
        StoredSecret::KeyPair(keys) => Secret::KeyPair(keys),
        StoredSecret::Login(login) => Secret::Login(login),
        StoredSecret::ApiKey(key) => Secret::ApiKey(key),
        StoredSecret::OAuth { refresh_token, .. } => {
            let stored_tokens = OAuthTokens {
                access_token: SecretString::from(""),
                refresh_token: Some(refresh_token),
                expires_at: None,
                granted_scopes: None,
            };
            let oauth = config.oauth(provider)?;
            let fresh = module
                .refresh(http, endpoints, oauth, &stored_tokens)
                .await?;
            return Ok(Issued {
                rotated: rotated(&stored_tokens, &fresh),
                scheme: AuthScheme::Bearer,
                access_token: fresh.access_token,
                expires_at: fresh.expires_at,
                api_base: None,
            });
        }
    };
    let credentials =
        Credentials::new(provider, secret).ok_or_else(|| vault_problem(&VaultError::Corrupt))?;
    let ProgramAccess {
        scheme,
        token,
        expires_at,
        api_base,
    } = module
        .access_token(http, endpoints, credentials.secret())
        .await?;
    Ok(Issued {
        scheme,
        access_token: token,
        expires_at,
        api_base,
        rotated: None,
    })
}

/// The secret to store after a refresh: the new refresh token, when the provider rotated it
/// (iPayroll hands the same one back: the keychain entry stays as it is).
fn rotated(stored: &OAuthTokens, fresh: &OAuthTokens) -> Option<StoredSecret> {
    let old = stored.refresh_token.as_ref()?;
    let new = fresh.refresh_token.as_ref()?;
    (new.expose_secret() != old.expose_secret()).then(|| StoredSecret::OAuth {
        refresh_token: new.clone(),
        access_token: None,
    })
}
