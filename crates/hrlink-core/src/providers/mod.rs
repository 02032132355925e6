//! The HR systems HR Link connects to: one module per provider plus the catalogue data that the
//! wizard, the verification and the CLI share.

pub mod hrworks;

use serde::{Deserialize, Serialize};

/// An HR or payroll system HR Link can connect to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProviderId {
    /// iPayroll (New Zealand payroll), OAuth 2.0.
    Ipayroll,
    /// IRIS HR Professional (UK HR), API user name + password.
    Iris,
    /// HRworks (German HR), access key + secret access key.
    Hrworks,
    /// Employment Hero (Australian HR platform), OAuth 2.0 with PKCE.
    Employmenthero,
}

/// How the admin hands credentials over for a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// An access key pair, pasted or loaded from the downloaded key file.
    KeyPair,
    /// A generated API user name and password.
    UsernamePassword,
    /// Sign-in in the system browser (OAuth authorisation code).
    BrowserSignIn,
}

impl ProviderId {
    /// Every provider, in the order the wizard lists them.
    pub const ALL: [ProviderId; 4] = [
        ProviderId::Ipayroll,
        ProviderId::Iris,
        ProviderId::Hrworks,
        ProviderId::Employmenthero,
    ];

    /// The name people know the system by.
    pub fn display_name(self) -> &'static str {
        match self {
            ProviderId::Ipayroll => "iPayroll",
            ProviderId::Iris => "IRIS HR Professional",
            ProviderId::Hrworks => "HRworks",
            ProviderId::Employmenthero => "Employment Hero",
        }
    }

    /// The stable identifier used in files, the CLI and the endpoints file.
    pub fn slug(self) -> &'static str {
        match self {
            ProviderId::Ipayroll => "ipayroll",
            ProviderId::Iris => "iris",
            ProviderId::Hrworks => "hrworks",
            ProviderId::Employmenthero => "employmenthero",
        }
    }

    /// Parses a slug as written on the command line or in files.
    pub fn from_slug(slug: &str) -> Option<ProviderId> {
        ProviderId::ALL
            .into_iter()
            .find(|p| p.slug().eq_ignore_ascii_case(slug.trim()))
    }

    /// How credentials are handed over for this provider.
    pub fn credential_kind(self) -> CredentialKind {
        match self {
            ProviderId::Hrworks => CredentialKind::KeyPair,
            ProviderId::Iris => CredentialKind::UsernamePassword,
            ProviderId::Ipayroll | ProviderId::Employmenthero => CredentialKind::BrowserSignIn,
        }
    }

    /// Where the system is sold, shown next to its name.
    pub fn region(self) -> &'static str {
        match self {
            ProviderId::Ipayroll => "NZ",
            ProviderId::Iris => "UK",
            ProviderId::Hrworks => "DE",
            ProviderId::Employmenthero => "AU",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_ignore_case() {
        for provider in ProviderId::ALL {
            assert_eq!(ProviderId::from_slug(provider.slug()), Some(provider));
            assert_eq!(
                ProviderId::from_slug(&provider.slug().to_uppercase()),
                Some(provider)
            );
        }
        assert_eq!(ProviderId::from_slug("personio"), None);
    }

    #[test]
    fn serde_names_match_slugs() {
        for provider in ProviderId::ALL {
            let json = serde_json::to_string(&provider).unwrap();
            assert_eq!(json, format!("\"{}\"", provider.slug()));
        }
    }
}

use crate::Problem;
use crate::http::HttpFailure;

/// Turns a transport failure into the problem to show, in the provider's name.
pub(crate) fn failure_problem(provider: ProviderId, failure: HttpFailure) -> Problem {
    let name = provider.display_name().to_owned();
    match failure {
        HttpFailure::Insecure => Problem::InsecureEndpoint { provider: name },
        HttpFailure::Unreachable | HttpFailure::Tls => {
            Problem::ProviderUnreachable { provider: name }
        }
        HttpFailure::Timeout => Problem::ProviderTimeout { provider: name },
        HttpFailure::RateLimited { retry_after } => Problem::ProviderRateLimited {
            provider: name,
            retry_after_seconds: retry_after
                .map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX)),
        },
        HttpFailure::ServerError(_) => Problem::ProviderServerError { provider: name },
        HttpFailure::Redirect | HttpFailure::TooLarge | HttpFailure::NotJson => {
            Problem::ProviderUnexpectedResponse { provider: name }
        }
    }
}
