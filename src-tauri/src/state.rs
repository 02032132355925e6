//! The app's state, managed once at start-up.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::verify::Credentials;
use hrlink_core::{Endpoints, Problem};
use hrlink_sandbox::{Sandbox, SandboxConfig};

use crate::launch::Options;

/// Staged credentials are forgotten after this long without being verified.
const STAGED_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// Everything the commands share.
pub struct AppState {
    pub http: HttpClient,
    pub endpoints: Endpoints,
    pub options: Options,
    /// The in-process Sandbox when no endpoints were configured; kept alive with the app.
    pub demo: Option<Sandbox>,
    staged: Mutex<Staged>,
}

#[derive(Default)]
struct Staged {
    next_id: u64,
    entries: HashMap<String, (Arc<Credentials>, Instant)>,
}

impl AppState {
    /// Reads the configured endpoints, or starts the built-in Sandbox.
    pub async fn start(options: Options) -> Result<AppState, Box<dyn std::error::Error>> {
        let http = HttpClient::new(HttpConfig::default())?;
        let (endpoints, demo) = match &options.endpoints {
            Some(path) => (Endpoints::from_file(path)?, None),
            None => {
                let sandbox = Sandbox::start(SandboxConfig::default()).await?;
                let json = serde_json::to_string(sandbox.endpoints())?;
                (Endpoints::from_json(&json)?, Some(sandbox))
            }
        };
        Ok(AppState {
            http,
            endpoints,
            options,
            demo,
            staged: Mutex::default(),
        })
    }

    /// Holds credentials in memory (never on disk, never back to the UI) under a fresh id.
    pub fn stage(&self, credentials: Credentials) -> String {
        let mut staged = self.lock();
        staged
            .entries
            .retain(|_, (_, at)| at.elapsed() < STAGED_LIFETIME);
        staged.next_id += 1;
        let id = format!("staged-{}", staged.next_id);
        staged
            .entries
            .insert(id.clone(), (Arc::new(credentials), Instant::now()));
        id
    }

    /// Staged credentials, kept until discarded or expired so that a failed check can be
    /// retried without typing them again. Zeroised when the last holder drops them.
    pub fn staged(&self, id: &str) -> Result<Arc<Credentials>, Problem> {
        match self.lock().entries.get(id) {
            Some((credentials, at)) if at.elapsed() < STAGED_LIFETIME => Ok(credentials.clone()),
            _ => Err(Problem::CredentialsExpired),
        }
    }

    /// Forgets staged credentials.
    pub fn discard(&self, id: &str) {
        self.lock().entries.remove(id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Staged> {
        // A panic while holding the lock cannot leave the map inconsistent: recover it.
        self.staged
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
