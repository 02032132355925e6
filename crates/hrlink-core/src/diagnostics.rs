//! For support on a screen-share: a support code the admin can read aloud, and a redacted
//! diagnostics bundle ("Copy diagnostics").
//!
//! The bundle is built from a bounded in-memory journal of what happened: each HTTP exchange
//! (method, status or failure kind, the provider's request id, timing, attempt) and each outcome
//! of a verification, listing, sign-in or save (the problem's code, never its parameters). Nothing
//! in the journal can carry a secret or personal data: no URLs (paths can hold ids, queries can
//! hold codes), no bodies, no header other than a request id reduced to a plain token, no problem
//! parameters. The journal is never written to disk. The bundle also carries the last lines of
//! the log files ([`crate::logs::last_lines`]), which hold no secret either (see there).

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::header::HeaderMap;
use serde::Serialize;

use crate::http::failure::HttpFailure;
use crate::messages::Language;
use crate::vault::BuildKind;
use crate::{Problem, ProviderId};

/// How many events the journal keeps (the oldest go first).
pub const JOURNAL_CAPACITY: usize = 50;

/// Letters and digits that cannot be confused when read aloud or written down (no 0/O, 1/I/L,
/// no U, no vowels-with-lookalikes), Crockford-style.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A code for this run of the app, e.g. `HRL-7K3Q-9P2M`: shown in screen-share mode and in the
/// diagnostics, so a support agent can match what they see with what they are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportCode(String);

impl SupportCode {
    /// A fresh random code.
    pub fn generate() -> SupportCode {
        let mut rng = rand::rng();
        let mut group = || -> String {
            (0..4)
                .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
                .collect()
        };
        SupportCode(format!("HRL-{}-{}", group(), group()))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// One HTTP exchange with an HR system.
    Http,
    /// A verification of credentials.
    Verification,
    /// Reading the people.
    Listing,
    /// A browser sign-in.
    SignIn,
    /// Saving or re-authorising a connection.
    Save,
    /// A health check of a saved connection.
    Check,
    /// Screen-share mode switched on or off by the admin.
    ScreenShare,
}

/// One entry of the journal. Only fixed vocabulary, numbers and a sanitised request id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Milliseconds since the app started.
    pub at_ms: u64,
    /// What it is about.
    pub kind: EventKind,
    /// The HR system, for outcomes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderId>,
    /// The HTTP method, for exchanges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The HTTP status, when there was an answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// `ok`, a problem's code, an HTTP failure kind (`timeout`, `unreachable`, …), or `on` /
    /// `off` for a screen-share switch.
    pub outcome: String,
    /// The provider's id for the request, when it sent one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// How long it took.
    pub duration_ms: u64,
    /// The attempt, for retried exchanges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
}

/// The headers providers put their request ids in, most specific first.
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-correlation-id",
    "x-amzn-requestid",
    "x-amz-request-id",
    "cf-ray",
];

/// Longest request id kept.
const MAX_REQUEST_ID: usize = 64;

/// The provider's request id from `headers`, reduced to a plain token (letters, digits, `-_.:`;
/// at most 64 characters); `None` when absent or anything else.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS.iter().find_map(|name| {
        let value = headers.get(*name)?.to_str().ok()?.trim();
        let plain = !value.is_empty()
            && value.len() <= MAX_REQUEST_ID
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
        plain.then(|| value.to_owned())
    })
}

/// The stable name of an HTTP failure (no parameters).
fn failure_kind(failure: &HttpFailure) -> &'static str {
    match failure {
        HttpFailure::Insecure => "insecure",
        HttpFailure::Unreachable => "unreachable",
        HttpFailure::ConnectionLost => "connection_lost",
        HttpFailure::Tls => "tls",
        HttpFailure::Timeout => "timeout",
        HttpFailure::RateLimited { .. } => "rate_limited",
        HttpFailure::ServerError(_) => "server_error",
        HttpFailure::Redirect => "redirect_refused",
        HttpFailure::TooLarge => "too_large",
        HttpFailure::NotJson => "not_json",
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// The last [`JOURNAL_CAPACITY`] events, in memory only.
#[derive(Debug)]
pub struct Journal {
    started: Instant,
    events: Mutex<VecDeque<Event>>,
}

impl Default for Journal {
    fn default() -> Self {
        Journal {
            started: Instant::now(),
            events: Mutex::new(VecDeque::with_capacity(JOURNAL_CAPACITY)),
        }
    }
}

impl Journal {
    fn push(&self, event: Event) {
        let mut events = self
            .events
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if events.len() == JOURNAL_CAPACITY {
            events.pop_front();
        }
        events.push_back(event);
    }

    fn at_ms(&self) -> u64 {
        millis(self.started.elapsed())
    }

    /// Records one HTTP exchange: its answer's status and request id, or the failure's kind.
    pub fn record_http(
        &self,
        method: &reqwest::Method,
        answer: Result<(u16, &HeaderMap), &HttpFailure>,
        elapsed: Duration,
        attempt: u32,
    ) {
        let (http_status, outcome, request_id) = match answer {
            Ok((status, headers)) => (Some(status), "answered".to_owned(), request_id(headers)),
            Err(HttpFailure::ServerError(status)) => {
                (Some(*status), "server_error".to_owned(), None)
            }
            Err(failure) => (None, failure_kind(failure).to_owned(), None),
        };
        self.push(Event {
            at_ms: self.at_ms(),
            kind: EventKind::Http,
            provider: None,
            method: Some(method.as_str().to_owned()),
            http_status,
            outcome,
            request_id,
            duration_ms: millis(elapsed),
            attempt: Some(attempt),
        });
    }

    /// Records the outcome of a verification, listing, sign-in, save or check: `ok` or the
    /// problem's code (never its parameters).
    pub fn record_outcome(
        &self,
        kind: EventKind,
        provider: Option<ProviderId>,
        outcome: Result<(), &Problem>,
        elapsed: Duration,
    ) {
        self.push(Event {
            at_ms: self.at_ms(),
            kind,
            provider,
            method: None,
            http_status: None,
            outcome: outcome.map_or_else(|problem| problem.code().to_owned(), |()| "ok".into()),
            request_id: None,
            duration_ms: millis(elapsed),
            attempt: None,
        });
    }

    /// Records screen-share mode switched `on` or `off`.
    pub fn record_screen_share(&self, on: bool) {
        self.push(Event {
            at_ms: self.at_ms(),
            kind: EventKind::ScreenShare,
            provider: None,
            method: None,
            http_status: None,
            outcome: if on { "on" } else { "off" }.to_owned(),
            request_id: None,
            duration_ms: 0,
            attempt: None,
        });
    }

    /// The events, oldest first.
    pub fn events(&self) -> Vec<Event> {
        self.events
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .cloned()
            .collect()
    }
}

/// What the bundle says about the app and the screen the admin is on.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// HR Link's version.
    pub version: String,
    /// `development` or `release`.
    pub build: String,
    /// The operating system and architecture (`linux/x86_64`).
    pub os: String,
    /// The UI's language (`en`, `de`).
    pub language: String,
    /// Whether screen-share mode is on.
    pub screen_share: bool,
    /// This run's support code.
    pub support_code: String,
    /// The wizard step (or screen) shown.
    pub step: String,
}

impl Context {
    /// This build on this machine: its kind, OS and architecture filled in; `step` reduced to
    /// a word (see [`step_name`]).
    pub fn this_app(
        version: &str,
        language: Language,
        screen_share: bool,
        support_code: &SupportCode,
        step: &str,
    ) -> Context {
        let build = match crate::paths::build_kind() {
            BuildKind::Release => "release",
            BuildKind::Development => "development",
        };
        let language = match language {
            Language::En => "en",
            Language::De => "de",
        };
        Context {
            version: version.to_owned(),
            build: build.to_owned(),
            os: format!("{}/{}", std::env::consts::OS, std::env::consts::ARCH),
            language: language.to_owned(),
            screen_share,
            support_code: support_code.as_str().to_owned(),
            step: step_name(step),
        }
    }
}

/// A UI step or screen name as given (letters only, at most 32), else `other`: the UI's word,
/// never free text.
pub fn step_name(step: &str) -> String {
    let plain = (1..=32).contains(&step.len()) && step.bytes().all(|b| b.is_ascii_alphabetic());
    if plain {
        step.to_owned()
    } else {
        "other".to_owned()
    }
}

#[derive(Serialize)]
struct Bundle<'a> {
    hrlink_diagnostics: u32,
    #[serde(flatten)]
    context: &'a Context,
    events: &'a [Event],
    log: Vec<String>,
}

/// How many of the log's last lines the bundle carries.
pub const LOG_LINES: usize = 40;

/// The diagnostics bundle as pretty JSON, for the clipboard: the context, the journal's
/// events and the last lines of the log files in `log_dir` (none without one).
pub fn bundle(context: &Context, events: &[Event], log_dir: Option<&Path>) -> String {
    let bundle = Bundle {
        hrlink_diagnostics: 1,
        context,
        events,
        log: log_dir.map_or_else(Vec::new, |dir| crate::logs::last_lines(dir, LOG_LINES)),
    };
    serde_json::to_string_pretty(&bundle).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use reqwest::header::HeaderValue;

    const CANARY_SECRET: &str = "CanarySecret-9f8e7d6c5b4a";
    const CANARY_NAME: &str = "Zebediah Canaryworth";

    fn forms(canary: &str) -> Vec<String> {
        vec![
            canary.to_owned(),
            url::form_urlencoded::byte_serialize(canary.as_bytes()).collect(),
            base64::engine::general_purpose::STANDARD.encode(canary),
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(canary),
        ]
    }

    fn assert_clean(text: &str) {
        for canary in [CANARY_SECRET, CANARY_NAME, "Zebediah", "Canaryworth"] {
            for form in forms(canary) {
                assert!(!text.contains(&form), "{form:?} in the bundle:\n{text}");
            }
        }
    }

    fn context() -> Context {
        let code = SupportCode::generate();
        Context::this_app("1.2.3", Language::De, true, &code, "credentials")
    }

    #[test]
    fn support_codes_are_easy_to_read_and_differ() {
        let code = SupportCode::generate();
        let text = code.as_str();
        assert_eq!(text.len(), 13, "{text}");
        assert!(
            text.starts_with("HRL-") && text.as_bytes()[8] == b'-',
            "{text}"
        );
        for c in text[4..].bytes().filter(|b| *b != b'-') {
            assert!(CODE_ALPHABET.contains(&c), "{text}");
        }
        let codes: std::collections::HashSet<_> =
            (0..50).map(|_| SupportCode::generate().0).collect();
        assert!(codes.len() > 45);
    }

    #[test]
    fn screen_share_switches_are_journalled_as_on_and_off() {
        let journal = Journal::default();
        journal.record_screen_share(true);
        journal.record_screen_share(false);
        let json = serde_json::to_value(journal.events()).unwrap();
        assert_eq!(json[0]["kind"], "screen_share");
        assert_eq!(json[0]["outcome"], "on");
        assert_eq!(json[1]["outcome"], "off");
        assert!(json[1].get("provider").is_none(), "{json}");
    }

    #[test]
    fn the_journal_keeps_the_last_events_only() {
        let journal = Journal::default();
        for _ in 0..(JOURNAL_CAPACITY + 7) {
            journal.record_outcome(EventKind::Check, None, Ok(()), Duration::from_millis(3));
        }
        journal.record_outcome(
            EventKind::Verification,
            Some(ProviderId::Hrworks),
            Err(&Problem::VaultLocked),
            Duration::from_millis(1500),
        );
        let events = journal.events();
        assert_eq!(events.len(), JOURNAL_CAPACITY);
        let last = events.last().unwrap();
        assert_eq!(last.outcome, "vault_locked");
        assert_eq!(last.duration_ms, 1500);
        assert_eq!(last.provider, Some(ProviderId::Hrworks));
    }

    #[test]
    fn the_bundle_has_the_facts_and_no_canary() {
        let journal = Journal::default();
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", HeaderValue::from_static("req-4f2a:77"));
        journal.record_http(
            &reqwest::Method::GET,
            Ok((403, &headers)),
            Duration::from_millis(42),
            1,
        );
        // A provider echoing a secret or a name in a request-id header: not a plain token.
        let mut echoing = HeaderMap::new();
        let echoed = format!("{CANARY_SECRET} for {CANARY_NAME}");
        echoing.insert("request-id", HeaderValue::from_str(&echoed).unwrap());
        journal.record_http(
            &reqwest::Method::POST,
            Ok((401, &echoing)),
            Duration::from_millis(7),
            1,
        );
        journal.record_http(
            &reqwest::Method::GET,
            Err(&HttpFailure::ServerError(503)),
            Duration::from_millis(9),
            3,
        );
        // Problems whose parameters hold a canary: only the code is kept.
        for problem in [
            Problem::SignInRefused {
                provider: "iPayroll".into(),
                error: CANARY_SECRET.into(),
            },
            Problem::DifferentAccount {
                provider: "iPayroll".into(),
                saved: CANARY_NAME.into(),
                reached: CANARY_NAME.into(),
            },
        ] {
            journal.record_outcome(
                EventKind::SignIn,
                Some(ProviderId::Ipayroll),
                Err(&problem),
                Duration::from_secs(2),
            );
        }
        let text = bundle(&context(), &journal.events(), None);
        assert_clean(&text);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["language"], "de");
        assert_eq!(json["screen_share"], true);
        assert_eq!(json["step"], "credentials");
        let os = format!("{}/{}", std::env::consts::OS, std::env::consts::ARCH);
        assert_eq!(json["os"], os.as_str());
        assert_eq!(json["build"], "development");
        assert_eq!(json["version"], "1.2.3");
        let events = json["events"].as_array().unwrap();
        assert_eq!(events[0]["http_status"], 403);
        assert_eq!(events[0]["request_id"], "req-4f2a:77");
        assert_eq!(events[0]["duration_ms"], 42);
        assert!(events[1].get("request_id").is_none());
        assert_eq!(events[2]["http_status"], 503);
        assert_eq!(events[2]["attempt"], 3);
        assert_eq!(events[3]["outcome"], "sign_in_refused");
        assert_eq!(events[4]["outcome"], "different_account");
    }

    #[test]
    fn a_step_name_is_a_word_or_other() {
        assert_eq!(step_name("chooseProvider"), "chooseProvider");
        assert_eq!(step_name(CANARY_NAME), "other");
        assert_eq!(step_name(""), "other");
        assert_eq!(step_name(&"a".repeat(33)), "other");
    }

    #[test]
    fn the_canary_check_finds_a_planted_canary() {
        // Positive control: the scan above would catch each form.
        for form in forms(CANARY_SECRET) {
            let planted = format!("{{\"x\": \"{form}\"}}");
            assert!(std::panic::catch_unwind(|| assert_clean(&planted)).is_err());
        }
    }
}
