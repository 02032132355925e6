//! Verifying staged credentials, with live progress over a channel.

use hrlink_core::Problem;
use hrlink_core::verify::{Account, VerificationReport, VerifyProgress};
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
    let progress = super::forward(&progress);
    let (organisation, chosen) = (organisation.as_deref(), Some(optional.as_slice()));
    state
        .session
        .verify(&id, organisation, chosen, &progress)
        .await
}

/// The organisations staged credentials reach, for the admin to choose one (Employment Hero,
/// when a sign-in reaches several); empty for the other systems.
#[tauri::command]
#[specta::specta]
pub async fn list_organisations(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<Account>, Problem> {
    state.session.organisations(&id).await
}
