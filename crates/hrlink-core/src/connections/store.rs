//! The store of saved connections: save, list, read, record a check, rename and remove (reading
//! credentials back is in `loading.rs`, re-authorising in `existing.rs`).

use std::path::{Path, PathBuf};

use super::profile::{self, AccountFingerprint, CorruptProfile, Profile};
use super::secret::{self};
use super::{
    ConnectionId, ConnectionStatus, ConnectionSummary, lock, token_cache, usage, vault_problem,
};
use crate::Problem;
use crate::credentials::Credentials;
use crate::mapping::ChosenMapping;
use crate::vault::Vault;
use crate::verify::{Account, PermissionStatus, VerificationReport};

/// Whether `account` is the account `profile` was saved for: same id, and the same name once
/// normalised.
pub fn same_account(profile: &Profile, account: &Account) -> bool {
    profile.account.id == account.id
        && profile.account.normalised_name == profile::normalise_name(&account.name)
}

pub(super) fn folder_problem(dir: &Path) -> Problem {
    Problem::ConfigurationInvalid {
        what: format!("the connections folder {}", profile::folder(dir).display()),
    }
}

/// Puts the admin's `mapping` (if one was chosen) in `profile`, in place of any earlier one.
pub(super) fn keep_mapping(profile: &mut Profile, mapping: Option<&ChosenMapping>) {
    if let Some(chosen) = mapping {
        profile.mapping = Some(chosen.mapping.clone());
        profile.mapping_known = Some(chosen.known.clone());
    }
}

/// Saved connections: profiles under `dir`, secrets in `vault`.
#[derive(Debug, Clone)]
pub struct ConnectionStore {
    pub(super) dir: PathBuf,
    pub(super) vault: Vault,
}

impl ConnectionStore {
    /// A store with profiles under `dir` (the app's config dir) and secrets in `vault`.
    pub fn new(dir: impl Into<PathBuf>, vault: Vault) -> ConnectionStore {
        ConnectionStore {
            dir: dir.into(),
            vault,
        }
    }

    /// The config dir profiles live under.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves verified credentials: the secret in the keychain, then the profile, with the
    /// report's selection of optional permissions (later checks judge by it). Refuses a report
    /// that is not ok (its first problem) or that is for another provider.
    pub async fn save(
        &self,
        label: &str,
        credentials: &Credentials,
        report: &VerificationReport,
    ) -> Result<ConnectionId, Problem> {
        self.save_mapped(label, credentials, report, None).await
    }

    /// [`ConnectionStore::save`] with the `mapping` the admin chose, in the same profile write:
    /// a connection is never saved without the mapping it was saved with.
    pub async fn save_mapped(
        &self,
        label: &str,
        credentials: &Credentials,
        report: &VerificationReport,
        mapping: Option<&ChosenMapping>,
    ) -> Result<ConnectionId, Problem> {
        let provider = credentials.provider();
        let account = verified_account(credentials, report)?;
        let label = label_or_account(label, &account.name)?;
        let id = ConnectionId::generate();
        let origins = report.origins.clone();
        let encoded =
            secret::encode(credentials, origins.as_ref()).map_err(|e| vault_problem(&e))?;
        self.vault
            .store_new(&id.vault_account(), &encoded)
            .await
            .map_err(|e| vault_problem(&e))?;
        let now = profile::now();
        let mut profile = Profile {
            version: profile::PROFILE_VERSION,
            id: id.clone(),
            label,
            provider,
            account: fingerprint(account),
            hint: credentials.hint(),
            granted_permissions: granted(report),
            created_at: now,
            verified_at: now,
            last_ok_at: Some(now),
            last_status: ConnectionStatus::Connected,
            failing_since: None,
            chosen_permissions: report.chosen.clone(),
            origins,
            mapping: None,
            mapping_known: None,
            alerted: None,
        };
        keep_mapping(&mut profile, mapping);
        if profile::write(&self.dir, &profile).is_err() {
            // No profile, no connection: do not leave an orphaned secret behind.
            let _ = self.vault.delete(&id.vault_account()).await;
            return Err(folder_problem(&self.dir));
        }
        Ok(id)
    }

    /// The summary of `profile` as the app shows it, with its last use from the usage log.
    pub fn summary(&self, profile: &Profile) -> ConnectionSummary {
        self.summaries(std::slice::from_ref(profile))
            .pop()
            .unwrap_or_else(|| ConnectionSummary::from(profile))
    }

    /// The summaries of `profiles`, reading the usage log once.
    pub fn summaries(&self, profiles: &[Profile]) -> Vec<ConnectionSummary> {
        let mut last_uses = usage::last_uses(&self.dir);
        profiles
            .iter()
            .map(|profile| ConnectionSummary {
                last_used: last_uses.remove(&profile.id),
                ..ConnectionSummary::from(profile)
            })
            .collect()
    }

    /// Every saved connection, and the profile files that could not be read (set aside).
    pub fn list(&self) -> Result<(Vec<Profile>, Vec<CorruptProfile>), Problem> {
        profile::read_all(&self.dir).map_err(|_| folder_problem(&self.dir))
    }

    /// The profile of `id`.
    pub fn profile(&self, id: &ConnectionId) -> Result<Profile, Problem> {
        match profile::read_file(&profile::path(&self.dir, id)) {
            Ok(profile::Read::Found(profile)) => Ok(*profile),
            Ok(profile::Read::Missing | profile::Read::Corrupt(_)) => {
                Err(Problem::ConnectionNotFound {
                    id: id.as_str().to_owned(),
                })
            }
            Err(_) => Err(folder_problem(&self.dir)),
        }
    }

    /// Records the outcome of a check in the profile (status, verified and last-ok times).
    pub fn record_check(
        &self,
        id: &ConnectionId,
        status: ConnectionStatus,
    ) -> Result<Profile, Problem> {
        self.record(id, status, None)
    }

    pub(super) fn record(
        &self,
        id: &ConnectionId,
        status: ConnectionStatus,
        report: Option<&VerificationReport>,
    ) -> Result<Profile, Problem> {
        let mut profile = self.profile(id)?;
        let now = profile::now();
        profile.last_status = status;
        if status != ConnectionStatus::VaultLocked {
            profile.verified_at = now;
        }
        match status {
            ConnectionStatus::Connected => {
                profile.last_ok_at = Some(now);
                profile.failing_since = None;
                profile.alerted = None;
            }
            // A locked keychain says nothing about the HR system.
            ConnectionStatus::VaultLocked => {}
            _ => {
                profile.failing_since.get_or_insert(now);
            }
        }
        if let Some(report) = report.filter(|r| r.account.is_some()) {
            profile.granted_permissions = granted(report);
        }
        profile::write(&self.dir, &profile).map_err(|_| folder_problem(&self.dir))?;
        Ok(profile)
    }

    /// Replaces the secret of `id` (a rotated token, new keys): one keychain call that replaces
    /// the entry, so there is never a moment without one.
    pub async fn replace_secret(
        &self,
        id: &ConnectionId,
        credentials: &Credentials,
    ) -> Result<(), Problem> {
        let profile = self.profile(id)?;
        if profile.provider != credentials.provider() {
            return Err(Problem::ConfigurationInvalid {
                what: format!(
                    "credentials for {} on a {} connection",
                    credentials.provider().display_name(),
                    profile.provider.display_name()
                ),
            });
        }
        let encoded =
            secret::encode(credentials, profile.origins.as_ref()).map_err(|e| vault_problem(&e))?;
        self.vault
            .store(&id.vault_account(), &encoded)
            .await
            .map_err(|e| vault_problem(&e))?;
        // A token handed out for the old secret is not one for the new.
        token_cache::forget(&self.vault, id).await
    }

    /// Renames `id` (the label only; the account stays what was verified).
    pub fn rename(&self, id: &ConnectionId, label: &str) -> Result<Profile, Problem> {
        let mut profile = self.profile(id)?;
        profile.label = label_or_account(label, &profile.account.name)?;
        profile::write(&self.dir, &profile).map_err(|_| folder_problem(&self.dir))?;
        Ok(profile)
    }

    /// Removes `id`: its keychain entry, then its profile. When the keychain fails the profile
    /// stays, so that the removal can be retried.
    pub async fn remove(&self, id: &ConnectionId) -> Result<(), Problem> {
        let path = profile::path(&self.dir, id);
        let exists = path.exists();
        let had_secret = self
            .vault
            .read(&id.vault_account())
            .await
            .map_err(|e| vault_problem(&e))?
            .is_some();
        if !exists && !had_secret {
            return Err(Problem::ConnectionNotFound {
                id: id.as_str().to_owned(),
            });
        }
        self.vault
            .delete(&id.vault_account())
            .await
            .map_err(|e| vault_problem(&e))?;
        token_cache::forget(&self.vault, id).await?;
        lock::remove(&self.dir, id);
        self.remove_people_snapshot(id).await?;
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(folder_problem(&self.dir))
            }
            _ => Ok(()),
        }
    }
}

/// The account `report` reached, when it is an ok report for the credentials' provider; else
/// its first problem.
pub(super) fn verified_account<'r>(
    credentials: &Credentials,
    report: &'r VerificationReport,
) -> Result<&'r Account, Problem> {
    match &report.account {
        Some(account) if report.ok && report.provider == credentials.provider() => Ok(account),
        _ => {
            Err(report
                .problems
                .first()
                .cloned()
                .unwrap_or_else(|| Problem::ConfigurationInvalid {
                    what: "an unverified connection".to_owned(),
                }))
        }
    }
}

/// The label the admin typed, or the account's name when they left it empty.
/// Longest connection name, in characters.
pub const MAX_LABEL_CHARS: usize = 80;

/// The name given, trimmed, or the account's when none was: at most [`MAX_LABEL_CHARS`] and
/// without control characters or bidi overrides (it is shown in lists, terminals and logs).
fn label_or_account(label: &str, account_name: &str) -> Result<String, Problem> {
    match label.trim() {
        "" => Ok(account_name.to_owned()),
        label
            if label.chars().count() <= MAX_LABEL_CHARS
                && crate::printable::printable(label) == label =>
        {
            Ok(label.to_owned())
        }
        _ => Err(Problem::ConnectionLabelInvalid),
    }
}

pub(super) fn fingerprint(account: &Account) -> AccountFingerprint {
    AccountFingerprint {
        id: account.id.clone(),
        name: account.name.clone(),
        normalised_name: profile::normalise_name(&account.name),
    }
}

fn granted(report: &VerificationReport) -> Vec<String> {
    report
        .permissions
        .iter()
        .filter(|p| p.status == PermissionStatus::Granted)
        .map(|p| p.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_short_plain_text_or_the_account_name() {
        assert_eq!(label_or_account("  Bakery ", "Acme"), Ok("Bakery".into()));
        assert_eq!(label_or_account(" ", "Acme"), Ok("Acme".into()));
        assert_eq!(
            label_or_account(&"ä".repeat(80), "Acme"),
            Ok("ä".repeat(80))
        );
        for bad in [
            "x".repeat(4 * 1024 * 1024),
            "ä".repeat(81),
            "Bakery\u{1b}]0;pwned\u{7}".into(),
            "Bak\nery".into(),
            "\u{202e}yrekab".into(),
        ] {
            assert_eq!(
                label_or_account(&bad, "Acme"),
                Err(Problem::ConnectionLabelInvalid)
            );
        }
    }

    #[test]
    fn same_account_compares_id_and_normalised_name() {
        let profile = profile::tests::sample("c1", "Acme");
        let account = |id: &str, name: &str| Account {
            id: id.into(),
            name: name.into(),
        };
        assert!(same_account(&profile, &account("42", "ACME  GmbH.")));
        assert!(!same_account(&profile, &account("43", "Acme GmbH")));
        assert!(!same_account(&profile, &account("42", "Other GmbH")));
    }
}
