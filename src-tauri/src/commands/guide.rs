//! What the wizard shows before credentials are handed over: each system's guide, iPayroll's API
//! user name rule, checked as the admin types, and the hand-off sheet saved as a file.

use hrlink_core::messages::Language;
use hrlink_core::providers::guide::{self, ProviderGuide};
use hrlink_core::providers::ipayroll;
use hrlink_core::{Problem, ProviderId};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// Every system's guide: what the admin needs, the permissions HR Link asks for, the screens.
#[tauri::command]
#[specta::specta]
pub fn provider_guides(state: State<'_, AppState>) -> Vec<ProviderGuide> {
    guide::catalogue(&state.config)
}

/// Checks a planned iPayroll API user name against iPayroll's rule (`49764apihrlink`).
#[tauri::command]
#[specta::specta]
pub fn check_ipayroll_username(username: String) -> Result<(), Problem> {
    ipayroll::check_api_username(&username, None)
}

/// End-to-end tests cannot drive the native save dialog: when this is set, its path is used as
/// the place the admin chose.
const SAVED_FILE_OVERRIDE: &str = "HRLINK_E2E_SAVED_FILE";

/// "Save as file" on the hand-off sheet: opens the system's save dialog, then writes the sheet
/// (`sheet`: the markup the wizard shows, which holds nothing secret) as a standalone web page.
/// The webview never sees the path. `false` when the admin cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_handoff_sheet(
    app: AppHandle,
    provider: ProviderId,
    language: Language,
    title: String,
    sheet: String,
) -> Result<bool, Problem> {
    let file_name = format!("hrlink-{}-steps.html", provider.slug());
    let Some(path) = chosen_save_path(&app, &file_name).await else {
        return Ok(false);
    };
    guide::write_handoff_page(&path, &guide::handoff_page(language, &title, &sheet))?;
    Ok(true)
}

/// Where the admin chose to save, or the e2e override; `None` when cancelled.
async fn chosen_save_path(app: &AppHandle, file_name: &str) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(SAVED_FILE_OVERRIDE) {
        return Some(path.into());
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("Web page", &["html"])
        .set_file_name(file_name)
        .save_file(move |file| {
            let _ = sender.send(file.and_then(|f| f.into_path().ok()));
        });
    receiver.await.ok().flatten()
}
