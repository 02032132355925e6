//! Telling the admin that a connection stopped working: which checks deserve an OS
//! notification (once per failure, again only for a permission that went missing since), and
//! its text. Showing it is the caller's (`hrlink connections check --notify`).
//!
//! What was told is kept in the profile ([`Alerted`]) and forgotten when the connection works
//! again, so a check that cannot tell (HR system unreachable, keychain locked) in between does
//! not make the next failing check tell again.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::store::folder_problem;
use super::{CheckOutcome, ConnectionId, ConnectionStatus, ConnectionStore, profile};
use crate::Problem;
use crate::links::Link;
use crate::messages::{self, Language};

/// What the admin was told about a connection while it fails (kept in its profile).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Alerted {
    /// The missing permissions (catalogue ids) told about; empty for credentials refused.
    pub missing: Vec<String>,
}

/// A notification to show. Its text names the HR system and the company only, both shown in
/// screen-share mode too: never a person's name or email, never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The connection it is about.
    pub connection: ConnectionId,
    /// "HRworks for Sandbox Bäckerei GmbH stopped working".
    pub summary: String,
    /// What the check found, in the HR system's words (the problem's message).
    pub body: String,
    /// The action's label: "Re-authorise".
    pub action_label: String,
    /// What the action opens: `hrlink://connections/<id>/reauthorise`.
    pub link: Link,
    missing: Vec<String>,
}

/// The notification `outcome` deserves: a connection refused or missing a permission that was
/// not told yet. `None` when it works, cannot be checked now, or nothing new is missing.
pub fn alert_for(outcome: &CheckOutcome, language: Language) -> Option<Alert> {
    let problem = outcome.problem.as_ref()?;
    let missing = missing_permissions(outcome);
    // Unreachable or a locked keychain says nothing about the credentials: nothing to fix.
    let failing = matches!(
        outcome.status,
        ConnectionStatus::FailedAuth | ConnectionStatus::MissingPermission
    );
    let new = match &outcome.profile.alerted {
        None => true,
        Some(told) => missing.iter().any(|m| !told.missing.contains(m)),
    };
    if !failing || !new {
        return None;
    }
    let profile = &outcome.profile;
    let summary = text("stopped_working", language)
        .replace("{provider}", profile.provider.display_name())
        .replace("{account}", &profile.account.name);
    Some(Alert {
        connection: profile.id.clone(),
        summary,
        body: messages::render(problem, language).message,
        action_label: text("reauthorise", language).to_owned(),
        link: Link::Reauthorise {
            connection_id: profile.id.clone(),
        },
        missing,
    })
}

fn missing_permissions(outcome: &CheckOutcome) -> Vec<String> {
    let problems = outcome.report.iter().flat_map(|report| &report.problems);
    let mut missing: Vec<String> = problems
        .filter_map(|problem| match problem {
            Problem::PermissionMissing { permission, .. } => Some(permission.clone()),
            _ => None,
        })
        .collect();
    missing.sort();
    missing.dedup();
    missing
}

impl ConnectionStore {
    /// Notes in the profile that `alert` was shown, so the same failure is not told again.
    pub fn mark_alerted(&self, alert: &Alert) -> Result<(), Problem> {
        let mut profile = self.profile(&alert.connection)?;
        let told = profile.alerted.get_or_insert_with(Alerted::default);
        for permission in &alert.missing {
            if !told.missing.contains(permission) {
                told.missing.push(permission.clone());
            }
        }
        profile::write(self.dir(), &profile).map_err(|_| folder_problem(self.dir()))
    }
}

type Texts = HashMap<String, String>;

fn load(json: &str) -> Texts {
    // Part of the build and checked by the tests below; unreadable would be a build defect.
    serde_json::from_str(json).unwrap_or_default()
}

static EN: LazyLock<Texts> =
    LazyLock::new(|| load(include_str!("../../messages/notifications.en.json")));
static DE: LazyLock<Texts> =
    LazyLock::new(|| load(include_str!("../../messages/notifications.de.json")));

fn text(key: &str, language: Language) -> &'static str {
    let texts = match language {
        Language::En => &*EN,
        Language::De => &*DE,
    };
    texts
        .get(key)
        .or_else(|| EN.get(key))
        .map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ProviderId;
    use crate::connections::profile::tests::sample;
    use crate::verify::VerificationReport;

    fn missing(permission: &str) -> Problem {
        Problem::PermissionMissing {
            provider: "HRworks".into(),
            permission: permission.into(),
        }
    }

    /// A check that found `status` by `problems`, on a profile that was told `alerted`.
    fn outcome(
        status: ConnectionStatus,
        problems: Vec<Problem>,
        alerted: Option<&[&str]>,
    ) -> CheckOutcome {
        let mut profile = sample("c-1", "Payroll");
        profile.last_status = status;
        profile.alerted = alerted.map(|told| Alerted {
            missing: told.iter().map(|&m| m.to_owned()).collect(),
        });
        let mut report = VerificationReport::failed(ProviderId::Hrworks, problems[0].clone());
        report.problems = problems.clone();
        CheckOutcome {
            profile,
            status,
            report: Some(report),
            problem: problems.first().cloned(),
            newly_bound: false,
        }
    }

    #[test]
    fn a_failure_is_told_once_and_a_newly_missing_permission_again() {
        let refused = Problem::CredentialsRejected {
            provider: "HRworks".into(),
        };
        let first = outcome(ConnectionStatus::FailedAuth, vec![refused.clone()], None);
        let alert = alert_for(&first, Language::De).unwrap();
        assert_eq!(
            alert.summary,
            "HRworks für Acme GmbH funktioniert nicht mehr"
        );
        assert_eq!(alert.action_label, "Neu autorisieren");
        assert_eq!(alert.link.to_url(), "hrlink://connections/c-1/reauthorise");
        let told = outcome(ConnectionStatus::FailedAuth, vec![refused], Some(&[]));
        assert_eq!(alert_for(&told, Language::En), None);

        let status = ConnectionStatus::MissingPermission;
        let one = outcome(status, vec![missing("persons")], Some(&["persons"]));
        assert_eq!(alert_for(&one, Language::En), None);
        let more = vec![missing("persons"), missing("absences")];
        let alert = alert_for(&outcome(status, more, Some(&["persons"])), Language::En).unwrap();
        assert_eq!(alert.missing, ["absences", "persons"]);
    }

    #[test]
    fn what_cannot_be_checked_now_is_not_told() {
        for (status, problem) in [
            (
                ConnectionStatus::Unreachable,
                Problem::ProviderUnreachable {
                    provider: "HRworks".into(),
                },
            ),
            (ConnectionStatus::VaultLocked, Problem::VaultLocked),
        ] {
            assert_eq!(
                alert_for(&outcome(status, vec![problem], None), Language::En),
                None
            );
        }
    }

    #[test]
    fn both_languages_have_every_text_with_the_same_placeholders() {
        let mut en: Vec<_> = EN.keys().collect();
        let mut de: Vec<_> = DE.keys().collect();
        en.sort();
        de.sort();
        assert_eq!(en, ["reauthorise", "stopped_working"]);
        assert_eq!(en, de);
        for key in ["{provider}", "{account}"] {
            assert!(EN["stopped_working"].contains(key));
            assert!(DE["stopped_working"].contains(key));
        }
    }
}
