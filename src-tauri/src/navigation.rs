//! The webview stays on the app: `on_navigation` lets it load only the app's own pages, and
//! sends an https link (one a provider's text might carry) to the system browser instead, the
//! same opener browser sign-ins use ([`hrlink_core::oauth::SystemBrowser`]). Anything else (a
//! script setting `location` to another origin, `file:`, `data:`, `javascript:`) is refused.

use hrlink_core::oauth::{BrowserOpener, SystemBrowser};
use tauri::Url;

/// What becomes of a navigation the webview asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Navigation {
    /// The app's own page: load it.
    Stay,
    /// A web page: open it in the system browser, not here.
    Outside,
    /// Neither: refuse it.
    Refuse,
}

/// Decides where `url` may be shown. The app's origins are `tauri://localhost` (Linux, macOS)
/// and `http(s)://tauri.localhost` (Windows), plus `dev_url`'s origin in a development build.
pub fn decide(url: &Url, dev_url: Option<&Url>) -> Navigation {
    let own = match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => url.port().is_none(),
        _ => dev_url.is_some_and(|dev| dev.origin() == url.origin()),
    };
    if own {
        Navigation::Stay
    } else if url.scheme() == "https" {
        Navigation::Outside
    } else {
        Navigation::Refuse
    }
}

/// The `on_navigation` handler: `true` loads `url` in the webview. `dev_url`: where a
/// development build's UI is served from (`None` in a release build).
pub fn on_navigation(url: &Url, dev_url: Option<&Url>) -> bool {
    match decide(url, dev_url) {
        Navigation::Stay => true,
        Navigation::Outside => {
            if SystemBrowser::from_env().open(url).is_err() {
                tracing::warn!("a link could not be opened in the system browser");
            }
            false
        }
        Navigation::Refuse => {
            tracing::warn!(
                scheme = url.scheme(),
                "the webview was kept from navigating away"
            );
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(url: &str, dev: Option<&str>) -> Navigation {
        let dev = dev.map(|d| Url::parse(d).unwrap());
        decide(&Url::parse(url).unwrap(), dev.as_ref())
    }

    #[test]
    fn only_the_apps_own_pages_load_and_web_pages_open_outside() {
        for own in [
            "tauri://localhost/",
            "tauri://localhost/index.html#main",
            "http://tauri.localhost/",
            "https://tauri.localhost/assets/x.js",
        ] {
            assert_eq!(decided(own, None), Navigation::Stay, "{own}");
        }
        assert_eq!(
            decided("http://localhost:5173/", Some("http://localhost:5173")),
            Navigation::Stay
        );
        // Without the dev server (a release build) its address is foreign.
        assert_eq!(decided("http://localhost:5173/", None), Navigation::Refuse);
        for outside in [
            "https://evil.example/",
            "https://tauri.localhost.evil.example/",
            "https://www.hrworks.de/hilfe",
        ] {
            assert_eq!(decided(outside, None), Navigation::Outside, "{outside}");
        }
        for refused in [
            "http://evil.example/",
            "http://tauri.localhost:8080/",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "data:text/html,<script>1</script>",
            "javascript:alert(1)",
            "hrlink://reauthorise/c1",
        ] {
            assert_eq!(decided(refused, None), Navigation::Refuse, "{refused}");
        }
    }
}
