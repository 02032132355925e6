import type { Problem, Result, WizardProblem } from "./types";

/** The problem shown when an IPC call itself fails (not an answer from the core). */
export const UNEXPECTED: WizardProblem = { code: "unexpected_error" };

export type Answer<T> = { ok: true; data: T } | { ok: false; problem: WizardProblem };

/**
 * A command's answer as data or a problem to show: the core's, or `unexpected_error` when the
 * call itself fails. Never rejects.
 */
export async function answered<T>(answer: Promise<Result<T, Problem>>): Promise<Answer<T>> {
  try {
    const result = await answer;
    return result.status === "ok"
      ? { ok: true, data: result.data }
      : { ok: false, problem: result.error };
  } catch {
    return { ok: false, problem: UNEXPECTED };
  }
}

/** {@link settler}'s answer: settles one command's answer into one action. */
export type Settle<A> = <T>(
  answer: Promise<Result<T, Problem>>,
  ok: (data: T) => A,
  failed: (problem: WizardProblem) => A,
  isCurrent?: () => boolean,
) => Promise<void>;

/**
 * For `dispatch`: a function that turns a command's answer into one action and dispatches it,
 * `ok` with the data or `failed` with the problem ({@link answered}). An answer that arrives once
 * `isCurrent` says false (the page moved on) is dropped. Never rejects. (The action type comes
 * from `dispatch`, so the actions written in `ok` and `failed` keep their literal types.)
 */
export function settler<A>(dispatch: (action: A) => void): Settle<A> {
  return async (answer, ok, failed, isCurrent = () => true) => {
    const outcome = await answered(answer);
    if (isCurrent()) dispatch(outcome.ok ? ok(outcome.data) : failed(outcome.problem));
  };
}
