//! Matching the HR system's people against the business's existing records.
//!
//! [`match_people`] sorts every person into exactly one [`Category`]. The rules, in order
//! (a person matched by one rule is not looked at by the later ones):
//!
//! 1. **Ids**: the caller's explicit map ([`MatchOptions::id_map`]); the source system's own
//!    id, only when the existing records come from the same system
//!    ([`MatchOptions::same_id_space`], e.g. the last confirmed snapshot); equal personnel
//!    numbers / employee codes; an external id on one side equal to the other side's id.
//! 2. **Work email**, ignoring case and whitespace.
//! 3. **Normalised name** ([`normalise::name_key`](super::normalise::name_key): accents, case,
//!    hyphens and first/last order ignored; the known-as name counts as an alternative first
//!    name), first together with the start date where both sides have one, then the name
//!    alone where a start date is missing on either side.
//! 4. **Similar names** (Jaro-Winkler on the folded first and last names, either order), only
//!    within blocks of people who share one name part exactly and the other part's initial:
//!    never a match, only a suggestion (`needs_review`).
//!
//! A key only matches when it is unique among the people still unmatched on *both* sides: an
//! email shared by several people, two records with one personnel number, two "Thomas Müller"
//! are not evidence. Such people go on to the later rules, and those still unmatched at the
//! end are suggested for review, paired by name similarity within the shared key (rule
//! `shared_email`, `shared_id`, `same_name`, `start_date_differs`).
//!
//! **Inactive and terminated HR people** are matched in a second pass, against the records
//! the active people left over, so that a rehire's old record never takes the record of the
//! person's current one. Matched exactly or not at all, they are reported as
//! [`Category::Inactive`] (with their match, if any, and its differences): "this person has
//! left; your records still have them" is the admin's question, not a difference to sync.
//! Suggested pairs stay `needs_review` until decided; accepting one gives `inactive`.
//!
//! **Duplicates** are active HR records that look like another active HR record: the same
//! work email and alike names, or the same normalised name and the same birth or start date.
//! The first record of such a group is matched as usual; every further one is reported as a
//! [`Category::Duplicate`] pointing at it ([`MatchEntry::duplicate_of`]). Duplicates are matched
//! after the other active people, by ids and email only (their name is the first record's), so
//! that an existing record with a duplicate's personnel number or email is shown beside it, never
//! as "only in your records". Inactive records are never duplicates (an old record next to a new one is how a
//! rehire looks). An email shared by people with different names is a shared mailbox, not a
//! duplicate.
//!
//! Everything is linear: each rule is one pass of hash joins over the still unmatched people;
//! the only pairwise comparisons are inside fuzzy blocks and ambiguous groups, both capped
//! ([`MAX_BLOCK_PAIRS`], [`MAX_GROUP_PAIRS`]). The inputs are sorted first, so the result does
//! not depend on the order people arrived in, and entries come out in a fixed order: by
//! category, then last and first name.

mod duplicates;
mod engine;
mod keys;

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::Person;

pub(crate) use engine::changed_fields;

/// The default for [`MatchOptions::review_threshold`].
pub const DEFAULT_REVIEW_THRESHOLD: f64 = 0.90;

/// Most pairs compared inside one fuzzy block (HR people × existing records sharing a block
/// key). Larger blocks (hundreds of unmatched "Thomas M…" on both sides) get no similar-name
/// suggestions rather than a quadratic run time.
pub const MAX_BLOCK_PAIRS: usize = 4096;

/// Most pairs suggested from one ambiguous key (an email or id shared by many people on both
/// sides); larger groups stay unmatched.
pub const MAX_GROUP_PAIRS: usize = 256;

/// How to match, beyond the fixed rules.
#[derive(Clone)]
pub struct MatchOptions {
    /// Known pairs, existing record id → HR person id. The key is compared with the existing
    /// record's source id or personnel number, the value with the HR person's; both are
    /// normalised like all ids. Earlier accepted matches, carried over by the caller.
    pub id_map: BTreeMap<String, String>,
    /// The existing records come from the same HR system (the last confirmed snapshot), so
    /// their source ids ([`PersonIds::provider_id`](super::PersonIds::provider_id)) can be
    /// compared with the HR people's. Off for rosters: another system's ids mean nothing here.
    pub same_id_space: bool,
    /// Least name similarity (0–1, Jaro-Winkler averaged over first and last name) for a
    /// similar-name suggestion or for calling two HR records with one email duplicates.
    pub review_threshold: f64,
}

impl Default for MatchOptions {
    fn default() -> MatchOptions {
        MatchOptions {
            id_map: BTreeMap::new(),
            same_id_space: false,
            review_threshold: DEFAULT_REVIEW_THRESHOLD,
        }
    }
}

impl fmt::Debug for MatchOptions {
    // Ids are personal data: show how many, not which.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MatchOptions")
            .field("id_map", &self.id_map.len())
            .field("same_id_space", &self.same_id_space)
            .field("review_threshold", &self.review_threshold)
            .finish()
    }
}

/// Where a person ended up. Serialised in snake case; [`Category::Duplicate`] as
/// `duplicates`, the same key as in [`MatchCounts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Matched, and every field both sides have agrees.
    Matched,
    /// Matched, but some fields differ ([`MatchEntry::differences`]).
    MatchedWithDifferences,
    /// A suggested pair the admin has to confirm or reject.
    NeedsReview,
    /// An active HR person with no existing record.
    OnlyInHr,
    /// An existing record with no HR person: gone from the HR system, or never in it.
    OnlyInExisting,
    /// An inactive or terminated HR person, with or without a matching existing record.
    Inactive,
    /// An active HR record that looks like another one.
    #[serde(rename = "duplicates")]
    Duplicate,
}

/// Which rule paired (or suggested, or flagged) an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MatchRule {
    /// Matched: listed in [`MatchOptions::id_map`].
    ExplicitId,
    /// Matched: the same source id (same system only).
    ProviderId,
    /// Matched: the same personnel number / employee code.
    PersonnelNumber,
    /// Matched: one side's external id is the other side's id.
    ExternalId,
    /// Matched: the same work email.
    Email,
    /// Matched: the same normalised name and the same start date.
    NameAndStartDate,
    /// Matched: the same normalised name; a start date is missing on one side.
    Name,
    /// Suggested: similar names.
    SimilarName,
    /// Suggested: an id several people share.
    SharedId,
    /// Suggested: an email several people share.
    SharedEmail,
    /// Suggested: the same name, but several people have it.
    SameName,
    /// Suggested: the same name, but the start dates differ.
    StartDateDiffers,
    /// Duplicate: the same work email and alike names.
    DuplicateEmail,
    /// Duplicate: the same name and the same birth or start date.
    DuplicateNameAndDate,
}

/// A field that differs between an HR person and their existing record. Fields are compared
/// only when both sides have a value, so a roster without a location column shows no location
/// differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// First or last name (case and spacing ignored; the known-as name counts as a first
    /// name; accents count).
    Name,
    /// Work email.
    Email,
    /// Personnel number / employee code.
    PersonnelNumber,
    /// Active versus inactive or terminated.
    Status,
    /// Start date.
    StartDate,
    /// End date.
    EndDate,
    /// Department / organisation unit.
    Department,
    /// Location.
    Location,
    /// Job title.
    JobTitle,
}

/// The admin's decision on a suggested pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Not decided yet: the pair counts as `needs_review`.
    #[default]
    Undecided,
    /// The same person: the pair counts as matched (or inactive).
    Accepted,
    /// Not the same person: counts as one HR person and one existing record, unmatched.
    Rejected,
}

/// A stable entry id: the entry's position in [`MatchResult::entries`], never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct EntryId(pub u32);

/// One row of the result: an HR person, an existing record, or a pair of them.
#[derive(Debug, Clone)]
pub struct MatchEntry {
    id: EntryId,
    suggested: Category,
    hr: Option<u32>,
    existing: Option<u32>,
    rule: Option<MatchRule>,
    similarity: Option<u8>,
    differences: Vec<Field>,
    duplicate_of: Option<EntryId>,
    hr_active: bool,
    decision: Decision,
    excluded: bool,
}

impl MatchEntry {
    /// The entry's stable id.
    pub fn id(&self) -> EntryId {
        self.id
    }

    /// The category as matching found it, before any decision.
    pub fn suggested_category(&self) -> Category {
        self.suggested
    }

    /// The category now: the suggestion, or for a decided pair what the decision made of it.
    /// A rejected pair is two people; this is the HR person's category, and
    /// [`categories`](MatchEntry::categories) lists both.
    pub fn category(&self) -> Category {
        match (self.suggested, self.decision) {
            (Category::NeedsReview, Decision::Accepted) => {
                paired_category(self.hr_active, &self.differences)
            }
            (Category::NeedsReview, Decision::Rejected) => unpaired_hr_category(self.hr_active),
            (category, _) => category,
        }
    }

    /// Every category this entry counts in: one, or two for a rejected pair.
    pub fn categories(&self) -> impl Iterator<Item = Category> + use<> {
        let split = self.is_rejected_pair().then_some(Category::OnlyInExisting);
        std::iter::once(self.category()).chain(split)
    }

    fn is_rejected_pair(&self) -> bool {
        self.suggested == Category::NeedsReview && self.decision == Decision::Rejected
    }

    /// Index of the HR person in [`MatchResult::hr_people`], if the entry has one.
    pub fn hr_index(&self) -> Option<usize> {
        self.hr.map(|index| index as usize)
    }

    /// Index of the existing record in [`MatchResult::existing_people`], if any.
    pub fn existing_index(&self) -> Option<usize> {
        self.existing.map(|index| index as usize)
    }

    /// The rule that paired, suggested or flagged the entry; `None` for unmatched people.
    pub fn rule(&self) -> Option<MatchRule> {
        self.rule
    }

    /// Name similarity in percent, for suggested pairs.
    pub fn similarity(&self) -> Option<u8> {
        self.similarity
    }

    /// Fields that differ between the two sides of a pair (also for suggested pairs, to help
    /// the admin decide).
    pub fn differences(&self) -> &[Field] {
        &self.differences
    }

    /// For a duplicate, the entry of the HR record it duplicates.
    pub fn duplicate_of(&self) -> Option<EntryId> {
        self.duplicate_of
    }

    /// The admin's decision (suggested pairs only).
    pub fn decision(&self) -> Decision {
        self.decision
    }

    /// Whether the caller excluded the entry; excluded entries count only as excluded.
    pub fn is_excluded(&self) -> bool {
        self.excluded
    }
}

/// The category of a pair the admin or a rule has confirmed.
pub(crate) fn paired_category(hr_active: bool, differences: &[Field]) -> Category {
    if !hr_active {
        Category::Inactive
    } else if differences.is_empty() {
        Category::Matched
    } else {
        Category::MatchedWithDifferences
    }
}

/// The category of an HR person without an existing record.
pub(crate) fn unpaired_hr_category(hr_active: bool) -> Category {
    if hr_active {
        Category::OnlyInHr
    } else {
        Category::Inactive
    }
}

/// How many people are in each category. `total` is their sum (a rejected pair counts twice,
/// as one HR person and one existing record); excluded entries count only in `excluded`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MatchCounts {
    /// All people counted below.
    pub total: u32,
    /// [`Category::Matched`].
    pub matched: u32,
    /// [`Category::MatchedWithDifferences`].
    pub matched_with_differences: u32,
    /// [`Category::NeedsReview`].
    pub needs_review: u32,
    /// [`Category::OnlyInHr`].
    pub only_in_hr: u32,
    /// [`Category::OnlyInExisting`].
    pub only_in_existing: u32,
    /// [`Category::Inactive`].
    pub inactive: u32,
    /// [`Category::Duplicate`].
    pub duplicates: u32,
    /// Entries the caller excluded (not in `total`); omitted from JSON when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub excluded: u32,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

impl MatchCounts {
    fn add(&mut self, category: Category) {
        self.total += 1;
        let slot = match category {
            Category::Matched => &mut self.matched,
            Category::MatchedWithDifferences => &mut self.matched_with_differences,
            Category::NeedsReview => &mut self.needs_review,
            Category::OnlyInHr => &mut self.only_in_hr,
            Category::OnlyInExisting => &mut self.only_in_existing,
            Category::Inactive => &mut self.inactive,
            Category::Duplicate => &mut self.duplicates,
        };
        *slot += 1;
    }

    /// The count of one category.
    pub fn of(&self, category: Category) -> u32 {
        match category {
            Category::Matched => self.matched,
            Category::MatchedWithDifferences => self.matched_with_differences,
            Category::NeedsReview => self.needs_review,
            Category::OnlyInHr => self.only_in_hr,
            Category::OnlyInExisting => self.only_in_existing,
            Category::Inactive => self.inactive,
            Category::Duplicate => self.duplicates,
        }
    }
}

/// Why a decision could not be applied: a caller's mistake, not the admin's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    /// No entry has this id.
    #[error("no such entry")]
    UnknownEntry,
    /// Only suggested pairs (`needs_review`) can be accepted or rejected.
    #[error("entry is not a suggested pair")]
    NotReviewable,
}

/// The outcome of [`match_people`]: both sides' people (sorted) and one entry per person or
/// pair. Decisions and exclusions change entries in place; ids stay.
#[derive(Debug, Clone)]
pub struct MatchResult {
    hr: Vec<Person>,
    existing: Vec<Person>,
    entries: Vec<MatchEntry>,
}

impl MatchResult {
    /// Every entry, in their fixed order (by suggested category, then last and first name).
    pub fn entries(&self) -> &[MatchEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> Option<&MatchEntry> {
        self.entries.get(id.0 as usize)
    }

    /// The HR people, in the order entries index them.
    pub fn hr_people(&self) -> &[Person] {
        &self.hr
    }

    /// The HR people the admin confirms: everyone listed, less the people they excluded.
    pub fn confirmed_people(&self) -> Vec<Person> {
        let mut seen = vec![false; self.hr.len()];
        self.kept_hr_indices()
            .filter(|&index| !std::mem::replace(&mut seen[index], true))
            .map(|index| self.hr[index].clone())
            .collect()
    }

    /// The HR system's ids of the HR people the admin excluded (in no entry that is kept), as
    /// the hand-off's `excluded_ids` names them; people without an id cannot be named.
    pub fn excluded_ids(&self) -> Vec<String> {
        self.hr
            .iter()
            .zip(self.left_out())
            .filter(|(_, left_out)| *left_out)
            .filter_map(|(person, _)| person.ids.provider_id.clone())
            .collect()
    }

    /// For each HR person (in [`hr_people`](MatchResult::hr_people)'s order), whether the admin
    /// left them out: they are in no entry that is kept.
    pub fn left_out(&self) -> Vec<bool> {
        let mut left_out = vec![true; self.hr.len()];
        for index in self.kept_hr_indices() {
            left_out[index] = false;
        }
        left_out
    }

    /// Excludes every entry of the HR people `left_out` marks (see
    /// [`left_out`](MatchResult::left_out)): the admin's exclusions carried over to a new match
    /// of the same HR people, e.g. against a roster.
    pub fn leave_out(&mut self, left_out: &[bool]) {
        for entry in &mut self.entries {
            if entry
                .hr_index()
                .is_some_and(|index| left_out.get(index) == Some(&true))
            {
                entry.excluded = true;
            }
        }
    }

    /// The HR person of every entry the admin did not exclude (a person may be in several).
    fn kept_hr_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.entries
            .iter()
            .filter(|entry| !entry.is_excluded())
            .filter_map(MatchEntry::hr_index)
    }

    /// The existing records, in the order entries index them.
    pub fn existing_people(&self) -> &[Person] {
        &self.existing
    }

    /// The HR person of an entry.
    pub fn hr_person(&self, entry: &MatchEntry) -> Option<&Person> {
        self.hr.get(entry.hr_index()?)
    }

    /// The existing record of an entry.
    pub fn existing_person(&self, entry: &MatchEntry) -> Option<&Person> {
        self.existing.get(entry.existing_index()?)
    }

    /// Records the admin's decision on a suggested pair (or takes it back with
    /// [`Decision::Undecided`]).
    pub fn decide(&mut self, id: EntryId, decision: Decision) -> Result<(), DecisionError> {
        let entry = self
            .entries
            .get_mut(id.0 as usize)
            .ok_or(DecisionError::UnknownEntry)?;
        if entry.suggested != Category::NeedsReview {
            return Err(DecisionError::NotReviewable);
        }
        entry.decision = decision;
        Ok(())
    }

    /// Excludes an entry from the counts (or includes it again), e.g. a contractor the
    /// integration should not see.
    pub fn set_excluded(&mut self, id: EntryId, excluded: bool) -> Result<(), DecisionError> {
        let entry = self
            .entries
            .get_mut(id.0 as usize)
            .ok_or(DecisionError::UnknownEntry)?;
        entry.excluded = excluded;
        Ok(())
    }

    /// Counts per category, reflecting decisions and exclusions. One pass over the entries.
    pub fn counts(&self) -> MatchCounts {
        let mut counts = MatchCounts::default();
        for entry in &self.entries {
            if entry.excluded {
                counts.excluded += 1;
            } else {
                entry.categories().for_each(|category| counts.add(category));
            }
        }
        counts
    }
}

/// Matches HR people against existing records (see the [module docs](self) for the rules).
///
/// Without existing records (no roster), every active HR person is `only_in_hr`, every
/// inactive one `inactive`, and duplicates are still flagged.
pub fn match_people(hr: Vec<Person>, existing: Vec<Person>, options: &MatchOptions) -> MatchResult {
    engine::run(hr, existing, options)
}
