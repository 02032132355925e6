import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../components/ui";

export interface ScreenShareSwitchProps {
  on: boolean;
  /** Switches the mode (in the core first); resolves once the app masks accordingly. */
  onChange(on: boolean): Promise<void>;
}

/**
 * The header's screen-share switch. On is immediate; off shows what becomes visible and asks
 * first (Cancel is focused, Escape cancels), since names and key ends would then show to anyone
 * watching.
 */
export function ScreenShareSwitch({ on, onChange }: ScreenShareSwitchProps) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const switchRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const change = async (next: boolean) => {
    setBusy(true);
    try {
      await onChange(next);
    } catch {
      // The app is not answering: the mode stays as it was, and the switch says so.
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setConfirming(false);
    switchRef.current?.focus();
  };
  const turnOff = async () => {
    await change(false);
    close();
  };

  return (
    <div className="screen-share">
      <button
        ref={switchRef}
        type="button"
        role="switch"
        className="screen-share__switch"
        aria-checked={on}
        aria-describedby={`${id}-hint`}
        onClick={() => {
          if (busy) return;
          if (on) setConfirming(true);
          else void change(true);
        }}
      >
        <span className="screen-share__track" aria-hidden="true">
          <span className="screen-share__thumb" />
        </span>
        <span className="screen-share__text">
          <span className="screen-share__label">{t("app.supportMode")}</span>
          <span className="screen-share__state" aria-hidden="true">
            {on ? t("app.supportModeOn") : t("app.supportModeOff")}
          </span>
        </span>
      </button>
      <span id={`${id}-hint`} className="screen-share__hint">
        {t("app.supportModeHint")}
      </span>
      {confirming && (
        <div
          id={`${id}-confirm`}
          className="screen-share__confirm"
          role="alertdialog"
          aria-labelledby={`${id}-confirm-title`}
          aria-describedby={`${id}-confirm-body`}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        >
          <h2 id={`${id}-confirm-title`} className="heading-s">
            {t("app.turnOffTitle")}
          </h2>
          <p id={`${id}-confirm-body`}>{t("app.turnOffBody")}</p>
          <ButtonGroup>
            <Button ref={cancelRef} variant="secondary" onClick={close}>
              {t("app.turnOffCancel")}
            </Button>
            <Button busy={busy} onClick={() => void turnOff()}>
              {t("app.turnOffConfirm")}
            </Button>
          </ButtonGroup>
        </div>
      )}
    </div>
  );
}
