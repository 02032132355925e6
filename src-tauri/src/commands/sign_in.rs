//! Browser sign-in (iPayroll, Employment Hero): the system browser opens the provider's consent
//! page; the code comes back to a loopback listener in Rust and is exchanged there (in cloud
//! delivery mode, by the product's backend). Codes and tokens never reach the webview: the UI
//! gets the same masked description as for a key, and while it waits the address the browser
//! was sent to (to copy, or open again).

use hrlink_core::messages::Language;
use hrlink_core::oauth::{SignInAddress, SystemBrowser};
use hrlink_core::session::StagedCredentials;
use hrlink_core::{Problem, ProviderId};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// Signs in through the system browser and stages the result, asking for the required
/// permissions and the `optional` ones the admin chose; in cloud delivery mode with the
/// product's OAuth client, its backend exchanging the code (HANDOFF.md §2.3). `address` is told
/// where the browser was sent, also when no browser could be started. Waits until the browser
/// comes back, the sign-in times out, or `cancel_sign_in` is called; a new sign-in replaces one
/// still waiting.
#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    provider: ProviderId,
    optional: Vec<String>,
    language: Language,
    address: Channel<SignInAddress>,
) -> Result<StagedCredentials, Problem> {
    let (browser, tell) = (SystemBrowser::from_env(), super::forward(&address));
    let session = &state.session;
    if let Some(cloud) = &state.cloud {
        let for_product =
            session.sign_in_for_product(cloud, provider, &optional, language, &browser, &tell);
        return for_product.await;
    }
    session
        .sign_in(provider, &optional, language, &browser, &tell)
        .await
}

/// Opens the browser again at the waiting sign-in's address ("Open the browser again").
#[tauri::command]
#[specta::specta]
pub fn reopen_sign_in(state: State<'_, AppState>) -> Result<(), Problem> {
    state.session.reopen_sign_in(&SystemBrowser::from_env())
}

/// Stops a browser sign-in under way ("Cancel" on the waiting screen).
#[tauri::command]
#[specta::specta]
pub fn cancel_sign_in(state: State<'_, AppState>) {
    state.session.cancel_sign_in();
}
