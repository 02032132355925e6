//! Listing every person an HR system holds: all pages, within the provider's rate limit, with
//! progress and cancellation, re-authenticating when a token expires mid-way.
//!
//! [`list_people`] is the entry point: it finds the provider's module, whose
//! [`engine::Source`] (how to build a page's URL, read a page, renew its token) the
//! [`engine`] drives the same way for all:
//!
//! - **Paging.** The first page is read alone. When it tells the page count (HRworks' `Link`
//!   `rel="last"`, iPayroll's `totalPages`, Employment Hero's `total_pages`, IRIS's
//!   `totalItems`), the other pages are fetched concurrently, at most
//!   [`ListingOptions::concurrency`] at a time, and taken in order. Otherwise `next` links are
//!   followed one by one.
//! - **Rate.** Requests are spaced by the provider's documented limit (or the caller's), and a
//!   `429` pauses *every* request for its `Retry-After` and slows the listing down, so that
//!   concurrent requests do not each run into the limit again (no 429 storm).
//! - **Tokens.** A token about to expire is renewed before use; a `401` renews it once for all
//!   requests that saw it (HRworks and IRIS sign in again, iPayroll and Employment Hero refresh;
//!   Employment Hero's rotated refresh token comes back in [`ListingOutcome::refreshed_tokens`]).
//! - **Faults.** A page answered with a 5xx or cut off by a dropped connection is asked again,
//!   up to three attempts in all (a page is a GET: repeating it is safe);
//!   then the listing ends with the network or server problem and keeps no one.
//! - **Safety.** A page identical to an earlier one (a paging loop), a `next` link visited before,
//!   a link to another origin (never followed with credentials) and more than
//!   [`ListingOptions::max_pages`] pages each stop the listing with a typed [`Problem`]; so do a
//!   page with more than twice the provider's page size (1,000 when it documents none) and
//!   more than [`ListingOptions::max_people`] people in all (`people_list_too_long`).
//!
//! Personal data stays in memory: logs carry counts, pages and statuses only.

pub(crate) mod engine;
pub(crate) mod fields;
mod pacer;
pub(crate) mod paging;
pub mod types;

pub use types::{
    DEFAULT_MAX_PAGES, DEFAULT_MAX_PEOPLE, ListingCancel, ListingOptions, ListingOutcome,
    ListingProgress, ListingProgressSink, PeopleListing, RateLimit,
};

use crate::config::OAuthProviderConfig;
use crate::credentials::Credentials;
use crate::http::HttpClient;
use crate::{Endpoints, providers};

/// Lists everyone the credentials can see at `endpoints`.
///
/// `oauth` is the provider's OAuth configuration, needed to refresh iPayroll and Employment
/// Hero tokens that expire mid-way (without it an expired token ends the listing with
/// [`crate::Problem::SignInExpired`]); the key-based providers ignore it.
pub async fn list_people(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> ListingOutcome {
    let provider = credentials.provider();
    let endpoints = match endpoints.require(provider) {
        Ok(endpoints) => endpoints,
        Err(problem) => {
            return ListingOutcome {
                result: Err(problem),
                refreshed_tokens: None,
            };
        }
    };
    let listing = providers::provider(provider).list_people(
        http,
        endpoints,
        credentials.secret(),
        oauth,
        options,
        progress,
    );
    tracing::debug!(provider = provider.slug(), "people listing started");
    let outcome = listing.await;
    match &outcome.result {
        Ok(listing) => tracing::debug!(
            provider = provider.slug(),
            pages = listing.pages,
            people = listing.people.len(),
            reauthentications = listing.reauthentications,
            rate_limited = listing.rate_limited,
            "people listing finished"
        ),
        Err(problem) => tracing::debug!(
            provider = provider.slug(),
            code = problem.code(),
            "people listing failed"
        ),
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ProviderId;

    /// The app runs the listing in an async Tauri command on a multi-threaded runtime: the
    /// future must be Send.
    #[test]
    fn the_listing_future_is_send() {
        fn assert_send<T: Send>(_: T) {}
        let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
        let endpoints = Endpoints::production();
        let credentials = Credentials::from_text(
            ProviderId::Hrworks,
            b"Access Key: AKIAEXAMPLE0000001\nSecret Access Key: c2VjcmV0/c2VjcmV0+c2VjcmV0=c2VjcmV0c2Vj\n",
        )
        .unwrap();
        let options = ListingOptions::default();
        let sink = |_: ListingProgress| {};
        assert_send(list_people(
            &http,
            &endpoints,
            &credentials,
            None,
            &options,
            &sink,
        ));
    }
}
