import type { ReactNode } from "react";
import { ChoiceText } from "./ChoiceText";
import { cx } from "./cx";

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown after the label, e.g. a "Coming soon" tag. */
  tag?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps<V extends string> {
  /** Prefix for element ids; the first enabled option gets `id` itself (error links target it). */
  id: string;
  name: string;
  legend: ReactNode;
  /** Renders the legend as the page's h1 (the question of the page). */
  legendIsHeading?: boolean;
  hint?: ReactNode;
  error?: string | null;
  errorPrefix?: string;
  options: Array<RadioOption<V>>;
  /** Shown between the hint and the options, e.g. a search box that narrows them down. */
  beforeOptions?: ReactNode;
  value: V | null;
  onChange(value: V): void;
}

/**
 * A set of radios in a fieldset. Native inputs, so arrow keys move between options and disabled
 * options are skipped.
 */
export function RadioGroup<V extends string>({
  id,
  name,
  legend,
  legendIsHeading,
  hint,
  error,
  errorPrefix = "Error:",
  options,
  beforeOptions,
  value,
  onChange,
}: RadioGroupProps<V>) {
  const firstEnabled = options.find((option) => !option.disabled)?.value;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cx("field", error && "field--error")}>
      <fieldset className="fieldset" aria-describedby={describedBy || undefined}>
        <legend className="fieldset__legend">
          {legendIsHeading ? <h1 className="heading-l fieldset__heading">{legend}</h1> : legend}
        </legend>
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
        {beforeOptions}
        <div className="radios">
          {options.map((option) => {
            const optionId = option.value === firstEnabled ? id : `${id}-${option.value}`;
            const hintId = option.hint ? `${optionId}-item-hint` : undefined;
            return (
              <div
                className={cx(
                  "radio",
                  option.disabled && "radio--disabled",
                  value === option.value && "radio--checked",
                )}
                key={option.value}
              >
                <input
                  className="radio__input"
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  disabled={option.disabled}
                  aria-describedby={hintId}
                  onChange={(event) => {
                    // Arrow keys check the next card: keep all of it in view, not just its circle.
                    event.currentTarget.closest(".radio")?.scrollIntoView({ block: "nearest" });
                    onChange(option.value);
                  }}
                />
                <ChoiceText
                  inputId={optionId}
                  label={option.label}
                  tag={option.tag}
                  hint={option.hint}
                  hintId={hintId}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
