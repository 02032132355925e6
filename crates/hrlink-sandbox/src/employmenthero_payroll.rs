//! Employment Hero Payroll (formerly KeyPay) API v2: an API key sent as the HTTP Basic user name,
//! the user, the businesses the key reaches (a bare array), and each business's employees,
//! locations and employing entities, paged with OData `$skip`/`$top` (at most 100, no total: a
//! short page ends the list). Requests under one business are limited to 5 a second, as the
//! real API limits them. The contract is `docs/providers/employmenthero-payroll.md`.

mod records;
pub mod scenarios;

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::header::{AUTHORIZATION, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use self::records::{Business, KEYS, Key, Reach};
use crate::gate::{self, Gate};
use crate::people::{Staff, Turnover};
use crate::rate_limit::{RateLimiter, retry_after_secs};
use crate::{Provider, Refusal, Shared, lock};

/// The documented default and maximum of `$top`.
const MAX_TOP: usize = 100;
/// Requests a second under one business (`/api/v2/business/{id}/…`).
const BUSINESS_RATE: NonZeroU32 = match NonZeroU32::new(5) {
    Some(rate) => rate,
    None => NonZeroU32::MIN,
};

/// ASP.NET Web API's answer when authentication or authorisation fails.
const DENIED: &str = "Authorization has been denied for this request.";

struct Payroll {
    shared: Shared,
    /// One bucket per seeded business; unknown business ids are refused before they count.
    limiters: HashMap<u32, RateLimiter>,
}

pub(crate) fn router(shared: &Shared) -> Router {
    let limiters = records::BUSINESSES
        .iter()
        .map(|business| (business.id, RateLimiter::per_second(BUSINESS_RATE)))
        .collect();
    let state = Arc::new(Payroll {
        shared: shared.clone(),
        limiters,
    });
    let routes = Router::new()
        .route("/api/v2/user", get(user))
        .route("/api/v2/business", get(businesses))
        .route("/api/v2/business/{business_id}", get(business))
        .route(
            "/api/v2/business/{business_id}/employee/unstructured",
            get(employees),
        )
        .route("/api/v2/business/{business_id}/location", get(locations))
        .route(
            "/api/v2/business/{business_id}/employingentity",
            get(employing_entities),
        )
        .route("/sandbox/revoke-key", post(revoke_key))
        .route("/sandbox/turnover", post(turnover))
        .with_state(state);
    Gate::new(Provider::EmploymentHeroPayroll, shared, error).guard(routes)
}

/// ASP.NET Web API's error body, `{"message": …}` (the code is not part of it).
pub(crate) fn error(status: StatusCode, _code: &str, message: &str) -> Response {
    (status, Json(json!({ "message": message }))).into_response()
}

fn unauthorized() -> Refusal {
    let mut response = error(StatusCode::UNAUTHORIZED, "unauthorized", DENIED);
    response.headers_mut().insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"api\""),
    );
    response.into()
}

fn bad_request(message: &str) -> Refusal {
    error(StatusCode::BAD_REQUEST, "bad_request", message).into()
}

/// The user name of an `Authorization: Basic` header (RFC 7617: `user:password`, Base64). The
/// password is ignored: the API key guide says it "can be left blank".
fn basic_user(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, _password) = decoded.split_once(':')?;
    Some(user.to_owned())
}

impl Payroll {
    /// The registered, unrevoked key of the request, or the 401 the API gives everyone else.
    fn caller(&self, headers: &HeaderMap) -> Result<&'static Key, Refusal> {
        let presented = basic_user(headers).ok_or_else(unauthorized)?;
        let revoked = lock(&self.shared.revoked).contains(&presented);
        KEYS.iter()
            .find(|key| key.api_key == presented && !revoked)
            .ok_or_else(unauthorized)
    }

    /// A business of the request's key, after its rate limit. The limit counts every request to
    /// the business, even refused ones (the KeyPay forum: unauthenticated tries use it up too).
    fn business(
        &self,
        headers: &HeaderMap,
        id: &str,
    ) -> Result<(&'static Key, &'static Business), Refusal> {
        let id = id.parse::<u32>().ok();
        if let Some(wait) = id
            .and_then(|id| self.limiters.get(&id))
            .and_then(|limiter| limiter.try_acquire().err())
        {
            return Err(too_many_requests(retry_after_secs(wait)));
        }
        let key = self.caller(headers)?;
        let business = key
            .businesses
            .iter()
            .find(|business| Some(business.id) == id);
        let business = business.ok_or_else(|| {
            let message = "You do not have access to this business.";
            error(StatusCode::FORBIDDEN, "forbidden", message)
        })?;
        Ok((key, business))
    }

    async fn staff(&self, business: &'static Business) -> Result<Arc<Staff>, Refusal> {
        self.shared
            .people
            .staff(&business.people)
            .await
            .map_err(|problem| {
                tracing::error!(%problem, "generating people failed");
                gate::server_error(error, 500).into()
            })
    }
}

/// The per-business limit's answer. Its form is undocumented; the Sandbox answers as the
/// common ASP.NET throttling filter does: a JSON string body and `Retry-After` in seconds.
fn too_many_requests(secs: u32) -> Refusal {
    let body = Json(json!(format!(
        "API calls quota exceeded! maximum admitted {BUSINESS_RATE} per Second."
    )));
    let mut response = (StatusCode::TOO_MANY_REQUESTS, body).into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(secs));
    response.into()
}

async fn user(
    State(payroll): State<Arc<Payroll>>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let key = payroll.caller(&headers)?;
    Ok(Json(records::user(key)).into_response())
}

/// OData paging of a list: `$skip`, `$top` (default and maximum 100) and `$orderby=Id` (the
/// order every list already has). Other query options (but those a list names as `also`) are
/// the real API's, not the Sandbox's.
struct Window {
    skip: usize,
    top: usize,
}

impl Window {
    fn parse(query: &HashMap<String, String>, also: &[&str]) -> Result<Window, Refusal> {
        let number = |name: &str, default: usize| match query.get(name) {
            None => Ok(default),
            Some(value) => value.trim().parse::<usize>().map_err(|_| {
                bad_request(&format!(
                    "The query specified in the URI is not valid. Invalid value '{value}' for \
                     {name} query option found. The {name} query option requires a \
                     non-negative integer value."
                ))
            }),
        };
        let top = number("$top", MAX_TOP)?;
        if top > MAX_TOP {
            return Err(bad_request(&format!(
                "The query specified in the URI is not valid. The limit of '{MAX_TOP}' for Top \
                 query has been exceeded. The value from the incoming request is '{top}'."
            )));
        }
        let skip = number("$skip", 0)?;
        let imitated = |name: &str, value: &str| {
            matches!(name, "$top" | "$skip")
                || also.contains(&name)
                || (name == "$orderby" && is_id_order(value))
        };
        let unsupported = query
            .iter()
            .find(|(name, value)| name.starts_with('$') && !imitated(name, value));
        if let Some((name, _)) = unsupported {
            return Err(bad_request(&format!(
                "The Sandbox imitates only $skip, $top, $orderby=Id and the employee list's \
                 $select, not {name}."
            )));
        }
        Ok(Window { skip, top })
    }

    fn of<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items
            .iter()
            .skip(self.skip)
            .take(self.top)
            .cloned()
            .collect()
    }

    /// The 1-based page this window is, for the mid-listing fault.
    fn position(&self) -> u64 {
        (self.skip / self.top.max(1) + 1) as u64
    }
}

fn is_id_order(value: &str) -> bool {
    let mut words = value.split_whitespace();
    let field = words
        .next()
        .is_some_and(|field| field.eq_ignore_ascii_case("id"));
    let direction = words
        .next()
        .is_none_or(|way| way.eq_ignore_ascii_case("asc"));
    field && direction && words.next().is_none()
}

async fn businesses(
    State(payroll): State<Arc<Payroll>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, Refusal> {
    let key = payroll.caller(&headers)?;
    let window = Window::parse(&query, &[])?;
    let all: Vec<Value> = key
        .businesses
        .iter()
        .map(|b| records::business(b))
        .collect();
    Ok(Json(window.of(&all)).into_response())
}

async fn business(
    State(payroll): State<Arc<Payroll>>,
    headers: HeaderMap,
    Path(business_id): Path<String>,
) -> Result<Response, Refusal> {
    let (_, business) = payroll.business(&headers, &business_id)?;
    Ok(Json(records::business(business)).into_response())
}

async fn employees(
    State(payroll): State<Arc<Payroll>>,
    headers: HeaderMap,
    Path(business_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, Refusal> {
    let (key, business) = payroll.business(&headers, &business_id)?;
    match key.reach {
        Reach::Everything => {}
        Reach::NotEmployees => {
            let message = "You do not have permission to view employees of this business.";
            return Err(error(StatusCode::FORBIDDEN, "forbidden", message).into());
        }
        Reach::NotEmployeesAs401 => return Err(unauthorized()),
    }
    let window = Window::parse(&query, &["$select"])?;
    let selection = query.get("$select").map(|names| {
        let names = names.split(',').map(str::trim);
        names.filter(|name| !name.is_empty()).collect::<Vec<_>>()
    });
    let staff = payroll.staff(business).await?;
    let page = staff
        .page(false, window.skip, window.top)
        .into_iter()
        .map(|person| {
            let record = records::employee(business, &staff, person);
            match &selection {
                Some(names) => selected(record, names),
                None => Ok(record),
            }
        })
        .collect::<Result<Vec<Value>, Refusal>>()?;
    let faults = &payroll.shared.faults;
    if faults.expire_token_after(Provider::EmploymentHeroPayroll, window.position()) {
        // An API key does not expire; the nearest thing is someone clicking "Change API Key".
        lock(&payroll.shared.revoked).insert(key.api_key.to_owned());
    }
    Ok(Json(page).into_response())
}

/// Only the `$select`ed properties of a record. OData names them capitalised (`FirstName`), unlike
/// the camelCase JSON; the OData guide says only the employee list supports `$select`.
fn selected(record: Value, names: &[&str]) -> Result<Value, Refusal> {
    let Value::Object(fields) = record else {
        return Ok(record);
    };
    let odata_name = |key: &str| {
        let mut letters = key.chars();
        let first = letters.next().map(|first| first.to_ascii_uppercase());
        first.into_iter().chain(letters).collect::<String>()
    };
    let mut chosen = Map::new();
    for name in names {
        let (key, value) = fields
            .iter()
            .find(|(key, _)| odata_name(key) == *name)
            .ok_or_else(|| {
                bad_request(&format!(
                    "The query specified in the URI is not valid. Could not find a property \
                     named '{name}' on type 'Employee'."
                ))
            })?;
        chosen.insert(key.clone(), value.clone());
    }
    Ok(Value::Object(chosen))
}

async fn locations(
    State(payroll): State<Arc<Payroll>>,
    headers: HeaderMap,
    Path(business_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, Refusal> {
    let (_, business) = payroll.business(&headers, &business_id)?;
    let window = Window::parse(&query, &[])?;
    Ok(Json(window.of(&records::locations(business))).into_response())
}

async fn employing_entities(
    State(payroll): State<Arc<Payroll>>,
    headers: HeaderMap,
    Path(business_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, Refusal> {
    let (_, business) = payroll.business(&headers, &business_id)?;
    let window = Window::parse(&query, &[])?;
    Ok(Json(window.of(&records::employing_entities(business))).into_response())
}

/// The Sandbox's stand-in for "Change API Key" on the user's My Account page:
/// `{"apiKey": "…"}`; from then on the key answers 401.
async fn revoke_key(State(payroll): State<Arc<Payroll>>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Revoke {
        api_key: String,
    }
    match serde_json::from_slice::<Revoke>(&body) {
        Ok(revoke) => {
            lock(&payroll.shared.revoked).insert(revoke.api_key);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(_) => error(
            StatusCode::BAD_REQUEST,
            "",
            "Send a JSON object with apiKey.",
        ),
    }
}

/// The Sandbox's stand-in for payroll work: people join, leave, are deleted or move
/// (`{"apiKey", "businessId"?, "hired", "removed", "terminated", "moved"}`) in one of the key's
/// businesses (its first when `businessId` is absent).
async fn turnover(State(payroll): State<Arc<Payroll>>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Change {
        api_key: String,
        business_id: Option<u32>,
        #[serde(flatten)]
        turnover: Turnover,
    }
    let change = serde_json::from_slice::<Change>(&body).ok();
    let target = change.as_ref().and_then(|change| {
        let key = KEYS.iter().find(|key| key.api_key == change.api_key)?;
        let mut businesses = key.businesses.iter();
        match change.business_id {
            None => businesses.next(),
            Some(id) => businesses.find(|business| business.id == id),
        }
    });
    let (Some(change), Some(business)) = (change, target) else {
        let message = "Send a JSON object with a known apiKey, one of its businesses' \
                       businessId (optional) and the numbers to change.";
        return error(StatusCode::BAD_REQUEST, "", message);
    };
    match payroll
        .shared
        .people
        .change(&business.people, change.turnover)
        .await
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(_) => gate::server_error(error, 500),
    }
}
