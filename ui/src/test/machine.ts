import { expect } from "vitest";
import {
  initialState,
  type WizardAction,
  type WizardState,
  wizardReducer,
} from "../features/setup-wizard/wizardMachine";

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
