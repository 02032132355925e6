import { expect } from "vitest";
import {
  type Draft,
  initialState,
  type WizardAction,
  type WizardState,
  wizardReducer,
} from "../features/setup-wizard/machine";
import type { StagedCredentials, VerificationReport } from "../lib/ipc/types";

/** Applies `actions` in order, from a blank wizard unless `from` is given. */
export function run(actions: WizardAction[], from: WizardState = initialState()): WizardState {
  return actions.reduce(wizardReducer, from);
}

/** Asserts the state's step and narrows its type. */
export function expectStep<S extends WizardState["step"]>(
  state: WizardState,
  step: S,
): Extract<WizardState, { step: S }> {
  expect(state.step).toBe(step);
  return state as Extract<WizardState, { step: S }>;
}

export const staged: StagedCredentials = {
  id: "staged-1",
  provider: "hrworks",
  hint: "••••••••0001",
};
export const rejected = { code: "credentials_rejected", params: { provider: "HRworks" } } as const;

/** Step 1 to step 4 for `provider`: keep the permissions, skip the guide ("I already have one"). */
export function toCredentialsOf(provider: Draft["provider"] & string): WizardAction[] {
  return [
    { type: "selectProvider", provider },
    { type: "submitProvider" },
    { type: "submitScopes" },
    { type: "skipGuide" },
  ];
}
export const toCredentials = toCredentialsOf("hrworks");
export const toVerifying: WizardAction[] = [
  ...toCredentials,
  { type: "stagingStarted", source: "text" },
  { type: "stagingSucceeded", staged },
  { type: "verifyStarted" },
];
export const failedReport: VerificationReport = {
  provider: "hrworks",
  ok: false,
  account: null,
  permissions: [],
  people: null,
  problems: [rejected],
  warnings: [],
};
