//! Saved connections: the secret in the keychain (one entry per connection, see
//! [`crate::vault`]), everything else in a non-secret profile file ([`profile`]); and health
//! checks that prove a saved connection still works.
//!
//! Never a plain-text fallback: when the keychain is locked, missing or slow, the caller gets a
//! [`Problem`] to show and retry, and nothing secret is written anywhere else.

pub mod access;
pub mod binding;
mod issue;
mod lock;
pub mod profile;
pub mod secret;
pub mod token_cache;
pub mod usage;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};

use secrecy::{ExposeSecret, SecretString};

use crate::config::Config;
use crate::credentials::{Credentials, OAuthGrant, Secret};
use crate::http::HttpClient;
use crate::oauth::OAuthTokens;
use crate::people::Person;
use crate::people::snapshot::{self, Snapshot, SnapshotError};
use crate::providers::{self, CredentialKind};
use crate::vault::{Vault, VaultError};
use crate::verify::{Account, PermissionStatus, VerificationReport};
use crate::{Endpoints, Problem, ProviderId};

pub use access::{Access, access};
pub use profile::{AccountFingerprint, CorruptProfile, Profile};
pub use secret::StoredSecret;
pub use usage::LastUse;

/// A saved connection's id: lower-case letters, digits and `-`, so it is safe as a file name
/// and a keychain account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ConnectionId(String);

impl ConnectionId {
    /// Accepts 1 to 64 characters of `a-z`, `0-9` and `-`; `None` otherwise.
    pub fn parse(value: &str) -> Option<ConnectionId> {
        let valid = (1..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        valid.then(|| ConnectionId(value.to_owned()))
    }

    /// A new, unique id: time, process and a counter.
    pub fn generate() -> ConnectionId {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        ConnectionId(format!("c{nanos:x}-{:x}-{count:x}", std::process::id()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The keychain account holding this connection's secret.
    fn vault_account(&self) -> String {
        format!("connection-{}", self.0)
    }

    /// The keychain account holding the key of this connection's people snapshot.
    fn snapshot_key_account(&self) -> String {
        format!("people-key-{}", self.0)
    }
}

impl std::fmt::Display for ConnectionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ConnectionId {
    type Error = String;
    fn try_from(value: String) -> Result<ConnectionId, String> {
        ConnectionId::parse(&value).ok_or_else(|| "invalid connection id".to_owned())
    }
}

impl From<ConnectionId> for String {
    fn from(id: ConnectionId) -> String {
        id.0
    }
}

/// What a health check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ConnectionStatus {
    /// Authenticated, and every required permission is granted.
    Connected,
    /// The HR system no longer accepts the credentials.
    FailedAuth,
    /// A required permission is no longer granted.
    MissingPermission,
    /// The HR system could not be reached or answered unexpectedly.
    Unreachable,
    /// The keychain is locked, unavailable or did not answer: the secret could not be read.
    VaultLocked,
}

impl ConnectionStatus {
    /// The stable code, as in `--json` output.
    pub fn code(self) -> &'static str {
        match self {
            ConnectionStatus::Connected => "connected",
            ConnectionStatus::FailedAuth => "failed_auth",
            ConnectionStatus::MissingPermission => "missing_permission",
            ConnectionStatus::Unreachable => "unreachable",
            ConnectionStatus::VaultLocked => "vault_locked",
        }
    }

    /// The status a problem stands for.
    pub fn for_problem(problem: &Problem) -> ConnectionStatus {
        match problem {
            Problem::CredentialsRejected { .. }
            | Problem::ConnectionRefused { .. }
            | Problem::SignInExpired { .. }
            | Problem::IrisUserInactive
            | Problem::ClientRejected { .. } => ConnectionStatus::FailedAuth,
            Problem::PermissionMissing { .. } | Problem::IrisApiModuleDisabled => {
                ConnectionStatus::MissingPermission
            }
            Problem::VaultLocked | Problem::VaultUnavailable | Problem::VaultTimedOut => {
                ConnectionStatus::VaultLocked
            }
            _ => ConnectionStatus::Unreachable,
        }
    }

    /// The status a verification report stands for.
    pub fn for_report(report: &VerificationReport) -> ConnectionStatus {
        if report.ok {
            return ConnectionStatus::Connected;
        }
        report
            .problems
            .first()
            .map_or(ConnectionStatus::Unreachable, ConnectionStatus::for_problem)
    }
}

/// A saved connection as the app shows it: no secret, only the masked hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConnectionSummary {
    /// The connection's id.
    pub id: String,
    /// The admin's name for it.
    pub label: String,
    /// The HR system.
    pub provider: ProviderId,
    /// The account (organisation) it was saved for.
    pub account: Account,
    /// The masked access key or user name; empty for a browser sign-in.
    pub hint: String,
    /// What the last check found.
    pub status: ConnectionStatus,
    /// The granted permissions, as last verified.
    pub granted_permissions: Vec<String>,
    /// The optional permissions the admin chose to share; `None` when no choice was recorded
    /// (every configured one is probed, only the required ones demanded).
    pub chosen_permissions: Option<Vec<String>>,
    /// When it was saved, last checked, and last found working: Unix seconds (`u32`: a
    /// TypeScript number cannot hold every `u64`, and seconds fit until 2106).
    pub created_at: u32,
    /// See `created_at`.
    pub verified_at: u32,
    /// See `created_at`; `None` when it never worked since saving.
    pub last_ok_at: Option<u32>,
    /// Which program last asked for access (`hrlink credential get`), and when; `None` when
    /// none has, or when the summary was made without reading the usage log.
    pub last_used: Option<LastUse>,
}

impl From<&Profile> for ConnectionSummary {
    fn from(profile: &Profile) -> ConnectionSummary {
        let seconds = |at: u64| u32::try_from(at).unwrap_or(u32::MAX);
        ConnectionSummary {
            id: profile.id.as_str().to_owned(),
            label: profile.label.clone(),
            provider: profile.provider,
            account: Account {
                id: profile.account.id.clone(),
                name: profile.account.name.clone(),
            },
            hint: profile.hint.clone(),
            status: profile.last_status,
            granted_permissions: profile.granted_permissions.clone(),
            chosen_permissions: profile.chosen_permissions.clone(),
            created_at: seconds(profile.created_at),
            verified_at: seconds(profile.verified_at),
            last_ok_at: profile.last_ok_at.map(seconds),
            last_used: None,
        }
    }
}

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

/// The problem to show for a snapshot that could not be sealed or opened.
fn snapshot_problem(error: &SnapshotError) -> Problem {
    match error {
        SnapshotError::Unreadable => Problem::PeopleSnapshotUnreadable,
        // No randomness: the platform is broken, nothing the admin can fix here.
        SnapshotError::NoRandomness => Problem::ConfigurationInvalid {
            what: "the system's random number generator".to_owned(),
        },
    }
}

/// Whether `account` is the account `profile` was saved for: same id, and the same name once
/// normalised.
pub fn same_account(profile: &Profile, account: &Account) -> bool {
    profile.account.id == account.id
        && profile.account.normalised_name == profile::normalise_name(&account.name)
}

fn folder_problem(dir: &Path) -> Problem {
    Problem::ConfigurationInvalid {
        what: format!("the connections folder {}", profile::folder(dir).display()),
    }
}

/// Saved connections: profiles under `dir`, secrets in `vault`.
#[derive(Debug, Clone)]
pub struct ConnectionStore {
    dir: PathBuf,
    vault: Vault,
}

/// The outcome of a health check.
#[derive(Debug)]
pub struct CheckOutcome {
    /// The profile, updated with this check.
    pub profile: Profile,
    /// What the check found.
    pub status: ConnectionStatus,
    /// The verification report, when the credentials could be read; its warnings (e.g. far
    /// more granted than chosen) are for the admin too.
    pub report: Option<VerificationReport>,
    /// What to tell the admin when it is not connected: the report's first problem, or why
    /// the credentials could not be read.
    pub problem: Option<Problem>,
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
        let profile = Profile {
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
        };
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

    /// The secret of `id`, as stored.
    pub async fn load_secret(&self, id: &ConnectionId) -> Result<StoredSecret, Problem> {
        let stored = self
            .vault
            .read(&id.vault_account())
            .await
            .map_err(|e| vault_problem(&e))?
            .ok_or_else(|| Problem::ConnectionNotFound {
                id: id.as_str().to_owned(),
            })?;
        secret::decode(&stored).map_err(|e| vault_problem(&e))
    }

    /// The credentials of `id`, ready to verify. A browser sign-in is renewed with its refresh
    /// token (which proves the connection is still authorised) using the integration's OAuth
    /// client from `config`; a rotated refresh token (Employment Hero) replaces the stored one
    /// before anything else, as the old one is then dead. (The stored access token is not
    /// refreshed: every load renews it.)
    pub async fn load_credentials(
        &self,
        id: &ConnectionId,
        http: &HttpClient,
        endpoints: &Endpoints,
        config: &Config,
    ) -> Result<Credentials, Problem> {
        let profile = self.profile(id)?;
        let provider = profile.provider;
        let secret = match self.load_secret(id).await? {
            StoredSecret::KeyPair(keys) => Secret::KeyPair(keys),
            StoredSecret::Login(login) => Secret::Login(login),
            StoredSecret::OAuth {
                refresh_token,
                access_token,
            } => {
                let stored = OAuthTokens {
                    access_token: access_token.unwrap_or_else(|| SecretString::from("")),
                    refresh_token: Some(refresh_token),
                    expires_at: None,
                    granted_scopes: None,
                };
                return self
                    .renew_sign_in(id, &profile, stored, http, endpoints, config)
                    .await;
            }
        };
        // A keychain entry of another kind than its profile: not usable, never guessed at.
        let credentials = Credentials::new(provider, secret)
            .ok_or_else(|| vault_problem(&VaultError::Corrupt))?;
        Ok(credentials)
    }

    /// Renews a stored browser sign-in with its refresh token; a rotated refresh token replaces
    /// the stored one before anything else (see [`ConnectionStore::load_credentials`]).
    async fn renew_sign_in(
        &self,
        id: &ConnectionId,
        profile: &Profile,
        stored: OAuthTokens,
        http: &HttpClient,
        endpoints: &Endpoints,
        config: &Config,
    ) -> Result<Credentials, Problem> {
        let provider = profile.provider;
        if provider.credential_kind() != CredentialKind::BrowserSignIn {
            return Err(vault_problem(&VaultError::Corrupt));
        }
        let oauth = config.oauth(provider)?;
        let provider_endpoints = endpoints.require(provider)?;
        // The same lock as `credential get` (see [`access`]): a program refreshing at this
        // moment would otherwise use the refresh token this rotates away. Read again under it.
        let _lock = lock::ConnectionLock::acquire(&self.dir, id).await?;
        let stored = match self.load_secret(id).await? {
            StoredSecret::OAuth { refresh_token, .. } => OAuthTokens {
                refresh_token: Some(refresh_token),
                ..stored
            },
            _ => return Err(vault_problem(&VaultError::Corrupt)),
        };
        let tokens = providers::provider(provider)
            .refresh(http, provider_endpoints, oauth, &stored)
            .await?;
        // iPayroll hands the same refresh token back: the keychain entry stays as it is.
        let rotated = tokens
            .refresh_token
            .as_ref()
            .map(ExposeSecret::expose_secret)
            != stored
                .refresh_token
                .as_ref()
                .map(ExposeSecret::expose_secret);
        let organisation_id = provider
            .entry()
            .several_organisations()
            .then(|| profile.account.id.clone());
        let credentials = Credentials::oauth(
            provider,
            OAuthGrant {
                tokens,
                permissions: oauth.permissions.clone(),
                organisation_id,
            },
        );
        if rotated {
            self.replace_secret(id, &credentials).await?;
        }
        Ok(credentials)
    }

    /// Re-authorises `id` with freshly verified credentials: they must reach the account the
    /// connection was saved for. Another account is refused with
    /// [`Problem::DifferentAccount`] unless `replacement_name` is that account's name (typed by
    /// the admin to replace it deliberately). Then the secret is replaced in one keychain call
    /// and the profile records the check and the report's selection of optional permissions.
    pub async fn reauthorise(
        &self,
        id: &ConnectionId,
        credentials: &Credentials,
        report: &VerificationReport,
        replacement_name: Option<&str>,
    ) -> Result<Profile, Problem> {
        let mut profile = self.profile(id)?;
        let account = verified_account(credentials, report)?;
        if !same_account(&profile, account) {
            let typed = replacement_name.map(profile::normalise_name);
            if typed.as_deref() != Some(profile::normalise_name(&account.name).as_str()) {
                return Err(Problem::DifferentAccount {
                    provider: profile.provider.display_name().to_owned(),
                    saved: profile.account.name.clone(),
                    reached: account.name.clone(),
                });
            }
            profile.account = fingerprint(account);
        }
        self.replace_secret(id, credentials).await?;
        profile.hint = credentials.hint();
        profile.chosen_permissions = report.chosen.clone();
        profile::write(&self.dir, &profile).map_err(|_| folder_problem(&self.dir))?;
        self.record(id, ConnectionStatus::for_report(report), Some(report))
    }

    /// Records the outcome of a check in the profile (status, verified and last-ok times).
    pub fn record_check(
        &self,
        id: &ConnectionId,
        status: ConnectionStatus,
    ) -> Result<Profile, Problem> {
        self.record(id, status, None)
    }

    fn record(
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

    /// Keeps `people` as the list the admin confirmed for `id` just now, encrypted (see
    /// [`crate::people::snapshot`]): the connection's snapshot key from the keychain (created
    /// and stored on first use), then the file, written atomically.
    pub async fn save_people_snapshot(
        &self,
        id: &ConnectionId,
        people: &[Person],
    ) -> Result<(), Problem> {
        self.profile(id)?;
        let account = id.snapshot_key_account();
        let key = match self
            .vault
            .read(&account)
            .await
            .map_err(|e| vault_problem(&e))?
        {
            Some(key) => key,
            None => {
                let key = snapshot::new_key().map_err(|e| snapshot_problem(&e))?;
                self.vault
                    .store(&account, &key)
                    .await
                    .map_err(|e| vault_problem(&e))?;
                key
            }
        };
        let snapshot = Snapshot {
            confirmed_at: profile::now(),
            people: people.to_vec(),
        };
        let sealed =
            snapshot::seal(&key, id.as_str(), &snapshot).map_err(|e| snapshot_problem(&e))?;
        crate::files::write_atomic(&profile::snapshot_path(&self.dir, id), &sealed)
            .map_err(|_| folder_problem(&self.dir))
    }

    /// The people last confirmed for `id`; `None` when none were kept. A changed or damaged
    /// file, or a key no longer in the keychain, is [`Problem::PeopleSnapshotUnreadable`]
    /// (the caller goes on as without a snapshot); a locked keychain is its own problem.
    pub async fn people_snapshot(&self, id: &ConnectionId) -> Result<Option<Snapshot>, Problem> {
        let bytes = match std::fs::read(profile::snapshot_path(&self.dir, id)) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(_) => return Err(folder_problem(&self.dir)),
        };
        let key = self
            .vault
            .read(&id.snapshot_key_account())
            .await
            .map_err(|e| vault_problem(&e))?
            .ok_or(Problem::PeopleSnapshotUnreadable)?;
        let snapshot = snapshot::open(&key, id.as_str(), &bytes).map_err(|e| {
            tracing::warn!("a people snapshot does not open; treated as absent");
            snapshot_problem(&e)
        })?;
        Ok(Some(snapshot))
    }

    /// Removes the people snapshot of `id` and its key (nothing there is not an error).
    async fn remove_people_snapshot(&self, id: &ConnectionId) -> Result<(), Problem> {
        self.vault
            .delete(&id.snapshot_key_account())
            .await
            .map_err(|e| vault_problem(&e))?;
        match std::fs::remove_file(profile::snapshot_path(&self.dir, id)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(folder_problem(&self.dir))
            }
            _ => Ok(()),
        }
    }

    /// Checks `id`: reads the credentials, verifies them (authentication and permission
    /// probes) against the selection saved with it (a chosen permission missing fails the
    /// check; far more granted than chosen is a warning in the report), and records what was
    /// found.
    pub async fn check(
        &self,
        id: &ConnectionId,
        http: &HttpClient,
        endpoints: &Endpoints,
        config: &Config,
    ) -> Result<CheckOutcome, Problem> {
        let credentials = match self.load_credentials(id, http, endpoints, config).await {
            Ok(credentials) => credentials,
            Err(problem) => {
                let status = ConnectionStatus::for_problem(&problem);
                // A connection that is gone, or a configuration without this provider, is
                // not a health finding: say so instead.
                if matches!(
                    problem,
                    Problem::ConnectionNotFound { .. } | Problem::ConfigurationInvalid { .. }
                ) {
                    return Err(problem);
                }
                let profile = self.record(id, status, None)?;
                return Ok(CheckOutcome {
                    profile,
                    status,
                    report: None,
                    problem: Some(problem),
                });
            }
        };
        let report = match self.profile(id)?.chosen_permissions {
            Some(chosen) => {
                crate::verify::verify_chosen(http, endpoints, &credentials, &chosen, &|_| {}).await
            }
            None => crate::verify::verify(http, endpoints, &credentials, &|_| {}).await,
        };
        let status = ConnectionStatus::for_report(&report);
        let profile = self.record(id, status, Some(&report))?;
        Ok(CheckOutcome {
            profile,
            status,
            problem: report.problems.first().cloned(),
            report: Some(report),
        })
    }
}

/// The account `report` reached, when it is an ok report for the credentials' provider; else
/// its first problem.
fn verified_account<'r>(
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

fn fingerprint(account: &Account) -> AccountFingerprint {
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
    fn ids_are_safe_and_unique() {
        let (a, b) = (ConnectionId::generate(), ConnectionId::generate());
        assert_ne!(a, b);
        assert_eq!(ConnectionId::parse(a.as_str()), Some(a));
        for bad in ["", "../x", "A", "a/b", "a.json"] {
            assert!(ConnectionId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn statuses_follow_the_first_problem() {
        let p = || "HRworks".to_owned();
        for (problem, status) in [
            (
                Problem::CredentialsRejected { provider: p() },
                ConnectionStatus::FailedAuth,
            ),
            (
                Problem::SignInExpired { provider: p() },
                ConnectionStatus::FailedAuth,
            ),
            (
                Problem::PermissionMissing {
                    provider: p(),
                    permission: "persons".into(),
                },
                ConnectionStatus::MissingPermission,
            ),
            (
                Problem::ProviderUnreachable { provider: p() },
                ConnectionStatus::Unreachable,
            ),
            (
                Problem::ProviderTimeout { provider: p() },
                ConnectionStatus::Unreachable,
            ),
            (Problem::VaultLocked, ConnectionStatus::VaultLocked),
            (Problem::VaultTimedOut, ConnectionStatus::VaultLocked),
        ] {
            assert_eq!(ConnectionStatus::for_problem(&problem), status);
        }
        let json = serde_json::to_value(ConnectionStatus::MissingPermission).unwrap();
        assert_eq!(json, "missing_permission");
        assert_eq!(ConnectionStatus::VaultLocked.code(), "vault_locked");
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
