/**
 * The fake's daily check: a scheduler that keeps the job as the core's would (`enabled`, the
 * next run), or none at all (`schedule_unavailable`), and the saved page's one offer.
 */

import { err, ok } from "./result";
import type { FakeState } from "./state";
import type { FakeBackend } from "./types";

/** 09:00 tomorrow, as systemd would answer for a timer just started (Unix seconds). */
function nextNine(): number {
  const next = new Date();
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return Math.floor(next.getTime() / 1000);
}

export function scheduleMethods(
  state: FakeState,
): Pick<FakeBackend, "dailyCheck" | "setDailyCheck" | "takeDailyCheckOffer"> {
  const { calls, options } = state;
  const unavailable = () => err({ code: "schedule_unavailable" } as const);
  return {
    async dailyCheck() {
      calls.push({ method: "dailyCheck" });
      return state.schedule ? ok({ ...state.schedule }) : unavailable();
    },
    async setDailyCheck(on) {
      calls.push({ method: "setDailyCheck", on });
      if (!state.schedule) return unavailable();
      if (options.dailyCheckProblem) return err(options.dailyCheckProblem);
      state.schedule = { ...state.schedule, enabled: on, next_run: on ? nextNine() : null };
      return ok({ ...state.schedule });
    },
    async takeDailyCheckOffer() {
      calls.push({ method: "takeDailyCheckOffer" });
      const first = !state.dailyCheckOffered;
      state.dailyCheckOffered = true;
      return first;
    },
  };
}
