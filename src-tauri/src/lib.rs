//! HR Link's desktop app: thin glue between the React UI and `hrlink-core`.
//!
//! Commands convert input, call the core and convert output; every command and event is listed
//! once in [`ipc::specta_builder`], which also exports the TypeScript bindings.

mod commands;
mod ipc;
mod launch;
mod links;
mod navigation;
mod state;
mod updates;

pub use ipc::specta_builder;

/// The commands and their state, reachable without a webview: for this crate's integration
/// tests (`tests/app/commands.rs`), which call the real commands against the in-process Sandbox.
/// Not an API.
#[doc(hidden)]
pub mod testing {
    pub use crate::commands::{
        app, connections, credentials, delivery, guide, links, people, schedule, sign_in, updates,
        verify, wizard,
    };
    pub use crate::launch::Options;
    pub use crate::links::{LinkInbox, LinkOpened, open_links_in_args};
    pub use crate::state::AppState;
    pub use crate::updates::{
        UpdateChecked, UpdateNews, Updates, check as check_for_update, install as install_update,
        start as start_updates,
    };
}

/// Starts the app.
pub fn run() {
    launch::init_tracing();
    // A start that hands over to a running instance (below) ends without another line.
    tracing::info!(
        pid = std::process::id(),
        version = env!("CARGO_PKG_VERSION"),
        "HR Link starting"
    );
    launch::write_pid_for_e2e();
    let options = launch::Options::from_args(std::env::args().skip(1));
    let builder = ipc::specta_builder();
    let result = tauri::Builder::default()
        // First: a second start hands over its arguments and ends before anything else runs.
        .plugin(links::single_instance())
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_dialog::init())
        // Its key and endpoint come from hrlink.toml (`updates::start`), not tauri.conf.json.
        .plugin(tauri_plugin_updater::Builder::new().build())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            launch::report_first_screen_for_bench(app);
            // The window first: WebKit starts its web process and loads the page while the state
            // below starts. No command can run before it is managed: `setup` runs inside the
            // event loop's first event, and the page's requests wait on that loop.
            launch::open_main_window(app)?;
            tracing::debug!("window opened");
            // The CLI's folder too, so both see the same saved connections.
            let config_dir = hrlink_core::paths::config_dir();
            let start = state::AppState::start(options, config_dir.as_deref());
            let state = tauri::async_runtime::block_on(start)?;
            updates::start(app.handle(), state.config.updates.clone());
            tauri::Manager::manage(app, state);
            links::listen(app);
            tracing::debug!("started");
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!(%error, "HR Link stopped");
        std::process::exit(1);
    }
}
