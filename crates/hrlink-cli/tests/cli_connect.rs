//! `hrlink connect` end to end: the built binary against a Sandbox (with its reference product)
//! started in this process: every exit code the issue names, and no secret on stdout or stderr
//! with every log on.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use hrlink_sandbox::product::{EnrollmentSpec, codes};
use hrlink_sandbox::scenarios::{KeyPair, hrworks};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use tempfile::TempDir;

struct Fixture {
    sandbox: Sandbox,
    dir: TempDir,
}

impl Fixture {
    async fn start() -> Fixture {
        let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        sandbox
            .write_endpoints_file(dir.path().join("endpoints.json"))
            .unwrap();
        let origin = sandbox.endpoints().product.api.clone();
        write(dir.path(), "cloud.toml", &cloud_config(&origin));
        Fixture { sandbox, dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn key_file(&self, pair: KeyPair) -> PathBuf {
        let text = format!(
            "Access Key: {}\nSecret Access Key: {}\n",
            pair.access_key, pair.secret_access_key
        );
        write(self.dir.path(), &format!("{}.txt", pair.access_key), &text)
    }

    fn code(&self, provider: &str) -> String {
        self.sandbox.product().issue(&EnrollmentSpec {
            provider: Some(provider.into()),
            ..EnrollmentSpec::default()
        })
    }

    /// `hrlink connect hrworks` with `code` and `pair`, in cloud mode; the keychain only when
    /// `keychain` (the D-Bus session of `scripts/with-keychain`).
    async fn connect(&self, code: &str, pair: KeyPair, config: &str, keychain: bool) -> Run {
        let args = vec![
            "--lang".into(),
            "en".into(),
            "--config-dir".into(),
            self.path("config").display().to_string(),
            "connect".into(),
            "hrworks".into(),
            "--code".into(),
            code.into(),
            "--credentials".into(),
            self.key_file(pair).display().to_string(),
            "--endpoints".into(),
            self.path("endpoints.json").display().to_string(),
            "--config".into(),
            self.path(config).display().to_string(),
            "--json".into(),
        ];
        run(args, keychain).await
    }
}

fn cloud_config(origin: &str) -> String {
    format!("product = \"Acme Rostering\"\n\n[delivery]\nmode = \"cloud\"\norigin = \"{origin}\"\n")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn assert_never_shows(&self, secret: &str) {
        assert!(
            !self.stdout.contains(secret) && !self.stderr.contains(secret),
            "{self:?}"
        );
    }
}

async fn run(args: Vec<String>, keychain: bool) -> Run {
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hrlink"));
        command.args(&args).env_clear().env("HRLINK_LOG", "trace");
        if keychain && let Some(bus) = std::env::var_os("DBUS_SESSION_BUS_ADDRESS") {
            command.env("DBUS_SESSION_BUS_ADDRESS", bus);
        }
        let output = command.output().expect("hrlink runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn bad_input_is_2() {
    let fixture = Fixture::start().await;
    let malformed = fixture
        .connect("HRL-12", hrworks::VALID, "cloud.toml", false)
        .await;
    assert_eq!(malformed.code, 2, "{malformed:?}");
    assert!(
        malformed.stderr.contains("Codes look like HRL-"),
        "{malformed:?}"
    );
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_code_for_another_hr_system_is_2() {
    let fixture = Fixture::start().await;
    let iris_code = fixture.code("iris");
    let wrong_system = fixture
        .connect(&iris_code, hrworks::VALID, "cloud.toml", true)
        .await;
    assert_eq!(wrong_system.code, 2, "{wrong_system:?}");
    assert!(
        wrong_system.stderr.contains("this code is for IRIS"),
        "{wrong_system:?}"
    );
    assert_eq!(fixture.sandbox.product().connection_posts(), 0);
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn the_product_refusing_is_6() {
    let fixture = Fixture::start().await;
    for (code, says) in [
        (codes::USED, "already been used"),
        (codes::EXPIRED, "has expired"),
        ("HRL-ZZZZ-ZZZZ", "does not know this code"),
    ] {
        let refused = fixture
            .connect(code, hrworks::VALID, "cloud.toml", true)
            .await;
        assert_eq!(refused.code, 6, "{refused:?}");
        assert!(refused.stderr.contains(says), "{refused:?}");
        assert!(refused.stderr.contains("Acme Rostering"), "{refused:?}");
        assert!(refused.stdout.is_empty(), "{refused:?}");
    }
    // Re-authorising with another company's key: refused before anything is sent.
    let other = fixture
        .connect(
            codes::REAUTHORISE,
            hrworks::OTHER_COMPANY,
            "cloud.toml",
            true,
        )
        .await;
    assert_eq!(other.code, 6, "{other:?}");
    assert!(other.stderr.contains("Nothing was sent"), "{other:?}");
    assert_eq!(fixture.sandbox.product().connection_posts(), 0);
    other.assert_never_shows(hrworks::OTHER_COMPANY.secret_access_key);
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn hr_system_and_product_failures_are_3_4_and_5() {
    let fixture = Fixture::start().await;
    let rejected = fixture
        .connect(
            &fixture.code("hrworks"),
            hrworks::UNKNOWN,
            "cloud.toml",
            true,
        )
        .await;
    assert_eq!(rejected.code, 3, "{rejected:?}");
    let missing = fixture
        .connect(
            &fixture.code("hrworks"),
            hrworks::NO_PERSONS,
            "cloud.toml",
            true,
        )
        .await;
    assert_eq!(missing.code, 4, "{missing:?}");
    assert_eq!(
        fixture.sandbox.product().connection_posts(),
        0,
        "nothing is sent unverified"
    );
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    write(
        fixture.dir.path(),
        "gone.toml",
        &cloud_config(&format!("http://{closed}")),
    );
    let unreachable = fixture
        .connect(codes::HRWORKS, hrworks::VALID, "gone.toml", true)
        .await;
    assert_eq!(unreachable.code, 5, "{unreachable:?}");
    assert!(
        unreachable
            .stderr
            .contains("could not reach Acme Rostering"),
        "{unreachable:?}"
    );
}

#[tokio::test]
async fn without_a_keychain_nothing_is_sent_and_it_is_7() {
    let fixture = Fixture::start().await;
    let locked = fixture
        .connect(codes::HRWORKS, hrworks::VALID, "cloud.toml", false)
        .await;
    assert_eq!(locked.code, 7, "{locked:?}");
    assert_eq!(
        fixture.sandbox.product().redeem_attempts(),
        0,
        "the code is not spent"
    );
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn delivered_is_0_and_timed() {
    let fixture = Fixture::start().await;
    let started = Instant::now();
    let delivered = fixture
        .connect(codes::HRWORKS, hrworks::VALID, "cloud.toml", true)
        .await;
    eprintln!(
        "code entered → delivered (CLI, HRworks, Sandbox): {:?}",
        started.elapsed()
    );
    assert_eq!(delivered.code, 0, "{delivered:?}");
    let json: serde_json::Value = serde_json::from_str(delivered.stdout.trim()).unwrap();
    assert_eq!(json["delivered"], true);
    assert_eq!(json["tenant"]["name"], "Kōwhai Gardening Ltd");
    assert_eq!(json["account"]["name"], hrworks::COMPANY);
    delivered.assert_never_shows(hrworks::VALID.secret_access_key);
    let id = json["connection_id"].as_str().unwrap();
    // The one profile kept (named by a hash of the product's id, which it holds).
    let profiles: Vec<_> = std::fs::read_dir(fixture.path("config").join("delivered"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    assert_eq!(profiles.len(), 1, "{profiles:?}");
    let kept = std::fs::read_to_string(&profiles[0]).unwrap();
    assert!(kept.contains(id), "the profile names the connection");
    assert!(!kept.contains(hrworks::VALID.secret_access_key));
    assert!(
        !kept.contains(hrworks::VALID.access_key),
        "not even the access key"
    );

    // `connections list/check --json` include it: where it went, and the product's status.
    let connections = |command: &str| {
        let mut args = vec![
            "--config-dir".to_owned(),
            fixture.path("config").display().to_string(),
            "connections".to_owned(),
            command.to_owned(),
        ];
        if command == "check" {
            args.extend([
                "--config".to_owned(),
                fixture.path("cloud.toml").display().to_string(),
            ]);
            args.extend([
                "--endpoints".to_owned(),
                fixture.path("endpoints.json").display().to_string(),
            ]);
        }
        args.push("--json".to_owned());
        run(args, true)
    };
    let listed = connections("list").await;
    assert_eq!(listed.code, 0, "{listed:?}");
    let listed: serde_json::Value = serde_json::from_str(listed.stdout.trim()).unwrap();
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["delivered"]["product"], "Acme Rostering");
    assert_eq!(
        listed[0]["delivered"]["tenant"]["name"],
        "Kōwhai Gardening Ltd"
    );
    assert_eq!(
        listed[0]["status"],
        serde_json::Value::Null,
        "not asked when listing"
    );
    assert!(fixture.sandbox.product().set_status(id, "failed_auth"));
    let checked = connections("check").await;
    let json: serde_json::Value = serde_json::from_str(checked.stdout.trim()).unwrap();
    assert_eq!(json[0]["id"], id, "{checked:?}");
    assert_eq!(
        json[0]["status"], "failed_auth",
        "as the product reports it"
    );
}
