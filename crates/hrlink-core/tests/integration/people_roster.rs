//! Reading rosters: every CSV variant in `tests/fixtures/people`, an XLSX workbook written in
//! the test (rust_xlsxwriter, with real date cells), and the typed problems.

/// Named `people` so that `cargo test -p hrlink-core people` selects these tests; `cfg(test)`
/// so that clippy treats the helpers as test code too.
#[cfg(test)]
mod people {
    use std::path::{Path, PathBuf};

    use hrlink_core::Problem;
    use hrlink_core::people::roster::{
        ColumnUse, MAX_ROSTER_BYTES, RosterField, RosterFormat, read_roster, read_roster_file,
    };
    use hrlink_core::people::{Person, PersonStatus, Roster};
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    use time::macros::date;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/people")
            .join(name)
    }

    fn read(name: &str) -> Roster {
        read_roster_file(&fixture(name)).unwrap_or_else(|problem| panic!("{name}: {problem:?}"))
    }

    fn names(people: &[Person]) -> Vec<(String, String)> {
        people
            .iter()
            .map(|p| (p.first_name.clone(), p.last_name.clone()))
            .collect()
    }

    fn used(columns: &[ColumnUse]) -> Vec<(&str, Option<RosterField>)> {
        columns
            .iter()
            .map(|c| (c.header.as_str(), c.field))
            .collect()
    }

    fn pair(first: &str, last: &str) -> (String, String) {
        (first.to_owned(), last.to_owned())
    }

    #[test]
    fn german_windows_1252_with_semicolons_and_a_title_line() {
        use RosterField as F;
        let roster = read("de_semicolon_cp1252.csv");
        let summary = &roster.summary;
        assert_eq!(summary.format, RosterFormat::Csv);
        assert_eq!(summary.encoding.as_deref(), Some("windows-1252"));
        assert_eq!(summary.delimiter.as_deref(), Some(";"));
        assert_eq!(summary.header_row, 2, "below the title line");
        assert_eq!(
            used(&summary.columns),
            vec![
                ("Vorname", Some(F::FirstName)),
                ("Nachname", Some(F::LastName)),
                ("E-Mail", Some(F::Email)),
                ("Personalnummer", Some(F::PersonnelNumber)),
                ("Eintrittsdatum", Some(F::StartDate)),
            ]
        );
        assert_eq!(
            names(&roster.people),
            vec![
                pair("Jörg", "Strauß"),
                pair("Zoë", "Müller"),
                pair("José", "Núñez")
            ]
        );
        let may1 = Some(date!(2014 - 05 - 01));
        assert!(
            roster.people.iter().all(|p| p.start_date == may1),
            "01.05.2014, 1.5.14, ISO"
        );
        assert_eq!(
            roster.people[0].ids.personnel_number.as_deref(),
            Some("0042")
        );
        assert_eq!(roster.people[1].work_email, None, "empty email");
        assert_eq!((summary.people, summary.skipped_rows), (3, 0));
    }

    #[test]
    fn utf8_bom_with_quoted_delimiters_quotes_and_newlines() {
        let roster = read("utf8_bom_comma.csv");
        let summary = &roster.summary;
        assert_eq!(summary.encoding.as_deref(), Some("UTF-8"));
        assert_eq!(summary.delimiter.as_deref(), Some(","));
        assert_eq!(
            summary.columns[0].header, "First name",
            "the BOM is not part of the header"
        );
        assert_eq!(summary.columns[5].field, None, "Notes are not read");
        assert_eq!(
            names(&roster.people),
            vec![
                pair("Āne", "Müller"),
                pair("Ōtaki, Jr.", "Hēmi"),
                pair("Ērica", "Smith, PhD")
            ]
        );
        let starts: Vec<_> = roster.people.iter().map(|p| p.start_date).collect();
        assert_eq!(
            starts,
            vec![
                Some(date!(2019 - 03 - 01)),
                Some(date!(2014 - 05 - 01)),
                Some(date!(2020 - 06 - 05))
            ]
        );
        // Row numbers follow lines: the second person starts on line 4, after the quoted newline.
        assert_eq!(roster.people.len(), 3);
    }

    #[test]
    fn tab_separated_full_names_are_split_and_birth_dates_ignored() {
        use RosterField as F;
        let roster = read("tab_full_names.tsv");
        assert_eq!(roster.summary.delimiter.as_deref(), Some("\t"));
        assert_eq!(
            used(&roster.summary.columns),
            vec![
                ("Name", Some(F::FullName)),
                ("E-Mail", Some(F::Email)),
                ("Standort", Some(F::Location)),
                ("Geburtsdatum", None),
            ]
        );
        assert_eq!(
            names(&roster.people),
            vec![pair("Anne", "Müller"), pair("Ludwig", "van Beethoven")]
        );
        assert!(roster.people.iter().all(|p| p.birth_date.is_none()));
        assert_eq!(roster.people[0].location.as_deref(), Some("Köln"));
    }

    #[test]
    fn utf16_with_byte_order_marks() {
        let little = read("utf16le_tab.txt");
        assert_eq!(little.summary.encoding.as_deref(), Some("UTF-16LE"));
        assert_eq!(little.summary.delimiter.as_deref(), Some("\t"));
        assert_eq!(
            names(&little.people),
            vec![pair("Āne", "Müller"), pair("Ōrewa", "Tē")]
        );
        assert_eq!(
            little.people[1].work_email.as_deref(),
            Some("ore@acme.example")
        );

        let big = read("utf16be_comma.csv");
        assert_eq!(big.summary.encoding.as_deref(), Some("UTF-16BE"));
        assert_eq!(names(&big.people), vec![pair("Ūla", "Ōkawa")]);
    }

    #[test]
    fn pipes_with_us_dates_and_statuses() {
        let roster = read("us_pipes.csv");
        assert_eq!(roster.summary.delimiter.as_deref(), Some("|"));
        let [amy, ben] = roster.people.as_slice() else {
            panic!("two people expected");
        };
        assert_eq!(amy.start_date, Some(date!(2019 - 12 - 31)));
        assert_eq!(
            ben.start_date,
            Some(date!(2020 - 01 - 02)),
            "month first, per column"
        );
        assert_eq!(
            ben.end_date,
            Some(date!(2024 - 04 - 03)),
            "a column of its own: day first"
        );
        assert_eq!(amy.status, Some(PersonStatus::Active));
        assert_eq!(ben.status, Some(PersonStatus::Terminated));
        assert_eq!(ben.ids.personnel_number.as_deref(), Some("8"));
    }

    #[test]
    fn xlsx_with_title_row_number_ids_and_date_cells() {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Mitarbeiter").unwrap();
        let date_format = Format::new().set_num_format("dd.mm.yyyy");
        sheet.write_string(0, 0, "Mitarbeiterliste 2024").unwrap();
        for (column, header) in [
            "Personalnummer",
            "Vorname",
            "Nachname",
            "Eintrittsdatum",
            "Austritt",
            "Status",
        ]
        .into_iter()
        .enumerate()
        {
            sheet.write_string(2, column as u16, header).unwrap();
        }
        let rows = [
            (1001.0, "Āne", "Müller", (2019, 3, 1), None, "aktiv"),
            (
                1002.0,
                "Tēvita",
                "Ōhanga",
                (2014, 5, 1),
                Some(45473.0),
                "ausgetreten",
            ),
        ];
        for (n, (id, first, last, start, end, status)) in rows.into_iter().enumerate() {
            let row = 3 + n as u32;
            sheet.write_number(row, 0, id).unwrap();
            sheet.write_string(row, 1, first).unwrap();
            sheet.write_string(row, 2, last).unwrap();
            let (y, m, d) = start;
            let start = ExcelDateTime::from_ymd(y, m, d).unwrap();
            sheet
                .write_datetime_with_format(row, 3, &start, &date_format)
                .unwrap();
            if let Some(serial) = end {
                // An end date typed as a plain number: an Excel serial in a date column.
                sheet.write_number(row, 4, serial).unwrap();
            }
            sheet.write_string(row, 5, status).unwrap();
        }
        let bytes = workbook.save_to_buffer().unwrap();

        let roster = read_roster(&bytes).unwrap();
        let summary = &roster.summary;
        assert_eq!(summary.format, RosterFormat::Xlsx);
        assert_eq!(summary.sheet.as_deref(), Some("Mitarbeiter"));
        assert_eq!(
            (summary.encoding.as_deref(), summary.delimiter.as_deref()),
            (None, None)
        );
        assert_eq!(summary.header_row, 3);
        assert_eq!(
            names(&roster.people),
            vec![pair("Āne", "Müller"), pair("Tēvita", "Ōhanga")]
        );
        let [ane, tevita] = roster.people.as_slice() else {
            panic!("two people expected");
        };
        assert_eq!(ane.ids.personnel_number.as_deref(), Some("1001"), "no .0");
        assert_eq!(ane.start_date, Some(date!(2019 - 03 - 01)));
        assert_eq!(tevita.start_date, Some(date!(2014 - 05 - 01)));
        assert_eq!(tevita.end_date, Some(date!(2024 - 06 - 30)));
        assert_eq!(tevita.status, Some(PersonStatus::Terminated));
        assert_eq!(ane.status, Some(PersonStatus::Active));
    }

    #[test]
    fn unreadable_cells_are_reported_by_position_only() {
        let csv = "Vorname;Nachname;Eintrittsdatum;Status\nAnne;Geheimnis;31.02.2024;vielleicht\n";
        let roster = read_roster(csv.as_bytes()).unwrap();
        let summary = &roster.summary;
        assert_eq!(summary.unreadable_cell_count, 2);
        let cells: Vec<_> = summary
            .unreadable_cells
            .iter()
            .map(|c| (c.row, c.column, c.field))
            .collect();
        assert_eq!(
            cells,
            vec![(2, 3, RosterField::StartDate), (2, 4, RosterField::Status)]
        );
        assert_eq!(roster.people[0].start_date, None, "kept, without the date");
        let json = serde_json::to_string(summary).unwrap();
        for secret in ["Anne", "Geheimnis", "31.02.2024", "vielleicht"] {
            assert!(!json.contains(secret), "{secret} in summary");
        }
    }

    #[test]
    fn rows_without_name_email_or_id_are_skipped() {
        let csv = "First name,Last name,Department\nAnne,Müller,Sales\n,,Sales\n,,\n";
        let roster = read_roster(csv.as_bytes()).unwrap();
        assert_eq!(roster.people.len(), 1);
        assert_eq!(
            roster.summary.skipped_rows, 1,
            "the empty row is not counted"
        );
    }

    #[test]
    fn typed_problems() {
        let no_columns = read_roster_file(&fixture("no_usable_columns.csv")).err();
        assert_eq!(no_columns, Some(Problem::RosterNoUsableColumns));
        assert_eq!(read_roster(b"").err(), Some(Problem::RosterEmpty));
        assert_eq!(read_roster(b"\n \n\t\n").err(), Some(Problem::RosterEmpty));
        assert_eq!(
            read_roster(b"%PDF-1.7\0\0\x01").err(),
            Some(Problem::RosterUnreadable)
        );
        assert_eq!(
            read_roster(b"PK\x03\x04broken zip").err(),
            Some(Problem::RosterUnreadable)
        );
        assert_eq!(
            read_roster(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1legacy").err(),
            Some(Problem::RosterUnreadable)
        );
        assert_eq!(
            read_roster_file(&fixture("does-not-exist.csv")).err(),
            Some(Problem::FileUnreadable)
        );
    }

    #[test]
    fn too_large_files_are_refused_before_reading() {
        let file = tempfile::NamedTempFile::new().unwrap();
        file.as_file().set_len(MAX_ROSTER_BYTES + 1).unwrap();
        assert!(matches!(
            read_roster_file(file.path()),
            Err(Problem::RosterTooLarge {
                max_megabytes: 32,
                max_rows: 200_000
            })
        ));
    }

    #[test]
    fn too_many_rows_are_refused() {
        let mut csv = String::from("Email\n");
        for n in 0..=hrlink_core::people::roster::MAX_ROSTER_ROWS + 1 {
            csv.push_str(&format!("p{n}@x.example\n"));
        }
        assert!(matches!(
            read_roster(csv.as_bytes()),
            Err(Problem::RosterTooLarge { .. })
        ));
    }
}
