//! A browser sign-in delivered as the app's wizard does it (`Session::sign_in_for_product`,
//! HANDOFF.md §2.3–2.4): signed in with the product's OAuth client from the enrollment, the code
//! exchanged by the product's backend, which alone holds the refresh token; HR Link stages an
//! access token for the check and the people list, and the people the admin confirmed travel
//! with the connection.

use hrlink_core::delivery::{Backend, CloudDelivery, DeliveredStore, Origin};
use hrlink_core::messages::Language;
use hrlink_core::oauth::BrowserOpener;
use hrlink_core::people::Disclosure;
use hrlink_core::session::{Session, StagedCredentials};
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::product::EnrollmentSpec;
use hrlink_sandbox::scenarios::{employmenthero, ipayroll};
use secrecy::ExposeSecret;

use crate::common::{self, fast_http};
use crate::oauth_support::{self, Consent, ScriptedBrowser, recording_browser};

const PRODUCT: &str = "Acme Rostering";

fn cloud(sandbox: &hrlink_sandbox::Sandbox, dir: &std::path::Path) -> CloudDelivery {
    let origin = Origin::parse(&sandbox.endpoints().product.api).unwrap();
    let backend = Backend::new(&fast_http(), origin, PRODUCT).unwrap();
    let vault = Vault::open("app.hrlink.test", BuildKind::Development).expect("a keychain");
    CloudDelivery::new(backend, DeliveredStore::new(dir, vault))
}

/// Signs in for the product as the wizard does, asking for the required permissions only.
async fn sign_in(
    session: &Session,
    cloud: &CloudDelivery,
    provider: ProviderId,
    browser: &dyn BrowserOpener,
) -> Result<StagedCredentials, Problem> {
    (session.sign_in_for_product(cloud, provider, &[], Language::En, browser, &|_| {})).await
}

fn code_for(sandbox: &hrlink_sandbox::Sandbox, provider: &str) -> String {
    sandbox.product().issue(&EnrollmentSpec {
        provider: Some(provider.to_owned()),
        ..EnrollmentSpec::default()
    })
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn employment_hero_is_signed_in_for_the_product_and_delivered_with_its_people() {
    let sandbox = oauth_support::sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let cloud = cloud(&sandbox, dir.path());
    // As the app in cloud mode: no OAuth client of HR Link's own is configured.
    let session = Session::new(fast_http(), common::endpoints(&sandbox));
    cloud
        .redeem(&code_for(&sandbox, "employmenthero"))
        .await
        .unwrap();

    let browser = ScriptedBrowser::new(Consent::allow(employmenthero::ONE_ORGANISATION));
    let staged = sign_in(&session, &cloud, ProviderId::Employmenthero, &browser)
        .await
        .unwrap();
    assert_eq!(browser.visit().await.status, 200);
    let credentials = session.staged(&staged.id).unwrap();
    let tokens = &credentials.grant().expect("a browser sign-in").tokens;
    assert!(tokens.refresh_token.is_none(), "the product holds it");

    let report = session
        .verify(&staged.id, None, None, &|_| {})
        .await
        .unwrap();
    assert!(report.ok, "{:?}", report.problems);
    let listed = session
        .list_people(&staged.id, Disclosure::CountsOnly, &|_| {})
        .await
        .unwrap();
    let total = listed.report.counts.total;
    assert!(total > 1, "the Sandbox organisation has people");
    // The admin leaves one person out, then confirms.
    let left_out = session
        .with_matched(&staged.id, |matched| {
            let entry = matched.entries()[0].id();
            let person = matched.hr_person(&matched.entries()[0]).cloned();
            matched.set_excluded(entry, true).unwrap();
            Ok(person.and_then(|p| p.ids.provider_id).expect("an id"))
        })
        .unwrap();
    let confirmed = session.confirm_people(&staged.id).unwrap();
    assert_eq!(confirmed, total - 1);
    let people = session.people_confirmation(&staged.id).expect("confirmed");
    assert_eq!(people.count, confirmed);
    assert_eq!(people.excluded_ids, vec![left_out]);

    let (credentials, report) = session.verified(&staged.id).unwrap();
    let receipt = cloud
        .deliver(&credentials, &report, Some(people), None)
        .await
        .unwrap();
    let received = sandbox.product().connections();
    let connection = received
        .iter()
        .find(|c| c.id == receipt.profile.connection_id)
        .expect("the product has it");
    assert_eq!(connection.credential_kind, "oauth_exchanged");
    assert_eq!(connection.people_count, Some(u64::from(confirmed)));
    // Exactly one party holds the refresh token: the product. HR Link's access token is one of
    // the product's own, and nothing of it is kept here after the delivery.
    let held = sandbox.product().held_secrets();
    assert!(
        held.iter()
            .any(|s| s == tokens.access_token.expose_secret())
    );
    let kept = cloud
        .store()
        .status_token(&receipt.profile.connection_id)
        .await
        .unwrap();
    assert!(kept.is_some(), "the status token is in the keychain");
    for file in common::files_under(dir.path()) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for secret in &held {
            assert!(!text.contains(secret.as_str()), "{}", file.display());
        }
    }
    cloud
        .store()
        .forget(&receipt.profile.connection_id)
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_sign_in_for_another_system_than_the_code_names_is_refused_before_the_browser() {
    let sandbox = oauth_support::sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let cloud = cloud(&sandbox, dir.path());
    let session = Session::new(fast_http(), common::endpoints(&sandbox));
    let (browser, recorded) = recording_browser();

    // No code redeemed yet: nothing to sign in for.
    let none = sign_in(&session, &cloud, ProviderId::Ipayroll, &browser).await;
    assert!(
        matches!(none, Err(Problem::EnrollmentExpired { .. })),
        "{none:?}"
    );

    cloud
        .redeem(&code_for(&sandbox, "employmenthero"))
        .await
        .unwrap();
    let other = sign_in(&session, &cloud, ProviderId::Ipayroll, &browser).await;
    assert!(
        matches!(other, Err(Problem::ConfigurationInvalid { .. })),
        "{other:?}"
    );
    assert_eq!(recorded.times_opened(), 0);
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn ipayroll_asks_for_the_permissions_the_admin_chose() {
    let sandbox = oauth_support::sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let cloud = cloud(&sandbox, dir.path());
    let session = Session::new(fast_http(), common::endpoints(&sandbox));
    cloud.redeem(&code_for(&sandbox, "ipayroll")).await.unwrap();
    let browser = ScriptedBrowser::new(Consent::allow(ipayroll::API_USER));
    let staged = sign_in(&session, &cloud, ProviderId::Ipayroll, &browser)
        .await
        .unwrap();
    let visit = browser.visit().await;
    let asked = oauth_support::params(&visit.authorize_url)["scope"].clone();
    let required: Vec<&str> = ProviderId::Ipayroll.entry().required().collect();
    assert_eq!(asked, required.join(" "));
    let report = session
        .verify(&staged.id, None, None, &|_| {})
        .await
        .unwrap();
    assert!(report.ok, "{:?}", report.problems);
}
