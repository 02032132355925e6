//! `hrlink://` links: the one the app was started with.

use hrlink_core::links::LinkAction;
use tauri::State;

use crate::links::LinkInbox;

/// The UI listens for `LinkOpened` from now on; this is the link that came before (the one the
/// app was started with), if any.
#[tauri::command]
#[specta::specta]
pub fn take_opening_link(inbox: State<'_, LinkInbox>) -> Option<LinkAction> {
    inbox.take_opening_link()
}
