//! Verification benchmark: how close a whole verification comes to its slowest probe when the
//! HR system is slow. The Sandbox adds the same latency to every answer, so a verification whose
//! independent probes run one after another would take a multiple of one probe's time.
//!
//! Run in release: `cargo run --release -p hrlink-bench --bin bench_verify [-- LATENCY_MS]`
//! (default 200 ms). For HRworks and IRIS (the providers whose credentials are text) it verifies
//! once to warm up, then times `RUNS` verifications and prints, from the progress events, each
//! step's duration and:
//!
//! - `wall`: the whole verification;
//! - `slowest probe`: the sign-in (every probe needs its token) plus the longest single probe
//!   step after it;
//! - the ratio `wall / slowest probe`, against the 1.3 bound.
//!
//! A benchmark, not a test: it asserts nothing about time. The last line is machine-readable
//! (`RESULT provider=… wall_ms=… slowest_ms=… ratio=…`, worst provider) for `scripts/bench`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark binary: failing loudly is the right answer to a broken set-up"
)]

use std::sync::Mutex;
use std::time::{Duration, Instant};

use hrlink_core::Endpoints;
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::verify::{Credentials, VerifyProgress, VerifyStep, verify};
use hrlink_sandbox::scenarios::{hrworks, iris};
use hrlink_sandbox::{Sandbox, SandboxConfig};

/// The bound: a verification takes at most 1.3× its slowest probe.
const BOUND: f64 = 1.3;
const RUNS: usize = 5;

/// One timed verification: the wall time and each step's (start, end) offsets.
struct Run {
    wall: Duration,
    steps: Vec<(VerifyStep, Duration, Duration)>,
}

impl Run {
    fn step(&self, wanted: &VerifyStep) -> Option<Duration> {
        self.steps
            .iter()
            .find(|(step, _, _)| step == wanted)
            .map(|(_, start, end)| end.saturating_sub(*start))
    }

    /// The sign-in plus the longest single step after it.
    fn slowest_probe(&self) -> Duration {
        let sign_in = self.step(&VerifyStep::Authenticate).unwrap_or_default();
        let longest = self
            .steps
            .iter()
            .filter(|(step, _, _)| *step != VerifyStep::Authenticate)
            .map(|(_, start, end)| end.saturating_sub(*start))
            .max()
            .unwrap_or_default();
        sign_in + longest
    }
}

async fn timed(http: &HttpClient, endpoints: &Endpoints, credentials: &Credentials) -> Run {
    let events: Mutex<Vec<(Instant, VerifyProgress)>> = Mutex::default();
    let sink = |event| events.lock().unwrap().push((Instant::now(), event));
    let started = Instant::now();
    let report = verify(http, endpoints, credentials, &sink).await;
    let wall = started.elapsed();
    assert!(report.ok, "the benchmark's verification failed: {report:?}");
    let mut steps = Vec::new();
    let mut open = Vec::new();
    for (at, event) in events.into_inner().unwrap() {
        match event {
            VerifyProgress::Started { step } => open.push((step, at - started)),
            VerifyProgress::Finished { step, .. } => {
                let index = open.iter().position(|(s, _)| *s == step).unwrap();
                let (step, start) = open.remove(index);
                steps.push((step, start, at - started));
            }
        }
    }
    Run { wall, steps }
}

fn name(step: &VerifyStep) -> String {
    match step {
        VerifyStep::Authenticate => "sign-in".into(),
        VerifyStep::Account => "account".into(),
        VerifyStep::Permission(id) => format!("permission {id}"),
        VerifyStep::People => "people count".into(),
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let latency_ms: u64 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(200);
    let sandbox = Sandbox::start(SandboxConfig {
        latency: Duration::from_millis(latency_ms),
        ..SandboxConfig::default()
    })
    .await
    .expect("the Sandbox starts");
    let json = serde_json::to_string(sandbox.endpoints()).unwrap();
    let endpoints = Endpoints::from_json(&json).unwrap();
    let http = HttpClient::new(HttpConfig::default()).unwrap();
    println!("Sandbox latency: {latency_ms} ms per answer; median of {RUNS} runs after a warm-up");

    let cases = [
        (
            "hrworks",
            format!(
                "Access Key: {}\nSecret Access Key: {}\n",
                hrworks::VALID.access_key,
                hrworks::VALID.secret_access_key
            ),
            hrlink_core::ProviderId::Hrworks,
        ),
        (
            "iris",
            format!(
                "Username: {}\nPassword: {}\n",
                iris::VALID.username,
                iris::VALID.password
            ),
            hrlink_core::ProviderId::Iris,
        ),
    ];
    let mut worst: Option<(&str, f64, f64, f64)> = None;
    for (label, text, provider) in &cases {
        let credentials = Credentials::from_text(*provider, text.as_bytes()).unwrap();
        timed(&http, &endpoints, &credentials).await; // warm-up
        let mut runs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            runs.push(timed(&http, &endpoints, &credentials).await);
        }
        runs.sort_by_key(|run| run.wall);
        let median = &runs[RUNS / 2];
        let wall = ms(median.wall);
        let slowest = ms(median.slowest_probe());
        let ratio = wall / slowest;
        println!(
            "{label}: wall {wall:.0} ms, slowest probe (sign-in + longest step) {slowest:.0} ms, ratio {ratio:.2} (bound {BOUND})"
        );
        let serial: Duration = median
            .steps
            .iter()
            .map(|(_, start, end)| end.saturating_sub(*start))
            .sum();
        println!("  steps one after another would take {:.0} ms", ms(serial));
        for (step, start, end) in &median.steps {
            println!(
                "  {:<32} {:>6.0} → {:>6.0} ms ({:.0} ms)",
                name(step),
                ms(*start),
                ms(*end),
                ms(end.saturating_sub(*start))
            );
        }
        if worst.is_none_or(|(_, _, _, r)| ratio > r) {
            worst = Some((label, wall, slowest, ratio));
        }
    }
    sandbox.shutdown().await;
    if let Some((label, wall, slowest, ratio)) = worst {
        println!(
            "RESULT provider={label} wall_ms={wall:.1} slowest_ms={slowest:.1} ratio={ratio:.3}"
        );
    }
}
