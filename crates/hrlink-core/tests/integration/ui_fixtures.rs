//! The answers the UI's fake backend serves (`ui/src/lib/ipc/sandboxAnswers.gen.json`), written
//! by the real session on the Sandbox's scenarios over loopback, so the fake looks answers up
//! instead of re-implementing the core. Like the bindings, the test rewrites the file and fails
//! when it was stale.
//!
//! No secret goes in: a scenario is recognised by the SHA-256 of the line that names it (the
//! key; an IRIS login's whole text), the answers carry the core's masked hints.

use crate::oauth_support::{Consent, ScriptedBrowser, endpoints};

use std::sync::Mutex;

use hrlink_core::config::Config;
use hrlink_core::http::{HttpClient, HttpConfig};
use hrlink_core::messages::Language;
use hrlink_core::session::Session;
use hrlink_core::verify::{VerifyProgress, VerifyStep};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::scenarios::{self, KeyPair, Login};
use hrlink_sandbox::{Sandbox, SandboxConfig};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const PATH: &str = "../../ui/src/lib/ipc/sandboxAnswers.gen.json";

/// How a scenario's credentials reach the session: pasted text, or a browser sign-in.
enum Given {
    /// The text and the line of it (or all of it) that tells the scenario apart.
    Text {
        text: String,
        line: String,
    },
    SignIn(Consent),
}

struct Scenario {
    provider: ProviderId,
    name: &'static str,
    given: Given,
}

fn key_file(name: &'static str, pair: KeyPair) -> Scenario {
    let line = format!("Access Key: {}", pair.access_key);
    let text = format!("{line}\nSecret Access Key: {}\n", pair.secret_access_key);
    let given = Given::Text { text, line };
    Scenario {
        provider: ProviderId::Hrworks,
        name,
        given,
    }
}

fn iris(name: &'static str, login: Login) -> Scenario {
    // The whole text: a wrong password is another scenario of the same user.
    let text = format!("Username: {}\nPassword: {}", login.username, login.password);
    let given = Given::Text {
        line: text.clone(),
        text,
    };
    Scenario {
        provider: ProviderId::Iris,
        name,
        given,
    }
}

fn api_key(name: &'static str, key: &'static str) -> Scenario {
    let given = Given::Text {
        text: format!("Region: NZ\n{key}\n"),
        line: key.to_owned(),
    };
    Scenario {
        provider: ProviderId::EmploymentheroPayroll,
        name,
        given,
    }
}

fn signed_in(provider: ProviderId, name: &'static str, consent: Consent) -> Scenario {
    Scenario {
        provider,
        name,
        given: Given::SignIn(consent),
    }
}

/// The scenarios the UI's tests and the screenshot tour walk through.
fn scenarios() -> Vec<Scenario> {
    use scenarios::employmenthero_payroll as ehp;
    use scenarios::{employmenthero as eh, hrworks, ipayroll, iris as ir};
    let wrong_password = Login {
        password: "not-the-password",
        ..ir::VALID
    };
    vec![
        key_file("valid", hrworks::VALID),
        key_file("rejected", hrworks::UNKNOWN),
        key_file("noPersons", hrworks::NO_PERSONS),
        key_file("serverError", hrworks::SERVER_ERROR),
        key_file("otherCompany", hrworks::OTHER_COMPANY),
        key_file("reissued", hrworks::REISSUED),
        iris("valid", ir::VALID),
        iris("rejected", wrong_password),
        iris("inactive", ir::INACTIVE),
        iris("apiDisabled", ir::API_DISABLED),
        iris("noContract", ir::NO_CONTRACT_RIGHTS),
        api_key("valid", ehp::VALID),
        api_key("twoBusinesses", ehp::TWO_BUSINESSES),
        api_key("rejected", ehp::UNKNOWN),
        signed_in(
            ProviderId::Ipayroll,
            "apiUser",
            Consent::allow(ipayroll::API_USER),
        ),
        signed_in(
            ProviderId::Ipayroll,
            "withoutEmployees",
            Consent::allow(ipayroll::API_USER_WITHOUT_EMPLOYEES),
        ),
        signed_in(
            ProviderId::Ipayroll,
            "otherOrganisation",
            Consent::allow(ipayroll::OTHER_ORGANISATION_API_USER),
        ),
        signed_in(
            ProviderId::Employmenthero,
            "oneOrganisation",
            Consent::allow(eh::ONE_ORGANISATION),
        ),
        signed_in(
            ProviderId::Employmenthero,
            "twoOrganisations",
            Consent::allow(eh::TWO_ORGANISATIONS).choosing(eh::ORGANISATION.id),
        ),
        signed_in(
            ProviderId::Employmenthero,
            "partner",
            Consent::allow(eh::PARTNER),
        ),
    ]
}

/// Texts the core refuses, with what it says (the fake answers an unknown text like `unknown`).
fn refused_texts() -> Vec<(ProviderId, &'static str, &'static str)> {
    use ProviderId::{EmploymentheroPayroll as Payroll, Hrworks, Iris};
    vec![
        (Hrworks, "unknown", "hello"),
        (
            Hrworks,
            "redacted",
            "Access Key: ABC...XYZ\nSecret Access Key: s",
        ),
        (Hrworks, "noSecret", "Access Key: A"),
        (
            Hrworks,
            "shortened",
            "Access Key: SBXACC...0001\nSecret Access Key: sbx/Secret...0001",
        ),
        (Hrworks, "noAccessKey", "Secret Access Key: s"),
        (Iris, "unknown", "a"),
        (Payroll, "unknown", "two words"),
        (
            Payroll,
            "example",
            scenarios::employmenthero_payroll::EXAMPLE,
        ),
        (
            Payroll,
            "redacted",
            scenarios::employmenthero_payroll::REDACTED,
        ),
    ]
}

fn sha256(line: &str) -> String {
    Sha256::digest(line.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The choices of optional permissions answered: none, each one alone, and all of them.
fn choices(ids: &[&'static str]) -> Vec<Vec<String>> {
    let mut choices = vec![Vec::new()];
    choices.extend(ids.iter().map(|id| vec![(*id).to_owned()]));
    choices.push(ids.iter().map(|id| (*id).to_owned()).collect());
    choices.dedup();
    choices
}

/// The steps a run finished, each with its outcome, in the order the UI shows them (the probes
/// after signing in run concurrently, so the order they finish in is not kept).
#[derive(Default)]
struct Steps(Mutex<Vec<(VerifyStep, bool)>>);

impl Steps {
    fn sink(&self) -> impl Fn(VerifyProgress) + Sync + '_ {
        |event| {
            if let VerifyProgress::Finished { step, ok } = event {
                self.0.lock().unwrap().push((step, ok));
            }
        }
    }

    fn in_order(self, permissions: &[String]) -> Value {
        let mut steps = self.0.into_inner().unwrap();
        steps.sort_by_key(|(step, _)| match step {
            VerifyStep::Authenticate => (0, 0),
            VerifyStep::Account => (1, 0),
            VerifyStep::Permission(id) => (
                2,
                permissions
                    .iter()
                    .position(|p| p == id)
                    .unwrap_or(usize::MAX),
            ),
            VerifyStep::People => (3, 0),
        });
        json!(steps)
    }
}

fn session(sandbox: &Sandbox) -> Session {
    let mut config = Config::demo();
    for client in &mut config.oauth_clients {
        client.redirect_port = 0;
    }
    // The app's own HTTP settings: a 429 from Employment Hero Payroll's 5 a second per
    // business is waited out as in the app, not an answer that depends on timing.
    let http = HttpClient::new(HttpConfig::default()).expect("the HTTP client builds");
    Session::new(http, endpoints(sandbox)).with_config(config)
}

/// Stages a scenario's credentials (a browser sign-in asking for `optional`): the staged id and
/// the masked hint.
async fn stage(session: &Session, scenario: &Scenario, optional: &[String]) -> (String, String) {
    let staged = match &scenario.given {
        Given::Text { text, .. } => session.stage_text(scenario.provider, text.as_bytes()),
        Given::SignIn(consent) => {
            let browser = ScriptedBrowser::new(consent.clone());
            let told = |_: hrlink_core::oauth::SignInAddress| {};
            let signing_in =
                session.sign_in(scenario.provider, optional, Language::En, &browser, &told);
            signing_in.await
        }
    };
    let staged = staged.unwrap_or_else(|problem| panic!("{} stages: {problem:?}", scenario.name));
    (staged.id, staged.hint)
}

/// A scenario's answers: its hint, the organisations it reaches, and a verification for every
/// choice of optional permissions (and of organisation, where it reaches several).
async fn answers(session: &Session, scenario: &Scenario) -> Value {
    let entry = scenario.provider.entry();
    let optional: Vec<&str> = entry
        .asked()
        .filter(|(_, required)| !required)
        .map(|(id, _)| id)
        .collect();
    let (mut hint, mut organisations, mut verifications) = (None, Value::Null, Vec::new());
    for chosen in choices(&optional) {
        let (id, staged_hint) = stage(session, scenario, &chosen).await;
        hint = Some(staged_hint);
        // Refused credentials reach none.
        let reached = session.organisations(&id).await.unwrap_or_default();
        let several = reached.len() > 1;
        organisations = json!(reached);
        let choices = std::iter::once(None).chain(
            reached
                .iter()
                .filter(|_| several)
                .map(|org| Some(org.id.clone())),
        );
        for organisation in choices {
            let steps = Steps::default();
            let sink = steps.sink();
            let report = session
                .verify(&id, organisation.as_deref(), Some(&chosen), &sink)
                .await
                .expect("staged credentials verify");
            drop(sink);
            let ids: Vec<String> = report.permissions.iter().map(|p| p.id.clone()).collect();
            verifications.push(json!({
                "optional": chosen,
                "organisation": organisation,
                "steps": steps.in_order(&ids),
                "report": report,
            }));
        }
        session.discard(&id);
    }
    let line = match &scenario.given {
        Given::Text { line, .. } => json!({ "line_sha256": sha256(line) }),
        Given::SignIn(consent) => json!({ "user": consent.login.username }),
    };
    json!({
        "provider": scenario.provider,
        "scenario": scenario.name,
        "given": line,
        "hint": hint,
        "organisations": organisations,
        "verifications": verifications,
    })
}

#[tokio::test]
async fn the_ui_fixtures_are_the_sessions_answers_on_the_sandbox() {
    let sandbox = Sandbox::start(SandboxConfig {
        people: 42,
        ..SandboxConfig::default()
    })
    .await
    .expect("the Sandbox starts");
    let session = session(&sandbox);
    let mut credentials = Vec::new();
    for scenario in scenarios() {
        credentials.push(answers(&session, &scenario).await);
    }
    let refused: Vec<Value> = refused_texts()
        .into_iter()
        .map(|(provider, name, text)| {
            let problem: Problem = session
                .stage_text(provider, text.as_bytes())
                .expect_err(name);
            json!({ "provider": provider, "name": name, "text": text, "problem": problem })
        })
        .collect();
    let fixtures = json!({ "credentials": credentials, "refused": refused });

    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PATH);
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    let after = serde_json::to_string_pretty(&fixtures).expect("the answers serialise") + "\n";
    std::fs::write(&path, &after).expect("write the UI fixtures");
    for secret in [
        scenarios::hrworks::VALID.secret_access_key,
        scenarios::iris::VALID.password,
        scenarios::employmenthero_payroll::VALID,
    ] {
        assert!(!after.contains(secret), "no secret in the UI fixtures");
    }
    assert!(
        before == after,
        "ui/src/lib/ipc/sandboxAnswers.gen.json was stale and has been regenerated: review and commit it"
    );
}
