import type { Ref, TextareaHTMLAttributes } from "react";
import { cx } from "./cx";
import { describedBy, Field, type FieldChromeProps } from "./Field";
import { maskedAttributes, type RevealLabels, RevealToggle, useReveal } from "./Reveal";

export type TextAreaProps = FieldChromeProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
    ref?: Ref<HTMLTextAreaElement>;
    /**
     * Hides what is typed, like a password field (each character drawn as a dot), with a
     * Show/Hide toggle unless `reveal` is omitted. Spell checking and autofill are off.
     */
    masked?: boolean;
    reveal?: RevealLabels;
  };

/** A multi-line text input with label, hint and error; optionally masked. */
export function TextArea({
  id,
  label,
  hint,
  error,
  labelIsHeading,
  errorPrefix,
  className,
  masked = false,
  reveal,
  ...rest
}: TextAreaProps) {
  const shown = useReveal(masked, reveal);
  const hidden = shown.hidden;
  return (
    <Field {...{ id, label, hint, error, labelIsHeading, errorPrefix }}>
      <div className={cx("textarea-wrap", masked && reveal && "textarea-wrap--reveal")}>
        <textarea
          id={id}
          className={cx(
            "input",
            "textarea",
            hidden && "textarea--masked",
            error && "input--error",
            className,
          )}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
          {...(masked ? maskedAttributes(hidden) : {})}
          {...rest}
        />
        {masked && reveal && <RevealToggle controls={id} labels={reveal} reveal={shown} />}
      </div>
    </Field>
  );
}
