//! The real browser path: `BROWSER` set to a small shell script that plays the browser with
//! `curl` (consent page, consent form, back to HR Link's loopback listener).
//!
//! Setting an environment variable in a running (multi-threaded) test is unsound, so the outer
//! test starts this test binary again with `BROWSER` set, running only the inner test, which
//! reads `BROWSER` through [`SystemBrowser::from_env`] exactly as the app and the CLI do.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed setup or assertion must stop the test at once"
)]

use crate::oauth_support;

use std::path::Path;
use std::process::Command;

use hrlink_core::ProviderId;
use hrlink_core::oauth::{self, SystemBrowser};
use hrlink_core::providers::ipayroll;
use hrlink_sandbox::scenarios::ipayroll as scenario;
use oauth_support::*;

/// Set for the child process only: the inner test runs when it is present.
const CHILD_MARKER: &str = "HRLINK_TEST_BROWSER_CHILD";

fn has_curl() -> bool {
    Command::new("curl")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// A `BROWSER` script: GET the consent page, POST the consent with the authorize request's
/// parameters, follow the 302 back to the loopback listener, all in the background.
fn write_script(dir: &Path) -> std::path::PathBuf {
    let script = dir.join("browser.sh");
    let body = format!(
        r#"#!/bin/sh
url="$1"
base="${{url%%\?*}}"
query="${{url#*\?}}"
(
  curl -fsS -o /dev/null "$url" &&
  back=$(curl -fsS -o /dev/null -w '%{{redirect_url}}' \
      --data "$query&username={username}&password={password}&decision=allow" "$base") &&
  curl -fsS -o "{page}" "$back"
) >/dev/null 2>"{log}" &
"#,
        username = scenario::API_USER.username,
        password = scenario::API_USER.password,
        page = dir.join("page.html").display(),
        log = dir.join("curl.log").display(),
    );
    std::fs::write(&script, body).expect("the script is written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("the script is executable");
    }
    script
}

#[test]
fn browser_env_var_opens_a_real_browser_command() {
    if !cfg!(unix) || !has_curl() {
        eprintln!("SKIPPED: needs a Unix shell and curl on PATH to play the browser");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let script = write_script(dir.path());
    let output = Command::new(std::env::current_exe().expect("this test binary"))
        .args([
            "--exact",
            &crate::test_name(module_path!(), "signs_in_through_the_browser_env_var"),
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("BROWSER", &script)
        .env(CHILD_MARKER, dir.path())
        .output()
        .expect("the test binary runs again");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "inner test failed:\n{stdout}\n{stderr}\ncurl: {}",
        std::fs::read_to_string(dir.path().join("curl.log")).unwrap_or_default()
    );
    // curl runs on after the sign-in ended: give it a moment to save the page.
    let saved = dir.path().join("page.html");
    let mut page = String::new();
    for _ in 0..50 {
        page = std::fs::read_to_string(&saved).unwrap_or_default();
        if page.contains("</html>") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        page.contains("You can close this tab and return to HR Link"),
        "{page}"
    );
}

#[tokio::test]
#[ignore = "run by browser_env_var_opens_a_real_browser_command in a child process with BROWSER set"]
async fn signs_in_through_the_browser_env_var() {
    if std::env::var_os(CHILD_MARKER).is_none() {
        eprintln!("SKIPPED: only meaningful in the child process that has BROWSER set");
        return;
    }
    let sandbox = sandbox().await;
    let server =
        ipayroll::authorization_server(&provider_endpoints(&sandbox, ProviderId::Ipayroll));
    let browser = SystemBrowser::from_env();
    let tokens = oauth::sign_in(
        &http(),
        &server,
        &oauth_client(scenario::CLIENT),
        &["employees".to_owned()],
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in through the BROWSER command");
    assert_eq!(tokens.grants("employees"), Some(true));
}
