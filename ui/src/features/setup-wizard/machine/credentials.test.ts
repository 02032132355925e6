import { describe, expect, it } from "vitest";
import type { StagedCredentials } from "../../../lib/ipc/types";
import {
  expectStep,
  failedReport,
  run,
  staged,
  toCredentials,
  toCredentialsOf,
  toVerifying,
} from "../../../test/machine";
import { emptyDraft, initialChecklist, stepNumber, wizardReducer } from ".";

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

describe("IRIS API user", () => {
  const irisStaged: StagedCredentials = { id: "staged-2", provider: "iris", hint: "••••••••alid" };
  const iris = run(toCredentialsOf("iris"));

  it("records both fields, and both at once", () => {
    const typed = run(
      [
        { type: "editLoginUsername", text: "sbx-api-valid" },
        { type: "editLoginPassword", text: "pw" },
      ],
      iris,
    );
    expect(typed.draft).toMatchObject({ loginUsername: "sbx-api-valid", loginPassword: "pw" });
    const pasted = run([{ type: "pasteLogin", username: "u", password: "p" }], typed);
    expect(pasted.draft).toMatchObject({ loginUsername: "u", loginPassword: "p" });
  });

  it("asks for each empty field, and drops a field's error when it is edited", () => {
    const both = expectStep(run([{ type: "requireLogin" }], iris), "credentials");
    expect(both.error).toEqual({ kind: "required", fields: ["username", "password"] });
    const one = expectStep(run([{ type: "editLoginUsername", text: "u" }], both), "credentials");
    expect(one.error).toEqual({ kind: "required", fields: ["password"] });
    const none = run([{ type: "editLoginPassword", text: "p" }], one);
    expect(expectStep(none, "credentials").error).toBeNull();
    // Blank values count as empty; nothing missing leaves the state alone.
    const blank = run([{ type: "editLoginUsername", text: "   " }, { type: "requireLogin" }], none);
    expect(expectStep(blank, "credentials").error).toEqual({
      kind: "required",
      fields: ["username"],
    });
    const filled = run([{ type: "editLoginUsername", text: "u" }], blank);
    expect(wizardReducer(filled, { type: "requireLogin" })).toBe(filled);
  });

  it("forgets the password once the core holds it, but keeps the user name", () => {
    const state = expectStep(
      run(
        [
          { type: "editLoginUsername", text: "sbx-api-valid" },
          { type: "editLoginPassword", text: "CANARY-pw" },
          { type: "stagingStarted", source: "text" },
          { type: "stagingSucceeded", staged: irisStaged },
        ],
        iris,
      ),
      "credentials",
    );
    expect(state.draft.loginPassword).toBe("");
    expect(state.draft.loginUsername).toBe("sbx-api-valid");
    expect(JSON.stringify(state)).not.toContain("CANARY");
    const verifying = expectStep(run([{ type: "verifyStarted" }], state), "verifying");
    expect(JSON.stringify(verifying)).not.toContain("CANARY");
  });

  it("keeps both values when the core could not read them, so they can be corrected", () => {
    const problem = { code: "iris_credentials_unrecognised" } as const;
    const state = expectStep(
      run(
        [
          { type: "editLoginUsername", text: "two words" },
          { type: "editLoginPassword", text: "pw" },
          { type: "stagingStarted", source: "text" },
          { type: "stagingFailed", problem, source: "text" },
        ],
        iris,
      ),
      "credentials",
    );
    expect(state.error).toEqual({ kind: "problem", problem, source: "text" });
    expect(state.draft).toMatchObject({ loginUsername: "two words", loginPassword: "pw" });
  });

  it("goes back and forth keeping what was typed", () => {
    const state = run(
      [
        { type: "editLoginUsername", text: "half" },
        { type: "editLoginPassword", text: "typed" },
        { type: "back" },
        { type: "skipGuide" },
      ],
      iris,
    );
    expect(expectStep(state, "credentials").draft).toMatchObject({
      loginUsername: "half",
      loginPassword: "typed",
    });
  });

  it("ignores edits while the core reads them", () => {
    const busy = run([{ type: "stagingStarted", source: "text" }], iris);
    expect(wizardReducer(busy, { type: "editLoginPassword", text: "x" })).toBe(busy);
    expect(wizardReducer(busy, { type: "pasteLogin", username: "u", password: "p" })).toBe(busy);
  });

  it("enters a different API user from the result: the user name stays, to edit", () => {
    const result = run(
      [
        { type: "editLoginUsername", text: "sbx-api-valid" },
        { type: "editLoginPassword", text: "pw" },
        { type: "stagingStarted", source: "text" },
        { type: "stagingSucceeded", staged: irisStaged },
        { type: "verifyStarted" },
        { type: "verifyFinished", run: 1, report: { ...failedReport, provider: "iris" } },
      ],
      iris,
    );
    const state = expectStep(run([{ type: "useDifferentKey" }], result), "credentials");
    expect(state.draft).toMatchObject({
      loginUsername: "sbx-api-valid",
      loginPassword: "",
      staged: null,
    });
  });
});
