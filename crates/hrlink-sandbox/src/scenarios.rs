//! Scenario credentials: like a payments sandbox's test cards, each credential selects a
//! behaviour, so tests and demos pick a scenario by what they type, not by server flags.
//! The same table, with what each does, is in the crate's `README.md`.

/// An HRworks access key pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPair {
    /// The access key (public half).
    pub access_key: &'static str,
    /// The secret access key.
    pub secret_access_key: &'static str,
}

/// A username and password typed on a sign-in page or sent to a token endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Login {
    /// The username.
    pub username: &'static str,
    /// The password.
    pub password: &'static str,
}

/// A registered OAuth client (the integrating app).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OAuthClient {
    /// `client_id`.
    pub id: &'static str,
    /// `client_secret`.
    pub secret: &'static str,
}

/// An organisation a login can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Organisation {
    /// The provider's identifier for it.
    pub id: &'static str,
    /// Its display name.
    pub name: &'static str,
}

/// Path every registered OAuth redirect URI has: `http://127.0.0.1:{any port}/callback` (or
/// `[::1]`) is accepted, as RFC 8252 section 7.3 asks; `localhost`, other paths, a query or a
/// fragment are not.
pub const REDIRECT_PATH: &str = "/callback";

/// HRworks key pairs. Every pair except [`hrworks::NO_PERSONS`] has all four permissions
/// (`persons`, `persons.master-data`, `organization-units`, `absences`).
pub mod hrworks {
    use super::KeyPair;

    /// The main company; its size is [`SandboxConfig::people`](crate::SandboxConfig::people).
    pub const COMPANY: &str = "Sandbox Bäckerei GmbH";
    /// The company of [`OTHER_COMPANY`].
    pub const OTHER_COMPANY_NAME: &str = "Sandbox Nordlicht Logistik GmbH";
    /// People in [`OTHER_COMPANY_NAME`].
    pub const OTHER_COMPANY_PEOPLE: usize = 120;
    /// The company of [`LARGE_COMPANY`].
    pub const LARGE_COMPANY_NAME: &str = "Sandbox Großhandel AG";
    /// People in [`LARGE_COMPANY_NAME`] (active and not).
    pub const LARGE_COMPANY_PEOPLE: usize = 50_000;
    /// The company of [`HOSTILE_NAME`]: a name carrying terminal escape sequences (a clipboard
    /// write, a screen clear, a window title) and a bidi override, as a hostile HR system could.
    pub const HOSTILE_COMPANY_NAME: &str =
        "Sandbox \u{1b}]52;c;ZXZpbA==\u{7}Evil\u{1b}[2J\u{1b}]0;pwned\u{7} GmbH \u{202e}gnp.exe";

    /// Valid, all permissions, [`COMPANY`]. The app's end-to-end tests type these.
    pub const VALID: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYVALID0000001",
        secret_access_key: "sbx/Secret+Valid=0000000000000000000000001",
    };
    /// Valid for [`COMPANY`] but without `persons` and `persons.master-data`: those endpoints
    /// answer 403.
    pub const NO_PERSONS: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYNOPERSONS001",
        secret_access_key: "sbx/Secret+NoPersons=000000000000000000002",
    };
    /// Well-formed but unknown: authentication answers 403.
    pub const UNKNOWN: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYUNKNOWN00001",
        secret_access_key: "sbx/Secret+Unknown=00000000000000000000003",
    };
    /// Valid for a different company, [`OTHER_COMPANY_NAME`] ("wrong company" on reconnect).
    pub const OTHER_COMPANY: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYOTHERCO00001",
        secret_access_key: "sbx/Secret+OtherCompany=000000000000000004",
    };
    /// Valid for [`LARGE_COMPANY_NAME`], 50,000 people (1,000 master-data pages).
    pub const LARGE_COMPANY: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYLARGE0000001",
        secret_access_key: "sbx/Secret+Large=0000000000000000000000005",
    };
    /// Valid for [`COMPANY`], but every second request made with it (authentication
    /// included) is answered 429 with `Retry-After: 1`.
    pub const RATE_LIMITED: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYRATELIMIT001",
        secret_access_key: "sbx/Secret+RateLimit=000000000000000000006",
    };
    /// Authentication always answers 500 with the JSON error body.
    pub const SERVER_ERROR: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYSERVERERR001",
        secret_access_key: "sbx/Secret+ServerError=0000000000000000007",
    };
    /// Authentication answers 200 with an HTML sign-in page (a proxy or captive portal).
    pub const HTML_PAGE: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYHTMLPAGE0001",
        secret_access_key: "sbx/Secret+HtmlPage=0000000000000000000008",
    };
    /// Valid for [`COMPANY`], but master-data page 3 repeats the persons of page 2 (its
    /// `Link` header is normal).
    pub const REPEATED_PAGE: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYREPEATPAGE01",
        secret_access_key: "sbx/Secret+RepeatPage=00000000000000000009",
    };
    /// Valid, all permissions, for [`HOSTILE_COMPANY_NAME`] (in the token's claims), ten people.
    pub const HOSTILE_NAME: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYHOSTILENAME1",
        secret_access_key: "sbx/Secret+HostileName=00000000000000000010",
    };
    /// Valid, all permissions, [`COMPANY`], but the token names no company and the
    /// organisation units carry neither name nor number: the account is named by the first
    /// permanent establishment.
    pub const BARE_UNITS: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYBAREUNITS011",
        secret_access_key: "sbx/Secret+BareUnits=0000000000000000000011",
    };
    /// Valid, all permissions, [`COMPANY`]: the new key an administrator creates after
    /// deleting [`VALID`] (re-authorising a saved connection).
    pub const REISSUED: KeyPair = KeyPair {
        access_key: "SBXACCESSKEYREISSUED0007",
        secret_access_key: "sbx/Secret+Reissued=000000000000000000007",
    };
}

/// Employment Hero apps and users. Scopes belong to the app (client), not to the request.
pub mod employmenthero {
    use super::{Login, OAuthClient, Organisation};

    /// An app with the scopes in [`CLIENT_SCOPES`].
    pub const CLIENT: OAuthClient = OAuthClient {
        id: "hrlink-sandbox-client",
        secret: "hrlink-sandbox-secret",
    };
    /// Scopes of [`CLIENT`].
    pub const CLIENT_SCOPES: &[&str] = &[
        "organisations:list",
        "organisations:show",
        "employees:list",
        "employees:show",
        "teams:list",
    ];
    /// An app created without `employees:list`: listing employees answers 403.
    pub const CLIENT_WITHOUT_EMPLOYEES: OAuthClient = OAuthClient {
        id: "hrlink-sandbox-no-employees",
        secret: "hrlink-sandbox-no-employees-secret",
    };
    /// Scopes of [`CLIENT_WITHOUT_EMPLOYEES`].
    pub const CLIENT_WITHOUT_EMPLOYEES_SCOPES: &[&str] =
        &["organisations:list", "organisations:show", "teams:list"];

    /// The main organisation; its size is
    /// [`SandboxConfig::people`](crate::SandboxConfig::people).
    pub const ORGANISATION: Organisation = Organisation {
        id: "5f0c6c3e-3b1a-4d51-9d0e-2a7c1b9e4f01",
        name: "Sandbox Bakehouse Pty Ltd",
    };
    /// A holding company without employees.
    pub const EMPTY_ORGANISATION: Organisation = Organisation {
        id: "9b2e7d14-6c3f-4a8e-b5d2-0f1e2d3c4b02",
        name: "Sandbox Holdings Pty Ltd",
    };

    /// A user of [`ORGANISATION`] only: consent needs no organisation choice.
    pub const ONE_ORGANISATION: Login = Login {
        username: "one.org@sandbox.example",
        password: "Sandbox-Password-1",
    };
    /// A user of [`ORGANISATION`] and [`EMPTY_ORGANISATION`]: consent asks which one.
    pub const TWO_ORGANISATIONS: Login = Login {
        username: "two.orgs@sandbox.example",
        password: "Sandbox-Password-2",
    };
    /// A partner user of [`ORGANISATION`] and [`EMPTY_ORGANISATION`]: consent grants both at
    /// once, so HR Link asks which one the connection is for.
    pub const PARTNER: Login = Login {
        username: "partner@sandbox.example",
        password: "Sandbox-Password-3",
    };
}

/// iPayroll app and API users. The API user's username is the organisation number, `api` and
/// the partner's name.
pub mod ipayroll {
    use super::{Login, OAuthClient};

    /// The integrating app.
    pub const CLIENT: OAuthClient = OAuthClient {
        id: "hrlink-sandbox-client",
        secret: "hrlink-sandbox-secret",
    };
    /// Every scope iPayroll knows.
    pub const SCOPES: &[&str] = &[
        "employees",
        "timesheets",
        "payrates",
        "customfields",
        "costcentres",
        "leavebalances",
        "leaverequests",
        "payslips",
        "payelements",
        "payrolls",
    ];

    /// The main organisation; its size is
    /// [`SandboxConfig::people`](crate::SandboxConfig::people).
    pub const ORGANISATION_NUMBER: u32 = 49764;
    /// Another organisation (8 people), for "wrong organisation" checks.
    pub const OTHER_ORGANISATION_NUMBER: u32 = 51234;

    /// API user of [`ORGANISATION_NUMBER`]; grants every requested scope.
    pub const API_USER: Login = Login {
        username: "49764apihrlink",
        password: "Sandbox-Password-1",
    };
    /// API user of [`ORGANISATION_NUMBER`] whose role lacks employees: the grant's `scope`
    /// omits `employees` and the employee list answers 403.
    pub const API_USER_WITHOUT_EMPLOYEES: Login = Login {
        username: "49764apilimited",
        password: "Sandbox-Password-2",
    };
    /// API user of [`OTHER_ORGANISATION_NUMBER`].
    pub const OTHER_ORGANISATION_API_USER: Login = Login {
        username: "51234apihrlink",
        password: "Sandbox-Password-3",
    };
}

pub use crate::employmenthero_payroll::scenarios as employmenthero_payroll;

/// IRIS HR Professional API users (provisional contract).
pub mod iris {
    use super::Login;

    /// The company every user belongs to; its size is
    /// [`SandboxConfig::people`](crate::SandboxConfig::people).
    pub const COMPANY: &str = "Sandbox Tea Rooms Ltd";

    /// Active, full Set Rights.
    pub const VALID: Login = Login {
        username: "sbx-api-valid",
        password: "Sbx!Valid-7Kq2Rw9P",
    };
    /// The API user's Active box is unticked: token answers 403 `user_inactive`.
    pub const INACTIVE: Login = Login {
        username: "sbx-api-inactive",
        password: "Sbx!Inactive-3Jm8Xc1L",
    };
    /// The API module is not enabled: token answers 403 `api_disabled`.
    pub const API_DISABLED: Login = Login {
        username: "sbx-api-disabled",
        password: "Sbx!Disabled-5Hn4Vb6T",
    };
    /// Set Rights exclude the Contract tab: `/employees/{id}/contract` answers 403.
    pub const NO_CONTRACT_RIGHTS: Login = Login {
        username: "sbx-api-nocontract",
        password: "Sbx!NoContract-8Gp2Zs4Y",
    };
}
