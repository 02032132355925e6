import { describe, expect, it } from "vitest";
import { successReport } from "../../../lib/ipc/fakeBackend";
import type { VerifyProgress } from "../../../lib/ipc/types";
import {
  expectStep,
  failedReport,
  rejected,
  run,
  staged,
  toVerifying,
} from "../../../test/machine";
import {
  applyProgress,
  initialChecklist,
  organisationFor,
  reauthoriseState,
  stepNumber,
  type WizardAction,
  wizardReducer,
} from ".";

describe("verifying", () => {
  const verifying = run(toVerifying);

  it("updates the checklist from progress of the current run only", () => {
    const progress: VerifyProgress = { state: "started", step: { kind: "authenticate" } };
    const state = expectStep(
      run([{ type: "verifyProgress", run: 1, progress }], verifying),
      "verifying",
    );
    expect(state.checklist[0]).toMatchObject({ key: "authenticate", state: "running" });
    expect(wizardReducer(verifying, { type: "verifyProgress", run: 7, progress })).toBe(verifying);
  });

  it("ignores back and staging while the check runs", () => {
    for (const action of [
      { type: "back" },
      { type: "useDifferentKey" },
      { type: "editKeyText", text: "x" },
      { type: "stagingSucceeded", staged },
    ] satisfies WizardAction[]) {
      expect(wizardReducer(verifying, action)).toBe(verifying);
    }
  });

  it("ends in an ok result for an ok report", () => {
    const report = successReport();
    const state = expectStep(
      run([{ type: "verifyFinished", run: 1, report }], verifying),
      "result",
    );
    expect(state.outcome).toEqual({ kind: "ok", report });
    expect(stepNumber(state)).toBe(6);
  });

  it("ends in a problem result for a failed report, with its problems", () => {
    const state = expectStep(
      run([{ type: "verifyFinished", run: 1, report: failedReport }], verifying),
      "result",
    );
    expect(state.outcome).toEqual({ kind: "problem", problems: [rejected], report: failedReport });
  });

  it("never shows a failure without a problem", () => {
    const report = { ...failedReport, problems: [] };
    const state = expectStep(
      run([{ type: "verifyFinished", run: 1, report }], verifying),
      "result",
    );
    expect(state.outcome).toMatchObject({
      kind: "problem",
      problems: [{ code: "unexpected_error" }],
    });
  });

  it("ends in a problem result when the command fails", () => {
    const problem = { code: "credentials_expired" } as const;
    const state = expectStep(run([{ type: "verifyFailed", run: 1, problem }], verifying), "result");
    expect(state.outcome).toEqual({ kind: "problem", problems: [problem], report: null });
  });

  it("ignores answers of an earlier run", () => {
    expect(
      wizardReducer(verifying, { type: "verifyFinished", run: 0, report: successReport() }),
    ).toBe(verifying);
    expect(wizardReducer(verifying, { type: "verifyFailed", run: 2, problem: rejected })).toBe(
      verifying,
    );
  });
});

describe("result", () => {
  const failed = run([...toVerifying, { type: "verifyFinished", run: 1, report: failedReport }]);

  it("tries again with the same credentials as a new run", () => {
    const state = expectStep(run([{ type: "verifyStarted" }], failed), "verifying");
    expect(state.staged).toEqual(staged);
    expect(state.runs).toBe(2);
    expect(state.checklist).toEqual(initialChecklist());
    // Late events of run 1 no longer count.
    expect(wizardReducer(state, { type: "verifyFinished", run: 1, report: successReport() })).toBe(
      state,
    );
  });

  it("goes back to the credentials with the key still loaded", () => {
    const state = expectStep(run([{ type: "back" }], failed), "credentials");
    expect(state.draft.staged).toEqual(staged);
    expect(state.draft.provider).toBe("hrworks");
  });

  it("uses different credentials: back to the credentials, key dropped", () => {
    const state = expectStep(run([{ type: "useDifferentKey" }], failed), "credentials");
    expect(state.draft.staged).toBeNull();
    expect(state.draft.keyText).toBe("");
    expect(state.draft.provider).toBe("hrworks");
  });

  it("keeps counting runs across a detour through the credentials", () => {
    const state = run([{ type: "back" }, { type: "verifyStarted" }], failed);
    expect(expectStep(state, "verifying").runs).toBe(2);
  });

  it("checks the organisation chosen, and forgets it with the credentials", () => {
    const chosen = expectStep(
      run([{ type: "chooseOrganisation", id: "org-2" }], failed),
      "verifying",
    );
    expect(chosen.runs).toBe(2);
    expect(organisationFor(chosen.draft)).toBe("org-2");
    const again = run([{ type: "verifyFinished", run: 2, report: failedReport }], chosen);
    const different = expectStep(run([{ type: "useDifferentKey" }], again), "credentials");
    expect(organisationFor(different.draft)).toBeNull();
    // Only a result offers the choice.
    expect(wizardReducer(chosen, { type: "chooseOrganisation", id: "org-1" })).toBe(chosen);
  });

  it("re-authorising checks the saved connection's organisation unless another is chosen", () => {
    const account = { id: "org-saved", name: "Sandbox Bakehouse Pty Ltd" };
    const target = { id: "c1", label: "Bakery", provider: "employmenthero", account } as const;
    const state = reauthoriseState(target, null);
    expect(organisationFor(state.draft)).toBe("org-saved");
    expect(organisationFor({ ...state.draft, organisation: "org-2" })).toBe("org-2");
  });
});

describe("applyProgress", () => {
  it("walks a step through running to done or failed", () => {
    let list = initialChecklist();
    list = applyProgress(list, { state: "started", step: { kind: "account" } });
    expect(list.find((item) => item.key === "account")?.state).toBe("running");
    list = applyProgress(list, { state: "finished", step: { kind: "account" }, ok: true });
    expect(list.find((item) => item.key === "account")?.state).toBe("done");
    list = applyProgress(list, { state: "finished", step: { kind: "authenticate" }, ok: false });
    expect(list.find((item) => item.key === "authenticate")?.state).toBe("failed");
  });

  it("adds permission rows as they start, before counting people", () => {
    let list = initialChecklist();
    list = applyProgress(list, { state: "started", step: { kind: "permission", id: "persons" } });
    list = applyProgress(list, { state: "started", step: { kind: "permission", id: "absences" } });
    expect(list.map((item) => item.key)).toEqual([
      "authenticate",
      "account",
      "permission:persons",
      "permission:absences",
      "people",
    ]);
    list = applyProgress(list, {
      state: "finished",
      step: { kind: "permission", id: "persons" },
      ok: false,
    });
    expect(list.filter((item) => item.key === "permission:persons")).toEqual([
      { key: "permission:persons", step: { kind: "permission", id: "persons" }, state: "failed" },
    ]);
  });
});
