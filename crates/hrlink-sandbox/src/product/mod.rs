//! A reference product backend: the other side of HR Link's cloud hand-off, written from
//! `shared/HANDOFF.md` §2 alone (it shares no code with HR Link's core), so a newcomer can watch
//! the whole hand-off on one machine and tests can hold HR Link against it.
//!
//! It plays "Acme Rostering" for one tenant, Kōwhai Gardening Ltd: it prints enrollment codes
//! (the fixed ones are in [`codes`] and the crate's README), redeems them once within 15
//! minutes, opens the sealed envelopes with its own key, **re-verifies every delivered
//! credential** against the Sandbox's HR systems over HTTP, exchanges browser sign-in codes
//! with its own OAuth client secret (and keeps the refresh token), answers status questions,
//! and shows what it received, masked, at `{origin}/product`.

mod api;
mod envelope;
mod hr_systems;
mod page;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::Router;
use rand::Rng;

use crate::{Endpoints, lock};
use envelope::Keys;
use hr_systems::{Account, HrSystems};

/// How long a code can be redeemed, and an enrollment used after redeeming.
pub const VALIDITY: Duration = Duration::from_secs(15 * 60);

/// The product's name, as its pages say it.
pub const PRODUCT: &str = "Acme Rostering";
/// The tenant every code belongs to.
pub const TENANT: (&str, &str) = ("t_kowhai", "Kōwhai Gardening Ltd");

/// The codes the product prints at start-up (and lists in the README), each for one scenario.
pub mod codes {
    /// Any HR system; with the product's categories (locations, areas of work, roles).
    pub const ANY: &str = "HRL-7K3M-Q9XZ";
    /// HRworks chosen by the product: HR Link skips the choice.
    pub const HRWORKS: &str = "HRL-HRWK-2026";
    /// Created more than 15 minutes ago: `410 expired`.
    pub const EXPIRED: &str = "HRL-EXP1-RED0";
    /// Already used: `410 used`.
    pub const USED: &str = "HRL-VSED-0NCE";
    /// Re-authorise [`super::REAUTHORISE_CONNECTION`] (HRworks, Sandbox Bäckerei GmbH).
    pub const REAUTHORISE: &str = "HRL-REA7-HRWK";
}

/// The product's own categories, sent with codes that ask for a mapping ([`codes::ANY`]).
/// Made for the Sandbox's Employment Hero organisation: some names equal its locations, teams
/// and job titles after normalisation, some are close, some match nothing.
pub fn categories() -> serde_json::Value {
    serde_json::json!({
        "locations": [
            {"id": "loc_1", "name": "Sydney Head Office"},
            {"id": "loc_2", "name": "Parramatta Westfield"},
            {"id": "loc_3", "name": "Melbourne"},
            {"id": "loc_4", "name": "Auckland CBD"},
        ],
        "areas_of_work": [
            {"id": "aw_1", "name": "Warehouse and Logistics"},
            {"id": "aw_2", "name": "Customer Services"},
            {"id": "aw_3", "name": "Sales"},
            {"id": "aw_4", "name": "Kitchen"},
        ],
        "roles": [
            {"id": "r_1", "name": "Team Leader"},
            {"id": "r_2", "name": "Team member"},
            {"id": "r_3", "name": "Barista"},
            {"id": "r_4", "name": "Operations Mgr"},
        ],
        "default_role": "r_2",
    })
}

/// A delivered HRworks connection the product has from the start, marked `failed_auth`, for
/// the re-authorise flow ([`codes::REAUTHORISE`]).
pub const REAUTHORISE_CONNECTION: &str = "con_sandbox_hrworks";

/// What a new code is for (see [`ProductBackend::issue`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnrollmentSpec {
    /// The HR system the product fixes (`hrworks`, `iris`, `ipayroll`, `employmenthero`).
    pub provider: Option<String>,
    /// A delivered connection to re-authorise (its provider and account are then fixed).
    pub reauthorise: Option<String>,
    /// Send the product's categories.
    pub categories: bool,
    /// Make the code already expired.
    pub expired: bool,
}

/// A connection the product received, as its page shows it (secrets masked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveredConnection {
    /// The product's id.
    pub id: String,
    /// The HR system.
    pub provider: String,
    /// The account's id, as the product verified it.
    pub account_id: String,
    /// The account's name, as the product verified it.
    pub account_name: String,
    /// `key_pair`, `login` or `oauth_exchanged`.
    pub credential_kind: String,
    /// The credential's non-secret half, masked (access key, user name), or empty.
    pub credential_hint: String,
    /// `connected`, `failed_auth`, `missing_permission` or `removed`.
    pub status: String,
    /// What HR Link reported: people count and mapping entries, when sent.
    pub people_count: Option<u64>,
    /// How many category mappings arrived.
    pub mapped: usize,
    /// The mapping as it arrived (HANDOFF.md `mapping`), when sent.
    pub mapping: Option<serde_json::Value>,
}

struct Enrollment {
    id: String,
    token: String,
    provider: Option<String>,
    reauthorise: Option<String>,
    categories: bool,
    created_at: SystemTime,
    redeemed_at: Option<SystemTime>,
    used: bool,
    /// The product's own tokens from an oauth-exchange, until the connection arrives.
    exchanged: Option<(String, hr_systems::Tokens)>,
}

struct Connection {
    view: DeliveredConnection,
    since: SystemTime,
    status_token: String,
    /// What the product keeps to use the connection: the delivered secret or its refresh token.
    secrets: Vec<String>,
}

#[derive(Default)]
struct State {
    enrollments: HashMap<String, Enrollment>,
    connections: BTreeMap<String, Connection>,
    redeem_attempts: u32,
    connection_posts: u32,
}

struct Inner {
    keys: Keys,
    hr: HrSystems,
    state: Mutex<State>,
}

/// The running product backend; cheap to clone, every clone is the same product.
#[derive(Clone)]
pub struct ProductBackend {
    inner: Arc<Inner>,
}

impl ProductBackend {
    pub(crate) fn new(endpoints: Endpoints) -> ProductBackend {
        let product = ProductBackend {
            inner: Arc::new(Inner {
                keys: Keys::generate(),
                hr: HrSystems::new(endpoints),
                state: Mutex::default(),
            }),
        };
        product.seed();
        product
    }

    /// The fixed codes and the connection the re-authorise code renews.
    fn seed(&self) {
        let long_ago = SystemTime::now() - VALIDITY - Duration::from_secs(60);
        let mut state = lock(&self.inner.state);
        let any = EnrollmentSpec {
            categories: true,
            ..EnrollmentSpec::default()
        };
        let hrworks = EnrollmentSpec {
            provider: Some("hrworks".into()),
            ..EnrollmentSpec::default()
        };
        let reauthorise = EnrollmentSpec {
            reauthorise: Some(REAUTHORISE_CONNECTION.into()),
            ..EnrollmentSpec::default()
        };
        for (code, spec) in [
            (codes::ANY, &any),
            (codes::HRWORKS, &hrworks),
            (codes::EXPIRED, &EnrollmentSpec::default()),
            (codes::USED, &EnrollmentSpec::default()),
            (codes::REAUTHORISE, &reauthorise),
        ] {
            let mut enrollment = new_enrollment(spec);
            match code {
                codes::EXPIRED => enrollment.created_at = long_ago,
                codes::USED => enrollment.used = true,
                _ => {}
            }
            state.enrollments.insert(code.to_owned(), enrollment);
        }
        state.connections.insert(
            REAUTHORISE_CONNECTION.to_owned(),
            Connection {
                view: DeliveredConnection {
                    id: REAUTHORISE_CONNECTION.to_owned(),
                    provider: "hrworks".into(),
                    account_id: "48213".into(),
                    account_name: crate::scenarios::hrworks::COMPANY.into(),
                    credential_kind: "key_pair".into(),
                    credential_hint: "…(revoked)".into(),
                    status: "failed_auth".into(),
                    people_count: None,
                    mapped: 0,
                    mapping: None,
                },
                since: long_ago,
                status_token: random_secret(),
                secrets: Vec::new(),
            },
        );
    }

    /// Prints a new code for `spec`, as the product's "Connect your HR system" page would.
    pub fn issue(&self, spec: &EnrollmentSpec) -> String {
        let code = new_code();
        let mut enrollment = new_enrollment(spec);
        if spec.expired {
            enrollment.created_at = SystemTime::now() - VALIDITY - Duration::from_secs(60);
        }
        lock(&self.inner.state)
            .enrollments
            .insert(code.clone(), enrollment);
        code
    }

    /// The `failed_auth` (or any other status) knob of a delivered connection; `false` when the
    /// product has no such connection.
    pub fn set_status(&self, connection_id: &str, status: &str) -> bool {
        let mut state = lock(&self.inner.state);
        let Some(connection) = state.connections.get_mut(connection_id) else {
            return false;
        };
        connection.view.status = status.to_owned();
        connection.since = SystemTime::now();
        true
    }

    /// Every connection received so far, masked.
    pub fn connections(&self) -> Vec<DeliveredConnection> {
        let state = lock(&self.inner.state);
        state.connections.values().map(|c| c.view.clone()).collect()
    }

    /// Every secret the product keeps (delivered secrets, refresh and access tokens): for
    /// canary scans proving HR Link kept none of them.
    pub fn held_secrets(&self) -> Vec<String> {
        let state = lock(&self.inner.state);
        state
            .connections
            .values()
            .flat_map(|c| c.secrets.iter().cloned())
            .collect()
    }

    /// How many redeem requests arrived (tests count retries with it).
    pub fn redeem_attempts(&self) -> u32 {
        lock(&self.inner.state).redeem_attempts
    }

    /// How many connections were posted, accepted or not (tests prove a refusal "before
    /// sending" with it).
    pub fn connection_posts(&self) -> u32 {
        lock(&self.inner.state).connection_posts
    }

    pub(crate) fn router(&self) -> Router {
        api::router(self.clone())
    }
}

fn new_enrollment(spec: &EnrollmentSpec) -> Enrollment {
    Enrollment {
        id: format!("enr_{}", random_code_body()),
        token: random_secret(),
        provider: spec.provider.clone(),
        reauthorise: spec.reauthorise.clone(),
        categories: spec.categories,
        created_at: SystemTime::now(),
        redeemed_at: None,
        used: false,
        exchanged: None,
    }
}

/// Crockford base32 without I, L, O, U.
const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_code_body() -> String {
    let mut rng = rand::rng();
    (0..8)
        .map(|_| char::from(CROCKFORD[rng.random_range(0..CROCKFORD.len())]))
        .collect()
}

fn new_code() -> String {
    let body = random_code_body();
    format!("HRL-{}-{}", &body[..4], &body[4..])
}

fn random_secret() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes)
}

fn rfc3339(time: SystemTime) -> String {
    time::OffsetDateTime::from(time)
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// `abcdefgh` → `…efgh`: enough to recognise, not to use.
fn mask(text: &str) -> String {
    let tail: String = text
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("…{tail}")
}

impl Account {
    fn matches(&self, id: &str) -> bool {
        self.id == id
    }
}
