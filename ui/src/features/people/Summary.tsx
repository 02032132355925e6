/** The counts per category and the CSV export of the people as they stand. */

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import type {
  Category,
  MatchCounts,
  Problem,
  ProviderSummary,
  Result,
  WizardProblem,
} from "../../lib/ipc/types";
import { CATEGORIES } from "./categories";

type ExportState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "saved" }
  | { kind: "failed"; problem: WizardProblem };

/** "Export this list (CSV)": Rust asks where to save it. Refused in screen-share mode. */
export function Export({
  supportMode,
  onExport,
}: {
  supportMode: boolean;
  onExport(): Promise<Result<boolean, Problem>>;
}) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const run = () => {
    if (state.kind === "busy") return;
    setState({ kind: "busy" });
    onExport().then(
      (result) =>
        setState(
          result.status === "error"
            ? { kind: "failed", problem: result.error }
            : result.data
              ? { kind: "saved" }
              : { kind: "idle" },
        ),
      () => setState({ kind: "failed", problem: { code: "unexpected_error" } }),
    );
  };
  const failed = state.kind === "failed" ? renderProblem(state.problem, i18n.language) : null;
  return (
    <section aria-labelledby="export-heading" className="people-export">
      <h2 className="heading-m" id="export-heading">
        {t("people.exportHeading")}
      </h2>
      <p>{supportMode ? t("people.exportLeadSupport") : t("people.exportLead")}</p>
      <Button variant="secondary" busy={state.kind === "busy"} onClick={run}>
        {t("people.exportButton")}
      </Button>
      <p className="people-export__status" role="status">
        {state.kind === "saved" && t("people.exportSaved")}
        {failed && `${failed.message} ${failed.nextStep}`}
      </p>
    </section>
  );
}

/** The counts up front: by status before a comparison, by category after one. */
export function Counts({
  counts,
  compared,
  provider,
}: {
  counts: MatchCounts;
  compared: boolean;
  provider: ProviderSummary;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const shown = compared
    ? CATEGORIES
    : CATEGORIES.filter(
        (category) => category === "only_in_hr" || category === "inactive" || counts[category] > 0,
      );
  const label = (category: Category) =>
    !compared && category === "only_in_hr"
      ? t("people.status.active")
      : t(`people.category.${category}`, { provider: provider.name });
  return (
    <section aria-labelledby="counts-heading" className="people-counts">
      <h2 className="heading-m" id="counts-heading">
        {t("people.countsHeading")}
      </h2>
      <dl className="people-counts__list">
        {shown.map((category) => (
          <div key={category} className="people-counts__item" data-category={category}>
            <dt className="people-counts__label">{label(category)}</dt>
            <dd className="people-counts__value">{format.format(counts[category])}</dd>
            {(compared || category !== "only_in_hr") && (
              <dd className="people-counts__explain">
                {t(`people.explain.${category}`, { provider: provider.name })}
              </dd>
            )}
          </div>
        ))}
        {(counts.excluded ?? 0) > 0 && (
          <div className="people-counts__item" data-category="excluded">
            <dt className="people-counts__label">{t("people.excludedLabel")}</dt>
            <dd className="people-counts__value">{format.format(counts.excluded ?? 0)}</dd>
            <dd className="people-counts__explain">
              {t("people.excludedExplain", { provider: provider.name })}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** What a row shows: the HR side, or the record when only the records have the person. */
