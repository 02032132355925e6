//! Verification benchmark, "verdict first": how soon a verification knows its verdict (signed
//! in, which account, every permission granted or missing) when the HR system is slow, and the
//! people count's own time beside it. The Sandbox adds the same latency to every answer, so a
//! verification whose independent probes ran one after another would take a multiple of one
//! probe's time.
//!
//! Run in release: `cargo run --release -p hrlink-bench --bin bench_verify [-- LATENCY_MS]`
//! (default 200 ms). For HRworks and IRIS (the providers whose credentials are text) it verifies
//! once to warm up, then times `RUNS` verifications and prints, from the progress events (the
//! same ones the app's checklist and the CLI's progress show as they come), each step's
//! duration and:
//!
//! - `verdict`: until the last step of the verdict (every step but the people count) finished;
//! - `slowest probe`: the sign-in (every probe needs its token) plus the longest single step of
//!   the verdict after it;
//! - the ratio `verdict / slowest probe`, against the 1.1 bound;
//! - `count`: until the people count finished, and `wall`: the whole verification.
//!
//! A benchmark, not a test: it asserts nothing about time. The last line is machine-readable
//! (`RESULT provider=… verdict_ms=… slowest_ms=… ratio=… count_ms=… wall_ms=…`, the provider
//! with the worst ratio) for `scripts/bench`.
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

/// The bound: the verdict is known within 1.1× the sign-in plus the slowest probe.
const BOUND: f64 = 1.1;
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

    /// The steps of the verdict: all but the people count.
    fn verdict_steps(&self) -> impl Iterator<Item = &(VerifyStep, Duration, Duration)> {
        self.steps
            .iter()
            .filter(|(step, _, _)| *step != VerifyStep::People)
    }

    /// When the verdict was known: the end of its last step.
    fn verdict(&self) -> Duration {
        self.verdict_steps()
            .map(|(_, _, end)| *end)
            .max()
            .unwrap_or_default()
    }

    /// When the people count was known.
    fn count(&self) -> Duration {
        self.steps
            .iter()
            .find(|(step, _, _)| *step == VerifyStep::People)
            .map(|(_, _, end)| *end)
            .unwrap_or_default()
    }

    /// The sign-in plus the longest single step of the verdict after it.
    fn slowest_probe(&self) -> Duration {
        let sign_in = self.step(&VerifyStep::Authenticate).unwrap_or_default();
        let longest = self
            .verdict_steps()
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
    let mut worst: Option<(&str, [f64; 5])> = None;
    for (label, text, provider) in &cases {
        let credentials = Credentials::from_text(*provider, text.as_bytes()).unwrap();
        timed(&http, &endpoints, &credentials).await; // warm-up
        let mut runs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            runs.push(timed(&http, &endpoints, &credentials).await);
        }
        runs.sort_by_key(Run::verdict);
        let median = &runs[RUNS / 2];
        let verdict = ms(median.verdict());
        let slowest = ms(median.slowest_probe());
        let ratio = verdict / slowest;
        let (count, wall) = (ms(median.count()), ms(median.wall));
        println!(
            "{label}: verdict after {verdict:.0} ms, sign-in + slowest probe {slowest:.0} ms, ratio {ratio:.2} (bound {BOUND}); people count after {count:.0} ms, whole verification {wall:.0} ms"
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
        if worst.is_none_or(|(_, [_, _, r, _, _])| ratio > r) {
            worst = Some((label, [verdict, slowest, ratio, count, wall]));
        }
    }
    sandbox.shutdown().await;
    if let Some((label, [verdict, slowest, ratio, count, wall])) = worst {
        println!(
            "RESULT provider={label} verdict_ms={verdict:.1} slowest_ms={slowest:.1} ratio={ratio:.3} count_ms={count:.1} wall_ms={wall:.1}"
        );
    }
}
