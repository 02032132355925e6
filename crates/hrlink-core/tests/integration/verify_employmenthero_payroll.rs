//! Employment Hero Payroll against the Sandbox: verification per scenario key, the business
//! choice, the people listing (paging past 100, the 5-a-second limit), and a saved connection in
//! the real keychain (the key in no file).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use std::collections::HashSet;

use common::{Progress, assert_nowhere, codes, endpoints, fast_http, sandbox, sandbox_with};
use hrlink_core::config::Config;
use hrlink_core::connections::{ConnectionStatus, ConnectionStore, StoredSecret};
use hrlink_core::people::{ListingOptions, ListingProgress, PeopleListing, list_people};
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::verify::{
    Credentials, PeopleCount, PermissionStatus, VerificationReport, VerifyStep, verify,
};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::scenarios::employmenthero_payroll as scenario;
use hrlink_sandbox::{Fault, Provider, RetryAfter, Sandbox, SandboxConfig};
use secrecy::ExposeSecret;

use PermissionStatus::{Granted, Missing, Unknown};

const PROVIDER: ProviderId = ProviderId::EmploymentheroPayroll;

/// The key as the admin pastes it, with its region.
fn key(api_key: &str) -> Credentials {
    Credentials::from_text(PROVIDER, format!("Region: NZ\n{api_key}\n").as_bytes())
        .expect("a key-shaped key")
}

fn statuses(report: &VerificationReport) -> Vec<(&str, bool, PermissionStatus)> {
    report
        .permissions
        .iter()
        .map(|p| (p.id.as_str(), p.required, p.status))
        .collect()
}

async fn verified(sandbox: &Sandbox, credentials: &Credentials) -> VerificationReport {
    verify(&fast_http(), &endpoints(sandbox), credentials, &|_| {}).await
}

async fn listed(
    sandbox: &Sandbox,
    credentials: &Credentials,
    options: &ListingOptions,
) -> PeopleListing {
    list_people(
        &fast_http(),
        &endpoints(sandbox),
        credentials,
        None,
        options,
        &|_| {},
    )
    .await
    .result
    .expect("the listing succeeds")
}

fn unique_ids(listing: &PeopleListing) -> usize {
    let ids: HashSet<_> = listing
        .people
        .iter()
        .map(|person| person.ids.provider_id.clone().unwrap())
        .collect();
    ids.len()
}

#[tokio::test]
async fn a_valid_key_reaches_its_business_with_every_permission() {
    let sandbox = sandbox().await;
    let progress = Progress::default();
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &key(scenario::VALID),
        &progress.sink(),
    )
    .await;
    assert!(report.ok, "{report:?}");
    let account = report.account.clone().unwrap();
    assert_eq!(account.name, scenario::BUSINESS);
    assert_eq!(account.id, scenario::BUSINESS_ID.to_string());
    assert_eq!(
        statuses(&report),
        [
            ("business", true, Granted),
            ("employee", true, Granted),
            ("location", false, Granted),
            ("employingentity", false, Granted),
        ]
    );
    // 250 people: three pages of ids counted.
    assert_eq!(report.people, Some(PeopleCount::everyone(250)));
    assert_nowhere(&report, scenario::VALID);
    let finished = progress.balanced();
    assert!(finished.iter().all(|(_, ok)| *ok), "{finished:?}");
    assert_eq!(finished.first(), Some(&(VerifyStep::Authenticate, true)));
    assert!(
        finished.contains(&(VerifyStep::People, true)),
        "{finished:?}"
    );
}

#[tokio::test]
async fn a_wrong_or_changed_key_is_rejected() {
    let sandbox = sandbox().await;
    for api_key in [scenario::UNKNOWN, scenario::REVOKED] {
        let report = verified(&sandbox, &key(api_key)).await;
        assert!(!report.ok);
        assert_eq!(codes(&report), ["credentials_rejected"], "{api_key}");
        assert_nowhere(&report, api_key);
    }
}

#[tokio::test]
async fn the_guide_example_and_a_shortened_key_are_never_sent() {
    let sandbox = sandbox().await;
    for api_key in [scenario::EXAMPLE, scenario::REDACTED] {
        assert_eq!(
            Credentials::from_text(PROVIDER, api_key.as_bytes()).err(),
            Some(Problem::KeyFileRedactedExample),
            "{api_key}"
        );
    }
    assert_eq!(sandbox.stats().requests(Provider::EmploymentHeroPayroll), 0);
}

#[tokio::test]
async fn a_user_who_cannot_see_employees_is_told_which_permission_is_missing() {
    let sandbox = sandbox().await;
    // A 403 on the list, and a 401 on it though `/user` works: both are the missing access.
    for api_key in [
        scenario::EMPLOYEES_FORBIDDEN,
        scenario::EMPLOYEES_UNAUTHORISED,
    ] {
        let report = verified(&sandbox, &key(api_key)).await;
        assert!(!report.ok, "{api_key}");
        assert_eq!(report.account.as_ref().unwrap().name, scenario::BUSINESS);
        let employee = report
            .permissions
            .iter()
            .find(|p| p.id == "employee")
            .unwrap();
        assert_eq!(employee.status, Missing, "{api_key}");
        assert!(codes(&report).contains(&"permission_missing"), "{report:?}");
        assert_eq!(report.people, None);
    }
}

#[tokio::test]
async fn a_key_of_several_businesses_asks_which_and_verifies_the_one_chosen() {
    let sandbox = sandbox().await;
    let http = fast_http();
    let endpoints = endpoints(&sandbox);
    let two = key(scenario::TWO_BUSINESSES);
    let report = verify(&http, &endpoints, &two, &|_| {}).await;
    assert!(!report.ok);
    assert!(matches!(
        report.problems.as_slice(),
        [Problem::OrganisationChoiceNeeded { count: 2, .. }]
    ));
    let businesses = two.organisations(&http, &endpoints).await.unwrap();
    let names: Vec<&str> = businesses.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, [scenario::BUSINESS, scenario::OTHER_BUSINESS]);

    let other = two
        .for_organisation(&scenario::OTHER_BUSINESS_ID.to_string())
        .unwrap();
    let report = verify(&http, &endpoints, &other, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(report.account.unwrap().name, scenario::OTHER_BUSINESS);
    assert_eq!(
        report.people,
        Some(PeopleCount::everyone(
            scenario::OTHER_BUSINESS_PEOPLE as u32
        ))
    );
    let listing = listed(&sandbox, &other, &ListingOptions::default()).await;
    assert_eq!(listing.people.len(), scenario::OTHER_BUSINESS_PEOPLE);

    // A business the key does not reach is not taken on trust.
    let foreign = two
        .for_organisation(&scenario::UK_BUSINESS_ID.to_string())
        .unwrap();
    let report = verify(&http, &endpoints, &foreign, &|_| {}).await;
    assert!(!report.ok);
    assert_eq!(codes(&report), ["organisation_choice_needed"]);
}

#[tokio::test]
async fn a_user_with_no_business_misses_the_business_permission() {
    let sandbox = sandbox().await;
    let report = verified(&sandbox, &key(scenario::NO_BUSINESSES)).await;
    assert!(!report.ok);
    assert_eq!(report.account, None);
    assert_eq!(
        statuses(&report),
        [
            ("business", true, Missing),
            ("employee", true, Unknown),
            ("location", false, Unknown),
            ("employingentity", false, Unknown),
        ]
    );
    assert_eq!(codes(&report), ["permission_missing"]);
}

#[tokio::test]
async fn everyone_is_listed_past_the_100_a_page_limit_each_once() {
    let sandbox = sandbox_with(SandboxConfig {
        people: 345,
        ..SandboxConfig::default()
    })
    .await;
    let listing = listed(&sandbox, &key(scenario::VALID), &ListingOptions::default()).await;
    assert_eq!(listing.people.len(), 345);
    assert_eq!(unique_ids(&listing), 345);
    // 100 + 100 + 100 + 45: the short page ends the list.
    assert_eq!(listing.pages, 4);
    assert!(listing.people.iter().all(|p| !p.first_name.is_empty()));
    // The documented limit is kept: the Sandbox never had to refuse a request.
    assert_eq!(listing.rate_limited, 0);
    assert_eq!(
        sandbox
            .stats()
            .too_many_requests(Provider::EmploymentHeroPayroll),
        0
    );

    let uk = listed(
        &sandbox,
        &key(scenario::UNITED_KINGDOM),
        &ListingOptions::default(),
    )
    .await;
    assert_eq!(uk.people.len(), scenario::UK_BUSINESS_PEOPLE);
}

#[tokio::test]
async fn a_429_mid_listing_is_waited_out_for_its_retry_after_and_nobody_is_lost() {
    let sandbox = sandbox_with(SandboxConfig {
        people: 450,
        ..SandboxConfig::default()
    })
    .await;
    let faults = sandbox.faults().clone();
    let sink = move |progress: ListingProgress| {
        if progress.pages_done == 1 {
            faults.set_for(
                Provider::EmploymentHeroPayroll,
                Fault::TooManyRequests {
                    times: 2,
                    retry_after: RetryAfter::Seconds(1),
                },
            );
        }
    };
    let started = std::time::Instant::now();
    let listing = list_people(
        &fast_http(),
        &endpoints(&sandbox),
        &key(scenario::VALID),
        None,
        &ListingOptions::default(),
        &sink,
    )
    .await
    .result
    .expect("the listing succeeds");
    assert_eq!(unique_ids(&listing), 450);
    assert_eq!(listing.rate_limited, 2);
    assert_eq!(
        sandbox
            .stats()
            .too_many_requests(Provider::EmploymentHeroPayroll),
        2
    );
    // `Retry-After: 1` was honoured (a lower bound, not a speed claim).
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
}

#[tokio::test]
async fn a_key_changed_before_the_listing_is_rejected() {
    let sandbox = sandbox().await;
    let api = sandbox.endpoints().employmenthero_payroll.api.clone();
    let answer = reqwest::Client::new()
        .post(format!("{api}/sandbox/revoke-key"))
        .json(&serde_json::json!({"apiKey": scenario::VALID}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 204);
    let outcome = list_people(
        &fast_http(),
        &endpoints(&sandbox),
        &key(scenario::VALID),
        None,
        &ListingOptions::default(),
        &|_| {},
    )
    .await;
    assert!(matches!(
        outcome.result,
        Err(Problem::CredentialsRejected { .. })
    ));
}

fn vault() -> Vault {
    Vault::open(
        "app.hrlink.test.employmenthero-payroll",
        BuildKind::Development,
    )
    .expect("a persistent keychain")
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_saved_connection_is_checked_reauthorised_and_its_key_is_in_no_file() {
    let sandbox = sandbox().await;
    let endpoints = endpoints(&sandbox);
    let http = fast_http();
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());

    // Saved for the business chosen among two.
    let chosen = key(scenario::TWO_BUSINESSES)
        .for_organisation(&scenario::OTHER_BUSINESS_ID.to_string())
        .unwrap();
    let report = verify(&http, &endpoints, &chosen, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    let id = store.save("", &chosen, &report).await.unwrap();
    let saved = store.profile(&id).unwrap();
    assert_eq!(saved.provider, PROVIDER);
    assert_eq!(saved.account.name, scenario::OTHER_BUSINESS);
    match store.load_secret(&id).await.unwrap() {
        StoredSecret::ApiKey(stored) => {
            assert_eq!(stored.key.expose_secret(), scenario::TWO_BUSINESSES);
            assert_eq!(stored.region.as_deref(), Some("NZ"));
        }
        other => panic!("{other:?}"),
    }

    // Loaded again, it lists the business it was saved for, not the key's first one.
    let loaded = store
        .load_credentials(&id, &http, &endpoints, &Config::demo())
        .await
        .unwrap();
    let listing = listed(&sandbox, &loaded, &ListingOptions::default()).await;
    assert_eq!(listing.people.len(), scenario::OTHER_BUSINESS_PEOPLE);
    let outcome = store
        .check(&id, &http, &endpoints, &Config::demo())
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);

    // A key of another business is refused as a re-authorisation.
    let uk = key(scenario::UNITED_KINGDOM);
    let uk_report = verify(&http, &endpoints, &uk, &|_| {}).await;
    assert!(matches!(
        store.reauthorise(&id, &uk, &uk_report, None).await,
        Err(Problem::DifferentAccount { .. })
    ));

    // "Change API Key": the saved key fails its check; the new one re-authorises it.
    let api = sandbox.endpoints().employmenthero_payroll.api.clone();
    reqwest::Client::new()
        .post(format!("{api}/sandbox/revoke-key"))
        .json(&serde_json::json!({"apiKey": scenario::TWO_BUSINESSES}))
        .send()
        .await
        .unwrap();
    let outcome = store
        .check(&id, &http, &endpoints, &Config::demo())
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::FailedAuth);

    // The key is in no file.
    for entry in walk(dir.path()) {
        let text = String::from_utf8_lossy(&std::fs::read(&entry).unwrap()).into_owned();
        assert!(
            !text.contains(scenario::TWO_BUSINESSES),
            "{}",
            entry.display()
        );
    }
    store.remove(&id).await.unwrap();
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
