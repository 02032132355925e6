//! `hrlink verify` end to end: the built binary against a Sandbox started in this process,
//! asserting exit codes, the `--json` shape, and that no secret reaches stdout or stderr, even
//! with every log enabled.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hrlink_sandbox::scenarios::{KeyPair, Login, hrworks, iris};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::{Value, json};
use tempfile::TempDir;

const CANARY: &str = "CANARY-7f3a9c-cli-do-not-print";

struct Fixture {
    sandbox: Sandbox,
    dir: TempDir,
    endpoints: PathBuf,
}

async fn fixture() -> Fixture {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let endpoints = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&endpoints).unwrap();
    Fixture {
        sandbox,
        dir,
        endpoints,
    }
}

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }

    fn assert_never_shows(&self, secret: &str) {
        assert!(!self.stdout.contains(secret), "secret on stdout: {self:?}");
        assert!(!self.stderr.contains(secret), "secret on stderr: {self:?}");
    }
}

/// Runs `hrlink` with a clean environment (no endpoints, proxies or locale from the machine) and
/// every log on, so that a secret in any log line would show.
async fn hrlink(args: Vec<String>, stdin: Option<String>) -> Run {
    hrlink_with(args, stdin, Vec::new()).await
}

/// Longer than any run takes on a loaded machine; a browser sign-in that went wrong would
/// otherwise wait for its own five-minute timeout.
const DEADLINE: Duration = Duration::from_secs(90);

/// [`hrlink`] with `env` added to the clean environment; killed (and the test failed) after
/// [`DEADLINE`].
async fn hrlink_with(
    args: Vec<String>,
    stdin: Option<String>,
    env: Vec<(&'static str, OsString)>,
) -> Run {
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hrlink"));
        command
            .args(&args)
            .env_clear()
            .env("HRLINK_LOG", "trace")
            .envs(env)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            });
        let mut child = command.spawn().expect("hrlink starts");
        if let Some(text) = stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(text.as_bytes()).unwrap();
        }
        let read_all = |mut pipe: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                String::from_utf8_lossy(&bytes).into_owned()
            })
        };
        let stdout = read_all(Box::new(child.stdout.take().unwrap()));
        let stderr = read_all(Box::new(child.stderr.take().unwrap()));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if started.elapsed() > DEADLINE {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let run = Run {
            code: status.and_then(|s| s.code()).unwrap_or(-1),
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        };
        assert!(status.is_some(), "hrlink ran past {DEADLINE:?}: {run:?}");
        assert!(run.code >= 0, "hrlink was killed by a signal: {run:?}");
        run
    })
    .await
    .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn key_file(pair: KeyPair) -> String {
    format!(
        "Access Key: {}\r\nSecret Access Key: {}\r\n",
        pair.access_key, pair.secret_access_key
    )
}

fn iris_text(login: Login) -> String {
    format!(
        "Username: {}\nPassword: {}\n",
        login.username, login.password
    )
}

impl Fixture {
    async fn verify(&self, provider: &str, credentials: &str, json: bool) -> Run {
        self.verify_with(provider, credentials, json, &[]).await
    }

    async fn verify_with(
        &self,
        provider: &str,
        credentials: &str,
        json: bool,
        extra: &[&str],
    ) -> Run {
        let file = write(self.dir.path(), &format!("{provider}.txt"), credentials);
        let mut args = vec![
            "--lang".to_owned(),
            "en".to_owned(),
            "verify".to_owned(),
            provider.to_owned(),
            "--credentials".to_owned(),
            file.display().to_string(),
            "--endpoints".to_owned(),
            self.endpoints.display().to_string(),
        ];
        if json {
            args.push("--json".to_owned());
        }
        args.extend(extra.iter().map(|arg| (*arg).to_owned()));
        hrlink(args, None).await
    }
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// `{"provider","ok","account":{"id","name"},"permissions":[{"id","required","status"}],
/// "people":{"count"},"problems":[{"code","message","next_step"}],"warnings":[same]}`, nothing
/// more.
fn assert_shape(report: &Value) {
    assert_eq!(
        keys(report),
        [
            "account",
            "ok",
            "people",
            "permissions",
            "problems",
            "provider",
            "warnings"
        ],
        "{report}"
    );
    assert!(report["provider"].is_string());
    assert!(report["ok"].is_boolean());
    if !report["account"].is_null() {
        assert_eq!(keys(&report["account"]), ["id", "name"]);
    }
    for permission in report["permissions"].as_array().unwrap() {
        assert_eq!(keys(permission), ["id", "required", "status"]);
        assert!(
            ["granted", "missing", "unknown"].contains(&permission["status"].as_str().unwrap())
        );
    }
    if !report["people"].is_null() {
        assert_eq!(keys(&report["people"]), ["count", "counted"]);
        assert!(report["people"]["count"].is_u64());
        assert!(["active", "everyone"].contains(&report["people"]["counted"].as_str().unwrap()));
    }
    let problems = report["problems"].as_array().unwrap();
    for problem in problems
        .iter()
        .chain(report["warnings"].as_array().unwrap())
    {
        assert_eq!(keys(problem), ["code", "message", "next_step"]);
        assert!(!problem["message"].as_str().unwrap().is_empty());
        assert!(!problem["next_step"].as_str().unwrap().is_empty());
    }
}

fn codes(report: &Value) -> Vec<&str> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

fn permission<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no permission {id}: {report}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hrworks_scenarios_exit_as_documented() {
    let fixture = fixture().await;
    let cases: [(&str, KeyPair, i32, &[&str]); 5] = [
        ("valid", hrworks::VALID, 0, &[]),
        (
            "no persons",
            hrworks::NO_PERSONS,
            4,
            &["permission_missing", "permission_missing"],
        ),
        ("unknown", hrworks::UNKNOWN, 3, &["credentials_rejected"]),
        (
            "server error",
            hrworks::SERVER_ERROR,
            5,
            &["provider_server_error"],
        ),
        (
            "html page",
            hrworks::HTML_PAGE,
            5,
            &["provider_unexpected_response"],
        ),
    ];
    for (name, pair, code, problems) in cases {
        let run = fixture.verify("hrworks", &key_file(pair), true).await;
        assert_eq!(run.code, code, "{name}: {run:?}");
        let report = run.json();
        assert_shape(&report);
        assert_eq!(report["provider"], "hrworks", "{name}");
        assert_eq!(report["ok"], code == 0, "{name}");
        assert_eq!(codes(&report), problems, "{name}");
        run.assert_never_shows(pair.secret_access_key);
    }

    let run = fixture
        .verify("hrworks", &key_file(hrworks::VALID), true)
        .await;
    let report = run.json();
    assert_eq!(report["account"]["name"], hrworks::COMPANY);
    assert!(report["people"]["count"].as_u64().unwrap() > 0);
    assert_eq!(permission(&report, "persons")["status"], "granted");
    assert_eq!(permission(&report, "persons")["required"], true);
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_company_name_cannot_drive_the_terminal() {
    let fixture = fixture().await;
    let terminal_controls = |text: &str| {
        text.chars()
            .filter(|&c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c))
            .collect::<String>()
    };
    let run = fixture
        .verify("hrworks", &key_file(hrworks::HOSTILE_NAME), false)
        .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(terminal_controls(&run.stdout), "", "{run:?}");
    // Standard error carries the log's own colours; none of the company's sequences.
    for sequence in ["\u{1b}]52", "\u{1b}[2J", "\u{1b}]0;", "\u{7}", "\u{202e}"] {
        assert!(!run.stderr.contains(sequence), "{sequence:?} on stderr");
    }
    assert!(
        run.stdout
            .contains("Connected to HRworks: Sandbox ]52;c;ZXZpbA==Evil[2J]0;pwned GmbH gnp.exe"),
        "{run:?}"
    );
    // JSON keeps the name exactly (serde escapes the controls).
    let json = fixture
        .verify("hrworks", &key_file(hrworks::HOSTILE_NAME), true)
        .await;
    assert_eq!(
        json.json()["account"]["name"],
        hrworks::HOSTILE_COMPANY_NAME
    );
    assert!(
        !json.stdout.contains(['\u{1b}', '\u{7}']),
        "serde escapes them"
    );

    // A check that did not pass connects nothing, whatever the token's claims name.
    let denied = fixture
        .verify("hrworks", &key_file(hrworks::NO_PERSONS), false)
        .await;
    assert_eq!(denied.code, 4, "{denied:?}");
    assert!(!denied.stdout.contains("Connected to"), "{denied:?}");
    assert!(
        denied.stdout.contains("Not connected to HRworks."),
        "{denied:?}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iris_scenarios_exit_as_documented() {
    let fixture = fixture().await;
    let cases: [(&str, Login, i32, &[&str]); 4] = [
        ("valid", iris::VALID, 0, &[]),
        ("no contract rights", iris::NO_CONTRACT_RIGHTS, 0, &[]),
        ("inactive", iris::INACTIVE, 3, &["iris_user_inactive"]),
        (
            "api disabled",
            iris::API_DISABLED,
            4,
            &["iris_api_module_disabled"],
        ),
    ];
    for (name, login, code, problems) in cases {
        let run = fixture.verify("iris", &iris_text(login), true).await;
        assert_eq!(run.code, code, "{name}: {run:?}");
        let report = run.json();
        assert_shape(&report);
        assert_eq!(report["provider"], "iris", "{name}");
        assert_eq!(codes(&report), problems, "{name}");
        run.assert_never_shows(login.password);
    }

    let report = fixture
        .verify("iris", &iris_text(iris::VALID), true)
        .await
        .json();
    assert_eq!(report["account"]["name"], iris::COMPANY);
    assert_eq!(report["people"]["count"], 250);
    let report = fixture
        .verify("iris", &iris_text(iris::NO_CONTRACT_RIGHTS), true)
        .await
        .json();
    assert_eq!(permission(&report, "contract")["status"], "missing");
    assert_eq!(permission(&report, "contract")["required"], false);

    // --permissions: a chosen right is demanded; rights beyond the choice are a warning.
    let chosen = ["--permissions", "contract"];
    let run = fixture
        .verify_with("iris", &iris_text(iris::NO_CONTRACT_RIGHTS), true, &chosen)
        .await;
    assert_eq!(run.code, 4, "{run:?}");
    assert_eq!(codes(&run.json()), ["permission_missing"]);
    let run = fixture
        .verify_with("iris", &iris_text(iris::VALID), true, &["--permissions"])
        .await;
    assert_eq!(run.code, 0, "a warning is not a failure: {run:?}");
    let report = run.json();
    assert_shape(&report);
    assert_eq!(
        report["warnings"][0]["code"],
        "permissions_beyond_selection"
    );
    assert!(
        report["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["id"] != "contract"),
        "not chosen, not checked: {report}"
    );

    // The message tells the admin where to go, in IRIS's words.
    let run = fixture
        .verify("iris", &iris_text(iris::API_DISABLED), false)
        .await;
    assert_eq!(run.code, 4);
    assert!(
        run.stdout
            .contains("System Tools > Utilities > Tools > System Configuration > Modules"),
        "{run:?}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_permission_is_followed_by_how_to_grant_it_in_the_systems_words() {
    let fixture = fixture().await;
    let run = fixture
        .verify("iris", &iris_text(iris::NO_CONTRACT_RIGHTS), false)
        .await;
    assert!(
        run.stdout.contains(
            "✗ contract (optional)\n      In IRIS HR Professional, go to System Tools > Utilities > \
             Company > API Users, select the API user and click Set Rights. Allow it to read the \
             Contract tab, click Save"
        ),
        "{run:?}"
    );
    // Granted rights need no fix.
    assert!(!run.stdout.contains("the Personal tab"), "{run:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iris_credentials_can_come_from_standard_input() {
    let fixture = fixture().await;
    let args = vec![
        "verify".to_owned(),
        "iris".to_owned(),
        "--credentials".to_owned(),
        "-".to_owned(),
        "--endpoints".to_owned(),
        fixture.endpoints.display().to_string(),
    ];
    let run = hrlink(args, Some(iris_text(iris::VALID))).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(&format!(
            "Connected to IRIS HR Professional: {}",
            iris::COMPANY
        )),
        "{run:?}"
    );
    // Said as IRIS counts: every record, not only the active people.
    assert!(
        run.stdout
            .contains("in all, former staff included, as IRIS HR Professional counts them"),
        "{run:?}"
    );
    run.assert_never_shows(iris::VALID.password);
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_exits_2() {
    let fixture = fixture().await;
    let run = fixture
        .verify("hrworks", "not a key file at all", true)
        .await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("HRworks"), "{run:?}");

    let run = fixture.verify("iris", "just one line", true).await;
    assert_eq!(run.code, 2, "{run:?}");

    // IRIS has no production address: without an endpoints file it is a configuration problem.
    let file = write(fixture.dir.path(), "iris.txt", &iris_text(iris::VALID));
    let args = vec![
        "verify".to_owned(),
        "iris".to_owned(),
        "--credentials".to_owned(),
        file.display().to_string(),
    ];
    let run = hrlink(args, None).await;
    assert_eq!(run.code, 2, "{run:?}");

    let args = vec!["verify".to_owned(), "personio".to_owned()];
    assert_eq!(hrlink(args, None).await.code, 2);
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_provider_exits_5() {
    let fixture = fixture().await;
    // A port that was free a moment ago: nothing listens there.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let nowhere = format!("http://127.0.0.1:{port}");
    let endpoints = serde_json::json!({
        "hrworks": {"api": nowhere},
        "employmenthero": {"api": nowhere, "auth": nowhere},
        "ipayroll": {"api": nowhere, "auth": nowhere},
        "iris": {"api": nowhere},
    });
    let path = write(fixture.dir.path(), "nowhere.json", &endpoints.to_string());
    let credentials = write(fixture.dir.path(), "keys.txt", &key_file(hrworks::VALID));
    let args = vec![
        "verify".to_owned(),
        "hrworks".to_owned(),
        "--credentials".to_owned(),
        credentials.display().to_string(),
        "--endpoints".to_owned(),
        path.display().to_string(),
        "--json".to_owned(),
    ];
    let run = hrlink(args, None).await;
    assert_eq!(run.code, 5, "{run:?}");
    let report = run.json();
    assert_shape(&report);
    assert_eq!(codes(&report), ["provider_unreachable"]);
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_canary_secret_never_reaches_stdout_or_stderr() {
    let fixture = fixture().await;
    let hrworks_canary = format!(
        "Access Key: {}\nSecret Access Key: {CANARY}\n",
        hrworks::VALID.access_key
    );
    let iris_canary = format!("Username: {}\nPassword: {CANARY}\n", iris::VALID.username);
    for (provider, text) in [("hrworks", &hrworks_canary), ("iris", &iris_canary)] {
        for json in [true, false] {
            let run = fixture.verify(provider, text, json).await;
            // A canary is a wrong secret (3) or, for HRworks, not even key-shaped (2).
            assert!([2, 3].contains(&run.code), "{provider}: {run:?}");
            run.assert_never_shows(CANARY);
            assert!(
                !run.stderr.is_empty() || !run.stdout.is_empty(),
                "something was said"
            );
        }
    }
    fixture.sandbox.shutdown().await;
}

// --- Browser sign-in (iPayroll, Employment Hero): `BROWSER` is a script that plays the person
// with curl, against the same in-process Sandbox. ---

fn has_curl() -> bool {
    Command::new("curl")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// What the person at the browser does on the Sandbox's consent page.
#[derive(Clone, Copy)]
struct Person {
    login: Login,
    allow: bool,
}

/// Writes a `BROWSER` command into `dir`: it GETs the consent page, POSTs the consent form (the
/// authorize request's parameters, the person's username and password, the decision), saves
/// where the Sandbox redirects to (HR Link's loopback listener, with the code and state) in
/// `callback.txt`, and GETs it. `hrlink` starts it with the authorize URL as its argument and
/// does not wait for it.
fn browser_script(dir: &Path, person: Person) -> PathBuf {
    const TEMPLATE: &str = r#"#!/bin/sh
url="$1"
base="${url%%\?*}"
query="${url#*\?}"
exec >/dev/null 2>>'@DIR@/curl.log'
curl -fsS -o /dev/null "$url" || exit 1
back=$(curl -sS -o /dev/null -w '%{redirect_url}' --data "$query" \
  --data-urlencode 'username=@USERNAME@' --data-urlencode 'password=@PASSWORD@' \
  --data 'decision=@DECISION@' "$base") || exit 1
printf '%s\n' "$back" > '@DIR@/callback.txt'
[ -n "$back" ] || exit 1
curl -sS -o '@DIR@/page.html' "$back"
"#;
    let script = TEMPLATE
        .replace("@DIR@", &dir.display().to_string())
        .replace("@USERNAME@", person.login.username)
        .replace("@PASSWORD@", person.login.password)
        .replace("@DECISION@", if person.allow { "allow" } else { "deny" });
    let path = dir.join("browser.sh");
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// One `hrlink verify ipayroll|employmenthero` run and what it must end with.
struct SignInCase {
    name: &'static str,
    provider: &'static str,
    person: Person,
    /// Extra arguments (`--client-id`, `--organisation`, ...).
    args: Vec<String>,
    json: bool,
    code: i32,
    /// The report's problem codes, for `--json` runs whose sign-in succeeded; `None` when the
    /// sign-in itself failed (then there is no report: the problem is printed on stderr).
    report: Option<&'static [&'static str]>,
    /// Secrets that must not be printed, besides the code, the state and the person's password.
    secrets: Vec<&'static str>,
}

/// What a browser sign-in run printed, and where the consent sent the browser back to.
struct SignInRun {
    run: Run,
    /// HR Link's loopback callback with the code (or the error) and the state.
    callback: Option<hrlink_core::oauth::Url>,
    curl_log: String,
}

impl Fixture {
    async fn sign_in(&self, case: &SignInCase) -> SignInRun {
        let dir = self.dir.path().join(case.name.replace(' ', "-"));
        std::fs::create_dir_all(&dir).unwrap();
        let script = browser_script(&dir, case.person);
        let mut args = vec![
            "--lang".to_owned(),
            "en".to_owned(),
            "verify".to_owned(),
            case.provider.to_owned(),
            "--endpoints".to_owned(),
            self.endpoints.display().to_string(),
        ];
        args.extend(case.args.iter().cloned());
        if case.json {
            args.push("--json".to_owned());
        }
        // The script finds curl on the test's PATH; nothing else of the environment is passed.
        let mut env = vec![("BROWSER", script.into_os_string())];
        if let Some(path) = std::env::var_os("PATH") {
            env.push(("PATH", path));
        }
        let run = hrlink_with(args, None, env).await;
        // The script saves the callback before it calls back, so the file is there once hrlink
        // got its code; a moment's patience for a slow disk.
        let mut callback = None;
        for _ in 0..50 {
            let text = std::fs::read_to_string(dir.join("callback.txt")).unwrap_or_default();
            if let Ok(url) = hrlink_core::oauth::Url::parse(text.trim()) {
                callback = Some(url);
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        SignInRun {
            run,
            callback,
            curl_log: std::fs::read_to_string(dir.join("curl.log")).unwrap_or_default(),
        }
    }
}

/// A run of 43 or more base64url characters: the shape of the Sandbox's tokens and codes
/// (32 random bytes), which nothing else `hrlink` prints has.
fn token_shaped(text: &str) -> Option<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .find(|word| word.len() >= 43)
}

/// Runs every case, asserts its exit code, report and silence about secrets; returns the runs.
async fn check_sign_in_cases(fixture: &Fixture, cases: &[SignInCase]) -> Vec<Run> {
    let mut runs = Vec::new();
    for case in cases {
        let SignInRun {
            run,
            callback,
            curl_log,
        } = fixture.sign_in(case).await;
        let name = case.name;
        assert_eq!(run.code, case.code, "{name}: {run:?}\ncurl: {curl_log}");
        let callback =
            callback.unwrap_or_else(|| panic!("{name}: the browser was not sent back: {curl_log}"));
        if let Some(problems) = case.report {
            let report = run.json();
            assert_shape(&report);
            assert_eq!(report["provider"], case.provider, "{name}");
            assert_eq!(report["ok"], case.code == 0, "{name}");
            assert_eq!(codes(&report), problems, "{name}: {report}");
        }
        // What the browser carried back, and every secret of the sign-in, stays unprinted.
        let query: Vec<(String, String)> = callback.query_pairs().into_owned().collect();
        let carried = query
            .iter()
            .filter(|(name, _)| name == "code" || name == "state")
            .map(|(_, value)| value.as_str());
        if let Some((_, code)) = query.iter().find(|(name, _)| name == "code") {
            // The shape check below would catch a code, or a token (the same shape).
            assert!(token_shaped(code).is_some(), "{name}: code {code:?}");
        }
        for secret in carried
            .chain([case.person.login.password])
            .chain(case.secrets.iter().copied())
        {
            run.assert_never_shows(secret);
        }
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert_eq!(
                token_shaped(text),
                None,
                "{name}: something token-shaped on {stream}: {run:?}"
            );
        }
        runs.push(run);
    }
    runs
}

fn arg(value: &str) -> String {
    value.to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ipayroll_browser_sign_in_exits_as_documented() {
    use hrlink_sandbox::scenarios::ipayroll;
    if !cfg!(unix) || !has_curl() {
        eprintln!("SKIPPED: needs a Unix shell and curl on PATH to play the browser");
        return;
    }
    let fixture = fixture().await;
    let canary_secret = write(fixture.dir.path(), "canary-secret.txt", CANARY);
    let allow = |login| Person { login, allow: true };
    let cases = [
        SignInCase {
            name: "all scopes",
            provider: "ipayroll",
            person: allow(ipayroll::API_USER),
            args: Vec::new(),
            json: true,
            code: 0,
            report: Some(&[]),
            secrets: vec![ipayroll::CLIENT.secret],
        },
        SignInCase {
            name: "limited api user",
            provider: "ipayroll",
            person: allow(ipayroll::API_USER_WITHOUT_EMPLOYEES),
            args: Vec::new(),
            json: true,
            code: 4,
            report: Some(&["permission_missing"]),
            secrets: vec![ipayroll::CLIENT.secret],
        },
        SignInCase {
            name: "consent denied",
            provider: "ipayroll",
            person: Person {
                login: ipayroll::API_USER,
                allow: false,
            },
            args: Vec::new(),
            json: false,
            code: 3,
            report: None,
            secrets: vec![ipayroll::CLIENT.secret],
        },
        SignInCase {
            // The Sandbox accepts only its own secret: the canary is a refused client.
            name: "unknown client secret",
            provider: "ipayroll",
            person: allow(ipayroll::API_USER),
            args: vec![
                arg("--client-secret-file"),
                canary_secret.display().to_string(),
            ],
            json: true,
            code: 3,
            report: None,
            secrets: vec![CANARY, ipayroll::CLIENT.secret],
        },
    ];
    let runs = check_sign_in_cases(&fixture, &cases).await;

    // The report names the organisation by its number, the only name iPayroll exposes.
    let report = runs[0].json();
    let number = ipayroll::ORGANISATION_NUMBER.to_string();
    assert_eq!(report["ok"], true);
    assert_eq!(report["account"]["id"], number.as_str());
    assert_eq!(
        report["account"]["name"],
        format!("iPayroll organisation {number}")
    );
    assert_eq!(permission(&report, "employees")["status"], "granted");
    assert!(report["people"]["count"].as_u64().unwrap() > 0);
    assert_eq!(
        permission(&runs[1].json(), "employees")["status"],
        "missing"
    );
    // Declined and refused say so, in words, on stderr (there is no report to print).
    assert!(
        runs[2].stderr.contains("Access was declined"),
        "{:?}",
        runs[2]
    );
    assert!(
        runs[3]
            .stderr
            .contains("did not accept HR Link's app registration"),
        "{:?}",
        runs[3]
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn employmenthero_browser_sign_in_exits_as_documented() {
    use hrlink_sandbox::scenarios::employmenthero;
    if !cfg!(unix) || !has_curl() {
        eprintln!("SKIPPED: needs a Unix shell and curl on PATH to play the browser");
        return;
    }
    let fixture = fixture().await;
    let no_employees_secret = write(
        fixture.dir.path(),
        "no-employees-secret.txt",
        employmenthero::CLIENT_WITHOUT_EMPLOYEES.secret,
    );
    let one_organisation = Person {
        login: employmenthero::ONE_ORGANISATION,
        allow: true,
    };
    let secrets = vec![
        employmenthero::CLIENT.secret,
        employmenthero::CLIENT_WITHOUT_EMPLOYEES.secret,
    ];
    let cases = [
        SignInCase {
            name: "one organisation",
            provider: "employmenthero",
            person: one_organisation,
            args: Vec::new(),
            json: true,
            code: 0,
            report: Some(&[]),
            secrets: secrets.clone(),
        },
        SignInCase {
            name: "app without employees scopes",
            provider: "employmenthero",
            person: one_organisation,
            args: vec![
                arg("--client-id"),
                arg(employmenthero::CLIENT_WITHOUT_EMPLOYEES.id),
                arg("--client-secret-file"),
                no_employees_secret.display().to_string(),
            ],
            json: true,
            code: 4,
            report: Some(&["permission_missing"]),
            secrets: secrets.clone(),
        },
        SignInCase {
            name: "unknown organisation",
            provider: "employmenthero",
            person: one_organisation,
            args: vec![arg("--organisation"), arg("no-such-organisation")],
            json: true,
            code: 2,
            report: Some(&["organisation_choice_needed"]),
            secrets,
        },
    ];
    let runs = check_sign_in_cases(&fixture, &cases).await;

    let report = runs[0].json();
    assert_eq!(report["account"]["id"], employmenthero::ORGANISATION.id);
    assert_eq!(report["account"]["name"], employmenthero::ORGANISATION.name);
    // Employment Hero lists everyone, including people who have left.
    assert_eq!(report["people"]["count"], 250);
    assert_eq!(permission(&report, "employees:list")["status"], "granted");
    let report = runs[1].json();
    assert_eq!(permission(&report, "employees:list")["status"], "missing");
    assert_eq!(permission(&report, "employees:list")["required"], true);
    assert_eq!(
        permission(&report, "organisations:list")["status"],
        "granted"
    );
    fixture.sandbox.shutdown().await;
}

/// `hrlink` with `--lang en --config-dir DIR` and the D-Bus session (for the keychain).
async fn hrlink_connections(config_dir: &Path, args: &[&str]) -> Run {
    let mut all = vec![
        "--lang".to_owned(),
        "en".to_owned(),
        "--config-dir".to_owned(),
        config_dir.display().to_string(),
    ];
    all.extend(args.iter().map(|a| (*a).to_owned()));
    let env = std::env::var_os("DBUS_SESSION_BUS_ADDRESS")
        .map(|bus| vec![("DBUS_SESSION_BUS_ADDRESS", bus)])
        .unwrap_or_default();
    hrlink_with(all, None, env).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn saved_connections_list_check_and_remove() {
    let fixture = fixture().await;
    let config_dir = fixture.dir.path().join("config");
    let endpoints = fixture.endpoints.display().to_string();
    let file = write(fixture.dir.path(), "hrworks.txt", &key_file(hrworks::VALID));
    let file = file.display().to_string();

    // A failed verification saves nothing and exits with the report's code.
    let bad = write(
        fixture.dir.path(),
        "bad.txt",
        &key_file(KeyPair {
            access_key: hrworks::VALID.access_key,
            secret_access_key: CANARY,
        }),
    );
    let run = hrlink_connections(
        &config_dir,
        &[
            "verify",
            "hrworks",
            "--credentials",
            &bad.display().to_string(),
            "--endpoints",
            &endpoints,
            "--save",
            "Acme",
        ],
    )
    .await;
    assert_eq!(run.code, 3, "{run:?}");
    run.assert_never_shows(CANARY);

    let run = hrlink_connections(
        &config_dir,
        &[
            "verify",
            "hrworks",
            "--credentials",
            &file,
            "--endpoints",
            &endpoints,
            "--permissions",
            "organization-units",
            "--save",
            "Acme",
        ],
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");

    let list = hrlink_connections(&config_dir, &["connections", "list", "--json"]).await;
    assert_eq!(list.code, 0, "{list:?}");
    let listed = list.json();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1, "{list:?}");
    let connection = &listed[0];
    assert_eq!(
        keys(connection),
        [
            "account",
            "chosen_permissions",
            "id",
            "label",
            "last_used",
            "provider",
            "status"
        ]
    );
    assert_eq!(connection["label"], "Acme");
    // The choice is kept: checks demand it.
    assert_eq!(
        connection["chosen_permissions"],
        json!(["organization-units"])
    );
    assert_eq!(connection["provider"], "hrworks");
    assert_eq!(connection["status"], "connected");
    let id = connection["id"].as_str().unwrap().to_owned();

    let check = hrlink_connections(
        &config_dir,
        &["connections", "check", "--endpoints", &endpoints, "--json"],
    )
    .await;
    assert_eq!(check.code, 0, "{check:?}");
    assert_eq!(check.json()[0]["status"], "connected");
    assert_eq!(check.json()[0]["warnings"], json!([]), "{check:?}");

    // The saved connection lists its people without the key file.
    let people = hrlink_connections(
        &config_dir,
        &[
            "people",
            "--connection",
            &id,
            "--endpoints",
            &endpoints,
            "--format",
            "json",
        ],
    )
    .await;
    assert_eq!(people.code, 0, "{people:?}");
    assert_eq!(people.json()["counts"]["total"], 250);
    assert_eq!(people.json()["provider"], "hrworks");
    let unknown = hrlink_connections(
        &config_dir,
        &[
            "people",
            "--connection",
            "nosuchconnection",
            "--endpoints",
            &endpoints,
        ],
    )
    .await;
    assert_eq!(unknown.code, 2, "{unknown:?}");

    // The HR system gone: unreachable, and a non-zero exit.
    fixture.sandbox.shutdown().await;
    let check = hrlink_connections(
        &config_dir,
        &[
            "connections",
            "check",
            &id,
            "--endpoints",
            &endpoints,
            "--json",
        ],
    )
    .await;
    assert_eq!(check.code, 5, "{check:?}");
    assert_eq!(check.json()[0]["status"], "unreachable");
    let list = hrlink_connections(&config_dir, &["connections", "list", "--json"]).await;
    assert_eq!(list.json()[0]["status"], "unreachable");

    // Every file the CLI wrote is private, and holds no secret.
    assert_private(&config_dir);
    for entry in std::fs::read_dir(config_dir.join("connections")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!text.contains(hrworks::VALID.secret_access_key));
        assert!(!text.contains(CANARY));
    }

    let remove = hrlink_connections(&config_dir, &["connections", "remove", &id]).await;
    assert_eq!(remove.code, 0, "{remove:?}");
    let list = hrlink_connections(&config_dir, &["connections", "list", "--json"]).await;
    assert_eq!(list.json(), serde_json::json!([]));
    let again = hrlink_connections(&config_dir, &["connections", "remove", &id]).await;
    assert_eq!(again.code, 2, "{again:?}");
    assert!(again.stderr.contains("no saved connection"), "{again:?}");
}

// --- `hrlink people`: the same credentials, then everyone listed, matched and printed. ---

impl Fixture {
    async fn people(&self, pair: KeyPair, extra: &[&str]) -> Run {
        let file = write(self.dir.path(), "people-keys.txt", &key_file(pair));
        let mut args: Vec<String> = [
            "--lang",
            "en",
            "people",
            "hrworks",
            "--credentials",
            &file.display().to_string(),
            "--endpoints",
            &self.endpoints.display().to_string(),
        ]
        .iter()
        .map(|arg| (*arg).to_owned())
        .collect();
        args.extend(extra.iter().map(|arg| (*arg).to_owned()));
        hrlink(args, None).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_lists_matches_and_masks() {
    let fixture = fixture().await;

    // The table: counts per category; without a roster everyone active is only in HRworks.
    let table = fixture.people(hrworks::VALID, &[]).await;
    assert_eq!(table.code, 0, "{table:?}");
    assert!(
        table
            .stderr
            .contains("Read 250 people from HRworks (5 pages)."),
        "{table:?}"
    );
    let count = |label: &str| -> u32 {
        let line = table
            .stdout
            .lines()
            .find(|line| line.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line: {table:?}"));
        line.split_whitespace().last().unwrap().parse().unwrap()
    };
    assert_eq!(count("Total"), 250);
    // The Sandbox seeds near-duplicates too.
    let listed =
        count("Only in the HR system") + count("Inactive or left") + count("Possible duplicates");
    assert_eq!(listed, 250);
    assert!(count("Inactive or left") > 0);
    assert_eq!(count("Matched "), 0);

    // JSON, masked by default: initials and masked emails only.
    let masked = fixture.people(hrworks::VALID, &["--format", "json"]).await;
    assert_eq!(masked.code, 0, "{masked:?}");
    let report = masked.json();
    assert_eq!(keys(&report), ["account", "counts", "people", "provider"]);
    assert_eq!(report["provider"], "hrworks");
    assert_eq!(report["account"]["name"], hrworks::COMPANY);
    assert_eq!(report["counts"]["total"], 250);
    let rows = report["people"].as_array().unwrap();
    assert_eq!(rows.len(), 250);
    for row in rows {
        assert!(row["existing"].is_null());
        assert!(row["hr"]["first_name"].is_null(), "{row}");
        if let Some(email) = row["hr"]["email"].as_str() {
            assert!(email.contains('•'), "{email}");
        }
    }

    // In full, then a roster of ten of them (as a German export) plus one stranger.
    let full = fixture
        .people(hrworks::VALID, &["--json", "--show-personal-data"])
        .await;
    let report = full.json();
    let people: Vec<&Value> = report["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["category"] == "only_in_hr" && row["hr"]["email"].is_string())
        .take(10)
        .collect();
    assert_eq!(people.len(), 10);
    let mut roster = "Vorname;Nachname;E-Mail\r\n".to_owned();
    for row in &people {
        let hr = &row["hr"];
        roster.push_str(&format!(
            "{};{};{}\r\n",
            hr["first_name"].as_str().unwrap(),
            hr["last_name"].as_str().unwrap(),
            hr["email"].as_str().unwrap()
        ));
    }
    roster.push_str("Erika;Mustermann;erika.mustermann@elsewhere.example\r\n");
    let roster = write(fixture.dir.path(), "roster.csv", &roster);
    let roster = roster.display().to_string();
    let matched = fixture
        .people(hrworks::VALID, &["--json", "--roster", &roster])
        .await;
    assert_eq!(matched.code, 0, "{matched:?}");
    let counts = &matched.json()["counts"];
    let paired =
        counts["matched"].as_u64().unwrap() + counts["matched_with_differences"].as_u64().unwrap();
    assert_eq!(paired, 10, "{counts}");
    assert_eq!(counts["only_in_existing"], 1, "{counts}");
    assert_eq!(counts["total"], 251, "{counts}");
    // Masked output names nobody in full.
    for row in &people {
        matched.assert_never_shows(row["hr"]["email"].as_str().unwrap());
    }

    // CSV into a file: a header and one row per person or pair.
    let out = fixture.dir.path().join("people.csv");
    let csv = fixture
        .people(
            hrworks::VALID,
            &[
                "--csv",
                "--roster",
                &roster,
                "--out",
                &out.display().to_string(),
            ],
        )
        .await;
    assert_eq!(csv.code, 0, "{csv:?}");
    assert!(csv.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("category,hr_name,hr_email,")
    );
    assert_eq!(lines.count(), 251);
    assert_private(&out);
    fixture.sandbox.shutdown().await;
}

/// Fails unless `path` and everything under it is private: folders 0700, files 0600.
#[cfg(unix)]
fn assert_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::symlink_metadata(path).unwrap();
    let mode = meta.permissions().mode() & 0o777;
    if meta.is_dir() {
        assert_eq!(mode, 0o700, "{} is {mode:o}", path.display());
        for entry in std::fs::read_dir(path).unwrap() {
            assert_private(&entry.unwrap().path());
        }
    } else {
        assert_eq!(mode, 0o600, "{} is {mode:o}", path.display());
    }
}

#[cfg(not(unix))]
fn assert_private(_path: &Path) {}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_endpoints_file_is_private() {
    let fixture = fixture().await;
    let out = fixture.dir.path().join("written-by-the-cli.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hrlink"))
        .args(["sandbox", "--endpoints-out"])
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !out.exists() && started.elapsed() < DEADLINE {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_private(&out);
    assert_private(&fixture.endpoints);
    fixture.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_exits_as_documented_when_the_listing_fails() {
    let fixture = fixture().await;
    // A paging loop: the HR system's side, exit 5, the message says what happened.
    let repeated = fixture.people(hrworks::REPEATED_PAGE, &[]).await;
    assert_eq!(repeated.code, 5, "{repeated:?}");
    assert!(
        repeated
            .stderr
            .contains("sent the same page of people twice"),
        "{repeated:?}"
    );
    assert!(repeated.stdout.is_empty());
    // Verification fails first: a missing permission, exit 4, nothing listed.
    let denied = fixture
        .people(hrworks::NO_PERSONS, &["--format", "json"])
        .await;
    assert_eq!(denied.code, 4, "{denied:?}");
    assert_eq!(denied.json()["ok"], false);
    // A roster that is not one: exit 2 before anything is asked of HRworks.
    let bad = write(fixture.dir.path(), "bad.csv", "");
    let bad = fixture
        .people(hrworks::VALID, &["--roster", &bad.display().to_string()])
        .await;
    assert_eq!(bad.code, 2, "{bad:?}");
    fixture.sandbox.shutdown().await;
}
