//! HRworks API v2: key-pair authentication, then probes of each permission the integration uses.
//!
//! HRworks has no endpoint that lists a key's permissions, so each one is probed with a cheap
//! read (403 = not granted). The JWT's claims are not documented: a company name in them is used
//! when present, otherwise the top organisation unit names the account.

mod structure;

use base64::Engine;
use futures::future::BoxFuture;
use reqwest::header::LINK;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

use super::catalogue::ProviderId;
use super::hrworks_units::{self, Establishments, Units};
use super::provider::{ProgramAccess, Provider};
use super::screens::{GuideScreen, StepValue, screen};
use super::support::{
    Probe, authorised_get, authorised_status, credentials_rejected, decode, json_text, note,
    permission_checks, post_json, unexpected_status, wrong_kind,
};
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::HrworksKeyPair;
use crate::credentials::Secret;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, Response, join};
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::types::{
    ListingOptions, ListingOutcome, ListingProgressSink, PeopleListing,
};
use crate::people::listing::{fields, paging};
use crate::people::{Person, PersonIds, PersonStatus};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{Account, PeopleCount, VerificationReport};

const PROVIDER: ProviderId = ProviderId::Hrworks;
/// `/v2/persons/master-data` pages hold exactly this many people.
const MASTER_DATA_PAGE_SIZE: u32 = 50;

/// The sign-in body, borrowing the secret so that no second copy of it is made.
#[derive(Serialize)]
struct SignIn<'a> {
    #[serde(rename = "accessKey")]
    access_key: &'a str,
    #[serde(rename = "secretAccessKey")]
    secret_access_key: &'a str,
}

#[derive(Deserialize)]
struct TokenResponse {
    token: String,
}

#[derive(Deserialize)]
struct Claims {
    #[serde(rename = "companyId")]
    company_id: Option<serde_json::Value>,
    #[serde(rename = "companyName")]
    company_name: Option<String>,
    /// Expiry (seconds since the epoch), when the JWT states it.
    exp: Option<u64>,
}

#[derive(Deserialize)]
struct MasterDataPage {
    persons: Vec<serde_json::Value>,
}

/// What the first master-data page says: its size and the last page number, if paged.
struct FirstPage {
    count: u32,
    last_page: Option<u32>,
}

struct Session<'a> {
    http: &'a HttpClient,
    api: &'a Url,
    token: SecretString,
}

/// Verifies an HRworks key pair.
pub async fn verify(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    keys: &HrworksKeyPair,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let signed_in = authenticate(http, &endpoints.api, keys);
    let session = match step(progress, VerifyStep::Authenticate, signed_in).await {
        Ok(session) => session,
        Err(problem) => return VerificationReport::failed(PROVIDER, problem),
    };
    // The people count reads the master-data pages, so it follows that permission's probe.
    let master_data_then_people = async {
        let first_page = step(
            progress,
            VerifyStep::permission("persons.master-data"),
            session.master_data_first_page(),
        )
        .await;
        let people = match &first_page {
            Ok(first) => step(progress, VerifyStep::People, session.count_people(first))
                .await
                .map_err(Some),
            // Reported as a failed step; the master-data verdict says why.
            Err(_) => step(progress, VerifyStep::People, async { Err(None) }).await,
        };
        (first_page.map(|_| ()), people)
    };
    let (account, persons, (master_data, people), units) = tokio::join!(
        step(progress, VerifyStep::Account, session.account()),
        // `/v2/persons` is not paged: only its status is read, never the whole list.
        step(
            progress,
            VerifyStep::permission("persons"),
            session.probe_status("/v2/persons?onlyActive=true")
        ),
        master_data_then_people,
        step(
            progress,
            VerifyStep::permission("organization-units"),
            session.probe("/v2/organization-units")
        ),
    );

    let mut problems = Vec::new();
    let statuses = [
        Probe::verdict(persons, &mut problems),
        Probe::verdict(master_data, &mut problems),
        Probe::verdict(units, &mut problems),
    ];
    let permissions = permission_checks(PROVIDER, statuses);
    let people = match people {
        // Counted with `onlyActive=true`.
        Ok(count) => Some(PeopleCount::active(count)),
        Err(Some(problem)) => {
            note(&mut problems, problem);
            None
        }
        Err(None) => None,
    };
    let account = account.map_err(|problem| note(&mut problems, problem)).ok();
    VerificationReport::assemble(PROVIDER, account, permissions, people, problems)
}

/// Signs in with the key pair for a program that asks HR Link for access (`hrlink credential
/// get`): the token, and when it expires (the JWT's `exp`, when it states one).
async fn access_token(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    keys: &HrworksKeyPair,
) -> Result<(SecretString, Option<std::time::SystemTime>), Problem> {
    let session = authenticate(http, &endpoints.api, keys).await?;
    let expires_at = token_expiry(session.token.expose_secret());
    Ok((session.token, expires_at))
}

async fn authenticate<'a>(
    http: &'a HttpClient,
    api: &'a Url,
    keys: &HrworksKeyPair,
) -> Result<Session<'a>, Problem> {
    let body = SignIn {
        access_key: &keys.access_key,
        secret_access_key: keys.secret_access_key.expose_secret(),
    };
    let response = post_json(http, PROVIDER, join(api, "/v2/authentication"), &body).await?;
    match response.status.as_u16() {
        200 => {
            let token: TokenResponse = decode(PROVIDER, &response)?;
            Ok(Session {
                http,
                api,
                token: SecretString::from(token.token),
            })
        }
        // HRworks answers 403 for unknown keys; 401 is accepted as the same meaning.
        401 | 403 => Err(credentials_rejected(PROVIDER)),
        _ => Err(unexpected_status(PROVIDER, &response)),
    }
}

fn page_size(response: &Response) -> Result<u32, Problem> {
    decode::<MasterDataPage>(PROVIDER, response)
        .map(|page| u32::try_from(page.persons.len()).unwrap_or(u32::MAX))
}

impl Session<'_> {
    fn url(&self, path_and_query: &str) -> Url {
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let mut url = join(self.api, path);
        url.set_query((!query.is_empty()).then_some(query));
        url
    }

    async fn get(&self, path_and_query: &str) -> Result<Response, Probe> {
        authorised_get(self.http, PROVIDER, self.url(path_and_query), &self.token).await
    }

    /// A probe whose JSON answer is read (small endpoints).
    async fn probe(&self, path_and_query: &str) -> Result<(), Probe> {
        let response = self.get(path_and_query).await?;
        decode::<serde_json::Value>(PROVIDER, &response)
            .map(|_| ())
            .map_err(Probe::Failed)
    }

    /// A probe that reads only the status (large, unpaged endpoints).
    async fn probe_status(&self, path_and_query: &str) -> Result<(), Probe> {
        authorised_status(self.http, PROVIDER, self.url(path_and_query), &self.token).await
    }

    /// Probes the master-data permission with its first page.
    async fn master_data_first_page(&self) -> Result<FirstPage, Probe> {
        let response = self
            .get("/v2/persons/master-data?page=1&onlyActive=true")
            .await?;
        let count = page_size(&response).map_err(Probe::Failed)?;
        let last_page = response
            .headers
            .get_all(LINK)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(|value| last_page_number(value, self.api));
        Ok(FirstPage { count, last_page })
    }

    /// Counts people: full pages up to the `Link` header's last page, plus that page's size.
    async fn count_people(&self, first: &FirstPage) -> Result<u32, Problem> {
        match first.last_page {
            Some(last) if last > 1 => {
                let path = format!("/v2/persons/master-data?page={last}&onlyActive=true");
                let last_response = self.get(&path).await.map_err(|probe| match probe {
                    Probe::Failed(problem) => problem,
                    // The first page was readable: a refusal now means the key changed meanwhile.
                    Probe::Denied => {
                        Problem::for_provider(PROVIDER, |provider| Problem::PermissionMissing {
                            provider,
                            permission: "persons.master-data".into(),
                        })
                    }
                })?;
                Ok((last - 1) * MASTER_DATA_PAGE_SIZE + page_size(&last_response)?)
            }
            _ => Ok(first.count),
        }
    }

    /// The account, for display: the token's company claims, else the top organisation
    /// unit's name or number, else the first permanent establishment's name (HRworks' OpenAPI
    /// requires none of them; see [`hrworks_units`]). Never fails for want of a name.
    async fn account(&self) -> Result<Account, Problem> {
        if let Some(account) = account_from_token(self.token.expose_secret()) {
            return Ok(account);
        }
        let units = match self.get("/v2/organization-units").await {
            Ok(response) => decode::<Units>(PROVIDER, &response)?.into_vec(),
            Err(Probe::Failed(problem)) => return Err(problem),
            // Without that permission there is no other place that names the company.
            Err(Probe::Denied) => Vec::new(),
        };
        let top = hrworks_units::top_unit(&units);
        if let Some(account) = top.and_then(hrworks_units::Unit::account) {
            return Ok(account);
        }
        // Only a display name is missing: a failure here is no reason to fail the check.
        let establishment = match self.get("/v2/permanent-establishments").await {
            Ok(response) => decode::<Establishments>(PROVIDER, &response)
                .ok()
                .and_then(Establishments::first_name),
            Err(_) => None,
        };
        Ok(Account {
            id: String::new(),
            name: establishment.unwrap_or_default(),
        })
    }
}

/// Reads `companyId`/`companyName` from the JWT payload when HRworks puts them there.
/// The token is not verified here: HRworks just issued it over TLS, and we only display the name.
fn account_from_token(token: &str) -> Option<Account> {
    let claims = claims(token)?;
    let name = claims.company_name.filter(|n| !n.trim().is_empty())?;
    let id = claims
        .company_id
        .as_ref()
        .map(json_text)
        .unwrap_or_default();
    Some(Account { id, name })
}

/// The JWT's claims, unverified (see [`account_from_token`]).
fn claims(token: &str) -> Option<Claims> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// When the JWT expires, from its `exp` claim (HRworks documents no refresh: sign in again).
fn token_expiry(token: &str) -> Option<std::time::SystemTime> {
    let exp = claims(token)?.exp?;
    std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_secs(exp))
}

// --- People listing: `/v2/persons/master-data`, 50 per page, paged by the `Link` header. ---

/// The master-data fields HR Link keeps (birthday, private email, custom fields are not read).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MasterRecord {
    #[serde(default)]
    person_id: serde_json::Value,
    #[serde(default)]
    personnel_number: Option<serde_json::Value>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    /// The work email (`privateEmail` is the other one).
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    join_date: Option<String>,
    #[serde(default)]
    leave_date: Option<String>,
    #[serde(default)]
    is_active: Option<bool>,
    #[serde(default)]
    organization_unit: Option<Named>,
    #[serde(default)]
    permanent_establishment: Option<Named>,
    #[serde(default)]
    external_ids: Option<Vec<ExternalId>>,
}

#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct ExternalId {
    #[serde(default)]
    id: serde_json::Value,
}

#[derive(Deserialize)]
struct MasterRecords {
    persons: Vec<MasterRecord>,
}

impl MasterRecord {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let end_date = self.leave_date.as_deref().and_then(parse_date);
        // `isActive: false` is inactive, or left once the leave date has passed; without
        // `isActive` the leave date decides.
        let status = match (self.is_active, fields::status_of(None, end_date, today)) {
            (Some(false), PersonStatus::Active) => PersonStatus::Inactive,
            (Some(true), _) => PersonStatus::Active,
            (_, by_date) => by_date,
        };
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.person_id)).filter(|id| !id.is_empty()),
                personnel_number: self
                    .personnel_number
                    .as_ref()
                    .map(json_text)
                    .filter(|n| !n.is_empty()),
                external_ids: self
                    .external_ids
                    .unwrap_or_default()
                    .iter()
                    .map(|external| json_text(&external.id))
                    .filter(|id| !id.is_empty())
                    .collect(),
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.last_name.unwrap_or_default(),
            work_email: text(self.email),
            status: Some(status),
            start_date: self.join_date.as_deref().and_then(parse_date),
            end_date,
            department: self.organization_unit.and_then(|unit| text(unit.name)),
            location: self
                .permanent_establishment
                .and_then(|place| text(place.name)),
            job_title: text(self.position),
            ..Person::default()
        }
    }
}

/// Everyone's master data, active or not, page by page.
struct PeopleSource<'a> {
    http: &'a HttpClient,
    api: &'a Url,
    keys: &'a HrworksKeyPair,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "persons.master-data";
    const PAGE_SIZE: Option<u32> = Some(MASTER_DATA_PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/v2/persons/master-data");
        url.set_query(Some(&format!("page={}&onlyActive=false", position + 1)));
        url
    }

    fn parse(&self, position: u32, response: &Response) -> Result<Page, Problem> {
        let records: MasterRecords = decode(PROVIDER, response)?;
        let today = fields::today();
        let people: Vec<Person> = records
            .persons
            .into_iter()
            .map(|record| record.into_person(today))
            .collect();
        let base = self.page_url(position);
        let links: Vec<(Url, String)> = response
            .headers
            .get_all(LINK)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| paging::parse_link_header(value, &base))
            .collect();
        let find = |rel: &str| links.iter().find(|(_, r)| r == rel).map(|(url, _)| url);
        let total_pages = find("last").and_then(|last| paging::query_number(last, "page"));
        let next = match find("next") {
            Some(next) => Some(next.clone()),
            // Without any `Link`, a full page may have a successor: ask for it.
            None if links.is_empty() && people.len() == MASTER_DATA_PAGE_SIZE as usize => {
                Some(self.page_url(position + 1))
            }
            None => None,
        };
        Ok(Page {
            people,
            total_pages,
            next,
            links: links.into_iter().map(|(url, _)| url).collect(),
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        let session = authenticate(self.http, self.api, self.keys).await?;
        Ok(Token {
            expires_at: token_expiry(session.token.expose_secret()),
            secret: session.token,
        })
    }

    fn refused(&self) -> Problem {
        credentials_rejected(PROVIDER)
    }
}

/// Lists everyone in HRworks (active, inactive and former employees) from the master data.
/// `/v2/persons` is not read: it holds a subset of the same records, unpaged.
pub(crate) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    keys: &HrworksKeyPair,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> Result<PeopleListing, Problem> {
    let source = PeopleSource {
        http,
        api: &endpoints.api,
        keys,
    };
    let token = source.renew().await?;
    // HRworks documents no rate limit: pace only when the caller says or a 429 asks.
    engine::run(&source, token, http, &[], options, progress).await
}

/// Finds `page=N` of the `rel="last"` entry in a `Link` header.
fn last_page_number(link_header: &str, base: &Url) -> Option<u32> {
    paging::parse_link_header(link_header, base)
        .into_iter()
        .find(|(_, rel)| rel == "last")
        .and_then(|(url, _)| paging::query_number(&url, "page"))
}

/// HRworks, as the engines see it.
pub struct Hrworks;

impl Provider for Hrworks {
    fn id(&self) -> ProviderId {
        PROVIDER
    }

    fn guide_screens(&self, _config: &Config) -> Vec<GuideScreen> {
        let p = PROVIDER;
        vec![
            screen(p, "admin_interface", vec![None, None]),
            screen(p, "new_key", vec![None, None, None]),
            screen(
                p,
                "permissions",
                vec![None, Some(StepValue::Permissions { joined: false }), None],
            ),
        ]
    }

    fn parse_secret(&self, bytes: &[u8]) -> Result<Secret, Problem> {
        crate::credentials::hrworks::parse_key_file(bytes).map(Secret::KeyPair)
    }

    fn structure<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        _people: &'a [Person],
    ) -> BoxFuture<'a, Result<crate::mapping::Structure, Problem>> {
        Box::pin(async move { structure::structure(http, endpoints, key_pair(secret)?).await })
    }

    fn access_token<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<ProgramAccess, Problem>> {
        Box::pin(async move {
            let (token, expires_at) = access_token(http, endpoints, key_pair(secret)?).await?;
            Ok(ProgramAccess::bearer(token, expires_at))
        })
    }

    fn verify<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        progress: &'a dyn ProgressSink,
    ) -> BoxFuture<'a, VerificationReport> {
        Box::pin(async move {
            match key_pair(secret) {
                Ok(keys) => verify(http, endpoints, keys, progress).await,
                Err(problem) => VerificationReport::failed(PROVIDER, problem),
            }
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
            let result = match key_pair(secret) {
                Ok(keys) => list_people(http, endpoints, keys, options, progress).await,
                Err(problem) => Err(problem),
            };
            ListingOutcome {
                result,
                refreshed_tokens: None,
            }
        })
    }
}

fn key_pair(secret: &Secret) -> Result<&HrworksKeyPair, Problem> {
    match secret {
        Secret::KeyPair(keys) => Ok(keys),
        _ => Err(wrong_kind(PROVIDER)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_last_page_from_link_headers() {
        let header = r#"<https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=true>; rel="next", <https://api.hrworks.de/v2/persons/master-data?onlyActive=true&page=7>; rel="last""#;
        let base = Url::parse("https://api.hrworks.de").unwrap();
        assert_eq!(last_page_number(header, &base), Some(7));
        assert_eq!(
            last_page_number("<https://x/?page=3>; rel=last", &base),
            Some(3)
        );
        assert_eq!(
            last_page_number(r#"<https://x/?page=2>; rel="next""#, &base),
            None
        );
        assert_eq!(last_page_number("garbage", &base), None);
        assert_eq!(
            last_page_number("</v2/persons/master-data?page=4>; rel=\"last\"", &base),
            Some(4)
        );
    }

    #[test]
    fn company_from_token_claims_when_present() {
        let encode = |json: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
        let token = format!(
            "{}.{}.sig",
            encode("{}"),
            encode(r#"{"companyId":17,"companyName":"Acme GmbH","exp":1}"#)
        );
        assert_eq!(
            account_from_token(&token),
            Some(Account {
                id: "17".into(),
                name: "Acme GmbH".into()
            })
        );
        let bare = format!("{}.{}.sig", encode("{}"), encode(r#"{"exp":1}"#));
        assert_eq!(account_from_token(&bare), None);
        assert_eq!(account_from_token("not-a-jwt"), None);
    }

    fn response(body: &str, link: Option<&str>) -> Response {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::CONTENT_TYPE,
            reqwest::header::HeaderValue::from_static("application/json"),
        );
        if let Some(link) = link {
            headers.insert(LINK, reqwest::header::HeaderValue::from_str(link).unwrap());
        }
        Response {
            status: reqwest::StatusCode::OK,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn master_data_pages_become_people_with_paging_from_the_link_header() {
        let keys = crate::credentials::hrworks::parse_key_file(
            b"Access Key: AKIAEXAMPLE0000001\nSecret Access Key: c2VjcmV0/c2VjcmV0+c2VjcmV0=c2VjcmV0c2Vj\n",
        )
        .unwrap();
        let api = Url::parse("https://api.hrworks.de").unwrap();
        let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
        let source = PeopleSource {
            http: &http,
            api: &api,
            keys: &keys,
        };
        assert_eq!(
            source.page_url(1).as_str(),
            "https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false"
        );
        let body = r#"{"persons":[
            {"personId":"17","personnelNumber":10017,"firstName":"Jürgen","lastName":"Weiß",
             "email":"j.weiss@acme.example","privateEmail":"private@example.org","position":"Bäcker",
             "joinDate":"2019-04-01","leaveDate":null,"isActive":true,
             "organizationUnit":{"number":"2","name":"Backstube"},
             "permanentEstablishment":{"id":"1","name":"Berlin"},
             "externalIds":[{"externalSystem":"DATEV","id":"00017"}],"T-Shirt-Größe":"L"},
            {"personId":18,"firstName":"Anna","lastName":"Schmidt","isActive":false,
             "leaveDate":"2020-01-31"},
            {"personId":"19","firstName":"Ben","lastName":"Roth","isActive":false}
        ]}"#;
        let link = r#"<https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false>; rel="next", <https://api.hrworks.de/v2/persons/master-data?page=9&onlyActive=false>; rel="last""#;
        let page = source.parse(0, &response(body, Some(link))).unwrap();
        assert_eq!(page.total_pages, Some(9));
        assert_eq!(
            page.next.as_ref().map(Url::as_str),
            Some("https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false")
        );
        assert_eq!(page.links.len(), 2);
        let [juergen, anna, ben] = page.people.as_slice() else {
            panic!("three people");
        };
        assert_eq!(juergen.ids.provider_id.as_deref(), Some("17"));
        assert_eq!(juergen.ids.personnel_number.as_deref(), Some("10017"));
        assert_eq!(juergen.ids.external_ids, vec!["00017".to_owned()]);
        assert_eq!(juergen.first_name, "Jürgen");
        assert_eq!(juergen.work_email.as_deref(), Some("j.weiss@acme.example"));
        assert_eq!(juergen.status, Some(PersonStatus::Active));
        assert_eq!(juergen.department.as_deref(), Some("Backstube"));
        assert_eq!(juergen.location.as_deref(), Some("Berlin"));
        assert_eq!(juergen.job_title.as_deref(), Some("Bäcker"));
        assert_eq!(
            juergen.start_date,
            Some(time::macros::date!(2019 - 04 - 01))
        );
        assert_eq!(anna.ids.provider_id.as_deref(), Some("18"));
        assert_eq!(anna.status, Some(PersonStatus::Terminated));
        assert_eq!(ben.status, Some(PersonStatus::Inactive));

        // No `Link` at all: a full page asks for the next one, a short page ends the list.
        let person = r#"{"personId":"1","firstName":"A","lastName":"B"}"#;
        let full = format!(r#"{{"persons":[{}]}}"#, vec![person; 50].join(","));
        let page = source.parse(3, &response(&full, None)).unwrap();
        assert_eq!(page.total_pages, None);
        assert_eq!(page.next, Some(source.page_url(4)));
        let page = source
            .parse(3, &response(r#"{"persons":[]}"#, None))
            .unwrap();
        assert_eq!(page.next, None);
        // Not the documented shape: an unexpected answer, nothing echoed.
        assert_eq!(
            source.parse(0, &response(r#"{"people":[]}"#, None)).err(),
            Some(Problem::ProviderUnexpectedResponse {
                provider: "HRworks".into()
            })
        );
    }

    #[test]
    fn token_expiry_from_the_exp_claim() {
        let encode = |json: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
        let token = format!("{}.{}.sig", encode("{}"), encode(r#"{"exp":1700000000}"#));
        assert_eq!(
            token_expiry(&token),
            Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000))
        );
        assert_eq!(token_expiry("opaque-token"), None);
    }
}
