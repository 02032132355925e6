//! The mapping step: the HR system's locations, areas of work and roles beside the product's
//! own categories, and the admin's choice kept with the staged credentials for saving or
//! delivering.

use hrlink_core::Problem;
use hrlink_core::mapping::{Mapping, MappingProposal};
use tauri::State;

use crate::state::AppState;

/// The mapping step for staged credentials (`None`: the product has no categories, no step).
/// Re-authorising `connection`, its saved mapping pre-fills the step.
#[tauri::command]
#[specta::specta]
pub async fn mapping_proposal(
    state: State<'_, AppState>,
    staged: String,
    connection: Option<String>,
) -> Result<Option<MappingProposal>, Problem> {
    let saved = match connection {
        Some(id) => Some(
            state
                .connections()?
                .profile(&super::connections::connection_id(&id)?)?,
        ),
        None => None,
    };
    let categories = state.categories();
    (state.session)
        .mapping_proposal(&staged, &categories, saved.as_ref())
        .await
}

/// Keeps the mapping the admin chose with the staged credentials.
#[tauri::command]
#[specta::specta]
pub fn choose_mapping(
    state: State<'_, AppState>,
    staged: String,
    mapping: Mapping,
) -> Result<(), Problem> {
    state
        .session
        .choose_mapping(&staged, mapping, &state.categories())
}
