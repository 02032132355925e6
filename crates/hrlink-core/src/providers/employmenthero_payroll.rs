//! Employment Hero Payroll (formerly KeyPay) API v2, as `docs/providers/employmenthero-payroll.md`
//! describes it: an API key as the HTTP Basic user name (empty password), one deployment per
//! region, businesses as organisations, employees paged with OData `$skip`/`$top` (at most 100,
//! no total, no links) at 5 requests a second per business.
//!
//! The key acts as its user: `/api/v2/user` proves the key, `/api/v2/business` lists what the
//! user can open, and each permission is a probe of one list in the chosen business (a 403, or
//! a 401 once `/user` has worked, means the user cannot see it).

mod people;
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
use crate::people::Person;
use crate::people::listing::fields;
use crate::people::listing::types::{
    ListingOptions, ListingOutcome, ListingProgressSink, RateLimit,
};
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
                Ok(key) => people::list_people(http, endpoints, key, options, progress).await,
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
mod tests;
