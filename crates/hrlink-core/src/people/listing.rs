//! Listing every person an HR system holds: all pages, within the provider's rate limit, with
//! progress and cancellation, re-authenticating when a token expires mid-way.
//!
//! [`list_people`] is the entry point. Each provider module supplies a [`Source`] (how to build
//! a page's URL, read a page, renew its token); this module does the rest, the same for all:
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
//!   [`ListingOptions::max_pages`] pages each stop the listing with a typed [`Problem`].
//!
//! Personal data stays in memory: logs carry counts, pages and statuses only.

use std::collections::HashSet;
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use futures::StreamExt;
use reqwest::Method;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use url::Url;

use super::Person;
use crate::config::OAuthProviderConfig;
use crate::http::{HttpClient, HttpFailure, Response};
use crate::oauth::{OAuthTokens, SignInCancel};
use crate::providers::{failure_problem, unexpected_status};
use crate::verify::Credentials;
use crate::{Endpoints, Problem, ProviderId};

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
    fn interval(self) -> Duration {
        self.per / self.requests.max(1)
    }
}

/// The pages read at most by default: 5,000 pages are 250,000 HRworks people.
pub const DEFAULT_MAX_PAGES: u32 = 5_000;

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
    /// Cancels the listing.
    pub cancel: ListingCancel,
}

impl Default for ListingOptions {
    fn default() -> Self {
        ListingOptions {
            concurrency: 4,
            rate_limits: None,
            max_pages: DEFAULT_MAX_PAGES,
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

/// Lists everyone the credentials can see at `endpoints`.
///
/// `oauth` is the provider's OAuth configuration, needed to refresh iPayroll and Employment
/// Hero tokens that expire mid-way (without it an expired token ends the listing with
/// [`Problem::SignInExpired`]); the key-based providers ignore it.
pub async fn list_people(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> ListingOutcome {
    use crate::providers::{employmenthero, hrworks, ipayroll, iris};
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
    let listing = async {
        match credentials {
            Credentials::Hrworks(keys) => ListingOutcome {
                result: hrworks::list_people(http, endpoints, keys, options, progress).await,
                refreshed_tokens: None,
            },
            Credentials::Iris(login) => ListingOutcome {
                result: iris::list_people(http, endpoints, login, options, progress).await,
                refreshed_tokens: None,
            },
            Credentials::Ipayroll(grant) => {
                ipayroll::list_people(http, endpoints, grant, oauth, options, progress).await
            }
            Credentials::Employmenthero(grant) => {
                employmenthero::list_people(http, endpoints, grant, oauth, options, progress).await
            }
        }
    };
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

// --- What a provider module supplies. ---

/// An access token and when it expires, when known.
pub(crate) struct Token {
    pub secret: SecretString,
    pub expires_at: Option<SystemTime>,
}

/// One page as a provider module read it.
#[derive(Default)]
pub(crate) struct Page {
    pub people: Vec<Person>,
    /// The page count, when this page tells it.
    pub total_pages: Option<u32>,
    /// The next page's address, for providers paged by links.
    pub next: Option<Url>,
    /// Every other link the page carried: checked to stay on the provider's origin.
    pub links: Vec<Url>,
}

/// A provider's people endpoint.
pub(crate) trait Source: Sync {
    /// The provider, for problems' wording.
    const PROVIDER: ProviderId;
    /// The permission a 403 means is missing.
    const PERMISSION: &'static str;
    /// The address of the page at 0-based `position`.
    fn page_url(&self, position: u32) -> Url;
    /// Reads a 200 answer; `position` is the page's 0-based position.
    fn parse(&self, position: u32, response: &Response) -> Result<Page, Problem>;
    /// A new token: sign in again, or refresh.
    fn renew(&self) -> impl Future<Output = Result<Token, Problem>> + Send;
    /// The problem when the HR system keeps refusing fresh tokens.
    fn refused(&self) -> Problem;
}

/// Renewals allowed per request before giving up: a provider refusing every fresh token would
/// otherwise be asked forever.
const MAX_RENEWALS: u32 = 2;
/// Attempts for one page while rate limited.
const MAX_RATE_LIMITED_ATTEMPTS: u32 = 8;
/// Attempts for one page on 5xx answers or a dropped connection (a page is a GET: repeating
/// it is safe).
const MAX_TRANSIENT_ATTEMPTS: u32 = 3;

/// Reads every page of `source` with `token`.
pub(crate) async fn run<S: Source>(
    source: &S,
    token: Token,
    http: &HttpClient,
    rate_limits: &[RateLimit],
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> Result<PeopleListing, Problem> {
    let lister = Lister {
        source,
        http: http.without_retries(),
        max_retry_wait: http.config().max_retry_wait,
        tokens: tokio::sync::Mutex::new(Current::new(token)),
        pacer: Pacer::new(options.rate_limits.as_deref().unwrap_or(rate_limits)),
        counters: Mutex::new(Counters::default()),
    };
    let mut collected = Collected::new(S::PROVIDER, progress);
    tokio::select! {
        biased;
        () = options.cancel.cancelled() => return Err(Problem::PeopleListingCancelled),
        read = lister.read_all(&mut collected, options) => read?,
    }
    let counters = lock(&lister.counters);
    Ok(PeopleListing {
        provider: S::PROVIDER,
        pages: collected.pages,
        people: collected.people,
        reauthentications: counters.renewals,
        rate_limited: counters.rate_limited,
    })
}

struct Lister<'a, S> {
    source: &'a S,
    http: HttpClient,
    max_retry_wait: Duration,
    tokens: tokio::sync::Mutex<Current>,
    pacer: Pacer,
    counters: Mutex<Counters>,
}

#[derive(Default)]
struct Counters {
    renewals: u32,
    rate_limited: u32,
}

/// The token in use; `generation` tells requests whether someone renewed it meanwhile.
struct Current {
    token: Token,
    issued_at: SystemTime,
    generation: u64,
}

impl Current {
    fn new(token: Token) -> Current {
        Current {
            token,
            issued_at: SystemTime::now(),
            generation: 0,
        }
    }

    /// Whether the token expires soon: within 30 seconds, or a quarter of its lifetime for
    /// short-lived tokens (renewing 30 s early would renew a 20 s token on every request).
    fn expiring(&self, now: SystemTime) -> bool {
        let Some(expires_at) = self.token.expires_at else {
            return false;
        };
        let lifetime = expires_at
            .duration_since(self.issued_at)
            .unwrap_or_default();
        let margin = (lifetime / 4).min(Duration::from_secs(30));
        now + margin >= expires_at
    }
}

impl<S: Source> Lister<'_, S> {
    async fn read_all(
        &self,
        collected: &mut Collected<'_>,
        options: &ListingOptions,
    ) -> Result<(), Problem> {
        let origin = self.source.page_url(0).origin();
        let first_url = self.source.page_url(0);
        let first = self.page(0, first_url.clone(), &origin).await?;
        let total = first.total_pages;
        let mut next = first.next.clone();
        let mut position = 1;
        collected.accept(first, total)?;
        if let Some(total) = total {
            if total > options.max_pages {
                return Err(too_long(S::PROVIDER, options.max_pages));
            }
            let origin = &origin;
            let mut pages = futures::stream::iter(1..total)
                .map(|position| self.page(position, self.source.page_url(position), origin))
                .buffered(options.concurrency.max(1));
            while let Some(page) = pages.next().await {
                let page = page?;
                next = page.next.clone();
                collected.accept(page, Some(total))?;
            }
            position = total.max(1);
        }
        // No page count, or the last counted page still links on (people added meanwhile):
        // follow `next` links one by one, never the same twice.
        let mut visited = HashSet::from([first_url]);
        while let Some(url) = next.take() {
            if !visited.insert(url.clone()) {
                return Err(repeated(S::PROVIDER));
            }
            if position >= options.max_pages {
                return Err(too_long(S::PROVIDER, options.max_pages));
            }
            let page = self.page(position, url, &origin).await?;
            next = page.next.clone();
            collected.accept(page, None)?;
            position += 1;
        }
        Ok(())
    }

    /// Fetches and reads one page, refusing links to another origin.
    async fn page(&self, position: u32, url: Url, origin: &url::Origin) -> Result<Page, Problem> {
        let response = self.get(url).await?;
        let page = self.source.parse(position, &response)?;
        let foreign = page
            .next
            .iter()
            .chain(&page.links)
            .any(|link| link.origin() != *origin);
        if foreign {
            return Err(Problem::for_provider(S::PROVIDER, |provider| {
                Problem::PeopleListForeignLink { provider }
            }));
        }
        Ok(page)
    }

    /// GETs `url` with the current token until it answers 200: renews the token on 401, waits
    /// out 429 (pausing every request) and retries 5xx and dropped connections a little.
    async fn get(&self, url: Url) -> Result<Response, Problem> {
        let provider = S::PROVIDER;
        let (mut renewals, mut rate_limited, mut transient) = (0, 0, 0);
        loop {
            let (token, generation) = self.token().await?;
            self.pacer.wait().await;
            let started = Instant::now();
            let request = self
                .http
                .request(Method::GET, url.clone())
                .bearer_auth(token.expose_secret());
            match self.http.send(request).await {
                Ok(response) => match response.status.as_u16() {
                    200 => return Ok(response),
                    401 if renewals < MAX_RENEWALS => {
                        renewals += 1;
                        self.renew(generation).await?;
                    }
                    401 => return Err(self.source.refused()),
                    403 => {
                        return Err(Problem::for_provider(provider, |provider| {
                            Problem::PermissionMissing {
                                provider,
                                permission: S::PERMISSION.to_owned(),
                            }
                        }));
                    }
                    _ => return Err(unexpected_status(provider, &response)),
                },
                Err(HttpFailure::RateLimited { retry_after })
                    if rate_limited + 1 < MAX_RATE_LIMITED_ATTEMPTS
                        && retry_after.is_none_or(|wait| wait <= self.max_retry_wait) =>
                {
                    rate_limited += 1;
                    lock(&self.counters).rate_limited += 1;
                    tracing::debug!(provider = provider.slug(), "rate limited: pausing");
                    self.pacer.slow_down(started, retry_after);
                }
                Err(failure @ (HttpFailure::ServerError(_) | HttpFailure::ConnectionLost))
                    if transient + 1 < MAX_TRANSIENT_ATTEMPTS =>
                {
                    transient += 1;
                    tracing::debug!(provider = provider.slug(), %failure, "retrying the page");
                    tokio::time::sleep(Duration::from_millis(300) * 2u32.pow(transient)).await;
                }
                Err(failure) => return Err(failure_problem(provider, failure)),
            }
        }
    }

    /// The token to use, renewed first when it is about to expire.
    async fn token(&self) -> Result<(SecretString, u64), Problem> {
        let mut current = self.tokens.lock().await;
        if current.expiring(SystemTime::now()) {
            self.renew_locked(&mut current).await?;
        }
        Ok((current.token.secret.clone(), current.generation))
    }

    /// Renews the token after a 401, unless another request already did since `seen`.
    async fn renew(&self, seen: u64) -> Result<(), Problem> {
        let mut current = self.tokens.lock().await;
        if current.generation == seen {
            self.renew_locked(&mut current).await?;
        }
        Ok(())
    }

    async fn renew_locked(&self, current: &mut Current) -> Result<(), Problem> {
        let token = self.source.renew().await?;
        *current = Current {
            token,
            issued_at: SystemTime::now(),
            generation: current.generation + 1,
        };
        lock(&self.counters).renewals += 1;
        tracing::debug!(provider = S::PROVIDER.slug(), "token renewed mid-listing");
        Ok(())
    }
}

fn repeated(provider: ProviderId) -> Problem {
    Problem::for_provider(provider, |provider| Problem::PeopleListRepeated {
        provider,
    })
}

fn too_long(provider: ProviderId, max_pages: u32) -> Problem {
    Problem::for_provider(provider, |provider| Problem::PeopleListTooLong {
        provider,
        max_pages,
    })
}

/// The people read so far, in page order, and the progress they make.
struct Collected<'a> {
    provider: ProviderId,
    progress: &'a dyn ListingProgressSink,
    people: Vec<Person>,
    pages: u32,
    fingerprints: HashSet<u64>,
    started: Instant,
}

impl<'a> Collected<'a> {
    fn new(provider: ProviderId, progress: &'a dyn ListingProgressSink) -> Collected<'a> {
        Collected {
            provider,
            progress,
            people: Vec::new(),
            pages: 0,
            fingerprints: HashSet::new(),
            started: Instant::now(),
        }
    }

    /// Takes a page, refusing one that repeats an earlier page, and reports progress.
    fn accept(&mut self, page: Page, total: Option<u32>) -> Result<(), Problem> {
        if let Some(fingerprint) = fingerprint(&page.people)
            && !self.fingerprints.insert(fingerprint)
        {
            return Err(repeated(self.provider));
        }
        self.pages += 1;
        self.people.extend(page.people);
        let people = u32::try_from(self.people.len()).unwrap_or(u32::MAX);
        self.progress.report(ListingProgress {
            pages_done: self.pages,
            pages_total: total,
            people,
            eta_seconds: total.map(|total| eta(self.started.elapsed(), self.pages, total)),
        });
        Ok(())
    }
}

/// Seconds left at the pace so far.
fn eta(elapsed: Duration, done: u32, total: u32) -> u32 {
    let left = total.saturating_sub(done);
    let per_page = elapsed.as_secs_f64() / f64::from(done.max(1));
    // Saturating float-to-int conversion; an estimate needs no more precision.
    (per_page * f64::from(left)).ceil() as u32
}

/// Identifies a page by the ids of the people on it, in order: a page that repeats an earlier
/// one has the same fingerprint. `None` for an empty page or one without ids (nothing to tell
/// pages apart by).
fn fingerprint(people: &[Person]) -> Option<u64> {
    if people.is_empty() || people.iter().any(|p| p.ids.provider_id.is_none()) {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for person in people {
        person.ids.provider_id.hash(&mut hasher);
    }
    Some(hasher.finish())
}

/// Spaces requests to keep to a rate, and pauses all of them after a 429.
///
/// A GCRA schedule: requests start `interval` apart; one that comes late (the machine was busy,
/// an answer was slow) may be followed by a few that catch up, at most `burst - 1` intervals'
/// worth, so that the average keeps to the rate without ever exceeding a tenth of it in a burst.
struct Pacer {
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
    fn new(limits: &[RateLimit]) -> Pacer {
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
    async fn wait(&self) {
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
    fn slow_down(&self, started: Instant, retry_after: Option<Duration>) {
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

// --- Helpers the provider modules share. ---

/// Locks a mutex, ignoring poisoning: every critical section here leaves its data consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Reads every link of a `Link` header (RFC 8288): `(target, rel)` pairs, targets resolved
/// against `base`. Unparseable entries are skipped.
pub(crate) fn parse_link_header(value: &str, base: &Url) -> Vec<(Url, String)> {
    value
        .split(',')
        .filter_map(|entry| {
            let (target, params) = entry.split_once(';')?;
            let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
            let rel = params.split(';').find_map(|param| {
                let (name, value) = param.split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("rel")
                    .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
            })?;
            Some((base.join(target).ok()?, rel))
        })
        .collect()
}

/// The value of query parameter `name` in `url`, as a number.
pub(crate) fn query_number(url: &Url, name: &str) -> Option<u32> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .and_then(|(_, value)| value.parse().ok())
}

/// Pages needed for `total` items at `per_page` a page (at least one: the first page is read
/// either way).
pub(crate) fn pages_for(total: u64, per_page: u32) -> u32 {
    let pages = total.div_ceil(u64::from(per_page.max(1))).max(1);
    u32::try_from(pages).unwrap_or(u32::MAX)
}

/// A text field, `None` when missing or blank.
pub(crate) fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|value| !value.trim().is_empty())
}

/// A person's status from the provider's status text when it is one we know, else from the
/// end date: passed means left.
pub(crate) fn status_of(
    text: Option<&str>,
    end_date: Option<time::Date>,
    today: time::Date,
) -> super::PersonStatus {
    use super::PersonStatus;
    text.and_then(super::normalise::parse_status).unwrap_or(
        if end_date.is_some_and(|end| end <= today) {
            PersonStatus::Terminated
        } else {
            PersonStatus::Active
        },
    )
}

/// Today, for judging whether an end date has passed.
pub(crate) fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Shared state of the OAuth providers' sources: the newest tokens and how to refresh them.
///
/// A refresh runs as its own task and stores what it gets before anything else: when the
/// listing is cancelled or fails while a refresh is on the wire, the refresh still completes and
/// its tokens are still handed back ([`OAuthRenewal::finish`]). Employment Hero invalidates the
/// old refresh token as it issues the new one, so a dropped answer would end the connection.
pub(crate) struct OAuthRenewal<'a> {
    http: &'a HttpClient,
    server: crate::oauth::AuthorizationServer,
    config: Option<&'a OAuthProviderConfig>,
    shared: Arc<RenewalState>,
    /// Held by a running refresh: [`OAuthRenewal::finish`] waits for it.
    running: Arc<tokio::sync::Mutex<()>>,
}

struct RenewalState {
    tokens: Mutex<OAuthTokens>,
    refreshed: AtomicBool,
}

impl<'a> OAuthRenewal<'a> {
    /// Starts from the tokens the sign-in gave.
    pub(crate) fn new(
        http: &'a HttpClient,
        server: crate::oauth::AuthorizationServer,
        config: Option<&'a OAuthProviderConfig>,
        tokens: &OAuthTokens,
    ) -> OAuthRenewal<'a> {
        let shared = RenewalState {
            tokens: Mutex::new(tokens.clone()),
            refreshed: AtomicBool::new(false),
        };
        OAuthRenewal {
            http,
            server,
            config,
            shared: Arc::new(shared),
            running: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// The newest tokens.
    pub(crate) fn current(&self) -> OAuthTokens {
        lock(&self.shared.tokens).clone()
    }

    /// The access token to start with.
    pub(crate) fn token(&self) -> Token {
        let tokens = self.current();
        Token {
            secret: tokens.access_token,
            expires_at: tokens.expires_at,
        }
    }

    /// Refreshes the tokens and keeps the new ones.
    pub(crate) async fn renew(&self, provider: ProviderId) -> Result<Token, Problem> {
        let expired =
            || Problem::for_provider(provider, |provider| Problem::SignInExpired { provider });
        let config = self.config.ok_or_else(expired)?;
        let current = self.current();
        if current.refresh_token.is_none() {
            return Err(expired());
        }
        let client = config.client()?;
        let (http, server, shared) = (
            self.http.clone(),
            self.server.clone(),
            Arc::clone(&self.shared),
        );
        let guard = Arc::clone(&self.running).lock_owned().await;
        let refresh = tokio::spawn(async move {
            let _running = guard;
            let refreshed = crate::oauth::refresh(&http, &server, &client, &current).await;
            if let Ok(tokens) = &refreshed {
                *lock(&shared.tokens) = tokens.clone();
                shared.refreshed.store(true, Ordering::SeqCst);
            }
            refreshed
        });
        let tokens = refresh.await.map_err(|_| expired())??;
        Ok(Token {
            secret: tokens.access_token,
            expires_at: tokens.expires_at,
        })
    }

    /// The tokens to hand back, when they were refreshed, once no refresh is running.
    pub(crate) async fn finish(&self) -> Option<OAuthTokens> {
        let _idle = self.running.lock().await;
        self.shared
            .refreshed
            .load(Ordering::SeqCst)
            .then(|| self.current())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::PersonIds;

    fn person(id: &str) -> Person {
        Person {
            ids: PersonIds {
                provider_id: Some(id.into()),
                ..PersonIds::default()
            },
            ..Person::default()
        }
    }

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

    #[test]
    fn link_headers_resolve_and_name_their_relation() {
        let base = Url::parse("https://api.hrworks.de/v2/persons/master-data?page=1").unwrap();
        let header = r#"<https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false>; rel="next", </v2/persons/master-data?page=7>; rel=last, garbage, <https://x.example/>; title="no rel""#;
        let links = parse_link_header(header, &base);
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].1, "next");
        assert_eq!(query_number(&links[0].0, "page"), Some(2));
        assert_eq!(links[1].1, "last");
        assert_eq!(
            links[1].0.as_str(),
            "https://api.hrworks.de/v2/persons/master-data?page=7"
        );
        assert!(parse_link_header("", &base).is_empty());
        let upper = parse_link_header(r#"<https://a.example/?page=3>; REL="Last""#, &base);
        assert_eq!(upper[0].1, "last");
    }

    #[test]
    fn repeated_pages_are_refused_and_progress_is_reported() {
        let reported = Mutex::new(Vec::new());
        let sink = |progress: ListingProgress| lock(&reported).push(progress);
        let mut collected = Collected::new(ProviderId::Hrworks, &sink);
        let page = |ids: &[&str]| Page {
            people: ids.iter().map(|id| person(id)).collect(),
            ..Page::default()
        };
        collected.accept(page(&["1", "2"]), Some(3)).unwrap();
        collected.accept(page(&["3", "4"]), Some(3)).unwrap();
        assert_eq!(
            collected.accept(page(&["3", "4"]), Some(3)),
            Err(Problem::PeopleListRepeated {
                provider: "HRworks".into()
            })
        );
        // Empty pages carry nothing to compare and never count as repeats.
        collected.accept(page(&[]), Some(3)).unwrap();
        collected.accept(page(&[]), Some(3)).unwrap();
        let reported = lock(&reported).clone();
        assert_eq!(reported.len(), 4);
        assert_eq!(reported[1].pages_done, 2);
        assert_eq!(reported[1].people, 4);
        assert_eq!(reported[1].pages_total, Some(3));
    }

    #[test]
    fn fingerprints_depend_on_ids_and_order() {
        let a = fingerprint(&[person("1"), person("2")]);
        assert!(a.is_some());
        assert_ne!(a, fingerprint(&[person("2"), person("1")]));
        assert_eq!(a, fingerprint(&[person("1"), person("2")]));
        assert_eq!(fingerprint(&[]), None);
        assert_eq!(fingerprint(&[Person::default()]), None);
    }

    #[test]
    fn pages_and_eta() {
        assert_eq!(pages_for(0, 50), 1);
        assert_eq!(pages_for(50, 50), 1);
        assert_eq!(pages_for(51, 50), 2);
        assert_eq!(pages_for(50_000, 50), 1000);
        assert_eq!(eta(Duration::from_secs(10), 10, 30), 20);
        assert_eq!(eta(Duration::from_secs(10), 30, 30), 0);
    }

    #[test]
    fn expiring_tokens_are_renewed_early_but_not_constantly() {
        let now = SystemTime::now();
        let token = |lifetime: u64| Current {
            token: Token {
                secret: SecretString::from("t"),
                expires_at: Some(now + Duration::from_secs(lifetime)),
            },
            issued_at: now,
            generation: 0,
        };
        assert!(!token(900).expiring(now));
        assert!(token(900).expiring(now + Duration::from_secs(871)));
        // A 20 s token is renewed 5 s early, not at once.
        assert!(!token(20).expiring(now + Duration::from_secs(10)));
        assert!(token(20).expiring(now + Duration::from_secs(16)));
        let unknown = Current {
            token: Token {
                secret: SecretString::from("t"),
                expires_at: None,
            },
            issued_at: now,
            generation: 0,
        };
        assert!(!unknown.expiring(now + Duration::from_secs(100_000)));
    }

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
