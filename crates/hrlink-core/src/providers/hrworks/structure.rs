//! HRworks' organisation structure for the mapping step: permanent establishments are the
//! locations (keyed by `id`), organisation units the areas of work (keyed by their `number`).
//! HRworks has no roles (a person's `position` is free text).

use serde::Deserialize;

use super::{OrganizationUnits, PROVIDER, Session, authenticate};
use crate::Problem;
use crate::credentials::HrworksKeyPair;
use crate::endpoints::ProviderEndpoints;
use crate::http::HttpClient;
use crate::mapping::{HrCategory, Structure};
use crate::providers::support::{Probe, decode, json_text};

#[derive(Deserialize)]
struct Establishment {
    id: serde_json::Value,
    #[serde(default)]
    name: String,
}

/// `{"permanentEstablishments":[…]}` in the OpenAPI; a bare list is accepted too.
#[derive(Deserialize)]
#[serde(untagged)]
enum Establishments {
    Wrapped {
        #[serde(rename = "permanentEstablishments")]
        permanent_establishments: Vec<Establishment>,
    },
    Bare(Vec<Establishment>),
}

/// Signs in and lists both; a refusal names the key's missing `organization-units` permission.
pub(super) async fn structure(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    keys: &HrworksKeyPair,
) -> Result<Structure, Problem> {
    let session = authenticate(http, &endpoints.api, keys).await?;
    let units =
        decode::<OrganizationUnits>(PROVIDER, &read(&session, "/v2/organization-units").await?)?;
    let establishments = read(&session, "/v2/permanent-establishments").await?;
    let establishments = match decode::<Establishments>(PROVIDER, &establishments)? {
        Establishments::Wrapped {
            permanent_establishments,
        } => permanent_establishments,
        Establishments::Bare(list) => list,
    };
    let category = |id: String, name: String| HrCategory {
        id,
        name,
        people: 0,
    };
    Ok(Structure {
        locations: Some(
            establishments
                .into_iter()
                .map(|place| category(json_text(&place.id), place.name))
                .collect(),
        ),
        areas_of_work: Some(
            units
                .into_vec()
                .into_iter()
                .map(|unit| category(json_text(&unit.number), unit.name))
                .collect(),
        ),
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
