//! Short-lived access to a saved connection for a program on this computer (`hrlink credential
//! get`, HANDOFF.md section 1): HR Link keeps the long-lived secret and hands out tokens.
//!
//! - An API key (Employment Hero Payroll) is its own access: it is proven to still work and
//!   handed out for HTTP Basic, every time (it does not expire, so nothing is cached).
//! - A token with more than a minute left ([`token_cache::REUSE_MARGIN`]) is handed out again
//!   from the keychain, without calling the HR system.
//! - Otherwise the connection's lock is taken ([`ConnectionLock`]), the keychain read again (a
//!   caller that waited finds the token the other one fetched), and a new token issued
//!   ([`issue`]); a rotated refresh token is stored before anything is handed out.
//! - The secret goes only to the addresses the connection was verified against ([`binding`]);
//!   without addresses given, those are the ones used.
//! - A refusal marks the connection failing, as a Connections check does, and says to
//!   re-authorise it in HR Link.
//! - Every hand-out is recorded in the usage log ([`usage`]).

use std::time::SystemTime;

use secrecy::SecretString;
use url::Url;

use super::binding::{self, BoundOrigins};
use super::issue::{self, Issued};
use super::lock::ConnectionLock;
use super::token_cache::{self, CachedToken};
use super::usage::{self, Caller};
use super::{
    ConnectionId, ConnectionStatus, ConnectionStore, Profile, profile, secret, vault_problem,
};
use crate::config::Config;
use crate::endpoints::ProviderEndpoints;
use crate::http::HttpClient;
use crate::providers::AuthScheme;
use crate::verify::Account;
use crate::{Endpoints, Problem, ProviderId};

/// What a program gets: a token for the HR system's API and where that API is.
#[derive(Debug)]
pub struct Access {
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// The HR system.
    pub provider: ProviderId,
    /// The account (organisation) the connection is for.
    pub account: Account,
    /// Base of the HR system's API, which the token is for.
    pub api_base: Url,
    /// How the token is presented: `Authorization: <scheme> <token>`.
    pub scheme: AuthScheme,
    /// The token.
    pub access_token: SecretString,
    /// When the token expires, when the HR system said.
    pub expires_at: Option<SystemTime>,
}

/// Hands `caller` access to the saved connection named `connection` (its id or its label).
/// `endpoints`: the providers' addresses, when given (`--endpoints`); they must be those the
/// connection is bound to. Without them the bound ones are used (production's for connections
/// saved before bindings). Browser sign-ins are renewed with `config`'s OAuth client.
pub async fn access(
    store: &ConnectionStore,
    connection: &str,
    http: &HttpClient,
    endpoints: Option<&Endpoints>,
    config: &Config,
    caller: &Caller,
) -> Result<Access, Problem> {
    let profile = find(store, connection)?;
    let (_, bound) = store.entry(&profile.id).await?;
    let provider_endpoints = match (endpoints, bound.as_ref().or(profile.origins.as_ref())) {
        (Some(given), _) => given.require(profile.provider)?.clone(),
        (None, Some(bound)) => bound.endpoints(),
        (None, None) => Endpoints::production().require(profile.provider)?.clone(),
    };
    let Token {
        scheme,
        access_token,
        expires_at,
        api_base,
    } = token(
        store,
        &profile,
        bound.as_ref(),
        http,
        &provider_endpoints,
        config,
    )
    .await?;
    let (dir, id, caller) = (store.dir.clone(), profile.id.clone(), caller.clone());
    let recorded =
        tokio::task::spawn_blocking(move || usage::record(&dir, &id, &caller, SystemTime::now()))
            .await;
    if !matches!(recorded, Ok(Ok(()))) {
        // The product still gets its token; the log is for the admin's overview.
        tracing::warn!("a use of a connection could not be written to the usage log");
    }
    Ok(Access {
        connection_id: profile.id,
        provider: profile.provider,
        account: Account {
            id: profile.account.id,
            name: profile.account.name,
        },
        api_base: api_base.unwrap_or(provider_endpoints.api),
        scheme,
        access_token,
        expires_at,
    })
}

/// The connection whose id, or else whose label (compared as account names are), is `name`.
pub fn find(store: &ConnectionStore, name: &str) -> Result<Profile, Problem> {
    if let Some(id) = ConnectionId::parse(name) {
        match store.profile(&id) {
            Err(Problem::ConnectionNotFound { .. }) => {}
            found => return found,
        }
    }
    let wanted = profile::normalise_name(name);
    let (profiles, _) = store.list()?;
    let mut matching = profiles
        .into_iter()
        .filter(|p| !wanted.is_empty() && profile::normalise_name(&p.label) == wanted);
    match (matching.next(), matching.next()) {
        (Some(profile), None) => Ok(profile),
        (Some(_), Some(_)) => Err(Problem::ConnectionAmbiguous {
            label: name.to_owned(),
        }),
        (None, _) => Err(Problem::ConnectionNotFound {
            id: name.to_owned(),
        }),
    }
}

/// A token and how to present it; `api_base` as in [`Issued`].
struct Token {
    scheme: AuthScheme,
    access_token: SecretString,
    expires_at: Option<SystemTime>,
    api_base: Option<Url>,
}

impl Token {
    /// A cached token: always a bearer token for the endpoints' API (see [`keep`]).
    fn cached((access_token, expires_at): (SecretString, Option<SystemTime>)) -> Token {
        Token {
            scheme: AuthScheme::Bearer,
            access_token,
            expires_at,
            api_base: None,
        }
    }
}

/// A token for `profile` (whose keychain entry is bound to `bound`): the cached one while it
/// lasts, else a new one issued under the connection's lock.
async fn token(
    store: &ConnectionStore,
    profile: &Profile,
    bound: Option<&BoundOrigins>,
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &Config,
) -> Result<Token, Problem> {
    let id = &profile.id;
    binding::ensure_bound_here([profile.origins.as_ref(), bound], endpoints)?;
    if let Some(cached) = reusable(store, id).await? {
        return Ok(Token::cached(cached));
    }
    let _lock = ConnectionLock::acquire(&store.dir, id).await?;
    // Another caller may have fetched one while this one waited, rotating the secret.
    if let Some(cached) = reusable(store, id).await? {
        return Ok(Token::cached(cached));
    }
    let (secret, bound) = store.bound_secret(profile, endpoints).await?;
    let issued = match issue::issue(profile.provider, secret, http, endpoints, config).await {
        Ok(issued) => issued,
        Err(problem) => return Err(refused(store, profile, problem).await),
    };
    keep(store, id, &issued, bound.as_ref()).await?;
    Ok(Token {
        scheme: issued.scheme,
        access_token: issued.access_token,
        expires_at: issued.expires_at,
        api_base: issued.api_base,
    })
}

/// The cached token of `id` while it has more than the margin to live.
async fn reusable(
    store: &ConnectionStore,
    id: &ConnectionId,
) -> Result<Option<(SecretString, Option<SystemTime>)>, Problem> {
    let cached = token_cache::read(&store.vault, id).await?;
    Ok(cached
        .filter(|token| token.reusable_at(SystemTime::now()))
        .map(|token| (token.access_token, Some(token.expires_at))))
}

/// Stores what issuing changed: the rotated secret first (the old one is dead once the HR
/// system answered), then the token to reuse: only an expiring bearer token for the endpoints'
/// API (an API key is never copied into the cache).
async fn keep(
    store: &ConnectionStore,
    id: &ConnectionId,
    issued: &Issued,
    bound: Option<&BoundOrigins>,
) -> Result<(), Problem> {
    if let Some(rotated) = &issued.rotated {
        let encoded = secret::encode_stored(rotated, bound).map_err(|e| vault_problem(&e))?;
        store
            .vault
            .store(&id.vault_account(), &encoded)
            .await
            .map_err(|e| vault_problem(&e))?;
    }
    let cacheable = issued.scheme == AuthScheme::Bearer && issued.api_base.is_none();
    if let Some(expires_at) = issued.expires_at.filter(|_| cacheable) {
        let token = CachedToken {
            access_token: issued.access_token.clone(),
            expires_at,
        };
        if token_cache::store(&store.vault, id, &token).await.is_err() {
            // Not kept: the next caller fetches another; this one still gets its token.
            tracing::warn!("a fresh access token could not be kept in the keychain");
        }
    }
    Ok(())
}

/// What to report for a failed issue. A refusal marks the connection failing (as a Connections
/// check does) and becomes [`Problem::ConnectionRefused`]: the admin must re-authorise it.
async fn refused(store: &ConnectionStore, profile: &Profile, problem: Problem) -> Problem {
    if ConnectionStatus::for_problem(&problem) != ConnectionStatus::FailedAuth {
        return problem;
    }
    if store
        .record_check(&profile.id, ConnectionStatus::FailedAuth)
        .is_err()
    {
        tracing::warn!("a refused connection could not be marked failing");
    }
    let _ = token_cache::forget(&store.vault, &profile.id).await;
    Problem::ConnectionRefused {
        provider: profile.provider.display_name().to_owned(),
        label: profile.label.clone(),
    }
}
