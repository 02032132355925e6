//! Why a request failed, as the HTTP client reports it (a leaf: the diagnostics journal records
//! it, the client produces it).

use std::time::Duration;

/// Why a request did not produce a usable response. Adapters turn these into
/// [`Problem`](crate::Problem)s in their provider's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpFailure {
    /// Plain http to a host that is not loopback, or another scheme.
    #[error("insecure url")]
    Insecure,
    /// DNS failure or connection refused.
    #[error("unreachable")]
    Unreachable,
    /// The connection broke before the answer was complete (a reset, a proxy giving up, the
    /// network changing): worth another try for a request that can be repeated.
    #[error("connection lost")]
    ConnectionLost,
    /// The TLS handshake or certificate check failed.
    #[error("tls failure")]
    Tls,
    /// No (complete) answer in time.
    #[error("timed out")]
    Timeout,
    /// Still rate limited after waiting, or asked to wait longer than we do.
    #[error("rate limited")]
    RateLimited {
        /// What the server asked for, when it said.
        retry_after: Option<Duration>,
    },
    /// 5xx after the retries.
    #[error("server error {0}")]
    ServerError(u16),
    /// A redirect we do not follow (to another origin, or too many).
    #[error("redirect refused")]
    Redirect,
    /// The body exceeded the size cap.
    #[error("response too large")]
    TooLarge,
    /// Not JSON where JSON was expected (HTML login page, truncated or malformed body).
    #[error("not the expected JSON")]
    NotJson,
}
