//! IRIS HR Professional: API-user sign-in, then probes of the Set Rights the integration uses.
//!
//! **Provisional contract.** No public reference for the HR Professional API exists
//! (`shared/providers.md`), so this module implements the contract the Sandbox decided on, and
//! it is the only place that knows it: when IRIS's real reference is known, this module is
//! replaced and nothing else changes. The UI and the docs say that IRIS verification is
//! provisional.
//!
//! | call | provisional answer |
//! |---|---|
//! | `POST {api}/api/v1/token` JSON `{username, password}` | `200 {access_token, expires_in}`; `401` wrong credentials; `403 {"error":"user_inactive"}`; `403 {"error":"api_disabled"}` |
//! | `GET /api/v1/company` | `{id, name}` |
//! | `GET /api/v1/employees?page=1&pageSize=1` | `{items:[{employeeId,…}], page, pageSize, totalItems}` |
//! | `GET /api/v1/employees/{id}/personal`, `…/contract` | the tab, or `403` when Set Rights exclude it |
//!
//! Permissions are the API user's **Set Rights** (System Tools > Utilities > Company > API
//! Users > the user > Set Rights), full by default. No endpoint lists them, so each is probed:
//!
//! | id | required | probe | what the integration needs it for |
//! |---|---|---|---|
//! | `employees` | yes | the first page of the employee list | see who works there, and count them |
//! | `personal` | yes | the first employee's Personal tab | date of birth and personal contact details, used to match people |
//! | `contract` | no | the first employee's Contract tab | contract type, hours and manager (job title, department and dates are already in the list) |
//!
//! An empty company has no employee to probe with: the tabs are then probed with an id no
//! employee has, and `404` (the rights check passed, the record does not exist) counts as
//! readable. IRIS may report missing rights as empty or partial data rather than a clean `403`
//! ([S] in providers.md); the provisional contract cannot detect that.
//!
//! The people count is the list's `totalItems`: everyone the API user can list, leavers
//! included if IRIS lists them (their `status` tells them apart; the contract does not say
//! whether the list filters them).
//!
//! `expires_in` is not used: a verification takes seconds. The people listing, which takes
//! longer, has to sign in again when a call answers `401`.

mod people;

use futures::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

use super::catalogue::ProviderId;
use super::provider::{ProgramAccess, Provider};
use super::screens::{GuideScreen, StepValue, copy, screen};
use super::support::{
    Probe, authorised_get, credentials_rejected, decode, failure_problem, json_text, note,
    permission_checks, post_json, probe_status, send_authorised, unexpected_status, wrong_kind,
};
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{IrisLogin, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, HttpFailure, join};
use crate::mapping::{CategoryKind, Structure, structure_from_people};
use crate::people::Person;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{Account, PeopleCount, VerificationReport};

const PROVIDER: ProviderId = ProviderId::Iris;

/// Stands in for an employee id when the company has none: zero is not an id records are given.
const PLACEHOLDER_EMPLOYEE_ID: &str = "0";

/// The token request, borrowing the password so that no owned copy of it is left behind.
#[derive(Serialize)]
struct TokenRequest<'a> {
    username: &'a str,
    password: &'a str,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    /// Seconds the token lives, when stated.
    #[serde(default)]
    expires_in: Option<u64>,
}

/// The provisional error body, `{"error": code, "message": …}`. Only the code is read: the
/// message is the provider's text and may echo what was sent.
#[derive(Deserialize)]
struct ErrorBody {
    error: Option<String>,
}

#[derive(Deserialize)]
struct Company {
    #[serde(default)]
    id: serde_json::Value,
    name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EmployeePage {
    #[serde(default)]
    items: Vec<EmployeeSummary>,
    total_items: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EmployeeSummary {
    employee_id: serde_json::Value,
}

/// What the first page of the employee list tells: how many, and someone to probe tabs with.
struct FirstPage {
    total: u32,
    first_employee: Option<String>,
}

struct Session<'a> {
    http: &'a HttpClient,
    api: &'a Url,
    token: SecretString,
    expires_at: Option<std::time::SystemTime>,
}

/// Verifies an IRIS API user's login.
pub async fn verify(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    login: &IrisLogin,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let api = &endpoints.api;
    let session = match step(
        progress,
        VerifyStep::Authenticate,
        authenticate(http, api, login),
    )
    .await
    {
        Ok(session) => session,
        Err(problem) => return VerificationReport::failed(PROVIDER, problem),
    };
    // The company runs beside the listing; the tab probes need an employee id from the listing.
    let (account, (listing, personal, contract)) = tokio::join!(
        step(progress, VerifyStep::Account, session.account()),
        session.listing_then_tabs(progress),
    );

    let mut problems = Vec::new();
    let people = listing
        .as_ref()
        .ok()
        // The listing's total includes inactive employees.
        .map(|page| PeopleCount::everyone(page.total));
    let statuses = [
        Probe::verdict(listing.map(|_| ()), &mut problems),
        Probe::verdict(personal, &mut problems),
        Probe::verdict(contract, &mut problems),
    ];
    let permissions = permission_checks(PROVIDER, statuses);
    let account = account.map_err(|problem| note(&mut problems, problem)).ok();
    VerificationReport::assemble(PROVIDER, account, permissions, people, problems)
}

/// Signs in with the login for a program that asks HR Link for access (`hrlink credential get`):
/// the token, and when it expires (`expires_in`, when IRIS states it).
async fn access_token(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    login: &IrisLogin,
) -> Result<(SecretString, Option<std::time::SystemTime>), Problem> {
    let session = authenticate(http, &endpoints.api, login).await?;
    Ok((session.token, session.expires_at))
}

async fn authenticate<'a>(
    http: &'a HttpClient,
    api: &'a Url,
    login: &IrisLogin,
) -> Result<Session<'a>, Problem> {
    let body = TokenRequest {
        username: &login.username,
        password: login.password.expose_secret(),
    };
    let response = post_json(http, PROVIDER, join(api, "/api/v1/token"), &body).await?;
    match response.status.as_u16() {
        200 => {
            let token: TokenResponse = decode(PROVIDER, &response)?;
            if token.access_token.trim().is_empty() {
                return Err(unexpected_status(PROVIDER, &response));
            }
            Ok(Session {
                http,
                api,
                expires_at: token.expires_in.and_then(|secs| {
                    std::time::SystemTime::now().checked_add(std::time::Duration::from_secs(secs))
                }),
                token: SecretString::from(token.access_token),
            })
        }
        401 => Err(credentials_rejected(PROVIDER)),
        403 => Err(refusal(&response.body)),
        _ => Err(unexpected_status(PROVIDER, &response)),
    }
}

/// Why IRIS refused a known API user. A 403 without a code we know is a refusal all the same.
fn refusal(body: &[u8]) -> Problem {
    let code = serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .and_then(|body| body.error);
    match code.as_deref() {
        Some("user_inactive") => Problem::IrisUserInactive,
        Some("api_disabled") => Problem::IrisApiModuleDisabled,
        _ => credentials_rejected(PROVIDER),
    }
}

impl Session<'_> {
    async fn account(&self) -> Result<Account, Problem> {
        let url = join(self.api, "/api/v1/company");
        match authorised_get(self.http, PROVIDER, url, &self.token).await {
            Ok(response) => {
                let company: Company = decode(PROVIDER, &response)?;
                Ok(Account {
                    id: json_text(&company.id),
                    name: company.name,
                })
            }
            // Signing in already proved the credentials; Set Rights may hide company details.
            Err(Probe::Denied) => Ok(Account {
                id: String::new(),
                name: String::new(),
            }),
            Err(Probe::Failed(problem)) => Err(problem),
        }
    }

    /// Reads the first page of the employee list, then probes both tabs concurrently.
    async fn listing_then_tabs(
        &self,
        progress: &dyn ProgressSink,
    ) -> (
        Result<FirstPage, Probe>,
        Result<(), Probe>,
        Result<(), Probe>,
    ) {
        let listing = step(
            progress,
            VerifyStep::permission("employees"),
            self.first_page(),
        )
        .await;
        // The count came with the listing; the step is still reported, so that the checklist
        // reads the same for every provider.
        let _ = step(progress, VerifyStep::People, async {
            listing.as_ref().map(|_| ()).map_err(|_| ())
        })
        .await;
        // Without an id (refused listing, empty company) the tabs are still probed, so that
        // their rights are reported rather than left unknown.
        let employee = listing
            .as_ref()
            .ok()
            .and_then(|page| page.first_employee.as_deref());
        let (personal, contract) = tokio::join!(
            step(
                progress,
                VerifyStep::permission("personal"),
                self.tab(employee, "personal")
            ),
            step(
                progress,
                VerifyStep::permission("contract"),
                self.tab(employee, "contract")
            ),
        );
        (listing, personal, contract)
    }

    async fn first_page(&self) -> Result<FirstPage, Probe> {
        let mut url = join(self.api, "/api/v1/employees");
        url.set_query(Some("page=1&pageSize=1"));
        let response = authorised_get(self.http, PROVIDER, url, &self.token).await?;
        let page: EmployeePage = decode(PROVIDER, &response).map_err(Probe::Failed)?;
        let listed = u64::try_from(page.items.len()).unwrap_or(u64::MAX);
        // A total below what the page itself holds is wrong; the page is the better witness.
        let total = page.total_items.max(listed);
        Ok(FirstPage {
            total: u32::try_from(total).unwrap_or(u32::MAX),
            first_employee: page
                .items
                .first()
                .map(|item| json_text(&item.employee_id))
                .filter(|id| !id.is_empty()),
        })
    }

    /// Probes one tab of an employee's record (`personal` or `contract`).
    async fn tab(&self, employee: Option<&str>, tab: &str) -> Result<(), Probe> {
        let mut url = join(self.api, "/api/v1/employees");
        // Pushed as path segments, so an id holding `/` or `?` cannot change the path.
        // An http(s) base always has path segments; anything else was refused as insecure.
        let insecure = || Probe::Failed(failure_problem(PROVIDER, HttpFailure::Insecure));
        url.path_segments_mut()
            .map_err(|()| insecure())?
            .push(employee.unwrap_or(PLACEHOLDER_EMPLOYEE_ID))
            .push(tab);
        let response = send_authorised(self.http, PROVIDER, url, &self.token)
            .await
            .map_err(Probe::Failed)?;
        if employee.is_none() && response.status.as_u16() == 404 {
            return Ok(());
        }
        let response = probe_status(PROVIDER, response)?;
        decode::<serde_json::Value>(PROVIDER, &response)
            .map(|_| ())
            .map_err(Probe::Failed)
    }
}

/// IRIS HR Professional, as the engines see it.
pub struct Iris;

impl Provider for Iris {
    fn id(&self) -> ProviderId {
        PROVIDER
    }

    fn guide_screens(&self, config: &Config) -> Vec<GuideScreen> {
        let p = PROVIDER;
        vec![
            screen(p, "enable_module", vec![None, None, None]),
            screen(
                p,
                "create_user",
                vec![None, copy(config.product.as_str()), None],
            ),
            screen(
                p,
                "rights",
                vec![None, Some(StepValue::Permissions { joined: false })],
            ),
            screen(p, "copy_password", vec![None, None]),
        ]
    }

    /// The provisional contract has no structure endpoint: locations and departments are the
    /// values the employee list carries (`location`, `department`).
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

    /// IRIS generates user names: an identifier of letters, digits and `.`, `_`, `-`, `@`
    /// (never the symbols its generated passwords carry, nor spaces), starting with a letter or
    /// digit.
    fn has_user_name_shape(&self, name: &str) -> bool {
        name.starts_with(|c: char| c.is_ascii_alphanumeric())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-@".contains(&b))
    }

    fn parse_secret(&self, bytes: &[u8]) -> Result<Secret, Problem> {
        let text = std::str::from_utf8(bytes).map_err(|_| Problem::IrisCredentialsUnrecognised)?;
        crate::credentials::parse_iris_credentials(text).map(Secret::Login)
    }

    fn access_token<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<ProgramAccess, Problem>> {
        Box::pin(async move {
            let (token, expires_at) = access_token(http, endpoints, login(secret)?).await?;
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
            match login(secret) {
                Ok(login) => verify(http, endpoints, login, progress).await,
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
            let result = match login(secret) {
                Ok(login) => people::list_people(http, endpoints, login, options, progress).await,
                Err(problem) => Err(problem),
            };
            ListingOutcome {
                result,
                refreshed_tokens: None,
            }
        })
    }
}

fn login(secret: &Secret) -> Result<&IrisLogin, Problem> {
    match secret {
        Secret::Login(login) => Ok(login),
        _ => Err(wrong_kind(PROVIDER)),
    }
}

#[cfg(test)]
mod tests;
