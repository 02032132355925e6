//! The app's log files (`hrlink_core::logs`): rotated, private, and no secret in them or in
//! the diagnostics' log lines, even with everything logged (`TRACE`) during real sign-ins.

use std::io::Write as _;
use std::path::Path;
use std::sync::Mutex;

use base64::Engine as _;
use hrlink_core::diagnostics::{self, Context, SupportCode};
use hrlink_core::logs;
use hrlink_core::messages::Language;
use hrlink_core::verify::verify;
use hrlink_sandbox::scenarios::hrworks as scenario;

use crate::common::{CANARY, codes, endpoints, fast_http, hrworks, hrworks_keys, sandbox};

/// A secret as it could be written: plain, URL-encoded or base64 (as in a Basic header).
fn forms(secret: &str) -> Vec<String> {
    vec![
        secret.to_owned(),
        url::form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
        base64::engine::general_purpose::STANDARD.encode(secret),
    ]
}

/// Everything the log folder holds, as text.
fn written(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        text += &String::from_utf8_lossy(&std::fs::read(entry.unwrap().path()).unwrap());
    }
    text
}

fn found_in(text: &str, secret: &str) -> bool {
    forms(secret).iter().any(|form| text.contains(form))
}

/// Logs everything to the log files in `dir` while `work` runs (on this thread's runtime).
async fn logged<F: std::future::Future<Output = ()>>(dir: &Path, work: F) {
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_writer(Mutex::new(logs::open(dir).unwrap()))
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    work.await;
}

fn bundle(dir: &Path) -> String {
    let context = Context::this_app("1.2.3", Language::En, false, &SupportCode::generate(), "x");
    diagnostics::bundle(&context, &[], Some(dir))
}

#[tokio::test]
async fn sign_ins_logged_at_trace_leave_no_secret_in_the_files_or_the_diagnostics() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("logs");
    logged(&dir, async {
        let sandbox = sandbox().await;
        let (http, endpoints) = (fast_http(), endpoints(&sandbox));
        let refused = hrworks_keys(scenario::VALID.access_key, CANARY);
        let report = verify(&http, &endpoints, &refused, &|_| {}).await;
        assert_eq!(codes(&report), ["credentials_rejected"]);
        let report = verify(&http, &endpoints, &hrworks(scenario::VALID), &|_| {}).await;
        assert!(report.ok, "{report:?}");
        sandbox.shutdown().await;
    })
    .await;
    let text = written(&dir);
    assert!(text.lines().count() > 10, "the calls were logged:\n{text}");
    let bundle = bundle(&dir);
    let json: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    let lines = json["log"].as_array().unwrap();
    assert_eq!(lines.len(), diagnostics::LOG_LINES, "{bundle}");
    for secret in [CANARY, scenario::VALID.secret_access_key] {
        assert!(
            !found_in(&text, secret),
            "{secret} in the log files:\n{text}"
        );
        assert!(
            !found_in(&bundle, secret),
            "{secret} in the diagnostics:\n{bundle}"
        );
    }
}

#[tokio::test]
async fn a_secret_that_reached_an_event_would_be_found() {
    // The positive control of the test above: its scan sees a secret that is logged.
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("logs");
    logged(&dir, async {
        tracing::info!(leak = CANARY, "a careless line")
    })
    .await;
    assert!(found_in(&written(&dir), CANARY));
    assert!(found_in(&bundle(&dir), CANARY));
}

#[test]
fn the_files_rotate_keep_four_before_the_current_and_are_private() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("logs");
    let mut log = logs::open(&dir).unwrap();
    // 100-byte lines, numbered: six files' worth.
    let lines = 6 * logs::MAX_FILE_BYTES / 100;
    for n in 0..lines {
        writeln!(log, "{n:0>99}").unwrap();
    }
    log.flush().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "hrlink.log",
            "hrlink.log.1",
            "hrlink.log.2",
            "hrlink.log.3",
            "hrlink.log.4"
        ]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        for name in &names {
            assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
        }
    }
    // The last lines, oldest first, across the rotation.
    let last = logs::last_lines(&dir, 3);
    let expected: Vec<String> = (lines - 3..lines).map(|n| format!("{n:0>99}")).collect();
    assert_eq!(last, expected);
}

#[test]
fn the_diagnostics_show_the_home_folder_as_a_tilde_and_cut_long_lines() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("logs");
    let mut log = logs::open(&dir).unwrap();
    let home = std::env::var("HOME").unwrap();
    writeln!(log, "cannot read {home}/.config/hrlink/hrlink.toml").unwrap();
    writeln!(log, "{}", "x".repeat(1000)).unwrap();
    log.flush().unwrap();
    let last = logs::last_lines(&dir, 10);
    assert_eq!(last[0], "cannot read ~/.config/hrlink/hrlink.toml");
    assert_eq!(last[1].len(), 400);
    assert!(logs::last_lines(&folder.path().join("none"), 10).is_empty());
}
