//! The mapping step as the wizard shows it: one row per HR category with the product category
//! pre-chosen for it, and, when re-authorising, the saved mapping kept and the HR categories
//! that are new since it was saved marked.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Categories, CategoryKind, HrCategory, Mapping, Structure, Suggestion, suggest};

/// The HR categories the admin was shown when a mapping was chosen, by kind (their ids): on
/// re-authorising, any other is new since. Kept beside the mapping, which leaves the unmapped
/// out.
pub type KnownCategories = BTreeMap<CategoryKind, BTreeSet<String>>;

/// What the admin chose on the mapping step, with the HR categories it showed: what a saved
/// connection's profile keeps (`mapping`, `mapping_known`), written with the connection itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenMapping {
    /// The choice, in the hand-off's shape.
    pub mapping: Mapping,
    /// The HR categories shown.
    pub known: KnownCategories,
}

/// One HR category on the mapping step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MappingRow {
    /// The HR category, with its people count.
    pub category: HrCategory,
    /// What the names suggest (exact or close), if one product category is best.
    pub suggestion: Option<Suggestion>,
    /// Product categories that are equally good: the admin chooses among them.
    pub ties: Vec<String>,
    /// The product category pre-chosen: the saved mapping's when re-authorising, else the
    /// suggestion's (a close one is marked on screen, never sent unseen: the admin confirms the
    /// whole mapping on Check your answers).
    pub chosen: Option<String>,
    /// Re-authorising: the HR category was not there when the mapping was saved.
    pub new_since_saved: bool,
}

/// The rows of one kind both sides have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MappingKindRows {
    /// Locations, areas of work or roles.
    pub kind: CategoryKind,
    /// One row per HR category, in the HR system's order.
    pub rows: Vec<MappingRow>,
}

/// What the mapping step shows: the product's categories to choose from, the rows, and the
/// default role pre-chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MappingProposal {
    /// The product's own categories (the choices of each select).
    pub categories: Categories,
    /// Per kind both the HR system and the product have, in the wizard's order.
    pub kinds: Vec<MappingKindRows>,
    /// The default role pre-chosen: the saved one, else the product's.
    pub default_role: Option<String>,
    /// Whether a saved mapping pre-filled the step (re-authorising).
    pub from_saved: bool,
}

/// A mapping kept with a connection, with the HR categories known when it was chosen (`None`:
/// not recorded, e.g. a mapping file given to the CLI; then the mapped ones count as known).
#[derive(Debug, Clone, Copy)]
pub struct SavedMapping<'a> {
    /// What was chosen.
    pub mapping: &'a Mapping,
    /// The HR categories shown then.
    pub known: Option<&'a KnownCategories>,
}

impl SavedMapping<'_> {
    fn knew(&self, kind: CategoryKind, id: &str) -> bool {
        let known = self.known.and_then(|known| known.get(&kind));
        known.is_some_and(|ids| ids.contains(id)) || self.mapping.of(kind).contains_key(id)
    }
}

/// Every HR category of `structure`, by kind: what to keep as known with the chosen mapping.
pub fn known(structure: &Structure) -> KnownCategories {
    CategoryKind::ALL
        .iter()
        .filter_map(|&kind| {
            let ids = structure.of(kind)?.iter().map(|c| c.id.clone()).collect();
            Some((kind, ids))
        })
        .collect()
}

/// The mapping step for `structure` onto the product's `categories`. Re-authorising (`saved`):
/// what was mapped stays mapped (while the product still has the category), what was left
/// unmapped stays unmapped, and categories new since get the suggestion and are marked.
pub fn propose(
    structure: &Structure,
    categories: &Categories,
    saved: Option<SavedMapping<'_>>,
) -> MappingProposal {
    let suggestions = suggest(structure, categories);
    let kinds = suggestions
        .kinds
        .into_iter()
        .map(|(kind, rows)| {
            let product = categories.of(kind);
            let rows = rows
                .into_iter()
                .map(|row| {
                    let id = row.category.id.as_str();
                    let suggested = row.suggestion.as_ref().map(|s| s.product_id.clone());
                    let (chosen, new_since_saved) = match saved {
                        None => (suggested, false),
                        Some(saved) if saved.knew(kind, id) => {
                            let kept = saved.mapping.of(kind).get(id);
                            let kept = kept.filter(|p| product.iter().any(|c| c.id == **p));
                            (kept.cloned(), false)
                        }
                        Some(_) => (suggested, true),
                    };
                    MappingRow {
                        category: row.category,
                        suggestion: row.suggestion,
                        ties: row.ties,
                        chosen,
                        new_since_saved,
                    }
                })
                .collect();
            MappingKindRows { kind, rows }
        })
        .collect();
    let saved_role = saved.and_then(|s| s.mapping.default_role.clone());
    let default_role = saved_role
        .filter(|role| categories.roles.iter().any(|r| &r.id == role))
        .or_else(|| categories.default_role.clone());
    MappingProposal {
        categories: categories.clone(),
        kinds,
        default_role,
        from_saved: saved.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::ProductCategory;

    fn hr(id: &str, name: &str) -> HrCategory {
        HrCategory {
            id: id.into(),
            name: name.into(),
            people: 3,
        }
    }

    fn product(id: &str, name: &str) -> ProductCategory {
        ProductCategory {
            id: id.into(),
            name: name.into(),
        }
    }

    fn categories() -> Categories {
        Categories {
            locations: vec![
                product("loc_1", "Auckland CBD"),
                product("loc_2", "Dunedin"),
            ],
            roles: vec![product("r_1", "Manager"), product("r_2", "Staff")],
            default_role: Some("r_2".into()),
            ..Categories::default()
        }
    }

    fn structure(locations: &[(&str, &str)]) -> Structure {
        Structure {
            locations: Some(locations.iter().map(|(id, name)| hr(id, name)).collect()),
            areas_of_work: Some(vec![hr("u1", "Kitchen")]),
            roles: None,
        }
    }

    fn chosen(proposal: &MappingProposal) -> Vec<(&str, Option<&str>, bool)> {
        proposal.kinds[0]
            .rows
            .iter()
            .map(|r| {
                (
                    r.category.id.as_str(),
                    r.chosen.as_deref(),
                    r.new_since_saved,
                )
            })
            .collect()
    }

    #[test]
    fn a_first_mapping_pre_chooses_exact_and_close_suggestions() {
        let structure = structure(&[("1", "Auckland"), ("2", "dunedin"), ("3", "Warehouse")]);
        let proposal = propose(&structure, &categories(), None);
        // Areas of work: the product has none, so no rows; roles: the HR system has none.
        assert_eq!(proposal.kinds.len(), 1);
        assert_eq!(
            chosen(&proposal),
            [
                ("1", Some("loc_1"), false),
                ("2", Some("loc_2"), false),
                ("3", None, false)
            ]
        );
        assert_eq!(proposal.default_role.as_deref(), Some("r_2"));
        assert!(!proposal.from_saved);
    }

    #[test]
    fn re_authorising_keeps_the_saved_choices_and_marks_what_is_new() {
        let before = structure(&[("1", "Auckland"), ("2", "Dunedin")]);
        let mut mapping = Mapping {
            default_role: Some("r_1".into()),
            ..Mapping::default()
        };
        // Auckland was mapped by hand onto Dunedin's category; Dunedin was left unmapped.
        mapping.locations.insert("1".into(), "loc_2".into());
        let known = known(&before);
        let now = structure(&[("1", "Auckland"), ("2", "Dunedin"), ("4", "Dunedin")]);
        let saved = SavedMapping {
            mapping: &mapping,
            known: Some(&known),
        };
        let proposal = propose(&now, &categories(), Some(saved));
        assert_eq!(
            chosen(&proposal),
            [
                ("1", Some("loc_2"), false),
                ("2", None, false),
                ("4", Some("loc_2"), true)
            ]
        );
        assert_eq!(proposal.default_role.as_deref(), Some("r_1"));
        assert!(proposal.from_saved);
    }

    #[test]
    fn without_the_known_list_the_mapped_count_as_known_and_gone_categories_are_dropped() {
        let mut mapping = Mapping::default();
        mapping.locations.insert("1".into(), "loc_gone".into());
        mapping.default_role = Some("r_gone".into());
        let saved = SavedMapping {
            mapping: &mapping,
            known: None,
        };
        let now = structure(&[("1", "Auckland"), ("2", "Dunedin")]);
        let proposal = propose(&now, &categories(), Some(saved));
        // The product no longer has loc_gone: not pre-chosen; Dunedin counts as new.
        assert_eq!(
            chosen(&proposal),
            [("1", None, false), ("2", Some("loc_2"), true)]
        );
        assert_eq!(proposal.default_role.as_deref(), Some("r_2"));
    }
}
