//! The app's state, managed once at start-up.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use hrlink_core::config::Config;
use hrlink_core::connections::{ConnectionStore, vault_problem};
use hrlink_core::delivery::{Backend, CloudDelivery, DeliveredStore, DeliveryMode};
use hrlink_core::diagnostics::{Journal, SupportCode};
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::mapping::Categories;
use hrlink_core::schedule::ScheduledCheck;
use hrlink_core::session::Session;
use hrlink_core::vault::Vault;
use hrlink_core::{Endpoints, Problem};
use hrlink_sandbox::{Sandbox, SandboxConfig};

use crate::launch::Options;

/// End-to-end tests drive the in-process Sandbox from outside (e.g. revoking a key): when this
/// is set, its endpoints file is written there.
const SANDBOX_ENDPOINTS_OUT: &str = "HRLINK_E2E_SANDBOX_ENDPOINTS";

/// Everything the commands share.
pub struct AppState {
    pub http: HttpClient,
    pub endpoints: Endpoints,
    /// The integration configuration (OAuth clients, permissions); the built-in demo one when
    /// none is given.
    pub config: Config,
    pub options: Options,
    /// Screen-share mode: on from the start with `--support`, switched by the admin in the
    /// header. Read on every answer that could carry personal data (people are masked, export
    /// refused), never cached.
    screen_share: AtomicBool,
    /// The in-process Sandbox when no endpoints were configured; kept alive with the app.
    pub demo: Option<Sandbox>,
    /// Saved connections; the keychain's problem when it cannot be used (shown, never worked
    /// around).
    connections: Result<ConnectionStore, Problem>,
    /// The wizard's staged credentials, what was learnt with them, and the tasks under way
    /// (with its own clones of the client, endpoints and configuration above).
    pub session: Session,
    /// The hand-off to the product's backend, in cloud delivery mode (`[delivery]` in
    /// `hrlink.toml`); `None` in local mode.
    pub cloud: Option<CloudDelivery>,
    /// The app's config dir (profiles, the wizard's draft); `None` when the platform has none.
    pub config_dir: Option<PathBuf>,
    /// This run's support code (shown in screen-share mode, in the diagnostics).
    pub support_code: SupportCode,
    /// What happened lately, for "Copy diagnostics" (in memory only).
    pub journal: Arc<Journal>,
    /// The log files' folder, whose last lines "Copy diagnostics" carries.
    pub log_dir: Option<PathBuf>,
}

impl AppState {
    /// Reads the configured endpoints, or starts the built-in Sandbox; loads the integration
    /// configuration (`HRLINK_CONFIG`, or `hrlink.toml` in the app's config dir).
    pub async fn start(
        options: Options,
        config_dir: Option<&Path>,
    ) -> Result<AppState, Box<dyn std::error::Error>> {
        let journal = Arc::new(Journal::default());
        let http = HttpClient::new(HttpConfig::default())?.with_journal(journal.clone());
        let (endpoints, demo) = match &options.endpoints {
            Some(path) => (Endpoints::from_file(path)?, None),
            None => {
                let sandbox = Sandbox::start(SandboxConfig::default()).await?;
                if let Some(path) = std::env::var_os(SANDBOX_ENDPOINTS_OUT) {
                    sandbox.write_endpoints_file(path)?;
                }
                let json = serde_json::to_string(sandbox.endpoints())?;
                (Endpoints::from_json(&json)?, Some(sandbox))
            }
        };
        let config = Config::load(None, config_dir)?;
        let connections = match config_dir {
            Some(dir) => Vault::open(hrlink_core::paths::APP_ID, hrlink_core::paths::build_kind())
                .map(|vault| ConnectionStore::new(dir, vault))
                .map_err(|e| vault_problem(&e)),
            None => Err(Problem::ConfigurationInvalid {
                what: "the app's config folder".to_owned(),
            }),
        };
        let cloud = cloud_delivery(&http, &config, config_dir)?;
        Ok(AppState {
            cloud,
            session: Session::new(http.clone(), endpoints.clone())
                .with_config(config.clone())
                .with_journal(journal.clone()),
            http,
            endpoints,
            config,
            screen_share: AtomicBool::new(options.support),
            options,
            demo,
            connections,
            config_dir: config_dir.map(Path::to_path_buf),
            support_code: SupportCode::generate(),
            journal,
            log_dir: hrlink_core::paths::log_dir(),
        })
    }

    /// Whether screen-share mode is on now.
    pub fn screen_share(&self) -> bool {
        self.screen_share.load(Ordering::SeqCst)
    }

    /// Switches screen-share mode, noting the switch in the diagnostics journal.
    pub fn set_screen_share(&self, on: bool) {
        self.screen_share.store(on, Ordering::SeqCst);
        self.journal.record_screen_share(on);
    }

    /// The product's categories for the mapping step: the redeemed enrollment's in cloud mode,
    /// `hrlink.toml`'s `[categories]` in local mode.
    pub fn categories(&self) -> Categories {
        match &self.cloud {
            Some(cloud) => cloud.categories(),
            None => self.config.categories.clone(),
        }
    }

    /// The daily check this app would install: the `hrlink` command beside the app, seeing
    /// the connections, addresses and configuration this app sees.
    pub fn scheduled_check(&self) -> Result<ScheduledCheck, Problem> {
        let app = std::env::current_exe().map_err(|_| Problem::ScheduleProgramMissing)?;
        let config = std::env::var_os(hrlink_core::config::CONFIG_ENV).map(PathBuf::from);
        Ok(ScheduledCheck::new(
            hrlink_core::schedule::cli_beside(&app)?,
            self.config_dir.as_deref(),
            self.options.endpoints.as_deref(),
            config.as_deref(),
        ))
    }

    /// The saved connections, or why the keychain cannot hold them.
    pub fn connections(&self) -> Result<&ConnectionStore, Problem> {
        self.connections.as_ref().map_err(Clone::clone)
    }
}

/// The hand-off to the product in cloud mode. Its keychain is opened here; a keychain that
/// cannot be used is reported when a code is redeemed, before anything is sent.
fn cloud_delivery(
    http: &HttpClient,
    config: &Config,
    config_dir: Option<&Path>,
) -> Result<Option<CloudDelivery>, Problem> {
    let (DeliveryMode::Cloud(origin), Some(dir)) = (&config.delivery, config_dir) else {
        return Ok(None);
    };
    let vault = Vault::open(hrlink_core::paths::APP_ID, hrlink_core::paths::build_kind())
        .map_err(|e| vault_problem(&e))?;
    let backend = Backend::new(http, origin.clone(), &config.product)?;
    Ok(Some(CloudDelivery::new(
        backend,
        DeliveredStore::new(dir, vault),
    )))
}
