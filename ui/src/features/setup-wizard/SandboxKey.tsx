import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Details } from "../../components/ui";

/**
 * The Sandbox's valid HRworks test key, shown in demo mode. These are public made-up values
 * that only the built-in Sandbox accepts: not secrets.
 */
export const SANDBOX_TEST_KEY =
  "Access Key: SBXACCESSKEYVALID0000001\nSecret Access Key: sbx/Secret+Valid=0000000000000000000000001";

type CopyState = "idle" | "copied" | "failed";

export function SandboxKey() {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>("idle");
  const keyRef = useRef<HTMLPreElement>(null);

  const selectKey = () => {
    const element = keyRef.current;
    const selection = window.getSelection();
    if (!element || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(SANDBOX_TEST_KEY);
      setCopy("copied");
    } catch {
      selectKey();
      setCopy("failed");
    }
  };

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
