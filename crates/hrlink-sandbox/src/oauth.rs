//! OAuth 2.0 authorisation-code machinery shared by iPayroll and Employment Hero: registered
//! clients, the consent pages, authorisation codes (with PKCE), the token endpoint and bearer
//! checks. Where the two providers differ, a [`Policy`] says how.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Form, OriginalUri, Query, RawQuery, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, LOCATION, PRAGMA, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use url::{Host, Url};

use crate::scenarios::{Login, OAuthClient, Organisation, REDIRECT_PATH};
use crate::tokens::{Lookup, TokenStore, bearer};
use crate::{Provider, Refusal, Stats};

/// Authorisation codes are exchanged at once by real clients; five minutes is generous.
const CODE_LIFETIME: Duration = Duration::from_secs(300);
/// How long a signed-in user may take to choose an organisation.
const SESSION_LIFETIME: Duration = Duration::from_secs(600);

/// A registered app.
#[derive(Debug)]
pub(crate) struct Client {
    pub credentials: OAuthClient,
    /// Shown on the consent page.
    pub name: &'static str,
    /// Scopes the app was registered with.
    pub scopes: &'static [&'static str],
}

/// A user who can sign in on the consent page.
#[derive(Debug)]
pub(crate) struct Account {
    pub login: Login,
    pub organisations: &'static [Organisation],
    /// Scopes this user's role cannot grant, whatever the app asks for.
    pub withheld_scopes: &'static [&'static str],
    /// Consent grants every one of `organisations` at once, without asking (a partner or
    /// accountant user); otherwise the user picks one.
    pub grants_all_organisations: bool,
}

/// Where the scopes of a grant come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scopes {
    /// The authorize request's `scope` parameter (all of the client's when absent).
    Requested,
    /// The client's registration; a `scope` parameter is ignored.
    Registered,
}

/// How one provider's OAuth server behaves.
#[derive(Debug)]
pub(crate) struct Policy {
    /// Shown on the consent pages.
    pub provider_name: &'static str,
    pub clients: &'static [Client],
    pub accounts: &'static [Account],
    pub scopes: Scopes,
    /// Whether an authorize request without an S256 `code_challenge` is refused. When PKCE is
    /// optional a challenge that is sent is still verified.
    pub pkce_required: bool,
    /// Whether each refresh issues a new refresh token and invalidates the old one.
    pub rotate_refresh_tokens: bool,
    /// `token_type` in token responses.
    pub token_type: &'static str,
}

/// What an access or refresh token allows.
#[derive(Clone, Debug)]
pub(crate) struct Grant {
    client_id: &'static str,
    /// The organisation chosen on the consent page (the first, when it grants all).
    pub organisation: &'static Organisation,
    /// Every organisation the token reaches: the chosen one, or all of the user's.
    pub organisations: &'static [Organisation],
    pub scopes: Vec<&'static str>,
}

impl Grant {
    pub(crate) fn allows(&self, scope: &str) -> bool {
        self.scopes.contains(&scope)
    }
}

/// Why a bearer token was not accepted.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BearerError {
    Missing,
    Unknown(String),
    Expired(String),
}

#[derive(Clone, Debug)]
struct PendingCode {
    grant: Grant,
    redirect_uri: String,
    code_challenge: Option<String>,
}

/// One provider's authorisation server.
#[derive(Debug)]
pub(crate) struct Server {
    policy: &'static Policy,
    token_lifetime: Duration,
    codes: TokenStore<PendingCode>,
    sessions: TokenStore<&'static Account>,
    access_tokens: TokenStore<Grant>,
    refresh_tokens: TokenStore<Grant>,
    /// Refresh tokens rotated away, to tell a reused one from an unknown one (both refused).
    rotated_away: std::sync::Mutex<std::collections::HashSet<String>>,
    stats: Stats,
    provider: Provider,
}

impl Server {
    pub(crate) fn new(
        policy: &'static Policy,
        token_lifetime: Duration,
        stats: Stats,
        provider: Provider,
    ) -> Arc<Self> {
        Arc::new(Self {
            policy,
            token_lifetime,
            rotated_away: std::sync::Mutex::default(),
            stats,
            provider,
            codes: TokenStore::new(Some(CODE_LIFETIME)),
            sessions: TokenStore::new(Some(SESSION_LIFETIME)),
            access_tokens: TokenStore::new(Some(token_lifetime)),
            // Neither provider's refresh tokens expire in practice (iPayroll: 10 years).
            refresh_tokens: TokenStore::new(None),
        })
    }

    /// The consent page (GET renders it, POST handles sign-in and the decision) at `path`.
    pub(crate) fn consent_router(self: &Arc<Self>, path: &str) -> Router {
        Router::new()
            .route(path, get(authorize_page).post(authorize_decision))
            .with_state(Arc::clone(self))
    }

    /// The token endpoint at `path`.
    pub(crate) fn token_router(self: &Arc<Self>, path: &str) -> Router {
        Router::new()
            .route(path, post(token))
            .with_state(Arc::clone(self))
    }

    /// The grant of the request's bearer token, and the token itself.
    pub(crate) fn authenticate(&self, headers: &HeaderMap) -> Result<(Grant, String), BearerError> {
        let token = bearer(headers).ok_or(BearerError::Missing)?;
        match self.access_tokens.check(token) {
            Lookup::Valid(grant) => Ok((grant, token.to_owned())),
            Lookup::Expired => Err(BearerError::Expired(token.to_owned())),
            Lookup::Unknown => Err(BearerError::Unknown(token.to_owned())),
        }
    }

    /// Lets an access token expire now (mid-listing expiry fault).
    pub(crate) fn expire(&self, token: &str) {
        self.access_tokens.expire(token);
    }

    fn client(&self, id: &str) -> Option<&'static Client> {
        self.policy.clients.iter().find(|c| c.credentials.id == id)
    }
}

// ------------------------------------------------------------------------------------------
// Authorize: validation

/// The authorize request's parameters, as sent (and carried through the forms unchanged).
#[derive(Clone, Debug, Default, Deserialize)]
struct AuthorizeParams {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
}

impl AuthorizeParams {
    fn hidden_fields(&self) -> String {
        let fields = [
            ("response_type", &self.response_type),
            ("client_id", &self.client_id),
            ("redirect_uri", &self.redirect_uri),
            ("scope", &self.scope),
            ("state", &self.state),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
        ];
        let mut html = String::new();
        for (name, value) in fields {
            if let Some(value) = value {
                let _ = writeln!(
                    html,
                    r#"<input type="hidden" name="{name}" value="{}">"#,
                    escape(value)
                );
            }
        }
        html
    }
}

/// A valid authorize request.
struct Authorization {
    client: &'static Client,
    redirect_uri: Url,
    /// As sent: the token request must repeat it exactly (RFC 6749 4.1.3).
    redirect_uri_as_sent: String,
    scopes: Vec<&'static str>,
}

impl Server {
    /// Checks an authorize request. Problems with the client or redirect URI are shown on an
    /// error page (redirecting would hand the user to an unverified site, RFC 6749 4.1.2.1);
    /// other problems are redirected back with an `error`.
    fn validate(&self, params: &AuthorizeParams) -> Result<Authorization, Refusal> {
        let client = params
            .client_id
            .as_deref()
            .and_then(|id| self.client(id))
            .ok_or_else(|| {
                self.error_page("The application asking for access is not registered.")
            })?;
        let redirect_uri_as_sent = params.redirect_uri.clone().unwrap_or_default();
        let redirect_uri = registered_redirect(&redirect_uri_as_sent).ok_or_else(|| {
            self.error_page("The address to return to is not registered for this application.")
        })?;
        let back = |error: &str, description: &str| {
            let pairs = [("error", error), ("error_description", description)];
            Refusal::from(redirect(&redirect_uri, &pairs, params))
        };
        if params.response_type.as_deref() != Some("code") {
            return Err(back(
                "unsupported_response_type",
                "response_type must be code",
            ));
        }
        match (
            &params.code_challenge,
            params.code_challenge_method.as_deref(),
        ) {
            (None, _) if self.policy.pkce_required => {
                return Err(back(
                    "invalid_request",
                    "code_challenge is required (PKCE, S256)",
                ));
            }
            (None, _) => {}
            // An absent method means "plain" (RFC 7636 4.3), which is not accepted.
            (Some(_), method) if method != Some("S256") => {
                return Err(back(
                    "invalid_request",
                    "code_challenge_method must be S256",
                ));
            }
            (Some(challenge), _) if !is_pkce_string(challenge) => {
                return Err(back("invalid_request", "code_challenge is malformed"));
            }
            (Some(_), _) => {}
        }
        let scopes = match (self.policy.scopes, params.scope.as_deref()) {
            (Scopes::Requested, Some(requested)) if !requested.trim().is_empty() => {
                let mut scopes = Vec::new();
                for scope in requested.split_whitespace() {
                    match client.scopes.iter().find(|known| **known == scope) {
                        Some(known) if !scopes.contains(known) => scopes.push(*known),
                        Some(_) => {}
                        None => return Err(back("invalid_scope", "unknown scope requested")),
                    }
                }
                scopes
            }
            _ => client.scopes.to_vec(),
        };
        Ok(Authorization {
            client,
            redirect_uri,
            redirect_uri_as_sent,
            scopes,
        })
    }

    fn error_page(&self, message: &str) -> Response {
        let body = format!(
            "<h1>This sign-in link is not valid</h1>\n<p>{}</p>\n<p>Go back to the application \
             and start again.</p>",
            escape(message)
        );
        let html = page("Sign-in link not valid", self.policy.provider_name, &body);
        (StatusCode::BAD_REQUEST, Html(html)).into_response()
    }
}

/// A registered redirect URI: `http` on a loopback IP literal, any port (RFC 8252 7.3), the
/// registered path, no query or fragment.
fn registered_redirect(uri: &str) -> Option<Url> {
    let url = Url::parse(uri).ok()?;
    let loopback = matches!(
        url.host(),
        Some(Host::Ipv4(Ipv4Addr::LOCALHOST)) | Some(Host::Ipv6(Ipv6Addr::LOCALHOST))
    );
    let exact = url.path() == REDIRECT_PATH && url.query().is_none() && url.fragment().is_none();
    (url.scheme() == "http" && loopback && exact && url.username().is_empty()).then_some(url)
}

/// RFC 7636 4.1: 43 to 128 characters of `[A-Za-z0-9-._~]`.
fn is_pkce_string(value: &str) -> bool {
    (43..=128).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// 302 back to the client with `pairs` and the request's `state` added to the query.
fn redirect(to: &Url, pairs: &[(&str, &str)], params: &AuthorizeParams) -> Response {
    let mut url = to.clone();
    {
        let mut query = url.query_pairs_mut();
        query.extend_pairs(pairs);
        if let Some(state) = &params.state {
            query.append_pair("state", state);
        }
    }
    match HeaderValue::from_str(url.as_str()) {
        Ok(location) => (StatusCode::FOUND, [(LOCATION, location)]).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

// ------------------------------------------------------------------------------------------
// Authorize: pages and decision

async fn authorize_page(
    State(server): State<Arc<Server>>,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<AuthorizeParams>,
) -> Result<Response, Refusal> {
    let consent = Consent {
        authorization: server.validate(&params)?,
        server: &server,
        action: uri.path(),
        form: ConsentForm {
            params,
            ..ConsentForm::default()
        },
    };
    Ok(consent.sign_in_page(StatusCode::OK, None))
}

async fn authorize_decision(
    State(server): State<Arc<Server>>,
    OriginalUri(uri): OriginalUri,
    Form(form): Form<ConsentForm>,
) -> Result<Response, Refusal> {
    let consent = Consent {
        authorization: server.validate(&form.params)?,
        server: &server,
        action: uri.path(),
        form,
    };
    consent.decide()
}

/// What the consent forms post: the original authorize parameters (hidden fields), the
/// sign-in fields or the session of an earlier sign-in, the organisation and the decision.
#[derive(Debug, Default, Deserialize)]
struct ConsentForm {
    #[serde(flatten)]
    params: AuthorizeParams,
    username: Option<String>,
    password: Option<String>,
    session: Option<String>,
    organisation: Option<String>,
    decision: Option<String>,
}

/// A form value, treating an empty field like a missing one (browsers send both).
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|value| !value.is_empty())
}

/// One valid authorize request being answered.
struct Consent<'a> {
    server: &'a Server,
    /// Path the forms post back to.
    action: &'a str,
    authorization: Authorization,
    form: ConsentForm,
}

impl Consent<'_> {
    /// Deny, or sign in, pick the organisation and answer with a code.
    fn decide(&self) -> Result<Response, Refusal> {
        match given(&self.form.decision) {
            Some("deny") => {
                let denied = [
                    ("error", "access_denied"),
                    ("error_description", "The user denied access"),
                ];
                return Ok(self.redirect(&denied));
            }
            Some("allow") => {}
            _ => {
                let page =
                    self.sign_in_page(StatusCode::BAD_REQUEST, Some("Choose Allow or Deny."));
                return Err(page.into());
            }
        }
        let account = self.account()?;
        let organisation = self.organisation(account)?;
        let grant = Grant {
            client_id: self.authorization.client.credentials.id,
            organisation,
            organisations: if account.grants_all_organisations {
                account.organisations
            } else {
                std::slice::from_ref(organisation)
            },
            scopes: (self.authorization.scopes.iter())
                .filter(|scope| !account.withheld_scopes.contains(scope))
                .copied()
                .collect(),
        };
        let code = self.server.codes.issue(PendingCode {
            grant,
            redirect_uri: self.authorization.redirect_uri_as_sent.clone(),
            code_challenge: self.form.params.code_challenge.clone(),
        });
        Ok(self.redirect(&[("code", &code)]))
    }

    /// The account signed in with the form's username and password, or its session.
    fn account(&self) -> Result<&'static Account, Refusal> {
        if let Some(session) = given(&self.form.session) {
            return match self.server.sessions.redeem(session) {
                Lookup::Valid(account) => Ok(account),
                Lookup::Expired | Lookup::Unknown => {
                    let problem = Some("Your sign-in has expired. Sign in again.");
                    Err(self.sign_in_page(StatusCode::UNAUTHORIZED, problem).into())
                }
            };
        }
        let username = given(&self.form.username).unwrap_or_default();
        let password = given(&self.form.password).unwrap_or_default();
        (self.server.policy.accounts.iter())
            .find(|account| {
                account.login.username.eq_ignore_ascii_case(username)
                    && account.login.password == password
            })
            .ok_or_else(|| {
                let problem = Some("The username or password is not correct.");
                self.sign_in_page(StatusCode::UNAUTHORIZED, problem).into()
            })
    }

    /// The organisation chosen, the only one, or a page asking which.
    fn organisation(&self, account: &'static Account) -> Result<&'static Organisation, Refusal> {
        if account.grants_all_organisations
            && let Some(first) = account.organisations.first()
        {
            return Ok(first);
        }
        match (given(&self.form.organisation), account.organisations) {
            (Some(id), organisations) => {
                organisations
                    .iter()
                    .find(|org| org.id == id)
                    .ok_or_else(|| {
                        let problem = Some("Choose one of your organisations.");
                        self.choose_page(StatusCode::BAD_REQUEST, account, problem)
                            .into()
                    })
            }
            (None, [only]) => Ok(only),
            (None, _) => Err(self.choose_page(StatusCode::OK, account, None).into()),
        }
    }

    fn redirect(&self, pairs: &[(&str, &str)]) -> Response {
        redirect(&self.authorization.redirect_uri, pairs, &self.form.params)
    }

    fn sign_in_page(&self, status: StatusCode, problem: Option<&str>) -> Response {
        let policy = self.server.policy;
        let body = format!(
            r#"<h1>Sign in to {provider} to allow {client} access</h1>
{problem}<form method="post" action="{action}">
{hidden}<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" spellcheck="false" value="{username}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
{scopes}{buttons}</form>"#,
            provider = escape(policy.provider_name),
            client = escape(self.authorization.client.name),
            problem = problem_summary(problem),
            action = escape(self.action),
            hidden = self.form.params.hidden_fields(),
            username = escape(given(&self.form.username).unwrap_or_default()),
            scopes = scope_list(&self.authorization),
            buttons = BUTTONS,
        );
        let html = page("Sign in", policy.provider_name, &body);
        (status, Html(html)).into_response()
    }

    /// Asks which organisation to grant; the sign-in is carried by a short-lived session so
    /// that the password is not echoed into the page.
    fn choose_page(
        &self,
        status: StatusCode,
        account: &'static Account,
        problem: Option<&str>,
    ) -> Response {
        let session = self.server.sessions.issue(account);
        let mut choices = String::new();
        for (index, organisation) in account.organisations.iter().enumerate() {
            let _ = writeln!(
                choices,
                r#"<div class="choice"><input type="radio" id="organisation-{index}" name="organisation" value="{id}" required><label for="organisation-{index}">{name}</label></div>"#,
                id = escape(organisation.id),
                name = escape(organisation.name),
            );
        }
        let body = format!(
            r#"<h1>Which organisation should {client} have access to?</h1>
{problem}<form method="post" action="{action}">
{hidden}<input type="hidden" name="session" value="{session}">
<fieldset>
<legend>Signed in as {username}. Choose one organisation.</legend>
{choices}</fieldset>
{scopes}{buttons}</form>"#,
            client = escape(self.authorization.client.name),
            problem = problem_summary(problem),
            action = escape(self.action),
            hidden = self.form.params.hidden_fields(),
            session = escape(&session),
            username = escape(account.login.username),
            scopes = scope_list(&self.authorization),
            buttons = BUTTONS,
        );
        let html = page(
            "Choose an organisation",
            self.server.policy.provider_name,
            &body,
        );
        (status, Html(html)).into_response()
    }
}

/// Deny must work without filling in the form, hence `formnovalidate`.
const BUTTONS: &str = r#"<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Deny</button>
</div>
"#;

fn problem_summary(problem: Option<&str>) -> String {
    problem.map_or_else(String::new, |problem| {
        format!(
            "<div class=\"problem\" role=\"alert\"><h2>There is a problem</h2><p>{}</p></div>\n",
            escape(problem)
        )
    })
}

fn scope_list(authorization: &Authorization) -> String {
    let mut items = String::new();
    for scope in &authorization.scopes {
        let _ = write!(items, "<li><code>{}</code></li>", escape(scope));
    }
    format!(
        "<p>{} will be able to read:</p>\n<ul class=\"scopes\">{items}</ul>\n",
        escape(authorization.client.name)
    )
}

fn page(title: &str, provider: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – {provider} Sandbox</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #0b0c0c; background: #f3f2f1; }}
header {{ background: #1d1d4f; color: #fff; padding: 12px 24px; }}
header .tag {{ background: #ffdd00; color: #0b0c0c; padding: 0 6px; margin-left: 8px; font-weight: 700; }}
main {{ max-width: 36rem; margin: 24px auto; background: #fff; padding: 24px 32px; }}
label, legend {{ display: block; font-weight: 700; margin-top: 16px; }}
input[type=text], input[type=password] {{ width: 100%; box-sizing: border-box; font: inherit; padding: 6px; border: 2px solid #0b0c0c; }}
input:focus, button:focus {{ outline: 3px solid #ffdd00; outline-offset: 0; }}
.choice {{ margin: 8px 0; }} .choice label {{ display: inline; font-weight: 400; margin-left: 8px; }}
fieldset {{ border: 0; padding: 0; margin: 0; }}
.actions {{ margin-top: 24px; display: flex; gap: 12px; }}
button {{ font: inherit; padding: 8px 16px; border: 0; background: #00703c; color: #fff; cursor: pointer; }}
button.secondary {{ background: #f3f2f1; color: #0b0c0c; border: 2px solid #0b0c0c; }}
.problem {{ border: 4px solid #d4351c; padding: 8px 16px; margin: 16px 0; }}
.problem h2 {{ margin: 0; font-size: 1.1rem; }}
.hint {{ color: #505a5f; font-size: 14px; margin-top: 32px; }}
</style>
</head>
<body>
<header><strong>{provider}</strong><span class="tag">SANDBOX</span></header>
<main>
{body}
<p class="hint">This is HR Link's local imitation of {provider}, for testing. Its users and passwords are listed in the hrlink-sandbox README.</p>
</main>
</body>
</html>
"#,
        title = escape(title),
        provider = escape(provider),
    )
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// ------------------------------------------------------------------------------------------
// Token endpoint

/// Parameters may come in the query string (iPayroll's Java SDK) or the form body; the body
/// wins when both carry one.
async fn token(
    State(server): State<Arc<Server>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let mut params: HashMap<String, String> = HashMap::new();
    let query = query.unwrap_or_default();
    params.extend(url::form_urlencoded::parse(query.as_bytes()).into_owned());
    params.extend(url::form_urlencoded::parse(&body).into_owned());
    let param = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };

    let basic = basic_credentials(&headers);
    let (client_id, client_secret) = match &basic {
        Some((id, secret)) => (Some(id.as_str()), Some(secret.as_str())),
        None => (param("client_id"), param("client_secret")),
    };
    let client = server
        .client(client_id.unwrap_or_default())
        .filter(|client| Some(client.credentials.secret) == client_secret);
    let Some(client) = client else {
        let mut response = oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
        );
        if basic.is_some() {
            response.headers_mut().insert(
                WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"oauth\""),
            );
        }
        return response;
    };

    let grant = match param("grant_type") {
        Some("authorization_code") => server.redeem_code(
            client,
            param("code"),
            param("redirect_uri"),
            param("code_verifier"),
        ),
        Some("refresh_token") => server.redeem_refresh(client, param("refresh_token")),
        Some(_) => Err(("unsupported_grant_type", "grant_type is not supported")),
        None => Err(("invalid_request", "grant_type is required")),
    };
    let (grant, refresh_token) = match grant {
        Ok(issued) => issued,
        Err((error, description)) => {
            return oauth_error(StatusCode::BAD_REQUEST, error, description);
        }
    };
    let scope = grant.scopes.join(" ");
    let access_token = server.access_tokens.issue(grant);
    let body = json!({
        "access_token": access_token,
        "token_type": server.policy.token_type,
        "refresh_token": refresh_token,
        "expires_in": server.token_lifetime.as_secs(),
        "scope": scope,
    });
    no_store((StatusCode::OK, Json(body)).into_response())
}

type TokenResult = Result<(Grant, String), (&'static str, &'static str)>;

impl Server {
    fn redeem_code(
        &self,
        client: &Client,
        code: Option<&str>,
        redirect_uri: Option<&str>,
        verifier: Option<&str>,
    ) -> TokenResult {
        let code = code.ok_or(("invalid_request", "code is required"))?;
        // Redeemed before any other check: a code is spent by any attempt to use it.
        let Lookup::Valid(pending) = self.codes.redeem(code) else {
            return Err((
                "invalid_grant",
                "The authorization code is invalid, expired or used",
            ));
        };
        if pending.grant.client_id != client.credentials.id {
            return Err((
                "invalid_grant",
                "The authorization code was issued to another client",
            ));
        }
        if redirect_uri != Some(pending.redirect_uri.as_str()) {
            return Err((
                "invalid_grant",
                "redirect_uri does not match the authorize request",
            ));
        }
        if let Some(challenge) = &pending.code_challenge {
            let verifier = verifier.ok_or(("invalid_grant", "code_verifier is required"))?;
            if !is_pkce_string(verifier) || s256(verifier) != *challenge {
                return Err((
                    "invalid_grant",
                    "code_verifier does not match the code_challenge",
                ));
            }
        }
        let refresh_token = self.refresh_tokens.issue(pending.grant.clone());
        Ok((pending.grant, refresh_token))
    }

    fn redeem_refresh(&self, client: &Client, refresh_token: Option<&str>) -> TokenResult {
        let token = refresh_token.ok_or(("invalid_request", "refresh_token is required"))?;
        let invalid = (
            "invalid_grant",
            "The refresh token is invalid or was already used",
        );
        let Lookup::Valid(grant) = self.refresh_tokens.check(token) else {
            if crate::lock(&self.rotated_away).contains(token) {
                self.stats.record_refresh_token_reuse(self.provider);
            }
            return Err(invalid);
        };
        if grant.client_id != client.credentials.id {
            return Err((
                "invalid_grant",
                "The refresh token was issued to another client",
            ));
        }
        if !self.policy.rotate_refresh_tokens {
            return Ok((grant, token.to_owned()));
        }
        let Lookup::Valid(grant) = self.refresh_tokens.redeem(token) else {
            // Redeemed by a concurrent request between the check and here: a reuse too.
            self.stats.record_refresh_token_reuse(self.provider);
            return Err(invalid);
        };
        crate::lock(&self.rotated_away).insert(token.to_owned());
        let rotated = self.refresh_tokens.issue(grant.clone());
        Ok((grant, rotated))
    }
}

/// `Authorization: Basic` client credentials, each form-urlencoded (RFC 6749 2.3.1).
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((form_decode(id), form_decode(secret)))
}

fn form_decode(component: &str) -> String {
    let pair = format!("v={component}");
    let mut pairs = url::form_urlencoded::parse(pair.as_bytes());
    pairs
        .next()
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let body = json!({ "error": error, "error_description": description });
    no_store((status, Json(body)).into_response())
}

/// Token responses must not be cached (RFC 6749 5.1).
fn no_store(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s256_matches_rfc_7636_appendix_b() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assert_eq!(
            s256(verifier),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert!(is_pkce_string(verifier));
        assert!(!is_pkce_string("too-short"));
        assert!(!is_pkce_string(&"a+".repeat(30)));
    }

    #[test]
    fn redirects_must_be_loopback_with_the_registered_path() {
        for ok in [
            "http://127.0.0.1/callback",
            "http://127.0.0.1:53682/callback",
            "http://[::1]:8080/callback",
        ] {
            assert!(registered_redirect(ok).is_some(), "{ok}");
        }
        for bad in [
            "https://127.0.0.1:8080/callback",
            "http://localhost:8080/callback",
            "http://127.0.0.2:8080/callback",
            "http://evil.example/callback",
            "http://127.0.0.1:8080/other",
            "http://127.0.0.1:8080/callback?x=1",
            "http://127.0.0.1:8080/callback#f",
            "http://user@127.0.0.1:8080/callback",
            "not a url",
        ] {
            assert!(registered_redirect(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        let mut headers = HeaderMap::new();
        let encoded = STANDARD.encode("my%20client:s%3Acret");
        let value = HeaderValue::from_str(&format!("Basic {encoded}")).expect("header");
        headers.insert(AUTHORIZATION, value);
        assert_eq!(
            basic_credentials(&headers),
            Some(("my client".to_owned(), "s:cret".to_owned()))
        );
    }
}
