//! PKCE (RFC 7636) and the authorize request's parameters, for both providers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed setup or assertion must stop the test at once"
)]

use crate::oauth_support;

use std::collections::HashSet;

use hrlink_core::oauth::{self, Pkce};
use hrlink_core::providers::{employmenthero, ipayroll};
use hrlink_core::{Problem, ProviderId};
use hrlink_sandbox::scenarios::{employmenthero as eh, ipayroll as ip};
use oauth_support::*;
use secrecy::ExposeSecret;

fn rfc_alphabet(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

#[test]
fn s256_matches_rfc_7636_appendix_b() {
    let pkce = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assert_eq!(
        pkce.challenge(),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
    assert_eq!(Pkce::METHOD, "S256");
}

#[test]
fn verifiers_are_43_characters_of_the_rfc_alphabet_and_unique() {
    let mut seen = HashSet::new();
    for _ in 0..100 {
        let pkce = Pkce::new();
        let verifier = pkce.verifier().expose_secret().to_owned();
        assert_eq!(
            verifier.len(),
            43,
            "32 random bytes, base64url without padding"
        );
        assert!(rfc_alphabet(&verifier), "{verifier}");
        assert!(!verifier.contains('='));
        assert_eq!(pkce.challenge().len(), 43);
        assert_eq!(Pkce::from_verifier(&verifier).challenge(), pkce.challenge());
        assert!(seen.insert(verifier), "verifiers never repeat");
    }
    assert!(!format!("{:?}", Pkce::new()).contains(&*seen.into_iter().next().unwrap()));
}

/// Starts a sign-in, returns the authorize URL it opened, then cancels it.
async fn authorize_url(
    server: &oauth::AuthorizationServer,
    client: &oauth::OAuthClient,
    scopes: &[String],
) -> url::Url {
    let (browser, mut recorded) = recording_browser();
    let http = http();
    let options = options(&browser, PATIENT);
    let (outcome, url) = tokio::join!(
        oauth::sign_in(&http, server, client, scopes, &options),
        async {
            let url = recorded.next().await;
            options.cancel.cancel();
            url
        }
    );
    assert!(matches!(outcome, Err(Problem::SignInCancelled { .. })));
    url
}

#[tokio::test]
async fn employment_hero_gets_pkce_and_no_scope() {
    let sandbox = sandbox().await;
    let server = employmenthero::authorization_server(&provider_endpoints(
        &sandbox,
        ProviderId::Employmenthero,
    ));
    let scopes = vec!["employees:list".to_owned()];
    let url = authorize_url(&server, &oauth_client(eh::CLIENT), &scopes).await;
    let params = params(&url);
    assert_eq!(params["response_type"], "code");
    assert_eq!(params["client_id"], eh::CLIENT.id);
    assert_eq!(params["code_challenge_method"], "S256");
    assert_eq!(params["code_challenge"].len(), 43);
    assert!(rfc_alphabet(&params["code_challenge"]));
    assert!(
        !params.contains_key("scope"),
        "EH's app scopes are fixed at registration"
    );
    assert!(!params.contains_key("client_secret"));
    assert!(!params.contains_key("code_verifier"));
}

#[tokio::test]
async fn ipayroll_gets_scopes_state_and_pkce() {
    let sandbox = sandbox().await;
    let server =
        ipayroll::authorization_server(&provider_endpoints(&sandbox, ProviderId::Ipayroll));
    let scopes = vec!["employees".to_owned(), "leavebalances".to_owned()];
    let client = oauth_client(ip::CLIENT);
    let first = params(&authorize_url(&server, &client, &scopes).await);
    assert_eq!(first["scope"], "employees leavebalances");
    assert_eq!(first["response_type"], "code");
    assert_eq!(first["code_challenge_method"], "S256");
    // 32 random bytes of state, fresh for every sign-in.
    assert_eq!(first["state"].len(), 43);
    assert!(rfc_alphabet(&first["state"]));
    let second = params(&authorize_url(&server, &client, &scopes).await);
    assert_ne!(first["state"], second["state"]);
    assert_ne!(first["code_challenge"], second["code_challenge"]);
}

#[tokio::test]
async fn the_verifier_sent_with_the_code_matches_the_challenge() {
    // The Sandbox's Employment Hero refuses a code without the matching verifier
    // (`invalid_grant`), so a completed sign-in proves the pair.
    let sandbox = sandbox().await;
    let server = employmenthero::authorization_server(&provider_endpoints(
        &sandbox,
        ProviderId::Employmenthero,
    ));
    let browser = ScriptedBrowser::new(Consent::allow(eh::ONE_ORGANISATION));
    let tokens = oauth::sign_in(
        &http(),
        &server,
        &oauth_client(eh::CLIENT),
        &[],
        &options(&browser, PATIENT),
    )
    .await
    .expect("signed in with PKCE");
    assert!(tokens.refresh_token.is_some());
}
