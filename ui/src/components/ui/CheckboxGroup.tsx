import type { ReactNode } from "react";
import { ChoiceText } from "./ChoiceText";
import { cx } from "./cx";

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown after the label, e.g. a "Required" tag. */
  tag?: ReactNode;
  /** Ticked and cannot be unticked (a required choice). */
  locked?: boolean;
}

export interface CheckboxGroupProps {
  /** Prefix for element ids. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: CheckboxOption[];
  /** The ticked values (locked options are ticked regardless). */
  value: readonly string[];
  onChange(value: string, checked: boolean): void;
}

/**
 * Tick boxes in a fieldset, drawn as the radio cards are. A locked option is a disabled, ticked
 * box: announced as checked and unavailable, and skipped by Tab.
 */
export function CheckboxGroup({ id, legend, hint, options, value, onChange }: CheckboxGroupProps) {
  return (
    <div className="field">
      <fieldset className="fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint && (
          <div className="field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        <div className="radios">
          {options.map((option) => {
            const optionId = `${id}-${option.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
            const hintId = option.hint ? `${optionId}-hint` : undefined;
            const checked = option.locked || value.includes(option.value);
            return (
              <div
                key={option.value}
                className={cx(
                  "radio",
                  "checkbox",
                  checked && "radio--checked",
                  option.locked && "checkbox--locked",
                )}
              >
                <input
                  className="radio__input checkbox__input"
                  type="checkbox"
                  id={optionId}
                  value={option.value}
                  checked={checked}
                  disabled={option.locked}
                  aria-describedby={hintId}
                  onChange={(event) => onChange(option.value, event.target.checked)}
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
