//! Start-up options: command-line flags and environment.

use std::path::PathBuf;

/// How the app was started.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// `--support`: start in screen-share mode.
    pub support: bool,
    /// `--endpoints FILE` (or `HRLINK_ENDPOINTS`): use these provider addresses instead of the
    /// built-in Sandbox.
    pub endpoints: Option<PathBuf>,
}

impl Options {
    /// Reads flags; unknown ones are ignored so that platform launchers can add their own.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Options {
        let mut options = Options {
            endpoints: std::env::var_os(hrlink_core::endpoints::ENDPOINTS_ENV).map(PathBuf::from),
            ..Options::default()
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--support" => options.support = true,
                "--endpoints" => options.endpoints = args.next().map(PathBuf::from),
                _ => {}
            }
        }
        options
    }
}

/// Logs to stderr; `RUST_LOG` adjusts the level. Secrets never reach a log line (they live in
/// `secrecy` types and the HTTP client logs only method, path and status).
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second initialisation (tests) is harmless and ignored.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_support_and_endpoints_flags() {
        let args = ["--support", "--endpoints", "/tmp/e.json", "--unknown"].map(String::from);
        let options = Options::from_args(args);
        assert!(options.support);
        assert_eq!(options.endpoints, Some(PathBuf::from("/tmp/e.json")));
    }
}
