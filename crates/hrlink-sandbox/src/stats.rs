//! What the Sandbox served, per provider: requests and `429 Too Many Requests` answers, so that
//! tests and benchmarks can check a client stays within a rate limit; and refresh tokens used
//! again after they were rotated, so that tests can check a client never does.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::Provider;

/// Counters of a running [`Sandbox`](crate::Sandbox). Cheap to clone; every clone reads the
/// same counters.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    counters: Arc<[Counters; Provider::ALL.len()]>,
}

#[derive(Debug, Default)]
struct Counters {
    requests: AtomicU64,
    too_many_requests: AtomicU64,
    reused_refresh_tokens: AtomicU64,
}

impl Stats {
    /// Machine-facing requests (API and token endpoints) `provider` answered.
    pub fn requests(&self, provider: Provider) -> u64 {
        self.of(provider).requests.load(Ordering::Relaxed)
    }

    /// `429` answers `provider` gave, whatever the cause (the rate limit, a fault, a scenario).
    pub fn too_many_requests(&self, provider: Provider) -> u64 {
        self.of(provider).too_many_requests.load(Ordering::Relaxed)
    }

    /// Refresh requests `provider` refused because their refresh token had already been
    /// rotated away (a client refreshing twice with the same token).
    pub fn reused_refresh_tokens(&self, provider: Provider) -> u64 {
        self.of(provider)
            .reused_refresh_tokens
            .load(Ordering::Relaxed)
    }

    /// Sets every counter back to zero.
    pub fn reset(&self) {
        for counters in self.counters.iter() {
            counters.requests.store(0, Ordering::Relaxed);
            counters.too_many_requests.store(0, Ordering::Relaxed);
            counters.reused_refresh_tokens.store(0, Ordering::Relaxed);
        }
    }

    pub(crate) fn record(&self, provider: Provider, status: u16) {
        let counters = self.of(provider);
        counters.requests.fetch_add(1, Ordering::Relaxed);
        if status == 429 {
            counters.too_many_requests.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn record_refresh_token_reuse(&self, provider: Provider) {
        let counters = self.of(provider);
        counters
            .reused_refresh_tokens
            .fetch_add(1, Ordering::Relaxed);
    }

    fn of(&self, provider: Provider) -> &Counters {
        &self.counters[provider.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_provider_and_resets() {
        let stats = Stats::default();
        stats.record(Provider::HrWorks, 200);
        stats.record(Provider::HrWorks, 429);
        stats.record(Provider::Iris, 429);
        assert_eq!(stats.requests(Provider::HrWorks), 2);
        assert_eq!(stats.too_many_requests(Provider::HrWorks), 1);
        assert_eq!(stats.too_many_requests(Provider::Iris), 1);
        assert_eq!(stats.requests(Provider::IPayroll), 0);
        stats.clone().reset();
        assert_eq!(stats.requests(Provider::HrWorks), 0);
        assert_eq!(stats.too_many_requests(Provider::Iris), 0);
    }
}
