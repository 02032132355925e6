//! Token-bucket rate limiting, one bucket per provider.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::lock;

/// Allows `rate` requests per second with bursts of up to `rate`; refills continuously.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    rate: f64,
    bucket: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    refilled_at: Instant,
}

impl RateLimiter {
    pub(crate) fn per_second(rate: NonZeroU32) -> Self {
        let rate = f64::from(rate.get());
        Self {
            rate,
            bucket: Mutex::new(Bucket {
                tokens: rate,
                refilled_at: Instant::now(),
            }),
        }
    }

    /// Takes one token, or says how long until one is available.
    pub(crate) fn try_acquire(&self) -> Result<(), Duration> {
        self.try_acquire_at(Instant::now())
    }

    fn try_acquire_at(&self, now: Instant) -> Result<(), Duration> {
        let mut bucket = lock(&self.bucket);
        let elapsed = now
            .saturating_duration_since(bucket.refilled_at)
            .as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.rate);
        bucket.refilled_at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / self.rate))
        }
    }
}

/// The `Retry-After` seconds for a wait: whole seconds, rounded up, at least 1 (a client told
/// "0" would retry at once and be refused again).
pub(crate) fn retry_after_secs(wait: Duration) -> u32 {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    u32::try_from(secs.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_a_burst_of_rate_then_refuses_until_refilled() {
        let limiter = RateLimiter::per_second(NonZeroU32::new(3).expect("non-zero"));
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.try_acquire_at(start), Ok(()));
        }
        let wait = limiter.try_acquire_at(start).expect_err("bucket is empty");
        assert!(wait <= Duration::from_millis(334) && wait >= Duration::from_millis(333));
        assert!(
            limiter
                .try_acquire_at(start + Duration::from_millis(200))
                .is_err()
        );
        assert_eq!(
            limiter.try_acquire_at(start + Duration::from_millis(400)),
            Ok(())
        );
    }

    #[test]
    fn refill_is_capped_at_one_second_of_requests() {
        let limiter = RateLimiter::per_second(NonZeroU32::new(2).expect("non-zero"));
        let later = Instant::now() + Duration::from_secs(60);
        assert_eq!(limiter.try_acquire_at(later), Ok(()));
        assert_eq!(limiter.try_acquire_at(later), Ok(()));
        assert!(limiter.try_acquire_at(later).is_err());
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(300)), 1);
        assert_eq!(retry_after_secs(Duration::from_secs(2)), 2);
        assert_eq!(retry_after_secs(Duration::from_millis(2001)), 3);
    }
}
