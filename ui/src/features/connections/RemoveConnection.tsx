import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, ErrorSummary } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import { revokeAccess } from "../../lib/i18n/providers";
import type { ConnectionSummary, Problem, ProviderSummary } from "../../lib/ipc/types";

export interface RemoveConnectionProps {
  connection: ConnectionSummary;
  provider: ProviderSummary | undefined;
  busy: boolean;
  problem: Problem | { code: "unexpected_error" } | null;
  onConfirm(): void;
  onCancel(): void;
}

/** "Remove <label>?": what HR Link deletes, and what it leaves in the HR system. */
export function RemoveConnection(props: RemoveConnectionProps) {
  const { connection, busy } = props;
  const { t, i18n } = useTranslation();
  const providerName = props.provider?.name ?? connection.provider;
  const how = revokeAccess(connection.provider, providerName, t);
  const problem = props.problem ? renderProblem(props.problem, i18n.language) : null;
  return (
    <div>
      {problem && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: problem.message, detail: problem.nextStep }]}
        />
      )}
      <h1 className="heading-l">
        {t("connections.removeConfirm.heading", { label: connection.label })}
      </h1>
      <p>{t("connections.removeConfirm.lead")}</p>
      <ul className="bullet-list">
        <li>{t("connections.removeConfirm.secret")}</li>
        <li>{t("connections.removeConfirm.profile")}</li>
      </ul>
      <p>{t("connections.removeConfirm.notThere", { provider: providerName, how })}</p>
      <ButtonGroup>
        <Button busy={busy} onClick={props.onConfirm}>
          {t("connections.removeConfirm.confirm")}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={props.onCancel}>
          {t("connections.removeConfirm.cancel")}
        </Button>
      </ButtonGroup>
    </div>
  );
}
