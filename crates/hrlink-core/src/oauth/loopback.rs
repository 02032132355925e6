//! The loopback receiver: where the browser returns after the provider's consent page.
//!
//! Binds `127.0.0.1` only (RFC 8252 §8.3), never `0.0.0.0` or `localhost`. On Unix the listener
//! has `SO_REUSEADDR` (tokio's default there), which still refuses a second listener on a port in
//! use; on Windows it is not set (MSAL's lesson: there it would let two servers share a port).
//! Each connection is served by its own task, so a browser's idle pre-connection cannot block the
//! real callback. The request head is read with a size cap and a short deadline (a browser sends
//! it at once); when every place is taken, the oldest connection still sending its head is closed
//! to make room, so slow or idle sockets cannot lock the browser out. Only `GET` on the
//! redirect path with the expected `Host` counts as a callback, anything else is a 404 that does
//! not consume the one-shot. The first callback with the right `state` ends the wait: the
//! listener closes before its page is even written, so a replay finds nothing listening.

use std::collections::VecDeque;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use secrecy::SecretString;
use secrecy::zeroize::Zeroizing;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot};
use tokio::task::{AbortHandle, JoinSet};
use tokio::time::Instant;

use crate::html::escape;
use url::Url;

use super::SignInCancel;
use super::token::oauth_error_problem;
use crate::messages::Language;
use crate::{Problem, ProviderId};

/// Longest a connection may take to send its request head (a browser sends it at once).
const HEAD_DEADLINE: Duration = Duration::from_secs(2);
/// Largest request head read (a browser's GET with cookies is far smaller).
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Connections served at once; beyond that, the oldest still sending its head makes room.
const MAX_CONNECTIONS: usize = 32;
/// How long the final page may take to reach the browser before the receiver returns.
const WRITE_GRACE: Duration = Duration::from_secs(2);
/// Pause after a failed accept.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);
/// Longest provider error text shown on the page.
const MAX_DESCRIPTION_CHARS: usize = 300;

/// What a callback must carry, and how to word the pages.
pub(crate) struct Expected<'a> {
    pub state: &'a str,
    pub provider: ProviderId,
    pub language: Language,
}

/// A bound loopback listener and the redirect URI that reaches it.
pub(crate) struct LoopbackReceiver {
    listener: TcpListener,
    redirect_uri: Url,
    /// `127.0.0.1:<port>`, the `Host` a browser sends.
    authority: String,
}

impl LoopbackReceiver {
    /// Binds `127.0.0.1:port` (0 = a free port) for the redirect `path`.
    pub(crate) async fn bind(port: u16, path: &str) -> Result<LoopbackReceiver, Problem> {
        let invalid_path = || Problem::ConfigurationInvalid {
            what: "redirect path".to_owned(),
        };
        let plain_path = path.starts_with('/')
            && path
                .bytes()
                .all(|b| b.is_ascii_graphic() && !matches!(b, b'?' | b'#' | b'%' | b'\\'));
        if !plain_path {
            return Err(invalid_path());
        }
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .await
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::AddrInUse => Problem::RedirectPortInUse { port },
                _ => Problem::ConfigurationInvalid {
                    what: format!("redirect port {port}"),
                },
            })?;
        let bound = listener
            .local_addr()
            .map_err(|_| Problem::ConfigurationInvalid {
                what: format!("redirect port {port}"),
            })?
            .port();
        let authority = format!("127.0.0.1:{bound}");
        let redirect_uri =
            Url::parse(&format!("http://{authority}{path}")).map_err(|_| invalid_path())?;
        if redirect_uri.path() != path {
            // `/a/../b` and the like would be rewritten: the path must be taken as written.
            return Err(invalid_path());
        }
        Ok(LoopbackReceiver {
            listener,
            redirect_uri,
            authority,
        })
    }

    /// The redirect URI to register and to send: `http://127.0.0.1:<port><path>`.
    pub(crate) fn redirect_uri(&self) -> &Url {
        &self.redirect_uri
    }

    /// The port actually bound.
    pub(crate) fn port(&self) -> u16 {
        self.redirect_uri.port().unwrap_or_default()
    }

    /// Waits for the one valid callback and returns its code, or the problem that ended the
    /// wait. Consumes the receiver: when this returns, the port is closed.
    pub(crate) async fn receive(
        self,
        expected: &Expected<'_>,
        timeout: Duration,
        cancel: &SignInCancel,
    ) -> Result<SecretString, Problem> {
        let LoopbackReceiver {
            listener,
            redirect_uri,
            authority,
        } = self;
        let route = Route {
            path: redirect_uri.path().to_owned(),
            authority,
        };
        let pages = Pages {
            provider: expected.provider.display_name(),
            language: expected.language,
        };
        let provider_problem =
            |make: fn(String) -> Problem| Problem::for_provider(expected.provider, make);
        let deadline = Instant::now() + timeout;
        let (callbacks, mut incoming) = mpsc::channel::<Callback>(8);
        let mut connections = Connections::default();
        let mut unverified_seen = false;
        loop {
            tokio::select! {
                () = cancel.cancelled() => {
                    return Err(provider_problem(|provider| Problem::SignInCancelled { provider }));
                }
                () = tokio::time::sleep_until(deadline) => {
                    return Err(if unverified_seen {
                        provider_problem(|provider| Problem::SignInStateMismatch { provider })
                    } else {
                        provider_problem(|provider| Problem::SignInTimedOut { provider })
                    });
                }
                Some(callback) = incoming.recv() => {
                    let (page, outcome) = judge(&callback.query, expected);
                    let Some(outcome) = outcome else {
                        tracing::debug!("sign-in callback without this sign-in's state ignored");
                        unverified_seen = true;
                        let _ = callback.reply.send(pages.render(&page));
                        continue;
                    };
                    // One-shot: close the port before anything else happens.
                    drop(listener);
                    let _ = callback.reply.send(pages.render(&page));
                    let _ = tokio::time::timeout(WRITE_GRACE, callback.written).await;
                    return outcome;
                }
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => connections.admit(stream, &route, &callbacks, pages),
                    // Out of file descriptors and the like: do not spin.
                    Err(_) => tokio::time::sleep(ACCEPT_BACKOFF).await,
                },
            }
        }
    }
}

/// The connections being served, oldest first. Dropped with the receiver, which closes them all.
#[derive(Default)]
struct Connections {
    tasks: JoinSet<()>,
    order: VecDeque<Served>,
}

/// One connection's task, and whether its request head has arrived.
struct Served {
    task: AbortHandle,
    head_read: Arc<AtomicBool>,
}

impl Connections {
    /// Serves `stream`. When every place is taken, the oldest connection still sending its head
    /// is closed to make room; when all of them are answering a callback (they finish within
    /// moments), `stream` is closed unanswered instead.
    fn admit(
        &mut self,
        stream: TcpStream,
        route: &Route,
        callbacks: &mpsc::Sender<Callback>,
        pages: Pages,
    ) {
        while self.tasks.try_join_next().is_some() {}
        self.order.retain(|served| !served.task.is_finished());
        if self.order.len() >= MAX_CONNECTIONS {
            let slowest = self
                .order
                .iter()
                .position(|served| !served.head_read.load(Ordering::Acquire));
            match slowest.and_then(|at| self.order.remove(at)) {
                Some(evicted) => evicted.task.abort(),
                None => return,
            }
        }
        let head_read = Arc::new(AtomicBool::new(false));
        let task = self.tasks.spawn(serve(
            stream,
            route.clone(),
            callbacks.clone(),
            pages,
            Arc::clone(&head_read),
        ));
        self.order.push_back(Served { task, head_read });
    }
}

/// A callback handed from a connection's task to the receiver, which decides the page.
struct Callback {
    query: Zeroizing<String>,
    reply: oneshot::Sender<Response>,
    written: oneshot::Receiver<()>,
}

#[derive(Clone)]
struct Route {
    path: String,
    authority: String,
}

/// Serves one connection: a 404, or a callback answered with the receiver's page. Marks
/// `head_read` once the request head is in (from then on it is not closed to make room).
async fn serve(
    mut stream: TcpStream,
    route: Route,
    callbacks: mpsc::Sender<Callback>,
    pages: Pages,
    head_read: Arc<AtomicBool>,
) {
    let Ok(Some(head)) = tokio::time::timeout(HEAD_DEADLINE, read_head(&mut stream)).await else {
        return;
    };
    head_read.store(true, Ordering::Release);
    let Some(query) = callback_query(&head, &route) else {
        let _ = write(&mut stream, &pages.render(&Page::NotFound)).await;
        return;
    };
    drop(head);
    let (reply, answer) = oneshot::channel();
    let (written, written_rx) = oneshot::channel();
    let callback = Callback {
        query,
        reply,
        written: written_rx,
    };
    let response = match callbacks.send(callback).await {
        Ok(()) => answer.await.ok(),
        Err(_) => None,
    };
    // No answer: the receiver already finished with another callback.
    let response = response.unwrap_or_else(|| pages.render(&Page::AlreadyHandled));
    let _ = write(&mut stream, &response).await;
    let _ = written.send(());
}

/// Reads up to the blank line that ends the request head. The head holds the code, so it is
/// zeroised on drop; its buffer is sized up front so that it never reallocates.
async fn read_head(stream: &mut TcpStream) -> Option<Zeroizing<Vec<u8>>> {
    let mut head = Zeroizing::new(Vec::with_capacity(MAX_HEAD_BYTES + 1024));
    let mut chunk = Zeroizing::new([0u8; 1024]);
    loop {
        let read = stream.read(&mut chunk[..]).await.ok()?;
        if read == 0 {
            return None;
        }
        head.extend_from_slice(chunk.get(..read)?);
        if head.windows(4).any(|window| window == b"\r\n\r\n") {
            return Some(head);
        }
        if head.len() > MAX_HEAD_BYTES {
            return None;
        }
    }
}

/// The query of a `GET <redirect path>?<query>` with the expected `Host`, else `None`.
fn callback_query(head: &[u8], route: &Route) -> Option<Zeroizing<String>> {
    let mut lines = head
        .split(|b| *b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let request_line = std::str::from_utf8(lines.next()?).ok()?;
    let mut parts = request_line.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if method != "GET" || !version.starts_with("HTTP/1.") || parts.next().is_some() {
        return None;
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != route.path {
        return None;
    }
    // A page elsewhere (DNS rebinding) reaches us under another Host: not our browser tab.
    let mut hosts = lines
        .take_while(|line| !line.is_empty())
        .filter_map(|line| {
            let colon = line.iter().position(|b| *b == b':')?;
            let (name, value) = line.split_at(colon);
            let value = value.get(1..).unwrap_or_default().trim_ascii();
            name.trim_ascii()
                .eq_ignore_ascii_case(b"host")
                .then_some(value)
        });
    let host = hosts.next()?;
    if hosts.next().is_some() || !host.eq_ignore_ascii_case(route.authority.as_bytes()) {
        return None;
    }
    Some(Zeroizing::new(query.to_owned()))
}

/// Decides what a callback means: the page to show, and `None` to keep waiting (not this
/// sign-in's state) or the sign-in's outcome.
fn judge(query: &str, expected: &Expected<'_>) -> (Page, Option<Result<SecretString, Problem>>) {
    let mut states = 0;
    let mut state_matches = false;
    let mut codes = Vec::new();
    let mut error: Option<String> = None;
    let mut description: Option<String> = None;
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match &*key {
            "state" => {
                states += 1;
                state_matches = same_secret(&value, expected.state);
            }
            "code" => codes.push(SecretString::from(value.into_owned())),
            "error" => {
                error.get_or_insert_with(|| value.into_owned());
            }
            "error_description" => {
                description.get_or_insert_with(|| value.into_owned());
            }
            _ => {}
        }
    }
    // Exactly one state, and ours: anything else may be forged or stale, so it is ignored.
    if states != 1 || !state_matches {
        return (Page::Unverified, None);
    }
    if let Some(error) = error {
        let problem = oauth_error_problem(expected.provider, &error);
        let page = match problem {
            Problem::SignInDenied { .. } => Page::Denied,
            _ => Page::ProviderError(description),
        };
        return (page, Some(Err(problem)));
    }
    let mut codes = codes.into_iter();
    match (codes.next(), codes.next()) {
        (Some(code), None) => (Page::SignedIn, Some(Ok(code))),
        _ => (
            Page::ProviderError(None),
            Some(Err(Problem::for_provider(expected.provider, |provider| {
                Problem::ProviderUnexpectedResponse { provider }
            }))),
        ),
    }
}

/// Constant-time in what matters: equal-length SHA-256 digests are compared, so the time taken
/// says nothing about how much of the state an attacker guessed right.
fn same_secret(received: &str, expected: &str) -> bool {
    Sha256::digest(received.as_bytes()) == Sha256::digest(expected.as_bytes())
}

// ------------------------------------------------------------------------------------------
// Pages

/// What the browser tab shows.
enum Page {
    SignedIn,
    Denied,
    /// The provider's `error_description`, shown escaped.
    ProviderError(Option<String>),
    Unverified,
    AlreadyHandled,
    NotFound,
}

/// A complete HTTP response.
struct Response {
    status: &'static str,
    body: String,
}

#[derive(Clone, Copy)]
struct Pages {
    provider: &'static str,
    language: Language,
}

/// Page texts: title, heading, paragraph. `{provider}` is filled in.
struct Texts {
    title: &'static str,
    heading: &'static str,
    text: &'static str,
}

impl Pages {
    fn texts(&self, page: &Page) -> Texts {
        let t = |title, heading, text| Texts {
            title,
            heading,
            text,
        };
        match (self.language, page) {
            (Language::En, Page::SignedIn) => t(
                "Signed in",
                "You're signed in to {provider}",
                "You can close this tab and return to HR Link.",
            ),
            (Language::En, Page::Denied) => t(
                "Access declined",
                "You declined access",
                "HR Link was not given access to {provider}. You can close this tab and return to HR Link.",
            ),
            (Language::En, Page::ProviderError(_)) => t(
                "Sign-in problem",
                "{provider} reported a problem",
                "You can close this tab and return to HR Link, which says what to do next.",
            ),
            (Language::En, Page::Unverified) => t(
                "Sign-in not verified",
                "This sign-in could not be verified",
                "It does not belong to the sign-in HR Link is waiting for. Return to HR Link and start signing in from there.",
            ),
            (Language::En, Page::AlreadyHandled) => t(
                "Already signed in",
                "This sign-in is already complete",
                "You can close this tab and return to HR Link.",
            ),
            (Language::En, Page::NotFound) => t(
                "Not found",
                "Not found",
                "This address only receives HR Link's sign-in.",
            ),
            (Language::De, Page::SignedIn) => t(
                "Angemeldet",
                "Sie sind bei {provider} angemeldet",
                "Sie können diesen Tab schließen und zu HR Link zurückkehren.",
            ),
            (Language::De, Page::Denied) => t(
                "Zugriff abgelehnt",
                "Sie haben den Zugriff abgelehnt",
                "HR Link hat keinen Zugriff auf {provider} erhalten. Sie können diesen Tab schließen und zu HR Link zurückkehren.",
            ),
            (Language::De, Page::ProviderError(_)) => t(
                "Problem bei der Anmeldung",
                "{provider} hat ein Problem gemeldet",
                "Sie können diesen Tab schließen und zu HR Link zurückkehren; dort steht, wie es weitergeht.",
            ),
            (Language::De, Page::Unverified) => t(
                "Anmeldung nicht bestätigt",
                "Diese Anmeldung konnte nicht bestätigt werden",
                "Sie gehört nicht zu der Anmeldung, auf die HR Link wartet. Kehren Sie zu HR Link zurück und starten Sie die Anmeldung dort.",
            ),
            (Language::De, Page::AlreadyHandled) => t(
                "Bereits angemeldet",
                "Diese Anmeldung ist bereits abgeschlossen",
                "Sie können diesen Tab schließen und zu HR Link zurückkehren.",
            ),
            (Language::De, Page::NotFound) => t(
                "Nicht gefunden",
                "Nicht gefunden",
                "Diese Adresse empfängt nur die Anmeldung von HR Link.",
            ),
        }
    }

    fn render(&self, page: &Page) -> Response {
        let texts = self.texts(page);
        let fill = |text: &str| escape(&text.replace("{provider}", self.provider));
        let detail = match page {
            Page::ProviderError(Some(description)) if !description.trim().is_empty() => {
                let shown: String = description.chars().take(MAX_DESCRIPTION_CHARS).collect();
                format!("<p class=\"detail\">{}</p>\n", escape(&shown))
            }
            _ => String::new(),
        };
        let accent = match page {
            Page::SignedIn | Page::AlreadyHandled => "#00703c",
            Page::NotFound => "#505a5f",
            Page::Denied | Page::ProviderError(_) | Page::Unverified => "#d4351c",
        };
        let lang = match self.language {
            Language::En => "en",
            Language::De => "de",
        };
        let body = format!(
            r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – HR Link</title>
<style>
body {{ font: 18px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #0b0c0c; background: #f3f2f1; }}
main {{ max-width: 34rem; margin: 12vh auto; background: #fff; padding: 28px 32px; border-top: 6px solid {accent}; }}
h1 {{ font-size: 1.6rem; line-height: 1.25; margin: 0 0 16px; }}
p {{ margin: 0 0 12px; }}
.detail {{ color: #505a5f; font-size: 16px; overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>{heading}</h1>
{detail}<p>{text}</p>
</main>
</body>
</html>
"#,
            title = fill(texts.title),
            heading = fill(texts.heading),
            text = fill(texts.text),
        );
        let status = match page {
            Page::NotFound => "404 Not Found",
            _ => "200 OK",
        };
        Response { status, body }
    }
}

async fn write(stream: &mut TcpStream, response: &Response) -> std::io::Result<()> {
    // No external resources at all; the callback URL (with its code) is never sent as a referrer.
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {length}\r\n\
         Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n\
         Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'\r\nConnection: close\r\n\r\n",
        status = response.status,
        length = response.body.len(),
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(response.body.as_bytes()).await?;
    stream.flush().await?;
    stream.shutdown().await
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    fn route() -> Route {
        Route {
            path: "/callback".into(),
            authority: "127.0.0.1:5000".into(),
        }
    }

    fn query(head: &str) -> Option<String> {
        callback_query(head.as_bytes(), &route()).map(|q| q.to_string())
    }

    #[test]
    fn only_get_on_the_path_with_our_host_is_a_callback() {
        assert_eq!(
            query("GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n"),
            Some("code=c&state=s".into())
        );
        assert_eq!(
            query("GET /callback HTTP/1.1\r\nhost:127.0.0.1:5000\r\n\r\n"),
            Some(String::new())
        );
        for other in [
            "GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n",
            "POST /callback?code=c HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n",
            "GET /callback/x?code=c HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n",
            "GET /callback?code=c HTTP/1.1\r\nHost: evil.example:5000\r\n\r\n",
            "GET /callback?code=c HTTP/1.1\r\n\r\n",
            "GET /callback?code=c HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nHost: 127.0.0.1:5000\r\n\r\n",
            "garbage\r\n\r\n",
        ] {
            assert_eq!(query(other), None, "{other:?}");
        }
    }

    fn expected() -> Expected<'static> {
        Expected {
            state: "the-state",
            provider: ProviderId::Ipayroll,
            language: Language::En,
        }
    }

    #[test]
    fn state_must_be_there_once_and_match() {
        for query in [
            "code=c",
            "code=c&state=wrong",
            "code=c&state=the-state&state=the-state",
            "code=c&state=the-state&state=x",
            "error=access_denied&state=x",
        ] {
            let (_, outcome) = judge(query, &expected());
            assert!(outcome.is_none(), "{query}");
        }
        let (_, outcome) = judge("code=c%2Fd&state=the-state", &expected());
        let code = outcome.unwrap().unwrap();
        assert_eq!(code.expose_secret(), "c/d");
    }

    #[test]
    fn errors_and_odd_callbacks_end_the_sign_in() {
        let (_, outcome) = judge("error=access_denied&state=the-state", &expected());
        assert!(matches!(outcome, Some(Err(Problem::SignInDenied { .. }))));
        let (_, outcome) = judge("state=the-state", &expected());
        assert!(matches!(
            outcome,
            Some(Err(Problem::ProviderUnexpectedResponse { .. }))
        ));
        let (_, outcome) = judge("code=a&code=b&state=the-state", &expected());
        assert!(matches!(
            outcome,
            Some(Err(Problem::ProviderUnexpectedResponse { .. }))
        ));
    }

    #[test]
    fn provider_text_is_escaped_and_capped() {
        let pages = Pages {
            provider: "iPayroll",
            language: Language::De,
        };
        let long = format!("<script>alert(1)</script>{}", "x".repeat(1000));
        let response = pages.render(&Page::ProviderError(Some(long)));
        assert!(!response.body.contains("<script>"));
        assert!(
            response
                .body
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        );
        assert!(response.body.contains("iPayroll hat ein Problem gemeldet"));
        assert!(!response.body.contains(&"x".repeat(MAX_DESCRIPTION_CHARS)));
    }
}
