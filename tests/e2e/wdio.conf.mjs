// WebdriverIO drives the real, built HR Link app through tauri-driver, which forwards to
// WebKitWebDriver. `run` starts this under Xvfb with a private keychain session.
import { spawn } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startProduct, stopProduct } from "./cloud-product.mjs";
import {
  describe,
  endGroup,
  endProcesses,
  groupMembers,
  singleInstanceFree,
  singleInstanceName,
  singleInstanceOwner,
} from "./processes.mjs";
import { findSecrets } from "./secret-scan.mjs";
import { keys, logins, painted } from "./specs/support.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
export const artifacts = path.join(here, "artifacts");
mkdirSync(artifacts, { recursive: true });
const secretsFound = path.join(artifacts, "secrets-found.txt");
/** One line per failed test with the paths of its screenshot and logs, which `run` prints. */
const failures = path.join(artifacts, "failures.txt");
/** WebdriverIO's own logs (the WebDriver commands and their answers), one file per worker. */
const logs = path.join(artifacts, "logs");
/** Every session's process group, which `run` checks for leftovers at the end. */
const processGroups = path.join(artifacts, "process-groups.txt");

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
/** This session's tauri-driver: its pid, which is also its process group's id. */
let driver = null;
/** This worker's session: its spec file and where its logs go. */
let session = { spec: "", appLog: "", driverLog: "", webdriverLog: "" };
// However this worker ends (a session never created runs no afterSession), its driver, WebKitWebDriver
// and app go with it: setpriv's parent-death signal reaches only the driver.
process.once("exit", () => {
  const left = driver ? groupMembers(driver.pgid) : [];
  if (left.length === 0) return;
  note(`the worker ended with its session's processes running: killed ${left.map(({ pid }) => describe(pid)).join(", ")}`);
  process.kill(-driver.pgid, "SIGKILL");
});

// Where a start stops, should it hang: the app logs its start-up steps ("HR Link starting",
// "window opened", "started"). WebKitWebDriver has no log level to raise (Debian's WebKitGTK
// is built without its logging channels, WEBKIT_DEBUG names none); the watchdog below records
// the processes and the single-instance name's owner instead.
process.env.RUST_LOG ??= "info,hrlink_desktop=debug";

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
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Notes what the harness had to do (a retry, a kill) in failures.txt, which `run` prints. */
const note = (text) => appendFileSync(failures, `${session.spec}: ${text}\n`);

/**
 * Makes sure no app of an earlier session is left: one would take this start's arguments (the
 * single-instance plugin) and this start would open no window.
 */
async function ensureNoAppRunning() {
  // The bus lets go of an ended app's name a moment after the app has gone.
  if (await singleInstanceFree(5_000)) return;
  const owner = singleInstanceOwner();
  if (owner === null) return;
  note(`before the app started, ${describe(owner)} still owned ${singleInstanceName}: ended it`);
  await endProcesses([owner]);
  if (!(await singleInstanceFree(10_000))) throw new Error(`${singleInstanceName} is still owned`);
}

/**
 * Starts tauri-driver in a process group of its own (WebKitWebDriver and the app inherit it, see
 * processes.mjs) and waits until it listens. setpriv ends the driver when this worker ends,
 * however it ends; the worker's exit handler above ends the rest of the group.
 */
async function startDriver() {
  await ensureNoAppRunning();
  if (await accepting(driverPort)) {
    // Something still listens where this session's driver must: every session would fail.
    note(`port ${driverPort} is taken before tauri-driver started (a driver left over?)`);
  }
  const log = createWriteStream(session.driverLog, { flags: "a" });
  const child = spawn("setpriv", ["--pdeathsig", "TERM", tauriDriverBin], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  driver = { pgid: child.pid, pid: child.pid };
  appendFileSync(processGroups, `${driver.pgid} ${session.spec}\n`);
  const started = Date.now();
  await waitUntilAccepting(driverPort, 30_000);
  log.write(`[wdio.conf] tauri-driver (process group ${driver.pgid}) listens after ${Date.now() - started} ms\n`);
}

/** Ends this session's driver, WebKitWebDriver and app, and waits until all of them are gone. */
async function stopDriver() {
  if (!driver) return;
  const { pgid } = driver;
  driver = null;
  const killed = await endGroup(pgid);
  if (killed.length > 0) note(`SIGTERM did not end ${killed.join(", ")}: killed`);
  if (!(await singleInstanceFree(10_000))) note(`${singleInstanceName} still owned after its session's processes ended`);
}

/**
 * After a session ends (the end of a spec, or `reloadSession` before it starts the app again):
 * waits until the session's app and its WebKit processes are gone, ending them if WebKitWebDriver
 * left them running. The driver pair stays for the next session.
 */
async function stopApp() {
  if (!driver) return;
  const { pgid, pid } = driver;
  const isDriver = (member) => member.pid === pid || (member.ppid === pid && member.comm === "WebKitWebDriver");
  const left = groupMembers(pgid)
    .filter((member) => !isDriver(member))
    .map((member) => member.pid);
  if (left.length === 0) return;
  // WebKitWebDriver ends the app as the session closes; give it that moment before ending it here.
  const ended = await endProcesses(left, { graceMs: 5_000 });
  if (ended.length > 0) note(`the app outlived its session by 5 s: ended ${ended.join(", ")}`);
}

/**
 * The watchdog on session creation: WebKitWebDriver answers `POST /session` only once the app's
 * window is up, and never if the app exits first. When that takes longer than
 * `sessionStartLimit`, the driver and the app are ended and a fresh pair started once; the
 * request fails with the old driver's socket and WebdriverIO sends it again (connectionRetryCount)
 * to the new one. Each retry is noted in failures.txt, never silent.
 */
const sessionStartLimit = 90_000;
let watchdog = null;
let restarts = 0;

function armWatchdog() {
  disarmWatchdog();
  const armedAt = Date.now();
  watchdog = setTimeout(() => void onStalledStart(armedAt), sessionStartLimit);
  watchdog.unref();
}

function disarmWatchdog() {
  clearTimeout(watchdog);
  watchdog = null;
}

/** What can be seen of a start that hangs: the group's processes, the name's owner, the logs. */
function stalledStartDiagnosis() {
  const members = driver ? groupMembers(driver.pgid).map(({ pid }) => describe(pid)) : [];
  const owner = singleInstanceOwner();
  const ownerText =
    owner === null
      ? `nothing owns ${singleInstanceName}`
      : `${singleInstanceName} is owned by ${describe(owner)}${driver && groupMembers(driver.pgid).some(({ pid }) => pid === owner) ? " (this session's app)" : " (NOT this session's app)"}`;
  const appLog = existsSync(session.appLog) ? readFileSync(session.appLog, "utf8").trim().split("\n").slice(-3) : [];
  return [
    `processes of the session: ${members.join(", ") || "none"}`,
    ownerText,
    `the app's last log lines: ${appLog.length > 0 ? appLog.join(" | ") : "none"}`,
  ];
}

async function onStalledStart(armedAt) {
  watchdog = null;
  const seconds = Math.round((Date.now() - armedAt) / 1000);
  const diagnosis = stalledStartDiagnosis().map((line) => `\n  ${line}`).join("");
  if (restarts > 0) {
    note(`the app did not start within ${seconds} s again: gave up${diagnosis}`);
    await stopDriver();
    return;
  }
  restarts += 1;
  note(`the app did not start within ${seconds} s (POST /session unanswered): ended the driver and the app, started them again${diagnosis}`);
  await stopDriver();
  await startDriver();
  armWatchdog();
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
  // A command's answer may take this long (an app start is bounded by the watchdog above).
  connectionRetryTimeout: 300_000,
  // A failed request is sent again after 0, 0.5, 1, 2 and 4 s: after the watchdog restarted the
  // driver, the new one listens within those 7.5 s (its start takes well under a second).
  connectionRetryCount: 5,

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
    await startDriver();
    armWatchdog();
  },
  // The session exists: its app started. A reload ends the app (deleteSession) and starts it
  // again; the next app starts only once this one is gone, under the same watchdog.
  before: () => {
    disarmWatchdog();
    // A click waits until the page has painted what it holds, as a person sees a page before
    // clicking: a new wizard step scrolls to the top just after it renders (SetupWizard's effect),
    // and a click WebKitWebDriver aimed before that scroll landed beside its button under load.
    browser.overwriteCommand(
      "click",
      async (click, ...args) => {
        await painted();
        return click(...args);
      },
      true,
    );
    browser.overwriteCommand("deleteSession", async (deleteSession, ...args) => {
      // A failed DELETE (the driver gone) must not skip afterSession's clean-up and secret scan.
      const result = await deleteSession(...args).catch((error) => note(`ending the session failed: ${error.message}`));
      await stopApp();
      await ensureNoAppRunning();
      armWatchdog();
      return result;
    });
  },
  onReload: () => disarmWatchdog(),
  afterSession: async () => {
    disarmWatchdog();
    await stopApp();
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
