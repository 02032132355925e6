//! Active HR records that look like the same person.

use time::Date;

use super::MatchRule;
use super::keys::{Keys, Map, Slot, index_under, map, name_similarity, to_index as index};
use crate::people::Person;

/// Most records sharing one email that are compared pairwise; a larger group is a shared
/// mailbox (e.g. everyone without an address of their own given `hr@`), not duplicates.
const MAX_EMAIL_GROUP: usize = 32;

/// For each HR record (sorted order), the earlier record it duplicates and why; `None` for
/// the first record of each group and for everyone else.
pub(super) fn find(
    people: &[Person],
    keys: &[Keys],
    threshold: f64,
) -> Vec<Option<(u32, MatchRule)>> {
    let mut sets = Sets::new(people.len());
    let active = || (0..people.len()).filter(|&i| people[i].is_active());

    let mut by_email: Map<&str, Slot> = map(people.len());
    for i in active() {
        if let Some(email) = keys[i].email.as_deref() {
            index_under(&mut by_email, email, index(i));
        }
    }
    for slot in by_email.values() {
        let group = slot.as_slice();
        if group.len() < 2 || group.len() > MAX_EMAIL_GROUP {
            continue;
        }
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                if alike(&keys[a as usize], &keys[b as usize], threshold) {
                    sets.union(a, b, MatchRule::DuplicateEmail);
                }
            }
        }
    }

    // Same name and same birth date, or same name and same start date.
    let dates: [fn(&Person) -> Option<Date>; 2] = [|p| p.birth_date, |p| p.start_date];
    for date_of in dates {
        let mut by_name_date: Map<(&str, Date), Slot> = map(people.len());
        for i in active() {
            if let Some(date) = date_of(&people[i])
                && !keys[i].name.is_empty()
            {
                index_under(&mut by_name_date, (keys[i].name.as_str(), date), index(i));
            }
        }
        for slot in by_name_date.values() {
            if let [first, rest @ ..] = slot.as_slice() {
                rest.iter()
                    .for_each(|&other| sets.union(*first, other, MatchRule::DuplicateNameAndDate));
            }
        }
    }

    (0..people.len())
        .map(|i| {
            let root = sets.find(index(i));
            (root != index(i)).then(|| (root, sets.rule[i].unwrap_or(MatchRule::DuplicateEmail)))
        })
        .collect()
}

/// Two records with one email are the same person when their names are alike (or one has
/// none); different names mean a shared mailbox.
fn alike(a: &Keys, b: &Keys, threshold: f64) -> bool {
    a.name == b.name || a.name.is_empty() || b.name.is_empty() || name_similarity(a, b) >= threshold
}

/// Union-find whose representative is always the smallest index, so the first record (in
/// sorted order) of each group is the one kept.
struct Sets {
    parent: Vec<u32>,
    rule: Vec<Option<MatchRule>>,
}

impl Sets {
    fn new(len: usize) -> Sets {
        Sets {
            parent: (0..len).map(index).collect(),
            rule: vec![None; len],
        }
    }

    fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let grandparent = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = grandparent;
            i = grandparent;
        }
        i
    }

    fn union(&mut self, a: u32, b: u32, rule: MatchRule) {
        for member in [a, b] {
            self.rule[member as usize].get_or_insert(rule);
        }
        let (root_a, root_b) = (self.find(a), self.find(b));
        let (low, high) = (root_a.min(root_b), root_a.max(root_b));
        self.parent[high as usize] = low;
    }
}
