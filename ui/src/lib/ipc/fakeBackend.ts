/**
 * An in-memory {@link Backend} for tests and plain-browser development.
 *
 * It imitates the Rust core closely enough for the UI: key files and IRIS logins are parsed the way
 * the core reads them, secrets stay inside the fake (only a masked hint comes back), a browser
 * sign-in waits until it succeeds, fails or is cancelled, and verification streams progress events
 * before it resolves. Every behaviour can be replaced per test.
 */

import type { Backend, FileDropEvent } from "./backend";
import { countRows, fakeHrPeople, fakeReport } from "./fakePeople";
import type {
  Account,
  AppInfo,
  CredentialInput,
  Language,
  ListingProgress,
  PairDecision,
  PeopleOverview,
  PermissionCheck,
  PersonView,
  Problem,
  ProviderId,
  ProviderSummary,
  Result,
  RosterSummary,
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

/**
 * The Sandbox's test users for IRIS and for the browser sign-ins (made-up values, not secrets;
 * the same as `crates/hrlink-sandbox/src/scenarios.rs`).
 */
export const SANDBOX_LOGINS = {
  iris: {
    valid: { username: "sbx-api-valid", password: "Sbx!Valid-7Kq2Rw9P" },
    inactive: { username: "sbx-api-inactive", password: "Sbx!Inactive-3Jm8Xc1L" },
    apiDisabled: { username: "sbx-api-disabled", password: "Sbx!Disabled-5Hn4Vb6T" },
    noContract: { username: "sbx-api-nocontract", password: "Sbx!NoContract-8Gp2Zs4Y" },
  },
  ipayroll: {
    apiUser: { username: "49764apihrlink", password: "Sandbox-Password-1" },
    withoutEmployees: { username: "49764apilimited", password: "Sandbox-Password-2" },
    otherOrganisation: { username: "51234apihrlink", password: "Sandbox-Password-3" },
  },
  employmenthero: {
    oneOrganisation: { username: "one.org@sandbox.example", password: "Sandbox-Password-1" },
    twoOrganisations: { username: "two.orgs@sandbox.example", password: "Sandbox-Password-2" },
  },
} as const;

export interface Login {
  username: string;
  password: string;
}

/** An IRIS login as the wizard hands it over: two labelled lines. */
export function irisText(login: Login): string {
  return `Username: ${login.username}\nPassword: ${login.password}`;
}

const IRIS_LABEL = /^(user\s*name|password)\s*(?:[:=\t]|\s{2,}|$)\s*(.*)$/i;

/**
 * Reads IRIS credentials roughly the way the core does (`parse_iris_credentials`): labelled lines
 * (`Username: …` / `Password: …`, the value possibly on the next line) or exactly two bare
 * lines, user name first (one word). Returns the user name only.
 */
export function parseIrisText(text: string): Result<{ username: string }, Problem> {
  const unrecognised = err({ code: "iris_credentials_unrecognised" } as const);
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  let username: string | undefined;
  let password: string | undefined;
  if (lines.some((line) => IRIS_LABEL.test(line))) {
    for (let i = 0; i < lines.length; i++) {
      const match = IRIS_LABEL.exec(lines[i] ?? "");
      if (!match) continue;
      let value = (match[2] ?? "").trim();
      const next = lines[i + 1];
      if (value === "" && next !== undefined && !IRIS_LABEL.test(next)) {
        value = next;
        i += 1;
      }
      if (/^pass/i.test(match[1] ?? "")) password = value;
      else username = value;
    }
  } else if (lines.length === 2 && !/\s/.test(lines[0] ?? "")) {
    [username, password] = lines;
  }
  if (!username || !password) return unrecognised;
  return ok({ username });
}

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
  /** HRworks: the access key. */
  accessKey: string;
  /** IRIS: the API user's name; browser sign-ins: the Sandbox user signed in as. */
  login?: string;
}

/**
 * What a browser sign-in does: succeed (as a Sandbox user, by default the provider's first),
 * be declined on the consent page, time out, fail with any problem, or wait until the test
 * settles it through `pendingSignIn` (or `cancelSignIn` is called). Each can take a while
 * (`afterMs`); `cancelSignIn` ends any of them with `sign_in_cancelled`.
 */
export type SignInBehaviour =
  | { kind: "succeed"; as?: string; afterMs?: number }
  | { kind: "deny"; afterMs?: number }
  | { kind: "timeOut"; afterMs?: number }
  | { kind: "fail"; problem: Problem; afterMs?: number }
  | { kind: "wait" };

/** A sign-in settled by the test. */
export interface ManualSignIn {
  readonly provider: ProviderId;
  /** The browser came back: stage a sign-in as `as` (default: the provider's first user). */
  succeed(as?: string): void;
  fail(problem: Problem): void;
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
  /** What a browser sign-in does (default: succeeds after a few step delays). */
  signIn?: SignInBehaviour | ((provider: ProviderId) => SignInBehaviour);
  /** The people every HR system lists (default: 42 made-up people, as the reports count). */
  people?: PersonView[];
  /** People per page of a listing (default 20). */
  pageSize?: number;
  /** Leave each listing open until the test drives it through `pendingListing`. */
  manualListing?: boolean;
  /** The roster the admin picks in the dialog (`null`, the default: cancelled), or a problem. */
  pickedRoster?: { people: PersonView[] } | { problem: Problem } | null;
}

/** A people listing driven by the test. */
export interface ManualListing {
  readonly staged: string;
  emit(progress: ListingProgress): void;
  finish(result: Result<PeopleOverview, Problem>): void;
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
  | { method: "verifyConnection"; id: string }
  | { method: "signIn"; provider: ProviderId; language: Language }
  | { method: "cancelSignIn" }
  | { method: "listPeople"; staged: string }
  | { method: "cancelPeopleListing" }
  | { method: "chooseRosterFile"; staged: string }
  | { method: "peopleReport"; staged: string }
  | { method: "decidePair"; staged: string; entry: number; decision: PairDecision }
  | { method: "excludePerson"; staged: string; entry: number; excluded: boolean };

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
  /** The open sign-in when the behaviour is `wait`. */
  readonly pendingSignIn: ManualSignIn | null;
  /** The open listing when `manualListing` is set. */
  readonly pendingListing: ManualListing | null;
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

/** What each provider's fake connection reaches, and the permissions it checks. */
const FAKE_CONNECTIONS: Record<
  ProviderId,
  { account: Account; permissions: Array<[string, boolean]> }
> = {
  hrworks: {
    account: { id: "40117", name: "Sonnenschein Bäckerei GmbH" },
    permissions: HRWORKS_PERMISSIONS,
  },
  iris: {
    account: { id: "1", name: "Primrose Tea Rooms Ltd" },
    permissions: [
      ["employees", true],
      ["personal", true],
      ["contract", false],
    ],
  },
  // iPayroll names the organisation nowhere: the core calls it by its number.
  ipayroll: {
    account: { id: "49764", name: "iPayroll organisation 49764" },
    permissions: [
      ["employees", true],
      ["leavebalances", false],
    ],
  },
  employmenthero: {
    account: { id: "5f0c6c3e-3b1a-4d51-9d0e-2a7c1b9e4f01", name: "Wattle Bakehouse Pty Ltd" },
    permissions: [
      ["organisations:list", true],
      ["employees:list", true],
      ["teams:list", false],
    ],
  },
};

/** A successful report for `provider`. */
export function successReport(
  provider: ProviderId = "hrworks",
  overrides: Partial<VerificationReport> = {},
): VerificationReport {
  const connection = FAKE_CONNECTIONS[provider];
  return {
    provider,
    ok: true,
    account: connection.account,
    permissions: connection.permissions.map(([id, required]) => ({
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

/** The run that leads to `report`: sign-in, organisation, each permission, people. */
export function scenarioFor(report: VerificationReport): VerifyScript {
  return {
    progress: progressFor([
      [{ kind: "authenticate" }, true],
      [{ kind: "account" }, report.account !== null],
      ...report.permissions.map((p): [VerifyStep, boolean] => [
        { kind: "permission", id: p.id },
        p.status !== "missing",
      ]),
      [{ kind: "people" }, report.people !== null],
    ]),
    result: ok(report),
  };
}

/** The built-in scenarios, chosen by access key or user like the Sandbox does. */
export function sandboxScenario(staged: FakeStaged): VerifyScript {
  switch (staged.provider) {
    case "iris":
      return irisScenario(staged.login ?? "");
    case "ipayroll":
      return ipayrollScenario(staged.login ?? "");
    case "employmenthero":
      return scenarioFor(successReport("employmenthero"));
    case "hrworks":
      return hrworksScenario(staged);
  }
}

function irisScenario(username: string): VerifyScript {
  const users = SANDBOX_LOGINS.iris;
  switch (username) {
    case users.valid.username:
      return scenarioFor(successReport("iris"));
    case users.noContract.username: {
      const report = successReport("iris");
      return scenarioFor({
        ...report,
        permissions: report.permissions.map((p) =>
          p.id === "contract" ? { ...p, status: "missing" } : p,
        ),
      });
    }
    case users.inactive.username:
      return failedScenario("iris", { code: "iris_user_inactive" });
    case users.apiDisabled.username:
      return failedScenario("iris", { code: "iris_api_module_disabled" });
    default:
      return failedScenario("iris", {
        code: "credentials_rejected",
        params: { provider: providerName("iris") },
      });
  }
}

function ipayrollScenario(user: string): VerifyScript {
  const users = SANDBOX_LOGINS.ipayroll;
  switch (user) {
    case users.withoutEmployees.username: {
      // Without `employees` iPayroll shows no employee, so not the organisation number either.
      const report = successReport("ipayroll");
      return scenarioFor({
        ...report,
        ok: false,
        account: null,
        people: null,
        permissions: report.permissions.map((p) =>
          p.id === "employees" ? { ...p, status: "missing" } : p,
        ),
        problems: [
          {
            code: "permission_missing",
            params: { provider: providerName("ipayroll"), permission: "employees" },
          },
        ],
      });
    }
    case users.otherOrganisation.username:
      return scenarioFor(
        successReport("ipayroll", {
          account: { id: "51234", name: "iPayroll organisation 51234" },
          people: { count: 8 },
        }),
      );
    default:
      return scenarioFor(successReport("ipayroll"));
  }
}

function hrworksScenario(staged: FakeStaged): VerifyScript {
  const provider = providerName(staged.provider);
  const auth: VerifyStep = { kind: "authenticate" };
  switch (staged.accessKey) {
    case SANDBOX_KEYS.valid.access:
      return scenarioFor(successReport(staged.provider));
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
  let pendingSignIn: ManualSignIn | null = null;
  /** Ends the sign-in under way with `sign_in_cancelled`. */
  let cancelCurrentSignIn: (() => void) | null = null;
  let pendingListing: ManualListing | null = null;
  /** Ends the listing under way with `people_listing_cancelled`. */
  let cancelCurrentListing: (() => void) | null = null;
  const hrPeople = options.people ?? fakeHrPeople(42);
  const pageSize = Math.max(1, options.pageSize ?? 20);
  /** What each staged id has listed and compared, like the core keeps it. */
  const listed = new Map<
    string,
    {
      roster: PersonView[] | null;
      excluded: Set<number>;
      decisions: Map<number, "accept" | "reject">;
    }
  >();
  /** The kept people's report as the core would give it now. */
  const currentReport = (entry: NonNullable<ReturnType<typeof listed.get>>, mask: boolean) => {
    const report = fakeReport(hrPeople, entry.roster, mask, entry.decisions);
    const people = report.people.map((row) =>
      entry.excluded.has(row.id) ? { ...row, excluded: true } : row,
    );
    return { counts: countRows(people), people };
  };

  const info: AppInfo = { version: "0.1.0", demo: true, support_mode: false, ...options.appInfo };
  const providers = options.providers ?? DEFAULT_PROVIDERS;

  const pause = () => (stepDelay > 0 ? delay(stepDelay) : Promise.resolve());

  function remember(entry: Omit<FakeStaged, "id">, hint: string): StagedCredentials {
    nextId += 1;
    const id = `staged-${nextId}`;
    staged.set(id, { id, ...entry });
    return { id, provider: entry.provider, hint };
  }

  function builtInStage(
    provider: ProviderId,
    input: CredentialInput,
  ): Result<StagedCredentials, Problem> {
    if (provider === "ipayroll" || provider === "employmenthero") {
      return err({
        code: "configuration_invalid",
        params: { what: `${providerName(provider)} signs in through the browser` },
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
    if (provider === "iris") {
      const login = parseIrisText(text);
      if (login.status === "error") return login;
      const { username } = login.data;
      return ok(remember({ provider, accessKey: "", login: username }, maskTail(username)));
    }
    const parsed = parseKeyFile(text);
    if (parsed.status === "error") return parsed;
    const { accessKey } = parsed.data;
    return ok(remember({ provider, accessKey }, maskTail(accessKey)));
  }

  function signInBehaviour(provider: ProviderId): SignInBehaviour {
    const given = options.signIn;
    if (typeof given === "function") return given(provider);
    return given ?? { kind: "succeed", afterMs: stepDelay * 4 };
  }

  /** A browser sign-in: settles as `behaviour` says, or as cancelled. */
  function signIn(provider: ProviderId): Promise<Result<StagedCredentials, Problem>> {
    const name = providerName(provider);
    if (provider !== "ipayroll" && provider !== "employmenthero") {
      return Promise.resolve(
        err({ code: "configuration_invalid", params: { what: `${name} sign-in` } }),
      );
    }
    // One sign-in at a time, like the core: a new one cancels the previous.
    cancelCurrentSignIn?.();
    const behaviour = signInBehaviour(provider);
    const firstUser = Object.values(SANDBOX_LOGINS[provider])[0]?.username ?? "";
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (result: Result<StagedCredentials, Problem>) => {
        clearTimeout(timer);
        pendingSignIn = null;
        cancelCurrentSignIn = null;
        resolve(result);
      };
      const succeed = (as?: string) =>
        settle(ok(remember({ provider, accessKey: "", login: as ?? firstUser }, "")));
      cancelCurrentSignIn = () =>
        settle(err({ code: "sign_in_cancelled", params: { provider: name } }));
      if (behaviour.kind === "wait") {
        pendingSignIn = { provider, succeed, fail: (problem) => settle(err(problem)) };
        return;
      }
      const finish = () => {
        switch (behaviour.kind) {
          case "succeed":
            return succeed(behaviour.as);
          case "deny":
            return settle(err({ code: "sign_in_denied", params: { provider: name } }));
          case "timeOut":
            return settle(err({ code: "sign_in_timed_out", params: { provider: name } }));
          case "fail":
            return settle(err(behaviour.problem));
        }
      };
      timer = setTimeout(finish, behaviour.afterMs ?? 0);
    });
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
    get pendingSignIn() {
      return pendingSignIn;
    },
    get pendingListing() {
      return pendingListing;
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
    signIn(provider, language) {
      calls.push({ method: "signIn", provider, language });
      return signIn(provider);
    },
    async cancelSignIn() {
      calls.push({ method: "cancelSignIn" });
      cancelCurrentSignIn?.();
    },
    listPeople(id, onProgress) {
      calls.push({ method: "listPeople", staged: id });
      cancelCurrentListing?.();
      return new Promise((resolve) => {
        let cancelled = false;
        const settle = (result: Result<PeopleOverview, Problem>) => {
          pendingListing = null;
          cancelCurrentListing = null;
          resolve(result);
        };
        cancelCurrentListing = () => {
          cancelled = true;
          settle(err({ code: "people_listing_cancelled" }));
        };
        if (options.manualListing) {
          pendingListing = { staged: id, emit: onProgress, finish: settle };
          return;
        }
        void (async () => {
          if (!staged.has(id)) return settle(err({ code: "credentials_expired" }));
          const pages = Math.max(1, Math.ceil(hrPeople.length / pageSize));
          for (let page = 1; page <= pages; page++) {
            await pause();
            if (cancelled) return;
            onProgress({
              pages_done: page,
              pages_total: pages,
              people: Math.min(page * pageSize, hrPeople.length),
              eta_seconds: Math.ceil(((pages - page) * stepDelay) / 1000),
            });
          }
          await pause();
          if (cancelled) return;
          listed.set(id, { roster: null, excluded: new Set(), decisions: new Map() });
          settle(ok({ pages, report: fakeReport(hrPeople, null, info.support_mode) }));
        })();
      });
    },
    async cancelPeopleListing() {
      calls.push({ method: "cancelPeopleListing" });
      cancelCurrentListing?.();
    },
    async chooseRosterFile(id) {
      calls.push({ method: "chooseRosterFile", staged: id });
      await pause();
      const picked = options.pickedRoster ?? null;
      if (picked === null) return ok(null);
      if ("problem" in picked) return err(picked.problem);
      const entry = listed.get(id);
      if (!entry) return err({ code: "credentials_expired" });
      entry.roster = picked.people;
      entry.excluded.clear();
      entry.decisions.clear();
      const report = fakeReport(hrPeople, picked.people, info.support_mode);
      const roster: RosterSummary = {
        format: "csv",
        encoding: "UTF-8",
        delimiter: ",",
        sheet: null,
        header_row: 1,
        people: picked.people.length,
        skipped_rows: 0,
        columns: [],
        unreadable_cells: [],
        unreadable_cell_count: 0,
      };
      return ok({ roster, report });
    },
    async peopleReport(id) {
      calls.push({ method: "peopleReport", staged: id });
      const entry = listed.get(id);
      if (!entry) return err({ code: "credentials_expired" });
      return ok(currentReport(entry, info.support_mode));
    },
    async decidePair(id, entry, decision) {
      calls.push({ method: "decidePair", staged: id, entry, decision });
      const kept = listed.get(id);
      if (!kept) return err({ code: "credentials_expired" });
      const row = fakeReport(hrPeople, kept.roster, false).people.find((r) => r.id === entry);
      if (row?.category !== "needs_review") {
        // Like the core: only suggested pairs can be decided.
        return err({
          code: "configuration_invalid",
          params: { what: "people decision refused: entry is not a suggested pair" },
        });
      }
      if (decision === "undo") kept.decisions.delete(entry);
      else kept.decisions.set(entry, decision);
      return ok(currentReport(kept, false).counts);
    },
    async excludePerson(id, entry, excluded) {
      calls.push({ method: "excludePerson", staged: id, entry, excluded });
      const kept = listed.get(id);
      if (!kept) return err({ code: "credentials_expired" });
      if (excluded) kept.excluded.add(entry);
      else kept.excluded.delete(entry);
      return ok(currentReport(kept, false).counts);
    },
    async onFileDrop(handler) {
      dropHandlers.add(handler);
      return () => {
        dropHandlers.delete(handler);
      };
    },
  };
}
