//! CSV and other delimited text: encoding, delimiter, records.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{Cell, MAX_ROSTER_ROWS, RawRow, too_large};
use crate::Problem;

/// Delimiters tried, in order of preference when they fit equally well.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Records looked at to choose the delimiter.
const SAMPLE_RECORDS: usize = 30;

/// Text decoded from bytes, with the encoding's name (as the Encoding Standard names it).
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

/// Decodes a text file: a byte order mark decides (UTF-8, UTF-16 LE/BE); without one, UTF-8
/// if it is valid, UTF-16 if every other byte is zero (a "Unicode text" export that lost its
/// mark), else Windows-1252 (what Excel writes for "CSV" on German and English Windows).
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Problem> {
    let (encoding, body): (&'static Encoding, &[u8]) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (encoding, &bytes[bom_length..]),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => {
                return checked(Decoded {
                    text: Cow::Borrowed(text),
                    encoding: encoding_rs::UTF_8.name(),
                });
            }
            Err(_) => (utf16_without_bom(bytes).unwrap_or(WINDOWS_1252), bytes),
        },
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    checked(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// NUL characters never occur in text exports: this is a binary file (a PDF, an image, an
/// old .xls) that happened to pass as text.
fn checked(decoded: Decoded<'_>) -> Result<Decoded<'_>, Problem> {
    if decoded.text.contains('\0') {
        Err(Problem::RosterUnreadable)
    } else {
        Ok(decoded)
    }
}

/// UTF-16 without a byte order mark: most characters of a roster are ASCII, so one byte of
/// each pair is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zeros_at = |offset: usize| {
        bytes
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 9 && even == 0 {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The delimiter: Excel's `sep=;` line if there is one, else the candidate giving the most
/// records with the header's number of fields (then the widest header).
pub(super) fn detect_delimiter(text: &str) -> (u8, bool) {
    if let Some(first_line) = text.lines().next()
        && let Some(sep) = first_line.trim().strip_prefix("sep=")
        && let [delimiter] = sep.as_bytes()
    {
        return (*delimiter, true);
    }
    let mut best = (b',', (0, 0));
    for delimiter in DELIMITERS {
        let mut reader = reader(text, delimiter);
        let widths: Vec<usize> = reader
            .records()
            .filter_map(Result::ok)
            .filter(|record| record.iter().any(|field| !field.trim().is_empty()))
            .take(SAMPLE_RECORDS)
            .map(|record| record.len())
            .collect();
        let Some(&width) = widths.first() else {
            continue;
        };
        if width < 2 {
            continue;
        }
        let consistent = widths.iter().filter(|&&w| w == width).count();
        if (consistent, width) > best.1 {
            best = (delimiter, (consistent, width));
        }
    }
    (best.0, false)
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The records of delimited text as rows numbered by the line they start on.
pub(super) fn rows(text: &str, delimiter: u8, skip_sep_line: bool) -> Result<Vec<RawRow>, Problem> {
    let text = if skip_sep_line {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    };
    // Line numbers as an editor shows them. The csv crate's own line count lags behind after
    // CRLF line ends, so count the newlines before each record's start instead; its byte
    // offset may point at the `\n` of the previous line's CRLF, hence the inclusive range.
    let mut line = 1 + u32::from(skip_sep_line);
    let mut counted_to = 0;
    let mut rows = Vec::new();
    for record in reader(text, delimiter).records() {
        // The input is a `str`, so the only errors left are ones we cannot read past.
        let record = record.map_err(|_| Problem::RosterUnreadable)?;
        if rows.len() > MAX_ROSTER_ROWS {
            return Err(too_large());
        }
        let start = record
            .position()
            .and_then(|position| usize::try_from(position.byte()).ok())
            .unwrap_or(counted_to);
        let upto = (start + 1).min(text.len()).max(counted_to);
        let newlines = text.as_bytes()[counted_to..upto]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        counted_to = upto;
        let number = line;
        let cells = record
            .iter()
            .map(|field| match field.trim() {
                "" => Cell::Empty,
                text => Cell::Text(text.to_owned()),
            })
            .collect();
        rows.push(RawRow { number, cells });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode("Vorname".as_bytes()).unwrap().encoding, "UTF-8");
        let bom = [&[0xEF, 0xBB, 0xBF][..], "Jörg".as_bytes()].concat();
        let decoded = decode(&bom).unwrap();
        assert_eq!((decoded.text.as_ref(), decoded.encoding), ("Jörg", "UTF-8"));
        let latin = decode(b"J\xf6rg;Stra\xdfe").unwrap();
        assert_eq!(
            (latin.text.as_ref(), latin.encoding),
            ("Jörg;Straße", "windows-1252")
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Jörg".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16le).unwrap().text, "Jörg");
        let utf16be: Vec<u8> = "Name,Jörg"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let decoded = decode(&utf16be).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            ("Name,Jörg", "UTF-16BE")
        );
        assert_eq!(
            decode(b"%PDF\0\x01\x02").err(),
            Some(Problem::RosterUnreadable)
        );
    }

    #[test]
    fn rows_are_numbered_by_line_with_any_line_end() {
        for text in [
            "title;;\r\nVorname;Nachname\r\n\"J\nx\";S\r\nA;B\r\n",
            "title;;\nVorname;Nachname\n\"J\nx\";S\nA;B\n",
        ] {
            let numbers: Vec<u32> = rows(text, b';', false)
                .unwrap()
                .iter()
                .map(|row| row.number)
                .collect();
            assert_eq!(numbers, vec![1, 2, 3, 5], "{text:?}");
        }
        let numbers: Vec<u32> = rows("sep=;\na;b\nc;d\n", b';', true)
            .unwrap()
            .iter()
            .map(|row| row.number)
            .collect();
        assert_eq!(numbers, vec![2, 3]);
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n").0, b',');
        assert_eq!(
            detect_delimiter("Name;Ort\n\"Müller, Anne\";Köln\n").0,
            b';'
        );
        assert_eq!(detect_delimiter("a\tb\n1\t2\n").0, b'\t');
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n").0, b'|');
        assert_eq!(detect_delimiter("sep=;\na;b\n"), (b';', true));
        assert_eq!(detect_delimiter("").0, b',');
    }
}
