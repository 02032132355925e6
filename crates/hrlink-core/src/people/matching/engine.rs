//! The matching rules as hash joins, the review suggestions, and the result's entries.

use std::collections::{HashMap, HashSet};

use super::keys::{Keys, Map, Slot, index_under, map, name_similarity, to_index};
use super::{
    Category, Decision, EntryId, Field, MAX_BLOCK_PAIRS, MAX_GROUP_PAIRS, MatchEntry, MatchOptions,
    MatchResult, MatchRule, duplicates, paired_category, unpaired_hr_category,
};
use crate::people::Person;
use crate::people::normalise::{normalise_id, same_text};
use crate::people::person::join_name;

/// Least name similarity for suggesting two people who share an email: below it the address
/// is a shared mailbox, and the pair would be noise. (Shared ids need no such check: an id in
/// common is evidence on its own.)
const SHARED_EMAIL_SIMILARITY: f64 = 0.75;

/// One side of the matching: people and their keys, index for index.
#[derive(Clone, Copy)]
struct Side<'a> {
    people: &'a [Person],
    keys: &'a [Keys],
}

/// A pairing found for an HR person.
#[derive(Clone, Copy)]
struct Link {
    existing: u32,
    rule: MatchRule,
    /// Name similarity in percent, for suggested pairs; `None` for matches.
    suggested: Option<u8>,
}

/// People sharing a key that could not be paired by it: review material if still unmatched
/// at the end of the pass.
struct Group {
    rule: MatchRule,
    hr: Vec<u32>,
    existing: Vec<u32>,
}

/// Who is paired with whom so far.
struct Links {
    hr: Vec<Option<Link>>,
    existing_taken: Vec<bool>,
    groups: Vec<Group>,
}

impl Links {
    fn is_free(&self, h: u32) -> bool {
        self.hr[h as usize].is_none()
    }

    fn is_taken(&self, e: u32) -> bool {
        self.existing_taken[e as usize]
    }

    fn link(&mut self, h: u32, e: u32, rule: MatchRule, suggested: Option<u8>) {
        self.hr[h as usize] = Some(Link {
            existing: e,
            rule,
            suggested,
        });
        self.existing_taken[e as usize] = true;
    }
}

pub(super) fn run(hr: Vec<Person>, existing: Vec<Person>, options: &MatchOptions) -> MatchResult {
    // Sorting first makes everything below a function of the people, not of their order.
    let hr = sorted(hr);
    let existing = sorted(existing);
    let hr_keys: Vec<Keys> = hr.iter().map(Keys::of).collect();
    let existing_keys: Vec<Keys> = existing.iter().map(Keys::of).collect();
    let hr_side = Side {
        people: &hr,
        keys: &hr_keys,
    };
    let existing_side = Side {
        people: &existing,
        keys: &existing_keys,
    };

    let duplicate_of = duplicates::find(&hr, &hr_keys, options.review_threshold);
    let mut links = Links {
        hr: vec![None; hr.len()],
        existing_taken: vec![false; existing.len()],
        groups: Vec::new(),
    };
    let id_map: HashMap<String, String> = options
        .id_map
        .iter()
        .filter_map(|(existing, hr)| Some((normalise_id(existing)?, normalise_id(hr)?)))
        .collect();
    let pass = Pass {
        hr: hr_side,
        existing: existing_side,
        id_map: &id_map,
        options,
    };
    // Active people first, so that they get the first pick of the existing records; then the
    // duplicates, by id and email only, so that a record of the duplicate is not left "only in
    // your records"; inactive people only get what is left (a rehire's old record never takes
    // the current one's).
    let (duplicates, originals): (Vec<u32>, Vec<u32>) = (0..hr.len())
        .map(to_index)
        .partition(|&h| duplicate_of[h as usize].is_some());
    let (active, inactive): (Vec<u32>, Vec<u32>) = originals
        .into_iter()
        .partition(|&h| hr[h as usize].is_active());
    pass.run(&active, &mut links, Rules::All);
    pass.run(&duplicates, &mut links, Rules::Exact);
    pass.run(&inactive, &mut links, Rules::All);

    let entries = entries(hr_side, existing_side, &links, &duplicate_of);
    MatchResult {
        hr,
        existing,
        entries,
    }
}

/// The people in their total order. Sorting positions and moving each person once is much
/// cheaper than sorting the (large) people themselves.
fn sorted(mut people: Vec<Person>) -> Vec<Person> {
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_unstable_by(|&a, &b| people[a].cmp(&people[b]));
    order
        .into_iter()
        .map(|position| std::mem::take(&mut people[position]))
        .collect()
}

struct Pass<'a> {
    hr: Side<'a>,
    existing: Side<'a>,
    id_map: &'a HashMap<String, String>,
    options: &'a MatchOptions,
}

/// Rules (1)–(3) accept any pair their key finds; only the name rule checks start dates.
fn any(_: &Person, _: &Person) -> bool {
    true
}

/// Start dates agree, or one side has none.
fn start_dates_agree(hr: &Person, existing: &Person) -> bool {
    match (hr.start_date, existing.start_date) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Which rules a pass applies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rules {
    /// Every rule, (1)–(4).
    All,
    /// Ids and email, and suggestions only from ids or emails several people share: for HR
    /// duplicates, whose name is already another record's.
    Exact,
}

impl Pass<'_> {
    /// The `rules` for the HR people in `pool`, against the existing records still free.
    fn run(&self, pool: &[u32], links: &mut Links, rules: Rules) {
        use MatchRule as R;
        // (1) Ids.
        if !self.id_map.is_empty() {
            // The map turns an existing record's ids into the HR ids they stand for.
            let mapped = |k| {
                Keys::own_ids(k)
                    .filter_map(|id| self.id_map.get(id).map(String::as_str))
                    .collect::<Vec<_>>()
                    .into_iter()
            };
            let keys = (Keys::own_ids, mapped);
            self.join(pool, links, (R::ExplicitId, R::SharedId), keys, any);
        }
        if self.options.same_id_space {
            let keys = (Keys::provider_ids, Keys::provider_ids);
            self.join(pool, links, (R::ProviderId, R::SharedId), keys, any);
        }
        let keys = (Keys::personnel_numbers, Keys::personnel_numbers);
        self.join(pool, links, (R::PersonnelNumber, R::SharedId), keys, any);
        let keys = (Keys::external_ids, Keys::own_ids);
        self.join(pool, links, (R::ExternalId, R::SharedId), keys, any);
        let keys = (Keys::own_ids, Keys::external_ids);
        self.join(pool, links, (R::ExternalId, R::SharedId), keys, any);
        // (2) Work email.
        let keys = (Keys::emails, Keys::emails);
        self.join(pool, links, (R::Email, R::SharedEmail), keys, any);
        if rules == Rules::Exact {
            self.suggest(pool, links, rules);
            return;
        }
        // (3) Name with start date, then name alone where a start date is missing.
        let with_start = (Keys::names_with_start, Keys::names_with_start);
        self.join(
            pool,
            links,
            (R::NameAndStartDate, R::SameName),
            with_start,
            any,
        );
        let names = (Keys::names, Keys::names);
        self.join(
            pool,
            links,
            (R::Name, R::SameName),
            names,
            start_dates_agree,
        );
        // (4) Suggestions: what the ambiguous keys left, and similar names.
        self.suggest(pool, links, rules);
    }

    /// A unique-key join. For each unmatched HR person in `pool` (in order) and each of their
    /// keys: if exactly one free HR person and one free existing record have the key, pair
    /// them when `compatible` agrees (else the pair becomes a `start_date_differs` group);
    /// if several have it, they become a review group under `rules.1`.
    fn join<'k, K, FH, IH, FE, IE>(
        &'k self,
        pool: &[u32],
        links: &mut Links,
        rules: (MatchRule, MatchRule),
        keys: (FH, FE),
        compatible: fn(&Person, &Person) -> bool,
    ) where
        K: std::hash::Hash + Eq + Copy + 'k,
        FH: Fn(&'k Keys) -> IH,
        IH: Iterator<Item = K>,
        FE: Fn(&'k Keys) -> IE,
        IE: Iterator<Item = K>,
    {
        let (rule, ambiguous) = rules;
        let (hr_keys, existing_keys) = keys;
        let hr = self.hr.keys;
        // Often nobody in the pool has a key of this kind (external ids): nothing to index.
        if !pool
            .iter()
            .any(|&h| hr_keys(&hr[h as usize]).next().is_some())
        {
            return;
        }
        let mut existing_index: Map<K, Slot> = map(self.existing.keys.len());
        for (e, keys) in self.existing.keys.iter().enumerate() {
            let e = to_index(e);
            if !links.is_taken(e) {
                existing_keys(keys).for_each(|key| index_under(&mut existing_index, key, e));
            }
        }
        if existing_index.is_empty() {
            return;
        }
        let mut hr_index: Map<K, Slot> = map(existing_index.len());
        for &h in pool.iter().filter(|&&h| links.is_free(h)) {
            for key in hr_keys(&hr[h as usize]) {
                if existing_index.contains_key(&key) {
                    index_under(&mut hr_index, key, h);
                }
            }
        }
        let mut reported: HashSet<K> = HashSet::new();
        for &h in pool {
            for key in hr_keys(&hr[h as usize]) {
                if !links.is_free(h) {
                    break;
                }
                let (Some(hrs), Some(existing)) = (hr_index.get(&key), existing_index.get(&key))
                else {
                    continue;
                };
                match (hrs.only(), existing.only()) {
                    (Some(_), Some(e)) if !links.is_taken(e) => {
                        let hr_person = &self.hr.people[h as usize];
                        if compatible(hr_person, &self.existing.people[e as usize]) {
                            links.link(h, e, rule, None);
                        } else if reported.insert(key) {
                            links.groups.push(Group {
                                rule: MatchRule::StartDateDiffers,
                                hr: vec![h],
                                existing: vec![e],
                            });
                        }
                    }
                    // Taken under another key of this rule (one of several external ids).
                    (Some(_), Some(_)) => {}
                    _ => {
                        if hrs.len() * existing.len() <= MAX_GROUP_PAIRS && reported.insert(key) {
                            links.groups.push(Group {
                                rule: ambiguous,
                                hr: hrs.as_slice().to_vec(),
                                existing: existing.as_slice().to_vec(),
                            });
                        }
                    }
                }
            }
        }
    }

    /// Rule (4): suggests pairs, one-to-one, best first, from the ambiguous groups and (all
    /// rules) from similar names within blocks.
    fn suggest(&self, pool: &[u32], links: &mut Links, rules: Rules) {
        let mut candidates: Vec<Candidate> = Vec::new();
        for group in std::mem::take(&mut links.groups) {
            for &h in group.hr.iter().filter(|&&h| links.is_free(h)) {
                for &e in group.existing.iter().filter(|&&e| !links.is_taken(e)) {
                    let candidate = self.candidate(h, e, group.rule);
                    let noise = group.rule == MatchRule::SharedEmail
                        && candidate.similarity < SHARED_EMAIL_SIMILARITY;
                    if !noise {
                        candidates.push(candidate);
                    }
                }
            }
        }
        if rules == Rules::All {
            self.similar_names(pool, links, &mut candidates);
        }

        // One candidate per pair, from the strongest rule.
        candidates.sort_unstable_by_key(|c| (c.hr, c.existing, strength(c.rule)));
        candidates.dedup_by_key(|c| (c.hr, c.existing));
        candidates.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| strength(a.rule).cmp(&strength(b.rule)))
                .then_with(|| (a.hr, a.existing).cmp(&(b.hr, b.existing)))
        });
        for c in candidates {
            if links.is_free(c.hr) && !links.is_taken(c.existing) {
                links.link(c.hr, c.existing, c.rule, Some(percent(c.similarity)));
            }
        }
    }

    /// Similar-name candidates: HR people and existing records sharing a block, compared
    /// pairwise unless the block is too large.
    fn similar_names(&self, pool: &[u32], links: &Links, candidates: &mut Vec<Candidate>) {
        let mut existing_blocks: Map<String, Slot> = Map::default();
        for (e, keys) in self.existing.keys.iter().enumerate() {
            let e = to_index(e);
            if !links.is_taken(e) {
                for block in keys.blocks() {
                    index_under(&mut existing_blocks, block, e);
                }
            }
        }
        if existing_blocks.is_empty() {
            return;
        }
        let hr_blocks: Vec<(u32, Vec<String>)> = pool
            .iter()
            .filter(|&&h| links.is_free(h))
            .map(|&h| (h, self.hr.keys[h as usize].blocks()))
            .collect();
        let mut hr_block_sizes: Map<&str, usize> = Map::default();
        for block in hr_blocks.iter().flat_map(|(_, blocks)| blocks) {
            *hr_block_sizes.entry(block).or_default() += 1;
        }
        let threshold = self.options.review_threshold;
        for (h, blocks) in &hr_blocks {
            for block in blocks {
                let Some(existing) = existing_blocks.get(block) else {
                    continue;
                };
                let pairs =
                    hr_block_sizes.get(block.as_str()).copied().unwrap_or(0) * existing.len();
                if pairs > MAX_BLOCK_PAIRS {
                    continue;
                }
                for &e in existing.as_slice() {
                    let candidate = self.candidate(*h, e, MatchRule::SimilarName);
                    if candidate.similarity >= threshold {
                        candidates.push(candidate);
                    }
                }
            }
        }
    }

    fn candidate(&self, h: u32, e: u32, rule: MatchRule) -> Candidate {
        let (hr, existing) = (
            &self.hr.people[h as usize],
            &self.existing.people[e as usize],
        );
        let similarity =
            name_similarity(&self.hr.keys[h as usize], &self.existing.keys[e as usize]);
        // Equal details only break ties between equally similar names (two "Thomas Müller"
        // records: prefer the one from the same department).
        let agreeing = [
            hr.start_date.is_some() && hr.start_date == existing.start_date,
            both_same(&hr.department, &existing.department),
            both_same(&hr.location, &existing.location),
            both_same(&hr.job_title, &existing.job_title),
        ];
        let bonus = 0.01 * agreeing.iter().filter(|&&agrees| agrees).count() as f64;
        Candidate {
            hr: h,
            existing: e,
            rule,
            similarity,
            score: similarity + bonus,
        }
    }
}

struct Candidate {
    hr: u32,
    existing: u32,
    rule: MatchRule,
    similarity: f64,
    score: f64,
}

/// Which suggestion rule is stronger evidence (lower is stronger).
fn strength(rule: MatchRule) -> u8 {
    match rule {
        MatchRule::SharedId => 0,
        MatchRule::SharedEmail => 1,
        MatchRule::StartDateDiffers => 2,
        MatchRule::SameName => 3,
        _ => 4,
    }
}

fn percent(similarity: f64) -> u8 {
    // In 0..=100 by construction; the cast cannot truncate.
    (similarity.clamp(0.0, 1.0) * 100.0).round() as u8
}

fn both_same(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if same_text(a, b))
}

/// Both sides have the value, and it differs.
fn differs<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

fn differs_text(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if !same_text(a, b))
}

/// The fields that differ between two records of one person: what was confirmed `before` and
/// what the HR system lists `now` (the reconnect diff).
pub(crate) fn changed_fields(before: &Person, now: &Person) -> Vec<Field> {
    differences(now, &Keys::of(now), before, &Keys::of(before))
}

/// The fields that differ between an HR person and an existing record.
fn differences(hr: &Person, hr_keys: &Keys, existing: &Person, existing_keys: &Keys) -> Vec<Field> {
    let mut fields = Vec::new();
    if !same_name(hr, existing) {
        fields.push(Field::Name);
    }
    if differs(hr_keys.email.as_deref(), existing_keys.email.as_deref()) {
        fields.push(Field::Email);
    }
    if differs(
        hr_keys.personnel.as_deref(),
        existing_keys.personnel.as_deref(),
    ) {
        fields.push(Field::PersonnelNumber);
    }
    // An HR person without a status counts as active, so only the record's side must say.
    if existing.status.is_some() && hr.is_active() != existing.is_active() {
        fields.push(Field::Status);
    }
    if differs(hr.start_date, existing.start_date) {
        fields.push(Field::StartDate);
    }
    if differs(hr.end_date, existing.end_date) {
        fields.push(Field::EndDate);
    }
    for (field, a, b) in [
        (Field::Department, &hr.department, &existing.department),
        (Field::Location, &hr.location, &existing.location),
        (Field::JobTitle, &hr.job_title, &existing.job_title),
    ] {
        if differs_text(a, b) {
            fields.push(field);
        }
    }
    fields
}

/// Whether the record has the HR person's name (or known-as name): case and spacing aside,
/// and however the words are split between first and last name. True when either has none.
fn same_name(hr: &Person, existing: &Person) -> bool {
    let firsts = std::iter::once(hr.first_name.as_str()).chain(hr.preferred_name.as_deref());
    // The common case, without allocating: both parts agree.
    if same_text(&existing.last_name, &hr.last_name)
        && firsts
            .clone()
            .any(|first| same_text(&existing.first_name, first))
    {
        return true;
    }
    let existing_name = join_name(&existing.first_name, &existing.last_name);
    let hr_name = join_name(&hr.first_name, &hr.last_name);
    existing_name.is_empty()
        || hr_name.is_empty()
        || firsts
            .into_iter()
            .any(|first| same_text(&existing_name, &join_name(first, &hr.last_name)))
}

/// An entry before it has its id.
struct Draft<'a> {
    category: Category,
    /// Folded last and first name of the person the row is sorted by.
    sort_name: (&'a str, &'a str),
    hr: Option<u32>,
    existing: Option<u32>,
    rule: Option<MatchRule>,
    similarity: Option<u8>,
    differences: Vec<Field>,
    duplicate_of_hr: Option<u32>,
    hr_active: bool,
}

impl<'a> Draft<'a> {
    /// Entries come by category, then last and first name, then position.
    fn order(&self) -> (Category, (&'a str, &'a str), Option<u32>, Option<u32>) {
        (self.category, self.sort_name, self.hr, self.existing)
    }
}

fn entries(
    hr: Side<'_>,
    existing: Side<'_>,
    links: &Links,
    duplicate_of: &[Option<(u32, MatchRule)>],
) -> Vec<MatchEntry> {
    let mut drafts: Vec<Draft<'_>> = Vec::with_capacity(hr.people.len() + existing.people.len());
    for (h, person) in hr.people.iter().enumerate() {
        let keys = &hr.keys[h];
        let active = person.is_active();
        let mut draft = Draft {
            category: unpaired_hr_category(active),
            sort_name: (&keys.last, &keys.first),
            hr: Some(to_index(h)),
            existing: None,
            rule: None,
            similarity: None,
            differences: Vec::new(),
            duplicate_of_hr: None,
            hr_active: active,
        };
        if let Some(link) = links.hr[h] {
            let e = link.existing as usize;
            draft.differences = differences(person, keys, &existing.people[e], &existing.keys[e]);
            draft.category = match link.suggested {
                Some(_) => Category::NeedsReview,
                None => paired_category(active, &draft.differences),
            };
            draft.existing = Some(link.existing);
            draft.rule = Some(link.rule);
            draft.similarity = link.suggested;
        }
        // A duplicate stays one, with the existing record it was paired with (if any) beside it.
        if let Some((original, rule)) = duplicate_of[h] {
            draft.category = Category::Duplicate;
            draft.rule = Some(rule);
            draft.duplicate_of_hr = Some(original);
        }
        drafts.push(draft);
    }
    for (e, keys) in existing.keys.iter().enumerate() {
        if !links.existing_taken[e] {
            drafts.push(Draft {
                category: Category::OnlyInExisting,
                sort_name: (&keys.last, &keys.first),
                hr: None,
                existing: Some(to_index(e)),
                rule: None,
                similarity: None,
                differences: Vec::new(),
                duplicate_of_hr: None,
                hr_active: false,
            });
        }
    }
    // Sorting positions rather than the (large) drafts themselves.
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_unstable_by(|&a, &b| drafts[a].order().cmp(&drafts[b].order()));

    let mut entry_of_hr: Vec<Option<EntryId>> = vec![None; hr.people.len()];
    for (n, &position) in order.iter().enumerate() {
        if let Some(h) = drafts[position].hr {
            entry_of_hr[h as usize] = Some(EntryId(to_index(n)));
        }
    }
    let mut drafts: Vec<Option<Draft<'_>>> = drafts.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|position| drafts[position].take())
        .enumerate()
        .map(|(n, draft)| MatchEntry {
            id: EntryId(to_index(n)),
            suggested: draft.category,
            hr: draft.hr,
            existing: draft.existing,
            rule: draft.rule,
            similarity: draft.similarity,
            differences: draft.differences,
            duplicate_of: draft
                .duplicate_of_hr
                .and_then(|original| entry_of_hr[original as usize]),
            hr_active: draft.hr_active,
            decision: Decision::Undecided,
            excluded: false,
        })
        .collect()
}
