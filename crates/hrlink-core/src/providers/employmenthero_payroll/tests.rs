use super::people::Employee;
use super::*;
use crate::people::PersonStatus;

fn key(region: Option<&str>) -> ApiKey {
    ApiKey {
        key: SecretString::from("k"),
        region: region.map(str::to_owned),
        business_id: None,
    }
}

#[test]
fn the_region_picks_the_production_host_and_a_file_address_serves_every_region() {
    let production = ProviderEndpoints {
        api: Url::parse("https://api.yourpayroll.com.au").unwrap(),
        auth: None,
    };
    assert_eq!(
        api_base(&production, &key(Some("NZ"))).as_str(),
        "https://api.nzpayroll.co.nz/"
    );
    assert_eq!(
        api_base(&production, &key(None)).as_str(),
        "https://api.yourpayroll.com.au/"
    );
    let sandbox = ProviderEndpoints {
        api: Url::parse("http://127.0.0.1:4100/employmenthero-payroll").unwrap(),
        auth: None,
    };
    assert_eq!(api_base(&sandbox, &key(Some("UK"))), sandbox.api);
}

#[test]
fn employees_become_people() {
    let json = r#"[{"id":7,"firstName":"Aroha","middleName":null,"surname":"Ngata",
        "preferredName":"Ro","emailAddress":"aroha@example.nz","startDate":"2016-04-11T00:00:00",
        "endDate":null,"status":"Active","jobTitle":"Baker","primaryLocation":"Wellington",
        "externalId":"E7"},
        {"id":8,"firstName":"Tom","surname":"Hale","status":"Terminated",
         "endDate":"2020-01-31T00:00:00"},
        {"id":9,"firstName":"New","surname":"Starter","status":"Incomplete"}]"#;
    let employees: Vec<Employee> = serde_json::from_str(json).unwrap();
    let today = time::macros::date!(2026 - 01 - 01);
    let people: Vec<Person> = employees
        .into_iter()
        .map(|e| e.into_person(today))
        .collect();
    let [aroha, tom, new] = people.as_slice() else {
        panic!("three people");
    };
    assert_eq!(aroha.ids.provider_id.as_deref(), Some("7"));
    assert_eq!(aroha.ids.external_ids, vec!["E7".to_owned()]);
    assert_eq!(aroha.preferred_name.as_deref(), Some("Ro"));
    assert_eq!(aroha.start_date, Some(time::macros::date!(2016 - 04 - 11)));
    assert_eq!(aroha.location.as_deref(), Some("Wellington"));
    assert_eq!(aroha.status, Some(PersonStatus::Active));
    assert_eq!(tom.status, Some(PersonStatus::Terminated));
    assert_eq!(new.status, Some(PersonStatus::Inactive));
}

#[test]
fn one_business_is_chosen_by_itself_several_need_a_choice() {
    let business = |id: u32, name: &str| Business {
        id: id.into(),
        name: Some(name.to_owned()),
        legal_name: None,
    };
    let one = [business(1, "A")];
    assert_eq!(choose(&one, None).unwrap().name, "A");
    let two = [business(1, "A"), business(2, "B")];
    assert!(matches!(
        choose(&two, None),
        Err(Problem::OrganisationChoiceNeeded { count: 2, .. })
    ));
    assert_eq!(choose(&two, Some("2")).unwrap().name, "B");
    assert!(matches!(
        choose(&[], None),
        Err(Problem::PermissionMissing { .. })
    ));
}
