/**
 * Checking the credentials with real calls: the checklist fed by progress events, and the
 * result (ok, or the problems found). Each run is numbered so that answers of older runs are
 * ignored.
 */

import type {
  StagedCredentials,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
} from "../../../lib/ipc/types";
import {
  type ChecklistItem,
  type ChecklistState,
  type Counters,
  counters,
  type Draft,
  type Handlers,
  type Outcome,
  type WizardProblem,
  type WizardState,
} from "./state";

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

/**
 * The organisation a verification is for: the one chosen on the result, else (re-authorising)
 * the saved connection's; `null` lets the credentials decide (they reach one).
 */
export function organisationFor(draft: Draft): string | null {
  return draft.organisation ?? draft.target?.account.id ?? null;
}

function outcomeOf(report: VerificationReport): Outcome {
  if (report.ok) return { kind: "ok", report };
  // A failed report always names its problems; never show a failure without one.
  const problems: WizardProblem[] =
    report.problems.length > 0 ? report.problems : [{ code: "unexpected_error" }];
  return { kind: "problem", problems, report };
}

/** A new run (numbered one more than the last) with `staged`. */
export function verifying(draft: Draft, staged: StagedCredentials, count: Counters): WizardState {
  return {
    step: "verifying",
    draft,
    staged,
    runs: count.runs + 1,
    signIns: count.signIns,
    checklist: initialChecklist(),
  };
}

export const verificationHandlers: Handlers = {
  chooseOrganisation: (state, action) => {
    if (state.step !== "result") return state;
    const draft = { ...state.draft, organisation: action.id };
    return verifying(draft, state.staged, counters(state));
  },
  verifyStarted: (state) => {
    if (state.step === "credentials" && !state.staging && state.draft.staged) {
      return verifying(state.draft, state.draft.staged, counters(state));
    }
    if (state.step === "result") return verifying(state.draft, state.staged, counters(state));
    return state;
  },
  verifyProgress: (state, action) => {
    if (state.step !== "verifying" || state.runs !== action.run) return state;
    return { ...state, checklist: applyProgress(state.checklist, action.progress) };
  },
  verifyFinished: (state, action) => {
    if (state.step !== "verifying" || state.runs !== action.run) return state;
    const { draft, staged } = state;
    return { step: "result", draft, staged, ...counters(state), outcome: outcomeOf(action.report) };
  },
  verifyFailed: (state, action) => {
    if (state.step !== "verifying" || state.runs !== action.run) return state;
    const { draft, staged } = state;
    const outcome: Outcome = { kind: "problem", problems: [action.problem], report: null };
    return { step: "result", draft, staged, ...counters(state), outcome };
  },
};
