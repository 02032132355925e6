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
  /** Send the same verified credentials (or redeem the same code) again. */
  onTryAgain?(): void;
  /** Back to the check's result (to use another key or sign-in). */
  onBack?(): void;
  onNewCode(): void;
}

type Heading =
  | "cloud.failed.codeHeading"
  | "cloud.failed.differentHeading"
  | "cloud.failed.unreachableHeading"
  | "cloud.failed.sendHeading"
  | "cloud.failed.exchangeHeading"
  | "cloud.failed.keychainHeading"
  | "cloud.failed.expiredHeading";

/** What a failure page says first and which ways on it offers besides a new code. */
export interface FailurePage {
  heading: Heading;
  /** Trying the same again can help: nothing was received, or the answer was not understood. */
  tryAgain: boolean;
  /** Other credentials can help: the product or the company refused these. */
  otherCredentials: boolean;
}

/** The hand-off's own problems (HANDOFF.md §2.1–2.6), as the core names them. */
export type DeliveryProblem = Extract<
  WizardProblem["code"],
  `enrollment_${string}` | `delivery_${string}`
>;

/** Whether `problem` is the hand-off's own (the product's backend, the code), not the HR system's. */
export const isDeliveryProblem = (problem: WizardProblem): boolean =>
  /^(enrollment|delivery)_/.test(problem.code);

/** The other problems a redeem or a delivery can end with (the keychain, held credentials). */
export type HandoffProblem =
  | DeliveryProblem
  | "vault_locked"
  | "vault_unavailable"
  | "vault_timed_out"
  | "credentials_expired";

const page = (heading: Heading, tryAgain: boolean, otherCredentials = false): FailurePage => ({
  heading,
  tryAgain,
  otherCredentials,
});

/**
 * Every problem a redeem or a delivery can end with, and its page. Typed over the core's codes:
 * a new delivery problem does not compile until it has a page here.
 */
export const FAILURE_PAGES: Record<HandoffProblem, FailurePage> = {
  // The code page shows this one itself, under the field; the page is for a link's code.
  enrollment_code_invalid: page("cloud.failed.codeHeading", false),
  enrollment_unknown: page("cloud.failed.codeHeading", false),
  enrollment_expired: page("cloud.failed.codeHeading", false),
  enrollment_used: page("cloud.failed.codeHeading", false),
  delivery_different_account: page("cloud.failed.differentHeading", false, true),
  delivery_verification_failed: page("cloud.failed.sendHeading", true, true),
  // Only a sign-in ends with this one: Try again is signing in once more.
  delivery_exchange_failed: page("cloud.failed.exchangeHeading", true),
  delivery_protocol_error: page("cloud.failed.sendHeading", true),
  delivery_unreachable: page("cloud.failed.unreachableHeading", true),
  vault_locked: page("cloud.failed.keychainHeading", true),
  vault_unavailable: page("cloud.failed.keychainHeading", true),
  vault_timed_out: page("cloud.failed.keychainHeading", true),
  credentials_expired: page("cloud.failed.expiredHeading", false, true),
};

/** The page for `problem`; anything unforeseen is a failed send that may work a second time. */
export function failurePage(problem: WizardProblem): FailurePage {
  return FAILURE_PAGES[problem.code as HandoffProblem] ?? page("cloud.failed.sendHeading", true);
}

export interface DeliveryFailedProps extends FailureActions {
  product: string;
  problem: WizardProblem;
  /** HR Link still holds the checked key or sign-in (a delivery failed, not a code or a sign-in). */
  held: boolean;
}

/** A failed redeem or delivery: what happened and the next step, in the product's words. */
export function DeliveryFailed({ product, problem, held, ...actions }: DeliveryFailedProps) {
  const { t, i18n } = useTranslation();
  const rendered = renderProblem(problem, i18n.language);
  const { heading } = failurePage(problem);
  return (
    <div>
      <ErrorSummary
        title={t("wizard.errorSummaryTitle")}
        items={[{ text: rendered.message, detail: rendered.nextStep }]}
      />
      <h1 className="heading-l">{t(heading, { product })}</h1>
      {held && (actions.onTryAgain || actions.onBack) && <p>{t("cloud.failed.kept")}</p>}
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
