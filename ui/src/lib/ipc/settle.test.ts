import { describe, expect, it, vi } from "vitest";
import { settler } from "./settle";
import type { Problem, Result } from "./types";

type Action = { type: "ok"; data: number } | { type: "failed"; code: string };
const ok = (data: number): Action => ({ type: "ok", data });
const failed = (problem: { code: string }): Action => ({ type: "failed", code: problem.code });
const answer = (result: Result<number, Problem>) => Promise.resolve(result);

describe("settle", () => {
  it("dispatches the data, the core's problem, or an unexpected error", async () => {
    const dispatch = vi.fn();
    const settle = settler<Action>(dispatch);
    await settle(answer({ status: "ok", data: 3 }), ok, failed);
    const problem: Problem = { code: "file_unreadable" };
    await settle(answer({ status: "error", error: problem }), ok, failed);
    await settle(Promise.reject(new Error("IPC down")), ok, failed);
    expect(dispatch.mock.calls.map(([action]) => action)).toEqual([
      { type: "ok", data: 3 },
      { type: "failed", code: "file_unreadable" },
      { type: "failed", code: "unexpected_error" },
    ]);
  });

  it("drops an answer that is no longer current", async () => {
    const dispatch = vi.fn();
    await settler<Action>(dispatch)(answer({ status: "ok", data: 3 }), ok, failed, () => false);
    expect(dispatch).not.toHaveBeenCalled();
  });
});
