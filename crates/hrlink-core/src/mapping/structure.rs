//! The HR system's organisation structure, as its provider lists it, with the people counted
//! into it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{CategoryKind, normalise};
use crate::Endpoints;
use crate::Problem;
use crate::credentials::Credentials;
use crate::http::HttpClient;
use crate::people::Person;

/// One of the HR system's locations, areas of work or roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HrCategory {
    /// The HR system's id for it (HRworks' unit `number`, an establishment's `id`), the key of
    /// the mapping.
    pub id: String,
    /// Its name in the HR system.
    pub name: String,
    /// People listed in it (a person can be in several areas of work).
    pub people: u32,
}

/// The organisation structure: `None` for a kind the HR system does not have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Structure {
    /// Locations, sites, permanent establishments.
    pub locations: Option<Vec<HrCategory>>,
    /// Organisation units, teams, departments.
    pub areas_of_work: Option<Vec<HrCategory>>,
    /// Roles or permission levels.
    pub roles: Option<Vec<HrCategory>>,
}

impl Structure {
    /// The categories of one kind, if the HR system has that kind.
    pub fn of(&self, kind: CategoryKind) -> Option<&[HrCategory]> {
        match kind {
            CategoryKind::Locations => self.locations.as_deref(),
            CategoryKind::AreasOfWork => self.areas_of_work.as_deref(),
            CategoryKind::Roles => self.roles.as_deref(),
        }
    }

    fn of_mut(&mut self, kind: CategoryKind) -> Option<&mut Vec<HrCategory>> {
        match kind {
            CategoryKind::Locations => self.locations.as_mut(),
            CategoryKind::AreasOfWork => self.areas_of_work.as_mut(),
            CategoryKind::Roles => self.roles.as_mut(),
        }
    }

    /// Counts `people` into the categories by name: people carry their location, unit and
    /// teams, and role by name (the name is what every provider's people listing gives).
    pub fn count(&mut self, people: &[Person]) {
        for kind in CategoryKind::ALL {
            let Some(categories) = self.of_mut(kind) else {
                continue;
            };
            let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
            for (index, category) in categories.iter_mut().enumerate() {
                category.people = 0;
                by_name
                    .entry(normalise(&category.name))
                    .or_default()
                    .push(index);
            }
            // People share a handful of values: each is normalised and looked up once.
            let mut indices: HashMap<&str, &[usize]> = HashMap::new();
            for person in people {
                let mut hits: Vec<usize> = Vec::new();
                for name in names_of(person, kind) {
                    let found = indices.entry(name).or_insert_with(|| {
                        by_name.get(&normalise(name)).map_or(&[][..], Vec::as_slice)
                    });
                    hits.extend_from_slice(found);
                }
                hits.sort_unstable();
                hits.dedup();
                for index in hits {
                    if let Some(category) = categories.get_mut(index) {
                        category.people = category.people.saturating_add(1);
                    }
                }
            }
        }
    }
}

/// What a person carries of one kind.
fn names_of(person: &Person, kind: CategoryKind) -> Box<dyn Iterator<Item = &str> + '_> {
    match kind {
        CategoryKind::Locations => Box::new(person.location.as_deref().into_iter()),
        CategoryKind::AreasOfWork => Box::new(
            person
                .department
                .as_deref()
                .into_iter()
                .chain(person.teams.iter().map(String::as_str)),
        ),
        CategoryKind::Roles => Box::new(person.job_title.as_deref().into_iter()),
    }
}

/// The structure of systems with no endpoint for it: the distinct values people carry of each
/// `kind`, in first-seen order (one per normalised name), each its own id (the value is what
/// the system keys it by).
pub fn structure_from_people(people: &[Person], kinds: &[CategoryKind]) -> Structure {
    let mut structure = Structure::default();
    for &kind in kinds {
        let mut seen = std::collections::HashSet::new();
        let categories = people
            .iter()
            .flat_map(|person| names_of(person, kind))
            .filter(|name| seen.insert(normalise(name)))
            .map(|name| HrCategory {
                id: name.to_owned(),
                name: name.to_owned(),
                people: 0,
            })
            .collect();
        match kind {
            CategoryKind::Locations => structure.locations = Some(categories),
            CategoryKind::AreasOfWork => structure.areas_of_work = Some(categories),
            CategoryKind::Roles => structure.roles = Some(categories),
        }
    }
    structure
}

/// Lists the organisation structure the credentials reach at `endpoints` and counts `people`
/// (the wizard's listing, done just before) into it.
pub async fn list_structure(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    people: &[Person],
) -> Result<Structure, Problem> {
    let id = credentials.provider();
    let endpoints = endpoints.require(id)?;
    let provider = crate::providers::provider(id);
    let mut structure = provider
        .structure(http, endpoints, credentials.secret(), people)
        .await?;
    structure.count(people);
    Ok(structure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(location: &str, department: &str, teams: &[&str], role: &str) -> Person {
        Person {
            location: Some(location.into()),
            department: Some(department.into()),
            teams: teams.iter().map(|t| (*t).to_owned()).collect(),
            job_title: Some(role.into()),
            ..Person::new("Aroha", "Ngata")
        }
    }

    #[test]
    fn people_are_counted_into_their_categories_once_each() {
        let people = [
            person("Auckland", "Kitchen", &["Kitchen", "Bar"], "Chef"),
            person("auckland", "Bar", &[], "Manager"),
            person("Dunedin", "Bar", &["Bar"], "Chef"),
        ];
        let mut structure = structure_from_people(&people, &CategoryKind::ALL);
        structure.count(&people);
        let counts = |kind| {
            structure
                .of(kind)
                .unwrap()
                .iter()
                .map(|c| (c.name.as_str(), c.people))
                .collect::<Vec<_>>()
        };
        // "auckland" is the same place spelled otherwise: counted, not listed twice.
        assert_eq!(
            counts(CategoryKind::Locations),
            [("Auckland", 2), ("Dunedin", 1)]
        );
        assert_eq!(
            counts(CategoryKind::AreasOfWork),
            [("Kitchen", 1), ("Bar", 3)]
        );
        assert_eq!(counts(CategoryKind::Roles), [("Chef", 2), ("Manager", 1)]);
    }
}
