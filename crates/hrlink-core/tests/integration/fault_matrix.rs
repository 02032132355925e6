//! The fault matrix: every provider × every failure `shared/providers.md` says an adapter must
//! survive, asserting the problem the admin sees.
//!
//! The Sandbox's fault knobs produce most cells; a tiny raw server in the test produces the rest
//! (plain 401/403, connection refused, a broken TLS handshake, a cross-host redirect, an
//! oversized body with `Content-Length`). One table, run once per provider, and every mismatch
//! reported at the end so that one run shows the whole picture.
//!
//! iPayroll and Employment Hero sign in through the browser: their matrix gets tokens once, from
//! a scripted consent on the Sandbox's page (`oauth_support`), and then meets the faults in the
//! API calls of the verification, which is where HRworks and IRIS meet them too (their
//! "sign-in" is the verification's first call; Employment Hero Payroll's API key is proven by
//! `GET /api/v2/user`, its first call). The Sandbox's faults never touch its consent
//! pages, only the API and the token endpoint, so a fault armed before a fresh sign-in is met by
//! the code exchange: the `token endpoint` cells, which only the OAuth providers have.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;
use crate::oauth_support;

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr};
use std::ops::RangeInclusive;
use std::time::Duration;

use common::{
    CANARY, RawRequest, RawServer, Reply, assert_nowhere, client, closed_port, codes, endpoints,
    endpoints_at, fast_config, hrworks, hrworks_keys, impatient_config, iris, iris_login,
    json_response, leak, response, sandbox,
};
use hrlink_core::config::Config;
use hrlink_core::credentials::{OAuthGrant, Secret};
use hrlink_core::http::HttpClient;
use hrlink_core::oauth::{self, OAuthTokens, Url};
use hrlink_core::providers::employmenthero;
use hrlink_core::providers::ipayroll;
use hrlink_core::verify::{
    Credentials, PermissionStatus, VerificationReport, VerifyProgress, VerifyStep, verify,
};
use hrlink_core::{Endpoints, Problem, ProviderId};
use hrlink_sandbox::scenarios::{
    employmenthero as employmenthero_scenario, employmenthero_payroll as payroll_scenario,
    hrworks as hrworks_scenario, ipayroll as ipayroll_scenario, iris as iris_scenario,
};
use hrlink_sandbox::{Fault, Faults, Provider, RetryAfter, Sandbox};
use oauth_support::{Consent, PATIENT, ScriptedBrowser, options};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

/// A provider under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    Hrworks,
    Iris,
    Ipayroll,
    Employmenthero,
    EmploymentheroPayroll,
}

impl Subject {
    fn provider_id(self) -> ProviderId {
        match self {
            Subject::Hrworks => ProviderId::Hrworks,
            Subject::Iris => ProviderId::Iris,
            Subject::Ipayroll => ProviderId::Ipayroll,
            Subject::Employmenthero => ProviderId::Employmenthero,
            Subject::EmploymentheroPayroll => ProviderId::EmploymentheroPayroll,
        }
    }

    fn sandbox_provider(self) -> Provider {
        match self {
            Subject::Hrworks => Provider::HrWorks,
            Subject::Iris => Provider::Iris,
            Subject::Ipayroll => Provider::IPayroll,
            Subject::Employmenthero => Provider::EmploymentHero,
            Subject::EmploymentheroPayroll => Provider::EmploymentHeroPayroll,
        }
    }

    fn display_name(self) -> String {
        self.provider_id().display_name().to_owned()
    }

    /// HRworks and IRIS: the verification starts by signing in with a POST to the API;
    /// Employment Hero Payroll by proving its API key with a GET. Typed credentials, all three.
    fn signs_in_on_the_api(self) -> bool {
        matches!(
            self,
            Subject::Hrworks | Subject::Iris | Subject::EmploymentheroPayroll
        )
    }

    /// iPayroll and Employment Hero: tokens come from a browser sign-in before verifying.
    fn signs_in_in_the_browser(self) -> bool {
        !self.signs_in_on_the_api()
    }

    /// Whether the verification calls the API again once the first call proved the
    /// credentials. iPayroll does not: one employee page proves the token, names the
    /// organisation, probes `employees` and counts the people.
    fn calls_again_after_authenticating(self) -> bool {
        self != Subject::Ipayroll
    }

    /// The request that proves the credentials: the sign-in POST of HRworks and IRIS, the
    /// first API call of iPayroll (the employee page), Employment Hero (the organisations) and
    /// Employment Hero Payroll (the key's user).
    fn is_first_call(self, request: &RawRequest) -> bool {
        match self {
            Subject::Hrworks | Subject::Iris => request.method == "POST",
            Subject::EmploymentheroPayroll => request.path().ends_with("/api/v2/user"),
            Subject::Ipayroll => request.path().ends_with("/api/v1/employees"),
            Subject::Employmenthero => request.path().ends_with("/api/v1/organisations"),
        }
    }

    /// Credentials that need no Sandbox: the scenario's typed ones for HRworks and IRIS (which
    /// sign in with them), a grant carrying `access_token` for iPayroll and Employment Hero.
    fn credentials(self, access_token: &str) -> Credentials {
        match self {
            Subject::Hrworks => hrworks(hrworks_scenario::VALID),
            Subject::Iris => iris(iris_scenario::VALID),
            Subject::EmploymentheroPayroll => payroll_key(payroll_scenario::VALID),
            Subject::Ipayroll | Subject::Employmenthero => self.grant(OAuthTokens {
                access_token: SecretString::from(access_token.to_owned()),
                refresh_token: None,
                expires_at: None,
                granted_scopes: None,
            }),
        }
    }

    /// Credentials the Sandbox itself refuses (HRworks answers 403, IRIS 401, the OAuth APIs
    /// 401 to a token they never issued).
    fn refused(self) -> Credentials {
        match self {
            Subject::Hrworks => hrworks(hrworks_scenario::UNKNOWN),
            Subject::Iris => iris_login(iris_scenario::VALID.username, "wrong-password"),
            Subject::EmploymentheroPayroll => payroll_key(payroll_scenario::UNKNOWN),
            Subject::Ipayroll | Subject::Employmenthero => {
                self.credentials("not-a-token-the-sandbox-issued")
            }
        }
    }

    /// The code for credentials the provider refuses after they worked: rejected credentials
    /// for typed ones, "sign in again" for browser sign-ins (the tokens expired or were
    /// revoked; nothing the admin typed is wrong).
    fn refusal_code(self) -> &'static str {
        if self.signs_in_on_the_api() {
            "credentials_rejected"
        } else {
            "sign_in_expired"
        }
    }

    /// The secret in `credentials`, which must appear in no report.
    fn secret(credentials: &Credentials) -> String {
        match credentials.secret() {
            Secret::KeyPair(keys) => keys.secret_access_key.expose_secret().to_owned(),
            Secret::Login(login) => login.password.expose_secret().to_owned(),
            Secret::OAuth(grant) => grant.tokens.access_token.expose_secret().to_owned(),
            Secret::ApiKey(key) => key.key.expose_secret().to_owned(),
        }
    }

    /// What a successful sign-in answers, for scripted servers (HRworks and IRIS only: the
    /// OAuth providers' API has no sign-in).
    fn sign_in_ok(self, token: &str) -> Reply {
        match self {
            Subject::Hrworks => json_response(200, &json!({ "token": token })),
            // Employment Hero Payroll's `/user`: the key's user.
            Subject::EmploymentheroPayroll => {
                json_response(200, &json!({"id": 14144, "email": "payroll@example.nz"}))
            }
            _ => json_response(200, &json!({ "access_token": token, "expires_in": 900 })),
        }
    }

    /// Endpoints with this provider's API (and authorisation server) at `origin`.
    fn endpoints_at(self, origin: &str) -> Endpoints {
        if matches!(self, Subject::Hrworks | Subject::Iris) {
            return endpoints_at(origin, origin);
        }
        let unused = "http://127.0.0.1:9";
        let mut json = json!({
            "hrworks": {"api": unused},
            "employmenthero": {"api": unused, "auth": unused},
            "ipayroll": {"api": unused, "auth": unused},
            "iris": {"api": unused},
        });
        json[self.provider_id().slug()] = if self.signs_in_in_the_browser() {
            json!({"api": origin, "auth": origin})
        } else {
            json!({"api": origin})
        };
        Endpoints::from_json(&json.to_string()).expect("valid endpoints")
    }

    // --- Browser sign-in (iPayroll, Employment Hero). ---

    fn grant(self, tokens: OAuthTokens) -> Credentials {
        let permissions = demo_config(self.provider_id()).permissions;
        match self {
            Subject::Ipayroll => Credentials::oauth(
                ProviderId::Ipayroll,
                OAuthGrant {
                    tokens,
                    permissions,
                    organisation_id: None,
                },
            ),
            Subject::Employmenthero => Credentials::oauth(
                ProviderId::Employmenthero,
                OAuthGrant {
                    tokens,
                    permissions,
                    organisation_id: None,
                },
            ),
            _ => unreachable!("{self:?} has no browser sign-in"),
        }
    }

    /// The person consenting: every scope granted, one organisation (no choice to make).
    fn consent(self) -> Consent {
        match self {
            Subject::Ipayroll => Consent::allow(ipayroll_scenario::API_USER),
            Subject::Employmenthero => Consent::allow(employmenthero_scenario::ONE_ORGANISATION),
            _ => unreachable!("{self:?} has no browser sign-in"),
        }
    }

    /// Signs in with the demo configuration through the Sandbox's consent page, scripted;
    /// `token_url` replaces the token endpoint and `client_secret` the demo client's secret.
    async fn sign_in(
        self,
        http: &HttpClient,
        sandbox: &Sandbox,
        token_url: Option<Url>,
        client_secret: Option<&str>,
    ) -> Result<Credentials, Problem> {
        let config = demo_config(self.provider_id());
        let sandbox_endpoints = endpoints(sandbox);
        let at = sandbox_endpoints
            .require(self.provider_id())
            .expect("the Sandbox serves this provider");
        let mut server = match self {
            Subject::Ipayroll => ipayroll::authorization_server(at),
            Subject::Employmenthero => employmenthero::authorization_server(at),
            _ => unreachable!("{self:?} has no browser sign-in"),
        };
        if let Some(token_url) = token_url {
            server.token_url = token_url;
        }
        let mut client = config.client().expect("the demo client");
        if let Some(secret) = client_secret {
            client.client_secret = Some(SecretString::from(secret.to_owned()));
        }
        let browser = ScriptedBrowser::new(self.consent());
        let scopes = config.permissions.scopes();
        let tokens =
            oauth::sign_in(http, &server, &client, &scopes, &options(&browser, PATIENT)).await?;
        Ok(self.grant(tokens))
    }
}

/// An Employment Hero Payroll key as pasted, with its region.
fn payroll_key(api_key: &str) -> Credentials {
    Credentials::from_text(
        ProviderId::EmploymentheroPayroll,
        format!("Region: NZ\n{api_key}\n").as_bytes(),
    )
    .expect("a key-shaped key")
}

fn demo_config(provider: ProviderId) -> hrlink_core::config::OAuthProviderConfig {
    Config::demo()
        .oauth(provider)
        .expect("the demo configures every OAuth provider")
        .clone()
}

/// Where a raw server's fault lands.
#[derive(Clone, Copy, Debug)]
enum Stage {
    /// The call that proves the credentials (see [`Subject::is_first_call`]); HRworks' and
    /// IRIS's API calls are then closed unanswered (they must not be reached).
    FirstCall,
    /// Every API call after a successful sign-in. The OAuth providers' API has no sign-in:
    /// every call meets the fault.
    Probes,
}

/// How a cell produces its fault.
enum Setup {
    /// A Sandbox fault armed before verifying: the first call (the sign-in of HRworks and
    /// IRIS, the first API call of the OAuth providers) meets it first.
    Before(Fault),
    /// A Sandbox fault armed once the first call succeeded: the later calls meet it.
    FaultAfterSignIn(Fault),
    /// [`Setup::Before`] with a client whose timeouts are short enough to hit.
    Impatient(Fault),
    /// The Sandbox with credentials it refuses.
    Refused,
    /// A raw server answering `reply()` at `at`.
    Raw {
        at: Stage,
        reply: fn() -> Reply,
        /// Exactly this many requests must reach the first call (retries counted).
        first_call_requests: usize,
        /// Use the client with short timeouts.
        impatient: bool,
    },
    /// Nothing listens on the port.
    ClosedPort,
    /// An `https` address whose server does not speak TLS.
    NotTls,
    /// Every call answers `302` to another loopback host, which must receive nothing.
    CrossHostRedirect,
    /// Plain `http` to a host that is not loopback.
    InsecureAddress,
    /// A fresh browser sign-in (iPayroll, Employment Hero) whose code exchange meets this.
    CodeExchange(Exchange),
}

/// What the token endpoint does to a fresh sign-in's code exchange.
enum Exchange {
    /// The Sandbox's, with this fault armed before the sign-in (consent pages are never
    /// faulted, so the code exchange is the first request to meet it).
    Fault(Fault),
    /// [`Exchange::Fault`] with the short-timeout client.
    Impatient(Fault),
    /// The Sandbox's, sent a client secret it does not know (the canary).
    WrongSecret,
    /// Nothing listens there.
    ClosedPort,
    /// `https` to a server that does not speak TLS.
    NotTls,
    /// Answers `302` to another loopback host, which must receive nothing (not the code, not
    /// the client secret).
    CrossHostRedirect,
}

/// What the admin must see.
enum Expect {
    /// A verified connection: the fault was retried away.
    Verified,
    /// A failed verification whose problems all have this code (permission problems come one
    /// per missing permission; transport problems are reported once).
    Code(&'static str),
    /// [`Expect::Code`] with the subject's [`Subject::refusal_code`].
    Refusal,
    /// `provider_rate_limited` with `retry_after_seconds` in this range, or absent for `None`.
    RateLimited(Option<RangeInclusive<u32>>),
}

struct Cell {
    name: &'static str,
    setup: Setup,
    expect: Expect,
    /// Which subjects the cell means something for.
    applies: fn(Subject) -> bool,
}

impl Cell {
    fn only(self, applies: fn(Subject) -> bool) -> Cell {
        Cell { applies, ..self }
    }
}

fn too_many(times: u32, retry_after: RetryAfter) -> Fault {
    Fault::TooManyRequests { times, retry_after }
}

const ALWAYS: u32 = 1000;
const BIG: usize = 2 * 1024 * 1024; // twice the test client's cap

fn matrix() -> Vec<Cell> {
    use Expect::{Code, RateLimited, Refusal, Verified};
    use Setup::*;
    let cell = |name, setup, expect| Cell {
        name,
        setup,
        expect,
        applies: |_| true,
    };
    let token = |name, exchange, expect| {
        cell(name, CodeExchange(exchange), expect).only(Subject::signs_in_in_the_browser)
    };
    vec![
        cell(
            "401 at sign-in (never retried)",
            Raw {
                at: Stage::FirstCall,
                reply: || json_response(401, &json!({"error": "invalid_credentials"})),
                first_call_requests: 1,
                impatient: false,
            },
            Code("credentials_rejected"),
        )
        .only(Subject::signs_in_on_the_api),
        cell(
            "403 at sign-in (never retried)",
            Raw {
                at: Stage::FirstCall,
                reply: || json_response(403, &json!({"error": "forbidden"})),
                first_call_requests: 1,
                impatient: false,
            },
            Code("credentials_rejected"),
        )
        .only(Subject::signs_in_on_the_api),
        cell(
            "refused by the Sandbox (HRworks 403, others 401)",
            Refused,
            Refusal,
        ),
        cell(
            "403 on every probe",
            Raw {
                at: Stage::Probes,
                reply: || json_response(403, &json!({"error": "insufficient_rights"})),
                first_call_requests: 1,
                impatient: false,
            },
            Code("permission_missing"),
        ),
        cell(
            "401 on probes after sign-in (revoked meanwhile)",
            Raw {
                at: Stage::Probes,
                reply: || json_response(401, &json!({"error": "invalid_token"})),
                first_call_requests: 1,
                impatient: false,
            },
            Refusal,
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
        )
        .only(Subject::calls_again_after_authenticating),
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
            "503 on the first call, counted: max_attempts tries",
            Raw {
                at: Stage::FirstCall,
                reply: || Reply::Bytes(response(503, &[], b"busy")),
                first_call_requests: 3,
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
        )
        .only(Subject::calls_again_after_authenticating),
        cell(
            "connection dropped mid-answer, always",
            Before(Fault::DropConnection { times: ALWAYS }),
            Code("provider_connection_lost"),
        ),
        cell(
            "connection dropped mid-answer on every probe after sign-in",
            FaultAfterSignIn(Fault::DropConnection { times: ALWAYS }),
            Code("provider_connection_lost"),
        )
        .only(Subject::calls_again_after_authenticating),
        cell(
            "timeout: the first call hangs",
            Impatient(Fault::Hang {
                times: ALWAYS,
                duration: Duration::from_secs(5),
            }),
            Code("provider_timeout"),
        ),
        cell(
            "timeout: headers, then a stalled body",
            Raw {
                at: Stage::FirstCall,
                reply: || {
                    Reply::Stall(
                        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"to"
                            .to_vec(),
                    )
                },
                // Timeouts are not retried: the admin is waiting and can choose Try again.
                first_call_requests: 1,
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
        )
        .only(Subject::calls_again_after_authenticating),
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
                at: Stage::FirstCall,
                reply: || {
                    Reply::Bytes(response(
                        200,
                        &[("content-type", "application/json")],
                        &vec![b' '; BIG],
                    ))
                },
                first_call_requests: 1,
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
        )
        .only(Subject::calls_again_after_authenticating),
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
        // --- The code exchange of a browser sign-in: never retried (a code works once). ---
        token(
            "token endpoint: 500 (JSON error)",
            Exchange::Fault(Fault::ServerError {
                times: 1,
                status: 500,
            }),
            Code("provider_server_error"),
        ),
        token(
            "token endpoint: 503 once, not retried",
            Exchange::Fault(Fault::ServerError {
                times: 1,
                status: 503,
            }),
            Code("provider_server_error"),
        ),
        token(
            "token endpoint: 429 Retry-After: 1, not retried",
            Exchange::Fault(too_many(1, RetryAfter::Seconds(1))),
            RateLimited(Some(1..=1)),
        ),
        token(
            "token endpoint: HTML with 200",
            Exchange::Fault(Fault::HtmlOk { times: 1 }),
            Code("provider_unexpected_response"),
        ),
        token(
            "token endpoint: malformed JSON",
            Exchange::Fault(Fault::MalformedJson { times: 1 }),
            Code("provider_unexpected_response"),
        ),
        token(
            "token endpoint: truncated JSON",
            Exchange::Fault(Fault::TruncatedJson { times: 1 }),
            Code("provider_unexpected_response"),
        ),
        token(
            "token endpoint: oversized body",
            Exchange::Fault(Fault::OversizedBody {
                times: 1,
                bytes: BIG,
            }),
            Code("provider_unexpected_response"),
        ),
        token(
            "token endpoint: hangs",
            Exchange::Impatient(Fault::Hang {
                times: ALWAYS,
                duration: Duration::from_secs(5),
            }),
            Code("provider_timeout"),
        ),
        token(
            "token endpoint: client secret refused",
            Exchange::WrongSecret,
            Code("client_rejected"),
        ),
        token(
            "token endpoint: connection refused",
            Exchange::ClosedPort,
            Code("provider_unreachable"),
        ),
        token(
            "token endpoint: TLS handshake failure",
            Exchange::NotTls,
            Code("provider_unreachable"),
        ),
        token(
            "token endpoint: cross-host redirect",
            Exchange::CrossHostRedirect,
            Code("provider_unexpected_response"),
        ),
    ]
}

/// A mismatch found after the verification (requests counted, hosts reached, secrets shown).
type ExtraCheck = Box<dyn FnOnce() -> Option<String>>;

/// A server that answers every request with `302` to another loopback host, and that host
/// (whose connections must stay at zero); keep both alive until the check ran.
async fn cross_host_redirect() -> (RawServer, RawServer, ExtraCheck) {
    let elsewhere = RawServer::start_on(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)), |_, _| {
        json_response(200, &json!({"token": "stolen", "access_token": "stolen"}))
    })
    .await;
    let target = format!("http://{}/collect", elsewhere.addr);
    let server =
        RawServer::start(move |_, _| Reply::Bytes(response(302, &[("location", &target)], b"")))
            .await;
    let elsewhere_connections = elsewhere.connections.clone();
    let check: ExtraCheck = Box::new(move || {
        let seen = elsewhere_connections.load(std::sync::atomic::Ordering::SeqCst);
        (seen != 0).then(|| format!("the other host got {seen} connections"))
    });
    (server, elsewhere, check)
}

/// Runs one cell; returns a description of what went wrong, if anything.
async fn run(
    subject: Subject,
    sandbox: &Sandbox,
    valid: &Credentials,
    cell: &Cell,
) -> Option<String> {
    if let Setup::CodeExchange(exchange) = &cell.setup {
        return run_sign_in(subject, sandbox, exchange, &cell.expect).await;
    }
    let fast = client(fast_config());
    let faults = sandbox.faults().clone();
    faults.clear();
    let provider = subject.sandbox_provider();
    let mut refused: Option<Credentials> = None;
    let mut extra_check: Option<ExtraCheck> = None;
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
            refused = Some(subject.refused());
            endpoints(sandbox)
        }
        Setup::Raw {
            at,
            reply,
            first_call_requests,
            impatient,
        } => {
            let (at, reply, expected) = (*at, *reply, *first_call_requests);
            if *impatient {
                http = client(impatient_config());
            }
            let server = RawServer::start(move |request: &RawRequest, _| {
                if subject.signs_in_in_the_browser() {
                    return reply();
                }
                match (subject.is_first_call(request), at) {
                    (true, Stage::FirstCall) | (false, Stage::Probes) => reply(),
                    (true, Stage::Probes) => subject.sign_in_ok("header.e30.sig"),
                    (false, Stage::FirstCall) => Reply::Close,
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
                    .filter(|r| subject.is_first_call(r))
                    .count();
                (seen != expected)
                    .then(|| format!("{seen} first-call requests, expected {expected}"))
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
            let (server, elsewhere, check) = cross_host_redirect().await;
            let endpoints = subject.endpoints_at(&server.origin());
            extra_check = Some(check);
            servers.push(server);
            servers.push(elsewhere);
            endpoints
        }
        Setup::InsecureAddress => subject.endpoints_at("http://hr.example.com"),
        Setup::CodeExchange(_) => unreachable!("handled above"),
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
    let credentials = refused.as_ref().unwrap_or(valid);
    let report = verify(&http, &endpoints, credentials, &sink).await;
    sandbox.faults().clear();

    let mut wrong = check(subject, &report, &cell.expect);
    // Whatever went wrong, the secret the verification used is shown nowhere.
    let secret = Subject::secret(credentials);
    if let Some(surface) = leak(&report, &secret) {
        wrong = Some(format!("the secret leaked into: {surface}"));
    }
    if let Some(check) = extra_check
        && let Some(message) = check()
    {
        wrong = Some(wrong.map_or(message.clone(), |w| format!("{w}; {message}")));
    }
    drop(servers);
    wrong
}

/// Runs a token-endpoint cell: a fresh browser sign-in whose code exchange meets the fault,
/// then (should it succeed) the verification.
async fn run_sign_in(
    subject: Subject,
    sandbox: &Sandbox,
    exchange: &Exchange,
    expect: &Expect,
) -> Option<String> {
    let faults = sandbox.faults();
    faults.clear();
    let provider = subject.sandbox_provider();
    let mut http = client(fast_config());
    let mut token_url = None;
    let mut client_secret = None;
    let mut servers: Vec<RawServer> = Vec::new();
    let mut extra_check: Option<ExtraCheck> = None;
    match exchange {
        Exchange::Fault(fault) => faults.set_for(provider, fault.clone()),
        Exchange::Impatient(fault) => {
            faults.set_for(provider, fault.clone());
            http = client(impatient_config());
        }
        Exchange::WrongSecret => client_secret = Some(CANARY),
        Exchange::ClosedPort => {
            token_url = Some(format!(
                "http://127.0.0.1:{}/oauth/token",
                closed_port().await
            ));
        }
        Exchange::NotTls => {
            let server = RawServer::not_tls().await;
            token_url = Some(format!("https://{}/oauth/token", server.addr));
            servers.push(server);
        }
        Exchange::CrossHostRedirect => {
            let (server, elsewhere, check) = cross_host_redirect().await;
            token_url = Some(format!("{}/oauth/token", server.origin()));
            extra_check = Some(check);
            servers.push(server);
            servers.push(elsewhere);
        }
    }
    let token_url = token_url.map(|url| Url::parse(&url).expect("a token URL"));
    let signed_in = subject
        .sign_in(&http, sandbox, token_url, client_secret)
        .await;
    faults.clear();
    let report = match signed_in {
        Ok(credentials) => {
            verify(
                &client(fast_config()),
                &endpoints(sandbox),
                &credentials,
                &|_| {},
            )
            .await
        }
        Err(problem) => VerificationReport::failed(subject.provider_id(), problem),
    };
    let mut wrong = check(subject, &report, expect);
    let demo_secret = match subject {
        Subject::Employmenthero => employmenthero_scenario::CLIENT.secret,
        _ => ipayroll_scenario::CLIENT.secret,
    };
    let secret = client_secret.unwrap_or(demo_secret);
    if let Some(surface) = leak(&report, secret) {
        wrong = Some(format!("the client secret leaked into: {surface}"));
    }
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
        Expect::Refusal => check(subject, report, &Expect::Code(subject.refusal_code())),
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
    // The OAuth providers' tokens come from one browser sign-in, before any fault is armed.
    let valid = if subject.signs_in_in_the_browser() {
        subject
            .sign_in(&client(fast_config()), &sandbox, None, None)
            .await
            .expect("the scripted consent signs in")
    } else {
        subject.credentials("")
    };
    let mut table = String::new();
    let (mut failures, mut ran) = (0, 0);
    for cell in matrix() {
        if !(cell.applies)(subject) {
            writeln!(table, "{subject:?} | {:<50} | n/a", cell.name).unwrap();
            continue;
        }
        ran += 1;
        let outcome = run(subject, &sandbox, &valid, &cell).await;
        let verdict = match &outcome {
            None => "ok".to_owned(),
            Some(wrong) => {
                failures += 1;
                format!("WRONG: {wrong}")
            }
        };
        writeln!(table, "{subject:?} | {:<50} | {verdict}", cell.name).unwrap();
    }
    println!("{table}{subject:?}: {ran} cells");
    sandbox.shutdown().await;
    assert_eq!(failures, 0, "fault matrix for {subject:?}:\n{table}");
    let expected = match subject {
        Subject::Hrworks | Subject::Iris => 32,
        Subject::Ipayroll => 37,
        Subject::Employmenthero => 42,
        Subject::EmploymentheroPayroll => 32,
    };
    assert_eq!(ran, expected, "cells run for {subject:?}:\n{table}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hrworks_fault_matrix() {
    run_matrix(Subject::Hrworks).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iris_fault_matrix() {
    run_matrix(Subject::Iris).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ipayroll_fault_matrix() {
    run_matrix(Subject::Ipayroll).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn employmenthero_fault_matrix() {
    run_matrix(Subject::Employmenthero).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn employmenthero_payroll_fault_matrix() {
    run_matrix(Subject::EmploymentheroPayroll).await;
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
            _ => iris_login(iris_scenario::VALID.username, CANARY),
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
    }
    // After sign-in: the token is the canary (HRworks and IRIS get it from their sign-in, the
    // OAuth providers' grant carries it), and every API call echoes it back.
    for subject in [
        Subject::Hrworks,
        Subject::Iris,
        Subject::Ipayroll,
        Subject::Employmenthero,
    ] {
        for status in [401, 403, 404, 500] {
            let server = RawServer::start(move |request, _| {
                if subject.signs_in_on_the_api() && request.method == "POST" {
                    subject.sign_in_ok(CANARY)
                } else {
                    echo(request, status, "application/json")
                }
            })
            .await;
            let report = verify(
                &client(fast_config()),
                &subject.endpoints_at(&server.origin()),
                &subject.credentials(CANARY),
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
                    .any(|r| r.header("authorization") == Some(&format!("Bearer {CANARY}"))),
                "{subject:?} {status}"
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
        &Subject::Hrworks.credentials(""),
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
