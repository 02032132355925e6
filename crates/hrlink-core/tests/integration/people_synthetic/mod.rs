//! A deterministic synthetic population for the size test and the matching benchmark
//! (`examples/bench_matching.rs` includes this file), with the counts matching must give.
//!
//! Person `i` gets a unique first and last name built from syllables (some with ü, ō, ß, é), a
//! personnel number, an email, a start date, a unit and a job title; what the existing side
//! holds for them depends on `i % 20`:
//!
//! | i % 20 | existing record | category |
//! |---|---|---|
//! | 0–9 | identical copy | matched (personnel number) |
//! | 10, 11 | no personnel number, another job title | matched with differences (email) |
//! | 12 | name and start date only | matched (name and start date) |
//! | 13 | name only, last name misspelt | needs review (similar name) |
//! | 14 | none; instead an unrelated record | only in HR + only in existing |
//! | 15 | copy; the HR person is terminated | inactive |
//! | 16 | copy; the HR system has the person twice | matched + duplicate |
//! | 17 | copy marked terminated | matched with differences (status) |
//! | 18 | name only, another start date | needs review (start date differs) |
//! | 19 | copy with the name's accents lost | matched with differences (name) |
//!
//! Names are unique up to 103,823 people, so no two people share a fuzzy block by accident
//! and the counts are exact.
#![allow(dead_code, reason = "the test and the benchmark use different parts")]

use hrlink_core::people::{MatchCounts, Person, PersonStatus};
use time::{Date, Duration, Month};

const FIRST: [&str; 47] = [
    "ka", "le", "mi", "no", "ru", "sa", "te", "vi", "wo", "ya", "zé", "bo", "ci", "da", "fe", "gu",
    "ha", "jo", "ki", "lu", "ma", "ne", "ōri", "pa", "qui", "ro", "si", "tu", "va", "we", "xa",
    "yo", "zu", "an", "el", "in", "ol", "un", "ar", "er", "ir", "or", "ur", "am", "em", "im", "om",
];
const LAST: [&str; 47] = [
    "berg", "mül", "stra", "ßen", "wal", "ker", "son", "ton", "man", "hof", "feld", "ring", "dorf",
    "bach", "see", "stein", "thal", "burg", "au", "ō", "tane", "hira", "ngā", "roa", "nui", "ler",
    "ner", "ter", "ger", "der", "sch", "mitt", "lang", "kurz", "brun", "weiß", "roth", "grün",
    "blau", "kö", "nig", "vo", "gel", "fisch", "jä", "wig", "haus",
];
const UNITS: [&str; 5] = ["Sales", "Engineering", "Finance", "Operations", "People"];
const TITLES: [&str; 5] = [
    "Engineer",
    "Manager",
    "Analyst",
    "Consultant",
    "Coordinator",
];

/// The population, both sides, and the counts matching must report for it.
pub struct Synthetic {
    pub hr: Vec<Person>,
    pub existing: Vec<Person>,
    pub expected: MatchCounts,
}

fn capitalised(syllables: [&str; 3]) -> String {
    let word: String = syllables.concat();
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Three syllables from `i` in base 47: unique for i < 47³.
fn syllables(table: &[&'static str; 47], i: usize) -> [&'static str; 3] {
    [table[i % 47], table[(i / 47) % 47], table[(i / 2209) % 47]]
}

fn start_date(i: usize) -> Date {
    let base = Date::from_calendar_date(2000, Month::January, 1).unwrap_or(Date::MIN);
    base + Duration::days((i * 37 % 8000) as i64)
}

/// Person `i` as the HR system has them; multiplying by a prime coprime to 47³ makes last
/// names unique too, but uncorrelated with first names.
fn hr_person(i: usize) -> Person {
    let first = capitalised(syllables(&FIRST, i));
    let last = capitalised(syllables(&LAST, (i * 7919) % 103_823));
    let mut person = Person::new(first.clone(), last.clone());
    person.ids.provider_id = Some(format!("hr-{i}"));
    person.ids.personnel_number = Some(format!("P{i:06}"));
    person.work_email = Some(format!(
        "{}.{}.{i}@acme.example",
        first.to_lowercase(),
        last.to_lowercase()
    ));
    person.status = Some(PersonStatus::Active);
    person.start_date = Some(start_date(i));
    person.department = Some(UNITS[i % UNITS.len()].to_owned());
    person.job_title = Some(TITLES[(i / 5) % TITLES.len()].to_owned());
    person
}

/// The existing record as another system would have it: no source id of ours.
fn copy(person: &Person) -> Person {
    let mut copy = person.clone();
    copy.ids.provider_id = None;
    copy.status = None;
    copy
}

fn name_only(person: &Person) -> Person {
    let mut record = Person::new(person.first_name.clone(), person.last_name.clone());
    record.start_date = person.start_date;
    record
}

/// Replaces the last letter of the last name with one that does not fold to it: a typo.
fn misspelt(person: &Person) -> Person {
    let mut record = name_only(person);
    record.start_date = None;
    let replacement = match record.last_name.pop() {
        Some('a' | 'ā' | 'ä') => 'e',
        _ => 'a',
    };
    record.last_name.push(replacement);
    record
}

fn without_accents(text: &str) -> String {
    text.replace(['ü', 'ö'], "u")
        .replace('ō', "o")
        .replace('ā', "a")
        .replace('é', "e")
        .replace('ä', "a")
        .replace('ß', "ss")
}

/// `n` people on each side (a few more on the HR side for duplicates, as real systems have).
pub fn population(n: usize) -> Synthetic {
    let mut hr = Vec::with_capacity(n + n / 20);
    let mut existing = Vec::with_capacity(n);
    let mut expected = MatchCounts::default();
    for i in 0..n {
        let person = hr_person(i);
        match i % 20 {
            0..=9 => {
                existing.push(copy(&person));
                expected.matched += 1;
            }
            10 | 11 => {
                let mut record = copy(&person);
                record.ids.personnel_number = None;
                record.job_title = Some("Team Lead".to_owned());
                existing.push(record);
                expected.matched_with_differences += 1;
            }
            12 => {
                existing.push(name_only(&person));
                expected.matched += 1;
            }
            13 => {
                existing.push(misspelt(&person));
                expected.needs_review += 1;
            }
            14 => {
                // Someone the HR system does not have: names from the top of the range, which
                // the HR people (fewer than half of it) never reach.
                let mut stranger = copy(&hr_person(103_822 - i));
                stranger.ids.personnel_number = Some(format!("X{i:06}"));
                stranger.work_email = Some(format!("stranger.{i}@acme.example"));
                existing.push(stranger);
                expected.only_in_hr += 1;
                expected.only_in_existing += 1;
            }
            15 => {
                existing.push(copy(&person));
                expected.inactive += 1;
            }
            16 => {
                existing.push(copy(&person));
                let mut twin = person.clone();
                twin.ids.provider_id = Some(format!("hr-{i}-b"));
                twin.ids.personnel_number = Some(format!("Q{i:06}"));
                hr.push(twin);
                expected.matched += 1;
                expected.duplicates += 1;
            }
            17 => {
                let mut record = copy(&person);
                record.status = Some(PersonStatus::Terminated);
                existing.push(record);
                expected.matched_with_differences += 1;
            }
            18 => {
                let mut record = name_only(&person);
                record.start_date = record.start_date.map(|date| date + Duration::days(365));
                existing.push(record);
                expected.needs_review += 1;
            }
            _ => {
                let mut record = copy(&person);
                record.first_name = without_accents(&record.first_name);
                record.last_name = without_accents(&record.last_name);
                existing.push(record);
                // Only a difference if there were accents to lose.
                if record_differs(&person) {
                    expected.matched_with_differences += 1;
                } else {
                    expected.matched += 1;
                }
            }
        }
        let mut person = person;
        if i % 20 == 15 {
            person.status = Some(PersonStatus::Terminated);
            person.end_date = Some(start_date(i) + Duration::days(400));
        }
        hr.push(person);
    }
    // Another system lists its people in another order.
    existing.reverse();
    expected.total = expected.matched
        + expected.matched_with_differences
        + expected.needs_review
        + expected.only_in_hr
        + expected.only_in_existing
        + expected.inactive
        + expected.duplicates;
    Synthetic {
        hr,
        existing,
        expected,
    }
}

fn record_differs(person: &Person) -> bool {
    without_accents(&person.first_name) != person.first_name
        || without_accents(&person.last_name) != person.last_name
}
