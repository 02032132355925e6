//! Properties of matching and normalising: stable under input order, idempotent normalisers,
//! no panics on arbitrary input, and exact counts at 5,000 × 5,000.

use crate::people_synthetic;

/// Named `people` so that `cargo test -p hrlink-core people` selects these tests; `cfg(test)`
/// so that clippy treats the helpers as test code too.
#[cfg(test)]
mod people {
    use super::people_synthetic;

    use hrlink_core::people::normalise::{
        fold, name_key, normalise_email, normalise_id, parse_date, split_full_name,
    };
    use hrlink_core::people::{
        Category, MatchOptions, MatchResult, MatchRule, Person, PersonStatus, match_people,
        read_roster,
    };
    use proptest::prelude::*;
    use time::{Date, Duration, Month};

    // Small pools, so that random people collide: shared emails and ids, equal and near-equal
    // names, duplicates, swapped names.
    const FIRSTS: [&str; 6] = ["Anne", "Anna", "Āne", "Jörg", "Zoë", "Thomas"];
    const LASTS: [&str; 6] = ["Müller", "Mueller", "Strauß", "Ōtaki", "Weiß", "Nowak"];
    const EMAILS: [&str; 4] = [
        "a@x.example",
        "B@x.example",
        "office@x.example",
        "anne@x.example",
    ];
    const IDS: [&str; 3] = ["1", "001", "7"];
    const STATUSES: [Option<PersonStatus>; 3] = [
        None,
        Some(PersonStatus::Active),
        Some(PersonStatus::Terminated),
    ];

    fn day(offset: u8) -> Date {
        Date::from_calendar_date(2020, Month::January, 1).unwrap() + Duration::days(offset.into())
    }

    prop_compose! {
        fn a_person()(
            first in 0..FIRSTS.len(),
            last in 0..LASTS.len(),
            swapped in any::<bool>(),
            email in proptest::option::of(0..EMAILS.len()),
            id in proptest::option::of(0..IDS.len()),
            status in 0..STATUSES.len(),
            start in proptest::option::of(0u8..3),
            birth in proptest::option::of(0u8..2),
            preferred in proptest::option::of(0..FIRSTS.len()),
        ) -> Person {
            let (first, last) = if swapped { (LASTS[last], FIRSTS[first]) } else { (FIRSTS[first], LASTS[last]) };
            let mut person = Person::new(first, last);
            person.work_email = email.map(|e| EMAILS[e].to_owned());
            person.ids.personnel_number = id.map(|i| IDS[i].to_owned());
            person.status = STATUSES[status];
            person.start_date = start.map(day);
            person.birth_date = birth.map(day);
            person.preferred_name = preferred.map(|p| FIRSTS[p].to_owned());
            person
        }
    }

    /// The result as a sorted list of (category, rule, HR person, existing record), which must
    /// not depend on the order people came in.
    /// Category, rule, HR person and existing record of one entry.
    type Outcome = (Category, Option<MatchRule>, Option<Person>, Option<Person>);

    fn outcome(result: &MatchResult) -> Vec<Outcome> {
        let mut outcome: Vec<_> = result
            .entries()
            .iter()
            .map(|entry| {
                (
                    entry.category(),
                    entry.rule(),
                    result.hr_person(entry).cloned(),
                    result.existing_person(entry).cloned(),
                )
            })
            .collect();
        outcome.sort();
        outcome
    }

    fn populations() -> impl Strategy<Value = (Vec<Person>, Vec<Person>, Vec<Person>, Vec<Person>)>
    {
        (
            proptest::collection::vec(a_person(), 0..24),
            proptest::collection::vec(a_person(), 0..24),
        )
            .prop_flat_map(|(hr, existing)| {
                (
                    Just(hr.clone()),
                    Just(existing.clone()),
                    Just(hr).prop_shuffle(),
                    Just(existing).prop_shuffle(),
                )
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn matching_does_not_depend_on_input_order((hr, existing, hr_shuffled, existing_shuffled) in populations()) {
            let options = MatchOptions::default();
            let first = match_people(hr, existing, &options);
            let second = match_people(hr_shuffled, existing_shuffled, &options);
            prop_assert_eq!(outcome(&first), outcome(&second));
            prop_assert_eq!(first.counts(), second.counts());
        }

        #[test]
        fn every_person_is_counted_exactly_once((hr, existing, _, _) in populations()) {
            let (hr_count, existing_count) = (hr.len(), existing.len());
            let result = match_people(hr, existing, &MatchOptions::default());
            let hr_seen = result.entries().iter().filter(|e| e.hr_index().is_some()).count();
            let existing_seen = result.entries().iter().filter(|e| e.existing_index().is_some()).count();
            prop_assert_eq!((hr_seen, existing_seen), (hr_count, existing_count));
            let counts = result.counts();
            prop_assert_eq!(counts.total as usize, result.entries().len());
            let sum = counts.matched + counts.matched_with_differences + counts.needs_review
                + counts.only_in_hr + counts.only_in_existing + counts.inactive + counts.duplicates;
            prop_assert_eq!(sum, counts.total);
            // Duplicates are active; inactive people are never only in HR.
            for entry in result.entries() {
                let hr = result.hr_person(entry);
                match entry.category() {
                    Category::Duplicate | Category::OnlyInHr => prop_assert!(hr.unwrap().is_active()),
                    Category::Inactive => prop_assert!(!hr.unwrap().is_active()),
                    _ => {}
                }
            }
        }

        #[test]
        fn normalisers_are_idempotent(text in any::<String>()) {
            let folded = fold(&text);
            prop_assert_eq!(fold(&folded), folded.clone());
            prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "));
            let key = name_key(&text, "x y");
            prop_assert_eq!(name_key(&key, ""), key.clone());
            if let Some(email) = normalise_email(&text) {
                prop_assert_eq!(normalise_email(&email), Some(email.clone()));
            }
            if let Some(id) = normalise_id(&text) {
                prop_assert_eq!(normalise_id(&id), Some(id.clone()));
            }
        }

        #[test]
        fn parsers_never_panic(text in any::<String>(), bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse_date(&text);
            let _ = split_full_name(&text);
            let _ = read_roster(text.as_bytes());
            let _ = read_roster(&bytes);
        }

        #[test]
        fn roster_csv_round_trips_names(
            names in proptest::collection::vec(("[A-Za-zÄÖÜäöüßĀāĒēŌō' -]{1,12}", "[A-Za-zÄÖÜäöüßĀāĒēŌō' -]{1,12}"), 1..20),
            delimiter in prop::sample::select(vec![',', ';', '\t', '|']),
        ) {
            let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            let mut csv = format!("First name{delimiter}Last name{delimiter}Email\n");
            for (n, (first, last)) in names.iter().enumerate() {
                csv.push_str(&format!("{}{delimiter}{}{delimiter}p{n}@x.example\n", quote(first), quote(last)));
            }
            let roster = read_roster(csv.as_bytes()).unwrap();
            prop_assert_eq!(roster.people.len(), names.len());
            for (person, (first, last)) in roster.people.iter().zip(&names) {
                prop_assert_eq!(&person.first_name, first.trim());
                prop_assert_eq!(&person.last_name, last.trim());
            }
        }
    }

    #[test]
    fn five_thousand_by_five_thousand_gives_the_expected_counts() {
        let population = people_synthetic::population(5_000);
        assert_eq!(population.existing.len(), 5_000);
        let result = match_people(population.hr, population.existing, &MatchOptions::default());
        assert_eq!(result.counts(), population.expected);
    }
}
