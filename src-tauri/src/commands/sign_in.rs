//! Browser sign-in (iPayroll, Employment Hero): the system browser opens the provider's consent
//! page; the code comes back to a loopback listener in Rust and is exchanged there. Codes and
//! tokens never reach the webview: the UI gets the same masked description as for a key.

use std::time::Instant;

use hrlink_core::diagnostics::EventKind;
use hrlink_core::messages::Language;
use hrlink_core::oauth::{SignInOptions, SystemBrowser};
use hrlink_core::verify::Credentials;
use hrlink_core::{Problem, ProviderId};
use tauri::State;

use super::credentials::StagedCredentials;
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
    let oauth = state.config.oauth(provider)?;
    let browser = SystemBrowser::from_env();
    let options = SignInOptions {
        cancel: state.session.begin_sign_in(),
        language,
        ..SignInOptions::new(&browser)
    };
    let started = Instant::now();
    let signed_in = Credentials::sign_in(
        provider,
        &state.http,
        &state.endpoints,
        oauth,
        Some(&optional),
        &options,
    )
    .await;
    state.record(EventKind::SignIn, Some(provider), started, &signed_in);
    Ok(super::credentials::stage(&state, signed_in?))
}

/// Stops a browser sign-in under way ("Cancel" on the waiting screen).
#[tauri::command]
#[specta::specta]
pub fn cancel_sign_in(state: State<'_, AppState>) {
    state.session.cancel_sign_in();
}
