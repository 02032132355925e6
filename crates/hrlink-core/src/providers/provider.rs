//! What every provider module does, so that the engines above (verification, people listing,
//! connections) call one trait and never ask which provider they are talking to.

use std::time::SystemTime;

use futures::future::BoxFuture;
use secrecy::SecretString;
use url::Url;

use super::catalogue::ProviderId;
use super::screens::GuideScreen;
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{OAuthGrant, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::HttpClient;
use crate::mapping::Structure;
use crate::oauth::{AuthorizationServer, OAuthTokens, SignInOptions};
use crate::people::Person;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::verify::progress::ProgressSink;
use crate::verify::report::{Account, VerificationReport};

/// How a program presents its access to the HR system's API: `Authorization: <scheme> <token>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthScheme {
    /// A token the HR system issued.
    Bearer,
    /// HTTP Basic: the token is `base64(user:password)`, for an API key that is its own access.
    Basic,
}

impl AuthScheme {
    /// The scheme's name in the header.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthScheme::Bearer => "Bearer",
            AuthScheme::Basic => "Basic",
        }
    }
}

/// Access for a program that asks HR Link for it (`hrlink credential get`).
pub struct ProgramAccess {
    /// How the token is presented.
    pub scheme: AuthScheme,
    /// What follows the scheme in the `Authorization` header.
    pub token: SecretString,
    /// When it expires, when the HR system said.
    pub expires_at: Option<SystemTime>,
    /// The API the token is for, when it is not at the endpoints' address (an API key's
    /// regional deployment); `None`: the endpoints' API.
    pub api_base: Option<Url>,
}

impl ProgramAccess {
    /// A bearer token for the endpoints' API.
    pub fn bearer(token: SecretString, expires_at: Option<SystemTime>) -> ProgramAccess {
        ProgramAccess {
            scheme: AuthScheme::Bearer,
            token,
            expires_at,
            api_base: None,
        }
    }
}

/// One HR system's behaviour. Its data (names, permissions, addresses) is its
/// [`catalogue`](super::catalogue) entry; [`super::provider`] finds the module for an id.
///
/// `secret` is always of the provider's [`CredentialKind`](super::CredentialKind):
/// [`crate::credentials::Credentials`] cannot be built otherwise.
pub trait Provider: Sync {
    /// Which provider this is.
    fn id(&self) -> ProviderId;

    /// The guide's screens: how to create the API user, key or app in this system's own words
    /// (texts `{slug}.{screen}.…` in `messages/guide.{en,de}.json`).
    fn guide_screens(&self, config: &Config) -> Vec<GuideScreen>;

    /// Parses what the admin pasted or loaded (a key file, generated credentials), for
    /// providers whose credentials are text.
    fn parse_secret(&self, bytes: &[u8]) -> Result<Secret, Problem> {
        let _ = bytes;
        Err(Problem::ConfigurationInvalid {
            what: format!("{} signs in through the browser", self.id().display_name()),
        })
    }

    /// Whether `name` has the shape this system gives its API users' names, so that it cannot
    /// be a password typed or pasted into the wrong field (the wizard's draft keeps only such a
    /// name). `false` for systems with no user name to keep.
    fn has_user_name_shape(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// The OAuth authorisation server at these addresses, for providers whose credentials are a
    /// browser sign-in (`None` for the others).
    fn authorization_server(&self, endpoints: &ProviderEndpoints) -> Option<AuthorizationServer> {
        let _ = endpoints;
        None
    }

    /// Signs in through the system browser, for providers whose credentials are a browser
    /// sign-in. `chosen`: the optional permissions the admin selected (`None`: every configured
    /// one).
    fn sign_in<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        oauth: &'a OAuthProviderConfig,
        chosen: Option<&'a [String]>,
        options: &'a SignInOptions<'a>,
    ) -> BoxFuture<'a, Result<OAuthGrant, Problem>> {
        let _ = (http, endpoints, oauth, chosen, options);
        let problem = Problem::ConfigurationInvalid {
            what: format!(
                "{} does not sign in through the browser",
                self.id().display_name()
            ),
        };
        Box::pin(async move { Err(problem) })
    }

    /// New tokens from a browser sign-in's refresh token (rotated where the provider rotates
    /// them).
    fn refresh<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        oauth: &'a OAuthProviderConfig,
        tokens: &'a OAuthTokens,
    ) -> BoxFuture<'a, Result<OAuthTokens, Problem>> {
        let _ = (http, endpoints, oauth, tokens);
        let provider = self.id();
        Box::pin(async move {
            Err(Problem::for_provider(provider, |provider| {
                Problem::SignInExpired { provider }
            }))
        })
    }

    /// Access for a program that asks HR Link for it (`hrlink credential get`): a short-lived
    /// token signed in with a stored key pair or login, or an API key proven to still work.
    /// Browser sign-ins renew theirs with [`Provider::refresh`] instead.
    fn access_token<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<ProgramAccess, Problem>> {
        let _ = (http, endpoints, secret);
        let problem = Problem::ConfigurationInvalid {
            what: format!(
                "{} renews its access with a refresh token",
                self.id().display_name()
            ),
        };
        Box::pin(async move { Err(problem) })
    }

    /// Authenticates, finds the account, probes every permission and counts the people.
    fn verify<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        progress: &'a dyn ProgressSink,
    ) -> BoxFuture<'a, VerificationReport>;

    /// The organisations the credentials reach, when the admin has to choose one; empty for
    /// systems whose credentials reach exactly one.
    fn organisations<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<Vec<Account>, Problem>> {
        let _ = (http, endpoints, secret);
        Box::pin(async { Ok(Vec::new()) })
    }

    /// Lists everyone the credentials can see, page by page through the listing engine.
    /// `oauth` renews a browser sign-in's tokens that expire mid-way.
    #[allow(
        clippy::too_many_arguments,
        reason = "the listing's inputs, each from a different owner"
    )]
    fn list_people<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        oauth: Option<&'a OAuthProviderConfig>,
        options: &'a ListingOptions,
        progress: &'a dyn ListingProgressSink,
    ) -> BoxFuture<'a, ListingOutcome>;

    /// The organisation structure (locations, areas of work, roles) for the mapping step: what
    /// the HR system lists of each kind it has, with ids and names (the people counts are
    /// filled in by [`crate::mapping::list_structure`]). `people` is the listing just done, for
    /// systems whose structure exists only as values on people. A kind the system does not
    /// have is `None`; the default is a system with no structure at all.
    fn structure<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        people: &'a [Person],
    ) -> BoxFuture<'a, Result<Structure, Problem>> {
        let _ = (http, endpoints, secret, people);
        Box::pin(async { Ok(Structure::default()) })
    }
}
