//! HRworks verification against the Sandbox: one test per scenario key pair.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use std::time::Duration;

use common::{
    CANARY, Progress, assert_nowhere, client, codes, endpoints, fast_config, fast_http, hrworks,
    hrworks_keys, sandbox, sandbox_with,
};
use hrlink_core::ProviderId;
use hrlink_core::http::HttpConfig;
use hrlink_core::verify::{PeopleCount, PermissionStatus, VerificationReport, VerifyStep, verify};
use hrlink_sandbox::scenarios::{KeyPair, hrworks as scenario};
use hrlink_sandbox::{Sandbox, SandboxConfig};

use PermissionStatus::{Granted, Missing};

fn statuses(report: &VerificationReport) -> Vec<(&str, bool, PermissionStatus)> {
    report
        .permissions
        .iter()
        .map(|p| (p.id.as_str(), p.required, p.status))
        .collect()
}

const ALL_GRANTED: [(&str, bool, PermissionStatus); 3] = [
    ("persons", true, Granted),
    ("persons.master-data", true, Granted),
    ("organization-units", false, Granted),
];

/// Active people of a key's company, counted independently of the adapter: from the
/// unpaginated `/v2/persons` (an object of arrays keyed by organisation unit), not from the
/// master-data `Link` header the adapter reads.
async fn active_people(sandbox: &Sandbox, pair: KeyPair) -> u32 {
    let http = reqwest::Client::new();
    let api = &sandbox.endpoints().hrworks.api;
    let token: serde_json::Value = http
        .post(format!("{api}/v2/authentication"))
        .json(&serde_json::json!({
            "accessKey": pair.access_key,
            "secretAccessKey": pair.secret_access_key,
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let persons: serde_json::Map<String, serde_json::Value> = http
        .get(format!("{api}/v2/persons?onlyActive=true"))
        .bearer_auth(token["token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    persons
        .values()
        .map(|unit| unit.as_array().unwrap().len() as u32)
        .sum()
}

async fn verified(sandbox: &Sandbox, pair: KeyPair) -> VerificationReport {
    verify(&fast_http(), &endpoints(sandbox), &hrworks(pair), &|_| {}).await
}

#[tokio::test]
async fn valid_keys_reach_the_company_with_every_permission() {
    let sandbox = sandbox().await;
    let progress = Progress::default();
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &hrworks(scenario::VALID),
        &progress.sink(),
    )
    .await;
    assert!(report.ok, "{report:?}");
    assert_eq!(report.provider, ProviderId::Hrworks);
    let account = report.account.clone().unwrap();
    assert_eq!(account.name, scenario::COMPANY);
    assert!(!account.id.is_empty());
    assert_eq!(statuses(&report), ALL_GRANTED);
    let expected = active_people(&sandbox, scenario::VALID).await;
    assert!(expected > 50, "more than one master-data page: {expected}");
    assert_eq!(report.people, Some(PeopleCount::active(expected)));
    assert_nowhere(&report, scenario::VALID.secret_access_key);

    let finished = progress.balanced();
    assert!(finished.iter().all(|(_, ok)| *ok), "{finished:?}");
    assert_eq!(finished.first(), Some(&(VerifyStep::Authenticate, true)));
    let permission = |id: &str| VerifyStep::Permission(id.to_owned());
    for step in [
        VerifyStep::Account,
        permission("persons"),
        permission("persons.master-data"),
        permission("organization-units"),
    ] {
        assert!(
            finished.iter().any(|(s, _)| *s == step),
            "{step:?} not reported: {finished:?}"
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn keys_without_persons_permissions_are_told_what_is_missing() {
    let sandbox = sandbox().await;
    let report = verified(&sandbox, scenario::NO_PERSONS).await;
    assert!(!report.ok);
    assert_eq!(
        statuses(&report),
        [
            ("persons", true, Missing),
            ("persons.master-data", true, Missing),
            ("organization-units", false, Granted),
        ]
    );
    assert_eq!(codes(&report), ["permission_missing", "permission_missing"]);
    assert_eq!(report.people, None);
    assert_eq!(
        report.account.map(|a| a.name).as_deref(),
        Some(scenario::COMPANY)
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn unknown_keys_are_rejected() {
    let sandbox = sandbox().await;
    let progress = Progress::default();
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &hrworks(scenario::UNKNOWN),
        &progress.sink(),
    )
    .await;
    assert_eq!(codes(&report), ["credentials_rejected"]);
    assert_eq!(report.account, None);
    assert_eq!(progress.balanced(), vec![(VerifyStep::Authenticate, false)]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_canary_secret_is_rejected_and_never_echoed() {
    let sandbox = sandbox().await;
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &hrworks_keys(scenario::VALID.access_key, CANARY),
        &|_| {},
    )
    .await;
    assert_eq!(codes(&report), ["credentials_rejected"]);
    assert_nowhere(&report, CANARY);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn keys_of_another_company_name_that_company() {
    let sandbox = sandbox().await;
    let report = verified(&sandbox, scenario::OTHER_COMPANY).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(
        report.account.map(|a| a.name).as_deref(),
        Some(scenario::OTHER_COMPANY_NAME)
    );
    let expected = active_people(&sandbox, scenario::OTHER_COMPANY).await;
    assert!(expected <= scenario::OTHER_COMPANY_PEOPLE as u32);
    assert_eq!(report.people, Some(PeopleCount::active(expected)));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_large_company_is_counted_from_two_pages() {
    let sandbox = sandbox().await;
    // The production body cap: the `persons` probe reads the whole unpaginated `/v2/persons`
    // (about 170 bytes a person, 7.5 MB here), which the tests' 1 MiB cap refuses. With the
    // 16 MiB default that probe fails from about 95,000 people: see the change's report.
    let http = client(HttpConfig {
        max_body_bytes: HttpConfig::default().max_body_bytes,
        ..fast_config()
    });
    let report = verify(
        &http,
        &endpoints(&sandbox),
        &hrworks(scenario::LARGE_COMPANY),
        &|_| {},
    )
    .await;
    assert!(report.ok, "{report:?}");
    assert_eq!(
        report.account.map(|a| a.name).as_deref(),
        Some(scenario::LARGE_COMPANY_NAME)
    );
    let expected = active_people(&sandbox, scenario::LARGE_COMPANY).await;
    assert!(expected > 40_000 && expected <= 50_000, "{expected}");
    assert_eq!(report.people, Some(PeopleCount::active(expected)));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn rate_limited_keys_verify_after_honouring_retry_after() {
    let sandbox = sandbox().await;
    // Every second request with this key is refused with `Retry-After: 1`, whichever probe
    // sends it: enough attempts that each probe gets through.
    let patient = client(HttpConfig {
        max_attempts: 8,
        ..fast_config()
    });
    let report = verify(
        &patient,
        &endpoints(&sandbox),
        &hrworks(scenario::RATE_LIMITED),
        &|_| {},
    )
    .await;
    assert!(report.ok, "{report:?}");
    assert_eq!(statuses(&report), ALL_GRANTED);

    // A client that waits less than asked reports the rate limit with the wait asked for.
    let hasty = client(HttpConfig {
        max_retry_wait: Duration::from_millis(500),
        ..fast_config()
    });
    let report = verify(
        &hasty,
        &endpoints(&sandbox),
        &hrworks(scenario::RATE_LIMITED),
        &|_| {},
    )
    .await;
    assert!(!report.ok);
    assert!(
        report.problems.iter().any(|p| *p
            == hrlink_core::Problem::ProviderRateLimited {
                provider: "HRworks".into(),
                retry_after_seconds: Some(1)
            }),
        "{report:?}"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_failing_server_is_its_own_problem() {
    let sandbox = sandbox().await;
    let report = verified(&sandbox, scenario::SERVER_ERROR).await;
    assert_eq!(codes(&report), ["provider_server_error"]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_html_sign_in_page_is_an_unexpected_response() {
    let sandbox = sandbox().await;
    let report = verified(&sandbox, scenario::HTML_PAGE).await;
    assert_eq!(codes(&report), ["provider_unexpected_response"]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_repeated_page_does_not_change_the_count() {
    // Verification reads only the first and the last master-data page; the repetition on page
    // 3 matters to the people listing, which must detect it.
    let sandbox = sandbox().await;
    let report = verified(&sandbox, scenario::REPEATED_PAGE).await;
    assert!(report.ok, "{report:?}");
    let expected = active_people(&sandbox, scenario::REPEATED_PAGE).await;
    assert_eq!(report.people, Some(PeopleCount::active(expected)));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_empty_company_verifies_with_zero_people() {
    let sandbox = sandbox_with(SandboxConfig {
        people: 0,
        ..SandboxConfig::default()
    })
    .await;
    let report = verified(&sandbox, scenario::VALID).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(report.people, Some(PeopleCount::active(0)));
    sandbox.shutdown().await;
}

/// Issue 15 item 10: HRworks' OpenAPI requires neither `name` nor `number` of an
/// `OrganizationUnit`; a unit without them (and a token naming no company) still verifies,
/// named by the permanent establishment, and the people are listed.
#[tokio::test]
async fn units_without_name_or_number_verify_named_by_the_establishment() {
    let sandbox = sandbox().await;
    let report = verified(&sandbox, scenario::BARE_UNITS).await;
    assert!(report.ok, "{report:?}");
    let account = report.account.unwrap();
    assert_eq!(account.name, "Zentrale München");
    let listing = hrlink_core::people::list_people(
        &fast_http(),
        &endpoints(&sandbox),
        &hrworks(scenario::BARE_UNITS),
        None,
        &hrlink_core::people::ListingOptions::default(),
        &|_| {},
    )
    .await;
    assert!(!listing.result.unwrap().people.is_empty());
}
