//! HRworks' organisation structure for the mapping step: permanent establishments are the
//! locations (keyed by `id`), organisation units the areas of work (keyed by their `number`).
//! HRworks has no roles (a person's `position` is free text).

use super::units::{Establishments, Units};
use super::{PROVIDER, Session, authenticate};
use crate::Problem;
use crate::credentials::HrworksKeyPair;
use crate::endpoints::ProviderEndpoints;
use crate::http::HttpClient;
use crate::mapping::{HrCategory, Structure};
use crate::providers::support::{Probe, decode};

/// Signs in and lists both; a refusal names the key's missing `organization-units` permission.
pub(super) async fn structure(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    keys: &HrworksKeyPair,
) -> Result<Structure, Problem> {
    let session = authenticate(http, &endpoints.api, keys).await?;
    let units = decode::<Units>(PROVIDER, &read(&session, "/v2/organization-units").await?)?;
    let establishments = read(&session, "/v2/permanent-establishments").await?;
    let establishments = decode::<Establishments>(PROVIDER, &establishments)?;
    // Units and establishments without a key cannot be mapped onto: left out.
    let categories = |keyed: Vec<Option<(String, String)>>| {
        let list = keyed.into_iter().flatten();
        Some(
            list.map(|(id, name)| HrCategory {
                id,
                name,
                people: 0,
            })
            .collect(),
        )
    };
    Ok(Structure {
        locations: categories(
            establishments
                .into_vec()
                .iter()
                .map(|e| e.keyed())
                .collect(),
        ),
        areas_of_work: categories(units.into_vec().iter().map(|u| u.keyed()).collect()),
        roles: None,
    })
}

async fn read(session: &Session<'_>, path: &str) -> Result<crate::http::Response, Problem> {
    session.get(path).await.map_err(|probe| match probe {
        Probe::Failed(problem) => problem,
        Probe::Denied => Problem::for_provider(PROVIDER, |provider| Problem::PermissionMissing {
            provider,
            permission: "organization-units".into(),
        }),
    })
}
