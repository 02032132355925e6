/** Suggested pairs the admin answers: the same person, or not. */

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../../components/ui";
import type { PairDecision, ProviderSummary, ReportRow } from "../../lib/ipc/types";

const REVIEW_SHOWN = 20;

/** Suggested pairs, each with "Same person" / "Not the same person"; answered ones can change. */
export function Review({
  rows,
  provider,
  onDecide,
}: {
  rows: ReportRow[];
  provider: ProviderSummary;
  onDecide(entry: number, decision: PairDecision): void;
}) {
  const { t } = useTranslation();
  const pairs = useMemo(() => {
    const seen = new Set<number>();
    return rows.filter((row) => {
      const suggested = row.category === "needs_review" || row.decision !== undefined;
      if (!suggested || seen.has(row.id)) return false;
      seen.add(row.id);
      return true;
    });
  }, [rows]);
  if (pairs.length === 0) return null;
  // A rejected pair is two rows: show both sides from the report.
  const side = (id: number, which: "hr" | "existing") =>
    rows.find((row) => row.id === id && row[which])?.[which] ?? null;
  return (
    <section aria-labelledby="review-heading" className="people-review">
      <h2 className="heading-m" id="review-heading">
        {t("people.reviewHeading")}
      </h2>
      <p>{t("people.reviewLead")}</p>
      <ul className="people-review__list">
        {pairs.slice(0, REVIEW_SHOWN).map((row) => {
          const hr = side(row.id, "hr");
          const existing = side(row.id, "existing");
          return (
            <li key={row.id} className="people-review__pair" data-entry={row.id}>
              <dl className="people-review__sides">
                <div>
                  <dt>{t("people.reviewInHr", { provider: provider.name })}</dt>
                  <dd>
                    {hr?.name}{" "}
                    {hr?.email && <span className="people-review__email">{hr.email}</span>}
                  </dd>
                </div>
                <div>
                  <dt>{t("people.reviewInRecords")}</dt>
                  <dd>
                    {existing?.name}{" "}
                    {existing?.email && (
                      <span className="people-review__email">{existing.email}</span>
                    )}
                  </dd>
                </div>
              </dl>
              {row.decision === undefined || row.decision === "undecided" ? (
                <ButtonGroup>
                  <Button variant="secondary" onClick={() => onDecide(row.id, "accept")}>
                    {t("people.samePerson")}
                  </Button>
                  <Button variant="secondary" onClick={() => onDecide(row.id, "reject")}>
                    {t("people.notSamePerson")}
                  </Button>
                </ButtonGroup>
              ) : (
                <p className="people-review__answer">
                  {row.decision === "accepted"
                    ? t("people.answeredSame")
                    : t("people.answeredDifferent")}{" "}
                  <Button variant="link" onClick={() => onDecide(row.id, "undo")}>
                    {t("people.changeAnswer")}
                  </Button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {pairs.length > REVIEW_SHOWN && (
        <p>{t("people.reviewMore", { count: pairs.length - REVIEW_SHOWN })}</p>
      )}
    </section>
  );
}
