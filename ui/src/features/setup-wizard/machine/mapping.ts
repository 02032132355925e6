/**
 * The mapping step within the wizard: after a successful result (and the People step), before
 * saving or delivering, when the product has its own categories.
 *
 *   result ─"Save"→ mapping (loading → shown | failed; skipped when the product has none)
 *          ←Back─┘        └─kept→ result (mapped) → confirm (Check your answers) ─Change/Back→ mapping
 *
 * Saving asks again from a result that is `mapped`, so the save itself is `saving.ts`'s. What
 * happens inside the step is the mapping feature's (`features/mapping/machine.ts`).
 */

import {
  choose,
  type MappingDone,
  type MappingStage,
  reopened,
  type ShownMapping,
  shown,
} from "../../mapping/machine";
import { navigationHandlers } from "./navigation";
import { savingHandlers } from "./saving";
import { counters, type Handlers, type StateOf, type WizardState } from "./state";

type MappingState = StateOf<"mapping">;
type ResultState = StateOf<"result">;
type ConfirmState = StateOf<"confirm">;

/** Whether "Save" (or "Send") on `state` must go through the mapping step first. */
export function needsMapping(state: WizardState): state is ResultState {
  return state.step === "result" && state.outcome.kind === "ok" && state.mapped === undefined;
}

/** The mapping step, reading the proposal, from a successful result. */
export function startMapping(state: ResultState): MappingState {
  return inStep(state, { kind: "loading" });
}

function inStep(state: ResultState | MappingState, mapping: MappingStage): MappingState {
  return { step: "mapping", ...carried(state), mapping };
}

/** What the result and the mapping step both carry, so going between them loses nothing. */
function carried(state: ResultState | MappingState) {
  const { draft, staged, outcome, listings, existing, confirmed } = state;
  return {
    draft,
    ...counters(state),
    staged,
    outcome,
    ...(listings !== undefined && { listings }),
    ...(existing !== undefined && { existing }),
    ...(confirmed && { confirmed }),
  };
}

/** Back to the result the step came from, `mapped` when it is done. */
function toResult(state: MappingState, mapped?: MappingDone): ResultState {
  return { step: "result", ...carried(state), ...(mapped && { mapped }) };
}

/** The step on show again from Check your answers, with what was chosen. */
function fromConfirm(state: ConfirmState): WizardState {
  if (state.mapped?.kind !== "shown" || state.saving.busy) return state;
  const { draft, staged, report, confirmed } = state;
  return {
    step: "mapping",
    draft,
    ...counters(state),
    staged,
    outcome: { kind: "ok", report },
    ...(confirmed && { confirmed }),
    mapping: reopened(state.mapped),
  };
}

/** Applies `change` to the step on show (not while its choice is being kept). */
function onShown(state: WizardState, change: (stage: ShownMapping) => ShownMapping): WizardState {
  if (state.step !== "mapping" || state.mapping.kind !== "shown" || state.mapping.keeping) {
    return state;
  }
  return { ...state, mapping: change(state.mapping) };
}

export const mappingHandlers: Handlers = {
  mappingLoaded: (state, action) => {
    if (state.step !== "mapping" || state.mapping.kind !== "loading") return state;
    if (action.proposal === null) return toResult(state, { kind: "skipped" });
    return { ...state, mapping: shown(action.proposal) };
  },
  mappingFailed: (state, action) => {
    if (state.step !== "mapping" || state.mapping.kind !== "loading") return state;
    return { ...state, mapping: { kind: "failed", problem: action.problem } };
  },
  mappingRetried: (state) => {
    if (state.step !== "mapping" || state.mapping.kind !== "failed") return state;
    return { ...state, mapping: { kind: "loading" } };
  },
  categoryChosen: (state, action) =>
    onShown(state, (stage) => choose(stage, action.kind, action.hrId, action.productId)),
  defaultRoleChosen: (state, action) =>
    onShown(state, (stage) => ({ ...stage, defaultRole: action.role, problem: null })),
  mappingSubmitted: (state) => onShown(state, (stage) => ({ ...stage, keeping: true })),
  mappingKeepFailed: (state, action) => {
    if (state.step !== "mapping" || state.mapping.kind !== "shown") return state;
    return { ...state, mapping: { ...state.mapping, keeping: false, problem: action.problem } };
  },
  mappingKept: (state) => {
    if (state.step !== "mapping" || state.mapping.kind !== "shown") return state;
    const { proposal, choices, defaultRole } = state.mapping;
    return toResult(state, { kind: "shown", proposal, choices, defaultRole });
  },
  back: (state, action) => {
    if (state.step !== "mapping") return navigationHandlers.back?.(state, action) ?? state;
    if (state.mapping.kind === "shown" && state.mapping.keeping) return state;
    return toResult(state);
  },
};

/** On Check your answers: Back and "Change" return to the mapping step when it was shown. */
export const mappingSaveHandlers: Handlers = {
  back: (state, action) =>
    state.step === "confirm" && state.mapped?.kind === "shown"
      ? fromConfirm(state)
      : (savingHandlers.back?.(state, action) ?? state),
  changeAnswer: (state, action) =>
    state.step === "confirm" && action.answer === "mapping"
      ? fromConfirm(state)
      : (savingHandlers.changeAnswer?.(state, action) ?? state),
};
