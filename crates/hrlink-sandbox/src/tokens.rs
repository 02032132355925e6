//! Opaque bearer secrets (access and refresh tokens, authorization codes, sign-in sessions)
//! held in memory with an optional expiry.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

use crate::lock;

/// A fresh unguessable secret: 32 random bytes, base64url.
pub(crate) fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive).
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// What a presented secret turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lookup<G> {
    Valid(G),
    Expired,
    Unknown,
}

#[derive(Debug)]
struct Entry<G> {
    grant: G,
    expires_at: Option<Instant>,
}

impl<G> Entry<G> {
    fn expired(&self, now: Instant) -> bool {
        self.expires_at.is_some_and(|at| now >= at)
    }
}

/// Secrets issued by one server, each carrying what it grants.
#[derive(Debug)]
pub(crate) struct TokenStore<G> {
    lifetime: Option<Duration>,
    entries: Mutex<HashMap<String, Entry<G>>>,
}

/// Beyond this many entries, expired ones are swept on the next issue.
const SWEEP_ABOVE: usize = 1024;

impl<G: Clone> TokenStore<G> {
    /// Secrets that expire after `lifetime`; `None` for secrets that never do.
    pub(crate) fn new(lifetime: Option<Duration>) -> Self {
        Self {
            lifetime,
            entries: Mutex::new(HashMap::new()),
        }
    }

    pub(crate) fn issue(&self, grant: G) -> String {
        let secret = random_secret();
        let now = Instant::now();
        let mut entries = lock(&self.entries);
        if entries.len() > SWEEP_ABOVE {
            // Expired entries are kept until then so that their holders get "expired", not
            // "unknown".
            entries.retain(|_, entry| !entry.expired(now));
        }
        let expires_at = self.lifetime.map(|lifetime| now + lifetime);
        entries.insert(secret.clone(), Entry { grant, expires_at });
        secret
    }

    pub(crate) fn check(&self, secret: &str) -> Lookup<G> {
        match lock(&self.entries).get(secret) {
            Some(entry) if entry.expired(Instant::now()) => Lookup::Expired,
            Some(entry) => Lookup::Valid(entry.grant.clone()),
            None => Lookup::Unknown,
        }
    }

    /// Removes a secret so it works only once (authorization codes, rotated refresh tokens).
    pub(crate) fn redeem(&self, secret: &str) -> Lookup<G> {
        match lock(&self.entries).remove(secret) {
            Some(entry) if entry.expired(Instant::now()) => Lookup::Expired,
            Some(entry) => Lookup::Valid(entry.grant),
            None => Lookup::Unknown,
        }
    }

    /// Makes a secret expire now (the mid-listing expiry fault).
    pub(crate) fn expire(&self, secret: &str) {
        if let Some(entry) = lock(&self.entries).get_mut(secret) {
            entry.expires_at = Some(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn issued_secrets_are_valid_until_expired() {
        let store = TokenStore::new(Some(Duration::from_secs(60)));
        let token = store.issue(7);
        assert_eq!(store.check(&token), Lookup::Valid(7));
        store.expire(&token);
        assert_eq!(store.check(&token), Lookup::Expired);
        assert_eq!(store.check("nope"), Lookup::Unknown);
    }

    #[test]
    fn zero_lifetime_is_born_expired() {
        let store = TokenStore::new(Some(Duration::ZERO));
        let token = store.issue(());
        assert_eq!(store.check(&token), Lookup::Expired);
    }

    #[test]
    fn redeemed_secrets_work_once() {
        let store = TokenStore::new(None);
        let code = store.issue("grant");
        assert_eq!(store.redeem(&code), Lookup::Valid("grant"));
        assert_eq!(store.redeem(&code), Lookup::Unknown);
    }

    #[test]
    fn secrets_are_distinct_and_url_safe() {
        let a = random_secret();
        assert_ne!(a, random_secret());
        assert_eq!(a.len(), 43);
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
    }

    #[test]
    fn bearer_reads_the_authorization_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer abc"));
        assert_eq!(bearer(&headers), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer(&headers), None);
    }
}
