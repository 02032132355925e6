//! Saved connections: save a verified one, list, check, rename, remove and re-authorise.
//! Secrets go from the staged credentials straight to the keychain; the UI sees summaries.

use std::time::Instant;

use hrlink_core::Problem;
use hrlink_core::connections::{
    CheckOutcome, ConnectionId, ConnectionStore, ConnectionSummary, record_check,
};
use hrlink_core::session::Saved;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

/// Every saved connection, and how many profile files could not be read (set aside, not lost).
#[derive(Debug, Serialize, Type)]
pub struct ConnectionList {
    pub connections: Vec<ConnectionSummary>,
    pub set_aside: u32,
}

/// A connection after a health check, with what went wrong (if anything) and what deserves a
/// look without stopping it (far more granted than the admin chose to share).
#[derive(Debug, Serialize, Type)]
pub struct CheckedConnection {
    pub connection: ConnectionSummary,
    pub problem: Option<Problem>,
    pub warnings: Vec<Problem>,
}

/// A connection just saved or re-authorised, and, when the people the admin confirmed could
/// not be kept as its snapshot, why (the connection works; the next reconnect just cannot show
/// what changed).
#[derive(Debug, Serialize, Type)]
pub struct SavedConnection {
    pub connection: ConnectionSummary,
    pub people_not_kept: Option<Problem>,
}

impl CheckedConnection {
    fn new(store: &ConnectionStore, outcome: CheckOutcome) -> CheckedConnection {
        CheckedConnection {
            connection: store.summary(&outcome.profile),
            problem: outcome.problem,
            warnings: outcome.report.map(|r| r.warnings).unwrap_or_default(),
        }
    }
}

pub(crate) fn connection_id(id: &str) -> Result<ConnectionId, Problem> {
    ConnectionId::parse(id).ok_or_else(|| Problem::ConnectionNotFound { id: id.to_owned() })
}

#[tauri::command]
#[specta::specta]
pub fn list_connections(state: State<'_, AppState>) -> Result<ConnectionList, Problem> {
    let store = state.connections()?;
    let (profiles, corrupt) = store.list()?;
    Ok(ConnectionList {
        connections: store.summaries(&profiles),
        set_aside: u32::try_from(corrupt.len()).unwrap_or(u32::MAX),
    })
}

/// Saves verified staged credentials as a new connection (keychain + profile).
#[tauri::command]
#[specta::specta]
pub async fn save_connection(
    state: State<'_, AppState>,
    staged: String,
    label: String,
) -> Result<SavedConnection, Problem> {
    let store = state.connections()?;
    let saved = state.session.save(&staged, store, &label).await?;
    Ok(finish_saving(&state, store, saved))
}

/// The saved connection for the company verified staged credentials reached, if it is already
/// connected: the wizard offers to re-authorise it instead of saving a second one.
#[tauri::command]
#[specta::specta]
pub fn already_connected(
    state: State<'_, AppState>,
    staged: String,
) -> Result<Option<ConnectionSummary>, Problem> {
    let store = state.connections()?;
    let existing = state.session.already_connected(&staged, store)?;
    Ok(existing.map(|profile| store.summary(&profile)))
}

/// Checks one connection: signs in again and probes its permissions.
#[tauri::command]
#[specta::specta]
pub async fn check_connection(
    state: State<'_, AppState>,
    id: String,
) -> Result<CheckedConnection, Problem> {
    let started = Instant::now();
    let (id, store) = (connection_id(&id)?, state.connections()?);
    let (http, endpoints, config) = (&state.http, &state.endpoints, &state.config);
    let checked = store.check(&id, http, endpoints, config).await;
    record_check(&state.journal, started, &checked);
    Ok(CheckedConnection::new(store, checked?))
}

#[tauri::command]
#[specta::specta]
pub fn rename_connection(
    state: State<'_, AppState>,
    id: String,
    label: String,
) -> Result<ConnectionSummary, Problem> {
    let store = state.connections()?;
    let profile = store.rename(&connection_id(&id)?, &label)?;
    Ok(store.summary(&profile))
}

/// Removes a connection: its keychain entry, then its profile.
#[tauri::command]
#[specta::specta]
pub async fn remove_connection(state: State<'_, AppState>, id: String) -> Result<(), Problem> {
    state.connections()?.remove(&connection_id(&id)?).await
}

/// Re-authorises a connection with verified staged credentials. Another company is refused
/// (`different_account`) unless `replacement_name` is its name, typed by the admin.
#[tauri::command]
#[specta::specta]
pub async fn reauthorise_connection(
    state: State<'_, AppState>,
    id: String,
    staged: String,
    replacement_name: Option<String>,
) -> Result<SavedConnection, Problem> {
    let (store, id) = (state.connections()?, connection_id(&id)?);
    let replacement = replacement_name.as_deref();
    let saved = (state.session)
        .reauthorise(&staged, store, &id, replacement)
        .await?;
    Ok(finish_saving(&state, store, saved))
}

/// How saving and re-authorising end in the app: the wizard's draft let go, the connection as it
/// now stands.
fn finish_saving(state: &AppState, store: &ConnectionStore, saved: Saved) -> SavedConnection {
    super::wizard::forget_draft(state);
    SavedConnection {
        connection: store.summary(&saved.profile),
        people_not_kept: saved.people_not_kept,
    }
}
