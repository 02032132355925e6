//! Against the real OS keychain (Secret Service on Linux). `scripts/test` starts a private D-Bus
//! session with an unlocked gnome-keyring and runs these with `--include-ignored`.

use hrlink_core::vault::{BuildKind, Vault};
use secrecy::{ExposeSecret, SecretString};

const CANARY: &str = "CANARY-keychain-7f3a9c";

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn stores_rereads_and_deletes_in_the_persistent_store() {
    // `open` refuses a store that would not persist: keyring's mock fallback fails here.
    let vault =
        Vault::open("app.hrlink.test", BuildKind::Development).expect("a persistent keychain");
    let account = format!("connection-{}", std::process::id());
    vault
        .store(&account, &SecretString::from(CANARY))
        .await
        .expect("store");

    // A second vault value means fresh keyring entries: the secret comes from the store itself.
    let reopened = Vault::open("app.hrlink.test", BuildKind::Development).unwrap();
    let read = reopened
        .read(&account)
        .await
        .expect("read")
        .expect("present");
    assert_eq!(read.expose_secret(), CANARY);

    reopened.delete(&account).await.expect("delete");
    assert!(
        vault
            .read(&account)
            .await
            .expect("read after delete")
            .is_none()
    );
    // Deleting again is fine: nothing to remove.
    vault.delete(&account).await.expect("second delete");
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn development_and_release_entries_are_separate() {
    let dev = Vault::open("app.hrlink.test", BuildKind::Development).unwrap();
    let release = Vault::open("app.hrlink.test", BuildKind::Release).unwrap();
    assert_ne!(dev.service(), release.service());
    let account = format!("separate-{}", std::process::id());
    dev.store(&account, &SecretString::from(CANARY))
        .await
        .unwrap();
    assert!(release.read(&account).await.unwrap().is_none());
    dev.delete(&account).await.unwrap();
}
