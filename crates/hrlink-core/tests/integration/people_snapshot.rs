//! The confirmed people list, encrypted at rest with its key in the real OS keychain
//! (`scripts/with-keychain … --include-ignored`): round trip, no personal data in the file,
//! tampering and a lost key are a problem and "no snapshot", removal with the connection.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hrlink_core::Problem;
use hrlink_core::connections::profile;
use hrlink_core::connections::{ConnectionId, ConnectionStatus, ConnectionStore};
use hrlink_core::people::{Person, PersonIds, PersonStatus};
use hrlink_core::vault::{BuildKind, Vault};

const APP_ID: &str = "app.hrlink.test.people-snapshot";
const CANARIES: [&str; 4] = [
    "Canaryfield",
    "zoe.canaryfield@acme.example",
    "Pāora-Canary",
    "ana.canary@acme.example",
];

fn store(dir: &std::path::Path) -> ConnectionStore {
    ConnectionStore::new(
        dir,
        Vault::open(APP_ID, BuildKind::Development).expect("a persistent keychain"),
    )
}

/// A saved connection's profile (the keychain secret is not needed for the snapshot).
fn connection(dir: &std::path::Path) -> ConnectionId {
    let id = ConnectionId::generate();
    profile::write(dir, &crate::connections::profile_with(&id, 1)).unwrap();
    id
}

fn people() -> Vec<Person> {
    let person = |id: &str, first: &str, last: &str, email: &str| Person {
        ids: PersonIds {
            provider_id: Some(id.into()),
            ..PersonIds::default()
        },
        work_email: Some(email.into()),
        status: Some(PersonStatus::Active),
        ..Person::new(first, last)
    };
    vec![
        person("1", "Zoë", "Canaryfield", CANARIES[1]),
        person("2", "Ana", CANARIES[2], CANARIES[3]),
    ]
}

fn file(dir: &std::path::Path, id: &ConnectionId) -> std::path::PathBuf {
    profile::snapshot_path(dir, id)
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn round_trip_through_the_keychain_without_personal_data_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let id = connection(dir.path());
    assert_eq!(store.people_snapshot(&id).await.unwrap(), None);
    store.save_people_snapshot(&id, &people()).await.unwrap();
    let snapshot = store.people_snapshot(&id).await.unwrap().unwrap();
    assert_eq!(snapshot.people, people());
    assert!(snapshot.confirmed_at > 1);
    // Confirmed again: the same key, a new file that opens.
    store
        .save_people_snapshot(&id, &people()[..1])
        .await
        .unwrap();
    assert_eq!(
        store
            .people_snapshot(&id)
            .await
            .unwrap()
            .unwrap()
            .people
            .len(),
        1
    );
    // Nothing under the config dir shows a name or email, plain or base64; no temp file left.
    for entry in std::fs::read_dir(profile::folder(dir.path())).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "left over: {name}");
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for canary in CANARIES {
            for form in [
                canary.to_owned(),
                STANDARD.encode(canary),
                URL_SAFE_NO_PAD.encode(canary),
            ] {
                assert!(!text.contains(&form), "{canary} in {name}");
            }
        }
    }
    store.remove(&id).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_tampered_file_or_a_lost_key_is_a_problem_and_no_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let id = connection(dir.path());
    store.save_people_snapshot(&id, &people()).await.unwrap();
    let path = file(dir.path(), &id);
    let good = std::fs::read(&path).unwrap();
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x80;
    std::fs::write(&path, &bad).unwrap();
    assert_eq!(
        store.people_snapshot(&id).await,
        Err(Problem::PeopleSnapshotUnreadable)
    );
    // Another connection's file under this one's name does not open either.
    let other = connection(dir.path());
    store.save_people_snapshot(&other, &people()).await.unwrap();
    std::fs::copy(file(dir.path(), &other), &path).unwrap();
    assert_eq!(
        store.people_snapshot(&id).await,
        Err(Problem::PeopleSnapshotUnreadable)
    );
    // The key gone from the keychain (another machine, a cleaned keychain).
    std::fs::write(&path, &good).unwrap();
    assert!(store.people_snapshot(&id).await.unwrap().is_some());
    let vault = Vault::open(APP_ID, BuildKind::Development).unwrap();
    vault.delete(&format!("people-key-{id}")).await.unwrap();
    assert_eq!(
        store.people_snapshot(&id).await,
        Err(Problem::PeopleSnapshotUnreadable)
    );
    // Confirming again starts over with a new key.
    store.save_people_snapshot(&id, &people()).await.unwrap();
    assert!(store.people_snapshot(&id).await.unwrap().is_some());
    store.remove(&id).await.unwrap();
    store.remove(&other).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn removing_the_connection_removes_the_snapshot_and_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let id = connection(dir.path());
    store.save_people_snapshot(&id, &people()).await.unwrap();
    let vault = Vault::open(APP_ID, BuildKind::Development).unwrap();
    let key_account = format!("people-key-{id}");
    assert!(vault.read(&key_account).await.unwrap().is_some());
    store.remove(&id).await.unwrap();
    assert!(!file(dir.path(), &id).exists());
    assert!(vault.read(&key_account).await.unwrap().is_none());
    assert!(
        std::fs::read_dir(profile::folder(dir.path()))
            .unwrap()
            .next()
            .is_none()
    );
    // No profile: nothing to keep a snapshot for.
    assert!(matches!(
        store.save_people_snapshot(&id, &people()).await,
        Err(Problem::ConnectionNotFound { .. })
    ));
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn the_profile_records_since_when_the_connection_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let id = connection(dir.path());
    let first = store
        .record_check(&id, ConnectionStatus::FailedAuth)
        .unwrap();
    let since = first.failing_since.expect("the first failure");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = store
        .record_check(&id, ConnectionStatus::Unreachable)
        .unwrap();
    assert_eq!(again.failing_since, Some(since), "the first failure stays");
    // A locked keychain is not the HR system failing.
    let locked = store
        .record_check(&id, ConnectionStatus::VaultLocked)
        .unwrap();
    assert_eq!(locked.failing_since, Some(since));
    let fixed = store
        .record_check(&id, ConnectionStatus::Connected)
        .unwrap();
    assert_eq!(fixed.failing_since, None);
    store.remove(&id).await.unwrap();
}

/// Lists everyone the valid HRworks key sees in `sandbox`.
async fn hrworks_people(sandbox: &hrlink_sandbox::Sandbox) -> Vec<Person> {
    let credentials = crate::common::hrworks(hrlink_sandbox::scenarios::hrworks::VALID);
    hrlink_core::people::list_people(
        &crate::common::fast_http(),
        &crate::common::endpoints(sandbox),
        &credentials,
        None,
        &hrlink_core::people::ListingOptions::default(),
        &|_| {},
    )
    .await
    .result
    .expect("the listing succeeds")
    .people
}

#[tokio::test]
async fn after_turnover_in_the_sandbox_the_diff_shows_who_joined_left_and_changed() {
    use hrlink_core::people::{Disclosure, Field, people_changes};
    let sandbox = crate::common::sandbox().await;
    let before = hrworks_people(&sandbox).await;
    // What an HR team does in a month: two hires, one deletion, one leaver, three moves.
    let api = sandbox.endpoints().hrworks.api.clone();
    let response = reqwest::Client::new()
        .post(format!("{api}/sandbox/turnover"))
        .json(&serde_json::json!({
            "accessKey": hrlink_sandbox::scenarios::hrworks::VALID.access_key,
            "hired": 2, "removed": 1, "terminated": 1, "moved": 3,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let after = hrworks_people(&sandbox).await;
    assert_eq!(after.len(), before.len() + 1);
    let changes = people_changes(&before, &after, 1, Some(2), Disclosure::Full);
    assert_eq!(
        (
            changes.joined.len(),
            changes.left.len(),
            changes.terminated.len()
        ),
        (2, 1, 1),
        "{changes:#?}"
    );
    assert_eq!(changes.changed.len(), 3, "{changes:#?}");
    assert!(
        changes
            .changed
            .iter()
            .all(|c| c.fields.contains(&Field::Location))
    );
    // A wrong key or body is refused, and changes nothing.
    let refused = reqwest::Client::new()
        .post(format!("{api}/sandbox/turnover"))
        .json(&serde_json::json!({ "accessKey": "nope", "hired": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    assert_eq!(hrworks_people(&sandbox).await.len(), after.len());
}
