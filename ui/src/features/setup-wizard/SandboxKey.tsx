import { useTranslation } from "react-i18next";
import { Button, Details, useCopy } from "../../components/ui";

/**
 * The Sandbox's valid HRworks test key, shown in demo mode. These are public made-up values
 * that only the built-in Sandbox accepts: not secrets.
 */
export const SANDBOX_TEST_KEY =
  "Access Key: SBXACCESSKEYVALID0000001\nSecret Access Key: sbx/Secret+Valid=0000000000000000000000001";

/** The texts around a test key. */
export interface SandboxKeyLabels {
  summary: string;
  body: string;
  copy: string;
  copied: string;
  copyFailed: string;
}

/** A Sandbox test key to copy: HRworks' key file unless another key and its texts are given. */
export function SandboxKey({ value, labels }: { value?: string; labels?: SandboxKeyLabels }) {
  const { t } = useTranslation();
  const key = value ?? SANDBOX_TEST_KEY;
  const text = labels ?? {
    summary: t("credentials.sandbox.summary"),
    body: t("credentials.sandbox.body"),
    copy: t("credentials.sandbox.copy"),
    copied: t("credentials.sandbox.copied"),
    copyFailed: t("credentials.sandbox.copyFailed"),
  };
  const { state: copy, ref: keyRef, copy: copyKey } = useCopy<HTMLPreElement>(key);

  return (
    <Details summary={text.summary} className="sandbox-key">
      <p>{text.body}</p>
      <pre className="code-block" ref={keyRef}>
        {key}
      </pre>
      <div className="sandbox-key__actions">
        <Button variant="secondary" onClick={() => void copyKey()}>
          {text.copy}
        </Button>
        <p className="sandbox-key__status" aria-live="polite">
          {copy === "copied" && text.copied}
          {copy === "failed" && text.copyFailed}
        </p>
      </div>
    </Details>
  );
}
