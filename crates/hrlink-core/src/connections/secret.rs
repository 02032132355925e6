//! What is secret per provider, and how it is written into the connection's keychain entry.
//!
//! The entry also names the addresses the connection was verified against (see
//! [`super::binding`]): kept there, an edited profile cannot move where the secret goes.
//!
//! A small versioned JSON object, built from the `secrecy` types through a private struct of
//! borrowed `&str` exposed only while serialising; it lives in the keychain entry only, never on
//! disk. It stays within Windows' Credential Manager limit of 2,560 bytes of UTF-16: an OAuth
//! pair too large for it is stored as the refresh token alone.

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::credentials::{ApiKey, Credentials, HrworksKeyPair, IrisLogin, Secret};
use crate::endpoints::BoundOrigins;
use crate::vault::VaultError;

/// Largest entry, in bytes of UTF-16, that every platform keychain accepts (Windows).
pub const MAX_SECRET_UTF16_BYTES: usize = 2_560;

/// Version of the entry's format.
const VERSION: u8 = 1;

// The entry's `kind` per credential kind. The names are those of the first provider of each
// kind: entries already in keychains carry them.
const KEY_PAIR: &str = "hrworks";
const LOGIN: &str = "iris";
const OAUTH: &str = "oauth";
const API_KEY: &str = "api_key";

/// A connection's secret as read back from the keychain, by credential kind.
#[derive(Debug)]
pub enum StoredSecret {
    /// An access key pair.
    KeyPair(HrworksKeyPair),
    /// An API user's login.
    Login(IrisLogin),
    /// A browser sign-in's tokens.
    OAuth {
        /// The refresh token: what keeps the connection alive.
        refresh_token: SecretString,
        /// The last access token, when it fitted.
        access_token: Option<SecretString>,
    },
    /// An API key and its region (the business chosen is the profile's account).
    ApiKey(ApiKey),
}

/// The entry as written: borrowed views of the secrets, exposed at the last moment.
#[derive(Serialize)]
struct WireOut<'a> {
    v: u8,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret_access_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    username: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_token: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    origins: Option<&'a BoundOrigins>,
}

/// The entry as read; every value is moved into a `SecretString` at once.
#[derive(Deserialize)]
struct WireIn {
    v: u8,
    kind: String,
    access_key: Option<String>,
    secret_access_key: Option<String>,
    username: Option<String>,
    password: Option<String>,
    refresh_token: Option<String>,
    access_token: Option<String>,
    #[serde(default)]
    api_key: Option<String>,
    #[serde(default)]
    region: Option<String>,
    /// Absent in entries written before connections were bound to their addresses.
    #[serde(default)]
    origins: Option<BoundOrigins>,
}

impl<'a> WireOut<'a> {
    fn new(kind: &'a str, origins: Option<&'a BoundOrigins>) -> WireOut<'a> {
        WireOut {
            v: VERSION,
            kind,
            origins,
            access_key: None,
            secret_access_key: None,
            username: None,
            password: None,
            refresh_token: None,
            access_token: None,
            api_key: None,
            region: None,
        }
    }
}

fn utf16_bytes(s: &str) -> usize {
    s.encode_utf16().count() * 2
}

fn to_secret(wire: &WireOut<'_>) -> Result<SecretString, VaultError> {
    let json = serde_json::to_string(wire).map_err(|_| VaultError::Corrupt)?;
    Ok(SecretString::from(json))
}

/// What is secret of a connection, borrowed from [`Credentials`] or a [`StoredSecret`].
enum Borrowed<'a> {
    KeyPair(&'a HrworksKeyPair),
    Login(&'a IrisLogin),
    OAuth {
        refresh_token: Option<&'a SecretString>,
        access_token: Option<&'a SecretString>,
    },
    ApiKey(&'a ApiKey),
}

/// Serialises what must be kept secret of `credentials` for the keychain, with the addresses
/// they were verified against.
///
/// OAuth credentials without a refresh token cannot be kept: [`VaultError::Corrupt`]. A secret
/// over [`MAX_SECRET_UTF16_BYTES`] even in its smallest form is [`VaultError::TooLarge`].
pub fn encode(
    credentials: &Credentials,
    origins: Option<&BoundOrigins>,
) -> Result<SecretString, VaultError> {
    let secret = match credentials.secret() {
        Secret::KeyPair(keys) => Borrowed::KeyPair(keys),
        Secret::Login(login) => Borrowed::Login(login),
        Secret::OAuth(grant) => Borrowed::OAuth {
            refresh_token: grant.tokens.refresh_token.as_ref(),
            access_token: Some(&grant.tokens.access_token),
        },
        Secret::ApiKey(key) => Borrowed::ApiKey(key),
    };
    encode_borrowed(&secret, origins)
}

/// Serialises a secret read back from the keychain (e.g. with a rotated refresh token).
pub fn encode_stored(
    stored: &StoredSecret,
    origins: Option<&BoundOrigins>,
) -> Result<SecretString, VaultError> {
    let secret = match stored {
        StoredSecret::KeyPair(keys) => Borrowed::KeyPair(keys),
        StoredSecret::Login(login) => Borrowed::Login(login),
        StoredSecret::OAuth {
            refresh_token,
            access_token,
        } => Borrowed::OAuth {
            refresh_token: Some(refresh_token),
            access_token: access_token.as_ref(),
        },
        StoredSecret::ApiKey(key) => Borrowed::ApiKey(key),
    };
    encode_borrowed(&secret, origins)
}

fn encode_borrowed(
    secret: &Borrowed<'_>,
    origins: Option<&BoundOrigins>,
) -> Result<SecretString, VaultError> {
    let encoded = match secret {
        Borrowed::KeyPair(keys) => {
            let mut wire = WireOut::new(KEY_PAIR, origins);
            wire.access_key = Some(&keys.access_key);
            wire.secret_access_key = Some(keys.secret_access_key.expose_secret());
            to_secret(&wire)?
        }
        Borrowed::Login(login) => {
            let mut wire = WireOut::new(LOGIN, origins);
            wire.username = Some(&login.username);
            wire.password = Some(login.password.expose_secret());
            to_secret(&wire)?
        }
        Borrowed::OAuth {
            refresh_token,
            access_token,
        } => {
            let mut wire = WireOut::new(OAUTH, origins);
            wire.refresh_token = Some(refresh_token.ok_or(VaultError::Corrupt)?.expose_secret());
            wire.access_token = access_token.map(|token| token.expose_secret());
            let full = to_secret(&wire)?;
            if utf16_bytes(full.expose_secret()) <= MAX_SECRET_UTF16_BYTES {
                return Ok(full);
            }
            wire.access_token = None;
            to_secret(&wire)?
        }
        Borrowed::ApiKey(key) => {
            let mut wire = WireOut::new(API_KEY, origins);
            wire.api_key = Some(key.key.expose_secret());
            wire.region = key.region.as_deref();
            to_secret(&wire)?
        }
    };
    if utf16_bytes(encoded.expose_secret()) > MAX_SECRET_UTF16_BYTES {
        return Err(VaultError::TooLarge);
    }
    Ok(encoded)
}

/// Reads an entry written by [`encode`]; anything else is [`VaultError::Corrupt`].
pub fn decode(secret: &SecretString) -> Result<StoredSecret, VaultError> {
    decode_entry(secret).map(|(stored, _)| stored)
}

/// Reads an entry written by [`encode`], with the addresses it is bound to (`None` in entries
/// written before connections were bound).
pub fn decode_entry(
    secret: &SecretString,
) -> Result<(StoredSecret, Option<BoundOrigins>), VaultError> {
    let wire: WireIn =
        serde_json::from_str(secret.expose_secret()).map_err(|_| VaultError::Corrupt)?;
    if wire.v != VERSION {
        return Err(VaultError::Corrupt);
    }
    let origins = wire.origins;
    let secret = |value: Option<String>| value.map(SecretString::from);
    let stored = match wire.kind.as_str() {
        KEY_PAIR => match (wire.access_key, secret(wire.secret_access_key)) {
            (Some(access_key), Some(secret_access_key)) => {
                Ok(StoredSecret::KeyPair(HrworksKeyPair {
                    access_key,
                    secret_access_key,
                }))
            }
            _ => Err(VaultError::Corrupt),
        },
        LOGIN => match (wire.username, secret(wire.password)) {
            (Some(username), Some(password)) => {
                Ok(StoredSecret::Login(IrisLogin { username, password }))
            }
            _ => Err(VaultError::Corrupt),
        },
        OAUTH => match secret(wire.refresh_token) {
            Some(refresh_token) => Ok(StoredSecret::OAuth {
                refresh_token,
                access_token: secret(wire.access_token),
            }),
            None => Err(VaultError::Corrupt),
        },
        API_KEY => match secret(wire.api_key) {
            Some(key) => Ok(StoredSecret::ApiKey(ApiKey {
                key,
                region: wire.region,
                business_id: None,
            })),
            None => Err(VaultError::Corrupt),
        },
        _ => Err(VaultError::Corrupt),
    }?;
    Ok((stored, origins))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::OAuthTokens;

    const CANARY: &str = "CANARY-secret-5d1e";

    fn hrworks() -> Credentials {
        Credentials::key_pair(
            crate::ProviderId::Hrworks,
            HrworksKeyPair {
                access_key: "AKIA1234567890".into(),
                secret_access_key: SecretString::from(CANARY),
            },
        )
    }

    /// A realistic JWT: header, a claims body of ~600 characters, a 342-character RS256
    /// signature.
    fn jwt(tag: &str) -> String {
        let claims = format!(
            "{tag}{}",
            "eyJzdWIiOiIxMjM0NTY3ODkwIiwic2NvcGUiOiJwZW9wbGUifQ".repeat(12)
        );
        format!(
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImFiYyJ9.{claims}.{}",
            "s".repeat(342)
        )
    }

    fn oauth(access: String, refresh: String) -> OAuthTokens {
        OAuthTokens {
            access_token: SecretString::from(access),
            refresh_token: Some(SecretString::from(refresh)),
            expires_at: None,
            granted_scopes: None,
        }
    }

    #[test]
    fn hrworks_round_trips() {
        let encoded = encode(&hrworks(), None).unwrap();
        assert!(encoded.expose_secret().contains("\"v\":1"));
        match decode(&encoded).unwrap() {
            StoredSecret::KeyPair(keys) => {
                assert_eq!(keys.access_key, "AKIA1234567890");
                assert_eq!(keys.secret_access_key.expose_secret(), CANARY);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn iris_round_trips() {
        let login = Credentials::login(
            crate::ProviderId::Iris,
            IrisLogin {
                username: "api.user".into(),
                password: SecretString::from("pässwörd \"quoted\""),
            },
        );
        match decode(&encode(&login, None).unwrap()).unwrap() {
            StoredSecret::Login(login) => {
                assert_eq!(login.username, "api.user");
                assert_eq!(login.password.expose_secret(), "pässwörd \"quoted\"");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_api_key_round_trips_with_its_region() {
        let key = crate::credentials::ApiKey {
            key: SecretString::from(CANARY),
            region: Some("NZ".into()),
            business_id: Some("104211".into()),
        };
        let credentials = Credentials::new(
            crate::ProviderId::EmploymentheroPayroll,
            Secret::ApiKey(key),
        )
        .unwrap();
        let encoded = encode(&credentials, None).unwrap();
        // The business is the profile's account, not a secret.
        assert!(!encoded.expose_secret().contains("104211"));
        match decode(&encoded).unwrap() {
            StoredSecret::ApiKey(key) => {
                assert_eq!(key.key.expose_secret(), CANARY);
                assert_eq!(key.region.as_deref(), Some("NZ"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_jwt_pair_too_large_for_windows_keeps_only_the_refresh_token() {
        let (access, refresh) = (jwt("a"), jwt("r"));
        assert!(utf16_bytes(&access) + utf16_bytes(&refresh) > MAX_SECRET_UTF16_BYTES);
        let tokens = oauth(access, refresh.clone());
        let grant = crate::credentials::OAuthGrant {
            tokens,
            permissions: crate::config::Permissions {
                required: vec![],
                optional: vec![],
            },
            organisation_id: None,
        };
        let encoded = encode(
            &Credentials::oauth(crate::ProviderId::Employmenthero, grant),
            None,
        )
        .unwrap();
        assert!(utf16_bytes(encoded.expose_secret()) <= MAX_SECRET_UTF16_BYTES);
        match decode(&encoded).unwrap() {
            StoredSecret::OAuth {
                refresh_token,
                access_token,
            } => {
                assert_eq!(refresh_token.expose_secret(), refresh);
                assert!(access_token.is_none());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_small_token_pair_keeps_both() {
        let grant = crate::credentials::OAuthGrant {
            tokens: oauth("at".into(), "rt".into()),
            permissions: crate::config::Permissions {
                required: vec![],
                optional: vec![],
            },
            organisation_id: None,
        };
        match decode(
            &encode(
                &Credentials::oauth(crate::ProviderId::Employmenthero, grant),
                None,
            )
            .unwrap(),
        )
        .unwrap()
        {
            StoredSecret::OAuth { access_token, .. } => {
                assert_eq!(access_token.unwrap().expose_secret(), "at");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_oversized_secret_is_refused() {
        let keys = Credentials::key_pair(
            crate::ProviderId::Hrworks,
            HrworksKeyPair {
                access_key: "a".into(),
                secret_access_key: SecretString::from("x".repeat(1_400)),
            },
        );
        assert_eq!(encode(&keys, None).unwrap_err(), VaultError::TooLarge);
    }

    #[test]
    fn garbage_and_other_versions_are_corrupt() {
        for text in [
            "",
            "plain",
            r#"{"v":2,"kind":"hrworks"}"#,
            r#"{"v":1,"kind":"hrworks"}"#,
        ] {
            assert_eq!(
                decode(&SecretString::from(text)).unwrap_err(),
                VaultError::Corrupt,
                "{text}"
            );
        }
    }

    #[test]
    fn the_bound_addresses_travel_inside_the_entry() {
        let origins = BoundOrigins {
            api: url::Url::parse("http://127.0.0.1:4100/hrworks").unwrap(),
            auth: None,
        };
        let encoded = encode(&hrworks(), Some(&origins)).unwrap();
        let (stored, read) = decode_entry(&encoded).unwrap();
        assert_eq!(read, Some(origins.clone()));
        // Written again (a rotated secret), the binding stays.
        let again = encode_stored(&stored, read.as_ref()).unwrap();
        assert_eq!(decode_entry(&again).unwrap().1, Some(origins));
        // An entry from before bindings has none.
        let (_, none) = decode_entry(&encode(&hrworks(), None).unwrap()).unwrap();
        assert_eq!(none, None);
    }
}
