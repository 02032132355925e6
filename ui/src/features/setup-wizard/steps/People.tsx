import { useVirtualizer } from "@tanstack/react-virtual";
import type { TFunction } from "i18next";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Banner,
  Button,
  ButtonGroup,
  cx,
  ErrorSummary,
  Panel,
  Spinner,
  Tag,
  type TagTone,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type {
  Category,
  ListingProgress,
  MatchCounts,
  PairDecision,
  PersonStatus,
  ProviderSummary,
  ReportRow,
} from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import { StepCaption } from "../StepCaption";
import type { PeopleStage, WizardProblem } from "../wizardMachine";

export interface PeopleProps {
  provider: ProviderSummary;
  stage: PeopleStage;
  /** Screen-share mode: the core masked names and emails. */
  supportMode: boolean;
  prominentStep?: boolean;
  onCancel(): void;
  onTryAgain(): void;
  onBack(): void;
  onCompare(): void;
  /** "Yes, these are our people". */
  onConfirmed(): void;
  /** An answer to a suggested pair (entry id). */
  onDecide(entry: number, decision: PairDecision): void;
  /** Leaves a person out of the connection (or takes them back in). */
  onExclude(entry: number, excluded: boolean): void;
}

/** Every category, in the order the counts are shown. */
export const CATEGORIES: readonly Category[] = [
  "matched",
  "matched_with_differences",
  "needs_review",
  "only_in_hr",
  "only_in_existing",
  "inactive",
  "duplicates",
];

const STATUSES: readonly PersonStatus[] = ["active", "inactive", "terminated"];

const CATEGORY_TONE: Record<Category, TagTone> = {
  matched: "success",
  matched_with_differences: "warning",
  needs_review: "warning",
  only_in_hr: "neutral",
  only_in_existing: "neutral",
  inactive: "neutral",
  duplicates: "error",
};

/** Height of one table row in pixels (rows are one line high; long text is cut). */
export const ROW_HEIGHT = 48;

/** Step 5: the people the connection will see, and whether they are the business's. */
export function People(props: PeopleProps) {
  const { stage, provider, prominentStep, onBack } = props;
  return (
    <div className="people">
      {stage.kind !== "listing" && <BackLink onClick={onBack} />}
      {stage.kind === "listing" && (
        <Listing
          provider={provider}
          progress={stage.progress}
          prominentStep={prominentStep}
          onCancel={props.onCancel}
        />
      )}
      {stage.kind === "failed" && (
        <Failed
          provider={provider}
          problem={stage.problem}
          prominentStep={prominentStep}
          onTryAgain={props.onTryAgain}
          onBack={onBack}
        />
      )}
      {stage.kind === "listed" && <Listed {...props} stage={stage} />}
    </div>
  );
}

function Listing({
  provider,
  progress,
  prominentStep,
  onCancel,
}: {
  provider: ProviderSummary;
  progress: ListingProgress | null;
  prominentStep?: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const done = progress?.pages_done ?? 0;
  const total = progress?.pages_total ?? null;
  return (
    <div>
      <StepCaption step="people" prominent={prominentStep} />
      <h1 className="heading-l">{t("people.listingHeading", { provider: provider.name })}</h1>
      <p className="lead">{t("people.listingLead")}</p>
      <div className="people-progress" role="status" aria-live="polite">
        {total !== null && total > 0 ? (
          <progress className="people-progress__bar" max={total} value={done} />
        ) : (
          <Spinner />
        )}
        <p className="people-progress__pages">
          {total !== null
            ? t("people.pages", { done, total })
            : t("people.pagesUnknown", { count: done })}
        </p>
        <p className="people-progress__people">
          {t("people.soFar", { count: progress?.people ?? 0 })}
        </p>
        <p className="people-progress__eta">{timeLeft(progress, t)}</p>
      </div>
      <ButtonGroup>
        <Button variant="secondary" onClick={onCancel}>
          {t("people.cancel")}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function timeLeft(progress: ListingProgress | null, t: TFunction): string {
  const seconds = progress?.eta_seconds;
  if (seconds === null || seconds === undefined) return t("people.timeLeftUnknown");
  if (seconds < 90) return t("people.timeLeftSeconds", { count: Math.max(1, seconds) });
  return t("people.timeLeftMinutes", { count: Math.round(seconds / 60) });
}

function Failed({
  provider,
  problem,
  prominentStep,
  onTryAgain,
  onBack,
}: {
  provider: ProviderSummary;
  problem: WizardProblem;
  prominentStep?: boolean;
  onTryAgain(): void;
  onBack(): void;
}) {
  const { t, i18n } = useTranslation();
  const cancelled = problem.code === "people_listing_cancelled";
  const rendered = renderProblem(problem, i18n.language);
  return (
    <div>
      {!cancelled && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: rendered.message, detail: rendered.nextStep }]}
        />
      )}
      <StepCaption step="people" prominent={prominentStep} />
      <h1 className="heading-l">
        {cancelled
          ? t("people.cancelledHeading")
          : t("people.failedHeading", { provider: provider.name })}
      </h1>
      <p className="lead">{cancelled ? t("people.cancelledLead") : rendered.nextStep}</p>
      <ButtonGroup>
        <Button onClick={onTryAgain}>{t("people.tryAgain")}</Button>
        <Button variant="secondary" onClick={onBack}>
          {t("people.backToResult")}
        </Button>
      </ButtonGroup>
    </div>
  );
}

type Listed = Extract<PeopleStage, { kind: "listed" }>;

function Listed({
  provider,
  stage,
  supportMode,
  prominentStep,
  onCompare,
  onConfirmed,
  onDecide,
  onExclude,
}: PeopleProps & { stage: Listed }) {
  const { t, i18n } = useTranslation();
  const { report, roster } = stage;
  const hrTotal = useMemo(() => report.people.filter((row) => row.hr).length, [report]);
  const rosterProblem = stage.rosterProblem
    ? renderProblem(stage.rosterProblem, i18n.language)
    : null;
  const decisionProblem = stage.decisionProblem
    ? renderProblem(stage.decisionProblem, i18n.language)
    : null;
  return (
    <div>
      {rosterProblem && (
        <ErrorSummary
          title={t("people.rosterErrorTitle")}
          items={[
            { text: rosterProblem.message, detail: rosterProblem.nextStep, href: "#compare" },
          ]}
        />
      )}
      {decisionProblem && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: decisionProblem.message, detail: decisionProblem.nextStep }]}
        />
      )}
      <StepCaption step="people" prominent={prominentStep} />
      <h1 className="heading-l">{t("people.heading")}</h1>
      <p className="lead">{t("people.lead", { provider: provider.name })}</p>
      <Panel className="people-total">
        <p className="heading-m people-total__count">
          {t("people.total", { count: hrTotal, provider: provider.name })}
        </p>
      </Panel>
      <Counts counts={report.counts} compared={roster !== null} provider={provider} />

      <section aria-labelledby="compare-heading" className="people-compare">
        <h2 className="heading-m" id="compare-heading">
          {t("people.compareHeading")}
        </h2>
        <p>{t("people.compareLead", { provider: provider.name })}</p>
        {roster && (
          <p className="people-compare__read">
            {t("people.rosterRead", { count: roster.people })}
            {roster.skipped_rows > 0 &&
              ` ${t("people.rosterSkipped", { count: roster.skipped_rows })}`}
          </p>
        )}
        <Button
          id="compare"
          variant="secondary"
          busy={stage.comparing}
          onClick={() => !stage.comparing && onCompare()}
        >
          {stage.comparing
            ? t("people.comparing")
            : roster
              ? t("people.compareAgain")
              : t("people.compareButton")}
        </Button>
      </section>

      {roster && <Review rows={report.people} provider={provider} onDecide={onDecide} />}

      <section aria-labelledby="people-table-heading" className="people-list">
        <h2 className="heading-m" id="people-table-heading">
          {t("people.tableHeading")}
        </h2>
        {supportMode && <Banner title={t("app.supportMode")}>{t("people.maskedNote")}</Banner>}
        <PeopleTable
          rows={report.people}
          compared={roster !== null}
          provider={provider}
          onExclude={onExclude}
        />
      </section>

      <ButtonGroup>
        <Button onClick={onConfirmed}>{t("people.confirm")}</Button>
      </ButtonGroup>
    </div>
  );
}

/** The counts up front: by status before a comparison, by category after one. */
function Counts({
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
function shown(row: ReportRow) {
  const person = row.hr ?? row.existing;
  return {
    name: person?.name ?? "",
    email: person?.email ?? null,
    status: (person?.status ?? "active") as PersonStatus,
  };
}

interface TableRow {
  key: string;
  row: ReportRow;
  name: string;
  email: string | null;
  status: PersonStatus;
  /** Lower-case name and email, for searching. */
  haystack: string;
}

/** Search, filters, sort and the virtualised rows: only the rows in view are in the page. */
export function PeopleTable({
  rows,
  compared,
  provider,
  onExclude,
}: {
  rows: ReportRow[];
  compared: boolean;
  provider: ProviderSummary;
  onExclude(entry: number, excluded: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<PersonStatus | "all">("all");
  const [category, setCategory] = useState<Category | "all">("all");
  const [descending, setDescending] = useState(false);
  const query = useDeferredValue(search.trim().toLowerCase());

  const prepared = useMemo<TableRow[]>(() => {
    const collator = new Intl.Collator(i18n.language, { sensitivity: "base" });
    return rows
      .map((row, index) => {
        const view = shown(row);
        return {
          key: `${row.id}-${index}`,
          row,
          ...view,
          haystack: `${view.name}\n${view.email ?? ""}`.toLowerCase(),
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [rows, i18n.language]);

  const visible = useMemo(() => {
    const activeCategory = compared ? category : "all";
    const filtered = prepared.filter(
      (item) =>
        (status === "all" || item.status === status) &&
        (activeCategory === "all" || item.row.category === activeCategory) &&
        (query === "" || item.haystack.includes(query)),
    );
    return descending ? filtered.reverse() : filtered;
  }, [prepared, status, category, compared, query, descending]);

  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  const columns = compared ? 5 : 4;
  return (
    <div className="people-table">
      <div className="people-table__controls">
        <div className="field people-table__search">
          <label className="field__label" htmlFor="people-search">
            {t("people.search")}
          </label>
          <input
            id="people-search"
            className="input"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="people-status">
            {t("people.filterStatus")}
          </label>
          <select
            id="people-status"
            className="input select"
            value={status}
            onChange={(event) => setStatus(event.target.value as PersonStatus | "all")}
          >
            <option value="all">{t("people.all")}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`people.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {compared && (
          <div className="field">
            <label className="field__label" htmlFor="people-category">
              {t("people.filterCategory")}
            </label>
            <select
              id="people-category"
              className="input select"
              value={category}
              onChange={(event) => setCategory(event.target.value as Category | "all")}
            >
              <option value="all">{t("people.all")}</option>
              {CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {t(`people.category.${value}`, { provider: provider.name })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p className="people-table__showing" aria-live="polite">
        {t("people.showing", { shown: visible.length, total: prepared.length })}
      </p>
      <section
        ref={scrollRef}
        className="people-table__scroll"
        aria-labelledby="people-table-caption"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        <table
          className="people-table__grid"
          aria-rowcount={visible.length + 1}
          data-columns={columns}
        >
          <caption id="people-table-caption" className="visually-hidden">
            {t("people.tableCaption")}
          </caption>
          <thead className="people-table__head">
            <tr aria-rowindex={1} className="people-table__row">
              <th
                scope="col"
                aria-sort={descending ? "descending" : "ascending"}
                className="people-table__cell"
              >
                <button
                  type="button"
                  className="people-table__sort"
                  onClick={() => setDescending((value) => !value)}
                >
                  {t("people.columnName")}{" "}
                  <span className="people-table__sort-hint">
                    ({descending ? t("people.sortDescending") : t("people.sortAscending")})
                  </span>
                </button>
              </th>
              <th scope="col" className="people-table__cell">
                {t("people.columnEmail")}
              </th>
              <th scope="col" className="people-table__cell">
                {t("people.columnStatus")}
              </th>
              {compared && (
                <th scope="col" className="people-table__cell">
                  {t("people.columnCategory")}
                </th>
              )}
              <th scope="col" className="people-table__cell">
                {t("people.columnInclude")}
              </th>
            </tr>
          </thead>
          <tbody className="people-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const person = visible[item.index];
              if (!person) return null;
              return (
                <tr
                  key={person.key}
                  aria-rowindex={item.index + 2}
                  className={cx(
                    "people-table__row",
                    person.row.excluded && "people-table__row--excluded",
                  )}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <td className="people-table__cell people-table__name" title={person.name}>
                    {person.name}
                  </td>
                  <td className="people-table__cell" title={person.email ?? undefined}>
                    {person.email ?? (
                      <span className="people-table__none">{t("people.noEmail")}</span>
                    )}
                  </td>
                  <td className="people-table__cell">{t(`people.status.${person.status}`)}</td>
                  {compared && (
                    <td className="people-table__cell">
                      <Tag tone={CATEGORY_TONE[person.row.category]}>
                        {t(`people.category.${person.row.category}`, { provider: provider.name })}
                      </Tag>
                    </td>
                  )}
                  <td className="people-table__cell people-table__include">
                    <input
                      type="checkbox"
                      className="people-table__checkbox"
                      checked={!person.row.excluded}
                      aria-label={t("people.includePerson", { name: person.name })}
                      onChange={(event) => onExclude(person.row.id, !event.target.checked)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {visible.length === 0 && <p className="people-table__empty">{t("people.noMatches")}</p>}
      </section>
    </div>
  );
}

/** Suggested pairs shown at most on the page; the rest are in the table (filter "Needs review"). */
const REVIEW_SHOWN = 20;

/** Suggested pairs, each with "Same person" / "Not the same person"; answered ones can change. */
function Review({
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
