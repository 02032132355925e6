//! `hrlink verify` and `hrlink people` for Employment Hero Payroll: the built binary against a
//! Sandbox in this process, with a pasted API key (its region on a line of its own).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::process::{Command, Output};

use hrlink_sandbox::scenarios::employmenthero_payroll as scenario;
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

const PROVIDER: &str = "employmenthero_payroll";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `hrlink COMMAND employmenthero_payroll --credentials <key> --endpoints <sandbox> EXTRA`
/// in a clean environment with every log on, and checks the key shows in neither stream.
async fn hrlink(sandbox: &Sandbox, command: &str, api_key: &str, extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let endpoints = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&endpoints).unwrap();
    let key = dir.path().join("key.txt");
    std::fs::write(&key, format!("NZ\n{api_key}\n")).unwrap();
    let mut args = vec!["--lang", "en", command, PROVIDER, "--credentials"];
    let (key, endpoints) = (key.display().to_string(), endpoints.display().to_string());
    args.extend([key.as_str(), "--endpoints", endpoints.as_str()]);
    args.extend(extra);
    let args: Vec<String> = args.into_iter().map(str::to_owned).collect();
    let output: Output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_hrlink"))
            .args(&args)
            .env_clear()
            .env("HRLINK_LOG", "trace")
            .output()
            .expect("hrlink runs")
    })
    .await
    .unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stdout.contains(api_key) && !run.stderr.contains(api_key));
    run
}

fn json(run: &Run) -> Value {
    serde_json::from_str(run.stdout.trim()).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn codes(report: &Value) -> Vec<&str> {
    let problems = report["problems"].as_array().unwrap();
    problems
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_exits_as_documented_and_picks_a_business_with_organisation() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let ok = hrlink(&sandbox, "verify", scenario::VALID, &["--json"]).await;
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let report = json(&ok);
    assert_eq!(report["provider"], PROVIDER);
    assert_eq!(report["account"]["name"], scenario::BUSINESS);
    assert_eq!(report["people"]["count"], 250);

    let unknown = hrlink(&sandbox, "verify", scenario::UNKNOWN, &["--json"]).await;
    assert_eq!(unknown.code, 3);
    assert_eq!(codes(&json(&unknown)), ["credentials_rejected"]);

    let two = hrlink(&sandbox, "verify", scenario::TWO_BUSINESSES, &["--json"]).await;
    assert_ne!(two.code, 0);
    assert_eq!(codes(&json(&two)), ["organisation_choice_needed"]);
    let other = scenario::OTHER_BUSINESS_ID.to_string();
    let chosen = ["--json", "--organisation", other.as_str()];
    let chosen = hrlink(&sandbox, "verify", scenario::TWO_BUSINESSES, &chosen).await;
    assert_eq!(chosen.code, 0, "{}", chosen.stderr);
    assert_eq!(json(&chosen)["account"]["name"], scenario::OTHER_BUSINESS);

    // A missing permission: exit 4, followed by how to grant it in the system's words.
    let forbidden = hrlink(&sandbox, "verify", scenario::EMPLOYEES_FORBIDDEN, &[]).await;
    assert_eq!(forbidden.code, 4, "{}", forbidden.stdout);
    assert!(
        forbidden
            .stdout
            .contains("Business settings > Manage users"),
        "{}",
        forbidden.stdout
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_lists_everyone_page_by_page() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let run = hrlink(&sandbox, "people", scenario::VALID, &["--format", "json"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Read 250 people from Employment Hero Payroll (3 pages)."),
        "{}",
        run.stderr
    );
    let report = json(&run);
    assert_eq!(report["provider"], PROVIDER);
    assert_eq!(report["people"].as_array().unwrap().len(), 250);
    sandbox.shutdown().await;
}

/// `hrlink` with the keychain's D-Bus session and `config_dir`, nothing else.
fn hrlink_saved(args: &[&str], config_dir: &std::path::Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hrlink"));
    command
        .args(args)
        .env_clear()
        .env("HRLINK_CONFIG_DIR", config_dir);
    if let Some(bus) = std::env::var_os("DBUS_SESSION_BUS_ADDRESS") {
        command.env("DBUS_SESSION_BUS_ADDRESS", bus);
    }
    command.output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn credential_get_hands_out_the_key_for_http_basic_at_its_api() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("config");
    let endpoints = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&endpoints).unwrap();
    let key = dir.path().join("key.txt");
    std::fs::write(&key, format!("NZ\n{}\n", scenario::VALID)).unwrap();
    let (key, endpoints) = (key.display().to_string(), endpoints.display().to_string());
    let args = [
        "verify",
        PROVIDER,
        "--credentials",
        &key,
        "--endpoints",
        &endpoints,
        "--save",
        "Bakery",
    ];
    let saved = hrlink_saved(&args, &config_dir);
    assert_eq!(saved.status.code(), Some(0), "{saved:?}");

    let answer = hrlink_saved(&["credential", "get", "Bakery", "--json"], &config_dir);
    assert_eq!(answer.status.code(), Some(0), "{answer:?}");
    let json: Value = serde_json::from_slice(&answer.stdout).unwrap();
    let authorization = json["authorization"].as_str().unwrap();
    assert!(authorization.starts_with("Basic "), "{authorization}");
    assert_eq!(json["expires_at"], Value::Null, "a key does not expire");
    assert_eq!(json["provider"], PROVIDER);
    assert_eq!(json["account"]["id"], scenario::BUSINESS_ID.to_string());
    let api = sandbox.endpoints().employmenthero_payroll.api.clone();
    assert_eq!(json["api_base"], api.as_str());

    let header = hrlink_saved(&["credential", "get", "Bakery", "--header"], &config_dir);
    let line = String::from_utf8(header.stdout).unwrap();
    assert_eq!(line, format!("Authorization: {authorization}\n"));
    // The header works as printed (curl, as a product's developer would try it).
    let url = format!("{api}/api/v2/business/{}/location", scenario::BUSINESS_ID);
    let curl = |args: &[&str]| {
        let out = Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(curl(&["-H", line.trim_end(), &url]), "200");

    // A changed key: the same header is refused, and so is the next `credential get` (exit 3,
    // nothing on stdout).
    let revoke = format!("{api}/sandbox/revoke-key");
    let body = format!("{{\"apiKey\":\"{}\"}}", scenario::VALID);
    let json_type = "content-type: application/json";
    assert_eq!(
        curl(&["-X", "POST", "-H", json_type, "-d", &body, &revoke]),
        "204"
    );
    assert_eq!(curl(&["-H", line.trim_end(), &url]), "401");
    let refused = hrlink_saved(&["credential", "get", "Bakery"], &config_dir);
    assert_eq!(refused.status.code(), Some(3), "{refused:?}");
    assert!(refused.stdout.is_empty());
    let id = json["connection_id"].as_str().unwrap();
    let removed = hrlink_saved(&["connections", "remove", id], &config_dir);
    assert_eq!(removed.status.code(), Some(0), "{removed:?}");
    sandbox.shutdown().await;
}
