//! Saved connections: the secret in the keychain (one entry per connection, see
//! [`crate::vault`]), everything else in a non-secret profile file ([`profile`]); and health
//! checks that prove a saved connection still works.
//!
//! Never a plain-text fallback: when the keychain is locked, missing or slow, the caller gets a
//! [`Problem`] to show and retry, and nothing secret is written anywhere else.

pub mod access;
mod alerts;
pub mod binding;
mod checks;
mod existing;
mod id;
mod issue;
mod loading;
mod lock;
pub mod profile;
pub mod secret;
mod snapshots;
mod status;
mod store;
pub mod token_cache;
pub mod usage;

use crate::Problem;
use crate::vault::VaultError;

pub use access::{Access, access};
pub use alerts::{Alert, Alerted, alert_for};
pub use checks::{CheckOutcome, record_check};
pub use id::ConnectionId;
pub use profile::{AccountFingerprint, CorruptProfile, Profile};
pub use secret::StoredSecret;
pub use status::{ConnectionStatus, ConnectionSummary};
pub use store::{ConnectionStore, same_account};
pub use usage::LastUse;

/// The problem to show for a keychain failure: locked, timed out, or unavailable.
pub fn vault_problem(error: &VaultError) -> Problem {
    match error {
        VaultError::Locked => Problem::VaultLocked,
        VaultError::TimedOut => Problem::VaultTimedOut,
        VaultError::Unavailable
        | VaultError::NotPersistent
        | VaultError::TooLarge
        | VaultError::Corrupt => Problem::VaultUnavailable,
    }
}
