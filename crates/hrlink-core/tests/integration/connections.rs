//! Saved connections against the real OS keychain (Secret Service on Linux; `scripts/test` runs
//! these inside `scripts/with-keychain` with `--include-ignored`), plus the crash-safety of
//! profile writes (a child process killed with SIGKILL while writing).
//!
//! Re-reading "in a new process" and "killed mid-write" both start this test binary again with
//! an environment marker, running only an inner test (as `oauth_browser.rs` does).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{CANARY, endpoints, fast_http, hrworks_keys, iris, sandbox};
use hrlink_core::config::Config;
use hrlink_core::connections::profile::{self, AccountFingerprint, Profile};
use hrlink_core::connections::{
    ConnectionId, ConnectionStatus, ConnectionStore, StoredSecret, same_account,
};
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::verify::{Account, Credentials, verify, verify_chosen};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::scenarios::hrworks as scenario;
use hrlink_sandbox::scenarios::iris as iris_scenario;
use secrecy::ExposeSecret;

const APP_ID: &str = "app.hrlink.test.connections";
/// Set for the re-read child: `<config dir>\n<connection id>\n<endpoints file>`.
const REREAD_MARKER: &str = "HRLINK_TEST_CONNECTIONS_REREAD";
/// Set for the writer child: the config dir to write profiles into until killed.
const WRITER_MARKER: &str = "HRLINK_TEST_CONNECTIONS_WRITER";

fn vault() -> Vault {
    Vault::open(APP_ID, BuildKind::Development).expect("a persistent keychain")
}

fn rerun(test: &str, marker: &str, value: &str) -> Command {
    crate::rerun(module_path!(), test, marker, value)
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn assert_no_file_contains(dir: &Path, secrets: &[&str]) {
    for file in files(dir) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        for secret in secrets {
            assert!(!text.contains(secret), "a secret in {}", file.display());
        }
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn saves_rereads_in_a_new_process_rotates_and_removes() {
    let sandbox = sandbox().await;
    let endpoints_value = endpoints(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("config");
    let endpoints_file = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&endpoints_file).unwrap();
    let store = ConnectionStore::new(&config_dir, vault());
    let http = fast_http();

    // Save a verified HRworks connection.
    let keys = hrworks_keys(
        scenario::VALID.access_key,
        scenario::VALID.secret_access_key,
    );
    let report = verify(&http, &endpoints_value, &keys, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    let id = store.save("Acme", &keys, &report).await.expect("saved");
    let (profiles, corrupt) = store.list().unwrap();
    assert!(corrupt.is_empty());
    assert_eq!(profiles.len(), 1);
    let saved = &profiles[0];
    assert_eq!(
        (saved.id.clone(), saved.label.as_str()),
        (id.clone(), "Acme")
    );
    assert_eq!(saved.provider, ProviderId::Hrworks);
    assert_eq!(saved.last_status, ConnectionStatus::Connected);
    assert!(same_account(saved, report.account.as_ref().unwrap()));
    assert!(!saved.granted_permissions.is_empty());

    // Re-read in a new process: load by id from the keychain and verify there. The Sandbox
    // runs on this test's runtime, so wait for the child off it.
    let mut child = rerun(
        "reread_child",
        REREAD_MARKER,
        &format!(
            "{}\n{}\n{}",
            config_dir.display(),
            id,
            endpoints_file.display()
        ),
    );
    let output = tokio::task::spawn_blocking(move || child.output())
        .await
        .unwrap()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed") && stdout.contains("REREAD-OK"),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // A health check with the stored keys: connected.
    let outcome = store
        .check(&id, &http, &endpoints_value, &Config::demo())
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    assert!(outcome.profile.last_ok_at.is_some());

    // Rotate: replace the secret in one call; the entry now holds the canary.
    let rotated = hrworks_keys(scenario::VALID.access_key, CANARY);
    store.replace_secret(&id, &rotated).await.unwrap();
    match store.load_secret(&id).await.unwrap() {
        StoredSecret::KeyPair(read) => {
            assert_eq!(read.secret_access_key.expose_secret(), CANARY);
        }
        other => panic!("{other:?}"),
    }
    // The HR system refuses the rotated (canary) key: failed auth, recorded.
    let outcome = store
        .check(&id, &http, &endpoints_value, &Config::demo())
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::FailedAuth);
    assert_eq!(
        store.profile(&id).unwrap().last_status,
        ConnectionStatus::FailedAuth
    );
    // Another provider's credentials are refused for this connection.
    let iris = Credentials::from_text(ProviderId::Iris, b"Username: api\nPassword: pw").unwrap();
    assert!(store.replace_secret(&id, &iris).await.is_err());

    // With the HR system gone: unreachable.
    store.replace_secret(&id, &keys).await.unwrap();
    sandbox.shutdown().await;
    let outcome = store
        .check(&id, &http, &endpoints_value, &Config::demo())
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Unreachable);

    // No secret ever reached a file.
    assert_no_file_contains(dir.path(), &[CANARY, scenario::VALID.secret_access_key]);

    // Remove: keychain entry and profile both gone.
    store.remove(&id).await.unwrap();
    assert!(
        vault()
            .read(&format!("connection-{id}"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(!profile::path(&config_dir, &id).exists());
    assert!(store.list().unwrap().0.is_empty());
    assert!(matches!(
        store.remove(&id).await,
        Err(Problem::ConnectionNotFound { .. })
    ));
    assert!(matches!(
        store
            .check(&id, &http, &endpoints_value, &Config::demo())
            .await,
        Err(Problem::ConnectionNotFound { .. })
    ));
}

#[tokio::test]
#[ignore = "run by saves_rereads_in_a_new_process_rotates_and_removes in a child process"]
async fn reread_child() {
    let Ok(value) = std::env::var(REREAD_MARKER) else {
        eprintln!("SKIPPED: only meaningful in the child process");
        return;
    };
    let mut lines = value.lines();
    let (dir, id, endpoints_file) = (
        lines.next().unwrap(),
        lines.next().unwrap(),
        lines.next().unwrap(),
    );
    let store = ConnectionStore::new(dir, vault());
    let id = ConnectionId::parse(id).unwrap();
    let endpoints = hrlink_core::Endpoints::from_file(Path::new(endpoints_file)).unwrap();
    let credentials = store
        .load_credentials(&id, &fast_http(), &endpoints, &Config::demo())
        .await
        .expect("loaded by id");
    let report = verify(&fast_http(), &endpoints, &credentials, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    println!("REREAD-OK");
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn an_unverified_report_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let keys = hrworks_keys("AKIA0000000000000000", CANARY);
    let report = hrlink_core::verify::VerificationReport::failed(
        ProviderId::Hrworks,
        Problem::CredentialsRejected {
            provider: "HRworks".into(),
        },
    );
    assert!(matches!(
        store.save("Acme", &keys, &report).await,
        Err(Problem::CredentialsRejected { .. })
    ));
    assert!(store.list().unwrap().0.is_empty());
}

pub(crate) fn profile_with(id: &ConnectionId, generation: u64) -> Profile {
    Profile {
        version: profile::PROFILE_VERSION,
        id: id.clone(),
        // Large enough that a write takes more than one syscall's worth of bytes.
        label: format!("generation {generation} {}", "x".repeat(64 * 1024)),
        provider: ProviderId::Hrworks,
        account: AccountFingerprint {
            id: "42".into(),
            name: "Acme GmbH".into(),
            normalised_name: profile::normalise_name("Acme GmbH"),
        },
        hint: String::new(),
        granted_permissions: vec!["persons".into()],
        created_at: generation,
        verified_at: generation,
        last_ok_at: None,
        last_status: ConnectionStatus::Connected,
        failing_since: None,
        chosen_permissions: None,
        origins: None,
        mapping: None,
        mapping_known: None,
        alerted: None,
    }
}

#[test]
fn a_kill_during_a_profile_write_leaves_the_old_or_the_new_profile() {
    if !cfg!(unix) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<ConnectionId> = (0..3)
        .map(|i| ConnectionId::parse(&format!("kill-{i}")).unwrap())
        .collect();
    for id in &ids {
        profile::write(dir.path(), &profile_with(id, 0)).unwrap();
    }
    let mut newest = 0;
    for round in 0..15u64 {
        let writer = rerun("writer_child", WRITER_MARKER, &dir.path().to_string_lossy());
        crate::kill_after_a_while(writer, round);
        let (profiles, corrupt) = profile::read_all(dir.path()).unwrap();
        assert!(corrupt.is_empty(), "round {round}: {corrupt:?}");
        let mut seen: Vec<_> = profiles.iter().map(|p| p.id.clone()).collect();
        seen.sort();
        assert_eq!(seen, ids, "round {round}");
        for profile in &profiles {
            assert!(profile.label.starts_with("generation "));
            newest = newest.max(profile.created_at);
        }
    }
    assert!(
        newest > 0,
        "the writer never got to write: the test proved nothing"
    );
    // Leftover temp files may exist, but none is named like a profile.
    for file in files(dir.path()) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with('.') || ids.iter().any(|id| name == format!("{id}.json")),
            "{name}"
        );
    }
}

#[test]
#[ignore = "run by a_kill_during_a_profile_write_leaves_the_old_or_the_new_profile"]
fn writer_child() {
    let Some(dir) = crate::child_dir(WRITER_MARKER) else {
        return;
    };
    let ids: Vec<ConnectionId> = (0..3)
        .map(|i| ConnectionId::parse(&format!("kill-{i}")).unwrap())
        .collect();
    for generation in 1.. {
        for id in &ids {
            profile::write(&dir, &profile_with(id, generation)).unwrap();
        }
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn reauthorising_refuses_another_company_until_deliberately_replaced() {
    let sandbox = sandbox().await;
    let endpoints = endpoints(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let http = fast_http();
    let verified = async |keys: &Credentials| {
        let report = verify(&http, &endpoints, keys, &|_| {}).await;
        assert!(report.ok, "{report:?}");
        report
    };
    let valid = hrworks_keys(
        scenario::VALID.access_key,
        scenario::VALID.secret_access_key,
    );
    let id = store
        .save("Bakery", &valid, &verified(&valid).await)
        .await
        .unwrap();
    let saved = store.profile(&id).unwrap();

    // Keys of another company: refused, naming both; nothing changes.
    let other = hrworks_keys(
        scenario::OTHER_COMPANY.access_key,
        scenario::OTHER_COMPANY.secret_access_key,
    );
    let other_report = verified(&other).await;
    for typed in [None, Some("Bakery"), Some(saved.account.name.as_str())] {
        match store.reauthorise(&id, &other, &other_report, typed).await {
            Err(Problem::DifferentAccount {
                saved: a,
                reached: b,
                ..
            }) => {
                assert_eq!(a, saved.account.name);
                assert_eq!(b, scenario::OTHER_COMPANY_NAME);
            }
            other => panic!("{typed:?}: {other:?}"),
        }
    }
    assert_eq!(store.profile(&id).unwrap(), saved);
    match store.load_secret(&id).await.unwrap() {
        StoredSecret::KeyPair(keys) => assert_eq!(keys.access_key, scenario::VALID.access_key),
        other => panic!("{other:?}"),
    }

    // New keys of the same company: accepted, the secret replaced, the account kept.
    let same = hrworks_keys(
        scenario::REPEATED_PAGE.access_key,
        scenario::REPEATED_PAGE.secret_access_key,
    );
    let profile = store
        .reauthorise(&id, &same, &verified(&same).await, None)
        .await
        .unwrap();
    assert_eq!(profile.account, saved.account);
    assert_eq!(profile.last_status, ConnectionStatus::Connected);
    assert_ne!(profile.hint, saved.hint);
    match store.load_secret(&id).await.unwrap() {
        StoredSecret::KeyPair(keys) => {
            assert_eq!(keys.access_key, scenario::REPEATED_PAGE.access_key);
        }
        other => panic!("{other:?}"),
    }

    // A failed verification is never saved over a working secret.
    let rejected = hrworks_keys(scenario::UNKNOWN.access_key, CANARY);
    let report = verify(&http, &endpoints, &rejected, &|_| {}).await;
    assert!(matches!(
        store.reauthorise(&id, &rejected, &report, None).await,
        Err(Problem::CredentialsRejected { .. })
    ));

    // Replacing deliberately: the new company's name, typed loosely (case, spaces).
    let typed = format!("  {}  ", scenario::OTHER_COMPANY_NAME.to_uppercase());
    let profile = store
        .reauthorise(&id, &other, &other_report, Some(&typed))
        .await
        .unwrap();
    assert_eq!(profile.account.name, scenario::OTHER_COMPANY_NAME);
    assert_eq!(profile.label, "Bakery");
    assert_no_file_contains(
        dir.path(),
        &[CANARY, scenario::OTHER_COMPANY.secret_access_key],
    );
    store.remove(&id).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn checks_judge_a_connection_by_the_permissions_chosen_when_saving() {
    let sandbox = sandbox().await;
    let endpoints = endpoints(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let http = fast_http();
    let config = Config::demo();
    let contract = vec!["contract".to_owned()];
    let full = iris(iris_scenario::VALID);
    let without_contract = iris(iris_scenario::NO_CONTRACT_RIGHTS);

    // Chosen: the contract details. Saved with the choice; a check finds them granted.
    let report = verify_chosen(&http, &endpoints, &full, &contract, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    let chosen = store.save("Tea rooms", &full, &report).await.unwrap();
    assert_eq!(
        store.profile(&chosen).unwrap().chosen_permissions,
        Some(contract.clone())
    );
    let outcome = store
        .check(&chosen, &http, &endpoints, &config)
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    assert!(outcome.report.unwrap().warnings.is_empty());

    // The contract rights withdrawn from the API user (another user of the same company in
    // the Sandbox): the check demands them, with the exact permission to grant again.
    store
        .replace_secret(&chosen, &without_contract)
        .await
        .unwrap();
    let outcome = store
        .check(&chosen, &http, &endpoints, &config)
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::MissingPermission);
    assert_eq!(
        outcome.problem,
        Some(Problem::PermissionMissing {
            provider: "IRIS HR Professional".into(),
            permission: "contract".into(),
        })
    );
    assert_eq!(
        store.profile(&chosen).unwrap().last_status,
        ConnectionStatus::MissingPermission
    );

    // Re-authorised with nothing optional chosen: the new choice is kept and the same user
    // passes; the full user then grants far more (contracts are personal data): a warning.
    let nothing = verify_chosen(&http, &endpoints, &without_contract, &[], &|_| {}).await;
    let profile = store
        .reauthorise(&chosen, &without_contract, &nothing, None)
        .await
        .unwrap();
    assert_eq!(profile.chosen_permissions, Some(Vec::new()));
    assert_eq!(profile.last_status, ConnectionStatus::Connected);
    store.replace_secret(&chosen, &full).await.unwrap();
    let outcome = store
        .check(&chosen, &http, &endpoints, &config)
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    assert_eq!(
        outcome.report.unwrap().warnings,
        vec![Problem::PermissionsBeyondSelection {
            provider: "IRIS HR Professional".into(),
            permissions: "contract".into(),
        }]
    );

    // Saved without a choice (as before it was recorded): every permission is probed, only
    // the required ones are demanded, and nothing is said about the rest.
    let report = verify(&http, &endpoints, &without_contract, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    let unchosen = store
        .save("Tea rooms", &without_contract, &report)
        .await
        .unwrap();
    assert_eq!(store.profile(&unchosen).unwrap().chosen_permissions, None);
    let outcome = store
        .check(&unchosen, &http, &endpoints, &config)
        .await
        .unwrap();
    assert_eq!(outcome.status, ConnectionStatus::Connected);
    let report = outcome.report.unwrap();
    assert!(report.warnings.is_empty());
    assert!(report.permissions.iter().any(|p| p.id == "contract"));

    store.remove(&chosen).await.unwrap();
    store.remove(&unchosen).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_browser_sign_in_is_checked_by_renewing_it_and_the_rotated_token_is_kept() {
    use crate::oauth_support::{Consent, PATIENT, ScriptedBrowser, options};
    use hrlink_sandbox::scenarios::employmenthero as eh;

    let sandbox = sandbox().await;
    let endpoints = endpoints(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let http = fast_http();
    let config = Config::demo();
    let browser = ScriptedBrowser::new(Consent::allow(eh::ONE_ORGANISATION));
    let credentials = Credentials::sign_in(
        ProviderId::Employmenthero,
        &http,
        &endpoints,
        config.oauth(ProviderId::Employmenthero).unwrap(),
        None,
        &options(&browser, PATIENT),
    )
    .await
    .unwrap();
    let report = verify(&http, &endpoints, &credentials, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    let id = store.save("Hero", &credentials, &report).await.unwrap();
    let refresh_token = async || match store.load_secret(&id).await.unwrap() {
        StoredSecret::OAuth { refresh_token, .. } => refresh_token.expose_secret().to_owned(),
        other => panic!("{other:?}"),
    };

    // Each check renews the sign-in; Employment Hero rotates the refresh token, so the next
    // check works only if the rotated one was stored.
    let mut seen = vec![refresh_token().await];
    for _ in 0..2 {
        let outcome = store.check(&id, &http, &endpoints, &config).await.unwrap();
        assert_eq!(outcome.status, ConnectionStatus::Connected, "{outcome:?}");
        let current = refresh_token().await;
        assert!(!seen.contains(&current), "the refresh token rotated");
        seen.push(current);
    }

    // Without the integration's OAuth client the check cannot renew: a configuration problem,
    // not a health finding.
    let mut no_client = Config::demo();
    no_client
        .oauth_clients
        .retain(|client| client.provider != ProviderId::Employmenthero);
    assert!(matches!(
        store.check(&id, &http, &endpoints, &no_client).await,
        Err(Problem::ConfigurationInvalid { .. })
    ));
    store.remove(&id).await.unwrap();
}

/// Set for the keychain-trouble child: the config dir to try saving into.
const TROUBLE_MARKER: &str = "HRLINK_TEST_CONNECTIONS_KEYCHAIN_TROUBLE";

/// The output of the inner test `child` run through `wrapper` (a program and its arguments that
/// end by running the test binary), with `env` set.
fn run_trouble_child(child: &str, wrapper: &[&str], env: &[(&str, &str)], dir: &Path) -> String {
    let exe = std::env::current_exe().expect("this test binary");
    let name = crate::test_name(module_path!(), child);
    let mut command = Command::new(wrapper[0]);
    command
        .args(&wrapper[1..])
        .arg(exe)
        .args(["--exact", &name, "--include-ignored", "--nocapture"])
        .args(["--test-threads=1"])
        .env(TROUBLE_MARKER, dir)
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the child runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
#[ignore = "needs dbus-run-session and gnome-keyring; scripts/test provides them"]
fn a_missing_or_locked_keychain_is_a_problem_to_retry_and_no_secret_reaches_a_file() {
    // No Secret Service at all: the session bus address leads nowhere.
    let dir = tempfile::tempdir().unwrap();
    let stdout = run_trouble_child(
        "vault_trouble_child",
        &["env"],
        &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")],
        dir.path(),
    );
    assert!(
        stdout.contains("VAULT-PROBLEM=vault_unavailable"),
        "{stdout}"
    );
    assert_no_file_contains(dir.path(), &[CANARY]);

    // A Secret Service whose collection is locked (a private session, so the other tests' one
    // stays unlocked): refused or timed out, never written anywhere else.
    let dir = tempfile::tempdir().unwrap();
    let data_home = tempfile::tempdir().unwrap();
    let script = "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
        && dbus-send --session --print-reply --dest=org.freedesktop.secrets \
           /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
           array:objpath:/org/freedesktop/secrets/collection/login >/dev/null \
        && exec \"$@\"";
    let stdout = run_trouble_child(
        "vault_trouble_child",
        &["dbus-run-session", "--", "sh", "-c", script, "sh"],
        &[("XDG_DATA_HOME", &data_home.path().to_string_lossy())],
        dir.path(),
    );
    assert!(
        stdout.contains("VAULT-PROBLEM=vault_locked")
            || stdout.contains("VAULT-PROBLEM=vault_timed_out"),
        "{stdout}"
    );
    assert_no_file_contains(dir.path(), &[CANARY]);
}

#[tokio::test]
#[ignore = "run by a_missing_or_locked_keychain_is_a_problem_to_retry_… in a child process"]
async fn vault_trouble_child() {
    let Some(dir) = std::env::var_os(TROUBLE_MARKER) else {
        eprintln!("SKIPPED: only meaningful in the child process");
        return;
    };
    let keys = hrworks_keys(scenario::VALID.access_key, CANARY);
    let problem = match Vault::open(APP_ID, BuildKind::Development) {
        Ok(vault) => ConnectionStore::new(PathBuf::from(dir), vault)
            .save("Acme", &keys, &acme_report())
            .await
            .expect_err("no keychain to save into"),
        Err(error) => hrlink_core::connections::vault_problem(&error),
    };
    println!("VAULT-PROBLEM={}", problem.code());
}

/// A successful verification of HRworks company "Acme", without calling anyone.
fn acme_report() -> hrlink_core::verify::VerificationReport {
    hrlink_core::verify::VerificationReport {
        provider: ProviderId::Hrworks,
        ok: true,
        account: Some(hrlink_core::verify::Account {
            id: "1".into(),
            name: "Acme".into(),
        }),
        permissions: Vec::new(),
        people: None,
        problems: Vec::new(),
        warnings: Vec::new(),
        chosen: None,
        origins: None,
    }
}

/// Set for the frozen-keychain child: the config dir to save into.
const FROZEN_MARKER: &str = "HRLINK_TEST_CONNECTIONS_KEYCHAIN_FROZEN";
/// How long the frozen-keychain child waits for each keychain call.
const FROZEN_TIMEOUT: Duration = Duration::from_millis(500);

#[test]
#[ignore = "needs dbus-run-session and gnome-keyring; scripts/test provides them"]
fn a_keychain_that_stops_answering_times_out_and_no_secret_reaches_a_file() {
    // A private Secret Service (so the other tests' one keeps answering), which the child
    // freezes with SIGSTOP. The daemon claims its bus name shortly after `--unlock` returns;
    // asked before, D-Bus would start a second daemon whose keychain is locked.
    let dir = tempfile::tempdir().unwrap();
    let data_home = tempfile::tempdir().unwrap();
    let script = "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
        && for _ in $(seq 100); do \
             dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
               org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets \
               | grep -q true && break; sleep 0.05; done \
        && exec \"$@\"";
    let stdout = run_trouble_child(
        "vault_frozen_child",
        &["dbus-run-session", "--", "sh", "-c", script, "sh"],
        &[
            ("XDG_DATA_HOME", &data_home.path().to_string_lossy()),
            (FROZEN_MARKER, &dir.path().to_string_lossy()),
        ],
        dir.path(),
    );
    assert!(stdout.contains("FROZEN-CHECKED"), "{stdout}");
    assert_no_file_contains(dir.path(), &[CANARY]);
}

/// The Secret Service frozen with SIGSTOP until dropped (then SIGCONT, also when a check fails).
struct Frozen(String);

impl Frozen {
    fn stop(pid: String) -> Frozen {
        let status = Command::new("kill").args(["-STOP", &pid]).status().unwrap();
        assert!(status.success(), "SIGSTOP {pid}");
        Frozen(pid)
    }
}

impl Drop for Frozen {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-CONT", &self.0]).status();
    }
}

/// The process id of whoever owns the Secret Service's bus name.
fn secret_service_pid() -> String {
    let output = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply=literal",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetConnectionUnixProcessID",
            "string:org.freedesktop.secrets",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let pid = text
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_owned();
    assert!(
        output.status.success() && pid.parse::<u32>().is_ok(),
        "no Secret Service pid: {text}"
    );
    pid
}

#[tokio::test]
#[ignore = "run by a_keychain_that_stops_answering_… in a child process"]
async fn vault_frozen_child() {
    use hrlink_core::vault::VaultError;
    use std::time::Instant;
    let Some(dir) = std::env::var_os(FROZEN_MARKER) else {
        eprintln!("SKIPPED: only meaningful in the child process");
        return;
    };
    let dir = PathBuf::from(dir);
    let keys = hrworks_keys(scenario::VALID.access_key, CANARY);
    // Saved while the keychain answers, with the app's patience: a fresh keychain's first call
    // (creating its collection) can take longer than the short timeout below on a busy machine.
    let patient = Vault::open(APP_ID, BuildKind::Development).unwrap();
    let id = ConnectionStore::new(&dir, patient.clone())
        .save("Acme", &keys, &acme_report())
        .await
        .unwrap();
    let vault = patient.clone().with_timeout(FROZEN_TIMEOUT);
    let store = ConnectionStore::new(&dir, vault.clone());
    let canary = secrecy::SecretString::from(CANARY);

    let frozen = Frozen::stop(secret_service_pid());
    // Every keychain call the app makes gives up after the timeout, with the same problem.
    let bounded = |started: Instant, what: &str| {
        let took = started.elapsed();
        assert!(took >= FROZEN_TIMEOUT, "{what} answered: {took:?}");
        assert!(took < FROZEN_TIMEOUT * 4, "{what} took {took:?}");
    };
    let started = Instant::now();
    let saved = store.save("Beta", &keys, &acme_report()).await;
    bounded(started, "save");
    assert_eq!(saved.err(), Some(Problem::VaultTimedOut));
    let started = Instant::now();
    assert_eq!(
        store.load_secret(&id).await.err(),
        Some(Problem::VaultTimedOut)
    );
    bounded(started, "read");
    let started = Instant::now();
    assert_eq!(
        store.replace_secret(&id, &keys).await.err(),
        Some(Problem::VaultTimedOut)
    );
    bounded(started, "rotate");
    let started = Instant::now();
    assert_eq!(store.remove(&id).await.err(), Some(Problem::VaultTimedOut));
    bounded(started, "remove");
    // Writes the keychain will only see once it answers again: a new entry, which is removed
    // again, and a replacement (a rotated token), which stands.
    assert_eq!(
        vault.store_new("late-new", &canary).await,
        Err(VaultError::TimedOut)
    );
    assert_eq!(
        vault.store("late-replace", &canary).await,
        Err(VaultError::TimedOut)
    );
    // The failed save kept no connection; the saved one is still listed (its removal failed).
    let (profiles, corrupt) = store.list().unwrap();
    assert_eq!(profiles.len(), 1);
    assert!(corrupt.is_empty());
    assert_eq!(profiles[0].id, id);

    drop(frozen);
    // The late calls go through once the keychain answers; give them time.
    let mut late_replace = None;
    for _ in 0..50 {
        late_replace = patient.read("late-replace").await.unwrap();
        if late_replace.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        late_replace.map(|secret| secret.expose_secret().to_owned()),
        Some(CANARY.to_owned()),
        "the late replacement was written"
    );
    // The late new entry (asked for before the replacement, so written by now) is removed.
    let mut late_new = patient.read("late-new").await.unwrap();
    for _ in 0..50 {
        if late_new.is_none() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        late_new = patient.read("late-new").await.unwrap();
    }
    assert!(late_new.is_none(), "a save that timed out left its secret");
    patient.delete("late-replace").await.unwrap();
    println!("FROZEN-CHECKED");
}

#[test]
fn already_connected_is_the_same_system_and_the_same_account_id() {
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let account = |id: &str, name: &str| Account {
        id: id.into(),
        name: name.into(),
    };
    let saved = ConnectionId::parse("acme-hrworks").unwrap();
    profile::write(dir.path(), &profile_with(&saved, 1)).unwrap();
    let found = |provider, id, name| {
        store
            .already_connected(provider, &account(id, name))
            .unwrap()
            .map(|profile| profile.id)
    };
    // The company renamed since: still the same account.
    assert_eq!(
        found(ProviderId::Hrworks, "42", "Acme Holding GmbH"),
        Some(saved.clone())
    );
    // Another account with the same name, or the same id in another HR system: not connected.
    assert_eq!(found(ProviderId::Hrworks, "43", "Acme GmbH"), None);
    assert_eq!(found(ProviderId::Iris, "42", "Acme GmbH"), None);
}
