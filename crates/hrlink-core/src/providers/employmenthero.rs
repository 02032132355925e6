//! Employment Hero (the HR platform, not its payroll API): sign-in through the browser (OAuth
//! authorisation code with mandatory PKCE; the app's scopes are fixed when it is registered, so
//! the authorize request names none), then the proof.
//!
//! The admin picks one organisation on Employment Hero's consent page, so `/organisations`
//! normally lists exactly that one. Should it list several, the report's account is the one
//! named by [`OAuthGrant::organisation_id`] (the wizard's choice); without a choice the
//! verification stops with [`Problem::OrganisationChoiceNeeded`] (with the count), and the
//! wizard asks which one. Scopes have no introspection endpoint: `organisations:list` and
//! `employees:list` are probed (403 = not granted), others are judged from the token response's
//! `scope` when it has one. Refresh tokens rotate: see [`refresh`].

mod people;
mod structure;

use futures::future::BoxFuture;
use serde::Deserialize;
use url::Url;

use super::catalogue::ProviderId;
use super::provider::Provider;
use super::screens::{GuideScreen, StepValue, copy, screen};
use super::support::{Probe, wrong_kind};
use crate::Problem;
use crate::config::{Config, OAuthProviderConfig};
use crate::credentials::{OAuthGrant, Secret};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::oauth::{self, AuthorizationServer, OAuthTokens, SignInOptions, get_json};
use crate::people::Person;
use crate::people::listing::types::{ListingOptions, ListingOutcome, ListingProgressSink};
use crate::verify::progress::{ProgressSink, VerifyStep, step};
use crate::verify::report::{Account, PeopleCount, VerificationReport};

const PROVIDER: ProviderId = ProviderId::Employmenthero;

/// Employment Hero's authorisation server at `endpoints` (`{auth}/oauth2/authorize`,
/// `{auth}/oauth2/token`), without a `scope` parameter (PKCE, which it requires, is always sent).
pub fn authorization_server(endpoints: &ProviderEndpoints) -> AuthorizationServer {
    let auth = endpoints.auth.as_ref().unwrap_or(&endpoints.api);
    AuthorizationServer {
        provider: PROVIDER,
        authorize_url: join(auth, "/oauth2/authorize"),
        token_url: join(auth, "/oauth2/token"),
        send_scope: false,
    }
}

/// Signs in through the browser; the admin picks the organisation on the consent page.
pub async fn sign_in(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    options: &SignInOptions<'_>,
) -> Result<OAuthGrant, Problem> {
    let server = authorization_server(endpoints);
    let tokens = oauth::sign_in(http, &server, &config.client()?, &[], options).await?;
    Ok(OAuthGrant {
        tokens,
        permissions: config.permissions.clone(),
        organisation_id: None,
    })
}

/// New tokens from the refresh token. Employment Hero rotates refresh tokens: the old one is dead
/// once this returns, so store the returned one (replacing the old in one step) before anything
/// else; a lost one means signing in again.
pub async fn refresh(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    tokens: &OAuthTokens,
) -> Result<OAuthTokens, Problem> {
    oauth::refresh(
        http,
        &authorization_server(endpoints),
        &config.client()?,
        tokens,
    )
    .await
}

#[derive(Deserialize)]
struct Envelope<T> {
    data: Page<T>,
}

#[derive(Deserialize)]
struct Page<T> {
    #[serde(default = "Vec::new")]
    items: Vec<T>,
    #[serde(default)]
    total_items: Option<u64>,
    #[serde(default)]
    total_pages: Option<u32>,
    #[serde(default)]
    item_per_page: Option<u32>,
}

#[derive(Deserialize, Clone)]
struct Organisation {
    id: String,
    #[serde(default)]
    name: String,
}

/// Nothing of an employee is decoded: only the page's total is read.
#[derive(Deserialize)]
struct Ignored {}

/// Verifies an Employment Hero sign-in: token, organisation, permissions, people count.
pub async fn verify(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let api = &endpoints.api;
    let organisations = step(
        progress,
        VerifyStep::Authenticate,
        organisations(http, api, &grant.tokens),
    )
    .await;
    let organisations = match organisations {
        Ok(organisations) => organisations,
        Err(problem) => return VerificationReport::failed(PROVIDER, problem),
    };
    let account = step(progress, VerifyStep::Account, async {
        choose(organisations.as_ref(), grant.organisation_id.as_deref())
    })
    .await;
    let mut problems = Vec::new();
    let account = match account {
        Ok(account) => account,
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let employees = match &account {
        Some(account) => Some(
            step(
                progress,
                VerifyStep::People,
                employee_count(http, api, &grant.tokens, &account.id),
            )
            .await,
        ),
        // No organisation to count in: the permission stays unknown.
        None => None,
    };
    let (people, employees_probe) = match employees {
        Some(Ok(count)) => (Some(count), Some(true)),
        Some(Err(Probe::Denied)) => (None, Some(false)),
        Some(Err(Probe::Failed(problem))) => {
            problems.push(problem);
            (None, None)
        }
        None => (None, None),
    };
    let mut probed = vec![("organisations:list", organisations.is_some())];
    if let Some(granted) = employees_probe {
        probed.push(("employees:list", granted));
    }
    let permissions =
        oauth::check_permissions(progress, &grant.permissions, &grant.tokens, &probed).await;
    VerificationReport::assemble(PROVIDER, account, permissions, people, problems)
}

/// The organisations a sign-in reaches, for the admin to choose from when there are several
/// (the first 100; empty when `organisations:list` is not granted).
pub async fn list_organisations(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    grant: &OAuthGrant,
) -> Result<Vec<Account>, Problem> {
    let reached = organisations(http, &endpoints.api, &grant.tokens).await?;
    Ok(reached
        .map(|reached| reached.organisations.iter().map(account).collect())
        .unwrap_or_default())
}

fn account(org: &Organisation) -> Account {
    Account {
        id: org.id.clone(),
        name: org.name.clone(),
    }
}

/// The organisations the token reaches (`None` when `organisations:list` is not granted), with
/// the total when the provider pages them.
async fn organisations(
    http: &HttpClient,
    api: &Url,
    tokens: &OAuthTokens,
) -> Result<Option<Reached>, Problem> {
    let mut url = join(api, "/api/v1/organisations");
    url.set_query(Some("page_index=1&item_per_page=100"));
    match get_json::<Envelope<Organisation>>(http, PROVIDER, url, tokens).await {
        Ok(envelope) => {
            let total = envelope
                .data
                .total_items
                .unwrap_or(envelope.data.items.len() as u64);
            Ok(Some(Reached {
                organisations: envelope.data.items,
                total,
            }))
        }
        Err(Probe::Denied) => Ok(None),
        Err(Probe::Failed(problem)) => Err(problem),
    }
}

/// What `/organisations` listed.
struct Reached {
    organisations: Vec<Organisation>,
    /// All of them, including any on later pages.
    total: u64,
}

/// The account to report: the chosen organisation, or the only one. `Ok(None)` when the
/// organisations cannot be listed and none was chosen (the missing permission says why).
fn choose(reached: Option<&Reached>, chosen: Option<&str>) -> Result<Option<Account>, Problem> {
    let Some(reached) = reached else {
        // Without `organisations:list` the choice is trusted: the employee probe checks it.
        return Ok(chosen.map(|id| Account {
            id: id.to_owned(),
            name: String::new(),
        }));
    };
    let choice_needed = || Problem::OrganisationChoiceNeeded {
        provider: PROVIDER.display_name().to_owned(),
        count: u32::try_from(reached.total).unwrap_or(u32::MAX),
    };
    match (chosen, reached.organisations.as_slice()) {
        (Some(id), organisations) => organisations
            .iter()
            .find(|org| org.id == id)
            .map(|org| Some(account(org)))
            .ok_or_else(choice_needed),
        (None, [only]) if reached.total <= 1 => Ok(Some(account(only))),
        // A sign-in that reaches no organisation is not what Employment Hero's consent gives.
        (None, []) => Err(Problem::for_provider(PROVIDER, |provider| {
            Problem::ProviderUnexpectedResponse { provider }
        })),
        (None, _) => Err(choice_needed()),
    }
}

/// Probes `employees:list` and counts the organisation's people (`total_items`).
async fn employee_count(
    http: &HttpClient,
    api: &Url,
    tokens: &OAuthTokens,
    organisation_id: &str,
) -> Result<PeopleCount, Probe> {
    let mut url = join(api, "/api/v1/organisations");
    // The id becomes one path segment, escaped: it came from the network or the wizard.
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.push(organisation_id).push("employees");
    }
    url.set_query(Some("page_index=1&item_per_page=1"));
    let envelope = get_json::<Envelope<Ignored>>(http, PROVIDER, url, tokens).await?;
    let total = envelope
        .data
        .total_items
        .unwrap_or(envelope.data.items.len() as u64);
    // Employees of every status: terminated ones stay in the list.
    Ok(PeopleCount::everyone(
        u32::try_from(total).unwrap_or(u32::MAX),
    ))
}

/// Employment Hero, as the engines see it.
pub struct EmploymentHero;

impl Provider for EmploymentHero {
    fn id(&self) -> ProviderId {
        PROVIDER
    }

    fn guide_screens(&self, config: &Config) -> Vec<GuideScreen> {
        let p = PROVIDER;
        let redirect = config
            .oauth(p)
            .ok()
            .filter(|oauth| oauth.redirect_port != 0)
            .map(|oauth| {
                format!(
                    "http://127.0.0.1:{}{}",
                    oauth.redirect_port, oauth.redirect_path
                )
            });
        let mut app = vec![None, copy(config.product.as_str())];
        // Only a fixed port can be registered; with any free port there is nothing to type.
        if let Some(uri) = redirect {
            app.push(copy(uri));
        }
        app.push(Some(StepValue::Permissions { joined: true }));
        let mut app_screen = screen(p, "app", app);
        if app_screen.steps.len() == 3 {
            // Without a redirect URI step the scopes step is the third: keep its text.
            if let Some(last) = app_screen.steps.last_mut() {
                last.text = format!("{}.app.step4", p.slug());
            }
        }
        vec![
            screen(p, "user", vec![None, None]),
            app_screen,
            screen(p, "consent", vec![None, None]),
        ]
    }

    fn structure<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        people: &'a [Person],
    ) -> BoxFuture<'a, Result<crate::mapping::Structure, Problem>> {
        Box::pin(async move { structure::structure(http, endpoints, grant(secret)?, people).await })
    }

    fn authorization_server(&self, endpoints: &ProviderEndpoints) -> Option<AuthorizationServer> {
        Some(authorization_server(endpoints))
    }

    fn sign_in<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        oauth: &'a OAuthProviderConfig,
        chosen: Option<&'a [String]>,
        options: &'a SignInOptions<'a>,
    ) -> BoxFuture<'a, Result<OAuthGrant, Problem>> {
        Box::pin(async move {
            let _ = chosen;
            sign_in(http, endpoints, oauth, options).await
        })
    }

    fn refresh<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        oauth: &'a OAuthProviderConfig,
        tokens: &'a OAuthTokens,
    ) -> BoxFuture<'a, Result<OAuthTokens, Problem>> {
        Box::pin(refresh(http, endpoints, oauth, tokens))
    }

    fn verify<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        progress: &'a dyn ProgressSink,
    ) -> BoxFuture<'a, VerificationReport> {
        Box::pin(async move {
            match grant(secret) {
                Ok(grant) => verify(http, endpoints, grant, progress).await,
                Err(problem) => VerificationReport::failed(PROVIDER, problem),
            }
        })
    }

    fn organisations<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
    ) -> BoxFuture<'a, Result<Vec<Account>, Problem>> {
        Box::pin(async move { list_organisations(http, endpoints, grant(secret)?).await })
    }

    fn list_people<'a>(
        &'a self,
        http: &'a HttpClient,
        endpoints: &'a ProviderEndpoints,
        secret: &'a Secret,
        oauth: Option<&'a OAuthProviderConfig>,
        options: &'a ListingOptions,
        progress: &'a dyn ListingProgressSink,
    ) -> BoxFuture<'a, ListingOutcome> {
        Box::pin(async move {
            match grant(secret) {
                Ok(grant) => {
                    people::list_people(http, endpoints, grant, oauth, options, progress).await
                }
                Err(problem) => ListingOutcome {
                    result: Err(problem),
                    refreshed_tokens: None,
                },
            }
        })
    }
}

fn grant(secret: &Secret) -> Result<&OAuthGrant, Problem> {
    secret.grant().ok_or_else(|| wrong_kind(PROVIDER))
}

#[cfg(test)]
mod tests;
