//! The one HTTP client every provider adapter uses.
//!
//! rustls, TLS 1.2+, connect/read/total timeouts, https only (plain http only for loopback, where
//! the Sandbox runs), no redirects to another origin (custom key headers would leak), a cap on the
//! response size, and bounded retries on 5xx/408/429 that honour `Retry-After`, and of reads
//! (GET, HEAD) whose connection dropped. Never retries other 4xx or TLS failures. Logs method, path, status and timing, never queries or bodies.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use url::Url;

use crate::diagnostics::Journal;

pub mod failure;
pub use failure::HttpFailure;

/// Tunables of the client; the defaults suit an interactive wizard.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Time to establish a connection.
    pub connect_timeout: Duration,
    /// Longest silence while reading a response.
    pub read_timeout: Duration,
    /// Deadline for one attempt, body included.
    pub total_timeout: Duration,
    /// Largest response body accepted.
    pub max_body_bytes: usize,
    /// Attempts for retryable failures (1 = no retry).
    pub max_attempts: u32,
    /// Longest `Retry-After` we wait for; a longer one is reported instead.
    pub max_retry_wait: Duration,
    /// Pause before the first retry when the server gives no `Retry-After` (doubles each time).
    pub base_backoff: Duration,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 16 * 1024 * 1024,
            max_attempts: 3,
            max_retry_wait: Duration::from_secs(30),
            base_backoff: Duration::from_millis(300),
        }
    }
}

/// A complete response: status, headers and the (size-capped) body.
#[derive(Debug)]
pub struct Response {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl Response {
    /// Decodes the body as JSON, refusing HTML and malformed or truncated bodies.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, HttpFailure> {
        let content_type = self
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if content_type.contains("html") {
            return Err(HttpFailure::NotJson);
        }
        serde_json::from_slice(&self.body).map_err(|_| HttpFailure::NotJson)
    }
}

/// The shared client. Cheap to clone.
#[derive(Debug, Clone)]
pub struct HttpClient {
    inner: reqwest::Client,
    config: HttpConfig,
    /// Where each exchange is recorded for the diagnostics bundle, if anywhere.
    journal: Option<Arc<Journal>>,
}

impl HttpClient {
    /// Builds the client with the given tunables.
    pub fn new(config: HttpConfig) -> Result<HttpClient, HttpFailure> {
        HttpClient::build(config, same_origin_redirects())
    }

    /// The same client for an OAuth token endpoint: no redirect is followed at all (a 3xx is a
    /// failure, so a code or secret is never re-sent elsewhere) and nothing is retried, because
    /// an authorisation code works only once.
    pub fn for_token_endpoint(&self) -> Result<HttpClient, HttpFailure> {
        let config = HttpConfig {
            max_attempts: 1,
            ..self.config.clone()
        };
        Ok(HttpClient {
            journal: self.journal.clone(),
            ..HttpClient::build(config, reqwest::redirect::Policy::none())?
        })
    }

    fn build(
        config: HttpConfig,
        redirects: reqwest::redirect::Policy,
    ) -> Result<HttpClient, HttpFailure> {
        let inner = reqwest::Client::builder()
            .user_agent(concat!("hrlink/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .timeout(config.total_timeout)
            .tls_version_min(reqwest::tls::Version::TLS_1_2)
            .redirect(redirects)
            .build()
            .map_err(|_| HttpFailure::Tls)?;
        Ok(HttpClient {
            inner,
            config,
            journal: None,
        })
    }

    /// The same client, recording each exchange (status, request id, timing; never the URL or a
    /// body) in `journal` for the diagnostics bundle.
    pub fn with_journal(self, journal: Arc<Journal>) -> HttpClient {
        HttpClient {
            journal: Some(journal),
            ..self
        }
    }

    /// The same client (same connection pool) that makes one attempt per request: for callers
    /// that retry themselves, such as the people listing, which pauses all its requests when
    /// one is rate limited instead of letting each retry on its own.
    pub fn without_retries(&self) -> HttpClient {
        HttpClient {
            inner: self.inner.clone(),
            config: HttpConfig {
                max_attempts: 1,
                ..self.config.clone()
            },
            journal: self.journal.clone(),
        }
    }

    /// The same client accepting response bodies of at most `bytes` (the product's backend
    /// answers with small JSON only).
    pub fn with_max_body_bytes(mut self, bytes: usize) -> HttpClient {
        self.config.max_body_bytes = bytes;
        self
    }

    /// Starts a request; send it with [`HttpClient::send`].
    pub fn request(&self, method: Method, url: Url) -> RequestBuilder {
        self.inner.request(method, url)
    }

    /// The tunables in force.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Sends a request with the retry policy and returns the complete response, whatever its
    /// status (except 5xx/429 exhausted, which become failures): 401/403/404 are for the caller.
    pub async fn send(&self, request: RequestBuilder) -> Result<Response, HttpFailure> {
        self.send_with(request, Body::Read).await
    }

    /// Like [`HttpClient::send`], but leaves the body of a successful answer unread (the
    /// response's `body` is empty): for probes that only need the status, where the body can be
    /// a whole unpaged list. Error bodies are not needed either; the headers are kept.
    pub async fn send_for_status(&self, request: RequestBuilder) -> Result<Response, HttpFailure> {
        self.send_with(request, Body::Skip).await
    }

    async fn send_with(
        &self,
        request: RequestBuilder,
        body: Body,
    ) -> Result<Response, HttpFailure> {
        let built = request.build().map_err(|_| HttpFailure::Insecure)?;
        ensure_secure(built.url())?;
        let mut attempt = 1;
        loop {
            let Some(this_try) = built.try_clone() else {
                return Err(HttpFailure::Insecure);
            };
            let started = Instant::now();
            let outcome = self.attempt(this_try, body).await;
            let path = built.url().path();
            match &outcome {
                Ok(response) => tracing::debug!(
                    method = %built.method(), path, status = response.status.as_u16(),
                    elapsed_ms = started.elapsed().as_millis() as u64, attempt, "http"
                ),
                Err(failure) => tracing::debug!(
                    method = %built.method(), path, %failure,
                    elapsed_ms = started.elapsed().as_millis() as u64, attempt, "http"
                ),
            }
            if let Some(journal) = &self.journal {
                let answer = outcome
                    .as_ref()
                    .map(|response| (response.status.as_u16(), &response.headers));
                journal.record_http(built.method(), answer, started.elapsed(), attempt);
            }
            let wait = match &outcome {
                Ok(response) => match self.retry_wait(response, attempt) {
                    Retry::No => return outcome,
                    Retry::After(wait) => wait,
                    Retry::GiveUp(failure) => return Err(failure),
                },
                // A read whose connection dropped is asked again: repeating it changes nothing.
                Err(HttpFailure::ConnectionLost)
                    if matches!(*built.method(), Method::GET | Method::HEAD)
                        && attempt < self.config.max_attempts =>
                {
                    self.backoff(attempt)
                }
                // Timeouts are not retried: the admin is waiting, and a server that did not answer
                // in 30 seconds rarely answers on the next try. They can choose Try again.
                Err(_) => return outcome,
            };
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn attempt(
        &self,
        request: reqwest::Request,
        body: Body,
    ) -> Result<Response, HttpFailure> {
        let mut response = self.inner.execute(request).await.map_err(classify)?;
        let status = response.status();
        if status.is_redirection() {
            return Err(HttpFailure::Redirect);
        }
        let headers = response.headers().clone();
        if body == Body::Skip {
            // Dropping the response closes the connection without downloading the body.
            return Ok(Response {
                status,
                headers,
                body: Vec::new(),
            });
        }
        if response
            .content_length()
            .is_some_and(|len| len > self.config.max_body_bytes as u64)
        {
            return Err(HttpFailure::TooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify_body)? {
            if body.len() + chunk.len() > self.config.max_body_bytes {
                return Err(HttpFailure::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    fn retry_wait(&self, response: &Response, attempt: u32) -> Retry {
        let status = response.status;
        let retryable = status.is_server_error()
            || status == StatusCode::TOO_MANY_REQUESTS
            || status == StatusCode::REQUEST_TIMEOUT;
        if !retryable {
            return Retry::No;
        }
        let asked = retry_after(&response.headers, SystemTime::now());
        let exhausted = attempt >= self.config.max_attempts;
        let failure = if status == StatusCode::TOO_MANY_REQUESTS {
            HttpFailure::RateLimited { retry_after: asked }
        } else if status.is_server_error() {
            HttpFailure::ServerError(status.as_u16())
        } else {
            HttpFailure::Timeout
        };
        match asked {
            Some(wait) if wait > self.config.max_retry_wait => Retry::GiveUp(failure),
            _ if exhausted => Retry::GiveUp(failure),
            Some(wait) => Retry::After(wait),
            None => Retry::After(self.backoff(attempt)),
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        self.config.base_backoff * 2u32.saturating_pow(attempt.saturating_sub(1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Read,
    Skip,
}

enum Retry {
    No,
    After(Duration),
    GiveUp(HttpFailure),
}

/// Follows redirects only within the same origin (scheme, host, port), at most five.
fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let same_origin = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if same_origin && attempt.previous().len() <= 5 {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

/// https everywhere; plain http only to loopback addresses (the Sandbox and tests).
pub fn ensure_secure(url: &Url) -> Result<(), HttpFailure> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        _ => Err(HttpFailure::Insecure),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn classify(error: reqwest::Error) -> HttpFailure {
    if error.is_timeout() {
        return HttpFailure::Timeout;
    }
    if error.is_redirect() {
        return HttpFailure::Redirect;
    }
    // reqwest does not expose TLS failures as a kind; the source chain shows them. Start below
    // reqwest's own error: its text includes the URL, and a host or path containing "tls" is
    // no TLS failure.
    if std::error::Error::source(&error).is_some_and(is_tls_failure) {
        return HttpFailure::Tls;
    }
    if error.is_connect() {
        HttpFailure::Unreachable
    } else {
        // Connected, then the connection broke before a complete answer.
        HttpFailure::ConnectionLost
    }
}

/// Reading the body failed. No content encoding is enabled (nothing to decode), so this is the
/// connection breaking mid-answer, unless the time ran out.
fn classify_body(error: reqwest::Error) -> HttpFailure {
    if error.is_timeout() {
        HttpFailure::Timeout
    } else {
        HttpFailure::ConnectionLost
    }
}

/// Whether an error, or one it wraps, is a TLS failure. rustls reports through an
/// `io::Error` of kind `InvalidData` (a broken handshake, a bad certificate), and
/// `io::Error::source` skips the error it wraps, so wrapped errors are reached with `get_ref`.
fn is_tls_failure(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::InvalidData {
                return true;
            }
            if io.get_ref().is_some_and(|inner| is_tls_failure(inner)) {
                return true;
            }
        }
        let text = error.to_string().to_ascii_lowercase();
        if text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
            return true;
        }
        current = error.source();
    }
    false
}

/// Reads `Retry-After` as seconds or an HTTP date.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Appends a documented path to a base URL that may carry a path prefix.
pub fn join(base: &Url, path: &str) -> Url {
    let mut url = base.clone();
    let joined = format!(
        "{}/{}",
        base.path().trim_end_matches('/'),
        path.trim_start_matches('/')
    );
    url.set_path(&joined);
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn https_or_loopback_only() {
        assert_eq!(ensure_secure(&url("https://api.hrworks.de/v2")), Ok(()));
        assert_eq!(ensure_secure(&url("http://127.0.0.1:4100/hrworks")), Ok(()));
        assert_eq!(ensure_secure(&url("http://[::1]:4100/")), Ok(()));
        assert_eq!(ensure_secure(&url("http://localhost:1/")), Ok(()));
        assert_eq!(
            ensure_secure(&url("http://api.hrworks.de/v2")),
            Err(HttpFailure::Insecure)
        );
        assert_eq!(
            ensure_secure(&url("http://10.0.0.1/")),
            Err(HttpFailure::Insecure)
        );
        assert_eq!(
            ensure_secure(&url("ftp://127.0.0.1/")),
            Err(HttpFailure::Insecure)
        );
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(20));
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&later).unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(20)));
        let past = httpdate::fmt_http_date(now - Duration::from_secs(20));
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&past).unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers, now), None);
    }

    #[test]
    fn join_keeps_the_base_prefix() {
        let base = url("http://127.0.0.1:4100/hrworks");
        assert_eq!(
            join(&base, "/v2/authentication").as_str(),
            "http://127.0.0.1:4100/hrworks/v2/authentication"
        );
        let root = url("https://api.hrworks.de");
        assert_eq!(
            join(&root, "/v2/persons").as_str(),
            "https://api.hrworks.de/v2/persons"
        );
        let slash = url("https://api.hrworks.de/");
        assert_eq!(
            join(&slash, "v2/persons").as_str(),
            "https://api.hrworks.de/v2/persons"
        );
    }
}
