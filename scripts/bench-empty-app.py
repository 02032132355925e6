"""Writes the empty Tauri 2 app scripts/bench compares HR Link with, into the directory given.

The default template's shape (one window, one static page) with the same tauri version (the
caller copies our Cargo.lock), window size and release profile as HR Link. For the start-up
figure its page reports being shown the way HR Link's UI does: two animation frames after it
rendered, it tells the app, which writes the wall-clock time to HRLINK_BENCH_READY_FILE.
"""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
ours = pathlib.Path("Cargo.toml").read_text(encoding="utf-8")
profile = re.search(r"^\[profile\.release\]\n(?:[^\[\n].*\n?)*", ours, re.M).group(0)

(root / "Cargo.toml").write_text(
    f"""[package]
name = "empty-tauri-app"
version = "0.1.0"
edition = "2021"

[workspace]

[build-dependencies]
tauri-build = "2"

[dependencies]
tauri = "2"

[features]
custom-protocol = ["tauri/custom-protocol"]

{profile}
""",
    encoding="utf-8",
)
(root / "build.rs").write_text("fn main() { tauri_build::build() }\n", encoding="utf-8")
(root / "src/main.rs").write_text(
    """/// The page is shown: writes the time (Unix seconds) to HRLINK_BENCH_READY_FILE, if set.
#[tauri::command]
fn first_screen_shown() {
    if let Some(path) = std::env::var_os("HRLINK_BENCH_READY_FILE") {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let _ = std::fs::write(path, format!("{}.{:09}\\n", now.as_secs(), now.subsec_nanos()));
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_screen_shown])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
""",
    encoding="utf-8",
)
(root / "dist/index.html").write_text(
    """<!doctype html><html><head><meta charset="utf-8"><title>Empty</title></head>
<body><h1>Welcome to Tauri</h1>
<script>
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("first_screen_shown")),
);
</script>
</body></html>
""",
    encoding="utf-8",
)
(root / "tauri.conf.json").write_text(
    """{
  "productName": "empty-tauri-app",
  "version": "0.1.0",
  "identifier": "app.hrlink.bench-empty",
  "build": { "frontendDist": "dist" },
  "app": { "windows": [{ "title": "empty", "width": 1280, "height": 800 }], "security": { "csp": null } },
  "bundle": { "active": false, "icon": ["icons/icon.png"] }
}
""",
    encoding="utf-8",
)
