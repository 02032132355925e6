/**
 * The setup wizard's states and transitions, as a pure reducer (no React, no IPC).
 *
 *   chooseProvider → credentials → verifying → result (ok | problem)
 *
 * Going back never loses what the admin entered: the chosen system, a key that was typed but not
 * yet handed over, and the key file that was loaded all stay in the `draft`. The pasted secret is
 * held only until the core has it (`staged`), then cleared.
 *
 * The component (`SetupWizard`) performs the IPC calls and reports what happened as actions.
 * Actions that make no sense in the current state leave it unchanged (the same object).
 */

import type {
  Problem,
  ProviderId,
  StagedCredentials,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
} from "../../lib/ipc/types";

/**
 * A problem to show: one from the core, or an unexpected failure of the IPC call itself (rendered
 * with the generic message, which names the code for support).
 */
export type WizardProblem = Problem | { code: "unexpected_error" };

export type StepName = "chooseProvider" | "credentials" | "verifying" | "result";

/** The order of the steps, for "Step 2 of 4". */
export const STEPS: readonly StepName[] = ["chooseProvider", "credentials", "verifying", "result"];

/** What the admin has entered so far. */
export interface Draft {
  provider: ProviderId | null;
  /** Text typed or pasted but not yet handed to the core. Cleared once staged. */
  keyText: string;
  /** Credentials the core holds for this wizard (only a masked hint). */
  staged: StagedCredentials | null;
}

/** Where the credentials came from, so an error can point at the right field. */
export type CredentialSource = "text" | "file";

export type CredentialsError =
  | { kind: "empty" }
  | { kind: "problem"; problem: WizardProblem; source: CredentialSource };

export type ChecklistState = "pending" | "running" | "done" | "failed";

export interface ChecklistItem {
  key: string;
  step: VerifyStep;
  state: ChecklistState;
}

export type Outcome =
  | { kind: "ok"; report: VerificationReport }
  | { kind: "problem"; problems: WizardProblem[]; report: VerificationReport | null };

/** What every state carries: the admin's input and how many verifications were started. */
interface Base {
  draft: Draft;
  /** Verifications started so far; the current one's number tags its progress and answer. */
  runs: number;
}

export type WizardState =
  | (Base & { step: "chooseProvider"; error: "provider_required" | null })
  | (Base & {
      step: "credentials";
      /** Set while the core reads the key (text or file). */
      staging: CredentialSource | null;
      error: CredentialsError | null;
    })
  | (Base & { step: "verifying"; staged: StagedCredentials; checklist: ChecklistItem[] })
  | (Base & { step: "result"; staged: StagedCredentials; outcome: Outcome });

export type WizardAction =
  | { type: "selectProvider"; provider: ProviderId }
  | { type: "submitProvider" }
  | { type: "back" }
  | { type: "editKeyText"; text: string }
  | { type: "requireKey" }
  | { type: "stagingStarted"; source: CredentialSource }
  | { type: "stagingSucceeded"; staged: StagedCredentials }
  | { type: "stagingFailed"; problem: WizardProblem; source: CredentialSource }
  | { type: "useDifferentKey" }
  | { type: "verifyStarted" }
  | { type: "verifyProgress"; run: number; progress: VerifyProgress }
  | { type: "verifyFinished"; run: number; report: VerificationReport }
  | { type: "verifyFailed"; run: number; problem: WizardProblem };

export const emptyDraft: Draft = { provider: null, keyText: "", staged: null };

export function initialState(draft: Draft = emptyDraft): WizardState {
  return { step: "chooseProvider", draft, runs: 0, error: null };
}

/** 1-based position of a state's step, for "Step n of 4". */
export function stepNumber(state: WizardState): number {
  return STEPS.indexOf(state.step) + 1;
}

/** A stable key for a verification step (`permission:persons`). */
export function stepKey(step: VerifyStep): string {
  return step.kind === "permission" ? `permission:${step.id}` : step.kind;
}

/** The checklist before any progress: the steps every verification has. */
export function initialChecklist(): ChecklistItem[] {
  const steps: VerifyStep[] = [{ kind: "authenticate" }, { kind: "account" }, { kind: "people" }];
  return steps.map((step) => ({ key: stepKey(step), step, state: "pending" }));
}

/** Applies one progress event; permission rows are added (before "people") as they start. */
export function applyProgress(
  checklist: ChecklistItem[],
  progress: VerifyProgress,
): ChecklistItem[] {
  const key = stepKey(progress.step);
  const state: ChecklistState =
    progress.state === "started" ? "running" : progress.ok ? "done" : "failed";
  if (checklist.some((item) => item.key === key)) {
    return checklist.map((item) => (item.key === key ? { ...item, state } : item));
  }
  const item: ChecklistItem = { key, step: progress.step, state };
  const peopleAt = checklist.findIndex((existing) => existing.step.kind === "people");
  const at = peopleAt < 0 ? checklist.length : peopleAt;
  return [...checklist.slice(0, at), item, ...checklist.slice(at)];
}

function outcomeOf(report: VerificationReport): Outcome {
  if (report.ok) return { kind: "ok", report };
  // A failed report always names its problems; never show a failure without one.
  const problems: WizardProblem[] =
    report.problems.length > 0 ? report.problems : [{ code: "unexpected_error" }];
  return { kind: "problem", problems, report };
}

function credentials(draft: Draft, runs: number): WizardState {
  return { step: "credentials", draft, runs, staging: null, error: null };
}

function verifying(draft: Draft, staged: StagedCredentials, runs: number): WizardState {
  return { step: "verifying", draft, staged, runs: runs + 1, checklist: initialChecklist() };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "selectProvider": {
      if (state.step !== "chooseProvider") return state;
      if (state.draft.provider === action.provider) return { ...state, error: null };
      // Another system: what was entered for the previous one does not apply to it.
      const draft: Draft = { provider: action.provider, keyText: "", staged: null };
      return { ...state, draft, error: null };
    }
    case "submitProvider": {
      if (state.step !== "chooseProvider") return state;
      if (!state.draft.provider) return { ...state, error: "provider_required" };
      return credentials(state.draft, state.runs);
    }
    case "back": {
      switch (state.step) {
        case "credentials":
          if (state.staging) return state;
          return { step: "chooseProvider", draft: state.draft, runs: state.runs, error: null };
        case "result":
          return credentials({ ...state.draft, staged: state.staged }, state.runs);
        default:
          return state;
      }
    }
    case "editKeyText": {
      if (state.step !== "credentials" || state.staging) return state;
      const error =
        state.error?.kind === "problem" && state.error.source === "file" ? state.error : null;
      return { ...state, draft: { ...state.draft, keyText: action.text }, error };
    }
    case "requireKey": {
      if (state.step !== "credentials") return state;
      return { ...state, error: { kind: "empty" } };
    }
    case "stagingStarted": {
      if (state.step !== "credentials" || state.staging) return state;
      return { ...state, staging: action.source };
    }
    case "stagingSucceeded": {
      if (state.step !== "credentials") return state;
      // The core holds the key now: forget the typed secret.
      return credentials({ ...state.draft, keyText: "", staged: action.staged }, state.runs);
    }
    case "stagingFailed": {
      if (state.step !== "credentials") return state;
      return {
        ...state,
        staging: null,
        error: { kind: "problem", problem: action.problem, source: action.source },
      };
    }
    case "useDifferentKey": {
      if (state.step === "credentials" && !state.staging) {
        return credentials({ ...state.draft, staged: null }, state.runs);
      }
      if (state.step === "result") {
        return credentials({ ...state.draft, keyText: "", staged: null }, state.runs);
      }
      return state;
    }
    case "verifyStarted": {
      if (state.step === "credentials" && !state.staging && state.draft.staged) {
        return verifying(state.draft, state.draft.staged, state.runs);
      }
      if (state.step === "result") return verifying(state.draft, state.staged, state.runs);
      return state;
    }
    case "verifyProgress": {
      if (state.step !== "verifying" || state.runs !== action.run) return state;
      return { ...state, checklist: applyProgress(state.checklist, action.progress) };
    }
    case "verifyFinished": {
      if (state.step !== "verifying" || state.runs !== action.run) return state;
      const { draft, staged, runs } = state;
      return { step: "result", draft, staged, runs, outcome: outcomeOf(action.report) };
    }
    case "verifyFailed": {
      if (state.step !== "verifying" || state.runs !== action.run) return state;
      const { draft, staged, runs } = state;
      const outcome: Outcome = { kind: "problem", problems: [action.problem], report: null };
      return { step: "result", draft, staged, runs, outcome };
    }
  }
}
