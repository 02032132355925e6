//! One connection's refresh lock: an OS file lock on `<dir>/connections/<id>.lock`, so that
//! programs asking for the same connection at once never refresh with the same refresh token
//! (Employment Hero rotates it: the second refresh would be refused and break the connection).
//!
//! Held only around "refresh and store". The OS drops it when its holder exits, even by
//! `kill -9`, so a crashed caller never blocks the others.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::{ConnectionId, profile};
use crate::Problem;

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct ConnectionLock {
    _file: File,
}

fn path(dir: &Path, id: &ConnectionId) -> PathBuf {
    profile::folder(dir).join(format!("{id}.lock"))
}

impl ConnectionLock {
    /// Waits until no other caller (thread or process) holds `id`'s lock, then holds it.
    pub async fn acquire(dir: &Path, id: &ConnectionId) -> Result<ConnectionLock, Problem> {
        let file = path(dir, id);
        let problem = || Problem::ConfigurationInvalid {
            what: format!("the connections folder {}", profile::folder(dir).display()),
        };
        tokio::task::spawn_blocking(move || {
            let file = open(&file)?;
            file.lock()?;
            Ok::<_, std::io::Error>(ConnectionLock { _file: file })
        })
        .await
        .map_err(|_| problem())?
        .map_err(|_| problem())
    }
}

/// Opens (creating when needed) a lock file readable by its owner only.
pub(super) fn open(file: &Path) -> std::io::Result<File> {
    crate::files::open_private(
        file,
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
}

/// Removes `id`'s lock file (the connection is gone); nothing there is not an error.
pub fn remove(dir: &Path, id: &ConnectionId) {
    let _ = std::fs::remove_file(path(dir, id));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_holder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let id = ConnectionId::parse("c1").unwrap();
        let first = ConnectionLock::acquire(dir.path(), &id).await.unwrap();
        let (dir_path, waiting_id) = (dir.path().to_owned(), id.clone());
        let second =
            tokio::spawn(async move { ConnectionLock::acquire(&dir_path, &waiting_id).await });
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert!(!second.is_finished(), "the second caller must wait");
        drop(first);
        second.await.unwrap().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path(dir.path(), &id))
                .unwrap()
                .permissions();
            assert_eq!(mode.mode() & 0o777, 0o600);
        }
    }
}
