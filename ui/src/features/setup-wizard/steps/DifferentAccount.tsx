import { useTranslation } from "react-i18next";
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  TextField,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { ProviderSummary } from "../../../lib/ipc/types";
import type { ReplacementError, Saving } from "../machine";
import { handOver } from "../text";

const NAME_ID = "replacement-name";

export interface DifferentAccountProps {
  provider: ProviderSummary;
  /** The company the connection was saved for. */
  saved: string;
  /** The company the new credentials reach. */
  reached: string;
  typedName: string;
  nameError: ReplacementError | null;
  saving: Saving;
  onNameChange(text: string): void;
  onRetry(): void;
  onReplace(): void;
}

const RIGHT_ACCOUNT = {
  key: "save.different.rightKey",
  user: "save.different.rightUser",
  signIn: "save.different.rightSignIn",
} as const;

/**
 * Re-authorising reached another company: try again with the right account (primary), or
 * replace the connection deliberately by typing the new company's name.
 */
export function DifferentAccount(props: DifferentAccountProps) {
  const { provider, saved, reached, saving } = props;
  const { t, i18n } = useTranslation();
  const names = { saved, reached, provider: provider.name };
  const nameError =
    props.nameError === "required"
      ? t("save.different.nameRequired")
      : props.nameError === "mismatch"
        ? t("save.different.nameMismatch", names)
        : null;
  const problem = saving.problem ? renderProblem(saving.problem, i18n.language) : null;
  const summary: ErrorSummaryItem[] = nameError
    ? [{ text: nameError, href: `#${NAME_ID}` }]
    : problem
      ? [{ text: problem.message, detail: problem.nextStep }]
      : [];

  return (
    <div>
      {summary.length > 0 && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={summary} />}
      <h1 className="heading-l">{t("save.different.heading", names)}</h1>
      <p className="lead">{t("save.different.lead")}</p>

      <section className="way-forward" aria-labelledby="right-account-heading">
        <h2 className="heading-m" id="right-account-heading">
          {t("save.different.rightHeading", names)}
        </h2>
        <p>{t(RIGHT_ACCOUNT[handOver(provider.credential_kind)], names)}</p>
        <ButtonGroup>
          <Button onClick={props.onRetry} disabled={saving.busy}>
            {t("save.different.retry")}
          </Button>
        </ButtonGroup>
      </section>

      <section className="way-forward" aria-labelledby="replace-heading">
        <h2 className="heading-m" id="replace-heading">
          {t("save.different.replaceHeading", names)}
        </h2>
        <p>{t("save.different.replaceBody", names)}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            props.onReplace();
          }}
        >
          <TextField
            id={NAME_ID}
            label={t("save.different.nameLabel")}
            hint={t("save.different.nameHint", names)}
            error={nameError}
            errorPrefix={t("wizard.errorPrefix")}
            value={props.typedName}
            readOnly={saving.busy}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => props.onNameChange(event.target.value)}
          />
          <ButtonGroup>
            <Button type="submit" variant="secondary" busy={saving.busy}>
              {t("save.different.replace")}
            </Button>
          </ButtonGroup>
        </form>
      </section>
    </div>
  );
}
