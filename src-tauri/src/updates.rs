//! The app's own updates: `hrlink_core::updates` decides (the endpoint and key from
//! `hrlink.toml`, when one may be installed, what the admin is told); Tauri's updater plugin
//! fetches the manifest, downloads, verifies the minisign signature and installs.
//!
//! At start-up, and only when `hrlink.toml` has `[updates]`: the manifest is read, the update it
//! announces downloaded and verified, and a verified update kept here until the admin chooses
//! "Restart now" (`install_update`). The UI hears of it once as [`UpdateChecked`], or asks with
//! `pending_update` (it may mount after the check).

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use hrlink_core::Problem;
use hrlink_core::updates::{self, UpdateFailure, UpdateSettings};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Error as UpdaterError, Update, UpdaterExt as _};
use tauri_specta::Event as _;

/// What the check found that the admin should hear of.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UpdateNews {
    /// A verified update waits for "Restart now".
    Ready { version: String },
    /// An update was downloaded and thrown away (its signature did not verify).
    Refused { problem: Problem },
}

/// The check at start-up found something: the UI shows it.
#[derive(Debug, Clone, serde::Serialize, specta::Type, tauri_specta::Event)]
pub struct UpdateChecked {
    pub news: UpdateNews,
}

/// The check's news, and the verified update waiting to be installed.
#[derive(Default)]
pub struct Updates(Mutex<Slot>);

#[derive(Default)]
struct Slot {
    news: Option<UpdateNews>,
    ready: Option<(Update, Vec<u8>)>,
}

impl Updates {
    fn slot(&self) -> MutexGuard<'_, Slot> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the check found, if anything (until an update is installed).
    pub fn news(&self) -> Option<UpdateNews> {
        self.slot().news.clone()
    }
}

/// At start-up: manages [`Updates`]; with `settings`, checks in the background and tells the UI.
/// Without (the demo, or no `[updates]`), nothing is requested from anywhere.
pub fn start<R: Runtime>(app: &AppHandle<R>, settings: Option<UpdateSettings>) {
    app.manage(Updates::default());
    let Some(settings) = settings else {
        tracing::debug!("no [updates] in the configuration: no update check");
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        if let Some(news) = check(&app, &settings, None).await
            && let Err(error) = (UpdateChecked { news }).emit(&app)
        {
            tracing::warn!(%error, "cannot tell the UI about the update");
        }
    });
}

/// Reads the manifest, downloads and verifies what it announces, keeps a verified update and
/// answers what the admin should hear of. `executable`: the file an update replaces where it
/// is not a package (default: the running app or its AppImage).
pub async fn check<R: Runtime>(
    app: &AppHandle<R>,
    settings: &UpdateSettings,
    executable: Option<&Path>,
) -> Option<UpdateNews> {
    let news = match download(app, settings, executable).await {
        Ok(None) => None,
        Ok(Some((update, bytes))) => {
            tracing::info!(version = %update.version, "a verified update is ready");
            let version = update.version.clone();
            app.state::<Updates>().slot().ready = Some((update, bytes));
            Some(UpdateNews::Ready { version })
        }
        Err((failure, version)) => {
            tracing::warn!(?failure, %version, "no update");
            failure.tell_admin().then(|| UpdateNews::Refused {
                problem: failure.problem(&version),
            })
        }
    };
    app.state::<Updates>().slot().news = news.clone();
    news
}

/// The verified update and its bytes, `None` when there is none; else why not, with the
/// version announced (empty before the manifest was read).
async fn download<R: Runtime>(
    app: &AppHandle<R>,
    settings: &UpdateSettings,
    executable: Option<&Path>,
) -> Result<Option<(Update, Vec<u8>)>, (UpdateFailure, String)> {
    let before_manifest = |error: UpdaterError| (failure(&error), String::new());
    let mut builder = app
        .updater_builder()
        .pubkey(&settings.pubkey)
        .endpoints(vec![settings.endpoint.clone()])
        .map_err(before_manifest)?;
    if let Some(executable) = executable {
        builder = builder.executable_path(executable);
    }
    let updater = builder.build().map_err(before_manifest)?;
    let Some(update) = updater.check().await.map_err(before_manifest)? else {
        return Ok(None);
    };
    let version = update.version.clone();
    updates::check_download(&update.download_url)
        .map_err(|_| (UpdateFailure::Unreachable, version.clone()))?;
    // `download` verifies the signature (and the version it was signed for) before answering.
    let bytes = update
        .download(|_, _| {}, || {})
        .await
        .map_err(|error| (failure(&error), version))?;
    Ok(Some((update, bytes)))
}

/// Installs the verified update unless a wizard is mid-way; `false` when none is waiting. The
/// caller restarts the app after `true`.
pub fn install<R: Runtime>(app: &AppHandle<R>, wizard_mid_way: bool) -> Result<bool, Problem> {
    updates::may_install(wizard_mid_way)?;
    let updates = app.state::<Updates>();
    let Some((update, bytes)) = updates.slot().ready.take() else {
        return Ok(false);
    };
    // `install` verifies the bytes again before it touches anything.
    update.install(&bytes).map_err(|error| {
        tracing::warn!(%error, version = %update.version, "the update was not installed");
        failure(&error).problem(&update.version)
    })?;
    updates.slot().news = None;
    tracing::info!(version = %update.version, "update installed; restarting");
    Ok(true)
}

/// How the updater's errors reach the admin.
fn failure(error: &UpdaterError) -> UpdateFailure {
    match error {
        UpdaterError::Minisign(_)
        | UpdaterError::Base64(_)
        | UpdaterError::SignatureUtf8(_)
        | UpdaterError::SignedVersionMismatch { .. }
        | UpdaterError::MissingSignedVersion => UpdateFailure::NotVerified,
        UpdaterError::Reqwest(_)
        | UpdaterError::Network(_)
        | UpdaterError::ReleaseNotFound
        | UpdaterError::Serialization(_)
        | UpdaterError::Semver(_)
        | UpdaterError::TargetNotFound(_)
        | UpdaterError::TargetsNotFound(_)
        | UpdaterError::InsecureTransportProtocol => UpdateFailure::Unreachable,
        _ => UpdateFailure::NotInstalled,
    }
}
