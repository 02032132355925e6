//! What the tests share: starting a Sandbox, an HTTP client that does not follow redirects,
//! and a tiny "browser" that submits the consent forms the way a person would.

use std::collections::HashMap;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hrlink_sandbox::scenarios::{KeyPair, Login, OAuthClient};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use reqwest::header::LOCATION;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use url::Url;

/// A redirect URI the apps register: loopback, any port, `/callback`.
pub const REDIRECT_URI: &str = "http://127.0.0.1:53682/callback";

pub async fn sandbox() -> Sandbox {
    sandbox_with(SandboxConfig::default()).await
}

pub async fn sandbox_with(config: SandboxConfig) -> Sandbox {
    Sandbox::start(config).await.expect("sandbox starts")
}

/// An HTTP client that shows redirects instead of following them.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client builds")
}

pub async fn json(response: Response) -> Value {
    response.json().await.expect("JSON body")
}

/// `origin` of a base URL, e.g. `http://127.0.0.1:4000`.
pub fn origin(base: &str) -> String {
    Url::parse(base)
        .expect("url")
        .origin()
        .ascii_serialization()
}

/// Query parameters of a redirect's `Location`.
pub fn redirect_query(response: &Response) -> HashMap<String, String> {
    let location = response.headers()[LOCATION]
        .to_str()
        .expect("ascii location");
    let url = Url::parse(location).expect("absolute location");
    url.query_pairs().into_owned().collect()
}

/// A PKCE verifier and its S256 challenge.
pub fn pkce() -> (String, String) {
    let verifier = format!("verifier-{}", "v".repeat(50));
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// The hidden inputs of an HTML form, unescaped, as a browser would submit them.
pub fn hidden_fields(html: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for input in html.split("<input type=\"hidden\" ").skip(1) {
        let attribute = |name: &str| {
            let start = input.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            let end = input[start..].find('"').expect("closing quote") + start;
            unescape(&input[start..end])
        };
        fields.push((attribute("name"), attribute("value")));
    }
    fields
}

/// The form's `action`, unescaped.
pub fn form_action(html: &str) -> String {
    let start = html.find("action=\"").expect("a form") + "action=\"".len();
    let end = html[start..].find('"').expect("closing quote") + start;
    unescape(&html[start..end])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Opens the consent page, then submits its form with `fields` added, like a browser.
/// Returns the page's HTML and the answer to the submission.
pub async fn consent(
    authorize_url: &str,
    query: &[(&str, &str)],
    fields: &[(&str, &str)],
) -> (String, Response) {
    let page = http()
        .get(authorize_url)
        .query(query)
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    let answer = submit(authorize_url, &html, fields).await;
    (html, answer)
}

/// Submits the form of `html` (hidden fields plus `fields`).
pub async fn submit(base: &str, html: &str, fields: &[(&str, &str)]) -> Response {
    let mut form = hidden_fields(html);
    form.extend(
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let action = format!("{}{}", origin(base), form_action(html));
    http()
        .post(action)
        .form(&form)
        .send()
        .await
        .expect("submission")
}

/// Signs in and allows; returns the authorisation code.
pub async fn authorization_code(
    authorize_url: &str,
    query: &[(&str, &str)],
    fields: &[(&str, &str)],
) -> String {
    let (_, answer) = consent(authorize_url, query, fields).await;
    assert_eq!(
        answer.status(),
        StatusCode::FOUND,
        "{:?}",
        answer.text().await
    );
    let params = redirect_query(&answer);
    params.get("code").expect("a code").clone()
}

pub fn sign_in(login: Login) -> [(&'static str, &'static str); 3] {
    [
        ("username", login.username),
        ("password", login.password),
        ("decision", "allow"),
    ]
}

pub async fn token_request(token_url: &str, form: &[(&str, &str)]) -> Response {
    http()
        .post(token_url)
        .form(form)
        .send()
        .await
        .expect("token response")
}

pub fn client_fields(client: OAuthClient) -> [(&'static str, &'static str); 2] {
    [("client_id", client.id), ("client_secret", client.secret)]
}

/// HRworks: a JWT for a key pair.
pub async fn hrworks_token(sandbox: &Sandbox, pair: KeyPair) -> String {
    let url = format!("{}/v2/authentication", sandbox.endpoints().hrworks.api);
    let body = json!({ "accessKey": pair.access_key, "secretAccessKey": pair.secret_access_key });
    let response = http().post(url).json(&body).send().await.expect("auth");
    assert_eq!(response.status(), StatusCode::OK);
    json(response).await["token"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// IRIS: an access token for a login.
pub async fn iris_token(sandbox: &Sandbox, login: Login) -> String {
    let url = format!("{}/api/v1/token", sandbox.endpoints().iris.api);
    let body = json!({ "username": login.username, "password": login.password });
    let response = http().post(url).json(&body).send().await.expect("token");
    assert_eq!(response.status(), StatusCode::OK);
    json(response).await["access_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// iPayroll: an access token (and the whole token response) for a login.
pub async fn ipayroll_tokens(sandbox: &Sandbox, login: Login, scope: &str) -> Value {
    let auth = &sandbox.endpoints().ipayroll.auth;
    let client = hrlink_sandbox::scenarios::ipayroll::CLIENT;
    let query = [
        ("response_type", "code"),
        ("client_id", client.id),
        ("redirect_uri", REDIRECT_URI),
        ("scope", scope),
        ("state", "s"),
    ];
    let code =
        authorization_code(&format!("{auth}/oauth/authorize"), &query, &sign_in(login)).await;
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
    ];
    form.extend(client_fields(client));
    let response = token_request(&format!("{auth}/oauth/token"), &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    json(response).await
}

/// Employment Hero: the whole token response for a login, client and organisation.
pub async fn employmenthero_tokens(
    sandbox: &Sandbox,
    client: OAuthClient,
    login: Login,
    organisation: Option<&str>,
) -> Value {
    let auth = &sandbox.endpoints().employmenthero.auth;
    let (verifier, challenge) = pkce();
    let query = [
        ("response_type", "code"),
        ("client_id", client.id),
        ("redirect_uri", REDIRECT_URI),
        ("state", "s"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let mut fields = sign_in(login).to_vec();
    if let Some(organisation) = organisation {
        fields.push(("organisation", organisation));
    }
    let code = authorization_code(&format!("{auth}/oauth2/authorize"), &query, &fields).await;
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.as_str()),
    ];
    form.extend(client_fields(client));
    let response = token_request(&format!("{auth}/oauth2/token"), &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    json(response).await
}

pub fn access_token(tokens: &Value) -> String {
    tokens["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned()
}

/// The URL of a `Link` header's relation.
pub fn link(response: &Response, rel: &str) -> Option<String> {
    let header = response
        .headers()
        .get(reqwest::header::LINK)?
        .to_str()
        .ok()?;
    header.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params.contains(&format!("rel=\"{rel}\"")).then(|| {
            url.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned()
        })
    })
}
