//! Renewing a browser sign-in's access token while a people listing runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::OAuthTokens;
use crate::Problem;
use crate::config::OAuthProviderConfig;
use crate::http::HttpClient;
use crate::people::listing::engine::Token;
use crate::providers::catalogue::ProviderId;
use crate::sync::lock;

/// Shared state of the OAuth providers' sources: the newest tokens and how to refresh them.
///
/// A refresh runs as its own task and stores what it gets before anything else: when the
/// listing is cancelled or fails while a refresh is on the wire, the refresh still completes and
/// its tokens are still handed back ([`OAuthRenewal::finish`]). Employment Hero invalidates the
/// old refresh token as it issues the new one, so a dropped answer would end the connection.
pub(crate) struct OAuthRenewal<'a> {
    http: &'a HttpClient,
    server: crate::oauth::AuthorizationServer,
    config: Option<&'a OAuthProviderConfig>,
    shared: Arc<RenewalState>,
    /// Held by a running refresh: [`OAuthRenewal::finish`] waits for it.
    running: Arc<tokio::sync::Mutex<()>>,
}

struct RenewalState {
    tokens: Mutex<OAuthTokens>,
    refreshed: AtomicBool,
}

impl<'a> OAuthRenewal<'a> {
    /// Starts from the tokens the sign-in gave.
    pub(crate) fn new(
        http: &'a HttpClient,
        server: crate::oauth::AuthorizationServer,
        config: Option<&'a OAuthProviderConfig>,
        tokens: &OAuthTokens,
    ) -> OAuthRenewal<'a> {
        let shared = RenewalState {
            tokens: Mutex::new(tokens.clone()),
            refreshed: AtomicBool::new(false),
        };
        OAuthRenewal {
            http,
            server,
            config,
            shared: Arc::new(shared),
            running: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// The newest tokens.
    pub(crate) fn current(&self) -> OAuthTokens {
        lock(&self.shared.tokens).clone()
    }

    /// The access token to start with.
    pub(crate) fn token(&self) -> Token {
        let tokens = self.current();
        Token {
            secret: tokens.access_token,
            expires_at: tokens.expires_at,
        }
    }

    /// Refreshes the tokens and keeps the new ones.
    pub(crate) async fn renew(&self, provider: ProviderId) -> Result<Token, Problem> {
        let expired =
            || Problem::for_provider(provider, |provider| Problem::SignInExpired { provider });
        let config = self.config.ok_or_else(expired)?;
        let current = self.current();
        if current.refresh_token.is_none() {
            return Err(expired());
        }
        let client = config.client()?;
        let (http, server, shared) = (
            self.http.clone(),
            self.server.clone(),
            Arc::clone(&self.shared),
        );
        let guard = Arc::clone(&self.running).lock_owned().await;
        let refresh = tokio::spawn(async move {
            let _running = guard;
            let refreshed = crate::oauth::refresh(&http, &server, &client, &current).await;
            if let Ok(tokens) = &refreshed {
                *lock(&shared.tokens) = tokens.clone();
                shared.refreshed.store(true, Ordering::SeqCst);
            }
            refreshed
        });
        let tokens = refresh.await.map_err(|_| expired())??;
        Ok(Token {
            secret: tokens.access_token,
            expires_at: tokens.expires_at,
        })
    }

    /// The tokens to hand back, when they were refreshed, once no refresh is running.
    pub(crate) async fn finish(&self) -> Option<OAuthTokens> {
        let _idle = self.running.lock().await;
        self.shared
            .refreshed
            .load(Ordering::SeqCst)
            .then(|| self.current())
    }
}
