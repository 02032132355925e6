import type { InputHTMLAttributes, Ref } from "react";
import { cx } from "./cx";
import { describedBy, Field, type FieldChromeProps } from "./Field";

export type TextFieldProps = FieldChromeProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { ref?: Ref<HTMLInputElement> };

/** A one-line text input with label, hint and error. */
export function TextField({
  id,
  label,
  hint,
  error,
  labelIsHeading,
  errorPrefix,
  className,
  ...rest
}: TextFieldProps) {
  return (
    <Field {...{ id, label, hint, error, labelIsHeading, errorPrefix }}>
      <input
        id={id}
        className={cx("input", error && "input--error", className)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Field>
  );
}
