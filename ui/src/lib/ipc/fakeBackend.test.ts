import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFakeBackend,
  irisText,
  keyFileText,
  OTHER_COMPANY,
  SANDBOX_KEYS,
  SANDBOX_LOGINS,
} from "./fakeBackend";
import { sampleConnection } from "./fakeConnections";
import { fakeHrPeople } from "./fakePeople";
import type { ListingProgress, SignInAddress, VerifyProgress } from "./types";

type KeyPair = { access: string; secret: string };

describe("fakeBackend", () => {
  it("stages what the core staged on the Sandbox, and refuses what it refused", async () => {
    const backend = createFakeBackend();
    const stage = (text: string) => backend.stageCredentials("hrworks", { kind: "text", text });
    expect(await stage(keyFileText(SANDBOX_KEYS.valid))).toMatchObject({
      data: { provider: "hrworks", hint: "••••••••0001" },
    });
    expect(await stage("Access Key: ABC...XYZ\nSecret Access Key: s")).toMatchObject({
      error: { code: "key_file_redacted_example" },
    });
    expect(await stage("Access Key: A")).toMatchObject({
      error: { code: "key_file_incomplete", params: { missing: "secret_access_key" } },
    });
    // A text the generator never staged is answered as the core answers one it cannot read.
    expect(await stage("hello, world")).toMatchObject({ error: { code: "key_file_unrecognised" } });
  });

  it("never hands the secret back, and streams progress before the report", async () => {
    const backend = createFakeBackend();
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.valid),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    expect(JSON.stringify(staged)).not.toContain(SANDBOX_KEYS.valid.secret);
    const events: VerifyProgress[] = [];
    const result = await backend.verifyConnection(staged.data.id, [], null, (event) =>
      events.push(event),
    );
    expect(events[0]).toEqual({ state: "started", step: { kind: "authenticate" } });
    expect(result).toMatchObject({ status: "ok", data: { ok: true, people: { count: 37 } } });
  });

  it("refuses text for sign-in providers like the core does, and forgets discarded credentials", async () => {
    const backend = createFakeBackend();
    expect(await backend.stageCredentials("ipayroll", { kind: "text", text: "x" })).toMatchObject({
      error: { code: "configuration_invalid" },
    });
    expect(await backend.stageCredentials("iris", { kind: "text", text: "x" })).toMatchObject({
      error: { code: "iris_credentials_unrecognised" },
    });
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.valid),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    await backend.discardCredentials(staged.data.id);
    expect(await backend.verifyConnection(staged.data.id, [], null, () => {})).toEqual({
      status: "error",
      error: { code: "credentials_expired" },
    });
  });

  it("verifies IRIS logins by user as the core did", async () => {
    const backend = createFakeBackend();
    const verify = async (login: { username: string; password: string }) => {
      const staged = await backend.stageCredentials("iris", {
        kind: "text",
        text: irisText(login),
      });
      if (staged.status !== "ok") throw new Error("staging failed");
      expect(JSON.stringify(staged)).not.toContain(login.password);
      expect(staged.data.hint).not.toContain(login.username.slice(0, 4));
      return backend.verifyConnection(staged.data.id, [], null, () => {});
    };
    expect(await verify(SANDBOX_LOGINS.iris.valid)).toMatchObject({
      data: { ok: true, account: { name: "Sandbox Tea Rooms Ltd" } },
    });
    expect(await verify(SANDBOX_LOGINS.iris.inactive)).toMatchObject({
      data: { ok: false, problems: [{ code: "iris_user_inactive" }] },
    });
    expect(await verify(SANDBOX_LOGINS.iris.apiDisabled)).toMatchObject({
      data: { problems: [{ code: "iris_api_module_disabled" }] },
    });
    expect(await verify(SANDBOX_LOGINS.iris.rejected)).toMatchObject({
      data: { problems: [{ code: "credentials_rejected" }] },
    });
  });
});

/** A sign-in's address, when the test does not look at it. */
const ignore = () => {};

describe("fakeBackend sign-in", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("succeeds after a while by default, staging a sign-in without a hint", async () => {
    vi.useFakeTimers();
    const backend = createFakeBackend({ stepDelayMs: 100 });
    let settled = false;
    const result = backend.signIn("ipayroll", [], "de", ignore).then((value) => {
      settled = true;
      return value;
    });
    await vi.advanceTimersByTimeAsync(399);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const staged = await result;
    expect(staged).toEqual({
      status: "ok",
      data: { id: "staged-1", provider: "ipayroll", hint: "" },
    });
    expect(backend.calls).toContainEqual({
      method: "signIn",
      provider: "ipayroll",
      optional: [],
      language: "de",
    });
    vi.useRealTimers();
    const report = await backend.verifyConnection("staged-1", [], null, () => {});
    expect(report).toMatchObject({
      data: { ok: true, account: { id: "49764", name: "iPayroll organisation 49764" } },
    });
  });

  it("is declined, times out or fails as scripted", async () => {
    const problem = { code: "browser_unavailable" } as const;
    const backend = createFakeBackend({
      signIn: (provider) =>
        provider === "ipayroll" ? { kind: "deny" } : { kind: "timeOut", afterMs: 5 },
    });
    expect(await backend.signIn("ipayroll", [], "en", ignore)).toEqual({
      status: "error",
      error: { code: "sign_in_denied", params: { provider: "iPayroll" } },
    });
    expect(await backend.signIn("employmenthero", [], "en", ignore)).toEqual({
      status: "error",
      error: { code: "sign_in_timed_out", params: { provider: "Employment Hero" } },
    });
    const failing = createFakeBackend({ signIn: { kind: "fail", problem } });
    expect(await failing.signIn("ipayroll", [], "en", ignore)).toEqual({
      status: "error",
      error: problem,
    });
    expect(await failing.signIn("hrworks", [], "en", ignore)).toMatchObject({
      error: { code: "configuration_invalid" },
    });
  });

  it("resolves a waiting sign-in as cancelled when cancelSignIn is called", async () => {
    const backend = createFakeBackend({ signIn: { kind: "wait" } });
    const result = backend.signIn("employmenthero", [], "en", ignore);
    expect(backend.pendingSignIn?.provider).toBe("employmenthero");
    await backend.cancelSignIn();
    expect(await result).toEqual({
      status: "error",
      error: { code: "sign_in_cancelled", params: { provider: "Employment Hero" } },
    });
    expect(backend.pendingSignIn).toBeNull();
    expect(backend.stagedIds()).toEqual([]);
    // Cancelling with nothing under way is harmless.
    await backend.cancelSignIn();
  });

  it("cancels a delayed sign-in too, and one sign-in replaces another", async () => {
    const backend = createFakeBackend({ signIn: { kind: "succeed", afterMs: 10_000 } });
    const first = backend.signIn("ipayroll", [], "en", ignore);
    const second = backend.signIn("ipayroll", [], "en", ignore);
    expect(await first).toMatchObject({ error: { code: "sign_in_cancelled" } });
    await backend.cancelSignIn();
    expect(await second).toMatchObject({ error: { code: "sign_in_cancelled" } });
  });

  it("tells each sign-in's own address and opens it again only while waiting", async () => {
    const told: SignInAddress[] = [];
    const backend = createFakeBackend({ signIn: { kind: "wait" } });
    const first = backend.signIn("ipayroll", [], "en", (address) => told.push(address));
    void backend.signIn("ipayroll", [], "en", (address) => told.push(address));
    expect(await first).toMatchObject({ error: { code: "sign_in_cancelled" } });
    expect(told).toHaveLength(2);
    expect(told[0]?.address).not.toBe(told[1]?.address);
    expect(told.every((address) => address.browserOpened)).toBe(true);
    expect(await backend.reopenSignIn()).toEqual({ status: "ok", data: null });
    await backend.cancelSignIn();
    expect(await backend.reopenSignIn()).toMatchObject({ error: { code: "browser_unavailable" } });

    const noBrowser = createFakeBackend({ signIn: { kind: "wait" }, noBrowser: true });
    void noBrowser.signIn("employmenthero", [], "en", (address) => told.push(address));
    expect(told[2]?.browserOpened).toBe(false);
  });

  it("lets a test settle a waiting sign-in as any Sandbox user", async () => {
    const backend = createFakeBackend({ signIn: { kind: "wait" } });
    const result = backend.signIn("ipayroll", [], "en", ignore);
    backend.pendingSignIn?.succeed(SANDBOX_LOGINS.ipayroll.withoutEmployees.username);
    const staged = await result;
    if (staged.status !== "ok") throw new Error("sign-in failed");
    const chosen = ["leavebalances"];
    expect(await backend.verifyConnection(staged.data.id, chosen, null, () => {})).toMatchObject({
      data: {
        ok: false,
        account: null,
        permissions: [{ id: "employees", status: "missing" }, { id: "leavebalances" }],
        problems: [{ code: "permission_missing", params: { permission: "employees" } }],
      },
    });
  });
});

describe("fakeBackend connections", () => {
  async function verifiedKey(backend: ReturnType<typeof createFakeBackend>, keys: KeyPair) {
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(keys),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    await backend.verifyConnection(staged.data.id, [], null, () => {});
    return staged.data.id;
  }
  const draft = {
    provider: "hrworks" as const,
    optional: [],
    guide_screen: 1,
    username: "",
    step: "credentials" as const,
    target: null,
  };

  it("saves only verified credentials, naming an unlabelled connection after the company", async () => {
    const backend = createFakeBackend({ draft });
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.valid),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    expect(await backend.saveConnection(staged.data.id, "Payroll")).toMatchObject({
      error: { code: "credentials_expired" },
    });
    expect(backend.draft).toEqual(draft);
    await backend.verifyConnection(staged.data.id, ["organization-units"], null, () => {});
    const saved = await backend.saveConnection(staged.data.id, "  ");
    expect(saved).toMatchObject({
      status: "ok",
      data: {
        connection: {
          label: "Sandbox Bäckerei GmbH",
          hint: "••••••••0001",
          status: "connected",
          granted_permissions: ["persons", "persons.master-data", "organization-units"],
          chosen_permissions: ["organization-units"],
        },
        people_not_kept: null,
      },
    });
    // The core forgets saved credentials (they cannot be saved twice) and the wizard's draft.
    expect(backend.stagedIds()).not.toContain(staged.data.id);
    expect(backend.draft).toBeNull();
    expect(await backend.listConnections()).toMatchObject({
      data: { connections: [{ label: "Sandbox Bäckerei GmbH" }], set_aside: 0 },
    });
  });

  it("refuses a failed verification with its problem", async () => {
    const backend = createFakeBackend();
    const id = await verifiedKey(backend, SANDBOX_KEYS.rejected);
    expect(await backend.saveConnection(id, "x")).toMatchObject({
      error: { code: "credentials_rejected" },
    });
  });

  it("fails a keychain call once when told to, leaving nothing saved", async () => {
    const backend = createFakeBackend();
    const id = await verifiedKey(backend, SANDBOX_KEYS.valid);
    backend.connections.failNextVaultCall({ code: "vault_locked" });
    expect(await backend.saveConnection(id, "A")).toMatchObject({
      error: { code: "vault_locked" },
    });
    expect(await backend.listConnections()).toMatchObject({ data: { connections: [] } });
    expect(await backend.saveConnection(id, "A")).toMatchObject({ status: "ok" });
  });

  it("checks with the health a test sets, keeping when it last worked", async () => {
    let now = 1000;
    const backend = createFakeBackend({ connections: { now: () => now } });
    const saved = await backend.saveConnection(await verifiedKey(backend, SANDBOX_KEYS.valid), "");
    if (saved.status !== "ok") throw new Error("save failed");
    const { id } = saved.data.connection;
    now = 2000;
    backend.connections.setHealth(id, "failed_auth");
    expect(await backend.checkConnection(id)).toMatchObject({
      data: {
        connection: { status: "failed_auth", verified_at: 2000, last_ok_at: 1000 },
        problem: { code: "credentials_rejected", params: { provider: "HRworks" } },
      },
    });
    backend.connections.setHealth(id, "connected");
    expect(await backend.checkConnection(id)).toMatchObject({
      data: { connection: { status: "connected", last_ok_at: 2000 }, problem: null, warnings: [] },
    });
    // Far more granted than chosen: a warning, the connection still works.
    backend.connections.setGrantedBeyond(id, ["absences"]);
    expect(await backend.checkConnection(id)).toMatchObject({
      data: {
        connection: { status: "connected" },
        problem: null,
        warnings: [
          {
            code: "permissions_beyond_selection",
            params: { provider: "HRworks", permissions: "absences" },
          },
        ],
      },
    });
    expect(await backend.checkConnection("nope")).toMatchObject({
      error: { code: "connection_not_found" },
    });
  });

  it("renames (empty: the company's name) and removes", async () => {
    const backend = createFakeBackend();
    const saved = await backend.saveConnection(await verifiedKey(backend, SANDBOX_KEYS.valid), "");
    if (saved.status !== "ok") throw new Error("save failed");
    const { id } = saved.data.connection;
    expect(await backend.renameConnection(id, " Bakery ")).toMatchObject({
      data: { label: "Bakery" },
    });
    expect(await backend.renameConnection(id, "")).toMatchObject({
      data: { label: "Sandbox Bäckerei GmbH" },
    });
    expect(await backend.removeConnection(id)).toEqual({ status: "ok", data: null });
    expect(await backend.listConnections()).toMatchObject({ data: { connections: [] } });
  });

  it("re-authorises the same company, and another only when its name is typed", async () => {
    const backend = createFakeBackend();
    const saved = await backend.saveConnection(await verifiedKey(backend, SANDBOX_KEYS.valid), "");
    if (saved.status !== "ok") throw new Error("save failed");
    const { id } = saved.data.connection;
    backend.connections.setHealth(id, "failed_auth");

    const same = await verifiedKey(backend, SANDBOX_KEYS.valid);
    await backend.saveWizardDraft(draft);
    expect(await backend.reauthoriseConnection(id, same, null)).toMatchObject({
      data: {
        connection: {
          status: "connected",
          account: { name: "Sandbox Bäckerei GmbH" },
          chosen_permissions: [],
        },
      },
    });
    // Like a save: the staged credentials and the wizard's draft are forgotten.
    expect(backend.stagedIds()).not.toContain(same);
    expect(backend.draft).toBeNull();

    const other = await verifiedKey(backend, SANDBOX_KEYS.otherCompany);
    const refused = {
      error: {
        code: "different_account",
        params: {
          provider: "HRworks",
          saved: "Sandbox Bäckerei GmbH",
          reached: OTHER_COMPANY.name,
        },
      },
    };
    expect(await backend.reauthoriseConnection(id, other, null)).toMatchObject(refused);
    expect(await backend.reauthoriseConnection(id, other, "Nordlicht")).toMatchObject(refused);
    expect(
      await backend.reauthoriseConnection(id, other, "  sandbox nordlicht   LOGISTIK gmbh. "),
    ).toMatchObject({
      data: { connection: { account: OTHER_COMPANY, label: "Sandbox Bäckerei GmbH" } },
    });
  });

  it("lists connections saved before, and how many were set aside", async () => {
    const backend = createFakeBackend({
      connections: { connections: [sampleConnection()], setAside: 2 },
    });
    expect(await backend.listConnections()).toMatchObject({
      data: { connections: [{ id: "connection-sample" }], set_aside: 2 },
    });
  });
});

describe("fakeBackend people", () => {
  async function stagedValid(backend: ReturnType<typeof createFakeBackend>) {
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.valid),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    return staged.data.id;
  }

  it("lists people page by page with progress, then counts them by status", async () => {
    const backend = createFakeBackend({ people: fakeHrPeople(45), pageSize: 20 });
    const id = await stagedValid(backend);
    const progress: ListingProgress[] = [];
    const result = await backend.listPeople(id, (event) => progress.push(event));
    expect(progress.map((event) => [event.pages_done, event.pages_total, event.people])).toEqual([
      [1, 3, 20],
      [2, 3, 40],
      [3, 3, 45],
    ]);
    if (result.status !== "ok") throw new Error("listing failed");
    expect(result.data.pages).toBe(3);
    expect(result.data.report.counts).toMatchObject({ total: 45, only_in_hr: 40, inactive: 5 });
    expect(result.data.report.people).toHaveLength(45);
  });

  it("refuses unknown credentials and stops when cancelled", async () => {
    const backend = createFakeBackend({ stepDelayMs: 5 });
    expect(await backend.listPeople("staged-nope", () => {})).toMatchObject({
      error: { code: "credentials_expired" },
    });
    const id = await stagedValid(backend);
    const listing = backend.listPeople(id, () => {});
    await backend.cancelPeopleListing();
    expect(await listing).toMatchObject({ error: { code: "people_listing_cancelled" } });
  });

  it("compares with the picked roster by email and excludes people", async () => {
    const hr = fakeHrPeople(10);
    const roster = [
      hr[0],
      { ...hr[1], name: "Someone Else", email: hr[1]?.email?.toUpperCase() },
      { name: "Only Here", email: "only@example.com", teams: [] },
    ].filter((person) => person !== undefined);
    const backend = createFakeBackend({ people: hr, pickedRoster: { people: roster } });
    const id = await stagedValid(backend);
    await backend.listPeople(id, () => {});
    const compared = await backend.chooseRosterFile(id);
    if (compared.status !== "ok" || !compared.data) throw new Error("no comparison");
    expect(compared.data.roster.people).toBe(3);
    expect(compared.data.report.counts).toMatchObject({
      total: 11,
      matched: 1,
      matched_with_differences: 1,
      only_in_hr: 7,
      only_in_existing: 1,
      inactive: 1,
    });
    expect(await backend.excludePerson(id, 0, true)).toMatchObject({
      data: { total: 10, matched: 0, excluded: 1 },
    });
    const report = await backend.peopleReport(id);
    expect(report.status === "ok" && report.data.people[0]?.excluded).toBe(true);
    expect(await backend.decidePair(id, 0, "accept")).toMatchObject({ status: "error" });
  });

  it("masks names and emails in screen-share mode, and answers null when the dialog is cancelled", async () => {
    const backend = createFakeBackend({ appInfo: { support_mode: true } });
    const id = await stagedValid(backend);
    const result = await backend.listPeople(id, () => {});
    if (result.status !== "ok") throw new Error("listing failed");
    const first = result.data.report.people[0]?.hr;
    expect(first).toEqual({
      name: "A. M.",
      email: "p•••@example.com",
      status: "active",
      teams: [],
    });
    expect(await backend.chooseRosterFile(id)).toEqual({ status: "ok", data: null });
  });

  it("keeps the wizard draft like the core: names without the system's shape are dropped", async () => {
    const backend = createFakeBackend();
    expect(await backend.loadWizardDraft()).toBeNull();
    const draft = {
      provider: "ipayroll" as const,
      optional: [],
      guide_screen: 2,
      username: "not a user name",
      step: "guide" as const,
      target: null,
    };
    expect(await backend.saveWizardDraft(draft)).toEqual({ status: "ok", data: null });
    expect(await backend.loadWizardDraft()).toEqual({ ...draft, username: "" });
    await backend.saveWizardDraft({ ...draft, username: "49764apihrlink" });
    expect((await backend.loadWizardDraft())?.username).toBe("49764apihrlink");
    await backend.saveWizardDraft({ ...draft, provider: "iris", username: "Sbx!Valid-7Kq2Rw9P" });
    expect((await backend.loadWizardDraft())?.username).toBe("");
    await backend.saveWizardDraft({ ...draft, provider: "iris", username: "sbx-api-valid" });
    expect((await backend.loadWizardDraft())?.username).toBe("sbx-api-valid");
    await backend.clearWizardDraft();
    expect(await backend.loadWizardDraft()).toBeNull();
  });

  it("gives diagnostics with outcome codes only", async () => {
    const backend = createFakeBackend({ appInfo: { support_code: "HRL-2345-6789" } });
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.rejected),
    });
    if (staged.status !== "ok") throw new Error("staged");
    await backend.verifyConnection(staged.data.id, [], null, () => {});
    const bundle = await backend.diagnostics("de", "result");
    expect(JSON.parse(bundle)).toMatchObject({
      language: "de",
      step: "result",
      support_code: "HRL-2345-6789",
      events: [{ kind: "verification", provider: "hrworks", outcome: "credentials_rejected" }],
    });
    expect(bundle).not.toContain(SANDBOX_KEYS.rejected.secret);
    expect(JSON.parse(await backend.diagnostics("en", "Anything else!")).step).toBe("other");
  });
});
