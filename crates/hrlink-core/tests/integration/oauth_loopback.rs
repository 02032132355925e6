//! The sign-in's loopback receiver and token exchange, over real loopback HTTP against the
//! Sandbox's iPayroll authorisation server (security-anchors §2, tests 1–11).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed setup or assertion must stop the test at once"
)]

use crate::oauth_support;

use std::net::{Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use hrlink_core::http::HttpClient;
use hrlink_core::messages::Language;
use hrlink_core::oauth::{self, AuthorizationServer, OAuthClient, OAuthTokens, SignInOptions};
use hrlink_core::providers::ipayroll;
use hrlink_core::verify::VerificationReport;
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::Sandbox;
use hrlink_sandbox::scenarios::ipayroll as scenario;
use oauth_support::*;
use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use url::Url;

const SHORT: Duration = Duration::from_millis(300);

fn ipayroll_server(sandbox: &Sandbox) -> AuthorizationServer {
    ipayroll::authorization_server(&provider_endpoints(sandbox, ProviderId::Ipayroll))
}

fn scopes() -> Vec<String> {
    vec!["employees".to_owned()]
}

async fn sign_in(
    http: &HttpClient,
    server: &AuthorizationServer,
    client: &OAuthClient,
    options: &SignInOptions<'_>,
) -> Result<OAuthTokens, Problem> {
    oauth::sign_in(http, server, client, &scopes(), options).await
}

fn ipayroll_problem(make: fn(String) -> Problem) -> Problem {
    Problem::for_provider(ProviderId::Ipayroll, make)
}

#[tokio::test]
async fn a_valid_callback_signs_in_and_the_tab_says_so() {
    let sandbox = sandbox().await;
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    let tokens = sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &oauth_client(scenario::CLIENT),
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    assert_eq!(tokens.grants("employees"), Some(true));
    assert!(tokens.refresh_token.is_some());
    assert!(tokens.expires_at.is_some());

    let visit = browser.visit().await;
    assert_eq!(visit.status, 200);
    assert!(
        visit
            .page
            .contains("You can close this tab and return to HR Link")
    );
    assert!(visit.page.contains("signed in to iPayroll"));
    // The redirect URI is loopback by IP literal, never `localhost` (RFC 8252 §8.3).
    assert_eq!(visit.callback_url.host_str(), Some("127.0.0.1"));
    assert_eq!(visit.callback_url.path(), "/callback");
}

#[tokio::test]
async fn the_tab_speaks_the_admins_language() {
    let sandbox = sandbox().await;
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    let options = SignInOptions {
        language: Language::De,
        ..options(&browser, PATIENT)
    };
    sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &oauth_client(scenario::CLIENT),
        &options,
    )
    .await
    .expect("signed in");
    let page = browser.visit().await.page;
    assert!(page.contains("lang=\"de\""));
    assert!(page.contains("Sie können diesen Tab schließen"));
}

#[tokio::test]
async fn the_listener_is_on_ipv4_loopback_only() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let redirect = Url::parse(&params(&url)["redirect_uri"]).unwrap();
        assert_eq!(redirect.host_str(), Some("127.0.0.1"));
        let port = redirect.port().expect("an explicit port");
        assert!(listening(port).await);
        // Not on another interface address: not even IPv6 loopback.
        let v6 = tokio::net::TcpStream::connect(SocketAddr::from((Ipv6Addr::LOCALHOST, port)));
        assert!(v6.await.is_err());
        options.cancel.cancel();
    });
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInCancelled { provider })
    );
}

#[tokio::test]
async fn a_wrong_state_is_ignored_and_the_wait_ends_as_unverified() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    // Long enough for the forged request to arrive first on a busy machine.
    let options = options(&browser, Duration::from_secs(2));
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let (status, page) = get(&callback(&url, "code=forged&state=WRONG"))
            .await
            .unwrap();
        assert_eq!(status, 200);
        assert!(page.contains("could not be verified"), "{page}");
    });
    // Not an exchange of the forged code (that would be `invalid_grant`), not a plain timeout.
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInStateMismatch { provider })
    );
}

#[tokio::test]
async fn a_wrong_state_does_not_stop_the_real_callback() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let (_, page) = get(&callback(&url, "code=forged&state=WRONG"))
            .await
            .unwrap();
        assert!(page.contains("could not be verified"));
        let visit = consent(url, Consent::allow(scenario::API_USER)).await;
        assert!(visit.page.contains("signed in"));
    });
    assert!(outcome.is_ok(), "{outcome:?}");
}

#[tokio::test]
async fn a_hundred_slow_connections_do_not_starve_the_real_callback() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let port = Url::parse(&params(&url)["redirect_uri"])
            .unwrap()
            .port()
            .unwrap();
        // Each starts a request head and never finishes it, holding its place.
        let mut slow = Vec::new();
        for _ in 0..100 {
            let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .unwrap();
            socket.write_all(b"GET /callback?state=").await.unwrap();
            slow.push(socket);
        }
        let visit = consent(url, Consent::allow(scenario::API_USER)).await;
        assert_eq!(visit.status, 200);
        assert!(visit.page.contains("signed in"), "{}", visit.page);
        drop(slow);
    });
    assert!(outcome.is_ok(), "{outcome:?}");
}

#[tokio::test]
async fn a_connection_that_never_sends_its_request_is_closed_within_two_seconds() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let port = Url::parse(&params(&url)["redirect_uri"])
            .unwrap()
            .port()
            .unwrap();
        let mut idle = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .unwrap();
        let started = std::time::Instant::now();
        let mut rest = Vec::new();
        let closed = tokio::time::timeout(Duration::from_secs(5), idle.read_to_end(&mut rest));
        assert!(closed.await.is_ok(), "still open after 5 s");
        assert!(rest.is_empty(), "an idle connection gets no page");
        let waited = started.elapsed();
        assert!(
            waited < Duration::from_millis(3500),
            "closed after {waited:?}"
        );
        options.cancel.cancel();
    });
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInCancelled { provider })
    );
}

#[tokio::test]
async fn missing_and_repeated_states_are_rejected_alike() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, Duration::from_secs(3));
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let state = params(&url)["state"].clone();
        for query in [
            "code=forged".to_owned(),
            format!("code=forged&state={state}&state={state}"),
            format!("code=forged&state={state}&state=other"),
            format!("error=access_denied&state={state}x"),
        ] {
            let (status, page) = get(&callback(&url, &query)).await.unwrap();
            assert_eq!(status, 200, "{query}");
            assert!(page.contains("could not be verified"), "{query}");
        }
    });
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInStateMismatch { provider })
    );
}

#[tokio::test]
async fn a_replay_after_success_finds_no_listener() {
    let sandbox = sandbox().await;
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &oauth_client(scenario::CLIENT),
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    let visit = browser.visit().await;
    let replay = get(&visit.callback_url).await;
    assert!(
        replay.as_ref().is_err_and(|error| error.is_connect()),
        "a replay must find the port closed: {replay:?}"
    );
}

#[tokio::test]
async fn favicon_and_root_are_404_and_do_not_consume_the_one_shot() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, ()) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let redirect = Url::parse(&params(&url)["redirect_uri"]).unwrap();
        for path in ["/favicon.ico", "/", "/callback/extra"] {
            let (status, _) = get(&redirect.join(path).unwrap()).await.unwrap();
            assert_eq!(status, 404, "{path}");
        }
        let visit = consent(url, Consent::allow(scenario::API_USER)).await;
        assert_eq!(visit.status, 200);
    });
    assert!(outcome.is_ok(), "{outcome:?}");
}

#[tokio::test]
async fn no_answer_times_out_and_closes_the_port() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let outcome = sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &oauth_client(scenario::CLIENT),
        &options(&browser, SHORT),
    )
    .await;
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInTimedOut { provider })
    );
    let url = recorded.next().await;
    let port = Url::parse(&params(&url)["redirect_uri"])
        .unwrap()
        .port()
        .unwrap();
    assert!(
        !listening(port).await,
        "the port is closed after the timeout"
    );
}

#[tokio::test]
async fn cancel_ends_the_sign_in_and_closes_the_port() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let cancel = options.cancel.clone();
    let (outcome, port) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        cancel.cancel();
        Url::parse(&params(&url)["redirect_uri"])
            .unwrap()
            .port()
            .unwrap()
    });
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInCancelled { provider })
    );
    assert!(!listening(port).await);

    // Cancelled before it starts: no browser opens.
    let (browser, recorded) = recording_browser();
    let early = oauth_support::options(&browser, PATIENT);
    early.cancel.cancel();
    let outcome = sign_in(&http, &server, &client, &early).await;
    assert!(matches!(outcome, Err(Problem::SignInCancelled { .. })));
    assert_eq!(recorded.times_opened(), 0);
}

#[tokio::test]
async fn a_fixed_port_in_use_is_reported_and_no_browser_opens() {
    let sandbox = sandbox().await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (browser, recorded) = recording_browser();
    let client = OAuthClient {
        redirect_port: port,
        ..oauth_client(scenario::CLIENT)
    };
    let outcome = sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &client,
        &options(&browser, PATIENT),
    )
    .await;
    assert_eq!(outcome.unwrap_err(), Problem::RedirectPortInUse { port });
    assert_eq!(recorded.times_opened(), 0);
}

#[tokio::test]
async fn a_free_fixed_port_is_the_redirect_uri() {
    let sandbox = sandbox().await;
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    let client = OAuthClient {
        redirect_port: port,
        ..oauth_client(scenario::CLIENT)
    };
    sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &client,
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    let visit = browser.visit().await;
    assert_eq!(
        params(&visit.authorize_url)["redirect_uri"],
        format!("http://127.0.0.1:{port}/callback")
    );
}

#[tokio::test]
async fn consent_denied_is_sign_in_denied() {
    let sandbox = sandbox().await;
    let browser = ScriptedBrowser::new(Consent::deny(scenario::API_USER));
    let outcome = sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &oauth_client(scenario::CLIENT),
        &options(&browser, PATIENT),
    )
    .await;
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::SignInDenied { provider })
    );
    let visit = browser.visit().await;
    assert!(visit.page.contains("You declined access"), "{}", visit.page);
    assert!(visit.page.contains("return to HR Link"));
}

#[tokio::test]
async fn the_providers_error_text_is_escaped_on_the_page() {
    let sandbox = sandbox().await;
    let (browser, mut recorded) = recording_browser();
    let server = ipayroll_server(&sandbox);
    let client = oauth_client(scenario::CLIENT);
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, page) = tokio::join!(sign_in(&http, &server, &client, &options), async {
        let url = recorded.next().await;
        let state = params(&url)["state"].clone();
        let query = format!(
            "error=invalid_scope&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state={state}"
        );
        get(&callback(&url, &query)).await.unwrap().1
    });
    assert!(!page.contains("<script>"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("iPayroll reported a problem"));
    assert_eq!(
        outcome.unwrap_err(),
        Problem::SignInRefused {
            provider: "iPayroll".into(),
            error: "invalid_scope".into()
        }
    );
}

#[tokio::test]
async fn a_plain_http_authorize_url_is_refused_before_any_browser_opens() {
    let sandbox = sandbox().await;
    let server = AuthorizationServer {
        authorize_url: Url::parse("http://auth.example/oauth/authorize").unwrap(),
        ..ipayroll_server(&sandbox)
    };
    let (browser, recorded) = recording_browser();
    let outcome = sign_in(
        &http(),
        &server,
        &oauth_client(scenario::CLIENT),
        &options(&browser, PATIENT),
    )
    .await;
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::InsecureEndpoint { provider })
    );
    assert_eq!(recorded.times_opened(), 0);
}

#[tokio::test]
async fn a_browser_that_cannot_open_is_browser_unavailable() {
    let sandbox = sandbox().await;
    let broken = |_: &Url| Err(Problem::BrowserUnavailable);
    let outcome = sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &oauth_client(scenario::CLIENT),
        &options(&broken, PATIENT),
    )
    .await;
    assert_eq!(outcome.unwrap_err(), Problem::BrowserUnavailable);
}

/// Answers every request with `307` to `location` and counts the connections it got.
async fn redirecting_server(location: Option<String>) -> (Url, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = Url::parse(&format!(
        "http://{}/oauth/token",
        listener.local_addr().unwrap()
    ))
    .unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            read_request(&mut stream).await;
            let answer = match &location {
                Some(location) => format!(
                    "HTTP/1.1 307 Temporary Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                ),
                None => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".to_owned(),
            };
            let _ = stream.write_all(answer.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
    });
    (url, connections)
}

/// Reads a whole request (head and `Content-Length` body), so that closing does not reset.
async fn read_request(stream: &mut tokio::net::TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let Ok(read) = stream.read(&mut buffer).await else {
            return;
        };
        if read == 0 {
            return;
        }
        request.extend_from_slice(&buffer[..read]);
        let text = String::from_utf8_lossy(&request);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if body.len() >= length {
                return;
            }
        }
    }
}

#[tokio::test]
async fn the_token_endpoint_follows_no_redirect() {
    let sandbox = sandbox().await;
    let (elsewhere, elsewhere_connections) = redirecting_server(None).await;
    // Even a same-origin redirect is refused: it would resend the code and the client secret.
    let (token_url, token_connections) = redirecting_server(Some(elsewhere.to_string())).await;
    let server = AuthorizationServer {
        token_url,
        ..ipayroll_server(&sandbox)
    };
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    let outcome = sign_in(
        &http(),
        &server,
        &oauth_client(scenario::CLIENT),
        &options(&browser, PATIENT),
    )
    .await;
    assert_eq!(
        outcome.unwrap_err(),
        ipayroll_problem(|provider| Problem::ProviderUnexpectedResponse { provider })
    );
    assert_eq!(
        token_connections.load(Ordering::SeqCst),
        1,
        "one attempt, no retry"
    );
    assert_eq!(elsewhere_connections.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_rejected_client_secret_is_reported_and_never_echoed() {
    let sandbox = sandbox().await;
    let client = OAuthClient {
        client_secret: Some(SecretString::from(CANARY_SECRET)),
        ..oauth_client(scenario::CLIENT)
    };
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    let problem = sign_in(
        &http(),
        &ipayroll_server(&sandbox),
        &client,
        &options(&browser, PATIENT),
    )
    .await
    .unwrap_err();
    assert_eq!(
        problem,
        ipayroll_problem(|provider| Problem::ClientRejected { provider })
    );
    let report = VerificationReport::failed(ProviderId::Ipayroll, problem.clone());
    let surfaces = [
        format!("{problem:?}"),
        problem.to_string(),
        serde_json::to_string(&problem).unwrap(),
        serde_json::to_string(&report).unwrap(),
        format!("{report:?}"),
        format!("{client:?}"),
        format!("{:?}", browser.visit().await),
    ];
    for surface in surfaces {
        assert!(!surface.contains(CANARY_SECRET), "canary in {surface}");
    }
}
