//! What each HR system *is*, as data: its names, region, credential kind, the permissions HR Link
//! knows of it, its production addresses and its OAuth defaults. One [`ProviderEntry`] per
//! provider; everything that differs between providers without being code lives here.
//!
//! A leaf: it imports nothing of the crate, so every other module may use it.

use serde::{Deserialize, Serialize};

/// An HR or payroll system HR Link can connect to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProviderId {
    /// iPayroll (New Zealand payroll), OAuth 2.0.
    Ipayroll,
    /// IRIS HR Professional (UK HR), API user name + password.
    Iris,
    /// HRworks (German HR), access key + secret access key.
    Hrworks,
    /// Employment Hero (Australian HR platform), OAuth 2.0 with PKCE.
    Employmenthero,
    /// Employment Hero Payroll (formerly KeyPay; AU, NZ, UK, SG, MY), an API key over HTTP Basic.
    EmploymentheroPayroll,
}

/// How the admin hands credentials over for a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// An access key pair, pasted or loaded from the downloaded key file.
    KeyPair,
    /// A generated API user name and password.
    UsernamePassword,
    /// Sign-in in the system browser (OAuth authorisation code).
    BrowserSignIn,
    /// One API key, copied from the user's account page, for the deployment of a region.
    ApiKey,
}

/// A permission HR Link knows a provider by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    /// Its id in the provider's own terms (`persons.master-data`, `employees:list`).
    pub id: &'static str,
    /// HR Link cannot work without it (for browser sign-in: required unless configured
    /// otherwise).
    pub required: bool,
    /// HR Link asks for it: key-based providers are probed for exactly these; browser sign-in
    /// providers ask for what the configuration lists.
    pub asked: bool,
    /// HR Link has words for it (a `{slug}.purpose.{id}` text).
    pub explained: bool,
    /// It opens personal or payroll data about people (pay, leave, time, contracts, full
    /// records), as opposed to the company's structure.
    pub personal_data: bool,
}

/// A provider's production addresses; `None` where the public host is not documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultEndpoints {
    /// Base of the API.
    pub api: Option<&'static str>,
    /// Base of the OAuth authorisation server, for browser sign-in.
    pub auth: Option<&'static str>,
    /// For systems with one deployment per region, each region's API base (`api` is the first
    /// one's); the admin's credentials name their region. Empty for systems with one address.
    pub regions: &'static [RegionEndpoint],
}

/// One region's deployment of a system sold in several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionEndpoint {
    /// The region's code, as the admin chooses it (`NZ`).
    pub code: &'static str,
    /// Base of that region's API.
    pub api: &'static str,
}

/// What a browser sign-in provider's configuration defaults to and must respect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OAuthDefaults {
    /// Configured scopes must be among the entry's permissions (the provider publishes its
    /// complete list).
    pub known_scopes_only: bool,
    /// The optional permissions the built-in demo asks for.
    pub demo_optional: &'static [&'static str],
    /// One sign-in may reach several organisations; each connection is for the one chosen.
    pub several_organisations: bool,
}

/// One provider, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderEntry {
    /// Which provider.
    pub id: ProviderId,
    /// The name people know the system by.
    pub display_name: &'static str,
    /// The stable identifier used in files, the CLI and the endpoints file.
    pub slug: &'static str,
    /// Where the system is sold, shown next to its name.
    pub region: &'static str,
    /// How credentials are handed over.
    pub credential_kind: CredentialKind,
    /// Every permission HR Link knows, in the order probes and guides list them.
    pub permissions: &'static [Permission],
    /// The production addresses.
    pub endpoints: DefaultEndpoints,
    /// For browser sign-in providers.
    pub oauth: Option<OAuthDefaults>,
    /// Its texts (permission names, how to grant, narrow and revoke access), read by
    /// [`super::texts`].
    pub texts: TextFiles,
}

/// A provider's `messages/providers/<slug>.<language>.json`, built in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextFiles {
    /// In English.
    pub en: &'static str,
    /// In German.
    pub de: &'static str,
}

const fn permission(id: &'static str, required: bool, personal_data: bool) -> Permission {
    Permission {
        id,
        required,
        asked: true,
        explained: true,
        personal_data,
    }
}

/// A permission HR Link has no text for and never asks for, known only to judge a grant that
/// reaches beyond the selection.
const fn unasked(id: &'static str, personal_data: bool) -> Permission {
    Permission {
        id,
        required: false,
        asked: false,
        explained: false,
        personal_data,
    }
}

const IPAYROLL: ProviderEntry = ProviderEntry {
    id: ProviderId::Ipayroll,
    display_name: "iPayroll",
    slug: "ipayroll",
    region: "NZ",
    credential_kind: CredentialKind::BrowserSignIn,
    // Every scope iPayroll knows.
    permissions: &[
        permission("employees", true, false),
        permission("timesheets", false, true),
        permission("payrates", false, true),
        permission("customfields", false, false),
        permission("costcentres", false, false),
        permission("leavebalances", false, true),
        permission("leaverequests", false, true),
        permission("payslips", false, true),
        permission("payelements", false, true),
        permission("payrolls", false, true),
    ],
    endpoints: DefaultEndpoints {
        api: Some("https://secure2.ipayroll.co.nz"),
        auth: Some("https://secure2.ipayroll.co.nz"),
        regions: &[],
    },
    oauth: Some(OAuthDefaults {
        known_scopes_only: true,
        demo_optional: &["leavebalances"],
        several_organisations: false,
    }),
    texts: TextFiles {
        en: include_str!("../../messages/providers/ipayroll.en.json"),
        de: include_str!("../../messages/providers/ipayroll.de.json"),
    },
};

const IRIS: ProviderEntry = ProviderEntry {
    id: ProviderId::Iris,
    display_name: "IRIS HR Professional",
    slug: "iris",
    region: "UK",
    credential_kind: CredentialKind::UsernamePassword,
    permissions: &[
        permission("employees", true, false),
        permission("personal", true, true),
        permission("contract", false, true),
    ],
    // The public host is not documented (providers.md): unknown until configured.
    endpoints: DefaultEndpoints {
        api: None,
        auth: None,
        regions: &[],
    },
    oauth: None,
    texts: TextFiles {
        en: include_str!("../../messages/providers/iris.en.json"),
        de: include_str!("../../messages/providers/iris.de.json"),
    },
};

const HRWORKS: ProviderEntry = ProviderEntry {
    id: ProviderId::Hrworks,
    display_name: "HRworks",
    slug: "hrworks",
    region: "DE",
    credential_kind: CredentialKind::KeyPair,
    permissions: &[
        permission("persons", true, false),
        permission("persons.master-data", true, true),
        permission("organization-units", false, false),
    ],
    endpoints: DefaultEndpoints {
        api: Some("https://api.hrworks.de"),
        auth: None,
        regions: &[],
    },
    oauth: None,
    texts: TextFiles {
        en: include_str!("../../messages/providers/hrworks.en.json"),
        de: include_str!("../../messages/providers/hrworks.de.json"),
    },
};

const EMPLOYMENTHERO: ProviderEntry = ProviderEntry {
    id: ProviderId::Employmenthero,
    display_name: "Employment Hero",
    slug: "employmenthero",
    region: "AU",
    credential_kind: CredentialKind::BrowserSignIn,
    permissions: &[
        permission("organisations:list", true, false),
        permission("organisations:show", false, false),
        permission("employees:list", true, false),
        permission("employees:show", false, true),
        permission("teams:list", false, false),
        unasked("payslips:list", true),
        unasked("bank_accounts:list", true),
        unasked("leave_requests:list", true),
        unasked("timesheets:list", true),
    ],
    endpoints: DefaultEndpoints {
        api: Some("https://api.employmenthero.com"),
        auth: Some("https://oauth.employmenthero.com"),
        regions: &[],
    },
    oauth: Some(OAuthDefaults {
        // Employment Hero's scope list is not published in full.
        known_scopes_only: false,
        // Required from 2026-09-14 for every app.
        demo_optional: &["teams:list"],
        several_organisations: true,
    }),
    texts: TextFiles {
        en: include_str!("../../messages/providers/employmenthero.en.json"),
        de: include_str!("../../messages/providers/employmenthero.de.json"),
    },
};

/// Hosts from `docs/providers/employmenthero-payroll.md` (AU and NZ confirmed; UK, SG and MY
/// from one secondary source each).
const EMPLOYMENTHERO_PAYROLL_REGIONS: &[RegionEndpoint] = &[
    RegionEndpoint {
        code: "AU",
        api: "https://api.yourpayroll.com.au",
    },
    RegionEndpoint {
        code: "NZ",
        api: "https://api.nzpayroll.co.nz",
    },
    RegionEndpoint {
        code: "UK",
        api: "https://api.yourpayroll.co.uk",
    },
    RegionEndpoint {
        code: "SG",
        api: "https://apisg.yourpayroll.io",
    },
    RegionEndpoint {
        code: "MY",
        api: "https://apimy.yourpayroll.io",
    },
];

const EMPLOYMENTHERO_PAYROLL: ProviderEntry = ProviderEntry {
    id: ProviderId::EmploymentheroPayroll,
    display_name: "Employment Hero Payroll",
    slug: "employmenthero_payroll",
    region: "AU · NZ · UK · SG · MY",
    credential_kind: CredentialKind::ApiKey,
    // An API key acts as its user: what it reaches is that user's access, probed per business.
    permissions: &[
        permission("business", true, false),
        permission("employee", true, true),
        permission("location", false, false),
        permission("employingentity", false, false),
    ],
    endpoints: DefaultEndpoints {
        api: Some("https://api.yourpayroll.com.au"),
        auth: None,
        regions: EMPLOYMENTHERO_PAYROLL_REGIONS,
    },
    oauth: None,
    texts: TextFiles {
        en: include_str!("../../messages/providers/employmenthero_payroll.en.json"),
        de: include_str!("../../messages/providers/employmenthero_payroll.de.json"),
    },
};

/// Every provider, in the order the wizard lists them.
pub const ENTRIES: [ProviderEntry; 5] = [
    IPAYROLL,
    IRIS,
    HRWORKS,
    EMPLOYMENTHERO,
    EMPLOYMENTHERO_PAYROLL,
];

impl ProviderId {
    /// Every provider, in the order the wizard lists them.
    pub const ALL: [ProviderId; 5] = [
        ProviderId::Ipayroll,
        ProviderId::Iris,
        ProviderId::Hrworks,
        ProviderId::Employmenthero,
        ProviderId::EmploymentheroPayroll,
    ];

    /// This provider's catalogue entry.
    pub fn entry(self) -> &'static ProviderEntry {
        // `ENTRIES` lists every provider once, in `ALL`'s order (checked by a test).
        &ENTRIES[self as usize]
    }

    /// The name people know the system by.
    pub fn display_name(self) -> &'static str {
        self.entry().display_name
    }

    /// The stable identifier used in files, the CLI and the endpoints file.
    pub fn slug(self) -> &'static str {
        self.entry().slug
    }

    /// Parses a slug as written on the command line or in files.
    pub fn from_slug(slug: &str) -> Option<ProviderId> {
        ProviderId::ALL
            .into_iter()
            .find(|p| p.slug().eq_ignore_ascii_case(slug.trim()))
    }

    /// How credentials are handed over for this provider.
    pub fn credential_kind(self) -> CredentialKind {
        self.entry().credential_kind
    }

    /// Where the system is sold, shown next to its name.
    pub fn region(self) -> &'static str {
        self.entry().region
    }
}

impl ProviderEntry {
    /// Whether one sign-in may reach several organisations (see
    /// [`OAuthDefaults::several_organisations`]); an API key always may, as it acts as its
    /// user, who may open several businesses.
    pub fn several_organisations(&self) -> bool {
        self.credential_kind == CredentialKind::ApiKey
            || self.oauth.is_some_and(|oauth| oauth.several_organisations)
    }

    /// The codes of the regions the system has a deployment in (empty: one address).
    pub fn region_codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.endpoints.regions.iter().map(|region| region.code)
    }

    /// The permissions HR Link asks for, as `(id, required)`.
    pub fn asked(&self) -> impl Iterator<Item = (&'static str, bool)> + '_ {
        self.permissions
            .iter()
            .filter(|p| p.asked)
            .map(|p| (p.id, p.required))
    }

    /// The permissions HR Link cannot work without (a browser sign-in's default
    /// `required_permissions`).
    pub fn required(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.permissions.iter().filter(|p| p.required).map(|p| p.id)
    }

    /// The API base of the region `code` (case-insensitive), for systems with one deployment
    /// per region.
    pub fn region_api(&self, code: &str) -> Option<&'static str> {
        self.endpoints
            .regions
            .iter()
            .find(|region| region.code.eq_ignore_ascii_case(code))
            .map(|region| region.api)
    }

    /// The permission `id`, when HR Link knows it.
    pub fn permission(&self, id: &str) -> Option<&'static Permission> {
        self.permissions.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_follow_all() {
        for (entry, provider) in ENTRIES.iter().zip(ProviderId::ALL) {
            assert_eq!(entry.id, provider);
            assert_eq!(provider.entry().id, provider);
        }
    }

    #[test]
    fn slugs_round_trip_and_ignore_case() {
        for provider in ProviderId::ALL {
            assert_eq!(ProviderId::from_slug(provider.slug()), Some(provider));
            assert_eq!(
                ProviderId::from_slug(&provider.slug().to_uppercase()),
                Some(provider)
            );
        }
        assert_eq!(ProviderId::from_slug("personio"), None);
    }

    #[test]
    fn serde_names_match_slugs() {
        for provider in ProviderId::ALL {
            let json = serde_json::to_string(&provider).unwrap();
            assert_eq!(json, format!("\"{}\"", provider.slug()));
        }
    }

    #[test]
    fn browser_sign_in_providers_have_oauth_defaults() {
        for entry in ENTRIES {
            assert_eq!(
                entry.oauth.is_some(),
                entry.credential_kind == CredentialKind::BrowserSignIn,
                "{}",
                entry.slug
            );
            assert!(entry.required().next().is_some(), "{}", entry.slug);
        }
    }
}
