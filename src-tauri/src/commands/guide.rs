//! What the wizard shows before credentials are handed over: each system's guide, and
//! iPayroll's API user name rule, checked as the admin types.

use hrlink_core::Problem;
use hrlink_core::providers::guide::{self, ProviderGuide};
use hrlink_core::providers::ipayroll;
use tauri::State;

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
