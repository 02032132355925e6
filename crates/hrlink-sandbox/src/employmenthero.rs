//! Employment Hero: OAuth authorisation code with mandatory PKCE, scopes fixed per app,
//! the organisation chosen on the consent page, rotating refresh tokens; organisations and
//! their employees in `{data:{items,…}}` pages.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::gate::{self, Gate};
use crate::oauth::{self, Account, BearerError, Client, Grant, Policy, Scopes};
use crate::people::{self, Employment, OrgSpec, Person, Region, Size, Staff, Status};
use crate::scenarios::Organisation;
use crate::scenarios::employmenthero as scenario;
use crate::{Provider, Refusal, Shared};

const DEFAULT_PER_PAGE: usize = 20;
const MAX_PER_PAGE: usize = 100;

static BAKEHOUSE: OrgSpec = OrgSpec {
    key: "employmenthero/bakehouse",
    region: Region::Australia,
    email_domain: "sandbox-bakehouse.example",
    size: Size::Configured,
};

static HOLDINGS: OrgSpec = OrgSpec {
    key: "employmenthero/holdings",
    region: Region::Australia,
    email_domain: "sandbox-holdings.example",
    size: Size::Fixed(0),
};

static BOTH: [Organisation; 2] = [scenario::ORGANISATION, scenario::EMPTY_ORGANISATION];

static POLICY: Policy = Policy {
    provider_name: "Employment Hero",
    clients: &[
        Client {
            credentials: scenario::CLIENT,
            name: "HR Link",
            scopes: scenario::CLIENT_SCOPES,
        },
        Client {
            credentials: scenario::CLIENT_WITHOUT_EMPLOYEES,
            name: "HR Link (limited app)",
            scopes: scenario::CLIENT_WITHOUT_EMPLOYEES_SCOPES,
        },
    ],
    accounts: &[
        Account {
            login: scenario::ONE_ORGANISATION,
            organisations: std::slice::from_ref(&BOTH[0]),
            withheld_scopes: &[],
            grants_all_organisations: false,
        },
        Account {
            login: scenario::TWO_ORGANISATIONS,
            organisations: &BOTH,
            withheld_scopes: &[],
            grants_all_organisations: false,
        },
        Account {
            login: scenario::PARTNER,
            organisations: &BOTH,
            withheld_scopes: &[],
            grants_all_organisations: true,
        },
    ],
    scopes: Scopes::Registered,
    pkce_required: true,
    rotate_refresh_tokens: true,
    token_type: "Bearer",
};

fn people_of(organisation: &Organisation) -> &'static OrgSpec {
    if organisation.id == scenario::EMPTY_ORGANISATION.id {
        &HOLDINGS
    } else {
        &BAKEHOUSE
    }
}

struct EmploymentHero {
    shared: Shared,
    oauth: Arc<oauth::Server>,
}

/// The API router (`{api}/api/v1/…`) and the authorisation router (`{auth}/oauth2/…`),
/// sharing one authorisation server.
pub(crate) fn routers(shared: &Shared) -> (Router, Router) {
    let oauth = oauth::Server::new(
        &POLICY,
        shared.config.token_lifetime,
        shared.stats.clone(),
        Provider::EmploymentHero,
    );
    let state = Arc::new(EmploymentHero {
        shared: shared.clone(),
        oauth: Arc::clone(&oauth),
    });
    let api = Router::new()
        .route("/api/v1/organisations", get(organisations))
        .route("/api/v1/organisations/{id}/employees", get(employees))
        .route("/api/v1/organisations/{id}/teams", get(teams))
        .route(
            "/api/v1/organisations/{id}/work_locations",
            get(work_locations),
        )
        .with_state(state);
    // One gate for both hosts: the rate limit is per provider.
    let gate = Gate::new(Provider::EmploymentHero, shared, error);
    let auth = gate.guard(oauth.token_router("/oauth2/token"));
    let auth = auth.merge(oauth.consent_router("/oauth2/authorize"));
    (gate.guard(api), auth)
}

/// OAuth-style error body, as the rest of Employment Hero's answers.
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "error": code, "error_description": message });
    (status, Json(body)).into_response()
}

/// Doorkeeper's answer (RFC 6750) for a token it does not accept.
fn bearer_error(problem: &BearerError) -> Response {
    let description = match problem {
        BearerError::Missing => "The access token is missing",
        BearerError::Unknown(_) => "The access token is invalid",
        BearerError::Expired(_) => "The access token expired",
    };
    let mut response = error(StatusCode::UNAUTHORIZED, "invalid_token", description);
    let challenge = format!(
        "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"{description}\""
    );
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response.headers_mut().insert(WWW_AUTHENTICATE, value);
    }
    response
}

impl EmploymentHero {
    fn caller(&self, headers: &HeaderMap, scope: &str) -> Result<(Grant, String), Refusal> {
        let (grant, token) = self
            .oauth
            .authenticate(headers)
            .map_err(|problem| bearer_error(&problem))?;
        if !grant.allows(scope) {
            let message = format!("The access token lacks the scope {scope}");
            return Err(error(StatusCode::FORBIDDEN, "insufficient_scope", &message).into());
        }
        Ok((grant, token))
    }
}

#[derive(Deserialize)]
struct PageParams {
    page_index: Option<String>,
    item_per_page: Option<String>,
}

impl PageParams {
    fn parse(&self) -> Result<(usize, usize), Refusal> {
        let number = |value: &Option<String>, default: usize| match value.as_deref() {
            None | Some("") => Ok(default),
            Some(value) => value.parse::<usize>(),
        };
        let page = number(&self.page_index, 1);
        match (page, number(&self.item_per_page, DEFAULT_PER_PAGE)) {
            (Ok(page), Ok(per_page)) if page >= 1 && per_page >= 1 => {
                Ok((page, per_page.min(MAX_PER_PAGE)))
            }
            _ => {
                let message = "page_index and item_per_page must be positive whole numbers";
                Err(error(StatusCode::BAD_REQUEST, "invalid_parameter", message).into())
            }
        }
    }
}

fn envelope(items: Vec<Value>, page: usize, per_page: usize, total: usize) -> Response {
    Json(json!({
        "data": {
            "items": items,
            "page_index": page,
            "item_per_page": per_page,
            "total_items": total,
            "total_pages": total.div_ceil(per_page),
        }
    }))
    .into_response()
}

/// The organisations the token reaches: the one chosen on the consent page, or all of a
/// partner user's.
async fn organisations(
    State(eh): State<Arc<EmploymentHero>>,
    headers: HeaderMap,
    Query(params): Query<PageParams>,
) -> Result<Response, Refusal> {
    let (grant, _) = eh.caller(&headers, "organisations:list")?;
    let (page, per_page) = params.parse()?;
    let start = (page - 1).saturating_mul(per_page);
    let items = (grant.organisations.iter())
        .skip(start)
        .take(per_page)
        .map(|organisation| {
            json!({
                "id": organisation.id,
                "name": organisation.name,
                "country": "AU",
                "phone": "+61 2 9000 0000",
                "logo_url": null,
            })
        })
        .collect();
    Ok(envelope(items, page, per_page, grant.organisations.len()))
}

async fn employees(
    State(eh): State<Arc<EmploymentHero>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Response, Refusal> {
    let (staff, (page, per_page), token) =
        eh.listed(&headers, "employees:list", &id, &params).await?;
    let start = (page - 1).saturating_mul(per_page);
    let items = staff
        .page(false, start, per_page)
        .into_iter()
        .map(|person| employee(&staff, person))
        .collect();
    if eh
        .shared
        .faults
        .expire_token_after(Provider::EmploymentHero, page as u64)
    {
        eh.oauth.expire(&token);
    }
    Ok(envelope(items, page, per_page, staff.count(false)))
}

/// The organisation's teams (one per unit of the generated people), `teams:list`.
async fn teams(
    State(eh): State<Arc<EmploymentHero>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Response, Refusal> {
    let (staff, (page, per_page), _) = eh.listed(&headers, "teams:list", &id, &params).await?;
    let teams = staff
        .units()
        .iter()
        .map(|unit| json!({ "id": team_id(unit.number), "name": unit.name }));
    Ok(paged(teams.collect(), page, per_page))
}

/// The organisation's work locations. Their scope is not documented; the Sandbox asks for
/// `employees:list`, which every working sign-in has.
async fn work_locations(
    State(eh): State<Arc<EmploymentHero>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Response, Refusal> {
    let (staff, (page, per_page), _) = eh.listed(&headers, "employees:list", &id, &params).await?;
    let locations = (0..).zip(staff.locations()).map(|(index, location)| {
        json!({
            "id": location_id(index),
            "name": location.name,
            "address": format!("{}, {} {}", location.street, location.city, location.postcode),
        })
    });
    Ok(paged(locations.collect(), page, per_page))
}

fn paged(items: Vec<Value>, page: usize, per_page: usize) -> Response {
    let total = items.len();
    let start = (page - 1).saturating_mul(per_page);
    let items = items.into_iter().skip(start).take(per_page).collect();
    envelope(items, page, per_page, total)
}

impl EmploymentHero {
    /// The organisation `id`'s people for a caller with `scope`, the page asked for and the
    /// caller's token.
    async fn listed(
        &self,
        headers: &HeaderMap,
        scope: &str,
        id: &str,
        params: &PageParams,
    ) -> Result<(Arc<Staff>, (usize, usize), String), Refusal> {
        let (grant, token) = self.caller(headers, scope)?;
        let Some(organisation) = grant.organisations.iter().find(|org| org.id == id) else {
            let message = "No organisation with this id is accessible with this token";
            return Err(error(StatusCode::NOT_FOUND, "not_found", message).into());
        };
        let page = params.parse()?;
        let staff = self.shared.people.staff(people_of(organisation)).await;
        let staff = staff.map_err(|problem| {
            tracing::error!(%problem, "generating people failed");
            gate::server_error(error, 500)
        })?;
        Ok((staff, page, token))
    }
}

/// A stable, UUID-shaped id for a work location.
fn location_id(index: usize) -> String {
    format!("10000000-0000-4000-8000-{:0>12}", index + 1)
}

/// A stable, UUID-shaped id for a unit (teams have ids in Employment Hero).
fn team_id(number: &str) -> String {
    format!("00000000-0000-4000-8000-{number:0>12}")
}

fn employee(staff: &Staff, person: &Person) -> Value {
    let unit = staff.units().get(person.unit);
    let location = staff.locations().get(person.location);
    let manager = person.manager.and_then(|number| staff.by_number(number));
    json!({
        "id": person.uuid,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "middle_name": person.middle_name,
        "known_as": person.preferred_name,
        "full_name": format!("{} {}", person.first_name, person.last_name),
        "email": person.work_email.as_ref().or(person.personal_email.as_ref()),
        "company_email": person.work_email,
        "personal_email": person.personal_email,
        "job_title": person.job_title,
        "code": format!("EMP{:05}", person.number),
        "status": match person.status {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Terminated => "terminated",
        },
        "start_date": people::iso_date(person.start_date),
        "termination_date": person.end_date.map(people::iso_date),
        "employment_type": match person.employment {
            Employment::FullTime => "Full-time",
            Employment::PartTime => "Part-time",
            Employment::Casual => "Casual",
        },
        "location": location.map(|location| location.name),
        "teams": unit.map_or_else(Vec::new, |unit| {
            vec![json!({ "id": team_id(unit.number), "name": unit.name })]
        }),
        "primary_manager": manager.map(|manager| json!({
            "id": manager.uuid,
            "full_name": format!("{} {}", manager.first_name, manager.last_name),
        })),
        "external_id": null,
        "date_of_birth": people::iso_date(person.birth_date),
    })
}
