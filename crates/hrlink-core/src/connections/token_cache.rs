//! The short-lived access token last handed out for a connection, kept in the keychain beside the
//! connection's secret (its own entry, never a file) with its expiry: callers within its lifetime
//! get it again without a call to the HR system.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::{ConnectionId, vault_problem};
use crate::Problem;
use crate::vault::Vault;

/// A token with this much life left or less is not handed out again: the caller could not use
/// it for long, so a fresh one is fetched.
pub const REUSE_MARGIN: Duration = Duration::from_secs(60);

/// Version of the entry's format.
const VERSION: u8 = 1;

/// An access token and when it expires.
#[derive(Debug, Clone)]
pub struct CachedToken {
    /// The bearer token for the HR system's API.
    pub access_token: SecretString,
    /// When the HR system stops accepting it.
    pub expires_at: SystemTime,
}

impl CachedToken {
    /// Whether it still has more than [`REUSE_MARGIN`] to live at `now`.
    pub fn reusable_at(&self, now: SystemTime) -> bool {
        self.expires_at
            .duration_since(now)
            .is_ok_and(|left| left > REUSE_MARGIN)
    }
}

#[derive(Serialize)]
struct WireOut<'a> {
    v: u8,
    access_token: &'a str,
    expires_at: u64,
}

#[derive(Deserialize)]
struct WireIn {
    v: u8,
    access_token: String,
    expires_at: u64,
}

/// The keychain account of `id`'s cached token.
fn account(id: &ConnectionId) -> String {
    format!("access-token-{id}")
}

/// The cached token of `id`; `None` when there is none or the entry is not one we wrote (it is
/// then simply replaced by the next token).
pub async fn read(vault: &Vault, id: &ConnectionId) -> Result<Option<CachedToken>, Problem> {
    let Some(stored) = vault
        .read(&account(id))
        .await
        .map_err(|e| vault_problem(&e))?
    else {
        return Ok(None);
    };
    let parsed = serde_json::from_str::<WireIn>(stored.expose_secret())
        .ok()
        .filter(|wire| wire.v == VERSION);
    Ok(parsed.map(|wire| CachedToken {
        access_token: SecretString::from(wire.access_token),
        expires_at: UNIX_EPOCH + Duration::from_secs(wire.expires_at),
    }))
}

/// Keeps `token` as `id`'s cached token, replacing the previous one in one keychain call.
pub async fn store(vault: &Vault, id: &ConnectionId, token: &CachedToken) -> Result<(), Problem> {
    let wire = WireOut {
        v: VERSION,
        access_token: token.access_token.expose_secret(),
        expires_at: token
            .expires_at
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let json = serde_json::to_string(&wire).map_err(|_| Problem::VaultUnavailable)?;
    vault
        .store(&account(id), &SecretString::from(json))
        .await
        .map_err(|e| vault_problem(&e))
}

/// Forgets `id`'s cached token (its secret changed, or the connection was removed).
pub async fn forget(vault: &Vault, id: &ConnectionId) -> Result<(), Problem> {
    vault
        .delete(&account(id))
        .await
        .map_err(|e| vault_problem(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_reused_only_with_more_than_a_minute_left() {
        let now = SystemTime::now();
        let token = |left: u64| CachedToken {
            access_token: SecretString::from("t"),
            expires_at: now + Duration::from_secs(left),
        };
        assert!(token(61).reusable_at(now));
        assert!(!token(60).reusable_at(now));
        assert!(!token(0).reusable_at(now));
        assert!(!token(600).reusable_at(now + Duration::from_secs(3600)));
    }
}
