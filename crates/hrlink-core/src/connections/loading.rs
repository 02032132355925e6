//! Reading a saved connection's credentials back: the keychain entry where the connection is
//! bound, a browser sign-in renewed with its refresh token (a rotated one kept at once).

use secrecy::{ExposeSecret, SecretString};

use super::profile::Profile;
use super::secret::StoredSecret;
use super::{ConnectionId, ConnectionStore, lock, vault_problem};
use crate::config::Config;
use crate::credentials::{ApiKey, Credentials, OAuthGrant, Secret};
use crate::http::HttpClient;
use crate::oauth::OAuthTokens;
use crate::providers::{self, CredentialKind};
use crate::vault::VaultError;
use crate::{Endpoints, Problem};

impl ConnectionStore {
    /// The secret of `id`, as stored.
    pub async fn load_secret(&self, id: &ConnectionId) -> Result<StoredSecret, Problem> {
        self.entry(id).await.map(|(stored, _)| stored)
    }

    /// The credentials of `id`, ready to verify. A browser sign-in is renewed with its refresh
    /// token (which proves the connection is still authorised) using the integration's OAuth
    /// client from `config`; a rotated refresh token (Employment Hero) replaces the stored one
    /// before anything else, as the old one is then dead. (The stored access token is not
    /// refreshed: every load renews it.) Only at the addresses the connection is bound to
    /// ([`super::binding`]): elsewhere [`Problem::ConnectionEndpointChanged`], nothing sent.
    pub async fn load_credentials(
        &self,
        id: &ConnectionId,
        http: &HttpClient,
        endpoints: &Endpoints,
        config: &Config,
    ) -> Result<Credentials, Problem> {
        let profile = self.profile(id)?;
        let provider = profile.provider;
        let (stored, _) = self
            .bound_secret(&profile, endpoints.require(provider)?)
            .await?;
        let secret = match stored {
            StoredSecret::KeyPair(keys) => Secret::KeyPair(keys),
            StoredSecret::Login(login) => Secret::Login(login),
            // The business is the one the connection was saved for.
            StoredSecret::ApiKey(key) => Secret::ApiKey(ApiKey {
                business_id: Some(profile.account.id.clone()),
                ..key
            }),
            StoredSecret::OAuth {
                refresh_token,
                access_token,
            } => {
                let stored = OAuthTokens {
                    access_token: access_token.unwrap_or_else(|| SecretString::from("")),
                    refresh_token: Some(refresh_token),
                    expires_at: None,
                    granted_scopes: None,
                };
                return self
                    .renew_sign_in(id, &profile, stored, http, endpoints, config)
                    .await;
            }
        };
        // A keychain entry of another kind than its profile: not usable, never guessed at.
        let credentials = Credentials::new(provider, secret)
            .ok_or_else(|| vault_problem(&VaultError::Corrupt))?;
        Ok(credentials)
    }

    /// Renews a stored browser sign-in with its refresh token; a rotated refresh token replaces
    /// the stored one before anything else (see [`ConnectionStore::load_credentials`]).
    async fn renew_sign_in(
        &self,
        id: &ConnectionId,
        profile: &Profile,
        stored: OAuthTokens,
        http: &HttpClient,
        endpoints: &Endpoints,
        config: &Config,
    ) -> Result<Credentials, Problem> {
        let provider = profile.provider;
        if provider.credential_kind() != CredentialKind::BrowserSignIn {
            return Err(vault_problem(&VaultError::Corrupt));
        }
        let oauth = config.oauth(provider)?;
        let provider_endpoints = endpoints.require(provider)?;
        // The same lock as `credential get` (see [`access`]): a program refreshing at this
        // moment would otherwise use the refresh token this rotates away. Read again under it.
        let _lock = lock::ConnectionLock::acquire(&self.dir, id).await?;
        let stored = match self.bound_secret(profile, provider_endpoints).await?.0 {
            StoredSecret::OAuth { refresh_token, .. } => OAuthTokens {
                refresh_token: Some(refresh_token),
                ..stored
            },
            _ => return Err(vault_problem(&VaultError::Corrupt)),
        };
        let tokens = providers::provider(provider)
            .refresh(http, provider_endpoints, oauth, &stored)
            .await?;
        // iPayroll hands the same refresh token back: the keychain entry stays as it is.
        let rotated = tokens
            .refresh_token
            .as_ref()
            .map(ExposeSecret::expose_secret)
            != stored
                .refresh_token
                .as_ref()
                .map(ExposeSecret::expose_secret);
        let organisation_id = provider
            .entry()
            .several_organisations()
            .then(|| profile.account.id.clone());
        let credentials = Credentials::oauth(
            provider,
            OAuthGrant {
                tokens,
                permissions: oauth.permissions.clone(),
                organisation_id,
            },
        );
        if rotated {
            self.replace_secret(id, &credentials).await?;
        }
        Ok(credentials)
    }
}
