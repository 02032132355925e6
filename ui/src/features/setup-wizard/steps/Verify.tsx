import { useTranslation } from "react-i18next";
import { cx, StatusIcon } from "../../../components/ui";
import type { ProviderSummary, VerifyStep } from "../../../lib/ipc/types";
import type { ChecklistItem } from "../machine";
import { StepCaption } from "../StepCaption";
import { handOver, permissionName } from "../text";

export interface VerifyProps {
  provider: ProviderSummary;
  checklist: ChecklistItem[];
  prominentStep?: boolean;
}

const INTRO = {
  key: "verify.intro",
  user: "verify.introUser",
  signIn: "verify.introSignIn",
} as const;

/** Step 3: the live checklist while the core proves the connection. */
export function Verify({ provider, checklist, prominentStep }: VerifyProps) {
  const { t } = useTranslation();
  const providerName = provider.name;
  const label = (step: VerifyStep) =>
    step.kind === "permission"
      ? t("verify.step.permission", { name: permissionName(provider.id, step.id, t) })
      : t(`verify.step.${step.kind}`);

  return (
    <div>
      <StepCaption step="verifying" prominent={prominentStep} />
      <h1 className="heading-l">{t("verify.heading", { provider: providerName })}</h1>
      <p className="lead">
        {t(INTRO[handOver(provider.credential_kind)], { provider: providerName })}
      </p>
      <ol className="checklist" aria-label={t("verify.listLabel")} aria-live="polite">
        {checklist.map((item) => (
          <li
            key={item.key}
            className={cx("checklist__item", `checklist__item--${item.state}`)}
            data-state={item.state}
          >
            <StatusIcon status={item.state} label={t(`verify.state.${item.state}`)} />
            <span className="checklist__label">{label(item.step)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
