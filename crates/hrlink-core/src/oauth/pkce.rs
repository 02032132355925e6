//! PKCE (RFC 7636) with the S256 method only: `plain` protects nothing an attacker on the
//! loopback cannot see, and RFC 7636 §4.2 requires S256 from clients that can compute it.

use oauth2::{PkceCodeChallenge, PkceCodeVerifier};
use secrecy::{ExposeSecret, SecretString};

/// A PKCE verifier and its S256 challenge, fresh for each sign-in.
#[derive(Debug)]
pub struct Pkce {
    verifier: SecretString,
    challenge: String,
}

impl Default for Pkce {
    fn default() -> Self {
        Pkce::new()
    }
}

impl Pkce {
    /// `code_challenge_method`.
    pub const METHOD: &'static str = "S256";

    /// A random verifier: 32 bytes from a CSPRNG, base64url without padding (43 characters of
    /// the RFC 7636 alphabet).
    pub fn new() -> Pkce {
        let (_, verifier) = PkceCodeChallenge::new_random_sha256();
        Pkce::from_verifier(verifier.secret())
    }

    /// The pair for a known verifier (RFC 7636 Appendix B's test vector, for instance).
    pub fn from_verifier(verifier: &str) -> Pkce {
        let challenge = PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(
            verifier.to_owned(),
        ));
        Pkce {
            verifier: SecretString::from(verifier),
            challenge: challenge.as_str().to_owned(),
        }
    }

    /// `code_challenge`: `BASE64URL(SHA256(verifier))`, sent in the authorize URL.
    pub fn challenge(&self) -> &str {
        &self.challenge
    }

    /// `code_verifier`, sent only to the token endpoint.
    pub fn verifier(&self) -> &SecretString {
        &self.verifier
    }

    pub(crate) fn oauth2_challenge(&self) -> PkceCodeChallenge {
        PkceCodeChallenge::from_code_verifier_sha256(&self.oauth2_verifier())
    }

    pub(crate) fn oauth2_verifier(&self) -> PkceCodeVerifier {
        PkceCodeVerifier::new(self.verifier.expose_secret().to_owned())
    }
}
