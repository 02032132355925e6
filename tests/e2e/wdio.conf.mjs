// WebdriverIO drives the real, built HR Link app through tauri-driver, which forwards to
// WebKitWebDriver. `run` starts this under Xvfb with a private keychain session.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
export const artifacts = path.join(here, "artifacts");
mkdirSync(artifacts, { recursive: true });

// The native file dialog cannot be driven over WebDriver: the app reads this file instead.
process.env.HRLINK_E2E_CHOSEN_FILE = path.join(artifacts, "chosen-key-file.txt");
// The same for the roster the People step compares with: a fixture of the core's tests.
process.env.HRLINK_E2E_CHOSEN_ROSTER = path.join(
  root,
  "crates/hrlink-core/tests/fixtures/people/existing_roster.csv",
);

// Browser sign-in: the app opens $BROWSER, which signs in on the Sandbox's consent page as the
// user a spec writes to this file.
process.env.BROWSER = path.join(here, "sandbox-browser.sh");
process.env.HRLINK_E2E_SIGN_IN = path.join(artifacts, "sign-in-as.txt");

const application = process.env.HRLINK_APP ?? path.join(root, "target/debug/hrlink-desktop");
const cargoHome = process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo");
const tauriDriverBin = process.env.TAURI_DRIVER ?? path.join(cargoHome, "bin/tauri-driver");
let tauriDriver;

export const config = {
  runner: "local",
  host: "127.0.0.1",
  port: 4444,
  specs: [path.join(here, "specs/**/*.e2e.mjs")],
  maxInstances: 1,
  capabilities: [{ maxInstances: 1, "tauri:options": { application } }],
  logLevel: "warn",
  reporters: ["spec"],
  framework: "mocha",
  mochaOpts: { ui: "bdd", timeout: 90_000 },
  waitforTimeout: 20_000,
  connectionRetryCount: 3,

  // A fresh tauri-driver per session: each spec file starts the app anew.
  beforeSession: () => {
    tauriDriver = spawn(tauriDriverBin, [], { stdio: [null, process.stdout, process.stderr] });
    return new Promise((resolve) => setTimeout(resolve, 500));
  },
  afterSession: () => tauriDriver?.kill(),

  // The final screen of every test is kept as an artefact (not committed).
  afterTest: async (test) => {
    const name = `${test.parent} -- ${test.title}`.replace(/[^a-z0-9-]+/gi, "_").slice(0, 120);
    await browser.saveScreenshot(path.join(artifacts, `${name}.png`));
  },
};
