//! Issue 15 item 1: a saved secret goes only to the addresses it was verified against, for
//! every use that reads it from the keychain (`connections check`, `people --connection`, the
//! app's Check; `credential_access.rs` covers `credential get`), against two Sandboxes over
//! loopback and the real Secret Service (`scripts/test` runs these with `--include-ignored`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use common::{endpoints, fast_http, hrworks, sandbox};
use hrlink_core::config::Config;
use hrlink_core::connections::profile;
use hrlink_core::connections::{ConnectionId, ConnectionStatus, ConnectionStore, secret};
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::verify::verify;
use hrlink_core::{Endpoints, Problem};
use hrlink_sandbox::scenarios::hrworks as scenario;
use hrlink_sandbox::{Provider, Sandbox};

const APP_ID: &str = "app.hrlink.test.connection-binding";

fn vault() -> Vault {
    Vault::open(APP_ID, BuildKind::Development).expect("a persistent keychain")
}

/// An HRworks key verified at `sandbox` and saved (bound to its addresses).
async fn saved(store: &ConnectionStore, sandbox: &Sandbox) -> ConnectionId {
    let credentials = hrworks(scenario::VALID);
    let report = verify(&fast_http(), &endpoints(sandbox), &credentials, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    store.save("Acme", &credentials, &report).await.unwrap()
}

async fn check(
    store: &ConnectionStore,
    id: &ConnectionId,
    at: &Endpoints,
) -> Result<hrlink_core::connections::CheckOutcome, Problem> {
    store.check(id, &fast_http(), at, &Config::demo()).await
}

fn moved(result: &Result<impl std::fmt::Debug, Problem>) -> bool {
    matches!(result, Err(Problem::ConnectionEndpointChanged { saved, now }) if saved != now)
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_saved_secret_is_checked_and_loaded_only_where_it_was_verified() {
    let (home, elsewhere) = (sandbox().await, sandbox().await);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let id = saved(&store, &home).await;
    let before = store.profile(&id).unwrap();

    // The Check (app and `connections check`) at other addresses: refused, nothing sent, the
    // status as it was.
    let other = endpoints(&elsewhere);
    let checked = check(&store, &id, &other).await;
    assert!(moved(&checked), "{checked:?}");
    // `people --connection` reads the credentials the same way.
    let loaded = store
        .load_credentials(&id, &fast_http(), &other, &Config::demo())
        .await;
    assert!(moved(&loaded), "{loaded:?}");
    assert_eq!(
        elsewhere.stats().requests(Provider::HrWorks),
        0,
        "nothing sent"
    );
    let after = store.profile(&id).unwrap();
    assert_eq!(after.last_status, before.last_status);
    assert_eq!(after.verified_at, before.verified_at);

    // At home it is checked as ever.
    let outcome = check(&store, &id, &endpoints(&home)).await.unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    assert!(!outcome.newly_bound);
    store.remove(&id).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_connection_saved_before_bindings_is_bound_by_its_first_passing_check() {
    let (home, elsewhere) = (sandbox().await, sandbox().await);
    let dir = tempfile::tempdir().unwrap();
    let vault = vault();
    let store = ConnectionStore::new(dir.path(), vault.clone());
    let id = saved(&store, &home).await;
    // As written before bindings: neither the profile nor the keychain entry has addresses.
    let mut old = store.profile(&id).unwrap();
    old.origins = None;
    profile::write(dir.path(), &old).unwrap();
    let stored = store.load_secret(&id).await.unwrap();
    let entry = secret::encode_stored(&stored, None).unwrap();
    vault.store(&id.vault_account(), &entry).await.unwrap();

    let outcome = check(&store, &id, &endpoints(&home)).await.unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    assert!(outcome.newly_bound, "bound by the check that passed");
    assert!(store.profile(&id).unwrap().origins.is_some());

    // From then on it is held there, by the profile and by the keychain entry alone.
    assert!(moved(&check(&store, &id, &endpoints(&elsewhere)).await));
    let mut edited = store.profile(&id).unwrap();
    edited.origins = None;
    profile::write(dir.path(), &edited).unwrap();
    assert!(moved(&check(&store, &id, &endpoints(&elsewhere)).await));
    assert_eq!(
        elsewhere.stats().requests(Provider::HrWorks),
        0,
        "nothing sent"
    );
    store.remove(&id).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn reauthorising_elsewhere_binds_the_connection_there() {
    let (home, elsewhere) = (sandbox().await, sandbox().await);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let id = saved(&store, &home).await;
    let credentials = hrworks(scenario::VALID);
    let report = verify(&fast_http(), &endpoints(&elsewhere), &credentials, &|_| {}).await;
    store
        .reauthorise(&id, &credentials, &report, None)
        .await
        .unwrap();
    let outcome = check(&store, &id, &endpoints(&elsewhere)).await.unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    assert!(moved(&check(&store, &id, &endpoints(&home)).await));
    store.remove(&id).await.unwrap();
}
