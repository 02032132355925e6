//! Proving a connection: authenticate, find the account, probe each permission, count people.
//!
//! Independent probes run concurrently and report progress as they start and finish. The result
//! is a [`VerificationReport`]: everything the wizard and `hrlink verify` show. The provider's
//! module does the probing ([`crate::providers::Provider::verify`]); this module finds it and
//! judges the report against the admin's selection.

pub mod progress;
pub mod report;

pub use crate::credentials::Credentials;
pub use progress::{ProgressSink, VerifyProgress, VerifyStep};
pub use report::{
    Account, FAR_MORE_COUNT, PeopleCount, PeopleCounted, PermissionCheck, PermissionStatus,
    VerificationReport, grants_far_more, reaches_personal_data,
};

use crate::config::OAuthProviderConfig;
use crate::http::HttpClient;
use crate::oauth::SignInOptions;
use crate::{Endpoints, Problem, ProviderId, providers};

impl Credentials {
    /// Parses what the admin pasted or loaded (a key file, IRIS text) for providers whose
    /// credentials are text. Browser sign-in providers use [`Credentials::sign_in`].
    pub fn from_text(provider: ProviderId, bytes: &[u8]) -> Result<Credentials, Problem> {
        let secret = providers::provider(provider).parse_secret(bytes)?;
        Credentials::new(provider, secret).ok_or_else(|| providers::support::wrong_kind(provider))
    }

    /// Signs in through the system browser for the OAuth providers (iPayroll, Employment Hero).
    /// `chosen`: the optional permissions the admin selected (iPayroll asks for them and the
    /// required ones); `None` asks for every configured one.
    pub async fn sign_in(
        provider: ProviderId,
        http: &HttpClient,
        endpoints: &Endpoints,
        oauth: &OAuthProviderConfig,
        chosen: Option<&[String]>,
        options: &SignInOptions<'_>,
    ) -> Result<Credentials, Problem> {
        let endpoints = endpoints.require(provider)?;
        let grant = providers::provider(provider)
            .sign_in(http, endpoints, oauth, chosen, options)
            .await?;
        Ok(Credentials::oauth(provider, grant))
    }

    /// The organisations these credentials reach, when the admin has to choose one (Employment
    /// Hero); empty for the other systems, whose credentials reach exactly one.
    pub async fn organisations(
        &self,
        http: &HttpClient,
        endpoints: &Endpoints,
    ) -> Result<Vec<Account>, Problem> {
        let endpoints = endpoints.require(self.provider())?;
        providers::provider(self.provider())
            .organisations(http, endpoints, self.secret())
            .await
    }
}

/// Verifies credentials against the provider at `endpoints`.
pub async fn verify(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let provider = credentials.provider();
    let endpoints = match endpoints.require(provider) {
        Ok(endpoints) => endpoints,
        Err(problem) => return VerificationReport::failed(provider, problem),
    };
    let report = providers::provider(provider)
        .verify(http, endpoints, credentials.secret(), progress)
        .await;
    VerificationReport {
        origins: Some(crate::endpoints::BoundOrigins::of(endpoints)),
        ..report
    }
}

/// Verifies credentials against the admin's selection: the required permissions and the
/// `chosen` optional ones are checked (a chosen one missing fails the check); the others are
/// probed only to tell whether the credentials grant far more than selected, without showing
/// in the progress or the table (see [`VerificationReport::select`]).
pub async fn verify_chosen(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    chosen: &[String],
    progress: &dyn ProgressSink,
) -> VerificationReport {
    let unchosen: Vec<&str> = credentials
        .optional_permissions()
        .into_iter()
        .filter(|id| !chosen.iter().any(|c| c == id))
        .collect();
    let selected_progress = |event: VerifyProgress| {
        let step = match &event {
            VerifyProgress::Started { step } | VerifyProgress::Finished { step, .. } => step,
        };
        if !matches!(step, VerifyStep::Permission(id) if unchosen.contains(&id.as_str())) {
            progress.report(event);
        }
    };
    verify(http, endpoints, credentials, &selected_progress)
        .await
        .select(chosen, credentials.granted_scopes())
}

/// Verifies credentials against the admin's selection when one was made ([`verify_chosen`]),
/// else probing every permission and demanding only the required ones ([`verify`]).
pub async fn verify_selected(
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    chosen: Option<&[String]>,
    progress: &dyn ProgressSink,
) -> VerificationReport {
    match chosen {
        Some(chosen) => verify_chosen(http, endpoints, credentials, chosen, progress).await,
        None => verify(http, endpoints, credentials, progress).await,
    }
}
