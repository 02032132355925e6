// WebdriverIO drives the real, built HR Link app through tauri-driver, which forwards to
// WebKitWebDriver. `run` starts this under Xvfb with a private keychain session.
import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startProduct, stopProduct } from "./cloud-product.mjs";
import { findSecrets } from "./secret-scan.mjs";
import { keys, logins } from "./specs/support.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
export const artifacts = path.join(here, "artifacts");
mkdirSync(artifacts, { recursive: true });
const secretsFound = path.join(artifacts, "secrets-found.txt");
/** One line per failed test with the paths of its screenshot and logs, which `run` prints. */
const failures = path.join(artifacts, "failures.txt");
/** WebdriverIO's own logs (the WebDriver commands and their answers), one file per worker. */
const logs = path.join(artifacts, "logs");

// The native file dialog cannot be driven over WebDriver: the app reads this file instead.
process.env.HRLINK_E2E_CHOSEN_FILE = path.join(artifacts, "chosen-key-file.txt");
// The save dialog of the hand-off sheet's "Save as file": the app writes here instead.
process.env.HRLINK_E2E_SAVED_FILE = path.join(artifacts, "saved-handoff.html");
// The same for the roster the People step compares with: a fixture of the core's tests.
process.env.HRLINK_E2E_CHOSEN_ROSTER = path.join(
  root,
  "crates/hrlink-core/tests/fixtures/people/existing_roster.csv",
);
// And for the save dialog of the People step's export.
process.env.HRLINK_E2E_CHOSEN_EXPORT = path.join(artifacts, "people-export.csv");
// The app's in-process Sandbox writes its addresses here, so specs can act as the HR system's
// administrator (e.g. revoke a key).
process.env.HRLINK_E2E_SANDBOX_ENDPOINTS = path.join(artifacts, "sandbox-endpoints.json");

// The app writes its process id here, so that a spec can kill it with SIGKILL (resume.e2e.mjs).
process.env.HRLINK_E2E_PID_FILE = path.join(artifacts, "app.pid");

// Browser sign-in: the app opens $BROWSER, which signs in on the Sandbox's consent page as the
// user a spec writes to this file.
process.env.BROWSER = path.join(here, "sandbox-browser.sh");
process.env.HRLINK_E2E_SIGN_IN = path.join(artifacts, "sign-in-as.txt");
process.env.HRLINK_E2E_OPENED = path.join(artifacts, "opened-urls.txt");

const application = process.env.HRLINK_APP ?? path.join(root, "target/debug/hrlink-desktop");
const cargoHome = process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo");
const tauriDriverBin = process.env.TAURI_DRIVER ?? path.join(cargoHome, "bin/tauri-driver");
const driverPort = 4444;
let tauriDriver;
/** This worker's session: its spec file and where its logs go. */
let session = { spec: "", appLog: "", driverLog: "", webdriverLog: "" };

/** Whether something accepts TCP connections on the loopback port now. */
function accepting(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Waits until the freshly started driver listens, instead of a fixed pause. */
async function waitUntilAccepting(port, ms) {
  const until = Date.now() + ms;
  while (!(await accepting(port))) {
    if (Date.now() > until) throw new Error(`tauri-driver did not listen on port ${port} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ends the driver and waits until it has gone, so the next session's driver finds the port free. */
async function stopDriver() {
  const driver = tauriDriver;
  if (!driver || driver.exitCode !== null || driver.signalCode !== null) return;
  const gone = new Promise((resolve) => driver.once("exit", resolve));
  driver.kill();
  const killLater = setTimeout(() => driver.kill("SIGKILL"), 10_000);
  await gone;
  clearTimeout(killLater);
}

/** Every secret the specs hand to the app: the canaries of the after-session scan. */
export const secrets = [
  ...Object.values(keys).map((pair) => pair.secret),
  ...Object.values(logins).map((login) => login.password),
];
/** Where the app (and its webview) could write: scanned after each session. */
export const appDirs = () =>
  [process.env.HRLINK_CONFIG_DIR, process.env.XDG_CONFIG_HOME, process.env.XDG_CACHE_HOME, process.env.XDG_DATA_HOME].filter(Boolean);
export const keychainFiles = () => [path.join(process.env.XDG_DATA_HOME ?? "/nonexistent", "keyrings")];

/**
 * Records what the scan found in `artifacts/secrets-found.txt`, which `run` turns into a failed
 * run (WebdriverIO only logs errors thrown in session hooks).
 */
function recordSecretsWritten(found) {
  const lines = found.map(({ file, secret }) => `${file}: a form of ${secret.slice(0, 4)}…\n`);
  if (lines.length > 0) appendFileSync(secretsFound, lines.join(""));
}

export const config = {
  runner: "local",
  host: "127.0.0.1",
  port: driverPort,
  specs: [path.join(here, "specs/**/*.e2e.mjs")],
  maxInstances: 1,
  capabilities: [{ maxInstances: 1, "tauri:options": { application } }],
  // "info" logs every WebDriver command and its answer: into `logs`, not onto the terminal.
  logLevel: "info",
  outputDir: logs,
  reporters: ["spec"],
  framework: "mocha",
  // A backstop for a hung test, not a speed check: each test is a whole flow whose own waits
  // (a restart of the app up to 90 s, a people listing up to 60 s, …) must fit inside it.
  mochaOpts: { ui: "bdd", timeout: 300_000 },
  waitforTimeout: 20_000,
  // Creating a session starts the app; on a loaded 2-core machine that took longer than
  // WebdriverIO's default of 120 s, and the retried POST then raced the first start.
  connectionRetryTimeout: 300_000,
  connectionRetryCount: 3,

  // A fresh tauri-driver per session: each spec file starts the app anew, with an empty config
  // dir of its own (saved connections live there; their secrets in the private keychain that
  // `run` starts), so a connection one spec saves never changes another spec's first screen.
  // Per spec file, in `logs/`: the app's log (HRLINK_LOG_FILE: WebKitWebDriver drops the app's
  // stderr), tauri-driver's and WebKitWebDriver's output, and WebdriverIO's log of every
  // WebDriver command (named by WebdriverIO: `<spec file>-<worker id>.log`).
  beforeSession: async (_config, _capabilities, specs, cid) => {
    process.env.HRLINK_CONFIG_DIR = mkdtempSync(path.join(os.tmpdir(), "hrlink-e2e-config-"));
    const specFile = path.basename(specs[0] ?? "unknown", ".mjs");
    const spec = path.basename(specFile, ".e2e");
    session = {
      spec,
      appLog: path.join(logs, `app-${spec}.log`),
      driverLog: path.join(logs, `driver-${spec}.log`),
      webdriverLog: path.join(logs, `${specFile}-${cid}.log`),
    };
    process.env.HRLINK_LOG_FILE = session.appLog;
    mkdirSync(logs, { recursive: true });
    if (spec.startsWith("cloud-")) await startProduct(path.join(path.dirname(application), "hrlink"));
    // A spec's own integration configuration (`specs/<spec>.hrlink.toml`) is the app's.
    const ownConfig = path.join(here, "specs", `${spec}.hrlink.toml`);
    if (existsSync(ownConfig)) copyFileSync(ownConfig, path.join(process.env.HRLINK_CONFIG_DIR, "hrlink.toml"));
    const driverLog = createWriteStream(session.driverLog, { flags: "a" });
    if (await accepting(driverPort)) {
      // Something still listens where this session's driver must: every session would fail.
      appendFileSync(failures, `${spec}: port ${driverPort} is taken before tauri-driver started (a driver left over?)\n`);
    }
    // setpriv ends the driver (and with it WebKitWebDriver and the app) when this worker ends,
    // however it ends: a session that was never created runs no afterSession.
    tauriDriver = spawn("setpriv", ["--pdeathsig", "TERM", tauriDriverBin], { stdio: [null, "pipe", "pipe"] });
    tauriDriver.stdout.pipe(driverLog);
    tauriDriver.stderr.pipe(driverLog);
    await waitUntilAccepting(driverPort, 30_000);
  },
  afterSession: async () => {
    await stopDriver();
    stopProduct();
    try {
      recordSecretsWritten(findSecrets(appDirs(), secrets, keychainFiles()));
    } finally {
      rmSync(process.env.HRLINK_CONFIG_DIR, { recursive: true, force: true });
    }
  },

  // The positive control: the scan finds a planted secret in each form it looks for.
  onPrepare: () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hrlink-scan-control-"));
    try {
      const canary = "CANARY/secret+value=1";
      const forms = [canary, encodeURIComponent(canary), Buffer.from(canary).toString("base64")];
      forms.forEach((form, i) => writeFileSync(path.join(dir, `planted-${i}`), `x${form}x`));
      const found = findSecrets([dir], [canary]);
      if (found.length !== forms.length) {
        appendFileSync(secretsFound, `the scan found ${found.length} of ${forms.length} planted canaries\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  // The final screen of every test is kept as an artefact (not committed); a failed test's is
  // named FAILED-… and listed, with the logs, in failures.txt.
  afterTest: async (test, _context, { passed }) => {
    const name = `${test.parent} -- ${test.title}`.replace(/[^a-z0-9-]+/gi, "_").slice(0, 120);
    const screenshot = path.join(artifacts, `${passed ? "" : "FAILED-"}${name}.png`);
    try {
      await browser.saveScreenshot(screenshot);
    } finally {
      if (!passed) {
        const kept = [
          `screenshot ${screenshot}`,
          `app log ${session.appLog}`,
          `WebDriver log ${session.webdriverLog}`,
          `tauri-driver and WebKitWebDriver ${session.driverLog}`,
        ];
        appendFileSync(failures, `${session.spec}: ${test.title}\n${kept.map((line) => `  ${line}\n`).join("")}`);
      }
    }
  },
};
