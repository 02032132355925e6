import { describe, expect, it } from "vitest";
import scenarios from "../../../../crates/hrlink-sandbox/src/scenarios.rs?raw";
import { createI18n } from "../../lib/i18n";
import { revokeAccess } from "../../lib/i18n/providers";
import { DEFAULT_PROVIDERS, SANDBOX_LOGINS } from "../../lib/ipc/fakeBackend";
import type { ProviderId } from "../../lib/ipc/types";
import { SANDBOX_USERS } from "./sandbox";
import { accountName, narrowAccess, permissionFix, permissionName } from "./text";

/** The string literals from where `start` matches (a constant's `=`) to the next `;`. */
function rustStrings(source: string, start: RegExp): string[] {
  const match = start.exec(source);
  if (!match) throw new Error(`${start} not found`);
  const from = match.index + match[0].length;
  const body = source.slice(from, source.indexOf(";", from));
  return [...body.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "");
}

describe("permission names", () => {
  it("names them per system, and shows the id of one it does not know", () => {
    const { t } = createI18n("en");
    expect(permissionName("iris", "employees", t)).toMatch(/^See who works for you/);
    expect(permissionName("ipayroll", "payrolls", t)).toBe("Read pay runs");
    expect(permissionName("employmenthero", "organisations:list", t)).toBe(
      "See which organisations you can reach",
    );
    expect(permissionName("hrworks", "persons.master-data", t)).toMatch(/^Read people's details/);
    expect(permissionName("hrworks", "employees", t)).toBe("employees");
    expect(permissionName("employmenthero", "payslips:read", t)).toBe("payslips:read");
  });

  it("says where to grant a permission in each system", () => {
    const { t } = createI18n("en");
    expect(permissionFix("iris", "IRIS HR Professional", "contract", t)).toBe(
      "In IRIS HR Professional, go to System Tools > Utilities > Company > API Users, select the API user and click Set Rights. Allow it to read the Contract tab, click Save, then choose Try again.",
    );
    expect(permissionFix("ipayroll", "iPayroll", "employees", t)).toMatch(
      /^Sign in again and allow “employees” on iPayroll's page\..*ask your iPayroll main user or iPayroll support/,
    );
    expect(permissionFix("employmenthero", "Employment Hero", "employees:list", t)).toMatch(
      /Developer Portal > API .*“employees:list”/,
    );
    const de = createI18n("de").t;
    expect(permissionFix("iris", "IRIS HR Professional", "personal", de)).toContain(
      "den Reiter Personal",
    );
  });
});

describe("provider texts from the core's catalogue", () => {
  for (const language of ["en", "de"] as const) {
    it(`has every provider's narrow and revoke steps (${language})`, () => {
      const { t } = createI18n(language);
      const other = t("connections.removeConfirm.how.other", { provider: "X" });
      for (const provider of DEFAULT_PROVIDERS) {
        expect(narrowAccess(provider.id, t), provider.id).toMatch(new RegExp(provider.name));
        expect(revokeAccess(provider.id, "X", t), provider.id).not.toBe(other);
      }
      expect(revokeAccess("personio", "Personio", t)).toMatch(/Personio/);
    });
  }
});

describe("accountName", () => {
  const provider = (id: ProviderId) => {
    const found = DEFAULT_PROVIDERS.find((p) => p.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it("calls an iPayroll organisation by its number, in the UI's language", () => {
    const account = { id: "49764", name: "iPayroll organisation 49764" };
    expect(accountName(provider("ipayroll"), account, createI18n("en").t)).toBe(
      "iPayroll organisation 49764",
    );
    expect(accountName(provider("ipayroll"), account, createI18n("de").t)).toBe(
      "der iPayroll-Organisation 49764",
    );
    expect(accountName(provider("ipayroll"), { id: "", name: "" }, createI18n("en").t)).toBe(
      "iPayroll",
    );
  });

  it("falls back to the number, then the system, for a nameless account", () => {
    const { t } = createI18n("en");
    expect(accountName(provider("iris"), { id: "7", name: "" }, t)).toBe("7");
    expect(accountName(provider("iris"), { id: "", name: "" }, t)).toBe("IRIS HR Professional");
  });
});

describe("Sandbox test users", () => {
  /** `username`/`password` of the Rust constant `name` inside `pub mod module`. */
  function login(module: string, name: string) {
    const inModule = scenarios.slice(scenarios.indexOf(`pub mod ${module} {`));
    const [username, password] = rustStrings(inModule, new RegExp(`pub const ${name}: Login =`));
    return { username, password };
  }

  it("are the ones the Sandbox accepts", () => {
    expect(SANDBOX_USERS.iris).toEqual(login("iris", "VALID"));
    expect(SANDBOX_USERS.ipayroll).toEqual(login("ipayroll", "API_USER"));
    expect(SANDBOX_USERS.employmenthero).toEqual(login("employmenthero", "ONE_ORGANISATION"));
    expect(SANDBOX_LOGINS.iris.inactive).toEqual(login("iris", "INACTIVE"));
    expect(SANDBOX_LOGINS.iris.apiDisabled).toEqual(login("iris", "API_DISABLED"));
    expect(SANDBOX_LOGINS.iris.noContract).toEqual(login("iris", "NO_CONTRACT_RIGHTS"));
    expect(SANDBOX_LOGINS.ipayroll.withoutEmployees).toEqual(
      login("ipayroll", "API_USER_WITHOUT_EMPLOYEES"),
    );
  });
});
