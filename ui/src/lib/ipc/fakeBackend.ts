/**
 * An in-memory {@link Backend} for tests and plain-browser development.
 *
 * It imitates the Rust core closely enough for the UI: key files are parsed the way HRworks writes
 * them, secrets stay inside the fake (only a masked hint comes back), and verification streams
 * progress events before it resolves. Every behaviour can be replaced per test.
 */

import type { Backend, FileDropEvent } from "./backend";
import type {
  AppInfo,
  CredentialInput,
  PermissionCheck,
  Problem,
  ProviderId,
  ProviderSummary,
  Result,
  StagedCredentials,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
} from "./types";

/** The Sandbox's public demo key pairs (made-up values, not secrets). */
export const SANDBOX_KEYS = {
  valid: {
    access: "SBXACCESSKEYVALID0000001",
    secret: "sbx/Secret+Valid=0000000000000000000000001",
  },
  rejected: {
    access: "SBXACCESSKEYREJECT000002",
    secret: "sbx/Secret+Reject=000000000000000000000002",
  },
  missingPermission: {
    access: "SBXACCESSKEYNOPERM000003",
    secret: "sbx/Secret+NoPerm=000000000000000000000003",
  },
  unreachable: {
    access: "SBXACCESSKEYOFFLINE00004",
    secret: "sbx/Secret+Offline=00000000000000000000004",
  },
} as const;

/** The key file HRworks downloads, as text. */
export function keyFileText(keys: { access: string; secret: string }): string {
  return `Access Key: ${keys.access}\nSecret Access Key: ${keys.secret}\n`;
}

export const DEFAULT_PROVIDERS: ProviderSummary[] = [
  { id: "ipayroll", name: "iPayroll", region: "NZ", credential_kind: "browser_sign_in" },
  { id: "iris", name: "IRIS HR Professional", region: "UK", credential_kind: "username_password" },
  { id: "hrworks", name: "HRworks", region: "DE", credential_kind: "key_pair" },
  {
    id: "employmenthero",
    name: "Employment Hero",
    region: "AU",
    credential_kind: "browser_sign_in",
  },
];

/** What one verification does: the progress events in order, then the answer. */
export interface VerifyScript {
  progress: VerifyProgress[];
  result: Result<VerificationReport, Problem>;
}

/** What the fake holds for staged credentials (the secret itself is dropped). */
export interface FakeStaged {
  id: string;
  provider: ProviderId;
  accessKey: string;
}

export interface FakeBackendOptions {
  appInfo?: Partial<AppInfo>;
  providers?: ProviderSummary[];
  /** Files the dialog or a drop can hand over: path → content. */
  files?: Record<string, string>;
  /** The file the admin picks in the dialog (`null`: cancelled). */
  pickedPath?: string | null;
  /** Replaces the built-in key-file parsing. */
  stage?: (
    provider: ProviderId,
    input: CredentialInput,
  ) => Result<StagedCredentials, Problem> | Promise<Result<StagedCredentials, Problem>>;
  /** Replaces the built-in scenarios (chosen by access key). */
  verify?: (staged: FakeStaged) => VerifyScript;
  /** Pause before each progress event and before the answer (0: next microtask). */
  stepDelayMs?: number;
  /** Leave each verification open until the test drives it through `pendingVerification`. */
  manualVerify?: boolean;
}

/** A verification driven by the test: emit progress, then finish. */
export interface ManualVerification {
  readonly id: string;
  emit(progress: VerifyProgress): void;
  finish(result: Result<VerificationReport, Problem>): void;
}

export type FakeCall =
  | { method: "appInfo" | "listProviders" }
  | { method: "chooseKeyFile"; provider: ProviderId }
  | { method: "stageCredentials"; provider: ProviderId; input: CredentialInput }
  | { method: "discardCredentials"; id: string }
  | { method: "verifyConnection"; id: string };

export interface FakeBackend extends Backend {
  /** Every call made, in order. */
  readonly calls: FakeCall[];
  /** Ids currently staged. */
  stagedIds(): string[];
  /** Simulates files dragged over the window. */
  hoverFiles(): void;
  /** Simulates files dropped onto the window. */
  dropFiles(paths: string[]): void;
  /** Simulates a drag leaving the window. */
  leaveFiles(): void;
  /** Adds or replaces a file the dialog or a drop can hand over. */
  putFile(path: string, content: string): void;
  /** The open verification when `manualVerify` is set. */
  readonly pendingVerification: ManualVerification | null;
}

const ok = <T>(data: T): Result<T, never> => ({ status: "ok", data });
const err = <E>(error: E): Result<never, E> => ({ status: "error", error });

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Shows only the last four characters, like the core's `mask_tail`. */
export function maskTail(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 8) return "•".repeat(Math.max(chars.length, 4));
  return `${"•".repeat(8)}${chars.slice(-4).join("")}`;
}

/** Reads an HRworks key file the way the core does, returning the access key only. */
export function parseKeyFile(text: string): Result<{ accessKey: string }, Problem> {
  let access: string | undefined;
  let secret: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const label = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (label === "access key") access = value;
    else if (label === "secret access key") secret = value;
  }
  if ([access, secret].some((v) => v?.includes("...") || v?.includes("…"))) {
    return err({ code: "key_file_redacted_example" });
  }
  if (access && secret) return ok({ accessKey: access });
  if (access) return err({ code: "key_file_incomplete", params: { missing: "secret_access_key" } });
  if (secret) return err({ code: "key_file_incomplete", params: { missing: "access_key" } });
  return err({ code: "key_file_unrecognised" });
}

const HRWORKS_PERMISSIONS: Array<[string, boolean]> = [
  ["persons", true],
  ["persons.master-data", true],
  ["organization-units", false],
];

/** Progress events for a run in which every step in `outcomes` happens, in a realistic order. */
export function progressFor(outcomes: Array<[VerifyStep, boolean]>): VerifyProgress[] {
  const [first, ...rest] = outcomes;
  if (!first) return [];
  const events: VerifyProgress[] = [
    { state: "started", step: first[0] },
    { state: "finished", step: first[0], ok: first[1] },
  ];
  // After signing in, the probes run concurrently: all start, then all finish.
  for (const [step] of rest) events.push({ state: "started", step });
  for (const [step, stepOk] of rest) events.push({ state: "finished", step, ok: stepOk });
  return events;
}

/** A successful report for `provider`. */
export function successReport(
  provider: ProviderId = "hrworks",
  overrides: Partial<VerificationReport> = {},
): VerificationReport {
  return {
    provider,
    ok: true,
    account: { id: "40117", name: "Sonnenschein Bäckerei GmbH" },
    permissions: HRWORKS_PERMISSIONS.map(([id, required]) => ({
      id,
      required,
      status: "granted",
    })),
    people: { count: 42 },
    problems: [],
    ...overrides,
  };
}

const providerName = (id: ProviderId) =>
  DEFAULT_PROVIDERS.find((p) => p.id === id)?.name ?? String(id);

/** The built-in scenarios, chosen by access key like the Sandbox does. */
export function sandboxScenario(staged: FakeStaged): VerifyScript {
  const provider = providerName(staged.provider);
  const auth: VerifyStep = { kind: "authenticate" };
  switch (staged.accessKey) {
    case SANDBOX_KEYS.valid.access: {
      const report = successReport(staged.provider);
      return {
        progress: progressFor([
          [auth, true],
          [{ kind: "account" }, true],
          ...report.permissions.map((p): [VerifyStep, boolean] => [
            { kind: "permission", id: p.id },
            true,
          ]),
          [{ kind: "people" }, true],
        ]),
        result: ok(report),
      };
    }
    case SANDBOX_KEYS.missingPermission.access: {
      const permissions: PermissionCheck[] = [
        { id: "persons", required: true, status: "granted" },
        { id: "persons.master-data", required: true, status: "missing" },
        { id: "organization-units", required: false, status: "unknown" },
      ];
      return {
        progress: progressFor([
          [auth, true],
          [{ kind: "account" }, true],
          ...permissions.map((p): [VerifyStep, boolean] => [
            { kind: "permission", id: p.id },
            p.status === "granted",
          ]),
        ]),
        result: ok(
          successReport(staged.provider, {
            ok: false,
            permissions,
            people: null,
            problems: [
              {
                code: "permission_missing",
                params: { provider, permission: "persons.master-data" },
              },
              { code: "provider_server_error", params: { provider } },
            ],
          }),
        ),
      };
    }
    case SANDBOX_KEYS.unreachable.access:
      return failedScenario(staged.provider, {
        code: "provider_unreachable",
        params: { provider },
      });
    default:
      return failedScenario(staged.provider, {
        code: "credentials_rejected",
        params: { provider },
      });
  }
}

/** A run that fails at signing in with `problem`. */
export function failedScenario(provider: ProviderId, problem: Problem): VerifyScript {
  return {
    progress: progressFor([[{ kind: "authenticate" }, false]]),
    result: ok({
      provider,
      ok: false,
      account: null,
      permissions: [],
      people: null,
      problems: [problem],
    }),
  };
}

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const calls: FakeCall[] = [];
  const files = new Map(Object.entries(options.files ?? {}));
  const staged = new Map<string, FakeStaged>();
  const dropHandlers = new Set<(event: FileDropEvent) => void>();
  const stepDelay = options.stepDelayMs ?? 0;
  let nextId = 0;
  let pending: ManualVerification | null = null;

  const info: AppInfo = { version: "0.1.0", demo: true, support_mode: false, ...options.appInfo };
  const providers = options.providers ?? DEFAULT_PROVIDERS;

  const pause = () => (stepDelay > 0 ? delay(stepDelay) : Promise.resolve());

  function builtInStage(
    provider: ProviderId,
    input: CredentialInput,
  ): Result<StagedCredentials, Problem> {
    if (provider !== "hrworks") {
      return err({
        code: "configuration_invalid",
        params: { what: `${providerName(provider)} sign-in` },
      });
    }
    let text: string;
    if (input.kind === "file") {
      const content = files.get(input.path);
      if (content === undefined) return err({ code: "file_unreadable" });
      text = content;
    } else {
      text = input.text;
    }
    const parsed = parseKeyFile(text);
    if (parsed.status === "error") return parsed;
    nextId += 1;
    const id = `staged-${nextId}`;
    staged.set(id, { id, provider, accessKey: parsed.data.accessKey });
    return ok({ id, provider, hint: maskTail(parsed.data.accessKey) });
  }

  /** Staging shared by pasted text and chosen files: a test's script, or the built-in parser. */
  async function stage(
    provider: ProviderId,
    input: CredentialInput,
  ): Promise<Result<StagedCredentials, Problem>> {
    await pause();
    if (options.stage) {
      const result = await options.stage(provider, input);
      if (result.status === "ok") {
        staged.set(result.data.id, { id: result.data.id, provider, accessKey: "" });
      }
      return result;
    }
    return builtInStage(provider, input);
  }

  return {
    calls,
    get pendingVerification() {
      return pending;
    },
    stagedIds: () => [...staged.keys()],
    hoverFiles: () => {
      for (const handler of dropHandlers) handler({ type: "hover" });
    },
    dropFiles: (paths) => {
      for (const handler of dropHandlers) handler({ type: "drop", paths });
    },
    leaveFiles: () => {
      for (const handler of dropHandlers) handler({ type: "leave" });
    },
    putFile: (path, content) => {
      files.set(path, content);
    },

    async appInfo() {
      calls.push({ method: "appInfo" });
      return info;
    },
    async listProviders() {
      calls.push({ method: "listProviders" });
      return providers;
    },
    async stageCredentials(provider, input) {
      calls.push({ method: "stageCredentials", provider, input });
      return stage(provider, input);
    },
    async chooseKeyFile(provider) {
      calls.push({ method: "chooseKeyFile", provider });
      const path = options.pickedPath ?? null;
      return path === null ? ok(null) : stage(provider, { kind: "file", path });
    },
    async discardCredentials(id) {
      calls.push({ method: "discardCredentials", id });
      staged.delete(id);
    },
    async verifyConnection(id, onProgress) {
      calls.push({ method: "verifyConnection", id });
      if (options.manualVerify) {
        return new Promise((resolve) => {
          pending = {
            id,
            emit: onProgress,
            finish: (result) => {
              pending = null;
              resolve(result);
            },
          };
        });
      }
      const entry = staged.get(id);
      if (!entry) return err({ code: "credentials_expired" });
      const script = (options.verify ?? sandboxScenario)(entry);
      for (const event of script.progress) {
        await pause();
        onProgress(event);
      }
      await pause();
      return script.result;
    },
    async onFileDrop(handler) {
      dropHandlers.add(handler);
      return () => {
        dropHandlers.delete(handler);
      };
    },
  };
}
