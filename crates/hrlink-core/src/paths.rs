//! Where HR Link keeps its files and secrets. The app and the `hrlink` CLI share these, so a
//! connection saved by one is listed, checked and re-authorised by the other.

use std::path::PathBuf;

use crate::vault::BuildKind;

/// The app id: the keychain service name (see [`crate::vault`]) and the bundle identifier.
pub const APP_ID: &str = "app.hrlink.desktop";

/// Overrides the config dir (tests, portable installs).
pub const CONFIG_DIR_ENV: &str = "HRLINK_CONFIG_DIR";

/// The config dir: `HRLINK_CONFIG_DIR`, else the platform's (`$XDG_CONFIG_HOME/hrlink` or
/// `~/.config/hrlink` on Linux, `~/Library/Application Support/hrlink` on macOS,
/// `%APPDATA%\hrlink` on Windows). `None` when the platform's base is unknown.
pub fn config_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var(CONFIG_DIR_ENV) {
        return Some(dir);
    }
    let base = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| home.join("Library/Application Support"))
    } else {
        var("XDG_CONFIG_HOME").or_else(|| var("HOME").map(|home| home.join(".config")))
    };
    base.map(|base| base.join("hrlink"))
}

/// Overrides the log folder (tests, portable installs).
pub const LOG_DIR_ENV: &str = "HRLINK_LOG_DIR";

/// The app's log folder, where Tauri apps keep theirs: `HRLINK_LOG_DIR`, else
/// `$XDG_DATA_HOME/app.hrlink.desktop/logs` (or `~/.local/share/…`) on Linux,
/// `~/Library/Logs/app.hrlink.desktop` on macOS, `%LOCALAPPDATA%\app.hrlink.desktop\logs` on
/// Windows. `None` when the platform's base is unknown.
pub fn log_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var(LOG_DIR_ENV) {
        return Some(dir);
    }
    if cfg!(windows) {
        var("LOCALAPPDATA").map(|base| base.join(APP_ID).join("logs"))
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| home.join("Library/Logs").join(APP_ID))
    } else {
        var("XDG_DATA_HOME")
            .or_else(|| var("HOME").map(|home| home.join(".local/share")))
            .map(|base| base.join(APP_ID).join("logs"))
    }
}

/// This build's kind: development builds keep their secrets apart from installed releases'.
pub fn build_kind() -> BuildKind {
    if cfg!(debug_assertions) {
        BuildKind::Development
    } else {
        BuildKind::Release
    }
}
