//! HR Link's domain: everything the wizard and the `hrlink` CLI do, with no Tauri dependency.
//!
//! - [`providers`]: the HR systems: their catalogue data, and one module each behind one trait;
//! - [`credentials`]: parsing what the admin pastes or loads into typed secrets;
//! - [`http`]: the one hardened HTTP client;
//! - [`oauth`]: signing in through the system browser (iPayroll, Employment Hero);
//! - [`config`]: the integration configuration (`hrlink.toml`) or the built-in demo;
//! - [`delivery`]: how a verified connection reaches the product (`[delivery]`), including the
//!   sealed hand-off to the product's backend;
//! - [`verify`]: proving a connection and reporting what is granted and missing;
//! - [`links`]: the `hrlink://` links the OS hands the app, parsed strictly;
//! - [`logs`]: the app's rotated log files and their last lines for the diagnostics;
//! - [`mapping`]: the HR system's locations, areas of work and roles onto the product's;
//! - [`people`]: the normalised `Person`, the admin's roster import, and matching;
//! - [`schedule`]: the opt-in daily check, as an OS-scheduled job;
//! - [`session`]: the wizard's staged credentials and what was learnt with them;
//! - [`vault`]: secrets in the OS keychain, never anywhere else;
//! - [`wizard`]: the wizard's non-secret draft, to resume after a restart;
//! - [`diagnostics`]: the support code and the redacted diagnostics bundle;
//! - [`updates`]: where the app looks for updates, their key, when one may be installed;
//! - [`problem`] and [`messages`]: every failure as a code, rendered from one catalogue.
#![deny(missing_docs)]

pub mod config;
pub mod connections;
pub mod credentials;
pub mod delivery;
pub mod diagnostics;
pub mod endpoints;
pub mod files;
#[doc(hidden)]
pub mod fuzzing;
mod html;
pub mod http;
pub mod links;
pub mod logs;
pub mod mapping;
pub mod messages;
pub mod oauth;
pub mod paths;
pub mod people;
pub mod printable;
pub mod problem;
pub mod providers;
pub mod schedule;
pub mod session;
mod sync;
pub mod updates;
pub mod vault;
pub mod verify;
pub mod wizard;

pub use endpoints::Endpoints;

// No type that holds a secret can be serialised: not into a log line, a file, the webview or the
// CLI's JSON. (The keychain entry is written through a private struct of borrowed views.)
static_assertions::assert_not_impl_any!(secrecy::SecretString: serde::Serialize);
static_assertions::assert_not_impl_any!(credentials::Credentials: serde::Serialize);
static_assertions::assert_not_impl_any!(credentials::Secret: serde::Serialize);
static_assertions::assert_not_impl_any!(credentials::OAuthGrant: serde::Serialize);
static_assertions::assert_not_impl_any!(credentials::HrworksKeyPair: serde::Serialize);
static_assertions::assert_not_impl_any!(credentials::IrisLogin: serde::Serialize);
static_assertions::assert_not_impl_any!(credentials::ApiKey: serde::Serialize);
static_assertions::assert_not_impl_any!(oauth::OAuthTokens: serde::Serialize);
static_assertions::assert_not_impl_any!(oauth::OAuthClient: serde::Serialize);
static_assertions::assert_not_impl_any!(oauth::Pkce: serde::Serialize);
static_assertions::assert_not_impl_any!(config::OAuthProviderConfig: serde::Serialize);
static_assertions::assert_not_impl_any!(config::ClientSecretSource: serde::Serialize);
static_assertions::assert_not_impl_any!(connections::StoredSecret: serde::Serialize);
pub use problem::Problem;
pub use providers::ProviderId;
