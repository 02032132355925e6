import type { Backend } from "./backend";

/**
 * `backend`, asking at once for what the first screen shows besides the app's own state (the HR
 * systems and their guides), so those answers arrive with `appInfo` instead of one round trip
 * after it. They do not change while the app runs, so each is asked for once; a failed answer is
 * asked for again next time.
 */
export function withCatalogueAhead(backend: Backend): Backend {
  const listProviders = once(() => backend.listProviders());
  const providerGuides = once(() => backend.providerGuides());
  for (const ask of [listProviders, providerGuides]) {
    ask().catch(() => {
      // Whoever needs it asks again and shows the failure.
    });
  }
  return { ...backend, listProviders, providerGuides };
}

function once<T>(ask: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | null = null;
  return () => {
    answer ??= ask().catch((error: unknown) => {
      answer = null;
      throw error;
    });
    return answer;
  };
}
