//! What a health check found, and a saved connection as the app shows it.

use serde::{Deserialize, Serialize};

use super::{LastUse, Profile};
use crate::verify::{Account, VerificationReport};
use crate::{Problem, ProviderId};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
