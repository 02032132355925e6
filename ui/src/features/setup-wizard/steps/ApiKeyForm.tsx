import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Details,
  ErrorSummary,
  type ErrorSummaryItem,
  Panel,
  RadioGroup,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { ProviderSummary, StagedCredentials } from "../../../lib/ipc/types";
import { shownHint } from "../../../lib/screenShare";
import { isWholeKey, keyEnd } from "../apiKey";
import { BackLink } from "../BackLink";
import type { CredentialSource, CredentialsError } from "../machine";
import { SandboxKey } from "../SandboxKey";
import { StepCaption } from "../StepCaption";
import { guideText, regionName } from "../text";
import { SecretTextField } from "./SecretTextField";
import { StagingSubmit } from "./StagingSubmit";

export interface ApiKeyFormProps {
  provider: ProviderSummary;
  keyText: string;
  region: string | null;
  staged: StagedCredentials | null;
  staging: CredentialSource | null;
  error: CredentialsError | null;
  demo: boolean;
  supportMode: boolean;
  onKeyTextChange(text: string): void;
  onRegionChange(region: string): void;
  /** A whole key pasted: checked at once (when the region is chosen). */
  onKeyPasted(text: string): void;
  onUseDifferentKey(): void;
  onSubmit(): void;
  onBack(): void;
}

export const KEY_ID = "api-key";
export const REGION_ID = "api-key-region";

/** The Sandbox's valid key (its New Zealand business): made up, accepted only by the Sandbox. */
export const SANDBOX_API_KEY = "VTJKNFJXaHdWbUZzYVdRd01EQXdNUT09";

/** Step 2 for systems with an API key per user and one deployment per region (Employment Hero Payroll). */
export function ApiKeyForm(props: ApiKeyFormProps) {
  const { provider, keyText, region, staged, staging, error, demo, supportMode } = props;
  const { t, i18n } = useTranslation();
  const [regionMissing, setRegionMissing] = useState(false);
  const names = { provider: provider.name };
  const problem = error?.kind === "problem" ? renderProblem(error.problem, i18n.language) : null;
  const keyError =
    error?.kind === "empty" ? t("apiKey.errorEmpty") : problem ? problem.message : null;
  const regionError = regionMissing && !region ? t("apiKey.regionError", names) : null;
  const summary: ErrorSummaryItem[] = [
    ...(regionError ? [{ text: regionError, href: `#${REGION_ID}` }] : []),
    ...(keyError ? [{ text: keyError, detail: problem?.nextStep, href: `#${KEY_ID}` }] : []),
  ];
  const end = supportMode ? "" : keyEnd(keyText);
  const guide = (step: string) => guideText(t, `${provider.id}.api_key.${step}`, {});

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!staged && !region) {
          setRegionMissing(true);
          document.getElementById(REGION_ID)?.focus();
          return;
        }
        props.onSubmit();
      }}
    >
      <BackLink onClick={props.onBack} disabled={staging !== null} />
      {summary.length > 0 && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={summary} />}
      <StepCaption step="credentials" prominent={supportMode} />
      <h1 className="heading-l">{t("apiKey.heading", names)}</h1>
      <p className="lead">{t("apiKey.intro", names)}</p>
      <Details summary={t("apiKey.howToSummary")}>
        <ol className="steps-list">
          <li>{guide("step1")}</li>
          <li>{guide("step2")}</li>
        </ol>
      </Details>
      {demo && !staged && (
        <SandboxKey
          value={SANDBOX_API_KEY}
          labels={{
            summary: t("apiKey.sandbox.summary"),
            body: t("apiKey.sandbox.body"),
            copy: t("apiKey.sandbox.copy"),
            copied: t("apiKey.sandbox.copied"),
            copyFailed: t("apiKey.sandbox.copyFailed"),
          }}
        />
      )}

      {staged ? (
        <Panel tone="success" className="key-loaded">
          <p className="key-loaded__text">
            <strong>{t("apiKey.loadedTitle")}:</strong>{" "}
            {t("apiKey.loadedBody", {
              hint: shownHint(staged.hint, supportMode),
              region: region ? regionName(region, i18n.language) : "",
            })}
          </p>
          <Button variant="link" onClick={props.onUseDifferentKey}>
            {t("apiKey.useDifferent")}
          </Button>
        </Panel>
      ) : (
        <>
          <RadioGroup
            id={REGION_ID}
            name="region"
            legend={<span className="heading-s">{t("apiKey.regionLegend", names)}</span>}
            hint={t("apiKey.regionHint", names)}
            error={regionError}
            errorPrefix={t("wizard.errorPrefix")}
            options={provider.regions.map((code) => ({
              value: code,
              label: regionName(code, i18n.language),
            }))}
            value={region}
            onChange={props.onRegionChange}
          />
          <SecretTextField
            id={KEY_ID}
            label={t("apiKey.keyLabel")}
            hint={
              end ? `${t("apiKey.keyHint")} ${t("apiKey.keyEnd", { end })}` : t("apiKey.keyHint")
            }
            error={keyError}
            supportMode={supportMode}
            value={keyText}
            readOnly={staging !== null}
            onChange={props.onKeyTextChange}
            isWhole={isWholeKey}
            onWholePaste={props.onKeyPasted}
          />
        </>
      )}

      <StagingSubmit staging={staging} busyLabel={t("credentials.staging")} />
    </form>
  );
}
