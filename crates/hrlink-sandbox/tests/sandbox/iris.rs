//! IRIS HR Professional (provisional contract): token, company, employees, Set Rights.

use std::collections::HashSet;
use std::time::Duration;

use hrlink_sandbox::scenarios::{Login, iris as scenario};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{http, iris_token, json, sandbox, sandbox_with};

async fn token_response(sandbox: &Sandbox, body: Value) -> reqwest::Response {
    let url = format!("{}/api/v1/token", sandbox.endpoints().iris.api);
    http().post(url).json(&body).send().await.unwrap()
}

fn credentials(login: Login) -> Value {
    json!({ "username": login.username, "password": login.password })
}

async fn get(sandbox: &Sandbox, path: &str, token: &str) -> reqwest::Response {
    let url = format!("{}{path}", sandbox.endpoints().iris.api);
    http().get(url).bearer_auth(token).send().await.unwrap()
}

#[tokio::test]
async fn api_users_get_tokens_and_see_their_company() {
    let sandbox = sandbox().await;
    let body = json(token_response(&sandbox, credentials(scenario::VALID)).await).await;
    assert_eq!(body["expires_in"], 900);
    let token = body["access_token"].as_str().unwrap();
    let company = json(get(&sandbox, "/api/v1/company", token).await).await;
    assert_eq!(company["name"], scenario::COMPANY);
    assert!(company["id"].is_string());
}

#[tokio::test]
async fn refused_logins_say_why() {
    let sandbox = sandbox().await;
    let wrong = json!({ "username": scenario::VALID.username, "password": "nope" });
    let response = token_response(&sandbox, wrong).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    for (login, error) in [
        (scenario::INACTIVE, "user_inactive"),
        (scenario::API_DISABLED, "api_disabled"),
    ] {
        let response = token_response(&sandbox, credentials(login)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(json(response).await["error"], error);
    }
    let url = format!("{}/api/v1/token", sandbox.endpoints().iris.api);
    let response = http().post(url).body("username=x").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn employees_are_paged_from_one() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, scenario::VALID).await;
    let mut seen = Vec::new();
    for page in 1..=3 {
        let body = json(
            get(
                &sandbox,
                &format!("/api/v1/employees?page={page}&pageSize=100"),
                &token,
            )
            .await,
        )
        .await;
        assert_eq!(body["page"], page);
        assert_eq!(body["pageSize"], 100);
        assert_eq!(body["totalItems"], 250);
        seen.extend(body["items"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(seen.len(), 250);
    let ids: HashSet<_> = seen
        .iter()
        .map(|e| e["employeeId"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 250);
    let statuses: HashSet<_> = seen.iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, HashSet::from(["Active", "Inactive", "Leaver"]));
    for field in [
        "firstName",
        "lastName",
        "jobTitle",
        "department",
        "location",
        "startDate",
    ] {
        assert!(seen.iter().all(|e| e[field].is_string()), "{field}");
    }
    let body = json(get(&sandbox, "/api/v1/employees?pageSize=1000", &token).await).await;
    assert_eq!(body["pageSize"], 200);
    let default = json(get(&sandbox, "/api/v1/employees", &token).await).await;
    assert_eq!(
        (default["page"].clone(), default["pageSize"].clone()),
        (json!(1), json!(50))
    );
    let bad = get(&sandbox, "/api/v1/employees?page=0", &token).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn set_rights_decide_which_tabs_can_be_read() {
    let sandbox = sandbox().await;
    let full = iris_token(&sandbox, scenario::VALID).await;
    let limited = iris_token(&sandbox, scenario::NO_CONTRACT_RIGHTS).await;
    let first = json(get(&sandbox, "/api/v1/employees?pageSize=1", &full).await).await;
    let id = first["items"][0]["employeeId"].as_str().unwrap().to_owned();

    let personal = get(&sandbox, &format!("/api/v1/employees/{id}/personal"), &full).await;
    assert_eq!(personal.status(), StatusCode::OK);
    assert_eq!(json(personal).await["employeeId"], id.as_str());
    let contract = get(&sandbox, &format!("/api/v1/employees/{id}/contract"), &full).await;
    assert!(json(contract).await["contractType"].is_string());

    let personal = get(
        &sandbox,
        &format!("/api/v1/employees/{id}/personal"),
        &limited,
    )
    .await;
    assert_eq!(personal.status(), StatusCode::OK);
    let contract = get(
        &sandbox,
        &format!("/api/v1/employees/{id}/contract"),
        &limited,
    )
    .await;
    assert_eq!(contract.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(contract).await["error"], "insufficient_rights");

    let missing = get(&sandbox, "/api/v1/employees/E99999/personal", &full).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn expired_tokens_get_401() {
    let sandbox = sandbox_with(SandboxConfig {
        token_lifetime: Duration::ZERO,
        ..SandboxConfig::default()
    })
    .await;
    let token = iris_token(&sandbox, scenario::VALID).await;
    let response = get(&sandbox, "/api/v1/company", &token).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(response).await["error"], "invalid_token");
}
