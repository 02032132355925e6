//! Sealing a secret for the product's backend (HANDOFF.md §2.2): RFC 9180 HPKE, base mode,
//! single shot, with the `hpke` crate. KEM DHKEM(X25519, HKDF-SHA256) 0x0020, KDF HKDF-SHA256
//! 0x0001, AEAD ChaCha20Poly1305 0x0003; `info` names the purpose, `aad` is the enrollment id;
//! every binary value is base64url without padding.

use base64::Engine;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, general_purpose::URL_SAFE_NO_PAD};
use hpke::{Deserializable, OpModeS, Serializable};
use secrecy::{ExposeSecret, SecretSlice};
use serde::{Deserialize, Serialize};

type Kem = hpke::kem::X25519HkdfSha256;
type Kdf = hpke::kdf::HkdfSha256;
type Aead = hpke::aead::ChaCha20Poly1305;

/// The suite's names exactly as the redeem answer's `recipient` spells them.
pub const KEM_NAME: &str = "DHKEM(X25519, HKDF-SHA256)";
/// See [`KEM_NAME`].
pub const KDF_NAME: &str = "HKDF-SHA256";
/// See [`KEM_NAME`].
pub const AEAD_NAME: &str = "ChaCha20Poly1305";

/// Reads base64url with or without padding (what we send never has it).
const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What an envelope is for: its HPKE `info`, so that one can never be opened as the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A browser sign-in's code handed to the backend (§2.3).
    OAuthExchange,
    /// The verified connection (§2.4).
    Connection,
}

impl Purpose {
    /// The HPKE `info` string (ASCII).
    pub fn info(self) -> &'static str {
        match self {
            Purpose::OAuthExchange => "hrlink/v1 oauth-exchange",
            Purpose::Connection => "hrlink/v1 connection",
        }
    }

    /// The last path segment of the enrollment's endpoint this envelope is posted to.
    pub fn action(self) -> &'static str {
        match self {
            Purpose::OAuthExchange => "oauth-exchange",
            Purpose::Connection => "connection",
        }
    }

    /// That endpoint as a template, for logs and the diagnostics journal (never the id).
    pub fn path_template(self) -> &'static str {
        match self {
            Purpose::OAuthExchange => "/hrlink/v1/enrollments/{enrollment_id}/oauth-exchange",
            Purpose::Connection => "/hrlink/v1/enrollments/{enrollment_id}/connection",
        }
    }
}

/// The `recipient` of a redeem answer, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RawRecipient {
    /// Must be [`KEM_NAME`].
    pub kem: String,
    /// Must be [`KDF_NAME`].
    pub kdf: String,
    /// Must be [`AEAD_NAME`].
    pub aead: String,
    /// The backend's name for the key, echoed in each envelope.
    pub key_id: String,
    /// The X25519 public key, base64url (32 bytes).
    pub public_key: String,
}

/// The backend's public key, checked: the suite is ours and the key is 32 bytes.
#[derive(Clone)]
pub struct Recipient {
    key_id: String,
    public_key: <Kem as hpke::Kem>::PublicKey,
}

impl std::fmt::Debug for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recipient")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

/// Why a recipient or an envelope could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// Another suite than ours, a key id that is not plain text, or a key that is not 32 bytes
    /// of base64url.
    #[error("the recipient key is not one HR Link can seal to")]
    UnusableRecipient,
    /// HPKE refused (a degenerate public key).
    #[error("sealing failed")]
    Failed,
}

impl Recipient {
    /// Checks the redeem answer's `recipient`.
    pub fn from_raw(raw: &RawRecipient) -> Result<Recipient, SealError> {
        let suite_ok = raw.kem == KEM_NAME && raw.kdf == KDF_NAME && raw.aead == AEAD_NAME;
        // The key id is only echoed back in each envelope (JSON-escaped): any text but none.
        if !suite_ok || raw.key_id.is_empty() {
            return Err(SealError::UnusableRecipient);
        }
        let bytes = URL_SAFE_LENIENT
            .decode(raw.public_key.trim())
            .map_err(|_| SealError::UnusableRecipient)?;
        let public_key = <Kem as hpke::Kem>::PublicKey::from_bytes(&bytes)
            .map_err(|_| SealError::UnusableRecipient)?;
        Ok(Recipient {
            key_id: raw.key_id.clone(),
            public_key,
        })
    }

    /// The backend's name for the key.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }
}

/// A sealed secret, the body of the two POSTs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Envelope {
    /// The recipient key's id.
    pub key_id: String,
    /// The encapsulated key, base64url without padding.
    pub enc: String,
    /// The ciphertext with its tag, base64url without padding.
    pub ciphertext: String,
}

/// Seals `plaintext` to `recipient` for `purpose`, bound to `enrollment_id` (the `aad`).
pub fn seal(
    recipient: &Recipient,
    purpose: Purpose,
    enrollment_id: &str,
    plaintext: &SecretSlice<u8>,
) -> Result<Envelope, SealError> {
    let (enc, ciphertext) = hpke::single_shot_seal::<Aead, Kdf, Kem>(
        &OpModeS::Base,
        &recipient.public_key,
        purpose.info().as_bytes(),
        plaintext.expose_secret(),
        enrollment_id.as_bytes(),
    )
    .map_err(|_| SealError::Failed)?;
    Ok(envelope(recipient, &enc, &ciphertext))
}

fn envelope(
    recipient: &Recipient,
    enc: &<Kem as hpke::Kem>::EncappedKey,
    ciphertext: &[u8],
) -> Envelope {
    Envelope {
        key_id: recipient.key_id.clone(),
        enc: URL_SAFE_NO_PAD.encode(enc.to_bytes()),
        ciphertext: URL_SAFE_NO_PAD.encode(ciphertext),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hpke::OpModeR;
    use std::convert::Infallible;

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    fn raw(public_key: &[u8]) -> RawRecipient {
        RawRecipient {
            kem: KEM_NAME.into(),
            kdf: KDF_NAME.into(),
            aead: AEAD_NAME.into(),
            key_id: "k1".into(),
            public_key: URL_SAFE_NO_PAD.encode(public_key),
        }
    }

    /// Hands out fixed bytes: the ephemeral key's `ikmE` of a test vector.
    struct FixedRng(Vec<u8>);

    impl hpke::rand_core::TryRng for FixedRng {
        type Error = Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Infallible> {
            unreachable!("HPKE asks for bytes")
        }
        fn try_next_u64(&mut self) -> Result<u64, Infallible> {
            unreachable!("HPKE asks for bytes")
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
            let rest = self.0.split_off(dst.len());
            dst.copy_from_slice(&self.0);
            self.0 = rest;
            Ok(())
        }
    }
    impl hpke::rand_core::TryCryptoRng for FixedRng {}

    /// RFC 9180 Appendix A.2.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305,
    /// base mode), sequence number 0: with the vector's ephemeral key our envelope carries
    /// exactly the vector's `enc` and ciphertext.
    #[test]
    fn rfc_9180_a_2_1_base_vector() {
        let pk_rm = hex("4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a");
        let sk_rm = hex("8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb");
        let ikm_e = hex("909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b");
        let enc = hex("1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a");
        let info = hex("4f6465206f6e2061204772656369616e2055726e");
        let aad = hex("436f756e742d30");
        let pt = hex("4265617574792069732074727574682c20747275746820626561757479");
        let ct = hex(
            "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28",
        );
        let recipient = Recipient::from_raw(&raw(&pk_rm)).unwrap();
        let (sealed_enc, sealed) = hpke::single_shot_seal_with_rng::<Aead, Kdf, Kem>(
            &OpModeS::Base,
            &recipient.public_key,
            &info,
            &pt,
            &aad,
            &mut FixedRng(ikm_e),
        )
        .unwrap();
        let envelope = envelope(&recipient, &sealed_enc, &sealed);
        assert_eq!(envelope.enc, URL_SAFE_NO_PAD.encode(&enc));
        assert_eq!(envelope.ciphertext, URL_SAFE_NO_PAD.encode(&ct));
        // And the receiver's side of the vector opens it.
        let sk = <Kem as hpke::Kem>::PrivateKey::from_bytes(&sk_rm).unwrap();
        let encapped = <Kem as hpke::Kem>::EncappedKey::from_bytes(&enc).unwrap();
        let opened = hpke::single_shot_open::<Aead, Kdf, Kem>(
            &OpModeR::Base,
            &sk,
            &encapped,
            &info,
            &ct,
            &aad,
        )
        .unwrap();
        assert_eq!(opened, pt);
    }

    fn open(
        sk: &<Kem as hpke::Kem>::PrivateKey,
        envelope: &Envelope,
        info: &str,
        aad: &str,
    ) -> Option<Vec<u8>> {
        let enc = URL_SAFE_NO_PAD.decode(&envelope.enc).ok()?;
        let ct = URL_SAFE_NO_PAD.decode(&envelope.ciphertext).ok()?;
        let enc = <Kem as hpke::Kem>::EncappedKey::from_bytes(&enc).ok()?;
        hpke::single_shot_open::<Aead, Kdf, Kem>(
            &OpModeR::Base,
            sk,
            &enc,
            info.as_bytes(),
            &ct,
            aad.as_bytes(),
        )
        .ok()
    }

    #[test]
    fn round_trip_binds_purpose_and_enrollment() {
        let (sk, pk) = <Kem as hpke::Kem>::gen_keypair();
        let recipient = Recipient::from_raw(&raw(&pk.to_bytes())).unwrap();
        let secret = SecretSlice::from(b"{\"kind\":\"login\"}".to_vec());
        let envelope = seal(&recipient, Purpose::Connection, "enr_1", &secret).unwrap();
        assert_eq!(envelope.key_id, "k1");
        assert!(!envelope.enc.contains('=') && !envelope.ciphertext.contains('='));
        assert!(!envelope.enc.contains('+') && !envelope.enc.contains('/'));
        assert_eq!(
            open(&sk, &envelope, "hrlink/v1 connection", "enr_1").as_deref(),
            Some(&b"{\"kind\":\"login\"}"[..])
        );
        assert_eq!(
            open(&sk, &envelope, "hrlink/v1 oauth-exchange", "enr_1"),
            None
        );
        assert_eq!(open(&sk, &envelope, "hrlink/v1 connection", "enr_2"), None);
        // Two seals of the same secret look nothing alike (a fresh ephemeral key each).
        let again = seal(&recipient, Purpose::Connection, "enr_1", &secret).unwrap();
        assert_ne!(again.enc, envelope.enc);
    }

    #[test]
    fn other_suites_and_bad_keys_are_refused() {
        let good = raw(&[9; 32]);
        assert!(Recipient::from_raw(&good).is_ok());
        // HANDOFF.md gives the key id no shape: any text is echoed back.
        let spaced = RawRecipient {
            key_id: "k 1".into(),
            ..good.clone()
        };
        assert_eq!(Recipient::from_raw(&spaced).unwrap().key_id(), "k 1");
        let padded = RawRecipient {
            public_key: base64::engine::general_purpose::URL_SAFE.encode([9; 32]),
            ..good.clone()
        };
        assert!(Recipient::from_raw(&padded).is_ok());
        for bad in [
            RawRecipient {
                aead: "AES-128-GCM".into(),
                ..good.clone()
            },
            RawRecipient {
                kem: "DHKEM(P-256, HKDF-SHA256)".into(),
                ..good.clone()
            },
            RawRecipient {
                kdf: "HKDF-SHA512".into(),
                ..good.clone()
            },
            RawRecipient {
                public_key: URL_SAFE_NO_PAD.encode([9; 31]),
                ..good.clone()
            },
            RawRecipient {
                public_key: "not base64!".into(),
                ..good.clone()
            },
            RawRecipient {
                key_id: String::new(),
                ..good.clone()
            },
        ] {
            assert_eq!(
                Recipient::from_raw(&bad).err(),
                Some(SealError::UnusableRecipient),
                "{bad:?}"
            );
        }
    }
}
