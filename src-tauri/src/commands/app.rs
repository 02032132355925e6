//! What the UI needs to know about the app itself.

use hrlink_core::ProviderId;
use hrlink_core::diagnostics::Context;
use hrlink_core::messages::Language;
use hrlink_core::providers::CredentialKind;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

/// Facts about the running app.
#[derive(Debug, Serialize, Type)]
pub struct AppInfo {
    pub version: String,
    /// The product connections are for (`product` in `hrlink.toml`, or the demo's).
    pub product: String,
    /// True when the built-in Sandbox serves every provider (no configuration given).
    pub demo: bool,
    /// True while screen-share mode is on (started with `--support`, or switched on).
    pub support_mode: bool,
    /// This run's support code (`HRL-7K3Q-9P2M`), shown in screen-share mode.
    pub support_code: String,
    /// True in cloud delivery mode: the wizard starts with the product's code and sends the
    /// connection to the product's backend instead of saving it here.
    pub cloud: bool,
}

/// One HR system the wizard offers.
#[derive(Debug, Serialize, Type)]
pub struct ProviderSummary {
    pub id: ProviderId,
    pub name: String,
    pub region: String,
    pub credential_kind: CredentialKind,
    /// The region codes to choose from when the system has one deployment per region (`NZ`);
    /// empty when it has one.
    pub regions: Vec<String>,
}

#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        product: state.config.product.clone(),
        demo: state.demo.is_some(),
        support_mode: state.screen_share(),
        support_code: state.support_code.as_str().to_owned(),
        cloud: state.cloud.is_some(),
    }
}

/// "Copy diagnostics": a redacted bundle (versions, OS, language, screen-share mode, support
/// code, the step shown, the last events with error codes, HTTP statuses, request ids and
/// timings, the log's last lines). Nothing secret can be in it; see `hrlink_core::diagnostics`.
#[tauri::command]
#[specta::specta]
pub fn diagnostics(state: State<'_, AppState>, language: Language, step: String) -> String {
    let context = Context::this_app(
        env!("CARGO_PKG_VERSION"),
        language,
        state.screen_share(),
        &state.support_code,
        &step,
    );
    let events = state.journal.events();
    hrlink_core::diagnostics::bundle(&context, &events, state.log_dir.as_deref())
}

/// The header's screen-share switch: on masks names and emails in every answer from now on
/// (the UI asks again for what it shows, and hides key hints itself) and refuses the people
/// export; off shows them again. Each switch is noted in the diagnostics journal.
#[tauri::command]
#[specta::specta]
pub fn set_screen_share(state: State<'_, AppState>, on: bool) {
    state.set_screen_share(on);
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
            regions: id.entry().region_codes().map(str::to_owned).collect(),
        })
        .collect()
}
