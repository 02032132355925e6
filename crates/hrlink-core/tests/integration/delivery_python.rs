//! The backend guide's Python example (`docs/examples/open_envelope.py`, pyhpke) opens what
//! HR Link's core seals: a second, independent HPKE implementation agrees with ours. pyhpke is
//! installed into a venv under the target dir; without network the test says so and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hpke::{Kem, Serializable};
use hrlink_core::delivery::{Purpose, RawRecipient, Recipient, seal};
use secrecy::SecretSlice;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/open_envelope.py")
}

/// The venv's python with pyhpke, made once per target dir; `None` when it cannot be made.
fn python_with_pyhpke() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pyhpke-venv");
    let python = venv.join("bin/python");
    let has_pyhpke = |python: &Path| {
        Command::new(python)
            .args(["-c", "import pyhpke"])
            .status()
            .is_ok_and(|status| status.success())
    };
    if has_pyhpke(&python) {
        return Some(python);
    }
    let made = Command::new("python3")
        .arg("-m")
        .arg("venv")
        .arg(&venv)
        .status();
    let installed = made.is_ok_and(|s| s.success())
        && Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "pyhpke"])
            .status()
            .is_ok_and(|s| s.success());
    (installed && has_pyhpke(&python)).then_some(python)
}

#[test]
fn the_python_example_opens_what_hr_link_seals() {
    let Some(python) = python_with_pyhpke() else {
        eprintln!("NOTE: pyhpke could not be installed (offline?); the Python example was not run");
        return;
    };
    let (private, public) = hpke::kem::X25519HkdfSha256::gen_keypair();
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("product.key");
    std::fs::write(&key_file, private.to_bytes()).unwrap();
    let recipient = Recipient::from_raw(&RawRecipient {
        kem: "DHKEM(X25519, HKDF-SHA256)".into(),
        kdf: "HKDF-SHA256".into(),
        aead: "ChaCha20Poly1305".into(),
        key_id: "k1".into(),
        public_key: URL_SAFE_NO_PAD.encode(public.to_bytes()),
    })
    .unwrap();
    let document =
        r#"{"version":1,"credential":{"kind":"login","username":"api","password":"Pässwörd"}}"#;
    let envelope = seal(
        &recipient,
        Purpose::Connection,
        "enr_42",
        &SecretSlice::from(document.as_bytes().to_vec()),
    )
    .unwrap();
    let open = |purpose: &str, enrollment_id: &str| {
        let mut child = Command::new(&python)
            .arg(example())
            .args([purpose, enrollment_id])
            .arg(&key_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        serde_json::to_writer(child.stdin.take().unwrap(), &envelope).unwrap();
        child.wait_with_output().unwrap()
    };
    let opened = open("connection", "enr_42");
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    let opened: serde_json::Value = serde_json::from_slice(&opened.stdout).unwrap();
    assert_eq!(
        opened,
        serde_json::from_str::<serde_json::Value>(document).unwrap()
    );
    // Bound to the purpose and the enrollment: anything else does not open.
    assert!(!open("oauth-exchange", "enr_42").status.success());
    assert!(!open("connection", "enr_43").status.success());
}
