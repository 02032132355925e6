//! The wizard's draft: how far a half-finished set-up got, kept in the config dir so that it can
//! be resumed after a restart (or a crash).
//!
//! Nothing secret and nothing personal is in it, by construction: the type has no field for a
//! key, a password, a token or staged credentials, and a file or an IPC value with any other
//! field is refused (`deny_unknown_fields`). The two user names it keeps are API users' names;
//! a value that does not look like one (a pasted password with spaces, a whole key block) is
//! dropped before writing. The file is written atomically; an unreadable one, or one written by
//! a newer HR Link, is set aside and the wizard starts afresh.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::connections::ConnectionId;
use crate::providers::ipayroll::check_api_username;
use crate::{Problem, ProviderId};

/// Version of the draft file's format.
pub const DRAFT_VERSION: u32 = 1;

/// The draft's file name in the config dir.
pub const DRAFT_FILE: &str = "wizard-draft.json";

/// Longest user name kept; anything longer is not a user name.
const MAX_NAME: usize = 128;
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
    /// The planned iPayroll API user name (kept only when it follows iPayroll's rule).
    pub api_username: String,
    /// The IRIS API user's name (never its password).
    pub iris_username: String,
    /// The furthest step reached.
    pub step: DraftStep,
    /// The saved connection being re-authorised, if any.
    pub target: Option<String>,
}

impl WizardDraft {
    /// The draft as it may be written: user names that do not look like user names, unknown
    /// shapes of permission ids and a malformed target are dropped.
    pub fn sanitised(mut self) -> WizardDraft {
        if check_api_username(&self.api_username, None).is_err() {
            self.api_username.clear();
        }
        if !looks_like_a_user_name(&self.iris_username) {
            self.iris_username.clear();
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

/// One word, printable, of a user name's length: a password pasted with spaces, a key block or a
/// long token is not.
fn looks_like_a_user_name(name: &str) -> bool {
    name.chars().count() <= MAX_NAME && !name.chars().any(|c| c.is_whitespace() || c.is_control())
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
            api_username: "49764apihrlink".into(),
            iris_username: String::new(),
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
    fn a_draft_from_a_newer_version_is_set_aside() {
        let json = serde_json::json!({"version": DRAFT_VERSION + 1, "draft": sample()});
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
                "api_username",
                "guide_screen",
                "iris_username",
                "optional",
                "provider",
                "step",
                "target"
            ]
        );
    }

    #[test]
    fn a_secret_typed_into_a_name_field_is_not_written() {
        const CANARY: &str = "CANARY s3cr3t-Pa55 word";
        let dir = tempfile::tempdir().unwrap();
        let draft = WizardDraft {
            api_username: CANARY.into(),
            iris_username: CANARY.into(),
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
        assert!(back.api_username.is_empty() && back.iris_username.is_empty());
        assert!(back.optional.is_empty() && back.target.is_none());
        // A real IRIS user name and re-authorisation target are kept.
        let kept = WizardDraft {
            iris_username: "hrlink.api@acme".into(),
            target: Some("c1".into()),
            ..sample()
        };
        assert_eq!(kept.clone().sanitised(), kept);
    }
}
