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
use crate::oauth::renewal::OAuthRenewal;
use crate::oauth::{self, AuthorizationServer, OAuthTokens, SignInOptions, get_json};
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::fields;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::people::{Person, PersonIds};
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

// --- People listing: HATEOAS pages from 0, `links` to follow, active employees only. ---

/// The page size asked for (the Sandbox's maximum; iPayroll's is not documented, and a server
/// serving smaller pages says so in `totalPages`, which then still covers everyone).
const PAGE_SIZE: u32 = 100;

#[derive(Deserialize)]
struct EmployeeList {
    #[serde(default)]
    content: Vec<Employee>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    page: Option<ListPage>,
}

#[derive(Deserialize)]
struct Link {
    rel: String,
    href: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListPage {
    #[serde(default)]
    total_pages: Option<u32>,
}

/// The employee fields HR Link keeps (birth date, gender, phone, address are not read).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Employee {
    #[serde(default)]
    employee_id: serde_json::Value,
    /// First and middle names together.
    #[serde(default)]
    first_names: Option<String>,
    #[serde(default)]
    surname: Option<String>,
    #[serde(default)]
    preferred_name: Option<String>,
    /// iPayroll's only address field: the work email where the employee has one.
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    finish_date: Option<String>,
    /// The job title (not a salutation).
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    user_defined_group: Option<String>,
    #[serde(default)]
    work_state: Option<String>,
}

impl Employee {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let end_date = self.finish_date.as_deref().and_then(parse_date);
        // iPayroll lists active employees (no status field); a passed finish date means left.
        let status = fields::status_of(None, end_date, today);
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.employee_id)).filter(|id| !id.is_empty()),
                ..PersonIds::default()
            },
            first_name: self.first_names.unwrap_or_default(),
            last_name: self.surname.unwrap_or_default(),
            preferred_name: text(self.preferred_name),
            work_email: text(self.email),
            status: Some(status),
            start_date: self.start_date.as_deref().and_then(parse_date),
            end_date,
            department: text(self.user_defined_group),
            location: text(self.work_state),
            job_title: text(self.title),
            ..Person::default()
        }
    }
}

struct PeopleSource<'a> {
    api: &'a Url,
    renewal: OAuthRenewal<'a>,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employees";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/api/v1/employees");
        url.set_query(Some(&format!("page={position}&size={PAGE_SIZE}")));
        url
    }

    fn parse(&self, position: u32, response: &crate::http::Response) -> Result<Page, Problem> {
        let list: EmployeeList = super::support::decode(PROVIDER, response)?;
        let base = self.page_url(position);
        let links: Vec<(Url, String)> = list
            .links
            .iter()
            .filter_map(|link| Some((base.join(&link.href).ok()?, link.rel.to_ascii_lowercase())))
            .collect();
        let today = fields::today();
        Ok(Page {
            total_pages: list.page.and_then(|page| page.total_pages),
            next: links
                .iter()
                .find(|(_, rel)| rel == "next")
                .map(|(url, _)| url.clone()),
            links: links.into_iter().map(|(url, _)| url).collect(),
            people: list
                .content
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        self.renewal.renew(PROVIDER).await
    }

    fn refused(&self) -> Problem {
        Problem::for_provider(PROVIDER, |provider| Problem::SignInExpired { provider })
    }
}

/// Lists iPayroll's (active) employees, refreshing the access token when it expires.
pub(crate) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> ListingOutcome {
    let server = authorization_server(endpoints);
    let source = PeopleSource {
        api: &endpoints.api,
        renewal: OAuthRenewal::new(http, server, oauth, &grant.tokens),
    };
    let token = source.renewal.token();
    let result = engine::run(&source, token, http, &[], options, progress).await;
    ListingOutcome {
        result,
        refreshed_tokens: source.renewal.finish().await,
    }
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
                Ok(grant) => list_people(http, endpoints, grant, oauth, options, progress).await,
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
        let server = authorization_server(&endpoints);
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

    #[test]
    fn hateoas_pages_become_people_with_their_links() {
        let endpoints = ProviderEndpoints {
            api: Url::parse("https://secure2.ipayroll.co.nz").unwrap(),
            auth: None,
        };
        let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
        let tokens = crate::oauth::OAuthTokens {
            access_token: secrecy::SecretString::from("t"),
            refresh_token: None,
            expires_at: None,
            granted_scopes: None,
        };
        let source = PeopleSource {
            api: &endpoints.api,
            renewal: OAuthRenewal::new(&http, authorization_server(&endpoints), None, &tokens),
        };
        assert_eq!(
            source.page_url(2).as_str(),
            "https://secure2.ipayroll.co.nz/api/v1/employees?page=2&size=100"
        );
        let body = r#"{"content":[
            {"employeeId":"1001","firstNames":"Aroha Mere","surname":"Ngata","preferredName":"Ro",
             "email":"aroha@bakery.example","startDate":"1-May-2014","finishDate":null,
             "title":"Baker","userDefinedGroup":"Kitchen","workState":"Auckland","organisation":49764},
            {"employeeId":1002,"firstNames":"Sione","surname":"Tonga","finishDate":"3-Feb-2020"}
        ],"links":[{"rel":"self","href":"https://secure2.ipayroll.co.nz/api/v1/employees?page=0&size=100"},
                   {"rel":"next","href":"/api/v1/employees?page=1&size=100"}],
          "page":{"size":100,"totalElements":150,"totalPages":2,"number":0}}"#;
        let response = crate::http::Response {
            status: reqwest::StatusCode::OK,
            headers: reqwest::header::HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        };
        let page = source.parse(0, &response).unwrap();
        assert_eq!(page.total_pages, Some(2));
        assert_eq!(
            page.next.as_ref().map(Url::as_str),
            Some("https://secure2.ipayroll.co.nz/api/v1/employees?page=1&size=100")
        );
        assert_eq!(page.links.len(), 2);
        let [aroha, sione] = page.people.as_slice() else {
            panic!("two people");
        };
        assert_eq!(aroha.ids.provider_id.as_deref(), Some("1001"));
        assert_eq!(aroha.first_name, "Aroha Mere");
        assert_eq!(aroha.preferred_name.as_deref(), Some("Ro"));
        assert_eq!(aroha.start_date, Some(time::macros::date!(2014 - 05 - 01)));
        assert_eq!(aroha.job_title.as_deref(), Some("Baker"));
        assert_eq!(aroha.status, Some(crate::people::PersonStatus::Active));
        assert_eq!(sione.ids.provider_id.as_deref(), Some("1002"));
        assert_eq!(sione.status, Some(crate::people::PersonStatus::Terminated));
    }
}
