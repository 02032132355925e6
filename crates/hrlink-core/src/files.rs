//! The files HR Link keeps in its config dir (connection profiles, the wizard's draft): written
//! atomically, so a crash (even `kill -9`) leaves the old file or the new one, never half of one;
//! and, when unreadable, set aside rather than deleted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

fn nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Writes `bytes` to `file` atomically: a temp file in the same folder (named `.<name>.….tmp`,
/// so readers that skip dot-files never see it), fsync, rename over the old file, fsync the
/// folder. Creates the folder when needed.
pub fn write_atomic(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = file
        .parent()
        .ok_or_else(|| std::io::Error::other("a file without a folder"))?;
    std::fs::create_dir_all(folder)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{name}.{}-{}.tmp", std::process::id(), nanos()));
    let result = (|| {
        let mut out = std::fs::File::create(&temp)?;
        out.write_all(bytes)?;
        out.sync_all()?;
        drop(out);
        std::fs::rename(&temp, file)?;
        sync_folder(folder)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Renames an unreadable file to `<name>.corrupt-<timestamp>`, never deleting it; answers where
/// it is now (or still is, when it could not be moved).
pub fn set_aside(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let target = file.with_file_name(format!("{name}.corrupt-{}", nanos()));
    tracing::warn!(file = %name, "an unreadable file was set aside");
    match std::fs::rename(file, &target) {
        Ok(()) => target,
        Err(_) => file.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub").join("a.json");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.json")]);
    }

    #[test]
    fn set_aside_keeps_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.json");
        std::fs::write(&file, b"{broken").unwrap();
        let kept = set_aside(&file);
        assert!(!file.exists());
        assert!(kept.to_string_lossy().contains("b.json.corrupt-"));
        assert_eq!(std::fs::read(kept).unwrap(), b"{broken");
    }
}
