//! iPayroll: the consent page driven like a browser, the token endpoint (query and form
//! variants), refresh, and active employees in HATEOAS pages.

use std::collections::HashSet;
use std::time::Duration;

use hrlink_sandbox::SandboxConfig;
use hrlink_sandbox::scenarios::ipayroll as scenario;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::Value;

use crate::common::{
    REDIRECT_URI, access_token, authorization_code, client_fields, consent, http, ipayroll_tokens,
    json, redirect_query, sandbox, sandbox_with, sign_in, submit, token_request,
};

const ALL: &str = "employees timesheets payrates customfields costcentres leavebalances \
                   leaverequests payslips payelements payrolls";

fn authorize_query<'a>(scope: &'a str, state: &'a str) -> [(&'a str, &'a str); 5] {
    [
        ("response_type", "code"),
        ("client_id", scenario::CLIENT.id),
        ("redirect_uri", REDIRECT_URI),
        ("scope", scope),
        ("state", state),
    ]
}

async fn employees(api: &str, token: &str, query: &str) -> reqwest::Response {
    let url = format!("{api}/api/v1/employees{query}");
    http().get(url).bearer_auth(token).send().await.unwrap()
}

#[tokio::test]
async fn the_consent_page_is_a_real_form() {
    let sandbox = sandbox().await;
    let url = format!("{}/oauth/authorize", sandbox.endpoints().ipayroll.auth);
    let page = http()
        .get(&url)
        .query(&authorize_query("employees payslips", "st"))
        .send();
    let page = page.await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    for needle in [
        "<form method=\"post\"",
        "name=\"username\"",
        "type=\"password\"",
        "value=\"allow\"",
        "value=\"deny\"",
        "<code>employees</code>",
        "<code>payslips</code>",
        "name=\"state\" value=\"st\"",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
}

#[tokio::test]
async fn the_whole_flow_with_query_and_form_token_requests_refresh_and_paging() {
    let sandbox = sandbox().await;
    let endpoints = sandbox.endpoints().ipayroll.clone();
    let authorize = format!("{}/oauth/authorize", endpoints.auth);
    let token_url = format!("{}/oauth/token", endpoints.auth);
    let login = sign_in(scenario::API_USER);

    // The Java SDK's way: everything in the query string, no body.
    let (_, answer) = consent(&authorize, &authorize_query(ALL, "xyz"), &login).await;
    assert_eq!(answer.status(), StatusCode::FOUND);
    let location = answer.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(&format!("{REDIRECT_URI}?")),
        "{location}"
    );
    let params = redirect_query(&answer);
    assert_eq!(params["state"], "xyz");
    let mut query = vec![
        ("grant_type", "authorization_code"),
        ("code", params["code"].as_str()),
        ("redirect_uri", REDIRECT_URI),
    ];
    query.extend(client_fields(scenario::CLIENT));
    let response = http().post(&token_url).query(&query).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let tokens = json(response).await;
    assert_eq!(tokens["token_type"], "bearer");
    assert_eq!(tokens["expires_in"], 900);
    assert_eq!(tokens["scope"], ALL);

    // The form-body way, asking for fewer scopes.
    let code = authorization_code(&authorize, &authorize_query("employees", "a"), &login).await;
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
    ];
    form.extend(client_fields(scenario::CLIENT));
    let tokens = json(token_request(&token_url, &form).await).await;
    assert_eq!(tokens["scope"], "employees");

    // Refresh: a new access token; the refresh token stays (it lasts ten years).
    let refresh_token = tokens["refresh_token"].as_str().unwrap();
    let mut form = vec![
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token),
    ];
    form.extend(client_fields(scenario::CLIENT));
    let refreshed = json(token_request(&token_url, &form).await).await;
    assert_ne!(refreshed["access_token"], tokens["access_token"]);
    assert_eq!(refreshed["refresh_token"], tokens["refresh_token"]);
    assert_eq!(refreshed["scope"], "employees");
    let again = token_request(&token_url, &form).await;
    assert_eq!(again.status(), StatusCode::OK);

    // Every active employee, page by page, following `next` links.
    let token = access_token(&refreshed);
    let mut next = Some(format!(
        "{}/api/v1/employees?page=0&size=100",
        endpoints.api
    ));
    let (mut seen, mut pages) = (Vec::new(), 0);
    let mut total = 0;
    while let Some(url) = next {
        let body = json(http().get(url).bearer_auth(&token).send().await.unwrap()).await;
        assert_eq!(body["page"]["number"], pages);
        assert_eq!(body["page"]["size"], 100);
        total = body["page"]["totalElements"].as_u64().unwrap();
        let links = body["links"].as_array().unwrap();
        let rels: Vec<&str> = links.iter().map(|l| l["rel"].as_str().unwrap()).collect();
        assert!(rels.contains(&"first") && rels.contains(&"self") && rels.contains(&"last"));
        next = links
            .iter()
            .find(|l| l["rel"] == "next")
            .map(|l| l["href"].as_str().unwrap().to_owned());
        seen.extend(body["content"].as_array().unwrap().iter().cloned());
        pages += 1;
    }
    assert_eq!(seen.len() as u64, total);
    assert!(total > 200 && total < 250, "only active employees: {total}");
    let ids: HashSet<_> = seen
        .iter()
        .map(|e| e["employeeId"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), seen.len());
    let date = |value: &Value| {
        let text = value.as_str().unwrap();
        let parts: Vec<&str> = text.split('-').collect();
        parts.len() == 3
            && parts[0].parse::<u8>().is_ok()
            && parts[1].len() == 3
            && parts[2].len() == 4
    };
    for employee in &seen {
        assert_eq!(employee["organisation"], scenario::ORGANISATION_NUMBER);
        assert!(date(&employee["startDate"]), "{}", employee["startDate"]);
        assert!(date(&employee["birthDate"]));
        assert!(employee["finishDate"].is_null());
    }
}

#[tokio::test]
async fn deny_and_wrong_passwords() {
    let sandbox = sandbox().await;
    let authorize = format!("{}/oauth/authorize", sandbox.endpoints().ipayroll.auth);
    let query = authorize_query("employees", "keep me");
    let (html, denied) = consent(&authorize, &query, &[("decision", "deny")]).await;
    assert_eq!(denied.status(), StatusCode::FOUND);
    let params = redirect_query(&denied);
    assert_eq!(params["error"], "access_denied");
    assert_eq!(params["state"], "keep me");

    let wrong = [
        ("username", scenario::API_USER.username),
        ("password", "nope"),
        ("decision", "allow"),
    ];
    let again = submit(&authorize, &html, &wrong).await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    let page = again.text().await.unwrap();
    assert!(page.contains("There is a problem"));
    assert!(page.contains(&format!("value=\"{}\"", scenario::API_USER.username)));
    // The re-rendered form still works.
    let ok = submit(&authorize, &page, &sign_in(scenario::API_USER)).await;
    assert_eq!(ok.status(), StatusCode::FOUND);
    assert!(redirect_query(&ok).contains_key("code"));
}

#[tokio::test]
async fn unregistered_clients_and_redirects_get_an_error_page_not_a_redirect() {
    let sandbox = sandbox().await;
    let authorize = format!("{}/oauth/authorize", sandbox.endpoints().ipayroll.auth);
    let base = [
        ("response_type", "code"),
        ("scope", "employees"),
        ("state", "s"),
    ];
    let cases = [
        ("someone-else", REDIRECT_URI),
        (scenario::CLIENT.id, "http://127.0.0.1:53682/elsewhere"),
        (scenario::CLIENT.id, "https://evil.example/callback"),
        (scenario::CLIENT.id, "http://localhost:53682/callback"),
    ];
    for (client_id, redirect_uri) in cases {
        let mut query = base.to_vec();
        query.extend([("client_id", client_id), ("redirect_uri", redirect_uri)]);
        let response = http().get(&authorize).query(&query).send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{client_id} {redirect_uri}"
        );
        assert!(response.headers().get(LOCATION).is_none());
    }
    // Any loopback port is fine (RFC 8252).
    let mut query = base.to_vec();
    query.extend([
        ("client_id", scenario::CLIENT.id),
        ("redirect_uri", "http://127.0.0.1:1234/callback"),
    ]);
    let response = http().get(&authorize).query(&query).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // A bad scope goes back to the app.
    let response = http()
        .get(&authorize)
        .query(&authorize_query("employees everything", "s"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(redirect_query(&response)["error"], "invalid_scope");
}

#[tokio::test]
async fn echoed_values_are_html_escaped() {
    let sandbox = sandbox().await;
    let authorize = format!("{}/oauth/authorize", sandbox.endpoints().ipayroll.auth);
    let evil = r#""><script>alert('x')</script>"#;
    let (html, answer) = consent(
        &authorize,
        &authorize_query("employees", evil),
        &[("username", evil), ("password", "x"), ("decision", "allow")],
    )
    .await;
    assert!(!html.contains("<script>"));
    assert!(html.contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    let page = answer.text().await.unwrap();
    assert!(!page.contains("<script>"));
    // The browser submits the unescaped value, which comes back intact.
    let ok = submit(&authorize, &html, &sign_in(scenario::API_USER)).await;
    assert_eq!(redirect_query(&ok)["state"], evil);
}

#[tokio::test]
async fn a_login_without_the_employees_role_gets_a_narrower_grant_and_403() {
    let sandbox = sandbox().await;
    let tokens = ipayroll_tokens(&sandbox, scenario::API_USER_WITHOUT_EMPLOYEES, ALL).await;
    let scope = tokens["scope"].as_str().unwrap();
    assert!(!scope.split(' ').any(|s| s == "employees"), "{scope}");
    assert!(scope.contains("payslips"));
    let response = employees(
        &sandbox.endpoints().ipayroll.api,
        &access_token(&tokens),
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(response).await["error"], "insufficient_scope");
}

#[tokio::test]
async fn another_organisations_api_user_sees_that_organisation() {
    let sandbox = sandbox().await;
    let tokens =
        ipayroll_tokens(&sandbox, scenario::OTHER_ORGANISATION_API_USER, "employees").await;
    let response = employees(
        &sandbox.endpoints().ipayroll.api,
        &access_token(&tokens),
        "",
    )
    .await;
    let body = json(response).await;
    let content = body["content"].as_array().unwrap();
    assert!(!content.is_empty() && content.len() <= 8);
    assert!(
        content
            .iter()
            .all(|e| e["organisation"] == scenario::OTHER_ORGANISATION_NUMBER)
    );
}

#[tokio::test]
async fn expired_and_unknown_tokens_get_401_invalid_token() {
    let sandbox = sandbox_with(SandboxConfig {
        token_lifetime: Duration::ZERO,
        ..SandboxConfig::default()
    })
    .await;
    let api = &sandbox.endpoints().ipayroll.api;
    let tokens = ipayroll_tokens(&sandbox, scenario::API_USER, "employees").await;
    let response = employees(api, &access_token(&tokens), "").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body = json(response).await;
    assert_eq!(body["error"], "invalid_token");
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .starts_with("Access token expired")
    );
    let body = json(employees(api, "made-up", "").await).await;
    assert_eq!(body["error"], "invalid_token");
    let missing = http()
        .get(format!("{api}/api/v1/employees"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn codes_are_single_use_and_bound_to_client_and_redirect() {
    let sandbox = sandbox().await;
    let auth = &sandbox.endpoints().ipayroll.auth;
    let authorize = format!("{auth}/oauth/authorize");
    let token_url = format!("{auth}/oauth/token");
    let login = sign_in(scenario::API_USER);
    let exchange = |code: String, redirect: &'static str, secret: &'static str| {
        let form = vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code),
            ("redirect_uri", redirect.to_owned()),
            ("client_id", scenario::CLIENT.id.to_owned()),
            ("client_secret", secret.to_owned()),
        ];
        http().post(&token_url).form(&form).send()
    };
    let code = authorization_code(&authorize, &authorize_query("employees", "s"), &login).await;
    let wrong_secret = exchange(code.clone(), REDIRECT_URI, "wrong").await.unwrap();
    assert_eq!(wrong_secret.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(wrong_secret).await["error"], "invalid_client");
    let first = exchange(code.clone(), REDIRECT_URI, scenario::CLIENT.secret)
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let reused = exchange(code, REDIRECT_URI, scenario::CLIENT.secret)
        .await
        .unwrap();
    assert_eq!(reused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(reused).await["error"], "invalid_grant");

    let code = authorization_code(&authorize, &authorize_query("employees", "s"), &login).await;
    let other = "http://127.0.0.1:9/callback";
    let mismatch = exchange(code, other, scenario::CLIENT.secret)
        .await
        .unwrap();
    assert_eq!(json(mismatch).await["error"], "invalid_grant");

    let unsupported = token_request(
        &token_url,
        &[
            ("grant_type", "password"),
            ("client_id", scenario::CLIENT.id),
            ("client_secret", scenario::CLIENT.secret),
        ],
    )
    .await;
    assert_eq!(json(unsupported).await["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn page_size_is_clamped_to_100() {
    let sandbox = sandbox().await;
    let tokens = ipayroll_tokens(&sandbox, scenario::API_USER, "employees").await;
    let api = &sandbox.endpoints().ipayroll.api;
    let body = json(employees(api, &access_token(&tokens), "?size=500").await).await;
    assert_eq!(body["page"]["size"], 100);
    assert_eq!(body["content"].as_array().unwrap().len(), 100);
    let body = json(employees(api, &access_token(&tokens), "").await).await;
    assert_eq!(body["page"]["size"], 20);
    let bad = employees(api, &access_token(&tokens), "?page=abc").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(json(bad).await["messages"].is_array());
}
