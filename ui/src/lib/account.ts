/** How an account and a credential kind are named on screen (the wizard and Connections). */

import type { TFunction } from "i18next";
import type { Account, CredentialKind, ProviderId, ProviderSummary } from "./ipc/types";

/** How the admin hands credentials over, as the texts need it. */
export type HandOver = "key" | "user" | "signIn";

export function handOver(kind: CredentialKind): HandOver {
  switch (kind) {
    case "key_pair":
      return "key";
    case "username_password":
      return "user";
    case "browser_sign_in":
      return "signIn";
    // An API key is a key in every text but the few that name the file (`apiKey.*`).
    case "api_key":
      return "key";
  }
}

/** Whether a system calls what it connects to an organisation (else a company). */
export function isOrganisation(provider: ProviderId): boolean {
  return provider === "ipayroll" || provider === "employmenthero";
}

/**
 * The account's name for headings: iPayroll names organisations only by number (the core's
 * English "iPayroll organisation 49764" is reworded here so that it is translated, and without a
 * number, which iPayroll gives only through its employees, it is just "iPayroll"); a nameless
 * account is called by its number, else by the system's name.
 */
export function accountName(provider: ProviderSummary, account: Account, t: TFunction): string {
  if (provider.id === "ipayroll") {
    return account.id ? t("result.ipayrollOrganisation", { number: account.id }) : provider.name;
  }
  return account.name || account.id || provider.name;
}

/** The rows that name the account: iPayroll's is only a number; a number nobody gave is left out. */
export function accountRows(provider: ProviderSummary, account: Account, t: TFunction) {
  if (provider.id === "ipayroll") {
    return account.id ? [{ key: t("result.organisationNumber"), value: account.id }] : [];
  }
  const organisation = isOrganisation(provider.id);
  const name = {
    key: organisation ? t("result.organisation") : t("result.company"),
    value: accountName(provider, account, t),
  };
  const number = {
    key: organisation
      ? t("result.organisationId", { provider: provider.name })
      : t("result.companyNumber", { provider: provider.name }),
    value: account.id,
  };
  return account.id ? [name, number] : [name];
}
