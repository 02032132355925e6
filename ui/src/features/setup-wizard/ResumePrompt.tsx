import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../../components/ui";
import type { ProviderSummary, WizardDraft } from "../../lib/ipc/types";
import type { ReauthTarget } from "./machine";

export interface ResumePromptProps {
  draft: WizardDraft;
  /** The system the draft is for (its name). */
  provider: ProviderSummary | null;
  /** The saved connection the draft re-authorises, if any. */
  target: ReauthTarget | null;
  onContinue(): void;
  onStartAgain(): void;
}

/** On start with a half-finished wizard: carry on with it, or start again. */
export function ResumePrompt({
  draft,
  provider,
  target,
  onContinue,
  onStartAgain,
}: ResumePromptProps) {
  const { t } = useTranslation();
  const name = provider?.name ?? draft.provider;
  return (
    <div className="wizard">
      <h1 className="heading-l">{t("resume.heading")}</h1>
      <p className="lead">
        {target
          ? t("resume.reauthoriseIntro", { label: target.label, provider: name })
          : t("resume.intro", { provider: name })}
      </p>
      <p>{t("resume.reached", { step: t(`resume.steps.${draft.step}`) })}</p>
      <ButtonGroup>
        <Button onClick={onContinue}>{t("resume.continue", { provider: name })}</Button>
        <Button variant="secondary" onClick={onStartAgain}>
          {t("resume.startAgain")}
        </Button>
      </ButtonGroup>
    </div>
  );
}
