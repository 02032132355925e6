use super::people::PeopleSource;
use super::*;
use crate::oauth::renewal::OAuthRenewal;
use crate::people::listing::engine::Source;

#[test]
fn the_organisation_number_names_the_account() {
    let first = FirstPage {
        organisation: Some("49764".into()),
        total: 3,
    };
    assert_eq!(
        account(&first),
        Account {
            id: "49764".into(),
            name: "iPayroll organisation 49764".into()
        }
    );
    assert_eq!(people_count(&first).count, 3);
    assert_eq!(json_text(&serde_json::json!(49764)), "49764");
}

#[test]
fn endpoints_follow_the_documented_paths() {
    let endpoints = ProviderEndpoints {
        api: Url::parse("https://secure2.ipayroll.co.nz").unwrap(),
        auth: None,
    };
    let server = authorization_server(&endpoints);
    assert_eq!(
        server.authorize_url.as_str(),
        "https://secure2.ipayroll.co.nz/oauth/authorize"
    );
    assert_eq!(
        server.token_url.as_str(),
        "https://secure2.ipayroll.co.nz/oauth/token"
    );
    assert!(server.send_scope);
}

#[test]
fn hateoas_pages_become_people_with_their_links() {
    let endpoints = ProviderEndpoints {
        api: Url::parse("https://secure2.ipayroll.co.nz").unwrap(),
        auth: None,
    };
    let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
    let tokens = crate::oauth::OAuthTokens {
        access_token: secrecy::SecretString::from("t"),
        refresh_token: None,
        expires_at: None,
        granted_scopes: None,
    };
    let source = PeopleSource {
        api: &endpoints.api,
        renewal: OAuthRenewal::new(&http, authorization_server(&endpoints), None, &tokens),
    };
    assert_eq!(
        source.page_url(2).as_str(),
        "https://secure2.ipayroll.co.nz/api/v1/employees?page=2&size=100"
    );
    let body = r#"{"content":[
        {"employeeId":"1001","firstNames":"Aroha Mere","surname":"Ngata","preferredName":"Ro",
         "email":"aroha@bakery.example","startDate":"1-May-2014","finishDate":null,
         "title":"Baker","userDefinedGroup":"Kitchen","workState":"Auckland","organisation":49764},
        {"employeeId":1002,"firstNames":"Sione","surname":"Tonga","finishDate":"3-Feb-2020"}
    ],"links":[{"rel":"self","href":"https://secure2.ipayroll.co.nz/api/v1/employees?page=0&size=100"},
               {"rel":"next","href":"/api/v1/employees?page=1&size=100"}],
      "page":{"size":100,"totalElements":150,"totalPages":2,"number":0}}"#;
    let response = crate::http::Response {
        status: reqwest::StatusCode::OK,
        headers: reqwest::header::HeaderMap::new(),
        body: body.as_bytes().to_vec(),
    };
    let page = source.parse(0, &response).unwrap();
    assert_eq!(page.total_pages, Some(2));
    assert_eq!(
        page.next.as_ref().map(Url::as_str),
        Some("https://secure2.ipayroll.co.nz/api/v1/employees?page=1&size=100")
    );
    assert_eq!(page.links.len(), 2);
    let [aroha, sione] = page.people.as_slice() else {
        panic!("two people");
    };
    assert_eq!(aroha.ids.provider_id.as_deref(), Some("1001"));
    assert_eq!(aroha.first_name, "Aroha Mere");
    assert_eq!(aroha.preferred_name.as_deref(), Some("Ro"));
    assert_eq!(aroha.start_date, Some(time::macros::date!(2014 - 05 - 01)));
    assert_eq!(aroha.job_title.as_deref(), Some("Baker"));
    assert_eq!(aroha.status, Some(crate::people::PersonStatus::Active));
    assert_eq!(sione.ids.provider_id.as_deref(), Some("1002"));
    assert_eq!(sione.status, Some(crate::people::PersonStatus::Terminated));
}
