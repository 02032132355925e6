//! Exit codes, one meaning each, so scripts can branch on them.

use std::process::ExitCode;

use hrlink_core::Problem;
use hrlink_core::verify::VerificationReport;

/// What `hrlink` tells its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: verified, with every required permission.
    Ok,
    /// 2: bad input or usage (a malformed key file, an unknown option).
    Usage,
    /// 3: the HR system rejected the credentials.
    Rejected,
    /// 4: signed in, but a required permission is missing.
    PermissionMissing,
    /// 5: the HR system was unreachable, timed out or answered unexpectedly.
    Unreachable,
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
            Problem::CredentialsRejected { .. } => Exit::Rejected,
            Problem::PermissionMissing { .. } => Exit::PermissionMissing,
            Problem::ProviderUnreachable { .. }
            | Problem::ProviderTimeout { .. }
            | Problem::ProviderRateLimited { .. }
            | Problem::ProviderServerError { .. }
            | Problem::ProviderUnexpectedResponse { .. } => Exit::Unreachable,
            Problem::KeyFileUnrecognised
            | Problem::KeyFileRedactedExample
            | Problem::KeyFileIncomplete { .. }
            | Problem::KeyFileSwapped
            | Problem::KeyFileNotText
            | Problem::FileUnreadable
            | Problem::IrisCredentialsUnrecognised
            | Problem::IpayrollUsernameInvalid { .. }
            | Problem::InsecureEndpoint { .. }
            | Problem::CredentialsExpired
            | Problem::ConfigurationInvalid { .. } => Exit::Usage,
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
        })
    }
}
