//! Lints the app shell's security configuration: `tauri.conf.json`, `capabilities/*.json`,
//! the command list in `build.rs` and the UI sources. Every failure says what to fix; a change
//! that makes one of these fail is a security change and is reviewed as one.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and their helpers fail by panicking"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common;

/// The one window the app opens (`launch::open_main_window`).
const MAIN: &str = "main";

/// Permissions a capability may grant besides `allow-<command>` for the app's own commands.
/// Adding one here is a security decision: say in the review why the webview needs it.
const NON_COMMAND_PERMISSIONS: &[&str] = &["core:event:default"];

/// Plugin families the webview must never reach directly: Rust reads files, opens dialogs and
/// talks to HR systems on its behalf.
const FORBIDDEN_PERMISSION_PREFIXES: &[&str] = &["fs:", "shell:", "http:", "opener:", "dialog:"];

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

fn config() -> Value {
    read_json(&crate_dir().join("tauri.conf.json"))
}

/// The CSP as directive → sources; `csp` may be a policy string or a map whose values are a
/// string or a list of strings.
fn csp_directives(csp: &Value) -> Vec<(String, Vec<String>)> {
    let split =
        |sources: &str| -> Vec<String> { sources.split_whitespace().map(str::to_owned).collect() };
    match csp {
        Value::String(policy) => policy
            .split(';')
            .filter_map(|directive| {
                let mut parts = directive.split_whitespace();
                let name = parts.next()?.to_ascii_lowercase();
                Some((name, parts.map(str::to_owned).collect()))
            })
            .collect(),
        Value::Object(map) => map
            .iter()
            .map(|(name, sources)| {
                let sources = match sources {
                    Value::String(s) => split(s),
                    Value::Array(list) => list
                        .iter()
                        .flat_map(|s| split(s.as_str().unwrap_or_default()))
                        .collect(),
                    other => panic!("CSP directive {name} has an unexpected value: {other}"),
                };
                (name.to_ascii_lowercase(), sources)
            })
            .collect(),
        other => panic!(
            "tauri.conf.json app.security.csp must be set (a policy string or map), found {other}"
        ),
    }
}

fn directive<'a>(directives: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    directives
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, sources)| sources.as_slice())
        .unwrap_or_else(|| {
            panic!("tauri.conf.json app.security.csp has no `{name}` directive: add it")
        })
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_owned).collect()
}

#[test]
fn csp_is_strict() {
    let config = config();
    let security = &config["app"]["security"];
    let directives = csp_directives(&security["csp"]);

    let script = directive(&directives, "script-src");
    for forbidden in ["'unsafe-eval'", "'unsafe-inline'"] {
        assert!(
            !script.iter().any(|s| s.eq_ignore_ascii_case(forbidden)),
            "CSP script-src allows {forbidden}: remove it (Tauri hashes the bundled scripts)"
        );
    }
    assert!(
        script.iter().all(|s| s == "'self'"),
        "CSP script-src must be only 'self' (no CDN, host, scheme or wildcard), found {script:?}"
    );

    assert_eq!(
        set(directive(&directives, "connect-src")
            .iter()
            .map(String::as_str)),
        set(["ipc:", "http://ipc.localhost"]),
        "CSP connect-src must be exactly `ipc: http://ipc.localhost`: the UI talks only to Rust; \
         HR systems are called by hrlink-core"
    );
    for name in ["frame-src", "object-src"] {
        assert_eq!(
            directive(&directives, name),
            ["'none'"],
            "CSP {name} must be 'none'"
        );
    }
    assert!(
        directive(&directives, "default-src")
            .iter()
            .all(|s| s == "'self'" || s == "'none'"),
        "CSP default-src must be 'self' or 'none' (it is the fallback for unlisted directives)"
    );

    if let Some(dev) = security.get("devCsp").filter(|v| !v.is_null()) {
        let dev = csp_directives(dev);
        assert!(
            !directive(&dev, "script-src")
                .iter()
                .any(|s| s.eq_ignore_ascii_case("'unsafe-eval'")),
            "devCsp script-src allows 'unsafe-eval': remove it"
        );
    }
}

#[test]
fn security_switches_are_safe() {
    let config = config();
    let app = &config["app"];
    let security = &app["security"];
    assert!(
        matches!(
            security.get("dangerousDisableAssetCspModification"),
            None | Some(Value::Bool(false))
        ),
        "remove app.security.dangerousDisableAssetCspModification: without Tauri's CSP hashes \
         and nonces the UI is open to XSS"
    );
    assert_eq!(
        app.get("withGlobalTauri"),
        Some(&Value::Bool(false)),
        "set app.withGlobalTauri to false: the UI imports @tauri-apps/api, nothing needs \
         window.__TAURI__"
    );
    assert_eq!(
        security.get("freezePrototype"),
        Some(&Value::Bool(true)),
        "set app.security.freezePrototype to true (prototype pollution hardening)"
    );
    assert!(
        security.get("dangerousRemoteDomainIpcAccess").is_none(),
        "remove app.security.dangerousRemoteDomainIpcAccess: no remote page may call IPC"
    );
    for file in [
        crate_dir().join("Cargo.toml"),
        crate_dir().join("../Cargo.toml"),
    ] {
        let text = read(&file);
        assert!(
            !text
                .lines()
                .filter(|l| l.trim_start().starts_with("tauri ")
                    || l.trim_start().starts_with("tauri="))
                .any(|l| l.contains("devtools")),
            "{}: do not enable tauri's `devtools` feature in shipped builds",
            file.display()
        );
    }
}

#[test]
fn main_window_is_incognito_and_created_by_launch() {
    let config = config();
    let windows = config["app"]["windows"]
        .as_array()
        .expect("tauri.conf.json app.windows is a list");
    let labels: Vec<&str> = windows
        .iter()
        .map(|w| w["label"].as_str().unwrap_or("main"))
        .collect();
    assert_eq!(
        labels,
        [MAIN],
        "tauri.conf.json must declare exactly one window, labelled `main`: capabilities bind \
         to labels, and a new window needs its own capability review"
    );
    let main = &windows[0];
    assert_eq!(
        main.get("incognito"),
        Some(&Value::Bool(true)),
        "set `incognito: true` on the main window: nothing the UI holds may persist in \
         webview storage"
    );
    assert_eq!(
        main.get("create"),
        Some(&Value::Bool(false)),
        "set `create: false` on the main window: launch::open_main_window creates it \
         (incognito unless under WebDriver)"
    );
    assert!(
        main.get("url").is_none_or(|u| {
            let u = u.as_str().unwrap_or_default();
            !u.contains("://")
        }),
        "the main window must load the bundled UI, not a remote URL"
    );
}

/// Every capability file, parsed.
fn capabilities() -> Vec<(PathBuf, Value)> {
    let dir = crate_dir().join("capabilities");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    files.sort();
    for file in &files {
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        assert_eq!(
            ext,
            "json",
            "{}: capabilities here are JSON only, so this lint sees them all",
            file.display()
        );
    }
    files
        .into_iter()
        .map(|file| {
            let value = read_json(&file);
            (file, value)
        })
        .collect()
}

fn permission_ids(capability: &Value) -> Vec<String> {
    capability["permissions"]
        .as_array()
        .expect("a capability has a permissions list")
        .iter()
        .map(|p| match p {
            Value::String(id) => id.clone(),
            Value::Object(o) => o["identifier"]
                .as_str()
                .expect("a scoped permission has an identifier")
                .to_owned(),
            other => panic!("unexpected permission entry {other}"),
        })
        .collect()
}

/// The commands declared to the ACL in `build.rs` (`AppManifest::new().commands(&[...])`).
fn build_rs_commands() -> BTreeSet<String> {
    let text = read(&crate_dir().join("build.rs"));
    let start = text
        .find(".commands(&[")
        .expect("build.rs declares the app's commands with AppManifest::new().commands(&[...])");
    let rest = &text[start + ".commands(&[".len()..];
    let list = &rest[..rest
        .find("])")
        .expect("build.rs command list is closed with `])`")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn one_capability_for_the_main_window_with_only_the_app_commands() {
    let capabilities = capabilities();
    assert_eq!(
        capabilities.len(),
        1,
        "expected exactly one capability file (capabilities/main.json); found {:?}",
        capabilities.iter().map(|(f, _)| f).collect::<Vec<_>>()
    );
    let config = config();
    if let Some(listed) = config["app"]["security"].get("capabilities") {
        assert!(
            listed.is_null() || listed == &serde_json::json!(["main"]),
            "app.security.capabilities must be absent or exactly [\"main\"], found {listed}"
        );
    }

    let (file, capability) = &capabilities[0];
    let file = file.display();
    assert_eq!(
        capability["windows"],
        serde_json::json!([MAIN]),
        "{file}: the capability must bind exactly the window label `main` (no globs, no other \
         windows)"
    );
    assert!(
        capability.get("webviews").is_none(),
        "{file}: bind by window label only; remove `webviews`"
    );
    assert!(
        capability.get("remote").is_none(),
        "{file}: remove the `remote` block: no remote origin may call the app's commands"
    );
    assert!(
        capability
            .get("local")
            .is_none_or(|l| l == &Value::Bool(true)),
        "{file}: `local` must stay true (the bundled UI is the only caller)"
    );

    let permissions = permission_ids(capability);
    for permission in &permissions {
        for prefix in FORBIDDEN_PERMISSION_PREFIXES {
            assert!(
                !permission.starts_with(prefix),
                "{file}: remove `{permission}`: the webview must not reach {prefix} directly; \
                 add a narrow app command instead"
            );
        }
    }
    let (commands, others): (Vec<&String>, Vec<&String>) =
        permissions.iter().partition(|p| p.starts_with("allow-"));
    assert_eq!(
        others.into_iter().cloned().collect::<BTreeSet<_>>(),
        set(NON_COMMAND_PERMISSIONS.iter().copied()),
        "{file}: the non-command permissions changed; review the change and update \
         NON_COMMAND_PERMISSIONS in this test"
    );
    let allowed: BTreeSet<String> = commands
        .into_iter()
        .map(|p| p["allow-".len()..].replace('-', "_"))
        .collect();

    let declared = build_rs_commands();
    let served = common::served_commands();
    assert_eq!(
        served, declared,
        "the commands in src/ipc.rs (specta_builder) and build.rs (AppManifest) differ: declare \
         every served command in build.rs so the ACL covers it, and drop stale ones"
    );
    assert_eq!(
        allowed, served,
        "{file}: the allow-* permissions and the served commands differ: add `allow-<command>` \
         for each new command (or remove the stale permission)"
    );
}

fn visit(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "node_modules") {
                visit(&path, found);
            }
        } else {
            found.push(path);
        }
    }
}

#[test]
fn ui_has_no_iframe() {
    let ui = crate_dir().join("../ui");
    let mut files = vec![ui.join("index.html")];
    visit(&ui.join("src"), &mut files);
    assert!(
        files.len() > 1,
        "found no UI sources under {}",
        ui.display()
    );
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue; // binary asset
        };
        assert!(
            !text.to_ascii_lowercase().contains("<iframe"),
            "{}: remove the <iframe>: on Linux Tauri cannot tell a frame's IPC from the \
             window's, and the CSP has frame-src 'none'",
            file.display()
        );
    }
}

/// `cargo tauri build` (`scripts/package`) makes installable packages from this section: every
/// platform has a target, and what an installer or a package manager shows is filled in.
#[test]
fn bundle_makes_packages_for_every_platform() {
    let config = config();
    let bundle = &config["bundle"];
    assert_eq!(
        bundle["active"],
        Value::Bool(true),
        "set bundle.active to true"
    );
    let targets: BTreeSet<String> = bundle["targets"]
        .as_array()
        .expect("bundle.targets is a list (not \"all\"), so the formats are chosen on purpose")
        .iter()
        .map(|t| t.as_str().unwrap_or_default().to_owned())
        .collect();
    for wanted in ["deb", "appimage", "msi", "nsis", "dmg"] {
        assert!(
            targets.contains(wanted),
            "bundle.targets lacks `{wanted}`: Linux (deb, appimage), Windows (msi, nsis) and \
             macOS (dmg) packages are all configured"
        );
    }
    let identifier = config["identifier"].as_str().unwrap_or_default();
    assert!(
        identifier.split('.').count() >= 3 && !identifier.starts_with("com.tauri"),
        "identifier must be a reverse-DNS id of our own (it names the config dir and keychain \
         namespace), found {identifier:?}"
    );
    for field in [
        "publisher",
        "copyright",
        "category",
        "shortDescription",
        "longDescription",
    ] {
        assert!(
            bundle[field].as_str().is_some_and(|s| !s.trim().is_empty()),
            "set bundle.{field}: installers and package managers show it"
        );
    }
    let icons: Vec<&str> = bundle["icon"]
        .as_array()
        .expect("bundle.icon is a list")
        .iter()
        .map(|i| i.as_str().unwrap_or_default())
        .collect();
    for ext in ["png", "ico", "icns"] {
        assert!(
            icons.iter().any(|i| i.ends_with(&format!(".{ext}"))),
            "bundle.icon needs a .{ext} (Linux png, Windows ico, macOS icns); regenerate with \
             scripts/icons.sh"
        );
    }
    for icon in icons {
        assert!(
            crate_dir().join(icon).is_file(),
            "bundle.icon lists {icon}, which does not exist (relative to src-tauri/)"
        );
    }
    for section in ["linux", "windows", "macOS"] {
        assert!(
            bundle[section].is_object(),
            "bundle.{section} is missing: configure that platform's package"
        );
    }
}

/// The .deb's desktop entry is our own template (`bundle.linux.deb.desktopTemplate`): without
/// `%u` a clicked `hrlink://` link starts HR Link without the link, and without the MimeType
/// the desktop does not know HR Link opens them. (`scripts/package --check` inspects the built
/// package too.)
#[test]
fn the_deb_desktop_entry_opens_hrlink_links() {
    let config = config();
    let template = config["bundle"]["linux"]["deb"]["desktopTemplate"]
        .as_str()
        .expect("set bundle.linux.deb.desktopTemplate (src-tauri/linux/hrlink-desktop.desktop)");
    let entry = read(&crate_dir().join(template));
    let lines: BTreeSet<&str> = entry.lines().collect();
    let binary = config["mainBinaryName"].as_str().unwrap_or_default();
    for wanted in [
        "[Desktop Entry]".to_owned(),
        format!("Exec={binary} %u"),
        format!("Icon={binary}"),
        "MimeType=x-scheme-handler/hrlink;".to_owned(),
        format!(
            "Name={}",
            config["productName"].as_str().unwrap_or_default()
        ),
    ] {
        assert!(
            lines.contains(wanted.as_str()),
            "{template} lacks `{wanted}`"
        );
    }
    let schemes = &config["plugins"]["deep-link"]["desktop"]["schemes"];
    assert_eq!(
        schemes,
        &serde_json::json!(["hrlink"]),
        "the scheme the entry registers"
    );
}

/// The updater plugin's settings: its key and endpoint come from `hrlink.toml` only (none
/// here, so a build never trusts a key baked in by accident), an update must be signed for the
/// version it is announced as, and plain http is refused by the core unless it is loopback
/// (`hrlink_core::updates`), so the plugin's own https-only check is switched off.
#[test]
fn updates_take_their_key_from_the_configuration() {
    let updater = &config()["plugins"]["updater"];
    assert_eq!(updater["pubkey"], "", "no update key in tauri.conf.json");
    assert!(
        updater.get("endpoints").is_none(),
        "no endpoints in tauri.conf.json: without [updates] in hrlink.toml nothing is checked"
    );
    assert_eq!(updater["requireSignedVersion"], true);
}
