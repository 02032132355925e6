//! `hrlink credential get` end to end (HANDOFF.md section 1): the built binary against a Sandbox
//! started in this process and the real keychain (`scripts/test` runs these inside
//! `scripts/with-keychain` with `--include-ignored`). Every exit code, both output forms, an
//! empty stdout on failure, and the examples of docs/product-integration.md run as written.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hrlink_sandbox::scenarios::hrworks;
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

/// The repository's root (this crate is `crates/hrlink-cli`).
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `PATH` with the built `hrlink` first, as a product finds it once HR Link is installed.
fn path_with_hrlink() -> OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_hrlink")).parent().unwrap();
    let mut dirs = vec![bin.to_owned()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap()
}

/// Runs `program` with a clean environment: the D-Bus session (for the keychain), `PATH` and
/// the config dir only.
fn run(program: &Path, args: &[&str], config_dir: &Path) -> Output {
    let mut command = Command::new(program);
    command
        .args(args)
        .env_clear()
        .env("PATH", path_with_hrlink())
        .env("HRLINK_CONFIG_DIR", config_dir);
    if let Some(bus) = std::env::var_os("DBUS_SESSION_BUS_ADDRESS") {
        command.env("DBUS_SESSION_BUS_ADDRESS", bus);
    }
    command.output().unwrap()
}

fn hrlink(args: &[&str], config_dir: &Path) -> Output {
    run(Path::new(env!("CARGO_BIN_EXE_hrlink")), args, config_dir)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts the exit code, and for failures an empty stdout; answers stderr.
fn expect_exit(output: &Output, code: i32) -> String {
    assert_eq!(output.status.code(), Some(code), "{output:?}");
    if code != 0 {
        assert!(output.stdout.is_empty(), "stdout on failure: {output:?}");
    }
    text(&output.stderr)
}

/// Saves an HRworks connection (the Sandbox's valid key pair) labelled `label`; its id.
fn save_hrworks(config_dir: &Path, endpoints: &Path, label: &str) -> String {
    let keys = config_dir.with_extension("keys.txt");
    std::fs::write(
        &keys,
        format!(
            "Access Key: {}\nSecret Access Key: {}\n",
            hrworks::VALID.access_key,
            hrworks::VALID.secret_access_key
        ),
    )
    .unwrap();
    let keys = keys.display().to_string();
    let endpoints = endpoints.display().to_string();
    let args = [
        "verify",
        "hrworks",
        "--credentials",
        &keys,
        "--endpoints",
        &endpoints,
        "--save",
        label,
    ];
    expect_exit(&hrlink(&args, config_dir), 0);
    let list = hrlink(&["connections", "list", "--json"], config_dir);
    let listed: Value = serde_json::from_slice(&list.stdout).unwrap();
    listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == label)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The fenced block of `language` in docs/product-integration.md.
fn documented(language: &str) -> String {
    let doc = std::fs::read_to_string(repo().join("docs/product-integration.md")).unwrap();
    let start = doc.find(&format!("```{language}\n")).unwrap() + language.len() + 4;
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_owned()
}

async fn sandbox_with_endpoints(dir: &Path, name: &str) -> (Sandbox, PathBuf) {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let file = dir.join(name);
    sandbox.write_endpoints_file(&file).unwrap();
    (sandbox, file)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn credential_get_answers_and_exits_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("config");
    let (sandbox, endpoints) = sandbox_with_endpoints(dir.path(), "endpoints.json").await;
    let id = save_hrworks(&config_dir, &endpoints, "Acme");
    let refused_id = save_hrworks(&config_dir, &endpoints, "Refused");
    let unreachable_id = save_hrworks(&config_dir, &endpoints, "Unreachable");

    // 0 with the documented JSON; no --endpoints needed: the connection's own addresses.
    let answer = hrlink(&["credential", "get", &id, "--json"], &config_dir);
    expect_exit(&answer, 0);
    let json: Value = serde_json::from_slice(&answer.stdout).unwrap();
    let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "account",
            "api_base",
            "authorization",
            "connection_id",
            "expires_at",
            "provider"
        ]
    );
    assert_eq!(json["connection_id"], id.as_str());
    assert_eq!(json["provider"], "hrworks");
    assert_eq!(json["api_base"], sandbox.endpoints().hrworks.api);
    let authorization = json["authorization"].as_str().unwrap();
    let token = authorization.strip_prefix("Bearer ").unwrap();
    assert!(!text(&answer.stderr).contains(token), "{answer:?}");
    let expires_at = json["expires_at"].as_str().unwrap();
    assert!(
        expires_at.ends_with('Z') && expires_at.len() == 20,
        "{expires_at}"
    );

    // The header form, by label: one line, the same (still valid) token.
    let header = hrlink(&["credential", "get", "Acme", "--header"], &config_dir);
    expect_exit(&header, 0);
    assert_eq!(
        text(&header.stdout),
        format!("{}\n", header_line(authorization))
    );

    // The token works against the HR system (curl, as a new user would try it).
    let url = format!(
        "{}/v2/persons?onlyActive=true",
        json["api_base"].as_str().unwrap()
    );
    let curl = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H"])
        .arg(header_line(authorization))
        .arg(&url)
        .output()
        .unwrap();
    assert_eq!(text(&curl.stdout), "200");

    // The usage log names the caller: this test program.
    let list = hrlink(&["connections", "list", "--json"], &config_dir);
    let listed: Value = serde_json::from_slice(&list.stdout).unwrap();
    let acme = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id.as_str())
        .unwrap();
    assert!(
        acme["last_used"]["at"].as_str().unwrap().ends_with('Z'),
        "{acme}"
    );
    assert!(
        !acme["last_used"]["by"].as_str().unwrap().is_empty(),
        "{acme}"
    );

    // 2: unknown connection, in the catalogue's words (en and de).
    let stderr = expect_exit(
        &hrlink(&["--lang", "en", "credential", "get", "nope"], &config_dir),
        2,
    );
    assert!(
        stderr.contains("There is no saved connection \"nope\""),
        "{stderr}"
    );
    let stderr = expect_exit(
        &hrlink(&["--lang", "de", "credential", "get", "nope"], &config_dir),
        2,
    );
    assert!(
        stderr.contains("Es gibt keine gespeicherte Verbindung"),
        "{stderr}"
    );

    // 2: other addresses than the connection was verified against; nothing is sent there.
    let (elsewhere, other) = sandbox_with_endpoints(dir.path(), "other.json").await;
    let other = other.display().to_string();
    let moved = hrlink(
        &[
            "--lang",
            "en",
            "credential",
            "get",
            &id,
            "--endpoints",
            &other,
        ],
        &config_dir,
    );
    let stderr = expect_exit(&moved, 2);
    assert!(stderr.contains("was set up for 127.0.0.1:"), "{stderr}");
    // The same rule for a check and a people listing of the saved connection (issue 15, 1):
    // refused, status unchanged.
    for args in [
        ["connections", "check", &id, "--endpoints", &other],
        ["people", "--connection", &id, "--endpoints", &other],
    ] {
        let moved = hrlink(&[&["--lang", "en"], &args[..]].concat(), &config_dir);
        assert_eq!(moved.status.code(), Some(2), "{args:?}: {moved:?}");
        assert!(
            text(&moved.stderr).contains("was set up for 127.0.0.1:"),
            "{moved:?}"
        );
    }
    let list = hrlink(&["connections", "list", "--json"], &config_dir);
    let listed: Value = serde_json::from_slice(&list.stdout).unwrap();
    let connection = listed.as_array().unwrap().iter().find(|c| c["id"] == id);
    assert_eq!(connection.unwrap()["status"], "connected", "{listed}");
    assert_eq!(
        elsewhere
            .stats()
            .requests(hrlink_sandbox::Provider::HrWorks),
        0
    );

    // The documented examples, as written, against the Sandbox.
    examples_run_as_documented(&config_dir, &id);

    // 3: the key was deleted in HRworks; the connection is marked failing.
    sandbox.revoke_hrworks_key(hrworks::VALID.access_key);
    let refused = hrlink(
        &["--lang", "en", "credential", "get", &refused_id],
        &config_dir,
    );
    let stderr = expect_exit(&refused, 3);
    assert!(stderr.contains("Re-authorise"), "{stderr}");
    let list = hrlink(&["connections", "list", "--json"], &config_dir);
    let listed: Value = serde_json::from_slice(&list.stdout).unwrap();
    let failing = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == refused_id.as_str());
    assert_eq!(failing.unwrap()["status"], "failed_auth");

    // 5: the HR system is gone.
    sandbox.shutdown().await;
    expect_exit(
        &hrlink(&["credential", "get", &unreachable_id], &config_dir),
        5,
    );

    for id in [&id, &refused_id, &unreachable_id] {
        expect_exit(&hrlink(&["connections", "remove", id], &config_dir), 0);
    }
}

fn header_line(authorization: &str) -> String {
    format!("Authorization: {authorization}")
}

/// docs/product-integration.md's Python and Rust examples are the files run here.
fn examples_run_as_documented(config_dir: &Path, id: &str) {
    let python = repo().join("docs/examples/product_access.py");
    assert_eq!(
        documented("python"),
        std::fs::read_to_string(&python).unwrap()
    );
    let rust = repo().join("crates/hrlink-cli/examples/product_access.rs");
    assert_eq!(documented("rust"), std::fs::read_to_string(&rust).unwrap());

    let output = run(
        Path::new("python3"),
        &[&python.display().to_string(), id],
        config_dir,
    );
    assert!(output.status.success(), "{output:?}");
    assert!(text(&output.stdout).ends_with(" 200\n"), "{output:?}");

    let example = built_example("product_access");
    let output = run(&example, &[id], config_dir);
    assert!(output.status.success(), "{output:?}");
    assert!(
        text(&output.stdout).contains("/hrworks\" until \"20"),
        "{output:?}"
    );
    let unknown = run(&example, &["nope"], config_dir);
    assert_eq!(unknown.status.code(), Some(2), "{unknown:?}");
}

/// The example `name` of this crate, built (again, when its source changed) with the
/// workspace's features so that nothing else is rebuilt: cargo builds examples only when no
/// single test target is named.
fn built_example(name: &str) -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--workspace", "--locked", "--example", name])
        .args(["--features", "hrlink-desktop/custom-protocol"])
        .current_dir(repo())
        .status()
        .unwrap();
    assert!(status.success(), "the example {name} builds");
    let deps = std::env::current_exe().unwrap();
    deps.parent().unwrap().join("../examples").join(name)
}

#[test]
#[ignore = "needs dbus-run-session and gnome-keyring; scripts/test provides them"]
fn a_locked_keychain_exits_7() {
    // A private Secret Service: save there, lock its collection, then ask.
    let dir = tempfile::tempdir().unwrap();
    let data_home = dir.path().join("data");
    let config_dir = dir.path().join("config");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (sandbox, endpoints) = runtime.block_on(sandbox_with_endpoints(dir.path(), "e.json"));
    let keys = dir.path().join("keys.txt");
    std::fs::write(
        &keys,
        format!(
            "Access Key: {}\nSecret Access Key: {}\n",
            hrworks::VALID.access_key,
            hrworks::VALID.secret_access_key
        ),
    )
    .unwrap();
    let script = r#"echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        for _ in $(seq 100); do
          dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q true && break
          sleep 0.05
        done
        "$1" verify hrworks --credentials "$2" --endpoints "$3" --save Locked >/dev/null 2>&1 || exit 90
        dbus-send --session --print-reply --dest=org.freedesktop.secrets \
          /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
          array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 91
        exec "$1" --lang en credential get Locked"#;
    let output = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", script, "sh", env!("CARGO_BIN_EXE_hrlink")])
        .arg(&keys)
        .arg(&endpoints)
        .env("XDG_DATA_HOME", &data_home)
        .env("HRLINK_CONFIG_DIR", &config_dir)
        .output()
        .unwrap();
    let stderr = expect_exit(&output, 7);
    assert!(stderr.contains("keychain"), "{stderr}");
    runtime.block_on(sandbox.shutdown());
}
