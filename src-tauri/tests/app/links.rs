//! `hrlink://` links handed to the running app (a second start's arguments, or this start's):
//! each reaches the UI as one `link-opened` event, or waits until the UI listens.

use std::sync::{Arc, Mutex};

use hrlink_core::links::{Link, LinkAction};
use hrlink_desktop_lib::testing::{LinkInbox, LinkOpened, open_links_in_args};
use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::{App, Listener, Manager};

/// A mock app with the link events mounted, recording every `link-opened` payload.
fn app() -> (App<MockRuntime>, Arc<Mutex<Vec<Value>>>) {
    let app = mock_builder()
        .build(mock_context(noop_assets()))
        .expect("a mock app");
    tauri_specta::Builder::<MockRuntime>::new()
        .events(tauri_specta::collect_events![LinkOpened])
        .mount_events(&app);
    app.manage(LinkInbox::default());
    let events = Arc::new(Mutex::new(Vec::new()));
    let record = events.clone();
    app.listen_any("link-opened", move |event| {
        let payload = serde_json::from_str(event.payload()).expect("JSON payload");
        record.lock().unwrap().push(payload);
    });
    (app, events)
}

fn second_start(app: &App<MockRuntime>, args: &[&str]) {
    let args: Vec<String> = ["/usr/bin/hrlink-desktop"]
        .iter()
        .chain(args)
        .map(|arg| (*arg).to_owned())
        .collect();
    open_links_in_args(app.handle(), &args);
}

#[test]
fn a_link_before_the_ui_listens_waits_for_it_and_is_taken_once() {
    let (app, events) = app();
    second_start(&app, &["hrlink://connections/c1/reauthorise"]);
    assert!(events.lock().unwrap().is_empty(), "nobody listens yet");
    let inbox = app.state::<LinkInbox>();
    let Some(LinkAction::Open {
        link: Link::Reauthorise { connection_id },
    }) = inbox.take_opening_link()
    else {
        panic!("the re-authorise link was not kept for the UI");
    };
    assert_eq!(connection_id.as_str(), "c1");
    assert_eq!(
        inbox.take_opening_link(),
        None,
        "a link is handed over once"
    );
}

#[test]
fn each_link_form_reaches_the_listening_ui_as_one_event() {
    let (app, events) = app();
    assert_eq!(app.state::<LinkInbox>().take_opening_link(), None);
    let cases = [
        (
            "hrlink://connections/c1/reauthorise",
            json!({"action": {"kind": "open", "link": {"kind": "reauthorise", "connection_id": "c1"}}}),
        ),
        // No cloud wizard in this version: understood, and said to be unavailable.
        (
            "hrlink://enroll?code=HRL-ABCD-EFGH&origin=https://evil.example",
            json!({"action": {"kind": "unavailable"}}),
        ),
        (
            "hrlink://connections/..%2F..%2Fetc/reauthorise",
            json!({"action": {"kind": "not_understood", "reason": "connection_invalid"}}),
        ),
        (
            "hrlink://wipe-everything",
            json!({"action": {"kind": "not_understood", "reason": "unknown_target"}}),
        ),
    ];
    for (link, expected) in &cases {
        second_start(&app, &[link]);
        let emitted = std::mem::take(&mut *events.lock().unwrap());
        assert_eq!(emitted, std::slice::from_ref(expected), "{link}");
    }
    // A second start with no link only focuses the window.
    second_start(&app, &["--support"]);
    assert!(events.lock().unwrap().is_empty());
}
