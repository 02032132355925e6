import { describe, expect, it } from "vitest";
import { successReport } from "../../lib/ipc/fakeBackend";
import { fakeHrPeople, fakeReport } from "../../lib/ipc/fakePeople";
import type {
  PeopleChanges,
  PeopleComparison,
  PeopleOverview,
  RosterSummary,
  StagedCredentials,
  VerificationReport,
  VerifyProgress,
} from "../../lib/ipc/types";
import { expectStep, run } from "../../test/machine";
import {
  applyProgress,
  type Draft,
  emptyDraft,
  initialChecklist,
  initialState,
  organisationFor,
  reauthoriseState,
  stepNumber,
  type WizardAction,
  wizardReducer,
} from "./wizardMachine";

const staged: StagedCredentials = { id: "staged-1", provider: "hrworks", hint: "••••••••0001" };
const rejected = { code: "credentials_rejected", params: { provider: "HRworks" } } as const;

/** Step 1 to step 4 for `provider`: keep the permissions, skip the guide ("I already have one"). */
function toCredentialsOf(provider: Draft["provider"] & string): WizardAction[] {
  return [
    { type: "selectProvider", provider },
    { type: "submitProvider" },
    { type: "submitScopes" },
    { type: "skipGuide" },
  ];
}
const toCredentials = toCredentialsOf("hrworks");
const toVerifying: WizardAction[] = [
  ...toCredentials,
  { type: "stagingStarted", source: "text" },
  { type: "stagingSucceeded", staged },
  { type: "verifyStarted" },
];
const failedReport: VerificationReport = {
  provider: "hrworks",
  ok: false,
  account: null,
  permissions: [],
  people: null,
  problems: [rejected],
  warnings: [],
};

describe("chooseProvider", () => {
  it("starts empty on step 1", () => {
    const state = initialState();
    expect(state).toEqual({
      step: "chooseProvider",
      draft: emptyDraft,
      runs: 0,
      signIns: 0,
      error: null,
    });
    expect(stepNumber(state)).toBe(1);
  });

  it("asks for a choice when continuing without one", () => {
    const state = expectStep(run([{ type: "submitProvider" }]), "chooseProvider");
    expect(state.error).toBe("provider_required");
  });

  it("clears the error when a system is selected, and continues to what to share", () => {
    const selected = run([
      { type: "submitProvider" },
      { type: "selectProvider", provider: "hrworks" },
    ]);
    expect(expectStep(selected, "chooseProvider").error).toBeNull();
    const next = expectStep(wizardReducer(selected, { type: "submitProvider" }), "scopes");
    expect(next.draft.provider).toBe("hrworks");
    expect(stepNumber(next)).toBe(2);
  });

  it("keeps what was entered when the same system is selected again", () => {
    const draft: Draft = { ...emptyDraft, provider: "hrworks", keyText: "typed", staged };
    const state = run([{ type: "selectProvider", provider: "hrworks" }], initialState(draft));
    expect(state.draft).toEqual(draft);
  });

  it("drops what was entered for another system", () => {
    const draft: Draft = {
      provider: "iris",
      optional: ["contract"],
      guideScreen: 2,
      apiUsername: "",
      keyText: "",
      irisUsername: "sbx-api-valid",
      irisPassword: "secret",
      staged,
    };
    const state = run([{ type: "selectProvider", provider: "hrworks" }], initialState(draft));
    expect(state.draft).toEqual({ ...emptyDraft, provider: "hrworks" });
  });

  it("ignores actions of other steps", () => {
    const state = initialState();
    for (const action of [
      { type: "back" },
      { type: "submitScopes" },
      { type: "choosePermission", id: "contract", selected: true },
      { type: "nextGuideScreen", screens: 3 },
      { type: "skipGuide" },
      { type: "showHandoff" },
      { type: "editApiUsername", text: "x" },
      { type: "editKeyText", text: "x" },
      { type: "requireKey" },
      { type: "stagingStarted", source: "text" },
      { type: "stagingSucceeded", staged },
      { type: "verifyStarted" },
      { type: "verifyFinished", run: 1, report: successReport() },
    ] satisfies WizardAction[]) {
      expect(wizardReducer(state, action)).toBe(state);
    }
  });
});

describe("credentials", () => {
  const credentials = run(toCredentials);

  it("records typed text", () => {
    const state = run([{ type: "editKeyText", text: "Access Key: A" }], credentials);
    expect(state.draft.keyText).toBe("Access Key: A");
  });

  it("asks for a key when continuing with nothing", () => {
    const state = expectStep(run([{ type: "requireKey" }], credentials), "credentials");
    expect(state.error).toEqual({ kind: "empty" });
  });

  it("clears a text error on editing, but keeps a file error", () => {
    const textError = run(
      [{ type: "requireKey" }, { type: "editKeyText", text: "a" }],
      credentials,
    );
    expect(expectStep(textError, "credentials").error).toBeNull();
    const fileProblem = { code: "file_unreadable" } as const;
    const fileError = run(
      [
        { type: "stagingStarted", source: "file" },
        { type: "stagingFailed", problem: fileProblem, source: "file" },
        { type: "editKeyText", text: "a" },
      ],
      credentials,
    );
    expect(expectStep(fileError, "credentials").error).toEqual({
      kind: "problem",
      problem: fileProblem,
      source: "file",
    });
  });

  it("marks staging as busy and ignores edits, back and a second staging meanwhile", () => {
    const busy = expectStep(
      run([{ type: "stagingStarted", source: "file" }], credentials),
      "credentials",
    );
    expect(busy.staging).toBe("file");
    expect(wizardReducer(busy, { type: "editKeyText", text: "x" })).toBe(busy);
    expect(wizardReducer(busy, { type: "back" })).toBe(busy);
    expect(wizardReducer(busy, { type: "stagingStarted", source: "text" })).toBe(busy);
    expect(wizardReducer(busy, { type: "verifyStarted" })).toBe(busy);
  });

  it("forgets the typed secret once the core holds it", () => {
    const state = expectStep(
      run(
        [
          { type: "editKeyText", text: "Access Key: CANARY" },
          { type: "stagingStarted", source: "text" },
          { type: "stagingSucceeded", staged },
        ],
        credentials,
      ),
      "credentials",
    );
    expect(state.draft.keyText).toBe("");
    expect(state.draft.staged).toEqual(staged);
    expect(state.staging).toBeNull();
    expect(JSON.stringify(state)).not.toContain("CANARY");
  });

  it("keeps the text and shows the problem when staging fails", () => {
    const problem = { code: "key_file_redacted_example" } as const;
    const state = expectStep(
      run(
        [
          { type: "editKeyText", text: "Access Key: AB...CD" },
          { type: "stagingStarted", source: "text" },
          { type: "stagingFailed", problem, source: "text" },
        ],
        credentials,
      ),
      "credentials",
    );
    expect(state.staging).toBeNull();
    expect(state.error).toEqual({ kind: "problem", problem, source: "text" });
    expect(state.draft.keyText).toBe("Access Key: AB...CD");
  });

  it("uses a different key: drops the staged one", () => {
    const loaded = run(
      [
        { type: "stagingStarted", source: "file" },
        { type: "stagingSucceeded", staged },
      ],
      credentials,
    );
    const state = run([{ type: "useDifferentKey" }], loaded);
    expect(expectStep(state, "credentials").draft.staged).toBeNull();
  });

  it("goes back through the guide and the permissions to the choice, keeping the typed text", () => {
    const back = run([{ type: "editKeyText", text: "half typed" }, { type: "back" }], credentials);
    expect(expectStep(back, "guide").draft.guideScreen).toBe(0);
    const state = run([{ type: "back" }, { type: "back" }], back);
    expect(expectStep(state, "chooseProvider").draft).toEqual({
      ...emptyDraft,
      provider: "hrworks",
      keyText: "half typed",
    });
    const again = expectStep(run(toCredentials.slice(1), state), "credentials");
    expect(again.draft.keyText).toBe("half typed");
  });

  it("goes back keeping a loaded key file", () => {
    const loaded = run(
      [
        { type: "stagingStarted", source: "file" },
        { type: "stagingSucceeded", staged },
      ],
      credentials,
    );
    const back = run([{ type: "back" }, { type: "skipGuide" }], loaded);
    expect(expectStep(back, "credentials").draft.staged).toEqual(staged);
  });

  it("starts verifying only with staged credentials", () => {
    expect(wizardReducer(credentials, { type: "verifyStarted" })).toBe(credentials);
    const state = expectStep(run(toVerifying), "verifying");
    expect(state.staged).toEqual(staged);
    expect(state.runs).toBe(1);
    expect(state.checklist).toEqual(initialChecklist());
    expect(stepNumber(state)).toBe(5);
  });
});

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
    const account = { id: "org-saved", name: "Wattle Bakehouse Pty Ltd" };
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

describe("IRIS API user", () => {
  const irisStaged: StagedCredentials = { id: "staged-2", provider: "iris", hint: "••••••••alid" };
  const iris = run(toCredentialsOf("iris"));

  it("records both fields, and both at once", () => {
    const typed = run(
      [
        { type: "editIrisUsername", text: "sbx-api-valid" },
        { type: "editIrisPassword", text: "pw" },
      ],
      iris,
    );
    expect(typed.draft).toMatchObject({ irisUsername: "sbx-api-valid", irisPassword: "pw" });
    const pasted = run([{ type: "pasteIrisLogin", username: "u", password: "p" }], typed);
    expect(pasted.draft).toMatchObject({ irisUsername: "u", irisPassword: "p" });
  });

  it("asks for each empty field, and drops a field's error when it is edited", () => {
    const both = expectStep(run([{ type: "requireIrisLogin" }], iris), "credentials");
    expect(both.error).toEqual({ kind: "required", fields: ["username", "password"] });
    const one = expectStep(run([{ type: "editIrisUsername", text: "u" }], both), "credentials");
    expect(one.error).toEqual({ kind: "required", fields: ["password"] });
    const none = run([{ type: "editIrisPassword", text: "p" }], one);
    expect(expectStep(none, "credentials").error).toBeNull();
    // Blank values count as empty; nothing missing leaves the state alone.
    const blank = run(
      [{ type: "editIrisUsername", text: "   " }, { type: "requireIrisLogin" }],
      none,
    );
    expect(expectStep(blank, "credentials").error).toEqual({
      kind: "required",
      fields: ["username"],
    });
    const filled = run([{ type: "editIrisUsername", text: "u" }], blank);
    expect(wizardReducer(filled, { type: "requireIrisLogin" })).toBe(filled);
  });

  it("forgets the password once the core holds it, but keeps the user name", () => {
    const state = expectStep(
      run(
        [
          { type: "editIrisUsername", text: "sbx-api-valid" },
          { type: "editIrisPassword", text: "CANARY-pw" },
          { type: "stagingStarted", source: "text" },
          { type: "stagingSucceeded", staged: irisStaged },
        ],
        iris,
      ),
      "credentials",
    );
    expect(state.draft.irisPassword).toBe("");
    expect(state.draft.irisUsername).toBe("sbx-api-valid");
    expect(JSON.stringify(state)).not.toContain("CANARY");
    const verifying = expectStep(run([{ type: "verifyStarted" }], state), "verifying");
    expect(JSON.stringify(verifying)).not.toContain("CANARY");
  });

  it("keeps both values when the core could not read them, so they can be corrected", () => {
    const problem = { code: "iris_credentials_unrecognised" } as const;
    const state = expectStep(
      run(
        [
          { type: "editIrisUsername", text: "two words" },
          { type: "editIrisPassword", text: "pw" },
          { type: "stagingStarted", source: "text" },
          { type: "stagingFailed", problem, source: "text" },
        ],
        iris,
      ),
      "credentials",
    );
    expect(state.error).toEqual({ kind: "problem", problem, source: "text" });
    expect(state.draft).toMatchObject({ irisUsername: "two words", irisPassword: "pw" });
  });

  it("goes back and forth keeping what was typed", () => {
    const state = run(
      [
        { type: "editIrisUsername", text: "half" },
        { type: "editIrisPassword", text: "typed" },
        { type: "back" },
        { type: "skipGuide" },
      ],
      iris,
    );
    expect(expectStep(state, "credentials").draft).toMatchObject({
      irisUsername: "half",
      irisPassword: "typed",
    });
  });

  it("ignores edits while the core reads them", () => {
    const busy = run([{ type: "stagingStarted", source: "text" }], iris);
    expect(wizardReducer(busy, { type: "editIrisPassword", text: "x" })).toBe(busy);
    expect(wizardReducer(busy, { type: "pasteIrisLogin", username: "u", password: "p" })).toBe(
      busy,
    );
  });

  it("enters a different API user from the result: the user name stays, to edit", () => {
    const result = run(
      [
        { type: "editIrisUsername", text: "sbx-api-valid" },
        { type: "editIrisPassword", text: "pw" },
        { type: "stagingStarted", source: "text" },
        { type: "stagingSucceeded", staged: irisStaged },
        { type: "verifyStarted" },
        { type: "verifyFinished", run: 1, report: { ...failedReport, provider: "iris" } },
      ],
      iris,
    );
    const state = expectStep(run([{ type: "useDifferentKey" }], result), "credentials");
    expect(state.draft).toMatchObject({
      irisUsername: "sbx-api-valid",
      irisPassword: "",
      staged: null,
    });
  });
});

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

  it("ignores back, a second start and other steps' actions while waiting", () => {
    for (const action of [
      { type: "back" },
      { type: "signInStarted" },
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

describe("what to share", () => {
  const scopes = run([{ type: "selectProvider", provider: "hrworks" }, { type: "submitProvider" }]);

  it("is step 2 and starts with no optional permission chosen", () => {
    expect(stepNumber(expectStep(scopes, "scopes"))).toBe(2);
    expect(scopes.draft.optional).toEqual([]);
  });

  it("records optional permissions ticked and unticked, each once", () => {
    const state = run(
      [
        { type: "choosePermission", id: "organization-units", selected: true },
        { type: "choosePermission", id: "organization-units", selected: true },
        { type: "choosePermission", id: "absences", selected: true },
        { type: "choosePermission", id: "absences", selected: false },
      ],
      scopes,
    );
    expect(state.draft.optional).toEqual(["organization-units"]);
  });

  it("keeps the choice through the guide, back and forth", () => {
    const state = run(
      [
        { type: "choosePermission", id: "organization-units", selected: true },
        { type: "submitScopes" },
        { type: "skipGuide" },
        { type: "back" },
        { type: "back" },
      ],
      scopes,
    );
    expect(expectStep(state, "scopes").draft.optional).toEqual(["organization-units"]);
  });

  it("is forgotten when another system is chosen", () => {
    const state = run(
      [
        { type: "choosePermission", id: "organization-units", selected: true },
        { type: "back" },
        { type: "selectProvider", provider: "iris" },
      ],
      scopes,
    );
    expect(state.draft.optional).toEqual([]);
  });
});

describe("the guide", () => {
  const guide = run([
    { type: "selectProvider", provider: "ipayroll" },
    { type: "submitProvider" },
    { type: "submitScopes" },
  ]);
  const next: WizardAction = { type: "nextGuideScreen", screens: 3 };

  it("is step 3 and walks its screens, then continues to the credentials", () => {
    expect(stepNumber(expectStep(guide, "guide"))).toBe(3);
    const second = run([next], guide);
    expect(expectStep(second, "guide").draft.guideScreen).toBe(1);
    expect(stepNumber(second)).toBe(3);
    const last = run([next, next], guide);
    expect(last.draft.guideScreen).toBe(2);
    const credentials = expectStep(run([next], last), "credentials");
    expect(stepNumber(credentials)).toBe(4);
    // Back returns to the screen the admin left.
    const back = expectStep(run([{ type: "back" }], credentials), "guide");
    expect(back.draft.guideScreen).toBe(2);
  });

  it("goes back screen by screen, then to what to share", () => {
    const state = run([next, next, { type: "back" }], guide);
    expect(state.draft.guideScreen).toBe(1);
    expect(run([{ type: "back" }, { type: "back" }], state).step).toBe("scopes");
  });

  it("skips to the credentials with I already have one", () => {
    expect(run([next, { type: "skipGuide" }], guide).step).toBe("credentials");
  });

  it("keeps the planned API user name, also after a detour", () => {
    const state = run(
      [
        { type: "editApiUsername", text: "49764apihrlink" },
        next,
        { type: "back" },
        { type: "showHandoff" },
        { type: "back" },
      ],
      guide,
    );
    expect(expectStep(state, "guide").draft.apiUsername).toBe("49764apihrlink");
  });

  it("shows the hand-off sheet as part of step 3 and returns to the same screen", () => {
    const sheet = expectStep(run([next, { type: "showHandoff" }], guide), "handoff");
    expect(stepNumber(sheet)).toBe(3);
    for (const action of [
      next,
      { type: "skipGuide" },
      { type: "editApiUsername", text: "x" },
    ] satisfies WizardAction[]) {
      expect(wizardReducer(sheet, action)).toBe(sheet);
    }
    const back = expectStep(run([{ type: "back" }], sheet), "guide");
    expect(back.draft.guideScreen).toBe(1);
  });
});

describe("people", () => {
  const okResult: WizardAction[] = [
    ...toVerifying,
    { type: "verifyFinished", run: 1, report: successReport() },
  ];
  const hr = fakeHrPeople(30);
  const overview: PeopleOverview = { pages: 2, report: fakeReport(hr, null, false) };
  const progress = { pages_done: 1, pages_total: 2, people: 20, eta_seconds: 3 };

  it("starts from a successful result as step 7, listing number 1", () => {
    const state = expectStep(run([...okResult, { type: "peopleStarted" }]), "people");
    expect(state.listing).toBe(1);
    expect(state.people).toEqual({ kind: "listing", progress: null });
    expect(stepNumber(state)).toBe(7);
  });

  it("does not start from a failed result", () => {
    const failed = run([...toVerifying, { type: "verifyFinished", run: 1, report: failedReport }]);
    expect(wizardReducer(failed, { type: "peopleStarted" })).toBe(failed);
  });

  it("shows progress and the listing, ignoring answers of other listings", () => {
    const listing = run([...okResult, { type: "peopleStarted" }]);
    expect(wizardReducer(listing, { type: "peopleProgress", listing: 2, progress })).toBe(listing);
    const moving = expectStep(
      wizardReducer(listing, { type: "peopleProgress", listing: 1, progress }),
      "people",
    );
    expect(moving.people).toEqual({ kind: "listing", progress });
    const listed = expectStep(
      wizardReducer(moving, { type: "peopleListed", listing: 1, overview }),
      "people",
    );
    expect(listed.people).toMatchObject({ kind: "listed", pages: 2, roster: null });
    // A late progress event after the answer changes nothing.
    expect(wizardReducer(listed, { type: "peopleProgress", listing: 1, progress })).toBe(listed);
  });

  it("ignores a cancelled listing's answer after going back and starting again", () => {
    const first = run([...okResult, { type: "peopleStarted" }]);
    const failed = wizardReducer(first, {
      type: "peopleFailed",
      listing: 1,
      problem: { code: "people_listing_cancelled" },
    });
    const back = expectStep(wizardReducer(failed, { type: "back" }), "result");
    expect(back.listings).toBe(1);
    const second = expectStep(wizardReducer(back, { type: "peopleStarted" }), "people");
    expect(second.listing).toBe(2);
    expect(wizardReducer(second, { type: "peopleListed", listing: 1, overview })).toBe(second);
  });

  it("tries again after a failure with a new listing number", () => {
    const failed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleFailed", listing: 1, problem: { code: "unexpected_error" } },
    ]);
    const again = expectStep(wizardReducer(failed, { type: "peopleStarted" }), "people");
    expect(again.listing).toBe(2);
    expect(again.people.kind).toBe("listing");
  });

  it("loads a roster, and keeps the listing when the dialog is cancelled or the file is wrong", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const comparing = expectStep(wizardReducer(listed, { type: "rosterStarted" }), "people");
    expect(comparing.people).toMatchObject({ comparing: true });
    expect(wizardReducer(comparing, { type: "rosterStarted" })).toBe(comparing);
    expect(
      expectStep(wizardReducer(comparing, { type: "rosterCancelled" }), "people").people,
    ).toEqual({ ...(listed as { people: object }).people, comparing: false });

    const wrong = expectStep(
      wizardReducer(comparing, { type: "rosterFailed", problem: { code: "roster_empty" } }),
      "people",
    );
    expect(wrong.people).toMatchObject({
      comparing: false,
      rosterProblem: { code: "roster_empty" },
    });

    const roster = fakeHrPeople(5);
    const comparison: PeopleComparison = {
      roster: { ...rosterSummary, people: 5 },
      report: fakeReport(hr, roster, false),
    };
    const compared = expectStep(
      wizardReducer(wrong, { type: "rosterLoaded", comparison }),
      "people",
    );
    expect(compared.people).toMatchObject({
      kind: "listed",
      roster: { people: 5 },
      rosterProblem: null,
      comparing: false,
    });
    expect(compared.people.kind === "listed" && compared.people.report.counts.matched).toBe(5);
  });

  it("keeps a failed answer's problem until the next report", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const failed = expectStep(
      wizardReducer(listed, { type: "decisionFailed", problem: { code: "unexpected_error" } }),
      "people",
    );
    expect(failed.people).toMatchObject({ decisionProblem: { code: "unexpected_error" } });
    const report = fakeReport(hr.slice(0, 3), null, false);
    const updated = expectStep(
      wizardReducer(failed, { type: "peopleReportUpdated", report }),
      "people",
    );
    expect(updated.people).toMatchObject({ kind: "listed", report });
    expect(updated.people).not.toHaveProperty("decisionProblem");
  });

  it("asks for shown changes again when screen-share mode switches, and drops people it cannot ask for", () => {
    const listed = expectStep(
      run([...okResult, { type: "peopleStarted" }, { type: "peopleListed", listing: 1, overview }]),
      "people",
    );
    // No changes on show (not re-authorising): nothing to ask again.
    expect(wizardReducer(listed, { type: "screenShareSwitched" })).toBe(listed);
    if (listed.people.kind !== "listed") throw new Error("not listed");
    const changes: PeopleChanges = {
      confirmed_at: 0,
      broken_since: null,
      joined: [],
      left: [],
      terminated: [],
      changed: [],
    };
    const shown = {
      ...listed,
      people: { ...listed.people, changes: { kind: "shown" as const, changes } },
    };
    const switched = expectStep(wizardReducer(shown, { type: "screenShareSwitched" }), "people");
    expect(switched.people).toMatchObject({ kind: "listed", changes: { kind: "loading" } });
    expect(wizardReducer(switched, { type: "screenShareSwitched" })).toBe(switched);

    const gone = expectStep(
      wizardReducer(listed, {
        type: "peopleReportFailed",
        problem: { code: "credentials_expired" },
      }),
      "people",
    );
    expect(gone.people).toEqual({ kind: "failed", problem: { code: "credentials_expired" } });
  });

  it("marks a left-out person and takes the core's counts", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const counts = { ...overview.report.counts, total: 29, only_in_hr: 26, excluded: 1 };
    const out = expectStep(
      wizardReducer(listed, { type: "personExcluded", entry: 0, excluded: true, counts }),
      "people",
    );
    if (out.people.kind !== "listed") throw new Error("not listed");
    expect(out.people.report.counts).toEqual(counts);
    expect(out.people.report.people[0]?.excluded).toBe(true);
    expect(out.people.report.people[1]?.excluded).toBeUndefined();
    const back = expectStep(
      wizardReducer(out, {
        type: "personExcluded",
        entry: 0,
        excluded: false,
        counts: overview.report.counts,
      }),
      "people",
    );
    expect(back.people.kind === "listed" && back.people.report.people[0]).not.toHaveProperty(
      "excluded",
    );
  });

  it("confirms the people and returns to the result with the confirmed counts", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const done = expectStep(wizardReducer(listed, { type: "peopleConfirmed" }), "result");
    expect(done.confirmed).toEqual(overview.report.counts);
    expect(done.outcome.kind).toBe("ok");
    // Not before the people are listed.
    const listing = run([...okResult, { type: "peopleStarted" }]);
    expect(wizardReducer(listing, { type: "peopleConfirmed" })).toBe(listing);
  });
});

const rosterSummary: RosterSummary = {
  format: "csv",
  encoding: "UTF-8",
  delimiter: ";",
  sheet: null,
  header_row: 1,
  people: 0,
  skipped_rows: 0,
  columns: [],
  unreadable_cells: [],
  unreadable_cell_count: 0,
};
