import type { CredentialKind, ProviderSummary } from "../../lib/ipc/types";

/**
 * Credential kinds the wizard can take: a key file (HRworks), an API user's name and password
 * (IRIS), a sign-in in the browser (iPayroll, Employment Hero), an API key with its region
 * (Employment Hero Payroll). A provider with a kind the wizard
 * does not know yet (a newer core) is listed as "Coming soon".
 */
const SUPPORTED_KINDS: ReadonlySet<CredentialKind> = new Set<CredentialKind>([
  "key_pair",
  "username_password",
  "browser_sign_in",
  "api_key",
]);

export function isAvailable(provider: ProviderSummary): boolean {
  return SUPPORTED_KINDS.has(provider.credential_kind);
}
