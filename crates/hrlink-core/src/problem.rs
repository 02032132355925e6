//! Every failure a user can meet, as a code with parameters.
//!
//! A [`Problem`] is what crosses into the UI and the CLI: the code selects a message in the
//! catalogue (`messages/*.json`) and the parameters fill its placeholders. Problems never carry
//! secrets or raw response bodies; those details go to the redacted diagnostics only.

use serde::Serialize;

use crate::providers::ProviderId;

/// A user-facing failure: a stable code plus the parameters its message needs.
///
/// Serialised as `{"code": "credentials_rejected", "params": {...}}`; the code strings are the
/// keys of the message catalogue and of `hrlink verify --json` output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
pub enum Problem {
    // --- what the admin handed over ---
    /// Nothing that looks like a key file: no recognisable labels or keys.
    #[error("not a key file")]
    KeyFileUnrecognised,
    /// A key copied from an example in the help pages (contains `...` or `…`).
    #[error("example key pasted")]
    KeyFileRedactedExample,
    /// Only one of the access key and the secret access key was found.
    #[error("key file incomplete")]
    KeyFileIncomplete {
        /// Which key is missing: `access_key` or `secret_access_key`.
        missing: String,
    },
    /// The access key and the secret access key appear to be swapped.
    #[error("keys swapped")]
    KeyFileSwapped,
    /// The file is too large or not text.
    #[error("file is not a text key file")]
    KeyFileNotText,
    /// A file could not be read from disk.
    #[error("file could not be read")]
    FileUnreadable,
    /// A file could not be written where the admin chose (no permission, disk full, removed
    /// drive).
    #[error("file could not be written")]
    FileUnwritable,
    /// The IRIS username/password text could not be understood.
    #[error("IRIS credentials not recognised")]
    IrisCredentialsUnrecognised,
    /// An iPayroll API username breaks iPayroll's naming rule.
    #[error("iPayroll API username invalid")]
    IpayrollUsernameInvalid {
        /// Which part of the rule failed: `too_short`, `no_org_number`, `no_api_infix`,
        /// `no_partner_name`, `invalid_characters` or `org_number_mismatch`.
        reason: String,
    },

    // --- the admin's roster (people matching) ---
    /// The roster is neither a CSV file nor an Excel workbook we can read (damaged, another
    /// format, a legacy .xls).
    #[error("roster unreadable")]
    RosterUnreadable,
    /// The roster workbook is protected with a password.
    #[error("roster password-protected")]
    RosterPasswordProtected,
    /// The roster is larger than we read.
    #[error("roster too large")]
    RosterTooLarge {
        /// The size limit in megabytes.
        max_megabytes: u32,
        /// The row limit.
        max_rows: u32,
    },
    /// The roster has no rows.
    #[error("roster empty")]
    RosterEmpty,
    /// No column of the roster holds names, email addresses or personnel numbers (or none has
    /// a header we recognise).
    #[error("roster has no usable columns")]
    RosterNoUsableColumns,

    // --- what the HR system answered ---
    /// The HR system rejected the credentials (401/403 on authentication).
    #[error("credentials rejected")]
    CredentialsRejected {
        /// The HR system's display name.
        provider: String,
    },
    /// A permission the integration requires is not granted.
    #[error("required permission missing")]
    PermissionMissing {
        /// The HR system's display name.
        provider: String,
        /// The permission's id in our catalogue.
        permission: String,
    },
    /// A warning, not a failure: the credentials grant far more than the admin chose to share
    /// (see [`crate::verify::grants_far_more`]).
    #[error("credentials grant more than selected")]
    PermissionsBeyondSelection {
        /// The HR system's display name.
        provider: String,
        /// The permissions granted beyond the selection, comma separated, in the system's terms.
        permissions: String,
    },
    /// The HR system could not be reached (DNS, connection refused, TLS).
    #[error("HR system unreachable")]
    ProviderUnreachable {
        /// The HR system's display name.
        provider: String,
    },
    /// The connection to the HR system broke off in the middle of an answer (after the retries
    /// a listing makes): usually the network on this side (Wi-Fi, VPN).
    #[error("connection to the HR system lost")]
    ProviderConnectionLost {
        /// The HR system's display name.
        provider: String,
    },
    /// The HR system did not answer in time.
    #[error("HR system timed out")]
    ProviderTimeout {
        /// The HR system's display name.
        provider: String,
    },
    /// The HR system asked us to slow down for longer than we wait.
    #[error("HR system rate limited")]
    ProviderRateLimited {
        /// The HR system's display name.
        provider: String,
        /// Seconds the HR system asked us to wait, when it said.
        retry_after_seconds: Option<u32>,
    },
    /// The HR system answered with an error on its side (5xx) after our retries.
    #[error("HR system error")]
    ProviderServerError {
        /// The HR system's display name.
        provider: String,
    },
    /// The answer was not what the HR system's API returns (HTML, malformed JSON, too large,
    /// a redirect elsewhere): often a proxy, a login page or a wrong address.
    #[error("unexpected response")]
    ProviderUnexpectedResponse {
        /// The HR system's display name.
        provider: String,
    },
    /// The configured address is not allowed (plain http to a non-loopback host).
    #[error("insecure address")]
    InsecureEndpoint {
        /// The HR system's display name.
        provider: String,
    },
    /// The HR system sent the same page of people again while HR Link read the list (a paging
    /// loop): reading on would never end, or count people twice.
    #[error("people list repeats itself")]
    PeopleListRepeated {
        /// The HR system's display name.
        provider: String,
    },
    /// The people list has more pages, fuller pages or more people than HR Link reads in one
    /// go (a hostile or broken server could otherwise exhaust memory).
    #[error("people list too long")]
    PeopleListTooLong {
        /// The HR system's display name.
        provider: String,
    },
    /// A link to the next page of people pointed at another server; HR Link does not send the
    /// credentials there.
    #[error("people list links elsewhere")]
    PeopleListForeignLink {
        /// The HR system's display name.
        provider: String,
    },
    /// IRIS knows the API user, but its Active box is unticked (token answer `user_inactive`).
    #[error("IRIS API user inactive")]
    IrisUserInactive,
    /// IRIS's API module is not enabled for the company (token answer `api_disabled`).
    #[error("IRIS API module disabled")]
    IrisApiModuleDisabled,

    // --- signing in through the browser (OAuth) ---
    /// The admin declined access on the HR system's consent page (`access_denied`).
    #[error("sign-in declined")]
    SignInDenied {
        /// The HR system's display name.
        provider: String,
    },
    /// No answer came back from the browser in time.
    #[error("sign-in timed out")]
    SignInTimedOut {
        /// The HR system's display name.
        provider: String,
    },
    /// Answers came back from the browser, but none belonged to this sign-in (wrong, missing or
    /// repeated `state`): a stale tab, or someone else's link.
    #[error("sign-in could not be verified")]
    SignInStateMismatch {
        /// The HR system's display name.
        provider: String,
    },
    /// The sign-in was cancelled in HR Link.
    #[error("sign-in cancelled")]
    SignInCancelled {
        /// The HR system's display name.
        provider: String,
    },
    /// The HR system refused the sign-in request with an OAuth error other than a refusal by
    /// the admin (e.g. `invalid_scope`, `unauthorized_client`): a set-up problem.
    #[error("sign-in request refused")]
    SignInRefused {
        /// The HR system's display name.
        provider: String,
        /// The OAuth error code (RFC 6749 characters only; `unknown` otherwise).
        error: String,
    },
    /// The HR system no longer accepts the sign-in (`invalid_grant`, or a token refused): access
    /// was withdrawn, or the sign-in is too old. Sign in again.
    #[error("sign-in no longer valid")]
    SignInExpired {
        /// The HR system's display name.
        provider: String,
    },
    /// The system web browser could not be started.
    #[error("browser unavailable")]
    BrowserUnavailable,
    /// The fixed port the sign-in returns to is taken by another program.
    #[error("redirect port in use")]
    RedirectPortInUse {
        /// The loopback port.
        port: u16,
    },
    /// The HR system did not accept HR Link's app registration (`invalid_client`).
    #[error("OAuth client rejected")]
    ClientRejected {
        /// The HR system's display name.
        provider: String,
    },
    /// The sign-in reaches several organisations and none was chosen.
    #[error("organisation choice needed")]
    OrganisationChoiceNeeded {
        /// The HR system's display name.
        provider: String,
        /// How many organisations the sign-in reaches.
        count: u32,
    },

    // --- cloud delivery: the product's backend (HANDOFF.md §2) ---
    /// What the admin typed is not an enrollment code (`HRL-XXXX-XXXX`).
    #[error("enrollment code invalid")]
    EnrollmentCodeInvalid,
    /// The product does not know the code (mistyped, or from another product).
    #[error("enrollment code unknown")]
    EnrollmentUnknown {
        /// The product's name.
        product: String,
    },
    /// The code is older than its 15 minutes.
    #[error("enrollment code expired")]
    EnrollmentExpired {
        /// The product's name.
        product: String,
    },
    /// The code was already used.
    #[error("enrollment code used")]
    EnrollmentUsed {
        /// The product's name.
        product: String,
    },
    /// The credentials reach another company than the product expects (a re-authorisation):
    /// refused before sending, or by the product.
    #[error("delivery to a different account")]
    DeliveryDifferentAccount {
        /// The product's name.
        product: String,
        /// The HR system's display name.
        provider: String,
        /// The company the product expects.
        expected: String,
        /// The company the credentials reached.
        reached: String,
    },
    /// The product checked the delivered credentials itself and the HR system refused them.
    #[error("the product's verification failed")]
    DeliveryVerificationFailed {
        /// The product's name.
        product: String,
        /// The HR system's display name.
        provider: String,
    },
    /// The product could not exchange the browser sign-in's code with the HR system.
    #[error("the product's code exchange failed")]
    DeliveryExchangeFailed {
        /// The product's name.
        product: String,
        /// The HR system's display name.
        provider: String,
    },
    /// The product's answer is not what the hand-off protocol says (not JSON, too large, a
    /// redirect, an unexpected status or shape).
    #[error("the product answered unexpectedly")]
    DeliveryProtocolError {
        /// The product's name.
        product: String,
    },
    /// The product's backend could not be reached, did not answer in time, failed, or the
    /// connection broke off before its answer (then it may have received what was sent).
    #[error("the product is unreachable")]
    DeliveryUnreachable {
        /// The product's name.
        product: String,
    },

    // --- inside HR Link ---
    /// Reading the people list was cancelled in HR Link.
    #[error("people listing cancelled")]
    PeopleListingCancelled,
    /// The people list kept from the last confirmation could not be read: its file was
    /// changed or damaged, or its key is no longer in the keychain. It is treated as absent.
    #[error("people snapshot unreadable")]
    PeopleSnapshotUnreadable,
    /// Exporting the people was refused because screen-share mode is on (their names and
    /// emails would leave the app while others may be watching).
    #[error("people export refused in screen-share mode")]
    PeopleExportInSupportMode,
    /// The exported people list could not be written to the chosen file.
    #[error("people export could not be written")]
    PeopleExportFailed,
    /// The staged credentials are gone (expired or already used); hand them over again.
    #[error("credentials no longer available")]
    CredentialsExpired,
    /// The wizard's progress (its non-secret draft) could not be written to the config dir.
    #[error("draft not saved")]
    DraftNotSaved,
    /// A connection's name is longer than 80 characters or holds control characters.
    #[error("connection label invalid")]
    ConnectionLabelInvalid,
    /// The keychain is locked, or access to it was refused; nothing was written elsewhere.
    #[error("keychain locked")]
    VaultLocked,
    /// No keychain is available, or it would not keep (or give back) the secret.
    #[error("keychain unavailable")]
    VaultUnavailable,
    /// The keychain did not answer in time (often an unlock dialog waiting).
    #[error("keychain timed out")]
    VaultTimedOut,
    /// No saved connection has this id.
    #[error("connection not found")]
    ConnectionNotFound {
        /// The id asked for.
        id: String,
    },
    /// Several saved connections have the label asked for: the id tells them apart.
    #[error("connection label ambiguous")]
    ConnectionAmbiguous {
        /// The label asked for.
        label: String,
    },
    /// The HR system refused a saved connection's secret when it was used (not while it was
    /// being set up): it must be re-authorised in HR Link.
    #[error("saved connection refused")]
    ConnectionRefused {
        /// The HR system's display name.
        provider: String,
        /// The connection's label.
        label: String,
    },
    /// The HR system's addresses in force now are not those the connection was verified
    /// against: its secret is not sent there (see `connections::binding`).
    #[error("connection endpoint changed")]
    ConnectionEndpointChanged {
        /// The host the connection was verified against.
        saved: String,
        /// The host the addresses in force point to.
        now: String,
    },
    /// Re-authorising reached another account than the connection was saved for.
    #[error("different account")]
    DifferentAccount {
        /// The HR system's display name.
        provider: String,
        /// The account (company) the connection was saved for.
        saved: String,
        /// The account (company) the new credentials reached.
        reached: String,
    },
    /// This computer has no scheduler HR Link can use for the daily check (Linux without
    /// systemd).
    #[error("no scheduler for the daily check")]
    ScheduleUnavailable,
    /// The `hrlink` command the daily check runs is not installed beside the app.
    #[error("the hrlink command for the daily check is missing")]
    ScheduleProgramMissing,
    /// Switching the daily check on or off failed at one step.
    #[error("daily check not switched")]
    ScheduleFailed {
        /// Which step: `unit_folder`, `unit_file`, `enable_link`, `daemon_reload`,
        /// `start_timer`, `remove_unit`, `program_path`, `create_task`, `delete_task`,
        /// `agent_file`, `load_agent`, `remove_agent` or `program_missing`.
        step: String,
    },
    /// A downloaded update's signature did not match the update key in `hrlink.toml`: it was
    /// thrown away, nothing was installed.
    #[error("update not verified")]
    UpdateNotVerified {
        /// The version the update server announced.
        version: String,
    },
    /// The update server or the update's download could not be reached (or answered nonsense).
    #[error("update server unreachable")]
    UpdateUnreachable,
    /// A verified update could not be installed in place (not this kind of package, no rights).
    #[error("update not installed")]
    UpdateNotInstalled {
        /// The version that was ready.
        version: String,
    },
    /// An update was to be installed while a wizard is mid-way.
    #[error("update waits for the wizard")]
    UpdateWaitsForWizard,
    /// The configuration or endpoints file is invalid.
    #[error("configuration invalid")]
    ConfigurationInvalid {
        /// Which file or setting.
        what: String,
    },
}

impl Problem {
    /// The stable code string, as used in the catalogue and in JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::KeyFileUnrecognised => "key_file_unrecognised",
            Problem::KeyFileRedactedExample => "key_file_redacted_example",
            Problem::KeyFileIncomplete { .. } => "key_file_incomplete",
            Problem::KeyFileSwapped => "key_file_swapped",
            Problem::KeyFileNotText => "key_file_not_text",
            Problem::FileUnreadable => "file_unreadable",
            Problem::FileUnwritable => "file_unwritable",
            Problem::IrisCredentialsUnrecognised => "iris_credentials_unrecognised",
            Problem::IpayrollUsernameInvalid { .. } => "ipayroll_username_invalid",
            Problem::RosterUnreadable => "roster_unreadable",
            Problem::RosterPasswordProtected => "roster_password_protected",
            Problem::RosterTooLarge { .. } => "roster_too_large",
            Problem::RosterEmpty => "roster_empty",
            Problem::RosterNoUsableColumns => "roster_no_usable_columns",
            Problem::CredentialsRejected { .. } => "credentials_rejected",
            Problem::PermissionMissing { .. } => "permission_missing",
            Problem::PermissionsBeyondSelection { .. } => "permissions_beyond_selection",
            Problem::ProviderUnreachable { .. } => "provider_unreachable",
            Problem::ProviderConnectionLost { .. } => "provider_connection_lost",
            Problem::ProviderTimeout { .. } => "provider_timeout",
            Problem::ProviderRateLimited { .. } => "provider_rate_limited",
            Problem::ProviderServerError { .. } => "provider_server_error",
            Problem::ProviderUnexpectedResponse { .. } => "provider_unexpected_response",
            Problem::InsecureEndpoint { .. } => "insecure_endpoint",
            Problem::PeopleListRepeated { .. } => "people_list_repeated",
            Problem::PeopleListTooLong { .. } => "people_list_too_long",
            Problem::PeopleListForeignLink { .. } => "people_list_foreign_link",
            Problem::PeopleListingCancelled => "people_listing_cancelled",
            Problem::PeopleSnapshotUnreadable => "people_snapshot_unreadable",
            Problem::PeopleExportInSupportMode => "people_export_in_support_mode",
            Problem::PeopleExportFailed => "people_export_failed",
            Problem::IrisUserInactive => "iris_user_inactive",
            Problem::IrisApiModuleDisabled => "iris_api_module_disabled",
            Problem::SignInDenied { .. } => "sign_in_denied",
            Problem::SignInTimedOut { .. } => "sign_in_timed_out",
            Problem::SignInStateMismatch { .. } => "sign_in_state_mismatch",
            Problem::SignInCancelled { .. } => "sign_in_cancelled",
            Problem::SignInRefused { .. } => "sign_in_refused",
            Problem::SignInExpired { .. } => "sign_in_expired",
            Problem::BrowserUnavailable => "browser_unavailable",
            Problem::RedirectPortInUse { .. } => "redirect_port_in_use",
            Problem::ClientRejected { .. } => "client_rejected",
            Problem::OrganisationChoiceNeeded { .. } => "organisation_choice_needed",
            Problem::EnrollmentCodeInvalid => "enrollment_code_invalid",
            Problem::EnrollmentUnknown { .. } => "enrollment_unknown",
            Problem::EnrollmentExpired { .. } => "enrollment_expired",
            Problem::EnrollmentUsed { .. } => "enrollment_used",
            Problem::DeliveryDifferentAccount { .. } => "delivery_different_account",
            Problem::DeliveryVerificationFailed { .. } => "delivery_verification_failed",
            Problem::DeliveryExchangeFailed { .. } => "delivery_exchange_failed",
            Problem::DeliveryProtocolError { .. } => "delivery_protocol_error",
            Problem::DeliveryUnreachable { .. } => "delivery_unreachable",
            Problem::CredentialsExpired => "credentials_expired",
            Problem::DraftNotSaved => "draft_not_saved",
            Problem::ConnectionLabelInvalid => "connection_label_invalid",
            Problem::VaultLocked => "vault_locked",
            Problem::VaultUnavailable => "vault_unavailable",
            Problem::VaultTimedOut => "vault_timed_out",
            Problem::ScheduleUnavailable => "schedule_unavailable",
            Problem::ScheduleProgramMissing => "schedule_program_missing",
            Problem::ScheduleFailed { .. } => "schedule_failed",
            Problem::UpdateNotVerified { .. } => "update_not_verified",
            Problem::UpdateUnreachable => "update_unreachable",
            Problem::UpdateNotInstalled { .. } => "update_not_installed",
            Problem::UpdateWaitsForWizard => "update_waits_for_wizard",
            Problem::ConnectionNotFound { .. } => "connection_not_found",
            Problem::ConnectionAmbiguous { .. } => "connection_ambiguous",
            Problem::ConnectionRefused { .. } => "connection_refused",
            Problem::ConnectionEndpointChanged { .. } => "connection_endpoint_changed",
            Problem::DifferentAccount { .. } => "different_account",
            Problem::ConfigurationInvalid { .. } => "configuration_invalid",
        }
    }

    /// The parameters as string pairs, for filling the catalogue's `{placeholders}`.
    pub fn params(&self) -> Vec<(String, String)> {
        let Ok(serde_json::Value::Object(mut object)) = serde_json::to_value(self) else {
            return Vec::new();
        };
        match object.remove("params") {
            Some(serde_json::Value::Object(params)) => params
                .into_iter()
                .filter_map(|(key, value)| match value {
                    serde_json::Value::String(s) => Some((key, s)),
                    serde_json::Value::Number(n) => Some((key, n.to_string())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Builds the provider-scoped problem with the provider's display name filled in.
    pub fn for_provider(provider: ProviderId, make: impl FnOnce(String) -> Problem) -> Problem {
        make(provider.display_name().to_owned())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One example of every problem. The match makes a new variant a compile error here until
    /// it is listed, so `every_problem_has_a_message` covers it.
    pub(crate) fn every_problem() -> Vec<Problem> {
        let p = || "HRworks".to_owned();
        let a = || "Acme Rostering".to_owned();
        let all = vec![
            Problem::KeyFileUnrecognised,
            Problem::KeyFileRedactedExample,
            Problem::KeyFileIncomplete {
                missing: "access_key".into(),
            },
            Problem::KeyFileSwapped,
            Problem::KeyFileNotText,
            Problem::FileUnreadable,
            Problem::FileUnwritable,
            Problem::IrisCredentialsUnrecognised,
            Problem::IpayrollUsernameInvalid {
                reason: "too_short".into(),
            },
            Problem::RosterUnreadable,
            Problem::RosterPasswordProtected,
            Problem::RosterTooLarge {
                max_megabytes: 32,
                max_rows: 200_000,
            },
            Problem::RosterEmpty,
            Problem::RosterNoUsableColumns,
            Problem::CredentialsRejected { provider: p() },
            Problem::PermissionMissing {
                provider: p(),
                permission: "persons".into(),
            },
            Problem::PermissionsBeyondSelection {
                provider: p(),
                permissions: "payslips, payrates".into(),
            },
            Problem::ProviderUnreachable { provider: p() },
            Problem::ProviderConnectionLost { provider: p() },
            Problem::ProviderTimeout { provider: p() },
            Problem::ProviderRateLimited {
                provider: p(),
                retry_after_seconds: None,
            },
            Problem::ProviderServerError { provider: p() },
            Problem::ProviderUnexpectedResponse { provider: p() },
            Problem::InsecureEndpoint { provider: p() },
            Problem::PeopleListRepeated { provider: p() },
            Problem::PeopleListTooLong { provider: p() },
            Problem::PeopleListForeignLink { provider: p() },
            Problem::PeopleListingCancelled,
            Problem::PeopleSnapshotUnreadable,
            Problem::PeopleExportInSupportMode,
            Problem::PeopleExportFailed,
            Problem::IrisUserInactive,
            Problem::IrisApiModuleDisabled,
            Problem::SignInDenied { provider: p() },
            Problem::SignInTimedOut { provider: p() },
            Problem::SignInStateMismatch { provider: p() },
            Problem::SignInCancelled { provider: p() },
            Problem::SignInRefused {
                provider: p(),
                error: "invalid_scope".into(),
            },
            Problem::SignInExpired { provider: p() },
            Problem::BrowserUnavailable,
            Problem::RedirectPortInUse { port: 53682 },
            Problem::ClientRejected { provider: p() },
            Problem::OrganisationChoiceNeeded {
                provider: p(),
                count: 2,
            },
            Problem::EnrollmentCodeInvalid,
            Problem::EnrollmentUnknown { product: a() },
            Problem::EnrollmentExpired { product: a() },
            Problem::EnrollmentUsed { product: a() },
            Problem::DeliveryDifferentAccount {
                product: a(),
                provider: p(),
                expected: "A GmbH".into(),
                reached: "B GmbH".into(),
            },
            Problem::DeliveryVerificationFailed {
                product: a(),
                provider: p(),
            },
            Problem::DeliveryExchangeFailed {
                product: a(),
                provider: p(),
            },
            Problem::DeliveryProtocolError { product: a() },
            Problem::DeliveryUnreachable { product: a() },
            Problem::CredentialsExpired,
            Problem::DraftNotSaved,
            Problem::ConnectionLabelInvalid,
            Problem::VaultLocked,
            Problem::VaultUnavailable,
            Problem::VaultTimedOut,
            Problem::ConnectionNotFound { id: "c1".into() },
            Problem::ConnectionAmbiguous {
                label: "Acme".into(),
            },
            Problem::ConnectionRefused {
                provider: p(),
                label: "Acme".into(),
            },
            Problem::ConnectionEndpointChanged {
                saved: "api.hrworks.de".into(),
                now: "127.0.0.1:4100/hrworks".into(),
            },
            Problem::DifferentAccount {
                provider: p(),
                saved: "A GmbH".into(),
                reached: "B GmbH".into(),
            },
            Problem::ScheduleUnavailable,
            Problem::ScheduleProgramMissing,
            Problem::ScheduleFailed {
                step: "unit_file".into(),
            },
            Problem::UpdateNotVerified {
                version: "0.3.0".into(),
            },
            Problem::UpdateUnreachable,
            Problem::UpdateNotInstalled {
                version: "0.3.0".into(),
            },
            Problem::UpdateWaitsForWizard,
            Problem::ConfigurationInvalid { what: "x".into() },
        ];
        for problem in &all {
            match problem {
                Problem::KeyFileUnrecognised
                | Problem::KeyFileRedactedExample
                | Problem::KeyFileIncomplete { .. }
                | Problem::KeyFileSwapped
                | Problem::KeyFileNotText
                | Problem::FileUnreadable
                | Problem::FileUnwritable
                | Problem::IrisCredentialsUnrecognised
                | Problem::IpayrollUsernameInvalid { .. }
                | Problem::RosterUnreadable
                | Problem::RosterPasswordProtected
                | Problem::RosterTooLarge { .. }
                | Problem::RosterEmpty
                | Problem::RosterNoUsableColumns
                | Problem::CredentialsRejected { .. }
                | Problem::PermissionMissing { .. }
                | Problem::PermissionsBeyondSelection { .. }
                | Problem::ProviderUnreachable { .. }
                | Problem::ProviderConnectionLost { .. }
                | Problem::ProviderTimeout { .. }
                | Problem::ProviderRateLimited { .. }
                | Problem::ProviderServerError { .. }
                | Problem::ProviderUnexpectedResponse { .. }
                | Problem::InsecureEndpoint { .. }
                | Problem::PeopleListRepeated { .. }
                | Problem::PeopleListTooLong { .. }
                | Problem::PeopleListForeignLink { .. }
                | Problem::PeopleListingCancelled
                | Problem::PeopleSnapshotUnreadable
                | Problem::PeopleExportInSupportMode
                | Problem::PeopleExportFailed
                | Problem::IrisUserInactive
                | Problem::IrisApiModuleDisabled
                | Problem::SignInDenied { .. }
                | Problem::SignInTimedOut { .. }
                | Problem::SignInStateMismatch { .. }
                | Problem::SignInCancelled { .. }
                | Problem::SignInRefused { .. }
                | Problem::SignInExpired { .. }
                | Problem::BrowserUnavailable
                | Problem::RedirectPortInUse { .. }
                | Problem::ClientRejected { .. }
                | Problem::OrganisationChoiceNeeded { .. }
                | Problem::EnrollmentCodeInvalid
                | Problem::EnrollmentUnknown { .. }
                | Problem::EnrollmentExpired { .. }
                | Problem::EnrollmentUsed { .. }
                | Problem::DeliveryDifferentAccount { .. }
                | Problem::DeliveryVerificationFailed { .. }
                | Problem::DeliveryExchangeFailed { .. }
                | Problem::DeliveryProtocolError { .. }
                | Problem::DeliveryUnreachable { .. }
                | Problem::CredentialsExpired
                | Problem::DraftNotSaved
                | Problem::ConnectionLabelInvalid
                | Problem::VaultLocked
                | Problem::VaultUnavailable
                | Problem::VaultTimedOut
                | Problem::ConnectionNotFound { .. }
                | Problem::ConnectionAmbiguous { .. }
                | Problem::ConnectionRefused { .. }
                | Problem::ConnectionEndpointChanged { .. }
                | Problem::DifferentAccount { .. }
                | Problem::ScheduleUnavailable
                | Problem::ScheduleProgramMissing
                | Problem::ScheduleFailed { .. }
                | Problem::UpdateNotVerified { .. }
                | Problem::UpdateUnreachable
                | Problem::UpdateNotInstalled { .. }
                | Problem::UpdateWaitsForWizard
                | Problem::ConfigurationInvalid { .. } => {}
            }
        }
        all
    }

    #[test]
    fn codes_are_unique_and_match_serde() {
        let mut codes = Vec::new();
        for problem in every_problem() {
            let json = serde_json::to_value(&problem).unwrap();
            assert_eq!(json["code"], problem.code());
            codes.push(problem.code());
        }
        let count = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), count);
    }

    #[test]
    fn serialises_as_code_and_params() {
        let problem = Problem::CredentialsRejected {
            provider: "HRworks".into(),
        };
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "credentials_rejected", "params": {"provider": "HRworks"}})
        );
        assert_eq!(json["code"], problem.code());
    }

    #[test]
    fn unit_problems_serialise_without_params() {
        let json = serde_json::to_value(Problem::KeyFileSwapped).unwrap();
        assert_eq!(json, serde_json::json!({"code": "key_file_swapped"}));
        assert!(Problem::KeyFileSwapped.params().is_empty());
    }

    #[test]
    fn params_include_numbers_and_skip_absent_values() {
        let limited = Problem::ProviderRateLimited {
            provider: "HRworks".into(),
            retry_after_seconds: Some(30),
        };
        let mut params = limited.params();
        params.sort();
        assert_eq!(
            params,
            vec![
                ("provider".to_owned(), "HRworks".to_owned()),
                ("retry_after_seconds".to_owned(), "30".to_owned())
            ]
        );
    }
}
