//! iPayroll: OAuth authorisation code (the app asks for scopes, the API user's role decides
//! which are granted) and the organisation's active employees in Spring HATEOAS pages.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use time::Date;

use crate::gate::{self, Gate};
use crate::oauth::{self, Account, BearerError, Client, Policy, Scopes};
use crate::people::{Employment, Gender, OrgSpec, Person, Region, Size, Staff};
use crate::scenarios::Organisation;
use crate::scenarios::ipayroll as scenario;
use crate::tokens::random_secret;
use crate::{Provider, Refusal, Shared, faults};

/// iPayroll's default page size, and the Sandbox's maximum (larger sizes are clamped).
const DEFAULT_SIZE: usize = 20;
const MAX_SIZE: usize = 100;

/// An organisation: its number and its people. Its name is exposed nowhere (providers.md).
struct Org {
    number: u32,
    login_org: Organisation,
    people: OrgSpec,
}

static MAIN: Org = Org {
    number: scenario::ORGANISATION_NUMBER,
    login_org: Organisation {
        id: "49764",
        name: "Sandbox Kiwi Bakery Ltd",
    },
    people: OrgSpec {
        key: "ipayroll/49764",
        region: Region::NewZealand,
        email_domain: "sandbox-kiwibakery.example",
        size: Size::Configured,
    },
};

static OTHER: Org = Org {
    number: scenario::OTHER_ORGANISATION_NUMBER,
    login_org: Organisation {
        id: "51234",
        name: "Sandbox Harbour Cafe Ltd",
    },
    people: OrgSpec {
        key: "ipayroll/51234",
        region: Region::NewZealand,
        email_domain: "sandbox-harbourcafe.example",
        size: Size::Fixed(8),
    },
};

static ORGS: [&Org; 2] = [&MAIN, &OTHER];

static POLICY: Policy = Policy {
    provider_name: "iPayroll",
    clients: &[Client {
        credentials: scenario::CLIENT,
        name: "HR Link",
        scopes: scenario::SCOPES,
    }],
    accounts: &[
        Account {
            login: scenario::API_USER,
            organisations: std::slice::from_ref(&MAIN.login_org),
            withheld_scopes: &[],
            grants_all_organisations: false,
        },
        Account {
            login: scenario::API_USER_WITHOUT_EMPLOYEES,
            organisations: std::slice::from_ref(&MAIN.login_org),
            withheld_scopes: &["employees"],
            grants_all_organisations: false,
        },
        Account {
            login: scenario::OTHER_ORGANISATION_API_USER,
            organisations: std::slice::from_ref(&OTHER.login_org),
            withheld_scopes: &[],
            grants_all_organisations: false,
        },
    ],
    scopes: Scopes::Requested,
    // Undocumented: a challenge that is sent is verified, none is required.
    pkce_required: false,
    // Spring's default: the refresh token is reused.
    rotate_refresh_tokens: false,
    token_type: "bearer",
};

struct IPayroll {
    shared: Shared,
    api: String,
    oauth: Arc<oauth::Server>,
}

/// API and authorisation share one base: `{base}/api/v1/…` and `{base}/oauth/…`.
pub(crate) fn router(shared: &Shared, api: &str) -> Router {
    let oauth = oauth::Server::new(
        &POLICY,
        shared.config.token_lifetime,
        shared.stats.clone(),
        Provider::IPayroll,
    );
    let state = Arc::new(IPayroll {
        shared: shared.clone(),
        api: api.to_owned(),
        oauth: Arc::clone(&oauth),
    });
    let machine = Router::new()
        .route("/api/v1/employees", get(employees))
        .with_state(state)
        .merge(oauth.token_router("/oauth/token"));
    let machine = Gate::new(Provider::IPayroll, shared, error).guard(machine);
    machine.merge(oauth.consent_router("/oauth/authorize"))
}

/// iPayroll's resource error body `{id, messages, status}` (it has no field for a code).
pub(crate) fn error(status: StatusCode, _code: &str, message: &str) -> Response {
    let body = json!({ "id": random_secret(), "messages": [message], "status": status.as_u16() });
    (status, Json(body)).into_response()
}

/// Spring Security OAuth's answers for a bearer token it does not accept.
fn bearer_error(problem: BearerError) -> Response {
    let (error, description) = match problem {
        BearerError::Missing => (
            "unauthorized",
            "Full authentication is required to access this resource".to_owned(),
        ),
        BearerError::Unknown(token) => ("invalid_token", format!("Invalid access token: {token}")),
        BearerError::Expired(token) => ("invalid_token", format!("Access token expired: {token}")),
    };
    let challenge = format!("Bearer realm=\"oauth\", error=\"{error}\"");
    let mut response = (
        StatusCode::UNAUTHORIZED,
        Json(json!({ "error": error, "error_description": description })),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response.headers_mut().insert(WWW_AUTHENTICATE, value);
    }
    response
}

#[derive(Deserialize)]
struct PageParams {
    page: Option<String>,
    size: Option<String>,
}

impl PageParams {
    /// Spring's leniency: a negative page is page 0, a size below 1 the default.
    fn parse(&self) -> Result<(usize, usize), Refusal> {
        let number = |value: &Option<String>| match value.as_deref() {
            None | Some("") => Ok(0),
            Some(value) => value.parse::<i64>(),
        };
        match (number(&self.page), number(&self.size)) {
            (Ok(page), Ok(size)) => {
                let page = usize::try_from(page).unwrap_or(0);
                let size = usize::try_from(size).unwrap_or(0);
                let size = if size == 0 {
                    DEFAULT_SIZE
                } else {
                    size.min(MAX_SIZE)
                };
                Ok((page, size))
            }
            _ => {
                let message = "page and size must be whole numbers";
                Err(error(StatusCode::BAD_REQUEST, "invalid_parameter", message).into())
            }
        }
    }
}

async fn employees(
    State(ipayroll): State<Arc<IPayroll>>,
    headers: HeaderMap,
    Query(params): Query<PageParams>,
) -> Result<Response, Refusal> {
    let (grant, token) = ipayroll
        .oauth
        .authenticate(&headers)
        .map_err(bearer_error)?;
    if !grant.allows("employees") {
        let body = json!({
            "error": "insufficient_scope",
            "error_description": "Insufficient scope for this resource",
            "scope": "employees",
        });
        return Err((StatusCode::FORBIDDEN, Json(body)).into_response().into());
    }
    let (page, size) = params.parse()?;
    let org = ORGS
        .iter()
        .find(|org| org.login_org.id == grant.organisation.id)
        .ok_or_else(|| gate::server_error(error, 500))?;
    let staff = ipayroll
        .shared
        .people
        .staff(&org.people)
        .await
        .map_err(|problem| {
            tracing::error!(%problem, "generating people failed");
            gate::server_error(error, 500)
        })?;
    // iPayroll lists active employees only.
    let total = staff.count(true);
    let total_pages = total.div_ceil(size);
    let content: Vec<Value> = staff
        .page(true, page.saturating_mul(size), size)
        .into_iter()
        .map(|person| employee(&staff, person, org.number))
        .collect();

    let faults = &ipayroll.shared.faults;
    let link = |rel: &str, page: usize| {
        let href = format!("{}/api/v1/employees?page={page}&size={size}", ipayroll.api);
        let href = if rel == "next" && faults.foreign_next_link(Provider::IPayroll) {
            faults::foreign(&href)
        } else {
            href
        };
        json!({ "rel": rel, "href": href })
    };
    let last = total_pages.saturating_sub(1);
    let mut links = vec![link("first", 0)];
    if page > 0 {
        links.push(link("prev", page - 1));
    }
    links.push(link("self", page));
    if page + 1 < total_pages {
        links.push(link("next", page + 1));
    }
    links.push(link("last", last));
    if faults.expire_token_after(Provider::IPayroll, page as u64 + 1) {
        ipayroll.oauth.expire(&token);
    }
    Ok(Json(json!({
        "content": content,
        "links": links,
        "page": { "size": size, "totalElements": total, "totalPages": total_pages, "number": page },
    }))
    .into_response())
}

/// iPayroll's date format, e.g. `1-May-2014`.
fn ipayroll_date(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS
        .get(usize::from(u8::from(date.month())) - 1)
        .copied()
        .unwrap_or_default();
    format!("{}-{month}-{}", date.day(), date.year())
}

fn employee(staff: &Staff, person: &Person, organisation: u32) -> Value {
    let unit = staff.units().get(person.unit);
    let location = staff.locations().get(person.location);
    let first_names = match &person.middle_name {
        Some(middle) => format!("{} {middle}", person.first_name),
        None => person.first_name.clone(),
    };
    let pay_frequency = match person.employment {
        Employment::Casual => "Weekly",
        Employment::PartTime | Employment::FullTime if person.number.is_multiple_of(4) => "Monthly",
        Employment::PartTime | Employment::FullTime => "Fortnightly",
    };
    json!({
        "employeeId": (1_000 + u64::from(person.number)).to_string(),
        "firstNames": first_names,
        "surname": person.last_name,
        "preferredName": person.preferred_name,
        // Payslips go to whichever address the employee gave.
        "email": person.work_email.as_ref().or(person.personal_email.as_ref()),
        "startDate": ipayroll_date(person.start_date),
        "finishDate": person.end_date.map(ipayroll_date),
        "birthDate": ipayroll_date(person.birth_date),
        "title": person.job_title,
        "gender": match person.gender {
            Gender::Female => "Female",
            Gender::Male => "Male",
            Gender::Diverse => "Gender Diverse",
        },
        "phone": person.phone,
        "payFrequency": pay_frequency,
        "defaultCostCentre": unit.map(|unit| unit.number),
        "userDefinedGroup": unit.map(|unit| unit.name),
        "workState": location.map(|location| location.state),
        "organisation": organisation,
        "address": location.map(|location| json!({
            "street": format!("{} Kōwhai Street", person.number % 180 + 1),
            "suburb": null,
            "city": location.city,
            "postCode": location.postcode,
            "country": "New Zealand",
        })),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_look_like_ipayrolls() {
        assert_eq!(ipayroll_date(date!(2014 - 05 - 01)), "1-May-2014");
        assert_eq!(ipayroll_date(date!(1999 - 12 - 31)), "31-Dec-1999");
    }

    #[test]
    fn organisation_ids_are_the_numbers() {
        for org in ORGS {
            assert_eq!(org.login_org.id, org.number.to_string());
        }
    }

    #[test]
    fn sizes_are_clamped_like_spring() {
        let parse = |page: &str, size: &str| {
            let params = PageParams {
                page: Some(page.to_owned()),
                size: Some(size.to_owned()),
            };
            params.parse().ok()
        };
        assert_eq!(parse("0", "500"), Some((0, 100)));
        assert_eq!(parse("-3", "0"), Some((0, 20)));
        assert_eq!(parse("2", "7"), Some((2, 7)));
        assert_eq!(parse("x", "7"), None);
    }
}
