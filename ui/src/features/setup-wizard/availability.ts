import type { CredentialKind, ProviderSummary } from "../../lib/ipc/types";

/**
 * Credential kinds the core can stage today. The other providers are listed as "Coming soon"
 * (the core answers `configuration_invalid` for them): add a kind here when the core supports it.
 */
const SUPPORTED_KINDS: ReadonlySet<CredentialKind> = new Set<CredentialKind>(["key_pair"]);

export function isAvailable(provider: ProviderSummary): boolean {
  return SUPPORTED_KINDS.has(provider.credential_kind);
}
