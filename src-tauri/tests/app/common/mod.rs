//! Helpers shared by the integration tests.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The commands the app's invoke handler serves, from the live `specta_builder()` (exported as
/// TypeScript, whose every command is an `__TAURI_INVOKE("name", ...)` call).
pub fn served_commands() -> BTreeSet<String> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "hrlink-test-bindings-{}-{}.ts",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    hrlink_desktop_lib::specta_builder()
        .export(specta_typescript::Typescript::default(), &path)
        .expect("export TypeScript bindings");
    let ts = std::fs::read_to_string(&path).expect("read exported bindings");
    let _ = std::fs::remove_file(&path);
    let marker = "__TAURI_INVOKE";
    let mut names = BTreeSet::new();
    let mut rest = ts.as_str();
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        let Some(open) = rest.find("(\"") else { break };
        let between = &rest[..open];
        let is_call = between.is_empty()
            || (between.starts_with('<')
                && between.ends_with('>')
                && !between.contains(['(', '\n']));
        if is_call {
            let name = &rest[open + 2..];
            let name = &name[..name.find('"').expect("closing quote")];
            names.insert(name.to_owned());
        }
    }
    assert!(
        !names.is_empty(),
        "found no __TAURI_INVOKE calls in the exported bindings: update this parser"
    );
    names
}

/// Fails unless `path` and everything under it is private (folders 0700, files 0600), naming
/// the first one that is not.
#[cfg(unix)]
pub fn assert_private(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::symlink_metadata(path).unwrap();
    let mode = meta.permissions().mode() & 0o777;
    if meta.is_dir() {
        assert_eq!(mode, 0o700, "the folder {} is {mode:o}", path.display());
        for entry in std::fs::read_dir(path).unwrap() {
            assert_private(&entry.unwrap().path());
        }
    } else {
        assert_eq!(mode, 0o600, "the file {} is {mode:o}", path.display());
    }
}
