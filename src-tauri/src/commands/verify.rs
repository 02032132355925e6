//! Verifying staged credentials, with live progress over a channel.

use hrlink_core::Problem;
use hrlink_core::verify::{self, VerificationReport, VerifyProgress};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Verifies staged credentials against the admin's selection: the required permissions and the
/// `optional` ones chosen on the "what to share" step.
#[tauri::command]
#[specta::specta]
pub async fn verify_connection(
    state: State<'_, AppState>,
    id: String,
    optional: Vec<String>,
    progress: Channel<VerifyProgress>,
) -> Result<VerificationReport, Problem> {
    let credentials = state.staged(&id)?;
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
    state.record_report(&id, &report);
    Ok(report)
}
