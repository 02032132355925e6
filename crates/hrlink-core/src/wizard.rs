//! The wizard's draft: how far a half-finished set-up got, kept in the config dir so that it can
//! be resumed after a restart (or a crash).
//!
//! Nothing secret and nothing personal is in it, by construction: the type has no field for a
//! key, a password, a token or staged credentials, and a file or an IPC value with any other
//! field is refused (`deny_unknown_fields`). The one user name it keeps is the API user's, for
//! the systems that have one (iPayroll's planned API user, IRIS's generated one), and only when
//! it has the shape that system gives user names: a password pasted into the user-name field,
//! a whole key block or a token is dropped before writing. The file is written atomically and
//! privately (0600); an unreadable one, or one written by another version of HR Link, is set
//! aside and the wizard starts afresh.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::connections::ConnectionId;
use crate::providers;
use crate::{Problem, ProviderId};

/// Version of the draft file's format (2: one `username`, named by credential kind).
pub const DRAFT_VERSION: u32 = 2;

/// The draft's file name in the config dir.
pub const DRAFT_FILE: &str = "wizard-draft.json";

/// Longest IRIS user name kept; anything longer is not a user name.
const MAX_NAME: usize = 64;
/// Most optional permissions kept, and the longest id.
const MAX_PERMISSIONS: usize = 32;
const MAX_PERMISSION_ID: usize = 64;
/// Highest guide screen index kept.
const MAX_GUIDE_SCREEN: u32 = 64;

/// The furthest step the admin reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DraftStep {
    /// Choosing what to share.
    Scopes,
    /// The guide for creating the API user or key (at `guide_screen`).
    Guide,
    /// Handing over the credentials.
    Credentials,
    /// Checking them, or past the check (result, people, saving): resumes at the credentials,
    /// which were deliberately not kept.
    Verification,
}

/// A half-finished wizard, without anything secret or personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct WizardDraft {
    /// The chosen HR system.
    pub provider: ProviderId,
    /// The optional permissions chosen (ids from the provider's guide).
    pub optional: Vec<String>,
    /// The guide screen shown last (0-based).
    pub guide_screen: u32,
    /// The API user's user name, for a system that has one: the planned iPayroll API user
    /// (kept only when it follows iPayroll's rule) or IRIS's generated one (never its password);
    /// empty otherwise.
    pub username: String,
    /// The furthest step reached.
    pub step: DraftStep,
    /// The saved connection being re-authorised, if any.
    pub target: Option<String>,
}

impl WizardDraft {
    /// The draft as it may be written: a user name without the shape of the system's user
    /// names, unknown shapes of permission ids and a malformed target are dropped.
    pub fn sanitised(mut self) -> WizardDraft {
        if !has_the_user_name_shape(self.provider, &self.username) {
            self.username.clear();
        }
        self.optional.retain(|id| {
            (1..=MAX_PERMISSION_ID).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_-.:".contains(&b))
        });
        self.optional.truncate(MAX_PERMISSIONS);
        self.guide_screen = self.guide_screen.min(MAX_GUIDE_SCREEN);
        self.target = self.target.filter(|id| ConnectionId::parse(id).is_some());
        self
    }
}

/// Whether `name` has the shape `provider` gives its API users' names (see
/// [`crate::providers::Provider::has_user_name_shape`]).
fn has_the_user_name_shape(provider: ProviderId, name: &str) -> bool {
    name.len() <= MAX_NAME && providers::provider(provider).has_user_name_shape(name)
}

/// The file on disk: the draft with its format version.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    version: u32,
    draft: WizardDraft,
}

/// The draft file in `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(DRAFT_FILE)
}

/// Writes the draft (sanitised) atomically.
pub fn save(dir: &Path, draft: WizardDraft) -> Result<(), Problem> {
    let stored = Stored {
        version: DRAFT_VERSION,
        draft: draft.sanitised(),
    };
    let json = serde_json::to_vec_pretty(&stored).map_err(|_| Problem::DraftNotSaved)?;
    crate::files::write_atomic(&path(dir), &json).map_err(|error| {
        tracing::warn!(%error, "the wizard's draft could not be written");
        Problem::DraftNotSaved
    })
}

/// What reading the draft found.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// No draft: start afresh.
    None,
    /// A draft to offer to resume.
    Draft(WizardDraft),
    /// The file was unreadable, or from a newer HR Link: set aside (here), start afresh.
    SetAside(PathBuf),
}

/// Reads the draft; a file that does not parse, or has another version, is set aside.
pub fn load(dir: &Path) -> Loaded {
    let file = path(dir);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Loaded::None,
        Err(error) => {
            tracing::warn!(%error, "the wizard's draft could not be read");
            return Loaded::None;
        }
    };
    match serde_json::from_slice::<Stored>(&bytes) {
        Ok(stored) if stored.version == DRAFT_VERSION => Loaded::Draft(stored.draft.sanitised()),
        _ => Loaded::SetAside(crate::files::set_aside(&file)),
    }
}

/// Removes the draft (the connection was saved, or the admin started again).
pub fn clear(dir: &Path) -> Result<(), Problem> {
    match std::fs::remove_file(path(dir)) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => Err(Problem::DraftNotSaved),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> WizardDraft {
        WizardDraft {
            provider: ProviderId::Ipayroll,
            optional: vec!["leave".into()],
            guide_screen: 2,
            username: "49764apihrlink".into(),
            step: DraftStep::Guide,
            target: None,
        }
    }

    #[test]
    fn round_trips_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), Loaded::None);
        save(dir.path(), sample()).unwrap();
        assert_eq!(load(dir.path()), Loaded::Draft(sample()));
        let mut later = sample();
        later.step = DraftStep::Verification;
        save(dir.path(), later.clone()).unwrap();
        assert_eq!(load(dir.path()), Loaded::Draft(later));
        clear(dir.path()).unwrap();
        clear(dir.path()).unwrap();
        assert_eq!(load(dir.path()), Loaded::None);
        // No temp file left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    fn set_aside_with(content: &[u8]) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), content).unwrap();
        let Loaded::SetAside(kept) = load(dir.path()) else {
            panic!("not set aside: {}", String::from_utf8_lossy(content));
        };
        assert!(!path(dir.path()).exists());
        assert_eq!(std::fs::read(kept).unwrap(), content);
        assert_eq!(load(dir.path()), Loaded::None);
    }

    #[test]
    fn a_corrupt_draft_is_set_aside() {
        set_aside_with(b"{\"version\": 1, \"draft\": {\"provider\": ");
        set_aside_with(b"\x00\xff not json");
        set_aside_with(b"{\"version\": 1, \"draft\": {\"provider\": \"nope\"}}");
    }

    #[test]
    fn a_draft_from_another_version_is_set_aside() {
        let json = serde_json::json!({"version": DRAFT_VERSION + 1, "draft": sample()});
        set_aside_with(json.to_string().as_bytes());
        // Version 1 named its user names by provider.
        let json = serde_json::json!({"version": 1, "draft": {
            "provider": "iris", "optional": [], "guide_screen": 0, "api_username": "",
            "iris_username": "sbx-api-valid", "step": "guide", "target": null}});
        set_aside_with(json.to_string().as_bytes());
    }

    #[test]
    fn a_draft_with_a_secret_field_is_refused() {
        // An older or tampered UI cannot smuggle the key text into the draft: the type has no
        // such field and refuses unknown ones.
        let mut json = serde_json::to_value(sample()).unwrap();
        json["keyText"] = "CANARY-SECRET".into();
        assert!(serde_json::from_value::<WizardDraft>(json).is_err());
        let fields: Vec<String> = match serde_json::to_value(sample()).unwrap() {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            _ => unreachable!(),
        };
        assert_eq!(
            fields,
            [
                "guide_screen",
                "optional",
                "provider",
                "step",
                "target",
                "username"
            ]
        );
    }

    #[test]
    fn a_secret_typed_into_a_name_field_is_not_written() {
        const CANARY: &str = "CANARY s3cr3t-Pa55 word";
        let dir = tempfile::tempdir().unwrap();
        let draft = WizardDraft {
            username: CANARY.into(),
            optional: vec![CANARY.into(), "x".repeat(65)],
            target: Some(CANARY.into()),
            ..sample()
        };
        save(dir.path(), draft).unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        assert!(!text.contains("CANARY"), "{text}");
        let Loaded::Draft(back) = load(dir.path()) else {
            panic!("no draft")
        };
        assert!(back.username.is_empty());
        assert!(back.optional.is_empty() && back.target.is_none());
        // A real iPayroll API user name and re-authorisation target are kept.
        let kept = WizardDraft {
            target: Some("c1".into()),
            ..sample()
        };
        assert_eq!(kept.clone().sanitised(), kept);
    }

    #[test]
    fn a_password_pasted_into_the_iris_user_name_field_is_not_written() {
        // IRIS generates both; its passwords carry symbols its user names never do.
        const PASSWORD: &str = "Sbx!Valid-7Kq2Rw9P";
        let iris = |username: &str| WizardDraft {
            provider: ProviderId::Iris,
            username: username.into(),
            ..sample()
        };
        let dir = tempfile::tempdir().unwrap();
        for pasted in [
            PASSWORD,
            "p@ss#word",
            "-starts-with-a-dash",
            &"a".repeat(65),
        ] {
            save(dir.path(), iris(pasted)).unwrap();
            let text = std::fs::read_to_string(path(dir.path())).unwrap();
            assert!(!text.contains(pasted), "{pasted} was written: {text}");
        }
        // Generated user names are kept.
        for name in ["sbx-api-valid", "hrlink.api@acme", "HRLINK_API_01"] {
            assert_eq!(iris(name).sanitised(), iris(name), "{name}");
        }
        // A system without a user name keeps none, whatever was typed.
        let hrworks = WizardDraft {
            provider: ProviderId::Hrworks,
            username: "49764apihrlink".into(),
            ..sample()
        };
        assert!(hrworks.sanitised().username.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn the_draft_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), sample()).unwrap();
        let mode = std::fs::metadata(path(dir.path()))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
