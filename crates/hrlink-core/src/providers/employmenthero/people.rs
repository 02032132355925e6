//! People listing: `/organisations/{id}/employees`, pages from 1, all statuses.

use serde::Deserialize;
use url::Url;

use super::{Envelope, PROVIDER, authorization_server, choose, organisations};
use crate::Problem;
use crate::config::OAuthProviderConfig;
use crate::credentials::OAuthGrant;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::oauth::renewal::OAuthRenewal;
use crate::people::Person;
use crate::people::listing::engine::{self, Page as ListingPage, Source, Token};
use crate::people::listing::types::{
    ListingOptions, ListingOutcome, ListingProgressSink, RateLimit,
};
use crate::people::listing::{fields, paging};
use crate::providers::catalogue::ProviderId;
use crate::providers::support::{decode, json_text};

/// The page size asked for: Employment Hero's maximum in practice.
const PAGE_SIZE: u32 = 100;

/// Employment Hero's documented limits: 20 requests a second and 100 a minute.
const RATE_LIMITS: [RateLimit; 2] = [
    RateLimit::per_second(20),
    RateLimit {
        requests: 100,
        per: std::time::Duration::from_secs(60),
    },
];

/// The employee fields HR Link keeps (date of birth, personal email, manager are not read).
#[derive(Deserialize)]
struct Employee {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    code: Option<serde_json::Value>,
    #[serde(default)]
    external_id: Option<serde_json::Value>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    middle_name: Option<String>,
    #[serde(default)]
    known_as: Option<String>,
    /// The work email (`email` may be the personal one).
    #[serde(default)]
    company_email: Option<String>,
    #[serde(default)]
    job_title: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    termination_date: Option<String>,
    /// A name, or an object with one.
    #[serde(default)]
    location: Option<serde_json::Value>,
    #[serde(default)]
    teams: Option<Vec<Team>>,
}

#[derive(Deserialize)]
struct Team {
    #[serde(default)]
    name: Option<String>,
}

impl Employee {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let id = |value: Option<serde_json::Value>| {
            value
                .as_ref()
                .map(json_text)
                .filter(|id| !id.trim().is_empty())
        };
        let end_date = self.termination_date.as_deref().and_then(parse_date);
        let status = fields::status_of(self.status.as_deref(), end_date, today);
        let location = match self.location {
            Some(serde_json::Value::Object(place)) => place
                .get("name")
                .and_then(|name| name.as_str())
                .map(str::to_owned),
            Some(serde_json::Value::String(name)) => Some(name),
            _ => None,
        };
        Person {
            ids: crate::people::PersonIds {
                provider_id: id(Some(self.id)),
                personnel_number: id(self.code),
                external_ids: id(self.external_id).into_iter().collect(),
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.last_name.unwrap_or_default(),
            preferred_name: text(self.known_as),
            middle_name: text(self.middle_name),
            work_email: text(self.company_email),
            status: Some(status),
            start_date: self.start_date.as_deref().and_then(parse_date),
            end_date,
            location: text(location),
            teams: self
                .teams
                .unwrap_or_default()
                .into_iter()
                .filter_map(|team| text(team.name))
                .collect(),
            job_title: text(self.job_title),
            ..Person::default()
        }
    }
}

pub(super) struct PeopleSource<'a> {
    pub(super) api: &'a Url,
    pub(super) organisation_id: String,
    pub(super) renewal: OAuthRenewal<'a>,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employees:list";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/api/v1/organisations");
        // The id becomes one path segment, escaped: it came from the network or the wizard.
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.push(&self.organisation_id).push("employees");
        }
        url.set_query(Some(&format!(
            "page_index={}&item_per_page={PAGE_SIZE}",
            position + 1
        )));
        url
    }

    fn parse(
        &self,
        _position: u32,
        response: &crate::http::Response,
    ) -> Result<ListingPage, Problem> {
        let envelope: Envelope<Employee> = decode(PROVIDER, response)?;
        let page = envelope.data;
        let per_page = page.item_per_page.filter(|&n| n > 0).unwrap_or(PAGE_SIZE);
        let total_pages = page.total_pages.or_else(|| {
            page.total_items
                .map(|total| paging::pages_for(total, per_page))
        });
        let today = fields::today();
        Ok(ListingPage {
            total_pages,
            people: page
                .items
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
            ..ListingPage::default()
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        self.renewal.renew(PROVIDER).await
    }

    fn refused(&self) -> Problem {
        Problem::for_provider(PROVIDER, |provider| Problem::SignInExpired { provider })
    }
}

/// Lists everyone in the organisation (all statuses), refreshing the access token when it
/// expires; a rotated refresh token comes back in [`ListingOutcome::refreshed_tokens`].
pub(super) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> ListingOutcome {
    let renewal = OAuthRenewal::new(http, authorization_server(endpoints), oauth, &grant.tokens);
    let organisation_id = match &grant.organisation_id {
        Some(id) => Ok(id.clone()),
        None => organisation_to_list(http, &endpoints.api, &renewal).await,
    };
    let result = match organisation_id {
        Ok(organisation_id) => {
            let source = PeopleSource {
                api: &endpoints.api,
                organisation_id,
                renewal,
            };
            let token = source.renewal.token();
            let result = engine::run(&source, token, http, &RATE_LIMITS, options, progress).await;
            return ListingOutcome {
                result,
                refreshed_tokens: source.renewal.finish().await,
            };
        }
        Err(problem) => Err(problem),
    };
    ListingOutcome {
        result,
        refreshed_tokens: renewal.finish().await,
    }
}

/// The organisation the sign-in reaches, as verification chooses it (refreshing an access
/// token that has already expired first).
pub(super) async fn organisation_to_list(
    http: &HttpClient,
    api: &Url,
    renewal: &OAuthRenewal<'_>,
) -> Result<String, Problem> {
    let expired = renewal
        .current()
        .expires_at
        .is_some_and(|at| at <= std::time::SystemTime::now());
    if expired {
        renewal.renew(PROVIDER).await?;
    }
    let reached = organisations(http, api, &renewal.current()).await?;
    match choose(reached.as_ref(), None)? {
        Some(account) => Ok(account.id),
        None => Err(Problem::for_provider(PROVIDER, |provider| {
            Problem::PermissionMissing {
                provider,
                permission: "organisations:list".to_owned(),
            }
        })),
    }
}
