//! Matching benchmark: 50,000 HR people × 50,000 existing records, generated deterministically
//! (`tests/integration/people_synthetic`: overlaps, differences, typos, duplicates, terminated people,
//! records only on one side), matched once to warm up and then timed.
//!
//! Run in release: `cargo run --release -p hrlink-core --example bench_matching [-- N]`.
//! Prints the time, the peak memory (VmHWM), the counts and the ratio to the 0.2 s target. A
//! benchmark, not a test: it asserts nothing about time.

#[path = "../tests/integration/people_synthetic/mod.rs"]
mod people_synthetic;

use std::time::{Duration, Instant};

use hrlink_core::people::{Disclosure, MatchOptions, match_people};

/// The design's target for 50,000 × 50,000 ("well under a second"; we aim at 0.2 s).
const TARGET: Duration = Duration::from_millis(200);
const RUNS: usize = 5;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(50_000);
    let started = Instant::now();
    let population = people_synthetic::population(n);
    println!(
        "generated {} HR people and {} existing records in {:.0?}",
        population.hr.len(),
        population.existing.len(),
        started.elapsed()
    );

    println!(
        "memory before matching (VmRSS): {}",
        proc_status("VmRSS:").unwrap_or_else(|| "unknown".into())
    );

    let options = MatchOptions::default();
    let mut times = Vec::with_capacity(RUNS);
    let mut result = None;
    // The first run warms up the allocator and caches; the inputs are cloned outside the timing.
    for _ in 0..=RUNS {
        // Only one result alive at a time, so that the peak is one matching's.
        drop(result.take());
        let (hr, existing) = (population.hr.clone(), population.existing.clone());
        let started = Instant::now();
        let matched = match_people(hr, existing, &options);
        times.push(started.elapsed());
        result = Some(matched);
    }
    times.remove(0);
    times.sort();
    let Some(result) = result else {
        return;
    };
    let median = times[times.len() / 2];

    let started = Instant::now();
    let report = result.report(Disclosure::Masked);
    let report_time = started.elapsed();

    let counts = result.counts();
    println!(
        "match_people: median {median:.1?} of {RUNS} runs (min {:.1?}, max {:.1?})",
        times[0],
        times[times.len() - 1]
    );
    println!(
        "ratio to the {TARGET:?} target: {:.2} ({})",
        median.as_secs_f64() / TARGET.as_secs_f64(),
        if median <= TARGET { "within" } else { "over" }
    );
    println!(
        "masked report of {} rows: {report_time:.1?}",
        report.people.len()
    );
    println!(
        "peak memory (VmHWM): {}",
        proc_status("VmHWM:").unwrap_or_else(|| "unknown".into())
    );
    println!(
        "counts:   {}",
        serde_json::to_string(&counts).unwrap_or_default()
    );
    println!(
        "expected: {}",
        serde_json::to_string(&population.expected).unwrap_or_default()
    );
    println!("counts as expected: {}", counts == population.expected);
}

/// A line of /proc/self/status (Linux only), e.g. `VmHWM:` (peak resident set size).
fn proc_status(field: &str) -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .map(|value| value.trim().to_owned())
}
