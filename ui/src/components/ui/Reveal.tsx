import { useEffect, useState } from "react";

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

/** Attributes of a masked field: no spell checking, autofill or correction of a secret. */
export function maskedAttributes(hidden: boolean) {
  return {
    spellCheck: false,
    autoComplete: "off",
    autoCorrect: "off",
    autoCapitalize: "off",
    "data-masked": hidden,
  } as const;
}

/**
 * Whether a masked field's text is shown, and the toggle that changes it. Without `labels` (no
 * toggle, e.g. in screen-share mode) it is hidden, and a field shown before is hidden again.
 */
export function useReveal(masked: boolean, labels: RevealLabels | undefined) {
  const [visible, setVisible] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const revealable = labels !== undefined;
  useEffect(() => {
    if (!revealable) setVisible(false);
  }, [revealable]);
  const shown = revealable && visible;
  const toggle = () => {
    setVisible(!shown);
    if (labels) setAnnouncement(shown ? labels.nowHidden : labels.nowVisible);
  };
  return { hidden: masked && !shown, visible: shown, announcement, toggle };
}

/** The Show/Hide button beside a masked field, with a polite announcement of the change. */
export function RevealToggle({
  controls,
  labels,
  reveal,
}: {
  controls: string;
  labels: RevealLabels;
  reveal: ReturnType<typeof useReveal>;
}) {
  return (
    <>
      <button
        type="button"
        className="btn btn--secondary reveal-toggle"
        aria-controls={controls}
        aria-label={reveal.visible ? labels.hideLabel : labels.showLabel}
        onClick={reveal.toggle}
      >
        {reveal.visible ? labels.hide : labels.show}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {reveal.announcement}
      </span>
    </>
  );
}
