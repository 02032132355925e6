//! Matching HR people against a hand-made roster: every category, the rules behind each,
//! decisions on suggested pairs, and the report's shape.

/// Named `people` so that `cargo test -p hrlink-core people` selects these tests; `cfg(test)`
/// so that clippy treats the helpers as test code too.
#[cfg(test)]
mod people {
    use std::path::Path;

    use hrlink_core::people::{
        Category, Decision, DecisionError, Disclosure, Field, MatchCounts, MatchOptions,
        MatchResult, MatchRule, Person, PersonStatus, match_people, read_roster_file,
    };
    use time::Date;
    use time::macros::date;

    fn person(first: &str, last: &str, details: impl FnOnce(&mut Person)) -> Person {
        let mut person = Person::new(first, last);
        person.status = Some(PersonStatus::Active);
        details(&mut person);
        person
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    /// The HR side: one or more people per case the roster fixture answers.
    fn hr_people() -> Vec<Person> {
        vec![
            // Personnel number, leading zeros dropped by the roster; all else equal.
            person("Ēru", "Tāne", |p| {
                p.ids.personnel_number = some("0042");
                p.work_email = some("eru.tane@acme.example");
                p.start_date = Some(date!(2018 - 02 - 01));
                p.department = some("Sales");
                p.location = some("Wellington");
                p.job_title = some("Account Manager");
            }),
            // Email in another case and with spaces; the location differs.
            person("Jörg", "Strauß", |p| {
                p.work_email = some("joerg.strauss@acme.example");
                p.start_date = Some(date!(2014 - 05 - 01));
                p.location = some("Berlin");
            }),
            // First and last name swapped in the roster, accents lost; same start date.
            person("Zoë", "Ōtaki", |p| {
                p.start_date = Some(date!(2020 - 01 - 15))
            }),
            // Plain name, no email on either side.
            person("Mia", "Schmidt", |_| {}),
            // Known as Bob: the roster uses the known-as name.
            person("Robert", "Ng", |p| p.preferred_name = some("Bob")),
            // A shared mailbox: the email is no key, the names decide.
            person("Anna", "Weiß", |p| {
                p.work_email = some("office@weiss.example")
            }),
            person("Bernd", "Weiß", |p| {
                p.work_email = some("office@weiss.example")
            }),
            // Another shared mailbox: Pat by name; Chris only by the shared address.
            person("Chris", "Kowalski", |p| {
                p.work_email = some("team@acme.example")
            }),
            person("Pat", "Meyer", |p| p.work_email = some("team@acme.example")),
            // A near-duplicate name and another email: suggested, not matched.
            person("Katarina", "Nowak", |p| {
                p.work_email = some("k.nowak@acme.example")
            }),
            // Nobody in the roster.
            person("Søren", "Ærø", |_| {}),
            // Terminated, still in the roster as active.
            person("Hēmi", "Walker", |p| {
                p.status = Some(PersonStatus::Terminated);
                p.ids.personnel_number = some("2001");
                p.end_date = Some(date!(2024 - 06 - 30));
            }),
            // Inactive, not in the roster.
            person("Greta", "Alt", |p| p.status = Some(PersonStatus::Inactive)),
            // The same person twice in the HR system (one email, two personnel numbers).
            person("Kim", "Lee", |p| {
                p.work_email = some("kim.lee@acme.example");
                p.ids.personnel_number = some("3001");
            }),
            person("Kim", "Lee", |p| {
                p.work_email = some("KIM.LEE@acme.example");
                p.ids.personnel_number = some("3002");
            }),
            // Twice again: same name (ı, ı) and birth date, one without an email.
            person("Ömer", "Yıldız", |p| {
                p.birth_date = Some(date!(1990 - 02 - 03));
                p.work_email = some("omer@acme.example");
            }),
            person("Ömer", "Yildiz", |p| {
                p.birth_date = Some(date!(1990 - 02 - 03))
            }),
            // A rehire: the current record and the old, terminated one (which the roster has).
            person("Tom", "Berg", |p| {
                p.ids.personnel_number = some("4002");
                p.work_email = some("tom.berg@acme.example");
            }),
            person("Tom", "Berg", |p| {
                p.status = Some(PersonStatus::Terminated);
                p.ids.personnel_number = some("4001");
                p.work_email = some("tom.berg@acme.example");
            }),
            // Same name, another start date.
            person("Lena", "Fischer", |p| {
                p.start_date = Some(date!(2021 - 04 - 01))
            }),
            // Two people of one name; the roster's one is in Sales.
            person("Thomas", "Müller", |p| {
                p.start_date = Some(date!(2016 - 01 - 01));
                p.department = some("Sales");
                p.work_email = some("t.mueller@acme.example");
            }),
            person("Thomas", "Müller", |p| {
                p.start_date = Some(date!(2019 - 09 - 01));
                p.department = some("IT");
                p.work_email = some("thomas.mueller@acme.example");
            }),
        ]
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/people")
            .join(name)
    }

    fn existing_people() -> Vec<Person> {
        read_roster_file(&fixture("existing_roster.csv"))
            .unwrap()
            .people
    }

    fn matched() -> MatchResult {
        match_people(hr_people(), existing_people(), &MatchOptions::default())
    }

    /// What an entry looks like from outside: category, rule, the two names, the differences.
    #[derive(Debug, PartialEq)]
    struct Row {
        category: Category,
        rule: Option<MatchRule>,
        hr: Option<String>,
        existing: Option<String>,
        differences: Vec<Field>,
    }

    fn rows(result: &MatchResult) -> Vec<Row> {
        result
            .entries()
            .iter()
            .map(|entry| Row {
                category: entry.category(),
                rule: entry.rule(),
                hr: result.hr_person(entry).map(Person::display_name),
                existing: result.existing_person(entry).map(Person::display_name),
                differences: entry.differences().to_vec(),
            })
            .collect()
    }

    fn row(
        category: Category,
        rule: Option<MatchRule>,
        hr: Option<&str>,
        existing: Option<&str>,
        differences: &[Field],
    ) -> Row {
        Row {
            category,
            rule,
            hr: hr.map(str::to_owned),
            existing: existing.map(str::to_owned),
            differences: differences.to_vec(),
        }
    }

    #[test]
    fn every_category_from_the_fixture() {
        use Category as C;
        use Field as F;
        use MatchRule as R;
        let result = matched();
        let expected = vec![
            row(
                C::Matched,
                Some(R::Email),
                Some("Kim Lee"),
                Some("Kim Lee"),
                &[],
            ),
            row(
                C::Matched,
                Some(R::Name),
                Some("Pat Meyer"),
                Some("Pat Meyer"),
                &[],
            ),
            row(
                C::Matched,
                Some(R::Name),
                Some("Bob Ng"),
                Some("Bob Ng"),
                &[],
            ),
            row(
                C::Matched,
                Some(R::Name),
                Some("Mia Schmidt"),
                Some("Mia Schmidt"),
                &[],
            ),
            row(
                C::Matched,
                Some(R::PersonnelNumber),
                Some("Ēru Tāne"),
                Some("Ēru Tāne"),
                &[],
            ),
            row(
                C::Matched,
                Some(R::Name),
                Some("Anna Weiß"),
                Some("Anna Weiß"),
                &[],
            ),
            row(
                C::MatchedWithDifferences,
                Some(R::Email),
                Some("Tom Berg"),
                Some("Tom Berg"),
                &[F::PersonnelNumber],
            ),
            row(
                C::MatchedWithDifferences,
                Some(R::NameAndStartDate),
                Some("Zoë Ōtaki"),
                Some("Otaki Zoe"),
                &[F::Name],
            ),
            row(
                C::MatchedWithDifferences,
                Some(R::Email),
                Some("Jörg Strauß"),
                Some("Jörg Strauß"),
                &[F::Location],
            ),
            row(
                C::MatchedWithDifferences,
                Some(R::Name),
                Some("Bernd Weiß"),
                Some("Bernd Weiss"),
                &[F::Name],
            ),
            row(
                C::NeedsReview,
                Some(R::StartDateDiffers),
                Some("Lena Fischer"),
                Some("Lena Fischer"),
                &[F::StartDate],
            ),
            row(
                C::NeedsReview,
                Some(R::SharedEmail),
                Some("Chris Kowalski"),
                Some("C. Kowalski"),
                &[F::Name],
            ),
            row(
                C::NeedsReview,
                Some(R::SameName),
                Some("Thomas Müller"),
                Some("Thomas Müller"),
                &[],
            ),
            row(
                C::NeedsReview,
                Some(R::SimilarName),
                Some("Katarina Nowak"),
                Some("Katharina Nowak"),
                &[F::Name, F::Email],
            ),
            row(C::OnlyInHr, None, Some("Søren Ærø"), None, &[]),
            row(C::OnlyInHr, None, Some("Thomas Müller"), None, &[]),
            row(C::OnlyInHr, None, Some("Ömer Yildiz"), None, &[]),
            row(C::OnlyInExisting, None, None, Some("Olivia Former"), &[]),
            row(C::Inactive, None, Some("Greta Alt"), None, &[]),
            row(C::Inactive, None, Some("Tom Berg"), None, &[]),
            row(
                C::Inactive,
                Some(R::PersonnelNumber),
                Some("Hēmi Walker"),
                Some("Hemi Walker"),
                &[F::Name, F::Status],
            ),
            row(
                C::Duplicate,
                Some(R::DuplicateEmail),
                Some("Kim Lee"),
                None,
                &[],
            ),
            row(
                C::Duplicate,
                Some(R::DuplicateNameAndDate),
                Some("Ömer Yıldız"),
                None,
                &[],
            ),
        ];
        let actual = rows(&result);
        for (n, (actual, expected)) in actual.iter().zip(&expected).enumerate() {
            assert_eq!(actual, expected, "row {n}");
        }
        assert_eq!(actual.len(), expected.len());
        assert_eq!(
            result.counts(),
            MatchCounts {
                total: 23,
                matched: 6,
                matched_with_differences: 4,
                needs_review: 4,
                only_in_hr: 3,
                only_in_existing: 1,
                inactive: 3,
                duplicates: 2,
                excluded: 0,
            }
        );
    }

    #[test]
    fn the_thomas_in_the_same_department_is_suggested() {
        let result = matched();
        let entry = result
            .entries()
            .iter()
            .find(|entry| entry.rule() == Some(MatchRule::SameName))
            .unwrap();
        assert_eq!(
            result.hr_person(entry).unwrap().department.as_deref(),
            Some("Sales")
        );
        assert_eq!(entry.similarity(), Some(100));
    }

    #[test]
    fn duplicates_point_at_the_record_they_duplicate() {
        let result = matched();
        for entry in result
            .entries()
            .iter()
            .filter(|e| e.category() == Category::Duplicate)
        {
            let original = result.entry(entry.duplicate_of().unwrap()).unwrap();
            assert_ne!(original.category(), Category::Duplicate);
            assert_eq!(
                result.hr_person(original).unwrap().last_name.chars().next(),
                result.hr_person(entry).unwrap().last_name.chars().next()
            );
        }
    }

    #[test]
    fn decisions_and_exclusions_update_the_counts() {
        let mut result = matched();
        let before = result.counts();
        let review = |result: &MatchResult, rule| {
            result
                .entries()
                .iter()
                .find(|e| e.rule() == Some(rule))
                .unwrap()
                .id()
        };
        let katarina = review(&result, MatchRule::SimilarName);
        let chris = review(&result, MatchRule::SharedEmail);

        result.decide(katarina, Decision::Accepted).unwrap();
        assert_eq!(
            result.entry(katarina).unwrap().category(),
            Category::MatchedWithDifferences
        );
        result.decide(chris, Decision::Rejected).unwrap();
        let counts = result.counts();
        assert_eq!(counts.needs_review, before.needs_review - 2);
        assert_eq!(
            counts.matched_with_differences,
            before.matched_with_differences + 1
        );
        assert_eq!(counts.only_in_hr, before.only_in_hr + 1);
        assert_eq!(counts.only_in_existing, before.only_in_existing + 1);
        assert_eq!(
            counts.total,
            before.total + 1,
            "a rejected pair is two people"
        );

        let soren = result
            .entries()
            .iter()
            .find(|e| result.hr_person(e).is_some_and(|p| p.first_name == "Søren"))
            .unwrap()
            .id();
        result.set_excluded(soren, true).unwrap();
        let excluded = result.counts();
        assert_eq!(
            (excluded.excluded, excluded.only_in_hr),
            (1, counts.only_in_hr - 1)
        );
        // The confirmed list is everyone listed but the excluded, each once.
        let confirmed = result.confirmed_people();
        assert_eq!(confirmed.len(), result.hr_people().len() - 1);
        assert!(confirmed.iter().all(|p| p.first_name != "Søren"));

        // Everything can be taken back.
        result.decide(katarina, Decision::Undecided).unwrap();
        result.decide(chris, Decision::Undecided).unwrap();
        result.set_excluded(soren, false).unwrap();
        assert_eq!(result.counts(), before);

        assert_eq!(
            result.decide(soren, Decision::Accepted),
            Err(DecisionError::NotReviewable)
        );
        assert_eq!(
            result.decide(hrlink_core::people::EntryId(9999), Decision::Accepted),
            Err(DecisionError::UnknownEntry)
        );
    }

    #[test]
    fn accepting_a_suggested_inactive_person_makes_them_inactive() {
        let mut hr = person("Wiremu", "Pōtae", |p| {
            p.status = Some(PersonStatus::Terminated)
        });
        hr.start_date = Some(date!(2001 - 01 - 01));
        let roster = person("Wiremu", "Potae", |p| {
            p.start_date = Some(date!(2002 - 01 - 01))
        });
        let mut result = match_people(vec![hr], vec![roster], &MatchOptions::default());
        let entry = result.entries()[0].id();
        assert_eq!(result.entries()[0].category(), Category::NeedsReview);
        result.decide(entry, Decision::Accepted).unwrap();
        assert_eq!(result.entries()[0].category(), Category::Inactive);
        result.decide(entry, Decision::Rejected).unwrap();
        let categories: Vec<_> = result.entries()[0].categories().collect();
        assert_eq!(
            categories,
            vec![Category::Inactive, Category::OnlyInExisting]
        );
    }

    #[test]
    fn without_a_roster_active_people_are_only_in_hr() {
        let result = match_people(hr_people(), Vec::new(), &MatchOptions::default());
        let counts = result.counts();
        assert_eq!(counts.only_in_hr, 22 - 3 - 2);
        assert_eq!((counts.inactive, counts.duplicates), (3, 2));
        assert_eq!(counts.total, 22);
        assert_eq!(
            counts.matched + counts.needs_review + counts.only_in_existing,
            0
        );
    }

    #[test]
    fn explicit_map_provider_ids_and_external_ids() {
        let hr = vec![
            person("Aroha", "Ngata", |p| p.ids.provider_id = some("eh-1")),
            person("Bea", "Quinn", |p| p.ids.provider_id = some("eh-2")),
            person("Cai", "Rua", |p| {
                p.ids.external_ids = vec!["ROSTER-77".into()]
            }),
        ];
        let existing = vec![
            // Renamed since: only the explicit map can pair them.
            person("Aroha", "Smith", |p| p.ids.personnel_number = some("P-1")),
            // A snapshot record with the HR system's own id.
            person("Beatrice", "Quinn", |p| p.ids.provider_id = some("EH-2")),
            person("Kai", "Rua", |p| p.ids.personnel_number = some("roster-77")),
        ];
        let mut options = MatchOptions::default();
        options.id_map.insert("P-1".into(), "eh-1".into());
        options.same_id_space = true;
        let result = match_people(hr.clone(), existing.clone(), &options);
        let rules: Vec<_> = result.entries().iter().map(|e| e.rule()).collect();
        assert_eq!(
            rules,
            vec![
                Some(MatchRule::ExplicitId),
                Some(MatchRule::ProviderId),
                Some(MatchRule::ExternalId)
            ]
        );
        assert!(
            result
                .entries()
                .iter()
                .all(|e| e.category() == Category::MatchedWithDifferences)
        );

        // Without the map and outside the same system, Aroha and Bea are not matched by id:
        // Aroha's names share nothing, Bea's are only similar.
        let result = match_people(hr, existing, &MatchOptions::default());
        let summary: Vec<_> = result
            .entries()
            .iter()
            .map(|e| (e.category(), e.rule()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Category::MatchedWithDifferences,
                    Some(MatchRule::ExternalId)
                ),
                (Category::NeedsReview, Some(MatchRule::SimilarName)),
                (Category::OnlyInHr, None),
                (Category::OnlyInExisting, None),
            ]
        );
    }

    #[test]
    fn an_id_shared_by_two_records_is_suggested_not_matched() {
        let hr = vec![person("Ana", "Lima", |p| {
            p.ids.personnel_number = some("5")
        })];
        let existing = vec![
            person("Ana", "Lima", |p| p.ids.personnel_number = some("5")),
            person("Someone", "Else", |p| p.ids.personnel_number = some("005")),
        ];
        let result = match_people(hr, existing, &MatchOptions::default());
        // The names settle it (rule 3) before the shared id is offered for review.
        let first = &result.entries()[0];
        assert_eq!(
            (first.category(), first.rule()),
            (Category::Matched, Some(MatchRule::Name))
        );

        let hr = vec![person("Ana", "Lima", |p| {
            p.ids.personnel_number = some("5")
        })];
        let existing = vec![
            person("Anna", "Lima-Souza", |p| p.ids.personnel_number = some("5")),
            person("Someone", "Else", |p| p.ids.personnel_number = some("005")),
        ];
        let result = match_people(hr, existing, &MatchOptions::default());
        let first = &result.entries()[0];
        assert_eq!(
            (first.category(), first.rule()),
            (Category::NeedsReview, Some(MatchRule::SharedId))
        );
        let existing = result.existing_person(first).unwrap();
        assert_eq!(
            existing.last_name, "Lima-Souza",
            "the more similar name is suggested"
        );
    }

    #[test]
    fn report_shape_and_disclosure() {
        let mut result = matched();
        let chris = result
            .entries()
            .iter()
            .find(|e| e.rule() == Some(MatchRule::SharedEmail))
            .unwrap()
            .id();
        result.decide(chris, Decision::Rejected).unwrap();

        let counts_only = serde_json::to_value(result.report(Disclosure::CountsOnly)).unwrap();
        assert_eq!(counts_only["people"], serde_json::json!([]));
        assert_eq!(counts_only["counts"]["total"], 24);
        assert!(
            counts_only["counts"].get("excluded").is_none(),
            "zero is left out"
        );

        let full = serde_json::to_value(result.report(Disclosure::Full)).unwrap();
        let people = full["people"].as_array().unwrap();
        assert_eq!(
            people.len(),
            24,
            "one row per person; the rejected pair is two"
        );
        let first = &people[0];
        assert_eq!(first["category"], "matched");
        assert_eq!(first["rule"], "email");
        assert_eq!(first["hr"]["name"], "Kim Lee");
        assert_eq!(first["hr"]["email"], "kim.lee@acme.example");
        assert!(first["differences"].as_array().unwrap().is_empty());
        for row in people {
            for key in ["id", "category", "hr", "existing", "differences"] {
                assert!(row.get(key).is_some(), "{key} missing in {row}");
            }
        }
        let rejected: Vec<_> = people
            .iter()
            .filter(|row| row["decision"] == "rejected")
            .collect();
        assert_eq!(rejected.len(), 2);
        assert_eq!(rejected[0]["category"], "only_in_hr");
        assert!(rejected[0]["existing"].is_null());
        assert_eq!(rejected[1]["category"], "only_in_existing");
        assert!(rejected[1]["hr"].is_null());
        let duplicate = people
            .iter()
            .find(|row| row["category"] == "duplicates")
            .unwrap();
        assert!(duplicate["duplicate_of"].is_u64());
        let hemi = people
            .iter()
            .find(|row| row["hr"]["name"] == "Hēmi Walker")
            .unwrap();
        assert_eq!(hemi["category"], "inactive");
        assert_eq!(hemi["hr"]["end_date"], "2024-06-30");
        assert_eq!(hemi["differences"], serde_json::json!(["name", "status"]));

        let masked = serde_json::to_string(&result.report(Disclosure::Masked)).unwrap();
        for name in [
            "Kim",
            "Strauß",
            "Ōtaki",
            "kim.lee@",
            "Wellington",
            "Sales",
            "2018-02-01",
            "4002",
        ] {
            assert!(!masked.contains(name), "{name} in masked report");
        }
        assert!(masked.contains("\"K. L.\""));
        assert!(masked.contains("k•••@acme.example"));
    }

    #[test]
    fn report_never_contains_birth_dates() {
        let full = serde_json::to_string(&matched().report(Disclosure::Full)).unwrap();
        assert!(!full.contains("1990-02-03"));
        assert!(!full.contains("birth"));
    }

    #[test]
    fn dates_used_are_the_roster_dates() {
        // Guards the fixture: the roster's German and ISO dates were read.
        let existing = existing_people();
        let start = |last: &str| -> Option<Date> {
            existing
                .iter()
                .find(|p| p.last_name == last)
                .and_then(|p| p.start_date)
        };
        assert_eq!(start("Strauß"), Some(date!(2014 - 05 - 01)));
        assert_eq!(start("Zoe"), Some(date!(2020 - 01 - 15)));
        assert_eq!(start("Former"), Some(date!(2010 - 01 - 01)));
    }
}
