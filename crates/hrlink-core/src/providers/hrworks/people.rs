//! People listing: `/v2/persons/master-data`, 50 per page, paged by the `Link` header.

use reqwest::header::LINK;
use secrecy::ExposeSecret;
use serde::Deserialize;
use url::Url;

use super::{MASTER_DATA_PAGE_SIZE, PROVIDER, authenticate, token_expiry};
use crate::Problem;
use crate::credentials::HrworksKeyPair;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, Response, join};
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::types::{ListingOptions, ListingProgressSink, PeopleListing};
use crate::people::listing::{fields, paging};
use crate::people::{Person, PersonIds, PersonStatus};
use crate::providers::catalogue::ProviderId;
use crate::providers::support::{credentials_rejected, decode, json_text};

/// The master-data fields HR Link keeps (birthday, private email, custom fields are not read).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MasterRecord {
    #[serde(default)]
    person_id: serde_json::Value,
    #[serde(default)]
    personnel_number: Option<serde_json::Value>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    /// The work email (`privateEmail` is the other one).
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    join_date: Option<String>,
    #[serde(default)]
    leave_date: Option<String>,
    #[serde(default)]
    is_active: Option<bool>,
    #[serde(default)]
    organization_unit: Option<Named>,
    #[serde(default)]
    permanent_establishment: Option<Named>,
    #[serde(default)]
    external_ids: Option<Vec<ExternalId>>,
}

#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct ExternalId {
    #[serde(default)]
    id: serde_json::Value,
}

#[derive(Deserialize)]
struct MasterRecords {
    persons: Vec<MasterRecord>,
}

impl MasterRecord {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let end_date = self.leave_date.as_deref().and_then(parse_date);
        // `isActive: false` is inactive, or left once the leave date has passed; without
        // `isActive` the leave date decides.
        let status = match (self.is_active, fields::status_of(None, end_date, today)) {
            (Some(false), PersonStatus::Active) => PersonStatus::Inactive,
            (Some(true), _) => PersonStatus::Active,
            (_, by_date) => by_date,
        };
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.person_id)).filter(|id| !id.is_empty()),
                personnel_number: self
                    .personnel_number
                    .as_ref()
                    .map(json_text)
                    .filter(|n| !n.is_empty()),
                external_ids: self
                    .external_ids
                    .unwrap_or_default()
                    .iter()
                    .map(|external| json_text(&external.id))
                    .filter(|id| !id.is_empty())
                    .collect(),
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.last_name.unwrap_or_default(),
            work_email: text(self.email),
            status: Some(status),
            start_date: self.join_date.as_deref().and_then(parse_date),
            end_date,
            department: self.organization_unit.and_then(|unit| text(unit.name)),
            location: self
                .permanent_establishment
                .and_then(|place| text(place.name)),
            job_title: text(self.position),
            ..Person::default()
        }
    }
}

/// Everyone's master data, active or not, page by page.
pub(super) struct PeopleSource<'a> {
    pub(super) http: &'a HttpClient,
    pub(super) api: &'a Url,
    pub(super) keys: &'a HrworksKeyPair,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "persons.master-data";
    const PAGE_SIZE: Option<u32> = Some(MASTER_DATA_PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/v2/persons/master-data");
        url.set_query(Some(&format!("page={}&onlyActive=false", position + 1)));
        url
    }

    fn parse(&self, position: u32, response: &Response) -> Result<Page, Problem> {
        let records: MasterRecords = decode(PROVIDER, response)?;
        let today = fields::today();
        let people: Vec<Person> = records
            .persons
            .into_iter()
            .map(|record| record.into_person(today))
            .collect();
        let base = self.page_url(position);
        let links: Vec<(Url, String)> = response
            .headers
            .get_all(LINK)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| paging::parse_link_header(value, &base))
            .collect();
        let find = |rel: &str| links.iter().find(|(_, r)| r == rel).map(|(url, _)| url);
        let total_pages = find("last").and_then(|last| paging::query_number(last, "page"));
        let next = match find("next") {
            Some(next) => Some(next.clone()),
            // Without any `Link`, a full page may have a successor: ask for it.
            None if links.is_empty() && people.len() == MASTER_DATA_PAGE_SIZE as usize => {
                Some(self.page_url(position + 1))
            }
            None => None,
        };
        Ok(Page {
            people,
            total_pages,
            next,
            links: links.into_iter().map(|(url, _)| url).collect(),
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        let session = authenticate(self.http, self.api, self.keys).await?;
        Ok(Token {
            expires_at: token_expiry(session.token.expose_secret()),
            secret: session.token,
        })
    }

    fn refused(&self) -> Problem {
        credentials_rejected(PROVIDER)
    }
}

/// Lists everyone in HRworks (active, inactive and former employees) from the master data.
/// `/v2/persons` is not read: it holds a subset of the same records, unpaged.
pub(super) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    keys: &HrworksKeyPair,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> Result<PeopleListing, Problem> {
    let source = PeopleSource {
        http,
        api: &endpoints.api,
        keys,
    };
    let token = source.renew().await?;
    // HRworks documents no rate limit: pace only when the caller says or a 429 asks.
    engine::run(&source, token, http, &[], options, progress).await
}
