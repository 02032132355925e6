import { useTranslation } from "react-i18next";
import { StepIndicator } from "../../components/ui";
import { STEPS, type StepName } from "./machine";

/** "Step n of 6" above a step's heading; larger in screen-share mode. */
export function StepCaption({ step, prominent = false }: { step: StepName; prominent?: boolean }) {
  const { t } = useTranslation();
  return (
    <StepIndicator
      label={t("wizard.stepOf", { step: STEPS.indexOf(step) + 1, total: STEPS.length })}
      prominent={prominent}
    />
  );
}
