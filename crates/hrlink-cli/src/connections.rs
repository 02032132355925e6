//! `hrlink verify … --save LABEL` and `hrlink connections list|check|remove`.

use std::path::PathBuf;

use hrlink_core::config::Config;
use std::collections::HashMap;

use hrlink_core::connections::{
    ConnectionId, ConnectionStatus, ConnectionStore, CorruptProfile, LastUse, Profile, alert_for,
    usage, vault_problem,
};
use hrlink_core::http::HttpClient;
use hrlink_core::messages::Language;
use hrlink_core::paths;
use hrlink_core::printable::printable;
use hrlink_core::session::Session;
use hrlink_core::vault::Vault;
use hrlink_core::verify::Credentials;
use hrlink_core::{Endpoints, Problem};

use crate::ConnectionsCommand;
use crate::exit::Exit;
use crate::output;

/// The store the desktop app uses too (same config dir and keychain service).
pub(crate) fn open(config_dir: Option<PathBuf>) -> Result<ConnectionStore, Problem> {
    let dir = config_dir.ok_or_else(|| Problem::ConfigurationInvalid {
        what: "no config dir (--config-dir or HRLINK_CONFIG_DIR)".to_owned(),
    })?;
    let vault = Vault::open(paths::APP_ID, paths::build_kind()).map_err(|e| vault_problem(&e))?;
    Ok(ConnectionStore::new(dir, vault))
}

fn fail(problem: &Problem, language: Language) -> Exit {
    output::problem(problem, language);
    Exit::for_problem(problem)
}

/// The credentials of saved connection `id`; a browser sign-in is renewed with the
/// integration configuration's OAuth client (the rotated token is stored).
pub async fn load_credentials(
    config_dir: Option<PathBuf>,
    id: &str,
    http: &HttpClient,
    endpoints: &Endpoints,
    config: &Config,
) -> Result<Credentials, Problem> {
    let store = open(config_dir)?;
    let id =
        ConnectionId::parse(id).ok_or_else(|| Problem::ConnectionNotFound { id: id.to_owned() })?;
    store.load_credentials(&id, http, endpoints, config).await
}

/// Saves the connection verified in `session` under `staged`; prints its id.
pub async fn save(
    config_dir: Option<PathBuf>,
    session: &Session,
    staged: &str,
    label: &str,
    language: Language,
) -> Exit {
    let store = match open(config_dir) {
        Ok(store) => store,
        Err(problem) => return fail(&problem, language),
    };
    match session.save(staged, &store, label).await {
        Ok(saved) => {
            eprintln!("Saved as connection {}.", saved.profile.id);
            Exit::Ok
        }
        Err(problem) => fail(&problem, language),
    }
}

/// Runs `hrlink connections …`.
pub async fn run(
    command: ConnectionsCommand,
    config_dir: Option<PathBuf>,
    language: Language,
) -> Exit {
    let store = match open(config_dir.clone()) {
        Ok(store) => store,
        Err(problem) => return fail(&problem, language),
    };
    match command {
        ConnectionsCommand::List { json } => match store.list() {
            Ok((profiles, corrupt)) => {
                report_corrupt(&corrupt);
                let listed: Vec<_> = profiles.into_iter().map(|p| (p, None)).collect();
                print(&listed, &usage::last_uses(store.dir()), json);
                Exit::Ok
            }
            Err(problem) => fail(&problem, language),
        },
        ConnectionsCommand::Check {
            id,
            endpoints,
            config,
            json,
            notify,
        } => {
            let config = match Config::load(config.as_deref(), config_dir.as_deref()) {
                Ok(config) => config,
                Err(problem) => return fail(&problem, language),
            };
            let options = CheckOptions {
                json,
                notify,
                language,
            };
            check(&store, id.as_deref(), endpoints, &config, options).await
        }
        ConnectionsCommand::Remove { id, json } => {
            let Some(id) = ConnectionId::parse(&id) else {
                return fail(&Problem::ConnectionNotFound { id }, language);
            };
            match store.remove(&id).await {
                Ok(()) => {
                    if json {
                        println!("{}", serde_json::json!({"removed": id.as_str()}));
                    } else {
                        println!("Removed connection {id}.");
                    }
                    Exit::Ok
                }
                Err(problem) => fail(&problem, language),
            }
        }
    }
}

/// How `connections check` reports: JSON or text, with notifications or without.
struct CheckOptions {
    json: bool,
    notify: bool,
    language: Language,
}

async fn check(
    store: &ConnectionStore,
    id: Option<&str>,
    endpoints: Option<PathBuf>,
    config: &Config,
    options: CheckOptions,
) -> Exit {
    let CheckOptions {
        json,
        notify,
        language,
    } = options;
    let endpoints = match crate::endpoints_from(endpoints.as_deref()) {
        Ok(endpoints) => endpoints,
        Err(problem) => return fail(&problem, language),
    };
    let http = match crate::http_client() {
        Ok(http) => http,
        Err(problem) => return fail(&problem, language),
    };
    let ids: Vec<ConnectionId> = match id {
        Some(id) => match ConnectionId::parse(id) {
            Some(id) => vec![id],
            None => {
                return fail(&Problem::ConnectionNotFound { id: id.to_owned() }, language);
            }
        },
        None => match store.list() {
            Ok((profiles, corrupt)) => {
                report_corrupt(&corrupt);
                profiles.into_iter().map(|p| p.id).collect()
            }
            Err(problem) => return fail(&problem, language),
        },
    };
    let mut checked = Vec::new();
    let mut alerts = Vec::new();
    let mut exit = Exit::Ok;
    for id in ids {
        match store.check(&id, &http, &endpoints, config).await {
            Ok(outcome) => {
                if notify {
                    alerts.extend(alert_for(&outcome, language));
                }
                if exit == Exit::Ok && outcome.status != ConnectionStatus::Connected {
                    exit = exit_for(outcome.status);
                }
                let warnings = outcome
                    .report
                    .map(|report| {
                        if !json {
                            // What failed, then what deserves a look (far more granted than
                            // chosen).
                            for problem in
                                report.problems.first().into_iter().chain(&report.warnings)
                            {
                                output::problem(problem, language);
                            }
                        }
                        report.warnings
                    })
                    .unwrap_or_default();
                checked.push((outcome.profile, Some(warnings)));
            }
            Err(problem) => {
                output::problem(&problem, language);
                if exit == Exit::Ok {
                    exit = Exit::for_problem(&problem);
                }
            }
        }
    }
    print(&checked, &usage::last_uses(store.dir()), json);
    crate::notify::tell(store, alerts).await;
    exit
}

fn exit_for(status: ConnectionStatus) -> Exit {
    match status {
        ConnectionStatus::Connected => Exit::Ok,
        ConnectionStatus::FailedAuth => Exit::Rejected,
        ConnectionStatus::MissingPermission => Exit::PermissionMissing,
        ConnectionStatus::Unreachable => Exit::Unreachable,
        ConnectionStatus::VaultLocked => Exit::Unexpected,
    }
}

fn report_corrupt(corrupt: &[CorruptProfile]) {
    for c in corrupt {
        eprintln!(
            "hrlink: the connection profile {} is unreadable; it was set aside as {}",
            c.file_name,
            c.set_aside_as.display()
        );
    }
}

/// Prints connections with their last use; after a check, with the warnings it found (`None`
/// when not checked).
fn print(
    profiles: &[(Profile, Option<Vec<Problem>>)],
    last_uses: &HashMap<ConnectionId, LastUse>,
    json: bool,
) {
    if json {
        let list: Vec<_> = profiles
            .iter()
            .map(|(p, warnings)| {
                let mut value = serde_json::json!({
                    "id": p.id.as_str(),
                    "label": p.label,
                    "provider": p.provider.slug(),
                    "account": {"id": p.account.id, "name": p.account.name},
                    "status": p.last_status.code(),
                    "chosen_permissions": p.chosen_permissions,
                    "last_used": last_uses.get(&p.id).map(|used| serde_json::json!({
                        "at": rfc3339(used.at),
                        "by": used.by,
                    })),
                });
                if let Some(warnings) = warnings {
                    let codes: Vec<_> = warnings.iter().map(Problem::code).collect();
                    value["warnings"] = serde_json::json!(codes);
                }
                value
            })
            .collect();
        println!("{}", serde_json::Value::Array(list));
        return;
    }
    if profiles.is_empty() {
        println!("No saved connections.");
    }
    for (p, _) in profiles {
        println!(
            "{:<28} {:<20} {:<16} {} ({})  {}",
            p.id.as_str(),
            printable(&p.label),
            p.provider.slug(),
            printable(&p.account.name),
            printable(&p.account.id),
            p.last_status.code()
        );
    }
}

/// Unix seconds as RFC 3339 (UTC), as `credential get` writes times.
fn rfc3339(at: u32) -> Option<String> {
    time::OffsetDateTime::from_unix_timestamp(i64::from(at))
        .ok()?
        .format(&time::format_description::well_known::Rfc3339)
        .ok()
}
