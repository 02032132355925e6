//! The properties the fuzz targets (`fuzz/`) check on every input, kept here so that the
//! targets and the regression test (`tests/integration/fuzz_regressions.rs`, which replays the
//! kept corpus and minimised crashers in the ordinary test run) check exactly the same thing.
//!
//! Each function panics when a property fails; libFuzzer reports a panic as a crash.

use secrecy::ExposeSecret;

use crate::Problem;

/// Inputs shorter than this are not checked for being echoed: a short input can appear in a
/// message by coincidence (a field name, a digit).
const ECHO_MIN_LEN: usize = 12;

/// A problem never repeats what the admin handed over: no token of the input of
/// [`ECHO_MIN_LEN`] or more characters appears in its parameters. The code and parameters from
/// a fixed vocabulary (`secret_access_key`, reason codes) are not echoes even when the input
/// happens to contain them, as the fuzzer promptly showed.
pub fn assert_problem_not_echoed(problem: &Problem, input: &str) {
    let params = serde_json::to_value(problem)
        .map(|value| value["params"].clone())
        .unwrap_or_default();
    let free_text: Vec<&str> = match &params {
        serde_json::Value::Object(map) => map
            .values()
            .filter_map(serde_json::Value::as_str)
            .filter(|value| {
                !value
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
            .collect(),
        _ => Vec::new(),
    };
    for token in input.split(|c: char| c.is_whitespace() || c == '"' || c == ':' || c == '=') {
        assert!(
            token.chars().count() < ECHO_MIN_LEN || !free_text.iter().any(|v| v.contains(token)),
            "{} echoes its input",
            problem.code()
        );
    }
}

/// The HRworks key-file parser: never panics, is deterministic, never echoes its input in a
/// problem, and a parsed pair has no surrounding whitespace or quotes.
pub fn key_file(data: &[u8]) {
    let first = crate::credentials::hrworks::parse_key_file(data);
    let again = crate::credentials::hrworks::parse_key_file(data);
    match (&first, &again) {
        (Ok(pair), Ok(same)) => {
            assert_eq!(pair.access_key, same.access_key);
            let secret = pair.secret_access_key.expose_secret();
            assert_eq!(secret, same.secret_access_key.expose_secret());
            for part in [pair.access_key.as_str(), secret] {
                assert!(!part.is_empty(), "an empty key part");
                assert_eq!(part, part.trim(), "a key part with surrounding whitespace");
                assert!(!part.starts_with(['"', '\'']), "a quoted key part");
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            assert_problem_not_echoed(a, &String::from_utf8_lossy(data));
        }
        _ => panic!("the key-file parser is not deterministic"),
    }
}

/// The IRIS login parser: never panics, never echoes, and a parsed login is trimmed.
pub fn iris_credentials(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match crate::credentials::parse_iris_credentials(text) {
        Ok(login) => {
            let password = login.password.expose_secret();
            for part in [login.username.as_str(), password] {
                assert!(!part.is_empty(), "an empty login part");
                assert_eq!(
                    part,
                    part.trim(),
                    "a login part with surrounding whitespace"
                );
            }
        }
        Err(problem) => assert_problem_not_echoed(&problem, text),
    }
}

/// The roster import: never panics, never makes more people than the file has lines, and its
/// problems carry no cell contents.
pub fn roster(data: &[u8]) {
    match crate::people::read_roster(data) {
        Ok(roster) => {
            let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
            // XLSX is zipped: its rows are not lines of the input.
            let zipped = data.starts_with(b"PK");
            assert!(
                zipped || roster.people.len() <= lines,
                "{} people from {lines} lines",
                roster.people.len()
            );
        }
        Err(problem) => assert_problem_not_echoed(&problem, &String::from_utf8_lossy(data)),
    }
}

/// The `hrlink://` link parser: never panics, and a link it accepts reads back the same from the
/// canonical form HR Link would write (so nothing of the input but the code or the id counts).
pub fn link(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(link) = crate::links::parse(text) {
        let canonical = link.to_url();
        assert_eq!(
            crate::links::parse(&canonical).as_ref(),
            Ok(&link),
            "the canonical form reads differently"
        );
    }
}
