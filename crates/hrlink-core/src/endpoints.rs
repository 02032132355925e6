//! Where each provider's API lives: production origins, or an endpoints file that replaces them
//! (the Sandbox writes one; `--endpoints FILE` or `HRLINK_ENDPOINTS` points at it).
//!
//! File format: `{"hrworks":{"api":URL},"employmenthero":{"api":URL,"auth":URL},
//! "ipayroll":{"api":URL,"auth":URL},"iris":{"api":URL},"employmenthero_payroll":{"api":URL}}`
//! (a provider's catalogue slug, then its addresses). Each URL replaces the provider's real
//! origin and may carry a path prefix; documented paths are appended to it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::Problem;
use crate::providers::catalogue::{ENTRIES, ProviderId};

/// The environment variable naming an endpoints file.
pub const ENDPOINTS_ENV: &str = "HRLINK_ENDPOINTS";

/// One provider's base URLs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProviderEndpoints {
    /// Base of the API.
    pub api: Url,
    /// Base of the OAuth authorisation server, for providers that sign in through the browser.
    #[serde(default)]
    pub auth: Option<Url>,
}

/// Base URLs for every provider whose address is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    by_provider: BTreeMap<ProviderId, ProviderEndpoints>,
}

#[allow(
    clippy::expect_used,
    reason = "literal URLs from the catalogue, checked by production_urls_parse"
)]
fn parsed(url: &str) -> Url {
    Url::parse(url).expect("valid literal URL")
}

impl Endpoints {
    /// The real services, as the catalogue names them.
    pub fn production() -> Endpoints {
        let by_provider = ENTRIES
            .iter()
            .filter_map(|entry| {
                let api = entry.endpoints.api?;
                let endpoints = ProviderEndpoints {
                    api: parsed(api),
                    auth: entry.endpoints.auth.map(parsed),
                };
                Some((entry.id, endpoints))
            })
            .collect();
        Endpoints { by_provider }
    }

    /// Reads an endpoints file.
    pub fn from_file(path: &Path) -> Result<Endpoints, Problem> {
        let text = std::fs::read_to_string(path).map_err(|_| Problem::ConfigurationInvalid {
            what: format!("endpoints file {}", path.display()),
        })?;
        Endpoints::from_json(&text)
    }

    /// Parses the endpoints JSON. A provider the file leaves out has no address at all (using
    /// it is refused), never its production one: a test or Sandbox file cannot send anything to
    /// production unnoticed, and a new provider needs no line in every file. Unknown names are
    /// ignored.
    pub fn from_json(json: &str) -> Result<Endpoints, Problem> {
        let mut named: BTreeMap<String, ProviderEndpoints> =
            serde_json::from_str(json).map_err(|_| Problem::ConfigurationInvalid {
                what: "endpoints file".to_owned(),
            })?;
        let by_provider = ENTRIES
            .iter()
            .filter_map(|entry| Some((entry.id, named.remove(entry.slug)?)))
            .collect();
        Ok(Endpoints { by_provider })
    }

    /// The endpoints named by `HRLINK_ENDPOINTS`, if set.
    pub fn from_env() -> Option<Result<Endpoints, Problem>> {
        let path = std::env::var_os(ENDPOINTS_ENV)?;
        Some(Endpoints::from_file(Path::new(&path)))
    }

    /// One provider's endpoints; `None` when its address is not known.
    pub fn get(&self, provider: ProviderId) -> Option<&ProviderEndpoints> {
        self.by_provider.get(&provider)
    }

    /// One provider's endpoints, or the problem to show when they are not configured.
    pub fn require(&self, provider: ProviderId) -> Result<&ProviderEndpoints, Problem> {
        self.get(provider)
            .ok_or_else(|| Problem::ConfigurationInvalid {
                what: format!("no address for {}", provider.display_name()),
            })
    }
}

/// The base URLs a connection was verified against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundOrigins {
    /// Base of the HR system's API.
    pub api: Url,
    /// Base of its OAuth authorisation server (browser sign-ins); `None` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<Url>,
}

impl BoundOrigins {
    /// The addresses of `endpoints`, to bind a connection verified there.
    pub fn of(endpoints: &ProviderEndpoints) -> BoundOrigins {
        BoundOrigins {
            api: endpoints.api.clone(),
            auth: endpoints.auth.clone(),
        }
    }

    /// The bound addresses as endpoints to call.
    pub fn endpoints(&self) -> ProviderEndpoints {
        ProviderEndpoints {
            api: self.api.clone(),
            auth: self.auth.clone(),
        }
    }

    /// `Ok` when `endpoints` are exactly the bound addresses; otherwise the problem naming
    /// both hosts (never anything secret).
    pub fn ensure_same(&self, endpoints: &ProviderEndpoints) -> Result<(), Problem> {
        let now = BoundOrigins::of(endpoints);
        if *self == now {
            return Ok(());
        }
        let (saved, now) = if self.api == now.api {
            (self.auth.as_ref(), now.auth.as_ref())
        } else {
            (Some(&self.api), Some(&now.api))
        };
        Err(Problem::ConnectionEndpointChanged {
            saved: saved.map_or_else(|| "none".to_owned(), host),
            now: now.map_or_else(|| "none".to_owned(), host),
        })
    }
}

/// How a base URL is named in messages: host, port when not the scheme's, and path prefix
/// (the Sandbox serves every provider on one port).
fn host(url: &Url) -> String {
    let mut named = url.host_str().unwrap_or("?").to_owned();
    if let Some(port) = url.port() {
        named.push_str(&format!(":{port}"));
    }
    let path = url.path().trim_end_matches('/');
    named.push_str(path);
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_urls_parse() {
        let production = Endpoints::production();
        for provider in [
            ProviderId::Hrworks,
            ProviderId::Employmenthero,
            ProviderId::Ipayroll,
        ] {
            let endpoints = production.get(provider).unwrap();
            assert_eq!(endpoints.api.scheme(), "https");
        }
        assert!(production.get(ProviderId::Iris).is_none());
    }

    #[test]
    fn reads_the_sandbox_format() {
        let json = r#"{"hrworks":{"api":"http://127.0.0.1:4100/hrworks"},
            "employmenthero":{"api":"http://127.0.0.1:4100/eh/api","auth":"http://127.0.0.1:4100/eh/oauth"},
            "ipayroll":{"api":"http://127.0.0.1:4100/ipayroll","auth":"http://127.0.0.1:4100/ipayroll"},
            "iris":{"api":"http://127.0.0.1:4100/iris"}}"#;
        let endpoints = Endpoints::from_json(json).unwrap();
        assert_eq!(
            endpoints.require(ProviderId::Hrworks).unwrap().api.as_str(),
            "http://127.0.0.1:4100/hrworks"
        );
        assert!(endpoints.require(ProviderId::Iris).is_ok());
    }

    #[test]
    fn a_provider_the_file_leaves_out_has_no_address_not_its_production_one() {
        let endpoints =
            Endpoints::from_json(r#"{"iris":{"api":"http://127.0.0.1:4100/iris"}}"#).unwrap();
        assert!(endpoints.require(ProviderId::Iris).is_ok());
        assert!(matches!(
            endpoints.require(ProviderId::Hrworks),
            Err(Problem::ConfigurationInvalid { .. })
        ));
    }

    #[test]
    fn invalid_json_is_a_configuration_problem() {
        assert!(matches!(
            Endpoints::from_json("{"),
            Err(Problem::ConfigurationInvalid { .. })
        ));
    }
}
