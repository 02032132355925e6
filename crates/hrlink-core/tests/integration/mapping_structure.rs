//! Every provider's organisation structure listed from the Sandbox over loopback HTTP, with the
//! people counted into it.

use hrlink_core::mapping::{CategoryKind, HrCategory, Structure, list_structure};
use hrlink_core::people::{ListingOptions, Person, list_people};
use hrlink_core::verify::Credentials;
use hrlink_sandbox::scenarios::{hrworks as hrworks_scenario, iris as iris_scenario};
use hrlink_sandbox::{Sandbox, SandboxConfig};

use crate::common::{self, fast_http};
use crate::people_listing::{employmenthero_credentials, ipayroll_credentials};

async fn sandbox() -> Sandbox {
    common::sandbox_with(SandboxConfig {
        people: 240,
        ..SandboxConfig::default()
    })
    .await
}

/// The people, then the structure with them counted in.
async fn listed(sandbox: &Sandbox, credentials: &Credentials) -> (Vec<Person>, Structure) {
    let endpoints = common::endpoints(sandbox);
    let people = list_people(
        &fast_http(),
        &endpoints,
        credentials,
        None,
        &ListingOptions::default(),
        &|_| {},
    )
    .await
    .result
    .expect("the people are listed")
    .people;
    let structure = list_structure(&fast_http(), &endpoints, credentials, &people)
        .await
        .expect("the structure is listed");
    (people, structure)
}

fn names(categories: &[HrCategory]) -> Vec<&str> {
    categories.iter().map(|c| c.name.as_str()).collect()
}

fn total(categories: &[HrCategory]) -> usize {
    categories.iter().map(|c| c.people as usize).sum()
}

#[tokio::test]
async fn hrworks_lists_establishments_as_locations_and_units_by_number() {
    let sandbox = sandbox().await;
    let credentials = common::hrworks(hrworks_scenario::VALID);
    let (people, structure) = listed(&sandbox, &credentials).await;
    let locations = structure.locations.as_deref().expect("locations");
    assert_eq!(names(locations)[0], "Zentrale München");
    assert_eq!(locations[0].id, "1");
    // Everyone works at one establishment and in one unit.
    assert_eq!(total(locations), people.len());
    let units = structure.areas_of_work.as_deref().expect("areas of work");
    assert!(
        units
            .iter()
            .any(|u| u.id == "3100" && u.name == "Lager & Logistik")
    );
    assert_eq!(total(units), people.len());
    assert_eq!(structure.roles, None, "HRworks has no roles");
}

#[tokio::test]
async fn employmenthero_lists_work_locations_teams_and_job_titles() {
    let sandbox = sandbox().await;
    let credentials = employmenthero_credentials(&sandbox).await;
    let (people, structure) = listed(&sandbox, &credentials).await;
    let locations = structure.locations.as_deref().expect("locations");
    assert!(
        names(locations).contains(&"Sydney Head Office"),
        "{locations:?}"
    );
    assert_eq!(total(locations), people.len());
    let teams = structure.areas_of_work.as_deref().expect("teams");
    assert!(names(teams).contains(&"Warehouse & Logistics"));
    assert_eq!(total(teams), people.len(), "one team each");
    let roles = structure.roles.as_deref().expect("job titles as roles");
    assert!(names(roles).contains(&"Barista"));
    assert_eq!(total(roles), people.len());
}

#[tokio::test]
async fn ipayroll_and_iris_offer_the_values_their_people_carry() {
    let sandbox = sandbox().await;
    for credentials in [
        ipayroll_credentials(&sandbox).await,
        common::iris(iris_scenario::VALID),
    ] {
        let (people, structure) = listed(&sandbox, &credentials).await;
        let provider = credentials.provider();
        let locations = structure.locations.as_deref().expect("locations");
        assert!(locations.len() >= 2, "{provider:?}: {locations:?}");
        assert_eq!(total(locations), people.len(), "{provider:?}");
        let areas = structure.areas_of_work.as_deref().expect("areas of work");
        assert!(names(areas).contains(&"Customer Service"), "{provider:?}");
        assert_eq!(structure.of(CategoryKind::Roles), None, "{provider:?}");
    }
}

#[tokio::test]
async fn employmenthero_payroll_lists_its_locations_by_id_and_job_titles() {
    use hrlink_sandbox::scenarios::employmenthero_payroll as ehp;
    let sandbox = sandbox().await;
    let text = format!("Region: NZ\n{}\n", ehp::VALID);
    let credentials = Credentials::from_text(
        hrlink_core::ProviderId::EmploymentheroPayroll,
        text.as_bytes(),
    )
    .unwrap();
    let (people, structure) = listed(&sandbox, &credentials).await;
    assert_eq!(people.len(), 240);
    let locations = structure.locations.as_deref().expect("locations");
    assert_eq!(
        names(locations),
        [
            "Wellington Head Office",
            "Auckland",
            "Ōtautahi Christchurch",
            "Dunedin",
            "Tauranga"
        ]
    );
    // Keyed by the location's id, not its name; everyone is counted in by `primaryLocation`.
    assert_eq!(locations[0].id, format!("{}1", ehp::BUSINESS_ID));
    assert!(locations.iter().all(|l| l.people > 0), "{locations:?}");
    assert_eq!(total(locations), people.len());
    assert_eq!(structure.areas_of_work, None, "no areas of work");
    let roles = structure.roles.as_deref().expect("job titles as roles");
    assert!(!roles.is_empty());
    assert_eq!(total(roles), people.len());
}
