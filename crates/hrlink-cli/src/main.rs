//! `hrlink`: HR Link's command-line tool for support agents and IT.
//!
//! The same core as the desktop app: verify a connection, check a key file, list providers, hand
//! a saved connection's access to a product (`credential get`), run the Sandbox. Human output by default, `--json` for scripts; exit codes say what happened.

mod connect;
mod connections;
mod credential;
mod exit;
mod mapping;
mod notify;
mod output;
mod people;
mod schedule;

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use hrlink_core::config::{ClientSecretSource, Config, OAuthProviderConfig};
use hrlink_core::credentials;
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::messages::Language;
use hrlink_core::oauth::{BrowserOpener, SignInOptions, SystemBrowser};
use hrlink_core::providers::CredentialKind;
use hrlink_core::session::Session;
use hrlink_core::verify::{Credentials, VerifyProgress};
use hrlink_core::{Endpoints, Problem, ProviderId};

use crate::exit::Exit;

#[derive(Parser)]
#[command(
    name = "hrlink",
    version,
    about = "Connect HR systems to your business software, proven before anything is saved."
)]
struct Cli {
    /// Language of messages: en or de (default: from the environment's locale).
    #[arg(long, global = true, value_parser = parse_language)]
    lang: Option<Language>,
    /// Where saved connections' profiles live (default: $XDG_CONFIG_HOME/hrlink or
    /// ~/.config/hrlink). Secrets are always in the OS keychain.
    #[arg(long, global = true, env = "HRLINK_CONFIG_DIR")]
    config_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the HR systems HR Link connects to.
    Providers {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check an HRworks key file without contacting HRworks.
    Keyfile {
        /// The key file, or - for standard input.
        file: PathBuf,
    },
    /// Prove that credentials work: sign in, find the account, check permissions, count people.
    Verify {
        /// The HR system (see `hrlink providers`).
        #[arg(value_parser = parse_provider)]
        provider: ProviderId,
        #[command(flatten)]
        access: AccessArgs,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// When verified, save the connection under this label (secret in the OS keychain,
        /// profile in the config dir).
        #[arg(long, value_name = "LABEL")]
        save: Option<String>,
        /// The optional permissions to share, comma separated (see `hrlink providers`): they
        /// are checked with the required ones, the other optional ones are not, and a warning
        /// lists what the credentials grant beyond. iPayroll asks only for these. Default:
        /// every optional one is checked and none is demanded.
        #[arg(long, value_name = "IDS", value_delimiter = ',', num_args = 0..)]
        permissions: Option<Vec<String>>,
    },
    /// List everyone the HR system holds (after verifying the credentials), optionally matched
    /// against your own records; counts per category, or the full list as JSON or CSV.
    /// Names and emails are masked unless --show-personal-data.
    People {
        /// The HR system (see `hrlink providers`); not with --connection.
        #[arg(value_parser = parse_provider, required_unless_present = "connection")]
        provider: Option<ProviderId>,
        /// A saved connection's id (see `hrlink connections list`) instead of credentials; a
        /// browser sign-in is renewed with the integration configuration (`HRLINK_CONFIG`).
        #[arg(long, value_name = "ID", conflicts_with_all = ["provider", "credentials"])]
        connection: Option<String>,
        #[command(flatten)]
        access: AccessArgs,
        /// Your existing records (a CSV or XLSX export) to match the HR system's people against.
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
        /// Output: counts per category (table), or every person (json, csv).
        #[arg(long, value_enum, default_value_t = people::Format::Table)]
        format: people::Format,
        /// Same as --format json.
        #[arg(long, conflicts_with_all = ["format", "csv"])]
        json: bool,
        /// Same as --format csv.
        #[arg(long, conflicts_with = "format")]
        csv: bool,
        /// Write the output to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Show names, emails and ids in full (otherwise initials and masked emails).
        #[arg(long)]
        show_personal_data: bool,
    },
    /// Redeem a product's enrollment code, verify the credentials and hand the connection to
    /// the product's backend (cloud delivery); in local delivery mode, verify and save.
    Connect(connect::ConnectArgs),
    /// Saved connections: list, check, remove.
    Connections {
        #[command(subcommand)]
        command: ConnectionsCommand,
    },
    /// Short-lived access to a saved connection, for a program on this computer.
    Credential {
        #[command(subcommand)]
        command: credential::CredentialCommand,
    },
    /// The mapping step's suggestions: the HR system's locations, areas of work and roles
    /// beside the product's categories (`[categories]` of the integration configuration).
    Mapping {
        #[command(subcommand)]
        command: mapping::MappingCommand,
    },
    /// The daily background check of the saved connections: enable, disable, status.
    Schedule {
        #[command(subcommand)]
        command: schedule::ScheduleCommand,
    },
    /// Run the Sandbox: local imitations of every provider's API, until Ctrl-C.
    Sandbox {
        /// People per organisation.
        #[arg(long, default_value_t = 250, value_parser = clap::value_parser!(u32).range(0..=100_000))]
        people: u32,
        /// Seed for the generated people.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Added latency per request, in milliseconds.
        #[arg(long, default_value_t = 0)]
        latency_ms: u64,
        /// Requests per second allowed per provider (unlimited when absent).
        #[arg(long)]
        rate_limit: Option<u32>,
        /// Access-token lifetime in seconds.
        #[arg(long, default_value_t = 900)]
        token_lifetime: u64,
        /// Port to listen on (0 = any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Write the endpoints file here.
        #[arg(long)]
        endpoints_out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ConnectionsCommand {
    /// List the saved connections with their last status.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check one connection, or all: sign in and probe the permissions again, demanding the
    /// optional ones chosen when it was saved (`verify --permissions`) and warning when far
    /// more is granted.
    Check {
        /// The connection's id (default: all).
        id: Option<String>,
        /// Provider addresses (an endpoints file, e.g. written by `hrlink sandbox`).
        #[arg(long, env = "HRLINK_ENDPOINTS")]
        endpoints: Option<PathBuf>,
        /// The integration configuration (TOML), whose OAuth client renews browser sign-ins
        /// (default: `hrlink.toml` in the config dir, else the built-in demo for the Sandbox).
        #[arg(long, env = "HRLINK_CONFIG")]
        config: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Show an OS notification for each connection that stopped working since the last
        /// check (once; again only for a newly missing permission). Its Re-authorise button
        /// works only while the check still runs: see --wait-for-click.
        #[arg(long)]
        notify: bool,
        /// After notifying, wait up to 15 minutes for a click and open the re-authorise link
        /// clicked (the daily job passes this; by hand the check ends as soon as it notified).
        #[arg(long, requires = "notify")]
        wait_for_click: bool,
    },
    /// Show one connection's profile (nothing secret), with the category mapping the product
    /// reads.
    Show {
        /// The connection's id.
        id: String,
        /// Print JSON (the profile as saved, `mapping` included).
        #[arg(long)]
        json: bool,
    },
    /// Remove a connection: its keychain entry and its profile.
    Remove {
        /// The connection's id.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn parse_provider(value: &str) -> Result<ProviderId, String> {
    ProviderId::from_slug(value).ok_or_else(|| {
        let known: Vec<_> = ProviderId::ALL.iter().map(|p| p.slug()).collect();
        format!("unknown HR system; choose one of: {}", known.join(", "))
    })
}

fn parse_language(value: &str) -> Result<Language, String> {
    Language::from_tag(value).ok_or_else(|| "choose en or de".to_owned())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                Exit::Usage.into()
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    init_tracing();
    let language = cli.lang.unwrap_or_else(language_from_env);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("hrlink: cannot start: {error}");
            return Exit::Unexpected.into();
        }
    };
    let config_dir = cli.config_dir.or_else(hrlink_core::paths::config_dir);
    runtime
        .block_on(run(cli.command, language, config_dir))
        .into()
}

async fn run(command: Command, language: Language, config_dir: Option<PathBuf>) -> Exit {
    match command {
        Command::Providers { json } => {
            output::providers(json);
            Exit::Ok
        }
        Command::Keyfile { file } => {
            match read_input(&file).and_then(|bytes| credentials::hrworks::parse_key_file(&bytes)) {
                Ok(keys) => {
                    println!(
                        "Key file OK: access key {}",
                        credentials::mask_tail(&keys.access_key)
                    );
                    Exit::Ok
                }
                Err(problem) => {
                    output::problem(&problem, language);
                    Exit::Usage
                }
            }
        }
        Command::Verify {
            provider,
            access,
            json,
            save,
            permissions,
        } => match prepare(provider, &access, permissions.as_deref(), language).await {
            Ok((http, endpoints, credentials, _)) => {
                let session = Session::new(http, endpoints);
                let staged = session.hand_over(credentials);
                let chosen = permissions.as_deref();
                let terminal = std::io::stderr().is_terminal();
                let progress =
                    |progress: VerifyProgress| output::verify_progress(progress, terminal);
                let report = match session.verify(&staged.id, None, chosen, &progress).await {
                    Ok(report) => report,
                    // Only if the credentials just staged were gone already.
                    Err(problem) => {
                        output::problem(&problem, language);
                        return Exit::for_problem(&problem);
                    }
                };
                output::report(&report, json, language);
                let exit = Exit::for_report(&report);
                match save {
                    Some(label) if exit == Exit::Ok => {
                        let saved = connections::save(config_dir, &session, &staged.id, &label);
                        saved.await.map_or_else(
                            |problem| {
                                output::problem(&problem, language);
                                Exit::for_problem(&problem)
                            },
                            |()| Exit::Ok,
                        )
                    }
                    _ => exit,
                }
            }
            Err(problem) => {
                output::problem(&problem, language);
                Exit::for_problem(&problem)
            }
        },
        Command::People {
            provider,
            connection,
            access,
            roster,
            format,
            json,
            csv,
            out,
            show_personal_data,
        } => {
            let request = people::Request {
                roster,
                format: match (json, csv) {
                    (true, _) => people::Format::Json,
                    (_, true) => people::Format::Csv,
                    _ => format,
                },
                out,
                show_personal_data,
            };
            let prepared = match (provider, connection) {
                (_, Some(id)) => saved(config_dir, &id, access.endpoints.as_deref()).await,
                (Some(provider), None) => prepare(provider, &access, None, language).await,
                // clap requires one of the two.
                (None, None) => Err(Problem::ConfigurationInvalid {
                    what: "an HR system or --connection".to_owned(),
                }),
            };
            match prepared {
                Ok((http, endpoints, credentials, oauth)) => {
                    let connection = people::Connection {
                        http,
                        endpoints,
                        credentials,
                        oauth,
                    };
                    people::run(connection, request, language).await
                }
                Err(problem) => {
                    output::problem(&problem, language);
                    Exit::for_problem(&problem)
                }
            }
        }
        Command::Connect(args) => connect::run(args, language, config_dir).await,
        Command::Mapping { command } => mapping::run(command, language).await,
        Command::Connections { command } => connections::run(command, config_dir, language).await,
        Command::Credential { command } => credential::run(command, config_dir, language).await,
        Command::Schedule { command } => schedule::run(command, config_dir, language),
        Command::Sandbox {
            people,
            seed,
            latency_ms,
            rate_limit,
            token_lifetime,
            port,
            endpoints_out,
        } => {
            let config = hrlink_sandbox::SandboxConfig {
                people: people as usize,
                seed,
                latency: std::time::Duration::from_millis(latency_ms),
                rate_limit,
                token_lifetime: std::time::Duration::from_secs(token_lifetime),
                port,
            };
            run_sandbox(config, endpoints_out).await
        }
    }
}

/// What `verify` and `people` work with: an HTTP client, the providers' addresses, the
/// credentials, and the OAuth client that can renew them (browser sign-ins).
type Prepared = (
    HttpClient,
    Endpoints,
    Credentials,
    Option<OAuthProviderConfig>,
);

/// The providers' addresses: an endpoints file (e.g. written by `hrlink sandbox`), else the real
/// services.
pub(crate) fn endpoints_from(path: Option<&std::path::Path>) -> Result<Endpoints, Problem> {
    match path {
        Some(path) => Endpoints::from_file(path),
        None => Ok(Endpoints::production()),
    }
}

pub(crate) async fn prepare(
    provider: ProviderId,
    access: &AccessArgs,
    chosen: Option<&[String]>,
    language: Language,
) -> Result<Prepared, Problem> {
    let endpoints = endpoints_from(access.endpoints.as_deref())?;
    if provider.credential_kind() == CredentialKind::BrowserSignIn {
        let http = http_client()?;
        let sandbox = access.endpoints.is_some();
        let (credentials, oauth) = sign_in_with_browser(
            provider,
            &http,
            &endpoints,
            sandbox,
            &access.sign_in,
            chosen,
            language,
        )
        .await?;
        return Ok((http, endpoints, credentials, Some(oauth)));
    }
    let credentials_path =
        access
            .credentials
            .as_deref()
            .ok_or_else(|| Problem::ConfigurationInvalid {
                what: format!(
                    "--credentials FILE is needed to verify {}",
                    provider.display_name()
                ),
            })?;
    let credentials = Credentials::from_text(provider, &read_input(credentials_path)?)?;
    // An API key reaches every business its user can open: `--organisation` picks one.
    let credentials = match &access.sign_in.organisation {
        Some(id) => credentials.for_organisation(id).unwrap_or(credentials),
        None => credentials,
    };
    Ok((http_client()?, endpoints, credentials, None))
}

/// What `prepare` gives, from a saved connection. Browser sign-ins are renewed with the
/// integration configuration's OAuth client (`HRLINK_CONFIG`, else `hrlink.toml` in the config
/// dir, else the built-in demo for the Sandbox).
async fn saved(
    config_dir: Option<PathBuf>,
    id: &str,
    endpoints_path: Option<&std::path::Path>,
) -> Result<Prepared, Problem> {
    let endpoints = endpoints_from(endpoints_path)?;
    let config = Config::load(None, config_dir.as_deref())?;
    let http = http_client()?;
    let credentials =
        connections::load_credentials(config_dir, id, &http, &endpoints, &config).await?;
    let oauth = config.oauth(credentials.provider()).ok().cloned();
    Ok((http, endpoints, credentials, oauth))
}

pub(crate) fn http_client() -> Result<HttpClient, Problem> {
    HttpClient::new(HttpConfig::default()).map_err(|_| Problem::ConfigurationInvalid {
        what: "HTTP client".to_owned(),
    })
}

/// How `verify` and `people` reach an HR system: its credentials or a browser sign-in, and where
/// it answers.
#[derive(Args)]
pub(crate) struct AccessArgs {
    /// The credentials: a key file, IRIS text or an API key (optionally with its region on a
    /// line of its own, e.g. `NZ`), or - for standard input. Not for iPayroll and Employment
    /// Hero, which sign in through the browser.
    #[arg(long, required_if_eq_any(text_credential_providers()))]
    pub(crate) credentials: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) sign_in: SignInArgs,
    /// Provider addresses (an endpoints file, e.g. written by `hrlink sandbox`).
    #[arg(long, env = "HRLINK_ENDPOINTS")]
    pub(crate) endpoints: Option<PathBuf>,
}

/// `--provider` values whose credentials are text (a key file, a login), as clap's
/// `(argument, value)` pairs: `--credentials` is required with them.
fn text_credential_providers() -> Vec<(&'static str, &'static str)> {
    ProviderId::ALL
        .into_iter()
        .filter(|provider| provider.credential_kind() != CredentialKind::BrowserSignIn)
        .map(|provider| ("provider", provider.slug()))
        .collect()
}

/// How `verify ipayroll|employmenthero` signs in: the integration configuration, and overrides.
#[derive(Args)]
pub(crate) struct SignInArgs {
    /// The integration configuration (TOML; default: the built-in demo, for the Sandbox).
    #[arg(long, env = "HRLINK_CONFIG")]
    pub(crate) config: Option<PathBuf>,
    /// OAuth client id, instead of the configuration's.
    #[arg(long)]
    pub(crate) client_id: Option<String>,
    /// File holding the OAuth client secret, instead of the configuration's.
    #[arg(long)]
    pub(crate) client_secret_file: Option<PathBuf>,
    /// Loopback port of the registered redirect URI (0 = any free port).
    #[arg(long)]
    pub(crate) redirect_port: Option<u16>,
    /// The organisation (Employment Hero) or business (Employment Hero Payroll) to verify, when
    /// the credentials reach several.
    #[arg(long)]
    pub(crate) organisation: Option<String>,
}

/// Signs in through the system browser (`BROWSER` honoured). When no browser can be started
/// (a server over SSH), the address is printed to open elsewhere; Ctrl-C cancels.
async fn sign_in_with_browser(
    provider: ProviderId,
    http: &HttpClient,
    endpoints: &Endpoints,
    sandbox: bool,
    args: &SignInArgs,
    chosen: Option<&[String]>,
    language: Language,
) -> Result<(Credentials, OAuthProviderConfig), Problem> {
    let config = Config::load(args.config.as_deref(), None)?;
    if config.demo && !sandbox {
        return Err(Problem::ConfigurationInvalid {
            what: "no integration configuration (--config or HRLINK_CONFIG); the built-in demo \
                   only signs in to the Sandbox (--endpoints)"
                .to_owned(),
        });
    }
    let mut oauth = config.oauth(provider)?.clone();
    if let Some(client_id) = &args.client_id {
        oauth.client_id.clone_from(client_id);
    }
    if let Some(path) = &args.client_secret_file {
        oauth.client_secret = ClientSecretSource::File(path.clone());
    }
    if let Some(port) = args.redirect_port {
        oauth.redirect_port = port;
    }
    let browser = CliBrowser::from_env();
    let options = SignInOptions {
        language,
        ..SignInOptions::new(&browser)
    };
    let ctrl_c = cancel_on_ctrl_c(&options.cancel);
    eprintln!(
        "Signing in to {} in your web browser (Ctrl-C cancels)…",
        provider.display_name()
    );
    let credentials = Credentials::sign_in(provider, http, endpoints, &oauth, chosen, &options)
        .await
        .map(|mut credentials| {
            if provider.entry().several_organisations()
                && let Some(grant) = credentials.grant_mut()
            {
                grant.organisation_id.clone_from(&args.organisation);
            }
            credentials
        });
    ctrl_c.abort();
    credentials.map(|credentials| (credentials, oauth))
}

/// The system browser (`BROWSER` honoured); when none can be started (a server over SSH), the
/// address is printed to open elsewhere.
pub(crate) struct CliBrowser(SystemBrowser);

impl CliBrowser {
    pub(crate) fn from_env() -> CliBrowser {
        CliBrowser(SystemBrowser::from_env())
    }
}

impl BrowserOpener for CliBrowser {
    fn open(&self, url: &hrlink_core::oauth::Url) -> Result<(), Problem> {
        if self.0.open(url).is_err() {
            eprintln!("Open this address in your web browser to sign in:\n\n  {url}\n");
        }
        Ok(())
    }
}

/// Cancels a sign-in on Ctrl-C until the returned task is aborted.
pub(crate) fn cancel_on_ctrl_c(
    cancel: &hrlink_core::oauth::SignInCancel,
) -> tokio::task::JoinHandle<()> {
    let cancel = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.cancel();
        }
    })
}

/// Reads a file, or standard input for `-`, refusing anything larger than a credential can be.
pub(crate) fn read_input(path: &std::path::Path) -> Result<Vec<u8>, Problem> {
    let limit = credentials::MAX_CREDENTIAL_TEXT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|_| Problem::FileUnreadable)?;
    Ok(bytes)
}

async fn run_sandbox(
    config: hrlink_sandbox::SandboxConfig,
    endpoints_out: Option<PathBuf>,
) -> Exit {
    let sandbox = match hrlink_sandbox::Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("hrlink: the Sandbox could not start: {error}");
            return Exit::Unexpected;
        }
    };
    if let Some(path) = &endpoints_out {
        if let Err(error) = sandbox.write_endpoints_file(path) {
            eprintln!("hrlink: cannot write {}: {error}", path.display());
            return Exit::Usage;
        }
        eprintln!("Endpoints written to {}", path.display());
    }
    match serde_json::to_string_pretty(sandbox.endpoints()) {
        Ok(json) => println!("{json}"),
        Err(error) => eprintln!("hrlink: {error}"),
    }
    eprintln!("Sandbox running. Press Ctrl-C to stop.");
    let _ = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
    Exit::Ok
}

/// The platform config dir: `$XDG_CONFIG_HOME/hrlink`, else `$HOME/.config/hrlink` (on macOS
/// `~/Library/Application Support/hrlink`, on Windows `%APPDATA%\\hrlink`).
fn language_from_env() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Language::from_tag(&value))
        .unwrap_or_default()
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("HRLINK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
