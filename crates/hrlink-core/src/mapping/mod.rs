//! The mapping step: the HR system's organisation structure (locations, areas of work, roles)
//! onto the product's own categories, with a default role.
//!
//! - [`Structure`]: what the HR system lists, each category with the count of people in it;
//! - [`Categories`]: the product's own (from `hrlink.toml` `[categories]` or the enrollment);
//! - [`suggest`]: names compared after [`normalise`], exact matches first, close ones flagged;
//! - [`propose`]: the wizard's step, pre-filled (from a saved mapping when re-authorising);
//! - [`Mapping`]: what the admin chose, in the hand-off's shape (HANDOFF.md `mapping`).

mod normalise;
pub(crate) mod settings;
mod step;
mod structure;
mod suggest;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use normalise::normalise;
pub use step::{
    ChosenMapping, KnownCategories, MappingKindRows, MappingProposal, MappingRow, SavedMapping,
    known, propose,
};
pub use structure::{HrCategory, Structure, list_structure, structure_from_people};
pub use suggest::{Suggestion, SuggestionKind, Suggestions, suggest};

/// The three kinds of category, in the order the wizard asks about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CategoryKind {
    /// Work locations, sites, permanent establishments.
    Locations,
    /// Teams, groups, organisation units, departments.
    AreasOfWork,
    /// Roles or permission levels.
    Roles,
}

impl CategoryKind {
    /// Every kind, in the wizard's order.
    pub const ALL: [CategoryKind; 3] = [
        CategoryKind::Locations,
        CategoryKind::AreasOfWork,
        CategoryKind::Roles,
    ];

    /// The kind's key in the hand-off and in `[categories]`.
    pub fn key(self) -> &'static str {
        match self {
            CategoryKind::Locations => "locations",
            CategoryKind::AreasOfWork => "areas_of_work",
            CategoryKind::Roles => "roles",
        }
    }
}

/// One of the product's categories (HANDOFF.md `categories`: `{id, name}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductCategory {
    /// The product's id, sent back as a value of the mapping.
    pub id: String,
    /// The name the admin knows it by.
    pub name: String,
}

/// The product's own categories: the enrollment's `categories` in cloud mode, `hrlink.toml`'s
/// `[categories]` in local mode. A kind the product does not have is empty. Unknown fields are
/// tolerated here (a backend may send more); `hrlink.toml` refuses them by name instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Categories {
    /// The product's locations.
    #[serde(default)]
    pub locations: Vec<ProductCategory>,
    /// The product's areas of work.
    #[serde(default)]
    pub areas_of_work: Vec<ProductCategory>,
    /// The product's roles.
    #[serde(default)]
    pub roles: Vec<ProductCategory>,
    /// The id of the role new people get unless a mapping says otherwise.
    #[serde(default)]
    pub default_role: Option<String>,
}

impl Categories {
    /// The product's categories of one kind.
    pub fn of(&self, kind: CategoryKind) -> &[ProductCategory] {
        match kind {
            CategoryKind::Locations => &self.locations,
            CategoryKind::AreasOfWork => &self.areas_of_work,
            CategoryKind::Roles => &self.roles,
        }
    }

    /// No categories at all: then there is no mapping step.
    pub fn is_empty(&self) -> bool {
        CategoryKind::ALL
            .iter()
            .all(|&kind| self.of(kind).is_empty())
    }

    /// Refuses ids that are empty or given twice, and a default role that is not a role:
    /// the product could not tell the categories apart. Returns what is wrong, for the caller
    /// to name with its file and setting.
    pub fn check(&self) -> Result<(), String> {
        for kind in CategoryKind::ALL {
            let mut seen = std::collections::HashSet::new();
            for category in self.of(kind) {
                if category.id.trim().is_empty() {
                    return Err(format!("{} has a category without an id", kind.key()));
                }
                if !seen.insert(category.id.as_str()) {
                    return Err(format!("{} has the id {:?} twice", kind.key(), category.id));
                }
            }
        }
        match &self.default_role {
            Some(role) if !self.roles.iter().any(|r| &r.id == role) => {
                Err(format!("default_role {role:?} is not one of the roles"))
            }
            _ => Ok(()),
        }
    }
}

/// What the admin chose: HR category ids onto product category ids (HANDOFF.md `mapping`).
/// Anything unmapped is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// HR location (or unit) id → product location id.
    #[serde(default)]
    pub locations: BTreeMap<String, String>,
    /// HR team or group id → product area-of-work id.
    #[serde(default)]
    pub areas_of_work: BTreeMap<String, String>,
    /// HR role or permission level → product role id.
    #[serde(default)]
    pub roles: BTreeMap<String, String>,
    /// The product role new people get unless a mapping says otherwise.
    #[serde(default)]
    pub default_role: Option<String>,
}

impl Mapping {
    /// The chosen pairs of one kind.
    pub fn of(&self, kind: CategoryKind) -> &BTreeMap<String, String> {
        match kind {
            CategoryKind::Locations => &self.locations,
            CategoryKind::AreasOfWork => &self.areas_of_work,
            CategoryKind::Roles => &self.roles,
        }
    }

    fn of_mut(&mut self, kind: CategoryKind) -> &mut BTreeMap<String, String> {
        match kind {
            CategoryKind::Locations => &mut self.locations,
            CategoryKind::AreasOfWork => &mut self.areas_of_work,
            CategoryKind::Roles => &mut self.roles,
        }
    }

    /// The mapping `--mapping suggested` accepts: exact suggestions only (a close one is never
    /// taken without the admin), with the product's default role.
    pub fn exact(suggestions: &Suggestions, categories: &Categories) -> Mapping {
        let mut mapping = Mapping {
            default_role: categories.default_role.clone(),
            ..Mapping::default()
        };
        for (kind, rows) in &suggestions.kinds {
            for row in rows {
                if let Some(Suggestion {
                    kind: SuggestionKind::Exact,
                    product_id,
                    ..
                }) = &row.suggestion
                {
                    mapping
                        .of_mut(*kind)
                        .insert(row.category.id.clone(), product_id.clone());
                }
            }
        }
        mapping
    }

    /// Refuses values that are not the product's categories and a default role that is not a
    /// role (a mapping file written by hand, a stale choice). Returns what is wrong.
    pub fn check(&self, categories: &Categories) -> Result<(), String> {
        for kind in CategoryKind::ALL {
            for (hr, product) in self.of(kind) {
                if !categories.of(kind).iter().any(|c| &c.id == product) {
                    return Err(format!(
                        "{}: {hr:?} is mapped onto {product:?}, which the product does not have",
                        kind.key()
                    ));
                }
            }
        }
        match &self.default_role {
            Some(role) if !categories.roles.iter().any(|r| &r.id == role) => Err(format!(
                "default_role {role:?} is not one of the product's roles"
            )),
            _ => Ok(()),
        }
    }

    /// People in HR categories of `kind` that are not mapped: (category name, people), largest
    /// first, for "12 people at Warehouse will not get a location".
    pub fn unmapped<'a>(
        &self,
        structure: &'a Structure,
        kind: CategoryKind,
    ) -> Vec<&'a HrCategory> {
        let mapped = self.of(kind);
        let mut rows: Vec<&HrCategory> = structure
            .of(kind)
            .unwrap_or_default()
            .iter()
            .filter(|category| category.people > 0 && !mapped.contains_key(&category.id))
            .collect();
        rows.sort_by(|a, b| b.people.cmp(&a.people).then(a.name.cmp(&b.name)));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: &str, name: &str) -> ProductCategory {
        ProductCategory {
            id: id.into(),
            name: name.into(),
        }
    }

    #[test]
    fn categories_refuse_ids_twice_and_a_default_role_that_is_not_a_role() {
        let mut categories = Categories {
            roles: vec![category("r_1", "Manager"), category("r_2", "Staff")],
            default_role: Some("r_2".into()),
            ..Categories::default()
        };
        assert_eq!(categories.check(), Ok(()));
        categories.default_role = Some("r_9".into());
        assert!(categories.check().unwrap_err().contains("r_9"));
        categories.default_role = None;
        categories.roles.push(category("r_1", "Chef"));
        assert!(categories.check().unwrap_err().contains("r_1"));
        assert!(Categories::default().is_empty());
    }

    #[test]
    fn a_mapping_onto_a_category_the_product_lacks_is_refused() {
        let categories = Categories {
            locations: vec![category("loc_1", "Auckland")],
            ..Categories::default()
        };
        let mut mapping = Mapping::default();
        mapping.locations.insert("7".into(), "loc_1".into());
        assert_eq!(mapping.check(&categories), Ok(()));
        mapping.locations.insert("8".into(), "loc_2".into());
        assert!(mapping.check(&categories).unwrap_err().contains("loc_2"));
    }

    #[test]
    fn the_hand_off_shape_round_trips_and_refuses_unknown_keys() {
        let json =
            r#"{"locations":{"1":"loc_1"},"areas_of_work":{},"roles":{},"default_role":"r_2"}"#;
        let mapping: Mapping = serde_json::from_str(json).unwrap();
        assert_eq!(
            mapping.locations.get("1").map(String::as_str),
            Some("loc_1")
        );
        assert_eq!(serde_json::to_string(&mapping).unwrap(), json);
        assert!(serde_json::from_str::<Mapping>(r#"{"location":{}}"#).is_err());
    }
}
