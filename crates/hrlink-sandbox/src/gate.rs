//! What every machine-facing request (API and token endpoints, not consent pages) passes
//! through before its handler: the configured latency, the rate limit and injected faults.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use futures::StreamExt;

use crate::faults::{Disruption, Spoil};
use crate::rate_limit::{RateLimiter, retry_after_secs};
use crate::{Provider, RetryAfter, Shared};

/// A provider's own error body (`status`, its error code, the message), which each provider
/// module hands to its gate, so the gate answers in that provider's shape without knowing it.
pub(crate) type ErrorBody = fn(StatusCode, &str, &str) -> Response;

/// One provider's gate. Cheap to clone; clones share the rate-limit bucket, so a provider
/// served under two prefixes (Employment Hero's API and OAuth hosts) has one limit.
#[derive(Clone)]
pub(crate) struct Gate(Arc<GateState>);

struct GateState {
    provider: Provider,
    error: ErrorBody,
    shared: Shared,
    limiter: Option<RateLimiter>,
    /// Counts rate-limit refusals, for providers that vary their `Retry-After` form.
    refusals: AtomicU64,
}

impl Gate {
    pub(crate) fn new(provider: Provider, shared: &Shared, error: ErrorBody) -> Self {
        Self(Arc::new(GateState {
            provider,
            error,
            shared: shared.clone(),
            limiter: (shared.config.rate_limit)
                .and_then(NonZeroU32::new)
                .map(RateLimiter::per_second),
            refusals: AtomicU64::new(0),
        }))
    }

    /// Puts `router`'s routes behind this gate.
    pub(crate) fn guard(&self, router: Router) -> Router {
        router.layer(middleware::from_fn_with_state(Arc::clone(&self.0), pass))
    }
}

async fn pass(State(gate): State<Arc<GateState>>, request: Request, next: Next) -> Response {
    let response = answer(&gate, request, next).await;
    gate.shared
        .stats
        .record(gate.provider, response.status().as_u16());
    response
}

async fn answer(gate: &GateState, request: Request, next: Next) -> Response {
    let faults = &gate.shared.faults;
    let delay = gate.shared.config.latency + faults.latency(gate.provider);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if let Some(Err(wait)) = gate.limiter.as_ref().map(RateLimiter::try_acquire) {
        let secs = retry_after_secs(wait);
        let retry_after = match gate.provider {
            // providers.md: Employment Hero sends seconds, sometimes an HTTP date.
            Provider::EmploymentHero if gate.refusals.fetch_add(1, Ordering::Relaxed) % 2 == 1 => {
                RetryAfter::HttpDate(secs)
            }
            _ => RetryAfter::Seconds(secs),
        };
        return too_many_requests(gate.error, retry_after);
    }
    let Some(disruption) = faults.next_disruption(gate.provider) else {
        return next.run(request).await;
    };
    match disruption {
        Disruption::TooManyRequests(retry_after) => too_many_requests(gate.error, retry_after),
        Disruption::ServerError(status) => server_error(gate.error, status),
        Disruption::HtmlOk => html_sign_in_page(),
        Disruption::Hang(duration) => {
            let mut stop = gate.shared.stop.clone();
            tokio::select! {
                () = tokio::time::sleep(duration) => {}
                _ = stop.wait_for(|stop| *stop) => {}
            }
            next.run(request).await
        }
        Disruption::Spoil(spoil) => spoil_body(next.run(request).await, spoil).await,
        Disruption::DropConnection => drop_mid_body(next.run(request).await).await,
    }
}

pub(crate) fn too_many_requests(error: ErrorBody, retry_after: RetryAfter) -> Response {
    let mut response = error(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limit_exceeded",
        "Too many requests. Try again later.",
    );
    let value = match retry_after {
        RetryAfter::Seconds(secs) => Some(secs.to_string()),
        RetryAfter::HttpDate(secs) => Some(httpdate::fmt_http_date(
            SystemTime::now() + Duration::from_secs(secs.into()),
        )),
        RetryAfter::Omitted => None,
    };
    if let Some(value) = value.and_then(|value| HeaderValue::from_str(&value).ok()) {
        response.headers_mut().insert(RETRY_AFTER, value);
    }
    response
}

/// 500 is the application failing (its JSON error body); other 5xx come from the load
/// balancer in front of it, which answers with its own HTML.
pub(crate) fn server_error(error: ErrorBody, status: u16) -> Response {
    let status = StatusCode::from_u16(status)
        .ok()
        .filter(StatusCode::is_server_error)
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        return error(status, "internal_error", "An unexpected error occurred.");
    }
    let reason = status.canonical_reason().unwrap_or("Server Error");
    let code = status.as_u16();
    let page = format!(
        "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} \
         {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    (status, Html(page)).into_response()
}

/// What a captive portal or an SSO proxy answers instead of the API: 200 and a login page.
pub(crate) fn html_sign_in_page() -> Response {
    Html(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title>\
         </head>\n<body><h1>Sign in to continue</h1><form method=\"post\" action=\"/login\">\
         <label>Username <input name=\"username\"></label><label>Password <input \
         name=\"password\" type=\"password\"></label><button>Sign in</button></form></body>\
         </html>\n",
    )
    .into_response()
}

/// The real answer with its body cut, prefixed or padded. Headers stay (but the length).
async fn spoil_body(response: Response, spoil: Spoil) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let spoiled = match spoil {
        Spoil::Truncated => bytes.slice(..bytes.len() / 2),
        Spoil::Malformed => [&b")]}',\n"[..], &bytes].concat().into(),
        Spoil::Oversized(size) => {
            let mut padded = Vec::with_capacity(size.max(bytes.len()));
            padded.extend_from_slice(&bytes);
            padded.resize(size.max(bytes.len()), b' ');
            padded.into()
        }
    };
    parts.headers.remove(CONTENT_LENGTH);
    if !parts.headers.contains_key(CONTENT_TYPE) {
        parts
            .headers
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    Response::from_parts(parts, Body::from(spoiled))
}

/// The real answer's headers, its full `Content-Length` and half its body, then the connection
/// breaks: the body stream fails, and the server closes the connection without finishing it.
async fn drop_mid_body(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    parts
        .headers
        .insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    let half = bytes.slice(..bytes.len() / 2);
    // The pause lets the server flush the headers and the half before the connection breaks.
    let broken = futures::stream::iter([Ok(half)]).chain(futures::stream::once(async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection dropped by fault injection",
        ))
    }));
    Response::from_parts(parts, Body::from_stream(broken))
}
