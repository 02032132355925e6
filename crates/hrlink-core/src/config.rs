//! The integration configuration: which product HR Link is set up for, and for each provider that
//! signs in through the browser, HR Link's OAuth client and the permissions the product needs.
//!
//! A TOML file, named by `--config`, by `HRLINK_CONFIG`, or `hrlink.toml` in the app's config
//! directory; without one, [`Config::demo`] uses the Sandbox's registered clients so that the
//! app does something real on first start.
//!
//! ```toml
//! product = "Acme Rostering"          # shown in texts: "Connect iPayroll to Acme Rostering"
//!
//! [ipayroll]
//! client_id = "acme-rostering"
//! client_secret_file = "secrets/ipayroll-client-secret.txt"   # relative to this file
//! redirect_port = 53682               # the port registered with iPayroll (0 = any free port)
//! redirect_path = "/callback"         # default
//! required_permissions = ["employees"]                         # default
//! optional_permissions = ["leavebalances"]                     # default: none
//!
//! [delivery]                         # see crate::delivery; default mode = "local"
//! mode = "local"
//!
//! [categories]                       # the product's own, for the mapping step (crate::mapping)
//! locations = [{ id = "loc_1", name = "Auckland CBD" }]
//! roles = [{ id = "r_1", name = "Manager" }, { id = "r_2", name = "Staff" }]
//! default_role = "r_2"
//!
//! [updates]                        # see crate::updates; none: no update check at all
//! endpoint = "https://updates.acme-rostering.example/hrlink/latest.json"
//! pubkey = "dW50cnVzdGVk…"
//!
//! [employmenthero]
//! client_id = "…"
//! client_secret_file = "/etc/hrlink/employmenthero-client-secret"
//! redirect_port = 53683
//! required_permissions = ["organisations:list", "employees:list"]
//! ```
//!
//! The client secret is only ever named by a file path (`client_secret_file`): a secret written
//! into the configuration itself is refused, so the file can be shared, versioned and shown in
//! support sessions. PKCE (S256) is always used and cannot be switched off: an older file that
//! still has `pkce = …` is refused with a message naming the file and the setting. Errors name
//! the file, the setting or the line, never a value.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use secrecy::SecretString;
use secrecy::zeroize::Zeroizing;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::Problem;
use crate::oauth::OAuthClient;
use crate::providers::catalogue::{ENTRIES, ProviderId};

/// The environment variable naming the configuration file.
pub const CONFIG_ENV: &str = "HRLINK_CONFIG";
/// The file's name in the app's config directory.
pub const CONFIG_FILE_NAME: &str = "hrlink.toml";
/// The product named by the built-in demo configuration: a made-up one, so that texts read as
/// they will for a real product ("Demo Rostering on this computer can now read …").
pub const DEMO_PRODUCT: &str = "Demo Rostering";

/// The redirect path used when the configuration names none.
const DEFAULT_REDIRECT_PATH: &str = "/callback";
const MAX_CONFIG_BYTES: u64 = 256 * 1024;
const MAX_SECRET_BYTES: u64 = 4 * 1024;
/// The Sandbox's registered client (the same for iPayroll and Employment Hero). Public
/// values: the Sandbox runs on this computer and holds no real data.
const DEMO_CLIENT_ID: &str = "hrlink-sandbox-client";
const DEMO_CLIENT_SECRET: &str = "hrlink-sandbox-secret";

/// HR Link's integration configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The product HR Link connects HR systems to, as shown in texts.
    pub product: String,
    /// The OAuth clients of the browser sign-in providers that are configured, one each.
    pub oauth_clients: Vec<OAuthProviderConfig>,
    /// Whether this is the built-in demo configuration (the Sandbox's clients).
    pub demo: bool,
    /// How verified connections reach the product (`[delivery]`; local by default).
    pub delivery: crate::delivery::DeliveryMode,
    /// The product's own categories for the mapping step (`[categories]`, see
    /// [`crate::mapping`]); empty: no mapping step. In cloud mode the enrollment's count.
    pub categories: crate::mapping::Categories,
    /// Where the app looks for a newer version of itself (`[updates]`); `None`: it never looks.
    pub updates: Option<crate::updates::UpdateSettings>,
}

/// The permissions (OAuth scopes) the product needs from one provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permissions {
    /// The integration cannot work without these.
    pub required: Vec<String>,
    /// Nice to have; reported, but their absence does not fail the verification.
    pub optional: Vec<String>,
}

impl Permissions {
    /// Required then optional, without repeats: the scopes to ask for.
    pub fn scopes(&self) -> Vec<String> {
        self.iter().map(|(scope, _)| scope.to_owned()).collect()
    }

    /// The optional permissions (those not also required), once each.
    pub fn optional_ids(&self) -> Vec<&str> {
        self.iter()
            .filter(|(_, required)| !required)
            .map(|(id, _)| id)
            .collect()
    }

    /// The required permissions and those of the optional ones that are in `chosen` (what the
    /// admin selected to share); anything else in `chosen` is ignored.
    pub fn selected(&self, chosen: &[String]) -> Permissions {
        Permissions {
            required: self.required.clone(),
            optional: self
                .optional_ids()
                .into_iter()
                .filter(|id| chosen.iter().any(|c| c == id))
                .map(str::to_owned)
                .collect(),
        }
    }

    /// Each permission once with whether it is required (required ones first; a permission
    /// listed as both counts as required).
    pub fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        let required = self.required.iter().map(|s| (s.as_str(), true));
        let optional = self
            .optional
            .iter()
            .filter(|s| !self.required.contains(s))
            .map(|s| (s.as_str(), false));
        let mut seen: Vec<&str> = Vec::new();
        required.chain(optional).filter(move |(scope, _)| {
            let new = !seen.contains(scope);
            seen.push(scope);
            new
        })
    }
}

/// Where the client secret comes from.
#[derive(Clone, PartialEq, Eq)]
pub enum ClientSecretSource {
    /// No secret (a public client).
    None,
    /// A file holding only the secret (surrounding whitespace ignored).
    File(PathBuf),
    /// Built into HR Link: only the demo configuration's Sandbox client has one.
    BuiltIn(&'static str),
}

impl fmt::Debug for ClientSecretSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientSecretSource::None => f.write_str("None"),
            ClientSecretSource::File(path) => f.debug_tuple("File").field(path).finish(),
            ClientSecretSource::BuiltIn(_) => f.write_str("BuiltIn([redacted])"),
        }
    }
}

/// One provider's OAuth settings.
#[derive(Debug, Clone)]
pub struct OAuthProviderConfig {
    /// The provider.
    pub provider: ProviderId,
    /// HR Link's `client_id` there.
    pub client_id: String,
    /// Where the `client_secret` is read from.
    pub client_secret: ClientSecretSource,
    /// The registered redirect URI's loopback port (0 = any free port, for providers that
    /// accept any loopback port as RFC 8252 §7.3 asks).
    pub redirect_port: u16,
    /// The registered redirect URI's path.
    pub redirect_path: String,
    /// The permissions the product needs.
    pub permissions: Permissions,
}

impl OAuthProviderConfig {
    /// The OAuth client, with the secret read from its file now.
    pub fn client(&self) -> Result<OAuthClient, Problem> {
        let client_secret = match &self.client_secret {
            ClientSecretSource::None => None,
            ClientSecretSource::BuiltIn(secret) => Some(SecretString::from(*secret)),
            ClientSecretSource::File(path) => Some(read_secret_file(self.provider, path)?),
        };
        Ok(OAuthClient {
            client_id: self.client_id.clone(),
            client_secret,
            redirect_port: self.redirect_port,
            redirect_path: self.redirect_path.clone(),
        })
    }
}

impl Config {
    /// The built-in demo: the Sandbox's registered clients, any free redirect port.
    pub fn demo() -> Config {
        let demo =
            |provider: ProviderId, required: &[&str], optional: &[&str]| OAuthProviderConfig {
                provider,
                client_id: DEMO_CLIENT_ID.to_owned(),
                client_secret: ClientSecretSource::BuiltIn(DEMO_CLIENT_SECRET),
                redirect_port: 0,
                redirect_path: DEFAULT_REDIRECT_PATH.to_owned(),
                permissions: Permissions {
                    required: strings(required),
                    optional: strings(optional),
                },
            };
        Config {
            product: DEMO_PRODUCT.to_owned(),
            oauth_clients: ENTRIES
                .iter()
                .filter_map(|entry| {
                    let defaults = entry.oauth?;
                    let required: Vec<&str> = entry.required().collect();
                    Some(demo(entry.id, &required, defaults.demo_optional))
                })
                .collect(),
            demo: true,
            delivery: crate::delivery::DeliveryMode::Local,
            categories: crate::mapping::Categories::default(),
            updates: None,
        }
    }

    /// The configuration in force: `explicit` (e.g. `--config`) when given, else the file named
    /// by `HRLINK_CONFIG`, else `hrlink.toml` in `app_config_dir` when it exists, else the demo.
    pub fn load(explicit: Option<&Path>, app_config_dir: Option<&Path>) -> Result<Config, Problem> {
        if let Some(path) = explicit {
            return Config::from_file(path);
        }
        if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
            return Config::from_file(Path::new(&path));
        }
        if let Some(path) = app_config_dir.map(|dir| dir.join(CONFIG_FILE_NAME))
            && path.is_file()
        {
            return Config::from_file(&path);
        }
        Ok(Config::demo())
    }

    /// Reads a configuration file; relative secret-file paths are taken from its directory.
    pub fn from_file(path: &Path) -> Result<Config, Problem> {
        let name = path.display().to_string();
        let unreadable = || Problem::ConfigurationInvalid {
            what: format!("{name} could not be read"),
        };
        let file = std::fs::File::open(path).map_err(|_| unreadable())?;
        let mut text = String::new();
        file.take(MAX_CONFIG_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|_| unreadable())?;
        if text.len() as u64 > MAX_CONFIG_BYTES {
            return Err(Problem::ConfigurationInvalid {
                what: format!("{name} is too large"),
            });
        }
        let base = path.parent().unwrap_or(Path::new("."));
        Config::from_toml(&text, &name, base)
    }

    /// Parses configuration text. `name` names it in problems; relative secret-file paths are
    /// resolved against `base_dir`.
    pub fn from_toml(text: &str, name: &str, base_dir: &Path) -> Result<Config, Problem> {
        let raw: RawConfig = toml::from_str(text).map_err(|error| {
            // toml's message may quote the offending value: only the line is named.
            let line = error
                .span()
                .and_then(|span| text.get(..span.start))
                .map(|before| before.matches('\n').count() + 1);
            Problem::ConfigurationInvalid {
                what: match line {
                    Some(line) => format!("{name}, line {line}"),
                    None => name.to_owned(),
                },
            }
        })?;
        let invalid = |setting: &str| Problem::ConfigurationInvalid {
            what: format!("{name}: {setting}"),
        };
        let product = raw.product.trim().to_owned();
        if product.is_empty()
            || product.chars().count() > 100
            || product.chars().any(char::is_control)
        {
            return Err(invalid("product"));
        }
        let provider = |raw: Option<RawProvider>, id: ProviderId| {
            raw.map(|raw| raw.into_config(id, base_dir, &invalid))
                .transpose()
        };
        let sections = [
            (ProviderId::Ipayroll, raw.ipayroll),
            (ProviderId::Employmenthero, raw.employmenthero),
        ];
        let mut oauth_clients = Vec::new();
        for (id, raw) in sections {
            oauth_clients.extend(provider(raw, id)?);
        }
        Ok(Config {
            product,
            oauth_clients,
            demo: false,
            delivery: match raw.delivery {
                Some(delivery) => delivery.into_mode(name)?,
                None => crate::delivery::DeliveryMode::Local,
            },
            categories: match raw.categories {
                Some(table) => crate::mapping::settings::categories(table, name)?,
                None => crate::mapping::Categories::default(),
            },
            updates: raw
                .updates
                .map(|updates| updates.into_settings(name))
                .transpose()?,
        })
    }

    /// The OAuth settings for `provider`, or the problem saying they are missing.
    pub fn oauth(&self, provider: ProviderId) -> Result<&OAuthProviderConfig, Problem> {
        self.oauth_clients
            .iter()
            .find(|client| client.provider == provider)
            .ok_or_else(|| Problem::ConfigurationInvalid {
                what: format!("no OAuth client configured for {}", provider.display_name()),
            })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    product: String,
    ipayroll: Option<RawProvider>,
    employmenthero: Option<RawProvider>,
    delivery: Option<crate::delivery::RawDelivery>,
    categories: Option<toml::Table>,
    updates: Option<crate::updates::RawUpdates>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvider {
    client_id: String,
    client_secret_file: Option<PathBuf>,
    /// Accepted by the parser only to be refused with a clear message, never read.
    client_secret: Option<IgnoredAny>,
    redirect_port: Option<u16>,
    redirect_path: Option<String>,
    required_permissions: Option<Vec<String>>,
    optional_permissions: Option<Vec<String>>,
    /// A setting of older versions (PKCE could be switched off); refused with a clear message.
    pkce: Option<IgnoredAny>,
}

impl RawProvider {
    fn into_config(
        self,
        provider: ProviderId,
        base_dir: &Path,
        invalid: &dyn Fn(&str) -> Problem,
    ) -> Result<OAuthProviderConfig, Problem> {
        let slug = provider.slug();
        let setting = |key: &str| invalid(&format!("{slug}.{key}"));
        if self.client_secret.is_some() {
            return Err(invalid(&format!(
                "{slug}.client_secret must not be written in the configuration; put the secret \
                 in a file of its own and name that file with client_secret_file"
            )));
        }
        if self.pkce.is_some() {
            return Err(invalid(&format!(
                "{slug}.pkce is no longer a setting: HR Link always uses PKCE (S256); remove \
                 that line"
            )));
        }
        let client_id = self.client_id.trim().to_owned();
        if client_id.is_empty()
            || client_id.len() > 200
            || !client_id.bytes().all(|b| b.is_ascii_graphic())
        {
            return Err(setting("client_id"));
        }
        let client_secret = match self.client_secret_file {
            Some(path) if path.as_os_str().is_empty() => return Err(setting("client_secret_file")),
            Some(path) if path.is_relative() => ClientSecretSource::File(base_dir.join(path)),
            Some(path) => ClientSecretSource::File(path),
            None => ClientSecretSource::None,
        };
        let redirect_path = self
            .redirect_path
            .unwrap_or_else(|| DEFAULT_REDIRECT_PATH.to_owned());
        let plain_path = redirect_path.starts_with('/')
            && redirect_path
                .bytes()
                .all(|b| b.is_ascii_graphic() && !matches!(b, b'?' | b'#' | b'%' | b'\\'));
        if !plain_path {
            return Err(setting("redirect_path"));
        }
        let entry = provider.entry();
        let defaults = entry.oauth.ok_or_else(|| invalid(slug))?;
        let required = self
            .required_permissions
            .unwrap_or_else(|| entry.required().map(str::to_owned).collect());
        let optional = self.optional_permissions.unwrap_or_default();
        for (key, list) in [
            ("required_permissions", &required),
            ("optional_permissions", &optional),
        ] {
            let known =
                |scope: &String| !defaults.known_scopes_only || entry.permission(scope).is_some();
            let plain = |scope: &String| {
                !scope.is_empty()
                    && scope.len() <= 100
                    && scope.bytes().all(|b| b.is_ascii_graphic())
            };
            if !list.iter().all(|scope| plain(scope) && known(scope)) {
                return Err(setting(key));
            }
        }
        if required.is_empty() {
            return Err(setting("required_permissions"));
        }
        Ok(OAuthProviderConfig {
            provider,
            client_id,
            client_secret,
            redirect_port: self.redirect_port.unwrap_or(0),
            redirect_path,
            permissions: Permissions { required, optional },
        })
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// Reads a client-secret file: small, one line of printable text. The content is never echoed.
fn read_secret_file(provider: ProviderId, path: &Path) -> Result<SecretString, Problem> {
    let invalid = || Problem::ConfigurationInvalid {
        what: format!("{}.client_secret_file {}", provider.slug(), path.display()),
    };
    let file = std::fs::File::open(path).map_err(|_| invalid())?;
    #[cfg(unix)]
    if let Ok(metadata) = file.metadata() {
        use std::os::unix::fs::PermissionsExt;
        if metadata.permissions().mode() & 0o077 != 0 {
            tracing::warn!(path = %path.display(), "client secret file is readable by other users");
        }
    }
    let mut bytes = Zeroizing::new(Vec::with_capacity(MAX_SECRET_BYTES as usize + 1));
    file.take(MAX_SECRET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| invalid())?;
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(invalid());
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| invalid())?;
    let secret = text.trim_start_matches('\u{FEFF}').trim();
    if secret.is_empty() || secret.chars().any(char::is_control) {
        return Err(invalid());
    }
    Ok(SecretString::from(secret))
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    const EXAMPLE: &str = r#"
product = "Acme Rostering"

[ipayroll]
client_id = "acme-rostering"
client_secret_file = "secrets/ipayroll.txt"
redirect_port = 53682
optional_permissions = ["leavebalances", "employees"]

[employmenthero]
client_id = "acme-eh"
client_secret_file = "/etc/hrlink/eh-secret"
redirect_port = 53683
redirect_path = "/oauth/return"
"#;

    fn parse(text: &str) -> Result<Config, Problem> {
        Config::from_toml(text, "hrlink.toml", Path::new("/srv/hrlink"))
    }

    fn what(result: Result<Config, Problem>) -> String {
        match result {
            Err(Problem::ConfigurationInvalid { what }) => what,
            other => panic!("expected a configuration problem, got {other:?}"),
        }
    }

    #[test]
    fn reads_the_documented_example() {
        let config = parse(EXAMPLE).unwrap();
        assert_eq!(config.product, "Acme Rostering");
        assert!(!config.demo);
        let ipayroll = config.oauth(ProviderId::Ipayroll).unwrap();
        assert_eq!(ipayroll.client_id, "acme-rostering");
        assert_eq!(
            ipayroll.client_secret,
            ClientSecretSource::File(PathBuf::from("/srv/hrlink/secrets/ipayroll.txt"))
        );
        assert_eq!(ipayroll.redirect_port, 53682);
        assert_eq!(ipayroll.redirect_path, "/callback");
        // `employees` is required by default; listing it as optional too does not demote it.
        assert_eq!(
            ipayroll.permissions.iter().collect::<Vec<_>>(),
            vec![("employees", true), ("leavebalances", false)]
        );
        let eh = config.oauth(ProviderId::Employmenthero).unwrap();
        assert_eq!(eh.redirect_path, "/oauth/return");
        assert_eq!(
            eh.permissions.scopes(),
            vec!["organisations:list".to_owned(), "employees:list".to_owned()]
        );
        assert!(config.oauth(ProviderId::Hrworks).is_err());
    }

    #[test]
    fn an_inline_client_secret_is_refused_without_echoing_it() {
        let text =
            "product = \"A\"\n[ipayroll]\nclient_id = \"x\"\nclient_secret = \"CANARY-inline\"\n";
        let what = what(parse(text));
        assert!(what.contains("client_secret_file"), "{what}");
        assert!(!what.contains("CANARY"), "{what}");
    }

    #[test]
    fn pkce_cannot_be_switched_off_and_the_old_setting_is_named() {
        for provider in ["ipayroll", "employmenthero"] {
            for value in ["false", "true"] {
                let text =
                    format!("product = \"A\"\n[{provider}]\nclient_id = \"x\"\npkce = {value}\n");
                let what = what(Config::from_toml(
                    &text,
                    "/etc/hrlink/hrlink.toml",
                    Path::new("/"),
                ));
                assert!(what.starts_with("/etc/hrlink/hrlink.toml: "), "{what}");
                assert!(
                    what.contains(&format!("{provider}.pkce is no longer a setting")),
                    "{what}"
                );
            }
        }
    }

    #[test]
    fn syntax_errors_name_the_line_not_the_value() {
        let text = "product = \"A\"\n[ipayroll]\nclient_id = CANARY-unquoted\n";
        let what = what(parse(text));
        assert!(what.contains("line 3"), "{what}");
        assert!(!what.contains("CANARY"), "{what}");
    }

    #[test]
    fn invalid_settings_are_named() {
        for (text, setting) in [
            ("product = \"\"", "product"),
            (
                "product = \"A\"\n[ipayroll]\nclient_id = \"\"",
                "ipayroll.client_id",
            ),
            (
                "product = \"A\"\n[ipayroll]\nclient_id = \"x\"\nrequired_permissions = [\"payroll-everything\"]",
                "ipayroll.required_permissions",
            ),
            (
                "product = \"A\"\n[ipayroll]\nclient_id = \"x\"\nredirect_path = \"callback\"",
                "ipayroll.redirect_path",
            ),
        ] {
            assert!(what(parse(text)).contains(setting), "{text}");
        }
        assert!(what(parse("product = \"A\"\nunknown = 1")).contains("line 2"));
    }

    #[test]
    fn secret_files_are_read_trimmed_and_never_echoed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("secret.txt"),
            "\u{FEFF}CANARY-file-secret\r\n",
        )
        .unwrap();
        let text =
            "product = \"A\"\n[ipayroll]\nclient_id = \"x\"\nclient_secret_file = \"secret.txt\"\n";
        let config = Config::from_toml(text, "hrlink.toml", dir.path()).unwrap();
        let client = config
            .oauth(ProviderId::Ipayroll)
            .unwrap()
            .client()
            .unwrap();
        assert_eq!(
            client.client_secret.as_ref().unwrap().expose_secret(),
            "CANARY-file-secret"
        );
        assert!(!format!("{config:?}{client:?}").contains("CANARY"));

        std::fs::write(dir.path().join("secret.txt"), "CANARY-a\nCANARY-b\n").unwrap();
        let problem = config
            .oauth(ProviderId::Ipayroll)
            .unwrap()
            .client()
            .unwrap_err();
        assert!(!format!("{problem:?}").contains("CANARY"));
        std::fs::remove_file(dir.path().join("secret.txt")).unwrap();
        assert!(
            config
                .oauth(ProviderId::Ipayroll)
                .unwrap()
                .client()
                .is_err()
        );
    }

    #[test]
    fn the_demo_uses_built_in_sandbox_clients() {
        let demo = Config::demo();
        assert!(demo.demo);
        assert_eq!(demo.product, DEMO_PRODUCT);
        for provider in [ProviderId::Ipayroll, ProviderId::Employmenthero] {
            let oauth = demo.oauth(provider).unwrap();
            assert_eq!(oauth.redirect_port, 0);
            assert!(!format!("{oauth:?}").contains(DEMO_CLIENT_SECRET));
            assert!(oauth.client().unwrap().client_secret.is_some());
        }
    }

    #[test]
    fn load_prefers_the_explicit_path_then_the_app_dir() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&path, "product = \"From the app dir\"\n").unwrap();
        let explicit = dir.path().join("other.toml");
        std::fs::write(&explicit, "product = \"Explicit\"\n").unwrap();
        assert_eq!(
            Config::load(Some(&explicit), Some(dir.path()))
                .unwrap()
                .product,
            "Explicit"
        );
        if std::env::var_os(CONFIG_ENV).is_none() {
            assert_eq!(
                Config::load(None, Some(dir.path())).unwrap().product,
                "From the app dir"
            );
            assert!(
                Config::load(None, Some(&dir.path().join("none")))
                    .unwrap()
                    .demo
            );
        }
    }
}
