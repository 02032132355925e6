//! Replays the fuzz seeds and every minimised crasher kept in `fuzz/` through the same property
//! checks the fuzz targets run (`hrlink_core::fuzzing`), so a fixed crash stays fixed without a
//! fuzzer in the ordinary test run.

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut files: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .flat_map(|kind| std::fs::read_dir(fuzz.join(kind).join(target)).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
}

fn replay(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no seeds for {target}");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("{} fails {target}'s properties", file.display());
        }
    }
}

#[test]
fn key_file_inputs_keep_their_properties() {
    replay("key_file", hrlink_core::fuzzing::key_file);
}

#[test]
fn iris_credentials_inputs_keep_their_properties() {
    replay("iris_credentials", hrlink_core::fuzzing::iris_credentials);
}

#[test]
fn roster_inputs_keep_their_properties() {
    replay("roster", hrlink_core::fuzzing::roster);
}

#[test]
fn link_inputs_keep_their_properties() {
    replay("link", hrlink_core::fuzzing::link);
}

/// The positive control: a property violation is caught (an echoing problem is reported).
#[test]
#[should_panic(expected = "echoes its input")]
fn an_echoing_problem_is_caught() {
    hrlink_core::fuzzing::assert_problem_not_echoed(
        &hrlink_core::Problem::ConfigurationInvalid {
            what: "SECRET-LONG-ENOUGH-TO-CHECK".into(),
        },
        "key: SECRET-LONG-ENOUGH-TO-CHECK",
    );
}
