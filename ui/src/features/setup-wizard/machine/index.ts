/**
 * The setup wizard's states and transitions, as a pure reducer (no React, no IPC).
 *
 *   chooseProvider → scopes → guide (screen 1 … n) → credentials → verifying → result (ok | problem)
 *                               ↕            ↑ "I already have one"     ↕
 *                            handoff ────────┘                      signingIn
 *
 * `scopes` chooses what to share (the required permissions are locked on, the optional ones are
 * the admin's choice); `guide` walks through creating the API user or key, one screen at a time
 * (the screens come from the core's catalogue, so the reducer is told how many there are);
 * `handoff` is the printable sheet for someone else ("I'm not the admin"; part of the guide step);
 * `signingIn` waits for the browser sign-in (part of the credentials step).
 *
 * After a successful result:
 *
 *   result ⇄ people (who HR Link will see; back to the result, confirmed) → mapping (the HR
 *   system's categories onto the product's; skipped when it has none) → confirm (check your
 *   answers) → saved
 *   re-authorising: result → updating → saved, or → differentAccount → saved (replaced)
 *
 * How credentials are handed over depends on their kind: a key pair (a key file or pasted text,
 * HRworks), a login (an API user's name and password, IRIS), or a browser sign-in (iPayroll,
 * Employment Hero).
 *
 * Going back never loses what the admin entered: the chosen system, a key or a login typed but
 * not yet handed over, and the credentials that were loaded all stay in the `draft`. Secrets (the
 * pasted key, the password) are held only until the core has them (`staged`), then cleared.
 *
 * Each part owns its actions: `navigation`, `credentials`, `signIn`, `verification`, `people`
 * (the step's inside is `features/people/machine.ts`), `mapping` (`features/mapping/machine.ts`)
 * and `saving`. The component (`SetupWizard`) performs the IPC calls and reports what happened
 * as actions. Actions that make no sense in the current state leave it unchanged (the same
 * object).
 */

import { credentialsHandlers } from "./credentials";
import { mappingHandlers, mappingSaveHandlers, needsMapping, startMapping } from "./mapping";
import { navigationHandlers } from "./navigation";
import { peopleHandlers } from "./people";
import { isSaveStep, savingHandlers } from "./saving";
import { signInHandlers } from "./signIn";
import type { Handlers, WizardAction, WizardState } from "./state";
import { verificationHandlers } from "./verification";

export type { ChangesView, PeopleStage } from "../../people/machine";
export * from "./credentials";
export { needsMapping } from "./mapping";
export * from "./navigation";
export * from "./saving";
export * from "./signIn";
export * from "./state";
export * from "./verification";

/** Every action's handler before saving; Back is the navigation's (the mapping step's own). */
const handlers: Handlers = {
  ...savingHandlers,
  ...navigationHandlers,
  ...credentialsHandlers,
  ...signInHandlers,
  ...verificationHandlers,
  ...peopleHandlers,
  ...mappingHandlers,
};

/** The saving steps' handlers; Check your answers goes back to the mapping step. */
const saveHandlers: Handlers = { ...savingHandlers, ...mappingSaveHandlers };

type Handler = (state: WizardState, action: WizardAction) => WizardState;

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  // Back from the credentials step of a re-authorisation leaves the wizard (the component's job).
  if (action.type === "back" && state.step === "credentials" && state.draft.target) return state;
  // Saving goes through the mapping step first (skipped when the product has no categories).
  if (action.type === "saveRequested" && needsMapping(state)) return startMapping(state);
  // The saving steps answer only their own actions (and Back).
  const table = isSaveStep(state) ? saveHandlers : handlers;
  const handle = table[action.type] as Handler | undefined;
  return handle ? handle(state, action) : state;
}
