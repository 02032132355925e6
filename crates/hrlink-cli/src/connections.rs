//! `hrlink verify … --save LABEL` and `hrlink connections list|check|remove`.

use std::path::PathBuf;

use hrlink_core::config::Config;
use std::collections::HashMap;

use hrlink_core::connections::{
    ConnectionId, ConnectionStatus, ConnectionStore, CorruptProfile, LastUse, Profile, alert_for,
    usage, vault_problem,
};
use hrlink_core::delivery::{
    Backend, CloudDelivery, ConnectionHealth, DeliveredProfile, DeliveredStore, DeliveryMode,
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
) -> Result<(), Problem> {
    let saved = session.save(staged, &open(config_dir)?, label).await?;
    eprintln!("Saved as connection {}.", saved.profile.id);
    Ok(())
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
        ConnectionsCommand::List { json } => match (store.list(), delivered(&store)) {
            (Ok((profiles, corrupt)), Ok(delivered)) => {
                report_corrupt(&corrupt);
                let listed: Vec<_> = profiles.into_iter().map(|p| (p, None)).collect();
                let delivered: Vec<_> = delivered.into_iter().map(|d| (d, None)).collect();
                print(&listed, &delivered, &usage::last_uses(store.dir()), json);
                Exit::Ok
            }
            (Err(problem), _) | (_, Err(problem)) => fail(&problem, language),
        },
        ConnectionsCommand::Check {
            id,
            endpoints,
            config,
            json,
            notify,
            wait_for_click,
        } => {
            let config = match Config::load(config.as_deref(), config_dir.as_deref()) {
                Ok(config) => config,
                Err(problem) => return fail(&problem, language),
            };
            let options = CheckOptions {
                json,
                notify,
                wait_for_click,
                language,
            };
            check(&store, id.as_deref(), endpoints, &config, options).await
        }
        ConnectionsCommand::Show { id, json } => {
            let profile = ConnectionId::parse(&id)
                .ok_or(Problem::ConnectionNotFound { id })
                .and_then(|id| store.profile(&id));
            match profile {
                Ok(profile) => {
                    show(&profile, json);
                    Exit::Ok
                }
                Err(problem) => fail(&problem, language),
            }
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

/// `connections show`: the profile as JSON, or its label, account and mapping in lines.
fn show(profile: &Profile, json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(profile).unwrap_or_default()
        );
        return;
    }
    println!("{} ({})", printable(&profile.label), profile.id);
    println!(
        "{}: {}",
        profile.provider.display_name(),
        printable(&profile.account.name)
    );
    let Some(mapping) = &profile.mapping else {
        println!("No category mapping.");
        return;
    };
    for kind in hrlink_core::mapping::CategoryKind::ALL {
        for (hr, product) in mapping.of(kind) {
            println!(
                "{}: {} -> {}",
                kind.key(),
                printable(hr),
                printable(product)
            );
        }
    }
    if let Some(role) = &mapping.default_role {
        println!("Default role: {}", printable(role));
    }
}

/// How `connections check` reports: JSON or text, with notifications or without.
struct CheckOptions {
    json: bool,
    notify: bool,
    /// Wait for a click on the notifications (the daily job), not end at once.
    wait_for_click: bool,
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
        wait_for_click,
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
                if outcome.newly_bound {
                    eprintln!(
                        "Note: connection {id} was saved before HR Link recorded where a \
                         connection may be used; it is now bound to the addresses it was \
                         checked at. To use it elsewhere, re-authorise it there in HR Link."
                    );
                }
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
    let delivered = match check_delivered(store, id, &http, config).await {
        Ok(delivered) => delivered,
        Err(problem) => return fail(&problem, language),
    };
    for (_, health) in &delivered {
        if let Some(Err(problem)) = health {
            output::problem(problem, language);
            if exit == Exit::Ok {
                exit = Exit::for_problem(problem);
            }
        }
    }
    print(&checked, &delivered, &usage::last_uses(store.dir()), json);
    crate::notify::tell(store, alerts, wait_for_click).await;
    exit
}

/// The connections delivered to a product's backend from here (HANDOFF.md §2.4).
fn delivered(store: &ConnectionStore) -> Result<Vec<DeliveredProfile>, Problem> {
    let vault = Vault::open(paths::APP_ID, paths::build_kind()).map_err(|e| vault_problem(&e))?;
    DeliveredStore::new(store.dir(), vault).list()
}

/// The delivered connections (all, or the one `id` names) with the product's status (§2.5),
/// asked only in cloud delivery mode, of the configured product.
async fn check_delivered(
    store: &ConnectionStore,
    id: Option<&str>,
    http: &HttpClient,
    config: &Config,
) -> Result<Vec<(DeliveredProfile, Option<Result<ConnectionHealth, Problem>>)>, Problem> {
    let profiles = delivered(store)?
        .into_iter()
        .filter(|p| id.is_none_or(|id| id == p.connection_id));
    let DeliveryMode::Cloud(origin) = &config.delivery else {
        return Ok(profiles.map(|p| (p, None)).collect());
    };
    let backend = Backend::new(http, origin.clone(), &config.product)?;
    let vault = Vault::open(paths::APP_ID, paths::build_kind()).map_err(|e| vault_problem(&e))?;
    let cloud = CloudDelivery::new(backend, DeliveredStore::new(store.dir(), vault));
    let mut checked = Vec::new();
    for profile in profiles {
        // A connection delivered to another origin is not the configured product's to answer.
        let health = if profile.origin == origin.as_str() {
            Some(cloud.status(&profile.connection_id).await)
        } else {
            None
        };
        checked.push((profile, health));
    }
    Ok(checked)
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
    delivered: &[(DeliveredProfile, Option<Result<ConnectionHealth, Problem>>)],
    last_uses: &HashMap<ConnectionId, LastUse>,
    json: bool,
) {
    if json {
        let mut list: Vec<_> = profiles
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
        list.extend(
            delivered
                .iter()
                .map(|(d, health)| delivered_json(d, health.as_ref())),
        );
        println!("{}", serde_json::Value::Array(list));
        return;
    }
    if profiles.is_empty() && delivered.is_empty() {
        println!("No saved connections.");
    }
    for (d, health) in delivered {
        println!(
            "{:<28} delivered to {} for {}  {} {} ({})  {}",
            printable(&d.connection_id),
            printable(&d.product),
            printable(&d.tenant.name),
            d.provider.slug(),
            printable(&d.account.name),
            printable(&d.account.id),
            status_word(health.as_ref())
        );
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

/// A delivered connection in `--json`: `"delivered"` says where it went; `status` is the
/// product's (§2.5) once asked, `status_problem` the problem code when it could not be.
fn delivered_json(
    d: &DeliveredProfile,
    health: Option<&Result<ConnectionHealth, Problem>>,
) -> serde_json::Value {
    let (status, since, detail, problem) = match health {
        Some(Ok(h)) => (
            Some(h.status),
            Some(h.since.as_str()),
            h.detail.as_deref(),
            None,
        ),
        Some(Err(problem)) => (None, None, None, Some(problem.code())),
        None => (None, None, None, None),
    };
    serde_json::json!({
        "id": d.connection_id,
        "provider": d.provider.slug(),
        "account": {"id": d.account.id, "name": d.account.name},
        "delivered": {
            "product": d.product,
            "origin": d.origin,
            "tenant": d.tenant,
            "at": d.delivered_at,
        },
        "status": status,
        "since": since,
        "detail": detail,
        "status_problem": problem,
    })
}

/// The product's status of a delivered connection in one word, for the text listing.
fn status_word(health: Option<&Result<ConnectionHealth, Problem>>) -> String {
    match health {
        Some(Ok(h)) => serde_json::to_value(h.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        Some(Err(problem)) => problem.code().to_owned(),
        None => "not checked".to_owned(),
    }
}
