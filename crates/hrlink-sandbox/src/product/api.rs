//! The product's HTTP side: HANDOFF.md §2.1–2.5 (`/hrlink/v1/…`), its page (`/product`) and
//! two Sandbox knobs for tests in other processes (`/product/sandbox/…`).

use std::time::SystemTime;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

use super::envelope::Envelope;
use super::hr_systems::Account;
use super::{
    Connection, DeliveredConnection, EnrollmentSpec, ProductBackend, TENANT, VALIDITY, mask,
    random_secret, rfc3339,
};
use crate::{Refusal, lock};

pub(super) fn router(product: ProductBackend) -> Router {
    Router::new()
        .route("/hrlink/v1/enrollments/redeem", post(redeem))
        .route(
            "/hrlink/v1/enrollments/{id}/oauth-exchange",
            post(oauth_exchange),
        )
        .route("/hrlink/v1/enrollments/{id}/connection", post(connection))
        .route("/hrlink/v1/connections/{id}/status", get(status))
        .route("/product", get(super::page::page))
        .route("/product/sandbox/enrollments", post(issue))
        .route("/product/sandbox/connections/{id}/status", post(set_status))
        .with_state(product)
}

fn answer(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

fn error(status: StatusCode, code: &str) -> Response {
    answer(status, json!({ "error": code }))
}

async fn redeem(State(product): State<ProductBackend>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    struct Redeem {
        code: String,
    }
    let Ok(Redeem { code }) = serde_json::from_slice(&body) else {
        return error(StatusCode::BAD_REQUEST, "invalid_request");
    };
    let now = SystemTime::now();
    let mut state = lock(&product.inner.state);
    state.redeem_attempts += 1;
    let reauthorised = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| state.connections.get(id))
            .map(|c| c.view.clone())
    };
    let Some(enrollment) = state.enrollments.get(&code) else {
        return error(StatusCode::NOT_FOUND, "unknown_code");
    };
    if enrollment.used || enrollment.redeemed_at.is_some() {
        return error(StatusCode::GONE, "used");
    }
    if now
        .duration_since(enrollment.created_at)
        .unwrap_or_default()
        > VALIDITY
    {
        return error(StatusCode::GONE, "expired");
    }
    let reauthorise = reauthorised(&enrollment.reauthorise).map(|c| {
        json!({
            "connection_id": c.id,
            "provider": c.provider,
            "account": { "id": c.account_id, "name": c.account_name },
        })
    });
    let categories = enrollment.categories.then(super::categories);
    let client = |provider: &crate::scenarios::OAuthClient| json!({ "client_id": provider.id, "redirect_port": 0, "redirect_path": "/callback" });
    let body = json!({
        "enrollment_id": enrollment.id,
        "token": enrollment.token,
        "expires_at": rfc3339(now + VALIDITY),
        "tenant": { "id": TENANT.0, "name": TENANT.1 },
        "created_by": { "name": "Aroha Ngata", "email": "aroha@kowhai.example" },
        "provider": enrollment.provider.clone().or_else(|| reauthorise.as_ref().map(|r| r["provider"].clone()).and_then(|p| p.as_str().map(str::to_owned))),
        "reauthorise": reauthorise,
        "oauth": {
            "employmenthero": client(&crate::scenarios::employmenthero::CLIENT),
            "ipayroll": client(&crate::scenarios::ipayroll::CLIENT),
        },
        "categories": categories,
        "recipient": product.inner.keys.recipient(),
    });
    if let Some(enrollment) = state.enrollments.get_mut(&code) {
        enrollment.redeemed_at = Some(now);
    }
    answer(StatusCode::OK, body)
}

/// The enrollment behind `id` and the request's bearer token, still usable; or the refusal.
fn usable(product: &ProductBackend, id: &str, headers: &HeaderMap) -> Result<String, Refusal> {
    let state = lock(&product.inner.state);
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let (code, enrollment) = state
        .enrollments
        .iter()
        .find(|(_, e)| e.id == id && e.redeemed_at.is_some() && Some(e.token.as_str()) == bearer)
        .ok_or_else(|| Refusal::from(error(StatusCode::UNAUTHORIZED, "unauthorized")))?;
    if enrollment.used {
        return Err(error(StatusCode::GONE, "used").into());
    }
    let redeemed = enrollment.redeemed_at.unwrap_or(enrollment.created_at);
    if SystemTime::now()
        .duration_since(redeemed)
        .unwrap_or_default()
        > VALIDITY
    {
        return Err(error(StatusCode::GONE, "expired").into());
    }
    Ok(code.clone())
}

fn opened<T: for<'de> Deserialize<'de>>(
    product: &ProductBackend,
    body: &Bytes,
    info: &str,
    id: &str,
) -> Result<T, Refusal> {
    let bad = || Refusal::from(error(StatusCode::BAD_REQUEST, "bad_envelope"));
    let envelope: Envelope = serde_json::from_slice(body).map_err(|_| bad())?;
    let plaintext = product
        .inner
        .keys
        .open(&envelope, info, id)
        .ok_or_else(bad)?;
    serde_json::from_slice(&plaintext).map_err(|_| bad())
}

async fn oauth_exchange(
    State(product): State<ProductBackend>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    #[derive(Deserialize)]
    struct Exchange {
        provider: String,
        code: String,
        code_verifier: String,
        redirect_uri: String,
    }
    let code = match usable(&product, &id, &headers) {
        Ok(code) => code,
        Err(refusal) => return refusal.into_response(),
    };
    let exchange: Exchange = match opened(&product, &body, "hrlink/v1 oauth-exchange", &id) {
        Ok(exchange) => exchange,
        Err(refusal) => return refusal.into_response(),
    };
    let tokens = product
        .inner
        .hr
        .exchange(
            &exchange.provider,
            &exchange.code,
            &exchange.code_verifier,
            &exchange.redirect_uri,
        )
        .await;
    let tokens = match tokens {
        Ok(tokens) => tokens,
        Err(detail) => {
            return answer(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"error": "exchange_failed", "detail": detail}),
            );
        }
    };
    let body = json!({
        "access_token": tokens.access_token,
        "token_type": "Bearer",
        "expires_in": tokens.expires_in.unwrap_or(900),
        "scope": tokens.scope,
    });
    if let Some(enrollment) = lock(&product.inner.state).enrollments.get_mut(&code) {
        enrollment.exchanged = Some((exchange.provider, tokens));
    }
    answer(StatusCode::OK, body)
}

#[derive(Deserialize)]
struct Document {
    version: u32,
    enrollment_id: String,
    provider: String,
    account: AccountDoc,
    credential: Value,
    #[serde(default)]
    people: Option<Value>,
    #[serde(default)]
    mapping: Option<Value>,
}

#[derive(Deserialize)]
struct AccountDoc {
    id: String,
    name: String,
}

async fn connection(
    State(product): State<ProductBackend>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    lock(&product.inner.state).connection_posts += 1;
    let code = match usable(&product, &id, &headers) {
        Ok(code) => code,
        Err(refusal) => return refusal.into_response(),
    };
    let document: Document = match opened(&product, &body, "hrlink/v1 connection", &id) {
        Ok(document) => document,
        Err(refusal) => return refusal.into_response(),
    };
    let (fixed_provider, reauthorise, exchanged) = {
        let mut state = lock(&product.inner.state);
        let Some(enrollment) = state.enrollments.get_mut(&code) else {
            return error(StatusCode::GONE, "used");
        };
        let exchanged = enrollment.exchanged.take();
        let reauthorise = enrollment.reauthorise.clone();
        let provider = enrollment.provider.clone().or_else(|| {
            reauthorise
                .as_ref()
                .and_then(|r| state.connections.get(r))
                .map(|c| c.view.provider.clone())
        });
        (
            provider,
            reauthorise.and_then(|r| state.connections.get(&r).map(|c| c.view.clone())),
            exchanged,
        )
    };
    if document.version != 1
        || document.enrollment_id != id
        || fixed_provider
            .as_ref()
            .is_some_and(|p| *p != document.provider)
    {
        return answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"error": "verification_failed", "detail": "the document does not match the enrollment"}),
        );
    }
    let reported = Account {
        id: document.account.id.clone(),
        name: document.account.name.clone(),
    };
    let (verified, hint, secrets) = match verify(&product, &document, &reported, exchanged).await {
        Ok(found) => found,
        Err(detail) => {
            return answer(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"error": "verification_failed", "detail": detail}),
            );
        }
    };
    if let Some(expected) = &reauthorise
        && !verified.matches(&expected.account_id)
    {
        return answer(
            StatusCode::CONFLICT,
            json!({
                "error": "different_account",
                "expected": { "id": expected.account_id, "name": expected.account_name },
            }),
        );
    }
    if !verified.matches(&reported.id) {
        return answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"error": "verification_failed", "detail": "the credentials reach another account than reported"}),
        );
    }
    let connection_id = reauthorise.map_or_else(
        || format!("con_{}", super::random_code_body().to_ascii_lowercase()),
        |c| c.id,
    );
    let status_token = random_secret();
    let connection = Connection {
        view: DeliveredConnection {
            id: connection_id.clone(),
            provider: document.provider.clone(),
            account_id: verified.id,
            account_name: verified.name,
            credential_kind: document.credential["kind"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            credential_hint: hint,
            status: "connected".into(),
            people_count: document.people.as_ref().and_then(|p| p["count"].as_u64()),
            mapped: document.mapping.as_ref().map_or(0, |m| {
                ["locations", "areas_of_work", "roles"]
                    .iter()
                    .filter_map(|k| m[*k].as_object())
                    .map(|o| o.len())
                    .sum()
            }),
            mapping: document.mapping.clone().filter(|m| !m.is_null()),
        },
        since: SystemTime::now(),
        status_token: status_token.clone(),
        secrets,
    };
    let mut state = lock(&product.inner.state);
    if let Some(enrollment) = state.enrollments.get_mut(&code) {
        enrollment.used = true;
    }
    state.connections.insert(connection_id.clone(), connection);
    answer(
        StatusCode::CREATED,
        json!({
            "connection_id": connection_id,
            "status": "connected",
            "status_token": status_token,
        }),
    )
}

/// Re-verifies the delivered credential itself: the account it reaches, a masked hint and the
/// secrets the product keeps.
async fn verify(
    product: &ProductBackend,
    document: &Document,
    reported: &Account,
    exchanged: Option<(String, super::hr_systems::Tokens)>,
) -> Result<(Account, String, Vec<String>), String> {
    let field = |name: &str| {
        document.credential[name]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let hr = &product.inner.hr;
    match (
        document.provider.as_str(),
        document.credential["kind"].as_str(),
    ) {
        ("hrworks", Some("key_pair")) => {
            let (key, secret) = (field("access_key"), field("secret_access_key"));
            let account = hr.hrworks(&key, &secret).await?;
            Ok((account, mask(&key), vec![secret]))
        }
        ("iris", Some("login")) => {
            let (username, password) = (field("username"), field("password"));
            let account = hr.iris(&username, &password).await?;
            Ok((account, mask(&username), vec![password]))
        }
        (provider @ ("employmenthero" | "ipayroll"), Some("oauth_exchanged")) => {
            let (exchanged_for, tokens) =
                exchanged.ok_or("no code was exchanged for this enrollment")?;
            if exchanged_for != provider {
                return Err("the code was exchanged for another HR system".into());
            }
            let account = hr.oauth(provider, &tokens.access_token, reported).await?;
            let secrets = std::iter::once(tokens.access_token)
                .chain(tokens.refresh_token)
                .collect();
            Ok((account, String::new(), secrets))
        }
        _ => Err("this credential does not fit the HR system".into()),
    }
}

async fn status(
    State(product): State<ProductBackend>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let state = lock(&product.inner.state);
    match state.connections.get(&id) {
        Some(c) if Some(c.status_token.as_str()) == bearer => {
            let detail = (c.view.status == "failed_auth").then_some(
                "HRworks no longer accepts the key pair. Start again from Acme Rostering.",
            );
            answer(
                StatusCode::OK,
                json!({ "status": c.view.status, "since": rfc3339(c.since), "detail": detail }),
            )
        }
        _ => error(StatusCode::UNAUTHORIZED, "unauthorized"),
    }
}

async fn issue(State(product): State<ProductBackend>, body: Bytes) -> Response {
    #[derive(Deserialize, Default)]
    struct Issue {
        provider: Option<String>,
        reauthorise: Option<String>,
        #[serde(default)]
        categories: bool,
        #[serde(default)]
        expired: bool,
    }
    let Ok(request) = serde_json::from_slice::<Issue>(&body) else {
        return error(StatusCode::BAD_REQUEST, "invalid_request");
    };
    if let Some(id) = &request.reauthorise
        && !lock(&product.inner.state).connections.contains_key(id)
    {
        return error(StatusCode::NOT_FOUND, "unknown_connection");
    }
    let code = product.issue(&EnrollmentSpec {
        provider: request.provider,
        reauthorise: request.reauthorise,
        categories: request.categories,
        expired: request.expired,
    });
    answer(StatusCode::CREATED, json!({ "code": code }))
}

async fn set_status(
    State(product): State<ProductBackend>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    #[derive(Deserialize)]
    struct SetStatus {
        status: String,
    }
    let known = ["connected", "failed_auth", "missing_permission", "removed"];
    match serde_json::from_slice::<SetStatus>(&body) {
        Ok(request) if known.contains(&request.status.as_str()) => {
            if product.set_status(&id, &request.status) {
                StatusCode::NO_CONTENT.into_response()
            } else {
                error(StatusCode::NOT_FOUND, "unknown_connection")
            }
        }
        _ => error(StatusCode::BAD_REQUEST, "invalid_request"),
    }
}
