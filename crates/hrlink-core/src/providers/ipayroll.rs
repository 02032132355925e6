//! iPayroll (New Zealand payroll): sign-in through the browser as the organisation's API user
//! (OAuth authorisation code; the app asks for scopes, the API user's role decides which are
//! granted), then the proof.
//!
//! iPayroll has no organisation endpoint: the organisation is the `organisation` number of the
//! first employee, shown as "iPayroll organisation 49764" (its name is exposed nowhere). One
//! cheap call, `GET /api/v1/employees?page=0&size=1`, proves the token, names the organisation,
//! probes the `employees` scope (403 = not granted) and counts the people (`page.totalElements`,
//! iPayroll's active employees). Other scopes have no cheap probe here: they are judged from the
//! token response's `scope` list.
//!
//! PKCE is not documented by iPayroll; it is sent anyway (as on every sign-in), because servers
//! that do not know it ignore it (RFC 7636 §5) and it protects the code when they do.

mod people;

use futures::future::BoxFuture;
use serde::Deserialize;
use url::Url;

use super::catalogue::ProviderId;
use super::provider::Provider;
use super::screens::{GuideScreen, StepValue, screen};
use super::support::{Probe, json_text, wrong_kind};
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{OAuthGrant, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::mapping::{CategoryKind, Structure, structure_from_people};
use crate::oauth::{self, AuthorizationServer, OAuthTokens, SignInOptions, get_json};
use crate::people::Person;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{Account, PeopleCount, VerificationReport};

/// The API-username rule (`49764apihrlink`) for the wizard's "create the API user" step.
pub use crate::credentials::ipayroll::{check_api_username, suggest_api_username};

const PROVIDER: ProviderId = ProviderId::Ipayroll;

/// iPayroll's authorisation server at `endpoints` (`{auth}/oauth/authorize`, `{auth}/oauth/token`;
/// the API base when no separate auth base is set).
pub fn authorization_server(endpoints: &ProviderEndpoints) -> AuthorizationServer {
    let auth = endpoints.auth.as_ref().unwrap_or(&endpoints.api);
    AuthorizationServer {
        provider: PROVIDER,
        authorize_url: join(auth, "/oauth/authorize"),
        token_url: join(auth, "/oauth/token"),
        send_scope: true,
    }
}

/// Signs in through the browser, asking (in the `scope` parameter) for the required permissions
/// and the `chosen` optional ones, or for every configured one when no choice was made.
pub async fn sign_in(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    chosen: Option<&[String]>,
    options: &SignInOptions<'_>,
) -> Result<OAuthGrant, Problem> {
    let server = authorization_server(endpoints);
    let scopes = match chosen {
        Some(chosen) => config.permissions.selected(chosen).scopes(),
        None => config.permissions.scopes(),
    };
    let tokens = oauth::sign_in(http, &server, &config.client()?, &scopes, options).await?;
    Ok(OAuthGrant {
        tokens,
        permissions: config.permissions.clone(),
        organisation_id: None,
    })
}

/// New tokens from the refresh token (iPayroll's refresh tokens last ten years and do not
/// rotate: the same one comes back).
pub async fn refresh(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    tokens: &OAuthTokens,
) -> Result<OAuthTokens, Problem> {
    let server = authorization_server(endpoints);
    oauth::refresh(http, &server, &config.client()?, tokens).await
}

#[derive(Deserialize)]
struct EmployeePage {
    #[serde(default)]
    content: Vec<EmployeeOrganisation>,
    page: PageInfo,
}

/// Only the field we need: nothing personal is decoded.
#[derive(Deserialize)]
struct EmployeeOrganisation {
    #[serde(default)]
    organisation: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageInfo {
    total_elements: u64,
}

/// What the first employee page told, or `None` when `employees` is not granted.
struct FirstPage {
    organisation: Option<String>,
    total: u64,
}

/// Verifies an iPayroll sign-in: token, organisation, permissions, people count.
pub async fn verify(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let first = step(
        progress,
        VerifyStep::Authenticate,
        first_page(http, &endpoints.api, &grant.tokens),
    )
    .await;
    let first = match first {
        Ok(first) => first,
        Err(problem) => return VerificationReport::failed(PROVIDER, problem),
    };
    let account = step(progress, VerifyStep::Account, async {
        first.as_ref().map(account).ok_or(())
    })
    .await
    .ok();
    let probed = [("employees", first.is_some())];
    let permissions =
        oauth::check_permissions(progress, &grant.permissions, &grant.tokens, &probed).await;
    let people = step(progress, VerifyStep::People, async {
        first.as_ref().map(people_count).ok_or(())
    })
    .await
    .ok();
    VerificationReport::assemble(PROVIDER, account, permissions, people, Vec::new())
}

/// `GET /api/v1/employees?page=0&size=1`: proves the token and reads what the report needs.
async fn first_page(
    http: &HttpClient,
    api: &Url,
    tokens: &OAuthTokens,
) -> Result<Option<FirstPage>, Problem> {
    let mut url = join(api, "/api/v1/employees");
    url.set_query(Some("page=0&size=1"));
    match get_json::<EmployeePage>(http, PROVIDER, url, tokens).await {
        Ok(page) => Ok(Some(FirstPage {
            organisation: page
                .content
                .into_iter()
                .find_map(|employee| employee.organisation.map(|org| json_text(&org))),
            total: page.page.total_elements,
        })),
        Err(Probe::Denied) => Ok(None),
        Err(Probe::Failed(problem)) => Err(problem),
    }
}

fn account(first: &FirstPage) -> Account {
    match &first.organisation {
        Some(number) => Account {
            id: number.clone(),
            name: format!("iPayroll organisation {number}"),
        },
        // No active employee, so no organisation number: iPayroll names it nowhere else.
        None => Account {
            id: String::new(),
            name: "iPayroll organisation".to_owned(),
        },
    }
}

fn people_count(first: &FirstPage) -> PeopleCount {
    // The listing iPayroll counts holds the active employees only.
    PeopleCount::active(u32::try_from(first.total).unwrap_or(u32::MAX))
}

/// iPayroll, as the engines see it.
pub struct Ipayroll;

impl Provider for Ipayroll {
    fn id(&self) -> ProviderId {
        PROVIDER
    }

    fn guide_screens(&self, _config: &Config) -> Vec<GuideScreen> {
        let p = PROVIDER;
        vec![
            screen(p, "sign_out", vec![None, None]),
            screen(
                p,
                "create_user",
                vec![None, Some(StepValue::ApiUsername), None],
            ),
            screen(p, "password", vec![None, None, None]),
            screen(
                p,
                "allow",
                vec![None, Some(StepValue::Permissions { joined: false })],
            ),
        ]
    }

    /// No structure endpoint is documented: locations are the employees' `workState` values and
    /// areas of work their `userDefinedGroup` (cost centres are not read: the listing does not
    /// keep `defaultCostCentre`).
    fn structure<'a>(
        &'a self,
        _http: &'a HttpClient,
        _endpoints: &'a ProviderEndpoints,
        _secret: &'a Secret,
        people: &'a [Person],
    ) -> BoxFuture<'a, Result<Structure, Problem>> {
        let structure = structure_from_people(
            people,
            &[CategoryKind::Locations, CategoryKind::AreasOfWork],
        );
        Box::pin(async move { Ok(structure) })
    }

    /// Its API-user rule (`49764apihrlink`).
    fn has_user_name_shape(&self, name: &str) -> bool {
        check_api_username(name, None).is_ok()
    }

    fn authorization_server(&self, endpoints: &ProviderEndpoints) -> Option<AuthorizationServer> {
        Some(authorization_server(endpoints))
    }

    fn sign_in<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        oauth: &'a OAuthProviderConfig,
        chosen: Option<&'a [String]>,
        options: &'a SignInOptions<'a>,
    ) -> BoxFuture<'a, Result<OAuthGrant, Problem>> {
        Box::pin(sign_in(http, endpoints, oauth, chosen, options))
    }

    fn refresh<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        oauth: &'a OAuthProviderConfig,
        tokens: &'a OAuthTokens,
    ) -> BoxFuture<'a, Result<OAuthTokens, Problem>> {
        Box::pin(refresh(http, endpoints, oauth, tokens))
    }

    fn verify<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        progress: &'a dyn ProgressSink,
    ) -> BoxFuture<'a, VerificationReport> {
        Box::pin(async move {
            match grant(secret) {
                Ok(grant) => verify(http, endpoints, grant, progress).await,
                Err(problem) => VerificationReport::failed(PROVIDER, problem),
            }
        })
    }

    fn list_people<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        oauth: Option<&'a OAuthProviderConfig>,
        options: &'a ListingOptions,
        progress: &'a dyn ListingProgressSink,
    ) -> BoxFuture<'a, ListingOutcome> {
        Box::pin(async move {
            match grant(secret) {
                Ok(grant) => {
                    people::list_people(http, endpoints, grant, oauth, options, progress).await
                }
                Err(problem) => ListingOutcome {
                    result: Err(problem),
                    refreshed_tokens: None,
                },
            }
        })
    }
}

fn grant(secret: &Secret) -> Result<&OAuthGrant, Problem> {
    secret.grant().ok_or_else(|| wrong_kind(PROVIDER))
}

#[cfg(test)]
mod tests;
