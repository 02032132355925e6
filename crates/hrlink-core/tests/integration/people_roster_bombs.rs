//! XLSX rosters that would inflate to far more than they weigh (zip bombs, really inflatable:
//! valid deflate streams and CRCs), built in the test: refused from the zip's directory, fast,
//! before anything is decompressed; and a large but ordinary workbook still read.

use std::time::{Duration, Instant};

use flate2::{Compress, Compression, Crc, FlushCompress};
use hrlink_core::Problem;
use hrlink_core::people::roster::read_roster;

const MIB: u64 = 1024 * 1024;

/// A part of the zip: its name, its deflated bytes, and what they inflate to.
struct Part {
    name: String,
    deflated: Vec<u8>,
    size: u64,
    crc: u32,
}

impl Part {
    /// A small part stored as it is written (deflate with one final block).
    fn text(name: &str, text: &str) -> Part {
        let mut compress = Compress::new(Compression::default(), false);
        let mut deflated = Vec::with_capacity(text.len() + 64);
        compress
            .compress_vec(text.as_bytes(), &mut deflated, FlushCompress::Finish)
            .unwrap();
        let mut crc = Crc::new();
        crc.update(text.as_bytes());
        Part {
            name: name.to_owned(),
            deflated,
            size: text.len() as u64,
            crc: crc.sum(),
        }
    }

    /// `mib` MiB of one repeated letter, deflated by repeating one deflate block: a MiB of it
    /// deflates to about a kilobyte, and the block after a full window of the letter is the same
    /// every time, so gigabytes are built without compressing them.
    fn bomb(name: &str, mib: u64) -> Part {
        let chunk = vec![b'A'; MIB as usize];
        let mut compress = Compress::new(Compression::best(), false);
        let mut block = |flush| {
            let mut out = Vec::with_capacity(64 * 1024);
            compress.compress_vec(&chunk, &mut out, flush).unwrap();
            out
        };
        let first = block(FlushCompress::Sync);
        let repeated = block(FlushCompress::Sync);
        assert_eq!(block(FlushCompress::Sync), repeated, "a repeatable block");
        let mut deflated = first;
        for _ in 2..mib {
            deflated.extend_from_slice(&repeated);
        }
        // The last MiB ends the stream.
        deflated.extend(block(FlushCompress::Finish));
        let mut one = Crc::new();
        one.update(&chunk);
        let mut crc = Crc::new();
        for _ in 0..mib {
            crc.combine(&one);
        }
        Part {
            name: name.to_owned(),
            deflated,
            size: mib * MIB,
            crc: crc.sum(),
        }
    }
}

/// A zip archive of `parts` (local headers, data, central directory), sizes declared truthfully.
fn zip(parts: &[Part]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, value: usize) {
        out.extend_from_slice(&u16::try_from(value).unwrap().to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, value: u64) {
        out.extend_from_slice(&u32::try_from(value).unwrap().to_le_bytes());
    }
    // Version 2.0, no flags, deflate, 1980-01-01 00:00, then CRC and sizes.
    let common = |out: &mut Vec<u8>, part: &Part| {
        for value in [20, 0, 8, 0, 0x21] {
            u16le(out, value);
        }
        u32le(out, part.crc.into());
        u32le(out, part.deflated.len() as u64);
        u32le(out, part.size);
        u16le(out, part.name.len());
        u16le(out, 0);
    };
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for part in parts {
        offsets.push(out.len() as u64);
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out, part);
        out.extend_from_slice(part.name.as_bytes());
        out.extend_from_slice(&part.deflated);
    }
    let directory = out.len() as u64;
    for (part, offset) in parts.iter().zip(offsets) {
        out.extend_from_slice(b"PK\x01\x02");
        u16le(&mut out, 20);
        common(&mut out, part);
        // Comment length, disk, internal and external attributes, then the local header.
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u32le(&mut out, 0);
        u32le(&mut out, offset);
        out.extend_from_slice(part.name.as_bytes());
    }
    let directory_size = out.len() as u64 - directory;
    out.extend_from_slice(b"PK\x05\x06");
    for value in [0, 0, parts.len(), parts.len()] {
        u16le(&mut out, value);
    }
    u32le(&mut out, directory_size);
    u32le(&mut out, directory);
    u16le(&mut out, 0);
    out
}

/// The parts of a minimal workbook, with `shared_strings` in place of its shared strings.
fn workbook(shared_strings: Part) -> Vec<Part> {
    vec![
        Part::text(
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
        ),
        Part::text(
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        Part::text(
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        Part::text(
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        Part::text(
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#,
        ),
        shared_strings,
    ]
}

/// Reads `bytes` as a roster, which must be refused as too large, quickly.
fn assert_refused_fast(bytes: &[u8]) {
    let started = Instant::now();
    let problem = read_roster(bytes).map(|_| ()).unwrap_err();
    let took = started.elapsed();
    assert!(
        matches!(problem, Problem::RosterTooLarge { .. }),
        "{problem:?}"
    );
    // Inflating even one of these gigabytes takes far longer (and as much memory).
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // Shared strings that inflate to 2 GiB, which calamine would keep in memory.
    let bomb = zip(&workbook(Part::bomb("xl/sharedStrings.xml", 2048)));
    assert!(bytes_under(&bomb, 4 * MIB), "{} bytes", bomb.len());
    assert_refused_fast(&bomb);
}

#[test]
fn parts_each_within_bounds_but_too_much_together_are_refused() {
    // Three 100 MiB sheets: each under the part bound, together over the workbook's.
    let mut parts = workbook(Part::text("xl/sharedStrings.xml", "<sst/>"));
    for n in 2..5 {
        parts.push(Part::bomb(&format!("xl/worksheets/sheet{n}.xml"), 100));
    }
    let bombs = zip(&parts);
    assert!(bytes_under(&bombs, MIB), "{} bytes", bombs.len());
    assert_refused_fast(&bombs);
}

#[test]
fn a_part_inflating_beyond_its_declared_size_is_cut_off() {
    // Shared strings declared as 1 KB that inflate to 100 MiB: the zip reader stops one byte
    // past the declared size, so the directory's sizes are a real bound.
    let mut liar = Part::bomb("xl/sharedStrings.xml", 100);
    liar.size = 1_000;
    let started = Instant::now();
    assert_eq!(
        read_roster(&zip(&workbook(liar))).map(|_| ()).unwrap_err(),
        Problem::RosterUnreadable
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[test]
fn a_workbook_of_thousands_of_parts_is_refused() {
    let mut parts = workbook(Part::text("xl/sharedStrings.xml", "<sst/>"));
    for n in 0..1_000 {
        parts.push(Part::text(&format!("xl/media/image{n}.xml"), "<x/>"));
    }
    assert_refused_fast(&zip(&parts));
}

#[test]
fn the_handmade_workbook_is_read_when_it_is_no_bomb() {
    // The control: the same construction with an ordinary shared-strings part reads (the
    // sheet's one cell is a header nobody recognises, which is a problem of its own).
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>Notes</t></si></sst>"#;
    let ordinary = zip(&workbook(Part::text("xl/sharedStrings.xml", strings)));
    assert_eq!(
        read_roster(&ordinary).map(|_| ()).unwrap_err(),
        Problem::RosterNoUsableColumns
    );
}

#[test]
fn a_large_ordinary_workbook_is_read() {
    use rust_xlsxwriter::Workbook;
    // 50,000 people (what HR Link is built for), every value distinct.
    const PEOPLE: u32 = 50_000;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in ["Personnel number", "First name", "Last name", "Work email"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, header).unwrap();
    }
    for n in 1..=PEOPLE {
        sheet.write_number(n, 0, f64::from(n)).unwrap();
        sheet.write_string(n, 1, format!("First{n}")).unwrap();
        sheet.write_string(n, 2, format!("Last{n}")).unwrap();
        sheet
            .write_string(n, 3, format!("first{n}.last{n}@example.com"))
            .unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let roster = read_roster(&bytes).unwrap();
    assert_eq!(roster.people.len(), PEOPLE as usize);
}

fn bytes_under(bytes: &[u8], limit: u64) -> bool {
    (bytes.len() as u64) < limit
}
