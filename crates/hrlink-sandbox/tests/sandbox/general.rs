//! The Sandbox as a whole: endpoints, the endpoints file, configuration, determinism.

use std::collections::HashMap;
use std::io::ErrorKind;

use hrlink_sandbox::scenarios::iris;
use hrlink_sandbox::{Endpoints, Sandbox, SandboxConfig};
use serde_json::Value;

use crate::common::{http, iris_token, json, sandbox, sandbox_with};

#[tokio::test]
async fn endpoints_have_the_documented_shape() {
    let sandbox = sandbox().await;
    let endpoints = sandbox.endpoints();
    let origin = endpoints
        .hrworks
        .api
        .trim_end_matches("/hrworks")
        .to_owned();
    assert!(origin.starts_with("http://127.0.0.1:"), "{origin}");
    let value = serde_json::to_value(endpoints).unwrap();
    let expected = serde_json::json!({
        "hrworks": { "api": format!("{origin}/hrworks") },
        "employmenthero": {
            "api": format!("{origin}/employmenthero/api"),
            "auth": format!("{origin}/employmenthero/oauth"),
        },
        "ipayroll": { "api": format!("{origin}/ipayroll"), "auth": format!("{origin}/ipayroll") },
        "iris": { "api": format!("{origin}/iris") },
        "employmenthero_payroll": { "api": format!("{origin}/employmenthero-payroll") },
        "product": { "api": origin },
    });
    assert_eq!(value, expected);
}

#[tokio::test]
async fn the_endpoints_file_is_written_whole() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("endpoints.json");
    sandbox.write_endpoints_file(&path).unwrap();
    sandbox.write_endpoints_file(&path).unwrap();
    let read: Endpoints = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(&read, sandbox.endpoints());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec!["endpoints.json"],
        "no temporary file left behind"
    );
    let missing_dir = dir.path().join("nope").join("endpoints.json");
    assert!(sandbox.write_endpoints_file(missing_dir).is_err());
}

#[tokio::test]
async fn impossible_configurations_are_refused() {
    for config in [
        SandboxConfig {
            people: 100_001,
            ..SandboxConfig::default()
        },
        SandboxConfig {
            rate_limit: Some(0),
            ..SandboxConfig::default()
        },
    ] {
        let refused = Sandbox::start(config).await.err().expect("refused");
        assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    }
}

#[tokio::test]
async fn a_configured_port_is_used_and_freed_on_shutdown() {
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let sandbox = sandbox_with(SandboxConfig {
        port,
        ..SandboxConfig::default()
    })
    .await;
    assert_eq!(
        sandbox.endpoints().iris.api,
        format!("http://127.0.0.1:{port}/iris")
    );
    let token = iris_token(&sandbox, iris::VALID).await;
    let company = format!("{}/api/v1/company", sandbox.endpoints().iris.api);
    sandbox.shutdown().await;
    assert!(
        http()
            .get(&company)
            .bearer_auth(token)
            .send()
            .await
            .is_err()
    );
    std::net::TcpListener::bind(("127.0.0.1", port)).expect("port is free again");
}

async fn iris_people(seed: u64, people: usize) -> Vec<Value> {
    let sandbox = sandbox_with(SandboxConfig {
        seed,
        people,
        ..SandboxConfig::default()
    })
    .await;
    let token = iris_token(&sandbox, iris::VALID).await;
    let url = format!(
        "{}/api/v1/employees?pageSize=200",
        sandbox.endpoints().iris.api
    );
    let body = json(http().get(url).bearer_auth(token).send().await.unwrap()).await;
    body["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn the_same_seed_gives_the_same_people() {
    let first = iris_people(7, 120).await;
    assert_eq!(first.len(), 120);
    assert_eq!(first, iris_people(7, 120).await);
    assert_ne!(first, iris_people(8, 120).await);
}

#[tokio::test]
async fn people_are_awkward_like_real_ones() {
    let people = iris_people(42, 200).await;
    let names: Vec<String> = people
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p["firstName"].as_str().unwrap(),
                p["lastName"].as_str().unwrap()
            )
        })
        .collect();
    assert!(names.iter().any(|n| !n.is_ascii()), "no non-ASCII names");
    assert!(
        people.iter().any(|p| p["workEmail"].is_null()),
        "everyone has an email"
    );
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for name in &names {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    assert!(counts.values().any(|&n| n > 1), "no duplicate names");
    let units: std::collections::HashSet<_> =
        people.iter().map(|p| p["department"].clone()).collect();
    assert!(units.len() >= 5);
}
