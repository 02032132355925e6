//! Benchmark (not a test): lists the organisation structure of N people from the Sandbox's
//! HRworks (establishments and units, with everyone counted in) and reports the time as a ratio
//! of the people listing it follows in the wizard.
//!
//! ```text
//! cargo run --release -p hrlink-bench --bin bench_structure -- [PEOPLE] [RUNS]
//! ```
//!
//! Defaults: 50,000 people, 5 runs (medians). No rate limit: the ratio is HR Link's work (two
//! small calls and counting), not the Sandbox's pacing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark binary"
)]

use std::time::{Duration, Instant};

use hrlink_core::Endpoints;
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::mapping::list_structure;
use hrlink_core::people::{ListingOptions, list_people};
use hrlink_core::verify::Credentials;
use hrlink_sandbox::scenarios::hrworks::VALID;
use hrlink_sandbox::{Sandbox, SandboxConfig};

fn arg(position: usize, default: usize) -> usize {
    std::env::args()
        .nth(position)
        .map(|value| value.parse().expect("a number"))
        .unwrap_or(default)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[tokio::main]
async fn main() {
    let people = arg(1, 50_000);
    let runs = arg(2, 5).max(1);
    let sandbox = Sandbox::start(SandboxConfig {
        people,
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
    let options = ListingOptions::default();

    let (mut listing_times, mut structure_times) = (Vec::new(), Vec::new());
    let mut listed = Vec::new();
    // One warm-up run (the Sandbox generates its people on first use), then the measured ones.
    for run in 0..=runs {
        let started = Instant::now();
        let outcome = list_people(&http, &endpoints, &credentials, None, &options, &|_| {}).await;
        let listing_time = started.elapsed();
        listed = outcome.result.expect("the listing succeeds").people;
        let started = Instant::now();
        let structure = list_structure(&http, &endpoints, &credentials, &listed)
            .await
            .expect("the structure is listed");
        let structure_time = started.elapsed();
        let counted: u32 = structure.locations.iter().flatten().map(|c| c.people).sum();
        assert_eq!(counted as usize, listed.len(), "everyone counted");
        if run > 0 {
            listing_times.push(listing_time);
            structure_times.push(structure_time);
        }
    }
    let (listing, structure) = (median(listing_times), median(structure_times));
    let ratio = structure.as_secs_f64() / listing.as_secs_f64();
    println!("people            {}", listed.len());
    println!("listing (median)  {:.3} s", listing.as_secs_f64());
    println!("structure (median) {:.3} s", structure.as_secs_f64());
    println!("ratio             {ratio:.4}  (structure ÷ listing)");
    println!(
        "RESULT people={} listing_s={:.3} structure_s={:.4} ratio={ratio:.4}",
        listed.len(),
        listing.as_secs_f64(),
        structure.as_secs_f64()
    );
    sandbox.shutdown().await;
}
