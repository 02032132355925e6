//! Verifying staged credentials, with live progress over a channel.

use std::time::Instant;

use hrlink_core::Problem;
use hrlink_core::diagnostics::EventKind;
use hrlink_core::verify::{self, VerificationReport, VerifyProgress};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn verify_connection(
    state: State<'_, AppState>,
    id: String,
    progress: Channel<VerifyProgress>,
) -> Result<VerificationReport, Problem> {
    let started = Instant::now();
    let credentials = state.staged(&id)?;
    let report_progress = |event: VerifyProgress| {
        // The UI may have navigated away; progress is best-effort.
        let _ = progress.send(event);
    };
    let report = verify::verify(
        &state.http,
        &state.endpoints,
        &credentials,
        &report_progress,
    )
    .await;
    state.record_report(&id, &report);
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
