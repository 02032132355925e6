//! Secrets in the OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows), one entry per connection, namespaced by app id and build kind.
//!
//! Never a plain-text fallback: when the store is locked, missing, slow or not persistent, the
//! caller gets a [`VaultError`] to show, and nothing is written anywhere else.

use std::sync::Arc;
use std::time::Duration;

use keyring::credential::CredentialPersistence;
use secrecy::{ExposeSecret, SecretString};

/// Longest a keychain call may take; a locked Secret Service can block while it waits for an
/// unlock dialog.
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
}

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
        })
    }

    /// The keychain service name entries are stored under.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Stores (or replaces) the secret for `account`.
    pub async fn store(&self, account: &str, secret: &SecretString) -> Result<(), VaultError> {
        let secret = SecretString::from(secret.expose_secret());
        self.call(account, move |entry| {
            entry.set_password(secret.expose_secret())
        })
        .await
    }

    /// Reads the secret for `account`; `None` when there is none.
    pub async fn read(&self, account: &str) -> Result<Option<SecretString>, VaultError> {
        self.call(account, |entry| match entry.get_password() {
            Ok(secret) => Ok(Some(SecretString::from(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(error),
        })
        .await
    }

    /// Deletes the secret for `account`; deleting what is not there is not an error.
    pub async fn delete(&self, account: &str) -> Result<(), VaultError> {
        self.call(account, |entry| match entry.delete_credential() {
            Err(keyring::Error::NoEntry) => Ok(()),
            other => other,
        })
        .await
    }

    /// Runs one blocking keychain call on a worker thread, bounded by [`VAULT_TIMEOUT`].
    async fn call<T: Send + 'static>(
        &self,
        account: &str,
        op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
    ) -> Result<T, VaultError> {
        let service = self.service.clone();
        let account = account.to_owned();
        let work = tokio::task::spawn_blocking(move || {
            let entry = keyring::Entry::new(&service, &account).map_err(map_error)?;
            op(&entry).map_err(map_error)
        });
        match tokio::time::timeout(VAULT_TIMEOUT, work).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(VaultError::Unavailable),
            Err(_) => Err(VaultError::TimedOut),
        }
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
