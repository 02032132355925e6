//! People listing: `/business/{id}/employee/unstructured`, 100 a page, no total.

use reqwest::RequestBuilder;
use secrecy::SecretString;
use serde::Deserialize;
use url::Url;

use super::{PAGE_SIZE, PROVIDER, RATE_LIMITS, SELECT, Session, authorised, choose};
use crate::Problem;
use crate::credentials::ApiKey;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, Response};
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::fields;
use crate::people::listing::types::{ListingOptions, ListingProgressSink, PeopleListing};
use crate::people::{Person, PersonIds, PersonStatus};
use crate::providers::catalogue::ProviderId;
use crate::providers::support::{credentials_rejected, decode, json_text, unexpected_status};

/// The selected employee properties (see [`SELECT`]); nothing else is decoded.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Employee {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    middle_name: Option<String>,
    #[serde(default)]
    surname: Option<String>,
    #[serde(default)]
    preferred_name: Option<String>,
    #[serde(default)]
    email_address: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    job_title: Option<String>,
    #[serde(default)]
    primary_location: Option<String>,
    #[serde(default)]
    external_id: Option<String>,
}

impl Employee {
    pub(super) fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        // `2016-04-11T00:00:00`: the date part is the date.
        let date = |value: Option<String>| {
            value.and_then(|value| parse_date(value.get(..10).unwrap_or(&value)))
        };
        let end_date = date(self.end_date);
        // `Incomplete`: created with the minimum fields, not yet payable.
        let status = match self.status.as_deref() {
            Some(status) if status.eq_ignore_ascii_case("incomplete") => PersonStatus::Inactive,
            status => fields::status_of(status, end_date, today),
        };
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.id)).filter(|id| !id.is_empty()),
                external_ids: text(self.external_id).into_iter().collect(),
                ..PersonIds::default()
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.surname.unwrap_or_default(),
            preferred_name: text(self.preferred_name),
            middle_name: text(self.middle_name),
            work_email: text(self.email_address),
            status: Some(status),
            start_date: date(self.start_date),
            end_date,
            location: text(self.primary_location),
            job_title: text(self.job_title),
            ..Person::default()
        }
    }
}

pub(super) struct PeopleSource<'a> {
    pub(super) session: Session<'a>,
    pub(super) business: String,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employee";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let skip = position.saturating_mul(PAGE_SIZE);
        let query = format!("$orderby=Id&$skip={skip}&$top={PAGE_SIZE}&$select={SELECT}");
        self.session.url(
            "/api/v2/business",
            &[&self.business, "employee", "unstructured"],
            &query,
        )
    }

    fn parse(&self, position: u32, response: &Response) -> Result<Page, Problem> {
        let employees: Vec<Employee> = decode(PROVIDER, response)?;
        // More than asked for is not an answer the contract allows.
        if employees.len() > PAGE_SIZE as usize {
            return Err(unexpected_status(PROVIDER, response));
        }
        // No total and no links: a full page may have a successor, a shorter one ends the list.
        let next = (employees.len() == PAGE_SIZE as usize).then(|| self.page_url(position + 1));
        let today = fields::today();
        Ok(Page {
            people: employees
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
            total_pages: None,
            next,
            links: Vec::new(),
        })
    }

    /// An API key has nothing to renew: refused is refused.
    async fn renew(&self) -> Result<Token, Problem> {
        Err(credentials_rejected(PROVIDER))
    }

    fn refused(&self) -> Problem {
        credentials_rejected(PROVIDER)
    }

    fn authorise(&self, request: RequestBuilder, token: &SecretString) -> RequestBuilder {
        authorised(request, token)
    }
}

/// Lists everyone in the chosen business (every status), or the only one the key reaches.
pub(super) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    key: &ApiKey,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> Result<PeopleListing, Problem> {
    let session = Session::new(http, endpoints, key);
    let business = match &key.business_id {
        Some(id) => id.clone(),
        None => choose(&session.businesses().await?, None)?.id,
    };
    let source = PeopleSource { session, business };
    let token = Token {
        secret: key.key.clone(),
        expires_at: None,
    };
    engine::run(&source, token, http, &RATE_LIMITS, options, progress).await
}
