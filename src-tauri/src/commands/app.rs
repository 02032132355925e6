//! What the UI needs to know about the app itself.

use hrlink_core::ProviderId;
use hrlink_core::providers::CredentialKind;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

/// Facts about the running app.
#[derive(Debug, Serialize, Type)]
pub struct AppInfo {
    pub version: String,
    /// True when the built-in Sandbox serves every provider (no configuration given).
    pub demo: bool,
    /// True when started with `--support` (screen-share mode on).
    pub support_mode: bool,
}

/// One HR system the wizard offers.
#[derive(Debug, Serialize, Type)]
pub struct ProviderSummary {
    pub id: ProviderId,
    pub name: String,
    pub region: String,
    pub credential_kind: CredentialKind,
}

#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        demo: state.demo.is_some(),
        support_mode: state.options.support,
    }
}

#[tauri::command]
#[specta::specta]
pub fn list_providers() -> Vec<ProviderSummary> {
    ProviderId::ALL
        .into_iter()
        .map(|id| ProviderSummary {
            id,
            name: id.display_name().to_owned(),
            region: id.region().to_owned(),
            credential_kind: id.credential_kind(),
        })
        .collect()
}
