//! People: one normalised [`Person`] shape, the admin's roster import, and matching.
//!
//! The last check before saving a connection shows the admin the people the integration will
//! see, matched against the records the business already has:
//!
//! 1. [`list_people`] reads every employee from the HR system (all pages, within its rate limit,
//!    with progress and cancellation); each provider adapter turns its employees into [`Person`]
//!    values;
//! 2. [`roster::read_roster`] turns the admin's CSV/XLSX export into [`Person`] values too, and
//!    says which columns it used;
//! 3. [`matching::match_people`] pairs the two sides in linear time and sorts every person into
//!    one [`Category`]; the admin accepts or rejects suggested pairs on the returned
//!    [`MatchResult`], whose [`counts`](MatchResult::counts) are recomputed cheaply;
//! 4. [`MatchResult::report`] is the serialisable view for the CLI and the app, with personal
//!    data only when asked for ([`Disclosure`]).
//!
//! 5. [`snapshot`] keeps the list the admin confirmed, encrypted (key in the keychain), and
//!    [`people_changes`] says what changed since, after a reconnect.
//!
//! Personal data stays in memory, except the encrypted snapshot: nothing here writes logs, `Person`'s `Debug` masks
//! names, emails and ids, and no [`crate::Problem`] carries a cell's contents.

pub mod diff;
mod export;
pub mod listing;
pub mod mask;
pub mod matching;
pub mod normalise;
pub(crate) mod person;
pub mod report;
pub mod roster;
pub mod snapshot;

pub use diff::{ChangedPerson, PeopleChanges, people_changes};
pub use export::report_csv;
pub use listing::{
    ListingCancel, ListingOptions, ListingOutcome, ListingProgress, ListingProgressSink,
    PeopleListing, RateLimit, list_people,
};
pub use mask::{mask_email, mask_name};
pub use matching::{
    Category, Decision, DecisionError, EntryId, Field, MatchCounts, MatchEntry, MatchOptions,
    MatchResult, MatchRule, match_people,
};
pub use person::{Person, PersonIds, PersonStatus};
pub use report::{Disclosure, PeopleReport, PersonView, ReportRow};
pub use roster::{Roster, RosterSummary, read_roster, read_roster_file};
pub use snapshot::Snapshot;
