import { describe, expect, it } from "vitest";
import { expectStep, run } from "../../test/machine";
import { reauthoriseState, type WizardAction } from "./machine";
import { draftToKeep, resumeState } from "./resume";

const CANARY = "CANARY-7f3a9c-do-not-print";
const staged = { id: "staged-1", provider: "hrworks" as const, hint: "••••••••0001" };

const toCredentials: WizardAction[] = [
  { type: "selectProvider", provider: "hrworks" },
  { type: "submitProvider" },
  { type: "choosePermission", id: "organization-units", selected: true },
  { type: "submitScopes" },
  { type: "nextGuideScreen", screens: 4 },
  { type: "skipGuide" },
];

describe("the draft kept for resuming", () => {
  it("is nothing before a system is chosen, and records how far the admin got", () => {
    expect(draftToKeep(run([]))).toBeNull();
    expect(draftToKeep(run([{ type: "selectProvider", provider: "iris" }]))).toBeNull();
    const scopes = run([{ type: "selectProvider", provider: "iris" }, { type: "submitProvider" }]);
    expect(draftToKeep(scopes)).toEqual({
      provider: "iris",
      optional: [],
      guide_screen: 0,
      username: "",
      step: "scopes",
      target: null,
    });
    const guide = run(toCredentials.slice(0, 5));
    expect(draftToKeep(guide)).toMatchObject({
      step: "guide",
      guide_screen: 1,
      optional: ["organization-units"],
    });
    expect(draftToKeep(run(toCredentials))?.step).toBe("credentials");
    const verifying = run([
      ...toCredentials,
      { type: "stagingSucceeded", staged },
      { type: "verifyStarted" },
    ]);
    expect(draftToKeep(verifying)?.step).toBe("verification");
  });

  it("never holds a key, a password or staged credentials", () => {
    // A state that had a canary in every secret place: the key text, the IRIS password, the
    // staged credentials' id and hint.
    const withKey = run([...toCredentials, { type: "editKeyText", text: `Secret: ${CANARY}` }]);
    const iris = run([
      { type: "selectProvider", provider: "iris" },
      { type: "submitProvider" },
      { type: "submitScopes" },
      { type: "skipGuide" },
      { type: "editLoginUsername", text: "hrlink-api" },
      { type: "editLoginPassword", text: CANARY },
    ]);
    const stagedCanary = run([
      ...toCredentials,
      { type: "stagingSucceeded", staged: { id: CANARY, provider: "hrworks", hint: CANARY } },
    ]);
    for (const state of [withKey, iris, stagedCanary]) {
      expect(JSON.stringify(state)).toContain(CANARY);
      const kept = JSON.stringify(draftToKeep(state));
      expect(kept).not.toContain(CANARY);
      expect(kept).not.toContain(btoa(CANARY));
    }
    expect(draftToKeep(iris)?.username).toBe("hrlink-api");
  });

  it("never keeps an IRIS user name equal to the password typed beside it", () => {
    const typed = (username: string, password: string) =>
      run([
        { type: "selectProvider", provider: "iris" },
        { type: "submitProvider" },
        { type: "submitScopes" },
        { type: "skipGuide" },
        { type: "editLoginUsername", text: username },
        { type: "editLoginPassword", text: password },
      ]);
    // The password pasted into both fields: neither copy is kept.
    expect(draftToKeep(typed(CANARY, CANARY))?.username).toBe("");
    expect(draftToKeep(typed(`${CANARY} `, CANARY))?.username).toBe("");
    expect(draftToKeep(typed("hrlink-api", CANARY))?.username).toBe("hrlink-api");
  });

  it("keeps a user name only for the system it belongs to", () => {
    const kept = draftToKeep(run(toCredentials));
    expect(kept?.username).toBe("");
    const resumed = resumeState(
      {
        provider: "iris",
        optional: [],
        guide_screen: 0,
        username: "sbx-api-valid",
        step: "credentials",
        target: null,
      },
      null,
    );
    expect(resumed.draft).toMatchObject({ loginUsername: "sbx-api-valid", apiUsername: "" });
  });

  it("names the connection being re-authorised", () => {
    const target = {
      id: "connection-bakery",
      label: "Bakery",
      provider: "hrworks" as const,
      account: { id: "1", name: "Bakery" },
    };
    expect(draftToKeep(reauthoriseState(target, ["organization-units"]))).toMatchObject({
      step: "credentials",
      target: "connection-bakery",
      optional: ["organization-units"],
    });
  });
});

describe("resuming", () => {
  it("lands on the step the admin had reached, with their choices", () => {
    const kept = draftToKeep(run(toCredentials.slice(0, 5)));
    if (!kept) throw new Error("a draft");
    const guide = expectStep(resumeState(kept, null), "guide");
    expect(guide.draft).toMatchObject({
      provider: "hrworks",
      optional: ["organization-units"],
      guideScreen: 1,
      keyText: "",
      staged: null,
    });
    expectStep(resumeState({ ...kept, step: "scopes" }, null), "scopes");
  });

  it("lands on the credentials with a calm note once they had been reached", () => {
    const kept = draftToKeep(run(toCredentials));
    if (!kept) throw new Error("a draft");
    for (const step of ["credentials", "verification"] as const) {
      const resumed = expectStep(resumeState({ ...kept, step }, null), "credentials");
      expect(resumed.note).toBe("keyNotKept");
      expect(resumed.error).toBeNull();
      expect(resumed.draft.staged).toBeNull();
    }
    // The note goes once the admin hands over a key again.
    const resumed = resumeState({ ...kept, step: "verification" }, null);
    const staging = expectStep(
      run([{ type: "stagingStarted", source: "text" }], resumed),
      "credentials",
    );
    expect(staging.note).toBeNull();
  });

  it("resumes a re-authorisation at its credentials", () => {
    const kept = draftToKeep(run(toCredentials));
    if (!kept) throw new Error("a draft");
    const target = {
      id: "connection-bakery",
      label: "Bakery",
      provider: "hrworks" as const,
      account: { id: "1", name: "Bakery" },
    };
    const resumed = expectStep(resumeState({ ...kept, step: "guide" }, target), "credentials");
    expect(resumed.draft.target).toEqual(target);
  });
});
