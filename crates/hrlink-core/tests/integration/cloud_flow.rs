//! The cloud hand-off as the app's wizard walks it (`delivery::CloudDelivery`): a code typed
//! loosely, the enrollment kept between the steps and through a refusal (so "Try again" can
//! send once more), spent after a 201, and the product's status asked with the kept token.

use hrlink_core::delivery::{Backend, CloudDelivery, DeliveredStatus, DeliveredStore, Origin};
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::verify;
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::product::REAUTHORISE_CONNECTION;
use hrlink_sandbox::scenarios::hrworks;

use crate::common::{self, fast_http};

const PRODUCT: &str = "Acme Rostering";

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn the_wizard_redeems_delivers_once_and_asks_the_status() {
    let sandbox = common::sandbox().await;
    let origin = Origin::parse(&sandbox.endpoints().product.api).unwrap();
    let backend = Backend::new(&fast_http(), origin, PRODUCT).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open("app.hrlink.test", BuildKind::Development).expect("a keychain");
    let cloud = CloudDelivery::new(backend, DeliveredStore::new(dir.path(), vault));

    // Typed as people do: small letters, a space, no "HRL-".
    let summary = cloud.redeem("rea7 hrwk").await.unwrap();
    assert_eq!(summary.tenant.name, "Kōwhai Gardening Ltd");
    assert_eq!(summary.provider, Some(ProviderId::Hrworks));
    assert_eq!(summary.created_by.as_ref().unwrap().name, "Aroha Ngata");
    assert_eq!(summary.clone().masked().created_by.unwrap().name, "A. N.");
    let http = fast_http();
    let endpoints = common::endpoints(&sandbox);

    // Another company is refused before sending, and the enrollment stays for another try.
    let other = common::hrworks(hrworks::OTHER_COMPANY);
    let report = verify::verify(&http, &endpoints, &other, &|_| {}).await;
    let refused = cloud
        .deliver(&other, &report, None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, Problem::DeliveryDifferentAccount { .. }),
        "{refused:?}"
    );
    assert_eq!(sandbox.product().connection_posts(), 0);

    let same = common::hrworks(hrworks::VALID);
    let report = verify::verify(&http, &endpoints, &same, &|_| {}).await;
    let receipt = cloud.deliver(&same, &report, None, None).await.unwrap();
    assert_eq!(receipt.profile.connection_id, REAUTHORISE_CONNECTION);
    assert_eq!(receipt.status, "connected");
    assert_eq!(cloud.store().list().unwrap(), vec![receipt.profile.clone()]);

    // Spent: a second send is refused here, nothing reaches the product.
    let again = cloud.deliver(&same, &report, None, None).await.unwrap_err();
    assert_eq!(
        again,
        Problem::EnrollmentExpired {
            product: PRODUCT.into()
        }
    );
    assert_eq!(sandbox.product().connection_posts(), 1);

    let health = cloud.status(REAUTHORISE_CONNECTION).await.unwrap();
    assert_eq!(health.status, DeliveredStatus::Connected);
    assert!(
        sandbox
            .product()
            .set_status(REAUTHORISE_CONNECTION, "failed_auth")
    );
    let health = cloud.status(REAUTHORISE_CONNECTION).await.unwrap();
    assert_eq!(health.status, DeliveredStatus::FailedAuth);
    cloud.store().forget(REAUTHORISE_CONNECTION).await.unwrap();
    assert!(matches!(
        cloud.status(REAUTHORISE_CONNECTION).await,
        Err(Problem::ConnectionNotFound { .. })
    ));
}
