//! What matching compares, computed once per person: folded names, name keys, email, ids;
//! and the name similarity and fuzzy blocks built on them.

use time::Date;

use crate::people::Person;
use crate::people::normalise::{fold, folded_name_key, normalise_email, normalise_id};

/// Separates the parts of block keys; cannot occur in folded text.
const SEPARATOR: char = '\u{1f}';

/// The comparable form of one person.
pub(super) struct Keys {
    /// Folded first name.
    pub first: String,
    /// Folded last name.
    pub last: String,
    /// Folded known-as name, when it differs from the first name.
    pub preferred: Option<String>,
    /// Order-insensitive name key; empty when the person has no name.
    pub name: String,
    /// The name key with the known-as name as first name.
    pub alt_name: Option<String>,
    /// Start date.
    pub start: Option<Date>,
    /// Normalised work email.
    pub email: Option<String>,
    /// Normalised personnel number.
    pub personnel: Option<String>,
    /// Normalised source id.
    pub provider: Option<String>,
    /// Normalised external ids.
    pub external: Vec<String>,
}

impl Keys {
    pub fn of(person: &Person) -> Keys {
        let first = fold(&person.first_name);
        let last = fold(&person.last_name);
        let preferred = person
            .preferred_name
            .as_deref()
            .map(fold)
            .filter(|preferred| !preferred.is_empty() && *preferred != first);
        let name = folded_name_key(&first, &last);
        let alt_name = preferred
            .as_deref()
            .map(|preferred| folded_name_key(preferred, &last))
            .filter(|alt| *alt != name);
        Keys {
            start: person.start_date,
            email: person.work_email.as_deref().and_then(normalise_email),
            personnel: person
                .ids
                .personnel_number
                .as_deref()
                .and_then(normalise_id),
            provider: person.ids.provider_id.as_deref().and_then(normalise_id),
            external: person
                .ids
                .external_ids
                .iter()
                .filter_map(|id| normalise_id(id))
                .collect(),
            first,
            last,
            preferred,
            name,
            alt_name,
        }
    }

    /// The name keys of rule (3): the name, and the name with the known-as first name.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .filter(|name| !name.is_empty())
            .chain(self.alt_name.as_deref())
    }

    /// The name-and-start-date keys of rule (3).
    pub fn names_with_start(&self) -> impl Iterator<Item = (&str, Date)> {
        let start = self.start;
        self.names().filter_map(move |name| Some((name, start?)))
    }

    /// The normalised work email, as a key list.
    pub fn emails(&self) -> impl Iterator<Item = &str> {
        self.email.as_deref().into_iter()
    }

    /// The normalised personnel number, as a key list.
    pub fn personnel_numbers(&self) -> impl Iterator<Item = &str> {
        self.personnel.as_deref().into_iter()
    }

    /// The normalised source id, as a key list.
    pub fn provider_ids(&self) -> impl Iterator<Item = &str> {
        self.provider.as_deref().into_iter()
    }

    /// The normalised external ids.
    pub fn external_ids(&self) -> impl Iterator<Item = &str> {
        self.external.iter().map(String::as_str)
    }

    /// The ids an external id on the other side may point at.
    pub fn own_ids(&self) -> impl Iterator<Item = &str> {
        self.provider
            .as_deref()
            .into_iter()
            .chain(self.personnel.as_deref())
    }

    /// First-name variants: the first name and the known-as name.
    fn firsts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.first.as_str()).chain(self.preferred.as_deref())
    }

    /// The fuzzy blocks the person belongs to: one name part exactly plus the other part's
    /// initial, in both orders (swapped columns meet) and with the known-as name.
    pub fn blocks(&self) -> Vec<String> {
        let mut blocks = Vec::with_capacity(4);
        for first in self.firsts() {
            for (part, other) in [(first, self.last.as_str()), (self.last.as_str(), first)] {
                let Some(initial) = other.chars().next() else {
                    continue;
                };
                if part.is_empty() {
                    continue;
                }
                let block = format!("{part}{SEPARATOR}{initial}");
                if !blocks.contains(&block) {
                    blocks.push(block);
                }
            }
        }
        blocks
    }
}

/// How alike two people's names are, 0–1: Jaro-Winkler of first and last name averaged, the
/// best over both orders and over first and known-as names.
pub(super) fn name_similarity(a: &Keys, b: &Keys) -> f64 {
    let mut best: f64 = 0.0;
    for first_a in a.firsts() {
        for first_b in b.firsts() {
            let straight =
                strsim::jaro_winkler(first_a, first_b) + strsim::jaro_winkler(&a.last, &b.last);
            let swapped =
                strsim::jaro_winkler(first_a, &b.last) + strsim::jaro_winkler(&a.last, first_b);
            best = best.max(straight.max(swapped) / 2.0);
        }
    }
    best
}

/// The hash map of matching's joins: FxHash is deterministic and much faster than SipHash
/// on short keys; HashDoS resistance buys nothing against the admin's own data.
pub(super) type Map<K, V> = rustc_hash::FxHashMap<K, V>;

/// An empty [`Map`] with room for `capacity` keys.
pub(super) fn map<K, V>(capacity: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(capacity, rustc_hash::FxBuildHasher)
}

/// A position as matching stores it; matching works on far fewer than 4 billion people.
pub(super) fn to_index(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// People (by index) sharing a key. Most keys are unique, so one index needs no allocation.
#[derive(Debug)]
pub(super) enum Slot {
    One(u32),
    Many(Vec<u32>),
}

impl Slot {
    /// Adds an index; the same index twice in a row (one person with two equal keys) once.
    pub fn push(&mut self, index: u32) {
        match self {
            Slot::One(only) if *only == index => {}
            Slot::One(only) => *self = Slot::Many(vec![*only, index]),
            Slot::Many(all) if all.last() == Some(&index) => {}
            Slot::Many(all) => all.push(index),
        }
    }

    pub fn only(&self) -> Option<u32> {
        match self {
            Slot::One(only) => Some(*only),
            Slot::Many(_) => None,
        }
    }

    pub fn as_slice(&self) -> &[u32] {
        match self {
            Slot::One(only) => std::slice::from_ref(only),
            Slot::Many(all) => all,
        }
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }
}

/// Adds `index` under `key`.
pub(super) fn index_under<K: std::hash::Hash + Eq>(map: &mut Map<K, Slot>, key: K, index: u32) {
    map.entry(key)
        .and_modify(|slot| slot.push(index))
        .or_insert(Slot::One(index));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(first: &str, last: &str) -> Keys {
        Keys::of(&Person::new(first, last))
    }

    #[test]
    fn similar_names_score_high_and_different_ones_low() {
        let score =
            |a: (&str, &str), b: (&str, &str)| name_similarity(&keys(a.0, a.1), &keys(b.0, b.1));
        assert!(score(("Anne", "Müller"), ("Anne", "Mueller")) > 0.9);
        assert!(score(("Jon", "Smith"), ("John", "Smith")) > 0.9);
        assert!(score(("Smith", "John"), ("Jon", "Smith")) > 0.9, "swapped");
        assert!(score(("Jon", "Smith"), ("Jane", "Smith")) < 0.9);
        assert!(score(("Anna", "Schmidt"), ("Bernd", "Schmidt")) < 0.9);
        assert_eq!(score(("Anne", "Müller"), ("anne", "muller")), 1.0);
    }

    #[test]
    fn blocks_meet_across_swapped_names() {
        let a = keys("Müller", "Anne").blocks();
        let b = keys("Anne", "Müler").blocks();
        assert!(a.iter().any(|block| b.contains(block)));
        assert!(keys("", "").blocks().is_empty());
    }

    #[test]
    fn slot_dedupes_consecutive_indices() {
        let mut slot = Slot::One(3);
        slot.push(3);
        assert_eq!(slot.only(), Some(3));
        slot.push(4);
        slot.push(4);
        assert_eq!(slot.as_slice(), &[3, 4]);
    }
}
