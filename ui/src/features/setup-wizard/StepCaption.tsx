import { useTranslation } from "react-i18next";
import { StepIndicator } from "../../components/ui";
import { STEPS } from "./wizardMachine";

/** "Step n of 5" above a step's heading; larger in screen-share mode. */
export function StepCaption({ step, prominent = false }: { step: number; prominent?: boolean }) {
  const { t } = useTranslation();
  return (
    <StepIndicator
      label={t("wizard.stepOf", { step, total: STEPS.length })}
      prominent={prominent}
    />
  );
}
