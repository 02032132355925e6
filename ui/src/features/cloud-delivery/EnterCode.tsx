import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, ErrorSummary, Spinner, TextField } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import type { WizardProblem } from "../../lib/ipc/types";

const CODE_ID = "enrollment-code";

export interface EnterCodeProps {
  product: string;
  /** The code a link brought, filled in for the admin to send. */
  initialCode: string;
  busy: boolean;
  /** Why the code typed last could not be read (`enrollment_code_invalid`). */
  problem: WizardProblem | null;
  onSubmit(code: string): void;
}

/**
 * "Enter the code from Acme Rostering": one field, read forgivingly by the core (spaces, small
 * letters, a missing `HRL-`), so the page only says what went wrong when the core could not.
 */
export function EnterCode({ product, initialCode, busy, problem, onSubmit }: EnterCodeProps) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const error = problem ? renderProblem(problem, i18n.language) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit(code);
  };
  return (
    <form onSubmit={submit} noValidate>
      {error && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: error.message, detail: error.nextStep, href: `#${CODE_ID}` }]}
        />
      )}
      <h1 className="heading-l">{t("cloud.code.heading", { product })}</h1>
      <p className="lead">{t("cloud.code.lead", { product })}</p>
      <TextField
        id={CODE_ID}
        className="input--code"
        label={t("cloud.code.label", { product })}
        hint={t("cloud.code.hint")}
        error={error?.message}
        value={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        onChange={(event) => setCode(event.target.value)}
      />
      {busy && (
        <p className="loading" role="status">
          <Spinner /> {t("cloud.code.busy", { product })}
        </p>
      )}
      <ButtonGroup>
        <Button type="submit" disabled={busy}>
          {t("cloud.code.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
