//! The People step: list everyone the staged credentials can see, compare them with the
//! business's own records (a CSV/XLSX roster chosen in the native dialog), and record the
//! admin's decisions. The people stay in memory with the staged credentials; the webview gets a
//! report, masked in screen-share mode.

use hrlink_core::Problem;
use hrlink_core::people::{
    self, Decision, Disclosure, EntryId, ListingProgress, MatchCounts, PeopleChanges, PeopleReport,
};
pub use hrlink_core::session::{PeopleComparison, PeopleOverview};
use serde::Deserialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::connections::connection_id;
use crate::state::AppState;

/// End-to-end tests cannot drive the native file dialog: when this is set, its path is used as
/// the roster the admin chose.
const CHOSEN_ROSTER_OVERRIDE: &str = "HRLINK_E2E_CHOSEN_ROSTER";

/// As [`CHOSEN_ROSTER_OVERRIDE`], for the save dialog of the export.
const CHOSEN_EXPORT_OVERRIDE: &str = "HRLINK_E2E_CHOSEN_EXPORT";

/// The admin's answer to a suggested pair.
#[derive(Debug, Clone, Copy, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PairDecision {
    /// The same person.
    Accept,
    /// Not the same person.
    Reject,
    /// Take the answer back.
    Undo,
}

impl From<PairDecision> for Decision {
    fn from(decision: PairDecision) -> Decision {
        match decision {
            PairDecision::Accept => Decision::Accepted,
            PairDecision::Reject => Decision::Rejected,
            PairDecision::Undo => Decision::Undecided,
        }
    }
}

/// Lists everyone, keeps them with the staged credentials, and stores tokens refreshed on the
/// way in place of the old ones. `cancel_people_listing` stops it.
#[tauri::command]
#[specta::specta]
pub async fn list_people(
    state: State<'_, AppState>,
    staged: String,
    progress: Channel<ListingProgress>,
) -> Result<PeopleOverview, Problem> {
    let progress = super::forward(&progress);
    state
        .session
        .list_people(&staged, disclosure(&state), &progress)
        .await
}

/// Stops the listing under way ("Cancel"): its `list_people` ends with
/// `people_listing_cancelled`.
#[tauri::command]
#[specta::specta]
pub fn cancel_people_listing(state: State<'_, AppState>) {
    state.session.cancel_listing();
}

/// Opens the system's file dialog for a CSV or XLSX roster, reads it and matches it against the
/// listed people. `None` when the admin cancels the dialog. The webview never sees the path.
#[tauri::command]
#[specta::specta]
pub async fn choose_roster_file(
    app: AppHandle,
    state: State<'_, AppState>,
    staged: String,
) -> Result<Option<PeopleComparison>, Problem> {
    let Some(path) = chosen_roster(&app).await else {
        return Ok(None);
    };
    let roster = people::read_roster_file(&path)?;
    let disclosure = disclosure(&state);
    state
        .session
        .match_roster(&staged, roster, disclosure)
        .map(Some)
}

/// The people as they stand (after decisions), masked in screen-share mode.
#[tauri::command]
#[specta::specta]
pub fn people_report(state: State<'_, AppState>, staged: String) -> Result<PeopleReport, Problem> {
    let disclosure = disclosure(&state);
    state
        .session
        .with_matched(&staged, |matched| Ok(matched.report(disclosure)))
}

/// Accepts or rejects a suggested pair (or takes the answer back); returns the new counts.
#[tauri::command]
#[specta::specta]
pub fn decide_pair(
    state: State<'_, AppState>,
    staged: String,
    entry: u32,
    decision: PairDecision,
) -> Result<MatchCounts, Problem> {
    state.session.with_matched(&staged, |matched| {
        matched
            .decide(EntryId(entry), decision.into())
            .map_err(not_decidable)?;
        Ok(matched.counts())
    })
}

/// Leaves a person out (or takes them back in); returns the new counts.
#[tauri::command]
#[specta::specta]
pub fn exclude_person(
    state: State<'_, AppState>,
    staged: String,
    entry: u32,
    excluded: bool,
) -> Result<MatchCounts, Problem> {
    state.session.with_matched(&staged, |matched| {
        matched
            .set_excluded(EntryId(entry), excluded)
            .map_err(not_decidable)?;
        Ok(matched.counts())
    })
}

/// "Yes, these are our people": records the confirmed list (everyone listed, less the excluded)
/// with the staged credentials; saving or re-authorising then keeps it, encrypted, for the next
/// reconnect. Returns how many people were confirmed.
#[tauri::command]
#[specta::specta]
pub fn confirm_people(state: State<'_, AppState>, staged: String) -> Result<u32, Problem> {
    state.session.confirm_people(&staged)
}

/// What changed among the people since they were last confirmed for the saved connection `id`
/// (re-authorising): the people listed now with `staged` against the kept snapshot, and since
/// when the connection was failing. `None` when no list was kept;
/// `people_snapshot_unreadable` when the kept one no longer opens (treated as none).
#[tauri::command]
#[specta::specta]
pub async fn people_changes(
    state: State<'_, AppState>,
    staged: String,
    id: String,
) -> Result<Option<PeopleChanges>, Problem> {
    let id = connection_id(&id)?;
    let store = state.connections()?;
    let disclosure = disclosure(&state);
    state
        .session
        .people_changes(&staged, store, &id, disclosure)
        .await
}

/// Exports the people as they stand (after decisions; the excluded left out) to a CSV file the
/// admin chooses in the system's save dialog. Refused in screen-share mode: the names and
/// emails would leave the app while others watch. `false` when the admin cancels the dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_people<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    staged: String,
) -> Result<bool, Problem> {
    if state.screen_share() {
        return Err(Problem::PeopleExportInSupportMode);
    }
    let text = state.session.people_csv(&staged)?;
    let Some(path) = chosen_export(&app).await else {
        return Ok(false);
    };
    hrlink_core::files::write_chosen_file(&path, text.as_bytes())
        .map_err(|_| Problem::PeopleExportFailed)?;
    Ok(true)
}

/// Screen-share mode masks names and emails; otherwise the admin sees their own people.
fn disclosure(state: &AppState) -> Disclosure {
    if state.screen_share() {
        Disclosure::Masked
    } else {
        Disclosure::Full
    }
}

/// A decision on an entry that does not exist or cannot be decided is the UI's mistake.
fn not_decidable(error: people::DecisionError) -> Problem {
    Problem::ConfigurationInvalid {
        what: format!("people decision refused: {error}"),
    }
}

/// The roster the admin chose, or the e2e override.
async fn chosen_roster(app: &AppHandle) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(CHOSEN_ROSTER_OVERRIDE) {
        return Some(path.into());
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("CSV or Excel", &["csv", "txt", "xlsx"])
        .pick_file(move |file| {
            let _ = sender.send(file.and_then(|f| f.into_path().ok()));
        });
    receiver.await.ok().flatten()
}

/// The file the admin chose to export to, or the e2e override.
async fn chosen_export<R: Runtime>(app: &AppHandle<R>) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(CHOSEN_EXPORT_OVERRIDE) {
        return Some(path.into());
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("CSV", &["csv"])
        .set_file_name("people.csv")
        .save_file(move |file| {
            let _ = sender.send(file.and_then(|f| f.into_path().ok()));
        });
    receiver.await.ok().flatten()
}
