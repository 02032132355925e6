//! The runtime ACL, exercised for real: a mock app built from the app's own context
//! (`tauri::generate_context!()`: `tauri.conf.json`, `capabilities/` and the ACL manifest that
//! `build.rs` declares), sent IPC requests from different windows and origins.
//!
//! The invoke handler is a recorder, not the app's: `specta_builder()` is a `Builder<Wry>`,
//! and `tauri::test` drives only the mock runtime. The ACL decides before any handler runs
//! ("the Tauri command is never invoked"), by command name, window label and origin, so the
//! recorder shows exactly which requests would have reached the real commands.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::sync::{Arc, Mutex};

use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::common;

/// What the handler answers when a request got through the ACL.
const REACHED: &str = "reached the command";

/// The bundled UI's origin (`tauri://localhost`; `http://tauri.localhost` on Windows).
const LOCAL_ORIGIN: &str = if cfg!(any(windows, target_os = "android")) {
    "http://tauri.localhost"
} else {
    "tauri://localhost"
};

/// Origins that must never reach a command. `http://tauri.evil.com` is the CVE-2026-42184
/// shape (a remote host whose first label is the app's scheme).
const REMOTE_ORIGINS: &[&str] = &[
    "https://evil.example",
    "http://tauri.evil.com",
    "https://tauri.evil.com",
    "tauri://evil.example",
    "http://localhost:5173",
];

struct Harness {
    app: App<MockRuntime>,
    reached: Arc<Mutex<Vec<String>>>,
}

impl Harness {
    fn new() -> Harness {
        let reached = Arc::new(Mutex::new(Vec::new()));
        let record = reached.clone();
        let app = mock_builder()
            .invoke_handler(move |invoke| {
                record
                    .lock()
                    .unwrap()
                    .push(invoke.message.command().to_owned());
                invoke.resolver.resolve(REACHED);
                true
            })
            .build(tauri::generate_context!(test = true))
            .expect("build the mock app from the app's own context");
        Harness { app, reached }
    }

    fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(&self.app, label, WebviewUrl::default())
            .build()
            .expect("open a mock window")
    }

    fn reached(&self) -> Vec<String> {
        self.reached.lock().unwrap().clone()
    }
}

fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    origin: &str,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: origin.parse().expect("origin URL"),
            body: InvokeBody::default(),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_owned(),
        },
    )
    .map(|body| body.deserialize().expect("JSON response"))
}

fn assert_refused(result: Result<serde_json::Value, serde_json::Value>, what: &str) {
    match result {
        Err(message) => assert!(
            message.to_string().contains("not allowed"),
            "{what}: refused, but not by the ACL: {message}"
        ),
        Ok(answer) => panic!("{what}: the ACL let it through (answer {answer})"),
    }
}

#[test]
fn the_main_window_reaches_every_app_command_from_the_bundled_ui() {
    let harness = Harness::new();
    let main = harness.window("main");
    let commands = common::served_commands();
    for command in &commands {
        assert_eq!(
            invoke(&main, command, LOCAL_ORIGIN),
            Ok(serde_json::json!(REACHED)),
            "`{command}` from the main window at {LOCAL_ORIGIN} must be allowed: is \
             `allow-{}` in capabilities/main.json?",
            command.replace('_', "-")
        );
    }
    assert_eq!(
        harness.reached(),
        commands.into_iter().collect::<Vec<_>>(),
        "every allowed command reaches the handler once"
    );
}

#[test]
fn app_commands_are_under_the_acl_at_all() {
    // Without an app ACL manifest (build.rs's AppManifest), Tauri checks app commands only for
    // remote origins, and an unlisted command from the main window would reach the handler.
    let harness = Harness::new();
    let main = harness.window("main");
    assert_refused(
        invoke(&main, "not_a_declared_command", LOCAL_ORIGIN),
        "an undeclared app command from the main window",
    );
    assert_refused(
        invoke(&main, "plugin:dialog|open", LOCAL_ORIGIN),
        "the dialog plugin from the main window (Rust opens the dialog, not the webview)",
    );
    assert_refused(
        invoke(&main, "plugin:fs|read_text_file", LOCAL_ORIGIN),
        "the fs plugin from the main window",
    );
    assert!(
        harness.reached().is_empty(),
        "no refused request may reach a command"
    );
}

#[test]
fn a_window_with_another_label_is_refused_every_command() {
    let harness = Harness::new();
    for label in ["intruder", "main-2", "Main"] {
        let window = harness.window(label);
        for command in common::served_commands() {
            assert_refused(
                invoke(&window, &command, LOCAL_ORIGIN),
                &format!("`{command}` from window `{label}`"),
            );
        }
    }
    assert!(
        harness.reached().is_empty(),
        "a refused request reached a command: {:?}",
        harness.reached()
    );
}

#[test]
fn remote_origins_are_refused_every_command_even_in_the_main_window() {
    let harness = Harness::new();
    let main = harness.window("main");
    for origin in REMOTE_ORIGINS {
        for command in common::served_commands() {
            assert_refused(
                invoke(&main, &command, origin),
                &format!("`{command}` from {origin} in the main window"),
            );
        }
    }
    assert!(
        harness.reached().is_empty(),
        "a refused request reached a command: {:?}",
        harness.reached()
    );
}
