//! Exit codes, one meaning each, so scripts can branch on them.

use std::process::ExitCode;

use hrlink_core::Problem;
use hrlink_core::verify::VerificationReport;

/// What `hrlink` tells its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: verified, with every required permission.
    Ok,
    /// 2: bad input, usage or set-up (a malformed key file, an unknown option, an invalid
    /// configuration, the redirect port taken, no browser, an organisation to choose).
    Usage,
    /// 3: the HR system rejected the credentials, or the browser sign-in produced none it
    /// accepts: consent declined, sign-in timed out, cancelled or not verifiable, a sign-in
    /// that is no longer valid, or HR Link's OAuth client refused.
    Rejected,
    /// 4: a required permission is missing, or the HR system's API access itself is switched
    /// off (IRIS's API module): something to switch on in the HR system.
    PermissionMissing,
    /// 5: the HR system was unreachable, the connection to it broke off, it timed out or
    /// answered unexpectedly.
    Unreachable,
    /// 6: the product refused, or the enrollment cannot be used: an unknown, expired or used
    /// code, another company than the product expects, the product's own check failed, or its
    /// answer broke the hand-off protocol (`hrlink connect`).
    ProductRefused,
    /// 7: the keychain is locked, missing or not answering (`hrlink connect` and `credential
    /// get`, whose callers are programs that must tell this apart from HR Link failing; other
    /// commands still report 1).
    Keychain,
    /// 1: HR Link itself failed.
    Unexpected,
}

impl Exit {
    /// The exit status for a verification report.
    pub fn for_report(report: &VerificationReport) -> Exit {
        if report.ok {
            return Exit::Ok;
        }
        report
            .problems
            .first()
            .map_or(Exit::Unreachable, Exit::for_problem)
    }

    /// The exit status for a problem that ended the command.
    pub fn for_problem(problem: &Problem) -> Exit {
        match problem {
            Problem::CredentialsRejected { .. }
            | Problem::ConnectionRefused { .. }
            | Problem::IrisUserInactive => Exit::Rejected,
            Problem::PermissionMissing { .. } | Problem::IrisApiModuleDisabled => {
                Exit::PermissionMissing
            }
            // A warning, never in `problems`: the connection works.
            Problem::PermissionsBeyondSelection { .. } => Exit::Ok,
            // Browser sign-in: no accepted credentials came out of it (declined, not finished,
            // not verifiable, no longer valid, or HR Link's app registration refused).
            Problem::SignInDenied { .. }
            | Problem::SignInTimedOut { .. }
            | Problem::SignInStateMismatch { .. }
            | Problem::SignInCancelled { .. }
            | Problem::SignInExpired { .. }
            | Problem::ClientRejected { .. } => Exit::Rejected,
            // Cloud delivery: the product said no, or its answer cannot be used.
            Problem::EnrollmentUnknown { .. }
            | Problem::EnrollmentExpired { .. }
            | Problem::EnrollmentUsed { .. }
            | Problem::DeliveryDifferentAccount { .. }
            | Problem::DeliveryVerificationFailed { .. }
            | Problem::DeliveryExchangeFailed { .. }
            | Problem::DeliveryProtocolError { .. } => Exit::ProductRefused,
            // The product's backend could not be reached: as an HR system that cannot be.
            Problem::DeliveryUnreachable { .. } => Exit::Unreachable,
            // Set-up on this side: the requested scopes, the port, the browser, the choice of
            // organisation (`--organisation`).
            Problem::SignInRefused { .. }
            | Problem::RedirectPortInUse { .. }
            | Problem::BrowserUnavailable
            | Problem::OrganisationChoiceNeeded { .. } => Exit::Usage,
            Problem::ProviderUnreachable { .. }
            | Problem::ProviderConnectionLost { .. }
            | Problem::ProviderTimeout { .. }
            | Problem::ProviderRateLimited { .. }
            | Problem::ProviderServerError { .. }
            | Problem::ProviderUnexpectedResponse { .. }
            // The people list could not be read to its end: the HR system's side (a paging
            // loop, a link elsewhere, more pages than we read).
            | Problem::PeopleListRepeated { .. }
            | Problem::PeopleListTooLong { .. }
            | Problem::PeopleListForeignLink { .. } => Exit::Unreachable,
            // Stopped by the user (Ctrl-C), as a cancelled sign-in.
            Problem::PeopleListingCancelled => Exit::Rejected,
            // The keychain: unlock it or start it, then retry.
            Problem::VaultLocked | Problem::VaultUnavailable | Problem::VaultTimedOut => {
                Exit::Unexpected
            }
            Problem::ConnectionNotFound { .. }
            | Problem::ConnectionAmbiguous { .. }
            // Nothing was sent: the addresses in force are not the connection's.
            | Problem::ConnectionEndpointChanged { .. }
            | Problem::DifferentAccount { .. }
            | Problem::KeyFileUnrecognised
            | Problem::KeyFileRedactedExample
            | Problem::KeyFileIncomplete { .. }
            | Problem::KeyFileSwapped
            | Problem::KeyFileNotText
            | Problem::FileUnreadable
            | Problem::FileUnwritable
            | Problem::IrisCredentialsUnrecognised
            | Problem::IpayrollUsernameInvalid { .. }
            | Problem::InsecureEndpoint { .. }
            | Problem::CredentialsExpired
            | Problem::EnrollmentCodeInvalid
            | Problem::DraftNotSaved
            | Problem::ConnectionLabelInvalid
            | Problem::ConfigurationInvalid { .. }
            | Problem::RosterUnreadable
            | Problem::RosterPasswordProtected
            | Problem::RosterTooLarge { .. }
            | Problem::RosterEmpty
            | Problem::RosterNoUsableColumns
            // App-only (the snapshot, the export dialog); the CLI never meets them.
            | Problem::PeopleSnapshotUnreadable
            | Problem::PeopleExportInSupportMode
            | Problem::PeopleExportFailed
            // The daily check: no scheduler here (set-up), or the scheduler said no.
            | Problem::ScheduleUnavailable
            | Problem::ScheduleProgramMissing => Exit::Usage,
            Problem::ScheduleFailed { .. } => Exit::Unexpected,
            // The app's own updates: the CLI never meets these.
            Problem::UpdateNotVerified { .. }
            | Problem::UpdateUnreachable
            | Problem::UpdateNotInstalled { .. }
            | Problem::UpdateWaitsForWizard => Exit::Unexpected,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(match exit {
            Exit::Ok => 0,
            Exit::Unexpected => 1,
            Exit::Usage => 2,
            Exit::Rejected => 3,
            Exit::PermissionMissing => 4,
            Exit::Unreachable => 5,
            Exit::ProductRefused => 6,
            Exit::Keychain => 7,
        })
    }
}
