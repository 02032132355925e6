//! The mapping step on the wizard's session, over loopback against the Sandbox: the structure
//! pre-filled against the product's categories (the people listed on the way when the admin
//! skipped the People step), the admin's choice checked and kept, saved in the profile (real
//! keychain), and on re-authorising the saved choice kept and new HR categories marked.

use hrlink_core::Problem;
use hrlink_core::connections::{ConnectionId, ConnectionStore};
use hrlink_core::mapping::{Categories, CategoryKind, Mapping, MappingProposal, known};
use hrlink_core::session::Session;
use hrlink_core::vault::{BuildKind, Vault};
use hrlink_sandbox::scenarios::hrworks;
use serde_json::json;

use crate::common::{self, fast_http};

/// The product's categories as a local `hrlink.toml` would give them for Sandbox HRworks: some
/// names the same, some close, some not there.
fn categories() -> Categories {
    serde_json::from_value(json!({
        "locations": [
            {"id": "loc_1", "name": "Zentrale Munchen"},
            {"id": "loc_2", "name": "Filiale Köln"},
            {"id": "loc_3", "name": "Filiale Düsseldorf"},
        ],
        "areas_of_work": [
            {"id": "aw_1", "name": "Lager und Logistik"},
            {"id": "aw_2", "name": "Vertrieb"},
        ],
        "roles": [{"id": "r_1", "name": "Teamleitung"}, {"id": "r_2", "name": "Mitarbeiter"}],
        "default_role": "r_2",
    }))
    .unwrap()
}

/// A session with Sandbox HRworks credentials staged and verified (the People step skipped).
async fn verified(sandbox: &hrlink_sandbox::Sandbox) -> (Session, String) {
    let session = Session::new(fast_http(), common::endpoints(sandbox));
    let staged = session.hand_over(common::hrworks(hrworks::VALID)).id;
    let report = session.verify(&staged, None, None, &|_| {}).await.unwrap();
    assert!(report.ok, "{report:?}");
    (session, staged)
}

/// (HR name, pre-chosen product id, new since saved) of one kind.
fn rows(proposal: &MappingProposal, kind: CategoryKind) -> Vec<(String, Option<String>, bool)> {
    let rows = &proposal.kinds.iter().find(|k| k.kind == kind).unwrap().rows;
    rows.iter()
        .map(|r| (r.category.name.clone(), r.chosen.clone(), r.new_since_saved))
        .collect()
}

fn chosen_for(proposal: &MappingProposal, kind: CategoryKind, name: &str) -> Option<String> {
    let row = rows(proposal, kind).into_iter().find(|(n, ..)| n == name);
    row.unwrap_or_else(|| panic!("no {name}")).1
}

#[tokio::test]
async fn hrworks_is_pre_filled_with_people_counted_and_no_categories_means_no_step() {
    let sandbox = common::sandbox().await;
    let (session, staged) = verified(&sandbox).await;
    let nothing = Categories::default();
    let none = session.mapping_proposal(&staged, &nothing, None).await;
    assert_eq!(none.unwrap(), None, "no categories, no step");
    let proposal = session
        .mapping_proposal(&staged, &categories(), None)
        .await
        .unwrap()
        .expect("a step");
    use CategoryKind::{AreasOfWork, Locations};
    // HRworks has no roles: only the kinds both sides have get rows.
    let kinds: Vec<_> = proposal.kinds.iter().map(|k| k.kind).collect();
    assert_eq!(kinds, [Locations, AreasOfWork]);
    let at = |kind, name| chosen_for(&proposal, kind, name);
    assert_eq!(at(Locations, "Zentrale München").as_deref(), Some("loc_1"));
    assert_eq!(
        at(Locations, "Filiale Köln-Ehrenfeld").as_deref(),
        Some("loc_2")
    );
    assert_eq!(at(Locations, "Filiale Görlitz"), None);
    assert_eq!(at(AreasOfWork, "Lager & Logistik").as_deref(), Some("aw_1"));
    let people: u32 = proposal.kinds[0]
        .rows
        .iter()
        .map(|r| r.category.people)
        .sum();
    assert!(people > 0, "the people were listed on the way and counted");
    assert_eq!(proposal.default_role.as_deref(), Some("r_2"));
    assert!(!proposal.from_saved);
}

#[tokio::test]
async fn the_choice_is_checked_and_kept_with_the_staged_credentials() {
    let sandbox = common::sandbox().await;
    let (session, staged) = verified(&sandbox).await;
    let mut chosen = Mapping::default();
    chosen.locations.insert("1".into(), "loc_1".into());
    let refused = |result: Result<(), Problem>| match result {
        Err(Problem::ConfigurationInvalid { what }) => what,
        other => panic!("expected a refusal, got {other:?}"),
    };
    // Before the step was shown, nothing can be chosen.
    assert!(
        refused(session.choose_mapping(&staged, chosen.clone(), &categories()))
            .contains("no mapping step")
    );
    session
        .mapping_proposal(&staged, &categories(), None)
        .await
        .unwrap();
    let mut onto_nothing = chosen.clone();
    onto_nothing.locations.insert("2".into(), "loc_9".into());
    assert!(
        refused(session.choose_mapping(&staged, onto_nothing, &categories())).contains("loc_9")
    );
    let mut not_listed = chosen.clone();
    not_listed
        .areas_of_work
        .insert("9999".into(), "aw_1".into());
    assert!(refused(session.choose_mapping(&staged, not_listed, &categories())).contains("9999"));
    assert_eq!(session.chosen_mapping(&staged), None);
    session
        .choose_mapping(&staged, chosen.clone(), &categories())
        .unwrap();
    assert_eq!(session.chosen_mapping(&staged), Some(chosen));
}

#[tokio::test]
async fn re_authorising_keeps_the_saved_choice_and_marks_what_is_new_since() {
    let sandbox = common::sandbox().await;
    let (session, staged) = verified(&sandbox).await;
    let first = session
        .mapping_proposal(&staged, &categories(), None)
        .await
        .unwrap()
        .unwrap();
    // Saved back then: Görlitz mapped by hand, Köln left unmapped, Düsseldorf not yet there.
    let mut mapping = Mapping {
        default_role: Some("r_1".into()),
        ..Mapping::default()
    };
    let id_of = |name: &str| {
        let rows = &first.kinds[0].rows;
        rows.iter()
            .find(|r| r.category.name == name)
            .unwrap()
            .category
            .id
            .clone()
    };
    mapping
        .locations
        .insert(id_of("Filiale Görlitz"), "loc_3".into());
    let mut known_then = known(&hrlink_core::mapping::Structure {
        locations: Some(
            first.kinds[0]
                .rows
                .iter()
                .map(|r| r.category.clone())
                .collect(),
        ),
        areas_of_work: Some(
            first.kinds[1]
                .rows
                .iter()
                .map(|r| r.category.clone())
                .collect(),
        ),
        roles: None,
    });
    let dusseldorf = id_of("Filiale Düsseldorf");
    known_then
        .get_mut(&CategoryKind::Locations)
        .unwrap()
        .remove(&dusseldorf);
    let mut profile = crate::connections::profile_with(&ConnectionId::generate(), 1);
    profile.mapping = Some(mapping);
    profile.mapping_known = Some(known_then);
    let again = session
        .mapping_proposal(&staged, &categories(), Some(&profile))
        .await
        .unwrap()
        .unwrap();
    let locations = rows(&again, CategoryKind::Locations);
    let find = |name: &str| locations.iter().find(|(n, ..)| n == name).cloned().unwrap();
    assert_eq!(find("Filiale Görlitz").1.as_deref(), Some("loc_3"), "kept");
    assert_eq!(
        find("Filiale Köln-Ehrenfeld").1,
        None,
        "left unmapped, stays so"
    );
    assert_eq!(
        find("Filiale Düsseldorf"),
        ("Filiale Düsseldorf".into(), Some("loc_3".into()), true)
    );
    assert_eq!(locations.iter().filter(|(.., new)| *new).count(), 1);
    assert_eq!(again.default_role.as_deref(), Some("r_1"));
    assert!(again.from_saved);
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn saving_keeps_the_chosen_mapping_in_the_profile() {
    let sandbox = common::sandbox().await;
    let (session, staged) = verified(&sandbox).await;
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open("app.hrlink.test.mapping", BuildKind::Development).unwrap();
    let store = ConnectionStore::new(dir.path(), vault);
    session
        .mapping_proposal(&staged, &categories(), None)
        .await
        .unwrap();
    let mut chosen = Mapping {
        default_role: Some("r_2".into()),
        ..Mapping::default()
    };
    chosen.areas_of_work.insert("3100".into(), "aw_1".into());
    session
        .choose_mapping(&staged, chosen.clone(), &categories())
        .unwrap();
    let saved = session.save(&staged, &store, "").await.unwrap();
    let profile = store.profile(&saved.profile.id).unwrap();
    assert_eq!(profile.mapping, Some(chosen));
    let known = profile
        .mapping_known
        .expect("the categories shown are kept");
    assert!(known[&CategoryKind::AreasOfWork].contains("3100"));
    assert!(known[&CategoryKind::Locations].contains("1"));
    store.remove(&profile.id).await.unwrap();
}
