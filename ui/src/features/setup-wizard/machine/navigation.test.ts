import { describe, expect, it } from "vitest";
import { successReport } from "../../../lib/ipc/fakeBackend";
import { expectStep, run, staged } from "../../../test/machine";
import {
  type Draft,
  emptyDraft,
  initialState,
  stepNumber,
  type WizardAction,
  wizardReducer,
} from ".";

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
      loginUsername: "sbx-api-valid",
      loginPassword: "secret",
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
