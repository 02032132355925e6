/** The `Result` values the fake backend answers with, shaped like the generated bindings'. */

import type { Result } from "../types";

export const ok = <T>(data: T): Result<T, never> => ({ status: "ok", data });
export const err = <E>(error: E): Result<never, E> => ({ status: "error", error });
