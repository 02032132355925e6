/** Plain-language texts derived from IPC data (permission names, countries). */

import type { TFunction } from "i18next";
import { en } from "../../lib/i18n/en";
import type { ProviderId } from "../../lib/ipc/types";

type PermissionKey = keyof typeof en.permissions;

function permissionKey(id: string): PermissionKey | undefined {
  const key = id.replace(/[.-]/g, "_");
  return key in en.permissions ? (key as PermissionKey) : undefined;
}

/** What a permission lets HR Link do, in plain words; its id when we have no words for it. */
export function permissionName(id: string, t: TFunction): string {
  const key = permissionKey(id);
  return key ? t(`permissions.${key}`) : id;
}

/** How to grant a missing permission in the HR system. */
export function permissionFix(
  provider: ProviderId,
  providerName: string,
  id: string,
  t: TFunction,
): string {
  return provider === "hrworks"
    ? t("permissionFix.hrworks", { id })
    : t("permissionFix.other", { provider: providerName });
}

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
