//! hrlink-core's integration tests, in one binary: each test file used to link its own copy of
//! the core, the Sandbox and their dependencies (15 × ~130 MB, and 15 links per change).
//! `cargo test -p hrlink-core --test integration <module>` runs one area, e.g. `oauth_browser`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

mod common;
mod oauth_support;
mod people_synthetic;

mod cloud_flow;
mod cloud_sign_in;
mod connection_binding;
mod connections;
mod credential_access;
mod delivery;
mod delivery_protocol;
mod delivery_python;
mod fault_matrix;
mod file_modes;
mod fuzz_regressions;
mod http_client;
mod keychain;
mod logs;
mod mapping_delivery;
mod mapping_session;
mod mapping_structure;
mod oauth_browser;
mod oauth_loopback;
mod oauth_pkce;
mod people_listing;
mod people_listing_bounds;
mod people_matching;
mod people_matching_props;
mod people_matching_sandbox;
mod people_privacy;
mod people_props;
mod people_roster;
mod people_roster_bombs;
mod people_snapshot;
mod schedule;
mod selection;
mod session_sign_in;
mod ui_fixtures;
mod verify_employmenthero;
mod verify_employmenthero_payroll;
mod verify_hrworks;
mod verify_ipayroll;
mod verify_iris;
mod wizard_draft;

/// The name libtest knows a test in this binary by (`module::test`), for re-running one test in a
/// child process with `--exact`.
pub fn test_name(module: &str, test: &str) -> String {
    let module = module.split_once("::").map_or("", |(_crate, path)| path);
    format!("{module}::{test}")
}

/// This test binary again, running only `module::test` (ignored tests included), with `marker`
/// set to `value`: for tests that need a second process (re-reading, being killed mid-write).
pub fn rerun(module: &str, test: &str, marker: &str, value: &str) -> std::process::Command {
    let mut command =
        std::process::Command::new(std::env::current_exe().expect("this test binary"));
    command
        .args([
            "--exact",
            &test_name(module, test),
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(marker, value);
    command
}

/// In a child started by [`rerun`]: the folder named by `marker`, or `None` (with a note) when
/// this is the normal test run, where the inner test has nothing to do.
pub fn child_dir(marker: &str) -> Option<std::path::PathBuf> {
    let dir = std::env::var_os(marker).map(std::path::PathBuf::from);
    if dir.is_none() {
        eprintln!("SKIPPED: only meaningful in the child process");
    }
    dir
}

/// Starts `child` with its output discarded, lets it run a little (longer each `round`), then
/// kills it with SIGKILL and reaps it.
pub fn kill_after_a_while(mut child: std::process::Command, round: u64) {
    let mut child = child
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20 + (round * 7) % 40));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}
