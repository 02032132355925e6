//! People as CSV for a spreadsheet: the CLI's `--format csv` and the app's export of the
//! confirmed list. Every cell is formula-safe.

use serde::Serialize;

use super::report::{PeopleReport, PersonView};
use crate::printable::printable;

/// The CSV columns of one side of a row.
const SIDE_COLUMNS: [&str; 11] = [
    "name",
    "email",
    "personnel_number",
    "provider_id",
    "status",
    "start_date",
    "end_date",
    "department",
    "location",
    "job_title",
    "teams",
];

/// The report as CSV: one line per row, both sides' fields and the differing fields; every cell
/// formula-safe ([`spreadsheet_safe`]). The CLI's `--format csv` and the app's export.
pub fn report_csv(report: &PeopleReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["category".to_owned()];
    for side in ["hr", "existing"] {
        header.extend(SIDE_COLUMNS.iter().map(|column| format!("{side}_{column}")));
    }
    header.push("differences".to_owned());
    writer.write_record(&header)?;
    for row in &report.people {
        let mut record = vec![enum_text(&row.category)];
        for side in [&row.hr, &row.existing] {
            record.extend(side_cells(side.as_ref()));
        }
        let differences: Vec<String> = row.differences.iter().map(enum_text).collect();
        record.push(differences.join(" "));
        writer.write_record(record.iter().map(|cell| spreadsheet_safe(cell)))?;
    }
    let bytes = writer.into_inner().map_err(|error| error.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn side_cells(view: Option<&PersonView>) -> Vec<String> {
    let Some(view) = view else {
        return vec![String::new(); SIDE_COLUMNS.len()];
    };
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    vec![
        view.name.clone(),
        text(&view.email),
        text(&view.personnel_number),
        text(&view.provider_id),
        view.status.as_ref().map(enum_text).unwrap_or_default(),
        text(&view.start_date),
        text(&view.end_date),
        text(&view.department),
        text(&view.location),
        text(&view.job_title),
        view.teams.join("; "),
    ]
}

/// A unit enum's serde name (`matched_with_differences`).
fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

/// Cells lose control characters and bidi overrides ([`printable`]: a spreadsheet or a
/// terminal showing the file would obey them), and those a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` at the start) get a leading apostrophe: HR data is typed by many people
/// (OWASP CSV injection).
fn spreadsheet_safe(cell: &str) -> String {
    let cell = printable(cell);
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::Category;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("-1+2"), "'-1+2");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Anne-Marie"), "Anne-Marie");
        assert_eq!(spreadsheet_safe(""), "");
        // A tab or carriage return first is removed with the other controls, and what follows
        // is defused all the same.
        assert_eq!(spreadsheet_safe("\t=1+1"), "'=1+1");
        assert_eq!(spreadsheet_safe("Eve\u{1b}]0;pwned\u{7}"), "Eve]0;pwned");
    }

    #[test]
    fn enums_print_their_serde_names() {
        assert_eq!(
            enum_text(&Category::MatchedWithDifferences),
            "matched_with_differences"
        );
        assert_eq!(enum_text(&Category::Duplicate), "duplicates");
    }
}
