//! The app's log files, where users and support look for them (see [`crate::paths::log_dir`]):
//! `hrlink.log`, rotated at 1 MiB with the 4 before it kept (`hrlink.log.1` is the newest),
//! every file 0600 in a 0700 folder. What is written is what stderr shows: the same events,
//! and secrets never reach an event (they live in `secrecy` types, the HTTP client logs only
//! method, path and status). "Copy diagnostics" takes the last lines ([`last_lines`]).

use std::io::{BufRead, BufReader};
use std::path::Path;

use file_rotate::compression::Compression;
use file_rotate::suffix::AppendCount;
use file_rotate::{ContentLimit, FileRotate};

/// The current log file's name in the log folder.
pub const FILE_NAME: &str = "hrlink.log";
/// A file is rotated once it holds this many bytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Rotated files kept beside the current one.
pub const KEPT_FILES: usize = 4;
/// The longest log line the diagnostics take (the rest is cut).
const MAX_LINE_CHARS: usize = 400;

/// A writer to the log files in `dir`: created 0700 when missing; each file 0600.
pub fn open(dir: &Path) -> std::io::Result<FileRotate<AppendCount>> {
    crate::files::create_private_folder(dir)?;
    // As file-rotate opens its files, with the private mode added.
    let mut options = std::fs::OpenOptions::new();
    options.read(true).create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, crate::files::FILE_MODE);
    Ok(FileRotate::new(
        dir.join(FILE_NAME),
        AppendCount::new(KEPT_FILES),
        ContentLimit::BytesSurpassed(MAX_FILE_BYTES),
        Compression::None,
        Some(options),
    ))
}

/// The last `count` lines logged (oldest first, from the current file and the one before
/// it), each at most 400 characters, with the home folder shown as `~` (a path names the
/// user). Empty when there is no log.
pub fn last_lines(dir: &Path, count: usize) -> Vec<String> {
    let home = std::env::var("HOME").ok().filter(|home| home.len() > 1);
    let mut lines: Vec<String> = Vec::new();
    for file in [dir.join(format!("{FILE_NAME}.1")), dir.join(FILE_NAME)] {
        let Ok(opened) = std::fs::File::open(&file) else {
            continue;
        };
        lines.extend(BufReader::new(opened).lines().map_while(Result::ok));
        let excess = lines.len().saturating_sub(count);
        lines.drain(..excess);
    }
    lines
        .into_iter()
        .map(|line| {
            let line = match &home {
                Some(home) => line.replace(home.as_str(), "~"),
                None => line,
            };
            line.chars().take(MAX_LINE_CHARS).collect()
        })
        .collect()
}
