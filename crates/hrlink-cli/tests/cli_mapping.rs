//! `hrlink mapping suggest` end to end: the built binary against a Sandbox HRworks, with the
//! product's categories from an integration configuration.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::process::Command;

use hrlink_sandbox::product::EnrollmentSpec;
use hrlink_sandbox::scenarios::hrworks;
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::{Value, json};

const CONFIG: &str = r#"
product = "Acme Rostering"

[categories]
locations = [
  { id = "loc_1", name = "Zentrale Munchen" },
  { id = "loc_2", name = "Filiale Köln" },
  { id = "loc_3", name = "Hamburg" },
]
areas_of_work = [{ id = "aw_1", name = "Lager und Logistik" }, { id = "aw_2", name = "Backstube" }]
roles = [{ id = "r_1", name = "Manager" }, { id = "r_2", name = "Staff" }]
default_role = "r_2"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suggestions_are_exact_first_close_marked_and_only_exact_ones_accepted() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let endpoints = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&endpoints).unwrap();
    let keys = dir.path().join("keys.txt");
    let pair = hrworks::VALID;
    let text = format!(
        "Access Key: {}\nSecret Access Key: {}\n",
        pair.access_key, pair.secret_access_key
    );
    std::fs::write(&keys, text).unwrap();
    let config = dir.path().join("hrlink.toml");
    std::fs::write(&config, CONFIG).unwrap();

    let args = [
        "--lang",
        "en",
        "mapping",
        "suggest",
        "hrworks",
        "--json",
        "--credentials",
    ];
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_hrlink"))
            .args(args)
            .arg(&keys)
            .arg("--endpoints")
            .arg(&endpoints)
            .arg("--config")
            .arg(&config)
            .env_clear()
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let out: Value = serde_json::from_slice(&output.stdout).unwrap();
    let locations = &out["suggestions"]["kinds"]["locations"];
    let row = |name: &str| {
        locations
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["category"]["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {locations}"))
            .clone()
    };
    let munich = row("Zentrale München");
    assert_eq!(
        munich["suggestion"],
        json!({"kind": "exact", "product_id": "loc_1"})
    );
    assert!(munich["category"]["people"].as_u64().unwrap() > 0);
    assert_eq!(row("Filiale Köln-Ehrenfeld")["suggestion"]["kind"], "close");
    assert_eq!(row("Filiale Görlitz")["suggestion"], Value::Null);
    // `--mapping suggested` takes the exact ones only, with the default role.
    assert_eq!(
        out["suggested"],
        json!({
            "locations": {"1": "loc_1"},
            "areas_of_work": {"3100": "aw_1"},
            "roles": {},
            "default_role": "r_2",
        })
    );
    assert_eq!(
        out["structure"]["roles"],
        Value::Null,
        "HRworks has no roles"
    );
}

/// Runs `hrlink` in a clean environment with the keychain of `scripts/with-keychain`.
async fn hrlink(args: Vec<String>) -> (i32, Value, String) {
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hrlink"));
        command.args(&args).env_clear();
        if let Some(bus) = std::env::var_os("DBUS_SESSION_BUS_ADDRESS") {
            command.env("DBUS_SESSION_BUS_ADDRESS", bus);
        }
        let output = command.output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        // `connect --json` prints the report, then the outcome: the last line is the outcome.
        let last = stdout
            .trim()
            .rsplit_once("\n}\n")
            .map_or(stdout.trim(), |(_, l)| l);
        let json = serde_json::from_str(last.trim())
            .or_else(|_| serde_json::from_str(stdout.trim()))
            .unwrap_or(Value::Null);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (output.status.code().unwrap_or(-1), json, stderr)
    })
    .await
    .unwrap()
}

struct Setup {
    sandbox: Sandbox,
    dir: tempfile::TempDir,
}

impl Setup {
    async fn start(config: &str) -> Setup {
        let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        sandbox
            .write_endpoints_file(dir.path().join("endpoints.json"))
            .unwrap();
        let origin = sandbox.endpoints().product.api.clone();
        let config = config.replace("{origin}", &origin);
        std::fs::write(dir.path().join("hrlink.toml"), config).unwrap();
        let pair = hrworks::VALID;
        let keys = format!(
            "Access Key: {}\nSecret Access Key: {}\n",
            pair.access_key, pair.secret_access_key
        );
        std::fs::write(dir.path().join("keys.txt"), keys).unwrap();
        Setup { sandbox, dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// `hrlink connect hrworks … --mapping <choice>`, plus `extra`.
    async fn connect(&self, choice: &str, extra: &[&str]) -> (i32, Value, String) {
        let mut args: Vec<String> = vec![
            "--lang".into(),
            "en".into(),
            "--config-dir".into(),
            self.path("config"),
            "connect".into(),
            "hrworks".into(),
            "--credentials".into(),
            self.path("keys.txt"),
            "--endpoints".into(),
            self.path("endpoints.json"),
            "--config".into(),
            self.path("hrlink.toml"),
            "--mapping".into(),
            choice.into(),
        ];
        args.extend(extra.iter().map(|arg| (*arg).to_owned()));
        hrlink(args).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn local_mode_keeps_the_suggested_mapping_in_the_profile_for_connections_show() {
    let setup = Setup::start(CONFIG).await;
    let (code, _, stderr) = setup.connect("suggested", &["--label", "Bäckerei"]).await;
    assert_eq!(code, 0, "{stderr}");
    let id = stderr
        .split("Saved as connection ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .unwrap_or_else(|| panic!("no id in {stderr}"))
        .to_owned();
    let args = [
        "--config-dir",
        &setup.path("config"),
        "connections",
        "show",
        &id,
        "--json",
    ];
    let (code, shown, stderr) = hrlink(args.iter().map(|a| (*a).to_owned()).collect()).await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(
        shown["mapping"],
        json!({
            "locations": {"1": "loc_1"},
            "areas_of_work": {"3100": "aw_1"},
            "roles": {},
            "default_role": "r_2",
        })
    );
    // With the HR categories it was chosen from, as the app's mapping step keeps them: a later
    // re-authorise marks any other as new since.
    let known = &shown["mapping_known"];
    for (kind, id) in [("locations", "1"), ("areas_of_work", "3100")] {
        let ids = known[kind].as_array();
        assert!(ids.is_some_and(|ids| ids.contains(&json!(id))), "{shown}");
    }
}

const CLOUD: &str = r#"
product = "Acme Rostering"

[delivery]
mode = "cloud"
origin = "{origin}"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn cloud_mode_delivers_the_mapping_file_and_refuses_one_onto_unknown_categories() {
    let setup = Setup::start(CLOUD).await;
    let spec = EnrollmentSpec {
        categories: true,
        ..EnrollmentSpec::default()
    };
    // A category the product does not have: refused before anything is sent.
    let wrong = setup.dir.path().join("wrong.json");
    std::fs::write(&wrong, r#"{"locations": {"1": "loc_99"}}"#).unwrap();
    let code_text = setup.sandbox.product().issue(&spec);
    let wrong = wrong.display().to_string();
    let (code, _, stderr) = setup.connect(&wrong, &["--code", &code_text]).await;
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("loc_99"), "{stderr}");
    assert_eq!(setup.sandbox.product().connection_posts(), 0);

    let file = setup.dir.path().join("mapping.json");
    let mapping = json!({
        "locations": {"1": "loc_1", "4": "loc_4"},
        "areas_of_work": {"3100": "aw_1"},
        "default_role": "r_2",
    });
    std::fs::write(&file, mapping.to_string()).unwrap();
    let code_text = setup.sandbox.product().issue(&spec);
    let file = file.display().to_string();
    let (code, _, stderr) = setup
        .connect(&file, &["--code", &code_text, "--json"])
        .await;
    assert_eq!(code, 0, "{stderr}");
    let received = setup.sandbox.product().connections();
    let received = received
        .iter()
        .find(|c| c.mapped > 0)
        .expect("a mapping arrived");
    assert_eq!(received.mapped, 3);
    assert_eq!(
        received.mapping,
        Some(json!({
            "locations": {"1": "loc_1", "4": "loc_4"},
            "areas_of_work": {"3100": "aw_1"},
            "roles": {},
            "default_role": "r_2",
        }))
    );
}
