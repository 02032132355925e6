//! One running app, and the `hrlink://` links the OS hands it.
//!
//! A second start (a link clicked in a browser or a notification, or the app started again)
//! does not open a second window: the single-instance plugin hands its arguments to the running
//! app, which focuses its window and opens what a link in them asks for. Links come as raw
//! arguments on Linux and Windows (the desktop entry runs `hrlink-desktop %u`), as the
//! deep-link plugin's event on macOS; both go through `hrlink_core::links`, so the same strict
//! parser decides, and reach the UI as one typed event, [`LinkOpened`].
//!
//! A link that arrives before the UI listens (the one the app was started with) waits in the
//! [`LinkInbox`] until the UI takes it with the `take_opening_link` command.

use std::sync::Mutex;

use hrlink_core::links::{self, Abilities, LinkAction};
use tauri::{AppHandle, Manager, Runtime};
use tauri_specta::Event as _;

/// What this app can open: enrollment links only in cloud delivery mode (elsewhere they are
/// "not available here").
fn abilities<R: Runtime>(app: &AppHandle<R>) -> Abilities {
    Abilities {
        cloud_enrollment: app
            .try_state::<crate::state::AppState>()
            .is_some_and(|state| state.cloud.is_some()),
    }
}

/// A link was opened while the app runs: the UI shows what it asks for.
#[derive(Debug, Clone, serde::Serialize, specta::Type, tauri_specta::Event)]
pub struct LinkOpened {
    pub action: LinkAction,
}

/// The link waiting for the UI, until the UI says it listens.
#[derive(Default)]
pub struct LinkInbox(Mutex<Inbox>);

#[derive(Default)]
struct Inbox {
    ui_listening: bool,
    waiting: Option<LinkAction>,
}

impl LinkInbox {
    /// The UI listens from now on; the link that came before, if any.
    pub fn take_opening_link(&self) -> Option<LinkAction> {
        let mut inbox = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        inbox.ui_listening = true;
        inbox.waiting.take()
    }
}

/// The single-instance plugin: a second start focuses this app's window and hands over the
/// links among its arguments. Register it before every other plugin (it ends a second start
/// before they run).
pub fn single_instance<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, args, _cwd| {
        tracing::info!("another start of HR Link handed its arguments to this one");
        focus_main_window(app);
        open_links_in_args(app, &args);
    })
}

/// At start-up: manages the inbox, takes the links the app was started with, and on macOS
/// listens to the deep-link plugin (links never come as arguments there).
pub fn listen<R: Runtime>(app: &tauri::App<R>) {
    app.manage(LinkInbox::default());
    let args: Vec<String> = std::env::args().collect();
    open_links_in_args(app.handle(), &args);
    // The .deb and the Windows installers register the scheme; an AppImage has no installer,
    // so it registers itself with the desktop (xdg-mime), as the deep-link plugin suggests.
    #[cfg(target_os = "linux")]
    if app.env().appimage.is_some() {
        use tauri_plugin_deep_link::DeepLinkExt as _;
        if let Err(error) = app.deep_link().register_all() {
            tracing::warn!(%error, "cannot register the hrlink:// links with the desktop");
        }
    }
    #[cfg(target_os = "macos")]
    {
        use tauri_plugin_deep_link::DeepLinkExt as _;
        let handle = app.handle().clone();
        app.deep_link().on_open_url(move |event| {
            for url in event.urls() {
                open(&handle, links::route(url.as_str(), abilities(&handle)));
            }
        });
    }
}

/// Routes each link among `args` (a second start's, or this start's) to the UI.
pub fn open_links_in_args<R: Runtime>(app: &AppHandle<R>, args: &[String]) {
    for link in links::in_args(args) {
        open(app, links::route(link, abilities(app)));
    }
}

/// Hands an action to the UI: at once when it listens, else it waits in the inbox (the last
/// link wins: it is the one the admin just clicked).
fn open<R: Runtime>(app: &AppHandle<R>, action: LinkAction) {
    if let LinkAction::NotUnderstood { reason } = &action {
        // The reason, never the link: it came from outside.
        tracing::info!(reason = %reason, "a link was not understood");
    }
    let Some(inbox) = app.try_state::<LinkInbox>() else {
        return;
    };
    let mut inbox = inbox
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !inbox.ui_listening {
        inbox.waiting = Some(action);
        return;
    }
    drop(inbox);
    if let Err(error) = (LinkOpened { action }).emit(app) {
        tracing::warn!(%error, "cannot hand a link to the UI");
    }
}

/// Brings the window to the front: shown, not minimised, focused.
fn focus_main_window<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    for result in [window.unminimize(), window.show(), window.set_focus()] {
        if let Err(error) = result {
            tracing::warn!(%error, "cannot bring the window to the front");
        }
    }
}
