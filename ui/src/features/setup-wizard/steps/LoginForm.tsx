import { type ClipboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Details,
  ErrorSummary,
  type ErrorSummaryItem,
  Panel,
  TextField,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { ProviderSummary, StagedCredentials } from "../../../lib/ipc/types";
import { shownHint } from "../../../lib/screenShare";
import { BackLink } from "../BackLink";
import { splitLogin } from "../login";
import type { CredentialSource, CredentialsError, LoginField } from "../machine";
import { SandboxLogin } from "../SandboxLogin";
import { StepCaption } from "../StepCaption";
import { SANDBOX_USERS } from "../sandbox";
import { StagingSubmit } from "./StagingSubmit";

export interface LoginFormProps {
  provider: ProviderSummary;
  username: string;
  password: string;
  staged: StagedCredentials | null;
  staging: CredentialSource | null;
  error: CredentialsError | null;
  demo: boolean;
  supportMode: boolean;
  onUsernameChange(text: string): void;
  onPasswordChange(text: string): void;
  /** Both values arrived at once (pasted together, or filled in from the Sandbox user). */
  onBothChange(username: string, password: string): void;
  onUseDifferent(): void;
  onSubmit(): void;
  onBack(): void;
}

export const USERNAME_ID = "iris-username";
export const PASSWORD_ID = "iris-password";

const FIELD_IDS: Record<LoginField, string> = { username: USERNAME_ID, password: PASSWORD_ID };

/** Step 2 for IRIS HR Professional: the generated API user's name and password. */
export function LoginForm(props: LoginFormProps) {
  const { provider, username, password, staged, staging, error, demo, supportMode } = props;
  const { t, i18n } = useTranslation();
  const [pasted, setPasted] = useState(false);

  const problem = error?.kind === "problem" ? renderProblem(error.problem, i18n.language) : null;
  const fieldErrors: Record<LoginField, string | null> = {
    username: null,
    password: null,
  };
  const summary: ErrorSummaryItem[] = [];
  if (error?.kind === "required") {
    for (const field of error.fields) {
      const text = field === "username" ? t("iris.errorUsername") : t("iris.errorPassword");
      fieldErrors[field] = text;
      summary.push({ text, href: `#${FIELD_IDS[field]}` });
    }
  } else if (problem) {
    fieldErrors.username = problem.message;
    summary.push({ text: problem.message, detail: problem.nextStep, href: `#${USERNAME_ID}` });
  }

  // IRIS shows both values together: a paste of both into either box fills the two boxes.
  const pasteBoth = (event: ClipboardEvent<HTMLInputElement>) => {
    const both = splitLogin(event.clipboardData.getData("text"));
    if (!both) return;
    event.preventDefault();
    props.onBothChange(both.username, both.password);
    setPasted(true);
  };

  const sandboxUser = SANDBOX_USERS.iris;
  const busy = staging !== null;

  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <BackLink onClick={props.onBack} disabled={busy} />
      {summary.length > 0 && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={summary} />}
      <StepCaption step="credentials" prominent={supportMode} />
      <h1 className="heading-l">{t("iris.heading")}</h1>
      <p className="lead">{t("iris.intro")}</p>

      <Details summary={t("iris.howTo.summary")}>
        <ol className="steps-list">
          <li>{t("iris.howTo.step1")}</li>
          <li>{t("iris.howTo.step2")}</li>
          <li>{t("iris.howTo.step3")}</li>
          <li>{t("iris.howTo.step4")}</li>
        </ol>
        <p>{t("iris.howTo.limit")}</p>
      </Details>
      {demo && !staged && sandboxUser && (
        <SandboxLogin
          provider={provider}
          user={sandboxUser}
          onFill={(user) => props.onBothChange(user.username, user.password)}
        />
      )}

      {staged ? (
        <Panel tone="success" className="key-loaded">
          <p className="key-loaded__text">
            <strong>{t("iris.loadedTitle")}:</strong>{" "}
            {t("iris.loadedBody", { hint: shownHint(staged.hint, supportMode) })}
          </p>
          <Button variant="link" onClick={props.onUseDifferent}>
            {t("iris.useDifferent")}
          </Button>
        </Panel>
      ) : (
        <div className="iris-fields">
          <TextField
            id={USERNAME_ID}
            label={t("iris.usernameLabel")}
            hint={t("iris.usernameHint")}
            error={fieldErrors.username}
            errorPrefix={t("wizard.errorPrefix")}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            value={username}
            readOnly={busy}
            onPaste={pasteBoth}
            onChange={(event) => {
              setPasted(false);
              props.onUsernameChange(event.target.value);
            }}
          />
          <TextField
            id={PASSWORD_ID}
            label={t("iris.passwordLabel")}
            hint={t("iris.passwordHint")}
            error={fieldErrors.password}
            errorPrefix={t("wizard.errorPrefix")}
            masked
            reveal={
              supportMode
                ? undefined
                : {
                    show: t("credentials.show"),
                    hide: t("credentials.hide"),
                    showLabel: t("iris.showLabel"),
                    hideLabel: t("iris.hideLabel"),
                    nowVisible: t("iris.nowVisible"),
                    nowHidden: t("iris.nowHidden"),
                  }
            }
            value={password}
            readOnly={busy}
            onPaste={pasteBoth}
            onChange={(event) => {
              setPasted(false);
              props.onPasswordChange(event.target.value);
            }}
          />
          <p className="visually-hidden" aria-live="polite">
            {pasted ? t("iris.pasted") : ""}
          </p>
        </div>
      )}

      <p className="provisional-note">{t("iris.provisional")}</p>

      <StagingSubmit staging={staging} busyLabel={t("iris.staging")} />
    </form>
  );
}
