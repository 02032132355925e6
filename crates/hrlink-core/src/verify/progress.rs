//! A running verification's steps, streamed to the live checklist.

use serde::Serialize;

/// A step of the verification, for the live checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum VerifyStep {
    /// Signing in with the credentials.
    Authenticate,
    /// Finding out which organisation was reached.
    Account,
    /// Probing one permission.
    Permission(String),
    /// Counting the people records.
    People,
}

impl VerifyStep {
    /// The step probing permission `id`.
    pub fn permission(id: &str) -> VerifyStep {
        VerifyStep::Permission(id.to_owned())
    }
}

/// Progress of a running verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum VerifyProgress {
    /// A step began.
    Started {
        /// Which step.
        step: VerifyStep,
    },
    /// A step ended.
    Finished {
        /// Which step.
        step: VerifyStep,
        /// Whether it succeeded.
        ok: bool,
    },
}

/// Receives progress; must be cheap (it runs on the verification's tasks).
pub trait ProgressSink: Sync {
    /// Called for each progress event.
    fn report(&self, progress: VerifyProgress);
}

impl<F: Fn(VerifyProgress) + Sync> ProgressSink for F {
    fn report(&self, progress: VerifyProgress) {
        self(progress)
    }
}

/// Runs `probe` between a Started and a Finished event for `step`.
pub(crate) async fn step<T, E>(
    sink: &dyn ProgressSink,
    step: VerifyStep,
    probe: impl Future<Output = Result<T, E>>,
) -> Result<T, E> {
    sink.report(VerifyProgress::Started { step: step.clone() });
    let outcome = probe.await;
    sink.report(VerifyProgress::Finished {
        step,
        ok: outcome.is_ok(),
    });
    outcome
}
