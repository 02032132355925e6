//! Employment Hero (the HR platform, not its payroll API): sign-in through the browser (OAuth
//! authorisation code with mandatory PKCE; the app's scopes are fixed when it is registered, so
//! the authorize request names none), then the proof.
//!
//! The admin picks one organisation on Employment Hero's consent page, so `/organisations`
//! normally lists exactly that one. Should it list several, the report's account is the one
//! named by [`EmploymentHeroGrant::organisation_id`] (the wizard's choice); without a choice the
//! verification stops with [`Problem::OrganisationChoiceNeeded`] (with the count), and the
//! wizard asks which one. Scopes have no introspection endpoint: `organisations:list` and
//! `employees:list` are probed (403 = not granted), others are judged from the token response's
//! `scope` when it has one. Refresh tokens rotate: see [`refresh`].

use serde::Deserialize;
use url::Url;

use crate::config::{OAuthProviderConfig, Permissions};
use crate::endpoints::ProviderEndpoints;
use crate::http::{HttpClient, join};
use crate::oauth::{self, AuthorizationServer, OAuthTokens, SignInOptions, get_json};
use crate::providers::Probe;
use crate::verify::{Account, PeopleCount, ProgressSink, VerificationReport, VerifyStep, step};
use crate::{Problem, ProviderId};

const PROVIDER: ProviderId = ProviderId::Employmenthero;

/// The scopes HR Link cannot work without (the default `required_permissions`).
pub const REQUIRED_SCOPES: [&str; 2] = ["organisations:list", "employees:list"];

/// An Employment Hero sign-in, ready to verify.
#[derive(Debug, Clone)]
pub struct EmploymentHeroGrant {
    /// The tokens (store the refresh token in the vault; it rotates).
    pub tokens: OAuthTokens,
    /// The permissions the product needs, to judge the grant against.
    pub permissions: Permissions,
    /// The organisation this connection is for, when the admin chose one (needed only when the
    /// sign-in reaches several).
    pub organisation_id: Option<String>,
}

/// Employment Hero's authorisation server at `endpoints` (`{auth}/oauth2/authorize`,
/// `{auth}/oauth2/token`), always with PKCE and without a `scope` parameter.
pub fn authorization_server(endpoints: &ProviderEndpoints) -> AuthorizationServer {
    let auth = endpoints.auth.as_ref().unwrap_or(&endpoints.api);
    AuthorizationServer {
        provider: PROVIDER,
        authorize_url: join(auth, "/oauth2/authorize"),
        token_url: join(auth, "/oauth2/token"),
        send_scope: false,
        pkce: true,
    }
}

/// Signs in through the browser; the admin picks the organisation on the consent page.
pub async fn sign_in(
    http: &HttpClient,
    endpoints: &ProviderEndpoints,
    config: &OAuthProviderConfig,
    options: &SignInOptions<'_>,
) -> Result<EmploymentHeroGrant, Problem> {
    let server = authorization_server(endpoints);
    let tokens = oauth::sign_in(http, &server, &config.client()?, &[], options).await?;
    Ok(EmploymentHeroGrant {
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
    grant: &EmploymentHeroGrant,
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
    let account = |org: &Organisation| Account {
        id: org.id.clone(),
        name: org.name.clone(),
    };
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
    Ok(PeopleCount {
        count: u32::try_from(total).unwrap_or(u32::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: &str) -> Organisation {
        Organisation {
            id: id.into(),
            name: format!("Org {id}"),
        }
    }

    fn reached(ids: &[&str]) -> Reached {
        Reached {
            organisations: ids.iter().map(|id| org(id)).collect(),
            total: ids.len() as u64,
        }
    }

    #[test]
    fn one_organisation_is_the_account() {
        let account = choose(Some(&reached(&["a"])), None).unwrap().unwrap();
        assert_eq!(account.id, "a");
        assert_eq!(account.name, "Org a");
    }

    #[test]
    fn several_organisations_need_a_choice() {
        let two = reached(&["a", "b"]);
        assert_eq!(
            choose(Some(&two), None),
            Err(Problem::OrganisationChoiceNeeded {
                provider: "Employment Hero".into(),
                count: 2
            })
        );
        assert_eq!(choose(Some(&two), Some("b")).unwrap().unwrap().id, "b");
        assert!(matches!(
            choose(Some(&two), Some("c")),
            Err(Problem::OrganisationChoiceNeeded { count: 2, .. })
        ));
        // One listed but more on later pages still needs a choice.
        let paged = Reached {
            organisations: vec![org("a")],
            total: 3,
        };
        assert!(matches!(
            choose(Some(&paged), None),
            Err(Problem::OrganisationChoiceNeeded { count: 3, .. })
        ));
    }

    #[test]
    fn without_the_listing_a_choice_is_kept() {
        assert_eq!(choose(None, None), Ok(None));
        assert_eq!(choose(None, Some("a")).unwrap().unwrap().id, "a");
    }

    #[test]
    fn endpoints_follow_the_documented_paths() {
        let endpoints = ProviderEndpoints {
            api: Url::parse("https://api.employmenthero.com").unwrap(),
            auth: Some(Url::parse("https://oauth.employmenthero.com").unwrap()),
        };
        let server = authorization_server(&endpoints);
        assert_eq!(
            server.authorize_url.as_str(),
            "https://oauth.employmenthero.com/oauth2/authorize"
        );
        assert!(server.pkce && !server.send_scope);
    }
}
