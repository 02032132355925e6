//! IRIS HR Professional verification against the Sandbox (provisional contract), one test per
//! scenario login, plus the cases the scenario table does not name.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use crate::common;

use common::{
    CANARY, Progress, RawServer, Reply, assert_nowhere, codes, endpoints, endpoints_at, fast_http,
    iris, iris_login, json_response, sandbox, sandbox_with,
};
use hrlink_core::ProviderId;
use hrlink_core::verify::{
    Account, PeopleCount, PermissionCheck, PermissionStatus, VerificationReport, VerifyStep, verify,
};
use hrlink_sandbox::SandboxConfig;
use hrlink_sandbox::scenarios::iris as scenario;
use serde_json::json;

use PermissionStatus::{Granted, Missing, Unknown};

fn statuses(report: &VerificationReport) -> Vec<(&str, bool, PermissionStatus)> {
    report
        .permissions
        .iter()
        .map(|p| (p.id.as_str(), p.required, p.status))
        .collect()
}

#[tokio::test]
async fn valid_api_user_reaches_the_company_with_every_right() {
    // An unusual size, so that the count cannot come from a default.
    let config = SandboxConfig {
        people: 37,
        ..SandboxConfig::default()
    };
    let sandbox = sandbox_with(config).await;
    let progress = Progress::default();
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris(scenario::VALID),
        &progress.sink(),
    )
    .await;

    assert!(report.ok, "{report:?}");
    assert_eq!(report.provider, ProviderId::Iris);
    let account = report.account.clone().unwrap();
    assert_eq!(account.name, scenario::COMPANY);
    assert!(!account.id.is_empty());
    assert_eq!(
        statuses(&report),
        vec![
            ("employees", true, Granted),
            ("personal", true, Granted),
            ("contract", false, Granted),
        ]
    );
    assert_eq!(report.people, Some(PeopleCount::everyone(37)));
    assert!(report.problems.is_empty());
    assert_nowhere(&report, scenario::VALID.password);

    let mut steps: Vec<VerifyStep> = progress.balanced().into_iter().map(|(s, _)| s).collect();
    steps.sort_by_key(|s| format!("{s:?}"));
    let permission = |id: &str| VerifyStep::Permission(id.to_owned());
    let mut expected = vec![
        VerifyStep::Authenticate,
        VerifyStep::Account,
        VerifyStep::People,
        permission("employees"),
        permission("personal"),
        permission("contract"),
    ];
    expected.sort_by_key(|s| format!("{s:?}"));
    assert_eq!(steps, expected);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn inactive_api_user_is_told_to_tick_active() {
    let sandbox = sandbox().await;
    let progress = Progress::default();
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris(scenario::INACTIVE),
        &progress.sink(),
    )
    .await;
    assert!(!report.ok);
    assert_eq!(codes(&report), ["iris_user_inactive"]);
    assert_eq!(report.account, None);
    assert!(report.permissions.is_empty());
    // Nothing after a refused sign-in is attempted.
    assert_eq!(progress.balanced(), vec![(VerifyStep::Authenticate, false)]);
    let text = hrlink_core::messages::render(&report.problems[0], Default::default());
    assert!(text.next_step.contains("API Users"), "{}", text.next_step);
    assert!(text.next_step.contains("Active"), "{}", text.next_step);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn disabled_api_module_is_told_where_to_enable_it() {
    let sandbox = sandbox().await;
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris(scenario::API_DISABLED),
        &|_| {},
    )
    .await;
    assert!(!report.ok);
    assert_eq!(codes(&report), ["iris_api_module_disabled"]);
    for language in [
        hrlink_core::messages::Language::En,
        hrlink_core::messages::Language::De,
    ] {
        let text = hrlink_core::messages::render(&report.problems[0], language);
        assert!(
            text.next_step
                .contains("System Tools > Utilities > Tools > System Configuration > Modules"),
            "{}",
            text.next_step
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn missing_contract_rights_are_reported_but_optional() {
    let sandbox = sandbox().await;
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris(scenario::NO_CONTRACT_RIGHTS),
        &|_| {},
    )
    .await;
    assert!(report.ok, "an optional right does not fail: {report:?}");
    assert_eq!(
        statuses(&report),
        vec![
            ("employees", true, Granted),
            ("personal", true, Granted),
            ("contract", false, Missing),
        ]
    );
    assert!(report.problems.is_empty());
    assert_eq!(
        report.account.map(|a| a.name).as_deref(),
        Some(scenario::COMPANY)
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_wrong_password_is_rejected_and_never_echoed() {
    let sandbox = sandbox().await;
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris_login(scenario::VALID.username, CANARY),
        &|_| {},
    )
    .await;
    assert_eq!(codes(&report), ["credentials_rejected"]);
    assert_nowhere(&report, CANARY);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_empty_company_verifies_with_zero_people() {
    let config = SandboxConfig {
        people: 0,
        ..SandboxConfig::default()
    };
    let sandbox = sandbox_with(config).await;
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris(scenario::VALID),
        &|_| {},
    )
    .await;
    assert!(report.ok, "{report:?}");
    assert_eq!(report.people, Some(PeopleCount::everyone(0)));
    // No employee to probe with: the placeholder's 404 means the rights check let it through.
    assert!(report.permissions.iter().all(|p| p.status == Granted));

    // ...and a refused tab is still told apart in an empty company.
    let report = verify(
        &fast_http(),
        &endpoints(&sandbox),
        &iris(scenario::NO_CONTRACT_RIGHTS),
        &|_| {},
    )
    .await;
    assert_eq!(
        statuses(&report),
        vec![
            ("employees", true, Granted),
            ("personal", true, Granted),
            ("contract", false, Missing),
        ]
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn without_a_configured_address_iris_is_a_configuration_problem() {
    // Production has no IRIS address (providers.md: the host is unknown).
    let report = verify(
        &fast_http(),
        &hrlink_core::Endpoints::production(),
        &iris(scenario::VALID),
        &|_| {},
    )
    .await;
    assert_eq!(codes(&report), ["configuration_invalid"]);
}

/// A scripted IRIS: sign-in works, then `routes` answers by path.
async fn scripted_iris(
    routes: impl Fn(&str) -> Reply + Send + Sync + 'static,
) -> (RawServer, hrlink_core::Endpoints) {
    let server = RawServer::start(move |request, _| match request.path() {
        "/iris/api/v1/token" => {
            json_response(200, &json!({"access_token": "t", "expires_in": 900}))
        }
        path => routes(path),
    })
    .await;
    let endpoints = endpoints_at("http://127.0.0.1:9", &format!("{}/iris", server.origin()));
    (server, endpoints)
}

#[tokio::test]
async fn refused_listing_and_personal_tab_are_required_permissions_missing() {
    let (server, endpoints) = scripted_iris(|path| match path {
        "/iris/api/v1/company" => json_response(200, &json!({"id": 7, "name": "Tea Ltd"})),
        "/iris/api/v1/employees/0/contract" => json_response(404, &json!({"error": "not_found"})),
        _ => json_response(403, &json!({"error": "insufficient_rights"})),
    })
    .await;
    let report = verify(&fast_http(), &endpoints, &iris(scenario::VALID), &|_| {}).await;
    assert!(!report.ok);
    assert_eq!(
        report.account,
        Some(Account {
            id: "7".into(),
            name: "Tea Ltd".into()
        })
    );
    assert_eq!(
        statuses(&report),
        vec![
            ("employees", true, Missing),
            ("personal", true, Missing),
            ("contract", false, Granted),
        ]
    );
    assert_eq!(codes(&report), ["permission_missing", "permission_missing"]);
    assert_eq!(report.people, None);
    // Tabs were probed with the placeholder id, since the listing gave none.
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.path() == "/iris/api/v1/employees/0/personal")
    );
}

#[tokio::test]
async fn employee_ids_are_path_segments_and_the_first_one_is_probed() {
    let (server, endpoints) = scripted_iris(|path| match path {
        "/iris/api/v1/company" => json_response(200, &json!({"id": "c1", "name": "Tea Ltd"})),
        "/iris/api/v1/employees" => json_response(
            200,
            &json!({"items": [{"employeeId": "A/1?x"}], "page": 1, "pageSize": 1, "totalItems": 3}),
        ),
        "/iris/api/v1/employees/A%2F1%3Fx/personal"
        | "/iris/api/v1/employees/A%2F1%3Fx/contract" => {
            json_response(200, &json!({"employeeId": "A/1?x"}))
        }
        _ => json_response(404, &json!({"error": "not_found"})),
    })
    .await;
    let report = verify(&fast_http(), &endpoints, &iris(scenario::VALID), &|_| {}).await;
    assert!(report.ok, "{report:?} {:?}", server.requests());
    assert_eq!(report.people, Some(PeopleCount::everyone(3)));
    let listing = server
        .requests()
        .into_iter()
        .find(|r| r.path() == "/iris/api/v1/employees")
        .unwrap();
    assert_eq!(listing.target, "/iris/api/v1/employees?page=1&pageSize=1");
    assert!(listing.header("authorization") == Some("Bearer t"));
}

#[tokio::test]
async fn a_probe_failing_on_the_server_is_unknown_not_missing() {
    let (_server, endpoints) = scripted_iris(|path| match path {
        "/iris/api/v1/company" => json_response(200, &json!({"id": "c1", "name": "Tea Ltd"})),
        "/iris/api/v1/employees" => json_response(
            200,
            &json!({"items": [{"employeeId": 12}], "totalItems": 1}),
        ),
        "/iris/api/v1/employees/12/personal" => json_response(200, &json!({})),
        _ => json_response(500, &json!({"error": "internal_error"})),
    })
    .await;
    let report = verify(&fast_http(), &endpoints, &iris(scenario::VALID), &|_| {}).await;
    assert!(!report.ok, "a failed probe leaves the verdict open");
    assert_eq!(
        report.permissions,
        vec![
            PermissionCheck {
                id: "employees".into(),
                required: true,
                status: Granted
            },
            PermissionCheck {
                id: "personal".into(),
                required: true,
                status: Granted
            },
            PermissionCheck {
                id: "contract".into(),
                required: false,
                status: Unknown
            },
        ]
    );
    assert_eq!(codes(&report), ["provider_server_error"]);
}
