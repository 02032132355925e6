// The processes one app session runs in, and the single-instance D-Bus name they hold.
//
// Each session's tauri-driver starts in a process group of its own; WebKitWebDriver, the app and
// the app's WebKit processes inherit it, and keep it when they are orphaned. So a session's
// processes can be ended together and waited for, whoever their parent is by then.
//
// Why it matters: the app is a single instance (tauri-plugin-single-instance owns
// `app.hrlink.desktop.SingleInstance` on the session bus of `scripts/with-keychain`). An app left
// over from an earlier session (its window closed by WebKitWebDriver, the app itself still
// running, orphaned once the driver ends) takes the next app's arguments, and the next app exits
// without a window: WebKitWebDriver then never answers the new session's `POST /session`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** The app's identifier (src-tauri/tauri.conf.json) with the plugin's suffix. */
export const singleInstanceName = "app.hrlink.desktop.SingleInstance";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `/proc/PID/stat`'s fields after the name: state, ppid, pgid; null once the process is gone. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid, pgid] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const comm = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
    return { pid: Number(pid), comm, state, ppid: Number(ppid), pgid: Number(pgid) };
  } catch {
    return null;
  }
}

/** The live members of process group `pgid` (a zombie has ended: it holds no socket or name). */
export function groupMembers(pgid) {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(stat)
    .filter((process) => process && process.pgid === pgid && process.state !== "Z");
}

/** Whether process `pid` is alive (not a zombie). */
export const alive = (pid) => {
  const process = stat(pid);
  return process !== null && process.state !== "Z";
};

/** "1234 hrlink-desktop (parent 1, 42 s old)": for the notes in failures.txt. */
export function describe(pid) {
  const process = stat(pid);
  if (!process) return `${pid} (gone)`;
  const ticks = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19]);
  const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  const age = Math.round(uptime - ticks / 100);
  return `${pid} ${process.comm} (parent ${process.ppid}, group ${process.pgid}, ${age} s old)`;
}

/** Sends `signal` to every process of group `pgid`; a group already gone is fine. */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
}

/** Waits until `done()` holds, up to `ms`; whether it did. */
async function waitFor(done, ms) {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Ends every process of group `pgid` (SIGTERM, SIGKILL after `graceMs`) and waits until none is
 * left. Returns what had to be killed with SIGKILL, described, so that callers can note it.
 */
export async function endGroup(pgid, { graceMs = 10_000 } = {}) {
  signalGroup(pgid, "SIGTERM");
  if (await waitFor(() => groupMembers(pgid).length === 0, graceMs)) return [];
  const stubborn = groupMembers(pgid).map(({ pid }) => describe(pid));
  signalGroup(pgid, "SIGKILL");
  if (!(await waitFor(() => groupMembers(pgid).length === 0, 5_000))) {
    throw new Error(`process group ${pgid} survived SIGKILL: ${stubborn.join(", ")}`);
  }
  return stubborn;
}

/** Sends `signal` to each of `pids` that is still alive. */
function signalEach(pids, signal) {
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if (error.code !== "ESRCH") throw error;
    }
  }
}

/**
 * Gives the processes `pids` `graceMs` to end by themselves, then ends them (SIGTERM, SIGKILL 5 s
 * later) and waits until they are gone. Returns those that needed a signal, described.
 */
export async function endProcesses(pids, { graceMs = 0 } = {}) {
  const living = () => pids.filter(alive);
  if (await waitFor(() => living().length === 0, graceMs)) return [];
  const ended = living().map(describe);
  signalEach(living(), "SIGTERM");
  if (!(await waitFor(() => living().length === 0, 5_000))) signalEach(living(), "SIGKILL");
  if (!(await waitFor(() => living().length === 0, 5_000))) {
    throw new Error(`SIGKILL did not end ${living().map(describe).join(", ")}`);
  }
  return ended;
}

/** The process id owning the single-instance name on this session bus, or null if none does. */
export function singleInstanceOwner() {
  try {
    const reply = execFileSync(
      "dbus-send",
      [
        "--session",
        "--print-reply",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.GetConnectionUnixProcessID",
        `string:${singleInstanceName}`,
      ],
      { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] },
    );
    const pid = /uint32 (\d+)/.exec(reply);
    return pid ? Number(pid[1]) : null;
  } catch {
    // NameHasNoOwner (the usual answer), or no bus at all.
    return null;
  }
}

/** Waits until nothing owns the single-instance name, up to `ms`; whether nothing does. */
export const singleInstanceFree = (ms) => waitFor(() => singleInstanceOwner() === null, ms);
