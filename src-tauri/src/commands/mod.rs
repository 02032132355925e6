//! The commands the UI may call. Each converts input, calls `hrlink-core`, converts output.

pub mod app;
pub mod connections;
pub mod credentials;
pub mod delivery;
pub mod guide;
pub mod links;
pub mod mapping;
pub mod people;
pub mod schedule;
pub mod sign_in;
pub mod updates;
pub mod verify;
pub mod wizard;

use tauri::ipc::{Channel, IpcResponse};

/// Sends a long task's progress to the UI's channel. The UI may have navigated away: progress is
/// best-effort.
fn forward<T: IpcResponse + Sync>(channel: &Channel<T>) -> impl Fn(T) + Sync + '_ {
    move |event| {
        let _ = channel.send(event);
    }
}
