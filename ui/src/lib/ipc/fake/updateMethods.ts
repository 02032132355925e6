/**
 * The fake's updates: what the check at start-up found (`options.update`, default nothing), and
 * "Restart now", refused while a wizard is mid-way as the core refuses it.
 */

import { err, ok } from "./result";
import type { FakeState } from "./state";
import type { FakeBackend } from "./types";

export function updateMethods(
  state: FakeState,
): Pick<FakeBackend, "onUpdateNews" | "installUpdate"> {
  const { calls, options } = state;
  return {
    async onUpdateNews(handler) {
      if (options.update) handler(options.update);
      return () => {
        // Told once at most: nothing to stop.
      };
    },
    async installUpdate(wizardMidWay) {
      calls.push({ method: "installUpdate", wizardMidWay });
      if (wizardMidWay) return err({ code: "update_waits_for_wizard" } as const);
      if (options.installProblem) return err(options.installProblem);
      return ok(null);
    },
  };
}
