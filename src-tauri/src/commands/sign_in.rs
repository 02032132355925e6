//! Browser sign-in (iPayroll, Employment Hero): the system browser opens the provider's consent
//! page; the code comes back to a loopback listener in Rust and is exchanged there. Codes and
//! tokens never reach the webview: the UI gets the same masked description as for a key.

use hrlink_core::messages::Language;
use hrlink_core::oauth::SystemBrowser;
use hrlink_core::session::StagedCredentials;
use hrlink_core::{Problem, ProviderId};
use tauri::State;

use crate::state::AppState;

/// Signs in through the system browser and stages the result, asking for the required
/// permissions and the `optional` ones the admin chose. Waits until the browser comes back, the
/// sign-in times out, or `cancel_sign_in` is called.
#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    provider: ProviderId,
    optional: Vec<String>,
    language: Language,
) -> Result<StagedCredentials, Problem> {
    let browser = SystemBrowser::from_env();
    state
        .session
        .sign_in(provider, &optional, language, &browser)
        .await
}

/// Stops a browser sign-in under way ("Cancel" on the waiting screen).
#[tauri::command]
#[specta::specta]
pub fn cancel_sign_in(state: State<'_, AppState>) {
    state.session.cancel_sign_in();
}
