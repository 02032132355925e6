//! The serialisable view of a [`MatchResult`] for the CLI (`--json`) and the app.
//!
//! Shape: `{"counts":{…},"people":[{"id","category","rule"?,"similarity"?,"decision"?,
//! "hr":{…}|null,"existing":{…}|null,"differences":[…],"duplicate_of"?,"excluded"?}]}`.
//! Personal data appears only as much as the caller asks for ([`Disclosure`]).

use serde::Serialize;
use time::Date;

use super::mask::{mask_email, mask_id};
use super::matching::{Category, Decision, EntryId, Field, MatchCounts, MatchEntry, MatchRule};
use super::{MatchResult, Person, PersonStatus};

/// How much personal data a report carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Disclosure {
    /// Counts only: `people` is empty.
    #[default]
    CountsOnly,
    /// Rows with initials, masked emails and masked personnel numbers, the status and the
    /// differing field names; nothing else (screen-share mode, support sessions).
    Masked,
    /// Rows with every field HR Link holds (except birth dates, which are never reported).
    /// Only on the admin's explicit request, never in diagnostics.
    Full,
}

/// Counts and rows, ready to serialise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleReport {
    /// People per category, after decisions and exclusions.
    pub counts: MatchCounts,
    /// One row per person or pair; a rejected pair is two rows with the same id.
    pub people: Vec<ReportRow>,
}

/// One row of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportRow {
    /// The entry's id, for accepting, rejecting or excluding it.
    pub id: EntryId,
    /// The category now (after decisions).
    pub category: Category,
    /// The rule that paired, suggested or flagged the entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<MatchRule>,
    /// Name similarity in percent, for suggested pairs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<u8>,
    /// The admin's decision, once there is one.
    #[serde(skip_serializing_if = "is_undecided")]
    pub decision: Decision,
    /// The HR side, if the row has one.
    pub hr: Option<PersonView>,
    /// The existing record, if the row has one.
    pub existing: Option<PersonView>,
    /// Fields that differ between the two sides.
    pub differences: Vec<Field>,
    /// For a duplicate: the id of the entry it duplicates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<EntryId>,
    /// The caller excluded this entry from the counts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub excluded: bool,
}

fn is_undecided(decision: &Decision) -> bool {
    *decision == Decision::Undecided
}

/// A person as a report shows them. With [`Disclosure::Masked`] only `name` (initials),
/// `email` and `personnel_number` (masked) and `status` are set; absent values are left out
/// of the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonView {
    /// Display name ("Bob Smith"), or initials ("B. S.") when masked.
    pub name: String,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Known-as name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    /// Middle name(s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Work email (masked: `j•••@acme.example`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Personnel number (masked: at most the last four characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personnel_number: Option<String>,
    /// The source system's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
    /// Employment status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PersonStatus>,
    /// Start date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// End date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Teams.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}

impl PersonView {
    /// The view of a person at a level of disclosure (`None` for [`Disclosure::CountsOnly`]).
    pub fn of(person: &Person, disclosure: Disclosure) -> Option<PersonView> {
        match disclosure {
            Disclosure::CountsOnly => None,
            Disclosure::Masked => Some(PersonView {
                name: person.masked_name(),
                email: person.work_email.as_deref().map(mask_email),
                personnel_number: person.ids.personnel_number.as_deref().map(mask_id),
                status: person.status,
                ..PersonView::default()
            }),
            Disclosure::Full => Some(PersonView {
                name: person.display_name(),
                first_name: non_empty(&person.first_name),
                last_name: non_empty(&person.last_name),
                preferred_name: person.preferred_name.clone(),
                middle_name: person.middle_name.clone(),
                email: person.work_email.clone(),
                personnel_number: person.ids.personnel_number.clone(),
                provider_id: person.ids.provider_id.clone(),
                status: person.status,
                start_date: person.start_date.map(iso),
                end_date: person.end_date.map(iso),
                department: person.department.clone(),
                location: person.location.clone(),
                teams: person.teams.clone(),
                job_title: person.job_title.clone(),
            }),
        }
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn iso(date: Date) -> String {
    // `Date`'s Display is ISO 8601 (`2024-05-01`) for years 0–9999.
    date.to_string()
}

impl MatchResult {
    /// The report at a level of disclosure. Rows follow the entries' order; a rejected pair
    /// becomes two rows (its HR person, then its existing record).
    pub fn report(&self, disclosure: Disclosure) -> PeopleReport {
        let people = if disclosure == Disclosure::CountsOnly {
            Vec::new()
        } else {
            self.entries()
                .iter()
                .flat_map(|entry| self.rows(entry, disclosure))
                .collect()
        };
        PeopleReport {
            counts: self.counts(),
            people,
        }
    }

    fn rows(&self, entry: &MatchEntry, disclosure: Disclosure) -> Vec<ReportRow> {
        let view = |person: Option<&Person>| person.and_then(|p| PersonView::of(p, disclosure));
        let row = ReportRow {
            id: entry.id(),
            category: entry.category(),
            rule: entry.rule(),
            similarity: entry.similarity(),
            decision: entry.decision(),
            hr: view(self.hr_person(entry)),
            existing: view(self.existing_person(entry)),
            differences: entry.differences().to_vec(),
            duplicate_of: entry.duplicate_of(),
            excluded: entry.is_excluded(),
        };
        let mut categories = entry.categories();
        let first = categories.next();
        match categories.next() {
            // A rejected pair: the HR person and the existing record, each on its own row.
            Some(second) => vec![
                ReportRow {
                    category: first.unwrap_or(second),
                    existing: None,
                    differences: Vec::new(),
                    ..row.clone()
                },
                ReportRow {
                    category: second,
                    hr: None,
                    differences: Vec::new(),
                    ..row
                },
            ],
            None => vec![row],
        }
    }
}
