//! Excel workbooks (.xlsx): the first sheet with data, streamed cell by cell.
//!
//! A workbook is a zip of XML parts, and two megabytes of zip can inflate to gigabytes (a zip
//! bomb). Before calamine decompresses anything, the zip's directory is checked: how many parts,
//! and how large each is and all are uncompressed. The zip reader refuses a part that inflates
//! beyond the size its directory declares, so these sizes are a real bound. calamine keeps the
//! shared strings in memory (so the part bound bounds them) and streams the sheet (the row limit
//! bounds that).

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx, XlsxError};
use time::{Date, Month};

use super::{Cell, MAX_COLUMNS, MAX_ROSTER_ROWS, RawRow, too_large};
use crate::Problem;

/// Parts a workbook may have (a roster's has a dozen or two; each sheet adds a few).
const MAX_PARTS: usize = 1_000;

/// Largest uncompressed part: a sheet of [`MAX_ROSTER_ROWS`] rows of ten cells is about 80 MiB
/// of XML.
const MAX_PART_BYTES: u64 = 128 * 1024 * 1024;

/// Largest uncompressed workbook, all parts together.
const MAX_UNCOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

/// The rows of the first sheet that has any, and that sheet's name.
pub(super) fn rows(bytes: &[u8]) -> Result<(Vec<RawRow>, String), Problem> {
    check_container(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|error| match error {
        XlsxError::Password => Problem::RosterPasswordProtected,
        _ => Problem::RosterUnreadable,
    })?;
    for sheet in book.sheet_names() {
        let rows = sheet_rows(&mut book, &sheet)?;
        if !rows.is_empty() {
            return Ok((rows, sheet));
        }
    }
    Ok((Vec::new(), String::new()))
}

/// Refuses a workbook with too many parts or too much uncompressed data, reading only the zip's
/// directory. What is not a zip (a password-protected workbook is an OLE container) is left to
/// calamine, which tells what it is.
fn check_container(bytes: &[u8]) -> Result<(), Problem> {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if archive.len() > MAX_PARTS {
        return Err(too_large());
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let size = archive
            .by_index_data(index)
            .map_err(|_| Problem::RosterUnreadable)?
            .size();
        total = total.saturating_add(size);
        if size > MAX_PART_BYTES || total > MAX_UNCOMPRESSED_BYTES {
            return Err(too_large());
        }
    }
    Ok(())
}

fn sheet_rows(book: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Result<Vec<RawRow>, Problem> {
    let unreadable = |_: XlsxError| Problem::RosterUnreadable;
    let mut cells = book.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut rows: Vec<RawRow> = Vec::new();
    // Streaming keeps memory to the rows we keep, and lets us stop at the row limit.
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        let value = convert(cell.get_value());
        let column = column as usize;
        if column >= MAX_COLUMNS || matches!(value, Cell::Empty) {
            continue;
        }
        let number = row.saturating_add(1);
        if rows.last().is_none_or(|last| last.number != number) {
            if rows.len() > MAX_ROSTER_ROWS {
                return Err(too_large());
            }
            rows.push(RawRow {
                number,
                cells: Vec::new(),
            });
        }
        if let Some(last) = rows.last_mut() {
            if last.cells.len() <= column {
                last.cells.resize(column + 1, Cell::Empty);
            }
            last.cells[column] = value;
        }
    }
    Ok(rows)
}

fn convert(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Int(number) => Cell::Number(*number as f64),
        DataRef::Float(number) => Cell::Number(*number),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            Cell::Text(text.trim().to_owned())
        }
        DataRef::SharedString(text) => Cell::Text(text.trim().to_owned()),
        DataRef::Bool(value) => Cell::Text(value.to_string()),
        DataRef::DateTime(datetime) if datetime.is_datetime() => {
            let (year, month, day, ..) = datetime.to_ymd_hms_milli();
            Month::try_from(month)
                .ok()
                .and_then(|month| Date::from_calendar_date(year.into(), month, day).ok())
                .map_or(Cell::Number(datetime.as_f64()), Cell::Date)
        }
        DataRef::DateTime(duration) => Cell::Number(duration.as_f64()),
        DataRef::Error(_) | DataRef::Empty => Cell::Empty,
    }
}
