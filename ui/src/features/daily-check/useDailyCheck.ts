import { useCallback, useEffect, useRef, useState } from "react";
import { useBackend } from "../../lib/ipc/BackendContext";
import type { Problem, Result, ScheduleStatus, WizardProblem } from "../../lib/ipc/types";

/** The daily check as the scheduler has it, read when the component appears. */
export type DailyCheckState =
  | { state: "loading" }
  /** No scheduler on this computer (or none that can be read): nothing to offer. */
  | { state: "unavailable"; problem: WizardProblem }
  | { state: "ready"; status: ScheduleStatus; busy: boolean; problem: WizardProblem | null };

const unexpected: WizardProblem = { code: "unexpected_error" };

function settle<T>(call: Promise<Result<T, Problem>>): Promise<Result<T, WizardProblem>> {
  return call.catch(() => ({ status: "error", error: unexpected }) as const);
}

/**
 * The daily check's state and its switch. What is shown is always what the scheduler answered
 * (after a switch too), never what was asked for.
 */
export function useDailyCheck(): { check: DailyCheckState; switchTo(on: boolean): Promise<void> } {
  const backend = useBackend();
  const [check, setCheck] = useState<DailyCheckState>({ state: "loading" });
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    void settle(backend.dailyCheck()).then((result) => {
      if (!mounted.current) return;
      setCheck(
        result.status === "ok"
          ? { state: "ready", status: result.data, busy: false, problem: null }
          : { state: "unavailable", problem: result.error },
      );
    });
    return () => {
      mounted.current = false;
    };
  }, [backend]);

  const switchTo = useCallback(
    async (on: boolean) => {
      setCheck((current) =>
        current.state === "ready" ? { ...current, busy: true, problem: null } : current,
      );
      const result = await settle(backend.setDailyCheck(on));
      if (!mounted.current) return;
      setCheck((current) => {
        if (current.state !== "ready") return current;
        return result.status === "ok"
          ? { state: "ready", status: result.data, busy: false, problem: null }
          : { ...current, busy: false, problem: result.error };
      });
    },
    [backend],
  );

  return { check, switchTo };
}
