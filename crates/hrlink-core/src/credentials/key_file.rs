//! Reading a key file the admin chose in the system's file dialog. Only a regular file is read
//! (a FIFO would block, `/dev/zero` never ends, a folder is no key), and never more than
//! [`MAX_CREDENTIAL_TEXT_BYTES`] + 1 bytes whatever its size claims or becomes meanwhile.

use std::io::Read;
use std::path::Path;

use secrecy::zeroize::Zeroizing;

use super::MAX_CREDENTIAL_TEXT_BYTES;
use crate::Problem;

/// The bytes of the key file at `path`: [`Problem::FileUnreadable`] for anything but a readable
/// regular file, [`Problem::KeyFileNotText`] past the size cap. Blocking: call it off the UI
/// thread.
pub fn read_key_file(path: &Path) -> Result<Zeroizing<Vec<u8>>, Problem> {
    // Checked before opening: opening a FIFO waits for a writer.
    let regular = |metadata: std::fs::Metadata| metadata.is_file();
    if !std::fs::metadata(path).is_ok_and(regular) {
        return Err(Problem::FileUnreadable);
    }
    let file = std::fs::File::open(path).map_err(|_| Problem::FileUnreadable)?;
    // And again on what was opened, in case the path was swapped in between.
    if !file.metadata().is_ok_and(regular) {
        return Err(Problem::FileUnreadable);
    }
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_CREDENTIAL_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Problem::FileUnreadable)?;
    if bytes.len() > MAX_CREDENTIAL_TEXT_BYTES {
        return Err(Problem::KeyFileNotText);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_small_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("key.txt");
        std::fs::write(&key, "Access Key: A\n").unwrap();
        assert_eq!(read_key_file(&key).unwrap().as_slice(), b"Access Key: A\n");

        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; MAX_CREDENTIAL_TEXT_BYTES + 1]).unwrap();
        assert_eq!(read_key_file(&big).err(), Some(Problem::KeyFileNotText));

        // A FIFO nobody writes to would block the reader forever; a device never ends.
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        for not_a_file in [fifo.as_path(), Path::new("/dev/zero"), dir.path()] {
            assert_eq!(
                read_key_file(not_a_file).err(),
                Some(Problem::FileUnreadable),
                "{}",
                not_a_file.display()
            );
        }
        assert_eq!(
            read_key_file(&dir.path().join("missing")).err(),
            Some(Problem::FileUnreadable)
        );
    }
}
