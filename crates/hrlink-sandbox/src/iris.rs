//! IRIS HR Professional, provisional contract (providers.md: no public reference exists):
//! username/password to a token, the company, employees paged from 1, and Set Rights probes.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::gate::{self, Gate};
use crate::people::{self, Employment, Gender, OrgSpec, Person, Region, Size, Staff, Status};
use crate::scenarios::Login;
use crate::scenarios::iris as scenario;
use crate::tokens::{Lookup, TokenStore, bearer};
use crate::{Provider, Refusal, Shared};

const DEFAULT_PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 200;
const COMPANY_ID: &str = "3d4c2b1a-0f9e-4d8c-b7a6-5e4f3a2b1c0d";

static TEA_ROOMS: OrgSpec = OrgSpec {
    key: "iris/tea-rooms",
    region: Region::UnitedKingdom,
    email_domain: "sandbox-tearooms.example",
    size: Size::Configured,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Active,
    Inactive,
    ModuleDisabled,
}

/// An API user and its Set Rights on the Personal and Contract tabs.
#[derive(Debug, PartialEq, Eq)]
struct User {
    login: Login,
    standing: Standing,
    personal: bool,
    contract: bool,
}

static USERS: [User; 4] = [
    User {
        login: scenario::VALID,
        standing: Standing::Active,
        personal: true,
        contract: true,
    },
    User {
        login: scenario::INACTIVE,
        standing: Standing::Inactive,
        personal: true,
        contract: true,
    },
    User {
        login: scenario::API_DISABLED,
        standing: Standing::ModuleDisabled,
        personal: true,
        contract: true,
    },
    User {
        login: scenario::NO_CONTRACT_RIGHTS,
        standing: Standing::Active,
        personal: true,
        contract: false,
    },
];

struct Iris {
    shared: Shared,
    tokens: TokenStore<&'static User>,
}

pub(crate) fn router(shared: &Shared) -> Router {
    let state = Arc::new(Iris {
        shared: shared.clone(),
        tokens: TokenStore::new(Some(shared.config.token_lifetime)),
    });
    let routes = Router::new()
        .route("/api/v1/token", post(token))
        .route("/api/v1/company", get(company))
        .route("/api/v1/employees", get(employees))
        .route("/api/v1/employees/{id}/personal", get(personal))
        .route("/api/v1/employees/{id}/contract", get(contract))
        .with_state(state);
    Gate::new(Provider::Iris, shared, error).guard(routes)
}

/// The provisional error body: `{"error": code, "message": …}`.
pub(crate) fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "error": code, "message": message }))).into_response()
}

#[derive(Deserialize)]
struct Credentials {
    username: String,
    password: String,
}

async fn token(State(iris): State<Arc<Iris>>, body: Bytes) -> Response {
    let Ok(credentials) = serde_json::from_slice::<Credentials>(&body) else {
        let message = "Send a JSON object with username and password.";
        return error(StatusCode::BAD_REQUEST, "invalid_request", message);
    };
    let user = USERS.iter().find(|user| {
        user.login.username == credentials.username && user.login.password == credentials.password
    });
    let Some(user) = user else {
        let message = "The username or password is not correct.";
        return error(StatusCode::UNAUTHORIZED, "invalid_credentials", message);
    };
    match user.standing {
        Standing::Inactive => {
            let message = "The API user is not active. Tick Active on the API user.";
            error(StatusCode::FORBIDDEN, "user_inactive", message)
        }
        Standing::ModuleDisabled => {
            let message = "The API module is not enabled for this company.";
            error(StatusCode::FORBIDDEN, "api_disabled", message)
        }
        Standing::Active => Json(json!({
            "access_token": iris.tokens.issue(user),
            "expires_in": iris.shared.config.token_lifetime.as_secs(),
        }))
        .into_response(),
    }
}

impl Iris {
    fn caller(&self, headers: &HeaderMap) -> Result<(&'static User, String), Refusal> {
        let unauthorized = |message: &str| {
            Refusal::from(error(StatusCode::UNAUTHORIZED, "invalid_token", message))
        };
        let token = bearer(headers).ok_or_else(|| unauthorized("Send a Bearer token."))?;
        match self.tokens.check(token) {
            Lookup::Valid(user) => Ok((user, token.to_owned())),
            Lookup::Expired => Err(unauthorized("The token has expired.")),
            Lookup::Unknown => Err(unauthorized("The token is not valid.")),
        }
    }

    async fn staff(&self) -> Result<Arc<Staff>, Refusal> {
        self.shared
            .people
            .staff(&TEA_ROOMS)
            .await
            .map_err(|problem| {
                tracing::error!(%problem, "generating people failed");
                gate::server_error(error, 500).into()
            })
    }
}

async fn company(State(iris): State<Arc<Iris>>, headers: HeaderMap) -> Result<Response, Refusal> {
    iris.caller(&headers)?;
    Ok(Json(json!({ "id": COMPANY_ID, "name": scenario::COMPANY })).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageParams {
    page: Option<String>,
    page_size: Option<String>,
}

impl PageParams {
    fn parse(&self) -> Result<(usize, usize), Refusal> {
        let number = |value: &Option<String>, default: usize| match value.as_deref() {
            None | Some("") => Ok(default),
            Some(value) => value.parse::<usize>(),
        };
        match (
            number(&self.page, 1),
            number(&self.page_size, DEFAULT_PAGE_SIZE),
        ) {
            (Ok(page), Ok(size)) if page >= 1 && size >= 1 => Ok((page, size.min(MAX_PAGE_SIZE))),
            _ => {
                let message = "page and pageSize must be positive whole numbers.";
                Err(error(StatusCode::BAD_REQUEST, "invalid_parameter", message).into())
            }
        }
    }
}

async fn employees(
    State(iris): State<Arc<Iris>>,
    headers: HeaderMap,
    Query(params): Query<PageParams>,
) -> Result<Response, Refusal> {
    let (_, token) = iris.caller(&headers)?;
    let (page, size) = params.parse()?;
    let staff = iris.staff().await?;
    let items: Vec<Value> = staff
        .page(false, (page - 1).saturating_mul(size), size)
        .into_iter()
        .map(|person| summary(&staff, person))
        .collect();
    if iris
        .shared
        .faults
        .expire_token_after(Provider::Iris, page as u64)
    {
        iris.tokens.expire(&token);
    }
    Ok(Json(json!({
        "items": items,
        "page": page,
        "pageSize": size,
        "totalItems": staff.count(false),
    }))
    .into_response())
}

#[derive(Clone, Copy)]
enum Tab {
    Personal,
    Contract,
}

async fn personal(
    State(iris): State<Arc<Iris>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Refusal> {
    tab(&iris, &headers, &id, Tab::Personal).await
}

async fn contract(
    State(iris): State<Arc<Iris>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Refusal> {
    tab(&iris, &headers, &id, Tab::Contract).await
}

/// One tab of an employee's record, if the API user's Set Rights allow reading it.
async fn tab(iris: &Iris, headers: &HeaderMap, id: &str, tab: Tab) -> Result<Response, Refusal> {
    let (user, _) = iris.caller(headers)?;
    let (readable, name) = match tab {
        Tab::Personal => (user.personal, "Personal"),
        Tab::Contract => (user.contract, "Contract"),
    };
    if !readable {
        let message = format!("The API user's Set Rights do not allow reading the {name} tab.");
        return Err(error(StatusCode::FORBIDDEN, "insufficient_rights", &message).into());
    }
    let staff = iris.staff().await?;
    let person = id
        .strip_prefix('E')
        .and_then(|number| number.parse::<u32>().ok())
        .and_then(|number| staff.by_number(number))
        .ok_or_else(|| {
            error(
                StatusCode::NOT_FOUND,
                "not_found",
                "No employee has this id.",
            )
        })?;
    Ok(match tab {
        Tab::Personal => Json(personal_details(&staff, person)).into_response(),
        Tab::Contract => Json(contract_details(&staff, person)).into_response(),
    })
}

fn employee_id(person: &Person) -> String {
    format!("E{:05}", person.number)
}

fn summary(staff: &Staff, person: &Person) -> Value {
    json!({
        "employeeId": employee_id(person),
        "firstName": person.first_name,
        "lastName": person.last_name,
        "workEmail": person.work_email,
        "jobTitle": person.job_title,
        "department": staff.units().get(person.unit).map(|unit| unit.name),
        "location": staff.locations().get(person.location).map(|location| location.name),
        "startDate": people::iso_date(person.start_date),
        "leaveDate": person.end_date.map(people::iso_date),
        "status": match person.status {
            Status::Active => "Active",
            Status::Inactive => "Inactive",
            Status::Terminated => "Leaver",
        },
    })
}

fn personal_details(staff: &Staff, person: &Person) -> Value {
    let location = staff.locations().get(person.location);
    json!({
        "employeeId": employee_id(person),
        "title": null,
        "firstName": person.first_name,
        "middleName": person.middle_name,
        "lastName": person.last_name,
        "knownAs": person.preferred_name,
        "dateOfBirth": people::iso_date(person.birth_date),
        "gender": match person.gender {
            Gender::Female => "Female",
            Gender::Male => "Male",
            Gender::Diverse => "Non-binary",
        },
        "personalEmail": person.personal_email,
        "phone": person.phone,
        "address": location.map(|location| json!({
            "line1": format!("{} Station Road", person.number % 240 + 1),
            "town": location.city,
            "county": location.state,
            "postcode": location.postcode,
            "country": "United Kingdom",
        })),
    })
}

fn contract_details(staff: &Staff, person: &Person) -> Value {
    let (contract_type, hours) = match person.employment {
        Employment::FullTime => ("Permanent full-time", 37.5),
        Employment::PartTime => ("Permanent part-time", 22.5),
        Employment::Casual => ("Zero hours", 0.0),
    };
    let manager = person.manager.and_then(|number| staff.by_number(number));
    json!({
        "employeeId": employee_id(person),
        "jobTitle": person.job_title,
        "department": staff.units().get(person.unit).map(|unit| unit.name),
        "location": staff.locations().get(person.location).map(|location| location.name),
        "contractType": contract_type,
        "hoursPerWeek": hours,
        "startDate": people::iso_date(person.start_date),
        "leaveDate": person.end_date.map(people::iso_date),
        "managerEmployeeId": manager.map(employee_id),
    })
}
