//! Issue 15 item 3: the webview cannot name a path. `stage_credentials` takes text only; the
//! input a compromised webview would send to have Rust read a file (`{kind: "file", path}`)
//! does not decode, so the command never runs, and Tauri's own drop handler (which would hand
//! the webview dropped files' paths) is off.

use hrlink_desktop_lib::testing::credentials::CredentialInput;
use serde_json::json;

#[test]
fn a_path_from_the_webview_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key.txt");
    std::fs::write(&key, "Access Key: SBXACCESSKEYVALID0000001\n").unwrap();
    for path in [key.to_str().unwrap(), "/etc/shadow", "/dev/zero"] {
        let sent = json!({"kind": "file", "path": path});
        assert!(
            serde_json::from_value::<CredentialInput>(sent).is_err(),
            "{path} was accepted"
        );
    }
    // What the UI sends still decodes.
    let text = json!({"kind": "text", "text": "Access Key: A"});
    assert!(serde_json::from_value::<CredentialInput>(text).is_ok());
}

#[test]
fn dropped_files_never_reach_the_webview_as_paths() {
    let config: serde_json::Value =
        serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
    for window in config["app"]["windows"].as_array().unwrap() {
        assert_eq!(window["dragDropEnabled"], false, "{window}");
    }
}
