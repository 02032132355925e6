//! Recognising a roster's columns by their headers, in English and German.

use serde::Serialize;

use crate::people::normalise::fold;

/// What HR Link reads a roster column as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RosterField {
    /// First name ("First name", "Vorname").
    FirstName,
    /// Last name ("Last name", "Surname", "Nachname", "Familienname").
    LastName,
    /// Full name, split into first and last ("Name", "Full name", "Mitarbeiter").
    FullName,
    /// Known-as name ("Preferred name", "Known as", "Rufname").
    PreferredName,
    /// Middle name(s).
    MiddleName,
    /// Work email ("Email", "E-Mail", "Work email", "Dienstliche E-Mail").
    Email,
    /// Personnel number ("Employee ID", "Personnel number", "Personalnummer",
    /// "Mitarbeiternummer").
    PersonnelNumber,
    /// Start date ("Start date", "Eintrittsdatum").
    StartDate,
    /// End date ("End date", "Termination date", "Austrittsdatum").
    EndDate,
    /// Employment status ("Status", "Aktiv").
    Status,
    /// Department ("Department", "Abteilung").
    Department,
    /// Location ("Location", "Standort").
    Location,
    /// Job title ("Job title", "Position", "Stelle").
    JobTitle,
    /// Team.
    Team,
}

impl RosterField {
    /// Fields that can identify a person on their own; a roster needs at least one.
    pub fn identifies(self) -> bool {
        matches!(
            self,
            RosterField::FirstName
                | RosterField::LastName
                | RosterField::FullName
                | RosterField::Email
                | RosterField::PersonnelNumber
        )
    }
}

/// Header synonyms, folded with spaces removed (see [`header_key`]). Within a field, earlier
/// synonyms are more specific and win when two columns claim the same field ("Work email"
/// over "Email"). Columns matching none (a private email, a birth date, a bank account) are
/// ignored: what matching does not need is not read.
const SYNONYMS: &[(RosterField, &[&str])] = &[
    (
        RosterField::FirstName,
        &[
            "firstname",
            "givenname",
            "forename",
            "firstnames",
            "vorname",
            "vornamen",
            "first",
        ],
    ),
    (
        RosterField::LastName,
        &[
            "lastname",
            "surname",
            "familyname",
            "nachname",
            "familienname",
            "zuname",
            "last",
        ],
    ),
    (
        RosterField::FullName,
        &[
            "fullname",
            "employeename",
            "displayname",
            "vollstandigername",
            "mitarbeitername",
            "anzeigename",
            "name",
            "mitarbeiter",
            "mitarbeiterin",
            "employee",
        ],
    ),
    (
        RosterField::PreferredName,
        &[
            "preferredname",
            "preferredfirstname",
            "knownas",
            "nickname",
            "rufname",
            "spitzname",
        ],
    ),
    (
        RosterField::MiddleName,
        &[
            "middlename",
            "middlenames",
            "zweitervorname",
            "weiterevornamen",
        ],
    ),
    (
        RosterField::Email,
        &[
            "workemail",
            "workemailaddress",
            "businessemail",
            "companyemail",
            "dienstlicheemail",
            "dienstlicheemailadresse",
            "geschaftlicheemail",
            "firmenemail",
            "emailaddress",
            "emailadresse",
            "email",
            "mail",
        ],
    ),
    (
        RosterField::PersonnelNumber,
        &[
            "personnelnumber",
            "personnelno",
            "personnelnr",
            "employeenumber",
            "employeeno",
            "employeeid",
            "employeecode",
            "staffnumber",
            "staffid",
            "payrollnumber",
            "payrollid",
            "personalnummer",
            "personalnr",
            "persnr",
            "mitarbeiternummer",
            "mitarbeiternr",
            "mitarbeiterid",
            "id",
        ],
    ),
    (
        RosterField::StartDate,
        &[
            "startdate",
            "employmentstartdate",
            "hiredate",
            "dateofhire",
            "joindate",
            "joiningdate",
            "datejoined",
            "eintrittsdatum",
            "einstellungsdatum",
            "startdatum",
            "beschaftigungsbeginn",
            "eintritt",
            "start",
        ],
    ),
    (
        RosterField::EndDate,
        &[
            "enddate",
            "employmentenddate",
            "terminationdate",
            "leavedate",
            "leavingdate",
            "exitdate",
            "finishdate",
            "austrittsdatum",
            "enddatum",
            "beschaftigungsende",
            "austritt",
            "end",
        ],
    ),
    (
        RosterField::Status,
        &[
            "employmentstatus",
            "status",
            "mitarbeiterstatus",
            "beschaftigungsstatus",
            "active",
            "aktiv",
        ],
    ),
    (
        RosterField::Department,
        &[
            "department",
            "departmentname",
            "dept",
            "organisationunit",
            "organizationunit",
            "orgunit",
            "abteilung",
            "organisationseinheit",
            "bereich",
            "unit",
        ],
    ),
    (
        RosterField::Location,
        &[
            "worklocation",
            "location",
            "site",
            "office",
            "standort",
            "arbeitsort",
            "niederlassung",
            "betriebsstatte",
            "filiale",
        ],
    ),
    (
        RosterField::JobTitle,
        &[
            "jobtitle",
            "position",
            "role",
            "jobrole",
            "stellenbezeichnung",
            "berufsbezeichnung",
            "stelle",
            "funktion",
            "tatigkeit",
        ],
    ),
    (RosterField::Team, &["team", "teams"]),
];

/// A header in comparable form: anything in brackets dropped ("Eintritt (TT.MM.JJJJ)"),
/// folded, spaces removed: "E-Mail" and "e_mail" are both `email`.
pub(super) fn header_key(header: &str) -> String {
    let header = header.split(['(', '[']).next().unwrap_or_default();
    fold(header).replace(' ', "")
}

/// The field a header names, with its synonym's rank (lower is more specific).
fn recognise(header: &str) -> Option<(RosterField, usize)> {
    let key = header_key(header);
    SYNONYMS.iter().find_map(|(field, synonyms)| {
        synonyms
            .iter()
            .position(|synonym| *synonym == key)
            .map(|rank| (*field, rank))
    })
}

/// Assigns fields to columns: each field to its most specific column (then the leftmost);
/// the other columns claiming it are left unused. `None` when no column identifies a person.
pub(super) fn assign(headers: &[String]) -> Option<Vec<Option<RosterField>>> {
    let recognised: Vec<Option<(RosterField, usize)>> =
        headers.iter().map(|header| recognise(header)).collect();
    let mut fields: Vec<Option<RosterField>> = vec![None; headers.len()];
    for (field, _) in SYNONYMS {
        let best = recognised
            .iter()
            .enumerate()
            .filter_map(|(column, found)| match found {
                Some((f, rank)) if f == field => Some((*rank, column)),
                _ => None,
            })
            .min();
        if let Some((_, column)) = best {
            fields[column] = Some(*field);
        }
    }
    // German rosters often have "Vorname" and "Name": there "Name" is the last name.
    let has = |wanted: RosterField| fields.contains(&Some(wanted));
    if has(RosterField::FirstName) && !has(RosterField::LastName) {
        for (column, field) in fields.iter_mut().enumerate() {
            if *field == Some(RosterField::FullName) && header_key(&headers[column]) == "name" {
                *field = Some(RosterField::LastName);
            }
        }
    }
    fields
        .iter()
        .flatten()
        .any(|field| field.identifies())
        .then_some(fields)
}

/// How many columns of a row are recognised headers; used to find the header row below any
/// title lines.
pub(super) fn recognised_count(cells: &[String]) -> usize {
    cells
        .iter()
        .filter(|cell| recognise(cell).is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(headers: &[&str]) -> Option<Vec<Option<RosterField>>> {
        assign(&headers.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn english_and_german_headers() {
        use RosterField as F;
        assert_eq!(
            fields(&[
                "Vorname",
                "Nachname",
                "E-Mail",
                "Personalnummer",
                "Eintrittsdatum"
            ]),
            Some(vec![
                Some(F::FirstName),
                Some(F::LastName),
                Some(F::Email),
                Some(F::PersonnelNumber),
                Some(F::StartDate)
            ])
        );
        assert_eq!(
            fields(&[
                " FIRST_NAME ",
                "Surname",
                "Work E-mail",
                "Employee ID",
                "Job Title"
            ]),
            Some(vec![
                Some(F::FirstName),
                Some(F::LastName),
                Some(F::Email),
                Some(F::PersonnelNumber),
                Some(F::JobTitle)
            ])
        );
        assert_eq!(
            fields(&[
                "Dienstliche E-Mail",
                "Familienname",
                "Austrittsdatum",
                "Standort",
                "Stelle"
            ]),
            Some(vec![
                Some(F::Email),
                Some(F::LastName),
                Some(F::EndDate),
                Some(F::Location),
                Some(F::JobTitle)
            ])
        );
    }

    #[test]
    fn german_name_next_to_vorname_is_the_last_name() {
        use RosterField as F;
        assert_eq!(
            fields(&["Vorname", "Name"]),
            Some(vec![Some(F::FirstName), Some(F::LastName)])
        );
        assert_eq!(
            fields(&["Name", "Email"]),
            Some(vec![Some(F::FullName), Some(F::Email)])
        );
    }

    #[test]
    fn most_specific_column_wins_and_the_rest_is_ignored() {
        use RosterField as F;
        assert_eq!(
            fields(&[
                "Email",
                "Private email",
                "Work email",
                "Geburtsdatum",
                "Name"
            ]),
            Some(vec![None, None, Some(F::Email), None, Some(F::FullName)])
        );
    }

    #[test]
    fn brackets_are_ignored_and_nothing_identifying_is_refused() {
        assert_eq!(
            fields(&["Eintrittsdatum (TT.MM.JJJJ)", "Vorname"]),
            Some(vec![
                Some(RosterField::StartDate),
                Some(RosterField::FirstName)
            ])
        );
        assert_eq!(fields(&["Abteilung", "Standort"]), None);
        assert_eq!(fields(&[]), None);
    }
}
