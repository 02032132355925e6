//! Every file HR Link writes (connection profiles, the encrypted people snapshot, the wizard's
//! draft, and the files the admin saves: the hand-off page, the people export), written in one
//! place so that all of them are private and whole:
//!
//! - private from the start: files are created 0600 and folders 0700 (`OpenOptions::mode`,
//!   `DirBuilder::mode`), never created readable and narrowed afterwards, so no other account
//!   on the machine can read them even for a moment;
//! - atomic: a temp file, fsync, rename over the old file, so a crash (even `kill -9`) leaves
//!   the old file or the new one, never half of one;
//! - and, when unreadable, set aside rather than deleted.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Permissions of every file HR Link creates: the owner reads and writes, no one else.
pub const FILE_MODE: u32 = 0o600;
/// Permissions of every folder HR Link creates: the owner only.
pub const FOLDER_MODE: u32 = 0o700;

fn nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Creates `folder` and any missing parents, each 0700 from the start. Folders that already
/// exist keep their permissions (they may be the admin's own, such as the export's folder).
pub fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, FOLDER_MODE);
    builder.create(folder)
}

/// Opens `file` with `options`, creating it 0600 (and its folder 0700) when the options create
/// it: for files HR Link appends to or locks rather than replaces (the usage log, lock files).
pub fn open_private(file: &Path, options: &mut OpenOptions) -> std::io::Result<File> {
    if let Some(folder) = file.parent() {
        create_private_folder(folder)?;
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, FILE_MODE);
    options.open(file)
}

/// Creates a new file at `path`, 0600 from the start; fails when something is already there
/// (so a planted file or symlink is never written through).
fn create_private_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path)
}

/// Writes `bytes` to `file` in HR Link's config dir, atomically and privately (see
/// [`write_chosen_file`]). Creates the folder (0700) when needed.
pub fn write_atomic(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    create_private_folder(folder_of(file)?)?;
    write_chosen_file(file, bytes)
}

/// Writes `bytes` to `file`, a place the admin chose (its folder must exist), atomically and
/// privately: a new 0600 temp file in the same folder (named `.<name>.….tmp`, so readers that
/// skip dot-files never see it), fsync, rename over the old file, fsync the folder.
pub fn write_chosen_file(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = folder_of(file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{name}.{}-{}.tmp", std::process::id(), nanos()));
    let result = (|| {
        let mut out = create_private_file(&temp)?;
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

fn folder_of(file: &Path) -> std::io::Result<&Path> {
    file.parent()
        .ok_or_else(|| std::io::Error::other("a file without a folder"))
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
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

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_created_private_whatever_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("new").join("deeper").join("a.json");
        write_atomic(&file, b"one").unwrap();
        assert_eq!(mode(&file), FILE_MODE);
        assert_eq!(mode(&dir.path().join("new")), FOLDER_MODE);
        assert_eq!(mode(&dir.path().join("new").join("deeper")), FOLDER_MODE);
        // Replacing a file the admin made readable gives a private one.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(mode(&file), FILE_MODE);
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
