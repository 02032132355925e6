//! What HR Link keeps of a delivered connection (HANDOFF.md §2.4): a non-secret profile in the
//! config dir (`<dir>/delivered/<hash of the connection id>.json`) and the product's status token in the
//! keychain. Nothing of the HR system's secret, anywhere.

use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::client::Delivered;
use super::wire::{AccountRef, Enrollment, Tenant, is_backend_id};
use crate::connections::vault_problem;
use crate::vault::Vault;
use crate::{Problem, ProviderId};

/// A delivered connection, as HR Link remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveredProfile {
    /// The product's id for the connection.
    pub connection_id: String,
    /// Where it was delivered (the configured origin).
    pub origin: String,
    /// The product, as named in the configuration.
    pub product: String,
    /// The product's tenant it was delivered for.
    pub tenant: Tenant,
    /// The HR system.
    pub provider: ProviderId,
    /// The HR system's account it reaches.
    pub account: AccountRef,
    /// When it was delivered (RFC 3339).
    pub delivered_at: String,
}

impl DeliveredProfile {
    /// The profile for a 201 answer.
    pub fn new(
        backend: &super::Backend,
        enrollment: &Enrollment,
        delivered: &Delivered,
        provider: ProviderId,
        account: AccountRef,
    ) -> DeliveredProfile {
        DeliveredProfile {
            connection_id: delivered.connection_id.clone(),
            origin: backend.origin().as_str().to_owned(),
            product: backend.product().to_owned(),
            tenant: enrollment.tenant.clone(),
            provider,
            account,
            delivered_at: super::document::now_rfc3339(),
        }
    }
}

/// Delivered connections: profiles under `dir`, status tokens in `vault`.
#[derive(Debug, Clone)]
pub struct DeliveredStore {
    dir: PathBuf,
    vault: Vault,
}

impl DeliveredStore {
    /// The store in the app's config dir.
    pub fn new(dir: impl Into<PathBuf>, vault: Vault) -> DeliveredStore {
        DeliveredStore {
            dir: dir.into(),
            vault,
        }
    }

    fn folder(&self) -> PathBuf {
        self.dir.join("delivered")
    }

    /// The profile's file: named by a hash of the id, which the backend chose and which may
    /// hold anything a file name cannot (the profile inside names the id).
    fn file(&self, connection_id: &str) -> PathBuf {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(connection_id.as_bytes());
        let stem: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        self.folder().join(format!("{stem}.json"))
    }

    fn token_account(connection_id: &str) -> String {
        format!("delivered-status-{connection_id}")
    }

    /// Asks the keychain once, so that a locked or missing one is reported before anything is
    /// sent to the product (a delivery whose status token cannot be kept would be orphaned).
    pub async fn ensure_keychain(&self) -> Result<(), Problem> {
        self.vault
            .read(&Self::token_account("probe"))
            .await
            .map(drop)
            .map_err(|error| vault_problem(&error))
    }

    /// Keeps the profile and the status token; a re-delivery of the same connection (a
    /// re-authorisation) replaces both. The token goes first: a profile never points at a
    /// token that is not there.
    pub async fn keep(
        &self,
        profile: &DeliveredProfile,
        status_token: &SecretString,
    ) -> Result<(), Problem> {
        let id = &profile.connection_id;
        if !is_backend_id(id) {
            return Err(self.folder_problem());
        }
        let account = Self::token_account(id);
        self.vault
            .store(&account, status_token)
            .await
            .map_err(|error| vault_problem(&error))?;
        let json = serde_json::to_vec_pretty(profile).map_err(|_| self.folder_problem())?;
        if crate::files::write_atomic(&self.file(id), &json).is_err() {
            let _ = self.vault.delete(&account).await;
            return Err(self.folder_problem());
        }
        Ok(())
    }

    /// Every delivered connection whose profile reads; unreadable files are skipped.
    pub fn list(&self) -> Result<Vec<DeliveredProfile>, Problem> {
        let entries = match std::fs::read_dir(self.folder()) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(_) => return Err(self.folder_problem()),
        };
        let mut profiles: Vec<DeliveredProfile> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| is_profile(path))
            .filter_map(|path| std::fs::read(path).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
            .collect();
        profiles.sort_by(|a, b| a.delivered_at.cmp(&b.delivered_at));
        Ok(profiles)
    }

    /// The status token of a delivered connection.
    pub async fn status_token(&self, connection_id: &str) -> Result<Option<SecretString>, Problem> {
        self.vault
            .read(&Self::token_account(connection_id))
            .await
            .map_err(|error| vault_problem(&error))
    }

    /// Forgets a delivered connection here (the product keeps it).
    pub async fn forget(&self, connection_id: &str) -> Result<(), Problem> {
        if !is_backend_id(connection_id) {
            return Err(Problem::ConnectionNotFound {
                id: connection_id.to_owned(),
            });
        }
        self.vault
            .delete(&Self::token_account(connection_id))
            .await
            .map_err(|error| vault_problem(&error))?;
        match std::fs::remove_file(self.file(connection_id)) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(_) => Err(self.folder_problem()),
        }
    }

    fn folder_problem(&self) -> Problem {
        Problem::ConfigurationInvalid {
            what: format!(
                "the delivered connections folder {}",
                self.folder().display()
            ),
        }
    }
}

fn is_profile(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "json")
        && path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| !name.starts_with('.'))
}
