//! The wizard session: credentials staged while the admin sets a connection up, with what was
//! learnt with them (the last verification, the people listed and matched, the admin's
//! confirmation), and the one sign-in and the one listing under way. In memory only; everything
//! learnt with credentials is dropped with them (discarded, expired, or pointed at another
//! organisation). The desktop app keeps one for its wizard; the CLI's `verify --save` and
//! `connect` go through one too. The steps (verify, list, match, save) are in [`steps`], the
//! sign-ins in [`sign_in`], the mapping step's in [`mapping`].

mod mapping;
mod sign_in;
mod steps;
#[cfg(test)]
mod tests;

pub use steps::{PeopleComparison, PeopleOverview, Saved, StagedCredentials};

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{Credentials, OAuthGrant};
use crate::delivery::PeopleConfirmation;
use crate::diagnostics::{EventKind, Journal};
use crate::http::HttpClient;
use crate::oauth::{BrowserOpener, OAuthTokens, SignInCancel, Url};
use crate::people::{ListingCancel, MatchResult, Person};
use crate::sync::lock;
use crate::verify::VerificationReport;
use crate::{Endpoints, Problem, ProviderId};

/// Staged credentials are forgotten this long after they were handed over.
pub const STAGED_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// The wizard's staged credentials and the tasks under way, with what the steps reach the HR
/// systems with.
#[derive(Debug)]
pub struct Session {
    http: HttpClient,
    endpoints: Endpoints,
    /// The integration configuration: OAuth clients for signing in and renewing during a
    /// listing (`None`: no sign-in, no renewal, as for the CLI's `verify`).
    config: Option<Config>,
    /// Where each step's outcome is noted for the diagnostics, if anywhere.
    journal: Option<Arc<Journal>>,
    lifetime: Duration,
    staged: Mutex<Staged>,
    /// Cancels the browser sign-in under way, if any.
    sign_in: Mutex<Option<SignInCancel>>,
    /// Where the sign-in under way sent the browser, to open it again.
    sign_in_address: Mutex<Option<Url>>,
    /// Held by the sign-in under way: a new one waits until the one it cancelled has closed its
    /// loopback port (a fixed redirect port could not be bound again before).
    sign_in_turn: tokio::sync::Mutex<()>,
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
    /// The admin's confirmation of the people ("Yes, these are our people").
    confirmed: Option<Confirmation>,
    /// The HR categories last shown on the mapping step, and the mapping the admin chose there:
    /// what saving keeps in the profile and delivering sends.
    mapping: mapping::Chosen,
}

/// The people the admin confirmed: what saving keeps as the connection's encrypted snapshot,
/// and what a cloud delivery tells the product (HANDOFF.md §2.4 `people`).
#[derive(Debug)]
struct Confirmation {
    people: Vec<Person>,
    /// The HR system's ids of those they left out.
    excluded_ids: Vec<String>,
    at: SystemTime,
}

impl Session {
    /// A session reaching the HR systems at `endpoints` through `http`, without an integration
    /// configuration; staged credentials live for [`STAGED_LIFETIME`].
    pub fn new(http: HttpClient, endpoints: Endpoints) -> Session {
        Session {
            http,
            endpoints,
            config: None,
            journal: None,
            lifetime: STAGED_LIFETIME,
            staged: Mutex::default(),
            sign_in: Mutex::default(),
            sign_in_address: Mutex::default(),
            sign_in_turn: tokio::sync::Mutex::default(),
            listing: Mutex::default(),
        }
    }

    /// The same session, signing in and renewing sign-ins with the OAuth clients of `config`.
    #[must_use]
    pub fn with_config(self, config: Config) -> Session {
        Session {
            config: Some(config),
            ..self
        }
    }

    /// The same session, noting each step's outcome in `journal`.
    #[must_use]
    pub fn with_journal(self, journal: Arc<Journal>) -> Session {
        Session {
            journal: Some(journal),
            ..self
        }
    }

    /// The same session, its staged credentials living for `lifetime`.
    #[must_use]
    pub fn with_lifetime(self, lifetime: Duration) -> Session {
        Session { lifetime, ..self }
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
            mapping: mapping::Chosen::default(),
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
    /// Another organisation than before drops what was learnt for the one before (its report,
    /// people and confirmation), so that nothing of one organisation is saved with another.
    pub fn choose_organisation(&self, id: &str, organisation: &str) -> Result<(), Problem> {
        self.with_entry(id, |entry| {
            let current = entry
                .credentials
                .grant()
                .and_then(|g| g.organisation_id.as_deref());
            if current == Some(organisation) {
                return Ok(());
            }
            if let Some(chosen) = entry.credentials.for_organisation(organisation) {
                entry.credentials = Arc::new(chosen);
                entry.report = None;
                entry.people = None;
                entry.confirmed = None;
                entry.mapping = mapping::Chosen::default();
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

    /// Runs `f` on the people listed (maybe matched) with staged credentials; expired
    /// credentials or no listing yet are `credentials_expired` (the wizard starts over from the
    /// check).
    pub fn with_matched<T>(
        &self,
        id: &str,
        f: impl FnOnce(&mut MatchResult) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        self.with_entry(id, |entry| match &mut entry.people {
            Some(matched) => f(matched),
            None => Err(Problem::CredentialsExpired),
        })
    }

    /// Keeps `matched` as the people of staged credentials, in place of those before. A
    /// confirmation was of the people before: it is dropped (the admin confirms again).
    pub fn set_people(&self, id: &str, matched: MatchResult) -> Result<(), Problem> {
        self.with_entry(id, |entry| {
            entry.people = Some(matched);
            entry.confirmed = None;
            Ok(())
        })
    }

    /// Records the admin's confirmation of the people listed (and decided on) with staged
    /// credentials; returns how many they confirmed. No listing yet is `credentials_expired`.
    pub fn confirm_people(&self, id: &str) -> Result<u32, Problem> {
        self.with_entry(id, |entry| {
            let matched = entry.people.as_ref().ok_or(Problem::CredentialsExpired)?;
            let people = matched.confirmed_people();
            let count = u32::try_from(people.len()).unwrap_or(u32::MAX);
            entry.confirmed = Some(Confirmation {
                people,
                excluded_ids: matched.excluded_ids(),
                at: SystemTime::now(),
            });
            Ok(count)
        })
    }

    /// The people confirmed with staged credentials, if the admin confirmed them.
    pub fn confirmed_people(&self, id: &str) -> Option<Vec<Person>> {
        self.with_entry(id, |entry| {
            Ok(entry.confirmed.as_ref().map(|c| c.people.clone()))
        })
        .ok()
        .flatten()
    }

    /// The admin's confirmation of the people as a cloud delivery sends it (HANDOFF.md §2.4):
    /// how many the product will see, when, and who was left out. `None` when they did not
    /// confirm (the hand-off's `people` is then null).
    pub fn people_confirmation(&self, id: &str) -> Option<PeopleConfirmation> {
        self.with_entry(id, |entry| {
            Ok(entry.confirmed.as_ref().map(|c| PeopleConfirmation {
                count: u32::try_from(c.people.len()).unwrap_or(u32::MAX),
                confirmed_at: crate::delivery::document::rfc3339(c.at),
                excluded_ids: c.excluded_ids.clone(),
            }))
        })
        .ok()
        .flatten()
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

    /// Opens the browser again at the address of the sign-in under way ("Open the browser
    /// again"); [`Problem::BrowserUnavailable`] when none can be started or none is waiting.
    pub fn reopen_sign_in(&self, browser: &dyn BrowserOpener) -> Result<(), Problem> {
        let address = lock(&self.sign_in_address).clone();
        browser.open(&address.ok_or(Problem::BrowserUnavailable)?)
    }

    /// The integration configuration's OAuth client for `provider`.
    fn oauth(&self, provider: ProviderId) -> Result<&OAuthProviderConfig, Problem> {
        match &self.config {
            Some(config) => config.oauth(provider),
            None => Err(Problem::ConfigurationInvalid {
                what: "no integration configuration".to_owned(),
            }),
        }
    }

    /// Notes how a step that started at `started` ended, for the diagnostics.
    fn record<T>(
        &self,
        kind: EventKind,
        provider: Option<ProviderId>,
        started: Instant,
        result: &Result<T, Problem>,
    ) {
        if let Some(journal) = &self.journal {
            let outcome = result.as_ref().map(|_| ());
            journal.record_outcome(kind, provider, outcome, started.elapsed());
        }
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
