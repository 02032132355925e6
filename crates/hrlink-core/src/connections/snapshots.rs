//! The people the admin confirmed for a saved connection, kept encrypted beside its profile.

use super::profile;
use super::store::folder_problem;
use super::{ConnectionId, ConnectionStore, vault_problem};
use crate::Problem;
use crate::people::Person;
use crate::people::snapshot::{self, Snapshot, SnapshotError};

/// The problem to show for a snapshot that could not be sealed or opened.
fn snapshot_problem(error: &SnapshotError) -> Problem {
    match error {
        SnapshotError::Unreadable => Problem::PeopleSnapshotUnreadable,
        // No randomness: the platform is broken, nothing the admin can fix here.
        SnapshotError::NoRandomness => Problem::ConfigurationInvalid {
            what: "the system's random number generator".to_owned(),
        },
    }
}

impl ConnectionStore {
    /// Keeps `people` as the list the admin confirmed for `id` just now, encrypted (see
    /// [`crate::people::snapshot`]): the connection's snapshot key from the keychain (created
    /// and stored on first use), then the file, written atomically.
    pub async fn save_people_snapshot(
        &self,
        id: &ConnectionId,
        people: &[Person],
    ) -> Result<(), Problem> {
        self.profile(id)?;
        let account = id.snapshot_key_account();
        let key = match self
            .vault
            .read(&account)
            .await
            .map_err(|e| vault_problem(&e))?
        {
            Some(key) => key,
            None => {
                let key = snapshot::new_key().map_err(|e| snapshot_problem(&e))?;
                self.vault
                    .store(&account, &key)
                    .await
                    .map_err(|e| vault_problem(&e))?;
                key
            }
        };
        let snapshot = Snapshot {
            confirmed_at: profile::now(),
            people: people.to_vec(),
        };
        let sealed =
            snapshot::seal(&key, id.as_str(), &snapshot).map_err(|e| snapshot_problem(&e))?;
        crate::files::write_atomic(&profile::snapshot_path(&self.dir, id), &sealed)
            .map_err(|_| folder_problem(&self.dir))
    }

    /// The people last confirmed for `id`; `None` when none were kept. A changed or damaged
    /// file, or a key no longer in the keychain, is [`Problem::PeopleSnapshotUnreadable`]
    /// (the caller goes on as without a snapshot); a locked keychain is its own problem.
    pub async fn people_snapshot(&self, id: &ConnectionId) -> Result<Option<Snapshot>, Problem> {
        let bytes = match std::fs::read(profile::snapshot_path(&self.dir, id)) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(_) => return Err(folder_problem(&self.dir)),
        };
        let key = self
            .vault
            .read(&id.snapshot_key_account())
            .await
            .map_err(|e| vault_problem(&e))?
            .ok_or(Problem::PeopleSnapshotUnreadable)?;
        let snapshot = snapshot::open(&key, id.as_str(), &bytes).map_err(|e| {
            tracing::warn!("a people snapshot does not open; treated as absent");
            snapshot_problem(&e)
        })?;
        Ok(Some(snapshot))
    }

    /// Removes the people snapshot of `id` and its key (nothing there is not an error).
    pub(super) async fn remove_people_snapshot(&self, id: &ConnectionId) -> Result<(), Problem> {
        self.vault
            .delete(&id.snapshot_key_account())
            .await
            .map_err(|e| vault_problem(&e))?;
        match std::fs::remove_file(profile::snapshot_path(&self.dir, id)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(folder_problem(&self.dir))
            }
            _ => Ok(()),
        }
    }
}
