//! What the sign-in tests share: the Sandbox in core's terms, HR Link's registered clients from
//! the Sandbox's scenario table, and scripted browsers that drive the consent page over HTTP the
//! way a person (or a `BROWSER` script) would.
#![allow(
    dead_code,
    reason = "each test binary includes this module and uses a different part of it"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed setup must stop the test at once"
)]

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hrlink_core::endpoints::ProviderEndpoints;
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::oauth::{BrowserOpener, OAuthClient, SignInOptions};
use hrlink_core::verify::VerifyProgress;
use hrlink_core::{Endpoints, Problem, ProviderId};
use hrlink_sandbox::scenarios::{Login, OAuthClient as SandboxClient, REDIRECT_PATH};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use reqwest::header::LOCATION;
use secrecy::SecretString;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use url::Url;

/// A canary client secret: must never surface in Debug output, problems or reports.
pub const CANARY_SECRET: &str = "CANARY-client-secret-5e1d0b";

/// Long enough for a loaded 2-core machine, short enough that a broken test ends.
pub const PATIENT: Duration = Duration::from_secs(20);

pub async fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig {
        people: 40,
        ..SandboxConfig::default()
    })
    .await
    .expect("the Sandbox starts")
}

/// The Sandbox's addresses in core's endpoints format.
pub fn endpoints(sandbox: &Sandbox) -> Endpoints {
    let json = serde_json::to_string(sandbox.endpoints()).expect("endpoints serialise");
    Endpoints::from_json(&json).expect("core reads the Sandbox's endpoints")
}

pub fn provider_endpoints(sandbox: &Sandbox, provider: ProviderId) -> ProviderEndpoints {
    endpoints(sandbox)
        .require(provider)
        .expect("the Sandbox serves this provider")
        .clone()
}

pub fn http() -> HttpClient {
    HttpClient::new(HttpConfig {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(10),
        total_timeout: Duration::from_secs(10),
        max_attempts: 1,
        ..HttpConfig::default()
    })
    .expect("the HTTP client builds")
}

/// HR Link's client as registered in the Sandbox, any free redirect port.
pub fn oauth_client(registered: SandboxClient) -> OAuthClient {
    OAuthClient {
        client_id: registered.id.to_owned(),
        client_secret: Some(SecretString::from(registered.secret)),
        redirect_port: 0,
        redirect_path: REDIRECT_PATH.to_owned(),
    }
}

pub fn options(opener: &dyn BrowserOpener, timeout: Duration) -> SignInOptions<'_> {
    SignInOptions {
        timeout,
        ..SignInOptions::new(opener)
    }
}

/// A browser client that follows no redirect by itself.
pub fn browser_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest builds")
}

/// What the person does on the consent page.
#[derive(Clone, Debug)]
pub struct Consent {
    pub login: Login,
    pub organisation: Option<&'static str>,
    pub allow: bool,
}

impl Consent {
    pub fn allow(login: Login) -> Consent {
        Consent {
            login,
            organisation: None,
            allow: true,
        }
    }

    pub fn deny(login: Login) -> Consent {
        Consent {
            allow: false,
            ..Consent::allow(login)
        }
    }

    pub fn choosing(mut self, organisation: &'static str) -> Consent {
        self.organisation = Some(organisation);
        self
    }
}

/// What the scripted browser saw.
#[derive(Clone, Debug)]
pub struct Visit {
    pub authorize_url: Url,
    /// Where the consent page sent the browser back to (our loopback callback).
    pub callback_url: Url,
    /// The loopback page's status and HTML.
    pub status: u16,
    pub page: String,
}

/// Opens the consent page, signs in, decides, and follows the redirect to HR Link's loopback
/// listener by hand, as a browser would.
pub async fn consent(authorize_url: Url, consent: Consent) -> Visit {
    let client = browser_client();
    let page = client
        .get(authorize_url.clone())
        .send()
        .await
        .expect("the consent page loads");
    assert_eq!(page.status(), 200, "the consent page accepts the request");
    let mut form: Vec<(String, String)> = authorize_url.query_pairs().into_owned().collect();
    form.push(("username".into(), consent.login.username.into()));
    form.push(("password".into(), consent.login.password.into()));
    if let Some(organisation) = consent.organisation {
        form.push(("organisation".into(), organisation.into()));
    }
    let decision = if consent.allow { "allow" } else { "deny" };
    form.push(("decision".into(), decision.into()));
    let mut action = authorize_url.clone();
    action.set_query(None);
    let answer = client
        .post(action)
        .form(&form)
        .send()
        .await
        .expect("the consent form posts");
    assert_eq!(answer.status(), 302, "the consent page redirects back");
    let location = answer
        .headers()
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .expect("a Location header");
    let callback_url = Url::parse(location).expect("an absolute redirect");
    let (status, page) = get(&callback_url).await.expect("the loopback page loads");
    Visit {
        authorize_url,
        callback_url,
        status,
        page,
    }
}

/// GETs a URL without following redirects: status and body.
pub async fn get(url: &Url) -> Result<(u16, String), reqwest::Error> {
    let response = browser_client().get(url.clone()).send().await?;
    let status = response.status().as_u16();
    Ok((status, response.text().await?))
}

/// A browser that consents as scripted, in the background, when opened.
pub struct ScriptedBrowser {
    consent: Consent,
    visit: Mutex<Option<JoinHandle<Visit>>>,
}

impl ScriptedBrowser {
    pub fn new(consent: Consent) -> ScriptedBrowser {
        ScriptedBrowser {
            consent,
            visit: Mutex::new(None),
        }
    }

    /// What the browser saw (after the sign-in returned).
    pub async fn visit(&self) -> Visit {
        let handle = self
            .visit
            .lock()
            .unwrap()
            .take()
            .expect("the browser was opened");
        handle.await.expect("the scripted browser did not panic")
    }
}

impl BrowserOpener for ScriptedBrowser {
    fn open(&self, url: &Url) -> Result<(), Problem> {
        let handle = tokio::spawn(consent(url.clone(), self.consent.clone()));
        *self.visit.lock().unwrap() = Some(handle);
        Ok(())
    }
}

/// A browser that only hands the authorize URL to the test, which then plays the browser (or an
/// attacker) itself.
pub struct RecordingBrowser {
    urls: mpsc::UnboundedSender<Url>,
    opened: Arc<Mutex<usize>>,
}

pub struct Recorded {
    urls: mpsc::UnboundedReceiver<Url>,
    opened: Arc<Mutex<usize>>,
}

impl Recorded {
    pub async fn next(&mut self) -> Url {
        tokio::time::timeout(PATIENT, self.urls.recv())
            .await
            .expect("the browser is opened in time")
            .expect("the browser is opened")
    }

    pub fn times_opened(&self) -> usize {
        *self.opened.lock().unwrap()
    }
}

pub fn recording_browser() -> (RecordingBrowser, Recorded) {
    let (urls, received) = mpsc::unbounded_channel();
    let opened = Arc::new(Mutex::new(0));
    (
        RecordingBrowser {
            urls,
            opened: Arc::clone(&opened),
        },
        Recorded {
            urls: received,
            opened,
        },
    )
}

impl BrowserOpener for RecordingBrowser {
    fn open(&self, url: &Url) -> Result<(), Problem> {
        *self.opened.lock().unwrap() += 1;
        let _ = self.urls.send(url.clone());
        Ok(())
    }
}

/// The authorize URL's parameters (each name once; the tests send no repeats).
pub fn params(url: &Url) -> HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

/// The redirect URI the authorize URL names, with `query` appended.
pub fn callback(authorize_url: &Url, query: &str) -> Url {
    let redirect = params(authorize_url)
        .remove("redirect_uri")
        .expect("a redirect_uri");
    Url::parse(&format!("{redirect}?{query}")).expect("a callback URL")
}

/// Whether anything listens on `127.0.0.1:port`.
pub async fn listening(port: u16) -> bool {
    tokio::net::TcpStream::connect((Ipv4Addr::LOCALHOST, port))
        .await
        .is_ok()
}

/// Collects progress events.
#[derive(Default)]
pub struct Progress(pub Mutex<Vec<VerifyProgress>>);

impl Progress {
    pub fn sink(&self) -> impl Fn(VerifyProgress) + Sync + '_ {
        |event| self.0.lock().unwrap().push(event)
    }

    pub fn events(&self) -> Vec<VerifyProgress> {
        self.0.lock().unwrap().clone()
    }
}
