import type { InputHTMLAttributes, Ref } from "react";
import { cx } from "./cx";
import { describedBy, Field, type FieldChromeProps } from "./Field";
import { maskedAttributes, type RevealLabels, RevealToggle, useReveal } from "./Reveal";

export type TextFieldProps = FieldChromeProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
    ref?: Ref<HTMLInputElement>;
    /**
     * A password field (what is typed is drawn as dots and read as such by screen readers), with
     * a Show/Hide toggle unless `reveal` is omitted. Spell checking and autofill are off.
     */
    masked?: boolean;
    reveal?: RevealLabels;
  };

/** A one-line text input with label, hint and error; optionally masked. */
export function TextField({
  id,
  label,
  hint,
  error,
  labelIsHeading,
  errorPrefix,
  className,
  masked = false,
  reveal,
  type,
  ...rest
}: TextFieldProps) {
  const shown = useReveal(masked, reveal);
  const hidden = shown.hidden;
  const input = (
    <input
      id={id}
      className={cx("input", error && "input--error", className)}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      type={masked ? (hidden ? "password" : "text") : type}
      {...(masked ? maskedAttributes(hidden) : {})}
      {...rest}
    />
  );
  return (
    <Field {...{ id, label, hint, error, labelIsHeading, errorPrefix }}>
      {masked && reveal ? (
        <div className="input-wrap--reveal">
          {input}
          <RevealToggle controls={id} labels={reveal} reveal={shown} />
        </div>
      ) : (
        input
      )}
    </Field>
  );
}
