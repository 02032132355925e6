//! The real commands against the in-process Sandbox, with the state the app manages
//! (`AppState::start` without endpoints starts the Sandbox on loopback).
//!
//! The commands are called as functions with a `State` from a mock app rather than through IPC:
//! `specta_builder()` is a `Builder<Wry>`, which `tauri::test`'s mock runtime cannot host. What
//! IPC adds on top (argument decoding, JSON encoding) is imitated: inputs are decoded from the
//! JSON the UI sends, and every answer and channel payload is encoded to JSON, the only form in
//! which it can reach the webview, and searched for secrets.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::sync::{Arc, Mutex};

use hrlink_core::ProviderId;
use hrlink_core::messages::Language;
use hrlink_desktop_lib::testing::{
    AppState, Options, app, connections, credentials, guide, people, sign_in, verify, wizard,
};
use hrlink_sandbox::SandboxConfig;
use hrlink_sandbox::scenarios::{KeyPair, Login, hrworks, iris};
use serde::Serialize;
use serde_json::{Value, json};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::test::MockRuntime;
use tauri::{App, Manager};

/// A secret that must never come back across the boundary.
const CANARY: &str = "CANARY-7f3a9c-do-not-print";

/// A mock app managing the state the real app starts with (Sandbox endpoints, demo config),
/// and a record of everything sent back towards the webview, as JSON.
struct Shell {
    app: App<MockRuntime>,
    sent: Arc<Mutex<Vec<String>>>,
}

impl Shell {
    async fn start() -> Shell {
        Shell::start_with(Options::default(), None).await
    }

    /// The app with its config (and connections) folder at `config_dir`.
    async fn start_in(config_dir: Option<&std::path::Path>) -> Shell {
        Shell::start_with(Options::default(), config_dir).await
    }

    /// The app in screen-share mode (`--support`).
    async fn start_in_screen_share_mode() -> Shell {
        let options = Options {
            support: true,
            ..Options::default()
        };
        Shell::start_with(options, None).await
    }

    async fn start_with(options: Options, config_dir: Option<&std::path::Path>) -> Shell {
        let state = AppState::start(options, config_dir)
            .await
            .expect("start the app state with the in-process Sandbox");
        assert!(
            state.demo.is_some(),
            "no endpoints given: the Sandbox serves"
        );
        let app = tauri::test::mock_app();
        app.manage(state);
        Shell {
            app,
            sent: Arc::default(),
        }
    }

    /// Records an answer as the IPC layer would encode it (`Ok` and `Err` alike).
    fn answer<T: Serialize, E: Serialize>(&self, result: &Result<T, E>) -> Value {
        let json = match result {
            Ok(value) => serde_json::to_string(value),
            Err(error) => serde_json::to_string(error),
        }
        .expect("answers serialise");
        self.sent.lock().unwrap().push(json.clone());
        serde_json::from_str(&json).unwrap()
    }

    /// A progress channel recording every payload; returns it with the list it fills.
    fn channel<T>(&self) -> (Channel<T>, Arc<Mutex<Vec<Value>>>) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let (sink, sent) = (events.clone(), self.sent.clone());
        let channel = Channel::new(move |body| {
            let json = match body {
                InvokeResponseBody::Json(json) => json,
                InvokeResponseBody::Raw(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            };
            sink.lock()
                .unwrap()
                .push(serde_json::from_str(&json).expect("progress is JSON"));
            sent.lock().unwrap().push(json);
            Ok(())
        });
        (channel, events)
    }

    /// `stage_credentials` with the pasted-text input the UI sends.
    fn stage(&self, provider: ProviderId, text: &str) -> Value {
        let input: credentials::CredentialInput =
            serde_json::from_value(json!({"kind": "text", "text": text}))
                .expect("the UI's input shape decodes");
        let result = credentials::stage_credentials(self.app.state(), provider, input);
        self.answer(&result)
    }

    /// `verify_connection` with no optional permission chosen: the answer and the progress
    /// events.
    async fn verify(&self, id: &str) -> (Value, Vec<Value>) {
        self.verify_choosing(id, &[]).await
    }

    /// `verify_connection` with the `optional` permissions chosen.
    async fn verify_choosing(&self, id: &str, optional: &[&str]) -> (Value, Vec<Value>) {
        let (channel, events) = self.channel();
        let optional = optional.iter().map(|&o| o.to_owned()).collect();
        let result =
            verify::verify_connection(self.app.state(), id.to_owned(), optional, None, channel)
                .await;
        let answer = self.answer(&result);
        let events = events.lock().unwrap().clone();
        (answer, events)
    }

    /// `list_people`: the answer and the progress events.
    async fn list_people(&self, id: &str) -> (Value, Vec<Value>) {
        let (channel, events) = self.channel();
        let result = people::list_people(self.app.state(), id.to_owned(), channel).await;
        let answer = self.answer(&result);
        let events = events.lock().unwrap().clone();
        (answer, events)
    }

    /// Fails if any answer or channel payload so far contains `secret`.
    fn assert_never_sent(&self, secret: &str) {
        for json in self.sent.lock().unwrap().iter() {
            assert!(
                !json.contains(secret),
                "a secret crossed back to the webview in: {json}"
            );
        }
    }
}

fn key_file(pair: KeyPair) -> String {
    format!(
        "Access Key: {}\r\nSecret Access Key: {}\r\n",
        pair.access_key, pair.secret_access_key
    )
}

fn iris_text(login: Login) -> String {
    format!(
        "Username: {}\nPassword: {}\n",
        login.username, login.password
    )
}

fn staged_id(staged: &Value) -> String {
    staged["id"]
        .as_str()
        .unwrap_or_else(|| panic!("staging succeeds, got {staged}"))
        .to_owned()
}

fn problem_codes(report: &Value) -> Vec<&str> {
    report["problems"]
        .as_array()
        .expect("report.problems is a list")
        .iter()
        .map(|p| p["code"].as_str().expect("a problem has a code"))
        .collect()
}

/// The steps a verification reports, in the JSON the UI receives.
fn step(kind: &str) -> Value {
    json!({"kind": kind})
}

fn assert_step_ran_ok(events: &[Value], step: &Value) {
    assert!(
        events.contains(&json!({"state": "started", "step": step})),
        "no Started for {step}: {events:#?}"
    );
    assert!(
        events.contains(&json!({"state": "finished", "step": step, "ok": true})),
        "no successful Finished for {step}: {events:#?}"
    );
}

#[tokio::test]
async fn a_valid_hrworks_key_file_verifies_with_live_progress() {
    let shell = Shell::start().await;
    let staged = shell.stage(ProviderId::Hrworks, &key_file(hrworks::VALID));
    assert_eq!(staged["provider"], "hrworks");
    let hint = staged["hint"].as_str().expect("a masked hint");
    assert!(
        !hint.contains(hrworks::VALID.access_key),
        "the hint masks the access key: {hint}"
    );

    let (report, events) = shell.verify(&staged_id(&staged)).await;
    assert_eq!(report["ok"], true, "the valid key verifies: {report:#}");
    assert_eq!(report["provider"], "hrworks");
    assert_eq!(report["account"]["name"], hrworks::COMPANY);
    assert!(problem_codes(&report).is_empty(), "{report:#}");

    let permissions: Vec<&str> = report["permissions"]
        .as_array()
        .expect("report.permissions")
        .iter()
        .map(|p| p["id"].as_str().expect("permission id"))
        .collect();
    assert!(
        permissions.contains(&"persons") && permissions.contains(&"persons.master-data"),
        "the required HRworks permissions are probed: {permissions:?}"
    );
    let mut steps = vec![step("authenticate"), step("account")];
    steps.extend(
        permissions
            .iter()
            .map(|id| json!({"kind": "permission", "id": id})),
    );
    steps.push(step("people"));
    for step in &steps {
        assert_step_ran_ok(&events, step);
    }
    assert_eq!(
        events.len(),
        steps.len() * 2,
        "one Started and one Finished per step, nothing else: {events:#?}"
    );
    assert_eq!(
        events.first(),
        Some(&json!({"state": "started", "step": step("authenticate")})),
        "authentication comes first"
    );

    shell.assert_never_sent(hrworks::VALID.secret_access_key);
}

#[tokio::test]
async fn a_rejected_key_reports_credentials_rejected() {
    let shell = Shell::start().await;
    let staged = shell.stage(ProviderId::Hrworks, &key_file(hrworks::UNKNOWN));
    let (report, events) = shell.verify(&staged_id(&staged)).await;
    assert_eq!(report["ok"], false, "{report:#}");
    assert!(report["account"].is_null(), "{report:#}");
    assert!(
        problem_codes(&report).contains(&"credentials_rejected"),
        "{report:#}"
    );
    assert!(
        events.contains(&json!({"state": "finished", "step": step("authenticate"), "ok": false})),
        "authentication is reported as failed: {events:#?}"
    );
    shell.assert_never_sent(hrworks::UNKNOWN.secret_access_key);
}

#[tokio::test]
async fn an_iris_login_text_verifies() {
    let shell = Shell::start().await;
    let staged = shell.stage(ProviderId::Iris, &iris_text(iris::VALID));
    assert_eq!(staged["provider"], "iris");
    let (report, events) = shell.verify(&staged_id(&staged)).await;
    assert_eq!(report["ok"], true, "{report:#}");
    assert_eq!(report["provider"], "iris");
    assert_eq!(report["account"]["name"], iris::COMPANY);
    assert_step_ran_ok(&events, &step("authenticate"));
    shell.assert_never_sent(iris::VALID.password);
}

#[tokio::test]
async fn discarded_credentials_are_expired() {
    let shell = Shell::start().await;
    let id = staged_id(&shell.stage(ProviderId::Hrworks, &key_file(hrworks::VALID)));
    credentials::discard_credentials(shell.app.state(), id.clone());
    let (answer, events) = shell.verify(&id).await;
    assert_eq!(answer["code"], "credentials_expired", "{answer:#}");
    assert!(events.is_empty(), "nothing ran: {events:#?}");

    let (answer, _) = shell.verify("staged-never-issued").await;
    assert_eq!(answer["code"], "credentials_expired", "{answer:#}");
    shell.assert_never_sent(hrworks::VALID.secret_access_key);
}

#[tokio::test]
async fn a_canary_secret_never_crosses_back() {
    let shell = Shell::start().await;

    // Every command the mock runtime can host, each answer recorded as JSON.
    let info = app::app_info(shell.app.state());
    assert_eq!(shell.answer::<_, ()>(&Ok(info))["demo"], true);
    let providers = app::list_providers();
    assert_eq!(
        shell
            .answer::<_, ()>(&Ok(providers))
            .as_array()
            .map(Vec::len),
        Some(ProviderId::ALL.len())
    );
    sign_in::cancel_sign_in(shell.app.state());
    let guides = shell.answer::<_, ()>(&Ok(guide::provider_guides(shell.app.state())));
    assert_eq!(guides.as_array().map(Vec::len), Some(ProviderId::ALL.len()));
    // The rule's answer names the broken rule, never the text typed.
    let refused = shell.answer(&guide::check_ipayroll_username(CANARY.to_owned()));
    assert_eq!(refused["code"], "ipayroll_username_invalid");
    assert_eq!(
        shell.answer(&guide::check_ipayroll_username("49764apihrlink".to_owned())),
        Value::Null
    );

    // The canary as an HRworks secret (staged or refused, either way recorded) ...
    let hrworks_canary = format!(
        "Access Key: {}\r\nSecret Access Key: {CANARY}\r\n",
        hrworks::VALID.access_key
    );
    let staged = shell.stage(ProviderId::Hrworks, &hrworks_canary);
    if let Some(id) = staged["id"].as_str() {
        let (report, _) = shell.verify(id).await;
        assert_eq!(
            report["ok"], false,
            "a wrong secret cannot verify: {report:#}"
        );
    }
    // ... as an IRIS password, which verifies and is rejected by the Sandbox ...
    let staged = shell.stage(
        ProviderId::Iris,
        &format!("Username: {}\nPassword: {CANARY}\n", iris::VALID.username),
    );
    let (report, events) = shell.verify(&staged_id(&staged)).await;
    assert_eq!(report["ok"], false, "{report:#}");
    assert!(!events.is_empty(), "the IRIS check ran");
    // ... and as text that is no credential at all (a parse error must not echo it).
    shell.stage(ProviderId::Hrworks, &format!("{CANARY}\n{CANARY}"));
    shell.stage(ProviderId::Iris, CANARY);

    assert!(
        shell.sent.lock().unwrap().len() >= 7,
        "the answers were recorded"
    );
    shell.assert_never_sent(CANARY);
    shell.assert_never_sent("CANARY");
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_verified_key_is_saved_checked_renamed_reauthorised_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start_in(Some(dir.path())).await;
    let state = || shell.app.state::<AppState>();
    let listed = |shell: &Shell| {
        let list = connections::list_connections(shell.app.state());
        shell.answer(&list)["connections"].clone()
    };
    assert_eq!(listed(&shell), json!([]));

    // Saving needs a verification first.
    let staged = staged_id(&shell.stage(ProviderId::Hrworks, &key_file(hrworks::VALID)));
    let early = connections::save_connection(state(), staged.clone(), "Bakery".into()).await;
    assert_eq!(shell.answer(&early)["code"], "credentials_expired");
    let (report, _) = shell.verify(&staged).await;
    assert_eq!(report["ok"], true);
    let draft = serde_json::from_value(json!({
        "provider": "hrworks", "optional": [], "guide_screen": 0, "username": "",
        "step": "verification", "target": null
    }))
    .unwrap();
    wizard::save_wizard_draft(state(), draft).unwrap();
    let saved = connections::save_connection(state(), staged.clone(), " Bakery ".into()).await;
    // The wizard's draft has done its job once the connection is saved.
    assert!(wizard::load_wizard_draft(state()).is_none());
    let saved = shell.answer(&saved);
    assert_eq!(
        saved["people_not_kept"],
        Value::Null,
        "no people were confirmed"
    );
    let saved = &saved["connection"];
    assert_eq!(saved["label"], "Bakery");
    assert_eq!(saved["status"], "connected");
    assert_eq!(saved["account"]["name"], hrworks::COMPANY);
    assert_eq!(saved["chosen_permissions"], json!([]), "none chosen");
    let id = saved["id"].as_str().unwrap().to_owned();
    assert_eq!(listed(&shell).as_array().unwrap().len(), 1);
    // Saved credentials are no longer staged: they cannot be saved twice.
    let again = connections::save_connection(state(), staged, "Twice".into()).await;
    assert_eq!(shell.answer(&again)["code"], "credentials_expired");

    let checked = connections::check_connection(state(), id.clone()).await;
    let checked = shell.answer(&checked);
    assert_eq!(checked["connection"]["status"], "connected");
    assert_eq!(checked["problem"], Value::Null);
    assert_eq!(checked["warnings"], json!([]));

    let renamed = connections::rename_connection(state(), id.clone(), "Head office".into());
    assert_eq!(shell.answer(&renamed)["label"], "Head office");
    // A webview calling the command directly cannot store a huge label or terminal controls.
    let huge = format!("\u{1b}]0;pwned\u{7}{}", "x".repeat(4 * 1024 * 1024));
    let refused = connections::rename_connection(state(), id.clone(), huge);
    assert_eq!(shell.answer(&refused)["code"], "connection_label_invalid");
    assert_eq!(listed(&shell)[0]["label"], "Head office");

    // Another company's key: refused, then replaced deliberately.
    let other = staged_id(&shell.stage(ProviderId::Hrworks, &key_file(hrworks::OTHER_COMPANY)));
    shell.verify(&other).await;
    let refused =
        connections::reauthorise_connection(state(), id.clone(), other.clone(), None).await;
    let refused = shell.answer(&refused);
    assert_eq!(refused["code"], "different_account");
    assert_eq!(refused["params"]["saved"], hrworks::COMPANY);
    assert_eq!(refused["params"]["reached"], hrworks::OTHER_COMPANY_NAME);
    let replaced = connections::reauthorise_connection(
        state(),
        id.clone(),
        other,
        Some(hrworks::OTHER_COMPANY_NAME.to_lowercase()),
    )
    .await;
    assert_eq!(
        shell.answer(&replaced)["connection"]["account"]["name"],
        hrworks::OTHER_COMPANY_NAME
    );

    let removed = connections::remove_connection(state(), id.clone()).await;
    assert_eq!(shell.answer(&removed), Value::Null);
    assert_eq!(listed(&shell), json!([]));
    let gone = connections::check_connection(state(), id).await;
    assert_eq!(shell.answer(&gone)["code"], "connection_not_found");

    for secret in [
        hrworks::VALID.secret_access_key,
        hrworks::OTHER_COMPANY.secret_access_key,
    ] {
        shell.assert_never_sent(secret);
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_connection_keeps_the_permissions_chosen_and_its_checks_judge_by_them() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start_in(Some(dir.path())).await;
    let state = || shell.app.state::<AppState>();

    // HRworks with the departments chosen: kept with the connection, found granted.
    let staged = staged_id(&shell.stage(ProviderId::Hrworks, &key_file(hrworks::VALID)));
    let (report, _) = shell
        .verify_choosing(&staged, &["organization-units"])
        .await;
    assert_eq!(report["ok"], true, "{report:#}");
    let saved = connections::save_connection(state(), staged, "Bakery".into()).await;
    let saved = shell.answer(&saved)["connection"].clone();
    assert_eq!(saved["chosen_permissions"], json!(["organization-units"]));
    let id = saved["id"].as_str().unwrap().to_owned();
    let checked = connections::check_connection(state(), id.clone()).await;
    let checked = shell.answer(&checked);
    assert_eq!(checked["connection"]["status"], "connected");
    assert_eq!(checked["warnings"], json!([]));

    // IRIS with nothing optional chosen: the API user may still read contracts, personal data
    // HR Link does not read. The check says so, and the connection still works.
    let tea = staged_id(&shell.stage(ProviderId::Iris, &iris_text(iris::VALID)));
    let (report, _) = shell.verify(&tea).await;
    assert_eq!(report["ok"], true, "{report:#}");
    let saved = connections::save_connection(state(), tea, "Tea rooms".into()).await;
    let tea_id = shell.answer(&saved)["connection"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let checked = connections::check_connection(state(), tea_id.clone()).await;
    let checked = shell.answer(&checked);
    assert_eq!(checked["connection"]["status"], "connected");
    assert_eq!(checked["connection"]["chosen_permissions"], json!([]));
    assert_eq!(checked["problem"], Value::Null);
    assert_eq!(
        checked["warnings"][0]["code"],
        "permissions_beyond_selection"
    );
    assert_eq!(checked["warnings"][0]["params"]["permissions"], "contract");

    for id in [id, tea_id] {
        connections::remove_connection(state(), id).await.unwrap();
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn the_admin_is_told_when_the_confirmed_people_could_not_be_kept() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start_in(Some(dir.path())).await;
    let state = || shell.app.state::<AppState>();
    let (staged, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    let saved = connections::save_connection(state(), staged, "Bakery".into()).await;
    let id = shell.answer(&saved)["connection"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Where the list would go, something that cannot be replaced by a file.
    let snapshot = dir.path().join("connections").join(format!("{id}.people"));
    std::fs::create_dir(&snapshot).unwrap();
    let (again, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    shell.list_people(&again).await;
    people::confirm_people(state(), again.clone()).unwrap();
    let reauthorised = connections::reauthorise_connection(state(), id.clone(), again, None).await;
    let reauthorised = shell.answer(&reauthorised);
    // The connection is re-authorised all the same; the admin learns why the list is missing.
    assert_eq!(reauthorised["connection"]["status"], "connected");
    assert_eq!(
        reauthorised["people_not_kept"]["code"], "configuration_invalid",
        "{reauthorised:#}"
    );
    assert!(snapshot.is_dir());

    std::fs::remove_dir(&snapshot).unwrap();
    connections::remove_connection(state(), id).await.unwrap();
}

/// The valid Sandbox key, verified: its staged id and the report.
async fn verified_hrworks(shell: &Shell, text: &str) -> (String, Value) {
    let id = staged_id(&shell.stage(ProviderId::Hrworks, text));
    let (report, _) = shell.verify(&id).await;
    assert_eq!(report["ok"], true, "the valid key verifies: {report:#}");
    (id, report)
}

fn people_rows(report: &Value) -> &Vec<Value> {
    report["people"]
        .as_array()
        .expect("report.people is a list")
}

#[tokio::test]
async fn the_valid_hrworks_key_lists_the_sandbox_people_with_progress() {
    let shell = Shell::start().await;
    let (id, verification) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    // The listing reads everyone in the Sandbox's company; the check counted the active ones.
    let expected = SandboxConfig::default().people;
    let active_at_check = verification["people"]["count"].as_u64().unwrap();

    let (overview, events) = shell.list_people(&id).await;
    let counts = &overview["report"]["counts"];
    assert_eq!(counts["total"], expected, "{overview:#}");
    assert_eq!(
        counts["only_in_hr"].as_u64().unwrap()
            + counts["inactive"].as_u64().unwrap()
            + counts["duplicates"].as_u64().unwrap(),
        u64::try_from(expected).unwrap(),
        "without a roster everyone is in HR only, inactive or a duplicate: {counts:#}"
    );
    assert_eq!(counts["matched"], 0);
    assert!(
        counts["inactive"].as_u64().unwrap() >= u64::try_from(expected).unwrap() - active_at_check,
        "at least everyone the check left out as inactive is inactive: {counts:#}"
    );
    let rows = people_rows(&overview["report"]);
    assert_eq!(rows.len(), expected, "one row per person");
    assert!(
        rows.iter()
            .all(|row| row["hr"]["name"].as_str().is_some_and(|n| !n.is_empty())),
        "every row names its person (full view outside screen-share mode)"
    );
    assert!(overview["pages"].as_u64().unwrap() >= 1, "{overview:#}");

    let last = events.last().expect("progress was reported");
    assert_eq!(last["people"], expected, "{events:#?}");
    assert_eq!(last["pages_done"], overview["pages"], "{events:#?}");

    // The people stay with the staged credentials: the report can be asked for again.
    let again = people::people_report(shell.app.state(), id.clone());
    assert_eq!(shell.answer(&again)["counts"], *counts);

    // Excluding a person changes the counts; taking them back restores them.
    let first = u32::try_from(rows[0]["id"].as_u64().unwrap()).unwrap();
    let excluded = people::exclude_person(shell.app.state(), id.clone(), first, true);
    let excluded = shell.answer(&excluded);
    assert_eq!(excluded["excluded"], 1, "{excluded:#}");
    assert_eq!(excluded["total"], expected - 1, "{excluded:#}");
    let included = people::exclude_person(shell.app.state(), id.clone(), first, false);
    assert_eq!(shell.answer(&included)["total"], expected);

    // Only suggested pairs can be decided; without a roster there are none.
    let decision: people::PairDecision = serde_json::from_value(json!("accept")).unwrap();
    let refused = people::decide_pair(shell.app.state(), id.clone(), first, decision);
    assert_eq!(shell.answer(&refused)["code"], "configuration_invalid");

    shell.assert_never_sent(hrworks::VALID.secret_access_key);
}

#[tokio::test]
async fn screen_share_mode_masks_the_people() {
    let shell = Shell::start_in_screen_share_mode().await;
    let (id, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    let (overview, _) = shell.list_people(&id).await;
    let rows = people_rows(&overview["report"]);
    assert_eq!(rows.len(), SandboxConfig::default().people);
    for row in rows {
        let person = &row["hr"];
        assert!(
            person["first_name"].is_null(),
            "masked rows carry no first name: {row}"
        );
        assert!(person["last_name"].is_null(), "{row}");
        if let Some(email) = person["email"].as_str() {
            assert!(email.contains('•'), "emails are masked: {email}");
        }
    }
}

/// The names in a people report's rows (`None` for a masked row).
fn last_names(report: &Value) -> Vec<Option<String>> {
    people_rows(report)
        .iter()
        .map(|row| row["hr"]["last_name"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn the_screen_share_switch_masks_the_people_listed_before_and_refuses_the_export() {
    let shell = Shell::start().await;
    let state = || shell.app.state();
    assert!(!app::app_info(state()).support_mode);
    let (id, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    let (overview, _) = shell.list_people(&id).await;
    let names = last_names(&overview["report"]);
    assert!(names.iter().all(Option::is_some), "{overview:#}");

    // Switched on: the same listing, asked for again, comes masked; the export is refused.
    app::set_screen_share(state(), true);
    assert!(app::app_info(state()).support_mode);
    let report = people::people_report(state(), id.clone());
    let masked = shell.answer(&report);
    assert_eq!(people_rows(&masked).len(), names.len());
    assert!(
        last_names(&masked).iter().all(Option::is_none),
        "{masked:#}"
    );
    for row in people_rows(&masked) {
        assert!(row["hr"]["first_name"].is_null(), "{row}");
        if let Some(email) = row["hr"]["email"].as_str() {
            assert!(email.contains('•'), "emails are masked: {email}");
        }
    }
    for name in names.iter().flatten() {
        assert!(!masked.to_string().contains(name.as_str()), "{name}");
    }
    let refused = people::export_people(shell.app.handle().clone(), state(), id.clone()).await;
    assert_eq!(
        shell.answer(&refused)["code"],
        "people_export_in_support_mode"
    );
    let bundle: Value =
        serde_json::from_str(&app::diagnostics(state(), Language::En, "people".into())).unwrap();
    assert_eq!(bundle["screen_share"], true);

    // Switched off: the names again; both switches are in the diagnostics.
    app::set_screen_share(state(), false);
    assert!(!app::app_info(state()).support_mode);
    let report = people::people_report(state(), id);
    assert_eq!(last_names(&shell.answer(&report)), names);
    let bundle: Value =
        serde_json::from_str(&app::diagnostics(state(), Language::En, "people".into())).unwrap();
    assert_eq!(bundle["screen_share"], false);
    let switches: Vec<&Value> = bundle["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|event| event["kind"] == "screen_share")
        .map(|event| &event["outcome"])
        .collect();
    assert_eq!(switches, [&json!("on"), &json!("off")], "{bundle:#}");
}

#[tokio::test]
async fn people_need_staged_credentials_and_a_listing() {
    let shell = Shell::start().await;
    let (answer, events) = shell.list_people("staged-never-issued").await;
    assert_eq!(answer["code"], "credentials_expired", "{answer:#}");
    assert!(events.is_empty());

    let id = staged_id(&shell.stage(ProviderId::Hrworks, &key_file(hrworks::VALID)));
    let report = people::people_report(shell.app.state(), id.clone());
    assert_eq!(shell.answer(&report)["code"], "credentials_expired");
    people::cancel_people_listing(shell.app.state());

    credentials::discard_credentials(shell.app.state(), id.clone());
    let (answer, _) = shell.list_people(&id).await;
    assert_eq!(answer["code"], "credentials_expired", "{answer:#}");
}

#[tokio::test]
async fn a_canary_secret_never_crosses_back_from_the_people_step() {
    let shell = Shell::start().await;
    // A wrong secret lists nobody and says why, without repeating the secret.
    let canary = key_file(KeyPair {
        secret_access_key: CANARY,
        ..hrworks::VALID
    });
    let id = staged_id(&shell.stage(ProviderId::Hrworks, &canary));
    let (answer, _) = shell.list_people(&id).await;
    assert_eq!(answer["code"], "credentials_rejected", "{answer:#}");
    // The valid key lists everyone; neither secret is in anything sent back.
    let (id, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    let (overview, _) = shell.list_people(&id).await;
    assert_eq!(
        overview["report"]["counts"]["total"],
        SandboxConfig::default().people
    );
    let report = people::people_report(shell.app.state(), id);
    shell.answer(&report);
    shell.assert_never_sent(CANARY);
    shell.assert_never_sent(hrworks::VALID.secret_access_key);
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn confirmed_people_are_kept_at_save_and_compared_after_a_reauthorisation() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start_in(Some(dir.path())).await;
    let state = || shell.app.state::<AppState>();
    let expected = SandboxConfig::default().people;

    // Confirming needs a listing.
    let (staged, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    let early = people::confirm_people(state(), staged.clone());
    assert_eq!(shell.answer(&early)["code"], "credentials_expired");
    // Listed, one person left out, confirmed, saved: the snapshot holds everyone else.
    let (overview, _) = shell.list_people(&staged).await;
    let left_out = people_rows(&overview["report"])[0].clone();
    let entry = u32::try_from(left_out["id"].as_u64().unwrap()).unwrap();
    people::exclude_person(state(), staged.clone(), entry, true).unwrap();
    let confirmed = people::confirm_people(state(), staged.clone());
    assert_eq!(shell.answer(&confirmed), json!(expected - 1));
    let saved = connections::save_connection(state(), staged, "Bakery".into()).await;
    let saved = shell.answer(&saved);
    assert_eq!(saved["people_not_kept"], Value::Null, "kept: {saved:#}");
    let id = saved["connection"]["id"].as_str().unwrap().to_owned();
    let snapshot = dir.path().join("connections").join(format!("{id}.people"));
    assert!(snapshot.exists());
    // The profile, the encrypted snapshot and their folder were created private.
    #[cfg(unix)]
    crate::common::assert_private(&dir.path().join("connections"));

    // Re-authorised: the person left out shows as joined, nobody else changed.
    let (again, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    shell.list_people(&again).await;
    let changes = people::people_changes(state(), again.clone(), id.clone()).await;
    let changes = shell.answer(&changes);
    assert_eq!(
        changes["joined"].as_array().unwrap().len(),
        1,
        "{changes:#}"
    );
    assert_eq!(changes["joined"][0]["name"], left_out["hr"]["name"]);
    for list in ["left", "terminated", "changed"] {
        assert_eq!(changes[list], json!([]), "{list}: {changes:#}");
    }
    assert!(changes["confirmed_at"].as_u64().unwrap() > 0);
    assert_eq!(changes["broken_since"], Value::Null, "it never failed");

    // Confirmed with the re-authorisation: the snapshot now has everyone.
    people::confirm_people(state(), again.clone()).unwrap();
    let reauthorised = connections::reauthorise_connection(state(), id.clone(), again, None).await;
    assert_eq!(
        shell.answer(&reauthorised)["connection"]["status"],
        "connected"
    );
    let (third, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    shell.list_people(&third).await;
    let changes = people::people_changes(state(), third.clone(), id.clone()).await;
    assert_eq!(shell.answer(&changes)["joined"], json!([]));

    // A damaged snapshot is a problem to show, and no comparison.
    std::fs::write(&snapshot, b"HRLP\x01 damaged").unwrap();
    let damaged = people::people_changes(state(), third, id.clone()).await;
    assert_eq!(shell.answer(&damaged)["code"], "people_snapshot_unreadable");

    let removed = connections::remove_connection(state(), id).await;
    assert_eq!(shell.answer(&removed), Value::Null);
    assert!(!snapshot.exists());
}

#[tokio::test]
async fn exporting_the_people_is_refused_in_screen_share_mode() {
    let shell = Shell::start_in_screen_share_mode().await;
    let (id, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    shell.list_people(&id).await;
    let refused = people::export_people(shell.app.handle().clone(), shell.app.state(), id).await;
    assert_eq!(
        shell.answer(&refused)["code"],
        "people_export_in_support_mode"
    );
}

#[tokio::test]
async fn diagnostics_tell_statuses_and_codes_but_no_secret_and_no_name() {
    use base64::Engine as _;
    let shell = Shell::start().await;
    let canary = key_file(KeyPair {
        secret_access_key: CANARY,
        ..hrworks::VALID
    });
    let rejected = staged_id(&shell.stage(ProviderId::Hrworks, &canary));
    let (report, _) = shell.verify(&rejected).await;
    assert_eq!(report["ok"], false);
    let (id, _) = verified_hrworks(&shell, &key_file(hrworks::VALID)).await;
    let (overview, _) = shell.list_people(&id).await;
    let names: Vec<String> = overview["report"]["people"]
        .as_array()
        .expect("people rows")
        .iter()
        .filter_map(|row| row["hr"]["last_name"].as_str().map(str::to_owned))
        .filter(|name| name.len() > 3)
        .collect();
    assert!(
        !names.is_empty(),
        "the listing has names to look for: {overview:#}"
    );

    let info = app::app_info(shell.app.state());
    let bundle = app::diagnostics(
        shell.app.state(),
        hrlink_core::messages::Language::De,
        "result".into(),
    );
    let json: Value = serde_json::from_str(&bundle).expect("the bundle is JSON");
    assert_eq!(json["support_code"], info.support_code.as_str());
    assert_eq!(json["language"], "de");
    assert_eq!(json["step"], "result");
    let events = json["events"].as_array().expect("events");
    let outcomes: Vec<&str> = events
        .iter()
        .filter_map(|e| e["outcome"].as_str())
        .collect();
    assert!(outcomes.contains(&"credentials_rejected"), "{bundle}");
    assert!(outcomes.contains(&"ok"), "{bundle}");
    assert!(
        events
            .iter()
            .any(|e| e["http_status"] == 401 || e["http_status"] == 403),
        "the rejection's HTTP status: {bundle}"
    );
    assert!(events.iter().any(|e| e["http_status"] == 200), "{bundle}");
    assert!(
        events
            .iter()
            .filter_map(|e| e["request_id"].as_str())
            .any(|id| id.starts_with("sbx-")),
        "the Sandbox's request ids: {bundle}"
    );

    let forms = |text: &str| {
        [
            text.to_owned(),
            url::form_urlencoded::byte_serialize(text.as_bytes()).collect(),
            base64::engine::general_purpose::STANDARD.encode(text),
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text),
        ]
    };
    let mut canaries = vec![
        CANARY.to_owned(),
        hrworks::VALID.secret_access_key.to_owned(),
    ];
    canaries.extend(names);
    for canary in &canaries {
        for form in forms(canary) {
            assert!(
                !bundle.contains(&form),
                "{form:?} in the diagnostics:\n{bundle}"
            );
        }
    }
}

#[tokio::test]
async fn the_wizard_draft_round_trips_through_the_commands_and_start_again_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start_in(Some(dir.path())).await;
    assert!(wizard::load_wizard_draft(shell.app.state()).is_none());
    let draft = serde_json::from_value(json!({
        "provider": "iris", "optional": [], "guide_screen": 1, "username": "hrlink-api",
        "step": "credentials", "target": null
    }))
    .expect("the UI's draft shape decodes");
    wizard::save_wizard_draft(shell.app.state(), draft).unwrap();
    #[cfg(unix)]
    crate::common::assert_private(&dir.path().join(hrlink_core::wizard::DRAFT_FILE));
    let back = shell.answer::<_, ()>(&Ok(wizard::load_wizard_draft(shell.app.state())));
    assert_eq!(back["username"], "hrlink-api");
    assert_eq!(back["step"], "credentials");
    // A draft carrying a secret field does not even decode.
    let smuggled = serde_json::from_value::<hrlink_core::wizard::WizardDraft>(json!({
        "provider": "iris", "optional": [], "guide_screen": 1, "username": "x",
        "step": "credentials", "target": null, "password": CANARY
    }));
    assert!(smuggled.is_err());
    wizard::clear_wizard_draft(shell.app.state()).unwrap();
    assert!(wizard::load_wizard_draft(shell.app.state()).is_none());
    shell.assert_never_sent(CANARY);
}
