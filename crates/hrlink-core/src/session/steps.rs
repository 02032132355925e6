//! The wizard's steps on a [`Session`]: handing credentials over, verifying, listing
//! and matching the people, and saving. Each step that reaches the HR system or the keychain
//! notes its outcome in the diagnostics journal.

use std::time::Instant;

use serde::Serialize;

use super::Session;
use crate::connections::{ConnectionId, ConnectionStore, Profile};
use crate::credentials::Credentials;
use crate::diagnostics::EventKind;
use crate::people::{
    self, Disclosure, ListingOptions, ListingProgressSink, MatchOptions, PeopleChanges,
    PeopleReport, Roster, RosterSummary,
};
use crate::verify::{self, Account, ProgressSink, VerificationReport};
use crate::{Problem, ProviderId};

/// Credentials held in the app for verification, described without the secret.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StagedCredentials {
    /// The handle the wizard's later steps name them by (`staged-1`).
    pub id: String,
    /// The HR system they are for.
    pub provider: ProviderId,
    /// Which key was loaded, masked (e.g. the access key's last four characters).
    pub hint: String,
}

/// Everyone the HR system listed, as the People step first shows them.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleOverview {
    /// Pages read from the HR system.
    pub pages: u32,
    /// Counts and rows (no roster yet: active people are `only_in_hr`).
    pub report: PeopleReport,
}

/// The listed people compared with the admin's roster.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleComparison {
    /// How the roster was read (columns used, rows skipped; never cell contents).
    pub roster: RosterSummary,
    /// Counts and rows after matching.
    pub report: PeopleReport,
}

/// A connection just saved or re-authorised from staged credentials.
#[derive(Debug)]
pub struct Saved {
    /// The connection as it now stands.
    pub profile: Profile,
    /// Why the people the admin confirmed could not be kept as its snapshot, if they could
    /// not (the connection works; the next reconnect just cannot show what changed).
    pub people_not_kept: Option<Problem>,
}

impl Session {
    /// Parses what the admin pasted or loaded (a key file, IRIS text) and stages it.
    pub fn stage_text(
        &self,
        provider: ProviderId,
        bytes: &[u8],
    ) -> Result<StagedCredentials, Problem> {
        Credentials::from_text(provider, bytes).map(|credentials| self.hand_over(credentials))
    }

    /// Stages credentials and describes them without the secret.
    pub fn hand_over(&self, credentials: Credentials) -> StagedCredentials {
        let provider = credentials.provider();
        let hint = credentials.hint();
        StagedCredentials {
            id: self.stage(credentials),
            provider,
            hint,
        }
    }

    /// Verifies staged credentials against the admin's selection (`chosen`, see
    /// [`verify::verify_selected`]); for a sign-in that reaches several organisations, the
    /// `organisation` chosen. The report is kept for saving. A failed check is a report too:
    /// `Err` only when the credentials are gone.
    pub async fn verify(
        &self,
        id: &str,
        organisation: Option<&str>,
        chosen: Option<&[String]>,
        progress: &dyn ProgressSink,
    ) -> Result<VerificationReport, Problem> {
        let started = Instant::now();
        if let Some(organisation) = organisation {
            self.choose_organisation(id, organisation)?;
        }
        let credentials = self.staged(id)?;
        let (http, endpoints) = (&self.http, &self.endpoints);
        let report = verify::verify_selected(http, endpoints, &credentials, chosen, progress).await;
        self.record_report(id, &report);
        let outcome = report.problems.first().map_or(Ok(()), |p| Err(p.clone()));
        self.record(
            EventKind::Verification,
            Some(report.provider),
            started,
            &outcome,
        );
        Ok(report)
    }

    /// The organisations staged credentials reach, for the admin to choose one (Employment
    /// Hero, when a sign-in reaches several); empty for the other systems.
    pub async fn organisations(&self, id: &str) -> Result<Vec<Account>, Problem> {
        let credentials = self.staged(id)?;
        credentials.organisations(&self.http, &self.endpoints).await
    }

    /// Lists everyone staged credentials can see (one listing at a time; a new one cancels the
    /// one before, [`Session::cancel_listing`] stops it), keeps them with the credentials, and
    /// puts tokens refreshed on the way in place of the old ones.
    pub async fn list_people(
        &self,
        id: &str,
        disclosure: Disclosure,
        progress: &dyn ListingProgressSink,
    ) -> Result<PeopleOverview, Problem> {
        let started = Instant::now();
        let credentials = self.staged(id)?;
        let oauth = self.oauth(credentials.provider()).ok();
        let options = ListingOptions {
            cancel: self.begin_listing(),
            ..ListingOptions::default()
        };
        let (http, endpoints) = (&self.http, &self.endpoints);
        let outcome =
            people::list_people(http, endpoints, &credentials, oauth, &options, progress).await;
        if let Some(tokens) = outcome.refreshed_tokens {
            self.replace_tokens(id, tokens);
        }
        let provider = Some(credentials.provider());
        self.record(EventKind::Listing, provider, started, &outcome.result);
        let listing = outcome.result?;
        let matched = people::match_people(listing.people, Vec::new(), &MatchOptions::default());
        let report = matched.report(disclosure);
        self.set_people(id, matched)?;
        Ok(PeopleOverview {
            pages: listing.pages,
            report,
        })
    }

    /// Matches the listed people against the admin's roster, in place of any match before
    /// (decisions on suggested pairs were about the roster before); the people the admin left
    /// out stay left out.
    pub fn match_roster(
        &self,
        id: &str,
        roster: Roster,
        disclosure: Disclosure,
    ) -> Result<PeopleComparison, Problem> {
        // Matching takes a moment for big lists: not while holding the session's lock.
        let (hr, left_out) = self.with_matched(id, |listed| {
            Ok((listed.hr_people().to_vec(), listed.left_out()))
        })?;
        // The HR people are sorted already: matching keeps their order, so `left_out` lines up.
        let mut matched = people::match_people(hr, roster.people, &MatchOptions::default());
        matched.leave_out(&left_out);
        let report = matched.report(disclosure);
        self.set_people(id, matched)?;
        Ok(PeopleComparison {
            roster: roster.summary,
            report,
        })
    }

    /// What changed among the people since they were last confirmed for the saved connection
    /// `connection` (re-authorising): the people listed now with `id` against the kept
    /// snapshot, and since when the connection was failing. `None` when no list was kept.
    pub async fn people_changes(
        &self,
        id: &str,
        store: &ConnectionStore,
        connection: &ConnectionId,
        disclosure: Disclosure,
    ) -> Result<Option<PeopleChanges>, Problem> {
        let Some(snapshot) = store.people_snapshot(connection).await? else {
            return Ok(None);
        };
        let failing_since = store.profile(connection)?.failing_since;
        self.with_matched(id, |matched| {
            Ok(Some(people::people_changes(
                &snapshot.people,
                &matched.confirmed_people(),
                snapshot.confirmed_at,
                failing_since,
                disclosure,
            )))
        })
    }

    /// The people as they stand (after decisions; the excluded left out) as CSV, in full: for
    /// the admin's own export, never for a shared screen.
    pub fn people_csv(&self, id: &str) -> Result<String, Problem> {
        let mut report = self.with_matched(id, |matched| Ok(matched.report(Disclosure::Full)))?;
        report.people.retain(|row| !row.excluded);
        people::report_csv(&report).map_err(|_| Problem::PeopleExportFailed)
    }

    /// The saved connection in `store` for the account verified staged credentials reached,
    /// if it is already connected (see [`ConnectionStore::already_connected`]): the wizard then
    /// offers to re-authorise it rather than save a second connection.
    pub fn already_connected(
        &self,
        id: &str,
        store: &ConnectionStore,
    ) -> Result<Option<Profile>, Problem> {
        let (_, report) = self.verified(id)?;
        match &report.account {
            Some(account) => store.already_connected(report.provider, account),
            None => Ok(None),
        }
    }

    /// Saves verified staged credentials as a new connection in `store` (keychain + profile,
    /// with the mapping chosen for them, if any, in the same write: saved together or not at
    /// all).
    pub async fn save(
        &self,
        id: &str,
        store: &ConnectionStore,
        label: &str,
    ) -> Result<Saved, Problem> {
        let started = Instant::now();
        let (credentials, report) = self.verified(id)?;
        let mapping = self.chosen_with_known(id);
        let saved = (store.save_mapped(label, &credentials, &report, mapping.as_ref())).await;
        self.record(EventKind::Save, Some(report.provider), started, &saved);
        let connection = saved?;
        let profile = store.profile(&connection)?;
        Ok(self.finish_saving(id, store, &connection, profile).await)
    }

    /// Re-authorises `connection` with verified staged credentials. Another company is refused
    /// (`different_account`) unless `replacement_name` is its name, typed by the admin.
    pub async fn reauthorise(
        &self,
        id: &str,
        store: &ConnectionStore,
        connection: &ConnectionId,
        replacement_name: Option<&str>,
    ) -> Result<Saved, Problem> {
        let started = Instant::now();
        let (credentials, report) = self.verified(id)?;
        let mapping = self.chosen_with_known(id);
        let reauthorised = store
            .reauthorise_mapped(
                connection,
                &credentials,
                &report,
                replacement_name,
                mapping.as_ref(),
            )
            .await;
        self.record(
            EventKind::Save,
            Some(report.provider),
            started,
            &reauthorised,
        );
        Ok(self
            .finish_saving(id, store, connection, reauthorised?)
            .await)
    }

    /// How saving and re-authorising end: the confirmed people kept as the snapshot, the staged
    /// credentials let go.
    async fn finish_saving(
        &self,
        id: &str,
        store: &ConnectionStore,
        connection: &ConnectionId,
        profile: Profile,
    ) -> Saved {
        let people_not_kept = self.keep_confirmed_people(id, store, connection).await;
        self.discard(id);
        Saved {
            profile,
            people_not_kept,
        }
    }

    /// When the admin confirmed the people before saving, keeps them as the connection's
    /// encrypted snapshot (the next reconnect's "what changed since"). The connection itself is
    /// saved by now: a snapshot that cannot be written only means no comparison next time, so
    /// it does not fail the save; the problem is handed back for the admin to be told.
    async fn keep_confirmed_people(
        &self,
        id: &str,
        store: &ConnectionStore,
        connection: &ConnectionId,
    ) -> Option<Problem> {
        let people = self.confirmed_people(id)?;
        let problem = store
            .save_people_snapshot(connection, &people)
            .await
            .err()?;
        tracing::warn!(code = problem.code(), "the confirmed people were not kept");
        Some(problem)
    }
}
