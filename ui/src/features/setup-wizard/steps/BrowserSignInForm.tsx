import { useTranslation } from "react-i18next";
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  Panel,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { ProviderSummary, StagedCredentials } from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import type { CredentialsError, CredentialsNote } from "../machine";
import { SandboxLogin } from "../SandboxLogin";
import { StepCaption } from "../StepCaption";
import { SANDBOX_USERS } from "../sandbox";

export interface BrowserSignInFormProps {
  provider: ProviderSummary;
  staged: StagedCredentials | null;
  error: CredentialsError | null;
  note: CredentialsNote | null;
  demo: boolean;
  supportMode: boolean;
  onSignIn(): void;
  /** Checks the sign-in already held (after going back from the result). */
  onContinue(): void;
  onSignInAgain(): void;
  onBack(): void;
}

export const SIGN_IN_ID = "sign-in";

/** Step 2 for systems that sign in through the browser (iPayroll, Employment Hero). */
export function BrowserSignInForm(props: BrowserSignInFormProps) {
  const { provider, staged, error, note, demo, supportMode } = props;
  const { t, i18n } = useTranslation();
  const name = provider.name;

  const problem = error?.kind === "problem" ? renderProblem(error.problem, i18n.language) : null;
  const summary: ErrorSummaryItem[] = problem
    ? [{ text: problem.message, detail: problem.nextStep, href: `#${SIGN_IN_ID}` }]
    : [];
  const sandboxUser = SANDBOX_USERS[provider.id];

  return (
    <div>
      <BackLink onClick={props.onBack} />
      {summary.length > 0 && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={summary} />}
      {note === "signInStopped" && (
        // Focused when shown (instead of the heading), so that it is read first.
        <Panel tone="info" className="wizard-note" tabIndex={-1} data-autofocus="">
          <p>{t("signIn.stopped")}</p>
        </Panel>
      )}
      <StepCaption step="credentials" prominent={supportMode} />
      <h1 className="heading-l">{t("signIn.heading", { provider: name })}</h1>
      <p className="lead">{t("signIn.intro", { provider: name })}</p>

      <h2 className="heading-s">{t("signIn.whatHappens")}</h2>
      <ol className="steps-list">
        <li>{t("signIn.step1", { provider: name })}</li>
        <li>
          {provider.id === "employmenthero"
            ? t("signIn.step2ChooseOrganisation")
            : t("signIn.step2")}
        </li>
        <li>{t("signIn.step3")}</li>
      </ol>

      <Advice provider={provider} />

      {demo && !staged && sandboxUser && <SandboxLogin provider={provider} user={sandboxUser} />}

      {staged && (
        <Panel tone="success" className="key-loaded">
          <p className="key-loaded__text">
            <strong>{t("signIn.loadedTitle", { provider: name })}.</strong> {t("signIn.loadedBody")}
          </p>
          <Button variant="link" onClick={props.onSignInAgain}>
            {t("signIn.signInAgain")}
          </Button>
        </Panel>
      )}

      <ButtonGroup>
        {staged ? (
          <Button onClick={props.onContinue}>{t("wizard.continue")}</Button>
        ) : (
          <Button id={SIGN_IN_ID} onClick={props.onSignIn}>
            {error ? t("signIn.tryAgain") : t("signIn.button", { provider: name })}
          </Button>
        )}
      </ButtonGroup>
    </div>
  );
}

/** What to watch out for on the provider's own pages. */
function Advice({ provider }: { provider: ProviderSummary }) {
  const { t } = useTranslation();
  const items =
    provider.id === "ipayroll"
      ? [t("signIn.ipayrollApiUser"), t("signIn.ipayrollSignOut")]
      : provider.id === "employmenthero"
        ? [t("signIn.employmentheroOrganisation"), t("signIn.employmentheroDedicatedUser")]
        : [];
  if (items.length === 0) return null;
  return (
    <section className="advice" aria-labelledby="advice-heading">
      <h2 className="heading-s" id="advice-heading">
        {t("signIn.beforeYouStart")}
      </h2>
      <ul className="advice__list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
