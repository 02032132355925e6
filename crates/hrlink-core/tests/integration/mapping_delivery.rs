//! The mapping end to end over loopback: Sandbox Employment Hero's structure against the
//! Sandbox product's categories (what the wizard would pre-fill), and a mapping delivered to
//! the product with the connection.

use hrlink_core::delivery::{self, Backend, ConnectionDocument, EnrollmentCode, Origin};
use hrlink_core::mapping::{
    Categories, CategoryKind, Mapping, SuggestionKind, Suggestions, list_structure, suggest,
};
use hrlink_core::people::{ListingOptions, list_people};
use hrlink_core::verify;
use hrlink_sandbox::product::{self, EnrollmentSpec};
use hrlink_sandbox::scenarios::hrworks;
use serde_json::json;

use crate::common::{self, fast_http};
use crate::people_listing::employmenthero_credentials;

/// The suggestion for the HR category named `name`: (kind, product id), or `None`.
fn suggested(
    suggestions: &Suggestions,
    kind: CategoryKind,
    name: &str,
) -> Option<(SuggestionKind, String)> {
    let rows = &suggestions.kinds[&kind];
    let row = rows
        .iter()
        .find(|row| row.category.name == name)
        .unwrap_or_else(|| panic!("no {name} among {rows:?}"));
    row.suggestion
        .as_ref()
        .map(|s| (s.kind, s.product_id.clone()))
}

#[tokio::test]
async fn employmenthero_against_the_products_categories_exact_close_and_none() {
    let sandbox = common::sandbox().await;
    let credentials = employmenthero_credentials(&sandbox).await;
    let endpoints = common::endpoints(&sandbox);
    let options = ListingOptions::default();
    let people = list_people(
        &fast_http(),
        &endpoints,
        &credentials,
        None,
        &options,
        &|_| {},
    )
    .await
    .result
    .unwrap()
    .people;
    let structure = list_structure(&fast_http(), &endpoints, &credentials, &people)
        .await
        .unwrap();
    let categories: Categories = serde_json::from_value(product::categories()).unwrap();
    let suggestions = suggest(&structure, &categories);
    use CategoryKind::{AreasOfWork, Locations, Roles};
    use SuggestionKind::{Close, Exact};
    let table = [
        (Locations, "Sydney Head Office", Some((Exact, "loc_1"))),
        (Locations, "Parramatta", Some((Close, "loc_2"))),
        (Locations, "Brisbane", None),
        (AreasOfWork, "Warehouse & Logistics", Some((Exact, "aw_1"))),
        (AreasOfWork, "Customer Service", Some((Close, "aw_2"))),
        (AreasOfWork, "Technology", None),
        (Roles, "Barista", Some((Exact, "r_3"))),
        (Roles, "Operations Manager", Some((Exact, "r_4"))),
    ];
    for (kind, name, expected) in table {
        let expected = expected.map(|(k, id)| (k, id.to_owned()));
        assert_eq!(
            suggested(&suggestions, kind, name),
            expected,
            "{kind:?} {name}"
        );
    }
    let exact = Mapping::exact(&suggestions, &categories);
    assert_eq!(exact.default_role.as_deref(), Some("r_2"));
    assert!(
        !exact.locations.values().any(|id| id == "loc_2"),
        "close ones wait for the admin"
    );
    // Nobody silently mapped: the unmapped are counted for the summary.
    let unmapped = exact.unmapped(&structure, Locations);
    assert!(
        unmapped
            .iter()
            .any(|c| c.name == "Brisbane" && c.people > 0)
    );
}

#[tokio::test]
async fn the_mapping_travels_in_the_delivered_connection() {
    let sandbox = common::sandbox().await;
    let origin = Origin::parse(&sandbox.endpoints().product.api).unwrap();
    let backend = Backend::new(&fast_http(), origin, "Acme Rostering").unwrap();
    let code = sandbox.product().issue(&EnrollmentSpec {
        categories: true,
        ..EnrollmentSpec::default()
    });
    let enrollment = backend
        .redeem(&EnrollmentCode::parse(&code).unwrap())
        .await
        .unwrap();
    let categories = enrollment
        .categories
        .clone()
        .expect("the product sent categories");
    assert_eq!(categories.default_role.as_deref(), Some("r_2"));
    let credentials = common::hrworks(hrworks::VALID);
    let endpoints = common::endpoints(&sandbox);
    let report = verify::verify(&fast_http(), &endpoints, &credentials, &|_| {}).await;
    let mut mapping = Mapping {
        default_role: categories.default_role.clone(),
        ..Mapping::default()
    };
    mapping.locations.insert("1".into(), "loc_1".into());
    mapping.areas_of_work.insert("3100".into(), "aw_1".into());
    assert_eq!(mapping.check(&categories), Ok(()));
    let plaintext = ConnectionDocument {
        enrollment: &enrollment,
        credentials: &credentials,
        report: &report,
        people: None,
        mapping: Some(mapping),
        verified_at: delivery::document::now_rfc3339(),
    }
    .seal_ready("Acme Rostering")
    .unwrap();
    let delivered = backend
        .deliver_connection(
            &enrollment,
            &plaintext,
            credentials.provider(),
            hrworks::COMPANY,
        )
        .await
        .unwrap();
    let received = sandbox.product().connections();
    let received = received
        .iter()
        .find(|c| c.id == delivered.connection_id)
        .unwrap();
    assert_eq!(received.mapped, 2);
    assert_eq!(
        received.mapping,
        Some(json!({
            "locations": {"1": "loc_1"},
            "areas_of_work": {"3100": "aw_1"},
            "roles": {},
            "default_role": "r_2",
        }))
    );
}
