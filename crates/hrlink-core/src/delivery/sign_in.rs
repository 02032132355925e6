//! Browser sign-ins in cloud mode (HANDOFF.md §2.3): the OAuth client is the product's (the
//! enrollment names its client id and redirect), PKCE S256 always, and the code goes to the
//! product's backend instead of being exchanged here. HR Link never holds the product's client
//! secret or any refresh token; the access token that comes back is for verification only.

use super::client::{Backend, CodeHandover};
use super::wire::Enrollment;
use crate::config::Permissions;
use crate::credentials::{Credentials, OAuthGrant};
use crate::oauth::{self, OAuthClient, SignInOptions};
use crate::providers;
use crate::{Endpoints, Problem, ProviderId};

/// Signs in to `provider` for the product and has its backend exchange the code. `permissions`
/// are what to judge the grant by; the scopes asked for (iPayroll) are the required ones and
/// the optional ones `chosen` by the admin (`None`: all of them). The product's backend holds
/// the resulting refresh token.
pub async fn sign_in_for_product(
    backend: &Backend,
    enrollment: &Enrollment,
    endpoints: &Endpoints,
    provider: ProviderId,
    permissions: &Permissions,
    chosen: Option<&[String]>,
    options: &SignInOptions<'_>,
) -> Result<Credentials, Problem> {
    let product_client =
        enrollment
            .oauth_client(provider)
            .ok_or_else(|| Problem::DeliveryProtocolError {
                product: backend.product().to_owned(),
            })?;
    let endpoints = endpoints.require(provider)?;
    let server = providers::provider(provider)
        .authorization_server(endpoints)
        .ok_or_else(|| Problem::ConfigurationInvalid {
            what: format!(
                "{} does not sign in through the browser",
                provider.display_name()
            ),
        })?;
    let client = OAuthClient {
        client_id: product_client.client_id.clone(),
        client_secret: None,
        redirect_port: product_client.redirect_port,
        redirect_path: product_client.redirect_path.clone(),
    };
    let scopes = match chosen {
        Some(chosen) => permissions.selected(chosen).scopes(),
        None => permissions.scopes(),
    };
    let authorization = oauth::authorize(&server, &client, &scopes, options).await?;
    let code_verifier = authorization.pkce.verifier().clone();
    let handover = CodeHandover {
        provider,
        code: authorization.code,
        code_verifier,
        redirect_uri: authorization.redirect_uri.to_string(),
    };
    let tokens = backend.oauth_exchange(enrollment, &handover).await?;
    let grant = OAuthGrant {
        tokens,
        permissions: permissions.clone(),
        organisation_id: None,
    };
    Ok(Credentials::oauth(provider, grant))
}

/// The permissions to judge `provider`'s grant by: the integration configuration's, else the
/// provider's required ones.
pub fn product_permissions(
    config: Option<&crate::config::Config>,
    provider: ProviderId,
) -> Permissions {
    if let Some(oauth) = config.and_then(|config| config.oauth(provider).ok()) {
        return oauth.permissions.clone();
    }
    Permissions {
        required: provider.entry().required().map(str::to_owned).collect(),
        optional: Vec::new(),
    }
}
