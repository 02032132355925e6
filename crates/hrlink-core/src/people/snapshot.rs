//! The people list the admin confirmed, kept for the next reconnect's "what changed since"
//! ([`super::diff`]). Encrypted at rest: XChaCha20-Poly1305 with a random 256-bit key per
//! connection that lives only in the OS keychain, a random 192-bit nonce per write, and the
//! connection's id as associated data (a file copied onto another connection does not open).
//!
//! Only the fields the diff compares are kept: ids, names, work email, status, dates,
//! department, location and job title (no birth date, teams or external ids).
//!
//! File layout: `HRLP` · version (1 byte) · nonce (24 bytes) · ciphertext with its tag. The
//! plaintext is JSON, wiped from memory once sealed or read.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, Generate, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use time::Date;

use super::{Person, PersonIds, PersonStatus};

const MAGIC: &[u8; 4] = b"HRLP";
const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const KEY_LEN: usize = 32;
const HEADER_LEN: usize = MAGIC.len() + 1 + NONCE_LEN;

/// Why a snapshot could not be sealed or opened. Deliberately without detail: a damaged file,
/// a wrong key and a file moved to another connection all look the same to an attacker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    /// The file is not a snapshot of this connection under this key, or was changed.
    #[error("the people snapshot does not open")]
    Unreadable,
    /// The system's random number generator failed.
    #[error("no randomness available")]
    NoRandomness,
}

/// The confirmed people and when they were confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// When the admin confirmed them (seconds since the Unix epoch).
    pub confirmed_at: u64,
    /// The people, with only the fields the diff needs.
    pub people: Vec<Person>,
}

/// One person as stored: the fields the diff compares, nothing else.
#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    provider_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    personnel_number: Option<String>,
    first_name: String,
    last_name: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    preferred_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    work_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    status: Option<PersonStatus>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    end_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    department: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    job_title: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Plain {
    confirmed_at: u64,
    people: Vec<Stored>,
}

impl From<&Person> for Stored {
    fn from(person: &Person) -> Stored {
        Stored {
            provider_id: person.ids.provider_id.clone(),
            personnel_number: person.ids.personnel_number.clone(),
            first_name: person.first_name.clone(),
            last_name: person.last_name.clone(),
            preferred_name: person.preferred_name.clone(),
            work_email: person.work_email.clone(),
            status: person.status,
            start_date: person.start_date,
            end_date: person.end_date,
            department: person.department.clone(),
            location: person.location.clone(),
            job_title: person.job_title.clone(),
        }
    }
}

impl From<Stored> for Person {
    fn from(stored: Stored) -> Person {
        Person {
            ids: PersonIds {
                provider_id: stored.provider_id,
                personnel_number: stored.personnel_number,
                external_ids: Vec::new(),
            },
            first_name: stored.first_name,
            last_name: stored.last_name,
            preferred_name: stored.preferred_name,
            work_email: stored.work_email,
            status: stored.status,
            start_date: stored.start_date,
            end_date: stored.end_date,
            department: stored.department,
            location: stored.location,
            job_title: stored.job_title,
            ..Person::default()
        }
    }
}

/// A new random key, base64-encoded for the keychain.
pub fn new_key() -> Result<SecretString, SnapshotError> {
    let key =
        Zeroizing::new(<[u8; KEY_LEN]>::try_generate().map_err(|_| SnapshotError::NoRandomness)?);
    Ok(SecretString::from(STANDARD.encode(key.as_slice())))
}

fn cipher(key: &SecretString) -> Result<XChaCha20Poly1305, SnapshotError> {
    let bytes = Zeroizing::new(
        STANDARD
            .decode(key.expose_secret())
            .map_err(|_| SnapshotError::Unreadable)?,
    );
    XChaCha20Poly1305::new_from_slice(&bytes).map_err(|_| SnapshotError::Unreadable)
}

/// Seals `snapshot` for the connection `context` under `key`: the file's bytes.
pub fn seal(
    key: &SecretString,
    context: &str,
    snapshot: &Snapshot,
) -> Result<Vec<u8>, SnapshotError> {
    let plain = Plain {
        confirmed_at: snapshot.confirmed_at,
        people: snapshot.people.iter().map(Stored::from).collect(),
    };
    // Serialising these plain types cannot fail; the error arm is for form.
    let json = Zeroizing::new(serde_json::to_vec(&plain).map_err(|_| SnapshotError::Unreadable)?);
    let nonce = XNonce::try_generate().map_err(|_| SnapshotError::NoRandomness)?;
    let sealed = cipher(key)?
        .encrypt(
            &nonce,
            Payload {
                msg: &json,
                aad: context.as_bytes(),
            },
        )
        .map_err(|_| SnapshotError::Unreadable)?;
    let mut out = Vec::with_capacity(HEADER_LEN + sealed.len());
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens a snapshot file of the connection `context` with `key`.
pub fn open(key: &SecretString, context: &str, bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
    if bytes.len() < HEADER_LEN || &bytes[..MAGIC.len()] != MAGIC || bytes[MAGIC.len()] != VERSION {
        return Err(SnapshotError::Unreadable);
    }
    let nonce = XNonce::try_from(&bytes[MAGIC.len() + 1..HEADER_LEN])
        .map_err(|_| SnapshotError::Unreadable)?;
    let json = Zeroizing::new(
        cipher(key)?
            .decrypt(
                &nonce,
                Payload {
                    msg: &bytes[HEADER_LEN..],
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SnapshotError::Unreadable)?,
    );
    let plain: Plain = serde_json::from_slice(&json).map_err(|_| SnapshotError::Unreadable)?;
    Ok(Snapshot {
        confirmed_at: plain.confirmed_at,
        people: plain.people.into_iter().map(Person::from).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn canary() -> Snapshot {
        let person = Person {
            ids: PersonIds {
                provider_id: Some("pid-4711".into()),
                personnel_number: Some("P-0815".into()),
                external_ids: vec!["ext-1".into()],
            },
            work_email: Some("zoe.canaryfield@acme.example".into()),
            status: Some(PersonStatus::Active),
            start_date: Some(date!(2021 - 03 - 01)),
            birth_date: Some(date!(1990 - 01 - 01)),
            location: Some("Lüneburg".into()),
            teams: vec!["Blue".into()],
            ..Person::new("Zoë", "Canaryfield")
        };
        Snapshot {
            confirmed_at: 1_762_128_000,
            people: vec![person],
        }
    }

    #[test]
    fn round_trips_only_the_fields_the_diff_needs() {
        let key = new_key().unwrap();
        let sealed = seal(&key, "c1", &canary()).unwrap();
        let opened = open(&key, "c1", &sealed).unwrap();
        let mut expected = canary();
        let person = &mut expected.people[0];
        person.birth_date = None;
        person.teams.clear();
        person.ids.external_ids.clear();
        assert_eq!(opened, expected);
    }

    #[test]
    fn the_file_shows_no_personal_data() {
        let key = new_key().unwrap();
        let sealed = seal(&key, "c1", &canary()).unwrap();
        let base64 = STANDARD.encode(&sealed);
        let lossy = String::from_utf8_lossy(&sealed);
        for canary in [
            "Canaryfield",
            "zoe.canaryfield",
            "acme.example",
            "P-0815",
            "Lüneburg",
        ] {
            assert!(!lossy.contains(canary), "{canary}");
            assert!(!base64.contains(&STANDARD.encode(canary)), "{canary}");
        }
        // A fresh nonce each time: two seals of the same list differ.
        assert_ne!(sealed, seal(&key, "c1", &canary()).unwrap());
    }

    #[test]
    fn tampering_another_key_or_another_connection_does_not_open() {
        let key = new_key().unwrap();
        let sealed = seal(&key, "c1", &canary()).unwrap();
        for at in [0, 4, 5, HEADER_LEN, sealed.len() - 1] {
            let mut bad = sealed.clone();
            bad[at] ^= 0x01;
            assert_eq!(
                open(&key, "c1", &bad),
                Err(SnapshotError::Unreadable),
                "{at}"
            );
        }
        assert_eq!(
            open(&key, "c1", &sealed[..sealed.len() - 1]),
            Err(SnapshotError::Unreadable)
        );
        assert_eq!(open(&key, "c1", b"HRL"), Err(SnapshotError::Unreadable));
        assert_eq!(
            open(&new_key().unwrap(), "c1", &sealed),
            Err(SnapshotError::Unreadable)
        );
        assert_eq!(open(&key, "c2", &sealed), Err(SnapshotError::Unreadable));
        let not_base64 = SecretString::from("not a key!");
        assert_eq!(
            open(&not_base64, "c1", &sealed),
            Err(SnapshotError::Unreadable)
        );
    }
}
