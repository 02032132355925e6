//! Personal data stays out of `Debug` output, problems, summaries and masked reports, and a
//! `Person` cannot be serialised by accident.

/// Named `people` so that `cargo test -p hrlink-core people` selects these tests; `cfg(test)`
/// so that clippy treats the helpers as test code too.
#[cfg(test)]
mod people {
    use hrlink_core::people::{
        Disclosure, MatchOptions, Person, PersonStatus, mask_email, mask_name, match_people,
        read_roster,
    };
    use hrlink_core::{Problem, messages};

    /// Canary personal data: none of it may appear where it is not explicitly asked for.
    const CANARIES: [&str; 6] = [
        "Canaryfirst",
        "Canarylast",
        "canary.person@acme.example",
        "CANARY-ID-913",
        "Canary Department",
        "Canary Known-As",
    ];

    fn canary_person() -> Person {
        let mut person = Person::new("Canaryfirst", "Canarylast");
        person.work_email = Some("canary.person@acme.example".into());
        person.ids.personnel_number = Some("CANARY-ID-913".into());
        person.ids.provider_id = Some("CANARY-ID-913".into());
        person.department = Some("Canary Department".into());
        person.preferred_name = Some("Canary Known-As".into());
        person.status = Some(PersonStatus::Active);
        person
    }

    fn assert_clean(text: &str, context: &str) {
        for canary in CANARIES {
            assert!(
                !text.contains(canary),
                "{canary} leaked into {context}: {text}"
            );
        }
    }

    /// Autoref trick: `Probe::<T>::SERIALIZE` resolves to the inherent constant only when
    /// `T: Serialize`, else to the trait's `false`.
    mod probe {
        use std::marker::PhantomData;

        pub struct Probe<T>(PhantomData<T>);
        pub trait NotSerialize {
            const SERIALIZE: bool = false;
        }
        impl<T> NotSerialize for Probe<T> {}
        impl<T: serde::Serialize> Probe<T> {
            pub const SERIALIZE: bool = true;
        }
    }

    #[test]
    fn person_is_not_serialize() {
        use probe::{NotSerialize as _, Probe};
        // Checked at compile time: deriving `Serialize` on `Person` breaks this build.
        const { assert!(!Probe::<Person>::SERIALIZE) };
        const {
            assert!(
                Probe::<hrlink_core::people::PersonView>::SERIALIZE,
                "the probe works"
            )
        };
    }

    #[test]
    fn debug_output_is_masked() {
        let person = canary_person();
        assert_clean(&format!("{person:?} {person:#?}"), "Person Debug");
        let result = match_people(vec![person.clone()], vec![person], &MatchOptions::default());
        assert_clean(&format!("{result:?}"), "MatchResult Debug");
        let mut options = MatchOptions::default();
        options
            .id_map
            .insert("CANARY-ID-913".into(), "CANARY-ID-913".into());
        assert_clean(&format!("{options:?}"), "MatchOptions Debug");
    }

    #[test]
    fn masked_and_counts_only_reports_carry_no_personal_data() {
        let result = match_people(vec![canary_person()], Vec::new(), &MatchOptions::default());
        for disclosure in [Disclosure::CountsOnly, Disclosure::Masked] {
            let json = serde_json::to_string(&result.report(disclosure)).unwrap();
            assert_clean(&json, "report");
        }
        let full = serde_json::to_string(&result.report(Disclosure::Full)).unwrap();
        assert!(full.contains("Canaryfirst"), "full disclosure is full");
    }

    #[test]
    fn roster_problems_and_summaries_never_repeat_cells() {
        let csv = format!(
            "Abteilung;Standort\n{};{}\n",
            "Canaryfirst Canarylast", "canary.person@acme.example"
        );
        let problem = read_roster(csv.as_bytes()).unwrap_err();
        assert_eq!(problem, Problem::RosterNoUsableColumns);
        let rendered = messages::render(&problem, messages::Language::En);
        assert_clean(
            &format!(
                "{problem:?} {problem} {} {}",
                rendered.message, rendered.next_step
            ),
            "problem",
        );

        let csv = "Vorname;Nachname;Eintrittsdatum;Status\nCanaryfirst;Canarylast;CANARY-ID-913;Canary Department\n";
        let roster = read_roster(csv.as_bytes()).unwrap();
        assert_eq!(roster.summary.unreadable_cell_count, 2);
        assert_clean(&serde_json::to_string(&roster.summary).unwrap(), "summary");
        assert_clean(&format!("{roster:?}"), "Roster Debug");
    }

    #[test]
    fn masks() {
        assert_eq!(mask_name("Āne Müller"), "Ā. M.");
        assert_eq!(mask_email("jane.doe@acme.example"), "j•••@acme.example");
        assert_eq!(canary_person().masked_name(), "C. C.");
    }
}
