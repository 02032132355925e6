//! Every fault knob and the configured rate limit, observed from a client.

use std::time::{Duration, Instant, SystemTime};

use hrlink_sandbox::scenarios::{employmenthero as eh, hrworks, ipayroll, iris};
use hrlink_sandbox::{Fault, Provider, RetryAfter, Sandbox, SandboxConfig};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use serde_json::Value;

use crate::common::{
    REDIRECT_URI, access_token, employmenthero_tokens, hrworks_token, http, ipayroll_tokens,
    iris_token, json, link, sandbox, sandbox_with,
};

fn company_url(sandbox: &Sandbox) -> String {
    format!("{}/api/v1/company", sandbox.endpoints().iris.api)
}

async fn iris_company(sandbox: &Sandbox, token: &str) -> reqwest::Response {
    http()
        .get(company_url(sandbox))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn latency_delays_answers() {
    let sandbox = sandbox_with(SandboxConfig {
        latency: Duration::from_millis(100),
        ..SandboxConfig::default()
    })
    .await;
    let token = iris_token(&sandbox, iris::VALID).await;
    sandbox
        .faults()
        .set_for(Provider::Iris, Fault::Latency(Duration::from_millis(150)));
    let started = Instant::now();
    assert_eq!(
        iris_company(&sandbox, &token).await.status(),
        StatusCode::OK
    );
    assert!(started.elapsed() >= Duration::from_millis(250));
}

#[tokio::test]
async fn too_many_requests_with_each_kind_of_retry_after() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let faults = sandbox.faults();
    for retry_after in [
        RetryAfter::Seconds(7),
        RetryAfter::HttpDate(30),
        RetryAfter::Omitted,
    ] {
        faults.set_for(
            Provider::Iris,
            Fault::TooManyRequests {
                times: 1,
                retry_after,
            },
        );
    }
    let seconds = iris_company(&sandbox, &token).await;
    assert_eq!(seconds.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(seconds.headers()[RETRY_AFTER], "7");
    let date = iris_company(&sandbox, &token).await;
    let when = httpdate::parse_http_date(date.headers()[RETRY_AFTER].to_str().unwrap()).unwrap();
    let ahead = when.duration_since(SystemTime::now()).unwrap();
    assert!(ahead > Duration::from_secs(25) && ahead <= Duration::from_secs(30));
    let omitted = iris_company(&sandbox, &token).await;
    assert_eq!(omitted.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(omitted.headers().get(RETRY_AFTER).is_none());
    assert_eq!(
        iris_company(&sandbox, &token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn stats_count_the_429s_served_per_provider() {
    let sandbox = sandbox().await;
    // The token request itself is counted: one request, no 429.
    let token = iris_token(&sandbox, iris::VALID).await;
    let stats = sandbox.stats();
    assert_eq!(stats.requests(Provider::Iris), 1);
    sandbox.faults().set_for(
        Provider::Iris,
        Fault::TooManyRequests {
            times: 2,
            retry_after: RetryAfter::Seconds(1),
        },
    );
    for _ in 0..3 {
        iris_company(&sandbox, &token).await;
    }
    assert_eq!(stats.requests(Provider::Iris), 4);
    assert_eq!(stats.too_many_requests(Provider::Iris), 2);
    assert_eq!(stats.too_many_requests(Provider::HrWorks), 0);
    stats.reset();
    assert_eq!(stats.requests(Provider::Iris), 0);
}

#[tokio::test]
async fn server_error_bursts_end() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let faults = sandbox.faults();
    faults.set_for(
        Provider::Iris,
        Fault::ServerError {
            times: 2,
            status: 503,
        },
    );
    faults.set_for(
        Provider::Iris,
        Fault::ServerError {
            times: 1,
            status: 500,
        },
    );
    for _ in 0..2 {
        let gateway = iris_company(&sandbox, &token).await;
        assert_eq!(gateway.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            gateway
                .text()
                .await
                .unwrap()
                .contains("503 Service Unavailable")
        );
    }
    let application = iris_company(&sandbox, &token).await;
    assert_eq!(application.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(json(application).await["error"].is_string());
    assert_eq!(
        iris_company(&sandbox, &token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn hanging_requests_time_out_and_do_not_block_shutdown() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let hang = Fault::Hang {
        times: 2,
        duration: Duration::from_secs(60),
    };
    sandbox.faults().set_for(Provider::Iris, hang);
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let timed_out = impatient
        .get(company_url(&sandbox))
        .bearer_auth(&token)
        .send()
        .await;
    assert!(timed_out.unwrap_err().is_timeout());
    assert!(started.elapsed() < Duration::from_secs(5));

    let stuck = tokio::spawn(http().get(company_url(&sandbox)).bearer_auth(token).send());
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    sandbox.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "shutdown waited for the hang"
    );
    let _ = stuck.await;
}

#[tokio::test]
async fn bodies_can_be_truncated_spoiled_or_inflated() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let faults = sandbox.faults();
    let whole = iris_company(&sandbox, &token).await.text().await.unwrap();

    faults.set_for(Provider::Iris, Fault::TruncatedJson { times: 1 });
    let truncated = iris_company(&sandbox, &token).await;
    assert_eq!(truncated.status(), StatusCode::OK);
    assert_eq!(truncated.headers()[CONTENT_TYPE], "application/json");
    let truncated = truncated.text().await.unwrap();
    assert!(whole.starts_with(&truncated) && truncated.len() < whole.len());
    assert!(serde_json::from_str::<Value>(&truncated).is_err());

    faults.set_for(Provider::Iris, Fault::MalformedJson { times: 1 });
    let malformed = iris_company(&sandbox, &token).await.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&malformed).is_err());
    assert!(malformed.ends_with(&whole));

    let size = 20 * 1024 * 1024;
    faults.set_for(
        Provider::Iris,
        Fault::OversizedBody {
            times: 1,
            bytes: size,
        },
    );
    let big = iris_company(&sandbox, &token).await;
    assert_eq!(big.content_length(), Some(size as u64));
    let big = big.bytes().await.unwrap();
    assert_eq!(big.len(), size);
    assert!(
        serde_json::from_slice::<Value>(&big).is_ok(),
        "still valid JSON, only large"
    );

    assert_eq!(
        iris_company(&sandbox, &token).await.text().await.unwrap(),
        whole
    );
}

#[tokio::test]
async fn a_dropped_connection_cuts_the_body_short() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let whole = iris_company(&sandbox, &token).await.bytes().await.unwrap();

    sandbox
        .faults()
        .set_for(Provider::Iris, Fault::DropConnection { times: 1 });
    let dropped = iris_company(&sandbox, &token).await;
    assert_eq!(dropped.status(), StatusCode::OK);
    assert_eq!(dropped.content_length(), Some(whole.len() as u64));
    assert!(
        dropped.bytes().await.is_err(),
        "the body ends before its length"
    );

    assert_eq!(
        iris_company(&sandbox, &token).await.bytes().await.unwrap(),
        whole
    );
}

#[tokio::test]
async fn html_with_status_200() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    sandbox
        .faults()
        .set_for(Provider::Iris, Fault::HtmlOk { times: 1 });
    let html = iris_company(&sandbox, &token).await;
    assert_eq!(html.status(), StatusCode::OK);
    assert!(
        html.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.text().await.unwrap().starts_with("<!DOCTYPE html>"));
}

#[tokio::test]
async fn faults_hit_only_the_chosen_provider_and_clear() {
    let sandbox = sandbox().await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let faults = sandbox.faults().clone();
    faults.set_for(Provider::HrWorks, Fault::HtmlOk { times: 5 });
    assert_eq!(
        json(iris_company(&sandbox, &token).await).await["name"],
        iris::COMPANY
    );
    faults.set(Fault::ServerError {
        times: 5,
        status: 502,
    });
    assert_eq!(
        iris_company(&sandbox, &token).await.status(),
        StatusCode::BAD_GATEWAY
    );
    faults.clear();
    assert_eq!(
        iris_company(&sandbox, &token).await.status(),
        StatusCode::OK
    );
    hrworks_token(&sandbox, hrworks::VALID).await;
}

#[tokio::test]
async fn faults_reach_token_endpoints_but_not_consent_pages() {
    let sandbox = sandbox().await;
    sandbox.faults().set(Fault::ServerError {
        times: 1,
        status: 503,
    });
    let authorize = format!(
        "{}/oauth2/authorize",
        sandbox.endpoints().employmenthero.auth
    );
    let page = http()
        .get(authorize)
        .query(&[("client_id", eh::CLIENT.id)])
        .send()
        .await
        .unwrap();
    assert_ne!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    let token = format!("{}/oauth2/token", sandbox.endpoints().employmenthero.auth);
    let failed = http()
        .post(token)
        .form(&[("grant_type", "refresh_token")])
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn tokens_expire_after_the_chosen_page_of_a_listing() {
    let sandbox = sandbox().await;
    let faults = sandbox.faults();

    // HRworks: pages 1 and 2 served, then 401; a fresh token continues from page 3.
    faults.set_for(Provider::HrWorks, Fault::ExpireTokenAfterPage(2));
    let api = &sandbox.endpoints().hrworks.api;
    let token = hrworks_token(&sandbox, hrworks::VALID).await;
    let page = |n: u32, token: String| {
        let url = format!("{api}/v2/persons/master-data?page={n}");
        async move {
            http()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(page(1, token.clone()).await, StatusCode::OK);
    assert_eq!(page(2, token.clone()).await, StatusCode::OK);
    assert_eq!(page(3, token).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        page(3, hrworks_token(&sandbox, hrworks::VALID).await).await,
        StatusCode::OK
    );

    // iPayroll counts its 0-based pages as positions 1, 2, …
    faults.set_for(Provider::IPayroll, Fault::ExpireTokenAfterPage(1));
    let token = access_token(&ipayroll_tokens(&sandbox, ipayroll::API_USER, "employees").await);
    let url = format!("{}/api/v1/employees", sandbox.endpoints().ipayroll.api);
    let get = |page: &'static str| {
        http()
            .get(&url)
            .query(&[("page", page)])
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(get("0").await.unwrap().status(), StatusCode::OK);
    let expired = get("1").await.unwrap();
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(expired).await["error"], "invalid_token");

    faults.set_for(Provider::EmploymentHero, Fault::ExpireTokenAfterPage(1));
    let tokens = employmenthero_tokens(&sandbox, eh::CLIENT, eh::ONE_ORGANISATION, None).await;
    let url = format!(
        "{}/api/v1/organisations/{}/employees",
        sandbox.endpoints().employmenthero.api,
        eh::ORGANISATION.id
    );
    let token = access_token(&tokens);
    assert_eq!(
        http()
            .get(&url)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let expired = http().get(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);

    faults.set_for(Provider::Iris, Fault::ExpireTokenAfterPage(1));
    let token = iris_token(&sandbox, iris::VALID).await;
    let url = format!("{}/api/v1/employees", sandbox.endpoints().iris.api);
    assert_eq!(
        http()
            .get(&url)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        iris_company(&sandbox, &token).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn next_links_can_point_at_another_host() {
    let sandbox = sandbox().await;
    sandbox.faults().set(Fault::ForeignNextLink);
    let token = hrworks_token(&sandbox, hrworks::VALID).await;
    let url = format!("{}/v2/persons/master-data", sandbox.endpoints().hrworks.api);
    let response = http().get(url).bearer_auth(token).send().await.unwrap();
    let next = link(&response, "next").unwrap();
    assert!(next.starts_with("http://127.0.0.2:"), "{next}");
    assert!(
        link(&response, "last")
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );

    let token = access_token(&ipayroll_tokens(&sandbox, ipayroll::API_USER, "employees").await);
    let url = format!("{}/api/v1/employees", sandbox.endpoints().ipayroll.api);
    let body = json(http().get(url).bearer_auth(token).send().await.unwrap()).await;
    let links = body["links"].as_array().unwrap();
    let href = |rel: &str| {
        links.iter().find(|l| l["rel"] == rel).unwrap()["href"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(href("next").starts_with("http://127.0.0.2:"));
    assert!(href("self").starts_with("http://127.0.0.1:"));
}

#[tokio::test]
async fn the_configured_rate_limit_answers_429_with_retry_after() {
    // One request per second: the bucket holds one, so a quick second request is refused
    // unless the machine stalls for a whole second in between.
    let sandbox = sandbox_with(SandboxConfig {
        rate_limit: Some(1),
        ..SandboxConfig::default()
    })
    .await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let refused = iris_company(&sandbox, &token).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()[RETRY_AFTER], "1");
    // Each provider has its own bucket.
    hrworks_token(&sandbox, hrworks::VALID).await;

    // Employment Hero's API and OAuth hosts share one bucket, and every second refusal
    // states the time as an HTTP date.
    let eh = sandbox.endpoints().employmenthero.clone();
    let first = http()
        .get(format!("{}/api/v1/organisations", eh.api))
        .send()
        .await
        .unwrap();
    assert_eq!(
        first.status(),
        StatusCode::UNAUTHORIZED,
        "let through, then refused for no token"
    );
    let token_url = format!("{}/oauth2/token", eh.auth);
    let mut forms = Vec::new();
    for _ in 0..2 {
        let response = http()
            .post(&token_url)
            .form(&[("redirect_uri", REDIRECT_URI)])
            .send();
        let response = response.await.unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        forms.push(response.headers()[RETRY_AFTER].to_str().unwrap().to_owned());
    }
    assert_eq!(forms[0], "1");
    assert!(httpdate::parse_http_date(&forms[1]).is_ok(), "{}", forms[1]);
}
