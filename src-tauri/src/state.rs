//! The app's state, managed once at start-up.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use hrlink_core::config::Config;
use hrlink_core::connections::{ConnectionStore, vault_problem};
use hrlink_core::credentials::OAuthGrant;
use hrlink_core::diagnostics::{EventKind, Journal, SupportCode};
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::oauth::{OAuthTokens, SignInCancel};
use hrlink_core::people::{ListingCancel, MatchResult, Person};
use hrlink_core::vault::Vault;
use hrlink_core::verify::{Credentials, VerificationReport};
use hrlink_core::{Endpoints, Problem, ProviderId};
use hrlink_sandbox::{Sandbox, SandboxConfig};

use crate::launch::Options;

/// End-to-end tests drive the in-process Sandbox from outside (e.g. revoking a key): when this
/// is set, its endpoints file is written there.
const SANDBOX_ENDPOINTS_OUT: &str = "HRLINK_E2E_SANDBOX_ENDPOINTS";

/// Staged credentials are forgotten after this long without being verified.
const STAGED_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// Everything the commands share.
pub struct AppState {
    pub http: HttpClient,
    pub endpoints: Endpoints,
    /// The integration configuration (OAuth clients, permissions); the built-in demo one when
    /// none is given.
    pub config: Config,
    pub options: Options,
    /// Screen-share mode: on from the start with `--support`, switched by the admin in the
    /// header. Read on every answer that could carry personal data (people are masked, export
    /// refused), never cached.
    screen_share: AtomicBool,
    /// The in-process Sandbox when no endpoints were configured; kept alive with the app.
    pub demo: Option<Sandbox>,
    /// Saved connections; the keychain's problem when it cannot be used (shown, never worked
    /// around).
    connections: Result<ConnectionStore, Problem>,
    staged: Mutex<Staged>,
    /// Cancels the browser sign-in under way, if any.
    sign_in: Mutex<Option<SignInCancel>>,
    /// Cancels the people listing under way, if any.
    listing: Mutex<Option<ListingCancel>>,
    /// The app's config dir (profiles, the wizard's draft); `None` when the platform has none.
    pub config_dir: Option<PathBuf>,
    /// This run's support code (shown in screen-share mode, in the diagnostics).
    pub support_code: SupportCode,
    /// What happened lately, for "Copy diagnostics" (in memory only).
    pub journal: Arc<Journal>,
}

#[derive(Default)]
struct Staged {
    next_id: u64,
    entries: HashMap<String, StagedEntry>,
}

/// Credentials held for the wizard, with their last verification and the people listed with
/// them (in memory only; dropped with the credentials).
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

impl StagedEntry {
    fn alive(&self) -> bool {
        self.at.elapsed() < STAGED_LIFETIME
    }
}

impl AppState {
    /// Reads the configured endpoints, or starts the built-in Sandbox; loads the integration
    /// configuration (`HRLINK_CONFIG`, or `hrlink.toml` in the app's config dir).
    pub async fn start(
        options: Options,
        config_dir: Option<&Path>,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        let journal = Arc::new(Journal::default());
        let http = HttpClient::new(HttpConfig::default())?.with_journal(journal.clone());
        let (endpoints, demo) = match &options.endpoints {
            Some(path) => (Endpoints::from_file(path)?, None),
            None => {
                let sandbox = Sandbox::start(SandboxConfig::default()).await?;
                if let Some(path) = std::env::var_os(SANDBOX_ENDPOINTS_OUT) {
                    sandbox.write_endpoints_file(path)?;
                }
                let json = serde_json::to_string(sandbox.endpoints())?;
                (Endpoints::from_json(&json)?, Some(sandbox))
            }
        };
        let config = Config::load(None, config_dir)?;
        let connections = match config_dir {
            Some(dir) => Vault::open(hrlink_core::paths::APP_ID, hrlink_core::paths::build_kind())
                .map(|vault| ConnectionStore::new(dir, vault))
                .map_err(|e| vault_problem(&e)),
            None => Err(Problem::ConfigurationInvalid {
                what: "the app's config folder".to_owned(),
            }),
        };
        Ok(AppState {
            http,
            endpoints,
            config,
            screen_share: AtomicBool::new(options.support),
            options,
            demo,
            connections,
            staged: Mutex::default(),
            sign_in: Mutex::default(),
            listing: Mutex::default(),
            config_dir: config_dir.map(Path::to_path_buf),
            support_code: SupportCode::generate(),
            journal,
        })
    }

    /// Whether screen-share mode is on now.
    pub fn screen_share(&self) -> bool {
        self.screen_share.load(Ordering::SeqCst)
    }

    /// Switches screen-share mode, noting the switch in the diagnostics journal.
    pub fn set_screen_share(&self, on: bool) {
        self.screen_share.store(on, Ordering::SeqCst);
        self.journal.record_screen_share(on);
    }

    /// Holds credentials in memory (never on disk, never back to the UI) under a fresh id.
    pub fn stage(&self, credentials: Credentials) -> String {
        let mut staged = relock(&self.staged);
        staged.entries.retain(|_, entry| entry.alive());
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

    /// Staged credentials, kept until discarded or expired so that a failed check can be
    /// retried without typing them again. Zeroised when the last holder drops them.
    pub fn staged(&self, id: &str) -> Result<Arc<Credentials>, Problem> {
        match relock(&self.staged).entries.get(id) {
            Some(entry) if entry.alive() => Ok(entry.credentials.clone()),
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// Remembers the verification of staged credentials, for saving them.
    pub fn record_report(&self, id: &str, report: &VerificationReport) {
        if let Some(entry) = relock(&self.staged).entries.get_mut(id) {
            entry.report = Some(Arc::new(report.clone()));
        }
    }

    /// Staged credentials with their last verification: what a save stores. Credentials never
    /// verified count as gone (hand them over and verify again).
    pub fn verified(
        &self,
        id: &str,
    ) -> Result<(Arc<Credentials>, Arc<VerificationReport>), Problem> {
        let staged = relock(&self.staged);
        match staged.entries.get(id) {
            Some(entry) if entry.alive() => match &entry.report {
                Some(report) => Ok((entry.credentials.clone(), report.clone())),
                None => Err(Problem::CredentialsExpired),
            },
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// Points staged credentials at the organisation the admin chose (Employment Hero, when the
    /// sign-in reaches several): verifying and saving then use it. Others stay as they are.
    pub fn choose_organisation(&self, id: &str, organisation: &str) -> Result<(), Problem> {
        let mut staged = relock(&self.staged);
        match staged.entries.get_mut(id) {
            Some(entry) if entry.alive() => {
                if let Some(chosen) = entry.credentials.for_organisation(organisation) {
                    entry.credentials = Arc::new(chosen);
                }
                Ok(())
            }
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// Puts tokens refreshed on the way (a listing) in place of the staged ones, so that a later
    /// save stores the newest refresh token (Employment Hero rotates them: the old one is dead).
    /// Key-based credentials have no tokens and stay as they are.
    pub fn replace_tokens(&self, id: &str, tokens: OAuthTokens) {
        let mut staged = relock(&self.staged);
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
        match relock(&self.staged).entries.get_mut(id) {
            Some(entry) if entry.alive() => Ok(f(&mut entry.people)),
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// Records the admin's confirmation of the people listed (and decided on) with staged
    /// credentials; returns how many they confirmed. No listing yet is `credentials_expired`.
    pub fn confirm_people(&self, id: &str) -> Result<u32, Problem> {
        match relock(&self.staged).entries.get_mut(id) {
            Some(entry) if entry.alive() => {
                let people = entry
                    .people
                    .as_ref()
                    .ok_or(Problem::CredentialsExpired)?
                    .confirmed_people();
                let count = u32::try_from(people.len()).unwrap_or(u32::MAX);
                entry.confirmed = Some(people);
                Ok(count)
            }
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// The people confirmed with staged credentials, if the admin confirmed them.
    pub fn confirmed_people(&self, id: &str) -> Option<Vec<Person>> {
        relock(&self.staged)
            .entries
            .get(id)
            .and_then(|entry| entry.confirmed.clone())
    }

    /// The saved connections, or why the keychain cannot hold them.
    pub fn connections(&self) -> Result<&ConnectionStore, Problem> {
        self.connections.as_ref().map_err(Clone::clone)
    }

    /// Starts tracking a people listing, cancelling one still under way (one at a time).
    pub fn begin_listing(&self) -> ListingCancel {
        begin(&self.listing)
    }

    /// Cancels the people listing under way, if any.
    pub fn cancel_listing(&self) {
        cancel(&self.listing);
    }

    /// Forgets staged credentials.
    pub fn discard(&self, id: &str) {
        relock(&self.staged).entries.remove(id);
    }

    /// Notes how an operation that started at `started` ended, for the diagnostics.
    pub fn record<T>(
        &self,
        kind: EventKind,
        provider: Option<ProviderId>,
        started: Instant,
        result: &Result<T, Problem>,
    ) {
        let outcome = result.as_ref().map(|_| ());
        self.journal
            .record_outcome(kind, provider, outcome, started.elapsed());
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
    if let Some(previous) = relock(slot).replace(fresh.clone()) {
        previous.cancel();
    }
    fresh
}

/// Cancels the task in `slot`, if any.
fn cancel(slot: &Mutex<Option<SignInCancel>>) {
    if let Some(running) = relock(slot).take() {
        running.cancel();
    }
}

/// A panic while holding one of these locks cannot leave its value inconsistent: recover it.
fn relock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
