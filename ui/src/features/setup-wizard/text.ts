/** Plain-language texts derived from IPC data (permission names, accounts, countries). */

import type { TFunction } from "i18next";
import type { Account, PeopleCount, ProviderGuide, ProviderSummary } from "../../lib/ipc/types";

/** Looks up a key built at run time (checked against the English strings first). */
function dynamic(t: TFunction, key: string, options?: Record<string, string>): string {
  return (t as unknown as (key: string, options?: Record<string, string>) => string)(key, options);
}

import { accountName } from "../../lib/account";

export { accountName, type HandOver, handOver, isOrganisation } from "../../lib/account";
export { narrowAccess, permissionFix, permissionName } from "../../lib/i18n/providers";

/** The providers' region codes are ISO 3166 except the UK's. */
const REGION_CODES: Record<string, string> = { UK: "GB" };

/** "DE" → "Germany" / "Deutschland". */
export function regionName(region: string, language: string): string {
  try {
    const names = new Intl.DisplayNames([language], { type: "region" });
    return names.of(REGION_CODES[region] ?? region) ?? region;
  } catch {
    return region;
  }
}

/** A problem's element id on the result page (for error-summary links). */
export function permissionAnchor(id: string): string {
  return `permission-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The name a new connection gets unless the admin types another: the company, or "iPayroll 49764". */
export function defaultLabel(provider: ProviderSummary, account: Account, t: TFunction): string {
  if (provider.id === "ipayroll") {
    return account.id ? `${provider.name} ${account.id}` : provider.name;
  }
  return accountName(provider, account, t);
}

/** A text of the core's guide catalogue (`providerGuide.*` in the i18n catalogues) by its id. */
export function guideText(t: TFunction, id: string, params: Record<string, string>): string {
  return dynamic(t, `providerGuide.${id}`, params);
}

/** The permissions the admin shares: the required ones and the optional ones chosen. */
export function sharedPermissions(guide: ProviderGuide, optional: readonly string[]) {
  return guide.permissions.filter(
    (permission) => permission.required || optional.includes(permission.id),
  );
}

/**
 * The HR system's own people count, said as it counts (the active people only, or every record
 * with former staff), so that it is not mistaken for the People step's figures.
 */
export function peopleCountText(
  people: PeopleCount | null,
  provider: ProviderSummary,
  t: TFunction,
): string {
  if (!people) return t("result.peopleUnknown");
  const key = people.counted === "active" ? "result.peopleCount" : "result.peopleCountEveryone";
  return t(key, { count: people.count, provider: provider.name });
}
