import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, Spinner } from "../../../components/ui";
import type { ProviderSummary } from "../../../lib/ipc/types";
import { SandboxLogin } from "../SandboxLogin";
import { StepCaption } from "../StepCaption";
import { SANDBOX_USERS } from "../sandbox";

export interface SignInWaitingProps {
  provider: ProviderSummary;
  demo: boolean;
  supportMode: boolean;
  onCancel(): void;
  onBrowserClosed(): void;
}

/** While the admin signs in in the browser: what is happening, and a way out. */
export function SignInWaiting({
  provider,
  demo,
  supportMode,
  onCancel,
  onBrowserClosed,
}: SignInWaitingProps) {
  const { t } = useTranslation();
  const sandboxUser = SANDBOX_USERS[provider.id];
  return (
    <div>
      <StepCaption step="credentials" prominent={supportMode} />
      <h1 className="heading-l">{t("waiting.heading", { provider: provider.name })}</h1>
      <p className="waiting" role="status" aria-live="polite">
        <Spinner className="waiting__spinner" />
        <span>{t("waiting.status")}</span>
      </p>
      <p>{t("waiting.body", { provider: provider.name })}</p>
      <p className="hint-text">{t("waiting.timeout")}</p>
      <ButtonGroup>
        <Button variant="secondary" onClick={onCancel}>
          {t("waiting.cancel")}
        </Button>
        <Button variant="link" onClick={onBrowserClosed}>
          {t("waiting.closedBrowser")}
        </Button>
      </ButtonGroup>
      {demo && sandboxUser && <SandboxLogin provider={provider} user={sandboxUser} open />}
    </div>
  );
}
