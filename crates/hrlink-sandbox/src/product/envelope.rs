//! Opening HR Link's envelopes, written from HANDOFF.md §2.2 alone: RFC 9180 base mode, single
//! shot, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / ChaCha20Poly1305; `info` the purpose,
//! `aad` the enrollment id; base64url without padding.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hpke::{Deserializable, Kem as _, OpModeR, Serializable};
use serde::Deserialize;

type Kem = hpke::kem::X25519HkdfSha256;
type Kdf = hpke::kdf::HkdfSha256;
type Aead = hpke::aead::ChaCha20Poly1305;

/// The product's key pair; a fresh one each time the Sandbox starts.
pub(crate) struct Keys {
    secret: <Kem as hpke::Kem>::PrivateKey,
    public: <Kem as hpke::Kem>::PublicKey,
}

/// An envelope as HR Link posts it.
#[derive(Deserialize)]
pub(crate) struct Envelope {
    key_id: String,
    enc: String,
    ciphertext: String,
}

/// The key id the product publishes.
pub(crate) const KEY_ID: &str = "k1";

impl Keys {
    pub(crate) fn generate() -> Keys {
        let (secret, public) = Kem::gen_keypair();
        Keys { secret, public }
    }

    /// The `recipient` of a redeem answer.
    pub(crate) fn recipient(&self) -> serde_json::Value {
        serde_json::json!({
            "kem": "DHKEM(X25519, HKDF-SHA256)",
            "kdf": "HKDF-SHA256",
            "aead": "ChaCha20Poly1305",
            "key_id": KEY_ID,
            "public_key": URL_SAFE_NO_PAD.encode(self.public.to_bytes()),
        })
    }

    /// The plaintext of `envelope`, when it was sealed to this key for `info` and bound to
    /// `enrollment_id`.
    pub(crate) fn open(
        &self,
        envelope: &Envelope,
        info: &str,
        enrollment_id: &str,
    ) -> Option<Vec<u8>> {
        if envelope.key_id != KEY_ID {
            return None;
        }
        let enc = URL_SAFE_NO_PAD.decode(&envelope.enc).ok()?;
        let ciphertext = URL_SAFE_NO_PAD.decode(&envelope.ciphertext).ok()?;
        let enc = <Kem as hpke::Kem>::EncappedKey::from_bytes(&enc).ok()?;
        hpke::single_shot_open::<Aead, Kdf, Kem>(
            &OpModeR::Base,
            &self.secret,
            &enc,
            info.as_bytes(),
            &ciphertext,
            enrollment_id.as_bytes(),
        )
        .ok()
    }
}
