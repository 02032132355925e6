//! Employment Hero's organisation structure for the mapping step: `/work_locations` are the
//! locations, `/teams` the areas of work (both `{id, name}`, paged like every list), and the
//! roles the employees' `job_title` values (the contract documents no roles endpoint). A list
//! the sign-in may not read (`teams:list` is optional) is a kind left out, not a failure.

use serde::Deserialize;
use url::Url;

use super::people::organisation_to_list;
use super::{Envelope, PROVIDER, authorization_server};
use crate::Problem;
use crate::credentials::OAuthGrant;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::mapping::{CategoryKind, HrCategory, Structure, structure_from_people};
use crate::oauth::renewal::OAuthRenewal;
use crate::oauth::{OAuthTokens, get_json};
use crate::people::Person;
use crate::providers::support::{Probe, json_text};

/// Pages read at most of one list (100 each): an organisation with more than 10,000 teams is
/// not one whose teams an admin maps one by one.
const MAX_PAGES: u32 = 100;

#[derive(Deserialize)]
struct Named {
    id: serde_json::Value,
    #[serde(default)]
    name: String,
}

pub(super) async fn structure(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    people: &[Person],
) -> Result<Structure, Problem> {
    let organisation_id = match &grant.organisation_id {
        Some(id) => id.clone(),
        None => {
            // No renewal here: the wizard lists the structure right after the people.
            let renewal =
                OAuthRenewal::new(http, authorization_server(endpoints), None, &grant.tokens);
            organisation_to_list(http, &endpoints.api, &renewal).await?
        }
    };
    let list = |what| listed(http, &endpoints.api, &grant.tokens, &organisation_id, what);
    let locations = list("work_locations").await?;
    let teams = list("teams").await?;
    Ok(Structure {
        locations,
        areas_of_work: teams,
        ..structure_from_people(people, &[CategoryKind::Roles])
    })
}

/// Every item of `/organisations/{id}/{what}`; `None` when the sign-in may not read it.
async fn listed(
    http: &HttpClient,
    api: &Url,
    tokens: &OAuthTokens,
    organisation_id: &str,
    what: &str,
) -> Result<Option<Vec<HrCategory>>, Problem> {
    let mut categories = Vec::new();
    for page in 1..=MAX_PAGES {
        let mut url = join(api, "/api/v1/organisations");
        // The id becomes one path segment, escaped: it came from the network or the wizard.
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.push(organisation_id).push(what);
        }
        url.set_query(Some(&format!("page_index={page}&item_per_page=100")));
        let envelope = match get_json::<Envelope<Named>>(http, PROVIDER, url, tokens).await {
            Ok(envelope) => envelope,
            Err(Probe::Failed(problem)) => return Err(problem),
            Err(Probe::Denied) => return Ok(None),
        };
        let last = envelope.data.total_pages.is_none_or(|total| page >= total)
            || envelope.data.items.is_empty();
        categories.extend(envelope.data.items.into_iter().map(|item| HrCategory {
            id: json_text(&item.id),
            name: item.name,
            people: 0,
        }));
        if last {
            break;
        }
    }
    Ok(Some(categories))
}
