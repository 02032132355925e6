import { describe, expect, it } from "vitest";
import { successReport } from "../../../lib/ipc/fakeBackend";
import type { StagedCredentials } from "../../../lib/ipc/types";
import { expectStep, run, toCredentialsOf } from "../../../test/machine";
import { stepNumber, type WizardAction, wizardReducer } from ".";

describe("browser sign-in", () => {
  const signInStaged: StagedCredentials = { id: "staged-3", provider: "ipayroll", hint: "" };
  const start = run(toCredentialsOf("ipayroll"));
  const waiting = run([{ type: "signInStarted" }], start);
  const denied = { code: "sign_in_denied", params: { provider: "iPayroll" } } as const;

  it("waits for the browser as part of step 4, numbering each attempt", () => {
    const state = expectStep(waiting, "signingIn");
    expect(state.signIns).toBe(1);
    expect(stepNumber(state)).toBe(4);
  });

  it("keeps the address of the current attempt only, and a restart starts a fresh one", () => {
    const address = { address: "https://id.example/authorize?state=a", browserOpened: false };
    const told = expectStep(
      run([{ type: "signInAddressTold", attempt: 1, address }], waiting),
      "signingIn",
    );
    expect(told.address).toEqual(address);
    expect(expectStep(run([{ type: "signInReopenFailed" }], told), "signingIn").reopenFailed).toBe(
      true,
    );
    // "I closed the browser": attempt 2, no address until the core tells it.
    const restarted = expectStep(run([{ type: "signInStarted" }], told), "signingIn");
    expect(restarted.signIns).toBe(2);
    expect(restarted.address ?? null).toBeNull();
    const late = run([{ type: "signInAddressTold", attempt: 1, address }], restarted);
    expect(late).toBe(restarted);
    const old = run([{ type: "signInSucceeded", attempt: 1, staged: signInStaged }], restarted);
    expect(old).toBe(restarted);
  });

  it("goes straight on to the check when the browser comes back", () => {
    const state = expectStep(
      run([{ type: "signInSucceeded", attempt: 1, staged: signInStaged }], waiting),
      "verifying",
    );
    expect(state.staged).toEqual(signInStaged);
    expect(state.draft.staged).toEqual(signInStaged);
    expect(state.runs).toBe(1);
  });

  it("shows a problem on the step, and a new attempt clears it", () => {
    const failed = expectStep(
      run([{ type: "signInFailed", attempt: 1, problem: denied }], waiting),
      "credentials",
    );
    expect(failed.error).toEqual({ kind: "problem", problem: denied, source: "signIn" });
    expect(failed.note).toBeNull();
    const again = expectStep(run([{ type: "signInStarted" }], failed), "signingIn");
    expect(again.signIns).toBe(2);
    expect(expectStep(run([{ type: "signInStopped" }], again), "credentials").error).toBeNull();
  });

  it("returns to the step with a calm note when stopped, or cancelled elsewhere", () => {
    const stopped = expectStep(run([{ type: "signInStopped" }], waiting), "credentials");
    expect(stopped.note).toBe("signInStopped");
    expect(stopped.error).toBeNull();
    const cancelled = { code: "sign_in_cancelled", params: { provider: "iPayroll" } } as const;
    const elsewhere = expectStep(
      run([{ type: "signInFailed", attempt: 1, problem: cancelled }], waiting),
      "credentials",
    );
    expect(elsewhere.note).toBe("signInStopped");
    expect(elsewhere.error).toBeNull();
  });

  it("ignores answers of an earlier attempt and of a stopped one", () => {
    const second = run([{ type: "signInStopped" }, { type: "signInStarted" }], waiting);
    expect(
      wizardReducer(second, { type: "signInSucceeded", attempt: 1, staged: signInStaged }),
    ).toBe(second);
    expect(wizardReducer(second, { type: "signInFailed", attempt: 1, problem: denied })).toBe(
      second,
    );
    const stopped = run([{ type: "signInStopped" }], waiting);
    expect(
      wizardReducer(stopped, { type: "signInSucceeded", attempt: 1, staged: signInStaged }),
    ).toBe(stopped);
  });

  it("ignores back and other steps' actions while waiting (a second start is a restart)", () => {
    for (const action of [
      { type: "back" },
      { type: "verifyStarted" },
      { type: "useDifferentKey" },
      { type: "stagingSucceeded", staged: signInStaged },
    ] satisfies WizardAction[]) {
      expect(wizardReducer(waiting, action)).toBe(waiting);
    }
    expect(wizardReducer(start, { type: "signInStopped" })).toBe(start);
  });

  it("keeps the sign-in when going back from the result, and drops it to sign in again", () => {
    const result = run(
      [
        { type: "signInSucceeded", attempt: 1, staged: signInStaged },
        { type: "verifyFinished", run: 1, report: successReport("ipayroll") },
      ],
      waiting,
    );
    const back = expectStep(run([{ type: "back" }], result), "credentials");
    expect(back.draft.staged).toEqual(signInStaged);
    const again = expectStep(run([{ type: "verifyStarted" }], back), "verifying");
    expect(again.runs).toBe(2);
    const fresh = expectStep(run([{ type: "useDifferentKey" }], result), "credentials");
    expect(fresh.draft.staged).toBeNull();
    // Starting a new sign-in drops the held one too.
    const restarted = expectStep(run([{ type: "signInStarted" }], back), "signingIn");
    expect(restarted.draft.staged).toBeNull();
  });
});
