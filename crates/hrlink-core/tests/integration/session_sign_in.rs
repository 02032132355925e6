//! The wizard's browser sign-in through the [`Session`]: the address it tells while waiting (to
//! copy or open again), a sign-in without any browser, and starting again over one still waiting
//! ("I closed the browser"), against the Sandbox's iPayroll over real loopback HTTP.

use crate::oauth_support;

use std::sync::Mutex;

use hrlink_core::config::Config;
use hrlink_core::messages::Language;
use hrlink_core::oauth::SignInAddress;
use hrlink_core::session::Session;
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::Sandbox;
use hrlink_sandbox::scenarios::ipayroll as scenario;
use oauth_support::*;
use url::Url;

/// A session on the Sandbox with the demo clients; iPayroll's redirect on a fixed `port`, as a
/// real iPayroll registration insists on (0: any free port).
fn session(sandbox: &Sandbox, port: u16) -> Session {
    let mut config = Config::demo();
    for client in &mut config.oauth_clients {
        client.redirect_port = port;
    }
    Session::new(http(), endpoints(sandbox)).with_config(config)
}

fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    probe.local_addr().unwrap().port()
}

/// Keeps what a sign-in tells.
#[derive(Default)]
struct Told(Mutex<Vec<SignInAddress>>);

impl Told {
    fn sink(&self) -> impl Fn(SignInAddress) + Sync + '_ {
        |address| self.0.lock().unwrap().push(address)
    }

    fn all(&self) -> Vec<SignInAddress> {
        self.0.lock().unwrap().clone()
    }

    /// The address told last, once there is one.
    async fn latest(&self) -> Url {
        tokio::time::timeout(PATIENT, async {
            loop {
                if let Some(told) = self.0.lock().unwrap().last() {
                    return Url::parse(&told.address).unwrap();
                }
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        })
        .await
        .expect("the address is told in time")
    }
}

#[tokio::test]
async fn without_a_browser_the_address_is_told_and_opening_it_by_hand_signs_in() {
    let sandbox = sandbox().await;
    let session = session(&sandbox, 0);
    let no_browser = |_: &Url| Err(Problem::BrowserUnavailable);
    let told = Told::default();
    let sink = told.sink();
    let signing_in = session.sign_in(ProviderId::Ipayroll, &[], Language::En, &no_browser, &sink);
    let (staged, visit) = tokio::join!(signing_in, async {
        consent(told.latest().await, Consent::allow(scenario::API_USER)).await
    });
    let staged = staged.expect("signed in through the address opened by hand");
    assert_eq!(staged.provider, ProviderId::Ipayroll);
    assert_eq!(visit.status, 200);
    let told = told.all();
    assert_eq!(told.len(), 1);
    assert!(!told[0].browser_opened, "no browser could be started");
    let address = Url::parse(&told[0].address).unwrap();
    let names: Vec<String> = params(&address).into_keys().collect();
    assert!(names.contains(&"code_challenge".to_owned()));
    assert!(!names.contains(&"code_verifier".to_owned()));
    // Over: nothing left to open again.
    assert_eq!(
        session.reopen_sign_in(&no_browser),
        Err(Problem::BrowserUnavailable)
    );
}

#[tokio::test]
async fn starting_again_replaces_the_waiting_sign_in_on_the_same_fixed_port() {
    let sandbox = sandbox().await;
    let port = free_port();
    let session = session(&sandbox, port);
    let (browser, mut recorded) = recording_browser();
    let (first_told, second_told) = (Told::default(), Told::default());
    let (first_sink, second_sink) = (first_told.sink(), second_told.sink());
    let first = session.sign_in(
        ProviderId::Ipayroll,
        &[],
        Language::En,
        &browser,
        &first_sink,
    );
    let (first, (second, reopened)) = tokio::join!(first, async {
        let first_address = recorded.next().await;
        assert!(first_told.all()[0].browser_opened);
        // "I closed the browser": a fresh sign-in, while the first one still waits.
        let second = session.sign_in(
            ProviderId::Ipayroll,
            &[],
            Language::En,
            &browser,
            &second_sink,
        );
        tokio::join!(second, async {
            let second_address = recorded.next().await;
            assert_ne!(
                params(&first_address)["state"],
                params(&second_address)["state"],
                "a fresh state for the fresh sign-in"
            );
            // "Open the browser again" opens the new address, not the old one.
            session.reopen_sign_in(&browser).unwrap();
            let reopened = recorded.next().await;
            consent(second_address.clone(), Consent::allow(scenario::API_USER)).await;
            (reopened, second_address)
        })
    });
    assert!(matches!(first, Err(Problem::SignInCancelled { .. })));
    second.expect("the second sign-in bound the same port and signed in");
    assert_eq!(reopened.0, reopened.1);
    assert_eq!(
        params(&reopened.1)["redirect_uri"],
        format!("http://127.0.0.1:{port}/callback")
    );
    assert_eq!(recorded.times_opened(), 3);
}
