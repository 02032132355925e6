import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, Panel, SummaryList } from "../../components/ui";
import type { EnrollmentSummary, ProviderSummary } from "../../lib/ipc/types";

export interface ConfirmTenantProps {
  summary: EnrollmentSummary;
  /** The HR system the code fixed, if it fixed one. */
  provider: ProviderSummary | null;
  onConfirm(): void;
  onReject(): void;
}

/**
 * "Connect your HR system to Acme Rostering for Kōwhai Gardening Ltd?": shown before anything
 * else happens, because a code someone else sent could belong to their business (HANDOFF.md
 * §2.1). The tenant's name is what the admin must recognise.
 */
export function ConfirmTenant({ summary, provider, onConfirm, onReject }: ConfirmTenantProps) {
  const { t } = useTranslation();
  const names = { product: summary.product, tenant: summary.tenant.name };
  const reauthorise = summary.reauthorise;
  return (
    <div>
      <h1 className="heading-l">{t("cloud.confirm.heading", names)}</h1>
      <p className="lead">{t("cloud.confirm.lead", names)}</p>
      {summary.created_by && (
        <p>{t("cloud.confirm.createdBy", { name: summary.created_by.name })}</p>
      )}
      <SummaryList
        rows={[
          { key: t("cloud.confirm.tenant", names), value: summary.tenant.name },
          { key: t("cloud.confirm.product"), value: `${summary.product} (${summary.origin})` },
          {
            key: t("cloud.confirm.provider"),
            value: provider?.name ?? t("cloud.confirm.anyProvider"),
          },
        ]}
      />
      {reauthorise && (
        <Panel tone="info">
          <p>
            {t("cloud.confirm.reauthorise", {
              product: summary.product,
              provider: provider?.name ?? reauthorise.provider,
              account: reauthorise.account.name,
            })}
          </p>
        </Panel>
      )}
      <ButtonGroup>
        <Button onClick={onConfirm}>{t("cloud.confirm.yes")}</Button>
        <Button variant="secondary" onClick={onReject}>
          {t("cloud.confirm.no")}
        </Button>
      </ButtonGroup>
    </div>
  );
}
