//! The listing engine: reads every page of a provider's [`Source`] concurrently, within its rate
//! limit, renewing tokens and retrying faults (see the [module above](super)).

use std::collections::HashSet;
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use futures::StreamExt;
use reqwest::{Method, RequestBuilder};
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::pacer::Pacer;
use super::types::{
    ListingOptions, ListingProgress, ListingProgressSink, PeopleListing, RateLimit,
};
use crate::Problem;
use crate::http::{HttpClient, HttpFailure, Response};
use crate::people::person::Person;
use crate::providers::catalogue::ProviderId;
use crate::providers::support::{failure_problem, unexpected_status};
use crate::sync::lock;

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
    /// The people per page the provider documents (and HR Link asks for), when it documents a
    /// size: a page may hold at most twice as many ([`max_per_page`]).
    const PAGE_SIZE: Option<u32>;
    /// The address of the page at 0-based `position`.
    fn page_url(&self, position: u32) -> Url;
    /// Reads a 200 answer; `position` is the page's 0-based position.
    fn parse(&self, position: u32, response: &Response) -> Result<Page, Problem>;
    /// A new token: sign in again, or refresh.
    fn renew(&self) -> impl Future<Output = Result<Token, Problem>> + Send;
    /// The problem when the HR system keeps refusing fresh tokens.
    fn refused(&self) -> Problem;
    /// Puts the token on a page request: as a bearer token, unless the system takes it
    /// otherwise (an API key as the HTTP Basic user name).
    fn authorise(&self, request: RequestBuilder, token: &SecretString) -> RequestBuilder {
        request.bearer_auth(token.expose_secret())
    }
}

/// People allowed on one page when the provider documents no page size.
const UNDOCUMENTED_MAX_PER_PAGE: usize = 1_000;

/// People allowed on one page of a source with documented page size `page_size`: twice that
/// (room for a provider that serves more than asked), else [`UNDOCUMENTED_MAX_PER_PAGE`].
fn max_per_page(page_size: Option<u32>) -> usize {
    page_size.map_or(UNDOCUMENTED_MAX_PER_PAGE, |size| 2 * size as usize)
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
    let mut collected = Collected::new(S::PROVIDER, progress, options.max_people);
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
                return Err(too_long(S::PROVIDER));
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
                return Err(too_long(S::PROVIDER));
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
        // A hostile or broken server can pack hundreds of thousands of people into a page
        // within the body cap: refused here, before the next pages add to it.
        if page.people.len() > max_per_page(S::PAGE_SIZE) {
            return Err(too_long(S::PROVIDER));
        }
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
                .source
                .authorise(self.http.request(Method::GET, url.clone()), &token);
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

fn too_long(provider: ProviderId) -> Problem {
    Problem::for_provider(provider, |provider| Problem::PeopleListTooLong { provider })
}

/// The people read so far, in page order, and the progress they make.
struct Collected<'a> {
    provider: ProviderId,
    progress: &'a dyn ListingProgressSink,
    people: Vec<Person>,
    /// More people in all than this end the listing.
    max_people: usize,
    pages: u32,
    fingerprints: HashSet<u64>,
    started: Instant,
}

impl<'a> Collected<'a> {
    fn new(
        provider: ProviderId,
        progress: &'a dyn ListingProgressSink,
        max_people: usize,
    ) -> Collected<'a> {
        Collected {
            provider,
            progress,
            people: Vec::new(),
            max_people,
            pages: 0,
            fingerprints: HashSet::new(),
            started: Instant::now(),
        }
    }

    /// Takes a page, refusing one that repeats an earlier page or takes the people past the
    /// total bound, and reports progress.
    fn accept(&mut self, page: Page, total: Option<u32>) -> Result<(), Problem> {
        if let Some(fingerprint) = fingerprint(&page.people)
            && !self.fingerprints.insert(fingerprint)
        {
            return Err(repeated(self.provider));
        }
        if self.people.len() + page.people.len() > self.max_people {
            return Err(too_long(self.provider));
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

    #[test]
    fn repeated_pages_are_refused_and_progress_is_reported() {
        let reported = Mutex::new(Vec::new());
        let sink = |progress: ListingProgress| lock(&reported).push(progress);
        let mut collected = Collected::new(ProviderId::Hrworks, &sink, 5);
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
    fn pages_and_people_in_all_are_bounded() {
        let sink = |_: ListingProgress| {};
        let mut collected = Collected::new(ProviderId::Hrworks, &sink, 3);
        let page = |ids: &[&str]| Page {
            people: ids.iter().map(|id| person(id)).collect(),
            ..Page::default()
        };
        collected.accept(page(&["1", "2", "3"]), None).unwrap();
        assert_eq!(
            collected.accept(page(&["4"]), None),
            Err(Problem::PeopleListTooLong {
                provider: "HRworks".into()
            })
        );
        assert_eq!(
            collected.people.len(),
            3,
            "the page past the bound is not kept"
        );
        assert_eq!(max_per_page(Some(50)), 100);
        assert_eq!(max_per_page(None), UNDOCUMENTED_MAX_PER_PAGE);
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
        assert_eq!(super::super::paging::pages_for(0, 50), 1);
        assert_eq!(super::super::paging::pages_for(50, 50), 1);
        assert_eq!(super::super::paging::pages_for(51, 50), 2);
        assert_eq!(super::super::paging::pages_for(50_000, 50), 1000);
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
}
