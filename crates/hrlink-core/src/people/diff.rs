//! What changed among the people since the admin last confirmed them: after a reconnect, the
//! newly listed people against the [`Snapshot`](super::snapshot::Snapshot).
//!
//! A person is the same person when the HR system's own id is the same (both lists come from
//! one system); people without one are followed by personnel number, then work email. Linear:
//! one hash map over the earlier list.

use std::collections::HashMap;

use serde::Serialize;

use super::Person;
use super::matching::{Field, changed_fields};
use super::normalise::{normalise_email, normalise_id};
use super::report::{Disclosure, PersonView};

/// The people who joined, left, stopped working or changed since the last confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleChanges {
    /// When the admin last confirmed the people (Unix seconds; `u32` as in
    /// [`crate::connections::ConnectionSummary`]).
    pub confirmed_at: u32,
    /// Since when the connection was not working (its first failed check), when known.
    pub broken_since: Option<u32>,
    /// Listed now, not then.
    pub joined: Vec<PersonView>,
    /// Listed then, no longer listed.
    pub left: Vec<PersonView>,
    /// Active then, inactive or terminated now.
    pub terminated: Vec<PersonView>,
    /// Listed both times with other differences (the status change of the terminated aside).
    pub changed: Vec<ChangedPerson>,
}

/// A person whose record changed, and which fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangedPerson {
    /// The person as listed now.
    pub person: PersonView,
    /// What differs from the confirmed record.
    pub fields: Vec<Field>,
}

impl PeopleChanges {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.joined.is_empty()
            && self.left.is_empty()
            && self.terminated.is_empty()
            && self.changed.is_empty()
    }
}

/// How a person is followed from one list to the next.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    Provider(String),
    Personnel(String),
    Email(String),
}

fn identity(person: &Person) -> Option<Identity> {
    let ids = &person.ids;
    ids.provider_id
        .as_deref()
        .and_then(normalise_id)
        .map(Identity::Provider)
        .or_else(|| {
            ids.personnel_number
                .as_deref()
                .and_then(normalise_id)
                .map(Identity::Personnel)
        })
        .or_else(|| {
            person
                .work_email
                .as_deref()
                .and_then(normalise_email)
                .map(Identity::Email)
        })
}

/// Compares the confirmed people (`before`, confirmed at `confirmed_at`) with those listed
/// `now`; the lists are sorted by name. `disclosure` is [`Disclosure::Masked`] in screen-share
/// mode ([`Disclosure::CountsOnly`] is treated as masked: the lists are the point).
pub fn people_changes(
    before: &[Person],
    now: &[Person],
    confirmed_at: u64,
    broken_since: Option<u64>,
    disclosure: Disclosure,
) -> PeopleChanges {
    let disclosure = match disclosure {
        Disclosure::CountsOnly => Disclosure::Masked,
        other => other,
    };
    let view = |person: &Person| PersonView::of(person, disclosure).unwrap_or_default();
    let mut earlier: HashMap<Identity, &Person> = before
        .iter()
        .filter_map(|person| identity(person).map(|id| (id, person)))
        .collect();
    let mut unfollowed: Vec<&Person> = before.iter().filter(|p| identity(p).is_none()).collect();
    let (mut joined, mut terminated, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    for person in now {
        let previous = identity(person).and_then(|id| earlier.remove(&id));
        let Some(previous) = previous else {
            joined.push(person);
            continue;
        };
        let mut fields = changed_fields(previous, person);
        if previous.is_active() && !person.is_active() {
            terminated.push(person);
            fields.retain(|field| *field != Field::Status);
        }
        if !fields.is_empty() {
            changed.push((person, fields));
        }
    }
    unfollowed.extend(earlier.into_values());
    let sorted = |mut people: Vec<&Person>| {
        people.sort_by_cached_key(|p| (p.last_name.to_lowercase(), p.first_name.to_lowercase()));
        people.into_iter().map(view).collect::<Vec<_>>()
    };
    changed.sort_by_cached_key(|(p, _)| (p.last_name.to_lowercase(), p.first_name.to_lowercase()));
    let seconds = |at: u64| u32::try_from(at).unwrap_or(u32::MAX);
    PeopleChanges {
        confirmed_at: seconds(confirmed_at),
        broken_since: broken_since.map(seconds),
        joined: sorted(joined),
        left: sorted(unfollowed),
        terminated: sorted(terminated),
        changed: changed
            .into_iter()
            .map(|(person, fields)| ChangedPerson {
                person: view(person),
                fields,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::{PersonIds, PersonStatus};
    use time::macros::date;

    fn person(id: &str, first: &str, last: &str) -> Person {
        Person {
            ids: PersonIds {
                provider_id: Some(id.into()),
                ..PersonIds::default()
            },
            work_email: Some(format!("{}@acme.example", first.to_lowercase())),
            status: Some(PersonStatus::Active),
            start_date: Some(date!(2020 - 01 - 01)),
            location: Some("Berlin".into()),
            ..Person::new(first, last)
        }
    }

    fn names(views: &[PersonView]) -> Vec<&str> {
        views.iter().map(|v| v.name.as_str()).collect()
    }

    #[test]
    fn joined_left_terminated_and_changed() {
        let before = vec![
            person("1", "Jürgen", "Groß"),
            person("2", "Ana", "Pāora"),
            person("3", "Bea", "Stay"),
            person("4", "Cem", "Leaves"),
            person("5", "Dora", "Moves"),
        ];
        let mut now = vec![
            person("1", "Jürgen", "Groß"),
            person("2", "Ana", "Pāora"),
            person("3", "Bea", "Stay"),
            person("5", "Dora", "Moves"),
            person("6", "Emil", "New"),
        ];
        now[1].status = Some(PersonStatus::Terminated);
        now[1].end_date = Some(date!(2026 - 11 - 01));
        now[2].status = Some(PersonStatus::Inactive);
        now[3].location = Some("Hamburg".into());
        now[3].work_email = Some("dora.m@acme.example".into());
        let changes = people_changes(&before, &now, 100, Some(200), Disclosure::Full);
        assert_eq!(names(&changes.joined), ["Emil New"]);
        assert_eq!(names(&changes.left), ["Cem Leaves"]);
        assert_eq!(names(&changes.terminated), ["Ana Pāora", "Bea Stay"]);
        let changed: Vec<_> = changes
            .changed
            .iter()
            .map(|c| (c.person.name.as_str(), c.fields.clone()))
            .collect();
        // Ana's end date appeared (it was unset): not a change; her status is under terminated.
        assert_eq!(
            changed,
            [("Dora Moves", vec![Field::Email, Field::Location])]
        );
        assert_eq!(
            (changes.confirmed_at, changes.broken_since),
            (100, Some(200))
        );
        assert!(!changes.is_empty());
    }

    #[test]
    fn a_renamed_person_is_changed_not_joined_and_left() {
        let before = vec![person("7", "Maria", "Schmidt")];
        let mut now = vec![person("7", "Maria", "Müller")];
        now[0].start_date = Some(date!(2020 - 02 - 01));
        let changes = people_changes(&before, &now, 1, None, Disclosure::Full);
        assert!(changes.joined.is_empty() && changes.left.is_empty());
        assert_eq!(changes.changed[0].fields, [Field::Name, Field::StartDate]);
    }

    #[test]
    fn without_a_system_id_people_are_followed_by_number_then_email() {
        let by_number = |number: &str, email: &str| Person {
            ids: PersonIds {
                personnel_number: Some(number.into()),
                ..PersonIds::default()
            },
            work_email: Some(email.into()),
            ..Person::new("Sam", "Lee")
        };
        let by_email = |email: &str| Person {
            work_email: Some(email.into()),
            ..Person::new("Kai", "Ng")
        };
        let before = vec![
            by_number("P-1", "sam@a.example"),
            by_email("Kai@A.example "),
        ];
        let now = vec![
            by_number("p-1", "sam.lee@a.example"),
            by_email("kai@a.example"),
        ];
        let changes = people_changes(&before, &now, 1, None, Disclosure::Full);
        assert!(changes.joined.is_empty() && changes.left.is_empty());
        assert_eq!(changes.changed.len(), 1);
        assert_eq!(changes.changed[0].fields, [Field::Email]);
        // Nobody to follow: without any id the earlier person left, the new one joined.
        let nameless = vec![Person::new("No", "Id")];
        let changes = people_changes(&nameless, &nameless, 1, None, Disclosure::Full);
        assert_eq!((changes.joined.len(), changes.left.len()), (1, 1));
    }

    #[test]
    fn nothing_changed_and_masked_views() {
        let before = vec![person("1", "Zoë", "Canaryfield")];
        let changes = people_changes(&before, &before, 1, None, Disclosure::Full);
        assert!(changes.is_empty());
        let changes = people_changes(&[], &before, 1, None, Disclosure::CountsOnly);
        assert_eq!(changes.joined[0].name, "Z. C.");
        assert_eq!(
            changes.joined[0].email.as_deref(),
            Some("z•••@acme.example")
        );
    }
}
