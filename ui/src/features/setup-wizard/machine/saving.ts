/**
 * Saving, after a successful result.
 *
 *   New connection:  result → confirm ("check your answers", the label) → saved
 *   Re-authorising (`draft.target` set; the wizard starts at `credentials`):
 *                    result → updating → saved
 *                                ↘ differentAccount (another company) → credentials (try again)
 *                                                                    → saved (replaced by name)
 *
 * The People step is entered from a successful result and returns to it with the confirmed
 * counts; saving starts from the result.
 */

import { sameCompanyName } from "../../../lib/companyName";
import { validateLabel } from "../../../lib/label";
import { credentials } from "./credentials";
import {
  counters,
  emptyDraft,
  type Handlers,
  type Outcome,
  type ReauthTarget,
  type ReplacementError,
  type SavedHow,
  type SaveState,
  type SaveStepName,
  type Saving,
  type WizardState,
} from "./state";

const SAVE_STEPS: ReadonlySet<string> = new Set<SaveStepName>([
  "confirm",
  "updating",
  "differentAccount",
  "saved",
]);

export function isSaveStep(state: WizardState): state is Extract<WizardState, SaveState> {
  return SAVE_STEPS.has(state.step);
}

/**
 * The wizard for re-authorising `target`: straight at its credentials step, with the optional
 * permissions `chosen` when it was saved (none when no choice was recorded), so that the new
 * credentials are judged as the saved ones are.
 */
export function reauthoriseState(
  target: ReauthTarget,
  chosen: readonly string[] | null,
): WizardState {
  const draft = { ...emptyDraft, provider: target.provider, optional: [...(chosen ?? [])], target };
  return credentials(draft, { runs: 0, signIns: 0 });
}

function startSaving(saving: Saving): Saving {
  return { busy: true, problem: null, attempt: saving.attempt + 1 };
}

const idle: Saving = { busy: false, problem: null, attempt: 0 };

type SavingState = Extract<WizardState, { saving: Saving }>;

/** Whether `state` is waiting for the answer to save attempt `attempt`. */
function awaits(state: WizardState, attempt: number): state is SavingState {
  return "saving" in state && state.saving.busy && state.saving.attempt === attempt;
}

export const savingHandlers: Handlers = {
  saveRequested: (state, action) => {
    if (state.step !== "result" || state.outcome.kind !== "ok") return state;
    const verified = {
      draft: state.draft,
      ...counters(state),
      staged: state.staged,
      report: state.outcome.report,
      ...(state.confirmed && { confirmed: state.confirmed }),
    };
    if (state.draft.target) {
      return { ...verified, step: "updating", saving: startSaving(idle) };
    }
    return { ...verified, step: "confirm", label: action.label, labelError: null, saving: idle };
  },
  editLabel: (state, action) => {
    if (state.step !== "confirm" || state.saving.busy) return state;
    return { ...state, label: action.text, labelError: null };
  },
  changeAnswer: (state, action) => {
    if (state.step !== "confirm" || state.saving.busy) return state;
    if (action.answer === "provider") {
      return { step: "chooseProvider", draft: state.draft, ...counters(state), error: null };
    }
    return credentials({ ...state.draft, staged: state.staged }, counters(state));
  },
  back: (state) => {
    if (state.step === "confirm" && !state.saving.busy) {
      const outcome: Outcome = { kind: "ok", report: state.report };
      return {
        step: "result",
        draft: state.draft,
        staged: state.staged,
        ...counters(state),
        outcome,
        ...(state.confirmed && { confirmed: state.confirmed }),
      };
    }
    return state;
  },
  saveSubmitted: (state) => {
    switch (state.step) {
      case "confirm": {
        if (state.saving.busy) return state;
        const labelError = validateLabel(state.label);
        if (labelError) return { ...state, labelError, saving: { ...state.saving, problem: null } };
        return { ...state, saving: startSaving(state.saving) };
      }
      case "updating":
        return state.saving.busy ? state : { ...state, saving: startSaving(state.saving) };
      case "differentAccount": {
        if (state.saving.busy) return state;
        const nameError: ReplacementError | null =
          state.typedName.trim() === ""
            ? "required"
            : sameCompanyName(state.typedName, state.reached)
              ? null
              : "mismatch";
        if (nameError) return { ...state, nameError, saving: { ...state.saving, problem: null } };
        return { ...state, saving: startSaving(state.saving) };
      }
      default:
        return state;
    }
  },
  saveFailed: (state, action) => {
    if (!awaits(state, action.attempt)) return state;
    const saving: Saving = { ...state.saving, busy: false, problem: action.problem };
    const { problem } = action;
    if (state.step === "updating" && problem.code === "different_account") {
      return {
        step: "differentAccount",
        draft: state.draft,
        ...counters(state),
        staged: state.staged,
        report: state.report,
        saved: problem.params.saved,
        reached: problem.params.reached,
        typedName: "",
        nameError: null,
        saving: { ...saving, problem: null },
      };
    }
    return { ...state, saving };
  },
  saveSucceeded: (state, action) => {
    if (!awaits(state, action.attempt)) return state;
    const how: SavedHow =
      state.step === "confirm" ? "saved" : state.step === "updating" ? "reauthorised" : "replaced";
    // The core forgot the credentials once it saved them.
    const draft = { ...state.draft, staged: null };
    return {
      step: "saved",
      draft,
      ...counters(state),
      connection: action.saved.connection,
      how,
      peopleNotKept: action.saved.people_not_kept,
    };
  },
  editReplacementName: (state, action) => {
    if (state.step !== "differentAccount" || state.saving.busy) return state;
    return { ...state, typedName: action.text, nameError: null };
  },
  retryWithRightAccount: (state) => {
    if (state.step !== "differentAccount" || state.saving.busy) return state;
    const draft = { ...state.draft, keyText: "", loginPassword: "", staged: null };
    return credentials(draft, counters(state));
  },
};
