//! HRworks: key-pair authentication, permissions, listings and every scenario key.

use std::collections::HashSet;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hrlink_sandbox::SandboxConfig;
use hrlink_sandbox::scenarios::hrworks as scenario;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use serde_json::{Value, json};

use crate::common::{hrworks_token, http, json, link, sandbox, sandbox_with};

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("a JWT has three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("JSON")
}

async fn get(url: &str, token: &str) -> reqwest::Response {
    http()
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .expect("response")
}

#[tokio::test]
async fn authentication_returns_a_jwt_naming_the_company() {
    let sandbox = sandbox().await;
    let token = hrworks_token(&sandbox, scenario::VALID).await;
    let claims = claims(&token);
    assert_eq!(claims["companyName"], scenario::COMPANY);
    assert!(claims["companyId"].is_u64());
    let lifetime = claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap();
    assert_eq!(lifetime, 900);
}

#[tokio::test]
async fn unknown_or_mismatched_keys_are_refused_with_403() {
    let sandbox = sandbox().await;
    let url = format!("{}/v2/authentication", sandbox.endpoints().hrworks.api);
    let wrong_secret = scenario::UNKNOWN.secret_access_key;
    for (access_key, secret) in [
        (
            scenario::UNKNOWN.access_key,
            scenario::UNKNOWN.secret_access_key,
        ),
        (scenario::VALID.access_key, wrong_secret),
    ] {
        let body = json!({ "accessKey": access_key, "secretAccessKey": secret });
        let response = http().post(&url).json(&body).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body = json(response).await;
        // HRworks' OpenAPI `ApiError`.
        assert_eq!(body["errorCode"], 403);
        assert_eq!(body["type"], "InvalidCredentialsError");
        assert!(body["errorMessage"].is_string());
        assert_eq!(body["additionalErrors"], json!([]));
    }
    let response = http().post(&url).body("not json").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn endpoints_need_a_valid_unexpired_token() {
    let sandbox = sandbox_with(SandboxConfig {
        token_lifetime: Duration::ZERO,
        ..SandboxConfig::default()
    })
    .await;
    let health = format!("{}/v2/health-check", sandbox.endpoints().hrworks.api);
    let response = http().get(&health).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    let expired = hrworks_token(&sandbox, scenario::VALID).await;
    let response = get(&health, &expired).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(response).await["type"], "TokenExpiredError");

    let sandbox = sandbox_with(SandboxConfig::default()).await;
    let health = format!("{}/v2/health-check", sandbox.endpoints().hrworks.api);
    let token = hrworks_token(&sandbox, scenario::VALID).await;
    assert_eq!(get(&health, &token).await.status(), StatusCode::OK);
    let tampered = format!("{}x", &token[..token.len() - 1]);
    assert_eq!(
        get(&health, &tampered).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn organisation_units_and_establishments_identify_the_company() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::VALID).await;
    let units = json(get(&format!("{api}/v2/organization-units"), &token).await).await;
    let units = units["organizationUnits"].as_array().unwrap();
    assert!(units.len() >= 5);
    assert!(
        units
            .iter()
            .all(|u| u["number"].is_string() && u["name"].is_string())
    );
    assert!(units.iter().any(|u| u["parentOrganizationUnit"].is_null()));
    let child = units
        .iter()
        .find(|u| u["parentOrganizationUnit"].is_object())
        .unwrap();
    assert!(child["parentOrganizationUnit"]["number"].is_string());
    let places = json(get(&format!("{api}/v2/permanent-establishments"), &token).await).await;
    let places = places["permanentEstablishments"].as_array().unwrap();
    assert!(places.len() >= 3);
    assert!(
        places
            .iter()
            .all(|p| p["id"].is_string() && p["address"]["city"].is_string())
    );
}

#[tokio::test]
async fn persons_are_keyed_by_unit_and_only_active_by_default() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::VALID).await;
    let count = |body: &Value| -> usize {
        body.as_object()
            .unwrap()
            .values()
            .map(|v| v.as_array().unwrap().len())
            .sum()
    };
    let active = json(get(&format!("{api}/v2/persons"), &token).await).await;
    let all = json(get(&format!("{api}/v2/persons?onlyActive=false"), &token).await).await;
    assert_eq!(count(&all), 250);
    assert!(count(&active) < 250 && count(&active) > 200);
    let person = &active.as_object().unwrap().values().next().unwrap()[0];
    for field in [
        "personId",
        "personnelNumber",
        "firstName",
        "lastName",
        "uuid",
    ] {
        assert!(!person[field].is_null(), "{field}");
    }
    let response = get(&format!("{api}/v2/persons?onlyActive=maybe"), &token).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

/// Follows `rel="next"` from page 1 and returns every person seen and the pages' sizes.
async fn master_data_by_links(first: &str, token: &str) -> (Vec<Value>, Vec<usize>) {
    let (mut persons, mut sizes) = (Vec::new(), Vec::new());
    let mut next = Some(first.to_owned());
    while let Some(url) = next {
        let response = get(&url, token).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(link(&response, "last").is_some());
        next = link(&response, "next");
        let page = json(response).await["persons"].as_array().unwrap().clone();
        sizes.push(page.len());
        persons.extend(page);
    }
    (persons, sizes)
}

#[tokio::test]
async fn master_data_pages_of_50_follow_the_link_header_to_the_end() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::VALID).await;
    let first = format!("{api}/v2/persons/master-data?onlyActive=false");
    let (persons, sizes) = master_data_by_links(&first, &token).await;
    assert_eq!(sizes, vec![50; 5]);
    let ids: HashSet<_> = persons
        .iter()
        .map(|p| p["personId"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 250);
    assert!(
        persons
            .iter()
            .any(|p| p["isActive"] == false && p["leaveDate"].is_string())
    );
    assert!(persons.iter().any(|p| p["email"].is_null()));
    let person = &persons[0];
    assert!(
        person["T-Shirt-Größe"].is_string(),
        "custom free fields come as extra keys"
    );
    for field in [
        "uuid",
        "joinDate",
        "organizationUnit",
        "permanentEstablishment",
        "position",
    ] {
        assert!(!person[field].is_null(), "{field}");
    }

    let response = get(&format!("{api}/v2/persons/master-data?page=2"), &token).await;
    let last = link(&response, "last").unwrap();
    assert!(last.contains("onlyActive=true"), "{last}");
    let (active, _) = master_data_by_links(&format!("{api}/v2/persons/master-data"), &token).await;
    assert!(active.iter().all(|p| p["isActive"] == true));
    assert!(active.len() < 250);

    for bad in ["0", "-1", "x"] {
        let response = get(&format!("{api}/v2/persons/master-data?page={bad}"), &token).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let beyond = get(&format!("{api}/v2/persons/master-data?page=99"), &token).await;
    assert_eq!(json(beyond).await["persons"], json!([]));
}

#[tokio::test]
async fn a_key_without_person_permissions_gets_403_there_only() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::NO_PERSONS).await;
    for path in ["/v2/persons", "/v2/persons/master-data"] {
        let response = get(&format!("{api}{path}"), &token).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let body = json(response).await;
        assert!(body["errorMessage"].as_str().unwrap().contains("persons"));
    }
    for path in [
        "/v2/health-check",
        "/v2/organization-units",
        "/v2/permanent-establishments",
    ] {
        assert_eq!(
            get(&format!("{api}{path}"), &token).await.status(),
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn the_other_company_key_reaches_a_different_company() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let ours = hrworks_token(&sandbox, scenario::VALID).await;
    let theirs = hrworks_token(&sandbox, scenario::OTHER_COMPANY).await;
    assert_eq!(claims(&theirs)["companyName"], scenario::OTHER_COMPANY_NAME);
    assert_ne!(claims(&theirs)["companyId"], claims(&ours)["companyId"]);
    let url = format!("{api}/v2/persons/master-data?onlyActive=false");
    let first = |body: Value| body["persons"][0]["uuid"].clone();
    assert_ne!(
        first(json(get(&url, &ours).await).await),
        first(json(get(&url, &theirs).await).await)
    );
    let (persons, _) = master_data_by_links(&url, &theirs).await;
    assert_eq!(persons.len(), scenario::OTHER_COMPANY_PEOPLE);
}

#[tokio::test]
async fn the_rate_limited_key_refuses_every_second_request() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::RATE_LIMITED).await; // request 1
    let health = format!("{api}/v2/health-check");
    let refused = get(&health, &token).await; // request 2
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()[RETRY_AFTER], "1");
    assert_eq!(get(&health, &token).await.status(), StatusCode::OK);
    assert_eq!(
        get(&health, &token).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn broken_server_keys_fail_authentication() {
    let sandbox = sandbox().await;
    let url = format!("{}/v2/authentication", sandbox.endpoints().hrworks.api);
    let send = |pair: hrlink_sandbox::scenarios::KeyPair| {
        let body =
            json!({ "accessKey": pair.access_key, "secretAccessKey": pair.secret_access_key });
        http().post(&url).json(&body).send()
    };
    let failed = send(scenario::SERVER_ERROR).await.unwrap();
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(json(failed).await["errorCode"], 500);

    let html = send(scenario::HTML_PAGE).await.unwrap();
    assert_eq!(html.status(), StatusCode::OK);
    assert!(
        html.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.text().await.unwrap().contains("<form"));
}

#[tokio::test]
async fn the_repeated_page_key_serves_page_two_again_as_page_three() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::REPEATED_PAGE).await;
    let page = |n: u32| {
        let url = format!("{api}/v2/persons/master-data?page={n}&onlyActive=false");
        let token = token.clone();
        async move { json(get(&url, &token).await).await["persons"].clone() }
    };
    assert_eq!(page(3).await, page(2).await);
    assert_ne!(page(4).await, page(3).await);
    let response = get(&format!("{api}/v2/persons/master-data?page=3"), &token).await;
    assert!(link(&response, "next").unwrap().contains("page=4"));
}

#[tokio::test]
async fn a_revoked_key_is_refused_and_its_tokens_stop_working() {
    let sandbox = sandbox().await;
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, scenario::VALID).await;
    let persons = format!("{api}/v2/persons");
    assert_eq!(get(&persons, &token).await.status(), StatusCode::OK);

    // Over HTTP, as a test driving a Sandbox in another process does.
    let revoke = format!("{api}/sandbox/revoke-key");
    let response = http()
        .post(&revoke)
        .json(&json!({ "accessKey": scenario::VALID.access_key }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        get(&persons, &token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let body = json!({
        "accessKey": scenario::VALID.access_key,
        "secretAccessKey": scenario::VALID.secret_access_key,
    });
    let url = format!("{api}/v2/authentication");
    let response = http().post(&url).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Other keys of the same company still work; in-process revocation works the same way.
    hrworks_token(&sandbox, scenario::REPEATED_PAGE).await;
    sandbox.revoke_hrworks_key(scenario::REPEATED_PAGE.access_key);
    let body = json!({
        "accessKey": scenario::REPEATED_PAGE.access_key,
        "secretAccessKey": scenario::REPEATED_PAGE.secret_access_key,
    });
    let response = http().post(&url).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = http().post(&revoke).body("{}").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
