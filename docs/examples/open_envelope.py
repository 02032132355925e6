"""Opening an HR Link envelope in a product's backend, with pyhpke (HANDOFF.md section 2.2).

    python open_envelope.py PURPOSE ENROLLMENT_ID PRIVATE_KEY_FILE < envelope.json

PURPOSE is "connection" or "oauth-exchange"; PRIVATE_KEY_FILE holds the raw 32-byte X25519
private key whose public half the backend sent in the redeem answer's "recipient". Prints the
plaintext JSON. In a real backend, call open_envelope() from the handler of the POST.
"""

import base64
import json
import sys

from pyhpke import AEADId, CipherSuite, KDFId, KEMId

# RFC 9180 base mode: DHKEM(X25519, HKDF-SHA256) 0x0020, HKDF-SHA256 0x0001, ChaCha20Poly1305 0x0003.
SUITE = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.CHACHA20_POLY1305)
KEY_ID = "k1"  # the key_id your redeem answer named
INFO = {
    "connection": b"hrlink/v1 connection",
    "oauth-exchange": b"hrlink/v1 oauth-exchange",
}


def b64url(text: str) -> bytes:
    """base64url without padding, as HR Link writes it."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def open_envelope(private_key: bytes, envelope: dict, enrollment_id: str, purpose: str) -> dict:
    """The plaintext of an envelope sealed for `purpose` and bound to `enrollment_id` (the aad).
    Raises on a wrong key, purpose or enrollment: answer such a request with 400."""
    if envelope["key_id"] != KEY_ID:
        raise ValueError("sealed to another key")
    key = SUITE.kem.deserialize_private_key(private_key)
    # Single shot (RFC 9180 section 6.1): a recipient context, one open at sequence number 0.
    context = SUITE.create_recipient_context(b64url(envelope["enc"]), key, info=INFO[purpose])
    plaintext = context.open(b64url(envelope["ciphertext"]), aad=enrollment_id.encode("ascii"))
    return json.loads(plaintext)


if __name__ == "__main__":
    purpose, enrollment_id, key_file = sys.argv[1:4]
    with open(key_file, "rb") as file:
        private_key = file.read()
    print(json.dumps(open_envelope(private_key, json.load(sys.stdin), enrollment_id, purpose)))
