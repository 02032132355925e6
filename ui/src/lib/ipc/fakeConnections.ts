/**
 * The fake backend's saved connections: an in-memory imitation of the core's connection store
 * (`crates/hrlink-core/src/connections`), with the same rules: only verified credentials are
 * saved, an empty label means the company's name, a re-authorisation that reaches another company
 * is refused unless its name is typed, a connection keeps the optional permissions chosen for it,
 * and a check records the status it finds.
 */

import { sameCompanyName } from "../companyName";
import { accountOf } from "./fake/answers";
import { err, ok } from "./fake/result";
import type {
  Account,
  CheckedConnection,
  ConnectionList,
  ConnectionStatus,
  ConnectionSummary,
  Problem,
  ProviderId,
  Result,
  VerificationReport,
} from "./types";

/** What the store needs to know about verified staged credentials. */
export interface VerifiedStaged {
  provider: ProviderId;
  providerName: string;
  hint: string;
  report: VerificationReport;
}

/** Keychain answers a test can make the next save, re-authorisation or removal give. */
export type VaultProblem = Extract<
  Problem,
  { code: "vault_locked" | "vault_unavailable" | "vault_timed_out" }
>;

export interface FakeConnectionsOptions {
  /** Connections saved before the app started. */
  connections?: ConnectionSummary[];
  /** How many unreadable profile files were set aside. */
  setAside?: number;
  /** The clock (Unix seconds). */
  now?: () => number;
}

/** The problem a check reports for a status (the core's `ConnectionStatus::for_problem`). */
function problemFor(status: ConnectionStatus, provider: string): Problem | null {
  switch (status) {
    case "connected":
      return null;
    case "failed_auth":
      return { code: "credentials_rejected", params: { provider } };
    case "missing_permission":
      return { code: "permission_missing", params: { provider, permission: "persons" } };
    case "unreachable":
      return { code: "provider_unreachable", params: { provider } };
    case "vault_locked":
      return { code: "vault_locked" };
  }
}

export function createFakeConnections(options: FakeConnectionsOptions = {}) {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const store = new Map<string, ConnectionSummary>(
    (options.connections ?? []).map((c) => [c.id, c]),
  );
  /** What the next check of a connection finds (default: connected). */
  const health = new Map<string, ConnectionStatus>();
  let vaultProblem: VaultProblem | null = null;
  let nextId = 0;

  const notFound = (id: string) => err({ code: "connection_not_found", params: { id } } as const);

  /** The company a verified report reached, or why there is none (`verified_account`). */
  function verifiedAccount(staged: VerifiedStaged | null): Result<Account, Problem> {
    if (!staged) return err({ code: "credentials_expired" });
    const { report } = staged;
    if (report.ok && report.account) return ok(report.account);
    return err(
      report.problems[0] ?? {
        code: "configuration_invalid",
        params: { what: "an unverified connection" },
      },
    );
  }

  const granted = (report: VerificationReport) =>
    report.permissions.filter((p) => p.status === "granted").map((p) => p.id);
  /** The optional permissions a report was judged against (the core's `select`). */
  const chosen = (report: VerificationReport) =>
    report.permissions.filter((p) => !p.required).map((p) => p.id);
  /** What the next checks of a connection find granted beyond its choice. */
  const beyond = new Map<string, string[]>();

  /** Takes the keychain problem a test set up, if any (it applies once). */
  function takeVaultProblem(): VaultProblem | null {
    const problem = vaultProblem;
    vaultProblem = null;
    return problem;
  }

  return {
    /** Makes the next keychain write or delete fail with `problem`. */
    failNextVaultCall(problem: VaultProblem) {
      vaultProblem = problem;
    },
    /** What the next checks of `id` find. */
    setHealth(id: string, status: ConnectionStatus) {
      health.set(id, status);
    },
    /**
     * What the next checks of `id` find granted beyond the permissions chosen for it: a
     * `permissions_beyond_selection` warning while it works and has a recorded choice.
     */
    setGrantedBeyond(id: string, permissions: string[]) {
      beyond.set(id, permissions);
    },
    get(id: string): ConnectionSummary | undefined {
      return store.get(id);
    },

    list(): Result<ConnectionList, Problem> {
      const connections = [...store.values()].sort((a, b) => a.created_at - b.created_at);
      return ok({ connections, set_aside: options.setAside ?? 0 });
    },

    /** The saved connection for the account `staged` reached, as the core's `already_connected`. */
    alreadyConnected(staged: VerifiedStaged | null): Result<ConnectionSummary | null, Problem> {
      const account = verifiedAccount(staged);
      if (account.status === "error" || !staged) return ok(null);
      const same = (c: ConnectionSummary) =>
        c.provider === staged.provider && c.account.id === account.data.id;
      return ok([...store.values()].find(same) ?? null);
    },

    save(staged: VerifiedStaged | null, label: string): Result<ConnectionSummary, Problem> {
      const account = verifiedAccount(staged);
      if (account.status === "error" || !staged) return account as Result<never, Problem>;
      const problem = takeVaultProblem();
      if (problem) return err(problem);
      nextId += 1;
      const time = now();
      const connection: ConnectionSummary = {
        id: `connection-${nextId}`,
        label: label.trim() || account.data.name,
        provider: staged.provider,
        account: account.data,
        hint: staged.hint,
        status: "connected",
        granted_permissions: granted(staged.report),
        chosen_permissions: chosen(staged.report),
        created_at: time,
        verified_at: time,
        last_ok_at: time,
        last_used: null,
      };
      store.set(connection.id, connection);
      return ok(connection);
    },

    check(id: string, providerName: string): Result<CheckedConnection, Problem> {
      const saved = store.get(id);
      if (!saved) return notFound(id);
      const status = health.get(id) ?? "connected";
      const time = now();
      const connection: ConnectionSummary = {
        ...saved,
        status,
        verified_at: status === "vault_locked" ? saved.verified_at : time,
        last_ok_at: status === "connected" ? time : saved.last_ok_at,
      };
      store.set(id, connection);
      const extra = beyond.get(id) ?? [];
      const warnings: Problem[] =
        status === "connected" && saved.chosen_permissions !== null && extra.length > 0
          ? [
              {
                code: "permissions_beyond_selection",
                params: { provider: providerName, permissions: extra.join(", ") },
              },
            ]
          : [];
      return ok({ connection, problem: problemFor(status, providerName), warnings });
    },

    rename(id: string, label: string): Result<ConnectionSummary, Problem> {
      const saved = store.get(id);
      if (!saved) return notFound(id);
      const connection = { ...saved, label: label.trim() || saved.account.name };
      store.set(id, connection);
      return ok(connection);
    },

    remove(id: string): Result<null, Problem> {
      if (!store.has(id)) return notFound(id);
      const problem = takeVaultProblem();
      if (problem) return err(problem);
      store.delete(id);
      health.delete(id);
      beyond.delete(id);
      return ok(null);
    },

    reauthorise(
      id: string,
      staged: VerifiedStaged | null,
      replacementName: string | null,
    ): Result<ConnectionSummary, Problem> {
      const saved = store.get(id);
      if (!saved) return notFound(id);
      const account = verifiedAccount(staged);
      if (account.status === "error" || !staged) return account as Result<never, Problem>;
      const reached = account.data;
      const same =
        saved.account.id === reached.id && sameCompanyName(saved.account.name, reached.name);
      if (!same && !sameCompanyName(replacementName ?? "", reached.name)) {
        return err({
          code: "different_account",
          params: {
            provider: staged.providerName,
            saved: saved.account.name,
            reached: reached.name,
          },
        });
      }
      const problem = takeVaultProblem();
      if (problem) return err(problem);
      const time = now();
      const connection: ConnectionSummary = {
        ...saved,
        account: reached,
        hint: staged.hint,
        status: "connected",
        granted_permissions: granted(staged.report),
        chosen_permissions: chosen(staged.report),
        verified_at: time,
        last_ok_at: time,
      };
      store.set(id, connection);
      health.delete(id);
      return ok(connection);
    },
  };
}

export type FakeConnections = ReturnType<typeof createFakeConnections>;

/** The company the Sandbox's valid HRworks key reaches. */
const BAKERY = accountOf("hrworks", "valid");

/** A saved connection for tests and development (HRworks, the Sandbox's main company). */
export function sampleConnection(overrides: Partial<ConnectionSummary> = {}): ConnectionSummary {
  return {
    id: "connection-sample",
    label: BAKERY.name,
    provider: "hrworks",
    account: BAKERY,
    hint: "••••••••0001",
    status: "connected",
    granted_permissions: ["persons", "persons.master-data"],
    chosen_permissions: [],
    created_at: 1_700_000_000,
    verified_at: 1_700_000_000,
    last_ok_at: 1_700_000_000,
    last_used: null,
    ...overrides,
  };
}

/** Three saved connections for development and screenshots (days ago: 30, 20, 10). */
export function sampleConnections(now = Math.floor(Date.now() / 1000)): ConnectionSummary[] {
  const day = 24 * 3600;
  return [
    sampleConnection({
      id: "connection-bakery",
      label: "Bakery payroll",
      granted_permissions: ["persons", "persons.master-data", "organization-units"],
      chosen_permissions: ["organization-units"],
      created_at: now - 30 * day,
      last_ok_at: now - 2 * day,
    }),
    sampleConnection({
      id: "connection-tea",
      label: "Tea rooms",
      provider: "iris",
      account: accountOf("iris", "valid"),
      hint: "••••••••alid",
      created_at: now - 20 * day,
      last_ok_at: now - 3 * day,
    }),
    sampleConnection({
      id: "connection-payroll",
      label: "NZ payroll",
      provider: "ipayroll",
      account: accountOf("ipayroll", "apiUser"),
      hint: "",
      granted_permissions: ["employees"],
      // Saved before the choice was recorded.
      chosen_permissions: null,
      created_at: now - 10 * day,
      last_ok_at: null,
    }),
  ];
}
