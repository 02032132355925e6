import type { ReactNode } from "react";
import { cx } from "./cx";

export interface FieldChromeProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message at the field; the same text as in the error summary. */
  error?: string | null;
  /** Renders the label as the page's h1 (one question per page). */
  labelIsHeading?: boolean;
  /** Read before the error by screen readers, e.g. "Error:". */
  errorPrefix?: string;
}

/** The ids a control must reference in `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** Label, hint and error around a control, GOV.UK style. */
export function Field({
  id,
  label,
  hint,
  error,
  labelIsHeading,
  errorPrefix = "Error:",
  children,
}: FieldChromeProps & { children: ReactNode }) {
  const labelElement = (
    <label className={cx("field__label", labelIsHeading && "heading-l")} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={cx("field", error && "field--error")}>
      {labelIsHeading ? <h1 className="field__heading">{labelElement}</h1> : labelElement}
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{errorPrefix} </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
