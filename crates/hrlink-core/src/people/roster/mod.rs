//! The admin's roster: a CSV or XLSX export from the business's other system, read into
//! [`Person`] values plus a summary of how it was read.
//!
//! Everything is detected, nothing asked: the format (XLSX by its zip signature, else text),
//! the text encoding (BOM, UTF-8, UTF-16, Windows-1252), the delimiter (`,` `;` tab `|`), the
//! header row (the first of the top rows naming known columns, so title lines above it are
//! skipped), the columns (English and German synonyms, see [`RosterField`]), and per date
//! column whether `03/04/2024` is day or month first. Problems name rows and columns, never
//! what a cell contains.

mod columns;
mod text;
mod xlsx;

use std::io::Read;
use std::path::Path;

use serde::Serialize;
use time::Date;

use super::Person;
use super::normalise::{
    DateOrder, excel_serial_date, infer_date_order, parse_date_in, parse_status, split_full_name,
};
use crate::Problem;

pub use columns::RosterField;

/// Largest roster file read (32 MiB: a 50,000-person CSV is about 5 MiB).
pub const MAX_ROSTER_BYTES: u64 = 32 * 1024 * 1024;

/// Most data rows read (four times the 50,000 people HR Link is built for).
pub const MAX_ROSTER_ROWS: usize = 200_000;

/// Columns beyond this are ignored: a roster has a few dozen.
const MAX_COLUMNS: usize = 512;

/// Top rows searched for the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// Cells listed individually in [`RosterSummary::unreadable_cells`]; the rest are counted.
const MAX_LISTED_CELLS: usize = 50;

/// Longest header text repeated in the summary.
const MAX_HEADER_CHARS: usize = 80;

/// A roster read into people.
#[derive(Debug, Clone)]
pub struct Roster {
    /// One person per usable row, in file order.
    pub people: Vec<Person>,
    /// How the file was read, for the admin to check ("We used: Vorname → first name …").
    pub summary: RosterSummary,
}

/// The file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RosterFormat {
    /// Delimited text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// How a roster was read. Holds header texts and positions, never cell contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RosterSummary {
    /// CSV or XLSX.
    pub format: RosterFormat,
    /// The text encoding (CSV): `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: Option<String>,
    /// The delimiter (CSV), e.g. `;` or a tab character.
    pub delimiter: Option<String>,
    /// The sheet read (XLSX).
    pub sheet: Option<String>,
    /// The header row's number as the admin sees it (1 = first line or row).
    pub header_row: u32,
    /// People read.
    pub people: u32,
    /// Non-empty rows skipped because they had no name, email or personnel number.
    pub skipped_rows: u32,
    /// Every column, and what it was used as (`None`: ignored).
    pub columns: Vec<ColumnUse>,
    /// Cells that could not be read (a date or status we do not understand), at most 50; the
    /// person is kept without that value.
    pub unreadable_cells: Vec<CellRef>,
    /// How many cells could not be read in all.
    pub unreadable_cell_count: u32,
}

/// One column of the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnUse {
    /// Column number, 1 = first.
    pub column: u32,
    /// The header as written (trimmed, at most 80 characters).
    pub header: String,
    /// What the column was read as; `None` when it was ignored.
    pub field: Option<RosterField>,
}

/// A cell position, for pointing the admin at a value without repeating it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CellRef {
    /// Row (line) number, 1 = first.
    pub row: u32,
    /// Column number, 1 = first.
    pub column: u32,
    /// What the column holds.
    pub field: RosterField,
}

/// A cell as the readers deliver it.
#[derive(Debug, Clone)]
enum Cell {
    Empty,
    Text(String),
    /// A number cell (XLSX): an id, or a date serial in a date column.
    Number(f64),
    /// A date-formatted cell (XLSX).
    Date(Date),
}

/// A row with the number the admin sees for it.
struct RawRow {
    number: u32,
    cells: Vec<Cell>,
}

fn too_large() -> Problem {
    Problem::RosterTooLarge {
        max_megabytes: u32::try_from(MAX_ROSTER_BYTES / (1024 * 1024)).unwrap_or(u32::MAX),
        max_rows: u32::try_from(MAX_ROSTER_ROWS).unwrap_or(u32::MAX),
    }
}

/// Reads a roster file, refusing files over [`MAX_ROSTER_BYTES`] before reading them.
pub fn read_roster_file(path: &Path) -> Result<Roster, Problem> {
    let file = std::fs::File::open(path).map_err(|_| Problem::FileUnreadable)?;
    let length = file.metadata().map_err(|_| Problem::FileUnreadable)?.len();
    if length > MAX_ROSTER_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or_default());
    // The file may grow between the check and the read: never read past the limit.
    file.take(MAX_ROSTER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Problem::FileUnreadable)?;
    read_roster(&bytes)
}

/// Reads a roster from the file's bytes (CSV in any common encoding, or XLSX).
pub fn read_roster(bytes: &[u8]) -> Result<Roster, Problem> {
    if bytes.len() as u64 > MAX_ROSTER_BYTES {
        return Err(too_large());
    }
    let (rows, mut summary) = if bytes.starts_with(b"PK\x03\x04") {
        let (rows, sheet) = xlsx::rows(bytes)?;
        (
            rows,
            new_summary(RosterFormat::Xlsx, None, None, Some(sheet)),
        )
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: a password-protected .xlsx, or a legacy .xls.
        return Err(match xlsx::rows(bytes) {
            Err(Problem::RosterPasswordProtected) => Problem::RosterPasswordProtected,
            _ => Problem::RosterUnreadable,
        });
    } else {
        let decoded = text::decode(bytes)?;
        let (delimiter, sep_line) = text::detect_delimiter(&decoded.text);
        let rows = text::rows(&decoded.text, delimiter, sep_line)?;
        let delimiter = char::from(delimiter).to_string();
        let encoding = Some(decoded.encoding);
        (
            rows,
            new_summary(RosterFormat::Csv, encoding, Some(delimiter), None),
        )
    };
    let people = people(&rows, &mut summary)?;
    tracing::debug!(
        people = people.len(),
        columns = summary.columns.len(),
        "roster read"
    );
    Ok(Roster { people, summary })
}

fn new_summary(
    format: RosterFormat,
    encoding: Option<&str>,
    delimiter: Option<String>,
    sheet: Option<String>,
) -> RosterSummary {
    RosterSummary {
        format,
        encoding: encoding.map(str::to_owned),
        delimiter,
        sheet,
        header_row: 0,
        people: 0,
        skipped_rows: 0,
        columns: Vec::new(),
        unreadable_cells: Vec::new(),
        unreadable_cell_count: 0,
    }
}

/// Finds the header row, assigns the columns and turns the rows below into people.
fn people(rows: &[RawRow], summary: &mut RosterSummary) -> Result<Vec<Person>, Problem> {
    let non_empty: Vec<&RawRow> = rows
        .iter()
        .filter(|row| row.cells.iter().any(|cell| !matches!(cell, Cell::Empty)))
        .collect();
    if non_empty.is_empty() {
        return Err(Problem::RosterEmpty);
    }
    // The header is the top row naming the most known columns (title lines name none).
    let (header_at, headers) = non_empty
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .map(|row| headers(row))
        .enumerate()
        .max_by_key(|(at, headers)| (columns::recognised_count(headers), std::cmp::Reverse(*at)))
        .ok_or(Problem::RosterEmpty)?;
    let fields = columns::assign(&headers).ok_or(Problem::RosterNoUsableColumns)?;
    summary.columns = describe(&headers, &fields);
    summary.header_row = non_empty[header_at].number;
    let data = &non_empty[header_at + 1..];
    if data.len() > MAX_ROSTER_ROWS {
        return Err(too_large());
    }

    let orders: Vec<DateOrder> = fields
        .iter()
        .enumerate()
        .map(|(column, field)| match field {
            Some(RosterField::StartDate | RosterField::EndDate) => {
                infer_date_order(data.iter().filter_map(|row| match row.cells.get(column) {
                    Some(Cell::Text(text)) => Some(text.as_str()),
                    _ => None,
                }))
            }
            _ => DateOrder::DayFirst,
        })
        .collect();

    let mut people = Vec::with_capacity(data.len());
    for row in data {
        match person(row, &fields, &orders, summary) {
            Some(person) => people.push(person),
            None => summary.skipped_rows += 1,
        }
    }
    summary.people = u32::try_from(people.len()).unwrap_or(u32::MAX);
    Ok(people)
}

/// A row's cells as header texts.
fn headers(row: &RawRow) -> Vec<String> {
    row.cells
        .iter()
        .map(cell_text)
        .map(Option::unwrap_or_default)
        .collect()
}

fn describe(headers: &[String], fields: &[Option<RosterField>]) -> Vec<ColumnUse> {
    headers
        .iter()
        .zip(fields)
        .enumerate()
        .map(|(column, (header, field))| ColumnUse {
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            header: header.chars().take(MAX_HEADER_CHARS).collect(),
            field: *field,
        })
        .collect()
}

/// One data row as a person; `None` when it has no name, email or personnel number.
fn person(
    row: &RawRow,
    fields: &[Option<RosterField>],
    orders: &[DateOrder],
    summary: &mut RosterSummary,
) -> Option<Person> {
    let mut person = Person::default();
    let mut full_name = None;
    for (column, field) in fields.iter().enumerate() {
        let (Some(field), Some(cell)) = (field, row.cells.get(column)) else {
            continue;
        };
        if matches!(cell, Cell::Empty) {
            continue;
        }
        let mut unreadable = false;
        match field {
            RosterField::StartDate | RosterField::EndDate => {
                let date = cell_date(cell, orders[column]);
                unreadable = date.is_none();
                if *field == RosterField::StartDate {
                    person.start_date = date;
                } else {
                    person.end_date = date;
                }
            }
            RosterField::Status => {
                person.status = cell_text(cell).as_deref().and_then(parse_status);
                unreadable = person.status.is_none();
            }
            RosterField::Team => person.teams.extend(cell_text(cell)),
            text_field => {
                let value = cell_text(cell);
                match text_field {
                    RosterField::FirstName => person.first_name = value.unwrap_or_default(),
                    RosterField::LastName => person.last_name = value.unwrap_or_default(),
                    RosterField::FullName => full_name = value,
                    RosterField::PreferredName => person.preferred_name = value,
                    RosterField::MiddleName => person.middle_name = value,
                    RosterField::Email => person.work_email = value,
                    RosterField::PersonnelNumber => person.ids.personnel_number = value,
                    RosterField::Department => person.department = value,
                    RosterField::Location => person.location = value,
                    _ => person.job_title = value,
                }
            }
        }
        if unreadable {
            note_unreadable(summary, row.number, column, *field);
        }
    }
    if person.first_name.is_empty()
        && person.last_name.is_empty()
        && let Some(full_name) = full_name
    {
        (person.first_name, person.last_name) = split_full_name(&full_name);
    }
    let identified = !person.first_name.is_empty()
        || !person.last_name.is_empty()
        || person.work_email.is_some()
        || person.ids.personnel_number.is_some();
    identified.then_some(person)
}

fn note_unreadable(summary: &mut RosterSummary, row: u32, column: usize, field: RosterField) {
    summary.unreadable_cell_count += 1;
    if summary.unreadable_cells.len() < MAX_LISTED_CELLS {
        summary.unreadable_cells.push(CellRef {
            row,
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            field,
        });
    }
}

/// A cell as text; whole numbers without a decimal point (ids typed as numbers in Excel).
fn cell_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(text) => Some(text.clone()).filter(|text| !text.is_empty()),
        Cell::Number(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            Some(format!("{}", *number as i64))
        }
        Cell::Number(number) => Some(number.to_string()),
        Cell::Date(date) => Some(date.to_string()),
    }
}

/// A cell as a date: a date cell, an Excel serial (a number cell, or all digits in a CSV
/// saved from Excel), or text in any format [`parse_date_in`] reads.
fn cell_date(cell: &Cell, order: DateOrder) -> Option<Date> {
    match cell {
        Cell::Empty => None,
        Cell::Date(date) => Some(*date),
        Cell::Number(serial) => excel_serial_date(*serial),
        Cell::Text(text) => parse_date_in(text, order).or_else(|| {
            let serial_like =
                (1..=7).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
            serial_like
                .then(|| text.parse::<f64>().ok())
                .flatten()
                .and_then(excel_serial_date)
        }),
    }
}
