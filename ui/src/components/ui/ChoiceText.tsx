import type { ReactNode } from "react";

export interface ChoiceTextProps {
  /** The input this text labels. */
  inputId: string;
  label: ReactNode;
  /** Shown after the label, e.g. a "Needed" tag. */
  tag?: ReactNode;
  hint?: ReactNode;
  /** The hint's id (the input's `aria-describedby`); required when there is a hint. */
  hintId?: string;
}

/** The label, tag and hint of one radio or tick-box card (the cards share their look). */
export function ChoiceText({ inputId, label, tag, hint, hintId }: ChoiceTextProps) {
  return (
    <>
      <label className="radio__label" htmlFor={inputId}>
        <span className="radio__name">{label}</span>
        {tag}
      </label>
      {hint && (
        <div className="radio__hint" id={hintId}>
          {hint}
        </div>
      )}
    </>
  );
}
