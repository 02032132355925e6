//! The desktop glue's integration tests, in one binary (each used to link its own copy of Tauri
//! and the core): commands driven through `tauri::test`, the runtime ACL, and the lint of the
//! app shell's security configuration.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

mod common;

mod commands;
mod config_lint;
mod credential_input;
mod ipc_acl;
mod links;
mod updates;
