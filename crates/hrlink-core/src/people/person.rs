//! The one shape every provider's employee and every roster row is normalised to.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use super::mask::{mask_email, mask_id, mask_person_name};

/// Whether a person still works for the business, as the source system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PersonStatus {
    /// Employed (including people on leave and people who have not started yet).
    Active,
    /// Still on the books but switched off (e.g. HRworks `isActive: false`, a dormant contract).
    Inactive,
    /// Has left: a termination or leave date has passed, or the system says so.
    Terminated,
}

/// The identifiers a person carries. Which ones are equal decides rule (1) of matching.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonIds {
    /// The source system's own id for the person (HRworks `personId`, Employment Hero `id`,
    /// iPayroll/IRIS `employeeId`). Only comparable with records from the same system.
    pub provider_id: Option<String>,
    /// The business's personnel number or employee code, shared across its systems (HRworks
    /// `personnelNumber`, Employment Hero `code`, a roster's "Personalnummer").
    pub personnel_number: Option<String>,
    /// The person's ids in other systems, as the source records them (HRworks `externalIds`,
    /// Employment Hero `external_id`).
    pub external_ids: Vec<String>,
}

/// One person, normalised: an employee listed by an HR system, or a record of the business's
/// own (a roster row, a snapshot).
///
/// Deliberately not `Serialize`: a person must not end up in a log or a file by accident. The
/// serialisable view is [`PersonView`](super::PersonView), built only when personal data is
/// explicitly asked for. `Debug` masks names, emails and ids, so `{:?}` and `tracing` fields
/// never print them.
///
/// The derived `Ord` is arbitrary but total; matching sorts by it so that its result does not
/// depend on the order people arrived in.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Person {
    /// The person's identifiers.
    pub ids: PersonIds,
    /// Legal first name(s), as the source spells them ("Anne Marie").
    pub first_name: String,
    /// Last name ("von Müller-Lüdenscheidt").
    pub last_name: String,
    /// The name the person goes by, when it differs (Employment Hero `known_as`, iPayroll
    /// `preferredName`); matching treats it as an alternative first name.
    pub preferred_name: Option<String>,
    /// Middle name(s), when the source keeps them apart.
    pub middle_name: Option<String>,
    /// Work email address (never the private one: not needed, so not collected).
    pub work_email: Option<String>,
    /// Employment status; `None` when the source does not say (a roster without that column),
    /// which counts as active.
    pub status: Option<PersonStatus>,
    /// First day of employment.
    pub start_date: Option<Date>,
    /// Last day of employment (termination, leave or finish date), past or planned.
    pub end_date: Option<Date>,
    /// Date of birth. Optional and only used to tell duplicate HR records apart; never shown,
    /// compared or reported. Adapters may leave it out.
    pub birth_date: Option<Date>,
    /// Organisation unit or department.
    pub department: Option<String>,
    /// Work location, site or permanent establishment.
    pub location: Option<String>,
    /// Teams the person belongs to.
    pub teams: Vec<String>,
    /// Job title or position.
    pub job_title: Option<String>,
}

impl Person {
    /// A person with a first and a last name and nothing else yet.
    pub fn new(first_name: impl Into<String>, last_name: impl Into<String>) -> Person {
        Person {
            first_name: first_name.into(),
            last_name: last_name.into(),
            ..Person::default()
        }
    }

    /// Whether the person counts as employed: no status, or [`PersonStatus::Active`].
    pub fn is_active(&self) -> bool {
        !matches!(
            self.status,
            Some(PersonStatus::Inactive | PersonStatus::Terminated)
        )
    }

    /// The name to show: the preferred name (or first name) and the last name.
    pub fn display_name(&self) -> String {
        let first = self
            .preferred_name
            .as_deref()
            .filter(|name| !name.trim().is_empty())
            .unwrap_or(&self.first_name);
        join_name(first, &self.last_name)
    }

    /// Initials only, for screen-share mode and logs: "Ā. M.".
    pub fn masked_name(&self) -> String {
        mask_person_name(&self.first_name, &self.last_name)
    }
}

/// "First Last", without stray spaces when either part is empty.
pub(crate) fn join_name(first: &str, last: &str) -> String {
    match (first.trim(), last.trim()) {
        ("", last) => last.to_owned(),
        (first, "") => first.to_owned(),
        (first, last) => format!("{first} {last}"),
    }
}

/// Shows that a value is there without showing it (dates, units: low risk each, but together
/// they identify a person).
struct Present(bool);

impl fmt::Debug for Present {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 { "<set>" } else { "None" })
    }
}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Person")
            .field("ids", &self.ids)
            .field("name", &self.masked_name())
            .field("email", &self.work_email.as_deref().map(mask_email))
            .field("status", &self.status)
            .field("start_date", &Present(self.start_date.is_some()))
            .field("end_date", &Present(self.end_date.is_some()))
            .field(
                "unit",
                &Present(self.department.is_some() || self.location.is_some()),
            )
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for PersonIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonIds")
            .field("provider_id", &self.provider_id.as_deref().map(mask_id))
            .field(
                "personnel_number",
                &self.personnel_number.as_deref().map(mask_id),
            )
            .field("external_ids", &self.external_ids.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_masks_personal_data() {
        let person = Person {
            ids: PersonIds {
                provider_id: Some("PID-CANARY-123456".into()),
                personnel_number: Some("4711".into()),
                external_ids: vec!["EXT-CANARY".into()],
            },
            work_email: Some("jane.canary@acme.example".into()),
            department: Some("Canary Unit".into()),
            ..Person::new("Jane", "Canaryfield")
        };
        let debug = format!("{person:?} {person:#?}");
        for canary in [
            "Jane",
            "Canaryfield",
            "jane.canary",
            "CANARY",
            "4711",
            "Canary Unit",
        ] {
            assert!(!debug.contains(canary), "{canary} leaked in {debug}");
        }
        assert!(debug.contains("J. C."));
        assert!(debug.contains("j•••@acme.example"));
    }

    #[test]
    fn status_defaults_to_active() {
        let mut person = Person::new("A", "B");
        assert!(person.is_active());
        person.status = Some(PersonStatus::Terminated);
        assert!(!person.is_active());
    }

    #[test]
    fn display_name_prefers_known_as() {
        let mut person = Person::new("Robert", "Smith");
        assert_eq!(person.display_name(), "Robert Smith");
        person.preferred_name = Some("Bob".into());
        assert_eq!(person.display_name(), "Bob Smith");
        assert_eq!(Person::new("", "Cher").display_name(), "Cher");
    }
}
