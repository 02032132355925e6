//! Verifying staged credentials, with live progress over a channel.

use std::time::Instant;

use hrlink_core::Problem;
use hrlink_core::diagnostics::EventKind;
use hrlink_core::verify::{self, Account, VerificationReport, VerifyProgress};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Verifies staged credentials against the admin's selection: the required permissions and the
/// `optional` ones chosen on the "what to share" step; for a sign-in that reaches several
/// organisations, the `organisation` chosen (kept for saving).
#[tauri::command]
#[specta::specta]
pub async fn verify_connection(
    state: State<'_, AppState>,
    id: String,
    optional: Vec<String>,
    organisation: Option<String>,
    progress: Channel<VerifyProgress>,
) -> Result<VerificationReport, Problem> {
    let started = Instant::now();
    if let Some(organisation) = &organisation {
        state.session.choose_organisation(&id, organisation)?;
    }
    let credentials = state.session.staged(&id)?;
    let report_progress = |event: VerifyProgress| {
        // The UI may have navigated away; progress is best-effort.
        let _ = progress.send(event);
    };
    let report = verify::verify_chosen(
        &state.http,
        &state.endpoints,
        &credentials,
        &optional,
        &report_progress,
    )
    .await;
    state.session.record_report(&id, &report);
    let outcome = match report.problems.first() {
        Some(problem) => Err(problem.clone()),
        None => Ok(()),
    };
    state.record(
        EventKind::Verification,
        Some(report.provider),
        started,
        &outcome,
    );
    Ok(report)
}

/// The organisations staged credentials reach, for the admin to choose one (Employment Hero,
/// when a sign-in reaches several); empty for the other systems.
#[tauri::command]
#[specta::specta]
pub async fn list_organisations(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<Account>, Problem> {
    let credentials = state.session.staged(&id)?;
    credentials
        .organisations(&state.http, &state.endpoints)
        .await
}
