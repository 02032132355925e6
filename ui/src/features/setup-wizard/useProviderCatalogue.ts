import { useEffect, useState } from "react";
import { useBackend } from "../../lib/ipc/BackendContext";
import type { ProviderGuide, ProviderSummary } from "../../lib/ipc/types";

export interface ProviderCatalogue {
  providers: ProviderSummary[];
  guides: ProviderGuide[];
}

/**
 * The HR systems and their guides, asked of the core once: `null` while loading, `"failed"`
 * when the core could not answer.
 */
export function useProviderCatalogue(): ProviderCatalogue | null | "failed" {
  const backend = useBackend();
  const [catalogue, setCatalogue] = useState<ProviderCatalogue | null | "failed">(null);
  useEffect(() => {
    let current = true;
    Promise.all([backend.listProviders(), backend.providerGuides()]).then(
      ([providers, guides]) => current && setCatalogue({ providers, guides }),
      () => current && setCatalogue("failed"),
    );
    return () => {
      current = false;
    };
  }, [backend]);
  return catalogue;
}
