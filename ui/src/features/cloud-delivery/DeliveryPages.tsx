import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, ErrorSummary, Panel, Spinner } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import type { DeliveryReceipt, WizardProblem } from "../../lib/ipc/types";

/** "Sending to Acme Rostering…": the product checks the connection before it answers. */
export function Sending({ product }: { product: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="heading-l">{t("cloud.sending.heading", { product })}</h1>
      <p className="loading" role="status">
        <Spinner /> {t("cloud.sending.body", { product })}
      </p>
    </div>
  );
}

export interface DeliveredProps {
  receipt: DeliveryReceipt;
  providerName: string;
  onShowConnections(): void;
}

/** The confirmation: the product has the connection and checked it itself. */
export function Delivered({ receipt, providerName, onShowConnections }: DeliveredProps) {
  const { t } = useTranslation();
  const { profile } = receipt;
  const names = {
    product: profile.product,
    provider: providerName,
    account: profile.account.name,
    tenant: profile.tenant.name,
  };
  return (
    <div>
      <Panel tone="success" className="result-panel">
        <h1 className="heading-l">{t("cloud.done.heading", names)}</h1>
        <p>{t("cloud.done.body", names)}</p>
      </Panel>
      <p>{t("cloud.done.nothingKept", names)}</p>
      <ButtonGroup>
        <Button onClick={onShowConnections}>{t("cloud.done.seeConnections")}</Button>
      </ButtonGroup>
    </div>
  );
}

/** What a failed redeem or delivery allows: sending again, the check's page, a new code. */
export interface FailureActions {
  /** Send the same verified credentials again (nothing was received). */
  onTryAgain?(): void;
  /** Back to the check's result (to use another key or sign-in). */
  onBack?(): void;
  onNewCode(): void;
}

type Heading =
  | "cloud.failed.codeHeading"
  | "cloud.failed.differentHeading"
  | "cloud.failed.unreachableHeading"
  | "cloud.failed.sendHeading";

const HEADINGS: Partial<Record<WizardProblem["code"], Heading>> = {
  enrollment_unknown: "cloud.failed.codeHeading",
  enrollment_expired: "cloud.failed.codeHeading",
  enrollment_used: "cloud.failed.codeHeading",
  delivery_different_account: "cloud.failed.differentHeading",
  delivery_unreachable: "cloud.failed.unreachableHeading",
};

/** Whether sending again can help: the product was not reached, or answered nothing usable. */
export function canSendAgain(problem: WizardProblem): boolean {
  return !(problem.code in HEADINGS) || problem.code === "delivery_unreachable";
}

/** Whether other credentials could help (the product or the company refused these). */
export function canUseOther(problem: WizardProblem): boolean {
  return (
    problem.code === "delivery_different_account" ||
    problem.code === "delivery_verification_failed" ||
    problem.code === "delivery_exchange_failed"
  );
}

export interface DeliveryFailedProps extends FailureActions {
  product: string;
  problem: WizardProblem;
}

/** A failed redeem or delivery: what happened and the next step, in the product's words. */
export function DeliveryFailed({ product, problem, ...actions }: DeliveryFailedProps) {
  const { t, i18n } = useTranslation();
  const rendered = renderProblem(problem, i18n.language);
  const heading: Heading = HEADINGS[problem.code] ?? "cloud.failed.sendHeading";
  return (
    <div>
      <ErrorSummary
        title={t("wizard.errorSummaryTitle")}
        items={[{ text: rendered.message, detail: rendered.nextStep }]}
      />
      <h1 className="heading-l">{t(heading, { product })}</h1>
      {(actions.onTryAgain || actions.onBack) && <p>{t("cloud.failed.kept")}</p>}
      <ButtonGroup>
        {actions.onTryAgain && (
          <Button onClick={actions.onTryAgain}>{t("cloud.failed.tryAgain")}</Button>
        )}
        {actions.onBack && (
          <Button variant="secondary" onClick={actions.onBack}>
            {t("wizard.back")}
          </Button>
        )}
        <Button variant={actions.onTryAgain ? "secondary" : "primary"} onClick={actions.onNewCode}>
          {t("cloud.failed.newCode")}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** The admin did not recognise the tenant: nothing was sent, the code is forgotten. */
export function NotMine({ product, onNewCode }: { product: string; onNewCode(): void }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="heading-l">{t("cloud.notMine.heading")}</h1>
      <p>{t("cloud.notMine.body", { product })}</p>
      <ButtonGroup>
        <Button onClick={onNewCode}>{t("cloud.notMine.again")}</Button>
      </ButtonGroup>
    </div>
  );
}
