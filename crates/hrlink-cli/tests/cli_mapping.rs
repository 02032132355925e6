//! `hrlink mapping suggest` end to end: the built binary against a Sandbox HRworks, with the
//! product's categories from an integration configuration.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::process::Command;

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
