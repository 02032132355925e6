//! Saved connections: save a verified one, list, check, rename, remove and re-authorise.
//! Secrets go from the staged credentials straight to the keychain; the UI sees summaries.

use std::time::Instant;

use hrlink_core::Problem;
use hrlink_core::connections::{ConnectionId, ConnectionStore, ConnectionSummary, Profile};
use hrlink_core::diagnostics::EventKind;
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
    let started = Instant::now();
    let (credentials, report) = state.session.verified(&staged)?;
    let store = state.connections()?;
    let saved = store.save(&label, &credentials, &report).await;
    state.record(EventKind::Save, Some(report.provider), started, &saved);
    let id = saved?;
    let profile = store.profile(&id)?;
    finish_saving(&state, store, &id, &staged, &profile).await
}

/// Checks one connection: signs in again and probes its permissions.
#[tauri::command]
#[specta::specta]
pub async fn check_connection(
    state: State<'_, AppState>,
    id: String,
) -> Result<CheckedConnection, Problem> {
    let started = Instant::now();
    let store = state.connections()?;
    let checked = store
        .check(
            &connection_id(&id)?,
            &state.http,
            &state.endpoints,
            &state.config,
        )
        .await;
    let (provider, found) = match &checked {
        Ok(outcome) => (
            Some(outcome.profile.provider),
            outcome.problem.clone().map_or(Ok(()), Err),
        ),
        Err(problem) => (None, Err(problem.clone())),
    };
    state.record(EventKind::Check, provider, started, &found);
    let outcome = checked?;
    Ok(CheckedConnection {
        connection: store.summary(&outcome.profile),
        problem: outcome.problem,
        warnings: outcome.report.map(|r| r.warnings).unwrap_or_default(),
    })
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
    let started = Instant::now();
    let (credentials, report) = state.session.verified(&staged)?;
    let store = state.connections()?;
    let id = connection_id(&id)?;
    let reauthorised = store
        .reauthorise(&id, &credentials, &report, replacement_name.as_deref())
        .await;
    state.record(
        EventKind::Save,
        Some(report.provider),
        started,
        &reauthorised,
    );
    finish_saving(&state, store, &id, &staged, &reauthorised?).await
}

/// How saving and re-authorising end: the confirmed people kept as the snapshot, the staged
/// credentials and the wizard's draft let go, the connection as it now stands.
async fn finish_saving(
    state: &AppState,
    store: &ConnectionStore,
    id: &ConnectionId,
    staged: &str,
    profile: &Profile,
) -> Result<SavedConnection, Problem> {
    let people_not_kept = keep_confirmed_people(state, store, id, staged).await;
    state.session.discard(staged);
    super::wizard::forget_draft(state);
    Ok(SavedConnection {
        connection: store.summary(profile),
        people_not_kept,
    })
}

/// When the admin confirmed the people before saving, keeps them as the connection's encrypted
/// snapshot (the next reconnect's "what changed since"). The connection itself is saved by now:
/// a snapshot that cannot be written only means no comparison next time, so it does not fail
/// the save; the problem is handed back for the admin to be told.
async fn keep_confirmed_people(
    state: &AppState,
    store: &ConnectionStore,
    id: &ConnectionId,
    staged: &str,
) -> Option<Problem> {
    let people = state.session.confirmed_people(staged)?;
    let problem = store.save_people_snapshot(id, &people).await.err()?;
    tracing::warn!(code = problem.code(), "the confirmed people were not kept");
    Some(problem)
}
