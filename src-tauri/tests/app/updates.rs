//! Signed updates end to end through Tauri's updater plugin: a local update server (loopback)
//! announces HR Link 0.3.0 with a `latest.json` manifest and serves a tiny AppImage-like
//! artefact signed with a key pair made here. A signed one is verified, waits for "Restart
//! now" and replaces the app's file; a tampered one (or one signed for another version) is
//! refused with a plain-language problem and nothing is installed; without `[updates]` nothing
//! is requested.
//!
//! Why a tiny artefact: the plugin verifies any artefact the same way (minisign over its
//! bytes), and replaces the running file in place for an AppImage or a plain binary (an ELF
//! file, which is all it checks); a real AppImage needs linuxdeploy from the internet and a
//! real .deb is installed with `pkexec dpkg -i`, neither of which a test here can do.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::get;
use base64::Engine as _;
use hrlink_core::Problem;
use hrlink_core::config::Config;
use hrlink_core::updates::UpdateSettings;
use hrlink_desktop_lib::testing::{
    UpdateChecked, UpdateNews, Updates, check_for_update, install_update, start_updates,
};
use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::{App, Listener, Manager};

const INSTALLED: &[u8] = b"\x7fELF HR Link 0.1.0 (installed)";
/// The update: an ELF file (the plugin's check for an AppImage wants the magic and 52 bytes).
fn new_artefact() -> Vec<u8> {
    let mut bytes = b"\x7fELF HR Link 0.3.0 (the update)".to_vec();
    bytes.resize(64, 0);
    bytes
}

/// A key pair made for this test, in the form `tauri signer generate` prints (base64 of the
/// minisign files).
struct Signer {
    public: String,
    pair: minisign::KeyPair,
}

impl Signer {
    fn new() -> Signer {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        let public = pair.pk.to_box().unwrap().into_string();
        Signer {
            public: base64::engine::general_purpose::STANDARD.encode(public),
            pair,
        }
    }

    /// The signature the Tauri CLI writes beside an artefact, signed for `version`.
    fn sign(&self, bytes: &[u8], version: &str) -> String {
        let trusted =
            format!("timestamp:1765065600\tfile:HR-Link_amd64.AppImage\tversion:{version}");
        let signature = minisign::sign(
            Some(&self.pair.pk),
            &self.pair.sk,
            std::io::Cursor::new(bytes),
            Some(&trusted),
            Some("signature from tauri secret key"),
        )
        .unwrap();
        base64::engine::general_purpose::STANDARD.encode(signature.into_string())
    }
}

/// The update server on loopback: `latest.json` and the artefact, counting requests.
struct Server {
    address: SocketAddr,
    requests: Arc<AtomicUsize>,
}

impl Server {
    /// Announces 0.3.0 with `signature`, serving `artefact`.
    async fn start(artefact: Vec<u8>, signature: String) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let requests = Arc::new(AtomicUsize::new(0));
        let manifest = json!({
            "version": "0.3.0",
            "notes": "Signed updates",
            "pub_date": "2026-12-07T09:00:00Z",
            "platforms": {
                "linux-x86_64": {
                    "url": format!("http://{address}/HR-Link_0.3.0_amd64.AppImage"),
                    "signature": signature,
                }
            }
        });
        let (counted, served) = (requests.clone(), requests.clone());
        let router = Router::new()
            .route(
                "/latest.json",
                get(move || {
                    counted.fetch_add(1, Ordering::SeqCst);
                    let manifest = manifest.clone();
                    async move { axum::Json(manifest) }
                }),
            )
            .route(
                "/HR-Link_0.3.0_amd64.AppImage",
                get(move || {
                    served.fetch_add(1, Ordering::SeqCst);
                    let artefact = artefact.clone();
                    async move { artefact }
                }),
            );
        tokio::spawn(async move { axum::serve(listener, router).await });
        Server { address, requests }
    }

    fn settings(&self, signer: &Signer) -> UpdateSettings {
        let toml = format!(
            "product = \"Acme Rostering\"\n[updates]\nendpoint = \"http://{}/latest.json\"\n\
             pubkey = \"{}\"\n",
            self.address, signer.public
        );
        Config::from_toml(&toml, "hrlink.toml", Path::new("."))
            .unwrap()
            .updates
            .expect("[updates] read")
    }
}

/// A mock app (version 0.1.0) with the updater plugin configured as `tauri.conf.json` does.
fn app() -> (App<MockRuntime>, Arc<Mutex<Vec<Value>>>) {
    let mut context = mock_context(noop_assets());
    let conf: Value = serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
    context
        .config_mut()
        .plugins
        .0
        .insert("updater".into(), conf["plugins"]["updater"].clone());
    let app = mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context)
        .expect("a mock app");
    tauri_specta::Builder::<MockRuntime>::new()
        .events(tauri_specta::collect_events![UpdateChecked])
        .mount_events(&app);
    let events = Arc::new(Mutex::new(Vec::new()));
    let record = events.clone();
    app.listen_any("update-checked", move |event| {
        record
            .lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    (app, events)
}

/// The file an update replaces, as the app's own would be.
fn installed_app(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("hrlink-desktop");
    std::fs::write(&path, INSTALLED).unwrap();
    path
}

/// The server announcing a correctly signed 0.3.0: its key, the artefact and the server.
async fn signed_update() -> (Signer, Vec<u8>, Server) {
    let signer = Signer::new();
    let new = new_artefact();
    let server = Server::start(new.clone(), signer.sign(&new, "0.3.0")).await;
    (signer, new, server)
}

#[tokio::test]
async fn a_signed_update_waits_for_restart_now_then_replaces_the_app() {
    let (signer, new, server) = signed_update().await;
    let (app, _) = app();
    app.manage(Updates::default());
    let dir = tempfile::tempdir().unwrap();
    let installed = installed_app(&dir);

    let news = check_for_update(app.handle(), &server.settings(&signer), Some(&installed)).await;
    let ready = UpdateNews::Ready {
        version: "0.3.0".into(),
    };
    assert_eq!(news, Some(ready.clone()));
    assert_eq!(
        app.state::<Updates>().news(),
        Some(ready),
        "kept for the UI"
    );
    assert_eq!(
        server.requests.load(Ordering::SeqCst),
        2,
        "manifest and artefact"
    );
    assert_eq!(std::fs::read(&installed).unwrap(), INSTALLED, "asked first");

    assert_eq!(
        install_update(app.handle(), true),
        Err(Problem::UpdateWaitsForWizard)
    );
    assert_eq!(std::fs::read(&installed).unwrap(), INSTALLED, "not mid-way");

    assert_eq!(install_update(app.handle(), false), Ok(true));
    assert_eq!(
        std::fs::read(&installed).unwrap(),
        new,
        "the update is in place"
    );
    assert_eq!(app.state::<Updates>().news(), None);
    assert_eq!(
        install_update(app.handle(), false),
        Ok(false),
        "installed once"
    );
}

#[tokio::test]
async fn a_tampered_update_is_refused_and_nothing_is_installed() {
    let signer = Signer::new();
    let new = new_artefact();
    let mut tampered = new.clone();
    tampered[10] ^= 1;
    for (artefact, signature) in [
        // One byte changed after signing.
        (tampered, signer.sign(&new, "0.3.0")),
        // A genuine artefact of 0.2.0 announced as 0.3.0 (a downgrade in disguise).
        (new.clone(), signer.sign(&new, "0.2.0")),
        // Signed with another key.
        (new.clone(), Signer::new().sign(&new, "0.3.0")),
    ] {
        let server = Server::start(artefact, signature).await;
        let (app, _) = app();
        app.manage(Updates::default());
        let dir = tempfile::tempdir().unwrap();
        let installed = installed_app(&dir);

        let news =
            check_for_update(app.handle(), &server.settings(&signer), Some(&installed)).await;
        let refused = UpdateNews::Refused {
            problem: Problem::UpdateNotVerified {
                version: "0.3.0".into(),
            },
        };
        assert_eq!(news, Some(refused));
        assert_eq!(
            install_update(app.handle(), false),
            Ok(false),
            "nothing kept"
        );
        assert_eq!(std::fs::read(&installed).unwrap(), INSTALLED);
        let message = hrlink_core::messages::render(
            &Problem::UpdateNotVerified {
                version: "0.3.0".into(),
            },
            hrlink_core::messages::Language::En,
        );
        assert!(
            message.message.contains("Nothing was installed"),
            "{message:?}"
        );
    }
}

#[tokio::test]
async fn the_check_at_start_up_tells_the_ui() {
    let (signer, _, server) = signed_update().await;
    let (app, events) = app();
    start_updates(app.handle(), Some(server.settings(&signer)));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while events.lock().unwrap().is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        events.lock().unwrap().as_slice(),
        [json!({"news": {"kind": "ready", "version": "0.3.0"}})]
    );
}

#[tokio::test]
async fn without_updates_in_the_configuration_nothing_is_requested() {
    let (_, _, server) = signed_update().await;
    let (app, events) = app();
    let config = Config::from_toml(
        "product = \"Acme Rostering\"\n",
        "hrlink.toml",
        Path::new("."),
    )
    .unwrap();
    assert_eq!(config.updates, None);
    assert_eq!(
        Config::demo().updates,
        None,
        "the demo never looks for updates"
    );
    // No task is started at all, so there is nothing to wait for.
    start_updates(app.handle(), config.updates);
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
    assert!(events.lock().unwrap().is_empty());
    assert_eq!(app.state::<Updates>().news(), None);
}
