import { useTranslation } from "react-i18next";
import { Banner, Button, ButtonGroup, CopyValue, Spinner } from "../../../components/ui";
import type { ProviderSummary, SignInAddress } from "../../../lib/ipc/types";
import { SandboxLogin } from "../SandboxLogin";
import { StepCaption } from "../StepCaption";
import { SANDBOX_USERS } from "../sandbox";

export interface SignInWaitingProps {
  provider: ProviderSummary;
  /** Where the browser was sent, once the core has sent it. */
  address: SignInAddress | null;
  /** "Open the browser again" could not start one. */
  reopenFailed: boolean;
  demo: boolean;
  supportMode: boolean;
  onCancel(): void;
  onOpenAgain(): void;
  /** "I closed the browser": a fresh sign-in replaces this one. */
  onBrowserClosed(): void;
}

/**
 * While the admin signs in in the browser: what is happening, the sign-in address to copy or
 * open again (the only way on when no browser could be started), and ways out.
 */
export function SignInWaiting({
  provider,
  address,
  reopenFailed,
  demo,
  supportMode,
  onCancel,
  onOpenAgain,
  onBrowserClosed,
}: SignInWaitingProps) {
  const { t } = useTranslation();
  const sandboxUser = SANDBOX_USERS[provider.id];
  const noBrowser = address !== null && (!address.browserOpened || reopenFailed);
  return (
    <div>
      <StepCaption step="credentials" prominent={supportMode} />
      <h1 className="heading-l">{t("waiting.heading", { provider: provider.name })}</h1>
      <p className="waiting" role="status" aria-live="polite">
        <Spinner className="waiting__spinner" />
        <span>{t("waiting.status")}</span>
      </p>
      {noBrowser ? (
        <Banner title={t("waiting.noBrowserTitle")} tone="warning">
          {t("waiting.noBrowser", { provider: provider.name })}
        </Banner>
      ) : (
        <p>{t("waiting.body", { provider: provider.name })}</p>
      )}
      <ButtonGroup>
        {address && !noBrowser && (
          <Button variant="secondary" onClick={onOpenAgain}>
            {t("waiting.openAgain")}
          </Button>
        )}
        <Button variant="secondary" onClick={onBrowserClosed}>
          {t("waiting.closedBrowser")}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t("waiting.cancel")}
        </Button>
      </ButtonGroup>
      {address && (
        <div className="waiting__address">
          <h2 className="heading-s">{t("waiting.addressHeading")}</h2>
          <p className="hint-text">{t("waiting.addressHint")}</p>
          <CopyValue
            value={address.address}
            labels={{
              copy: t("waiting.copy"),
              copyLabel: t("waiting.copyLabel"),
              copied: t("waiting.copied"),
              copyFailed: t("waiting.copyFailed"),
            }}
          />
        </div>
      )}
      <p className="hint-text">{t("waiting.timeout")}</p>
      {demo && sandboxUser && <SandboxLogin provider={provider} user={sandboxUser} open />}
    </div>
  );
}
