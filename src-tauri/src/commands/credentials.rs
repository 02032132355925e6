//! Handing credentials over: they cross the boundary once, UI to Rust, and never come back.

use hrlink_core::credentials::read_key_file;
pub use hrlink_core::session::StagedCredentials;
use hrlink_core::{Problem, ProviderId};
use serde::Deserialize;
use specta::Type;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// End-to-end tests cannot drive the native file dialog: when this is set, its path is used as
/// the file the admin chose.
const CHOSEN_FILE_OVERRIDE: &str = "HRLINK_E2E_CHOSEN_FILE";

/// What the webview hands over: text, pasted or read from a file dropped on the window (the
/// webview reads a dropped file's contents, never learns its path). The webview cannot name a
/// path: a key file from disk comes only through [`choose_credentials_file`], where Rust opens
/// the dialog. No `Debug`: the text is a secret.
#[derive(Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CredentialInput {
    Text { text: String },
}

#[tauri::command]
#[specta::specta]
pub fn stage_credentials(
    state: State<'_, AppState>,
    provider: ProviderId,
    input: CredentialInput,
) -> Result<StagedCredentials, Problem> {
    let CredentialInput::Text { text } = input;
    state.session.stage_text(provider, text.as_bytes())
}

/// Opens the system's file dialog, then reads and stages the chosen key file in one step, so
/// the webview needs no dialog permission and never sees the path. `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_credentials_file(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: ProviderId,
) -> Result<Option<StagedCredentials>, Problem> {
    let Some(path) = chosen_key_file(&app).await else {
        return Ok(None);
    };
    // Off the async runtime's threads: reading a file can be slow.
    let bytes = tauri::async_runtime::spawn_blocking(move || read_key_file(&path))
        .await
        .map_err(|_| Problem::FileUnreadable)??;
    state.session.stage_text(provider, &bytes).map(Some)
}

/// The key file the admin chose, or the e2e override; `None` when cancelled.
async fn chosen_key_file(app: &AppHandle) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(CHOSEN_FILE_OVERRIDE) {
        return Some(path.into());
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let mut dialog = app.dialog().file().add_filter("Key file", &["txt"]);
    // The browser saved the key file there: the dialog opens where it is.
    if let Ok(downloads) = app.path().download_dir() {
        dialog = dialog.set_directory(downloads);
    }
    dialog.pick_file(move |file| {
        let _ = sender.send(file.and_then(|f| f.into_path().ok()));
    });
    receiver.await.ok().flatten()
}

#[tauri::command]
#[specta::specta]
pub fn discard_credentials(state: State<'_, AppState>, id: String) {
    state.session.discard(&id);
}
