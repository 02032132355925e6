//! Employment Hero end to end against the Sandbox: browser sign-in with PKCE and organisation
//! choice, then verification, rotating refresh tokens, and what goes wrong.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed setup or assertion must stop the test at once"
)]

use crate::oauth_support;

use hrlink_core::config::{ClientSecretSource, Config, OAuthProviderConfig};
use hrlink_core::credentials::OAuthGrant;
use hrlink_core::providers::employmenthero;
use hrlink_core::verify::{
    self, Account, Credentials, PermissionStatus, VerificationReport, VerifyProgress, VerifyStep,
};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::Sandbox;
use hrlink_sandbox::scenarios::OAuthClient;
use hrlink_sandbox::scenarios::employmenthero as scenario;
use oauth_support::*;
use secrecy::ExposeSecret;

/// The demo configuration's Employment Hero client, or another registered app.
fn config(app: OAuthClient) -> OAuthProviderConfig {
    let demo = Config::demo()
        .oauth(ProviderId::Employmenthero)
        .expect("the demo configures Employment Hero")
        .clone();
    assert_eq!(demo.client_id, scenario::CLIENT.id);
    if app == scenario::CLIENT {
        // Unchanged: the built-in demo must sign in to the Sandbox as it is.
        return demo;
    }
    OAuthProviderConfig {
        client_id: app.id.to_owned(),
        client_secret: ClientSecretSource::BuiltIn(app.secret),
        ..demo
    }
}

async fn sign_in(
    sandbox: &Sandbox,
    app: OAuthClient,
    consent: Consent,
) -> Result<OAuthGrant, Problem> {
    let browser = ScriptedBrowser::new(consent);
    employmenthero::sign_in(
        &http(),
        &provider_endpoints(sandbox, ProviderId::Employmenthero),
        &config(app),
        &options(&browser, PATIENT),
    )
    .await
}

async fn verify(sandbox: &Sandbox, grant: &OAuthGrant) -> VerificationReport {
    employmenthero::verify(
        &http(),
        &provider_endpoints(sandbox, ProviderId::Employmenthero),
        grant,
        &|_| {},
    )
    .await
}

fn status(report: &VerificationReport, id: &str) -> PermissionStatus {
    report
        .permissions
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} was judged"))
        .status
}

#[tokio::test]
async fn signs_in_and_verifies_organisation_permissions_and_people() {
    let sandbox = sandbox().await;
    let grant = sign_in(
        &sandbox,
        scenario::CLIENT,
        Consent::allow(scenario::ONE_ORGANISATION),
    )
    .await
    .expect("signed in");
    let progress = Progress::default();
    let credentials = Credentials::oauth(ProviderId::Employmenthero, grant);
    let report = verify::verify(
        &http(),
        &endpoints(&sandbox),
        &credentials,
        &progress.sink(),
    )
    .await;

    assert!(report.ok, "{report:?}");
    assert_eq!(
        report.account,
        Some(Account {
            id: scenario::ORGANISATION.id.into(),
            name: scenario::ORGANISATION.name.into(),
        })
    );
    assert_eq!(
        status(&report, "organisations:list"),
        PermissionStatus::Granted
    );
    assert_eq!(status(&report, "employees:list"), PermissionStatus::Granted);
    // The demo's optional scope, from the token response's `scope`.
    assert_eq!(status(&report, "teams:list"), PermissionStatus::Granted);
    // Employment Hero lists everyone, including people who have left.
    assert_eq!(report.people.expect("counted").count, 40);

    let events = progress.events();
    for step in [
        VerifyStep::Authenticate,
        VerifyStep::Account,
        VerifyStep::People,
        VerifyStep::Permission("employees:list".into()),
    ] {
        assert!(events.contains(&VerifyProgress::Finished { step, ok: true }));
    }
}

#[tokio::test]
async fn an_app_without_employees_list_is_a_missing_permission() {
    let sandbox = sandbox().await;
    let grant = sign_in(
        &sandbox,
        scenario::CLIENT_WITHOUT_EMPLOYEES,
        Consent::allow(scenario::ONE_ORGANISATION),
    )
    .await
    .expect("signed in");
    let report = verify(&sandbox, &grant).await;
    assert!(!report.ok);
    assert_eq!(status(&report, "employees:list"), PermissionStatus::Missing);
    assert_eq!(
        status(&report, "organisations:list"),
        PermissionStatus::Granted
    );
    assert_eq!(
        report.problems,
        vec![Problem::PermissionMissing {
            provider: "Employment Hero".into(),
            permission: "employees:list".into()
        }]
    );
    // The organisation is still known: the admin can see which one lacks the permission.
    assert_eq!(
        report.account.map(|a| a.id),
        Some(scenario::ORGANISATION.id.to_owned())
    );
    assert_eq!(report.people, None);
}

#[tokio::test]
async fn a_user_of_two_organisations_chooses_one_on_the_consent_page() {
    let sandbox = sandbox().await;
    let grant = sign_in(
        &sandbox,
        scenario::CLIENT,
        Consent::allow(scenario::TWO_ORGANISATIONS).choosing(scenario::EMPTY_ORGANISATION.id),
    )
    .await
    .expect("signed in");
    let report = verify(&sandbox, &grant).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(
        report.account,
        Some(Account {
            id: scenario::EMPTY_ORGANISATION.id.into(),
            name: scenario::EMPTY_ORGANISATION.name.into(),
        })
    );
    assert_eq!(report.people.expect("counted").count, 0);

    let chose_main = sign_in(
        &sandbox,
        scenario::CLIENT,
        Consent::allow(scenario::TWO_ORGANISATIONS).choosing(scenario::ORGANISATION.id),
    )
    .await
    .expect("signed in");
    let report = verify(&sandbox, &chose_main).await;
    assert_eq!(
        report.account.map(|a| a.id),
        Some(scenario::ORGANISATION.id.to_owned())
    );
    assert_eq!(report.people.expect("counted").count, 40);
}

#[tokio::test]
async fn a_sign_in_reaching_several_organisations_lists_them_and_verifies_the_one_chosen() {
    let sandbox = sandbox().await;
    let grant = sign_in(
        &sandbox,
        scenario::CLIENT,
        Consent::allow(scenario::PARTNER),
    )
    .await
    .expect("signed in");
    let report = verify(&sandbox, &grant).await;
    assert!(!report.ok);
    assert_eq!(
        report.problems,
        vec![Problem::OrganisationChoiceNeeded {
            provider: "Employment Hero".into(),
            count: 2
        }]
    );

    let credentials = Credentials::oauth(ProviderId::Employmenthero, grant);
    let endpoints = oauth_support::endpoints(&sandbox);
    let organisations = credentials
        .organisations(&http(), &endpoints)
        .await
        .unwrap();
    let names: Vec<&str> = organisations.iter().map(|org| org.name.as_str()).collect();
    assert_eq!(
        names,
        [
            scenario::ORGANISATION.name,
            scenario::EMPTY_ORGANISATION.name
        ]
    );

    let holdings = credentials
        .for_organisation(scenario::EMPTY_ORGANISATION.id)
        .expect("Employment Hero chooses organisations");
    let report = verify::verify(&http(), &endpoints, &holdings, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    assert_eq!(
        report.account,
        Some(Account {
            id: scenario::EMPTY_ORGANISATION.id.into(),
            name: scenario::EMPTY_ORGANISATION.name.into(),
        })
    );
    assert_eq!(report.people.expect("counted").count, 0);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_explicit_organisation_choice_must_be_one_the_sign_in_reaches() {
    let sandbox = sandbox().await;
    let grant = sign_in(
        &sandbox,
        scenario::CLIENT,
        Consent::allow(scenario::ONE_ORGANISATION),
    )
    .await
    .expect("signed in");
    let chosen = OAuthGrant {
        organisation_id: Some(scenario::ORGANISATION.id.into()),
        ..grant.clone()
    };
    assert!(verify(&sandbox, &chosen).await.ok);
    let elsewhere = OAuthGrant {
        organisation_id: Some(scenario::EMPTY_ORGANISATION.id.into()),
        ..grant
    };
    let report = verify(&sandbox, &elsewhere).await;
    assert!(!report.ok);
    assert_eq!(
        report.problems.first(),
        Some(&Problem::OrganisationChoiceNeeded {
            provider: "Employment Hero".into(),
            count: 1
        })
    );
}

#[tokio::test]
async fn refresh_rotates_and_the_old_refresh_token_is_then_rejected() {
    let sandbox = sandbox().await;
    let grant = sign_in(
        &sandbox,
        scenario::CLIENT,
        Consent::allow(scenario::ONE_ORGANISATION),
    )
    .await
    .expect("signed in");
    let endpoints = provider_endpoints(&sandbox, ProviderId::Employmenthero);
    let config = config(scenario::CLIENT);
    let fresh = employmenthero::refresh(&http(), &endpoints, &config, &grant.tokens)
        .await
        .expect("refreshed");
    let old = grant.tokens.refresh_token.as_ref().unwrap().expose_secret();
    let new = fresh
        .refresh_token
        .as_ref()
        .expect("a rotated refresh token");
    assert_ne!(new.expose_secret(), old, "the refresh token rotates");

    // The old refresh token is dead now: sign in again, no retry loop.
    let stale = employmenthero::refresh(&http(), &endpoints, &config, &grant.tokens).await;
    assert_eq!(
        stale.unwrap_err(),
        Problem::SignInExpired {
            provider: "Employment Hero".into()
        }
    );
    // The new one works, and rotates again.
    let again = employmenthero::refresh(&http(), &endpoints, &config, &fresh)
        .await
        .expect("the newest refresh token works");
    assert_ne!(
        again.refresh_token.as_ref().unwrap().expose_secret(),
        new.expose_secret()
    );
    let report = verify(
        &sandbox,
        &OAuthGrant {
            tokens: again,
            ..grant
        },
    )
    .await;
    assert!(report.ok, "{report:?}");
}

#[tokio::test]
async fn another_apps_secret_is_a_rejected_client() {
    let sandbox = sandbox().await;
    let mismatched = OAuthClient {
        id: scenario::CLIENT.id,
        secret: CANARY_SECRET,
    };
    let outcome = sign_in(
        &sandbox,
        mismatched,
        Consent::allow(scenario::ONE_ORGANISATION),
    )
    .await;
    let problem = outcome.unwrap_err();
    assert_eq!(
        problem,
        Problem::ClientRejected {
            provider: "Employment Hero".into()
        }
    );
    assert!(
        !format!("{problem:?}{}", serde_json::to_string(&problem).unwrap()).contains(CANARY_SECRET)
    );
    assert!(!format!("{:?}", config(mismatched)).contains(CANARY_SECRET));
}
