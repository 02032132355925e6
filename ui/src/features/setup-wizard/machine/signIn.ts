/**
 * The browser sign-in (iPayroll, Employment Hero), part of the credentials step: waiting for the
 * system browser, each attempt numbered so that answers of older or stopped ones are ignored.
 */

import { credentials } from "./credentials";
import { counters, type Handlers } from "./state";
import { verifying } from "./verification";

export const signInHandlers: Handlers = {
  signInStarted: (state) => {
    if (state.step !== "credentials" || state.staging) return state;
    // A new sign-in replaces credentials from an earlier one.
    const draft = { ...state.draft, staged: null };
    return { step: "signingIn", draft, runs: state.runs, signIns: state.signIns + 1 };
  },
  signInStopped: (state) => {
    if (state.step !== "signingIn") return state;
    return credentials(state.draft, counters(state), { note: "signInStopped" });
  },
  signInSucceeded: (state, action) => {
    if (state.step !== "signingIn" || state.signIns !== action.attempt) return state;
    // Straight on to the check, as after pasting a key.
    return verifying({ ...state.draft, staged: action.staged }, action.staged, counters(state));
  },
  signInFailed: (state, action) => {
    if (state.step !== "signingIn" || state.signIns !== action.attempt) return state;
    // Stopped elsewhere (the browser tab closed): a note, not an error.
    if (action.problem.code === "sign_in_cancelled") {
      return credentials(state.draft, counters(state), { note: "signInStopped" });
    }
    const error = { kind: "problem", problem: action.problem, source: "signIn" } as const;
    return credentials(state.draft, counters(state), { error });
  },
};
