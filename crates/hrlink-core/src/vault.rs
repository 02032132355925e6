//! Secrets in the OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows), one entry per connection, namespaced by app id and build kind.
//!
//! Never a plain-text fallback: when the store is locked, missing, slow or not persistent, the
//! caller gets a [`VaultError`] to show, and nothing is written anywhere else.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use keyring::credential::CredentialPersistence;
use secrecy::{ExposeSecret, SecretString};

/// Longest a keychain call may take by default; a locked Secret Service can block while it
/// waits for an unlock dialog, and a hung one never answers. keyring's calls block and cannot be
/// cancelled: each runs on a worker thread, and the caller stops waiting after this long.
pub const VAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the vault could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The keychain is locked, or access was refused.
    #[error("the keychain is locked")]
    Locked,
    /// No keychain service is available (e.g. no Secret Service running).
    #[error("no keychain is available")]
    Unavailable,
    /// The keychain did not answer in time.
    #[error("the keychain did not answer in time")]
    TimedOut,
    /// The platform store would not keep the secret (a mock or session-only store).
    #[error("the keychain would not keep the secret")]
    NotPersistent,
    /// The secret is larger than the platform allows.
    #[error("the secret is too large for the keychain")]
    TooLarge,
    /// The stored value is not valid text.
    #[error("the stored secret is unreadable")]
    Corrupt,
}

/// Which build wrote an entry, so that development builds never touch production secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildKind {
    /// Installed releases.
    Release,
    /// Development and test builds.
    Development,
}

/// The keychain, scoped to one app id and build kind.
#[derive(Debug, Clone)]
pub struct Vault {
    service: Arc<str>,
    timeout: Duration,
}

/// Where a keychain call stands, seen by the worker running it and the caller waiting for it:
/// the caller is still waiting…
const WAITING: u8 = 0;
/// …the worker finished in time…
const ANSWERED: u8 = 1;
/// …or the caller gave up (timed out) and the worker is on its own.
const GAVE_UP: u8 = 2;

impl Vault {
    /// Opens the vault for `app_id`; refuses a store that does not persist secrets.
    pub fn open(app_id: &str, kind: BuildKind) -> Result<Vault, VaultError> {
        let persistence = keyring::default::default_credential_builder().persistence();
        if !matches!(persistence, CredentialPersistence::UntilDelete) {
            return Err(VaultError::NotPersistent);
        }
        let suffix = match kind {
            BuildKind::Release => "",
            BuildKind::Development => ".dev",
        };
        Ok(Vault {
            service: format!("{app_id}{suffix}").into(),
            timeout: VAULT_TIMEOUT,
        })
    }

    /// The same vault waiting at most `timeout` for each keychain call (tests use a short one).
    pub fn with_timeout(self, timeout: Duration) -> Vault {
        Vault { timeout, ..self }
    }

    /// The keychain service name entries are stored under.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Stores (or replaces) the secret for `account`. When the keychain answers only after the
    /// call timed out, the late write stands: a rotated token is then still kept.
    pub async fn store(&self, account: &str, secret: &SecretString) -> Result<(), VaultError> {
        let secret = SecretString::from(secret.expose_secret());
        self.call(
            account,
            move |entry| entry.set_password(secret.expose_secret()),
            None,
        )
        .await
    }

    /// Stores the secret of a new entry for `account`. When the keychain answers only after the
    /// call timed out, the late write is removed again: a save that failed leaves no secret
    /// behind.
    pub async fn store_new(&self, account: &str, secret: &SecretString) -> Result<(), VaultError> {
        let secret = SecretString::from(secret.expose_secret());
        self.call(
            account,
            move |entry| entry.set_password(secret.expose_secret()),
            Some(remove_late_entry),
        )
        .await
    }

    /// Reads the secret for `account`; `None` when there is none.
    pub async fn read(&self, account: &str) -> Result<Option<SecretString>, VaultError> {
        self.call(
            account,
            |entry| match entry.get_password() {
                Ok(secret) => Ok(Some(SecretString::from(secret))),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(error) => Err(error),
            },
            None,
        )
        .await
    }

    /// Deletes the secret for `account`; deleting what is not there is not an error.
    pub async fn delete(&self, account: &str) -> Result<(), VaultError> {
        self.call(
            account,
            |entry| match entry.delete_credential() {
                Err(keyring::Error::NoEntry) => Ok(()),
                other => other,
            },
            None,
        )
        .await
    }

    /// Runs one blocking keychain call on a worker thread and waits for it at most the vault's
    /// timeout. When it succeeds only after the caller gave up, `undo_late` (if any) runs on the
    /// worker: the caller reported a failure, so its effect must not stay.
    async fn call<T: Send + 'static>(
        &self,
        account: &str,
        op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
        undo_late: Option<fn(&keyring::Entry)>,
    ) -> Result<T, VaultError> {
        let service = self.service.clone();
        let account = account.to_owned();
        let wait = Arc::new(AtomicU8::new(WAITING));
        let worker_wait = Arc::clone(&wait);
        let mut work = tokio::task::spawn_blocking(move || {
            let entry = keyring::Entry::new(&service, &account).map_err(map_error)?;
            let result = op(&entry).map_err(map_error);
            let in_time = worker_wait
                .compare_exchange(WAITING, ANSWERED, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok();
            if let (false, Ok(_), Some(undo)) = (in_time, &result, undo_late) {
                undo(&entry);
            }
            result
        });
        if let Ok(joined) = tokio::time::timeout(self.timeout, &mut work).await {
            return joined.unwrap_or(Err(VaultError::Unavailable));
        }
        let gave_up = wait
            .compare_exchange(WAITING, GAVE_UP, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok();
        if !gave_up {
            // It finished just as the time ran out: its answer is on the way.
            return work.await.unwrap_or(Err(VaultError::Unavailable));
        }
        tracing::warn!(
            timeout_ms = self.timeout.as_millis() as u64,
            "the keychain did not answer in time"
        );
        Err(VaultError::TimedOut)
    }
}

/// Removes an entry written after its caller gave up waiting.
fn remove_late_entry(entry: &keyring::Entry) {
    if entry.delete_credential().is_err() {
        tracing::warn!("a secret written after its save timed out could not be removed");
    }
}

fn map_error(error: keyring::Error) -> VaultError {
    match error {
        keyring::Error::NoStorageAccess(_) => VaultError::Locked,
        // Secret Service refuses a locked collection with `org.freedesktop.Secret.Error.IsLocked`,
        // which keyring passes on as a platform failure (found by the locked-collection test).
        keyring::Error::PlatformFailure(inner) if format!("{inner:?}").contains("IsLocked") => {
            VaultError::Locked
        }
        keyring::Error::TooLong(..) => VaultError::TooLarge,
        keyring::Error::BadEncoding(_) => VaultError::Corrupt,
        _ => VaultError::Unavailable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_collection_is_locked_and_other_platform_failures_unavailable() {
        let failure = |text: &str| {
            keyring::Error::PlatformFailure(Box::new(std::io::Error::other(text.to_owned())))
        };
        assert_eq!(
            map_error(failure(
                "D-Bus error: Cannot create an item in a locked collection \
                 (org.freedesktop.Secret.Error.IsLocked)"
            )),
            VaultError::Locked
        );
        assert_eq!(
            map_error(failure("connection refused")),
            VaultError::Unavailable
        );
        assert_eq!(
            map_error(keyring::Error::NoStorageAccess(Box::new(
                std::io::Error::other("x")
            ))),
            VaultError::Locked
        );
    }
}
