//! Opening the authorize URL in the system browser (RFC 8252 §8.12: never an embedded webview).
//!
//! `BROWSER` is honoured as Python's `webbrowser` and many CLIs do: a list of commands separated
//! by the platform's path separator, each tried in turn; `%s` in a command is replaced by the
//! URL, otherwise the URL is appended as the last argument. Commands are split on whitespace and
//! run directly, never through a shell, so nothing in the URL is interpreted. Without `BROWSER`,
//! the platform's opener: `xdg-open` (Linux and other Unix), `open` (macOS),
//! `rundll32 url.dll,FileProtocolHandler` (Windows: unlike `cmd /c start` it does not treat the
//! URL's `&` as a command separator). A small std-only implementation rather than the `open` or
//! `webbrowser` crate: it is all we need, and `BROWSER` handling stays explicit and testable.

use std::ffi::{OsStr, OsString};
use std::process::{Command, Stdio};

use url::Url;

use crate::Problem;
use crate::http::ensure_secure;
use crate::links::Link;

/// Opens a URL in a browser. Implemented by [`SystemBrowser`] and by any
/// `Fn(&Url) -> Result<(), Problem>` (tests script the browser that way).
pub trait BrowserOpener: Send + Sync {
    /// Opens `url` and returns without waiting for the page; fails with
    /// [`Problem::BrowserUnavailable`] when no browser could be started.
    fn open(&self, url: &Url) -> Result<(), Problem>;
}

impl<F> BrowserOpener for F
where
    F: Fn(&Url) -> Result<(), Problem> + Send + Sync,
{
    fn open(&self, url: &Url) -> Result<(), Problem> {
        self(url)
    }
}

/// The system browser: the `BROWSER` commands when set, otherwise the platform's opener.
#[derive(Debug, Clone, Default)]
pub struct SystemBrowser {
    browser: Option<OsString>,
}

impl SystemBrowser {
    /// Reads `BROWSER` now (empty counts as unset).
    pub fn from_env() -> SystemBrowser {
        SystemBrowser {
            browser: std::env::var_os("BROWSER").filter(|value| !value.is_empty()),
        }
    }

    /// Uses `browser` as a `BROWSER` value would be used.
    pub fn with_browser_var(browser: impl Into<OsString>) -> SystemBrowser {
        SystemBrowser {
            browser: Some(browser.into()).filter(|value| !value.is_empty()),
        }
    }

    /// The commands that would be tried for `url`, in order (program first).
    pub fn commands(&self, url: &Url) -> Vec<Vec<OsString>> {
        let Some(browser) = &self.browser else {
            return vec![platform_command(url)];
        };
        std::env::split_paths(browser)
            .filter_map(|entry| {
                let entry = entry.into_os_string();
                let text = entry.to_str()?;
                let mut has_placeholder = false;
                let mut command: Vec<OsString> = text
                    .split_whitespace()
                    .map(|part| {
                        if part.contains("%s") {
                            has_placeholder = true;
                            OsString::from(part.replace("%s", url.as_str()))
                        } else {
                            OsString::from(part)
                        }
                    })
                    .collect();
                if command.is_empty() {
                    return None;
                }
                if !has_placeholder {
                    command.push(OsString::from(url.as_str()));
                }
                Some(command)
            })
            .collect()
    }
}

impl BrowserOpener for SystemBrowser {
    fn open(&self, url: &Url) -> Result<(), Problem> {
        // Only web URLs reach a command: never `file:` or `javascript:`.
        ensure_secure(url).map_err(|_| Problem::BrowserUnavailable)?;
        self.start(url)
    }
}

impl SystemBrowser {
    /// Opens one of HR Link's own `hrlink://` links (built from a [`Link`], never taken from
    /// outside) with the desktop's handler for the scheme: the app, which routes it.
    pub fn open_link(&self, link: &Link) -> Result<(), Problem> {
        let url = Url::parse(&link.to_url()).map_err(|_| Problem::BrowserUnavailable)?;
        self.start(&url)
    }

    fn start(&self, url: &Url) -> Result<(), Problem> {
        for command in self.commands(url) {
            let Some((program, args)) = command.split_first() else {
                continue;
            };
            if spawn_detached(program, args) {
                return Ok(());
            }
        }
        Err(Problem::BrowserUnavailable)
    }
}

/// Starts `program` without waiting for it (a browser may run for hours); a thread reaps it.
fn spawn_detached(program: &OsStr, args: &[OsString]) -> bool {
    let spawned = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            // Without a reaper an exited opener would stay a zombie until HR Link exits.
            let _ = std::thread::Builder::new()
                .name("browser-reaper".into())
                .spawn(move || child.wait());
            true
        }
        Err(error) => {
            tracing::debug!(%error, "browser command could not start");
            false
        }
    }
}

fn platform_command(url: &Url) -> Vec<OsString> {
    let url = OsString::from(url.as_str());
    if cfg!(target_os = "windows") {
        vec!["rundll32".into(), "url.dll,FileProtocolHandler".into(), url]
    } else if cfg!(target_os = "macos") {
        vec!["open".into(), url]
    } else {
        vec!["xdg-open".into(), url]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("https://auth.example/authorize?a=1&b=2").unwrap()
    }

    #[test]
    fn browser_var_appends_or_substitutes_the_url() {
        let separator = if cfg!(windows) { ";" } else { ":" };
        let browser =
            SystemBrowser::with_browser_var(format!("firefox --new-tab{separator}lynx -dump %s"));
        let commands = browser.commands(&url());
        assert_eq!(
            commands,
            vec![
                vec![
                    OsString::from("firefox"),
                    "--new-tab".into(),
                    url().as_str().into()
                ],
                vec!["lynx".into(), "-dump".into(), url().as_str().into()],
            ]
        );
    }

    #[test]
    fn empty_browser_var_means_the_platform_opener() {
        let commands = SystemBrowser::with_browser_var("").commands(&url());
        assert_eq!(commands.len(), 1);
        assert_eq!(commands[0].last(), Some(&OsString::from(url().as_str())));
    }

    #[test]
    fn refuses_non_web_and_plain_http_urls() {
        // `true` would succeed if it were ever run.
        let browser = SystemBrowser::with_browser_var("true");
        for bad in [
            "http://evil.example/authorize",
            "file:///etc/passwd",
            "javascript:alert(1)",
        ] {
            let url = Url::parse(bad).unwrap();
            assert_eq!(
                browser.open(&url),
                Err(Problem::BrowserUnavailable),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_missing_program_is_browser_unavailable() {
        let browser = SystemBrowser::with_browser_var("/nonexistent/hrlink-no-such-browser");
        assert_eq!(browser.open(&url()), Err(Problem::BrowserUnavailable));
    }
}
