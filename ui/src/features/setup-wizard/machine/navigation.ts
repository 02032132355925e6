/**
 * Moving between the steps before the credentials, and Back everywhere before saving:
 * the system, what to share, the guide's screens and the hand-off sheet.
 */

import { credentials } from "./credentials";
import { backToResult } from "./people";
import { isSaveStep } from "./saving";
import {
  counters,
  type Draft,
  emptyDraft,
  type Handlers,
  STEPS,
  type StepName,
  type WizardState,
} from "./state";

export function initialState(draft: Draft = emptyDraft): WizardState {
  return { step: "chooseProvider", draft, runs: 0, signIns: 0, error: null };
}

/** 1-based position of a state's step, for "Step n of 7" (0 for the pages after them). */
export function stepNumber(state: WizardState): number {
  if (isSaveStep(state)) return 0;
  const numbered: Partial<Record<StepName, StepName>> = {
    signingIn: "credentials",
    handoff: "guide",
  };
  return STEPS.indexOf(numbered[state.step] ?? state.step) + 1;
}

function back(state: WizardState): WizardState {
  switch (state.step) {
    case "scopes":
      return { step: "chooseProvider", draft: state.draft, ...counters(state), error: null };
    case "guide":
      if (state.draft.guideScreen > 0) {
        const draft = { ...state.draft, guideScreen: state.draft.guideScreen - 1 };
        return { ...state, draft };
      }
      return { step: "scopes", draft: state.draft, ...counters(state) };
    case "handoff":
      return { step: "guide", draft: state.draft, ...counters(state) };
    case "credentials":
      if (state.staging) return state;
      return { step: "guide", draft: state.draft, ...counters(state) };
    case "result":
      return credentials({ ...state.draft, staged: state.staged }, counters(state));
    case "people":
      return backToResult(state);
    default:
      return state;
  }
}

export const navigationHandlers: Handlers = {
  selectProvider: (state, action) => {
    if (state.step !== "chooseProvider") return state;
    if (state.draft.provider === action.provider) return { ...state, error: null };
    // Another system: what was entered for the previous one does not apply to it.
    const draft: Draft = { ...emptyDraft, provider: action.provider };
    return { ...state, draft, error: null };
  },
  submitProvider: (state) => {
    if (state.step !== "chooseProvider") return state;
    if (!state.draft.provider) return { ...state, error: "provider_required" };
    return { step: "scopes", draft: state.draft, ...counters(state) };
  },
  choosePermission: (state, action) => {
    if (state.step !== "scopes") return state;
    const others = state.draft.optional.filter((id) => id !== action.id);
    const optional = action.selected ? [...others, action.id] : others;
    return { ...state, draft: { ...state.draft, optional } };
  },
  submitScopes: (state) => {
    if (state.step !== "scopes") return state;
    return { step: "guide", draft: state.draft, ...counters(state) };
  },
  nextGuideScreen: (state, action) => {
    if (state.step !== "guide") return state;
    const next = state.draft.guideScreen + 1;
    if (next < action.screens) {
      return { ...state, draft: { ...state.draft, guideScreen: next } };
    }
    return credentials(state.draft, counters(state));
  },
  skipGuide: (state) => {
    if (state.step !== "guide") return state;
    return credentials(state.draft, counters(state));
  },
  showHandoff: (state) => {
    if (state.step !== "guide") return state;
    return { step: "handoff", draft: state.draft, ...counters(state) };
  },
  editApiUsername: (state, action) => {
    if (state.step !== "guide") return state;
    return { ...state, draft: { ...state.draft, apiUsername: action.text } };
  },
  back,
};
