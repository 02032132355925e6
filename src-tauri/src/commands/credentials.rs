//! Handing credentials over: they cross the boundary once, UI to Rust, and never come back.

use hrlink_core::credentials::{self, MAX_CREDENTIAL_TEXT_BYTES};
use hrlink_core::verify::Credentials;
use hrlink_core::{Problem, ProviderId};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;

use crate::state::AppState;

/// What the admin handed over: pasted text, or a file chosen in the dialog or dropped.
/// No `Debug`: the text is a secret.
#[derive(Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CredentialInput {
    Text { text: String },
    File { path: String },
}

/// Credentials held in the app for verification, described without the secret.
#[derive(Debug, Serialize, Type)]
pub struct StagedCredentials {
    pub id: String,
    pub provider: ProviderId,
    /// Which key was loaded, masked (e.g. the access key's last four characters).
    pub hint: String,
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
        CredentialInput::File { path } => read_credential_file(&path)?,
    };
    let (credentials, hint) = match provider {
        ProviderId::Hrworks => {
            let keys = credentials::hrworks::parse_key_file(&bytes)?;
            let hint = credentials::mask_tail(&keys.access_key);
            (Credentials::Hrworks(keys), hint)
        }
        other => {
            return Err(Problem::ConfigurationInvalid {
                what: format!("{} sign-in", other.display_name()),
            });
        }
    };
    Ok(StagedCredentials {
        id: state.stage(credentials),
        provider,
        hint,
    })
}

#[tauri::command]
#[specta::specta]
pub fn discard_credentials(state: State<'_, AppState>, id: String) {
    state.discard(&id);
}

fn read_credential_file(path: &str) -> Result<Vec<u8>, Problem> {
    let metadata = std::fs::metadata(path).map_err(|_| Problem::FileUnreadable)?;
    if metadata.len() > MAX_CREDENTIAL_TEXT_BYTES as u64 {
        return Err(Problem::KeyFileNotText);
    }
    std::fs::read(path).map_err(|_| Problem::FileUnreadable)
}
