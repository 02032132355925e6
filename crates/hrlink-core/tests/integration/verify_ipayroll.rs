//! iPayroll end to end against the Sandbox: browser sign-in as the API user, then verification
//! (organisation number, scopes, people count), refresh, and what goes wrong.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed setup or assertion must stop the test at once"
)]

use crate::oauth_support;

use hrlink_core::config::{Config, OAuthProviderConfig, Permissions};
use hrlink_core::credentials::OAuthGrant;
use hrlink_core::oauth::OAuthTokens;
use hrlink_core::providers::ipayroll;
use hrlink_core::verify::{
    self, Account, Credentials, PermissionCheck, PermissionStatus, VerifyProgress, VerifyStep,
};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::Sandbox;
use hrlink_sandbox::scenarios::ipayroll as scenario;
use oauth_support::*;
use secrecy::{ExposeSecret, SecretString};

/// The demo configuration's iPayroll client: the Sandbox's registered one.
fn config() -> OAuthProviderConfig {
    let config = Config::demo()
        .oauth(ProviderId::Ipayroll)
        .expect("the demo configures iPayroll")
        .clone();
    assert_eq!(config.client_id, scenario::CLIENT.id);
    config
}

async fn sign_in_as(sandbox: &Sandbox, consent: Consent) -> Result<OAuthGrant, Problem> {
    let browser = ScriptedBrowser::new(consent);
    ipayroll::sign_in(
        &http(),
        &provider_endpoints(sandbox, ProviderId::Ipayroll),
        &config(),
        None,
        &options(&browser, PATIENT),
    )
    .await
}

fn permission(report: &verify::VerificationReport, id: &str) -> PermissionCheck {
    report
        .permissions
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} was judged"))
        .clone()
}

#[tokio::test]
async fn signs_in_and_verifies_organisation_permissions_and_people() {
    let sandbox = sandbox().await;
    let grant = sign_in_as(&sandbox, Consent::allow(scenario::API_USER))
        .await
        .expect("signed in");
    assert_eq!(grant.tokens.grants("employees"), Some(true));

    let progress = Progress::default();
    let credentials = Credentials::oauth(ProviderId::Ipayroll, grant);
    let report = verify::verify(
        &http(),
        &endpoints(&sandbox),
        &credentials,
        &progress.sink(),
    )
    .await;

    assert!(report.ok, "{report:?}");
    assert_eq!(report.provider, ProviderId::Ipayroll);
    let number = scenario::ORGANISATION_NUMBER.to_string();
    assert_eq!(
        report.account,
        Some(Account {
            id: number.clone(),
            name: format!("iPayroll organisation {number}"),
        })
    );
    assert_eq!(
        permission(&report, "employees"),
        PermissionCheck {
            id: "employees".into(),
            required: true,
            status: PermissionStatus::Granted
        }
    );
    // The demo's optional scope, judged from the granted `scope` list.
    let optional = permission(&report, "leavebalances");
    assert!(!optional.required);
    assert_eq!(optional.status, PermissionStatus::Granted);
    // iPayroll lists active employees only: some of the 40 have left.
    let people = report.people.expect("counted").count;
    assert!(people > 0 && people <= 40, "{people}");
    assert!(report.problems.is_empty());

    let events = progress.events();
    for step in [
        VerifyStep::Authenticate,
        VerifyStep::Account,
        VerifyStep::Permission("employees".into()),
        VerifyStep::Permission("leavebalances".into()),
        VerifyStep::People,
    ] {
        assert!(
            events.contains(&VerifyProgress::Started { step: step.clone() }),
            "{step:?} started"
        );
        assert!(
            events.contains(&VerifyProgress::Finished { step, ok: true }),
            "finished"
        );
    }
}

#[tokio::test]
async fn an_api_user_without_employees_is_a_missing_permission() {
    let sandbox = sandbox().await;
    let grant = sign_in_as(
        &sandbox,
        Consent::allow(scenario::API_USER_WITHOUT_EMPLOYEES),
    )
    .await
    .expect("signed in");
    // The grant's `scope` already says so; the probe confirms it (403).
    assert_eq!(grant.tokens.grants("employees"), Some(false));
    let progress = Progress::default();
    let report = ipayroll::verify(
        &http(),
        &provider_endpoints(&sandbox, ProviderId::Ipayroll),
        &grant,
        &progress.sink(),
    )
    .await;
    assert!(!report.ok);
    assert_eq!(
        permission(&report, "employees").status,
        PermissionStatus::Missing
    );
    assert_eq!(
        report.problems.first(),
        Some(&Problem::PermissionMissing {
            provider: "iPayroll".into(),
            permission: "employees".into()
        })
    );
    assert_eq!(report.people, None);
    assert!(progress.events().contains(&VerifyProgress::Finished {
        step: VerifyStep::Permission("employees".into()),
        ok: false
    }));
}

#[tokio::test]
async fn another_organisations_api_user_is_reported_by_its_number() {
    let sandbox = sandbox().await;
    let grant = sign_in_as(
        &sandbox,
        Consent::allow(scenario::OTHER_ORGANISATION_API_USER),
    )
    .await
    .expect("signed in");
    let report = ipayroll::verify(
        &http(),
        &provider_endpoints(&sandbox, ProviderId::Ipayroll),
        &grant,
        &|_| {},
    )
    .await;
    assert!(report.ok, "{report:?}");
    let account = report.account.expect("an account");
    assert_eq!(account.id, scenario::OTHER_ORGANISATION_NUMBER.to_string());
    assert!(report.people.expect("counted").count <= 8);
}

#[tokio::test]
async fn a_token_ipayroll_no_longer_accepts_asks_to_sign_in_again() {
    let sandbox = sandbox().await;
    let grant = OAuthGrant {
        tokens: OAuthTokens {
            access_token: SecretString::from("CANARY-not-a-token"),
            refresh_token: None,
            expires_at: None,
            granted_scopes: None,
        },
        permissions: config().permissions,
        organisation_id: None,
    };
    let report = ipayroll::verify(
        &http(),
        &provider_endpoints(&sandbox, ProviderId::Ipayroll),
        &grant,
        &|_| {},
    )
    .await;
    assert_eq!(
        report.problems,
        vec![Problem::SignInExpired {
            provider: "iPayroll".into()
        }]
    );
    // The Sandbox echoes the bad token in its error body: none of it reaches the report.
    assert!(!serde_json::to_string(&report).unwrap().contains("CANARY"));
}

#[tokio::test]
async fn refresh_keeps_the_refresh_token_and_gives_a_working_access_token() {
    let sandbox = sandbox().await;
    let grant = sign_in_as(&sandbox, Consent::allow(scenario::API_USER))
        .await
        .expect("signed in");
    let endpoints = provider_endpoints(&sandbox, ProviderId::Ipayroll);
    let fresh = ipayroll::refresh(&http(), &endpoints, &config(), &grant.tokens)
        .await
        .expect("refreshed");
    assert_ne!(
        fresh.access_token.expose_secret(),
        grant.tokens.access_token.expose_secret()
    );
    // iPayroll's refresh tokens do not rotate: the same one stays valid.
    let old_refresh = grant.tokens.refresh_token.as_ref().unwrap().expose_secret();
    assert_eq!(
        fresh.refresh_token.as_ref().unwrap().expose_secret(),
        old_refresh
    );
    assert_eq!(fresh.grants("employees"), Some(true));
    let again = ipayroll::refresh(&http(), &endpoints, &config(), &grant.tokens).await;
    assert!(again.is_ok());

    let refreshed = OAuthGrant {
        tokens: fresh,
        ..grant
    };
    let report = ipayroll::verify(&http(), &endpoints, &refreshed, &|_| {}).await;
    assert!(report.ok, "{report:?}");
}

#[tokio::test]
async fn an_unknown_refresh_token_asks_to_sign_in_again() {
    let sandbox = sandbox().await;
    let tokens = OAuthTokens {
        access_token: SecretString::from("x"),
        refresh_token: Some(SecretString::from("CANARY-unknown-refresh")),
        expires_at: None,
        granted_scopes: None,
    };
    let outcome = ipayroll::refresh(
        &http(),
        &provider_endpoints(&sandbox, ProviderId::Ipayroll),
        &config(),
        &tokens,
    )
    .await;
    assert_eq!(
        outcome.unwrap_err(),
        Problem::SignInExpired {
            provider: "iPayroll".into()
        }
    );
}

#[tokio::test]
async fn only_the_configured_scopes_are_asked_for_and_judged() {
    let sandbox = sandbox().await;
    let config = OAuthProviderConfig {
        permissions: Permissions {
            required: vec!["employees".into()],
            optional: vec!["payslips".into(), "timesheets".into()],
        },
        ..config()
    };
    let browser = ScriptedBrowser::new(Consent::allow(scenario::API_USER));
    let endpoints = provider_endpoints(&sandbox, ProviderId::Ipayroll);
    let grant = ipayroll::sign_in(
        &http(),
        &endpoints,
        &config,
        None,
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in");
    assert_eq!(
        params(&browser.visit().await.authorize_url)["scope"],
        "employees payslips timesheets"
    );
    let report = ipayroll::verify(&http(), &endpoints, &grant, &|_| {}).await;
    let ids: Vec<_> = report.permissions.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["employees", "payslips", "timesheets"]);
    assert!(report.ok);
}

#[test]
fn the_api_username_rule_is_available_to_the_wizard() {
    assert!(ipayroll::check_api_username(scenario::API_USER.username, Some("49764")).is_ok());
    assert!(ipayroll::check_api_username("49764", None).is_err());
    assert_eq!(
        ipayroll::suggest_api_username("49764", "HR Link"),
        "49764apihrlink"
    );
}
