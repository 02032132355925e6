//! Keeps a listing to the provider's rate.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::types::RateLimit;
use crate::sync::lock;

/// Spaces requests to keep to a rate, and pauses all of them after a 429.
///
/// A GCRA schedule: requests start `interval` apart; one that comes late (the machine was busy,
/// an answer was slow) may be followed by a few that catch up, at most `burst - 1` intervals'
/// worth, so that the average keeps to the rate without ever exceeding a tenth of it in a burst.
pub(super) struct Pacer {
    state: Mutex<PacerState>,
}

struct PacerState {
    /// Least time between two request starts on average (zero: unpaced).
    interval: Duration,
    /// Requests that may start back to back to catch up (at least 1: none).
    burst: u32,
    /// The theoretical start of the next request; catch-up may start it up to `burst - 1`
    /// intervals earlier.
    due: Instant,
    /// When the pace was last slowed: 429s to requests started before that are the same
    /// episode and do not slow it again.
    slowed_at: Instant,
    started: Instant,
    requests: u32,
}

impl PacerState {
    fn tolerance(&self) -> Duration {
        self.interval * self.burst.saturating_sub(1)
    }
}

impl Pacer {
    pub(super) fn new(limits: &[RateLimit]) -> Pacer {
        let now = Instant::now();
        let interval = limits
            .iter()
            .map(|limit| limit.interval())
            .max()
            .unwrap_or_default();
        let burst = limits
            .iter()
            .map(|limit| (limit.requests / 10).max(1))
            .min()
            .unwrap_or(1);
        let mut state = PacerState {
            interval,
            burst,
            due: now,
            slowed_at: now,
            started: now,
            requests: 0,
        };
        // Start smoothly: the tolerance is for catching up, not for an opening burst.
        state.due = now + state.tolerance();
        Pacer {
            state: Mutex::new(state),
        }
    }

    /// Waits for this request's slot.
    pub(super) async fn wait(&self) {
        let slot = {
            let mut state = lock(&self.state);
            let now = Instant::now();
            let tolerance = state.tolerance();
            let slot = now.max(state.due.checked_sub(tolerance).unwrap_or(now));
            // Lateness beyond the tolerance is forgiven, not caught up.
            state.due = state.due.max(slot) + state.interval;
            state.requests += 1;
            slot
        };
        tokio::time::sleep_until(slot.into()).await;
    }

    /// After a 429 to a request started at `started`: pause every request for `retry_after`
    /// (one second when not said) and, once per episode, halve the pace (at least to the pace
    /// observed so far) without catch-up bursts, so the limit is not hit again and again.
    pub(super) fn slow_down(&self, started: Instant, retry_after: Option<Duration>) {
        let mut state = lock(&self.state);
        let now = Instant::now();
        let resume = now + retry_after.unwrap_or(Duration::from_secs(1));
        if started >= state.slowed_at {
            let observed = (now - state.started) / state.requests.max(1);
            state.interval = (state.interval * 2)
                .max(observed * 2)
                .max(Duration::from_millis(10));
            state.burst = 1;
            state.slowed_at = resume;
        }
        let tolerance = state.tolerance();
        state.due = state.due.max(resume + tolerance);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_pacer_spaces_requests_and_pauses_after_429() {
        let pacer = Pacer::new(&[
            RateLimit::per_second(50),
            RateLimit {
                requests: 100,
                per: Duration::from_secs(5),
            },
        ]);
        // The stricter limit wins: 100 in 5 s is one request every 50 ms; catch-up of up to
        // a tenth of the smaller allowance (5 requests).
        assert_eq!(lock(&pacer.state).interval, Duration::from_millis(50));
        assert_eq!(lock(&pacer.state).burst, 5);
        // No opening burst: three requests take two intervals.
        let start = Instant::now();
        for _ in 0..3 {
            pacer.wait().await;
        }
        assert!(start.elapsed() >= Duration::from_millis(100));
        // Falling behind by 300 ms: at most 5 requests catch up, then the pace holds again.
        std::thread::sleep(Duration::from_millis(300));
        let behind = Instant::now();
        for _ in 0..7 {
            pacer.wait().await;
        }
        assert!(behind.elapsed() >= Duration::from_millis(100));

        let unpaced = Pacer::new(&[]);
        assert_eq!(lock(&unpaced.state).interval, Duration::ZERO);
        let start = Instant::now();
        unpaced.wait().await;
        unpaced.slow_down(start, Some(Duration::from_millis(200)));
        let slowed = lock(&unpaced.state).interval;
        assert!(slowed >= Duration::from_millis(10));
        // A second 429 to a request of the same episode does not slow the pace again.
        unpaced.slow_down(start, Some(Duration::from_millis(200)));
        assert_eq!(lock(&unpaced.state).interval, slowed);
        // Every request waits out the pause.
        unpaced.wait().await;
        assert!(start.elapsed() >= Duration::from_millis(200));
        // A 429 to a request started after the pause is a new episode: slower again.
        let later = Instant::now();
        unpaced.slow_down(later, None);
        assert!(lock(&unpaced.state).interval >= slowed * 2);
        assert_eq!(lock(&unpaced.state).burst, 1);
    }
}
