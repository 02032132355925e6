//! `hrlink connections check --notify` against a notification server of this test: a small
//! `org.freedesktop.Notifications` on the private D-Bus session that `scripts/with-keychain`
//! starts (which also provides the Secret Service, hence `--include-ignored` in `scripts/test`).
//! Revoke the Sandbox key, check: exactly one `Notify` with the right text and action, whose
//! click opens the re-authorise link; check again: none. Every wait has a limit, so a failure
//! fails within seconds instead of hanging.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hrlink_core::Problem;
use hrlink_core::messages::{Language, render};
use hrlink_sandbox::scenarios::hrworks;
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;
use zbus::zvariant::OwnedValue;

const PATH: &str = "/org/freedesktop/Notifications";
const INTERFACE: &str = "org.freedesktop.Notifications";
/// The longest a CLI run may take here (its own wait for a click is 15 minutes: the server
/// below clicks at once, and a run that does not notify must not wait at all).
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// One `Notify` call as the server received it.
#[derive(Debug, Clone)]
struct Notified {
    id: u32,
    app_name: String,
    summary: String,
    body: String,
    actions: Vec<String>,
}

/// The notification server: records every `Notify` call.
#[derive(Default, Clone)]
struct Server {
    calls: Arc<Mutex<Vec<Notified>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments, reason = "the interface's signature")]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut calls = self.calls.lock().unwrap();
        let id = u32::try_from(calls.len()).unwrap() + 1;
        calls.push(Notified {
            id,
            app_name,
            summary,
            body,
            actions,
        });
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "hrlink-test".into(),
            "hrlink".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

/// Serves `server` on the session bus: when this returns, the name is ours and calls are
/// answered (zbus acquires the name and starts serving before `build` returns).
async fn serve(server: Server) -> zbus::Connection {
    let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS")
        .expect("run inside scripts/with-keychain: a private D-Bus session");
    assert!(!bus.is_empty());
    let connection = tokio::time::timeout(
        Duration::from_secs(10),
        zbus::connection::Builder::session()
            .unwrap()
            .name(INTERFACE)
            .unwrap()
            .serve_at(PATH, server)
            .unwrap()
            .build(),
    )
    .await
    .expect("the notification server started in time")
    .expect("the notification server owns its name");
    let owner = zbus::fdo::DBusProxy::new(&connection)
        .await
        .unwrap()
        .get_name_owner(INTERFACE.try_into().unwrap())
        .await
        .unwrap();
    assert_eq!(
        Some(owner.as_str()),
        connection.unique_name().map(|n| n.as_str())
    );
    connection
}

/// Clicks the first action of every recorded notification, every 100 ms until stopped: the
/// client starts listening for the click only after its `Notify` call returned.
fn keep_clicking(connection: zbus::Connection, calls: Arc<Mutex<Vec<Notified>>>) {
    tokio::spawn(async move {
        loop {
            let recorded = calls.lock().unwrap().clone();
            for call in recorded {
                let key = call.actions.first().cloned().unwrap_or_default();
                let _ = connection
                    .emit_signal(
                        None::<()>,
                        PATH,
                        INTERFACE,
                        "ActionInvoked",
                        &(call.id, key),
                    )
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
}

/// Runs the built `hrlink` with only the D-Bus session, the config dir and `BROWSER` (the
/// opener of the link), killed and failed past [`RUN_LIMIT`].
fn hrlink(args: &[&str], config_dir: &Path, browser: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hrlink"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HRLINK_CONFIG_DIR", config_dir)
        .env("BROWSER", browser)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").unwrap(),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > RUN_LIMIT {
            child.kill().unwrap();
            panic!("hrlink {args:?} still ran after {RUN_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a private D-Bus session and a Secret Service; scripts/test provides them"]
async fn a_connection_that_stops_working_is_told_once_and_its_action_opens_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("config");
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let endpoints = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&endpoints).unwrap();
    let endpoints = endpoints.display().to_string();
    // The link's opener: records what it was given (BROWSER appends the link as an argument).
    let opened = dir.path().join("opened.txt");
    let browser = dir.path().join("open-link");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();

    let keys = dir.path().join("keys.txt");
    std::fs::write(
        &keys,
        format!(
            "Access Key: {}\nSecret Access Key: {}\n",
            hrworks::VALID.access_key,
            hrworks::VALID.secret_access_key
        ),
    )
    .unwrap();
    let keys = keys.display().to_string();
    let run = |args: &[&str]| tokio::task::block_in_place(|| hrlink(args, &config_dir, &browser));
    let save = |label: &str| {
        let saved = run(&[
            "verify",
            "hrworks",
            "--credentials",
            &keys,
            "--endpoints",
            &endpoints,
            "--save",
            label,
        ]);
        assert_eq!(saved.status.code(), Some(0), "{saved:?}");
    };
    // Two connections with the one key: revoking it makes both fail.
    save("Payroll");
    save("Payroll again");
    let listed: Value =
        serde_json::from_slice(&run(&["connections", "list", "--json"]).stdout).unwrap();
    let id_of = |label: &str| {
        let connections = listed.as_array().unwrap();
        let found = connections.iter().find(|c| c["label"] == label).unwrap();
        found["id"].as_str().unwrap().to_owned()
    };
    let (id, by_hand_id) = (id_of("Payroll"), id_of("Payroll again"));
    let account = listed[0]["account"]["name"].as_str().unwrap().to_owned();
    // The daily job's check.
    let check = [
        "connections",
        "check",
        "--notify",
        "--wait-for-click",
        "--endpoints",
        &endpoints,
    ];

    sandbox.revoke_hrworks_key(hrworks::VALID.access_key);
    // No notification server yet: the check still ends, and nothing counts as told.
    let unheard = run(&check);
    assert_ne!(unheard.status.code(), Some(0), "{unheard:?}");

    let server = Server::default();
    let calls = server.calls.clone();
    let connection = serve(server).await;
    keep_clicking(connection.clone(), calls.clone());
    // Typed by hand (no --wait-for-click): told, but the check does not stay for the click.
    let by_hand = run(&[
        "connections",
        "check",
        &by_hand_id,
        "--notify",
        "--endpoints",
        &endpoints,
    ]);
    assert_ne!(by_hand.status.code(), Some(0), "{by_hand:?}");
    assert_eq!(calls.lock().unwrap().len(), 1);
    assert!(!opened.exists(), "nothing waited for the click");
    calls.lock().unwrap().clear();

    let failing = run(&check);
    assert_ne!(failing.status.code(), Some(0), "{failing:?}");
    let told = calls.lock().unwrap().clone();
    assert_eq!(told.len(), 1, "only the one not told yet: {told:?}");
    let link = format!("hrlink://connections/{id}/reauthorise");
    assert_eq!(told[0].app_name, "HR Link");
    assert_eq!(
        told[0].summary,
        format!("HRworks for {account} stopped working")
    );
    let rejected = Problem::CredentialsRejected {
        provider: "HRworks".into(),
    };
    assert_eq!(told[0].body, render(&rejected, Language::En).message);
    assert_eq!(
        told[0].actions,
        [link.as_str(), "Re-authorise", "default", "Re-authorise"]
    );
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        format!("{link}\n")
    );

    // Still failing: not told again.
    let again = run(&check);
    assert_eq!(again.status.code(), failing.status.code(), "{again:?}");
    assert_eq!(calls.lock().unwrap().len(), 1);
    sandbox.shutdown().await;
}
