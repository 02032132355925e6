//! Who asked for access to which connection, and when: one JSON line per `hrlink credential get`
//! in `<dir>/connections/usage.log` (nothing secret: time, connection id, the calling program's
//! name and process id where the OS tells them). The last [`MAX_ENTRIES`] are kept; the
//! Connections screen and `hrlink connections list` show each connection's latest.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{ConnectionId, lock, profile};

/// How many uses the log keeps (the newest).
pub const MAX_ENTRIES: usize = 1_000;
/// The log's file name in the connections folder.
pub const LOG_FILE: &str = "usage.log";
/// Held while the log is appended to or trimmed, so that concurrent callers lose no line.
const LOCK_FILE: &str = "usage.lock";
/// Longest program name kept (Linux's `comm` is at most 15 bytes).
const MAX_NAME_CHARS: usize = 64;

/// The program asking for access.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Caller {
    /// Its executable's name, when the OS tells it.
    pub name: Option<String>,
    /// Its process id, when the OS tells it.
    pub pid: Option<u32>,
}

impl Caller {
    /// The process that started this one: the product that ran `hrlink credential get`. Its
    /// name is read from `/proc/<pid>/comm` on Linux; elsewhere only the pid is known.
    pub fn parent() -> Caller {
        #[cfg(unix)]
        {
            let pid = std::os::unix::process::parent_id();
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .ok()
                .and_then(|comm| plain_name(&comm));
            Caller {
                name,
                pid: Some(pid),
            }
        }
        #[cfg(not(unix))]
        Caller::default()
    }
}

/// A program name as shown: printable characters only, trimmed and bounded; `None` when
/// nothing is left.
fn plain_name(raw: &str) -> Option<String> {
    let name: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    (!name.trim().is_empty()).then(|| name.trim().to_owned())
}

/// A connection's latest use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LastUse {
    /// When (Unix seconds; `u32`, as the other times the app shows).
    pub at: u32,
    /// The calling program's name, when known.
    pub by: Option<String>,
}

/// One line of the log.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    at: u64,
    connection: ConnectionId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pid: Option<u32>,
}

fn log_path(dir: &Path) -> PathBuf {
    profile::folder(dir).join(LOG_FILE)
}

/// Records that `caller` was handed access to `id` at `at`. The oldest lines go once the log
/// holds [`MAX_ENTRIES`].
pub fn record(
    dir: &Path,
    id: &ConnectionId,
    caller: &Caller,
    at: SystemTime,
) -> std::io::Result<()> {
    let entry = Entry {
        at: at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        connection: id.clone(),
        by: caller.name.as_deref().and_then(plain_name),
        pid: caller.pid,
    };
    let mut line = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
    line.push('\n');
    let held = lock::open(&profile::folder(dir).join(LOCK_FILE))?;
    held.lock()?;
    let log = log_path(dir);
    let existing = match std::fs::read_to_string(&log) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error),
    };
    let kept = existing.lines().count();
    if kept < MAX_ENTRIES {
        return open_for_append(&log)?.write_all(line.as_bytes());
    }
    let mut trimmed: String = existing
        .lines()
        .skip(kept + 1 - MAX_ENTRIES)
        .flat_map(|l| [l, "\n"])
        .collect();
    trimmed.push_str(&line);
    crate::files::write_atomic(&log, trimmed.as_bytes())
}

/// Each connection's latest use, from the log (an unreadable log or line is no use recorded).
pub fn last_uses(dir: &Path) -> HashMap<ConnectionId, LastUse> {
    let text = std::fs::read_to_string(log_path(dir)).unwrap_or_default();
    let mut latest = HashMap::new();
    for entry in text
        .lines()
        .filter_map(|l| serde_json::from_str::<Entry>(l).ok())
    {
        latest.insert(
            entry.connection,
            LastUse {
                at: u32::try_from(entry.at).unwrap_or(u32::MAX),
                by: entry.by,
            },
        );
    }
    latest
}

/// Opens the log for appending (created readable by its owner only).
fn open_for_append(log: &Path) -> std::io::Result<std::fs::File> {
    crate::files::open_private(log, std::fs::OpenOptions::new().append(true).create(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> ConnectionId {
        ConnectionId::parse(name).unwrap()
    }

    fn acme() -> Caller {
        Caller {
            name: Some("acme-sync".into()),
            pid: Some(4242),
        }
    }

    #[test]
    fn the_latest_use_per_connection_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let t = |s: u64| UNIX_EPOCH + std::time::Duration::from_secs(s);
        record(dir.path(), &id("c1"), &acme(), t(10)).unwrap();
        record(dir.path(), &id("c2"), &Caller::default(), t(20)).unwrap();
        let python = Caller {
            name: Some("python3\n".into()),
            pid: Some(7),
        };
        record(dir.path(), &id("c1"), &python, t(30)).unwrap();
        let uses = last_uses(dir.path());
        assert_eq!(
            uses[&id("c1")],
            LastUse {
                at: 30,
                by: Some("python3".into())
            }
        );
        assert_eq!(uses[&id("c2")], LastUse { at: 20, by: None });
        let text = std::fs::read_to_string(log_path(dir.path())).unwrap();
        assert!(text.contains(r#""pid":4242"#), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(log_path(dir.path()))
                .unwrap()
                .permissions();
            assert_eq!(mode.mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn the_log_keeps_the_newest_thousand() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..(MAX_ENTRIES as u64 + 5) {
            let at = UNIX_EPOCH + std::time::Duration::from_secs(n);
            record(dir.path(), &id("c1"), &acme(), at).unwrap();
        }
        let text = std::fs::read_to_string(log_path(dir.path())).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), MAX_ENTRIES);
        assert!(lines[0].contains(r#""at":5,"#), "{}", lines[0]);
        assert_eq!(last_uses(dir.path())[&id("c1")].at, MAX_ENTRIES as u32 + 4);
    }

    #[test]
    fn names_are_printable_and_bounded() {
        assert_eq!(plain_name(" acme\u{1b}]52 \n"), Some("acme]52".into()));
        assert_eq!(plain_name("\n"), None);
        assert_eq!(plain_name(&"x".repeat(100)).unwrap().len(), MAX_NAME_CHARS);
    }
}
