//! Signing in through the system browser: the OAuth 2.0 authorisation-code flow for native apps,
//! shared by every provider that uses it (iPayroll, Employment Hero).
//!
//! What the standards ask (RFC 8252, RFC 7636, RFC 9700) and how it is met here:
//! - the **system browser**, never a webview ([`BrowserOpener`], [`SystemBrowser`], which
//!   honours `BROWSER`); the authorize URL must be https (plain http only for loopback, where the
//!   Sandbox runs) before anything opens it;
//! - a **loopback listener on `127.0.0.1` only**, on the configured fixed port (providers that
//!   insist on a registered redirect URI) or an ephemeral one (port 0), opened just before the
//!   browser and closed after the first valid answer: **one-shot**, a replay finds no listener;
//! - a fresh **`state`** of 32 bytes from a CSPRNG per sign-in, compared in constant time;
//! - **PKCE S256** on every sign-in, with no way to switch it off: servers that do not know it
//!   ignore it (RFC 7636 §5), and it protects the code where they do;
//! - the code is exchanged **in Rust**: codes and tokens never leave this crate except towards
//!   the token endpoint, which is called **without following any redirect** and without retries
//!   (a code is single-use, a rotated refresh token must not be spent twice).
//!
//! Callbacks whose `state` is wrong, missing or repeated get a neutral page and are otherwise
//! ignored: the sign-in keeps waiting, so a stale tab or a stray local request cannot end (or
//! hijack) it. Only when no valid answer arrives before the timeout is the outcome
//! [`Problem::SignInStateMismatch`] instead of [`Problem::SignInTimedOut`], because then the
//! admin most likely finished signing in in an old tab. Other paths (`/favicon.ico`, `/`) get a
//! 404 and do not count.

mod api;
mod browser;
mod loopback;
mod pkce;
pub(crate) mod renewal;
mod token;

use std::sync::Arc;
use std::time::Duration;

use oauth2::{CsrfToken, Scope};
use secrecy::SecretString;
use serde::Serialize;
use tokio::sync::watch;

pub use browser::{BrowserOpener, SystemBrowser};
pub use pkce::Pkce;
pub use token::{OAuthTokens, refresh};
/// The URL type of [`BrowserOpener::open`], for implementors outside this crate.
pub use url::Url;

pub(crate) use api::{check_permissions, get_json};

use crate::Problem;
use crate::http::{HttpClient, ensure_secure};
use crate::messages::Language;
use crate::providers::catalogue::ProviderId;
use crate::providers::support::failure_problem;

/// How long a sign-in waits for the browser by default: long enough to create a password or
/// pass two-factor authentication, short enough that a forgotten tab does not hold the port.
pub const DEFAULT_SIGN_IN_TIMEOUT: Duration = Duration::from_secs(300);

/// One provider's authorisation server and what it expects of a sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationServer {
    /// The HR system, for the problems' wording.
    pub provider: ProviderId,
    /// The authorize endpoint (opened in the browser).
    pub authorize_url: Url,
    /// The token endpoint (called from Rust).
    pub token_url: Url,
    /// Whether the authorize request names scopes. Employment Hero fixes an app's scopes when
    /// the app is registered and takes no `scope` parameter.
    pub send_scope: bool,
}

/// HR Link's registration with a provider, from the integration configuration.
#[derive(Debug, Clone)]
pub struct OAuthClient {
    /// `client_id`.
    pub client_id: String,
    /// `client_secret`, when the provider issued one. Not confidential in a desktop app
    /// (RFC 8252 §8.5), but still kept out of logs, errors and reports.
    pub client_secret: Option<SecretString>,
    /// Loopback port of the redirect URI; 0 picks a free one (only for providers that accept any
    /// loopback port, RFC 8252 §7.3).
    pub redirect_port: u16,
    /// Path of the redirect URI, e.g. `/callback`.
    pub redirect_path: String,
}

/// A handle that cancels a running sign-in, e.g. from the wizard's Cancel button. Cheap to clone;
/// every clone cancels the same sign-in. Cancelling closes the loopback port at once. The people
/// listing uses the same handle ([`ListingCancel`](crate::people::ListingCancel)).
#[derive(Debug, Clone)]
pub struct SignInCancel {
    flag: Arc<watch::Sender<bool>>,
}

impl Default for SignInCancel {
    fn default() -> Self {
        SignInCancel {
            flag: Arc::new(watch::channel(false).0),
        }
    }
}

impl SignInCancel {
    /// A handle that has not been cancelled.
    pub fn new() -> SignInCancel {
        SignInCancel::default()
    }

    /// Cancels the sign-in; it ends with [`Problem::SignInCancelled`] (a people listing with
    /// [`Problem::PeopleListingCancelled`]).
    pub fn cancel(&self) {
        self.flag.send_replace(true);
    }

    /// Whether [`cancel`](SignInCancel::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        *self.flag.borrow()
    }

    /// Resolves once cancelled (at once when already cancelled).
    pub(crate) async fn cancelled(&self) {
        let mut changes = self.flag.subscribe();
        // The sender lives in `self`, so waiting can only end by cancellation.
        let _ = changes.wait_for(|cancelled| *cancelled).await;
    }
}

/// Where a sign-in sent the browser, told while it waits so that the admin can open the
/// address again or copy it into another browser. The address carries the request's `state` and
/// PKCE challenge, both meant for the browser; the code verifier never leaves this module, and
/// only the loopback listener on this machine can take the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SignInAddress {
    /// The provider's authorize URL with this sign-in's parameters.
    pub address: String,
    /// Whether a browser could be started with it (`false`: no default browser).
    pub browser_opened: bool,
}

/// How one sign-in runs.
pub struct SignInOptions<'a> {
    /// Opens the authorize URL: the system browser in the app and the CLI, a scripted browser
    /// in tests.
    pub opener: &'a dyn BrowserOpener,
    /// Told the address once the browser was sent to it. With someone to tell, a browser that
    /// cannot be started is not the end of the sign-in: the address is shown to be opened by
    /// hand, and the listener keeps waiting.
    pub on_address: Option<&'a (dyn Fn(SignInAddress) + Sync)>,
    /// How long to wait for the browser to come back.
    pub timeout: Duration,
    /// Cancels the sign-in.
    pub cancel: SignInCancel,
    /// Language of the page the browser tab shows at the end.
    pub language: Language,
}

impl<'a> SignInOptions<'a> {
    /// The defaults: [`DEFAULT_SIGN_IN_TIMEOUT`], a fresh cancel handle, English pages.
    pub fn new(opener: &'a dyn BrowserOpener) -> SignInOptions<'a> {
        SignInOptions {
            opener,
            on_address: None,
            timeout: DEFAULT_SIGN_IN_TIMEOUT,
            cancel: SignInCancel::new(),
            language: Language::default(),
        }
    }
}

/// Runs a whole sign-in: opens the loopback listener, sends the browser to the authorize URL,
/// waits for the one valid answer and exchanges its code for tokens.
///
/// `scopes` are sent when [`AuthorizationServer::send_scope`] says so. Fails with the problem to
/// show: [`Problem::SignInDenied`], [`Problem::SignInTimedOut`],
/// [`Problem::SignInStateMismatch`], [`Problem::SignInCancelled`],
/// [`Problem::RedirectPortInUse`], [`Problem::BrowserUnavailable`],
/// [`Problem::ClientRejected`], [`Problem::InsecureEndpoint`], or a transport problem.
pub async fn sign_in(
    http: &HttpClient,
    server: &AuthorizationServer,
    client: &OAuthClient,
    scopes: &[String],
    options: &SignInOptions<'_>,
) -> Result<OAuthTokens, Problem> {
    let authorization = authorize(server, client, scopes, options).await?;
    let oauth = token::oauth_client(server, client, Some(&authorization.redirect_uri));
    token::exchange_code(
        http,
        &oauth,
        server.provider,
        authorization.code,
        &authorization.pkce,
    )
    .await
}

/// What the browser brought back, before the code is exchanged: in cloud delivery the product's
/// backend exchanges it (HANDOFF.md §2.3), so HR Link hands these over instead.
#[derive(Debug)]
pub struct Authorization {
    /// The authorisation code (single use).
    pub code: SecretString,
    /// The PKCE pair the authorize request was made with (S256, always sent).
    pub pkce: Pkce,
    /// The redirect URI the code was issued for.
    pub redirect_uri: Url,
}

/// The browser half of [`sign_in`]: everything up to the code, which is returned unexchanged.
/// Fails with the same problems, except those of the token endpoint.
pub async fn authorize(
    server: &AuthorizationServer,
    client: &OAuthClient,
    scopes: &[String],
    options: &SignInOptions<'_>,
) -> Result<Authorization, Problem> {
    let provider = server.provider;
    // Checked before anything opens: the browser only ever gets https (or loopback).
    for url in [&server.authorize_url, &server.token_url] {
        ensure_secure(url).map_err(|failure| failure_problem(provider, failure))?;
    }
    if options.cancel.is_cancelled() {
        return Err(cancelled(provider));
    }
    let receiver =
        loopback::LoopbackReceiver::bind(client.redirect_port, &client.redirect_path).await?;
    let redirect_uri = receiver.redirect_uri().clone();
    let oauth = token::oauth_client(server, client, Some(&redirect_uri));
    let pkce = Pkce::new();
    let state = CsrfToken::new_random_len(32);
    let mut request = oauth.authorize_url(|| state.clone());
    if server.send_scope {
        request = request.add_scopes(scopes.iter().cloned().map(Scope::new));
    }
    request = request.set_pkce_challenge(pkce.oauth2_challenge());
    let (authorize_url, _) = request.url();
    tracing::debug!(
        provider = provider.slug(),
        redirect_port = receiver.port(),
        "sign-in started"
    );
    let opened = options.opener.open(&authorize_url);
    match options.on_address {
        Some(tell) => tell(SignInAddress {
            address: authorize_url.to_string(),
            browser_opened: opened.is_ok(),
        }),
        None => opened?,
    }
    let expected = loopback::Expected {
        state: state.secret(),
        provider,
        language: options.language,
    };
    let code = receiver
        .receive(&expected, options.timeout, &options.cancel)
        .await?;
    Ok(Authorization {
        code,
        pkce,
        redirect_uri,
    })
}

fn cancelled(provider: ProviderId) -> Problem {
    Problem::for_provider(provider, |provider| Problem::SignInCancelled { provider })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::HttpConfig;

    /// The app runs sign-ins and refreshes on a multi-threaded runtime: the futures must be Send.
    #[test]
    fn sign_in_and_refresh_futures_are_send() {
        fn assert_send<T: Send>(_: T) {}
        let http = HttpClient::new(HttpConfig::default()).unwrap();
        let url = Url::parse("https://auth.example/oauth").unwrap();
        let server = AuthorizationServer {
            provider: ProviderId::Ipayroll,
            authorize_url: url.clone(),
            token_url: url,
            send_scope: true,
        };
        let client = OAuthClient {
            client_id: "id".into(),
            client_secret: None,
            redirect_port: 0,
            redirect_path: "/callback".into(),
        };
        let opener = |_: &Url| Ok(());
        let options = SignInOptions::new(&opener);
        assert_send(sign_in(&http, &server, &client, &[], &options));
        let tokens = OAuthTokens {
            access_token: SecretString::from("t"),
            refresh_token: None,
            expires_at: None,
            granted_scopes: None,
        };
        assert_send(refresh(&http, &server, &client, &tokens));
    }

    #[test]
    fn cancel_is_shared_by_clones() {
        let cancel = SignInCancel::new();
        let clone = cancel.clone();
        assert!(!cancel.is_cancelled());
        clone.cancel();
        assert!(cancel.is_cancelled());
    }
}
