//! The wizard's draft survives a `kill -9` in the middle of writing it: the file left behind is
//! the old draft or the new one, never half of one (the writer runs in a child process that is
//! killed with SIGKILL, as `connections.rs` does for profiles).

use hrlink_core::ProviderId;
use hrlink_core::wizard::{self, DraftStep, Loaded, WizardDraft};

/// Set for the writer child: the config dir to write drafts into until killed.
const WRITER_MARKER: &str = "HRLINK_TEST_DRAFT_WRITER";

/// A draft of generation `n`: large enough (many permissions) that a write is more than one
/// syscall's worth of bytes, and every field tells its generation.
fn draft(n: u32) -> WizardDraft {
    WizardDraft {
        provider: ProviderId::Iris,
        optional: (0..32)
            .map(|i| format!("permission-{n}-{i:0>40}"))
            .collect(),
        guide_screen: n % 60,
        username: format!("user{n}"),
        step: DraftStep::Guide,
        target: None,
    }
}

#[test]
fn a_kill_during_a_draft_write_leaves_the_old_or_the_new_draft() {
    if !cfg!(unix) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    wizard::save(dir.path(), draft(0)).unwrap();
    let mut newest = 0;
    for round in 0..15u64 {
        let writer = crate::rerun(
            module_path!(),
            "writer_child",
            WRITER_MARKER,
            &dir.path().to_string_lossy(),
        );
        crate::kill_after_a_while(writer, round);
        let Loaded::Draft(found) = wizard::load(dir.path()) else {
            panic!("round {round}: the draft is gone or was set aside as unreadable");
        };
        let generation: u32 = found.username["user".len()..].parse().unwrap();
        assert_eq!(found, draft(generation), "round {round}: a mixed draft");
        newest = newest.max(generation);
    }
    assert!(
        newest > 0,
        "the writer never got to write: the test proved nothing"
    );
    // Leftover temp files may exist (dot-files), but nothing else.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == wizard::DRAFT_FILE || name.starts_with('.'),
            "{name}"
        );
    }
}

#[test]
#[ignore = "run by a_kill_during_a_draft_write_leaves_the_old_or_the_new_draft"]
fn writer_child() {
    let Some(dir) = crate::child_dir(WRITER_MARKER) else {
        return;
    };
    for generation in 1.. {
        wizard::save(&dir, draft(generation)).unwrap();
    }
}
