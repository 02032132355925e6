//! Credentials ready to use: which provider they are for, and the secret by credential kind.
//!
//! No provider has a type of its own here: a key pair, a login or a browser sign-in's grant is
//! the same whichever system issued it. What a provider does with them is its module's
//! ([`crate::providers::Provider`]).

use crate::config::Permissions;
use crate::credentials::{ApiKey, HrworksKeyPair, IrisLogin};
use crate::oauth::OAuthTokens;
use crate::providers::catalogue::{CredentialKind, ProviderId};

/// What the admin handed over, ready to verify.
#[derive(Debug)]
pub struct Credentials {
    provider: ProviderId,
    secret: Secret,
}

/// The secret, by credential kind.
#[derive(Debug)]
pub enum Secret {
    /// An access key pair (HRworks).
    KeyPair(HrworksKeyPair),
    /// An API user's login (IRIS HR Professional).
    Login(IrisLogin),
    /// A browser sign-in's grant (iPayroll, Employment Hero).
    OAuth(OAuthGrant),
    /// An API key (Employment Hero Payroll).
    ApiKey(ApiKey),
}

/// A browser sign-in, ready to verify.
#[derive(Debug, Clone)]
pub struct OAuthGrant {
    /// The tokens (store the refresh token in the vault; some providers rotate it).
    pub tokens: OAuthTokens,
    /// The permissions the product needs, to judge the grant against.
    pub permissions: Permissions,
    /// The organisation this connection is for, when the admin chose one (needed only where a
    /// sign-in reaches several, as at Employment Hero).
    pub organisation_id: Option<String>,
}

impl Secret {
    /// The kind of credentials this secret is.
    pub fn kind(&self) -> CredentialKind {
        match self {
            Secret::KeyPair(_) => CredentialKind::KeyPair,
            Secret::Login(_) => CredentialKind::UsernamePassword,
            Secret::OAuth(_) => CredentialKind::BrowserSignIn,
            Secret::ApiKey(_) => CredentialKind::ApiKey,
        }
    }

    /// What to show so the admin can tell which credentials these are, without the secret: the
    /// masked access key or user name; the API key's last four characters (its user has no
    /// other name to show); empty for a browser sign-in (the account says it).
    pub fn hint(&self) -> String {
        match self {
            Secret::KeyPair(keys) => crate::credentials::mask_tail(&keys.access_key),
            Secret::Login(login) => crate::credentials::mask_tail(&login.username),
            Secret::ApiKey(key) => {
                crate::credentials::mask_tail(secrecy::ExposeSecret::expose_secret(&key.key))
            }
            Secret::OAuth(_) => String::new(),
        }
    }

    /// The browser sign-in's grant, if this is one.
    pub fn grant(&self) -> Option<&OAuthGrant> {
        match self {
            Secret::OAuth(grant) => Some(grant),
            Secret::KeyPair(_) | Secret::Login(_) | Secret::ApiKey(_) => None,
        }
    }
}

impl Credentials {
    /// `secret` for `provider`; `None` when it is not the kind of secret `provider` takes.
    pub fn new(provider: ProviderId, secret: Secret) -> Option<Credentials> {
        (secret.kind() == provider.credential_kind()).then_some(Credentials { provider, secret })
    }

    /// A key pair for `provider`. Panics when `provider` takes another kind of credentials.
    pub fn key_pair(provider: ProviderId, keys: HrworksKeyPair) -> Credentials {
        Credentials::of_kind(provider, Secret::KeyPair(keys))
    }

    /// A login for `provider`. Panics when `provider` takes another kind of credentials.
    pub fn login(provider: ProviderId, login: IrisLogin) -> Credentials {
        Credentials::of_kind(provider, Secret::Login(login))
    }

    /// A browser sign-in's grant for `provider`. Panics when `provider` takes another kind.
    pub fn oauth(provider: ProviderId, grant: OAuthGrant) -> Credentials {
        Credentials::of_kind(provider, Secret::OAuth(grant))
    }

    #[allow(
        clippy::panic,
        reason = "a programming error: the provider's kind is fixed in the catalogue"
    )]
    fn of_kind(provider: ProviderId, secret: Secret) -> Credentials {
        let kind = secret.kind();
        Credentials::new(provider, secret)
            .unwrap_or_else(|| panic!("{} takes no {kind:?}", provider.display_name()))
    }

    /// The HR system these credentials are for.
    pub fn provider(&self) -> ProviderId {
        self.provider
    }

    /// The secret.
    pub fn secret(&self) -> &Secret {
        &self.secret
    }

    /// The browser sign-in's grant, if these credentials are one.
    pub fn grant(&self) -> Option<&OAuthGrant> {
        self.secret.grant()
    }

    /// The browser sign-in's grant to change (new tokens, the chosen organisation).
    pub fn grant_mut(&mut self) -> Option<&mut OAuthGrant> {
        match &mut self.secret {
            Secret::OAuth(grant) => Some(grant),
            Secret::KeyPair(_) | Secret::Login(_) | Secret::ApiKey(_) => None,
        }
    }

    /// What to show so the admin can tell which credentials these are (see [`Secret::hint`]).
    pub fn hint(&self) -> String {
        self.secret.hint()
    }

    /// The same credentials for the organisation `id`, where a sign-in can reach several;
    /// `None` for credentials that reach exactly one.
    pub fn for_organisation(&self, id: &str) -> Option<Credentials> {
        if !self.provider.entry().several_organisations() {
            return None;
        }
        let secret = match &self.secret {
            Secret::OAuth(grant) => Secret::OAuth(OAuthGrant {
                organisation_id: Some(id.to_owned()),
                ..grant.clone()
            }),
            Secret::ApiKey(key) => Secret::ApiKey(ApiKey {
                business_id: Some(id.to_owned()),
                ..key.clone()
            }),
            Secret::KeyPair(_) | Secret::Login(_) => return None,
        };
        Some(Credentials {
            provider: self.provider,
            secret,
        })
    }

    /// The scopes a browser sign-in was granted, when the token response listed them.
    pub fn granted_scopes(&self) -> Option<&[String]> {
        self.grant()?.tokens.granted_scopes.as_deref()
    }

    /// The optional permissions HR Link can check for these credentials: the configured ones
    /// for a browser sign-in, the catalogue's otherwise.
    pub fn optional_permissions(&self) -> Vec<&str> {
        match self.grant() {
            Some(grant) => grant.permissions.optional_ids(),
            None => self
                .provider
                .entry()
                .asked()
                .filter(|(_, required)| !required)
                .map(|(id, _)| id)
                .collect(),
        }
    }
}
