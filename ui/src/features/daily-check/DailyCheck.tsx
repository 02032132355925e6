import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, Panel } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import { useBackend } from "../../lib/ipc/BackendContext";
import type { ScheduleStatus, WizardProblem } from "../../lib/ipc/types";
import { useDailyCheck } from "./useDailyCheck";

/** "On. Next check: Tuesday, 8 December, 09:14." in the UI's language, or "Off." */
function useStatusText(status: ScheduleStatus): string {
  const { t, i18n } = useTranslation();
  if (!status.enabled) return t("dailyCheck.off");
  if (status.next_run === null) return t("dailyCheck.nextRunUnknown");
  const when = new Intl.DateTimeFormat(i18n.language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(status.next_run * 1000));
  return t("dailyCheck.nextRun", { when });
}

function StatusText({ status }: { status: ScheduleStatus }) {
  const { t } = useTranslation();
  const text = useStatusText(status);
  return <>{status.enabled ? text : `${text} ${t("dailyCheck.hintOff")}`}</>;
}

function ProblemText({ problem }: { problem: WizardProblem }) {
  const { i18n } = useTranslation();
  const rendered = renderProblem(problem, i18n.language);
  return (
    <>
      <p>{rendered.message}</p>
      <p>{rendered.nextStep}</p>
    </>
  );
}

/**
 * The switch on Your connections: "Check my connections every day and tell me if one stops
 * working", off until the admin turns it on. Where the computer has no scheduler for it, it
 * says so and offers nothing.
 */
export function DailyCheckSwitch({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { check, switchTo } = useDailyCheck();
  if (check.state === "loading") return null;
  if (check.state === "unavailable") {
    return (
      <section className="daily-check" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="heading-s">
          {t("dailyCheck.unavailableHeading")}
        </h2>
        <ProblemText problem={check.problem} />
      </section>
    );
  }
  const { status, busy, problem } = check;
  return (
    <section className="daily-check" aria-label={t("dailyCheck.label")}>
      <div className="daily-check__row">
        <input
          id={`${id}-switch`}
          type="checkbox"
          role="switch"
          className="daily-check__switch"
          checked={status.enabled}
          aria-checked={status.enabled}
          disabled={busy}
          aria-describedby={`${id}-state`}
          onChange={(event) => void switchTo(event.target.checked)}
        />
        <label htmlFor={`${id}-switch`} className="daily-check__label">
          {t("dailyCheck.label")}
        </label>
      </div>
      <p id={`${id}-state`} className="daily-check__state" aria-live="polite">
        <StatusText status={status} />
      </p>
      {demo && <p className="daily-check__state">{t("dailyCheck.demo")}</p>}
      {problem && (
        <div className="daily-check__problem" role="alert">
          <ProblemText problem={problem} />
        </div>
      )}
    </section>
  );
}

/**
 * The saved page's offer of the daily check: shown once (the core notes that it was offered),
 * only where there is a scheduler and the check is still off.
 */
export function DailyCheckOffer() {
  const backend = useBackend();
  const { t } = useTranslation();
  const { check, switchTo } = useDailyCheck();
  const [offered, setOffered] = useState(false);
  const off = check.state === "ready" && !check.status.enabled;

  // Taken only when it can be shown: an offer no one saw is not used up.
  useEffect(() => {
    if (!off || offered) return;
    let live = true;
    backend.takeDailyCheckOffer().then(
      (first) => live && first && setOffered(true),
      () => {
        // Without an answer there is no offer; the switch on Your connections remains.
      },
    );
    return () => {
      live = false;
    };
  }, [backend, off, offered]);

  if (!offered || check.state !== "ready") return null;
  const { status, busy, problem } = check;
  return (
    <Panel tone="info" className="result-panel daily-check-offer">
      <h2 className="heading-s">{t("dailyCheck.offer.heading")}</h2>
      {status.enabled ? (
        <p role="status">{t("dailyCheck.offer.done")}</p>
      ) : (
        <>
          <p>{t("dailyCheck.offer.lead")}</p>
          {problem && (
            <div className="daily-check__problem" role="alert">
              <ProblemText problem={problem} />
            </div>
          )}
          <ButtonGroup>
            <Button variant="secondary" busy={busy} onClick={() => void switchTo(true)}>
              {t("dailyCheck.offer.accept")}
            </Button>
          </ButtonGroup>
        </>
      )}
    </Panel>
  );
}
