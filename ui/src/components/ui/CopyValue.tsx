import { Button } from "./Button";
import { useCopy } from "./useCopy";

export interface CopyValueLabels {
  /** The button's text, e.g. "Copy". */
  copy: string;
  /** The button's accessible name, naming the value, e.g. "Copy Demo Rostering". */
  copyLabel: string;
  copied: string;
  copyFailed: string;
}

/**
 * A value to type somewhere else, shown as code with a Copy button. When the clipboard refuses,
 * the value is selected so that the admin can copy it with the keyboard.
 */
export function CopyValue({ value, labels }: { value: string; labels: CopyValueLabels }) {
  const { state, ref, copy } = useCopy<HTMLElement>(value);

  return (
    <div className="copy-value">
      <code className="copy-value__text" ref={ref}>
        {value}
      </code>
      <Button variant="secondary" aria-label={labels.copyLabel} onClick={() => void copy()}>
        {labels.copy}
      </Button>
      <span className="copy-value__status" aria-live="polite">
        {state === "copied" && labels.copied}
        {state === "failed" && labels.copyFailed}
      </span>
    </div>
  );
}
