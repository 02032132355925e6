import type { DetailsHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

/** A native expander: keyboard-operable and announced as expanded/collapsed for free. */
export function Details({
  summary,
  children,
  className,
  ...rest
}: Omit<DetailsHTMLAttributes<HTMLDetailsElement>, "children"> & {
  summary: ReactNode;
  children: ReactNode;
}) {
  return (
    <details className={cx("details", className)} {...rest}>
      <summary className="details__summary">
        <span className="details__summary-text">{summary}</span>
      </summary>
      <div className="details__body">{children}</div>
    </details>
  );
}
