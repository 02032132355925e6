import type { HTMLAttributes } from "react";
import { cx } from "./cx";

export type PanelTone = "neutral" | "success" | "info";

/** A bordered box that groups related content. */
export function Panel({
  tone = "neutral",
  className,
  ...rest
}: HTMLAttributes<HTMLDivElement> & { tone?: PanelTone }) {
  return <div className={cx("panel", `panel--${tone}`, className)} {...rest} />;
}
