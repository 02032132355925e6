import { useTranslation } from "react-i18next";
import { Button, Details, useCopy } from "../../components/ui";

/**
 * The Sandbox's valid HRworks test key, shown in demo mode. These are public made-up values
 * that only the built-in Sandbox accepts: not secrets.
 */
export const SANDBOX_TEST_KEY =
  "Access Key: SBXACCESSKEYVALID0000001\nSecret Access Key: sbx/Secret+Valid=0000000000000000000000001";

export function SandboxKey() {
  const { t } = useTranslation();
  const { state: copy, ref: keyRef, copy: copyKey } = useCopy<HTMLPreElement>(SANDBOX_TEST_KEY);

  return (
    <Details summary={t("credentials.sandbox.summary")} className="sandbox-key">
      <p>{t("credentials.sandbox.body")}</p>
      <pre className="code-block" ref={keyRef}>
        {SANDBOX_TEST_KEY}
      </pre>
      <div className="sandbox-key__actions">
        <Button variant="secondary" onClick={() => void copyKey()}>
          {t("credentials.sandbox.copy")}
        </Button>
        <p className="sandbox-key__status" aria-live="polite">
          {copy === "copied" && t("credentials.sandbox.copied")}
          {copy === "failed" && t("credentials.sandbox.copyFailed")}
        </p>
      </div>
    </Details>
  );
}
