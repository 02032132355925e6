//! Matching the Sandbox's HRworks people (listed over loopback HTTP) against a roster that
//! holds them too: the business's records copied from HRworks at some point, next to the rows of
//! the core's roster fixture. Everyone in both must be paired, whatever HRworks' own duplicates.

use std::collections::HashSet;

use hrlink_core::people::{
    Category, Disclosure, ListingOptions, MatchOptions, Person, list_people, match_people,
    read_roster, report_csv,
};
use hrlink_sandbox::scenarios::hrworks as hrworks_scenario;

use crate::common::{self, fast_http};

/// The HRworks people of the default Sandbox company (250, duplicates and rehires included).
async fn sandbox_people() -> Vec<Person> {
    let sandbox = common::sandbox().await;
    let outcome = list_people(
        &fast_http(),
        &common::endpoints(&sandbox),
        &common::hrworks(hrworks_scenario::VALID),
        None,
        &ListingOptions::default(),
        &|_| {},
    )
    .await;
    outcome.result.expect("the listing succeeds").people
}

/// A roster CSV of `people` (personnel number, names, email, start date, status) followed by
/// the rows of `tests/fixtures/people/existing_roster.csv`.
fn roster_csv(people: &[Person]) -> Vec<u8> {
    let fixture = include_str!("../fixtures/people/existing_roster.csv");
    let mut lines = fixture.lines();
    let mut csv = format!("{}\n", lines.next().expect("a header"));
    for person in people {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let status = if person.is_active() {
            "Active"
        } else {
            "Terminated"
        };
        csv.push_str(&format!(
            "{},{},{},{},{},{status},,,,\n",
            text(&person.ids.personnel_number),
            person.first_name,
            person.last_name,
            text(&person.work_email),
            person
                .start_date
                .map(|date| date.to_string())
                .unwrap_or_default(),
        ));
    }
    for line in lines {
        csv.push_str(line);
        csv.push('\n');
    }
    csv.into_bytes()
}

#[tokio::test]
async fn every_sandbox_person_in_the_roster_is_paired_not_only_in_the_records() {
    let hr = sandbox_people().await;
    let numbers: HashSet<String> = hr
        .iter()
        .filter_map(|person| person.ids.personnel_number.clone())
        .collect();
    assert_eq!(numbers.len(), hr.len(), "every HRworks person has a number");
    let roster = read_roster(&roster_csv(&hr)).expect("the roster reads");
    let result = match_people(hr.clone(), roster.people, &MatchOptions::default());
    // The Sandbox has duplicates: the case this test is about.
    assert!(result.counts().duplicates > 0);

    let alone: Vec<&str> = result
        .entries()
        .iter()
        .filter(|entry| entry.category() == Category::OnlyInExisting)
        .filter_map(|entry| {
            result
                .existing_person(entry)?
                .ids
                .personnel_number
                .as_deref()
        })
        .filter(|number| numbers.contains(*number))
        .collect();
    assert_eq!(
        alone,
        Vec::<&str>::new(),
        "HRworks people called only in your records"
    );
    // Only the fixture's own rows are left over (none of them is in HRworks).
    let fixture_rows = read_roster(include_bytes!("../fixtures/people/existing_roster.csv"))
        .unwrap()
        .people
        .len() as u32;
    assert!(result.counts().only_in_existing <= fixture_rows);

    // The CSV export agrees: no HRworks number among its only-in-your-records rows.
    let csv = report_csv(&result.report(Disclosure::Full)).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (category, number) = (column("category"), column("existing_personnel_number"));
    for record in reader.records() {
        let record = record.unwrap();
        if &record[category] == "only_in_existing" {
            assert!(!numbers.contains(&record[number]), "{}", &record[number]);
        }
    }
}
