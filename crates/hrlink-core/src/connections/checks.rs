//! Health checks: proving that a saved connection still works, and recording what was found.

use std::time::Instant;

use super::{ConnectionId, ConnectionStatus, ConnectionStore, Profile};
use crate::config::Config;
use crate::diagnostics::{EventKind, Journal};
use crate::http::HttpClient;
use crate::verify::{self, VerificationReport};
use crate::{Endpoints, Problem};

/// The outcome of a health check.
#[derive(Debug)]
pub struct CheckOutcome {
    /// The profile, updated with this check.
    pub profile: Profile,
    /// What the check found.
    pub status: ConnectionStatus,
    /// The verification report, when the credentials could be read; its warnings (e.g. far
    /// more granted than chosen) are for the admin too.
    pub report: Option<VerificationReport>,
    /// What to tell the admin when it is not connected: the report's first problem, or why
    /// the credentials could not be read.
    pub problem: Option<Problem>,
    /// Whether this check bound a connection saved before bindings existed to the addresses
    /// it passed at (see [`super::binding`]).
    pub newly_bound: bool,
}

impl ConnectionStore {
    /// Checks `id`: reads the credentials, verifies them (authentication and permission
    /// probes) against the selection saved with it (a chosen permission missing fails the
    /// check; far more granted than chosen is a warning in the report), and records what was
    /// found.
    pub async fn check(
        &self,
        id: &ConnectionId,
        http: &HttpClient,
        endpoints: &Endpoints,
        config: &Config,
    ) -> Result<CheckOutcome, Problem> {
        let credentials = match self.load_credentials(id, http, endpoints, config).await {
            Ok(credentials) => credentials,
            Err(problem) => {
                let status = ConnectionStatus::for_problem(&problem);
                // A connection that is gone, a configuration without this provider, or
                // addresses the connection is not bound to (nothing was sent) are not health
                // findings: say so instead, and leave the status as it was.
                if matches!(
                    problem,
                    Problem::ConnectionNotFound { .. }
                        | Problem::ConfigurationInvalid { .. }
                        | Problem::ConnectionEndpointChanged { .. }
                ) {
                    return Err(problem);
                }
                let profile = self.record(id, status, None)?;
                return Ok(CheckOutcome {
                    profile,
                    status,
                    report: None,
                    problem: Some(problem),
                    newly_bound: false,
                });
            }
        };
        let chosen = self.profile(id)?.chosen_permissions;
        let report =
            verify::verify_selected(http, endpoints, &credentials, chosen.as_deref(), &|_| {})
                .await;
        let status = ConnectionStatus::for_report(&report);
        let newly_bound = status == ConnectionStatus::Connected
            && self
                .bind_if_unbound(id, endpoints.require(report.provider)?)
                .await?;
        let profile = self.record(id, status, Some(&report))?;
        Ok(CheckOutcome {
            profile,
            status,
            problem: report.problems.first().cloned(),
            report: Some(report),
            newly_bound,
        })
    }
}

/// Notes how the check `checked`, started at `started`, ended in `journal`, for the diagnostics:
/// `ok`, the problem it found, or why it could not check.
pub fn record_check(journal: &Journal, started: Instant, checked: &Result<CheckOutcome, Problem>) {
    let (provider, found) = match checked {
        Ok(outcome) => (
            Some(outcome.profile.provider),
            outcome.problem.as_ref().map_or(Ok(()), Err),
        ),
        Err(problem) => (None, Err(problem)),
    };
    journal.record_outcome(EventKind::Check, provider, found, started.elapsed());
}
