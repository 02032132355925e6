/**
 * The fake backend for `vite` dev mode in a plain browser (never bundled in production).
 *
 * URL parameters: `demo=0` (a configured app, no demo banner), `support=1` (screen-share mode),
 * `delay=<ms>` (pause between progress events, default 400). The file dialog and drag & drop read
 * real files from the browser and hand their content to the fake.
 *
 * A browser sign-in opens no browser: it succeeds after `signInDelay=<ms>` (default 3000), as the
 * Sandbox user `as=<user name>` when given, unless `signIn=deny`, `timeout` or `wait` (until
 * cancelled) says otherwise; `noBrowser=1` as when no browser could be started.
 *
 * `resume=<step>` (`scopes`, `guide`, `credentials`, `verification`) starts with a half-finished
 * HRworks wizard that reached that step, as after a restart.
 *
 * `connections=sample` starts with three saved connections (one connected, one whose key is
 * refused, one whose keychain is locked) and `setAside=<n>` unreadable ones; re-authorising the
 * bakery shows what changed among its people since they were last confirmed.
 * The People step lists `people=<n>` made-up people (default 42); "Compare with your records"
 * compares them with a made-up roster of the first 30 of them, the 31st without an email (a pair
 * to review) and 3 others.
 */

import type { Backend } from "./backend";
import { createFakeBackend, type SignInBehaviour } from "./fakeBackend";
import { sampleConnections } from "./fakeConnections";
import { fakeEarlierSnapshot, fakeHrPeople } from "./fakePeople";
import { listenForDroppedFiles } from "./fileDrop";
import type { DraftStep, WizardDraft } from "./types";

/** The sign-in behaviour the URL asks for. */
export function signInFromParams(params: URLSearchParams): SignInBehaviour {
  const afterMs = Number(params.get("signInDelay") ?? 3000);
  switch (params.get("signIn")) {
    case "deny":
      return { kind: "deny", afterMs };
    case "timeout":
      return { kind: "timeOut", afterMs };
    case "wait":
      return { kind: "wait" };
    default:
      return { kind: "succeed", afterMs, as: params.get("as") ?? undefined };
  }
}

/** The half-finished wizard `resume=<step>` asks for. */
function resumeFromParams(params: URLSearchParams): WizardDraft | null {
  const step = params.get("resume");
  const steps: DraftStep[] = ["scopes", "guide", "credentials", "verification"];
  if (!steps.includes(step as DraftStep)) return null;
  return {
    provider: "hrworks",
    optional: [],
    guide_screen: 1,
    username: "",
    step: step as DraftStep,
    target: null,
  };
}

export function createDevBackend(params: URLSearchParams): Backend {
  const fake = createFakeBackend({
    appInfo: { demo: params.get("demo") !== "0", support_mode: params.get("support") === "1" },
    stepDelayMs: Number(params.get("delay") ?? 400),
    signIn: signInFromParams(params),
    noBrowser: params.get("noBrowser") === "1",
    connections: {
      connections: params.get("connections") === "sample" ? sampleConnections() : [],
      setAside: Number(params.get("setAside") ?? 0),
    },
    people: fakeHrPeople(Number(params.get("people") ?? 42)),
    // Re-authorising the bakery shows what changed since its people were confirmed.
    snapshots:
      params.get("connections") === "sample"
        ? {
            "connection-bakery": fakeEarlierSnapshot(
              Number(params.get("people") ?? 42),
              Math.floor(Date.now() / 1000),
            ),
          }
        : {},
    draft: resumeFromParams(params),
    // `update=0.3.0`: a verified update is ready; `update=refused`: a tampered one was refused.
    ...(params.get("update") === "refused"
      ? {
          update: {
            kind: "refused" as const,
            problem: { code: "update_not_verified" as const, params: { version: "0.3.0" } },
          },
        }
      : params.get("update") && {
          update: { kind: "ready" as const, version: params.get("update") ?? "" },
        }),
    // `peopleNotKept=1`: the confirmed people cannot be kept at the save (a locked keychain).
    ...(params.get("peopleNotKept") === "1" && { peopleNotKept: { code: "vault_locked" } }),
    pageSize: 50,
    pickedRoster: {
      people: [
        ...fakeHrPeople(30),
        { name: fakeHrPeople(31)[30]?.name ?? "", teams: [] },
        ...["Ada Lovelace", "Kate Sheppard", "Rosa Parks"].map((name, index) => ({
          name,
          email: `former${index + 1}@example.com`,
          teams: [],
        })),
      ],
    },
  });
  if (params.get("connections") === "sample") {
    fake.connections.setHealth("connection-payroll", "vault_locked");
    if (params.get("beyond") === "1") {
      // The tea rooms' API user may read contracts too, which nobody chose to share.
      fake.connections.setGrantedBeyond("connection-tea", ["contract"]);
    } else {
      fake.connections.setHealth("connection-tea", "failed_auth");
    }
  }

  return {
    ...fake,
    chooseKeyFile: async (provider) => {
      // The browser's file picker stands in for the system dialog Rust opens in the app.
      const text = await new Promise<string | null>((resolve) => {
        const input = document.createElement("input");
        input.type = "file";
        input.accept = ".txt,text/plain";
        input.addEventListener("change", () => {
          const file = input.files?.[0];
          if (!file) resolve(null);
          else file.text().then(resolve, () => resolve(null));
        });
        input.addEventListener("cancel", () => resolve(null));
        input.click();
      });
      return text === null
        ? { status: "ok", data: null }
        : fake.stageCredentials(provider, { kind: "text", text });
    },
    onFileDrop: async (handler) => listenForDroppedFiles(handler),
  };
}
