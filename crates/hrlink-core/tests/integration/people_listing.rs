//! Listing every person from each provider against the Sandbox over real loopback HTTP: all
//! pages, rate limits without 429 storms, tokens expiring mid-way, paging loops, links to another
//! host, page caps and cancellation.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use hrlink_core::config::{Config, OAuthProviderConfig};
use hrlink_core::oauth::OAuthTokens;
use hrlink_core::people::{
    ListingOptions, ListingOutcome, ListingProgress, PeopleListing, PersonStatus, RateLimit,
    list_people,
};
use hrlink_core::providers::{employmenthero, ipayroll};
use hrlink_core::verify::{self, Credentials};
use hrlink_core::{Endpoints, Problem, ProviderId};
use hrlink_sandbox::scenarios::{
    employmenthero as eh_scenario, hrworks as hrworks_scenario, ipayroll as ipayroll_scenario,
    iris as iris_scenario,
};
use hrlink_sandbox::{Fault, Provider, Sandbox, SandboxConfig};

use crate::common::{self, fast_http};
use crate::oauth_support::{self, Consent, PATIENT, ScriptedBrowser};

/// Records every progress report.
#[derive(Default)]
struct Reports(Mutex<Vec<ListingProgress>>);

impl Reports {
    fn sink(&self) -> impl Fn(ListingProgress) + Sync + '_ {
        |progress| self.0.lock().unwrap().push(progress)
    }

    fn all(&self) -> Vec<ListingProgress> {
        self.0.lock().unwrap().clone()
    }
}

async fn list(
    sandbox: &Sandbox,
    credentials: &Credentials,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
) -> ListingOutcome {
    list_people(
        &fast_http(),
        &common::endpoints(sandbox),
        credentials,
        oauth,
        options,
        &|_| {},
    )
    .await
}

fn listed(outcome: ListingOutcome) -> PeopleListing {
    outcome.result.expect("the listing succeeds")
}

fn unique_ids(listing: &PeopleListing) -> usize {
    listing
        .people
        .iter()
        .map(|person| {
            person
                .ids
                .provider_id
                .clone()
                .expect("every person has an id")
        })
        .collect::<HashSet<_>>()
        .len()
}

fn hrworks_sandbox(people: usize) -> SandboxConfig {
    SandboxConfig {
        people,
        ..SandboxConfig::default()
    }
}

#[tokio::test]
async fn hrworks_lists_everyone_on_every_page_with_progress() {
    let sandbox = common::sandbox_with(hrworks_sandbox(230)).await;
    let reports = Reports::default();
    let outcome = list_people(
        &fast_http(),
        &common::endpoints(&sandbox),
        &common::hrworks(hrworks_scenario::VALID),
        None,
        &ListingOptions::default(),
        &reports.sink(),
    )
    .await;
    assert!(outcome.refreshed_tokens.is_none());
    let listing = listed(outcome);
    assert_eq!(listing.provider, ProviderId::Hrworks);
    // Everyone, active or not: 230 people in pages of 50.
    assert_eq!(listing.people.len(), 230);
    assert_eq!(unique_ids(&listing), 230);
    assert_eq!(listing.pages, 5);
    assert_eq!(listing.reauthentications, 0);
    for status in [
        PersonStatus::Active,
        PersonStatus::Inactive,
        PersonStatus::Terminated,
    ] {
        assert!(
            listing.people.iter().any(|p| p.status == Some(status)),
            "{status:?}"
        );
    }
    let named = listing
        .people
        .iter()
        .filter(|p| !p.first_name.is_empty() && !p.last_name.is_empty())
        .count();
    assert_eq!(named, 230);
    assert!(listing.people.iter().all(|p| p.department.is_some()));
    let reports = reports.all();
    assert_eq!(reports.len(), 5);
    let last = reports.last().unwrap();
    assert_eq!(
        (last.pages_done, last.pages_total, last.people),
        (5, Some(5), 230)
    );
    assert_eq!(last.eta_seconds, Some(0));
    // Progress only grows.
    assert!(reports.windows(2).all(|w| w[0].people <= w[1].people));
}

/// 10,000 people, 200 pages. The 50,000-person company (`LARGE_COMPANY`) takes over 4 s of CPU
/// in a debug build: `examples/bench_listing.rs` lists it in release.
#[tokio::test]
async fn hrworks_lists_a_large_company() {
    let sandbox = common::sandbox_with(hrworks_sandbox(10_000)).await;
    let listing = listed(
        list(
            &sandbox,
            &common::hrworks(hrworks_scenario::VALID),
            None,
            &ListingOptions {
                concurrency: 8,
                ..ListingOptions::default()
            },
        )
        .await,
    );
    assert_eq!(listing.people.len(), 10_000);
    assert_eq!(unique_ids(&listing), 10_000);
    assert_eq!(listing.pages, 200);
}

#[tokio::test]
async fn iris_lists_everyone_including_leavers() {
    let sandbox = common::sandbox_with(hrworks_sandbox(450)).await;
    let listing = listed(
        list(
            &sandbox,
            &common::iris(iris_scenario::VALID),
            None,
            &ListingOptions::default(),
        )
        .await,
    );
    assert_eq!(listing.people.len(), 450);
    assert_eq!(unique_ids(&listing), 450);
    // Pages of 200.
    assert_eq!(listing.pages, 3);
    assert!(
        listing
            .people
            .iter()
            .any(|p| p.status == Some(PersonStatus::Terminated))
    );
}

/// The demo configuration's OAuth settings, which the Sandbox's registered clients match.
fn demo_oauth(provider: ProviderId) -> OAuthProviderConfig {
    Config::demo().oauth(provider).unwrap().clone()
}

pub(crate) async fn ipayroll_credentials(sandbox: &Sandbox) -> Credentials {
    let browser = ScriptedBrowser::new(Consent::allow(ipayroll_scenario::API_USER));
    let grant = ipayroll::sign_in(
        &oauth_support::http(),
        &oauth_support::provider_endpoints(sandbox, ProviderId::Ipayroll),
        &demo_oauth(ProviderId::Ipayroll),
        None,
        &oauth_support::options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    Credentials::oauth(ProviderId::Ipayroll, grant)
}

pub(crate) async fn employmenthero_credentials(sandbox: &Sandbox) -> Credentials {
    let browser = ScriptedBrowser::new(Consent::allow(eh_scenario::ONE_ORGANISATION));
    let grant = employmenthero::sign_in(
        &oauth_support::http(),
        &oauth_support::provider_endpoints(sandbox, ProviderId::Employmenthero),
        &demo_oauth(ProviderId::Employmenthero),
        &oauth_support::options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    Credentials::oauth(ProviderId::Employmenthero, grant)
}

async fn verified_count(sandbox: &Sandbox, credentials: &Credentials) -> u32 {
    let report = verify::verify(
        &fast_http(),
        &common::endpoints(sandbox),
        credentials,
        &|_| {},
    )
    .await;
    report.people.expect("verification counted people").count
}

#[tokio::test]
async fn ipayroll_lists_every_active_employee() {
    let sandbox = common::sandbox_with(hrworks_sandbox(320)).await;
    let credentials = ipayroll_credentials(&sandbox).await;
    let oauth = demo_oauth(ProviderId::Ipayroll);
    let listing = listed(
        list(
            &sandbox,
            &credentials,
            Some(&oauth),
            &ListingOptions::default(),
        )
        .await,
    );
    // iPayroll lists active employees only: as many as its own total says, all different.
    let expected = verified_count(&sandbox, &credentials).await as usize;
    assert!(expected > 250 && expected < 320, "{expected}");
    assert_eq!(listing.people.len(), expected);
    assert_eq!(unique_ids(&listing), expected);
    assert_eq!(listing.pages, expected.div_ceil(100) as u32);
    assert!(listing.people.iter().all(|p| p.start_date.is_some()));
}

#[tokio::test]
async fn employmenthero_lists_everyone_within_its_documented_rate() {
    let sandbox = common::sandbox_with(hrworks_sandbox(230)).await;
    let credentials = employmenthero_credentials(&sandbox).await;
    let oauth = demo_oauth(ProviderId::Employmenthero);
    let listing = listed(
        list(
            &sandbox,
            &credentials,
            Some(&oauth),
            &ListingOptions::default(),
        )
        .await,
    );
    assert_eq!(listing.people.len(), 230);
    assert_eq!(unique_ids(&listing), 230);
    assert_eq!(listing.pages, 3);
    assert!(listing.people.iter().any(|p| !p.teams.is_empty()));
    assert!(listing.people.iter().any(|p| p.preferred_name.is_some()));
    assert_eq!(
        sandbox.stats().too_many_requests(Provider::EmploymentHero),
        0
    );
}

#[tokio::test]
async fn an_empty_organisation_lists_no_one() {
    let sandbox = oauth_support::sandbox().await;
    let browser = ScriptedBrowser::new(
        Consent::allow(eh_scenario::TWO_ORGANISATIONS).choosing(eh_scenario::EMPTY_ORGANISATION.id),
    );
    let grant = employmenthero::sign_in(
        &oauth_support::http(),
        &oauth_support::provider_endpoints(&sandbox, ProviderId::Employmenthero),
        &demo_oauth(ProviderId::Employmenthero),
        &oauth_support::options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    let listing = listed(
        list(
            &sandbox,
            &Credentials::oauth(ProviderId::Employmenthero, grant),
            None,
            &ListingOptions::default(),
        )
        .await,
    );
    assert!(listing.people.is_empty());
    assert_eq!(listing.pages, 1);
}

#[tokio::test]
async fn a_told_rate_limit_is_kept_without_a_single_429() {
    let sandbox = common::sandbox_with(SandboxConfig {
        people: 1_000,
        rate_limit: Some(20),
        ..SandboxConfig::default()
    })
    .await;
    let listing = listed(
        list(
            &sandbox,
            &common::hrworks(hrworks_scenario::VALID),
            None,
            &ListingOptions {
                rate_limits: Some(vec![RateLimit::per_second(20)]),
                ..ListingOptions::default()
            },
        )
        .await,
    );
    assert_eq!(listing.people.len(), 1_000);
    assert_eq!(listing.rate_limited, 0);
    assert_eq!(sandbox.stats().too_many_requests(Provider::HrWorks), 0);
}

#[tokio::test]
async fn an_unknown_rate_limit_is_learnt_from_a_few_429s_not_a_storm() {
    let sandbox = common::sandbox_with(SandboxConfig {
        people: 1_500,
        rate_limit: Some(10),
        ..SandboxConfig::default()
    })
    .await;
    let listing = listed(
        list(
            &sandbox,
            &common::hrworks(hrworks_scenario::VALID),
            None,
            &ListingOptions::default(),
        )
        .await,
    );
    assert_eq!(listing.people.len(), 1_500);
    let served = sandbox.stats().too_many_requests(Provider::HrWorks);
    assert_eq!(u64::from(listing.rate_limited), served);
    // 30 pages: each 429 pauses every request and slows the pace, so a handful are refused,
    // not one page after another.
    assert!(served <= 12, "{served} 429s for 30 pages");
}

#[tokio::test]
async fn the_rate_limited_key_is_waited_out() {
    // Every second request made with this key answers 429 with Retry-After: 1.
    let sandbox = common::sandbox_with(hrworks_sandbox(100)).await;
    let outcome = list(
        &sandbox,
        &common::hrworks(hrworks_scenario::RATE_LIMITED),
        None,
        &ListingOptions::default(),
    )
    .await;
    // The sign-in is the first request; the pages then alternate with refusals.
    let listing = listed(outcome);
    assert_eq!(listing.people.len(), 100);
    assert!(listing.rate_limited >= 1);
}

/// Lists with a token the Sandbox expires once page 2 has been served.
async fn list_with_expiry(
    sandbox: &Sandbox,
    provider: Provider,
    credentials: &Credentials,
    oauth: Option<&OAuthProviderConfig>,
) -> ListingOutcome {
    sandbox
        .faults()
        .set_for(provider, Fault::ExpireTokenAfterPage(2));
    // One page at a time, so that page 3 is asked for after the token expired.
    let options = ListingOptions {
        concurrency: 1,
        ..ListingOptions::default()
    };
    list(sandbox, credentials, oauth, &options).await
}

#[tokio::test]
async fn hrworks_and_iris_sign_in_again_when_the_token_expires_mid_listing() {
    let sandbox = common::sandbox_with(hrworks_sandbox(600)).await;
    for (provider, credentials) in [
        (Provider::HrWorks, common::hrworks(hrworks_scenario::VALID)),
        (Provider::Iris, common::iris(iris_scenario::VALID)),
    ] {
        let outcome = list_with_expiry(&sandbox, provider, &credentials, None).await;
        let listing = listed(outcome);
        assert_eq!(listing.people.len(), 600, "{provider:?}");
        assert_eq!(unique_ids(&listing), 600, "{provider:?}");
        assert_eq!(listing.reauthentications, 1, "{provider:?}");
    }
}

#[tokio::test]
async fn hrworks_renews_a_short_lived_token_before_it_expires() {
    let sandbox = common::sandbox_with(SandboxConfig {
        people: 500,
        token_lifetime: Duration::from_secs(2),
        latency: Duration::from_millis(300),
        ..SandboxConfig::default()
    })
    .await;
    let listing = listed(
        list(
            &sandbox,
            &common::hrworks(hrworks_scenario::VALID),
            None,
            &ListingOptions {
                concurrency: 1,
                ..ListingOptions::default()
            },
        )
        .await,
    );
    // Ten pages at 0.3 s each outlive a 2 s token.
    assert_eq!(listing.people.len(), 500);
    assert!(listing.reauthentications >= 1);
}

#[tokio::test]
async fn ipayroll_refreshes_when_the_token_expires_mid_listing() {
    let sandbox = common::sandbox_with(hrworks_sandbox(320)).await;
    let credentials = ipayroll_credentials(&sandbox).await;
    let oauth = demo_oauth(ProviderId::Ipayroll);
    // Counted first: the fault expires the sign-in's access token.
    let expected = verified_count(&sandbox, &credentials).await as usize;
    let outcome = list_with_expiry(&sandbox, Provider::IPayroll, &credentials, Some(&oauth)).await;
    let refreshed = outcome.refreshed_tokens.clone().expect("tokens refreshed");
    let listing = listed(outcome);
    assert_eq!(listing.reauthentications, 1);
    assert_eq!(listing.people.len(), expected);
    assert_eq!(unique_ids(&listing), expected);
    assert!(refreshed.refresh_token.is_some());
}

#[tokio::test]
async fn employmenthero_hands_back_the_rotated_refresh_token() {
    use secrecy::ExposeSecret;
    let sandbox = common::sandbox_with(hrworks_sandbox(330)).await;
    let credentials = employmenthero_credentials(&sandbox).await;
    let Some(grant) = credentials.grant() else {
        unreachable!()
    };
    let original = grant.tokens.clone();
    let oauth = demo_oauth(ProviderId::Employmenthero);
    let outcome = list_with_expiry(
        &sandbox,
        Provider::EmploymentHero,
        &credentials,
        Some(&oauth),
    )
    .await;
    let rotated = outcome.refreshed_tokens.clone().expect("tokens refreshed");
    let listing = listed(outcome);
    assert_eq!(listing.people.len(), 330);
    assert_eq!(listing.reauthentications, 1);
    let (old, new) = (
        original.refresh_token.as_ref().unwrap().expose_secret(),
        rotated.refresh_token.as_ref().unwrap().expose_secret(),
    );
    assert_ne!(old, new, "Employment Hero rotates refresh tokens");
    // The old refresh token is dead: the new one is the one to store.
    let endpoints = oauth_support::provider_endpoints(&sandbox, ProviderId::Employmenthero);
    let http = oauth_support::http();
    assert_eq!(
        employmenthero::refresh(&http, &endpoints, &oauth, &original)
            .await
            .err(),
        Some(Problem::SignInExpired {
            provider: "Employment Hero".into()
        })
    );
    assert!(
        employmenthero::refresh(&http, &endpoints, &oauth, &rotated)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn without_the_oauth_configuration_an_expired_token_ends_the_listing() {
    let sandbox = common::sandbox_with(hrworks_sandbox(320)).await;
    let credentials = ipayroll_credentials(&sandbox).await;
    let outcome = list_with_expiry(&sandbox, Provider::IPayroll, &credentials, None).await;
    assert!(outcome.refreshed_tokens.is_none());
    assert_eq!(
        outcome.result.err(),
        Some(Problem::SignInExpired {
            provider: "iPayroll".into()
        })
    );
}

#[tokio::test]
async fn a_repeated_page_stops_the_listing() {
    let sandbox = common::sandbox_with(hrworks_sandbox(300)).await;
    for concurrency in [1, 4] {
        let outcome = list(
            &sandbox,
            &common::hrworks(hrworks_scenario::REPEATED_PAGE),
            None,
            &ListingOptions {
                concurrency,
                ..ListingOptions::default()
            },
        )
        .await;
        assert_eq!(
            outcome.result.err(),
            Some(Problem::PeopleListRepeated {
                provider: "HRworks".into()
            })
        );
    }
}

#[tokio::test]
async fn links_to_another_host_are_refused() {
    let sandbox = common::sandbox_with(hrworks_sandbox(230)).await;
    sandbox.faults().set(Fault::ForeignNextLink);
    let hrworks = list(
        &sandbox,
        &common::hrworks(hrworks_scenario::VALID),
        None,
        &ListingOptions::default(),
    )
    .await;
    assert_eq!(
        hrworks.result.err(),
        Some(Problem::PeopleListForeignLink {
            provider: "HRworks".into()
        })
    );
    let credentials = ipayroll_credentials(&sandbox).await;
    let ipayroll = list(&sandbox, &credentials, None, &ListingOptions::default()).await;
    assert_eq!(
        ipayroll.result.err(),
        Some(Problem::PeopleListForeignLink {
            provider: "iPayroll".into()
        })
    );
    // Only the first page was asked for: nothing went on after the foreign link.
    assert_eq!(sandbox.stats().requests(Provider::HrWorks), 2);
}

#[tokio::test]
async fn more_pages_than_the_cap_are_refused_before_reading_them() {
    let sandbox = common::sandbox().await;
    let outcome = list(
        &sandbox,
        &common::hrworks(hrworks_scenario::LARGE_COMPANY),
        None,
        &ListingOptions {
            max_pages: 200,
            ..ListingOptions::default()
        },
    )
    .await;
    assert_eq!(
        outcome.result.err(),
        Some(Problem::PeopleListTooLong {
            provider: "HRworks".into(),
        })
    );
    // The sign-in and the first page.
    assert_eq!(sandbox.stats().requests(Provider::HrWorks), 2);
}

#[tokio::test]
async fn cancelling_stops_the_listing_at_once() {
    let sandbox = common::sandbox_with(SandboxConfig {
        people: 2_000,
        latency: Duration::from_millis(100),
        ..SandboxConfig::default()
    })
    .await;
    let options = ListingOptions {
        concurrency: 2,
        ..ListingOptions::default()
    };
    let cancel = options.cancel.clone();
    // The wizard's Cancel button, pressed once the first page has arrived.
    let sink = |progress: ListingProgress| {
        if progress.pages_done == 1 {
            cancel.cancel();
        }
    };
    let outcome = list_people(
        &fast_http(),
        &common::endpoints(&sandbox),
        &common::hrworks(hrworks_scenario::VALID),
        None,
        &options,
        &sink,
    )
    .await;
    assert_eq!(outcome.result.err(), Some(Problem::PeopleListingCancelled));
    // 40 pages were there; at most the ones already in flight were asked for.
    let requests = sandbox.stats().requests(Provider::HrWorks);
    assert!(requests <= 5, "{requests} requests after cancelling");
}

#[tokio::test]
async fn a_missing_permission_is_named() {
    let sandbox = common::sandbox().await;
    let outcome = list(
        &sandbox,
        &common::hrworks(hrworks_scenario::NO_PERSONS),
        None,
        &ListingOptions::default(),
    )
    .await;
    assert_eq!(
        outcome.result.err(),
        Some(Problem::PermissionMissing {
            provider: "HRworks".into(),
            permission: "persons.master-data".into()
        })
    );
}

#[tokio::test]
async fn listing_logs_carry_no_personal_data() {
    let logs = common::capture_logs();
    let sandbox = common::sandbox_with(hrworks_sandbox(120)).await;
    let listing = listed(
        list(
            &sandbox,
            &common::iris(iris_scenario::VALID),
            None,
            &ListingOptions::default(),
        )
        .await,
    );
    let text = logs.text();
    assert!(text.contains("people listing finished"));
    assert_no_personal_data(&text, &listing.people);
}

/// Fails when `logs` name any of `people` (first or last name, work email).
fn assert_no_personal_data(logs: &str, people: &[hrlink_core::people::Person]) {
    for person in people {
        for value in [&person.first_name, &person.last_name]
            .into_iter()
            .chain(person.work_email.as_ref())
        {
            // Short names ("Li") can appear inside other words; look for whole values.
            if value.len() >= 4 {
                assert!(
                    !logs.contains(&format!("{value} ")) && !logs.contains(&format!("\"{value}\"")),
                    "personal data in the logs"
                );
            }
        }
    }
}

#[tokio::test]
async fn no_endpoints_for_the_provider_is_a_set_up_problem() {
    let endpoints = Endpoints::production();
    let outcome = list_people(
        &fast_http(),
        &endpoints,
        &common::iris(iris_scenario::VALID),
        None,
        &ListingOptions::default(),
        &|_| {},
    )
    .await;
    assert!(matches!(
        outcome.result,
        Err(Problem::ConfigurationInvalid { .. })
    ));
}

/// Lists 230 HRworks people one page at a time, arming `fault` once the first page is in.
async fn list_with_fault_after_first_page(fault: Fault) -> (Sandbox, ListingOutcome) {
    let sandbox = common::sandbox_with(hrworks_sandbox(230)).await;
    let faults = sandbox.faults().clone();
    let sink = move |progress: ListingProgress| {
        if progress.pages_done == 1 {
            faults.set_for(Provider::HrWorks, fault.clone());
        }
    };
    let outcome = list_people(
        &fast_http(),
        &common::endpoints(&sandbox),
        &common::hrworks(hrworks_scenario::VALID),
        None,
        &ListingOptions {
            concurrency: 1,
            ..ListingOptions::default()
        },
        &sink,
    )
    .await;
    (sandbox, outcome)
}

#[tokio::test]
async fn faults_mid_listing_are_survived_or_named() {
    use hrlink_sandbox::RetryAfter;
    // Two gateway errors: retried, nobody lost.
    let (_sandbox, outcome) = list_with_fault_after_first_page(Fault::ServerError {
        times: 2,
        status: 503,
    })
    .await;
    assert_eq!(listed(outcome).people.len(), 230);
    // A 429 stating its wait as an HTTP date: waited out.
    let (sandbox, outcome) = list_with_fault_after_first_page(Fault::TooManyRequests {
        times: 1,
        retry_after: RetryAfter::HttpDate(1),
    })
    .await;
    let listing = listed(outcome);
    assert_eq!(listing.people.len(), 230);
    assert_eq!(listing.rate_limited, 1);
    assert_eq!(sandbox.stats().too_many_requests(Provider::HrWorks), 1);
    // Gateway errors that do not stop: the HR system's problem, after three attempts.
    let (sandbox, outcome) = list_with_fault_after_first_page(Fault::ServerError {
        times: 10,
        status: 502,
    })
    .await;
    assert_eq!(
        outcome.result.err(),
        Some(Problem::ProviderServerError {
            provider: "HRworks".into()
        })
    );
    // Sign-in, page 1, three attempts at page 2.
    assert_eq!(sandbox.stats().requests(Provider::HrWorks), 5);
    // A proxy's sign-in page instead of a page of people, and a truncated page.
    for fault in [
        Fault::HtmlOk { times: 1 },
        Fault::TruncatedJson { times: 1 },
    ] {
        let (_sandbox, outcome) = list_with_fault_after_first_page(fault).await;
        assert_eq!(
            outcome.result.err(),
            Some(Problem::ProviderUnexpectedResponse {
                provider: "HRworks".into()
            })
        );
    }
}

#[tokio::test]
async fn a_connection_dropped_mid_listing_is_retried_then_named() {
    let logs = common::capture_logs();
    // One answer cut off mid-body: that page is asked again; nobody lost, nobody twice.
    let (sandbox, outcome) =
        list_with_fault_after_first_page(Fault::DropConnection { times: 1 }).await;
    let listing = listed(outcome);
    assert_eq!(listing.people.len(), 230);
    assert_eq!(unique_ids(&listing), 230);
    // Sign-in, every page, and page 2 once more.
    assert_eq!(
        sandbox.stats().requests(Provider::HrWorks),
        u64::from(listing.pages) + 2
    );

    // Dropped on every try: a network problem after three attempts, and no people kept.
    let (sandbox, outcome) =
        list_with_fault_after_first_page(Fault::DropConnection { times: 10 }).await;
    assert_eq!(
        outcome.result.err(),
        Some(Problem::ProviderConnectionLost {
            provider: "HRworks".into()
        })
    );
    // Sign-in, page 1, three attempts at page 2.
    assert_eq!(sandbox.stats().requests(Provider::HrWorks), 5);
    let text = logs.text();
    assert!(text.contains("retrying the page"), "the retries are logged");
    assert_no_personal_data(&text, &listing.people);
}

/// Lists 330 Employment Hero people, unpaced and one page at a time, with the sign-in's token
/// expiring after page 1 (so page 2 is refused and the tokens are refreshed, and rotated);
/// `on_progress` gets each report and the Sandbox's faults. Returns the sign-in's tokens too.
async fn employmenthero_with_refresh(
    on_progress: impl Fn(&hrlink_sandbox::Faults, ListingProgress, &ListingOptions) + Sync,
) -> (Sandbox, OAuthTokens, ListingOutcome) {
    let sandbox = common::sandbox_with(hrworks_sandbox(330)).await;
    let credentials = employmenthero_credentials(&sandbox).await;
    let Some(grant) = credentials.grant() else {
        unreachable!()
    };
    let original = grant.tokens.clone();
    let faults = sandbox.faults().clone();
    faults.set_for(Provider::EmploymentHero, Fault::ExpireTokenAfterPage(1));
    // Unpaced, so that only the Sandbox's latency sets the timing.
    let options = ListingOptions {
        concurrency: 1,
        rate_limits: Some(Vec::new()),
        ..ListingOptions::default()
    };
    let sink = |progress: ListingProgress| on_progress(&faults, progress, &options);
    let outcome = list_people(
        &fast_http(),
        &common::endpoints(&sandbox),
        &credentials,
        Some(&demo_oauth(ProviderId::Employmenthero)),
        &options,
        &sink,
    )
    .await;
    (sandbox, original, outcome)
}

/// `rotated` replaced the refresh token of `original`, and it is the one that works now.
async fn assert_rotated_and_working(
    sandbox: &Sandbox,
    original: &OAuthTokens,
    rotated: &OAuthTokens,
) {
    use secrecy::ExposeSecret;
    assert_ne!(
        original.refresh_token.as_ref().unwrap().expose_secret(),
        rotated.refresh_token.as_ref().unwrap().expose_secret()
    );
    sandbox.faults().clear();
    let endpoints = oauth_support::provider_endpoints(sandbox, ProviderId::Employmenthero);
    let oauth = demo_oauth(ProviderId::Employmenthero);
    assert!(
        employmenthero::refresh(&oauth_support::http(), &endpoints, &oauth, rotated)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_connection_dropped_after_a_refresh_still_hands_back_the_rotated_token() {
    // From page 3 on, every answer is cut off.
    let (sandbox, original, outcome) = employmenthero_with_refresh(|faults, progress, _| {
        if progress.pages_done == 2 {
            faults.set_for(
                Provider::EmploymentHero,
                Fault::DropConnection { times: 10 },
            );
        }
    })
    .await;
    assert_eq!(
        outcome.result.err(),
        Some(Problem::ProviderConnectionLost {
            provider: "Employment Hero".into()
        })
    );
    let rotated = outcome
        .refreshed_tokens
        .expect("the rotated tokens come back with the problem");
    assert_rotated_and_working(&sandbox, &original, &rotated).await;
}

#[tokio::test]
async fn a_refresh_cut_short_by_cancelling_still_hands_back_the_rotated_token() {
    // After page 1 every answer takes a second: page 2 is refused (401) at ~1 s, the refresh
    // answers at ~2 s, and Cancel is pressed at ~1.5 s, while the refresh is on the wire.
    let (sandbox, original, outcome) = employmenthero_with_refresh(|faults, progress, options| {
        if progress.pages_done == 1 {
            faults.set_for(
                Provider::EmploymentHero,
                Fault::Latency(Duration::from_secs(1)),
            );
            let cancel = options.cancel.clone();
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(1500)).await;
                cancel.cancel();
            });
        }
    })
    .await;
    assert_eq!(outcome.result.err(), Some(Problem::PeopleListingCancelled));
    let rotated = outcome
        .refreshed_tokens
        .expect("the refresh finished and its tokens came back");
    assert_rotated_and_working(&sandbox, &original, &rotated).await;
}
