//! HRworks API v2: key-pair authentication, then probes of each permission the integration uses.
//!
//! HRworks has no endpoint that lists a key's permissions, so each one is probed with a cheap
//! read (403 = not granted). The JWT's claims are not documented: a company name in them is used
//! when present, otherwise the top organisation unit names the account.

mod people;
mod structure;
mod units;

use base64::Engine;
use futures::future::BoxFuture;
use reqwest::header::LINK;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

use super::catalogue::ProviderId;
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
use crate::people::Person;
use crate::people::listing::paging;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{Account, PeopleCount, VerificationReport};
use units::{Establishments, Units};

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
    /// requires none of them; see [`units`]). Never fails for want of a name.
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
        let top = units::top_unit(&units);
        if let Some(account) = top.and_then(units::Unit::account) {
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
                Ok(keys) => people::list_people(http, endpoints, keys, options, progress).await,
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
mod tests;
