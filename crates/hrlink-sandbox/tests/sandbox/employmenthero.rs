//! Employment Hero: PKCE, the organisation choice, rotating refresh tokens, organisations
//! and employee pages.

use std::collections::HashSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hrlink_sandbox::Sandbox;
use hrlink_sandbox::scenarios::employmenthero as scenario;
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{
    REDIRECT_URI, access_token, authorization_code, client_fields, consent, employmenthero_tokens,
    http, json, pkce, redirect_query, sandbox, sign_in, submit, token_request,
};

fn authorize_url(sandbox: &Sandbox) -> String {
    format!(
        "{}/oauth2/authorize",
        sandbox.endpoints().employmenthero.auth
    )
}

fn token_url(sandbox: &Sandbox) -> String {
    format!("{}/oauth2/token", sandbox.endpoints().employmenthero.auth)
}

async fn get(sandbox: &Sandbox, path: &str, token: &str) -> reqwest::Response {
    let url = format!("{}{path}", sandbox.endpoints().employmenthero.api);
    http().get(url).bearer_auth(token).send().await.unwrap()
}

fn employees_path(organisation: &str, query: &str) -> String {
    format!("/api/v1/organisations/{organisation}/employees{query}")
}

#[tokio::test]
async fn authorize_requires_an_s256_code_challenge() {
    let sandbox = sandbox().await;
    let base = [
        ("response_type", "code"),
        ("client_id", scenario::CLIENT.id),
        ("redirect_uri", REDIRECT_URI),
        ("state", "st"),
    ];
    let (_, challenge) = pkce();
    let variants: [&[(&str, &str)]; 3] = [
        &[],
        &[("code_challenge", &challenge)],
        &[
            ("code_challenge", &challenge),
            ("code_challenge_method", "plain"),
        ],
    ];
    for extra in variants {
        let mut query = base.to_vec();
        query.extend_from_slice(extra);
        let response = http()
            .get(authorize_url(&sandbox))
            .query(&query)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FOUND, "{extra:?}");
        let params = redirect_query(&response);
        assert_eq!(params["error"], "invalid_request");
        assert_eq!(params["state"], "st");
    }
}

#[tokio::test]
async fn the_code_verifier_must_match_and_the_code_is_then_spent() {
    let sandbox = sandbox().await;
    let (verifier, challenge) = pkce();
    let query = [
        ("response_type", "code"),
        ("client_id", scenario::CLIENT.id),
        ("redirect_uri", REDIRECT_URI),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let login = sign_in(scenario::ONE_ORGANISATION);
    let exchange = |code: String, verifier: Option<String>| {
        let mut form = vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code),
            ("redirect_uri", REDIRECT_URI.to_owned()),
        ];
        form.extend(client_fields(scenario::CLIENT).map(|(k, v)| (k, v.to_owned())));
        form.extend(verifier.map(|v| ("code_verifier", v)));
        http().post(token_url(&sandbox)).form(&form).send()
    };
    let wrong = format!("{}x", &verifier[..verifier.len() - 1]);
    for bad in [Some(wrong), None] {
        let code = authorization_code(&authorize_url(&sandbox), &query, &login).await;
        let refused = exchange(code.clone(), bad).await.unwrap();
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert_eq!(json(refused).await["error"], "invalid_grant");
        let retried = exchange(code, Some(verifier.clone())).await.unwrap();
        assert_eq!(
            json(retried).await["error"],
            "invalid_grant",
            "a failed attempt spends it"
        );
    }
    let code = authorization_code(&authorize_url(&sandbox), &query, &login).await;
    let tokens = json(exchange(code, Some(verifier)).await.unwrap()).await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["scope"], scenario::CLIENT_SCOPES.join(" "));
}

#[tokio::test]
async fn a_user_with_two_organisations_chooses_one_on_the_consent_page() {
    let sandbox = sandbox().await;
    let (_, challenge) = pkce();
    let query = [
        ("response_type", "code"),
        ("client_id", scenario::CLIENT.id),
        ("redirect_uri", REDIRECT_URI),
        ("state", "two"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let (_, chooser) = consent(
        &authorize_url(&sandbox),
        &query,
        &sign_in(scenario::TWO_ORGANISATIONS),
    )
    .await;
    assert_eq!(chooser.status(), StatusCode::OK);
    let html = chooser.text().await.unwrap();
    assert!(html.contains(scenario::ORGANISATION.name));
    assert!(html.contains(scenario::EMPTY_ORGANISATION.name));
    assert!(html.contains("type=\"radio\""));
    assert!(!html.contains(scenario::TWO_ORGANISATIONS.password));

    let unknown = [("organisation", "not-mine"), ("decision", "allow")];
    let again = submit(&authorize_url(&sandbox), &html, &unknown).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    let html = again.text().await.unwrap();
    let pick = [
        ("organisation", scenario::EMPTY_ORGANISATION.id),
        ("decision", "allow"),
    ];
    let answer = submit(&authorize_url(&sandbox), &html, &pick).await;
    assert_eq!(answer.status(), StatusCode::FOUND);
    let params = redirect_query(&answer);
    assert_eq!(params["state"], "two");
    assert!(params.contains_key("code"));
}

#[tokio::test]
async fn refresh_tokens_rotate_and_the_old_one_dies() {
    let sandbox = sandbox().await;
    let tokens =
        employmenthero_tokens(&sandbox, scenario::CLIENT, scenario::ONE_ORGANISATION, None).await;
    let refresh = |token: String| {
        let mut form = vec![
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", token),
        ];
        form.extend(client_fields(scenario::CLIENT).map(|(k, v)| (k, v.to_owned())));
        http().post(token_url(&sandbox)).form(&form).send()
    };
    let first = tokens["refresh_token"].as_str().unwrap().to_owned();
    let rotated = json(refresh(first.clone()).await.unwrap()).await;
    let second = rotated["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    assert_ne!(rotated["access_token"], tokens["access_token"]);
    let provider = hrlink_sandbox::Provider::EmploymentHero;
    assert_eq!(sandbox.stats().reused_refresh_tokens(provider), 0);
    let stale = refresh(first).await.unwrap();
    assert_eq!(stale.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(stale).await["error"], "invalid_grant");
    // Counted, so that clients can be held to never reusing one.
    assert_eq!(sandbox.stats().reused_refresh_tokens(provider), 1);
    assert_eq!(refresh(second).await.unwrap().status(), StatusCode::OK);
    let unknown = refresh("never-issued".to_owned()).await.unwrap();
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    assert_eq!(sandbox.stats().reused_refresh_tokens(provider), 1);
    // The new access token works.
    let organisations = get(&sandbox, "/api/v1/organisations", &access_token(&rotated)).await;
    assert_eq!(organisations.status(), StatusCode::OK);
}

#[tokio::test]
async fn organisations_and_all_employee_pages() {
    let sandbox = sandbox().await;
    let tokens =
        employmenthero_tokens(&sandbox, scenario::CLIENT, scenario::ONE_ORGANISATION, None).await;
    let token = access_token(&tokens);
    let body = json(get(&sandbox, "/api/v1/organisations", &token).await).await;
    let items = body["data"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], scenario::ORGANISATION.id);
    assert_eq!(items[0]["name"], scenario::ORGANISATION.name);
    for field in ["country", "phone"] {
        assert!(items[0][field].is_string(), "{field}");
    }
    assert!(items[0].as_object().unwrap().contains_key("logo_url"));

    let mut people: Vec<Value> = Vec::new();
    for page in 1..=3 {
        let path = employees_path(
            scenario::ORGANISATION.id,
            &format!("?page_index={page}&item_per_page=100"),
        );
        let data = json(get(&sandbox, &path, &token).await).await["data"].clone();
        assert_eq!(data["page_index"], page);
        assert_eq!(data["item_per_page"], 100);
        assert_eq!(data["total_items"], 250);
        assert_eq!(data["total_pages"], 3);
        people.extend(data["items"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(people.len(), 250);
    let ids: HashSet<_> = people.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 250);
    assert!(
        people
            .iter()
            .any(|p| p["status"] == "terminated" && p["termination_date"].is_string())
    );
    assert!(
        people
            .iter()
            .all(|p| p["teams"].as_array().is_some_and(|t| t.len() == 1))
    );

    let path = employees_path(scenario::ORGANISATION.id, "?item_per_page=500");
    let data = json(get(&sandbox, &path, &token).await).await["data"].clone();
    assert_eq!(data["item_per_page"], 100);
    let default = json(
        get(
            &sandbox,
            &employees_path(scenario::ORGANISATION.id, ""),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(default["data"]["items"].as_array().unwrap().len(), 20);
    let bad = get(
        &sandbox,
        &employees_path(scenario::ORGANISATION.id, "?page_index=0"),
        &token,
    )
    .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let other = get(
        &sandbox,
        &employees_path(scenario::EMPTY_ORGANISATION.id, ""),
        &token,
    )
    .await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_chosen_empty_organisation_has_no_employees() {
    let sandbox = sandbox().await;
    let organisation = Some(scenario::EMPTY_ORGANISATION.id);
    let tokens = employmenthero_tokens(
        &sandbox,
        scenario::CLIENT,
        scenario::TWO_ORGANISATIONS,
        organisation,
    )
    .await;
    let token = access_token(&tokens);
    let body = json(get(&sandbox, "/api/v1/organisations", &token).await).await;
    assert_eq!(
        body["data"]["items"][0]["id"],
        scenario::EMPTY_ORGANISATION.id
    );
    let path = employees_path(scenario::EMPTY_ORGANISATION.id, "");
    let data = json(get(&sandbox, &path, &token).await).await["data"].clone();
    assert_eq!(data["total_items"], 0);
    assert_eq!(data["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn an_app_without_employees_list_gets_403_for_employees() {
    let sandbox = sandbox().await;
    let client = scenario::CLIENT_WITHOUT_EMPLOYEES;
    let tokens = employmenthero_tokens(&sandbox, client, scenario::ONE_ORGANISATION, None).await;
    assert!(!tokens["scope"].as_str().unwrap().contains("employees:list"));
    let token = access_token(&tokens);
    assert_eq!(
        get(&sandbox, "/api/v1/organisations", &token)
            .await
            .status(),
        StatusCode::OK
    );
    let response = get(
        &sandbox,
        &employees_path(scenario::ORGANISATION.id, ""),
        &token,
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(response).await["error"], "insufficient_scope");
}

#[tokio::test]
async fn clients_may_authenticate_with_http_basic_and_bad_tokens_get_401() {
    let sandbox = sandbox().await;
    let tokens =
        employmenthero_tokens(&sandbox, scenario::CLIENT, scenario::ONE_ORGANISATION, None).await;
    let basic = STANDARD.encode(format!(
        "{}:{}",
        scenario::CLIENT.id,
        scenario::CLIENT.secret
    ));
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", tokens["refresh_token"].as_str().unwrap()),
    ];
    let response = http()
        .post(token_url(&sandbox))
        .header("authorization", format!("Basic {basic}"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let bad_secret = token_request(
        &token_url(&sandbox),
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", "whatever"),
            ("client_id", scenario::CLIENT.id),
            ("client_secret", "wrong"),
        ],
    )
    .await;
    assert_eq!(bad_secret.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(bad_secret).await["error"], "invalid_client");

    let response = get(&sandbox, "/api/v1/organisations", "made-up").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("invalid_token")
    );
}
