//! The app's own updates (`crate::updates`): what the check at start-up found, and "Restart now".

use hrlink_core::Problem;
use tauri::{AppHandle, State};

use crate::updates::{UpdateNews, Updates};

/// A verified update waiting for "Restart now", or one that was refused; `None` when there is
/// nothing to tell (no `[updates]`, no newer version, or the check still running).
#[tauri::command]
#[specta::specta]
pub fn pending_update(updates: State<'_, Updates>) -> Option<UpdateNews> {
    updates.news()
}

/// "Restart now": installs the verified update and restarts, refused while a wizard is mid-way
/// (the UI knows). Nothing waiting: nothing happens.
#[tauri::command]
#[specta::specta]
pub fn install_update(app: AppHandle, wizard_mid_way: bool) -> Result<(), Problem> {
    if crate::updates::install(&app, wizard_mid_way)? {
        app.restart();
    }
    Ok(())
}
