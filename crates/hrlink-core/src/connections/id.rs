//! A saved connection's id, safe as a file name and a keychain account.

use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};

/// A saved connection's id: lower-case letters, digits and `-`, so it is safe as a file name
/// and a keychain account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ConnectionId(String);

impl ConnectionId {
    /// Accepts 1 to 64 characters of `a-z`, `0-9` and `-`; `None` otherwise.
    pub fn parse(value: &str) -> Option<ConnectionId> {
        let valid = (1..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        valid.then(|| ConnectionId(value.to_owned()))
    }

    /// A new, unique id: time, process and a counter.
    pub fn generate() -> ConnectionId {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        ConnectionId(format!("c{nanos:x}-{:x}-{count:x}", std::process::id()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The keychain account holding this connection's secret.
    pub fn vault_account(&self) -> String {
        format!("connection-{}", self.0)
    }

    /// The keychain account holding the key of this connection's people snapshot.
    pub(super) fn snapshot_key_account(&self) -> String {
        format!("people-key-{}", self.0)
    }
}

impl std::fmt::Display for ConnectionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ConnectionId {
    type Error = String;
    fn try_from(value: String) -> Result<ConnectionId, String> {
        ConnectionId::parse(&value).ok_or_else(|| "invalid connection id".to_owned())
    }
}

impl From<ConnectionId> for String {
    fn from(id: ConnectionId) -> String {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_and_unique() {
        let (a, b) = (ConnectionId::generate(), ConnectionId::generate());
        assert_ne!(a, b);
        assert_eq!(ConnectionId::parse(a.as_str()), Some(a));
        for bad in ["", "../x", "A", "a/b", "a.json"] {
            assert!(ConnectionId::parse(bad).is_none(), "{bad}");
        }
    }
}
