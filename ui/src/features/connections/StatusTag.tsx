import { useTranslation } from "react-i18next";
import { Spinner, Tag, type TagTone } from "../../components/ui";
import type { ConnectionStatus } from "../../lib/ipc/types";

/**
 * The statuses only new credentials fix (the HR system refused them, or a permission is gone):
 * the page raises an alert for them and their Re-authorise becomes the main button. A locked
 * keychain or an unreachable system is fixed elsewhere, then "Check now".
 */
export function needsReauthorising(status: ConnectionStatus): boolean {
  return status === "failed_auth" || status === "missing_permission";
}

const TONE: Record<ConnectionStatus, TagTone> = {
  connected: "success",
  failed_auth: "error",
  missing_permission: "warning",
  unreachable: "warning",
  vault_locked: "warning",
};

/** A shape per status, so it never depends on colour alone. */
function IconShape({ status }: { status: ConnectionStatus }) {
  switch (status) {
    case "connected":
      return (
        <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" strokeWidth="2.6" strokeLinecap="round" />
      );
    case "failed_auth":
      return (
        <path
          d="M6.5 6.5l11 11M17.5 6.5l-11 11"
          fill="none"
          strokeWidth="2.6"
          strokeLinecap="round"
        />
      );
    case "vault_locked":
      return (
        <>
          <rect x="5" y="11" width="14" height="10" rx="2" />
          <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" strokeWidth="2.2" />
        </>
      );
    default:
      return (
        <>
          <path d="M12 5v9" fill="none" strokeWidth="2.6" strokeLinecap="round" />
          <circle cx="12" cy="19" r="1.6" stroke="none" />
        </>
      );
  }
}

function Icon({ status }: { status: ConnectionStatus }) {
  return (
    <svg className="status-tag__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <IconShape status={status} />
    </svg>
  );
}

/** A connection's status in plain words with an icon; "Checking…" while a check runs. */
export function StatusTag({ status, checking }: { status: ConnectionStatus; checking: boolean }) {
  const { t } = useTranslation();
  if (checking) {
    return (
      <Tag tone="neutral">
        <Spinner className="status-tag__icon" />
        {t("connections.checking")}
      </Tag>
    );
  }
  return (
    <Tag tone={TONE[status]}>
      <Icon status={status} />
      {t(`connections.status.${status}`)}
    </Tag>
  );
}
