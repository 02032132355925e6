import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  AppInfo,
  DeliveryReceipt,
  EnrollmentSummary,
  ProviderSummary,
  StagedCredentials,
  WizardProblem,
} from "../../lib/ipc/types";
import { emptyDraft, type WizardState } from "../setup-wizard/machine";
import { SetupWizard } from "../setup-wizard/SetupWizard";
import { ConfirmTenant } from "./ConfirmTenant";
import {
  Delivered,
  DeliveryFailed,
  failurePage,
  isDeliveryProblem,
  NotMine,
  Sending,
} from "./DeliveryPages";
import { EnterCode } from "./EnterCode";

/** Where the cloud wizard is. The setup wizard's own steps run inside `wizard`. */
type Stage =
  | { kind: "code"; busy: boolean; problem: WizardProblem | null }
  | { kind: "confirm"; summary: EnrollmentSummary }
  | { kind: "notMine" }
  | { kind: "wizard"; summary: EnrollmentSummary }
  | { kind: "sending"; summary: EnrollmentSummary; staged: string }
  | { kind: "delivered"; receipt: DeliveryReceipt }
  /**
   * `summary`: the code's, once redeemed (a sign-in or the delivery failed); `staged`: the
   * verified credentials, still held, when the delivery failed; `typed`: the code, when
   * redeeming it failed.
   */
  | {
      kind: "failed";
      summary: EnrollmentSummary | null;
      staged: string | null;
      typed: string | null;
      problem: WizardProblem;
    };

export interface CloudWizardProps {
  appInfo: AppInfo;
  /** The code an `hrlink://enroll` link brought, filled in. */
  code?: string;
  onShowConnections(): void;
  onConnectAnother(): void;
  focusOnStart?: boolean;
  onStep?(step: string): void;
}

/** The setup wizard's first state for a code: the choice skipped when the product made it. */
function wizardStart(summary: EnrollmentSummary): WizardState | undefined {
  if (!summary.provider) return undefined;
  return {
    step: "scopes",
    draft: { ...emptyDraft, provider: summary.provider },
    runs: 0,
    signIns: 0,
  };
}

const unexpected: WizardProblem = { code: "unexpected_error" };

/**
 * The wizard in cloud delivery mode (HANDOFF.md §2): the product's code, the tenant to
 * recognise, the usual steps, then the connection sent to the product instead of saved here.
 * The setup wizard stays mounted (hidden) while sending and after a failure, so that Back
 * returns to its check with everything as it was.
 */
export function CloudWizard({
  appInfo,
  code = "",
  onShowConnections,
  onConnectAnother,
  focusOnStart = false,
  onStep,
}: CloudWizardProps) {
  const backend = useBackend();
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: "code", busy: false, problem: null });
  const [attempt, setAttempt] = useState(0);
  const [providers, setProviders] = useState<ProviderSummary[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const product = appInfo.product;

  useEffect(() => {
    backend.listProviders().then(setProviders, () => setProviders([]));
  }, [backend]);
  // Leaving the wizard forgets the redeemed code in the core.
  useEffect(() => () => void backend.forgetEnrollment().catch(() => {}), [backend]);

  // Each page of its own starts at its heading, as a new page would (the setup wizard does
  // this for its steps).
  const shown = useRef(0);
  const previous = useRef<Stage["kind"]>("code");
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (stage.kind !== "wizard") onStep?.(`cloud_${stage.kind}`);
    shown.current += 1;
    // Back from a failure to the wizard's check: its heading, as the wizard's own Back does.
    const backToWizard = stage.kind === "wizard" && previous.current === "failed";
    previous.current = stage.kind;
    if ((stage.kind === "wizard" && !backToWizard) || (shown.current === 1 && !focusOnStart))
      return;
    const heading = rootRef.current?.querySelector<HTMLElement>(
      backToWizard ? ".wizard h1" : ".cloud-page h1",
    );
    if (heading) {
      document.title = t("app.documentTitle", { page: heading.textContent ?? "" });
      if (rootRef.current?.querySelector(".cloud-page .error-summary")) return;
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }, [stage.kind]);

  const redeem = async (typed: string) => {
    setStage({ kind: "code", busy: true, problem: null });
    const answer = await backend.redeemEnrollment(typed).catch(() => null);
    if (answer?.status === "ok") return setStage({ kind: "confirm", summary: answer.data });
    const problem = answer?.error ?? unexpected;
    if (problem.code === "enrollment_code_invalid")
      return setStage({ kind: "code", busy: false, problem });
    setStage({ kind: "failed", summary: null, staged: null, typed, problem });
  };
  const deliver = async (summary: EnrollmentSummary, staged: string) => {
    setStage({ kind: "sending", summary, staged });
    const answer = await backend.deliverConnection(staged).catch(() => null);
    if (answer?.status === "ok") return setStage({ kind: "delivered", receipt: answer.data });
    setStage({
      kind: "failed",
      summary,
      staged,
      typed: null,
      problem: answer?.error ?? unexpected,
    });
  };
  /** The product's backend refused a sign-in's code (or could not be asked): its own page. */
  const signInFailed = (summary: EnrollmentSummary, problem: WizardProblem) => {
    if (isDeliveryProblem(problem))
      setStage({ kind: "failed", summary, staged: null, typed: null, problem });
  };
  const newCode = () => {
    void backend.forgetEnrollment().catch(() => {});
    setAttempt((n) => n + 1);
    setStage({ kind: "code", busy: false, problem: null });
  };

  /**
   * A failure's ways on: the same again (send, redeem the code, or sign in once more), or other
   * credentials.
   */
  const failureActions = (failed: Extract<Stage, { kind: "failed" }>) => {
    const { tryAgain, otherCredentials } = failurePage(failed.problem);
    const { summary, staged, typed } = failed;
    const backToWizard = summary ? () => setStage({ kind: "wizard", summary }) : undefined;
    const again =
      summary && staged
        ? () => void deliver(summary, staged)
        : typed !== null
          ? () => void redeem(typed)
          : backToWizard;
    return {
      onTryAgain: tryAgain ? again : undefined,
      onBack: otherCredentials ? backToWizard : undefined,
    };
  };

  // The setup wizard runs from the admin's yes until the product has the connection.
  const summary =
    stage.kind === "wizard" ||
    stage.kind === "sending" ||
    (stage.kind === "failed" && stage.summary)
      ? stage.summary
      : null;
  const wizardShown = stage.kind === "wizard";
  const providerOf = (id: string | null) => providers.find((p) => p.id === id) ?? null;
  return (
    <div ref={rootRef}>
      {!wizardShown && (
        <div className="cloud-page">
          {stage.kind === "code" && (
            <EnterCode
              product={product}
              initialCode={code}
              busy={stage.busy}
              problem={stage.problem}
              onSubmit={redeem}
            />
          )}
          {stage.kind === "confirm" && (
            <ConfirmTenant
              summary={stage.summary}
              provider={providerOf(stage.summary.provider)}
              onConfirm={() => setStage({ kind: "wizard", summary: stage.summary })}
              onReject={() => {
                void backend.forgetEnrollment().catch(() => {});
                setStage({ kind: "notMine" });
              }}
            />
          )}
          {stage.kind === "notMine" && <NotMine product={product} onNewCode={newCode} />}
          {stage.kind === "sending" && <Sending product={product} />}
          {stage.kind === "delivered" && (
            <Delivered
              receipt={stage.receipt}
              providerName={
                providerOf(stage.receipt.profile.provider)?.name ?? stage.receipt.profile.provider
              }
              onShowConnections={onShowConnections}
            />
          )}
          {stage.kind === "failed" && (
            <DeliveryFailed
              product={product}
              problem={stage.problem}
              held={stage.staged !== null}
              {...failureActions(stage)}
              onNewCode={newCode}
            />
          )}
        </div>
      )}
      {summary && (
        <div hidden={!wizardShown}>
          {summary.reauthorise && (
            // The product asked for this account again: said above every step, as locally.
            <p className="wizard__context">
              {t("cloud.reauthoriseCaption", {
                provider:
                  providerOf(summary.reauthorise.provider)?.name ?? summary.reauthorise.provider,
                account: summary.reauthorise.account.name,
              })}
            </p>
          )}
          <SetupWizard
            key={attempt}
            appInfo={appInfo}
            initial={wizardStart(summary)}
            focusOnStart
            onShowConnections={onShowConnections}
            onConnectAnother={onConnectAnother}
            onStep={wizardShown ? onStep : undefined}
            deliver={{
              product,
              onDeliver: (staged: StagedCredentials) => void deliver(summary, staged.id),
              onSignInFailed: (problem: WizardProblem) => signInFailed(summary, problem),
            }}
          />
        </div>
      )}
    </div>
  );
}
