/**
 * Resuming a half-finished wizard after a restart: what of the machine's state is kept on disk
 * (through the core's draft), and the state a kept draft resumes at.
 *
 * Only the choices are kept: the system, the optional permissions, the guide screen, the API
 * user's name (iPayroll's planned one, IRIS's generated one; the core keeps it only when it has
 * that system's shape), how far the admin got and the connection being re-authorised. Never the
 * key text, the IRIS password (nor a user name equal to it) or the staged credentials, and never
 * people. Whatever was reached from the credentials on resumes at the credentials step with a
 * note that the key was deliberately not kept.
 */

import type { DraftStep, WizardDraft } from "../../lib/ipc/types";
import { type Draft, emptyDraft, type ReauthTarget, type WizardState } from "./machine";

/** How far each step is, as the draft records it. */
const REACHED: Partial<Record<WizardState["step"], DraftStep>> = {
  scopes: "scopes",
  guide: "guide",
  handoff: "guide",
  credentials: "credentials",
  signingIn: "credentials",
  verifying: "verification",
  result: "verification",
  people: "verification",
  mapping: "verification",
  confirm: "verification",
  updating: "verification",
  differentAccount: "verification",
};

/**
 * The draft to keep for `state`, or `null` when there is nothing to resume (no system chosen
 * yet, or the connection is saved). Built field by field, so nothing secret can slip in.
 */
export function draftToKeep(state: WizardState): WizardDraft | null {
  const reached = REACHED[state.step];
  const { provider } = state.draft;
  if (!reached || !provider) return null;
  return {
    provider,
    optional: [...state.draft.optional],
    guide_screen: state.draft.guideScreen,
    username: usernameToKeep(state.draft),
    step: reached,
    target: state.draft.target?.id ?? null,
  };
}

/** The API user's name for the chosen system; never one equal to the password typed beside it. */
function usernameToKeep(draft: Draft): string {
  if (draft.provider === "ipayroll") return draft.apiUsername;
  if (draft.provider !== "iris" || draft.loginUsername.trim() === draft.loginPassword.trim())
    return "";
  return draft.loginUsername;
}

/**
 * The state a kept draft resumes at. `target` is the saved connection it re-authorises (looked
 * up by the caller; `null` when it is a new connection or the connection is gone).
 */
export function resumeState(kept: WizardDraft, target: ReauthTarget | null): WizardState {
  const draft: Draft = {
    ...emptyDraft,
    provider: kept.provider,
    optional: [...kept.optional],
    guideScreen: kept.guide_screen,
    apiUsername: kept.provider === "ipayroll" ? kept.username : "",
    loginUsername: kept.provider === "iris" ? kept.username : "",
    target,
  };
  const counters = { runs: 0, signIns: 0 };
  // A re-authorisation always starts at its credentials.
  if (!target && (kept.step === "scopes" || kept.step === "guide")) {
    return { step: kept.step, draft, ...counters };
  }
  return {
    step: "credentials",
    draft,
    ...counters,
    staging: null,
    error: null,
    note: "keyNotKept",
  };
}
