import { type InputHTMLAttributes, type Ref, useState } from "react";
import { cx } from "./cx";
import { describedBy, Field, type FieldChromeProps } from "./Field";
import type { RevealLabels } from "./TextArea";

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
  const [visible, setVisible] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const hidden = masked && !visible;
  const toggle = () => {
    setVisible(!visible);
    if (reveal) setAnnouncement(visible ? reveal.nowHidden : reveal.nowVisible);
  };
  const input = (
    <input
      id={id}
      className={cx("input", error && "input--error", className)}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      type={masked ? (hidden ? "password" : "text") : type}
      {...(masked
        ? {
            spellCheck: false,
            autoComplete: "off",
            autoCorrect: "off",
            autoCapitalize: "off",
            "data-masked": hidden,
          }
        : {})}
      {...rest}
    />
  );
  return (
    <Field {...{ id, label, hint, error, labelIsHeading, errorPrefix }}>
      {masked && reveal ? (
        <div className="input-wrap--reveal">
          {input}
          <button
            type="button"
            className="btn btn--secondary reveal-toggle"
            aria-controls={id}
            aria-label={visible ? reveal.hideLabel : reveal.showLabel}
            onClick={toggle}
          >
            {visible ? reveal.hide : reveal.show}
          </button>
          <span className="visually-hidden" aria-live="polite">
            {announcement}
          </span>
        </div>
      ) : (
        input
      )}
    </Field>
  );
}
