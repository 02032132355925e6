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
//! PKCE is not documented by iPayroll; it is sent unless the configuration turns it off, because
//! servers that do not know it ignore it (RFC 7636 §5) and it protects the code when they do.

use serde::Deserialize;
use url::Url;

use crate::config::{OAuthProviderConfig, Permissions};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::oauth::{self, AuthorizationServer, OAuthTokens, SignInOptions, get_json};
use crate::providers::{Probe, json_text};
use crate::verify::{Account, PeopleCount, ProgressSink, VerificationReport, VerifyStep, step};
use crate::{Problem, ProviderId};

/// The API-username rule (`49764apihrlink`) for the wizard's "create the API user" step.
pub use crate::credentials::ipayroll::{check_api_username, suggest_api_username};

const PROVIDER: ProviderId = ProviderId::Ipayroll;

/// Every scope iPayroll knows.
pub const SCOPES: [&str; 10] = [
    "employees",
    "timesheets",
    "payrates",
    "customfields",
    "costcentres",
    "leavebalances",
    "leaverequests",
    "payslips",
    "payelements",
    "payrolls",
];

/// The scopes HR Link cannot work without (the default `required_permissions`).
pub const REQUIRED_SCOPES: [&str; 1] = ["employees"];

/// An iPayroll sign-in, ready to verify.
#[derive(Debug, Clone)]
pub struct IpayrollGrant {
    /// The tokens (store the refresh token in the vault).
    pub tokens: OAuthTokens,
    /// The permissions the product needs, to judge the grant against.
    pub permissions: Permissions,
}

/// iPayroll's authorisation server at `endpoints` (`{auth}/oauth/authorize`, `{auth}/oauth/token`;
/// the API base when no separate auth base is set).
pub fn authorization_server(endpoints: &ProviderEndpoints, pkce: bool) -> AuthorizationServer {
    let auth = endpoints.auth.as_ref().unwrap_or(&endpoints.api);
    AuthorizationServer {
        provider: PROVIDER,
        authorize_url: join(auth, "/oauth/authorize"),
        token_url: join(auth, "/oauth/token"),
        send_scope: true,
        pkce,
    }
}

/// Signs in through the browser, asking for the configured permissions.
pub async fn sign_in(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    options: &SignInOptions<'_>,
) -> Result<IpayrollGrant, Problem> {
    let server = authorization_server(endpoints, config.pkce);
    let scopes = config.permissions.scopes();
    let tokens = oauth::sign_in(http, &server, &config.client()?, &scopes, options).await?;
    Ok(IpayrollGrant {
        tokens,
        permissions: config.permissions.clone(),
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
    let server = authorization_server(endpoints, config.pkce);
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
    grant: &IpayrollGrant,
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
    PeopleCount {
        count: u32::try_from(first.total).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organisation_number_names_the_account() {
        let first = FirstPage {
            organisation: Some("49764".into()),
            total: 3,
        };
        assert_eq!(
            account(&first),
            Account {
                id: "49764".into(),
                name: "iPayroll organisation 49764".into()
            }
        );
        assert_eq!(people_count(&first).count, 3);
        assert_eq!(json_text(&serde_json::json!(49764)), "49764");
    }

    #[test]
    fn endpoints_follow_the_documented_paths() {
        let endpoints = ProviderEndpoints {
            api: Url::parse("https://secure2.ipayroll.co.nz").unwrap(),
            auth: None,
        };
        let server = authorization_server(&endpoints, true);
        assert_eq!(
            server.authorize_url.as_str(),
            "https://secure2.ipayroll.co.nz/oauth/authorize"
        );
        assert_eq!(
            server.token_url.as_str(),
            "https://secure2.ipayroll.co.nz/oauth/token"
        );
        assert!(server.send_scope);
    }
}
