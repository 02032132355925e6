import { type Ref, type TextareaHTMLAttributes, useState } from "react";
import { cx } from "./cx";
import { describedBy, Field, type FieldChromeProps } from "./Field";

/** Words for the Show/Hide toggle of a masked field (the caller translates them). */
export interface RevealLabels {
  show: string;
  hide: string;
  /** Accessible names, e.g. "Show the key". */
  showLabel: string;
  hideLabel: string;
  /** Announced after toggling. */
  nowVisible: string;
  nowHidden: string;
}

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
  const [visible, setVisible] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const hidden = masked && !visible;
  const toggle = () => {
    setVisible(!visible);
    if (reveal) setAnnouncement(visible ? reveal.nowHidden : reveal.nowVisible);
  };
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
        {masked && reveal && (
          <>
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
          </>
        )}
      </div>
    </Field>
  );
}
