//! The HTTP client's promises (security-anchors.md §5), each against a raw loopback server that
//! counts what reaches it: the retry matrix with exact attempt counts, `Retry-After` in both
//! forms, timeouts, transport faults, the size cap and redirects.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime};

use common::{
    RawServer, Reply, chunked_response, client, closed_port, fast_config, impatient_config,
    response,
};
use hrlink_core::http::{HttpClient, HttpConfig, HttpFailure};
use reqwest::Method;
use url::Url;

async fn get(http: &HttpClient, url: Url) -> Result<hrlink_core::http::Response, HttpFailure> {
    http.send(http.request(Method::GET, url)).await
}

/// A server answering the first request with `first`, and every later one 200.
async fn first_then_ok(first: Reply) -> RawServer {
    RawServer::start(move |_, n| if n == 0 { first.clone() } else { status(200) }).await
}

fn status(code: u16) -> Reply {
    Reply::Bytes(response(
        code,
        &[("content-type", "application/json")],
        b"{}",
    ))
}

#[test]
fn every_timeout_and_limit_is_set_by_default() {
    let config = HttpConfig::default();
    for (name, value) in [
        ("connect", config.connect_timeout),
        ("read", config.read_timeout),
        ("total", config.total_timeout),
        ("retry wait cap", config.max_retry_wait),
        ("backoff", config.base_backoff),
    ] {
        assert!(!value.is_zero(), "{name} is zero");
    }
    assert!(config.connect_timeout <= config.total_timeout);
    assert!(config.max_body_bytes > 0 && config.max_body_bytes <= 64 * 1024 * 1024);
    assert!((2..=5).contains(&config.max_attempts));
}

#[tokio::test]
async fn the_retry_matrix_counts_attempts_exactly() {
    let config = fast_config();
    let http = client(config.clone());
    let attempts = config.max_attempts as usize;
    let cases: &[(u16, usize, Result<u16, HttpFailure>)] = &[
        (200, 1, Ok(200)),
        (201, 1, Ok(201)),
        (204, 1, Ok(204)),
        (400, 1, Ok(400)),
        (401, 1, Ok(401)),
        (403, 1, Ok(403)),
        (404, 1, Ok(404)),
        (409, 1, Ok(409)),
        (422, 1, Ok(422)),
        (500, attempts, Err(HttpFailure::ServerError(500))),
        (502, attempts, Err(HttpFailure::ServerError(502))),
        (503, attempts, Err(HttpFailure::ServerError(503))),
        (504, attempts, Err(HttpFailure::ServerError(504))),
        (408, attempts, Err(HttpFailure::Timeout)),
        (
            429,
            attempts,
            Err(HttpFailure::RateLimited { retry_after: None }),
        ),
    ];
    for (code, expected_requests, expected) in cases {
        let code = *code;
        let server = RawServer::start(move |_, _| status(code)).await;
        let outcome = get(&http, server.url("/x"))
            .await
            .map(|r| r.status.as_u16());
        assert_eq!(&outcome, expected, "status {code}");
        assert_eq!(
            server.request_count(),
            *expected_requests,
            "requests for status {code}"
        );
    }
}

#[tokio::test]
async fn a_retry_that_succeeds_returns_the_success() {
    let http = client(fast_config());
    let server = first_then_ok(status(503)).await;
    let response = get(&http, server.url("/x")).await.unwrap();
    assert_eq!(response.status.as_u16(), 200);
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_post_is_retried_with_its_body() {
    // The sign-in POST is safe to repeat (it creates nothing); a retry must resend the body.
    let http = client(fast_config());
    let server = first_then_ok(status(502)).await;
    let request = http
        .request(Method::POST, server.url("/token"))
        .json(&serde_json::json!({"username": "u"}));
    assert_eq!(http.send(request).await.unwrap().status.as_u16(), 200);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(requests[1].body, br#"{"username":"u"}"#);
}

#[tokio::test]
async fn a_read_whose_connection_dropped_is_asked_again_but_never_a_post() {
    let config = fast_config();
    let http = client(config.clone());
    // Cut off mid-body once, then answered.
    let server = first_then_ok(Reply::Bytes(
        b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"cut\":".to_vec(),
    ))
    .await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap().status.as_u16(),
        200
    );
    assert_eq!(server.request_count(), 2);

    // Dropped every time: given up after the usual attempts.
    let server = RawServer::start(|_, _| Reply::Close).await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap_err(),
        HttpFailure::ConnectionLost
    );
    assert_eq!(server.request_count(), config.max_attempts as usize);

    // A POST may have been acted on before the connection dropped: never sent twice.
    let server = RawServer::start(|_, _| Reply::Close).await;
    let request = http
        .request(Method::POST, server.url("/token"))
        .json(&serde_json::json!({"username": "u"}));
    assert_eq!(
        http.send(request).await.unwrap_err(),
        HttpFailure::ConnectionLost
    );
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn retry_after_seconds_is_honoured() {
    let http = client(fast_config());
    let server = first_then_ok(Reply::Bytes(response(429, &[("retry-after", "1")], b""))).await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap().status.as_u16(),
        200
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let waited = requests[1].at - requests[0].at;
    assert!(waited >= Duration::from_millis(950), "waited {waited:?}");
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let http = client(fast_config());
    let server = RawServer::start(|_, n| {
        if n == 0 {
            // Two seconds ahead; the date has whole seconds, so at least one remains.
            let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
            Reply::Bytes(response(503, &[("retry-after", &date)], b""))
        } else {
            status(200)
        }
    })
    .await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap().status.as_u16(),
        200
    );
    let requests = server.requests();
    let waited = requests[1].at - requests[0].at;
    assert!(waited >= Duration::from_millis(950), "waited {waited:?}");
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_reported_at_once() {
    let http = client(fast_config());
    for value in [
        "86400".to_owned(),
        httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600)),
    ] {
        let header = value.clone();
        let server = RawServer::start(move |_, _| {
            Reply::Bytes(response(429, &[("retry-after", &header)], b""))
        })
        .await;
        let failure = get(&http, server.url("/x")).await.unwrap_err();
        let HttpFailure::RateLimited {
            retry_after: Some(asked),
        } = failure
        else {
            panic!("{value}: {failure:?}");
        };
        assert!(asked > Duration::from_secs(3500), "{value}: {asked:?}");
        assert_eq!(server.request_count(), 1, "{value}: no retry");
    }
}

#[tokio::test]
async fn without_retry_after_the_backoff_doubles() {
    let http = client(HttpConfig {
        base_backoff: Duration::from_millis(100),
        ..fast_config()
    });
    let server = RawServer::start(|_, _| status(429)).await;
    let failure = get(&http, server.url("/x")).await.unwrap_err();
    assert_eq!(failure, HttpFailure::RateLimited { retry_after: None });
    let at: Vec<_> = server.requests().iter().map(|r| r.at).collect();
    assert_eq!(at.len(), 3);
    assert!(
        at[1] - at[0] >= Duration::from_millis(95),
        "{:?}",
        at[1] - at[0]
    );
    assert!(
        at[2] - at[1] >= Duration::from_millis(195),
        "{:?}",
        at[2] - at[1]
    );
}

#[tokio::test]
async fn a_hung_server_times_out_once_without_retrying() {
    // The admin is waiting: a timeout is reported at once (they can choose Try again), not
    // multiplied by the retry budget.
    let http = client(impatient_config());
    let server = RawServer::start(|_, _| Reply::Silent).await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap_err(),
        HttpFailure::Timeout
    );
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_status_probe_never_downloads_the_body() {
    // A huge answer whose body never arrives: reading it would time out or hit the size cap,
    // so an immediate 200 proves the body was left unread.
    let http = client(HttpConfig {
        max_attempts: 1,
        ..impatient_config()
    });
    let server = RawServer::start(|_, _| {
        Reply::Stall(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 900000000\r\n\r\n[{"
                .to_vec(),
        )
    })
    .await;
    let response = http
        .send_for_status(http.request(Method::GET, server.url("/v2/persons")))
        .await
        .unwrap();
    assert_eq!(response.status.as_u16(), 200);
    assert!(response.body.is_empty());
}

#[tokio::test]
async fn a_stalled_body_times_out() {
    let http = client(HttpConfig {
        max_attempts: 1,
        ..impatient_config()
    });
    let server = RawServer::start(|_, _| {
        Reply::Stall(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{\"partial\":".to_vec())
    })
    .await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap_err(),
        HttpFailure::Timeout
    );
}

#[tokio::test]
async fn transport_faults_have_their_own_failures() {
    let http = client(fast_config());

    let port = closed_port().await;
    let refused = Url::parse(&format!("http://127.0.0.1:{port}/x")).unwrap();
    assert_eq!(
        get(&http, refused).await.unwrap_err(),
        HttpFailure::Unreachable
    );

    // A URL that happens to contain "tls" or "certificate" is not a TLS failure.
    let named = Url::parse(&format!(
        "http://127.0.0.1:{port}/certificates/tls-handshake"
    ))
    .unwrap();
    assert_eq!(
        get(&http, named).await.unwrap_err(),
        HttpFailure::Unreachable
    );

    let server = RawServer::start(|_, _| {
        Reply::Bytes(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"cut\":".to_vec())
    })
    .await;
    assert_eq!(
        get(&http, server.url("/x")).await.unwrap_err(),
        HttpFailure::ConnectionLost,
        "the connection closed mid-body"
    );

    let server = RawServer::start(|_, _| Reply::Close).await;
    let failure = get(&http, server.url("/x")).await.unwrap_err();
    assert_eq!(
        failure,
        HttpFailure::ConnectionLost,
        "closed without an answer"
    );
}

#[tokio::test]
async fn a_tls_failure_is_tls_and_never_retried() {
    let http = client(fast_config());
    let server = RawServer::not_tls().await;
    let url = Url::parse(&format!("https://{}/x", server.addr)).unwrap();
    assert_eq!(get(&http, url).await.unwrap_err(), HttpFailure::Tls);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn insecure_addresses_are_refused_before_any_request() {
    let http = client(fast_config());
    for url in [
        "http://api.hrworks.de/v2/authentication",
        "http://10.0.0.1/",
        "ftp://127.0.0.1/",
    ] {
        let failure = get(&http, Url::parse(url).unwrap()).await.unwrap_err();
        assert_eq!(failure, HttpFailure::Insecure, "{url}");
    }
}

#[tokio::test]
async fn the_size_cap_holds_with_and_without_content_length() {
    let cap = 64 * 1024;
    let http = client(HttpConfig {
        max_body_bytes: cap,
        ..fast_config()
    });
    let body = |len: usize| vec![b' '; len];
    let cases: Vec<(&str, Vec<u8>, Result<usize, HttpFailure>)> = vec![
        (
            "exactly the cap, with length",
            response(200, &[], &body(cap)),
            Ok(cap),
        ),
        (
            "exactly the cap, chunked",
            chunked_response(200, &body(cap), 4096),
            Ok(cap),
        ),
        (
            "one byte over, with length",
            response(200, &[], &body(cap + 1)),
            Err(HttpFailure::TooLarge),
        ),
        (
            "one byte over, chunked",
            chunked_response(200, &body(cap + 1), 4096),
            Err(HttpFailure::TooLarge),
        ),
        (
            "far over, chunked in one piece",
            chunked_response(200, &body(cap * 16), cap * 16),
            Err(HttpFailure::TooLarge),
        ),
        (
            "a large error page is refused too",
            response(500, &[], &body(cap * 2)),
            Err(HttpFailure::TooLarge),
        ),
    ];
    for (name, bytes, expected) in cases {
        let server = RawServer::start(move |_, _| Reply::Bytes(bytes.clone())).await;
        let outcome = get(&http, server.url("/x")).await.map(|r| r.body.len());
        assert_eq!(outcome, expected, "{name}");
        // Too large is not retried: the next answer would be as large.
        assert_eq!(server.request_count(), 1, "{name}");
    }
}

#[tokio::test]
async fn same_origin_redirects_are_followed_with_the_token() {
    let http = client(fast_config());
    let server = RawServer::start(|request, _| match request.path() {
        "/old" => Reply::Bytes(response(301, &[("location", "/new")], b"")),
        _ => status(200),
    })
    .await;
    let request = http
        .request(Method::GET, server.url("/old"))
        .bearer_auth("t0k3n");
    assert_eq!(http.send(request).await.unwrap().status.as_u16(), 200);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].path(), "/new");
    assert_eq!(requests[1].header("authorization"), Some("Bearer t0k3n"));
}

#[tokio::test]
async fn redirects_to_another_origin_are_refused_and_nothing_reaches_it() {
    let http = client(fast_config());
    let other_host =
        RawServer::start_on(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)), |_, _| status(200)).await;
    let other_port = RawServer::start(|_, _| status(200)).await;
    for target in [
        format!("http://{}/collect", other_host.addr),
        format!("{}/collect", other_port.origin()),
    ] {
        for code in [301, 302, 303, 307, 308] {
            let location = target.clone();
            let server = RawServer::start(move |_, _| {
                Reply::Bytes(response(code, &[("location", &location)], b""))
            })
            .await;
            let request = http
                .request(Method::POST, server.url("/v2/authentication"))
                .header("x-secret-key", "s3cr3t")
                .bearer_auth("t0k3n")
                .json(&serde_json::json!({"secretAccessKey": "s3cr3t"}));
            assert_eq!(
                http.send(request).await.unwrap_err(),
                HttpFailure::Redirect,
                "{code} to {target}"
            );
            assert_eq!(server.request_count(), 1, "not retried");
        }
    }
    assert_eq!(other_host.connections.load(Ordering::SeqCst), 0);
    assert_eq!(other_port.connections.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_same_origin_redirect_loop_ends() {
    let http = client(fast_config());
    let server = RawServer::start(|request, _| {
        let next = if request.path() == "/a" { "/b" } else { "/a" };
        Reply::Bytes(response(302, &[("location", next)], b""))
    })
    .await;
    assert_eq!(
        get(&http, server.url("/a")).await.unwrap_err(),
        HttpFailure::Redirect
    );
    assert!(server.request_count() <= 7, "{}", server.request_count());
}

#[tokio::test]
async fn json_is_refused_when_html_malformed_or_truncated() {
    let http = client(fast_config());
    let cases: &[(&str, &[u8], bool)] = &[
        ("application/json", br#"{"ok":true}"#, true),
        ("application/json; charset=utf-8", br#"{"ok":true}"#, true),
        ("", br#"{"ok":true}"#, true),
        ("text/html; charset=utf-8", br#"{"ok":true}"#, false),
        ("text/html", b"<html><body>Sign in</body></html>", false),
        ("application/json", b")]}',\n{\"ok\":true}", false),
        ("application/json", br#"{"ok":tr"#, false),
        ("application/json", b"", false),
    ];
    for (content_type, body, decodes) in cases {
        let headers: Vec<(&str, &str)> = if content_type.is_empty() {
            Vec::new()
        } else {
            vec![("content-type", *content_type)]
        };
        let bytes = response(200, &headers, body);
        let server = RawServer::start(move |_, _| Reply::Bytes(bytes.clone())).await;
        let response = get(&http, server.url("/x")).await.unwrap();
        let decoded = response.json::<serde_json::Value>();
        assert_eq!(decoded.is_ok(), *decodes, "{content_type} {body:?}");
        if !decodes {
            assert_eq!(decoded.unwrap_err(), HttpFailure::NotJson);
        }
    }
}
