import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  cx,
  Details,
  ErrorSummary,
  type ErrorSummaryItem,
  Panel,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import { useBackend } from "../../../lib/ipc/BackendContext";
import type { FileDropEvent } from "../../../lib/ipc/backend";
import type { ProviderSummary, StagedCredentials } from "../../../lib/ipc/types";
import { shownHint } from "../../../lib/screenShare";
import { BackLink } from "../BackLink";
import type { CredentialSource, CredentialsError } from "../machine";
import { SandboxKey } from "../SandboxKey";
import { StepCaption } from "../StepCaption";
import { SecretTextField } from "./SecretTextField";
import { StagingSubmit } from "./StagingSubmit";

export interface KeyPairFormProps {
  provider: ProviderSummary;
  keyText: string;
  staged: StagedCredentials | null;
  staging: CredentialSource | null;
  error: CredentialsError | null;
  demo: boolean;
  supportMode: boolean;
  onKeyTextChange(text: string): void;
  /** Both lines of a key pasted: checked at once. */
  onKeyPasted(text: string): void;
  onPickFile(): void | Promise<void>;
  onDropFile(text: string): void;
  onUseDifferentKey(): void;
  onSubmit(): void;
  onBack(): void;
}

export const TEXT_ID = "key-text";
export const FILE_ID = "key-file";

/**
 * Whether pasted text could be a whole key (the file has two lines: the access key and its
 * secret). One line pasted is half a key: the admin pastes the other and presses Continue.
 */
function holdsTwoLines(text: string): boolean {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "").length >= 2;
}

/** Step 2 for systems with a key file (HRworks): load the file, or paste its two lines. */
export function KeyPairForm(props: KeyPairFormProps) {
  const { provider, keyText, staged, staging, error, demo, supportMode } = props;
  const { t, i18n } = useTranslation();
  const backend = useBackend();
  const [dropActive, setDropActive] = useState(false);

  // Files dropped anywhere on the window while this step is shown are read as the key file.
  const onDropFile = useRef(props.onDropFile);
  onDropFile.current = props.onDropFile;
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let active = true;
    const handle = (event: FileDropEvent) => {
      setDropActive(event.type === "hover");
      if (event.type === "drop") onDropFile.current(event.text);
    };
    backend.onFileDrop(handle).then(
      (stop) => {
        if (active) unlisten = stop;
        else stop();
      },
      () => {
        // Without drag & drop the dialog and pasting still work.
      },
    );
    return () => {
      active = false;
      unlisten?.();
    };
  }, [backend]);

  const problem = error?.kind === "problem" ? renderProblem(error.problem, i18n.language) : null;
  const fieldError =
    error?.kind === "empty" ? t("credentials.errorEmpty") : problem ? problem.message : null;
  const errorOnFile = error?.kind === "problem" && error.source === "file";
  const summary: ErrorSummaryItem[] = fieldError
    ? [
        {
          text: fieldError,
          detail: problem?.nextStep,
          href: `#${errorOnFile ? FILE_ID : TEXT_ID}`,
        },
      ]
    : [];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <BackLink onClick={props.onBack} disabled={staging !== null} />
      {summary.length > 0 && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={summary} />}
      <StepCaption step="credentials" prominent={supportMode} />
      <h1 className="heading-l">{t("credentials.heading", { provider: provider.name })}</h1>
      <p className="lead">{t("credentials.intro", { provider: provider.name })}</p>

      <Details summary={t("credentials.howTo.summary")}>
        <ol className="steps-list">
          <li>{t("credentials.howTo.step1")}</li>
          <li>{t("credentials.howTo.step2")}</li>
          <li>{t("credentials.howTo.step3")}</li>
          <li>{t("credentials.howTo.step4")}</li>
        </ol>
      </Details>
      {demo && !staged && <SandboxKey />}

      {staged ? (
        <Panel tone="success" className="key-loaded">
          <p className="key-loaded__text">
            <strong>{t("credentials.loadedTitle")}:</strong>{" "}
            {t("credentials.loadedBody", { hint: shownHint(staged.hint, supportMode) })}
          </p>
          <Button variant="link" onClick={props.onUseDifferentKey}>
            {t("credentials.useDifferent")}
          </Button>
        </Panel>
      ) : (
        <>
          <div
            className={cx(
              "dropzone",
              dropActive && "dropzone--active",
              errorOnFile && "dropzone--error",
            )}
          >
            {errorOnFile && fieldError && (
              <p className="field__error" id={`${FILE_ID}-error`}>
                <span className="visually-hidden">{t("wizard.errorPrefix")} </span>
                {fieldError}
              </p>
            )}
            <Button
              id={FILE_ID}
              variant="secondary"
              busy={staging === "file"}
              aria-describedby={errorOnFile ? `${FILE_ID}-error` : undefined}
              onClick={() => {
                void props.onPickFile();
              }}
            >
              {t("credentials.chooseFile")}
            </Button>
            <p className="dropzone__hint" aria-live="polite">
              {dropActive ? t("credentials.dropActive") : t("credentials.dropHint")}
            </p>
          </div>

          <SecretTextField
            id={TEXT_ID}
            label={t("credentials.pasteLabel")}
            hint={t("credentials.pasteHint")}
            error={errorOnFile ? null : fieldError}
            multiline
            supportMode={supportMode}
            value={keyText}
            readOnly={staging !== null}
            onChange={props.onKeyTextChange}
            isWhole={holdsTwoLines}
            onWholePaste={props.onKeyPasted}
          />
        </>
      )}

      <StagingSubmit staging={staging} busyLabel={t("credentials.staging")} />
    </form>
  );
}
