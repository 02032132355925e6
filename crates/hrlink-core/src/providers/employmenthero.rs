//! Employment Hero (the HR platform, not its payroll API): sign-in through the browser (OAuth
//! authorisation code with mandatory PKCE; the app's scopes are fixed when it is registered, so
//! the authorize request names none), then the proof.
//!
//! The admin picks one organisation on Employment Hero's consent page, so `/organisations`
//! normally lists exactly that one. Should it list several, the report's account is the one
//! named by [`OAuthGrant::organisation_id`] (the wizard's choice); without a choice the
//! verification stops with [`Problem::OrganisationChoiceNeeded`] (with the count), and the
//! wizard asks which one. Scopes have no introspection endpoint: `organisations:list` and
//! `employees:list` are probed (403 = not granted), others are judged from the token response's
//! `scope` when it has one. Refresh tokens rotate: see [`refresh`].

mod structure;

use futures::future::BoxFuture;
use serde::Deserialize;
use url::Url;

use super::catalogue::ProviderId;
use super::provider::Provider;
use super::screens::{GuideScreen, StepValue, copy, screen};
use super::support::{Probe, decode, json_text, wrong_kind};
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{OAuthGrant, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::oauth::renewal::OAuthRenewal;
use crate::oauth::{self, AuthorizationServer, OAuthTokens, SignInOptions, get_json};
use crate::people::Person;
use crate::people::listing::engine::{self, Page as ListingPage, Source, Token};
use crate::people::listing::types::{
    ListingOptions, ListingOutcome, ListingProgressSink, RateLimit,
};
use crate::people::listing::{fields, paging};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{Account, PeopleCount, VerificationReport};

const PROVIDER: ProviderId = ProviderId::Employmenthero;

/// Employment Hero's authorisation server at `endpoints` (`{auth}/oauth2/authorize`,
/// `{auth}/oauth2/token`), without a `scope` parameter (PKCE, which it requires, is always sent).
pub fn authorization_server(endpoints: &ProviderEndpoints) -> AuthorizationServer {
    let auth = endpoints.auth.as_ref().unwrap_or(&endpoints.api);
    AuthorizationServer {
        provider: PROVIDER,
        authorize_url: join(auth, "/oauth2/authorize"),
        token_url: join(auth, "/oauth2/token"),
        send_scope: false,
    }
}

/// Signs in through the browser; the admin picks the organisation on the consent page.
pub async fn sign_in(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    options: &SignInOptions<'_>,
) -> Result<OAuthGrant, Problem> {
    let server = authorization_server(endpoints);
    let tokens = oauth::sign_in(http, &server, &config.client()?, &[], options).await?;
    Ok(OAuthGrant {
        tokens,
        permissions: config.permissions.clone(),
        organisation_id: None,
    })
}

/// New tokens from the refresh token. Employment Hero rotates refresh tokens: the old one is dead
/// once this returns, so store the returned one (replacing the old in one step) before anything
/// else; a lost one means signing in again.
pub async fn refresh(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    tokens: &OAuthTokens,
) -> Result<OAuthTokens, Problem> {
    oauth::refresh(
        http,
        &authorization_server(endpoints),
        &config.client()?,
        tokens,
    )
    .await
}

#[derive(Deserialize)]
struct Envelope<T> {
    data: Page<T>,
}

#[derive(Deserialize)]
struct Page<T> {
    #[serde(default = "Vec::new")]
    items: Vec<T>,
    #[serde(default)]
    total_items: Option<u64>,
    #[serde(default)]
    total_pages: Option<u32>,
    #[serde(default)]
    item_per_page: Option<u32>,
}

#[derive(Deserialize, Clone)]
struct Organisation {
    id: String,
    #[serde(default)]
    name: String,
}

/// Nothing of an employee is decoded: only the page's total is read.
#[derive(Deserialize)]
struct Ignored {}

/// Verifies an Employment Hero sign-in: token, organisation, permissions, people count.
pub async fn verify(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let api = &endpoints.api;
    let organisations = step(
        progress,
        VerifyStep::Authenticate,
        organisations(http, api, &grant.tokens),
    )
    .await;
    let organisations = match organisations {
        Ok(organisations) => organisations,
        Err(problem) => return VerificationReport::failed(PROVIDER, problem),
    };
    let account = step(progress, VerifyStep::Account, async {
        choose(organisations.as_ref(), grant.organisation_id.as_deref())
    })
    .await;
    let mut problems = Vec::new();
    let account = match account {
        Ok(account) => account,
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let employees = match &account {
        Some(account) => Some(
            step(
                progress,
                VerifyStep::People,
                employee_count(http, api, &grant.tokens, &account.id),
            )
            .await,
        ),
        // No organisation to count in: the permission stays unknown.
        None => None,
    };
    let (people, employees_probe) = match employees {
        Some(Ok(count)) => (Some(count), Some(true)),
        Some(Err(Probe::Denied)) => (None, Some(false)),
        Some(Err(Probe::Failed(problem))) => {
            problems.push(problem);
            (None, None)
        }
        None => (None, None),
    };
    let mut probed = vec![("organisations:list", organisations.is_some())];
    if let Some(granted) = employees_probe {
        probed.push(("employees:list", granted));
    }
    let permissions =
        oauth::check_permissions(progress, &grant.permissions, &grant.tokens, &probed).await;
    VerificationReport::assemble(PROVIDER, account, permissions, people, problems)
}

/// The organisations a sign-in reaches, for the admin to choose from when there are several
/// (the first 100; empty when `organisations:list` is not granted).
pub async fn list_organisations(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
) -> Result<Vec<Account>, Problem> {
    let reached = organisations(http, &endpoints.api, &grant.tokens).await?;
    Ok(reached
        .map(|reached| reached.organisations.iter().map(account).collect())
        .unwrap_or_default())
}

fn account(org: &Organisation) -> Account {
    Account {
        id: org.id.clone(),
        name: org.name.clone(),
    }
}

/// The organisations the token reaches (`None` when `organisations:list` is not granted), with
/// the total when the provider pages them.
async fn organisations(
    http: &HttpClient,
    api: &Url,
    tokens: &OAuthTokens,
) -> Result<Option<Reached>, Problem> {
    let mut url = join(api, "/api/v1/organisations");
    url.set_query(Some("page_index=1&item_per_page=100"));
    match get_json::<Envelope<Organisation>>(http, PROVIDER, url, tokens).await {
        Ok(envelope) => {
            let total = envelope
                .data
                .total_items
                .unwrap_or(envelope.data.items.len() as u64);
            Ok(Some(Reached {
                organisations: envelope.data.items,
                total,
            }))
        }
        Err(Probe::Denied) => Ok(None),
        Err(Probe::Failed(problem)) => Err(problem),
    }
}

/// What `/organisations` listed.
struct Reached {
    organisations: Vec<Organisation>,
    /// All of them, including any on later pages.
    total: u64,
}

/// The account to report: the chosen organisation, or the only one. `Ok(None)` when the
/// organisations cannot be listed and none was chosen (the missing permission says why).
fn choose(reached: Option<&Reached>, chosen: Option<&str>) -> Result<Option<Account>, Problem> {
    let Some(reached) = reached else {
        // Without `organisations:list` the choice is trusted: the employee probe checks it.
        return Ok(chosen.map(|id| Account {
            id: id.to_owned(),
            name: String::new(),
        }));
    };
    let choice_needed = || Problem::OrganisationChoiceNeeded {
        provider: PROVIDER.display_name().to_owned(),
        count: u32::try_from(reached.total).unwrap_or(u32::MAX),
    };
    match (chosen, reached.organisations.as_slice()) {
        (Some(id), organisations) => organisations
            .iter()
            .find(|org| org.id == id)
            .map(|org| Some(account(org)))
            .ok_or_else(choice_needed),
        (None, [only]) if reached.total <= 1 => Ok(Some(account(only))),
        // A sign-in that reaches no organisation is not what Employment Hero's consent gives.
        (None, []) => Err(Problem::for_provider(PROVIDER, |provider| {
            Problem::ProviderUnexpectedResponse { provider }
        })),
        (None, _) => Err(choice_needed()),
    }
}

/// Probes `employees:list` and counts the organisation's people (`total_items`).
async fn employee_count(
    http: &HttpClient,
    api: &Url,
    tokens: &OAuthTokens,
    organisation_id: &str,
) -> Result<PeopleCount, Probe> {
    let mut url = join(api, "/api/v1/organisations");
    // The id becomes one path segment, escaped: it came from the network or the wizard.
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.push(organisation_id).push("employees");
    }
    url.set_query(Some("page_index=1&item_per_page=1"));
    let envelope = get_json::<Envelope<Ignored>>(http, PROVIDER, url, tokens).await?;
    let total = envelope
        .data
        .total_items
        .unwrap_or(envelope.data.items.len() as u64);
    // Employees of every status: terminated ones stay in the list.
    Ok(PeopleCount::everyone(
        u32::try_from(total).unwrap_or(u32::MAX),
    ))
}

// --- People listing: `/organisations/{id}/employees`, pages from 1, all statuses. ---

/// The page size asked for: Employment Hero's maximum in practice.
const PAGE_SIZE: u32 = 100;

/// Employment Hero's documented limits: 20 requests a second and 100 a minute.
const RATE_LIMITS: [RateLimit; 2] = [
    RateLimit::per_second(20),
    RateLimit {
        requests: 100,
        per: std::time::Duration::from_secs(60),
    },
];

/// The employee fields HR Link keeps (date of birth, personal email, manager are not read).
#[derive(Deserialize)]
struct Employee {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    code: Option<serde_json::Value>,
    #[serde(default)]
    external_id: Option<serde_json::Value>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    middle_name: Option<String>,
    #[serde(default)]
    known_as: Option<String>,
    /// The work email (`email` may be the personal one).
    #[serde(default)]
    company_email: Option<String>,
    #[serde(default)]
    job_title: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    termination_date: Option<String>,
    /// A name, or an object with one.
    #[serde(default)]
    location: Option<serde_json::Value>,
    #[serde(default)]
    teams: Option<Vec<Team>>,
}

#[derive(Deserialize)]
struct Team {
    #[serde(default)]
    name: Option<String>,
}

impl Employee {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let id = |value: Option<serde_json::Value>| {
            value
                .as_ref()
                .map(json_text)
                .filter(|id| !id.trim().is_empty())
        };
        let end_date = self.termination_date.as_deref().and_then(parse_date);
        let status = fields::status_of(self.status.as_deref(), end_date, today);
        let location = match self.location {
            Some(serde_json::Value::Object(place)) => place
                .get("name")
                .and_then(|name| name.as_str())
                .map(str::to_owned),
            Some(serde_json::Value::String(name)) => Some(name),
            _ => None,
        };
        Person {
            ids: crate::people::PersonIds {
                provider_id: id(Some(self.id)),
                personnel_number: id(self.code),
                external_ids: id(self.external_id).into_iter().collect(),
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.last_name.unwrap_or_default(),
            preferred_name: text(self.known_as),
            middle_name: text(self.middle_name),
            work_email: text(self.company_email),
            status: Some(status),
            start_date: self.start_date.as_deref().and_then(parse_date),
            end_date,
            location: text(location),
            teams: self
                .teams
                .unwrap_or_default()
                .into_iter()
                .filter_map(|team| text(team.name))
                .collect(),
            job_title: text(self.job_title),
            ..Person::default()
        }
    }
}

struct PeopleSource<'a> {
    api: &'a Url,
    organisation_id: String,
    renewal: OAuthRenewal<'a>,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employees:list";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/api/v1/organisations");
        // The id becomes one path segment, escaped: it came from the network or the wizard.
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.push(&self.organisation_id).push("employees");
        }
        url.set_query(Some(&format!(
            "page_index={}&item_per_page={PAGE_SIZE}",
            position + 1
        )));
        url
    }

    fn parse(
        &self,
        _position: u32,
        response: &crate::http::Response,
    ) -> Result<ListingPage, Problem> {
        let envelope: Envelope<Employee> = decode(PROVIDER, response)?;
        let page = envelope.data;
        let per_page = page.item_per_page.filter(|&n| n > 0).unwrap_or(PAGE_SIZE);
        let total_pages = page.total_pages.or_else(|| {
            page.total_items
                .map(|total| paging::pages_for(total, per_page))
        });
        let today = fields::today();
        Ok(ListingPage {
            total_pages,
            people: page
                .items
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
            ..ListingPage::default()
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        self.renewal.renew(PROVIDER).await
    }

    fn refused(&self) -> Problem {
        Problem::for_provider(PROVIDER, |provider| Problem::SignInExpired { provider })
    }
}

/// Lists everyone in the organisation (all statuses), refreshing the access token when it
/// expires; a rotated refresh token comes back in [`ListingOutcome::refreshed_tokens`].
pub(crate) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> ListingOutcome {
    let renewal = OAuthRenewal::new(http, authorization_server(endpoints), oauth, &grant.tokens);
    let organisation_id = match &grant.organisation_id {
        Some(id) => Ok(id.clone()),
        None => organisation_to_list(http, &endpoints.api, &renewal).await,
    };
    let result = match organisation_id {
        Ok(organisation_id) => {
            let source = PeopleSource {
                api: &endpoints.api,
                organisation_id,
                renewal,
            };
            let token = source.renewal.token();
            let result = engine::run(&source, token, http, &RATE_LIMITS, options, progress).await;
            return ListingOutcome {
                result,
                refreshed_tokens: source.renewal.finish().await,
            };
        }
        Err(problem) => Err(problem),
    };
    ListingOutcome {
        result,
        refreshed_tokens: renewal.finish().await,
    }
}

/// The organisation the sign-in reaches, as verification chooses it (refreshing an access
/// token that has already expired first).
async fn organisation_to_list(
    http: &HttpClient,
    api: &Url,
    renewal: &OAuthRenewal<'_>,
) -> Result<String, Problem> {
    let expired = renewal
        .current()
        .expires_at
        .is_some_and(|at| at <= std::time::SystemTime::now());
    if expired {
        renewal.renew(PROVIDER).await?;
    }
    let reached = organisations(http, api, &renewal.current()).await?;
    match choose(reached.as_ref(), None)? {
        Some(account) => Ok(account.id),
        None => Err(Problem::for_provider(PROVIDER, |provider| {
            Problem::PermissionMissing {
                provider,
                permission: "organisations:list".to_owned(),
            }
        })),
    }
}

/// Employment Hero, as the engines see it.
pub struct EmploymentHero;

impl Provider for EmploymentHero {
    fn id(&self) -> ProviderId {
        PROVIDER
    }

    fn guide_screens(&self, config: &Config) -> Vec<GuideScreen> {
        let p = PROVIDER;
        let redirect = config
            .oauth(p)
            .ok()
            .filter(|oauth| oauth.redirect_port != 0)
            .map(|oauth| {
                format!(
                    "http://127.0.0.1:{}{}",
                    oauth.redirect_port, oauth.redirect_path
                )
            });
        let mut app = vec![None, copy(config.product.as_str())];
        // Only a fixed port can be registered; with any free port there is nothing to type.
        if let Some(uri) = redirect {
            app.push(copy(uri));
        }
        app.push(Some(StepValue::Permissions { joined: true }));
        let mut app_screen = screen(p, "app", app);
        if app_screen.steps.len() == 3 {
            // Without a redirect URI step the scopes step is the third: keep its text.
            if let Some(last) = app_screen.steps.last_mut() {
                last.text = format!("{}.app.step4", p.slug());
            }
        }
        vec![
            screen(p, "user", vec![None, None]),
            app_screen,
            screen(p, "consent", vec![None, None]),
        ]
    }

    fn structure<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        people: &'a [Person],
    ) -> BoxFuture<'a, Result<crate::mapping::Structure, Problem>> {
        Box::pin(async move { structure::structure(http, endpoints, grant(secret)?, people).await })
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
        Box::pin(async move {
            let _ = chosen;
            sign_in(http, endpoints, oauth, options).await
        })
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

    fn organisations<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<Vec<Account>, Problem>> {
        Box::pin(async move { list_organisations(http, endpoints, grant(secret)?).await })
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
    use crate::people::PersonStatus;

    fn org(id: &str) -> Organisation {
        Organisation {
            id: id.into(),
            name: format!("Org {id}"),
        }
    }

    fn reached(ids: &[&str]) -> Reached {
        Reached {
            organisations: ids.iter().map(|id| org(id)).collect(),
            total: ids.len() as u64,
        }
    }

    #[test]
    fn one_organisation_is_the_account() {
        let account = choose(Some(&reached(&["a"])), None).unwrap().unwrap();
        assert_eq!(account.id, "a");
        assert_eq!(account.name, "Org a");
    }

    #[test]
    fn several_organisations_need_a_choice() {
        let two = reached(&["a", "b"]);
        assert_eq!(
            choose(Some(&two), None),
            Err(Problem::OrganisationChoiceNeeded {
                provider: "Employment Hero".into(),
                count: 2
            })
        );
        assert_eq!(choose(Some(&two), Some("b")).unwrap().unwrap().id, "b");
        assert!(matches!(
            choose(Some(&two), Some("c")),
            Err(Problem::OrganisationChoiceNeeded { count: 2, .. })
        ));
        // One listed but more on later pages still needs a choice.
        let paged = Reached {
            organisations: vec![org("a")],
            total: 3,
        };
        assert!(matches!(
            choose(Some(&paged), None),
            Err(Problem::OrganisationChoiceNeeded { count: 3, .. })
        ));
    }

    #[test]
    fn without_the_listing_a_choice_is_kept() {
        assert_eq!(choose(None, None), Ok(None));
        assert_eq!(choose(None, Some("a")).unwrap().unwrap().id, "a");
    }

    #[test]
    fn endpoints_follow_the_documented_paths() {
        let endpoints = ProviderEndpoints {
            api: Url::parse("https://api.employmenthero.com").unwrap(),
            auth: Some(Url::parse("https://oauth.employmenthero.com").unwrap()),
        };
        let server = authorization_server(&endpoints);
        assert_eq!(
            server.authorize_url.as_str(),
            "https://oauth.employmenthero.com/oauth2/authorize"
        );
        assert!(!server.send_scope);
    }

    #[test]
    fn employee_pages_become_people() {
        let endpoints = ProviderEndpoints {
            api: Url::parse("https://api.employmenthero.com").unwrap(),
            auth: Some(Url::parse("https://oauth.employmenthero.com").unwrap()),
        };
        let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
        let tokens = OAuthTokens {
            access_token: secrecy::SecretString::from("t"),
            refresh_token: None,
            expires_at: None,
            granted_scopes: None,
        };
        let source = PeopleSource {
            api: &endpoints.api,
            organisation_id: "org/1".into(),
            renewal: OAuthRenewal::new(&http, authorization_server(&endpoints), None, &tokens),
        };
        assert_eq!(
            source.page_url(0).as_str(),
            "https://api.employmenthero.com/api/v1/organisations/org%2F1/employees?page_index=1&item_per_page=100"
        );
        let body = r#"{"data":{"items":[
            {"id":"u-1","code":"EMP00001","external_id":null,"first_name":"Charlotte","last_name":"Nguyễn",
             "middle_name":"Mai","known_as":"Lottie","email":"lottie@home.example",
             "company_email":"c.nguyen@bakehouse.example","job_title":"Barista","status":"active",
             "start_date":"2021-02-03","termination_date":null,"location":"Sydney CBD",
             "teams":[{"id":"t1","name":"Café"}]},
            {"id":"u-2","first_name":"Jack","last_name":"Brown","status":"terminated",
             "termination_date":"2022-07-01","location":{"id":"l1","name":"Parramatta"}},
            {"id":"u-3","first_name":"Mia","last_name":"Wu","status":"inactive"}
        ],"page_index":1,"item_per_page":100,"total_items":250,"total_pages":3}}"#;
        let response = crate::http::Response {
            status: reqwest::StatusCode::OK,
            headers: reqwest::header::HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        };
        let page = source.parse(0, &response).unwrap();
        assert_eq!(page.total_pages, Some(3));
        let [lottie, jack, mia] = page.people.as_slice() else {
            panic!("three people");
        };
        assert_eq!(lottie.ids.provider_id.as_deref(), Some("u-1"));
        assert_eq!(lottie.ids.personnel_number.as_deref(), Some("EMP00001"));
        assert!(lottie.ids.external_ids.is_empty());
        assert_eq!(lottie.preferred_name.as_deref(), Some("Lottie"));
        assert_eq!(lottie.middle_name.as_deref(), Some("Mai"));
        // The company email, never the personal one.
        assert_eq!(
            lottie.work_email.as_deref(),
            Some("c.nguyen@bakehouse.example")
        );
        assert_eq!(lottie.teams, vec!["Café".to_owned()]);
        assert_eq!(lottie.location.as_deref(), Some("Sydney CBD"));
        assert_eq!(jack.status, Some(PersonStatus::Terminated));
        assert_eq!(jack.location.as_deref(), Some("Parramatta"));
        assert_eq!(mia.status, Some(PersonStatus::Inactive));
        // Without `total_pages`, the total and the page size tell it.
        let response = crate::http::Response {
            body: br#"{"data":{"items":[],"item_per_page":20,"total_items":41}}"#.to_vec(),
            ..response
        };
        assert_eq!(source.parse(0, &response).unwrap().total_pages, Some(3));
    }
}
