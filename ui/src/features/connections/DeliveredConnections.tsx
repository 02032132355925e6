import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Details, Spinner, SummaryList, Tag, type TagTone } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  ConnectionHealth,
  DeliveredProfile,
  DeliveredStatus,
  ProviderSummary,
  WizardProblem,
} from "../../lib/ipc/types";

const TONE: Record<DeliveredStatus, TagTone> = {
  connected: "success",
  failed_auth: "error",
  missing_permission: "warning",
  removed: "neutral",
};

type Health =
  | { state: "checking" }
  | { state: "ok"; health: ConnectionHealth }
  | { state: "failed"; problem: WizardProblem };

/**
 * The connections delivered to the product's backend from this computer (HANDOFF.md §2.5),
 * beside the saved ones: where each went and its status as the product reports it. HR Link
 * holds no secret of these, so re-authorising starts in the product, which issues a new code
 * (with `reauthorise` set) for the cloud wizard's code page.
 */
export function DeliveredConnections({
  providers,
  onListed,
  onEnterCode,
}: {
  providers: ProviderSummary[];
  /** Told how many there are, once listed. */
  onListed?(count: number): void;
  /** Opens the code page, for the code the product gives to re-authorise. */
  onEnterCode(): void;
}) {
  const backend = useBackend();
  const { t } = useTranslation();
  const [delivered, setDelivered] = useState<DeliveredProfile[]>([]);
  const [health, setHealth] = useState<Record<string, Health>>({});

  useEffect(() => {
    let current = true;
    void backend.listDelivered().then(
      async (listed) => {
        if (!current || listed.status !== "ok") return;
        setDelivered(listed.data);
        onListed?.(listed.data.length);
        // One after another, as the saved connections are checked.
        for (const profile of listed.data) {
          const id = profile.connection_id;
          setHealth((all) => ({ ...all, [id]: { state: "checking" } }));
          const answer = await backend.deliveredStatus(id).catch(() => null);
          if (!current) return;
          const next: Health =
            answer?.status === "ok"
              ? { state: "ok", health: answer.data }
              : { state: "failed", problem: answer?.error ?? { code: "unexpected_error" } };
          setHealth((all) => ({ ...all, [id]: next }));
        }
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [backend, onListed]);

  if (delivered.length === 0) return null;
  return (
    <section className="delivered" aria-labelledby="delivered-heading">
      <h2 className="heading-m" id="delivered-heading">
        {t("cloud.delivered.heading")}
      </h2>
      <ul className="connections__list" aria-label={t("cloud.delivered.heading")}>
        {delivered.map((profile) => (
          <DeliveredCard
            key={profile.connection_id}
            profile={profile}
            providerName={
              providers.find((p) => p.id === profile.provider)?.name ?? profile.provider
            }
            health={health[profile.connection_id] ?? { state: "checking" }}
            onEnterCode={onEnterCode}
          />
        ))}
      </ul>
    </section>
  );
}

function DeliveredCard({
  profile,
  providerName,
  health,
  onEnterCode,
}: {
  profile: DeliveredProfile;
  providerName: string;
  health: Health;
  onEnterCode(): void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `delivered-${profile.connection_id}`;
  const names = { product: profile.product, provider: providerName, account: profile.account.name };
  const status = health.state === "ok" ? health.health.status : null;
  const problem = health.state === "failed" ? renderProblem(health.problem, i18n.language) : null;
  const delivered = new Date(profile.delivered_at);
  return (
    <li className="connection" aria-labelledby={headingId}>
      <div className="connection__head">
        <h3 className="heading-m connection__label" id={headingId}>
          {t("cloud.delivered.label", names)}
        </h3>
        <span aria-live="polite">
          {health.state === "checking" ? (
            <Tag tone="neutral">
              <Spinner className="status-tag__icon" />
              {t("connections.checking")}
            </Tag>
          ) : status ? (
            <Tag tone={TONE[status]}>{t(`cloud.delivered.status.${status}`, names)}</Tag>
          ) : (
            <Tag tone="warning">{t("cloud.delivered.unknown")}</Tag>
          )}
        </span>
      </div>
      <SummaryList
        rows={[
          { key: t("connections.system"), value: providerName },
          { key: t("connections.company"), value: profile.account.name },
          {
            key: t("cloud.delivered.where"),
            value: t("cloud.delivered.whereValue", {
              product: profile.product,
              tenant: profile.tenant.name,
              origin: profile.origin,
            }),
          },
          {
            key: t("cloud.delivered.when"),
            value: Number.isNaN(delivered.getTime())
              ? profile.delivered_at
              : delivered.toLocaleString(i18n.language),
          },
        ]}
      />
      {health.state === "ok" && health.health.detail && (
        <p>
          {t("cloud.delivered.detail", { product: profile.product, detail: health.health.detail })}
        </p>
      )}
      {problem && (
        <div className="connection__problem">
          <p className="connection__problem-message">{problem.message}</p>
          <p>{problem.nextStep}</p>
        </div>
      )}
      {status && status !== "connected" && (
        <Details summary={t("cloud.delivered.reauthorise")}>
          <p>{t("cloud.delivered.reauthoriseHow", names)}</p>
          <Button variant="secondary" onClick={onEnterCode}>
            {t("cloud.delivered.enterCode", names)}
          </Button>
        </Details>
      )}
    </li>
  );
}
