/** Provider texts for screens: the lookups into `providers.*` of the i18n catalogues. */
import type { TFunction } from "i18next";
import type { ProviderId } from "../ipc/types";
import { en } from "./en";
import { permissionKey } from "./providerTexts";

/** Looks up a key built at run time (only after checking the English texts have it). */
function lookup(t: TFunction, key: string, options?: Record<string, string>): string {
  return (t as unknown as (key: string, options?: Record<string, string>) => string)(key, options);
}

function known(provider: string): provider is ProviderId {
  return Object.hasOwn(en.providers, provider);
}

/** What a permission lets HR Link do, in plain words; its id when we have no words for it. */
export function permissionName(provider: ProviderId, id: string, t: TFunction): string {
  const key = permissionKey(id);
  return known(provider) && key in en.providers[provider].permission
    ? lookup(t, `providers.${provider}.permission.${key}`)
    : id;
}

/** How to grant a missing permission in the HR system, in its words. */
export function permissionFix(
  provider: ProviderId,
  providerName: string,
  id: string,
  t: TFunction,
): string {
  if (!known(provider)) return t("permissionFixOther", { provider: providerName });
  const key = permissionKey(id);
  const permission =
    key in en.providers[provider].fixPermission
      ? lookup(t, `providers.${provider}.fixPermission.${key}`)
      : t("quoted", { text: id });
  return lookup(t, `providers.${provider}.fix`, { permission });
}

/** How to take away, in the HR system, the permissions beyond what the admin chose. */
export function narrowAccess(provider: ProviderId, t: TFunction): string {
  return known(provider) ? lookup(t, `providers.${provider}.narrow`) : "";
}

/** How to withdraw HR Link's access in the HR system after removing a connection. */
export function revokeAccess(provider: string, providerName: string, t: TFunction): string {
  return known(provider)
    ? lookup(t, `providers.${provider}.revoke`)
    : t("connections.removeConfirm.how.other", { provider: providerName });
}

/**
 * Refused credentials in the system's own words (HRworks has key pairs, not API users), naming
 * the key by its shown hint; `null` where the general catalogue's words fit.
 */
export function rejectedCredentials(
  provider: ProviderId,
  key: string,
  t: TFunction,
): { message: string; nextStep: string } | null {
  if (!known(provider) || !en.providers[provider].rejected) return null;
  return {
    message: lookup(t, `providers.${provider}.rejected.message`, { key }),
    nextStep: lookup(t, `providers.${provider}.rejected.nextStep`),
  };
}

/**
 * Which of a vendor's products a system is and how it is connected, where the vendor has several
 * ("Employment Hero Payroll — API key"); `null` for the others.
 */
export function productLine(provider: ProviderId, t: TFunction): string | null {
  return known(provider) && en.providers[provider].product
    ? lookup(t, `providers.${provider}.product`)
    : null;
}
