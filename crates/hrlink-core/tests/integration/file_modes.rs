//! Every file HR Link writes is private from creation: 0600 files in 0700 folders, whatever the
//! umask allows (the config dir, its profiles, the encrypted people snapshot, the wizard's
//! draft, and the pages and exports the admin saves). The CLI's own files are checked in
//! `crates/hrlink-cli/tests/cli_verify.rs`, the app's in `src-tauri/tests/app/commands.rs`.
#![cfg(unix)]

use crate::common::{assert_private, endpoints, fast_http, hrworks, sandbox};
use hrlink_core::ProviderId;
use hrlink_core::connections::ConnectionStore;
use hrlink_core::messages::Language;
use hrlink_core::people::Person;
use hrlink_core::providers::guide;
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::verify::verify;
use hrlink_core::wizard::{self, DraftStep, WizardDraft};
use hrlink_sandbox::scenarios::hrworks as scenario;

fn draft() -> WizardDraft {
    WizardDraft {
        provider: ProviderId::Hrworks,
        optional: Vec::new(),
        guide_screen: 1,
        username: String::new(),
        step: DraftStep::Guide,
        target: None,
    }
}

#[test]
fn the_draft_and_the_files_the_admin_saves_are_private() {
    let home = tempfile::tempdir().unwrap();
    // A config dir that does not exist yet, two levels deep: both folders are created 0700.
    let config_dir = home.path().join("config").join("hrlink");
    wizard::save(&config_dir, draft()).unwrap();
    assert_private(&home.path().join("config"));

    let chosen = tempfile::tempdir().unwrap();
    let page = chosen.path().join("hrlink-hrworks-steps.html");
    let sheet = guide::handoff_page(Language::En, "Steps", "<p>HRworks</p>");
    guide::write_handoff_page(&page, &sheet).unwrap();
    // The people export (app and CLI) goes through the same writer.
    let export = chosen.path().join("people.csv");
    hrlink_core::files::write_chosen_file(&export, b"category,hr_name\n").unwrap();
    // The folder is the admin's own: only the files are HR Link's.
    assert_private(&page);
    assert_private(&export);
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_saved_connection_and_its_confirmed_people_are_private() {
    let sandbox = sandbox().await;
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("hrlink");
    let vault = Vault::open("app.hrlink.test.file-modes", BuildKind::Development)
        .expect("a persistent keychain");
    let store = ConnectionStore::new(&config_dir, vault);
    let keys = hrworks(scenario::VALID);
    let report = verify(&fast_http(), &endpoints(&sandbox), &keys, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    let id = store.save("Acme", &keys, &report).await.unwrap();
    store
        .save_people_snapshot(&id, &[Person::new("Ana", "Example")])
        .await
        .unwrap();
    store.rename(&id, "Acme Ltd").unwrap();
    wizard::save(&config_dir, draft()).unwrap();
    assert_private(&config_dir);
    store.remove(&id).await.unwrap();
    sandbox.shutdown().await;
}
