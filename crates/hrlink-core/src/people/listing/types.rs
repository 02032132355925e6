//! What a listing is asked to do and what it gives back.

use std::time::Duration;

use serde::Serialize;

use crate::Problem;
use crate::oauth::{OAuthTokens, SignInCancel};
use crate::people::person::Person;
use crate::providers::catalogue::ProviderId;

/// Cancels a running listing (the wizard's Cancel button, Ctrl-C): the same handle as a
/// browser sign-in's. Cheap to clone; the listing ends with [`Problem::PeopleListingCancelled`].
pub type ListingCancel = SignInCancel;

/// A request rate: at most `requests` per `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed…
    pub requests: u32,
    /// …per this long.
    pub per: Duration,
}

impl RateLimit {
    /// `requests` per second.
    pub const fn per_second(requests: u32) -> RateLimit {
        RateLimit {
            requests,
            per: Duration::from_secs(1),
        }
    }

    /// The spacing between requests that keeps to this limit without bursts.
    pub(crate) fn interval(self) -> Duration {
        self.per / self.requests.max(1)
    }
}

/// The pages read at most by default: 5,000 pages are 250,000 HRworks people.
pub const DEFAULT_MAX_PAGES: u32 = 5_000;
/// The people read at most by default, far more than any company HR Link is for employs.
pub const DEFAULT_MAX_PEOPLE: usize = 250_000;

/// How a listing runs.
#[derive(Debug, Clone)]
pub struct ListingOptions {
    /// Pages fetched at the same time, when the page count is known (at least 1).
    pub concurrency: usize,
    /// The rate to keep to; `None` uses the provider's documented limits (Employment Hero:
    /// 20 per second and 100 per minute) or none when it documents none (then a 429 slows the
    /// listing down).
    pub rate_limits: Option<Vec<RateLimit>>,
    /// More pages than this stop the listing with [`Problem::PeopleListTooLong`].
    pub max_pages: u32,
    /// More people than this stop the listing with [`Problem::PeopleListTooLong`] (a page with
    /// more than twice the provider's page size does at once).
    pub max_people: usize,
    /// Cancels the listing.
    pub cancel: ListingCancel,
}

impl Default for ListingOptions {
    fn default() -> Self {
        ListingOptions {
            concurrency: 4,
            rate_limits: None,
            max_pages: DEFAULT_MAX_PAGES,
            max_people: DEFAULT_MAX_PEOPLE,
            cancel: ListingCancel::new(),
        }
    }
}

/// Where a running listing is, reported after each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListingProgress {
    /// Pages read so far.
    pub pages_done: u32,
    /// All pages, once the HR system has said.
    pub pages_total: Option<u32>,
    /// People read so far.
    pub people: u32,
    /// Seconds still to go, estimated from the pages so far (when the total is known).
    pub eta_seconds: Option<u32>,
}

/// Receives progress; must be cheap (it runs on the listing's task). A Tauri command passes
/// `&|progress| { let _ = channel.send(progress); }`.
pub trait ListingProgressSink: Sync {
    /// Called after each page.
    fn report(&self, progress: ListingProgress);
}

impl<F: Fn(ListingProgress) + Sync> ListingProgressSink for F {
    fn report(&self, progress: ListingProgress) {
        self(progress)
    }
}

/// Everyone the HR system listed.
#[derive(Debug, Clone)]
pub struct PeopleListing {
    /// The HR system.
    pub provider: ProviderId,
    /// The people, in the HR system's order.
    pub people: Vec<Person>,
    /// Pages read.
    pub pages: u32,
    /// Times the token was renewed during the listing.
    pub reauthentications: u32,
    /// Requests the HR system refused with 429 (each paused the listing).
    pub rate_limited: u32,
}

/// What [`list_people`] returns: the people or the problem, and in either case the newest OAuth
/// tokens when they were refreshed on the way.
#[derive(Debug)]
pub struct ListingOutcome {
    /// The listing, or why it stopped.
    pub result: Result<PeopleListing, Problem>,
    /// Tokens refreshed during the listing (iPayroll, Employment Hero), even when it then
    /// failed: **store them** in place of the old ones. Employment Hero rotates refresh tokens,
    /// so the old refresh token no longer works.
    pub refreshed_tokens: Option<OAuthTokens>,
}
