//! `connections::access` (behind `hrlink credential get`) against the Sandbox over loopback and
//! the real Secret Service (`scripts/test` runs these inside `scripts/with-keychain` with
//! `--include-ignored`): tokens handed out and reused, Employment Hero refreshed by concurrent
//! callers in separate processes, Employment Hero Payroll's API key for HTTP Basic, refusals,
//! bindings, and no secret in any file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{endpoints, fast_http, hrworks, iris, sandbox};
use hrlink_core::config::Config;
use hrlink_core::connections::usage::{self, Caller};
use hrlink_core::connections::{
    Access, ConnectionId, ConnectionStatus, ConnectionStore, access, profile,
};
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_core::verify::{Credentials, verify};
use hrlink_core::{Endpoints, Problem, ProviderId};
use hrlink_sandbox::scenarios::{hrworks as hrworks_scenario, iris as iris_scenario};
use hrlink_sandbox::{Provider, Sandbox, SandboxConfig};
use secrecy::ExposeSecret;

const APP_ID: &str = "app.hrlink.test.credential-access";
/// Set for a concurrent caller: `<config dir>\n<connection id>`.
const CALLER_MARKER: &str = "HRLINK_TEST_CREDENTIAL_CALLER";
/// How many programs ask for the Employment Hero connection at once.
const CONCURRENT_CALLERS: usize = 8;

fn vault() -> Vault {
    Vault::open(APP_ID, BuildKind::Development).expect("a persistent keychain")
}

fn caller() -> Caller {
    Caller {
        name: Some("acme-sync".into()),
        pid: Some(4242),
    }
}

/// Verifies `credentials` at the Sandbox and saves them (bound to its addresses).
async fn saved(store: &ConnectionStore, sandbox: &Sandbox, credentials: &Credentials) -> String {
    let report = verify(&fast_http(), &endpoints(sandbox), credentials, &|_| {}).await;
    assert!(report.ok, "{report:?}");
    store
        .save("Acme", credentials, &report)
        .await
        .unwrap()
        .as_str()
        .to_owned()
}

async fn get(store: &ConnectionStore, id: &str) -> Result<Access, Problem> {
    access(store, id, &fast_http(), None, &Config::demo(), &caller()).await
}

/// Calls the Sandbox's API at `path` with the handed-out token; the status.
async fn call(access: &Access, path: &str) -> u16 {
    let url = format!("{}{path}", access.api_base.as_str().trim_end_matches('/'));
    reqwest::Client::new()
        .get(url)
        .bearer_auth(access.access_token.expose_secret())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn assert_no_file_contains(dir: &Path, secrets: &[&str]) {
    for file in files(dir) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        for secret in secrets {
            assert!(!text.contains(secret), "a secret in {}", file.display());
        }
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn an_hrworks_token_is_handed_out_reused_within_its_lifetime_and_logged() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let keys = hrworks(hrworks_scenario::VALID);
    let id = saved(&store, &sandbox, &keys).await;

    sandbox.stats().reset();
    let first = get(&store, &id).await.unwrap();
    assert_eq!(
        sandbox.stats().requests(Provider::HrWorks),
        1,
        "one sign-in"
    );
    assert_eq!(first.provider, ProviderId::Hrworks);
    assert_eq!(first.api_base.as_str(), sandbox.endpoints().hrworks.api);
    let left = first.expires_at.unwrap().duration_since(SystemTime::now());
    assert!(left.unwrap() > Duration::from_secs(800), "the JWT's exp");
    assert_eq!(call(&first, "/v2/persons?onlyActive=true").await, 200);

    // By label this time; still valid for far more than a minute: handed out again from the
    // keychain without signing in.
    sandbox.stats().reset();
    let again = get(&store, "acme").await.unwrap();
    assert_eq!(
        sandbox.stats().requests(Provider::HrWorks),
        0,
        "no new sign-in"
    );
    assert_eq!(
        again.access_token.expose_secret(),
        first.access_token.expose_secret()
    );

    let uses = usage::last_uses(dir.path());
    let used = &uses[&ConnectionId::parse(&id).unwrap()];
    assert_eq!(used.by.as_deref(), Some("acme-sync"));
    // Nothing secret in any file: not the key, not the token.
    let secret = hrworks_secret(&keys);
    assert_no_file_contains(dir.path(), &[&secret, first.access_token.expose_secret()]);
    store
        .remove(&ConnectionId::parse(&id).unwrap())
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn an_employmenthero_payroll_key_is_handed_out_for_basic_after_proving_it_works() {
    use base64::Engine as _;
    use hrlink_core::providers::AuthScheme;
    use hrlink_sandbox::scenarios::employmenthero_payroll as ehp;

    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let key = Credentials::from_text(
        ProviderId::EmploymentheroPayroll,
        format!("Region: NZ\n{}\n", ehp::VALID).as_bytes(),
    )
    .unwrap();
    let id = saved(&store, &sandbox, &key).await;

    sandbox.stats().reset();
    let first = get(&store, &id).await.unwrap();
    let provider = Provider::EmploymentHeroPayroll;
    assert_eq!(
        sandbox.stats().requests(provider),
        1,
        "`/user` proves the key"
    );
    assert_eq!(first.scheme, AuthScheme::Basic);
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{}:", ehp::VALID));
    assert_eq!(first.access_token.expose_secret(), basic);
    assert_eq!(first.expires_at, None, "a key does not expire");
    let api = sandbox.endpoints().employmenthero_payroll.api.clone();
    assert_eq!(first.api_base.as_str().trim_end_matches('/'), api);
    assert_eq!(first.account.id, ehp::BUSINESS_ID.to_string());
    let employees = format!(
        "{api}/api/v2/business/{}/employee/unstructured",
        ehp::BUSINESS_ID
    );
    let answer = reqwest::Client::new()
        .get(&employees)
        .header("authorization", format!("Basic {basic}"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);

    // Never cached: every program's call proves the key again, so a changed key is refused
    // here (exit 3 for `credential get`), and the connection marked failing.
    sandbox.stats().reset();
    get(&store, &id).await.unwrap();
    assert_eq!(sandbox.stats().requests(provider), 1);
    let revoked = reqwest::Client::new()
        .post(format!("{api}/sandbox/revoke-key"))
        .json(&serde_json::json!({"apiKey": ehp::VALID}))
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 204);
    assert!(matches!(
        get(&store, &id).await,
        Err(Problem::ConnectionRefused { .. })
    ));
    let conn = ConnectionId::parse(&id).unwrap();
    assert_eq!(
        store.profile(&conn).unwrap().last_status,
        ConnectionStatus::FailedAuth
    );
    assert_no_file_contains(dir.path(), &[ehp::VALID, &basic]);
    store.remove(&conn).await.unwrap();
}

/// The secret half of an HRworks key pair, as text (for the canary scan).
fn hrworks_secret(credentials: &Credentials) -> String {
    match credentials.secret() {
        hrlink_core::credentials::Secret::KeyPair(keys) => {
            keys.secret_access_key.expose_secret().to_owned()
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn an_iris_token_is_handed_out_and_reused() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let id = saved(&store, &sandbox, &iris(iris_scenario::VALID)).await;
    sandbox.stats().reset();
    let first = get(&store, &id).await.unwrap();
    assert_eq!(first.provider, ProviderId::Iris);
    assert_eq!(call(&first, "/api/v1/company").await, 200);
    let before = sandbox.stats().requests(Provider::Iris);
    get(&store, &id).await.unwrap();
    assert_eq!(sandbox.stats().requests(Provider::Iris), before, "reused");
    store
        .remove(&ConnectionId::parse(&id).unwrap())
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_revoked_key_is_refused_and_marks_the_connection_failing() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let id = saved(&store, &sandbox, &hrworks(hrworks_scenario::VALID)).await;
    sandbox.revoke_hrworks_key(hrworks_scenario::VALID.access_key);
    let refused = get(&store, &id).await.unwrap_err();
    assert_eq!(
        refused,
        Problem::ConnectionRefused {
            provider: "HRworks".into(),
            label: "Acme".into()
        }
    );
    let id = ConnectionId::parse(&id).unwrap();
    let profile = store.profile(&id).unwrap();
    assert_eq!(profile.last_status, ConnectionStatus::FailedAuth);
    assert!(profile.failing_since.is_some());
    store.remove(&id).await.unwrap();
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn the_secret_goes_only_where_the_connection_was_verified() {
    let (home, elsewhere) = (sandbox().await, sandbox().await);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let id = saved(&store, &home, &hrworks(hrworks_scenario::VALID)).await;
    let other: Endpoints = endpoints(&elsewhere);
    let moved = access(
        &store,
        &id,
        &fast_http(),
        Some(&other),
        &Config::demo(),
        &caller(),
    )
    .await;
    assert!(
        matches!(&moved, Err(Problem::ConnectionEndpointChanged { saved, now })
            if saved != now && now.contains("/hrworks")),
        "{moved:?}"
    );
    assert_eq!(
        elsewhere.stats().requests(Provider::HrWorks),
        0,
        "nothing sent"
    );

    // A profile edited to point elsewhere does not move it either: the keychain entry says
    // where it was verified.
    let conn = ConnectionId::parse(&id).unwrap();
    let mut edited = store.profile(&conn).unwrap();
    let bound = edited.origins.clone().unwrap();
    edited.origins = Some(hrlink_core::connections::binding::BoundOrigins {
        api: url::Url::parse(&elsewhere.endpoints().hrworks.api).unwrap(),
        ..bound
    });
    profile::write(dir.path(), &edited).unwrap();
    assert!(matches!(
        get(&store, &id).await,
        Err(Problem::ConnectionEndpointChanged { .. })
    ));
    assert_eq!(
        elsewhere.stats().requests(Provider::HrWorks),
        0,
        "nothing sent"
    );
    store.remove(&conn).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn employment_hero_refreshed_by_concurrent_programs_never_reuses_a_rotated_token() {
    use crate::oauth_support::{Consent, PATIENT, ScriptedBrowser, options};
    use hrlink_sandbox::scenarios::employmenthero as eh;

    // Tokens live 30 s: never more than the reuse margin, so every caller refreshes, each with
    // the refresh token the one before it rotated in.
    let sandbox = common::sandbox_with(SandboxConfig {
        token_lifetime: Duration::from_secs(30),
        ..SandboxConfig::default()
    })
    .await;
    let endpoints = endpoints(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let store = ConnectionStore::new(dir.path(), vault());
    let http = fast_http();
    let config = Config::demo();
    let browser = ScriptedBrowser::new(Consent::allow(eh::ONE_ORGANISATION));
    let credentials = Credentials::sign_in(
        ProviderId::Employmenthero,
        &http,
        &endpoints,
        config.oauth(ProviderId::Employmenthero).unwrap(),
        None,
        &options(&browser, PATIENT),
    )
    .await
    .unwrap();
    let id = saved(&store, &sandbox, &credentials).await;
    sandbox.stats().reset();

    let children: Vec<_> = (0..CONCURRENT_CALLERS)
        .map(|_| {
            crate::rerun(
                module_path!(),
                "concurrent_caller",
                CALLER_MARKER,
                &format!("{}\n{id}", dir.path().display()),
            )
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    let outputs = tokio::task::spawn_blocking(move || {
        children
            .into_iter()
            .map(|child| child.wait_with_output().unwrap())
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    let mut tokens = Vec::new();
    for output in outputs {
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains("1 passed"),
            "a caller failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // libtest may print the test's name on the same line.
        let token = stdout
            .split_once("TOKEN=")
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .unwrap();
        tokens.push(token.to_owned());
    }
    let provider = Provider::EmploymentHero;
    assert_eq!(sandbox.stats().reused_refresh_tokens(provider), 0);
    tokens.sort();
    tokens.dedup();
    assert_eq!(tokens.len(), CONCURRENT_CALLERS, "each caller refreshed");
    // The connection still works: the newest refresh token was kept.
    let last = get(&store, &id).await.unwrap();
    assert_eq!(call(&last, "/api/v1/organisations").await, 200);
    assert_eq!(sandbox.stats().reused_refresh_tokens(provider), 0);
    assert_eq!(
        usage::last_uses(dir.path())[&ConnectionId::parse(&id).unwrap()]
            .by
            .as_deref(),
        Some("acme-sync")
    );
    assert_no_file_contains(dir.path(), &[last.access_token.expose_secret()]);
    store
        .remove(&ConnectionId::parse(&id).unwrap())
        .await
        .unwrap();
}

/// One of the concurrent programs: asks for access once and prints the token.
#[tokio::test]
#[ignore = "run by employment_hero_refreshed_by_concurrent_programs_… in a child process"]
async fn concurrent_caller() {
    let Some(value) = std::env::var_os(CALLER_MARKER) else {
        eprintln!("SKIPPED: only meaningful in the child process");
        return;
    };
    let value = value.to_string_lossy().into_owned();
    let (dir, id) = value.split_once('\n').unwrap();
    let store = ConnectionStore::new(dir, vault());
    let access = get(&store, id).await.unwrap();
    println!("TOKEN={}", access.access_token.expose_secret());
}
