//! A 50,000-person organisation, listed page by page.

use std::collections::HashSet;

use hrlink_sandbox::scenarios::hrworks;
use serde::Deserialize;

use crate::common::{hrworks_token, http, link, sandbox};

/// Only what the test checks: the rest of each record is skipped, not parsed into maps.
#[derive(Deserialize)]
struct Page {
    persons: Vec<Person>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Person {
    person_id: String,
}

#[tokio::test]
async fn fifty_thousand_people_are_listable_page_by_page() {
    let sandbox = sandbox().await;
    let token = hrworks_token(&sandbox, hrworks::LARGE_COMPANY).await;
    let client = http();
    let mut next = Some(format!(
        "{}/v2/persons/master-data?onlyActive=false",
        sandbox.endpoints().hrworks.api
    ));
    let (mut ids, mut pages) = (HashSet::new(), 0);
    while let Some(url) = next {
        let response = client.get(url).bearer_auth(&token).send().await.unwrap();
        next = link(&response, "next");
        let page: Page = response.json().await.unwrap();
        ids.extend(page.persons.into_iter().map(|person| person.person_id));
        pages += 1;
    }
    assert_eq!(pages, 1_000);
    assert_eq!(ids.len(), hrworks::LARGE_COMPANY_PEOPLE);
}
