import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, ErrorSummary, Spinner } from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { Saving } from "../machine";

export interface UpdatingProps {
  label: string;
  saving: Saving;
  onRetry(): void;
}

/** A re-authorised connection being updated, or why it was not (e.g. a locked keychain). */
export function Updating({ label, saving, onRetry }: UpdatingProps) {
  const { t, i18n } = useTranslation();
  if (!saving.problem) {
    return (
      <div>
        <h1 className="heading-l">{t("save.updating.heading", { label })}</h1>
        <p className="loading" role="status">
          <Spinner /> {t("save.updating.busy")}
        </p>
      </div>
    );
  }
  const problem = renderProblem(saving.problem, i18n.language);
  return (
    <div>
      <ErrorSummary
        title={t("wizard.errorSummaryTitle")}
        items={[{ text: problem.message, detail: problem.nextStep }]}
      />
      <h1 className="heading-l">{t("save.updating.failedHeading", { label })}</h1>
      <p className="lead">{t("save.updating.failedLead")}</p>
      <ButtonGroup>
        <Button onClick={onRetry}>{t("save.updating.tryAgain")}</Button>
      </ButtonGroup>
    </div>
  );
}
