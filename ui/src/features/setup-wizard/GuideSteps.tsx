import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CopyValue, type CopyValueLabels, TextField } from "../../components/ui";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  GuideScreen,
  PermissionInfo,
  ProviderGuide,
  ProviderSummary,
  StepValue,
} from "../../lib/ipc/types";
import { guideText, permissionName } from "./text";

export interface GuideStepsProps {
  provider: ProviderSummary;
  guide: ProviderGuide;
  screen: GuideScreen;
  /** The permissions the admin chose to share (required ones included). */
  permissions: PermissionInfo[];
  /** iPayroll's planned API user name, and where to report edits (`null`: shown read-only). */
  apiUsername: string;
  onApiUsernameChange: ((text: string) => void) | null;
}

/** A guide screen's numbered steps, each with its value to copy, list or check. */
export function GuideSteps(props: GuideStepsProps) {
  const { t } = useTranslation();
  const { guide, screen, provider } = props;
  const names = { product: guide.product, provider: provider.name };
  return (
    <ol className="guide-steps" aria-label={t("guide.stepsLabel")}>
      {screen.steps.map((step) => (
        <li key={step.text} className="guide-steps__step">
          <p>{guideText(t, step.text, names)}</p>
          {step.value && <StepValueView value={step.value} {...props} />}
        </li>
      ))}
    </ol>
  );
}

function useCopyLabels(provider: ProviderSummary, value: string): CopyValueLabels {
  const { t } = useTranslation();
  return {
    copy: t("guide.copy"),
    copyLabel: t("guide.copyLabel", { value }),
    copied: t("guide.copied", { provider: provider.name }),
    copyFailed: t("guide.copyFailed"),
  };
}

function Copy({
  provider,
  value,
  label,
}: {
  provider: ProviderSummary;
  value: string;
  label?: string;
}) {
  const labels = useCopyLabels(provider, value);
  return <CopyValue value={value} labels={label ? { ...labels, copyLabel: label } : labels} />;
}

function StepValueView({ value, ...props }: GuideStepsProps & { value: StepValue }) {
  const { t } = useTranslation();
  const { provider, guide, permissions } = props;
  switch (value.kind) {
    case "copy":
      return <Copy provider={provider} value={value.value} />;
    case "permissions":
      return (
        <>
          <ul className="guide-permissions">
            {permissions.map((permission) => (
              <li key={permission.id}>
                <strong>{permissionName(provider.id, permission.id, t)}</strong>{" "}
                <code>{permission.id}</code>
                {permission.purpose && (
                  <span className="guide-permissions__why">
                    {guideText(t, permission.purpose, {
                      product: guide.product,
                      provider: provider.name,
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {value.joined && (
            <Copy
              provider={provider}
              value={permissions.map((p) => p.id).join(" ")}
              label={t("guide.copyScopes")}
            />
          )}
        </>
      );
    case "api_username":
      return props.onApiUsernameChange ? (
        <ApiUsernameField
          provider={provider}
          value={props.apiUsername}
          onChange={props.onApiUsernameChange}
        />
      ) : (
        <p className="guide-steps__example">{t("guide.usernameHint")}</p>
      );
  }
}

type Verdict = { text: string; reason: string | null } | null;

/** iPayroll's API user name, checked by the core as it is typed. */
function ApiUsernameField({
  provider,
  value,
  onChange,
}: {
  provider: ProviderSummary;
  value: string;
  onChange(text: string): void;
}) {
  const { t } = useTranslation();
  const backend = useBackend();
  const [verdict, setVerdict] = useState<Verdict>(null);
  const text = value.trim();

  useEffect(() => {
    if (text === "") return;
    let current = true;
    backend.checkIpayrollUsername(text).then(
      (result) => {
        if (!current) return;
        if (result.status === "ok") {
          setVerdict({ text, reason: null });
        } else if (result.error.code === "ipayroll_username_invalid") {
          setVerdict({ text, reason: result.error.params.reason });
        } else {
          // Not a verdict on the name: say nothing rather than something wrong.
          setVerdict(null);
        }
      },
      () => current && setVerdict(null),
    );
    return () => {
      current = false;
    };
  }, [backend, text]);

  // Only the verdict for what is in the box now counts.
  const shown = text !== "" && verdict?.text === text ? verdict : null;
  const error = shown?.reason ? ruleText(t, shown.reason) : null;
  return (
    <div className="guide-username">
      <TextField
        id="ipayroll-api-username"
        label={t("guide.usernameLabel")}
        hint={t("guide.usernameHint")}
        error={error}
        errorPrefix={t("wizard.errorPrefix")}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <div aria-live="polite">
        {shown && !shown.reason && (
          <>
            <p className="guide-username__ok">{t("guide.usernameOk")}</p>
            <Copy provider={provider} value={shown.text} />
          </>
        )}
      </div>
    </div>
  );
}

const RULES = [
  "too_short",
  "invalid_characters",
  "no_org_number",
  "no_api_infix",
  "no_partner_name",
  "org_number_mismatch",
] as const;

function ruleText(t: TFunction, reason: string): string {
  const known = RULES.find((rule) => rule === reason) ?? "too_short";
  return t(`guide.usernameRule.${known}`);
}
