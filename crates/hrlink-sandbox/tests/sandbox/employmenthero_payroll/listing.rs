//! Employment Hero Payroll listings: OData paging of employees, the `$top` limit, the
//! employee record's shape, its sensitive fields, locations and employing entities.

use std::collections::HashSet;

use hrlink_sandbox::scenarios::employmenthero_payroll as scenario;
use reqwest::StatusCode;
use serde_json::Value;

use super::{all_employees, api, employees_url, get, get_json};
use crate::common::{json, sandbox};

#[tokio::test]
async fn employees_come_in_pages_of_at_most_100_and_a_short_page_ends_the_list() {
    let sandbox = sandbox().await;
    let url = employees_url(&sandbox, scenario::BUSINESS_ID);
    let key = scenario::VALID;
    let people = all_employees(&sandbox, key, scenario::BUSINESS_ID).await;
    assert_eq!(people.len(), 250);
    let ids: HashSet<u64> = people.iter().map(|p| p["id"].as_u64().unwrap()).collect();
    assert_eq!(ids.len(), 250, "no one twice");

    let page = |query: &'static str| {
        let url = format!("{url}{query}");
        async move { get_json(&url, key).await.as_array().unwrap().clone() }
    };
    assert_eq!(page("").await, people[..100], "no $top means 100");
    assert_eq!(page("?$skip=200&$top=100").await, people[200..]);
    assert_eq!(page("?$skip=10&$top=5").await, people[10..15]);
    assert!(page("?$skip=250&$top=100").await.is_empty());
    assert!(page("?$skip=9999").await.is_empty());
    assert!(page("?$top=0").await.is_empty());
    assert_eq!(page("?$top=100&$orderby=Id").await, people[..100]);
    assert_eq!(
        page("?%24top=3").await,
        people[..3],
        "an encoded $ is the same"
    );

    let catering = all_employees(
        &sandbox,
        scenario::TWO_BUSINESSES,
        scenario::OTHER_BUSINESS_ID,
    );
    assert_eq!(catering.await.len(), scenario::OTHER_BUSINESS_PEOPLE);
}

#[tokio::test]
async fn top_above_100_and_malformed_options_are_refused_with_400() {
    let sandbox = sandbox().await;
    let url = employees_url(&sandbox, scenario::BUSINESS_ID);
    let refused = |query: &'static str| {
        let url = format!("{url}{query}");
        async move {
            let response = get(&url, scenario::VALID).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
            json(response).await["message"].as_str().unwrap().to_owned()
        }
    };
    let message = refused("?$top=101").await;
    assert!(
        message.contains("The limit of '100' for Top query has been exceeded"),
        "{message}"
    );
    assert!(message.contains("'101'"));
    assert!(refused("?$top=-1").await.contains("$top"));
    assert!(refused("?$top=ten").await.contains("$top"));
    assert!(refused("?$skip=-100").await.contains("$skip"));
    assert!(
        refused("?$filter=Status%20eq%20'Active'")
            .await
            .contains("$filter")
    );
    assert!(refused("?$orderby=Surname").await.contains("$orderby"));
    let message = refused("?$select=firstName").await;
    assert!(
        message.contains("'firstName'"),
        "OData names are capitalised: {message}"
    );
    let locations = format!(
        "{}/api/v2/business/{}/location?$top=500",
        api(&sandbox),
        scenario::BUSINESS_ID
    );
    assert_eq!(
        get(&locations, scenario::VALID).await.status(),
        StatusCode::BAD_REQUEST
    );
}

fn is_api_date_time(value: &Value) -> bool {
    let Some(text) = value.as_str() else {
        return false;
    };
    let bytes = text.as_bytes();
    text.len() == 19
        && text.ends_with("T00:00:00")
        && bytes.iter().take(10).enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

#[tokio::test]
async fn employee_records_have_the_documented_shape() {
    let sandbox = sandbox().await;
    let people = all_employees(&sandbox, scenario::VALID, scenario::BUSINESS_ID).await;
    let mut statuses = HashSet::new();
    for person in &people {
        assert!(
            person["firstName"].is_string() && person["surname"].is_string(),
            "{person}"
        );
        assert!(
            is_api_date_time(&person["startDate"]),
            "{}",
            person["startDate"]
        );
        assert!(is_api_date_time(&person["dateOfBirth"]));
        assert!(
            person["employingEntityId"].is_string(),
            "a string id, as in the model"
        );
        let status = person["status"].as_str().unwrap();
        statuses.insert(status.to_owned());
        match status {
            "Terminated" => {
                assert!(is_api_date_time(&person["endDate"]));
                assert!(person["terminationReason"].is_string());
            }
            "Active" | "Incomplete" => assert!(person["endDate"].is_null()),
            other => panic!("status {other}"),
        }
    }
    let expected: HashSet<String> = ["Active", "Terminated", "Incomplete"]
        .map(str::to_owned)
        .into();
    assert_eq!(statuses, expected);
    let names: String = people
        .iter()
        .map(|p| p["surname"].as_str().unwrap())
        .collect();
    assert!(
        names.chars().any(|c| "āēīōū".contains(c)),
        "New Zealand names"
    );

    let uk = all_employees(&sandbox, scenario::UNITED_KINGDOM, scenario::UK_BUSINESS_ID).await;
    assert_eq!(uk.len(), scenario::UK_BUSINESS_PEOPLE);
    assert!(
        uk.iter()
            .all(|p| p.get("nationalInsuranceNumber").is_some())
    );
}

/// Every key whose name says it holds a tax number or bank details.
fn sensitive(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "bankaccount",
        "irdnumber",
        "taxfilenumber",
        "nationalinsurancenumber",
        "superfund",
    ]
    .iter()
    .any(|word| name.contains(word))
}

#[tokio::test]
async fn no_tax_number_or_bank_detail_is_ever_served() {
    let sandbox = sandbox().await;
    for (key, business) in [
        (scenario::VALID, scenario::BUSINESS_ID),
        (scenario::UNITED_KINGDOM, scenario::UK_BUSINESS_ID),
    ] {
        let people = all_employees(&sandbox, key, business).await;
        let mut seen = 0;
        for person in &people {
            for (name, value) in person.as_object().unwrap() {
                if sensitive(name) {
                    seen += 1;
                    assert!(value.is_null(), "{name} = {value}");
                }
            }
        }
        assert!(
            seen >= people.len() * 10,
            "the model's keys are there, empty"
        );
    }
}

#[tokio::test]
async fn locations_and_employing_entities_are_what_employees_refer_to() {
    let sandbox = sandbox().await;
    let base = format!(
        "{}/api/v2/business/{}",
        api(&sandbox),
        scenario::BUSINESS_ID
    );
    let key = scenario::VALID;
    let locations = get_json(&format!("{base}/location"), key).await;
    let location_names: HashSet<&str> = locations
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            assert!(
                l["id"].is_u64() && l["fullyQualifiedName"].is_string(),
                "{l}"
            );
            l["name"].as_str().unwrap()
        })
        .collect();
    assert_eq!(location_names.len(), 5);
    let entities = get_json(&format!("{base}/employingentity"), key).await;
    let entity_ids: HashSet<String> = entities
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(e["name"].is_string(), "{e}");
            e["id"].as_u64().unwrap().to_string()
        })
        .collect();
    assert_eq!(entity_ids.len(), 2);
    let people = all_employees(&sandbox, key, scenario::BUSINESS_ID).await;
    let used: HashSet<String> = people
        .iter()
        .map(|p| {
            assert!(location_names.contains(p["primaryLocation"].as_str().unwrap()));
            p["employingEntityId"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(used, entity_ids);
}

#[tokio::test]
async fn select_keeps_only_the_named_properties_so_sensitive_ones_never_travel() {
    let sandbox = sandbox().await;
    // What docs/providers/employmenthero-payroll.md advises the adapter to ask for.
    let properties = "Id,FirstName,MiddleName,Surname,PreferredName,EmailAddress,StartDate,\
                      EndDate,Status,JobTitle,PrimaryLocation,EmployingEntityId,ExternalId";
    let url = format!(
        "{}?$orderby=Id&$skip=0&$top=100&$select={properties}",
        employees_url(&sandbox, scenario::BUSINESS_ID)
    );
    let page = get_json(&url, scenario::VALID).await;
    let page = page.as_array().unwrap();
    assert_eq!(page.len(), 100);
    let expected: HashSet<String> = properties
        .split(',')
        .map(|name| name[..1].to_lowercase() + &name[1..])
        .collect();
    for person in page {
        let keys: HashSet<String> = person.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, expected);
    }
    let locations = format!(
        "{}/api/v2/business/{}/location?$select=Name",
        api(&sandbox),
        scenario::BUSINESS_ID
    );
    let response = get(&locations, scenario::VALID).await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "only the employee list selects"
    );
}
