//! Local HTTP servers that imitate the HR providers' APIs (HRworks, Employment Hero, iPayroll,
//! IRIS HR Professional, Employment Hero Payroll), for tests, demos and benchmarks.
//!
//! One [`Sandbox`] is one axum server on a loopback port; each provider lives under its own path
//! prefix and [`Endpoints`] says which base URL replaces which real origin. What the servers do
//! follows `shared/providers.md`: the documented contract, and the "Sandbox decisions" where the
//! real behaviour is unknown. Behaviour is chosen by the credentials a client presents (see
//! [`scenarios`]), as in a payments sandbox, and disturbed at runtime through [`Faults`].
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use hrlink_sandbox::{Fault, Sandbox, SandboxConfig};
//! let sandbox = Sandbox::start(SandboxConfig::default()).await?;
//! let hrworks_api = &sandbox.endpoints().hrworks.api; // POST {hrworks_api}/v2/authentication
//! sandbox.faults().set(Fault::ServerError { times: 2, status: 503 });
//! # let _ = hrworks_api;
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod employmenthero;
mod employmenthero_payroll;
mod faults;
mod gate;
mod hrworks;
mod ipayroll;
mod iris;
mod oauth;
mod people;
pub mod product;
mod rate_limit;
pub mod scenarios;
mod stats;
mod tokens;

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use faults::{Fault, Faults, Provider, RetryAfter};
pub use stats::Stats;

/// The largest organisation [`SandboxConfig::people`] may ask for.
pub const MAX_PEOPLE: usize = 100_000;

/// How a [`Sandbox`] is started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SandboxConfig {
    /// People in each provider's main organisation (default 250, at most [`MAX_PEOPLE`]).
    /// Scenario organisations with a documented size (e.g. the 50,000-person HRworks company)
    /// keep theirs.
    pub people: usize,
    /// Seed of the people generator: the same seed gives the same people (default 42).
    pub seed: u64,
    /// Delay added before every API and token response (default none).
    pub latency: Duration,
    /// Requests per second allowed per provider (a token bucket: bursts of up to this many);
    /// more are answered 429 with `Retry-After` (default `None`: unlimited; `Some(0)` is
    /// refused by [`Sandbox::start`]).
    pub rate_limit: Option<u32>,
    /// Lifetime of access tokens and HRworks JWTs (default 900 s).
    pub token_lifetime: Duration,
    /// Loopback port to listen on; 0 picks a free one (default 0).
    pub port: u16,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            people: 250,
            seed: 42,
            latency: Duration::ZERO,
            rate_limit: None,
            token_lifetime: Duration::from_secs(900),
            port: 0,
        }
    }
}

/// A provider reached through one base URL.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ApiOnly {
    /// Replaces the provider's API origin; documented paths are appended to it.
    pub api: String,
}

/// A provider with separate API and OAuth authorisation bases.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ApiAndAuth {
    /// Replaces the provider's API origin; documented paths are appended to it.
    pub api: String,
    /// Replaces the provider's OAuth origin (authorize and token paths are appended).
    pub auth: String,
}

/// Where each provider's imitation listens. Serialises to
/// `{"hrworks":{"api"},"employmenthero":{"api","auth"},"ipayroll":{"api","auth"},"iris":{"api"},
/// "employmenthero_payroll":{"api"}}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// HRworks: `{api}/v2/...`.
    pub hrworks: ApiOnly,
    /// Employment Hero: `{api}/api/v1/...`, `{auth}/oauth2/...`.
    pub employmenthero: ApiAndAuth,
    /// iPayroll: `{api}/api/v1/...`, `{auth}/oauth/...`.
    pub ipayroll: ApiAndAuth,
    /// IRIS HR Professional (provisional contract): `{api}/api/v1/...`.
    pub iris: ApiOnly,
    /// Employment Hero Payroll, every region (production picks the host by region):
    /// `{api}/api/v2/...`.
    pub employmenthero_payroll: ApiOnly,
    /// The reference product's backend ([`product`]): `{api}/hrlink/v1/...`, the origin for
    /// HR Link's `[delivery]`.
    pub product: ApiOnly,
}

impl Endpoints {
    fn at(origin: &str) -> Self {
        Self {
            hrworks: ApiOnly {
                api: format!("{origin}/hrworks"),
            },
            employmenthero: ApiAndAuth {
                api: format!("{origin}/employmenthero/api"),
                auth: format!("{origin}/employmenthero/oauth"),
            },
            ipayroll: ApiAndAuth {
                api: format!("{origin}/ipayroll"),
                auth: format!("{origin}/ipayroll"),
            },
            iris: ApiOnly {
                api: format!("{origin}/iris"),
            },
            employmenthero_payroll: ApiOnly {
                api: format!("{origin}/employmenthero-payroll"),
            },
            product: ApiOnly {
                api: origin.to_owned(),
            },
        }
    }
}

/// A running Sandbox server on `127.0.0.1`. Dropping it stops the server too; [`shutdown`]
/// additionally waits until it has stopped.
///
/// [`shutdown`]: Sandbox::shutdown
pub struct Sandbox {
    endpoints: Endpoints,
    faults: Faults,
    revoked: Revoked,
    stats: Stats,
    product: product::ProductBackend,
    stop: watch::Sender<bool>,
    server: Option<JoinHandle<io::Result<()>>>,
}

/// What every provider module gets from the Sandbox it runs in.
#[derive(Clone)]
pub(crate) struct Shared {
    pub config: SandboxConfig,
    pub people: Arc<people::Directory>,
    pub faults: Faults,
    pub revoked: Revoked,
    pub stats: Stats,
    pub stop: watch::Receiver<bool>,
}

/// HRworks access keys an administrator deleted, Employment Hero Payroll API keys a user changed
/// (the "Failed auth" of a saved connection).
pub(crate) type Revoked = Arc<std::sync::Mutex<std::collections::HashSet<String>>>;

impl Sandbox {
    /// Binds `127.0.0.1:{config.port}` and starts serving every provider.
    ///
    /// Fails with [`io::ErrorKind::InvalidInput`] when `config.people` exceeds [`MAX_PEOPLE`]
    /// or `config.rate_limit` is `Some(0)`, and with the bind error when the port is taken.
    pub async fn start(config: SandboxConfig) -> io::Result<Sandbox> {
        let invalid = |message: String| Err(io::Error::new(io::ErrorKind::InvalidInput, message));
        if config.people > MAX_PEOPLE {
            return invalid(format!("people must be at most {MAX_PEOPLE}"));
        }
        if config.rate_limit == Some(0) {
            return invalid("rate_limit must be at least 1 request per second".to_owned());
        }
        let listener =
            TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, config.port))).await?;
        let origin = format!("http://{}", listener.local_addr()?);
        let endpoints = Endpoints::at(&origin);
        let (stop, mut stopped) = watch::channel(false);
        let faults = Faults::default();
        let revoked = Revoked::default();
        let stats = Stats::default();
        let shared = Shared {
            people: Arc::new(people::Directory::new(config.seed, config.people)),
            config,
            faults: faults.clone(),
            revoked: revoked.clone(),
            stats: stats.clone(),
            stop: stopped.clone(),
        };
        let (employmenthero_api, employmenthero_auth) = employmenthero::routers(&shared);
        let product = product::ProductBackend::new(endpoints.clone());
        let app = Router::new()
            .nest("/hrworks", hrworks::router(&shared, &endpoints.hrworks.api))
            .nest("/employmenthero/api", employmenthero_api)
            .nest("/employmenthero/oauth", employmenthero_auth)
            .nest(
                "/ipayroll",
                ipayroll::router(&shared, &endpoints.ipayroll.api),
            )
            .nest("/iris", iris::router(&shared))
            .nest(
                "/employmenthero-payroll",
                employmenthero_payroll::router(&shared),
            )
            .merge(product.router())
            .layer(axum::middleware::map_response(with_request_id));
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    // An error means the Sandbox is gone: stop as well.
                    let _ = stopped.wait_for(|stop| *stop).await;
                })
                .await
        });
        tracing::debug!(%origin, "sandbox started");
        Ok(Sandbox {
            endpoints,
            faults,
            revoked,
            stats,
            product,
            stop,
            server: Some(server),
        })
    }

    /// Base URLs of each provider's imitation.
    pub fn endpoints(&self) -> &Endpoints {
        &self.endpoints
    }

    /// Runtime fault injection, shared with the running server.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Revokes an HRworks key pair, as an administrator deleting it under HR WORKS-API would:
    /// signing in with it is refused, and tokens issued for it stop working. Also reachable
    /// over HTTP for tests that drive a Sandbox in another process:
    /// `POST {hrworks api}/sandbox/revoke-key` with `{"accessKey": "…"}`.
    pub fn revoke_hrworks_key(&self, access_key: &str) {
        lock(&self.revoked).insert(access_key.to_owned());
    }

    /// The reference product backend (its codes, knobs and what it received).
    pub fn product(&self) -> &product::ProductBackend {
        &self.product
    }

    /// What the server answered so far (requests and 429s per provider).
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Writes [`Endpoints`] as JSON to `path` atomically (a temporary file beside it, then a
    /// rename), so a reader never sees a half-written file; private (0600 from creation) like
    /// every file HR Link's CLI writes.
    pub fn write_endpoints_file(&self, path: impl AsRef<Path>) -> io::Result<()> {
        let path = path.as_ref();
        let name = path
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.tmp", std::process::id()));
        let temp = path.with_file_name(temp_name);
        let json = serde_json::to_vec_pretty(&self.endpoints).map_err(io::Error::other)?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options.open(&temp).and_then(|mut file| {
            io::Write::write_all(&mut file, &json)?;
            file.sync_all()
        });
        match written.and_then(|()| std::fs::rename(&temp, path)) {
            Ok(()) => Ok(()),
            Err(error) => {
                // Best effort: the write already failed, a leftover temp file is the lesser issue.
                let _ = std::fs::remove_file(&temp);
                Err(error)
            }
        }
    }

    /// Stops accepting connections, releases hanging requests and waits (at most a few seconds)
    /// for requests in flight to finish.
    pub async fn shutdown(mut self) {
        self.stop.send_replace(true);
        if let Some(mut server) = self.server.take() {
            match tokio::time::timeout(Duration::from_secs(5), &mut server).await {
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(error))) => tracing::warn!(%error, "sandbox server failed"),
                Ok(Err(error)) => tracing::warn!(%error, "sandbox server task failed"),
                Err(_) => server.abort(),
            }
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop.send_replace(true);
    }
}

/// Locks a mutex, ignoring poisoning: every critical section here leaves its data consistent.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An answer given before a handler's work is done (bad token, missing permission, bad
/// parameter...). Boxed because responses are large and travel in `Result`s.
#[derive(Debug)]
pub(crate) struct Refusal(Box<Response>);

impl From<Response> for Refusal {
    fn from(response: Response) -> Self {
        Self(Box::new(response))
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        *self.0
    }
}

/// Like many real APIs, every answer names its request (`x-request-id: sbx-000042`), for support
/// to quote; HR Link's diagnostics keep it.
async fn with_request_id(mut response: axum::response::Response) -> axum::response::Response {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Ok(value) = axum::http::HeaderValue::from_str(&format!("sbx-{id:06}")) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
