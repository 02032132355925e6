//! How a verified connection reaches the product (`[delivery]` in `hrlink.toml`, HANDOFF.md):
//! locally, through `hrlink credential get` (the default, and the demo's), or sealed to the
//! product's backend at the one `origin` its configuration names.
//!
//! ```toml
//! [delivery]
//! mode = "local"                                   # default
//! # mode = "cloud"
//! # origin = "https://app.acme-rostering.example"  # cloud only; http only for 127.0.0.1/[::1]
//! ```

use url::{Host, Url};

use crate::Problem;

/// Where connections go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Delivery {
    /// The product runs on this computer and asks HR Link for access.
    #[default]
    Local,
    /// The product's backend at `origin` receives each connection.
    Cloud {
        /// The one place connections may be sent: scheme, host and port only.
        origin: Url,
    },
}

/// The settings `[delivery]` may hold.
const SETTINGS: [&str; 2] = ["mode", "origin"];

impl Delivery {
    /// Reads the `[delivery]` table; `invalid` names the file and the setting in the problem.
    pub(crate) fn from_table(
        table: Option<&toml::Table>,
        invalid: &dyn Fn(&str) -> Problem,
    ) -> Result<Delivery, Problem> {
        let Some(table) = table else {
            return Ok(Delivery::Local);
        };
        if let Some(unknown) = table.keys().find(|key| !SETTINGS.contains(&key.as_str())) {
            // A key is not a secret, but it came from a file: named only when plain.
            let plain = unknown.len() <= 40
                && unknown
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            let named = if plain { unknown.as_str() } else { "…" };
            return Err(invalid(&format!("delivery.{named} is not a setting")));
        }
        let text = |key: &str| match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(value)) => Ok(Some(value.as_str())),
            Some(_) => Err(invalid(&format!("delivery.{key}"))),
        };
        match (text("mode")?, text("origin")?) {
            (None | Some("local"), None) => Ok(Delivery::Local),
            (None | Some("local"), Some(_)) => {
                Err(invalid("delivery.origin is only for mode = \"cloud\""))
            }
            (Some("cloud"), Some(origin)) => Ok(Delivery::Cloud {
                origin: cloud_origin(origin).ok_or_else(|| {
                    invalid(
                        "delivery.origin must be an https origin \
                         (http only for 127.0.0.1 or [::1])",
                    )
                })?,
            }),
            (Some("cloud"), None) => Err(invalid("delivery.origin is needed for mode = \"cloud\"")),
            (Some(_), _) => Err(invalid("delivery.mode must be \"local\" or \"cloud\"")),
        }
    }
}

/// `text` as an origin connections may be sent to: https, or http on a loopback address; no
/// user, path, query or fragment.
fn cloud_origin(text: &str) -> Option<Url> {
    let url = Url::parse(text).ok()?;
    let loopback = match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    };
    let secure = url.scheme() == "https" || (url.scheme() == "http" && loopback);
    let bare = url.username().is_empty()
        && url.password().is_none()
        && url.path() == "/"
        && url.query().is_none()
        && url.fragment().is_none();
    (secure && bare && url.host().is_some()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Delivery, Problem> {
        let table: toml::Table = toml::from_str(text).unwrap();
        let invalid = |setting: &str| Problem::ConfigurationInvalid {
            what: format!("hrlink.toml: {setting}"),
        };
        Delivery::from_table(table.get("delivery").and_then(|v| v.as_table()), &invalid)
    }

    fn what(result: Result<Delivery, Problem>) -> String {
        match result {
            Err(Problem::ConfigurationInvalid { what }) => what,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn local_is_the_default() {
        assert_eq!(parse(""), Ok(Delivery::Local));
        assert_eq!(parse("[delivery]\nmode = \"local\""), Ok(Delivery::Local));
    }

    #[test]
    fn cloud_needs_an_https_origin_or_loopback_http() {
        for ok in [
            "https://app.acme-rostering.example",
            "https://app.acme-rostering.example:8443/",
            "http://127.0.0.1:4321",
            "http://[::1]:4321",
        ] {
            let delivery = parse(&format!("[delivery]\nmode = \"cloud\"\norigin = \"{ok}\""));
            assert!(
                matches!(delivery, Ok(Delivery::Cloud { .. })),
                "{ok}: {delivery:?}"
            );
        }
        for bad in [
            "http://app.acme-rostering.example",
            "http://localhost:4321",
            "https://app.example/hrlink",
            "https://user@app.example",
            "ftp://app.example",
            "not a url",
        ] {
            let what = what(parse(&format!(
                "[delivery]\nmode = \"cloud\"\norigin = \"{bad}\""
            )));
            assert!(
                what.starts_with("hrlink.toml: delivery.origin"),
                "{bad}: {what}"
            );
            assert!(!what.contains(bad), "the value is not echoed: {what}");
        }
        assert!(what(parse("[delivery]\nmode = \"cloud\"")).contains("delivery.origin"));
    }

    #[test]
    fn unknown_settings_and_modes_are_refused_by_name() {
        assert_eq!(
            what(parse("[delivery]\nmode = \"local\"\nendpoint = \"x\"")),
            "hrlink.toml: delivery.endpoint is not a setting"
        );
        assert!(what(parse("[delivery]\nmode = \"email\"")).contains("delivery.mode"));
        assert!(what(parse("[delivery]\nmode = 1")).contains("delivery.mode"));
        assert!(
            what(parse("[delivery]\norigin = \"https://a.example\"")).contains("delivery.origin")
        );
    }
}
