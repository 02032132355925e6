//! People listing: `/api/v1/employees?page=<1-based>&pageSize=<n≤200>`.

use serde::Deserialize;
use url::Url;

use super::{PROVIDER, authenticate};
use crate::Problem;
use crate::credentials::IrisLogin;
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::people::listing::engine::{self, Page, Source, Token};
use crate::people::listing::types::{ListingOptions, ListingProgressSink, PeopleListing};
use crate::people::listing::{fields, paging};
use crate::people::{Person, PersonIds};
use crate::providers::catalogue::ProviderId;
use crate::providers::support::{credentials_rejected, decode, json_text};

/// The largest page the provisional contract serves.
const PAGE_SIZE: u32 = 200;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EmployeeList {
    items: Vec<Employee>,
    #[serde(default)]
    total_items: Option<u64>,
    #[serde(default)]
    page_size: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Employee {
    #[serde(default)]
    employee_id: serde_json::Value,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    work_email: Option<String>,
    #[serde(default)]
    job_title: Option<String>,
    #[serde(default)]
    department: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    leave_date: Option<String>,
    #[serde(default)]
    status: Option<String>,
}

impl Employee {
    fn into_person(self, today: time::Date) -> Person {
        use crate::people::normalise::parse_date;
        let text = fields::non_empty;
        let end_date = self.leave_date.as_deref().and_then(parse_date);
        let status = fields::status_of(self.status.as_deref(), end_date, today);
        Person {
            ids: PersonIds {
                provider_id: Some(json_text(&self.employee_id)).filter(|id| !id.is_empty()),
                ..PersonIds::default()
            },
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.last_name.unwrap_or_default(),
            work_email: text(self.work_email),
            status: Some(status),
            start_date: self.start_date.as_deref().and_then(parse_date),
            end_date,
            department: text(self.department),
            location: text(self.location),
            job_title: text(self.job_title),
            ..Person::default()
        }
    }
}

pub(super) struct PeopleSource<'a> {
    pub(super) http: &'a HttpClient,
    pub(super) api: &'a Url,
    pub(super) login: &'a IrisLogin,
}

impl Source for PeopleSource<'_> {
    const PROVIDER: ProviderId = PROVIDER;
    const PERMISSION: &'static str = "employees";
    const PAGE_SIZE: Option<u32> = Some(PAGE_SIZE);

    fn page_url(&self, position: u32) -> Url {
        let mut url = join(self.api, "/api/v1/employees");
        url.set_query(Some(&format!("page={}&pageSize={PAGE_SIZE}", position + 1)));
        url
    }

    fn parse(&self, _position: u32, response: &crate::http::Response) -> Result<Page, Problem> {
        let list: EmployeeList = decode(PROVIDER, response)?;
        let today = fields::today();
        // The server may serve smaller pages than asked for; its own size counts the pages.
        let per_page = list.page_size.filter(|&size| size > 0).unwrap_or(PAGE_SIZE);
        Ok(Page {
            total_pages: list
                .total_items
                .map(|total| paging::pages_for(total, per_page)),
            people: list
                .items
                .into_iter()
                .map(|employee| employee.into_person(today))
                .collect(),
            ..Page::default()
        })
    }

    async fn renew(&self) -> Result<Token, Problem> {
        let session = authenticate(self.http, self.api, self.login).await?;
        Ok(Token {
            secret: session.token,
            expires_at: session.expires_at,
        })
    }

    fn refused(&self) -> Problem {
        credentials_rejected(PROVIDER)
    }
}

/// Lists everyone the API user can see (leavers included, as the list serves them).
pub(super) async fn list_people(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    login: &IrisLogin,
    options: &ListingOptions,
    progress: &dyn ListingProgressSink,
) -> Result<PeopleListing, Problem> {
    let source = PeopleSource {
        http,
        api: &endpoints.api,
        login,
    };
    let token = source.renew().await?;
    engine::run(&source, token, http, &[], options, progress).await
}
