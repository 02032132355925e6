/**
 * The fake's verification runs: the built-in scenarios the Sandbox's keys and users lead to (how
 * a run is narrowed to the permissions the admin chose is `selection.ts`).
 */

import type {
  Account,
  PeopleCount,
  PermissionCheck,
  Problem,
  ProviderId,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
} from "../types";
import { ok } from "./result";
import {
  FAKE_BUSINESSES,
  FAKE_ORGANISATIONS,
  OTHER_COMPANY,
  providerName,
  SANDBOX_API_KEYS,
  SANDBOX_KEYS,
  SANDBOX_LOGINS,
} from "./sandbox";
import type { FakeStaged, VerifyScript } from "./types";

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
  employmenthero_payroll: {
    account: { ...FAKE_BUSINESSES[0] },
    permissions: [
      ["business", true],
      ["employee", true],
      ["location", false],
      ["employingentity", false],
    ],
  },
};

/** A people count as the core words it: HRworks and iPayroll count the active people only. */
function counted(provider: ProviderId, count: number): PeopleCount {
  const active = provider === "hrworks" || provider === "ipayroll";
  return { count, counted: active ? "active" : "everyone" };
}

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
    people: counted(provider, 42),
    problems: [],
    warnings: [],
    ...overrides,
  };
}

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
      return employmentHeroScenario(staged);
    case "hrworks":
      return hrworksScenario(staged);
    case "employmenthero_payroll":
      return payrollScenario(staged);
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
      return signedInOnly("ipayroll", ["employees", "missing"], {
        code: "permission_missing",
        params: { provider: providerName("ipayroll"), permission: "employees" },
      });
    }
    case users.otherOrganisation.username:
      return scenarioFor(
        successReport("ipayroll", {
          account: { id: "51234", name: "iPayroll organisation 51234" },
          people: counted("ipayroll", 8),
        }),
      );
    default:
      return scenarioFor(successReport("ipayroll"));
  }
}

/**
 * A run that signed in but reached no account: one permission judged `status`, and `problem`.
 */
function signedInOnly(
  provider: ProviderId,
  [id, status]: [string, PermissionCheck["status"]],
  problem: Problem,
): VerifyScript {
  const report = successReport(provider);
  return scenarioFor({
    ...report,
    ok: false,
    account: null,
    people: null,
    permissions: report.permissions.map((p) => (p.id === id ? { ...p, status } : p)),
    problems: [problem],
  });
}

/**
 * The organisations a fake sign-in reaches (both for the partner user, else the main one), or
 * the businesses an API key reaches (both for the two-business key, else the main one).
 */
export function organisationsOf(staged: FakeStaged) {
  if (staged.provider === "employmenthero_payroll") {
    const two = staged.accessKey === SANDBOX_API_KEYS.twoBusinesses;
    return two ? [...FAKE_BUSINESSES] : [FAKE_BUSINESSES[0]];
  }
  if (staged.provider !== "employmenthero") return [];
  const partner = staged.login === SANDBOX_LOGINS.employmenthero.partner.username;
  return partner ? [...FAKE_ORGANISATIONS] : [FAKE_ORGANISATIONS[0]];
}

/** The valid and the two-business key (asked which business), else refused, like the Sandbox. */
function payrollScenario(staged: FakeStaged): VerifyScript {
  const provider = "employmenthero_payroll";
  if (
    staged.accessKey !== SANDBOX_API_KEYS.valid &&
    staged.accessKey !== SANDBOX_API_KEYS.twoBusinesses
  ) {
    return failedScenario(provider, {
      code: "credentials_rejected",
      params: { provider: providerName(provider) },
    });
  }
  return chosenScenario(staged, ["business", "granted"]);
}

function employmentHeroScenario(staged: FakeStaged): VerifyScript {
  // No organisation to count in: the employee permission is judged from the granted scopes.
  return chosenScenario(staged, ["employees:list", "granted"]);
}

/**
 * A run for credentials that reach `organisationsOf(staged)`: a choice to make while there are
 * several and none is chosen (`judged` is the permission known without one), else the one chosen.
 */
function chosenScenario(
  staged: FakeStaged,
  judged: [string, PermissionCheck["status"]],
): VerifyScript {
  const provider = staged.provider;
  const reached = organisationsOf(staged);
  const chosen = reached.find((org) => org.id === (staged.organisation ?? reached[0]?.id));
  const choiceNeeded: Problem = {
    code: "organisation_choice_needed",
    params: { provider: providerName(provider), count: reached.length },
  };
  if (reached.length > 1 && staged.organisation === undefined) {
    return signedInOnly(provider, judged, choiceNeeded);
  }
  if (!chosen) return failedScenario(provider, choiceNeeded);
  const empty = chosen.id !== reached[0]?.id && provider === "employmenthero";
  return scenarioFor(
    successReport(provider, {
      account: { ...chosen },
      people: counted(provider, empty ? 0 : 42),
    }),
  );
}

function hrworksScenario(staged: FakeStaged): VerifyScript {
  const provider = providerName(staged.provider);
  const auth: VerifyStep = { kind: "authenticate" };
  switch (staged.accessKey) {
    case SANDBOX_KEYS.valid.access:
      return scenarioFor(successReport(staged.provider));
    case SANDBOX_KEYS.otherCompany.access:
      return scenarioFor(
        successReport(staged.provider, {
          account: { ...OTHER_COMPANY },
          people: counted(staged.provider, 120),
        }),
      );
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
      warnings: [],
    }),
  };
}
