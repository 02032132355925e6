import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Details } from "../../components/ui";
import type { ProviderSummary } from "../../lib/ipc/types";
import type { SandboxUser } from "./sandbox";

type Status = "idle" | "copied" | "copyFailed" | "filled";

export interface SandboxLoginProps {
  provider: ProviderSummary;
  user: SandboxUser;
  /**
   * Puts the user into the form (IRIS). Without it the user is for the provider's own sign-in
   * page in the browser.
   */
  onFill?(user: SandboxUser): void;
  /** Starts expanded (on the waiting screen, where the user is typed into the browser). */
  open?: boolean;
}

/** "Try it with the Sandbox test user": a made-up user the Sandbox accepts, with Copy buttons. */
export function SandboxLogin({ provider, user, onFill, open }: SandboxLoginProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>("idle");

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("copyFailed");
    }
  };

  const rows = [
    { label: t("sandboxLogin.username"), value: user.username, copyLabel: "copyUsername" },
    { label: t("sandboxLogin.password"), value: user.password, copyLabel: "copyPassword" },
  ] as const;

  return (
    <Details summary={t("sandboxLogin.summary")} className="sandbox-login" open={open}>
      <p>
        {onFill
          ? t("sandboxLogin.bodyIris")
          : t("sandboxLogin.bodySignIn", { provider: provider.name })}
      </p>
      <dl className="sandbox-login__list">
        {rows.map((row) => (
          <div className="sandbox-login__row" key={row.copyLabel}>
            <dt className="sandbox-login__label">{row.label}</dt>
            <dd className="sandbox-login__value">
              <code className="sandbox-login__code">{row.value}</code>
              <Button
                variant="secondary"
                className="sandbox-login__copy"
                aria-label={t(`sandboxLogin.${row.copyLabel}`)}
                onClick={() => void copy(row.value)}
              >
                {t("sandboxLogin.copy")}
              </Button>
            </dd>
          </div>
        ))}
      </dl>
      {onFill && (
        <div className="sandbox-key__actions">
          <Button
            variant="secondary"
            onClick={() => {
              onFill(user);
              setStatus("filled");
            }}
          >
            {t("sandboxLogin.fill")}
          </Button>
          <Button
            variant="secondary"
            onClick={() => void copy(`Username: ${user.username}\nPassword: ${user.password}`)}
          >
            {t("sandboxLogin.copyBoth")}
          </Button>
        </div>
      )}
      <p className="sandbox-login__status" aria-live="polite">
        {status !== "idle" && t(`sandboxLogin.${status}`)}
      </p>
    </Details>
  );
}
