//! Employment Hero Payroll's organisation structure for the mapping step: the business's
//! `/location` list are the locations (by `id`; people name theirs in `primaryLocation`), and the
//! roles are the employees' `jobTitle` values. Areas of work: none. Employing entities are the
//! legal employers and employee groups are saved filters, and an employee names neither (only
//! an entity's id), so no person could be counted into them. A location list the user may not
//! read is a kind left out, not a failure.

use serde::Deserialize;

use super::{PAGE_SIZE, PROVIDER, Session, choose};
use crate::Problem;
use crate::mapping::{CategoryKind, HrCategory, Structure, structure_from_people};
use crate::people::Person;
use crate::providers::support::{Probe, decode, json_text, unexpected_status};

/// Pages read at most (100 each): a business with more than 10,000 locations is not one whose
/// locations an admin maps one by one.
const MAX_PAGES: u32 = 100;

#[derive(Deserialize)]
struct Location {
    id: serde_json::Value,
    #[serde(default)]
    name: String,
}

pub(super) async fn structure(
    session: &Session<'_>,
    business_id: Option<&str>,
    people: &[Person],
) -> Result<Structure, Problem> {
    let business = match business_id {
        Some(id) => id.to_owned(),
        None => choose(&session.businesses().await?, None)?.id,
    };
    Ok(Structure {
        locations: locations(session, &business).await?,
        ..structure_from_people(people, &[CategoryKind::Roles])
    })
}

/// Every location of `business`, page by page; `None` when the user may not see them.
async fn locations(
    session: &Session<'_>,
    business: &str,
) -> Result<Option<Vec<HrCategory>>, Problem> {
    let mut categories = Vec::new();
    for page in 0..MAX_PAGES {
        let query = format!("$skip={}&$top={PAGE_SIZE}", page * PAGE_SIZE);
        let response = match session.probe(business, &["location"], &query).await {
            Ok(response) => response,
            Err(Probe::Denied) => return Ok(None),
            Err(Probe::Failed(problem)) => return Err(problem),
        };
        let listed: Vec<Location> = decode(PROVIDER, &response)?;
        let read = listed.len();
        if read > PAGE_SIZE as usize {
            return Err(unexpected_status(PROVIDER, &response));
        }
        categories.extend(listed.into_iter().map(|location| HrCategory {
            id: json_text(&location.id),
            name: location.name,
            people: 0,
        }));
        if read < PAGE_SIZE as usize {
            break;
        }
    }
    Ok(Some(categories))
}
