//! Handing credentials over: they cross the boundary once, UI to Rust, and never come back.

use hrlink_core::credentials::MAX_CREDENTIAL_TEXT_BYTES;
pub use hrlink_core::session::StagedCredentials;
use hrlink_core::{Problem, ProviderId};
use serde::Deserialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// End-to-end tests cannot drive the native file dialog: when this is set, its path is used as
/// the file the admin chose.
const CHOSEN_FILE_OVERRIDE: &str = "HRLINK_E2E_CHOSEN_FILE";

/// What the admin handed over: pasted text, or a file chosen in the dialog or dropped.
/// No `Debug`: the text is a secret.
#[derive(Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CredentialInput {
    Text { text: String },
    File { path: String },
}

#[tauri::command]
#[specta::specta]
pub fn stage_credentials(
    state: State<'_, AppState>,
    provider: ProviderId,
    input: CredentialInput,
) -> Result<StagedCredentials, Problem> {
    let bytes = match input {
        CredentialInput::Text { text } => text.into_bytes(),
        CredentialInput::File { path } => read_credential_file(std::path::Path::new(&path))?,
    };
    state.session.stage_text(provider, &bytes)
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
    let bytes = read_credential_file(&path)?;
    state.session.stage_text(provider, &bytes).map(Some)
}

/// The key file the admin chose, or the e2e override; `None` when cancelled.
async fn chosen_key_file(app: &AppHandle) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(CHOSEN_FILE_OVERRIDE) {
        return Some(path.into());
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("Key file", &["txt"])
        .pick_file(move |file| {
            let _ = sender.send(file.and_then(|f| f.into_path().ok()));
        });
    receiver.await.ok().flatten()
}

#[tauri::command]
#[specta::specta]
pub fn discard_credentials(state: State<'_, AppState>, id: String) {
    state.session.discard(&id);
}

fn read_credential_file(path: &std::path::Path) -> Result<Vec<u8>, Problem> {
    let metadata = std::fs::metadata(path).map_err(|_| Problem::FileUnreadable)?;
    if metadata.len() > MAX_CREDENTIAL_TEXT_BYTES as u64 {
        return Err(Problem::KeyFileNotText);
    }
    std::fs::read(path).map_err(|_| Problem::FileUnreadable)
}
