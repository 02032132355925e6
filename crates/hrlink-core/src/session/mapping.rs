//! The mapping step on a [`Session`]: the structure staged credentials reach, pre-filled
//! against the product's categories, and the mapping the admin chose, kept with the credentials
//! until saving keeps it in the profile (local) or delivering sends it (cloud).

use super::Session;
use crate::Problem;
use crate::connections::{ConnectionId, ConnectionStore, Profile};
use crate::mapping::{
    self, Categories, CategoryKind, KnownCategories, Mapping, MappingProposal, SavedMapping,
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
        let saved = saved.and_then(|profile| {
            let mapping = profile.mapping.as_ref()?;
            let known = profile.mapping_known.as_ref();
            Some(SavedMapping { mapping, known })
        });
        let proposal = mapping::propose(&structure, categories, saved);
        self.with_entry(id, |entry| {
            entry.mapping.known = Some(mapping::known(&structure));
            Ok(())
        })?;
        Ok(Some(proposal))
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

    /// Keeps the mapping chosen for staged credentials (if any) in the just saved `profile`.
    pub(super) fn keep_chosen_mapping(
        &self,
        id: &str,
        store: &ConnectionStore,
        connection: &ConnectionId,
        profile: Profile,
    ) -> Result<Profile, Problem> {
        let chosen = self.with_entry(id, |entry| {
            let Chosen { known, mapping } = &entry.mapping;
            Ok(mapping.clone().map(|mapping| (mapping, known.clone())))
        })?;
        match chosen {
            Some((mapping, known)) => store.keep_mapping(connection, mapping, known),
            None => Ok(profile),
        }
    }
}
