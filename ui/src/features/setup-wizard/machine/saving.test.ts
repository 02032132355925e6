import { describe, expect, it } from "vitest";
import { sameCompanyName } from "../../../lib/companyName";
import { OTHER_COMPANY, successReport } from "../../../lib/ipc/fakeBackend";
import { sampleConnection } from "../../../lib/ipc/fakeConnections";
import type { StagedCredentials } from "../../../lib/ipc/types";
import { LABEL_MAX } from "../../../lib/label";
import { expectStep, run } from "../../../test/machine";
import {
  type ReauthTarget,
  reauthoriseState,
  stepNumber,
  type WizardAction,
  wizardReducer,
} from ".";

const staged: StagedCredentials = { id: "staged-1", provider: "hrworks", hint: "••••••••0001" };
const report = successReport("hrworks");
const connection = sampleConnection({ id: "connection-1", label: "Bakery" });
/** The core's answer to a save or re-authorisation that kept the confirmed people. */
const answer = { connection, people_not_kept: null };
const target: ReauthTarget = {
  id: "connection-1",
  label: "Bakery",
  provider: "hrworks",
  account: { id: "48213", name: "Sandbox Bäckerei GmbH" },
};

/**
 * The actions from a blank wizard (or re-authorisation) to a result for `verified`, past the
 * mapping step (skipped: the product has no categories; `mapping.test.ts` has the step).
 */
function verified(result = report, provider: "hrworks" = "hrworks"): WizardAction[] {
  return [
    { type: "selectProvider", provider },
    { type: "submitProvider" },
    { type: "submitScopes" },
    { type: "skipGuide" },
    { type: "stagingStarted", source: "text" },
    { type: "stagingSucceeded", staged },
    { type: "verifyStarted" },
    { type: "verifyFinished", run: 1, report: result },
    { type: "saveRequested", label: "" },
    { type: "mappingLoaded", proposal: null },
  ];
}

const reauthVerified: WizardAction[] = verified().slice(4);

describe("saving a new connection", () => {
  const result = run(verified());

  it("goes from a successful result to check your answers, with the label prefilled", () => {
    const confirm = expectStep(
      wizardReducer(result, { type: "saveRequested", label: "Sandbox Bäckerei GmbH" }),
      "confirm",
    );
    expect(confirm).toMatchObject({
      label: "Sandbox Bäckerei GmbH",
      labelError: null,
      report,
      staged,
      saving: { busy: false, problem: null },
    });
    expect(stepNumber(confirm)).toBe(0);
  });

  it("cannot save a failed result", () => {
    const failed = run(verified({ ...report, ok: false, problems: [{ code: "vault_locked" }] }));
    expect(wizardReducer(failed, { type: "saveRequested", label: "x" })).toBe(failed);
  });

  it("validates the label before saving", () => {
    const confirm = run([{ type: "saveRequested", label: "" }, { type: "saveSubmitted" }], result);
    expect(expectStep(confirm, "confirm")).toMatchObject({
      labelError: "required",
      saving: { busy: false },
    });
    const long = run(
      [{ type: "editLabel", text: "x".repeat(LABEL_MAX + 1) }, { type: "saveSubmitted" }],
      confirm,
    );
    expect(expectStep(long, "confirm").labelError).toBe("tooLong");
    const edited = expectStep(
      wizardReducer(long, { type: "editLabel", text: "Bakery" }),
      "confirm",
    );
    expect(edited.labelError).toBeNull();
  });

  it("saves, fails on a locked keychain, retries and succeeds", () => {
    const saving = run(
      [{ type: "saveRequested", label: "Bakery" }, { type: "saveSubmitted" }],
      result,
    );
    expect(expectStep(saving, "confirm").saving).toEqual({ busy: true, problem: null, attempt: 1 });
    // Nothing can be edited while saving.
    expect(wizardReducer(saving, { type: "editLabel", text: "x" })).toBe(saving);
    expect(wizardReducer(saving, { type: "back" })).toBe(saving);

    const failed = wizardReducer(saving, {
      type: "saveFailed",
      attempt: 1,
      problem: { code: "vault_locked" },
    });
    expect(expectStep(failed, "confirm").saving).toEqual({
      busy: false,
      problem: { code: "vault_locked" },
      attempt: 1,
    });
    const retry = wizardReducer(failed, { type: "saveSubmitted" });
    expect(expectStep(retry, "confirm").saving).toEqual({ busy: true, problem: null, attempt: 2 });
    // A late answer to the first attempt is ignored.
    expect(wizardReducer(retry, { type: "saveSucceeded", attempt: 1, saved: answer })).toBe(retry);
    const saved = expectStep(
      wizardReducer(retry, { type: "saveSucceeded", attempt: 2, saved: answer }),
      "saved",
    );
    expect(saved).toMatchObject({ connection, how: "saved", peopleNotKept: null });
    expect(saved.draft.staged).toBeNull();
  });

  it("changes answers: back to the result, the system or the credentials", () => {
    const confirm = wizardReducer(result, { type: "saveRequested", label: "Bakery" });
    expect(expectStep(wizardReducer(confirm, { type: "back" }), "result").outcome).toEqual({
      kind: "ok",
      report,
    });
    expect(wizardReducer(confirm, { type: "changeAnswer", answer: "provider" }).step).toBe(
      "chooseProvider",
    );
    const credentials = expectStep(
      wizardReducer(confirm, { type: "changeAnswer", answer: "credentials" }),
      "credentials",
    );
    expect(credentials.draft.staged).toEqual(staged);
  });
});

describe("re-authorising", () => {
  const start = reauthoriseState(target, null);

  it("starts at the credentials step for the connection's system", () => {
    const credentials = expectStep(start, "credentials");
    expect(credentials.draft).toMatchObject({ provider: "hrworks", target, optional: [] });
    // Back leaves the wizard (the component does that); the machine does not offer other systems.
    expect(wizardReducer(start, { type: "back" })).toBe(start);
  });

  it("starts with the permissions chosen when the connection was saved", () => {
    const chosen = expectStep(reauthoriseState(target, ["organization-units"]), "credentials");
    expect(chosen.draft.optional).toEqual(["organization-units"]);
  });

  it("checks the answers, keeping the connection's name, then updates", () => {
    const confirm = expectStep(
      run([...reauthVerified, { type: "saveRequested", label: "Acme GmbH (HRworks)" }], start),
      "confirm",
    );
    expect(confirm.label).toBe(target.label);
    expect(confirm.saving.busy).toBe(false);
    // Back returns to the result, as for a new connection.
    expect(wizardReducer(confirm, { type: "back" }).step).toBe("result");
    const updating = wizardReducer(confirm, { type: "saveSubmitted" });
    expect(expectStep(updating, "updating").saving).toEqual({
      busy: true,
      problem: null,
      attempt: 1,
    });
    const notKept = { code: "vault_locked" } as const;
    const saved = wizardReducer(updating, {
      type: "saveSucceeded",
      attempt: 1,
      saved: { connection, people_not_kept: notKept },
    });
    expect(expectStep(saved, "saved")).toMatchObject({
      how: "reauthorised",
      peopleNotKept: notKept,
    });
  });

  it("shows a keychain failure on the update page, and retries", () => {
    const failed = run(
      [
        ...reauthVerified,
        { type: "saveRequested", label: "" },
        { type: "saveSubmitted" },
        { type: "saveFailed", attempt: 1, problem: { code: "vault_timed_out" } },
      ],
      start,
    );
    expect(expectStep(failed, "updating").saving.problem).toEqual({ code: "vault_timed_out" });
    expect(expectStep(wizardReducer(failed, { type: "saveSubmitted" }), "updating").saving).toEqual(
      { busy: true, problem: null, attempt: 2 },
    );
  });

  describe("another company", () => {
    const refused = run(
      [
        ...reauthVerified,
        { type: "saveRequested", label: "" },
        { type: "saveSubmitted" },
        {
          type: "saveFailed",
          attempt: 1,
          problem: {
            code: "different_account",
            params: {
              provider: "HRworks",
              saved: "Sandbox Bäckerei GmbH",
              reached: OTHER_COMPANY.name,
            },
          },
        },
      ],
      start,
    );

    it("stops on the different-company page", () => {
      expect(expectStep(refused, "differentAccount")).toMatchObject({
        saved: "Sandbox Bäckerei GmbH",
        reached: OTHER_COMPANY.name,
        typedName: "",
        nameError: null,
        saving: { busy: false, problem: null },
      });
    });

    it("goes back to the credentials with nothing staged to try the right account", () => {
      const credentials = expectStep(
        wizardReducer(refused, { type: "retryWithRightAccount" }),
        "credentials",
      );
      expect(credentials.draft).toMatchObject({ staged: null, target });
    });

    it("replaces only when the new company's name is typed (case and spaces aside)", () => {
      const empty = wizardReducer(refused, { type: "saveSubmitted" });
      expect(expectStep(empty, "differentAccount").nameError).toBe("required");
      const wrong = run(
        [{ type: "editReplacementName", text: "Sandbox Bäckerei GmbH" }, { type: "saveSubmitted" }],
        refused,
      );
      expect(expectStep(wrong, "differentAccount")).toMatchObject({
        nameError: "mismatch",
        saving: { busy: false },
      });
      const right = run(
        [
          { type: "editReplacementName", text: "  sandbox nordlicht  LOGISTIK gmbh " },
          { type: "saveSubmitted" },
        ],
        wrong,
      );
      expect(expectStep(right, "differentAccount")).toMatchObject({
        nameError: null,
        saving: { busy: true, attempt: 2 },
      });
      const replaced = wizardReducer(right, { type: "saveSucceeded", attempt: 2, saved: answer });
      expect(expectStep(replaced, "saved").how).toBe("replaced");
    });

    it("shows the core's refusal on the same page", () => {
      const submitted = run(
        [{ type: "editReplacementName", text: OTHER_COMPANY.name }, { type: "saveSubmitted" }],
        refused,
      );
      const problem = {
        code: "different_account",
        params: { provider: "HRworks", saved: "A", reached: "B" },
      } as const;
      const again = wizardReducer(submitted, { type: "saveFailed", attempt: 2, problem });
      expect(expectStep(again, "differentAccount").saving.problem).toEqual(problem);
    });
  });
});

describe("sameCompanyName", () => {
  it("ignores case, spacing and punctuation, not letters", () => {
    expect(sameCompanyName("ACME  GmbH.", "acme gmbh")).toBe(true);
    expect(sameCompanyName("Bäckerei", "Backerei")).toBe(false);
    expect(sameCompanyName("", "x")).toBe(false);
  });
});
