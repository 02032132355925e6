//! The fault matrix: every provider that verifies without a browser × every failure
//! `shared/providers.md` says an adapter must survive, asserting the problem the admin sees.
//!
//! The Sandbox's fault knobs produce most cells; a tiny raw server in the test produces the rest
//! (plain 401/403 at sign-in, connection refused, a broken TLS handshake, a cross-host
//! redirect, an oversized body with `Content-Length`). One table, run once per provider, and
//! every mismatch reported at the end so that one run shows the whole picture.
//!
//! Employment Hero and iPayroll are not here: their API calls need a token from a browser
//! sign-in, and the Sandbox has no test-only way to mint one (see the report of this change).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

mod common;

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr};
use std::ops::RangeInclusive;
use std::time::Duration;

use common::{
    CANARY, RawRequest, RawServer, Reply, assert_nowhere, client, closed_port, codes, endpoints,
    endpoints_at, fast_config, hrworks, hrworks_keys, impatient_config, iris, iris_login,
    json_response, response, sandbox,
};
use hrlink_core::http::HttpClient;
use hrlink_core::verify::{
    Credentials, PermissionStatus, VerificationReport, VerifyProgress, VerifyStep, verify,
};
use hrlink_core::{Endpoints, Problem};
use hrlink_sandbox::scenarios::{hrworks as hrworks_scenario, iris as iris_scenario};
use hrlink_sandbox::{Fault, Faults, Provider, RetryAfter, Sandbox};
use serde_json::json;

/// A provider under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    Hrworks,
    Iris,
}

impl Subject {
    fn valid(self) -> Credentials {
        match self {
            Subject::Hrworks => hrworks(hrworks_scenario::VALID),
            Subject::Iris => iris(iris_scenario::VALID),
        }
    }

    /// Credentials the Sandbox itself refuses (HRworks answers 403, IRIS 401).
    fn refused(self) -> Credentials {
        match self {
            Subject::Hrworks => hrworks(hrworks_scenario::UNKNOWN),
            Subject::Iris => iris_login(iris_scenario::VALID.username, "wrong-password"),
        }
    }

    fn sandbox_provider(self) -> Provider {
        match self {
            Subject::Hrworks => Provider::HrWorks,
            Subject::Iris => Provider::Iris,
        }
    }

    fn display_name(self) -> String {
        match self {
            Subject::Hrworks => "HRworks",
            Subject::Iris => "IRIS HR Professional",
        }
        .to_owned()
    }

    /// What a successful sign-in answers, for scripted servers.
    fn sign_in_ok(self, token: &str) -> Reply {
        match self {
            Subject::Hrworks => json_response(200, &json!({ "token": token })),
            Subject::Iris => {
                json_response(200, &json!({ "access_token": token, "expires_in": 900 }))
            }
        }
    }

    /// Endpoints with this provider at `origin`.
    fn endpoints_at(self, origin: &str) -> Endpoints {
        endpoints_at(origin, origin)
    }
}

/// How a cell produces its fault.
enum Setup {
    /// A Sandbox fault armed before verifying: the sign-in meets it first.
    Before(Fault),
    /// A Sandbox fault armed once sign-in succeeded: the probes meet it.
    FaultAfterSignIn(Fault),
    /// [`Setup::Before`] with a client whose timeouts are short enough to hit.
    Impatient(Fault),
    /// The Sandbox with credentials it refuses.
    Refused,
    /// A raw server: `sign_in` answers the POST, `rest` every GET.
    Raw {
        sign_in: fn(Subject) -> Reply,
        rest: fn() -> Reply,
        /// Exactly this many sign-in requests must arrive (retries counted).
        sign_in_requests: usize,
        /// Use the client with short timeouts.
        impatient: bool,
    },
    /// Nothing listens on the port.
    ClosedPort,
    /// An `https` address whose server does not speak TLS.
    NotTls,
    /// Sign-in answers `302` to another loopback host, which must receive nothing.
    CrossHostRedirect,
    /// Plain `http` to a host that is not loopback.
    InsecureAddress,
}

/// What the admin must see.
enum Expect {
    /// A verified connection: the fault was retried away.
    Verified,
    /// A failed verification whose problems all have this code (permission problems come one
    /// per missing permission; transport problems are reported once).
    Code(&'static str),
    /// `provider_rate_limited` with `retry_after_seconds` in this range, or absent for `None`.
    RateLimited(Option<RangeInclusive<u32>>),
}

struct Cell {
    name: &'static str,
    setup: Setup,
    expect: Expect,
}

fn too_many(times: u32, retry_after: RetryAfter) -> Fault {
    Fault::TooManyRequests { times, retry_after }
}

const ALWAYS: u32 = 1000;
const BIG: usize = 2 * 1024 * 1024; // twice the test client's cap

fn matrix() -> Vec<Cell> {
    use Expect::{Code, RateLimited, Verified};
    use Setup::*;
    let cell = |name, setup, expect| Cell {
        name,
        setup,
        expect,
    };
    vec![
        cell(
            "401 at sign-in (never retried)",
            Raw {
                sign_in: |_| json_response(401, &json!({"error": "invalid_credentials"})),
                rest: || Reply::Close,
                sign_in_requests: 1,
                impatient: false,
            },
            Code("credentials_rejected"),
        ),
        cell(
            "403 at sign-in (never retried)",
            Raw {
                sign_in: |_| json_response(403, &json!({"error": "forbidden"})),
                rest: || Reply::Close,
                sign_in_requests: 1,
                impatient: false,
            },
            Code("credentials_rejected"),
        ),
        cell(
            "refused by the Sandbox (HRworks 403, IRIS 401)",
            Refused,
            Code("credentials_rejected"),
        ),
        cell(
            "403 on every probe",
            Raw {
                sign_in: |subject| subject.sign_in_ok("header.e30.sig"),
                rest: || json_response(403, &json!({"error": "insufficient_rights"})),
                sign_in_requests: 1,
                impatient: false,
            },
            Code("permission_missing"),
        ),
        cell(
            "401 on probes after sign-in (revoked meanwhile)",
            Raw {
                sign_in: |subject| subject.sign_in_ok("header.e30.sig"),
                rest: || json_response(401, &json!({"error": "invalid_token"})),
                sign_in_requests: 1,
                impatient: false,
            },
            Code("credentials_rejected"),
        ),
        cell(
            "429 Retry-After: 1 (seconds), once",
            Before(too_many(1, RetryAfter::Seconds(1))),
            Verified,
        ),
        cell(
            "429 Retry-After: 120 (seconds), beyond the wait cap",
            Before(too_many(1, RetryAfter::Seconds(120))),
            RateLimited(Some(120..=120)),
        ),
        cell(
            "429 Retry-After: HTTP date 1 s ahead, once",
            Before(too_many(1, RetryAfter::HttpDate(1))),
            Verified,
        ),
        cell(
            "429 Retry-After: HTTP date 120 s ahead",
            Before(too_many(1, RetryAfter::HttpDate(120))),
            // The date has whole seconds: a fraction may already have passed.
            RateLimited(Some(118..=120)),
        ),
        cell(
            "429 without Retry-After, once (backoff)",
            Before(too_many(1, RetryAfter::Omitted)),
            Verified,
        ),
        cell(
            "429 without Retry-After, always",
            Before(too_many(ALWAYS, RetryAfter::Omitted)),
            RateLimited(None),
        ),
        cell(
            "429 on the probes, beyond the wait cap",
            FaultAfterSignIn(too_many(ALWAYS, RetryAfter::Seconds(3600))),
            RateLimited(Some(3600..=3600)),
        ),
        cell(
            "503 (gateway HTML), once",
            Before(Fault::ServerError {
                times: 1,
                status: 503,
            }),
            Verified,
        ),
        cell(
            "500 (JSON error), always",
            Before(Fault::ServerError {
                times: ALWAYS,
                status: 500,
            }),
            Code("provider_server_error"),
        ),
        cell(
            "502 (gateway HTML), always",
            Before(Fault::ServerError {
                times: ALWAYS,
                status: 502,
            }),
            Code("provider_server_error"),
        ),
        cell(
            "503 at sign-in, counted: max_attempts tries",
            Raw {
                sign_in: |_| Reply::Bytes(response(503, &[], b"busy")),
                rest: || Reply::Close,
                sign_in_requests: 3,
                impatient: false,
            },
            Code("provider_server_error"),
        ),
        cell(
            "5xx on every probe after sign-in",
            FaultAfterSignIn(Fault::ServerError {
                times: ALWAYS,
                status: 503,
            }),
            Code("provider_server_error"),
        ),
        cell(
            "timeout: sign-in hangs",
            Impatient(Fault::Hang {
                times: ALWAYS,
                duration: Duration::from_secs(5),
            }),
            Code("provider_timeout"),
        ),
        cell(
            "timeout: headers, then a stalled body",
            Raw {
                sign_in: |_| {
                    Reply::Stall(
                        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"to"
                            .to_vec(),
                    )
                },
                rest: || Reply::Close,
                // Timeouts are not retried: the admin is waiting and can choose Try again.
                sign_in_requests: 1,
                impatient: true,
            },
            Code("provider_timeout"),
        ),
        cell(
            "connection refused",
            ClosedPort,
            Code("provider_unreachable"),
        ),
        cell(
            "TLS handshake failure",
            NotTls,
            Code("provider_unreachable"),
        ),
        cell(
            "HTML sign-in page with 200",
            Before(Fault::HtmlOk { times: 1 }),
            Code("provider_unexpected_response"),
        ),
        cell(
            "HTML with 200 on every probe",
            FaultAfterSignIn(Fault::HtmlOk { times: ALWAYS }),
            Code("provider_unexpected_response"),
        ),
        cell(
            "malformed JSON ()]}' prefix)",
            Before(Fault::MalformedJson { times: 1 }),
            Code("provider_unexpected_response"),
        ),
        cell(
            "truncated JSON",
            Before(Fault::TruncatedJson { times: 1 }),
            Code("provider_unexpected_response"),
        ),
        cell(
            "oversized body without Content-Length",
            Before(Fault::OversizedBody {
                times: 1,
                bytes: BIG,
            }),
            Code("provider_unexpected_response"),
        ),
        cell(
            "oversized body with Content-Length",
            Raw {
                sign_in: |_| {
                    Reply::Bytes(response(
                        200,
                        &[("content-type", "application/json")],
                        &vec![b' '; BIG],
                    ))
                },
                rest: || Reply::Close,
                sign_in_requests: 1,
                impatient: false,
            },
            Code("provider_unexpected_response"),
        ),
        cell(
            "oversized probe answers",
            FaultAfterSignIn(Fault::OversizedBody {
                times: ALWAYS,
                bytes: BIG,
            }),
            Code("provider_unexpected_response"),
        ),
        cell(
            "cross-host redirect",
            CrossHostRedirect,
            Code("provider_unexpected_response"),
        ),
        cell(
            "plain http to a non-loopback host",
            InsecureAddress,
            Code("insecure_endpoint"),
        ),
    ]
}

/// Runs one cell; returns a description of what went wrong, if anything.
async fn run(subject: Subject, sandbox: &Sandbox, cell: &Cell) -> Option<String> {
    let fast = client(fast_config());
    let faults = sandbox.faults().clone();
    faults.clear();
    let provider = subject.sandbox_provider();
    let mut credentials = subject.valid();
    let mut extra_check: Option<Box<dyn FnOnce() -> Option<String>>> = None;
    // Servers must live until the verification is done.
    let mut servers: Vec<RawServer> = Vec::new();
    let mut http: HttpClient = fast.clone();
    let mut arm_after_sign_in: Option<Fault> = None;

    let endpoints = match &cell.setup {
        Setup::Before(fault) => {
            faults.set_for(provider, fault.clone());
            endpoints(sandbox)
        }
        Setup::Impatient(fault) => {
            faults.set_for(provider, fault.clone());
            http = client(impatient_config());
            endpoints(sandbox)
        }
        Setup::FaultAfterSignIn(fault) => {
            arm_after_sign_in = Some(fault.clone());
            endpoints(sandbox)
        }
        Setup::Refused => {
            credentials = subject.refused();
            endpoints(sandbox)
        }
        Setup::Raw {
            sign_in,
            rest,
            sign_in_requests,
            impatient,
        } => {
            let (sign_in, rest, expected) = (*sign_in, *rest, *sign_in_requests);
            if *impatient {
                http = client(impatient_config());
            }
            let server = RawServer::start(move |request: &RawRequest, _| {
                if request.method == "POST" {
                    sign_in(subject)
                } else {
                    rest()
                }
            })
            .await;
            let endpoints = subject.endpoints_at(&server.origin());
            let log = server.requests.clone();
            extra_check = Some(Box::new(move || {
                let seen = log
                    .lock()
                    .unwrap()
                    .iter()
                    .filter(|r| r.method == "POST")
                    .count();
                (seen != expected).then(|| format!("{seen} sign-in requests, expected {expected}"))
            }));
            servers.push(server);
            endpoints
        }
        Setup::ClosedPort => {
            subject.endpoints_at(&format!("http://127.0.0.1:{}", closed_port().await))
        }
        Setup::NotTls => {
            let server = RawServer::not_tls().await;
            let endpoints = subject.endpoints_at(&format!("https://{}", server.addr));
            servers.push(server);
            endpoints
        }
        Setup::CrossHostRedirect => {
            let elsewhere = RawServer::start_on(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)), |_, _| {
                json_response(200, &json!({"token": "stolen", "access_token": "stolen"}))
            })
            .await;
            let target = format!("http://{}/collect", elsewhere.addr);
            let server = RawServer::start(move |_, _| {
                Reply::Bytes(response(302, &[("location", &target)], b""))
            })
            .await;
            let endpoints = subject.endpoints_at(&server.origin());
            let elsewhere_connections = elsewhere.connections.clone();
            extra_check = Some(Box::new(move || {
                let seen = elsewhere_connections.load(std::sync::atomic::Ordering::SeqCst);
                (seen != 0).then(|| format!("the other host got {seen} connections"))
            }));
            servers.push(server);
            servers.push(elsewhere);
            endpoints
        }
        Setup::InsecureAddress => subject.endpoints_at("http://hr.example.com"),
    };

    let sink = move |event: VerifyProgress| {
        if let (
            VerifyProgress::Finished {
                step: VerifyStep::Authenticate,
                ok: true,
            },
            Some(fault),
        ) = (&event, &arm_after_sign_in)
        {
            arm(&faults, provider, fault);
        }
    };
    let report = verify(&http, &endpoints, &credentials, &sink).await;
    sandbox.faults().clear();

    let mut wrong = check(subject, &report, &cell.expect);
    if let Some(check) = extra_check
        && let Some(message) = check()
    {
        wrong = Some(wrong.map_or(message.clone(), |w| format!("{w}; {message}")));
    }
    drop(servers);
    wrong
}

fn arm(faults: &Faults, provider: Provider, fault: &Fault) {
    faults.set_for(provider, fault.clone());
}

fn check(subject: Subject, report: &VerificationReport, expect: &Expect) -> Option<String> {
    let got = codes(report);
    match expect {
        Expect::Verified => (!report.ok).then(|| format!("expected ok, got {got:?}")),
        Expect::Code(code) => {
            if report.ok || got.is_empty() || got.iter().any(|c| c != code) {
                Some(format!("expected [{code}], got {got:?} (ok={})", report.ok))
            } else if *code != "permission_missing"
                && report
                    .permissions
                    .iter()
                    .any(|p| p.status == PermissionStatus::Missing)
            {
                // A failure says nothing about permissions: it must never read as "missing".
                // (Probes that judge by status alone, like HRworks' unpaged `/v2/persons`, may
                // still be granted when only the body is at fault.)
                Some(format!(
                    "a failure must not mark permissions missing: {:?}",
                    report.permissions
                ))
            } else {
                None
            }
        }
        Expect::RateLimited(range) => {
            let found = report.problems.iter().find_map(|problem| match problem {
                Problem::ProviderRateLimited {
                    provider,
                    retry_after_seconds,
                } if *provider == subject.display_name() => Some(*retry_after_seconds),
                _ => None,
            });
            let fits = match (range, found) {
                (None, Some(None)) => true,
                (Some(range), Some(Some(seconds))) => range.contains(&seconds),
                _ => false,
            };
            (!fits || report.ok || got != ["provider_rate_limited"])
                .then(|| format!("expected rate limited {range:?}, got {:?}", report.problems))
        }
    }
}

async fn run_matrix(subject: Subject) {
    let sandbox = sandbox().await;
    let mut table = String::new();
    let mut failures = 0;
    for cell in matrix() {
        let outcome = run(subject, &sandbox, &cell).await;
        let verdict = match &outcome {
            None => "ok".to_owned(),
            Some(wrong) => {
                failures += 1;
                format!("WRONG: {wrong}")
            }
        };
        writeln!(table, "{subject:?} | {:<50} | {verdict}", cell.name).unwrap();
    }
    println!("{table}");
    sandbox.shutdown().await;
    assert_eq!(failures, 0, "fault matrix for {subject:?}:\n{table}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hrworks_fault_matrix() {
    run_matrix(Subject::Hrworks).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iris_fault_matrix() {
    run_matrix(Subject::Iris).await;
}

// --- Secrets echoed back by a provider. ---

/// Echoes everything it was sent (request line, headers with the token, body with the secret)
/// in the answer, as some providers do in error messages.
fn echo(request: &RawRequest, status: u16, content_type: &str) -> Reply {
    let mut text = format!("{} {}\n", request.method, request.target);
    for (name, value) in &request.headers {
        text.push_str(&format!("{name}: {value}\n"));
    }
    text.push_str(&String::from_utf8_lossy(&request.body));
    let body =
        json!({"error": "echo", "message": text, "errors": [{"code": "echo", "message": text}]});
    let body = if content_type.contains("html") {
        format!("<html><body><pre>{text}</pre></body></html>")
    } else {
        body.to_string()
    };
    Reply::Bytes(response(
        status,
        &[("content-type", content_type)],
        body.as_bytes(),
    ))
}

#[tokio::test]
async fn a_secret_echoed_back_appears_in_no_problem_message_report_or_log() {
    let logs = common::capture_logs();
    for subject in [Subject::Hrworks, Subject::Iris] {
        let credentials = || match subject {
            Subject::Hrworks => hrworks_keys(hrworks_scenario::VALID.access_key, CANARY),
            Subject::Iris => iris_login(iris_scenario::VALID.username, CANARY),
        };
        // At sign-in: every status an error body can come with.
        for (status, content_type) in [
            (400, "application/json"),
            (401, "application/json"),
            (403, "application/json"),
            (404, "text/plain"),
            (422, "application/json"),
            (500, "application/json"),
            (200, "text/html"),
        ] {
            let server =
                RawServer::start(move |request, _| echo(request, status, content_type)).await;
            let report = verify(
                &client(fast_config()),
                &subject.endpoints_at(&server.origin()),
                &credentials(),
                &|_| {},
            )
            .await;
            assert!(!report.ok, "{subject:?} {status}");
            assert_nowhere(&report, CANARY);
        }
        // After sign-in: the token is the canary, and every probe echoes it back.
        for status in [401, 403, 404, 500] {
            let server = RawServer::start(move |request, _| {
                if request.method == "POST" {
                    subject.sign_in_ok(CANARY)
                } else {
                    echo(request, status, "application/json")
                }
            })
            .await;
            let report = verify(
                &client(fast_config()),
                &subject.endpoints_at(&server.origin()),
                &subject.valid(),
                &|_| {},
            )
            .await;
            assert!(!report.ok, "{subject:?} {status}");
            assert_nowhere(&report, CANARY);
            // The server did get the token: the check above is not vacuous.
            assert!(
                server
                    .requests()
                    .iter()
                    .any(|r| r.header("authorization") == Some(&format!("Bearer {CANARY}")))
            );
        }
    }
    let logged = logs.text();
    assert!(logged.contains("http"), "the capture works: {logged}");
    assert!(!logged.contains(CANARY), "secret in the logs: {logged}");
}

#[tokio::test]
async fn a_foreign_last_page_link_is_never_followed() {
    // HRworks counts people from the `rel="last"` link; a link to another host must not take
    // the token there. The adapter takes only the page number and asks its own host.
    let elsewhere = RawServer::start_on(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)), |_, _| {
        json_response(200, &json!({"persons": []}))
    })
    .await;
    let foreign = format!(
        "<http://{}/v2/persons/master-data?page=4&onlyActive=true>; rel=\"last\"",
        elsewhere.addr
    );
    let server = RawServer::start(move |request, _| match request.path() {
        "/v2/authentication" => Subject::Hrworks.sign_in_ok("header.e30.sig"),
        "/v2/persons/master-data" => {
            let persons: Vec<_> = (0..50).map(|n| json!({"personId": n})).collect();
            Reply::Bytes(response(
                200,
                &[("content-type", "application/json"), ("link", &foreign)],
                json!({ "persons": persons }).to_string().as_bytes(),
            ))
        }
        "/v2/organization-units" => json_response(200, &json!([{"number": 1, "name": "Acme"}])),
        _ => json_response(200, &json!({})),
    })
    .await;
    let report = verify(
        &client(fast_config()),
        &Subject::Hrworks.endpoints_at(&server.origin()),
        &Subject::Hrworks.valid(),
        &|_| {},
    )
    .await;
    assert_eq!(
        elsewhere
            .connections
            .load(std::sync::atomic::Ordering::SeqCst),
        0
    );
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.target == "/v2/persons/master-data?page=4&onlyActive=true"),
        "the last page is asked of HRworks itself"
    );
    assert!(report.ok, "{report:?}");
}
