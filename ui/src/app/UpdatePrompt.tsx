import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, ButtonGroup } from "../components/ui";
import { renderProblem } from "../lib/i18n";
import { useBackend } from "../lib/ipc/BackendContext";
import type { UpdateNews, WizardProblem } from "../lib/ipc/types";

/**
 * Whether a wizard is mid-way: open past its first step and not yet at its end. Restarting then
 * would throw away what the admin entered, so an update waits (the core refuses it too).
 */
export function wizardMidWay(wizardOpen: boolean, step: string | null): boolean {
  if (!wizardOpen || step === null) return false;
  return !["chooseProvider", "saved", "cloud_code", "cloud_delivered"].includes(step);
}

function ProblemBody({ problem }: { problem: WizardProblem }) {
  const { i18n } = useTranslation();
  const rendered = renderProblem(problem, i18n.language);
  return (
    <>
      {rendered.message} {rendered.nextStep}
    </>
  );
}

/**
 * "HR Link 0.3.0 is ready — Restart now / Later", or why an update was refused. Shown only while
 * no wizard is mid-way; "Later" hides it until the next start (the check runs again then).
 */
export function UpdatePrompt({ midWay }: { midWay: boolean }) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [news, setNews] = useState<UpdateNews | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<WizardProblem | null>(null);

  useEffect(() => {
    const listening = backend.onUpdateNews(setNews);
    return () => {
      listening
        .then((unlisten) => unlisten())
        .catch(() => {
          // Never listened: nothing to stop.
        });
    };
  }, [backend]);

  if (news === null || midWay) return null;
  const dismiss = () => setNews(null);
  if (news.kind === "refused") {
    return (
      <div className="update-prompt">
        <Banner title={t("update.refusedTitle")} tone="warning">
          <ProblemBody problem={news.problem} />
        </Banner>
        <ButtonGroup>
          <Button variant="secondary" onClick={dismiss}>
            {t("update.dismiss")}
          </Button>
        </ButtonGroup>
      </div>
    );
  }
  const restart = async () => {
    setBusy(true);
    setProblem(null);
    // On success the app restarts and this page is gone.
    const answer = await backend.installUpdate(midWay).catch(() => null);
    setBusy(false);
    if (answer?.status !== "ok") setProblem(answer?.error ?? { code: "unexpected_error" });
  };
  return (
    <div className="update-prompt">
      <Banner title={t("update.readyTitle", { version: news.version })}>
        {problem ? <ProblemBody problem={problem} /> : t("update.readyBody")}
      </Banner>
      <ButtonGroup>
        <Button busy={busy} onClick={() => void restart()}>
          {t("update.restartNow")}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={dismiss}>
          {t("update.later")}
        </Button>
      </ButtonGroup>
    </div>
  );
}
