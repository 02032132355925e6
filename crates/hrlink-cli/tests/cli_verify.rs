//! `hrlink verify` end to end: the built binary against a Sandbox started in this process,
//! asserting exit codes, the `--json` shape, and that no secret reaches stdout or stderr, even
//! with every log enabled.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use hrlink_sandbox::scenarios::{KeyPair, Login, hrworks, iris};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;
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
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hrlink"));
        command
            .args(&args)
            .env_clear()
            .env("HRLINK_LOG", "trace")
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
        let output = child.wait_with_output().unwrap();
        Run {
            code: output.status.code().expect("exited, not killed"),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
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
/// "people":{"count"},"problems":[{"code","message","next_step"}]}`, nothing more.
fn assert_shape(report: &Value) {
    assert_eq!(
        keys(report),
        [
            "account",
            "ok",
            "people",
            "permissions",
            "problems",
            "provider"
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
        assert_eq!(keys(&report["people"]), ["count"]);
        assert!(report["people"]["count"].is_u64());
    }
    for problem in report["problems"].as_array().unwrap() {
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
