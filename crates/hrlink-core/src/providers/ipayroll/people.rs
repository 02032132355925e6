//! People listing: HATEOAS pages from 0, `links` to follow, active employees only.

use serde::Deserialize;
use url::Url;

use super::{PROVIDER, authorization_server};
use crate::Problem;
use crate::config::OAuthProviderConfig;
use crate::credentials::OAuthGrant;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::oauth::renewal::OAuthRenewal;
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::fields;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::people::{Person, PersonIds};
use crate::providers::catalogue::ProviderId;
use crate::providers::support::json_text;

/// The page size asked for (the Sandbox's maximum; iPayroll's is not documented, and a server
/// serving smaller pages says so in `totalPages`, which then still covers everyone).
const PAGE_SIZE: u32 = 100;

#[derive(Deserialize)]
struct EmployeeList {
    #[serde(default)]
    content: Vec<Employee>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    page: Option<ListPage>,
}

#[derive(Deserialize)]
struct Link {
    rel: String,
    href: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListPage {
    #[serde(default)]
    total_pages: Option<u32>,
}

/// The employee fields HR Link keeps (birth date, gender, phone, address are not read).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Employee {
    #[serde(default)]
    employee_id: serde_json::Value,
    /// First and middle names together.
    #[serde(default)]
    first_names: Option<String>,
    #[serde(default)]
    surname: Option<String>,
    #[serde(default)]
    preferred_name: Option<String>,
    /// iPayroll's only address field: the work email where the employee has one.
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    finish_date: Option<String>,
    /// The job title (not a salutation).
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    user_defined_group: Option<String>,
    #[serde(default)]
    work_state: Option<String>,
}

impl Employee {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let end_date = self.finish_date.as_deref().and_then(parse_date);
        // iPayroll lists active employees (no status field); a passed finish date means left.
        let status = fields::status_of(None, end_date, today);
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.employee_id)).filter(|id| !id.is_empty()),
                ..PersonIds::default()
            },
            first_name: self.first_names.unwrap_or_default(),
            last_name: self.surname.unwrap_or_default(),
            preferred_name: text(self.preferred_name),
            work_email: text(self.email),
            status: Some(status),
            start_date: self.start_date.as_deref().and_then(parse_date),
            end_date,
            department: text(self.user_defined_group),
            location: text(self.work_state),
            job_title: text(self.title),
            ..Person::default()
        }
    }
}

pub(super) struct PeopleSource<'a> {
    pub(super) api: &'a Url,
    pub(super) renewal: OAuthRenewal<'a>,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employees";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/api/v1/employees");
        url.set_query(Some(&format!("page={position}&size={PAGE_SIZE}")));
        url
    }

    fn parse(&self, position: u32, response: &crate::http::Response) -> Result<Page, Problem> {
        let list: EmployeeList = crate::providers::support::decode(PROVIDER, response)?;
        let base = self.page_url(position);
        let links: Vec<(Url, String)> = list
            .links
            .iter()
            .filter_map(|link| Some((base.join(&link.href).ok()?, link.rel.to_ascii_lowercase())))
            .collect();
        let today = fields::today();
        Ok(Page {
            total_pages: list.page.and_then(|page| page.total_pages),
            next: links
                .iter()
                .find(|(_, rel)| rel == "next")
                .map(|(url, _)| url.clone()),
            links: links.into_iter().map(|(url, _)| url).collect(),
            people: list
                .content
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        self.renewal.renew(PROVIDER).await
    }

    fn refused(&self) -> Problem {
        Problem::for_provider(PROVIDER, |provider| Problem::SignInExpired { provider })
    }
}

/// Lists iPayroll's (active) employees, refreshing the access token when it expires.
pub(super) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    oauth: Option<&OAuthProviderConfig>,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> ListingOutcome {
    let server = authorization_server(endpoints);
    let source = PeopleSource {
        api: &endpoints.api,
        renewal: OAuthRenewal::new(http, server, oauth, &grant.tokens),
    };
    let token = source.renewal.token();
    let result = engine::run(&source, token, http, &[], options, progress).await;
    ListingOutcome {
        result,
        refreshed_tokens: source.renewal.finish().await,
    }
}
