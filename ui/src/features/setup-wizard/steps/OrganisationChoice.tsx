import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, RadioGroup } from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { Account, Problem, ProviderSummary, Result } from "../../../lib/ipc/types";

export interface OrganisationChoiceProps {
  provider: ProviderSummary;
  /** The organisations the sign-in reaches (from the core). */
  load(): Promise<Result<Account[], Problem>>;
  /** Check the connection for the organisation with this id. */
  onChoose(id: string): void;
}

type Loaded =
  | { kind: "loading" }
  | { kind: "failed"; problem: Problem | { code: "unexpected_error" } }
  | { kind: "loaded"; organisations: Account[] };

/**
 * Asks which organisation the connection is for, when a sign-in reaches several: a radio list of
 * their names, then the check runs again for the one chosen.
 */
export function OrganisationChoice({ provider, load, onChoose }: OrganisationChoiceProps) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState(false);
  // An API key reaches businesses (Employment Hero Payroll's word), a sign-in organisations.
  const texts = provider.credential_kind === "api_key" ? "apiKey.businesses" : "organisations";

  useEffect(() => {
    let current = true;
    load().then(
      (result) => {
        if (!current) return;
        setLoaded(
          result.status === "ok"
            ? { kind: "loaded", organisations: result.data }
            : { kind: "failed", problem: result.error },
        );
      },
      () => current && setLoaded({ kind: "failed", problem: { code: "unexpected_error" } }),
    );
    return () => {
      current = false;
    };
  }, [load]);

  if (loaded.kind === "loading") {
    return (
      <p role="status" className="organisation-choice">
        {t(`${texts}.loading`, { provider: provider.name })}
      </p>
    );
  }
  if (loaded.kind === "failed") {
    const rendered = renderProblem(loaded.problem, i18n.language);
    return (
      <p role="alert" className="organisation-choice">
        {rendered.message} {rendered.nextStep}
      </p>
    );
  }
  return (
    <form
      className="organisation-choice"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (choice === null) {
          setError(true);
          document.getElementById("organisation")?.focus();
          return;
        }
        onChoose(choice);
      }}
    >
      <RadioGroup
        id="organisation"
        name="organisation"
        legend={
          <span className="heading-m">{t(`${texts}.legend`, { provider: provider.name })}</span>
        }
        hint={t(`${texts}.hint`, { provider: provider.name })}
        error={error ? t(`${texts}.errorRequired`) : null}
        errorPrefix={t("wizard.errorPrefix")}
        options={loaded.organisations.map((organisation) => ({
          value: organisation.id,
          label: organisation.name || organisation.id,
        }))}
        value={choice}
        onChange={(value) => {
          setChoice(value);
          setError(false);
        }}
      />
      <Button type="submit">{t(`${texts}.check`)}</Button>
    </form>
  );
}
