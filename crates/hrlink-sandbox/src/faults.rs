//! Runtime fault injection: the failures every adapter must survive (providers.md, last
//! section), switched on and off from tests while the Sandbox runs.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::lock;

/// One of the imitated providers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// HRworks (`endpoints.hrworks`).
    HrWorks,
    /// Employment Hero (`endpoints.employmenthero`, API and OAuth token endpoint).
    EmploymentHero,
    /// iPayroll (`endpoints.ipayroll`, API and OAuth token endpoint).
    IPayroll,
    /// IRIS HR Professional (`endpoints.iris`).
    Iris,
    /// Employment Hero Payroll (`endpoints.employmenthero_payroll`).
    EmploymentHeroPayroll,
}

impl Provider {
    /// Every provider, in a fixed order.
    pub const ALL: [Provider; 5] = [
        Provider::HrWorks,
        Provider::EmploymentHero,
        Provider::IPayroll,
        Provider::Iris,
        Provider::EmploymentHeroPayroll,
    ];

    pub(crate) fn index(self) -> usize {
        match self {
            Provider::HrWorks => 0,
            Provider::EmploymentHero => 1,
            Provider::IPayroll => 2,
            Provider::Iris => 3,
            Provider::EmploymentHeroPayroll => 4,
        }
    }
}

/// How a 429 answer states when to come back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: <seconds>`.
    Seconds(u32),
    /// `Retry-After: <HTTP date>`, this many seconds from now.
    HttpDate(u32),
    /// No `Retry-After` header at all.
    Omitted,
}

/// A fault to inject. Faults apply to the machine-facing routes (API and OAuth token
/// endpoints), never to the consent pages a person signs in on.
///
/// Faults with `times` disturb that many of the next requests; several of them queue up and
/// fire in the order they were set. The others stay in force until [`Faults::clear`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Delay every response by this much (on top of [`SandboxConfig::latency`]).
    ///
    /// [`SandboxConfig::latency`]: crate::SandboxConfig::latency
    Latency(Duration),
    /// Answer 429 Too Many Requests.
    TooManyRequests {
        /// How many requests to refuse.
        times: u32,
        /// The `Retry-After` header to send.
        retry_after: RetryAfter,
    },
    /// Answer with this 5xx status (500 with the provider's JSON error body; other statuses
    /// with a gateway's HTML page, as a load balancer would).
    ServerError {
        /// How many requests to fail.
        times: u32,
        /// The status, e.g. 500, 502, 503.
        status: u16,
    },
    /// Hold the request this long before answering normally: longer than a client's timeout
    /// simulates a hung server. Released at once by [`Sandbox::shutdown`].
    ///
    /// [`Sandbox::shutdown`]: crate::Sandbox::shutdown
    Hang {
        /// How many requests to hold.
        times: u32,
        /// How long to hold each.
        duration: Duration,
    },
    /// Send only the first half of the real JSON body (still `200`, `application/json`).
    TruncatedJson {
        /// How many responses to cut.
        times: u32,
    },
    /// Send the real body behind the `)]}',` anti-hijacking prefix some servers add, which is
    /// not JSON.
    MalformedJson {
        /// How many responses to spoil.
        times: u32,
    },
    /// Pad the real (valid) JSON body with whitespace to at least `bytes` bytes.
    OversizedBody {
        /// How many responses to inflate.
        times: u32,
        /// Target body size, e.g. 20 MB.
        bytes: usize,
    },
    /// Answer `200 OK` with an HTML sign-in page, as a captive portal or proxy does.
    HtmlOk {
        /// How many requests to answer so.
        times: u32,
    },
    /// Send the real answer's headers (with its full `Content-Length`) and the first half of its
    /// body, then drop the connection: a reset, a proxy giving up, Wi-Fi switching networks.
    DropConnection {
        /// How many answers to cut off.
        times: u32,
    },
    /// Once the listing page with this 1-based position has been served (whatever the
    /// provider's own page numbering), the access token that fetched it expires: the next
    /// request with it gets the provider's 401. Fires once.
    ExpireTokenAfterPage(u32),
    /// `next` links of paged listings (HRworks `Link` header, iPayroll `links`) point at
    /// `127.0.0.2` on the same port, another host a client must not send credentials to.
    /// Employment Hero, IRIS and Employment Hero Payroll have no such links.
    ForeignNextLink,
    /// Every HRworks master-data page carries this many people (bare records with distinct
    /// ids) instead of its 50: a hostile server packing a page, e.g. 650,000 in 16 MB.
    FloodedPages(usize),
}

/// What happens to one request instead of, or to, its normal answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Disruption {
    TooManyRequests(RetryAfter),
    ServerError(u16),
    Hang(Duration),
    HtmlOk,
    Spoil(Spoil),
    DropConnection,
}

/// How the real answer's body is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spoil {
    Truncated,
    Malformed,
    Oversized(usize),
}

#[derive(Debug, Default)]
struct Armed {
    latency: Duration,
    queue: VecDeque<(Disruption, u32)>,
    expire_after_page: Option<u32>,
    foreign_next_link: bool,
    flooded_pages: Option<usize>,
}

/// Fault-injection knobs of a running [`Sandbox`](crate::Sandbox). Cheap to clone; every clone
/// controls the same server.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    armed: Arc<Mutex<[Armed; Provider::ALL.len()]>>,
}

impl Faults {
    /// Arms `fault` for every provider (each provider counts its own `times`).
    pub fn set(&self, fault: Fault) {
        for provider in Provider::ALL {
            self.set_for(provider, fault.clone());
        }
    }

    /// Arms `fault` for one provider only.
    pub fn set_for(&self, provider: Provider, fault: Fault) {
        let mut armed = lock(&self.armed);
        let armed = &mut armed[provider.index()];
        let (disruption, times) = match fault {
            Fault::Latency(latency) => {
                armed.latency = latency;
                return;
            }
            Fault::ExpireTokenAfterPage(page) => {
                armed.expire_after_page = Some(page);
                return;
            }
            Fault::ForeignNextLink => {
                armed.foreign_next_link = true;
                return;
            }
            Fault::FloodedPages(people) => {
                armed.flooded_pages = Some(people);
                return;
            }
            Fault::TooManyRequests { times, retry_after } => {
                (Disruption::TooManyRequests(retry_after), times)
            }
            Fault::ServerError { times, status } => (Disruption::ServerError(status), times),
            Fault::Hang { times, duration } => (Disruption::Hang(duration), times),
            Fault::TruncatedJson { times } => (Disruption::Spoil(Spoil::Truncated), times),
            Fault::MalformedJson { times } => (Disruption::Spoil(Spoil::Malformed), times),
            Fault::OversizedBody { times, bytes } => {
                (Disruption::Spoil(Spoil::Oversized(bytes)), times)
            }
            Fault::HtmlOk { times } => (Disruption::HtmlOk, times),
            Fault::DropConnection { times } => (Disruption::DropConnection, times),
        };
        if times > 0 {
            armed.queue.push_back((disruption, times));
        }
    }

    /// Disarms every fault of every provider.
    pub fn clear(&self) {
        *lock(&self.armed) = Default::default();
    }

    /// Disarms every fault of one provider.
    pub fn clear_for(&self, provider: Provider) {
        lock(&self.armed)[provider.index()] = Armed::default();
    }

    pub(crate) fn latency(&self, provider: Provider) -> Duration {
        lock(&self.armed)[provider.index()].latency
    }

    /// Takes the disruption for the next request, if one is queued.
    pub(crate) fn next_disruption(&self, provider: Provider) -> Option<Disruption> {
        let mut armed = lock(&self.armed);
        let queue = &mut armed[provider.index()].queue;
        let (disruption, remaining) = queue.front_mut()?;
        let disruption = *disruption;
        *remaining -= 1;
        if *remaining == 0 {
            queue.pop_front();
        }
        Some(disruption)
    }

    /// Whether the token that fetched listing page `position` (1-based) must now expire.
    pub(crate) fn expire_token_after(&self, provider: Provider, position: u64) -> bool {
        let mut armed = lock(&self.armed);
        let armed = &mut armed[provider.index()];
        match armed.expire_after_page {
            Some(page) if position >= u64::from(page) => {
                armed.expire_after_page = None;
                true
            }
            _ => false,
        }
    }

    pub(crate) fn foreign_next_link(&self, provider: Provider) -> bool {
        lock(&self.armed)[provider.index()].foreign_next_link
    }

    /// How many people each listing page carries instead of its own, when flooded.
    pub(crate) fn flooded_pages(&self, provider: Provider) -> Option<usize> {
        lock(&self.armed)[provider.index()].flooded_pages
    }
}

/// Rewrites a link on the Sandbox's loopback origin to point at another loopback host.
pub(crate) fn foreign(url: &str) -> String {
    url.replacen("://127.0.0.1:", "://127.0.0.2:", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_faults_fire_in_order_and_run_out() {
        let faults = Faults::default();
        faults.set_for(
            Provider::Iris,
            Fault::ServerError {
                times: 2,
                status: 503,
            },
        );
        faults.set_for(Provider::Iris, Fault::HtmlOk { times: 1 });
        faults.set_for(Provider::Iris, Fault::TruncatedJson { times: 0 });
        let take = || faults.next_disruption(Provider::Iris);
        assert_eq!(take(), Some(Disruption::ServerError(503)));
        assert_eq!(take(), Some(Disruption::ServerError(503)));
        assert_eq!(take(), Some(Disruption::HtmlOk));
        assert_eq!(take(), None);
        assert_eq!(faults.next_disruption(Provider::HrWorks), None);
    }

    #[test]
    fn set_arms_each_provider_separately() {
        let faults = Faults::default();
        faults.set(Fault::HtmlOk { times: 1 });
        for provider in Provider::ALL {
            assert_eq!(faults.next_disruption(provider), Some(Disruption::HtmlOk));
            assert_eq!(faults.next_disruption(provider), None);
        }
    }

    #[test]
    fn token_expiry_fires_once_at_or_after_the_page() {
        let faults = Faults::default();
        faults.set_for(Provider::HrWorks, Fault::ExpireTokenAfterPage(3));
        assert!(!faults.expire_token_after(Provider::HrWorks, 2));
        assert!(faults.expire_token_after(Provider::HrWorks, 3));
        assert!(!faults.expire_token_after(Provider::HrWorks, 4));
    }

    #[test]
    fn clear_disarms() {
        let faults = Faults::default();
        faults.set(Fault::ForeignNextLink);
        faults.set(Fault::Latency(Duration::from_millis(5)));
        faults.clear_for(Provider::Iris);
        assert!(!faults.foreign_next_link(Provider::Iris));
        assert!(faults.foreign_next_link(Provider::IPayroll));
        faults.clear();
        assert!(!faults.foreign_next_link(Provider::IPayroll));
        assert_eq!(faults.latency(Provider::HrWorks), Duration::ZERO);
    }

    #[test]
    fn foreign_points_at_another_loopback_host() {
        assert_eq!(
            foreign("http://127.0.0.1:4000/hrworks/v2/persons/master-data?page=2"),
            "http://127.0.0.2:4000/hrworks/v2/persons/master-data?page=2"
        );
    }
}
