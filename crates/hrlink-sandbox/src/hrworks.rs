//! HRworks API v2: key-pair authentication to a short-lived JWT, permissions per key,
//! organisation units, permanent establishments, persons keyed by unit, and master data in
//! fixed pages of 50 navigated by the `Link` header.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::header::LINK;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::gate::{self, Gate};
use crate::people::{self, OrgSpec, Person, Region, Size, Staff, Turnover, Unit};
use crate::scenarios::KeyPair;
use crate::scenarios::hrworks as scenario;
use crate::tokens::{bearer, random_secret};
use crate::{Provider, Refusal, RetryAfter, Shared, faults, lock};

/// HRworks serves master data in pages of exactly this many persons.
const PAGE_SIZE: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Permission {
    Persons,
    PersonsMasterData,
    OrganizationUnits,
    Absences,
}

impl Permission {
    fn name(self) -> &'static str {
        match self {
            Permission::Persons => "persons",
            Permission::PersonsMasterData => "persons.master-data",
            Permission::OrganizationUnits => "organization-units",
            Permission::Absences => "absences",
        }
    }
}

const ALL_PERMISSIONS: &[Permission] = &[
    Permission::Persons,
    Permission::PersonsMasterData,
    Permission::OrganizationUnits,
    Permission::Absences,
];

/// How a key misbehaves (scenarios).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quirk {
    None,
    RateLimited,
    ServerError,
    HtmlPage,
    RepeatedPage,
    /// The token names no company and the organisation units have neither name nor number
    /// (HRworks' OpenAPI requires neither): the company is named by its establishment.
    BareUnits,
}

#[derive(Debug)]
struct Company {
    id: u32,
    name: &'static str,
    people: OrgSpec,
}

static BAECKEREI: Company = Company {
    id: 48213,
    name: scenario::COMPANY,
    people: OrgSpec {
        key: "hrworks/baeckerei",
        region: Region::Germany,
        email_domain: "sandbox-baeckerei.example",
        size: Size::Configured,
    },
};

static NORDLICHT: Company = Company {
    id: 51877,
    name: scenario::OTHER_COMPANY_NAME,
    people: OrgSpec {
        key: "hrworks/nordlicht",
        region: Region::Germany,
        email_domain: "nordlicht-logistik.example",
        size: Size::Fixed(scenario::OTHER_COMPANY_PEOPLE),
    },
};

static GROSSHANDEL: Company = Company {
    id: 60001,
    name: scenario::LARGE_COMPANY_NAME,
    people: OrgSpec {
        key: "hrworks/grosshandel",
        region: Region::Germany,
        email_domain: "sandbox-grosshandel.example",
        size: Size::Fixed(scenario::LARGE_COMPANY_PEOPLE),
    },
};

static HOSTILE: Company = Company {
    id: 66666,
    name: scenario::HOSTILE_COMPANY_NAME,
    people: OrgSpec {
        key: "hrworks/hostile",
        region: Region::Germany,
        email_domain: "hostile.example",
        size: Size::Fixed(10),
    },
};

#[derive(Debug)]
struct Key {
    pair: KeyPair,
    company: &'static Company,
    permissions: &'static [Permission],
    quirk: Quirk,
}

const fn key(pair: KeyPair, company: &'static Company, quirk: Quirk) -> Key {
    Key {
        pair,
        company,
        permissions: ALL_PERMISSIONS,
        quirk,
    }
}

/// Registered key pairs; `scenario::UNKNOWN` is deliberately absent.
static KEYS: [Key; 11] = [
    key(scenario::VALID, &BAECKEREI, Quirk::None),
    Key {
        pair: scenario::NO_PERSONS,
        company: &BAECKEREI,
        permissions: &[Permission::OrganizationUnits, Permission::Absences],
        quirk: Quirk::None,
    },
    key(scenario::OTHER_COMPANY, &NORDLICHT, Quirk::None),
    key(scenario::LARGE_COMPANY, &GROSSHANDEL, Quirk::None),
    key(scenario::RATE_LIMITED, &BAECKEREI, Quirk::RateLimited),
    key(scenario::SERVER_ERROR, &BAECKEREI, Quirk::ServerError),
    key(scenario::HTML_PAGE, &BAECKEREI, Quirk::HtmlPage),
    key(scenario::REPEATED_PAGE, &BAECKEREI, Quirk::RepeatedPage),
    key(scenario::REISSUED, &BAECKEREI, Quirk::None),
    key(scenario::HOSTILE_NAME, &HOSTILE, Quirk::None),
    key(scenario::BARE_UNITS, &BAECKEREI, Quirk::BareUnits),
];

struct HrWorks {
    shared: Shared,
    api: String,
    signing_key: [u8; 64],
    /// `jti`s of tokens expired early by the mid-listing fault (JWTs are otherwise stateless).
    expired_early: Mutex<HashSet<String>>,
    /// Requests made with the rate-limited key; every second one is refused.
    rate_limited_requests: AtomicU64,
}

pub(crate) fn router(shared: &Shared, api: &str) -> Router {
    let mut signing_key = [0u8; 64];
    rand::rng().fill_bytes(&mut signing_key);
    let state = Arc::new(HrWorks {
        shared: shared.clone(),
        api: api.to_owned(),
        signing_key,
        expired_early: Mutex::new(HashSet::new()),
        rate_limited_requests: AtomicU64::new(0),
    });
    let routes = Router::new()
        .route("/v2/authentication", post(authenticate))
        .route("/v2/health-check", get(health_check))
        .route("/v2/organization-units", get(organization_units))
        .route(
            "/v2/permanent-establishments",
            get(permanent_establishments),
        )
        .route("/v2/persons", get(persons))
        .route("/v2/persons/master-data", get(master_data))
        .route("/sandbox/revoke-key", post(revoke_key))
        .route("/sandbox/turnover", post(turnover))
        .with_state(state);
    Gate::new(Provider::HrWorks, shared, error).guard(routes)
}

/// HRworks' error body as its OpenAPI's `ApiError` has it: `{errorCode, type, errorMessage,
/// additionalErrors}`, `errorCode` the HTTP status and `type` an identifier such as
/// `InvalidCredentialsError` (made from `code`: `invalid_credentials` → that).
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({
        "errorCode": status.as_u16(),
        "type": error_type(code),
        "errorMessage": message,
        "additionalErrors": [],
    });
    (status, Json(body)).into_response()
}

/// `token_expired` → `TokenExpiredError`.
fn error_type(code: &str) -> String {
    let mut name: String = code
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    name.push_str("Error");
    name
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Credentials {
    access_key: String,
    secret_access_key: String,
}

async fn authenticate(State(hrworks): State<Arc<HrWorks>>, body: Bytes) -> Response {
    let Ok(credentials) = serde_json::from_slice::<Credentials>(&body) else {
        let message = "Send a JSON object with accessKey and secretAccessKey.";
        return error(StatusCode::BAD_REQUEST, "invalid_request", message);
    };
    let key = KEYS.iter().find(|key| {
        key.pair.access_key == credentials.access_key
            && key.pair.secret_access_key == credentials.secret_access_key
    });
    let Some(key) = key.filter(|key| !hrworks.is_revoked(key)) else {
        let message = "The access key or the secret access key is not valid.";
        return error(StatusCode::FORBIDDEN, "invalid_credentials", message);
    };
    if let Some(refusal) = hrworks.misbehave(key) {
        return refusal;
    }
    Json(json!({ "token": hrworks.issue_jwt(key) })).into_response()
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    exp: u64,
    jti: String,
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// The Sandbox's stand-in for deleting a key pair in HRworks' admin interface.
async fn revoke_key(State(hrworks): State<Arc<HrWorks>>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Revoke {
        access_key: String,
    }
    match serde_json::from_slice::<Revoke>(&body) {
        Ok(revoke) => {
            lock(&hrworks.shared.revoked).insert(revoke.access_key);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(_) => error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Send a JSON object with accessKey.",
        ),
    }
}

/// The Sandbox's stand-in for HR work in HRworks: people join, leave, are deleted or move
/// (`{"accessKey", "hired", "removed", "terminated", "moved"}`), in the key's company.
async fn turnover(State(hrworks): State<Arc<HrWorks>>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Change {
        access_key: String,
        #[serde(flatten)]
        turnover: Turnover,
    }
    let change = serde_json::from_slice::<Change>(&body);
    let key = change.as_ref().ok().and_then(|change| {
        KEYS.iter()
            .find(|key| key.pair.access_key == change.access_key)
    });
    let (Ok(change), Some(key)) = (change, key) else {
        let message = "Send a JSON object with a known accessKey and the numbers to change.";
        return error(StatusCode::BAD_REQUEST, "invalid_request", message);
    };
    match hrworks
        .shared
        .people
        .change(&key.company.people, change.turnover)
        .await
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(_) => gate::server_error(error, 500),
    }
}

impl HrWorks {
    fn is_revoked(&self, key: &Key) -> bool {
        lock(&self.shared.revoked).contains(key.pair.access_key)
    }

    fn mac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as Mac>::new(&self.signing_key.into())
    }

    fn issue_jwt(&self, key: &Key) -> String {
        let now = unix_now();
        let lifetime = self.shared.config.token_lifetime;
        let exp = now + lifetime.as_secs() + u64::from(lifetime.subsec_nanos() > 0);
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let mut claims = json!({
            "iss": "hrworks-sandbox",
            "sub": key.pair.access_key,
            "companyId": key.company.id,
            "companyName": key.company.name,
            "iat": now,
            "exp": exp,
            "jti": random_secret(),
        });
        if key.quirk == Quirk::BareUnits
            && let Some(claims) = claims.as_object_mut()
        {
            claims.remove("companyId");
            claims.remove("companyName");
        }
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signing_input = format!("{header}.{claims}");
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{signing_input}.{signature}")
    }

    /// The key behind a request's token, checked for `permission`.
    fn caller(
        &self,
        headers: &HeaderMap,
        permission: Option<Permission>,
    ) -> Result<(&'static Key, Claims), Refusal> {
        let unauthorized = |code: &str, message: &str| {
            Refusal::from(error(StatusCode::UNAUTHORIZED, code, message))
        };
        let token = bearer(headers)
            .ok_or_else(|| unauthorized("unauthorized", "Send the token as a Bearer token."))?;
        let invalid = || unauthorized("invalid_token", "The token is not valid.");
        let claims = self.verify(token).ok_or_else(invalid)?;
        let key = KEYS
            .iter()
            .find(|key| key.pair.access_key == claims.sub && !self.is_revoked(key))
            .ok_or_else(invalid)?;
        if unix_now() >= claims.exp || lock(&self.expired_early).contains(&claims.jti) {
            return Err(unauthorized("token_expired", "The token has expired."));
        }
        if let Some(refusal) = self.misbehave(key) {
            return Err(refusal.into());
        }
        match permission {
            Some(needed) if !key.permissions.contains(&needed) => {
                let message = format!(
                    "The access key lacks the permission \"{}\" for this endpoint.",
                    needed.name()
                );
                Err(error(StatusCode::FORBIDDEN, "missing_permission", &message).into())
            }
            _ => Ok((key, claims)),
        }
    }

    fn verify(&self, token: &str) -> Option<Claims> {
        let (signing_input, signature) = token.rsplit_once('.')?;
        let (header, claims) = signing_input.split_once('.')?;
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(signature).ok()?)
            .ok()?;
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
        if header.get("alg") != Some(&json!("HS256")) {
            return None;
        }
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).ok()?).ok()
    }

    /// The scenario behaviour of a key, for every request made with it.
    fn misbehave(&self, key: &Key) -> Option<Response> {
        match key.quirk {
            Quirk::ServerError => Some(gate::server_error(error, 500)),
            Quirk::HtmlPage => Some(gate::html_sign_in_page()),
            Quirk::RateLimited
                if self.rate_limited_requests.fetch_add(1, Ordering::Relaxed) % 2 == 1 =>
            {
                Some(gate::too_many_requests(error, RetryAfter::Seconds(1)))
            }
            Quirk::RateLimited | Quirk::RepeatedPage | Quirk::BareUnits | Quirk::None => None,
        }
    }

    async fn staff(&self, company: &'static Company) -> Result<Arc<Staff>, Refusal> {
        self.shared
            .people
            .staff(&company.people)
            .await
            .map_err(|failure| {
                tracing::error!(%failure, "generating people failed");
                gate::server_error(error, 500).into()
            })
    }
}

async fn health_check(
    State(hrworks): State<Arc<HrWorks>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    hrworks.caller(&headers, None)?;
    Ok(Json(json!({ "status": "ok" })).into_response())
}

async fn organization_units(
    State(hrworks): State<Arc<HrWorks>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let (key, _) = hrworks.caller(&headers, Some(Permission::OrganizationUnits))?;
    let units = key.company.people.region.units();
    let mut units: Vec<OrganizationUnit> = units
        .iter()
        .map(|unit| organization_unit(key.company, unit))
        .collect();
    if key.quirk == Quirk::BareUnits {
        units.iter_mut().for_each(OrganizationUnit::strip);
    }
    Ok(Json(json!({ "organizationUnits": units })).into_response())
}

/// An organisation unit with its chain of parents, as HRworks' OpenAPI has it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OrganizationUnit {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'static str>,
    country_code: &'static str,
    uuid: String,
    parent_organization_unit: Option<Box<OrganizationUnit>>,
}

impl OrganizationUnit {
    /// Leaves out the name and number (and its parents'), which the OpenAPI does not require.
    fn strip(&mut self) {
        (self.number, self.name) = (None, None);
        if let Some(parent) = &mut self.parent_organization_unit {
            parent.strip();
        }
    }
}

fn organization_unit(company: &Company, unit: &'static Unit) -> OrganizationUnit {
    let units = company.people.region.units();
    let parent = unit.parent.and_then(|parent| units.get(parent));
    OrganizationUnit {
        number: Some(unit.number),
        name: Some(unit.name),
        country_code: "DE",
        uuid: format!("{:08x}-0000-4000-8000-{:0>12}", company.id, unit.number),
        parent_organization_unit: parent.map(|parent| Box::new(organization_unit(company, parent))),
    }
}

async fn permanent_establishments(
    State(hrworks): State<Arc<HrWorks>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let (key, _) = hrworks.caller(&headers, Some(Permission::OrganizationUnits))?;
    let locations = key.company.people.region.locations();
    let establishments: Vec<Value> = (0..)
        .zip(locations)
        .map(|(index, location)| {
            json!({
                "id": establishment_id(index),
                "number": format!("BS-{:02}", index + 1),
                "name": location.name,
                "address": {
                    "street": location.street,
                    "zipCode": location.postcode,
                    "city": location.city,
                    "countryCode": "DE",
                },
            })
        })
        .collect();
    Ok(Json(json!({ "permanentEstablishments": establishments })).into_response())
}

fn establishment_id(index: usize) -> String {
    (index + 1).to_string()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListParams {
    page: Option<String>,
    only_active: Option<String>,
}

impl ListParams {
    /// `onlyActive` defaults to true (HRworks' OpenAPI).
    fn only_active(&self) -> Result<bool, Refusal> {
        match self.only_active.as_deref() {
            None | Some("true") => Ok(true),
            Some("false") => Ok(false),
            Some(_) => {
                let message = "onlyActive must be true or false.";
                Err(error(StatusCode::BAD_REQUEST, "invalid_parameter", message).into())
            }
        }
    }

    fn page(&self) -> Result<usize, Refusal> {
        match self.page.as_deref().map(str::parse::<usize>) {
            None => Ok(1),
            Some(Ok(page)) if page >= 1 => Ok(page),
            Some(_) => {
                let message = "page must be a positive integer.";
                Err(error(StatusCode::BAD_REQUEST, "invalid_parameter", message).into())
            }
        }
    }
}

/// All persons in one object keyed by organisation unit number (not paged).
async fn persons(
    State(hrworks): State<Arc<HrWorks>>,
    headers: HeaderMap,
    Query(params): Query<ListParams>,
) -> Result<Response, Refusal> {
    let (key, _) = hrworks.caller(&headers, Some(Permission::Persons))?;
    let only_active = params.only_active()?;
    let staff = hrworks.staff(key.company).await?;
    let mut by_unit: BTreeMap<&str, Vec<BaseData>> = BTreeMap::new();
    let units = staff.units();
    for person in staff.page(only_active, 0, usize::MAX) {
        let unit = units.get(person.unit).map_or("", |unit| unit.number);
        by_unit.entry(unit).or_default().push(base_data(person));
    }
    Ok(Json(by_unit).into_response())
}

/// Master data, 50 per page, with `Link: <…page=N…>; rel="next", <…>; rel="last"`.
async fn master_data(
    State(hrworks): State<Arc<HrWorks>>,
    headers: HeaderMap,
    Query(params): Query<ListParams>,
) -> Result<Response, Refusal> {
    let (key, claims) = hrworks.caller(&headers, Some(Permission::PersonsMasterData))?;
    let (only_active, page) = (params.only_active()?, params.page()?);
    let staff = hrworks.staff(key.company).await?;
    let last = staff.count(only_active).div_ceil(PAGE_SIZE).max(1);
    let served = if key.quirk == Quirk::RepeatedPage && page == 3 {
        2
    } else {
        page
    };
    let start = (served - 1).saturating_mul(PAGE_SIZE);
    let persons: Vec<MasterRecord> = staff
        .page(only_active, start, PAGE_SIZE)
        .into_iter()
        .map(|person| master_record(key.company, &staff, person))
        .collect();

    let faults = &hrworks.shared.faults;
    let link = |page: usize, rel: &str| {
        let url = format!(
            "{}/v2/persons/master-data?page={page}&onlyActive={only_active}",
            hrworks.api
        );
        let url = if rel == "next" && faults.foreign_next_link(Provider::HrWorks) {
            faults::foreign(&url)
        } else {
            url
        };
        format!("<{url}>; rel=\"{rel}\"")
    };
    let mut links = Vec::with_capacity(2);
    if page < last {
        links.push(link(page + 1, "next"));
    }
    links.push(link(last, "last"));
    if faults.expire_token_after(Provider::HrWorks, page as u64) {
        lock(&hrworks.expired_early).insert(claims.jti);
    }
    let mut response = match faults.flooded_pages(Provider::HrWorks) {
        Some(people) => flooded_page(page, people),
        None => Json(json!({ "persons": persons })).into_response(),
    };
    if let Ok(value) = HeaderValue::from_str(&links.join(", ")) {
        response.headers_mut().insert(LINK, value);
    }
    Ok(response)
}

/// A master-data page of `people` bare records with ids distinct across pages
/// ([`faults::Fault::FloodedPages`]), written directly: about 20 bytes a person.
fn flooded_page(page: usize, people: usize) -> Response {
    let mut body = String::with_capacity(people * 24 + 16);
    body.push_str("{\"persons\":[");
    for i in 0..people {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&format!("{{\"personId\":\"{page}-{i}\"}}"));
    }
    body.push_str("]}");
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

// The records are typed rather than `json!` values: the 50,000-person listing serialises a lot.

/// `PersonBaseData`; `personId` is a string in HRworks' OpenAPI.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BaseData<'a> {
    person_id: String,
    personnel_number: String,
    first_name: &'a str,
    last_name: &'a str,
    uuid: &'a str,
    external_ids: Vec<ExternalId>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExternalId {
    external_system: &'static str,
    id: String,
}

/// `Person` master data. Custom free fields come as extra keys named as in HRworks.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MasterRecord<'a> {
    #[serde(flatten)]
    base: BaseData<'a>,
    email: Option<&'a str>,
    private_email: Option<&'a str>,
    position: &'static str,
    join_date: String,
    leave_date: Option<String>,
    is_active: bool,
    country_code: &'static str,
    organization_unit: Option<OrganizationUnit>,
    permanent_establishment: Option<EstablishmentRef>,
    superior: Option<BaseData<'a>>,
    cost_center: Option<CostCenter>,
    birthday: String,
    gender: &'static str,
    #[serde(rename = "T-Shirt-Größe")]
    t_shirt_size: &'static str,
}

#[derive(Serialize)]
struct EstablishmentRef {
    id: String,
    name: &'static str,
}

#[derive(Serialize)]
struct CostCenter {
    number: String,
    name: &'static str,
}

fn base_data(person: &Person) -> BaseData<'_> {
    // Some people carry the id of the payroll system the company exports to.
    let external_ids = if person.number.is_multiple_of(3) {
        vec![ExternalId {
            external_system: "DATEV",
            id: format!("{:05}", person.number),
        }]
    } else {
        Vec::new()
    };
    BaseData {
        person_id: person.number.to_string(),
        personnel_number: (10_000 + u64::from(person.number)).to_string(),
        first_name: &person.first_name,
        last_name: &person.last_name,
        uuid: &person.uuid,
        external_ids,
    }
}

fn master_record<'a>(company: &Company, staff: &'a Staff, person: &'a Person) -> MasterRecord<'a> {
    let unit = staff.units().get(person.unit);
    let location = staff.locations().get(person.location);
    let superior = person.manager.and_then(|number| staff.by_number(number));
    MasterRecord {
        base: base_data(person),
        email: person.work_email.as_deref(),
        private_email: person.personal_email.as_deref(),
        position: person.job_title,
        join_date: people::iso_date(person.start_date),
        leave_date: person.end_date.map(people::iso_date),
        is_active: person.is_active(),
        country_code: "DE",
        organization_unit: unit.map(|unit| organization_unit(company, unit)),
        permanent_establishment: location.map(|location| EstablishmentRef {
            id: establishment_id(person.location),
            name: location.name,
        }),
        superior: superior.map(base_data),
        cost_center: unit.map(|unit| CostCenter {
            number: format!("KST-{}", unit.number),
            name: unit.name,
        }),
        birthday: people::iso_date(person.birth_date),
        gender: match person.gender {
            people::Gender::Female => "female",
            people::Gender::Male => "male",
            people::Gender::Diverse => "diverse",
        },
        t_shirt_size: ["S", "M", "L", "XL"][person.number as usize % 4],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scenario_key_but_unknown_is_registered() {
        let registered = |pair: KeyPair| KEYS.iter().any(|key| key.pair == pair);
        assert!(!registered(scenario::UNKNOWN));
        for pair in [
            scenario::VALID,
            scenario::NO_PERSONS,
            scenario::OTHER_COMPANY,
            scenario::LARGE_COMPANY,
            scenario::RATE_LIMITED,
            scenario::SERVER_ERROR,
            scenario::HTML_PAGE,
            scenario::REPEATED_PAGE,
            scenario::REISSUED,
            scenario::HOSTILE_NAME,
        ] {
            assert!(registered(pair), "{pair:?}");
        }
        let access_keys: HashSet<_> = KEYS.iter().map(|key| key.pair.access_key).collect();
        assert_eq!(access_keys.len(), KEYS.len());
    }
}
