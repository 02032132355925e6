//! What a verification found: the [`VerificationReport`] and how it is judged against the
//! admin's selection.

use serde::Serialize;

use crate::Problem;
use crate::providers::catalogue::ProviderId;

/// The organisation or account the credentials reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Account {
    /// The provider's id for it (for iPayroll the organisation number).
    pub id: String,
    /// Its display name, as the admin knows it.
    pub name: String,
}

/// Whether a permission is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PermissionStatus {
    /// The probe succeeded.
    Granted,
    /// The HR system refused the probe: not granted.
    Missing,
    /// The probe could not tell (the HR system failed to answer).
    Unknown,
}

/// One permission's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionCheck {
    /// The permission's id in the provider's own terms (e.g. `persons.master-data`).
    pub id: String,
    /// Whether the integration cannot work without it.
    pub required: bool,
    /// What the probe found.
    pub status: PermissionStatus,
}

/// How many people the HR system itself counts, as its API reports it without listing everyone.
/// Systems count differently (some only the active people, some every record, former staff
/// included), so the count says which: every screen and the CLI word it by [`PeopleCounted`].
/// It can differ from the People step's figures, which come from reading each person (HR Link
/// judges active, inactive and left from each one's dates and status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleCount {
    /// Number of people the HR system counted.
    pub count: u32,
    /// Who it counted.
    pub counted: PeopleCounted,
}

/// Who an HR system's own people count includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PeopleCounted {
    /// Only the people the HR system calls active (HRworks, iPayroll).
    Active,
    /// Every person record, inactive and former staff included (Employment Hero, IRIS,
    /// Employment Hero Payroll).
    Everyone,
}

impl PeopleCount {
    /// A count of the active people only.
    pub fn active(count: u32) -> PeopleCount {
        PeopleCount {
            count,
            counted: PeopleCounted::Active,
        }
    }

    /// A count of every person record.
    pub fn everyone(count: u32) -> PeopleCount {
        PeopleCount {
            count,
            counted: PeopleCounted::Everyone,
        }
    }
}

/// The outcome of verifying one set of credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerificationReport {
    /// The HR system.
    pub provider: ProviderId,
    /// True when authenticated and every required permission is granted.
    pub ok: bool,
    /// The account reached, when authentication succeeded.
    pub account: Option<Account>,
    /// Every permission probed, required ones first.
    pub permissions: Vec<PermissionCheck>,
    /// The people count, when it could be read.
    pub people: Option<PeopleCount>,
    /// Everything that went wrong, most important first.
    pub problems: Vec<Problem>,
    /// What deserves a look but does not stop the connection (e.g.
    /// [`Problem::PermissionsBeyondSelection`]).
    pub warnings: Vec<Problem>,
    /// The optional permissions this report was judged against (see
    /// [`VerificationReport::select`]); `None` when every configured one was probed and none
    /// demanded. Saving a connection records it, so that its checks judge the same way. Not
    /// sent to the UI, which made the choice.
    #[serde(skip)]
    pub chosen: Option<Vec<String>>,
    /// The addresses this report was verified against: saving binds the connection to them
    /// (see [`crate::connections::binding`]). Not sent to the UI.
    #[serde(skip)]
    pub origins: Option<crate::endpoints::BoundOrigins>,
}

impl VerificationReport {
    /// A report for a verification that could not start or authenticate.
    pub fn failed(provider: ProviderId, problem: Problem) -> VerificationReport {
        VerificationReport {
            provider,
            ok: false,
            account: None,
            permissions: Vec::new(),
            people: None,
            problems: vec![problem],
            warnings: Vec::new(),
            chosen: None,
            origins: None,
        }
    }

    /// Assembles a report, deriving `ok` and adding a problem per missing required permission.
    pub fn assemble(
        provider: ProviderId,
        account: Option<Account>,
        mut permissions: Vec<PermissionCheck>,
        people: Option<PeopleCount>,
        mut problems: Vec<Problem>,
    ) -> VerificationReport {
        permissions.sort_by_key(|p| !p.required);
        let missing: Vec<Problem> = permissions
            .iter()
            .filter(|p| p.required && p.status == PermissionStatus::Missing)
            .map(|p| Problem::PermissionMissing {
                provider: provider.display_name().to_owned(),
                permission: p.id.clone(),
            })
            .collect();
        problems.splice(0..0, missing);
        let all_required_granted = permissions
            .iter()
            .filter(|p| p.required)
            .all(|p| p.status == PermissionStatus::Granted);
        VerificationReport {
            provider,
            ok: account.is_some() && all_required_granted && problems.is_empty(),
            account,
            permissions,
            people,
            problems,
            warnings: Vec::new(),
            chosen: None,
            origins: None,
        }
    }

    /// Narrows a full report to the admin's selection: the required permissions and the chosen
    /// optional ones. A chosen one that is missing fails the check like a required one (with its
    /// fix); unchosen ones leave the table and, when granted, count with `granted_scopes` (the
    /// sign-in's full grant, when the token response listed it) as granted beyond the selection.
    pub fn select(mut self, chosen: &[String], granted_scopes: Option<&[String]>) -> Self {
        let provider = self.provider;
        let (selected, unchosen): (Vec<PermissionCheck>, Vec<PermissionCheck>) = self
            .permissions
            .into_iter()
            .partition(|p| p.required || chosen.contains(&p.id));
        let missing: Vec<Problem> = selected
            .iter()
            .filter(|p| !p.required && p.status == PermissionStatus::Missing)
            .map(|p| Problem::PermissionMissing {
                provider: provider.display_name().to_owned(),
                permission: p.id.clone(),
            })
            .collect();
        self.ok &= missing.is_empty();
        // After the missing required ones, which `assemble` put first.
        let at = self
            .problems
            .iter()
            .take_while(|p| matches!(p, Problem::PermissionMissing { .. }))
            .count();
        self.problems.splice(at..at, missing);
        let mut beyond: Vec<&str> = unchosen
            .iter()
            .filter(|p| p.status == PermissionStatus::Granted)
            .map(|p| p.id.as_str())
            .collect();
        for scope in granted_scopes.unwrap_or_default() {
            if !selected.iter().any(|p| p.id == *scope) && !beyond.contains(&scope.as_str()) {
                beyond.push(scope);
            }
        }
        if grants_far_more(provider, &beyond) {
            self.warnings.push(Problem::PermissionsBeyondSelection {
                provider: provider.display_name().to_owned(),
                permissions: beyond.join(", "),
            });
        }
        self.chosen = Some(
            selected
                .iter()
                .filter(|p| !p.required)
                .map(|p| p.id.clone())
                .collect(),
        );
        self.permissions = selected;
        self
    }
}

/// How many permissions beyond the selection count as "far more" even when none of them reaches
/// personal or payroll data.
pub const FAR_MORE_COUNT: usize = 3;

/// Whether permissions granted beyond the selection are far more than chosen: at least one of
/// them reaches personal or payroll data that HR Link does not read
/// ([`reaches_personal_data`]), or there are [`FAR_MORE_COUNT`] or more of them.
pub fn grants_far_more(provider: ProviderId, beyond: &[&str]) -> bool {
    beyond.len() >= FAR_MORE_COUNT || beyond.iter().any(|id| reaches_personal_data(provider, id))
}

/// Whether a permission of `provider` opens personal or payroll data about people (pay, payslips,
/// leave, time, contracts, full personal records), as opposed to the company's structure.
pub fn reaches_personal_data(provider: ProviderId, id: &str) -> bool {
    provider
        .entry()
        .permission(id)
        .is_some_and(|permission| permission.personal_data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(id: &str, required: bool, status: PermissionStatus) -> PermissionCheck {
        PermissionCheck {
            id: id.to_owned(),
            required,
            status,
        }
    }

    fn report(permissions: Vec<PermissionCheck>) -> VerificationReport {
        let account = Account {
            id: "1".into(),
            name: "Acme".into(),
        };
        VerificationReport::assemble(
            ProviderId::Ipayroll,
            Some(account),
            permissions,
            None,
            vec![],
        )
    }

    fn chosen(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    #[test]
    fn a_missing_chosen_permission_fails_after_the_required_ones() {
        use PermissionStatus::{Granted, Missing};
        let full = report(vec![
            check("employees", true, Missing),
            check("payslips", false, Missing),
            check("timesheets", false, Missing),
        ]);
        let selected = full.select(&chosen(&["payslips"]), None);
        assert!(!selected.ok);
        let missing: Vec<_> = selected
            .problems
            .iter()
            .map(|p| match p {
                Problem::PermissionMissing { permission, .. } => permission.as_str(),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(missing, ["employees", "payslips"]);
        let ids: Vec<_> = selected.permissions.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["employees", "payslips"], "timesheets was not chosen");
        assert_eq!(selected.chosen, Some(chosen(&["payslips"])));

        let granted = report(vec![
            check("employees", true, Granted),
            check("timesheets", false, Missing),
        ]);
        assert_eq!(granted.chosen, None, "a full report has no selection");
        let none = granted.select(&chosen(&["no-such-permission"]), None);
        assert!(none.ok, "unchosen ones are not demanded");
        assert_eq!(
            none.chosen,
            Some(vec![]),
            "only probed permissions are chosen"
        );
    }

    #[test]
    fn far_more_means_personal_data_or_three_extra() {
        let p = ProviderId::Ipayroll;
        assert!(!grants_far_more(p, &[]));
        assert!(!grants_far_more(p, &["costcentres", "customfields"]));
        assert!(grants_far_more(
            p,
            &["costcentres", "customfields", "employees"]
        ));
        assert!(grants_far_more(p, &["payslips"]));
        assert!(!grants_far_more(
            ProviderId::Hrworks,
            &["organization-units"]
        ));
        assert!(grants_far_more(ProviderId::Iris, &["contract"]));
    }

    #[test]
    fn the_grant_beyond_the_selection_comes_from_probes_and_the_scope_list() {
        use PermissionStatus::Granted;
        let full = report(vec![
            check("employees", true, Granted),
            check("leavebalances", false, Granted),
        ]);
        let scopes = chosen(&["employees", "leavebalances", "payrates", "costcentres"]);
        let selected = full.clone().select(&[], Some(&scopes));
        assert!(selected.ok, "a warning does not fail: {selected:?}");
        assert_eq!(
            selected.warnings,
            vec![Problem::PermissionsBeyondSelection {
                provider: "iPayroll".into(),
                permissions: "leavebalances, payrates, costcentres".into(),
            }]
        );
        let only = chosen(&["employees", "costcentres"]);
        assert!(
            full.select(&chosen(&["leavebalances"]), Some(&only))
                .warnings
                .is_empty()
        );
    }
}
