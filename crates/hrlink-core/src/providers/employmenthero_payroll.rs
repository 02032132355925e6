//! Employment Hero Payroll (formerly KeyPay) API v2, as `docs/providers/employmenthero-payroll.md`
//! describes it: an API key as the HTTP Basic user name (empty password), one deployment per
//! region, businesses as organisations, employees paged with OData `$skip`/`$top` (at most 100,
//! no total, no links) at 5 requests a second per business.
//!
//! The key acts as its user: `/api/v2/user` proves the key, `/api/v2/business` lists what the
//! user can open, and each permission is a probe of one list in the chosen business (a 403, or
//! a 401 once `/user` has worked, means the user cannot see it).

mod structure;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use futures::future::BoxFuture;
use reqwest::RequestBuilder;
use reqwest::header::{ACCEPT, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use super::catalogue::ProviderId;
use super::provider::{AuthScheme, ProgramAccess, Provider};
use super::screens::{GuideScreen, StepValue, screen};
use super::support::{
    Probe, credentials_rejected, decode, failure_problem, json_text, note, unexpected_status,
    wrong_kind,
};
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{ApiKey, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, Response, join};
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::fields;
use crate::people::listing::types::{
    ListingOptions, ListingOutcome, ListingProgressSink, PeopleListing, RateLimit,
};
use crate::people::{Person, PersonIds, PersonStatus};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{
    Account, PeopleCount, PermissionCheck, PermissionStatus, VerificationReport,
};

const PROVIDER: ProviderId = ProviderId::EmploymentheroPayroll;
/// The employee list's default and largest `$top`.
const PAGE_SIZE: u32 = 100;
/// "5 requests a second per business" (KeyPay staff on the developer forum).
const RATE_LIMITS: [RateLimit; 1] = [RateLimit::per_second(5)];
/// The employee properties HR Link keeps, capitalised as OData wants them: tax numbers and bank
/// details in the same records never travel.
const SELECT: &str = "Id,FirstName,MiddleName,Surname,PreferredName,EmailAddress,StartDate,\
                      EndDate,Status,JobTitle,PrimaryLocation,ExternalId";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Business {
    id: serde_json::Value,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    legal_name: Option<String>,
}

impl Business {
    fn account(&self) -> Account {
        Account {
            id: json_text(&self.id),
            name: fields::non_empty(self.name.clone())
                .or_else(|| self.legal_name.clone())
                .unwrap_or_default(),
        }
    }
}

/// The API of the key's region: its deployment's host in production; an endpoints file's one
/// address serves every region (as the Sandbox does), so it is used as it is.
fn api_base(endpoints: &ProviderEndpoints, key: &ApiKey) -> Url {
    let entry = PROVIDER.entry();
    let production = entry.endpoints.api.and_then(|api| Url::parse(api).ok());
    let regional = key
        .region
        .as_deref()
        .and_then(|code| entry.region_api(code))
        .and_then(|api| Url::parse(api).ok());
    match regional {
        Some(regional) if production.as_ref() == Some(&endpoints.api) => regional,
        _ => endpoints.api.clone(),
    }
}

/// The key as the HTTP Basic user name with an empty password, sent on the first request (an
/// unauthenticated try would still count against the rate limit); JSON asked for, not XML.
fn authorised(request: RequestBuilder, key: &SecretString) -> RequestBuilder {
    request
        .basic_auth(key.expose_secret(), Some(""))
        .header(ACCEPT, HeaderValue::from_static("application/json"))
}

struct Session<'a> {
    http: &'a HttpClient,
    api: Url,
    key: &'a SecretString,
}

impl<'a> Session<'a> {
    fn new(http: &'a HttpClient, endpoints: &ProviderEndpoints, key: &'a ApiKey) -> Session<'a> {
        Session {
            http,
            api: api_base(endpoints, key),
            key: &key.key,
        }
    }

    /// `path` under the API, each of `segments` escaped (ids come from the network or the
    /// wizard), with `query`.
    fn url(&self, path: &str, segments: &[&str], query: &str) -> Url {
        let mut url = join(&self.api, path);
        if let Ok(mut path) = url.path_segments_mut() {
            path.extend(segments);
        }
        url.set_query((!query.is_empty()).then_some(query));
        url
    }

    async fn get(&self, url: Url) -> Result<Response, Problem> {
        let request = authorised(self.http.request(reqwest::Method::GET, url), self.key);
        self.http
            .send(request)
            .await
            .map_err(|failure| failure_problem(PROVIDER, failure))
    }

    /// Proves the key: `/user` answers for any valid key, whatever it may open.
    async fn user(&self) -> Result<(), Problem> {
        let response = self.get(self.url("/api/v2/user", &[], "")).await?;
        match response.status.as_u16() {
            200 => decode::<serde_json::Value>(PROVIDER, &response).map(|_| ()),
            401 | 403 => Err(credentials_rejected(PROVIDER)),
            _ => Err(unexpected_status(PROVIDER, &response)),
        }
    }

    /// Every business the key's user can open (a bare array). A 403 is a user who may not list
    /// them (the key itself is proven by `/user`); a 401 a key that stopped working.
    async fn businesses(&self) -> Result<Vec<Business>, Problem> {
        let response = self.get(self.url("/api/v2/business", &[], "")).await?;
        match response.status.as_u16() {
            200 => decode(PROVIDER, &response),
            401 => Err(credentials_rejected(PROVIDER)),
            403 => Err(missing("business")),
            _ => Err(unexpected_status(PROVIDER, &response)),
        }
    }

    /// Reads one list of `business`: 403, or 401 after `/user` worked, is a list the user
    /// cannot see.
    async fn probe(&self, business: &str, list: &[&str], query: &str) -> Result<Response, Probe> {
        let mut segments = vec![business];
        segments.extend(list);
        let url = self.url("/api/v2/business", &segments, query);
        let response = self.get(url).await.map_err(Probe::Failed)?;
        match response.status.as_u16() {
            200 => Ok(response),
            401 | 403 => Err(Probe::Denied),
            _ => Err(Probe::Failed(unexpected_status(PROVIDER, &response))),
        }
    }

    async fn probe_list(&self, business: &str, list: &[&str]) -> Result<(), Probe> {
        let response = self.probe(business, list, "$top=1").await?;
        decode::<Vec<serde_json::Value>>(PROVIDER, &response)
            .map(|_| ())
            .map_err(Probe::Failed)
    }

    /// Counts the business's employees: the list tells no total, so its ids are read page by
    /// page (the smallest answer there is).
    async fn count_employees(&self, business: &str) -> Result<PeopleCount, Probe> {
        let mut count: u32 = 0;
        for page in 0.. {
            let query = format!(
                "$orderby=Id&$skip={}&$top={PAGE_SIZE}&$select=Id",
                page * PAGE_SIZE
            );
            let response = self
                .probe(business, &["employee", "unstructured"], &query)
                .await?;
            let ids: Vec<serde_json::Value> = decode(PROVIDER, &response).map_err(Probe::Failed)?;
            let read = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            if read > PAGE_SIZE {
                return Err(Probe::Failed(unexpected_status(PROVIDER, &response)));
            }
            count = count.saturating_add(read);
            if read < PAGE_SIZE {
                break;
            }
        }
        // Every employee record, whatever its status.
        Ok(PeopleCount::everyone(count))
    }
}

/// Access for a program (`hrlink credential get`): the key itself, for HTTP Basic, once `/user`
/// has proven it still works (a changed key is refused here, not by the program). It does not
/// expire, and the API is the key's regional one.
async fn program_access(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    key: &ApiKey,
) -> Result<ProgramAccess, Problem> {
    let session = Session::new(http, endpoints, key);
    session.user().await?;
    let basic = BASE64.encode(format!("{}:", key.key.expose_secret()));
    Ok(ProgramAccess {
        scheme: AuthScheme::Basic,
        token: SecretString::from(basic),
        expires_at: None,
        api_base: Some(session.api),
    })
}

/// The business to use: the chosen one, or the only one.
fn choose(businesses: &[Business], chosen: Option<&str>) -> Result<Account, Problem> {
    let choice_needed = || Problem::OrganisationChoiceNeeded {
        provider: PROVIDER.display_name().to_owned(),
        count: u32::try_from(businesses.len()).unwrap_or(u32::MAX),
    };
    match (chosen, businesses) {
        (Some(id), _) => businesses
            .iter()
            .map(Business::account)
            .find(|account| account.id == id)
            .ok_or_else(choice_needed),
        (None, [only]) => Ok(only.account()),
        (None, []) => Err(missing("business")),
        (None, _) => Err(choice_needed()),
    }
}

fn missing(permission: &str) -> Problem {
    Problem::for_provider(PROVIDER, |provider| Problem::PermissionMissing {
        provider,
        permission: permission.to_owned(),
    })
}

/// Verifies an API key: the key, the business, what the user can see there, how many people.
async fn verify(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    key: &ApiKey,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let session = Session::new(http, endpoints, key);
    if let Err(problem) = step(progress, VerifyStep::Authenticate, session.user()).await {
        return VerificationReport::failed(PROVIDER, problem);
    }
    let account = step(progress, VerifyStep::Account, async {
        let businesses = session.businesses().await?;
        choose(&businesses, key.business_id.as_deref())
    })
    .await;
    let mut problems = Vec::new();
    let (account, business_status) = match account {
        Ok(account) => (Some(account), PermissionStatus::Granted),
        Err(problem) => {
            let status = match problem {
                // The user can open no business: the report's missing permission says so.
                Problem::PermissionMissing { .. } => PermissionStatus::Missing,
                _ => {
                    note(&mut problems, problem);
                    PermissionStatus::Unknown
                }
            };
            (None, status)
        }
    };
    let mut statuses = vec![business_status];
    let mut people = None;
    if let Some(business) = account.as_ref().map(|account| account.id.as_str()) {
        // One request at a time: the business allows five a second.
        let employees = step(
            progress,
            VerifyStep::permission("employee"),
            session.probe_list(business, &["employee", "unstructured"]),
        );
        let employees = employees.await;
        let granted = employees.is_ok();
        statuses.push(Probe::verdict(employees, &mut problems));
        for list in ["location", "employingentity"] {
            let outcome = step(
                progress,
                VerifyStep::permission(list),
                session.probe_list(business, &[list]),
            )
            .await;
            statuses.push(Probe::verdict(outcome, &mut problems));
        }
        if granted {
            match step(
                progress,
                VerifyStep::People,
                session.count_employees(business),
            )
            .await
            {
                Ok(count) => people = Some(count),
                Err(Probe::Failed(problem)) => note(&mut problems, problem),
                Err(Probe::Denied) => note(&mut problems, missing("employee")),
            }
        }
    }
    let permissions = PROVIDER
        .entry()
        .asked()
        .zip(
            statuses
                .into_iter()
                .chain(std::iter::repeat(PermissionStatus::Unknown)),
        )
        .map(|((id, required), status)| PermissionCheck {
            id: id.to_owned(),
            required,
            status,
        })
        .collect();
    VerificationReport::assemble(PROVIDER, account, permissions, people, problems)
}

// --- People listing: `/business/{id}/employee/unstructured`, 100 a page, no total. ---

/// The selected employee properties (see [`SELECT`]); nothing else is decoded.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Employee {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    middle_name: Option<String>,
    #[serde(default)]
    surname: Option<String>,
    #[serde(default)]
    preferred_name: Option<String>,
    #[serde(default)]
    email_address: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    job_title: Option<String>,
    #[serde(default)]
    primary_location: Option<String>,
    #[serde(default)]
    external_id: Option<String>,
}

impl Employee {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        // `2016-04-11T00:00:00`: the date part is the date.
        let date = |value: Option<String>| {
            value.and_then(|value| parse_date(value.get(..10).unwrap_or(&value)))
        };
        let end_date = date(self.end_date);
        // `Incomplete`: created with the minimum fields, not yet payable.
        let status = match self.status.as_deref() {
            Some(status) if status.eq_ignore_ascii_case("incomplete") => PersonStatus::Inactive,
            status => fields::status_of(status, end_date, today),
        };
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.id)).filter(|id| !id.is_empty()),
                external_ids: text(self.external_id).into_iter().collect(),
                ..PersonIds::default()
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.surname.unwrap_or_default(),
            preferred_name: text(self.preferred_name),
            middle_name: text(self.middle_name),
            work_email: text(self.email_address),
            status: Some(status),
            start_date: date(self.start_date),
            end_date,
            location: text(self.primary_location),
            job_title: text(self.job_title),
            ..Person::default()
        }
    }
}

struct PeopleSource<'a> {
    session: Session<'a>,
    business: String,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employee";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let skip = position.saturating_mul(PAGE_SIZE);
        let query = format!("$orderby=Id&$skip={skip}&$top={PAGE_SIZE}&$select={SELECT}");
        self.session.url(
            "/api/v2/business",
            &[&self.business, "employee", "unstructured"],
            &query,
        )
    }

    fn parse(&self, position: u32, response: &Response) -> Result<Page, Problem> {
        let employees: Vec<Employee> = decode(PROVIDER, response)?;
        // More than asked for is not an answer the contract allows.
        if employees.len() > PAGE_SIZE as usize {
            return Err(unexpected_status(PROVIDER, response));
        }
        // No total and no links: a full page may have a successor, a shorter one ends the list.
        let next = (employees.len() == PAGE_SIZE as usize).then(|| self.page_url(position + 1));
        let today = fields::today();
        Ok(Page {
            people: employees
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
            total_pages: None,
            next,
            links: Vec::new(),
        })
    }

    /// An API key has nothing to renew: refused is refused.
    async fn renew(&self) -> Result<Token, Problem> {
        Err(credentials_rejected(PROVIDER))
    }

    fn refused(&self) -> Problem {
        credentials_rejected(PROVIDER)
    }

    fn authorise(&self, request: RequestBuilder, token: &SecretString) -> RequestBuilder {
        authorised(request, token)
    }
}

/// Lists everyone in the chosen business (every status), or the only one the key reaches.
async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    key: &ApiKey,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> Result<PeopleListing, Problem> {
    let session = Session::new(http, endpoints, key);
    let business = match &key.business_id {
        Some(id) => id.clone(),
        None => choose(&session.businesses().await?, None)?.id,
    };
    let source = PeopleSource { session, business };
    let token = Token {
        secret: key.key.clone(),
        expires_at: None,
    };
    engine::run(&source, token, http, &RATE_LIMITS, options, progress).await
}

/// Employment Hero Payroll, as the engines see it.
pub struct EmploymentHeroPayroll;

impl Provider for EmploymentHeroPayroll {
    fn id(&self) -> ProviderId {
        PROVIDER
    }

    fn guide_screens(&self, _config: &Config) -> Vec<GuideScreen> {
        let p = PROVIDER;
        vec![
            screen(p, "user", vec![None, None]),
            screen(p, "api_key", vec![None, None, None]),
            screen(
                p,
                "access",
                vec![None, Some(StepValue::Permissions { joined: false })],
            ),
        ]
    }

    fn parse_secret(&self, bytes: &[u8]) -> Result<Secret, Problem> {
        let regions: Vec<&str> = PROVIDER.entry().region_codes().collect();
        crate::credentials::parse_api_key(bytes, &regions).map(Secret::ApiKey)
    }

    fn access_token<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<ProgramAccess, Problem>> {
        Box::pin(async move { program_access(http, endpoints, api_key(secret)?).await })
    }

    fn verify<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        progress: &'a dyn ProgressSink,
    ) -> BoxFuture<'a, VerificationReport> {
        Box::pin(async move {
            match api_key(secret) {
                Ok(key) => verify(http, endpoints, key, progress).await,
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
        Box::pin(async move {
            let session = Session::new(http, endpoints, api_key(secret)?);
            let businesses = session.businesses().await?;
            Ok(businesses.iter().map(Business::account).collect())
        })
    }

    fn list_people<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        _oauth: Option<&'a OAuthProviderConfig>,
        options: &'a ListingOptions,
        progress: &'a dyn ListingProgressSink,
    ) -> BoxFuture<'a, ListingOutcome> {
        Box::pin(async move {
            let result = match api_key(secret) {
                Ok(key) => list_people(http, endpoints, key, options, progress).await,
                Err(problem) => Err(problem),
            };
            ListingOutcome {
                result,
                refreshed_tokens: None,
            }
        })
    }

    fn structure<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        people: &'a [Person],
    ) -> BoxFuture<'a, Result<crate::mapping::Structure, Problem>> {
        Box::pin(async move {
            let key = api_key(secret)?;
            let session = Session::new(http, endpoints, key);
            structure::structure(&session, key.business_id.as_deref(), people).await
        })
    }
}

fn api_key(secret: &Secret) -> Result<&ApiKey, Problem> {
    match secret {
        Secret::ApiKey(key) => Ok(key),
        _ => Err(wrong_kind(PROVIDER)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(region: Option<&str>) -> ApiKey {
        ApiKey {
            key: SecretString::from("k"),
            region: region.map(str::to_owned),
            business_id: None,
        }
    }

    #[test]
    fn the_region_picks_the_production_host_and_a_file_address_serves_every_region() {
        let production = ProviderEndpoints {
            api: Url::parse("https://api.yourpayroll.com.au").unwrap(),
            auth: None,
        };
        assert_eq!(
            api_base(&production, &key(Some("NZ"))).as_str(),
            "https://api.nzpayroll.co.nz/"
        );
        assert_eq!(
            api_base(&production, &key(None)).as_str(),
            "https://api.yourpayroll.com.au/"
        );
        let sandbox = ProviderEndpoints {
            api: Url::parse("http://127.0.0.1:4100/employmenthero-payroll").unwrap(),
            auth: None,
        };
        assert_eq!(api_base(&sandbox, &key(Some("UK"))), sandbox.api);
    }

    #[test]
    fn employees_become_people() {
        let json = r#"[{"id":7,"firstName":"Aroha","middleName":null,"surname":"Ngata",
            "preferredName":"Ro","emailAddress":"aroha@example.nz","startDate":"2016-04-11T00:00:00",
            "endDate":null,"status":"Active","jobTitle":"Baker","primaryLocation":"Wellington",
            "externalId":"E7"},
            {"id":8,"firstName":"Tom","surname":"Hale","status":"Terminated",
             "endDate":"2020-01-31T00:00:00"},
            {"id":9,"firstName":"New","surname":"Starter","status":"Incomplete"}]"#;
        let employees: Vec<Employee> = serde_json::from_str(json).unwrap();
        let today = time::macros::date!(2026 - 01 - 01);
        let people: Vec<Person> = employees
            .into_iter()
            .map(|e| e.into_person(today))
            .collect();
        let [aroha, tom, new] = people.as_slice() else {
            panic!("three people");
        };
        assert_eq!(aroha.ids.provider_id.as_deref(), Some("7"));
        assert_eq!(aroha.ids.external_ids, vec!["E7".to_owned()]);
        assert_eq!(aroha.preferred_name.as_deref(), Some("Ro"));
        assert_eq!(aroha.start_date, Some(time::macros::date!(2016 - 04 - 11)));
        assert_eq!(aroha.location.as_deref(), Some("Wellington"));
        assert_eq!(aroha.status, Some(PersonStatus::Active));
        assert_eq!(tom.status, Some(PersonStatus::Terminated));
        assert_eq!(new.status, Some(PersonStatus::Inactive));
    }

    #[test]
    fn one_business_is_chosen_by_itself_several_need_a_choice() {
        let business = |id: u32, name: &str| Business {
            id: id.into(),
            name: Some(name.to_owned()),
            legal_name: None,
        };
        let one = [business(1, "A")];
        assert_eq!(choose(&one, None).unwrap().name, "A");
        let two = [business(1, "A"), business(2, "B")];
        assert!(matches!(
            choose(&two, None),
            Err(Problem::OrganisationChoiceNeeded { count: 2, .. })
        ));
        assert_eq!(choose(&two, Some("2")).unwrap().name, "B");
        assert!(matches!(
            choose(&[], None),
            Err(Problem::PermissionMissing { .. })
        ));
    }
}
