use super::people::PeopleSource;
use super::*;
use crate::people::PersonStatus;
use crate::people::listing::engine::Source;

#[test]
fn reads_the_last_page_from_link_headers() {
    let header = r#"<https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=true>; rel="next", <https://api.hrworks.de/v2/persons/master-data?onlyActive=true&page=7>; rel="last""#;
    let base = Url::parse("https://api.hrworks.de").unwrap();
    assert_eq!(last_page_number(header, &base), Some(7));
    assert_eq!(
        last_page_number("<https://x/?page=3>; rel=last", &base),
        Some(3)
    );
    assert_eq!(
        last_page_number(r#"<https://x/?page=2>; rel="next""#, &base),
        None
    );
    assert_eq!(last_page_number("garbage", &base), None);
    assert_eq!(
        last_page_number("</v2/persons/master-data?page=4>; rel=\"last\"", &base),
        Some(4)
    );
}

#[test]
fn company_from_token_claims_when_present() {
    let encode = |json: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    let token = format!(
        "{}.{}.sig",
        encode("{}"),
        encode(r#"{"companyId":17,"companyName":"Acme GmbH","exp":1}"#)
    );
    assert_eq!(
        account_from_token(&token),
        Some(Account {
            id: "17".into(),
            name: "Acme GmbH".into()
        })
    );
    let bare = format!("{}.{}.sig", encode("{}"), encode(r#"{"exp":1}"#));
    assert_eq!(account_from_token(&bare), None);
    assert_eq!(account_from_token("not-a-jwt"), None);
}

fn response(body: &str, link: Option<&str>) -> Response {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::CONTENT_TYPE,
        reqwest::header::HeaderValue::from_static("application/json"),
    );
    if let Some(link) = link {
        headers.insert(LINK, reqwest::header::HeaderValue::from_str(link).unwrap());
    }
    Response {
        status: reqwest::StatusCode::OK,
        headers,
        body: body.as_bytes().to_vec(),
    }
}

#[test]
fn master_data_pages_become_people_with_paging_from_the_link_header() {
    let keys = crate::credentials::hrworks::parse_key_file(
        b"Access Key: AKIAEXAMPLE0000001\nSecret Access Key: c2VjcmV0/c2VjcmV0+c2VjcmV0=c2VjcmV0c2Vj\n",
    )
    .unwrap();
    let api = Url::parse("https://api.hrworks.de").unwrap();
    let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
    let source = PeopleSource {
        http: &http,
        api: &api,
        keys: &keys,
    };
    assert_eq!(
        source.page_url(1).as_str(),
        "https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false"
    );
    let body = r#"{"persons":[
        {"personId":"17","personnelNumber":10017,"firstName":"Jürgen","lastName":"Weiß",
         "email":"j.weiss@acme.example","privateEmail":"private@example.org","position":"Bäcker",
         "joinDate":"2019-04-01","leaveDate":null,"isActive":true,
         "organizationUnit":{"number":"2","name":"Backstube"},
         "permanentEstablishment":{"id":"1","name":"Berlin"},
         "externalIds":[{"externalSystem":"DATEV","id":"00017"}],"T-Shirt-Größe":"L"},
        {"personId":18,"firstName":"Anna","lastName":"Schmidt","isActive":false,
         "leaveDate":"2020-01-31"},
        {"personId":"19","firstName":"Ben","lastName":"Roth","isActive":false}
    ]}"#;
    let link = r#"<https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false>; rel="next", <https://api.hrworks.de/v2/persons/master-data?page=9&onlyActive=false>; rel="last""#;
    let page = source.parse(0, &response(body, Some(link))).unwrap();
    assert_eq!(page.total_pages, Some(9));
    assert_eq!(
        page.next.as_ref().map(Url::as_str),
        Some("https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false")
    );
    assert_eq!(page.links.len(), 2);
    let [juergen, anna, ben] = page.people.as_slice() else {
        panic!("three people");
    };
    assert_eq!(juergen.ids.provider_id.as_deref(), Some("17"));
    assert_eq!(juergen.ids.personnel_number.as_deref(), Some("10017"));
    assert_eq!(juergen.ids.external_ids, vec!["00017".to_owned()]);
    assert_eq!(juergen.first_name, "Jürgen");
    assert_eq!(juergen.work_email.as_deref(), Some("j.weiss@acme.example"));
    assert_eq!(juergen.status, Some(PersonStatus::Active));
    assert_eq!(juergen.department.as_deref(), Some("Backstube"));
    assert_eq!(juergen.location.as_deref(), Some("Berlin"));
    assert_eq!(juergen.job_title.as_deref(), Some("Bäcker"));
    assert_eq!(
        juergen.start_date,
        Some(time::macros::date!(2019 - 04 - 01))
    );
    assert_eq!(anna.ids.provider_id.as_deref(), Some("18"));
    assert_eq!(anna.status, Some(PersonStatus::Terminated));
    assert_eq!(ben.status, Some(PersonStatus::Inactive));

    // No `Link` at all: a full page asks for the next one, a short page ends the list.
    let person = r#"{"personId":"1","firstName":"A","lastName":"B"}"#;
    let full = format!(r#"{{"persons":[{}]}}"#, vec![person; 50].join(","));
    let page = source.parse(3, &response(&full, None)).unwrap();
    assert_eq!(page.total_pages, None);
    assert_eq!(page.next, Some(source.page_url(4)));
    let page = source
        .parse(3, &response(r#"{"persons":[]}"#, None))
        .unwrap();
    assert_eq!(page.next, None);
    // Not the documented shape: an unexpected answer, nothing echoed.
    assert_eq!(
        source.parse(0, &response(r#"{"people":[]}"#, None)).err(),
        Some(Problem::ProviderUnexpectedResponse {
            provider: "HRworks".into()
        })
    );
}

#[test]
fn token_expiry_from_the_exp_claim() {
    let encode = |json: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    let token = format!("{}.{}.sig", encode("{}"), encode(r#"{"exp":1700000000}"#));
    assert_eq!(
        token_expiry(&token),
        Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000))
    );
    assert_eq!(token_expiry("opaque-token"), None);
}
