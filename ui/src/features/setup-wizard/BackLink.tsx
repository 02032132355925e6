import { useTranslation } from "react-i18next";

/** "‹ Back" at the top of a step, as on GOV.UK pages. */
export function BackLink({ onClick, disabled }: { onClick(): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="back-link" onClick={onClick} disabled={disabled}>
      {t("wizard.back")}
    </button>
  );
}
