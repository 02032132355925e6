use super::people::PeopleSource;
use super::*;
use crate::oauth::renewal::OAuthRenewal;
use crate::people::PersonStatus;
use crate::people::listing::engine::Source;

fn org(id: &str) -> Organisation {
    Organisation {
        id: id.into(),
        name: format!("Org {id}"),
    }
}

fn reached(ids: &[&str]) -> Reached {
    Reached {
        organisations: ids.iter().map(|id| org(id)).collect(),
        total: ids.len() as u64,
    }
}

#[test]
fn one_organisation_is_the_account() {
    let account = choose(Some(&reached(&["a"])), None).unwrap().unwrap();
    assert_eq!(account.id, "a");
    assert_eq!(account.name, "Org a");
}

#[test]
fn several_organisations_need_a_choice() {
    let two = reached(&["a", "b"]);
    assert_eq!(
        choose(Some(&two), None),
        Err(Problem::OrganisationChoiceNeeded {
            provider: "Employment Hero".into(),
            count: 2
        })
    );
    assert_eq!(choose(Some(&two), Some("b")).unwrap().unwrap().id, "b");
    assert!(matches!(
        choose(Some(&two), Some("c")),
        Err(Problem::OrganisationChoiceNeeded { count: 2, .. })
    ));
    // One listed but more on later pages still needs a choice.
    let paged = Reached {
        organisations: vec![org("a")],
        total: 3,
    };
    assert!(matches!(
        choose(Some(&paged), None),
        Err(Problem::OrganisationChoiceNeeded { count: 3, .. })
    ));
}

#[test]
fn without_the_listing_a_choice_is_kept() {
    assert_eq!(choose(None, None), Ok(None));
    assert_eq!(choose(None, Some("a")).unwrap().unwrap().id, "a");
}

#[test]
fn endpoints_follow_the_documented_paths() {
    let endpoints = ProviderEndpoints {
        api: Url::parse("https://api.employmenthero.com").unwrap(),
        auth: Some(Url::parse("https://oauth.employmenthero.com").unwrap()),
    };
    let server = authorization_server(&endpoints);
    assert_eq!(
        server.authorize_url.as_str(),
        "https://oauth.employmenthero.com/oauth2/authorize"
    );
    assert!(!server.send_scope);
}

#[test]
fn employee_pages_become_people() {
    let endpoints = ProviderEndpoints {
        api: Url::parse("https://api.employmenthero.com").unwrap(),
        auth: Some(Url::parse("https://oauth.employmenthero.com").unwrap()),
    };
    let http = HttpClient::new(crate::http::HttpConfig::default()).unwrap();
    let tokens = OAuthTokens {
        access_token: secrecy::SecretString::from("t"),
        refresh_token: None,
        expires_at: None,
        granted_scopes: None,
    };
    let source = PeopleSource {
        api: &endpoints.api,
        organisation_id: "org/1".into(),
        renewal: OAuthRenewal::new(&http, authorization_server(&endpoints), None, &tokens),
    };
    assert_eq!(
        source.page_url(0).as_str(),
        "https://api.employmenthero.com/api/v1/organisations/org%2F1/employees?page_index=1&item_per_page=100"
    );
    let body = r#"{"data":{"items":[
        {"id":"u-1","code":"EMP00001","external_id":null,"first_name":"Charlotte","last_name":"Nguyễn",
         "middle_name":"Mai","known_as":"Lottie","email":"lottie@home.example",
         "company_email":"c.nguyen@bakehouse.example","job_title":"Barista","status":"active",
         "start_date":"2021-02-03","termination_date":null,"location":"Sydney CBD",
         "teams":[{"id":"t1","name":"Café"}]},
        {"id":"u-2","first_name":"Jack","last_name":"Brown","status":"terminated",
         "termination_date":"2022-07-01","location":{"id":"l1","name":"Parramatta"}},
        {"id":"u-3","first_name":"Mia","last_name":"Wu","status":"inactive"}
    ],"page_index":1,"item_per_page":100,"total_items":250,"total_pages":3}}"#;
    let response = crate::http::Response {
        status: reqwest::StatusCode::OK,
        headers: reqwest::header::HeaderMap::new(),
        body: body.as_bytes().to_vec(),
    };
    let page = source.parse(0, &response).unwrap();
    assert_eq!(page.total_pages, Some(3));
    let [lottie, jack, mia] = page.people.as_slice() else {
        panic!("three people");
    };
    assert_eq!(lottie.ids.provider_id.as_deref(), Some("u-1"));
    assert_eq!(lottie.ids.personnel_number.as_deref(), Some("EMP00001"));
    assert!(lottie.ids.external_ids.is_empty());
    assert_eq!(lottie.preferred_name.as_deref(), Some("Lottie"));
    assert_eq!(lottie.middle_name.as_deref(), Some("Mai"));
    // The company email, never the personal one.
    assert_eq!(
        lottie.work_email.as_deref(),
        Some("c.nguyen@bakehouse.example")
    );
    assert_eq!(lottie.teams, vec!["Café".to_owned()]);
    assert_eq!(lottie.location.as_deref(), Some("Sydney CBD"));
    assert_eq!(jack.status, Some(PersonStatus::Terminated));
    assert_eq!(jack.location.as_deref(), Some("Parramatta"));
    assert_eq!(mia.status, Some(PersonStatus::Inactive));
    // Without `total_pages`, the total and the page size tell it.
    let response = crate::http::Response {
        body: br#"{"data":{"items":[],"item_per_page":20,"total_items":41}}"#.to_vec(),
        ..response
    };
    assert_eq!(source.parse(0, &response).unwrap().total_pages, Some(3));
}
