//! The admin's selection drives verification (against the Sandbox): the required permissions and
//! the chosen optional ones are checked, unchosen ones are not demanded, iPayroll is asked for
//! exactly the selection, and credentials granting far more than selected get a warning.

use crate::oauth_support::{
    self, Consent, PATIENT, Progress, ScriptedBrowser, http, options, params,
};

use hrlink_core::config::Config;
use hrlink_core::providers::ipayroll;
use hrlink_core::verify::{
    Credentials, PermissionStatus, VerificationReport, VerifyProgress, VerifyStep, verify_chosen,
};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::Sandbox;
use hrlink_sandbox::scenarios::{
    employmenthero as eh, hrworks, ipayroll as ipayroll_scenario, iris,
};

use crate::common::{self, codes};

fn chosen(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

fn table(report: &VerificationReport) -> Vec<(&str, bool, PermissionStatus)> {
    report
        .permissions
        .iter()
        .map(|p| (p.id.as_str(), p.required, p.status))
        .collect()
}

async fn check(sandbox: &Sandbox, credentials: &Credentials, ids: &[String]) -> VerificationReport {
    let endpoints = oauth_support::endpoints(sandbox);
    verify_chosen(&http(), &endpoints, credentials, ids, &|_| {}).await
}

fn permission_steps(events: &[VerifyProgress]) -> Vec<String> {
    let mut ids: Vec<String> = events
        .iter()
        .filter_map(|event| match event {
            VerifyProgress::Started {
                step: VerifyStep::Permission(id),
            } => Some(id.clone()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn an_unchosen_optional_right_is_neither_shown_nor_demanded() {
    let sandbox = oauth_support::sandbox().await;
    let credentials = common::iris(iris::NO_CONTRACT_RIGHTS);
    let progress = Progress::default();
    let endpoints = oauth_support::endpoints(&sandbox);
    let report = verify_chosen(&http(), &endpoints, &credentials, &[], &progress.sink()).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(
        table(&report),
        vec![
            ("employees", true, PermissionStatus::Granted),
            ("personal", true, PermissionStatus::Granted),
        ]
    );
    assert_eq!(
        permission_steps(&progress.events()),
        ["employees", "personal"],
        "the live checklist shows only the selection"
    );
    assert!(report.warnings.is_empty(), "nothing beyond: {report:?}");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_chosen_right_that_is_missing_fails_with_its_fix_and_passes_once_granted() {
    let sandbox = oauth_support::sandbox().await;
    let report = check(
        &sandbox,
        &common::iris(iris::NO_CONTRACT_RIGHTS),
        &chosen(&["contract"]),
    )
    .await;
    assert!(!report.ok);
    assert_eq!(
        report.problems,
        vec![Problem::PermissionMissing {
            provider: "IRIS HR Professional".into(),
            permission: "contract".into(),
        }]
    );
    assert_eq!(
        table(&report).last(),
        Some(&("contract", false, PermissionStatus::Missing))
    );
    // The right granted (the full-rights API user): the same selection passes, nothing beyond.
    let fixed = check(&sandbox, &common::iris(iris::VALID), &chosen(&["contract"])).await;
    assert!(fixed.ok, "{fixed:?}");
    assert!(fixed.problems.is_empty() && fixed.warnings.is_empty());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn rights_to_personal_data_beyond_the_selection_are_a_warning_not_a_failure() {
    let sandbox = oauth_support::sandbox().await;
    // IRIS gives API users full Set Rights by default: the contract tab is readable.
    let report = check(&sandbox, &common::iris(iris::VALID), &chosen(&[])).await;
    assert!(report.ok, "a warning does not fail the check: {report:?}");
    assert!(report.problems.is_empty());
    assert_eq!(
        report.warnings,
        vec![Problem::PermissionsBeyondSelection {
            provider: "IRIS HR Professional".into(),
            permissions: "contract".into(),
        }]
    );
    // HRworks' organisation units reveal no personal data: one extra is not "far more".
    let hrworks_report = check(&sandbox, &common::hrworks(hrworks::VALID), &chosen(&[])).await;
    assert!(hrworks_report.ok, "{hrworks_report:?}");
    assert!(hrworks_report.warnings.is_empty(), "{hrworks_report:?}");
    assert!(
        table(&hrworks_report)
            .iter()
            .all(|(_, required, _)| *required)
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_employment_hero_app_with_more_scopes_than_selected_is_named_in_the_warning() {
    let sandbox = oauth_support::sandbox().await;
    let config = Config::demo();
    let browser = ScriptedBrowser::new(Consent::allow(eh::ONE_ORGANISATION));
    let credentials = Credentials::sign_in(
        ProviderId::Employmenthero,
        &http(),
        &oauth_support::endpoints(&sandbox),
        config.oauth(ProviderId::Employmenthero).unwrap(),
        Some(&chosen(&["teams:list"])),
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    let report = check(&sandbox, &credentials, &chosen(&["teams:list"])).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(
        table(&report)
            .iter()
            .map(|(id, ..)| *id)
            .collect::<Vec<_>>(),
        ["organisations:list", "employees:list", "teams:list"]
    );
    // The Sandbox's app has every scope of eh::CLIENT_SCOPES, two of them not selected;
    // employees:show opens each person's full record.
    assert_eq!(
        report.warnings,
        vec![Problem::PermissionsBeyondSelection {
            provider: "Employment Hero".into(),
            permissions: "organisations:show, employees:show".into(),
        }]
    );
    assert_eq!(codes(&report), Vec::<&str>::new());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn ipayroll_is_asked_for_exactly_the_selection() {
    let sandbox = oauth_support::sandbox().await;
    let config = Config::demo();
    let oauth = config.oauth(ProviderId::Ipayroll).unwrap();
    let endpoints = oauth_support::provider_endpoints(&sandbox, ProviderId::Ipayroll);
    for (selection, scope) in [
        (chosen(&[]), "employees"),
        (chosen(&["leavebalances"]), "employees leavebalances"),
        // Not a permission the configuration offers: never asked for.
        (chosen(&["payslips"]), "employees"),
    ] {
        let browser = ScriptedBrowser::new(Consent::allow(ipayroll_scenario::API_USER));
        let grant = ipayroll::sign_in(
            &http(),
            &endpoints,
            oauth,
            Some(&selection),
            &options(&browser, PATIENT),
        )
        .await
        .expect("signed in");
        assert_eq!(params(&browser.visit().await.authorize_url)["scope"], scope);
        let report = check(
            &sandbox,
            &Credentials::oauth(ProviderId::Ipayroll, grant),
            &selection,
        )
        .await;
        assert!(report.ok, "{report:?}");
        assert!(
            report.warnings.is_empty(),
            "granted only what was asked: {report:?}"
        );
    }
    sandbox.shutdown().await;
}
