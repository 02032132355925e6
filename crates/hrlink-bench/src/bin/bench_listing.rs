//! Benchmark (not a test): lists N people from the Sandbox's HRworks behind a rate limit and
//! compares the wall time with the bound that limit sets (pages ÷ rate). Target: ≤ 1.1×.
//!
//! ```text
//! cargo run --release -p hrlink-bench --bin bench_listing -- [PEOPLE] [RATE] [LATENCY_MS] [CONCURRENCY] [untold]
//! ```
//!
//! With `untold`, the listing is not told the rate and has to learn it from the 429s.
//!
//! Defaults: 50,000 people (1,000 pages of 50), 200 requests per second, no added latency,
//! 4 pages in flight. The Sandbox enforces the rate (a token bucket) and counts its 429s; the
//! listing is told the same rate and paces itself to it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark binary"
)]

use std::time::{Duration, Instant};

use hrlink_core::Endpoints;
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::people::{ListingOptions, RateLimit, list_people};
use hrlink_core::verify::Credentials;
use hrlink_sandbox::scenarios::hrworks::VALID;
use hrlink_sandbox::{Provider, Sandbox, SandboxConfig};

/// HRworks' fixed master-data page size.
const PAGE_SIZE: usize = 50;

fn arg<T: std::str::FromStr>(position: usize, default: T) -> T {
    std::env::args()
        .nth(position)
        .map(|value| {
            value
                .parse()
                .unwrap_or_else(|_| panic!("argument {position} is not a number"))
        })
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let people: usize = arg(1, 50_000);
    let rate: u32 = arg(2, 200);
    let latency = Duration::from_millis(arg(3, 0));
    let concurrency: usize = arg(4, 4);
    let told = std::env::args().nth(5).as_deref() != Some("untold");

    let sandbox = Sandbox::start(SandboxConfig {
        people,
        rate_limit: Some(rate),
        latency,
        ..SandboxConfig::default()
    })
    .await
    .expect("the Sandbox starts");
    let endpoints = Endpoints::from_json(&serde_json::to_string(sandbox.endpoints()).unwrap())
        .expect("endpoints");
    let file = format!(
        "Access Key: {}\nSecret Access Key: {}\n",
        VALID.access_key, VALID.secret_access_key
    );
    let credentials = Credentials::from_text(hrlink_core::ProviderId::Hrworks, file.as_bytes())
        .expect("the scenario key parses");
    let http = HttpClient::new(HttpConfig::default()).expect("the HTTP client builds");
    let options = ListingOptions {
        concurrency,
        rate_limits: told.then(|| vec![RateLimit::per_second(rate)]),
        ..ListingOptions::default()
    };

    // The Sandbox generates its people on first use: warm it up outside the measurement, then
    // let its token bucket refill.
    let warm_up = ListingOptions {
        max_pages: 1,
        ..options.clone()
    };
    let _ = list_people(&http, &endpoints, &credentials, None, &warm_up, &|_| {}).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    sandbox.stats().reset();

    let started = Instant::now();
    let outcome = list_people(&http, &endpoints, &credentials, None, &options, &|_| {}).await;
    let wall = started.elapsed();
    let listing = outcome.result.expect("the listing succeeds");
    assert_eq!(listing.people.len(), people, "everyone listed");

    let pages = people.div_ceil(PAGE_SIZE).max(1);
    let bound = Duration::from_secs_f64(pages as f64 / f64::from(rate));
    let served_429 = sandbox.stats().too_many_requests(Provider::HrWorks);
    let requests = sandbox.stats().requests(Provider::HrWorks);
    println!("people listed     {}", listing.people.len());
    println!("pages             {pages} (+1 sign-in; {requests} requests served)");
    println!(
        "rate limit        {rate}/s ({}), latency {latency:?}, concurrency {concurrency}",
        if told { "told" } else { "learnt from 429s" }
    );
    println!("wall time         {:.3} s", wall.as_secs_f64());
    println!("bound (pages/rate) {:.3} s", bound.as_secs_f64());
    println!(
        "ratio             {:.3}  (target ≤ 1.1)",
        wall.as_secs_f64() / bound.as_secs_f64()
    );
    println!("429s served       {served_429}");
    // One machine-readable line for `scripts/bench`.
    println!(
        "RESULT people={} wall_s={:.3} bound_s={:.3} ratio={:.3} served_429={served_429}",
        listing.people.len(),
        wall.as_secs_f64(),
        bound.as_secs_f64(),
        wall.as_secs_f64() / bound.as_secs_f64()
    );
    println!(
        "people per second {:.0}",
        people as f64 / wall.as_secs_f64()
    );
    sandbox.shutdown().await;
}
