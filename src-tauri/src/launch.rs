//! Start-up options: command-line flags and environment.

use std::path::PathBuf;

/// How the app was started.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// `--support`: start in screen-share mode.
    pub support: bool,
    /// `--endpoints FILE` (or `HRLINK_ENDPOINTS`): use these provider addresses instead of the
    /// built-in Sandbox.
    pub endpoints: Option<PathBuf>,
}

impl Options {
    /// Reads flags; unknown ones are ignored so that platform launchers can add their own.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Options {
        let mut options = Options {
            endpoints: std::env::var_os(hrlink_core::endpoints::ENDPOINTS_ENV).map(PathBuf::from),
            ..Options::default()
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--support" => options.support = true,
                "--endpoints" => options.endpoints = args.next().map(PathBuf::from),
                _ => {}
            }
        }
        options
    }
}

/// Opens the wizard window from its configuration (`tauri.conf.json`, label `main`).
///
/// The webview is incognito so nothing the UI holds persists in webview storage. The one
/// exception is a WebDriver session (Tauri's `TAURI_WEBVIEW_AUTOMATION=true`, set for the
/// end-to-end tests): wry gives an incognito webview an ephemeral WebKit context that cannot be
/// automated, so there the window uses the regular context.
pub fn open_main_window(app: &tauri::App) -> tauri::Result<()> {
    let under_webdriver = std::env::var("TAURI_WEBVIEW_AUTOMATION").as_deref() == Ok("true");
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    // Only a development build serves the UI from the dev server.
    let dev_url = tauri::is_dev()
        .then(|| app.config().build.dev_url.clone())
        .flatten();
    let window = tauri::WebviewWindowBuilder::from_config(app.handle(), config)?
        .incognito(config.incognito && !under_webdriver)
        .on_navigation(move |url| crate::navigation::on_navigation(url, dev_url.as_ref()))
        .build()?;
    // On a screen smaller than the default size (a 1024×640 laptop), fill the screen instead of
    // hanging over its edges.
    if let Some(monitor) = window.current_monitor()? {
        let screen = monitor.size().to_logical::<f64>(monitor.scale_factor());
        if screen.width < config.width || screen.height < config.height {
            let fitted = tauri::LogicalSize::new(
                config.width.min(screen.width),
                config.height.min(screen.height),
            );
            window.set_size(fitted)?;
            window.set_position(tauri::LogicalPosition::new(0.0, 0.0))?;
        }
    }
    Ok(())
}

/// The UI's first screen is on screen and can be used (the wizard's first step, with the HR
/// systems listed, painted). Emitted once by the UI; the app listens only for benchmarks.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, specta::Type, tauri_specta::Event)]
pub struct FirstScreenShown;

/// Names the file `scripts/bench` reads the start-up time from.
pub const BENCH_READY_FILE_ENV: &str = "HRLINK_BENCH_READY_FILE";

/// For `scripts/bench`: when `HRLINK_BENCH_READY_FILE` is set, writes the wall-clock time (Unix
/// seconds with nanoseconds) at which the UI reported its first screen to that file. Nothing is
/// listened for otherwise.
pub fn report_first_screen_for_bench(app: &tauri::App) {
    use tauri_specta::Event as _;
    let Some(path) = std::env::var_os(BENCH_READY_FILE_ENV) else {
        return;
    };
    FirstScreenShown::once_any(app, move |_| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let stamp = format!("{}.{:09}\n", now.as_secs(), now.subsec_nanos());
        if let Err(error) = hrlink_core::files::write_chosen_file(path.as_ref(), stamp.as_bytes()) {
            tracing::warn!(%error, "cannot write the benchmark's ready file");
        }
    });
}

/// Names the file the end-to-end tests read the app's process id from (to `kill -9` it at each
/// wizard step and check that a restart resumes safely).
pub const E2E_PID_FILE_ENV: &str = "HRLINK_E2E_PID_FILE";

/// For the end-to-end tests: when `HRLINK_E2E_PID_FILE` is set, writes this process's id there.
pub fn write_pid_for_e2e() {
    if let Some(path) = std::env::var_os(E2E_PID_FILE_ENV)
        && let Err(error) = hrlink_core::files::write_chosen_file(
            path.as_ref(),
            std::process::id().to_string().as_bytes(),
        )
    {
        tracing::warn!(%error, "cannot write the end-to-end tests' pid file");
    }
}

/// Names a file the app logs to instead of stderr (the end-to-end tests keep it per spec file:
/// WebKitWebDriver, which starts the app there, drops the app's stderr).
pub const LOG_FILE_ENV: &str = "HRLINK_LOG_FILE";

/// Logs to stderr (or to the file `HRLINK_LOG_FILE` names, appended to, 0600) and to the log
/// files in the app's log folder (`hrlink_core::logs`: rotated, 0600 in 0700); `RUST_LOG`
/// adjusts the level of both. Both get the same events, so the same redaction: secrets never
/// reach a log line (they live in `secrecy` types and the HTTP client logs only method, path
/// and status).
pub fn init_tracing() {
    use tracing_subscriber::fmt::writer::BoxMakeWriter;
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;

    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let mut unopened = Vec::new();
    let console = match std::env::var_os(LOG_FILE_ENV).map(open_log_file) {
        Some(Ok(file)) => BoxMakeWriter::new(std::sync::Mutex::new(file)),
        Some(Err(error)) => {
            unopened.push(format!("the file {LOG_FILE_ENV} names: {error}"));
            BoxMakeWriter::new(std::io::stderr)
        }
        None => BoxMakeWriter::new(std::io::stderr),
    };
    let files = hrlink_core::paths::log_dir().and_then(|dir| match hrlink_core::logs::open(&dir) {
        Ok(files) => Some(files),
        Err(error) => {
            unopened.push(format!("the log folder: {error}"));
            None
        }
    });
    let files = files.map(|files| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(files))
    });
    // A second initialisation (tests) is harmless and ignored.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(tracing_subscriber::fmt::layer().with_writer(console))
        .with(files)
        .try_init();
    for what in unopened {
        tracing::warn!("cannot open {what}; logging without it");
    }
}

fn open_log_file(path: std::ffi::OsString) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_support_and_endpoints_flags() {
        let args = ["--support", "--endpoints", "/tmp/e.json", "--unknown"].map(String::from);
        let options = Options::from_args(args);
        assert!(options.support);
        assert_eq!(options.endpoints, Some(PathBuf::from("/tmp/e.json")));
    }
}
