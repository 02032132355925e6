//! `hrlink credential get <CONNECTION> [--json | --header]`: short-lived access to a saved
//! connection for a program on this computer (HANDOFF.md section 1; for the product's developers:
//! docs/product-integration.md). stdout carries the answer and nothing else; on failure it stays
//! empty and stderr says what happened in the catalogue's words.

use std::path::PathBuf;

use clap::Subcommand;
use hrlink_core::Problem;
use hrlink_core::config::Config;
use hrlink_core::connections::{self, Access, usage::Caller};
use hrlink_core::messages::Language;
use secrecy::ExposeSecret;

use crate::exit::Exit;
use crate::output;

/// `hrlink credential …`.
#[derive(Subcommand)]
pub enum CredentialCommand {
    /// Print short-lived access to a saved connection, for a program on this computer: a
    /// token for the HR system's API, fetched or renewed as needed (the connection's secret
    /// never leaves HR Link). Exit codes: 0 ok, 2 unknown connection or bad input, 3 the HR
    /// system refused (re-authorise in HR Link), 5 HR system unreachable, 7 keychain locked,
    /// missing or not answering.
    Get {
        /// The connection's id or label (see `hrlink connections list`).
        connection: String,
        /// Print one JSON object (the default).
        #[arg(long, conflicts_with = "header")]
        json: bool,
        /// Print one line: `Authorization: Bearer …` (`Basic …` for an API key).
        #[arg(long)]
        header: bool,
        /// Provider addresses (an endpoints file); they must be those the connection was
        /// verified against. Default: those.
        #[arg(long, env = "HRLINK_ENDPOINTS")]
        endpoints: Option<PathBuf>,
        /// The integration configuration (TOML), whose OAuth client renews browser sign-ins
        /// (default: `hrlink.toml` in the config dir, else the built-in demo for the Sandbox).
        #[arg(long, env = "HRLINK_CONFIG")]
        config: Option<PathBuf>,
    },
}

/// Runs `hrlink credential …`.
pub async fn run(
    command: CredentialCommand,
    config_dir: Option<PathBuf>,
    language: Language,
) -> Exit {
    let CredentialCommand::Get {
        connection,
        json: _,
        header,
        endpoints,
        config,
    } = command;
    match get(&connection, endpoints, config, config_dir).await {
        Ok(access) => {
            if header {
                println!("Authorization: {}", authorization(&access));
            } else {
                println!("{}", json(&access));
            }
            Exit::Ok
        }
        Err(problem) => {
            output::problem(&problem, language);
            exit_for(&problem)
        }
    }
}

async fn get(
    connection: &str,
    endpoints: Option<PathBuf>,
    config: Option<PathBuf>,
    config_dir: Option<PathBuf>,
) -> Result<Access, Problem> {
    let endpoints = endpoints
        .map(|path| hrlink_core::Endpoints::from_file(&path))
        .transpose()?;
    let config = Config::load(config.as_deref(), config_dir.as_deref())?;
    let store = crate::connections::open(config_dir)?;
    let http = crate::http_client()?;
    connections::access(
        &store,
        connection,
        &http,
        endpoints.as_ref(),
        &config,
        &Caller::parent(),
    )
    .await
}

/// The documented JSON object (HANDOFF.md section 1).
fn json(access: &Access) -> serde_json::Value {
    let expires_at = access.expires_at.and_then(|at| {
        time::OffsetDateTime::from(at)
            .replace_nanosecond(0)
            .ok()?
            .format(&time::format_description::well_known::Rfc3339)
            .ok()
    });
    serde_json::json!({
        "connection_id": access.connection_id.as_str(),
        "provider": access.provider.slug(),
        "account": {"id": access.account.id, "name": access.account.name},
        "api_base": access.api_base.as_str().trim_end_matches('/'),
        "authorization": authorization(access),
        "expires_at": expires_at,
    })
}

/// The `Authorization` header's value: `Bearer <token>`, or `Basic <base64(key:)>` for an API
/// key (HANDOFF.md names only bearer tokens; an API key has no other form).
fn authorization(access: &Access) -> String {
    format!(
        "{} {}",
        access.scheme.as_str(),
        access.access_token.expose_secret()
    )
}

/// The contract's exit codes: 0, 2, 3, 5 and 7 only.
fn exit_for(problem: &Problem) -> Exit {
    match Exit::for_problem(problem) {
        // The keychain is the only thing that fails on HR Link's side here.
        Exit::Unexpected => Exit::Keychain,
        // IRIS's API module switched off: the HR system refuses, as for a withdrawn key.
        Exit::PermissionMissing => Exit::Rejected,
        exit => exit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_documented_exit_codes_come_out() {
        let p = || "HRworks".to_owned();
        for (problem, exit) in [
            (Problem::VaultLocked, Exit::Keychain),
            (Problem::VaultTimedOut, Exit::Keychain),
            (Problem::VaultUnavailable, Exit::Keychain),
            (
                Problem::ConnectionRefused {
                    provider: p(),
                    label: "Acme".into(),
                },
                Exit::Rejected,
            ),
            (Problem::IrisApiModuleDisabled, Exit::Rejected),
            (
                Problem::ProviderUnreachable { provider: p() },
                Exit::Unreachable,
            ),
            (Problem::ConnectionNotFound { id: "x".into() }, Exit::Usage),
            (
                Problem::ConnectionEndpointChanged {
                    saved: "a".into(),
                    now: "b".into(),
                },
                Exit::Usage,
            ),
        ] {
            assert_eq!(exit_for(&problem), exit, "{problem:?}");
        }
    }
}
