use super::people::PeopleSource;
use super::*;
use crate::people::listing::engine::Source;

#[test]
fn refusals_name_their_cause_and_never_echo_the_body() {
    assert_eq!(
        refusal(br#"{"error":"user_inactive","message":"x"}"#),
        Problem::IrisUserInactive
    );
    assert_eq!(
        refusal(br#"{"error":"api_disabled"}"#),
        Problem::IrisApiModuleDisabled
    );
    for body in [
        &br#"{"error":"something_else","message":"CANARY-7f3a9c"}"#[..],
        b"<html>Forbidden</html>",
        b"",
    ] {
        let problem = refusal(body);
        assert_eq!(problem.code(), "credentials_rejected");
        assert!(!format!("{problem:?}").contains("CANARY"));
    }
}

#[test]
fn required_permissions_come_first() {
    let required: Vec<bool> = PROVIDER
        .entry()
        .asked()
        .map(|(_, required)| required)
        .collect();
    let mut sorted = required.clone();
    sorted.sort_by_key(|required| !required);
    assert_eq!(required, sorted);
}

fn response(body: &str) -> crate::http::Response {
    crate::http::Response {
        status: reqwest::StatusCode::OK,
        headers: reqwest::header::HeaderMap::new(),
        body: body.as_bytes().to_vec(),
    }
}

#[test]
fn employee_pages_become_people_and_count_their_pages() {
    let login = crate::credentials::parse_iris_credentials(
        "Username: sbx-api-valid\nPassword: Sbx!Valid-7Kq2Rw9P",
    )
    .unwrap();
    let api = Url::parse("https://iris.example/hr").unwrap();
    let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
    let source = PeopleSource {
        http: &http,
        api: &api,
        login: &login,
    };
    assert_eq!(
        source.page_url(0).as_str(),
        "https://iris.example/hr/api/v1/employees?page=1&pageSize=200"
    );
    let body = r#"{"items":[
        {"employeeId":"E00001","firstName":"Siân","lastName":"O'Brien","workEmail":"sian@tea.example",
         "jobTitle":"Manager","department":"Front of house","location":"Bath",
         "startDate":"2018-03-05","leaveDate":null,"status":"Active"},
        {"employeeId":"E00002","firstName":"Tom","lastName":"Hardy","workEmail":"",
         "startDate":"2015-01-01","leaveDate":"2021-06-30","status":"Leaver"},
        {"employeeId":"E00003","firstName":"Ann","lastName":"Lee","status":"Inactive"}
    ],"page":1,"pageSize":50,"totalItems":101}"#;
    let page = source.parse(0, &response(body)).unwrap();
    // The server's page size (50), not the one asked for, counts the pages.
    assert_eq!(page.total_pages, Some(3));
    let [sian, tom, ann] = page.people.as_slice() else {
        panic!("three people");
    };
    assert_eq!(sian.ids.provider_id.as_deref(), Some("E00001"));
    assert_eq!(sian.first_name, "Siân");
    assert_eq!(sian.status, Some(crate::people::PersonStatus::Active));
    assert_eq!(sian.department.as_deref(), Some("Front of house"));
    assert_eq!(sian.location.as_deref(), Some("Bath"));
    assert_eq!(tom.work_email, None);
    assert_eq!(tom.status, Some(crate::people::PersonStatus::Terminated));
    assert_eq!(ann.status, Some(crate::people::PersonStatus::Inactive));
    let empty = source
        .parse(0, &response(r#"{"items":[],"totalItems":0}"#))
        .unwrap();
    assert_eq!(empty.total_pages, Some(1));
    assert!(source.parse(0, &response("<html></html>")).is_err());
}
