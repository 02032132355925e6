//! A connection's profile: non-secret JSON in the app's config dir, one file per connection
//! (`<dir>/connections/<id>.json`), written atomically (temp file in the same folder, fsync,
//! rename). A file that does not parse is renamed to `<id>.json.corrupt-<timestamp>` and
//! reported, never deleted.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::ProviderId;

use super::{Alerted, ConnectionId, ConnectionStatus};
use crate::endpoints::BoundOrigins;

/// Version of the profile format.
pub const PROFILE_VERSION: u32 = 1;

/// The account a connection reached, to recognise it later (the "wrong company" check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFingerprint {
    /// The provider's id for the account.
    pub id: String,
    /// Its display name when saved.
    pub name: String,
    /// The name normalised for comparison (see [`normalise_name`]).
    pub normalised_name: String,
}

/// Everything HR Link keeps about a connection outside the keychain. Nothing secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Format version.
    pub version: u32,
    /// The connection's id (also the file name and the keychain account).
    pub id: ConnectionId,
    /// The admin's name for it.
    pub label: String,
    /// The HR system.
    pub provider: ProviderId,
    /// The account reached when it was saved.
    pub account: AccountFingerprint,
    /// The masked credential hint (access key or user name), empty for browser sign-ins.
    pub hint: String,
    /// Permissions granted when last verified.
    pub granted_permissions: Vec<String>,
    /// When it was saved (seconds since the Unix epoch).
    pub created_at: u64,
    /// When it was last verified, successfully or not.
    pub verified_at: u64,
    /// When it was last found connected.
    pub last_ok_at: Option<u64>,
    /// What the last check found.
    pub last_status: ConnectionStatus,
    /// Since when it has not been working: the first failed check after the last one that
    /// worked (seconds since the Unix epoch). `None` while it works, and in profiles written
    /// before this was recorded.
    #[serde(default)]
    pub failing_since: Option<u64>,
    /// The optional permissions the admin chose to share when saving or re-authorising: checks
    /// demand them with the required ones and warn when far more is granted. `None` in profiles
    /// written before the choice was recorded, and for connections saved without one (`hrlink
    /// verify --save` without `--permissions`): checks then probe every configured permission
    /// and demand only the required ones.
    #[serde(default)]
    pub chosen_permissions: Option<Vec<String>>,
    /// The addresses the connection was verified against: its secret goes nowhere else (see
    /// [`super::binding`]). `None` in profiles written before connections were bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origins: Option<BoundOrigins>,
    /// The admin's mapping of the HR system's categories onto the product's (local mode: the
    /// product reads it with `hrlink connections show <id> --json`). `None` without a mapping
    /// step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<crate::mapping::Mapping>,
    /// The HR categories the admin was shown when choosing `mapping`: on re-authorising, the
    /// others are marked new since. `None` when not recorded (a mapping file from the CLI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping_known: Option<crate::mapping::KnownCategories>,
    /// What a notification told about this connection since it last worked (see
    /// [`super::alerts`]); `None` while it works and when nothing was told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alerted: Option<Alerted>,
}

/// A profile file that could not be read; it was set aside under `set_aside_as`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorruptProfile {
    /// The file's original name.
    pub file_name: String,
    /// Where it is now (or still, when it could not be moved).
    pub set_aside_as: PathBuf,
}

/// Lower-cased, whitespace collapsed, with common legal-form punctuation removed, so that
/// `ACME  GmbH` and `Acme GmbH.` compare equal.
pub fn normalise_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The folder profiles live in.
pub fn folder(dir: &Path) -> PathBuf {
    dir.join("connections")
}

/// The profile file of `id`.
pub fn path(dir: &Path, id: &ConnectionId) -> PathBuf {
    folder(dir).join(format!("{}.json", id.as_str()))
}

/// The encrypted people snapshot of `id` (not a `.json` name: never read as a profile).
pub fn snapshot_path(dir: &Path, id: &ConnectionId) -> PathBuf {
    folder(dir).join(format!("{}.people", id.as_str()))
}

/// Writes `profile` atomically (see [`crate::files::write_atomic`]).
pub fn write(dir: &Path, profile: &Profile) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(profile).map_err(std::io::Error::other)?;
    crate::files::write_atomic(&path(dir, &profile.id), &json)
}

/// What reading one profile file found.
#[derive(Debug)]
pub enum Read {
    /// No such profile.
    Missing,
    /// The profile (boxed: far larger than the other variants).
    Found(Box<Profile>),
    /// The file did not parse and was set aside.
    Corrupt(CorruptProfile),
}

/// Reads one profile file; a file that does not parse (or names another id) is set aside.
pub fn read_file(file: &Path) -> std::io::Result<Read> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(error) => return Err(error),
    };
    let expected = file
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"))
        .unwrap_or_default();
    match serde_json::from_slice::<Profile>(&bytes) {
        Ok(profile) if profile.id.as_str() == expected => Ok(Read::Found(Box::new(profile))),
        _ => Ok(Read::Corrupt(set_aside(file))),
    }
}

/// Sets a broken profile aside (see [`crate::files::set_aside`]); never deletes it.
fn set_aside(file: &Path) -> CorruptProfile {
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    CorruptProfile {
        file_name,
        set_aside_as: crate::files::set_aside(file),
    }
}

/// Reads every profile in `dir`, sorted by creation time; temp files and set-aside files are
/// not profiles.
pub fn read_all(dir: &Path) -> std::io::Result<(Vec<Profile>, Vec<CorruptProfile>)> {
    let entries = match std::fs::read_dir(folder(dir)) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Vec::new(), Vec::new()));
        }
        Err(error) => return Err(error),
    };
    let (mut profiles, mut corrupt) = (Vec::new(), Vec::new());
    for entry in entries {
        let file = entry?.path();
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') || !name.ends_with(".json") {
            continue;
        }
        match read_file(&file)? {
            Read::Found(profile) => profiles.push(*profile),
            Read::Corrupt(c) => corrupt.push(c),
            Read::Missing => {}
        }
    }
    profiles.sort_by(|a, b| (a.created_at, a.id.as_str()).cmp(&(b.created_at, b.id.as_str())));
    Ok((profiles, corrupt))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample(id: &str, label: &str) -> Profile {
        Profile {
            version: PROFILE_VERSION,
            id: ConnectionId::parse(id).unwrap(),
            label: label.into(),
            provider: ProviderId::Hrworks,
            account: AccountFingerprint {
                id: "42".into(),
                name: "Acme GmbH".into(),
                normalised_name: normalise_name("Acme GmbH"),
            },
            hint: "••••••••1234".into(),
            granted_permissions: vec!["persons".into()],
            created_at: 1,
            verified_at: 2,
            last_ok_at: Some(2),
            last_status: ConnectionStatus::Connected,
            failing_since: None,
            chosen_permissions: Some(vec!["organization-units".into()]),
            origins: None,
            mapping: None,
            mapping_known: None,
            alerted: None,
        }
    }

    #[test]
    fn writes_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let profile = sample("c1", "Acme");
        write(dir.path(), &profile).unwrap();
        let mut changed = profile.clone();
        changed.label = "Acme HQ".into();
        write(dir.path(), &changed).unwrap();
        let (profiles, corrupt) = read_all(dir.path()).unwrap();
        assert_eq!(profiles, vec![changed]);
        assert!(corrupt.is_empty());
        // Only the profile is left: no temp file.
        let names: Vec<_> = std::fs::read_dir(folder(dir.path()))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("c1.json")]);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_and_reported_never_deleted() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &sample("good", "Good")).unwrap();
        let broken = folder(dir.path()).join("bad.json");
        std::fs::write(&broken, b"{\"version\": 1, \"id\": ").unwrap();
        let (profiles, corrupt) = read_all(dir.path()).unwrap();
        assert_eq!(profiles.len(), 1);
        assert_eq!(corrupt.len(), 1);
        assert_eq!(corrupt[0].file_name, "bad.json");
        assert!(!broken.exists());
        let kept = std::fs::read(&corrupt[0].set_aside_as).unwrap();
        assert_eq!(kept, b"{\"version\": 1, \"id\": ");
        assert!(
            corrupt[0]
                .set_aside_as
                .to_string_lossy()
                .contains("bad.json.corrupt-")
        );
        // Set aside once: the next listing is clean.
        let (_, again) = read_all(dir.path()).unwrap();
        assert!(again.is_empty());
    }

    #[test]
    fn a_profile_under_another_name_is_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &sample("c1", "A")).unwrap();
        std::fs::rename(
            path(dir.path(), &ConnectionId::parse("c1").unwrap()),
            folder(dir.path()).join("c2.json"),
        )
        .unwrap();
        let (profiles, corrupt) = read_all(dir.path()).unwrap();
        assert!(profiles.is_empty());
        assert_eq!(corrupt.len(), 1);
    }

    #[test]
    fn temp_files_are_not_profiles() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(folder(dir.path())).unwrap();
        std::fs::write(folder(dir.path()).join(".c1.1-2.tmp"), b"{").unwrap();
        let (profiles, corrupt) = read_all(dir.path()).unwrap();
        assert!(profiles.is_empty() && corrupt.is_empty());
    }

    #[test]
    fn a_profile_from_before_the_choice_was_recorded_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let mut json = serde_json::to_value(sample("old", "Old")).unwrap();
        json.as_object_mut().unwrap().remove("chosen_permissions");
        std::fs::create_dir_all(folder(dir.path())).unwrap();
        std::fs::write(
            folder(dir.path()).join("old.json"),
            serde_json::to_vec(&json).unwrap(),
        )
        .unwrap();
        let (profiles, corrupt) = read_all(dir.path()).unwrap();
        assert!(corrupt.is_empty());
        assert_eq!(profiles[0].chosen_permissions, None);
    }

    #[test]
    fn names_normalise() {
        assert_eq!(normalise_name("  ACME   GmbH."), "acme gmbh");
        assert_eq!(
            normalise_name("Müller & Söhne"),
            normalise_name("MÜLLER  &  SÖHNE")
        );
    }
}
