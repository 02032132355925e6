//! The property behind issue 20's first point: a roster row that has an HR person's personnel
//! number or work email is paired with an HR person (matched, in review, inactive, or next to
//! the HR duplicate it belongs to), never "only in your records", and the HR system's own
//! duplicates never push a roster row out.

/// Named `people` so that `cargo test -p hrlink-core people` selects these tests.
#[cfg(test)]
mod people {
    use hrlink_core::people::{Category, MatchOptions, Person, PersonStatus, match_people};
    use proptest::prelude::*;
    use time::{Date, Duration, Month};

    // A small pool of names, so that people collide on them (namesakes, similar-name
    // suggestions competing with the id and email rules).
    const FIRSTS: [&str; 5] = ["Anne", "Anna", "Jörg", "Zoë", "Thomas"];
    const LASTS: [&str; 4] = ["Müller", "Mueller", "Strauß", "Nowak"];

    fn day(offset: u8) -> Date {
        Date::from_calendar_date(2020, Month::January, 1).unwrap() + Duration::days(offset.into())
    }

    /// One HR person: unique number and (if any) unique email, by position.
    fn hr_person(
        n: usize,
        (first, last, email, active, birth): (usize, usize, bool, bool, u8),
    ) -> Person {
        let mut person = Person::new(FIRSTS[first], LASTS[last]);
        person.ids.personnel_number = Some(format!("{}", 1000 + n));
        person.work_email = email.then(|| format!("p{n}@hr.example"));
        person.status = Some(if active {
            PersonStatus::Active
        } else {
            PersonStatus::Terminated
        });
        person.birth_date = Some(day(birth));
        person
    }

    /// A second HR record of `original`: same name and birth date, its own number, sometimes the
    /// same email (what an import without a check leaves behind).
    fn duplicate(original: &Person, n: usize, same_email: bool) -> Person {
        let mut copy = original.clone();
        copy.status = Some(PersonStatus::Active);
        copy.ids.personnel_number = Some(format!("{}", 5000 + n));
        if !same_email {
            copy.work_email = None;
        }
        copy
    }

    /// How a roster keeps an HR person: with the number (and perhaps another name), or
    /// without it (by email, same name).
    #[derive(Debug, Clone, Copy)]
    enum Copy {
        Left,
        WithNumber { renamed: Option<(usize, usize)> },
        WithoutNumber,
    }

    fn a_copy() -> impl Strategy<Value = Copy> {
        prop_oneof![
            Just(Copy::Left),
            proptest::option::of((0..FIRSTS.len(), 0..LASTS.len()))
                .prop_map(|renamed| Copy::WithNumber { renamed }),
            Just(Copy::WithoutNumber),
        ]
    }

    fn roster_row(person: &Person, copy: Copy) -> Option<Person> {
        let mut row = person.clone();
        row.birth_date = None;
        match copy {
            Copy::Left => return None,
            Copy::WithNumber { renamed } => {
                if let Some((first, last)) = renamed {
                    row.first_name = FIRSTS[first].to_owned();
                    row.last_name = LASTS[last].to_owned();
                }
            }
            Copy::WithoutNumber => row.ids.personnel_number = None,
        }
        Some(row)
    }

    /// HR people (with duplicates) and a roster holding some of them, plus unrelated rows.
    fn populations() -> impl Strategy<Value = (Vec<Person>, Vec<Person>)> {
        let person = (
            0..FIRSTS.len(),
            0..LASTS.len(),
            any::<bool>(),
            any::<bool>(),
            0u8..3,
        );
        (
            proptest::collection::vec((person, a_copy()), 1..16),
            proptest::collection::vec(
                (any::<prop::sample::Index>(), any::<bool>(), a_copy()),
                0..6,
            ),
            proptest::collection::vec((0..FIRSTS.len(), 0..LASTS.len()), 0..4),
        )
            .prop_map(|(people, duplicates, strangers)| {
                let mut hr = Vec::new();
                let mut roster = Vec::new();
                for (n, (details, copy)) in people.into_iter().enumerate() {
                    let person = hr_person(n, details);
                    roster.extend(roster_row(&person, copy));
                    hr.push(person);
                }
                let actives: Vec<Person> = hr.iter().filter(|p| p.is_active()).cloned().collect();
                for (n, (which, same_email, copy)) in duplicates.into_iter().enumerate() {
                    if actives.is_empty() {
                        break;
                    }
                    let copy_of = duplicate(which.get(&actives), n, same_email);
                    roster.extend(roster_row(&copy_of, copy));
                    hr.push(copy_of);
                }
                roster.extend(
                    strangers
                        .into_iter()
                        .map(|(first, last)| Person::new(FIRSTS[first], LASTS[last])),
                );
                (hr, roster)
            })
    }

    /// An HR person has this row's number or email.
    fn shares_a_key(row: &Person, hr: &[Person]) -> bool {
        hr.iter().any(|person| {
            let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
            same(&row.ids.personnel_number, &person.ids.personnel_number)
                || same(&row.work_email, &person.work_email)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn a_roster_row_with_an_hr_number_or_email_is_never_only_in_the_records((hr, roster) in populations()) {
            let result = match_people(hr.clone(), roster, &MatchOptions::default());
            for entry in result.entries() {
                let Some(row) = result.existing_person(entry) else { continue };
                if shares_a_key(row, &hr) {
                    prop_assert_ne!(entry.category(), Category::OnlyInExisting, "{:?}", row);
                    prop_assert!(entry.hr_index().is_some());
                }
            }
        }
    }
}
