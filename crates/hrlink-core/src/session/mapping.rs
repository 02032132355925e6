//! The mapping step on a [`Session`]: the structure staged credentials reach, pre-filled
//! against the product's categories, and the mapping the admin chose, kept with the credentials
//! until saving keeps it in the profile (local) or delivering sends it (cloud).

use super::Session;
use crate::Problem;
use crate::connections::Profile;
use crate::mapping::{
    self, Categories, CategoryKind, ChosenMapping, KnownCategories, Mapping, MappingProposal,
    SavedMapping, Structure,
};
use crate::people::Disclosure;

/// What the mapping step learnt for staged credentials.
#[derive(Debug, Default)]
pub(super) struct Chosen {
    /// The HR categories shown last (only these can be mapped).
    known: Option<KnownCategories>,
    /// What the admin chose.
    mapping: Option<Mapping>,
}

impl Session {
    /// The mapping step for staged credentials onto the product's `categories`: `None` when the
    /// product has none (no step). Counts the people listed on the People step, or lists them
    /// now when the admin went on without. Re-authorising, `saved` is the connection's profile:
    /// its mapping pre-fills the step and HR categories new since are marked.
    pub async fn mapping_proposal(
        &self,
        id: &str,
        categories: &Categories,
        saved: Option<&Profile>,
    ) -> Result<Option<MappingProposal>, Problem> {
        if categories.is_empty() {
            return Ok(None);
        }
        let structure = self.listed_structure(id).await?;
        let saved = saved.and_then(|profile| {
            let mapping = profile.mapping.as_ref()?;
            let known = profile.mapping_known.as_ref();
            Some(SavedMapping { mapping, known })
        });
        Ok(Some(mapping::propose(&structure, categories, saved)))
    }

    /// The mapping step without its screen (`hrlink connect --mapping`): the structure listed
    /// as for the step, then `chosen` (`None`: the exact suggestions with the product's default
    /// role) kept as the admin's choice on the step is, and so saved or delivered the same way.
    pub async fn choose_mapping_unseen(
        &self,
        id: &str,
        chosen: Option<Mapping>,
        categories: &Categories,
    ) -> Result<Mapping, Problem> {
        if categories.is_empty() {
            return Err(Problem::ConfigurationInvalid {
                what: "mapping: the product has no categories to map onto".to_owned(),
            });
        }
        let structure = self.listed_structure(id).await?;
        let mapping = chosen.unwrap_or_else(|| {
            Mapping::exact(&mapping::suggest(&structure, categories), categories)
        });
        self.choose_mapping(id, mapping.clone(), categories)?;
        Ok(mapping)
    }

    /// The structure staged credentials reach, the people listed on the People step counted
    /// in (listed now when the admin went on without); its categories are the ones shown.
    async fn listed_structure(&self, id: &str) -> Result<Structure, Problem> {
        let credentials = self.staged(id)?;
        let listed = self.with_entry(id, |entry| {
            Ok(entry.people.as_ref().map(|m| m.hr_people().to_vec()))
        })?;
        let people = match listed {
            Some(people) => people,
            None => {
                self.list_people(id, Disclosure::CountsOnly, &|_| {})
                    .await?;
                self.with_matched(id, |matched| Ok(matched.hr_people().to_vec()))?
            }
        };
        let (http, endpoints) = (&self.http, &self.endpoints);
        let structure = mapping::list_structure(http, endpoints, &credentials, &people).await?;
        self.with_entry(id, |entry| {
            entry.mapping.known = Some(mapping::known(&structure));
            Ok(())
        })?;
        Ok(structure)
    }

    /// Keeps the admin's choice on the mapping step with staged credentials. Refused: values
    /// that are not the product's `categories`, HR categories the step did not show.
    pub fn choose_mapping(
        &self,
        id: &str,
        chosen: Mapping,
        categories: &Categories,
    ) -> Result<(), Problem> {
        let invalid = |what: String| Problem::ConfigurationInvalid {
            what: format!("mapping: {what}"),
        };
        chosen.check(categories).map_err(invalid)?;
        self.with_entry(id, |entry| {
            let known = entry.mapping.known.as_ref();
            let known = known.ok_or_else(|| invalid("no mapping step was shown".to_owned()))?;
            for kind in CategoryKind::ALL {
                let shown = known.get(&kind);
                if let Some(hr) = chosen
                    .of(kind)
                    .keys()
                    .find(|hr| !shown.is_some_and(|ids| ids.contains(*hr)))
                {
                    return Err(invalid(format!("{}: {hr:?} was not listed", kind.key())));
                }
            }
            entry.mapping.mapping = Some(chosen);
            Ok(())
        })
    }

    /// The mapping the admin chose for staged credentials, if the step was done.
    pub fn chosen_mapping(&self, id: &str) -> Option<Mapping> {
        self.with_entry(id, |entry| Ok(entry.mapping.mapping.clone()))
            .ok()
            .flatten()
    }

    /// The mapping chosen for staged credentials with the HR categories it was chosen from, if
    /// the step was done: what saving writes with the connection.
    pub(super) fn chosen_with_known(&self, id: &str) -> Option<ChosenMapping> {
        self.with_entry(id, |entry| {
            let Chosen { known, mapping } = &entry.mapping;
            Ok(known.clone().zip(mapping.clone()))
        })
        .ok()
        .flatten()
        .map(|(known, mapping)| ChosenMapping { mapping, known })
    }
}
