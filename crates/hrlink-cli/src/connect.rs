//! `hrlink connect <provider> --code CODE`: redeem the product's code, verify, deliver
//! (HANDOFF.md §2), for MSPs and support; in local delivery mode, verify and save as
//! `verify --save` does. Exit codes as the other commands, plus 6 (the product refused or the
//! code cannot be used) and 7 (keychain).

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use hrlink_core::config::Config;
use hrlink_core::connections::vault_problem;
use hrlink_core::delivery::{self, Backend, CloudDelivery, DeliveredStore, DeliveryMode, Origin};
use hrlink_core::messages::Language;
use hrlink_core::oauth::SignInOptions;
use hrlink_core::paths;
use hrlink_core::providers::CredentialKind;
use hrlink_core::session::Session;
use hrlink_core::vault::Vault;
use hrlink_core::verify::{self, Credentials};
use hrlink_core::{Problem, ProviderId};

use crate::exit::Exit;
use crate::{AccessArgs, output};

/// `hrlink connect`'s arguments.
#[derive(Args)]
pub struct ConnectArgs {
    /// The HR system (see `hrlink providers`).
    #[arg(value_parser = crate::parse_provider)]
    provider: ProviderId,
    /// The code the product showed (`HRL-XXXX-XXXX`; spaces, small letters and a missing
    /// `HRL-` are fine). Needed in cloud delivery mode.
    #[arg(long)]
    code: Option<String>,
    #[command(flatten)]
    access: AccessArgs,
    /// Print the outcome as JSON.
    #[arg(long)]
    json: bool,
    /// The category mapping to hand over with the connection: a JSON file in the hand-off's
    /// shape (`{"locations": {"<HR id>": "<product id>"}, …, "default_role": …}`, - for
    /// standard input), or `suggested` (exact suggestions only, with the product's default
    /// role; see `hrlink mapping suggest`). Needs the product's categories (the enrollment's, or
    /// `[categories]` in local mode).
    #[arg(long, value_name = "FILE|suggested")]
    mapping: Option<String>,
    /// Local delivery mode: the label to save the connection under (default: the HR system's
    /// name and the account's).
    #[arg(long)]
    label: Option<String>,
}

/// Runs `hrlink connect`.
pub async fn run(args: ConnectArgs, language: Language, config_dir: Option<PathBuf>) -> Exit {
    let config = match Config::load(args.access.sign_in.config.as_deref(), config_dir.as_deref()) {
        Ok(config) => config,
        Err(problem) => return fail(&problem, language),
    };
    match config.delivery.clone() {
        DeliveryMode::Local => connect_locally(&args, &config, language, config_dir).await,
        DeliveryMode::Cloud(origin) => {
            let started = Instant::now();
            let outcome = deliver(&args, &config, origin, language, config_dir).await;
            tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "connect");
            outcome.unwrap_or_else(|problem| fail(&problem, language))
        }
    }
}

fn fail(problem: &Problem, language: Language) -> Exit {
    output::problem(problem, language);
    match problem {
        Problem::VaultLocked | Problem::VaultUnavailable | Problem::VaultTimedOut => Exit::Keychain,
        _ => Exit::for_problem(problem),
    }
}

/// Local mode: what `verify --save` does, with the mapping chosen as the app's step keeps it.
async fn connect_locally(
    args: &ConnectArgs,
    config: &Config,
    language: Language,
    config_dir: Option<PathBuf>,
) -> Exit {
    let (http, endpoints, credentials, _) =
        match crate::prepare(args.provider, &args.access, None, language).await {
            Ok(prepared) => prepared,
            Err(problem) => return fail(&problem, language),
        };
    let session = Session::new(http, endpoints);
    let staged = session.hand_over(credentials).id;
    let report = match session.verify(&staged, None, None, &|_| {}).await {
        Ok(report) => report,
        Err(problem) => return fail(&problem, language),
    };
    output::report(&report, args.json, language);
    if !report.ok {
        return Exit::for_report(&report);
    }
    // Chosen before saving: a wrong mapping file should not leave a connection without it.
    if let Some(choice) = &args.mapping {
        let chosen = crate::mapping::choose(&session, &staged, choice, &config.categories);
        if let Err(problem) = chosen.await {
            return fail(&problem, language);
        }
    }
    let label = args.label.clone().unwrap_or_else(|| default_label(&report));
    match crate::connections::save(config_dir, &session, &staged, &label).await {
        Ok(()) => Exit::Ok,
        Err(problem) => fail(&problem, language),
    }
}

fn default_label(report: &verify::VerificationReport) -> String {
    let provider = report.provider.display_name();
    match &report.account {
        Some(account) if !account.name.is_empty() => format!("{provider} ({})", account.name),
        _ => provider.to_owned(),
    }
}

/// Cloud mode: redeem, verify, deliver, keep the non-secret profile and the status token.
async fn deliver(
    args: &ConnectArgs,
    config: &Config,
    origin: Origin,
    language: Language,
    config_dir: Option<PathBuf>,
) -> Result<Exit, Problem> {
    let dir = config_dir.ok_or_else(|| Problem::ConfigurationInvalid {
        what: "no config dir (--config-dir or HRLINK_CONFIG_DIR)".to_owned(),
    })?;
    let http = crate::http_client()?;
    let endpoints = crate::endpoints_from(args.access.endpoints.as_deref())?;
    let vault = Vault::open(paths::APP_ID, paths::build_kind()).map_err(|e| vault_problem(&e))?;
    let backend = Backend::new(&http, origin, &config.product)?;
    let cloud = CloudDelivery::new(backend, DeliveredStore::new(dir, vault));
    let summary = cloud
        .redeem(args.code.as_deref().unwrap_or_default())
        .await?;
    let enrollment = cloud
        .enrollment()
        .ok_or_else(|| Problem::EnrollmentExpired {
            product: config.product.clone(),
        })?;
    let creator = summary
        .created_by
        .as_ref()
        .map(|creator| format!(" (code created by {})", creator.name))
        .unwrap_or_default();
    eprintln!(
        "Connecting {} to {} for {}{creator}.",
        args.provider.display_name(),
        config.product,
        summary.tenant.name
    );
    delivery::document::check_provider(&enrollment, args.provider)?;
    let credentials = if args.provider.credential_kind() == CredentialKind::BrowserSignIn {
        let permissions = delivery::product_permissions(Some(config), args.provider);
        let browser = crate::CliBrowser::from_env();
        let options = SignInOptions {
            language,
            ..SignInOptions::new(&browser)
        };
        let ctrl_c = crate::cancel_on_ctrl_c(&options.cancel);
        eprintln!(
            "Signing in to {} in your web browser (Ctrl-C cancels)…",
            args.provider.display_name()
        );
        let signed_in = delivery::sign_in_for_product(
            cloud.backend(),
            &enrollment,
            &endpoints,
            args.provider,
            &permissions,
            None,
            &options,
        )
        .await;
        ctrl_c.abort();
        let credentials = signed_in?;
        match (&args.access.sign_in.organisation, credentials) {
            (Some(id), credentials) => credentials.for_organisation(id).unwrap_or(credentials),
            (None, credentials) => credentials,
        }
    } else {
        let path = args
            .access
            .credentials
            .as_deref()
            .unwrap_or(std::path::Path::new("-"));
        Credentials::from_text(args.provider, &crate::read_input(path)?)?
    };
    let session = Session::new(http, endpoints);
    let staged = session.hand_over(credentials).id;
    let report = session.verify(&staged, None, None, &|_| {}).await?;
    if !report.ok {
        output::report(&report, args.json, language);
        return Ok(Exit::for_report(&report));
    }
    if let Some(choice) = &args.mapping {
        let categories = enrollment.categories.clone().unwrap_or_default();
        crate::mapping::choose(&session, &staged, choice, &categories).await?;
    }
    eprintln!("Sending to {}…", config.product);
    let (credentials, report) = session.verified(&staged)?;
    let mapping = session.chosen_mapping(&staged);
    let receipt = cloud.deliver(&credentials, &report, None, mapping).await?;
    let profile = &receipt.profile;
    if args.json {
        let json = serde_json::json!({
            "delivered": true,
            "connection_id": profile.connection_id,
            "product": profile.product,
            "origin": profile.origin,
            "tenant": profile.tenant,
            "provider": profile.provider,
            "account": profile.account,
            "status": receipt.status,
        });
        println!("{json}");
    } else {
        println!(
            "{} has your {} connection for {} and checked it itself (connection {}).",
            profile.product,
            args.provider.display_name(),
            profile.account.name,
            profile.connection_id
        );
    }
    Ok(Exit::Ok)
}
