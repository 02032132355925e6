//! What the verification, fault-matrix and HTTP-client tests share: a fast HTTP client, Sandbox
//! endpoints in core's format, credentials from the Sandbox's scenario table, a tiny raw HTTP
//! server for the faults the Sandbox cannot produce, and canary checks.
#![allow(
    dead_code,
    reason = "each test binary includes this module and uses a different part of it"
)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hrlink_core::credentials::{self, HrworksKeyPair, IrisLogin};
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::messages::{self, Language};
use hrlink_core::verify::{Credentials, VerificationReport, VerifyProgress, VerifyStep};
use hrlink_core::{Endpoints, Problem, ProviderId};
use hrlink_sandbox::scenarios::{KeyPair, Login};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The canary secret: used as password, secret key and token in fixtures; must never surface.
pub const CANARY: &str = "CANARY-7f3a9c-do-not-print";

/// Short backoff, so that the fault tests stay fast. The retry wait cap (2 s) is above the
/// Sandbox's `Retry-After: 1` and far below the "come back tomorrow" cases. Timeouts stay
/// tolerant: this machine is shared with builds, and a slow answer is not what these test.
pub fn fast_config() -> HttpConfig {
    HttpConfig {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(10),
        total_timeout: Duration::from_secs(10),
        max_body_bytes: 1024 * 1024,
        max_attempts: 3,
        max_retry_wait: Duration::from_secs(2),
        base_backoff: Duration::from_millis(10),
    }
}

/// [`fast_config`] with timeouts short enough to test them.
pub fn impatient_config() -> HttpConfig {
    HttpConfig {
        connect_timeout: Duration::from_millis(300),
        read_timeout: Duration::from_millis(200),
        total_timeout: Duration::from_millis(300),
        ..fast_config()
    }
}

pub fn client(config: HttpConfig) -> HttpClient {
    HttpClient::new(config).expect("the HTTP client builds")
}

pub fn fast_http() -> HttpClient {
    client(fast_config())
}

pub async fn sandbox() -> Sandbox {
    sandbox_with(SandboxConfig::default()).await
}

pub async fn sandbox_with(config: SandboxConfig) -> Sandbox {
    Sandbox::start(config).await.expect("the Sandbox starts")
}

/// The Sandbox's endpoints, read the way the app reads an endpoints file.
pub fn endpoints(sandbox: &Sandbox) -> Endpoints {
    let json = serde_json::to_string(sandbox.endpoints()).expect("endpoints serialise");
    Endpoints::from_json(&json).expect("core reads the Sandbox's endpoints")
}

/// Endpoints with HRworks and IRIS at `api` (an origin plus prefix), the others unused.
pub fn endpoints_at(hrworks: &str, iris: &str) -> Endpoints {
    let unused = "http://127.0.0.1:9";
    let json = serde_json::json!({
        "hrworks": {"api": hrworks},
        "employmenthero": {"api": unused, "auth": unused},
        "ipayroll": {"api": unused, "auth": unused},
        "iris": {"api": iris},
    });
    Endpoints::from_json(&json.to_string()).expect("valid endpoints")
}

/// HRworks credentials as the admin hands them over: the downloaded key file, parsed.
pub fn hrworks(pair: KeyPair) -> Credentials {
    hrworks_keys(pair.access_key, pair.secret_access_key)
}

pub fn hrworks_keys(access_key: &str, secret: &str) -> Credentials {
    let file = format!("Access Key: {access_key}\r\nSecret Access Key: {secret}\r\n");
    match credentials::parse_key_file(file.as_bytes()) {
        Ok(keys) => Credentials::key_pair(ProviderId::Hrworks, keys),
        // A canary is not shaped like a key: build the pair directly.
        Err(_) => Credentials::key_pair(
            ProviderId::Hrworks,
            HrworksKeyPair {
                access_key: access_key.to_owned(),
                secret_access_key: SecretString::from(secret.to_owned()),
            },
        ),
    }
}

/// IRIS credentials as pasted: the two labelled lines IRIS's "Copy Password" leads to.
pub fn iris(login: Login) -> Credentials {
    iris_login(login.username, login.password)
}

pub fn iris_login(username: &str, password: &str) -> Credentials {
    let text = format!("Username: {username}\nPassword: {password}\n");
    let login: IrisLogin = credentials::parse_iris_credentials(&text).expect("IRIS text parses");
    Credentials::login(ProviderId::Iris, login)
}

/// Records every progress event.
#[derive(Default)]
pub struct Progress(Mutex<Vec<VerifyProgress>>);

impl Progress {
    pub fn events(&self) -> Vec<VerifyProgress> {
        self.0.lock().unwrap().clone()
    }

    pub fn sink(&self) -> impl Fn(VerifyProgress) + Sync + '_ {
        |event| self.0.lock().unwrap().push(event)
    }

    /// Asserts that every step started once and finished once, after it started; returns the
    /// finished steps with their outcome.
    pub fn balanced(&self) -> Vec<(VerifyStep, bool)> {
        let events = self.events();
        let mut open: Vec<VerifyStep> = Vec::new();
        let mut finished = Vec::new();
        for event in events {
            match event {
                VerifyProgress::Started { step } => {
                    assert!(!open.contains(&step), "{step:?} started twice");
                    open.push(step);
                }
                VerifyProgress::Finished { step, ok } => {
                    let position = open.iter().position(|s| *s == step);
                    assert!(position.is_some(), "{step:?} finished before it started");
                    open.retain(|s| *s != step);
                    finished.push((step, ok));
                }
            }
        }
        assert!(open.is_empty(), "steps never finished: {open:?}");
        finished
    }
}

/// The codes of a report's problems, in order.
pub fn codes(report: &VerificationReport) -> Vec<&'static str> {
    report.problems.iter().map(Problem::code).collect()
}

/// Asserts that `needle` appears nowhere a user, a log reader or a support bundle could see
/// it: the report (Debug and JSON), each problem (Debug, Display, JSON) and each rendered
/// message in every language.
pub fn assert_nowhere(report: &VerificationReport, needle: &str) {
    if let Some(surface) = leak(report, needle) {
        panic!("secret leaked into: {surface}");
    }
}

/// The first surface of [`assert_nowhere`] that shows `needle`, if any (for table-driven tests
/// that collect mismatches instead of panicking).
pub fn leak(report: &VerificationReport, needle: &str) -> Option<String> {
    let mut surfaces = vec![
        format!("{report:?}"),
        serde_json::to_string(report).expect("report serialises"),
    ];
    for problem in &report.problems {
        surfaces.push(format!("{problem:?}"));
        surfaces.push(problem.to_string());
        surfaces.push(serde_json::to_string(problem).expect("problem serialises"));
        for language in [Language::En, Language::De] {
            let rendered = messages::render(problem, language);
            surfaces.push(rendered.message);
            surfaces.push(rendered.next_step);
        }
    }
    surfaces
        .into_iter()
        .find(|surface| surface.contains(needle))
}

// --- A raw HTTP/1.1 server for what the Sandbox does not do. ---

/// One request as the raw server read it.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the request was read.
    pub at: Instant,
}

impl RawRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }
}

/// What the raw server does with one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Write these bytes, then close.
    Bytes(Vec<u8>),
    /// Write these bytes, then keep the connection open and silent (a stalled body).
    Stall(Vec<u8>),
    /// Say nothing and keep the connection open (a hung server).
    Silent,
    /// Close without answering.
    Close,
}

type Handler = dyn Fn(&RawRequest, usize) -> Reply + Send + Sync;

/// A loopback server that answers each request with what `handler` says. The handler gets the
/// request and its 0-based position.
pub struct RawServer {
    pub addr: SocketAddr,
    /// Every request read, in order.
    pub requests: Arc<Mutex<Vec<RawRequest>>>,
    /// Every connection accepted (a TLS client counts, though it sends no request).
    pub connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    pub async fn start(
        handler: impl Fn(&RawRequest, usize) -> Reply + Send + Sync + 'static,
    ) -> RawServer {
        RawServer::start_on(IpAddr::V4(Ipv4Addr::LOCALHOST), handler).await
    }

    /// Binds `ip` (another loopback address such as 127.0.0.2 plays "another host").
    pub async fn start_on(
        ip: IpAddr,
        handler: impl Fn(&RawRequest, usize) -> Reply + Send + Sync + 'static,
    ) -> RawServer {
        let listener = TcpListener::bind(SocketAddr::new(ip, 0))
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let handler: Arc<Handler> = Arc::new(handler);
        let task = {
            let requests = requests.clone();
            let connections = connections.clone();
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    connections.fetch_add(1, Ordering::SeqCst);
                    let requests = requests.clone();
                    let handler = handler.clone();
                    tokio::spawn(serve_one(stream, requests, handler));
                }
            })
        };
        RawServer {
            addr,
            requests,
            connections,
            task,
        }
    }

    /// A server that greets every connection with plain HTTP before the client speaks: to a
    /// TLS client this is a broken handshake.
    pub async fn not_tls() -> RawServer {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let connections = Arc::new(AtomicUsize::new(0));
        let task = {
            let connections = connections.clone();
            tokio::spawn(async move {
                while let Ok((mut stream, _)) = listener.accept().await {
                    connections.fetch_add(1, Ordering::SeqCst);
                    tokio::spawn(async move {
                        let reply = response(200, &[("content-type", "text/plain")], b"plain");
                        let _ = stream.write_all(&reply).await;
                        let mut sink = [0u8; 1024];
                        let _ = stream.read(&mut sink).await;
                    });
                }
            })
        };
        RawServer {
            addr,
            requests: Arc::new(Mutex::new(Vec::new())),
            connections,
            task,
        }
    }

    pub fn url(&self, path: &str) -> url::Url {
        url::Url::parse(&format!("http://{}{path}", self.addr)).expect("valid url")
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<RawRequest> {
        self.requests.lock().unwrap().clone()
    }

    pub fn request_count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve_one(
    mut stream: TcpStream,
    requests: Arc<Mutex<Vec<RawRequest>>>,
    handler: Arc<Handler>,
) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    let position = {
        let mut requests = requests.lock().unwrap();
        requests.push(request.clone());
        requests.len() - 1
    };
    match handler(&request, position) {
        Reply::Bytes(bytes) => {
            // The client may hang up early (size cap): a failed write is expected then.
            let _ = stream.write_all(&bytes).await;
            let _ = stream.shutdown().await;
        }
        Reply::Stall(bytes) => {
            let _ = stream.write_all(&bytes).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
        Reply::Silent => tokio::time::sleep(Duration::from_secs(30)).await,
        Reply::Close => {}
    }
}

/// Reads one HTTP/1.1 request (headers, then a `Content-Length` body).
async fn read_request(stream: &mut TcpStream) -> Option<RawRequest> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let header_end = loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break end;
        }
        if buffer.len() > 64 * 1024 {
            return None;
        }
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8_lossy(&buffer[..header_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[header_end + 4..].to_vec();
    while body.len() < length {
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..read]);
    }
    Some(RawRequest {
        method,
        target,
        headers,
        body,
        at: Instant::now(),
    })
}

/// A complete response with `Content-Length`, closing the connection afterwards.
pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    ));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A JSON response.
pub fn json_response(status: u16, body: &serde_json::Value) -> Reply {
    Reply::Bytes(response(
        status,
        &[("content-type", "application/json")],
        body.to_string().as_bytes(),
    ))
}

/// A chunked response (no `Content-Length`), in chunks of `chunk` bytes.
pub fn chunked_response(status: u16, body: &[u8], chunk: usize) -> Vec<u8> {
    let mut bytes = format!(
        "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n",
        reason(status)
    )
    .into_bytes();
    for part in body.chunks(chunk.max(1)) {
        bytes.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        bytes.extend_from_slice(part);
        bytes.extend_from_slice(b"\r\n");
    }
    bytes.extend_from_slice(b"0\r\n\r\n");
    bytes
}

fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Status")
}

/// A loopback port with nothing listening on it.
pub async fn closed_port() -> u16 {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .expect("bind");
    let port = listener.local_addr().expect("address").port();
    drop(listener);
    port
}

// --- Log capture: every tracing event and span field, at every level, as text. ---

/// Captured log text of the whole test binary.
pub struct Logs {
    text: Arc<Mutex<String>>,
}

impl Logs {
    pub fn text(&self) -> String {
        self.text.lock().unwrap().clone()
    }
}

/// Captures every tracing event of this test binary, from now on, at every level.
///
/// Installed as the global subscriber, once: a thread-local one (`set_default`) races with
/// other tests registering the same callsites and can miss events. Other tests' events are
/// captured too, which a "no secret in the logs" check welcomes. `log`-crate records of
/// dependencies are not captured.
pub fn capture_logs() -> Logs {
    static TEXT: std::sync::OnceLock<Arc<Mutex<String>>> = std::sync::OnceLock::new();
    let text = TEXT
        .get_or_init(|| {
            let text = Arc::new(Mutex::new(String::new()));
            tracing::subscriber::set_global_default(Capture(text.clone()))
                .expect("no other global subscriber in this test binary");
            text
        })
        .clone();
    Logs { text }
}

struct Capture(Arc<Mutex<String>>);

struct Visitor<'a>(&'a mut String);

impl tracing::field::Visit for Visitor<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={value:?} ", field.name()));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut text = self.0.lock().unwrap();
        text.push_str(span.metadata().name());
        text.push(' ');
        span.record(&mut Visitor(&mut text));
        text.push('\n');
        tracing::span::Id::from_u64(1)
    }

    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        values.record(&mut Visitor(&mut self.0.lock().unwrap()));
    }

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let mut text = self.0.lock().unwrap();
        text.push_str(event.metadata().target());
        text.push(' ');
        event.record(&mut Visitor(&mut text));
        text.push('\n');
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

/// Fails unless `path` and everything under it is private (folders 0700, files 0600), naming
/// the first one that is not.
#[cfg(unix)]
pub fn assert_private(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::symlink_metadata(path).unwrap();
    let mode = meta.permissions().mode() & 0o777;
    if meta.is_dir() {
        assert_eq!(mode, 0o700, "the folder {} is {mode:o}", path.display());
        for entry in std::fs::read_dir(path).unwrap() {
            assert_private(&entry.unwrap().path());
        }
    } else {
        assert_eq!(mode, 0o600, "the file {} is {mode:o}", path.display());
    }
}

/// Every file under `dir`, in its subfolders too (for canary scans).
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}
