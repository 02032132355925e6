//! The wizard's draft, so that a half-finished set-up can be resumed after a restart: read,
//! saved as the admin moves on, cleared when they start again (saving a connection clears it
//! too, in `connections`). Nothing secret is in it; see `hrlink_core::wizard`.

use hrlink_core::Problem;
use hrlink_core::wizard::{self, Loaded, WizardDraft};
use tauri::State;

use crate::state::AppState;

fn dir(state: &AppState) -> Result<&std::path::Path, Problem> {
    state.config_dir.as_deref().ok_or(Problem::DraftNotSaved)
}

/// The draft to offer to resume, if any. An unreadable draft, or one from a newer HR Link, is set
/// aside and answered as none.
#[tauri::command]
#[specta::specta]
pub fn load_wizard_draft(state: State<'_, AppState>) -> Option<WizardDraft> {
    match wizard::load(state.config_dir.as_deref()?) {
        Loaded::Draft(draft) => Some(draft),
        Loaded::None | Loaded::SetAside(_) => None,
    }
}

/// Keeps the wizard's progress (written atomically; names that do not look like user names are
/// dropped).
#[tauri::command]
#[specta::specta]
pub fn save_wizard_draft(state: State<'_, AppState>, draft: WizardDraft) -> Result<(), Problem> {
    wizard::save(dir(&state)?, draft)
}

/// "Start again": forgets the draft.
#[tauri::command]
#[specta::specta]
pub fn clear_wizard_draft(state: State<'_, AppState>) -> Result<(), Problem> {
    wizard::clear(dir(&state)?)
}

/// After a connection was saved: the draft has done its job. Best effort; a draft left behind
/// only offers to resume.
pub fn forget_draft(state: &AppState) {
    if let Ok(dir) = dir(state) {
        let _ = wizard::clear(dir);
    }
}
