//! The wizard session: credentials staged while the admin sets a connection up, with what was
//! learnt with them (the last verification, the people listed and matched, the admin's
//! confirmation), and the one sign-in and the one listing under way. In memory only; everything
//! learnt with credentials is dropped with them. The desktop app keeps one for its wizard; the
//! CLI's `verify --save` goes through one too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::Problem;
use crate::credentials::{Credentials, OAuthGrant};
use crate::oauth::{OAuthTokens, SignInCancel};
use crate::people::{ListingCancel, MatchResult, Person};
use crate::sync::lock;
use crate::verify::VerificationReport;

/// Staged credentials are forgotten this long after they were handed over.
pub const STAGED_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// The wizard's staged credentials and the tasks under way.
#[derive(Debug)]
pub struct Session {
    lifetime: Duration,
    staged: Mutex<Staged>,
    /// Cancels the browser sign-in under way, if any.
    sign_in: Mutex<Option<SignInCancel>>,
    /// Cancels the people listing under way, if any.
    listing: Mutex<Option<ListingCancel>>,
}

#[derive(Debug, Default)]
struct Staged {
    next_id: u64,
    entries: HashMap<String, StagedEntry>,
}

/// Credentials held for the wizard, with their last verification and the people listed with
/// them (in memory only; dropped with the credentials).
#[derive(Debug)]
struct StagedEntry {
    credentials: Arc<Credentials>,
    /// The last verification of these credentials: what saving stores.
    report: Option<Arc<VerificationReport>>,
    at: Instant,
    people: Option<MatchResult>,
    /// The people the admin confirmed ("Yes, these are our people"): what saving keeps as the
    /// connection's encrypted snapshot.
    confirmed: Option<Vec<Person>>,
}

impl Default for Session {
    fn default() -> Self {
        Session::with_lifetime(STAGED_LIFETIME)
    }
}

impl Session {
    /// A session whose staged credentials live for `lifetime` (default [`STAGED_LIFETIME`]).
    pub fn with_lifetime(lifetime: Duration) -> Session {
        Session {
            lifetime,
            staged: Mutex::default(),
            sign_in: Mutex::default(),
            listing: Mutex::default(),
        }
    }

    /// Holds credentials in memory (never on disk, never back to the UI) under a fresh id.
    pub fn stage(&self, credentials: Credentials) -> String {
        let mut staged = lock(&self.staged);
        let lifetime = self.lifetime;
        staged
            .entries
            .retain(|_, entry| entry.at.elapsed() < lifetime);
        staged.next_id += 1;
        let id = format!("staged-{}", staged.next_id);
        let entry = StagedEntry {
            credentials: Arc::new(credentials),
            report: None,
            at: Instant::now(),
            people: None,
            confirmed: None,
        };
        staged.entries.insert(id.clone(), entry);
        id
    }

    /// Runs `f` on the entry staged under `id`, unless it is gone or expired
    /// (`credentials_expired`).
    fn with_entry<T>(
        &self,
        id: &str,
        f: impl FnOnce(&mut StagedEntry) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        match lock(&self.staged).entries.get_mut(id) {
            Some(entry) if entry.at.elapsed() < self.lifetime => f(entry),
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// Staged credentials, kept until discarded or expired so that a failed check can be
    /// retried without typing them again. Zeroised when the last holder drops them.
    pub fn staged(&self, id: &str) -> Result<Arc<Credentials>, Problem> {
        self.with_entry(id, |entry| Ok(entry.credentials.clone()))
    }

    /// Remembers the verification of staged credentials, for saving them.
    pub fn record_report(&self, id: &str, report: &VerificationReport) {
        if let Some(entry) = lock(&self.staged).entries.get_mut(id) {
            entry.report = Some(Arc::new(report.clone()));
        }
    }

    /// Staged credentials with their last verification: what a save stores. Credentials never
    /// verified count as gone (hand them over and verify again).
    pub fn verified(
        &self,
        id: &str,
    ) -> Result<(Arc<Credentials>, Arc<VerificationReport>), Problem> {
        self.with_entry(id, |entry| match &entry.report {
            Some(report) => Ok((entry.credentials.clone(), report.clone())),
            None => Err(Problem::CredentialsExpired),
        })
    }

    /// Points staged credentials at the organisation the admin chose (Employment Hero, when the
    /// sign-in reaches several): verifying and saving then use it. Others stay as they are.
    pub fn choose_organisation(&self, id: &str, organisation: &str) -> Result<(), Problem> {
        self.with_entry(id, |entry| {
            if let Some(chosen) = entry.credentials.for_organisation(organisation) {
                entry.credentials = Arc::new(chosen);
            }
            Ok(())
        })
    }

    /// Puts tokens refreshed on the way (a listing) in place of the staged ones, so that a later
    /// save stores the newest refresh token (Employment Hero rotates them: the old one is dead).
    /// Key-based credentials have no tokens and stay as they are.
    pub fn replace_tokens(&self, id: &str, tokens: OAuthTokens) {
        let mut staged = lock(&self.staged);
        let Some(entry) = staged.entries.get_mut(id) else {
            return;
        };
        let Some(grant) = entry.credentials.grant() else {
            return;
        };
        let grant = OAuthGrant {
            tokens,
            ..grant.clone()
        };
        entry.credentials = Arc::new(Credentials::oauth(entry.credentials.provider(), grant));
    }

    /// Runs `f` on the people kept with staged credentials (listed, maybe matched).
    pub fn with_people<T>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Option<MatchResult>) -> T,
    ) -> Result<T, Problem> {
        self.with_entry(id, |entry| Ok(f(&mut entry.people)))
    }

    /// Records the admin's confirmation of the people listed (and decided on) with staged
    /// credentials; returns how many they confirmed. No listing yet is `credentials_expired`.
    pub fn confirm_people(&self, id: &str) -> Result<u32, Problem> {
        self.with_entry(id, |entry| {
            let people = entry
                .people
                .as_ref()
                .ok_or(Problem::CredentialsExpired)?
                .confirmed_people();
            let count = u32::try_from(people.len()).unwrap_or(u32::MAX);
            entry.confirmed = Some(people);
            Ok(count)
        })
    }

    /// The people confirmed with staged credentials, if the admin confirmed them.
    pub fn confirmed_people(&self, id: &str) -> Option<Vec<Person>> {
        lock(&self.staged)
            .entries
            .get(id)
            .and_then(|entry| entry.confirmed.clone())
    }

    /// Forgets staged credentials, and everything learnt with them.
    pub fn discard(&self, id: &str) {
        lock(&self.staged).entries.remove(id);
    }

    /// Starts tracking a people listing, cancelling one still under way (one at a time).
    pub fn begin_listing(&self) -> ListingCancel {
        begin(&self.listing)
    }

    /// Cancels the people listing under way, if any.
    pub fn cancel_listing(&self) {
        cancel(&self.listing);
    }

    /// Starts tracking a browser sign-in, cancelling one still under way (one at a time).
    pub fn begin_sign_in(&self) -> SignInCancel {
        begin(&self.sign_in)
    }

    /// Cancels the browser sign-in under way, if any.
    pub fn cancel_sign_in(&self) {
        cancel(&self.sign_in);
    }
}

/// A fresh cancel handle for the one task of its kind in `slot`, cancelling the one before.
/// (A listing's handle is a sign-in's: `ListingCancel` is `SignInCancel`.)
fn begin(slot: &Mutex<Option<SignInCancel>>) -> SignInCancel {
    let fresh = SignInCancel::new();
    if let Some(previous) = lock(slot).replace(fresh.clone()) {
        previous.cancel();
    }
    fresh
}

/// Cancels the task in `slot`, if any.
fn cancel(slot: &Mutex<Option<SignInCancel>>) {
    if let Some(running) = lock(slot).take() {
        running.cancel();
    }
}
