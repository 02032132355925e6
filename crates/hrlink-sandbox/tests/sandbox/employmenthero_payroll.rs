//! Employment Hero Payroll: API keys over HTTP Basic, users and businesses, refusals, the
//! per-business rate limit, the shared faults and the revoke/turnover hooks. Listings are in
//! `listing`.

mod listing;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hrlink_sandbox::scenarios::employmenthero_payroll as scenario;
use hrlink_sandbox::{Fault, Provider, Sandbox};
use reqwest::header::{AUTHORIZATION, RETRY_AFTER, WWW_AUTHENTICATE};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::common::{http, json, sandbox};

const DENIED: &str = "Authorization has been denied for this request.";

fn api(sandbox: &Sandbox) -> &str {
    &sandbox.endpoints().employmenthero_payroll.api
}

fn employees_url(sandbox: &Sandbox, business: u32) -> String {
    format!(
        "{}/api/v2/business/{business}/employee/unstructured",
        api(sandbox)
    )
}

/// One request with the key as the Basic user name and an empty password, as the API key guide
/// says (`curl -u KEY:`).
async fn get_once(url: &str, key: &str) -> Response {
    http()
        .get(url)
        .basic_auth(key, Some(""))
        .send()
        .await
        .unwrap()
}

/// Like a well-behaved client: waits for the per-business limit instead of failing on it.
async fn get(url: &str, key: &str) -> Response {
    for _ in 0..50 {
        let response = get_once(url, key).await;
        if response.status() != StatusCode::TOO_MANY_REQUESTS {
            return response;
        }
        tokio::time::sleep(Duration::from_millis(210)).await;
    }
    panic!("still rate limited: {url}");
}

async fn get_json(url: &str, key: &str) -> Value {
    let response = get(url, key).await;
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    json(response).await
}

/// Every employee of a business, paged as an adapter must: `$top=100` until a short page.
async fn all_employees(sandbox: &Sandbox, key: &str, business: u32) -> Vec<Value> {
    let mut people = Vec::new();
    loop {
        let url = format!(
            "{}?$skip={}&$top=100",
            employees_url(sandbox, business),
            people.len()
        );
        let page = get_json(&url, key).await;
        let page = page.as_array().unwrap().clone();
        let short = page.len() < 100;
        people.extend(page);
        if short {
            return people;
        }
    }
}

async fn assert_denied(response: Response) {
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let challenge = response.headers()[WWW_AUTHENTICATE].to_str().unwrap();
    assert!(challenge.starts_with("Basic"), "{challenge}");
    assert_eq!(json(response).await, json!({ "message": DENIED }));
}

#[tokio::test]
async fn each_key_reaches_its_user_and_businesses() {
    let sandbox = sandbox().await;
    let user = format!("{}/api/v2/user", api(&sandbox));
    let businesses = format!("{}/api/v2/business", api(&sandbox));
    for (key, expected) in [
        (scenario::VALID, vec![scenario::BUSINESS_ID]),
        (scenario::REISSUED, vec![scenario::BUSINESS_ID]),
        (
            scenario::TWO_BUSINESSES,
            vec![scenario::BUSINESS_ID, scenario::OTHER_BUSINESS_ID],
        ),
        (scenario::UNITED_KINGDOM, vec![scenario::UK_BUSINESS_ID]),
        (scenario::NO_BUSINESSES, vec![]),
        (scenario::EMPLOYEES_FORBIDDEN, vec![scenario::BUSINESS_ID]),
        (
            scenario::EMPLOYEES_UNAUTHORISED,
            vec![scenario::BUSINESS_ID],
        ),
    ] {
        let me = get_json(&user, key).await;
        assert!(me["id"].is_u64() && me["email"].is_string(), "{me}");
        assert!(me["displayName"].is_string() && me["timeZone"].is_string());
        let list = get_json(&businesses, key).await;
        let list = list.as_array().unwrap();
        let ids: Vec<u64> = list.iter().map(|b| b["id"].as_u64().unwrap()).collect();
        let expected: Vec<u64> = expected.into_iter().map(u64::from).collect();
        assert_eq!(ids, expected, "{key}");
        for business in list {
            assert!(business["name"].is_string() && business["legalName"].is_string());
            assert!(
                business.get("abn").is_some(),
                "the model's abn key is there"
            );
        }
    }
    let main = get_json(
        &format!("{businesses}/{}", scenario::BUSINESS_ID),
        scenario::VALID,
    )
    .await;
    assert_eq!(main["name"], scenario::BUSINESS);
    assert_eq!(main["legalName"], scenario::BUSINESS_LEGAL_NAME);
}

#[tokio::test]
async fn unknown_revoked_example_and_redacted_keys_are_denied() {
    let sandbox = sandbox().await;
    let user = format!("{}/api/v2/user", api(&sandbox));
    for key in [
        scenario::UNKNOWN,
        scenario::REVOKED,
        scenario::EXAMPLE,
        scenario::REDACTED,
        "",
    ] {
        assert_denied(get_once(&user, key).await).await;
    }
    let employees = employees_url(&sandbox, scenario::BUSINESS_ID);
    assert_denied(get_once(&employees, scenario::UNKNOWN).await).await;
}

#[tokio::test]
async fn only_the_key_as_basic_user_name_is_accepted() {
    let sandbox = sandbox().await;
    let user = format!("{}/api/v2/user", api(&sandbox));
    let with_header = |value: String| {
        let user = user.clone();
        async move {
            let request = http().get(&user).header(AUTHORIZATION, value);
            request.send().await.unwrap().status()
        }
    };
    let basic = |credentials: &str| STANDARD.encode(credentials);
    let key = scenario::VALID;
    assert_eq!(
        with_header(format!("Basic {}", basic(&format!("{key}:")))).await,
        StatusCode::OK
    );
    assert_eq!(
        with_header(format!("basic {}", basic(&format!("{key}:")))).await,
        StatusCode::OK
    );
    // The guide says the password "can be left blank"; one that is not is ignored.
    assert_eq!(
        with_header(format!("Basic {}", basic(&format!("{key}:x")))).await,
        StatusCode::OK
    );
    for refused in [
        format!("Bearer {key}"),
        format!("Basic {key}"),
        format!("Basic {}", basic(key)),
        format!("Basic {}", basic(&format!(":{key}"))),
        format!("Basic {}", basic(&format!("{key}\n:"))),
        format!("Basic {}", basic(&format!(" {key}:"))),
        "Basic !!!".to_owned(),
    ] {
        assert_eq!(
            with_header(refused.clone()).await,
            StatusCode::UNAUTHORIZED,
            "{refused}"
        );
    }
    let response = http().get(&user).send().await.unwrap();
    assert_denied(response).await;
}

#[tokio::test]
async fn a_key_without_employee_access_is_refused_on_the_employee_list_only() {
    let sandbox = sandbox().await;
    let business = scenario::BUSINESS_ID;
    let employees = employees_url(&sandbox, business);
    let locations = format!("{}/api/v2/business/{business}/location", api(&sandbox));

    let response = get(&employees, scenario::EMPLOYEES_FORBIDDEN).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(json(response).await["message"].is_string());
    assert_eq!(
        get(&locations, scenario::EMPLOYEES_FORBIDDEN)
            .await
            .status(),
        StatusCode::OK
    );

    // The other variant: a 401 no different from a wrong key's.
    assert_denied(get(&employees, scenario::EMPLOYEES_UNAUTHORISED).await).await;
    let user = format!("{}/api/v2/user", api(&sandbox));
    assert_eq!(
        get(&user, scenario::EMPLOYEES_UNAUTHORISED).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_business_the_key_does_not_reach_is_forbidden() {
    let sandbox = sandbox().await;
    for business in [
        scenario::OTHER_BUSINESS_ID.to_string(),
        scenario::UK_BUSINESS_ID.to_string(),
        "999".to_owned(),
        "harbourside".to_owned(),
    ] {
        let url = format!(
            "{}/api/v2/business/{business}/employee/unstructured",
            api(&sandbox)
        );
        let response = get(&url, scenario::VALID).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{business}");
        assert!(json(response).await["message"].is_string());
    }
}

#[tokio::test]
async fn requests_under_one_business_are_limited_to_five_a_second() {
    let sandbox = sandbox().await;
    let url = format!(
        "{}/api/v2/business/{}/location",
        api(&sandbox),
        scenario::BUSINESS_ID
    );
    // Ten at once: a slow machine cannot spread them over enough time to refill the bucket.
    let client = http();
    let burst = (0..10).map(|_| {
        let request = client
            .get(&url)
            .basic_auth(scenario::TWO_BUSINESSES, Some(""));
        request.send()
    });
    let answers = futures::future::join_all(burst).await;
    let refused = answers
        .into_iter()
        .map(Result::unwrap)
        .find(|response| response.status() == StatusCode::TOO_MANY_REQUESTS);
    let refused = refused.expect("more than five at once are refused");
    assert_eq!(refused.headers()[RETRY_AFTER], "1");
    assert!(
        json(refused)
            .await
            .as_str()
            .unwrap()
            .contains("quota exceeded")
    );
    assert!(
        sandbox
            .stats()
            .too_many_requests(Provider::EmploymentHeroPayroll)
            >= 1
    );

    // Another business and the requests outside any business keep their own allowance.
    let other = format!(
        "{}/api/v2/business/{}/location",
        api(&sandbox),
        scenario::OTHER_BUSINESS_ID
    );
    assert_eq!(
        get_once(&other, scenario::TWO_BUSINESSES).await.status(),
        StatusCode::OK
    );
    let user = format!("{}/api/v2/user", api(&sandbox));
    for _ in 0..10 {
        assert_eq!(
            get_once(&user, scenario::TWO_BUSINESSES).await.status(),
            StatusCode::OK
        );
    }
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert_eq!(
        get_once(&url, scenario::TWO_BUSINESSES).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_changed_key_is_denied_and_the_new_one_works() {
    let sandbox = sandbox().await;
    let user = format!("{}/api/v2/user", api(&sandbox));
    let revoke = format!("{}/sandbox/revoke-key", api(&sandbox));
    assert_eq!(get(&user, scenario::VALID).await.status(), StatusCode::OK);
    let body = json!({ "apiKey": scenario::VALID });
    let response = http().post(&revoke).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_denied(get(&user, scenario::VALID).await).await;
    assert_eq!(
        get(&user, scenario::REISSUED).await.status(),
        StatusCode::OK
    );
    let response = http().post(&revoke).body("{}").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn turnover_changes_a_business_of_the_key() {
    let sandbox = sandbox().await;
    let turnover = format!("{}/sandbox/turnover", api(&sandbox));
    let before = all_employees(&sandbox, scenario::VALID, scenario::BUSINESS_ID).await;
    let body = json!({ "apiKey": scenario::VALID, "hired": 2, "removed": 1, "terminated": 1 });
    let response = http().post(&turnover).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let after = all_employees(&sandbox, scenario::VALID, scenario::BUSINESS_ID).await;
    assert_eq!(after.len(), before.len() + 1);
    let terminated = |people: &[Value]| {
        people
            .iter()
            .filter(|p| p["status"] == "Terminated")
            .count()
    };
    assert_eq!(terminated(&after), terminated(&before) + 1);

    let body = json!({ "apiKey": scenario::TWO_BUSINESSES, "businessId": scenario::OTHER_BUSINESS_ID, "hired": 3 });
    let response = http().post(&turnover).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let catering = all_employees(
        &sandbox,
        scenario::TWO_BUSINESSES,
        scenario::OTHER_BUSINESS_ID,
    );
    assert_eq!(catering.await.len(), scenario::OTHER_BUSINESS_PEOPLE + 3);

    for refused in [
        json!({ "apiKey": scenario::UNKNOWN, "hired": 1 }),
        json!({ "apiKey": scenario::VALID, "businessId": scenario::UK_BUSINESS_ID }),
        json!({ "apiKey": scenario::NO_BUSINESSES }),
    ] {
        let response = http().post(&turnover).json(&refused).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{refused}");
    }
}

#[tokio::test]
async fn shared_faults_and_stats_cover_the_provider() {
    let sandbox = sandbox().await;
    let provider = Provider::EmploymentHeroPayroll;
    let url = employees_url(&sandbox, scenario::BUSINESS_ID);
    sandbox.faults().set_for(
        provider,
        Fault::ServerError {
            times: 1,
            status: 503,
        },
    );
    assert_eq!(
        get(&url, scenario::VALID).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    sandbox.faults().set_for(
        provider,
        Fault::ServerError {
            times: 1,
            status: 500,
        },
    );
    let response = get(&url, scenario::VALID).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        json(response).await["message"].is_string(),
        "the API's own error body"
    );

    // The nearest thing to a token expiring mid-listing: the key is changed after page 1.
    sandbox
        .faults()
        .set_for(provider, Fault::ExpireTokenAfterPage(1));
    assert_eq!(
        get(&format!("{url}?$top=100"), scenario::VALID)
            .await
            .status(),
        StatusCode::OK
    );
    assert_denied(get(&format!("{url}?$skip=100&$top=100"), scenario::VALID).await).await;
    assert!(sandbox.stats().requests(provider) >= 4);
}
