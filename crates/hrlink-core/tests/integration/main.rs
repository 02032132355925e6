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

mod connections;
mod fault_matrix;
mod fuzz_regressions;
mod http_client;
mod keychain;
mod oauth_browser;
mod oauth_loopback;
mod oauth_pkce;
mod people_listing;
mod people_matching;
mod people_privacy;
mod people_props;
mod people_roster;
mod selection;
mod verify_employmenthero;
mod verify_hrworks;
mod verify_ipayroll;
mod verify_iris;

/// The name libtest knows a test in this binary by (`module::test`), for re-running one test in a
/// child process with `--exact`.
pub fn test_name(module: &str, test: &str) -> String {
    let module = module.split_once("::").map_or("", |(_crate, path)| path);
    format!("{module}::{test}")
}
