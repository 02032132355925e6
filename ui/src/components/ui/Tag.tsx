import type { ReactNode } from "react";
import { cx } from "./cx";

export type TagTone = "neutral" | "success" | "error" | "warning" | "info";

/** A short status label in a tinted box. */
export function Tag({ tone = "neutral", children }: { tone?: TagTone; children: ReactNode }) {
  return <span className={cx("tag", `tag--${tone}`)}>{children}</span>;
}
