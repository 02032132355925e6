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
import { dateLocale, renderProblem } from "../../../lib/i18n";
import type {
  Category,
  Field,
  ListingProgress,
  MatchCounts,
  PairDecision,
  PersonStatus,
  PersonView,
  Problem,
  ProviderSummary,
  ReportRow,
  Result,
} from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import type { ChangesView, PeopleStage, WizardProblem } from "../machine";
import { StepCaption } from "../StepCaption";

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
  /** "Export this list": Rust asks where to save the CSV; `false` when the admin cancels. */
  onExport(): Promise<Result<boolean, Problem>>;
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
  onExport,
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
        <p className="people-total__note">{t("people.totalNote", { provider: provider.name })}</p>
      </Panel>
      <Changes view={stage.changes} provider={provider} />
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
          // Switching screen-share mode starts the table afresh: a name typed into its search
          // stays no more on screen than the names it found (nor would it match masked rows).
          key={supportMode ? "masked" : "full"}
          rows={report.people}
          compared={roster !== null}
          provider={provider}
          onExclude={onExclude}
        />
      </section>

      <Export supportMode={supportMode} onExport={onExport} />

      <ButtonGroup>
        <Button onClick={onConfirmed}>{t("people.confirm")}</Button>
      </ButtonGroup>
    </div>
  );
}

/** People shown per list of changes; the rest are counted. */
const CHANGES_SHOWN = 50;

/** Re-authorising: who joined, left, stopped working or changed since the last confirmation. */
function Changes({ view, provider }: { view: ChangesView; provider: ProviderSummary }) {
  const { t, i18n } = useTranslation();
  if (view.kind === "none") return null;
  if (view.kind === "loading") {
    return (
      <p className="people-changes__loading" role="status">
        {t("people.changes.loading")}
      </p>
    );
  }
  if (view.kind === "unreadable") {
    const rendered = renderProblem(view.problem, i18n.language);
    return (
      <Banner title={t("people.changes.unreadableTitle")} tone="warning">
        {rendered.message} {rendered.nextStep}
      </Banner>
    );
  }
  const { changes } = view;
  const day = (seconds: number) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { day: "numeric", month: "long" }).format(
      new Date(seconds * 1000),
    );
  const since = day(changes.confirmed_at);
  const parts = (["joined", "left", "terminated", "changed"] as const)
    .filter((list) => changes[list].length > 0)
    .map((list) => t(`people.changes.${list}`, { count: changes[list].length }));
  const lists: { key: "joined" | "left" | "terminated"; people: PersonView[] }[] = [
    { key: "joined", people: changes.joined },
    { key: "left", people: changes.left },
    { key: "terminated", people: changes.terminated },
  ];
  return (
    <section aria-labelledby="changes-heading" className="people-changes">
      <h2 className="heading-m" id="changes-heading">
        {t("people.changes.heading")}
      </h2>
      <p className="people-changes__summary">
        {parts.length === 0
          ? t("people.changes.nothing", { date: since })
          : t("people.changes.summary", { date: since, parts: parts.join(", ") })}
        {changes.broken_since !== null &&
          ` ${t("people.changes.brokenSince", { date: day(changes.broken_since) })}`}
      </p>
      {lists.map(
        ({ key, people }) =>
          people.length > 0 && (
            <div key={key} className="people-changes__group" data-changes={key}>
              <h3 className="heading-s">
                {t(`people.changes.${key}Heading`, { provider: provider.name })}
              </h3>
              <ChangeList items={people.map((person) => ({ person }))} />
            </div>
          ),
      )}
      {changes.changed.length > 0 && (
        <div className="people-changes__group" data-changes="changed">
          <h3 className="heading-s">{t("people.changes.changedHeading")}</h3>
          <ChangeList items={changes.changed} />
        </div>
      )}
    </section>
  );
}

function ChangeList({ items }: { items: { person: PersonView; fields?: Field[] }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="people-changes__list">
        {items.slice(0, CHANGES_SHOWN).map(({ person, fields }, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once shown; names repeat
          <li key={index}>
            {person.name}
            {fields && fields.length > 0 && (
              <span className="people-changes__fields">
                {" "}
                ({fields.map((field) => t(`people.field.${field}`)).join(", ")})
              </span>
            )}
          </li>
        ))}
      </ul>
      {items.length > CHANGES_SHOWN && (
        <p>{t("people.changes.more", { count: items.length - CHANGES_SHOWN })}</p>
      )}
    </>
  );
}

type ExportState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "saved" }
  | { kind: "failed"; problem: WizardProblem };

/** "Export this list (CSV)": Rust asks where to save it. Refused in screen-share mode. */
function Export({
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
    location: person?.location ?? null,
    start: person?.start_date ?? null,
  };
}

interface TableRow {
  key: string;
  row: ReportRow;
  name: string;
  email: string | null;
  status: PersonStatus;
  location: string | null;
  /** Start date, `YYYY-MM-DD`. */
  start: string | null;
  /** Lower-case name and email, for searching. */
  haystack: string;
  /** Position of the name in the language's alphabetical order (equal names share it). */
  nameRank: number;
  /** Position of the location in alphabetical order; `null` without one. */
  locationRank: number | null;
}

/** The columns the table can be sorted by. */
export type SortKey = "name" | "status" | "location" | "start_date" | "category";

interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * Orders rows by `sort`; people without the value come last either way, and equal values by
 * name. Names and locations compare by their precomputed alphabetical rank (a collator per
 * comparison made re-sorting 50,000 rows take a quarter of a second).
 */
function comparator(sort: Sort) {
  const value = (a: TableRow, b: TableRow): number => {
    switch (sort.key) {
      case "name":
        return a.nameRank - b.nameRank;
      case "status":
        return STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status);
      case "location":
        return (a.locationRank ?? 0) - (b.locationRank ?? 0);
      case "start_date":
        return a.start === b.start ? 0 : (a.start ?? "") < (b.start ?? "") ? -1 : 1;
      case "category":
        return CATEGORIES.indexOf(a.row.category) - CATEGORIES.indexOf(b.row.category);
    }
  };
  const missing = (row: TableRow) =>
    (sort.key === "location" && row.location === null) ||
    (sort.key === "start_date" && row.start === null);
  return (a: TableRow, b: TableRow) => {
    const [aMissing, bMissing] = [missing(a), missing(b)];
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    const order = value(a, b);
    if (order !== 0) return sort.descending ? -order : order;
    return a.nameRank - b.nameRank;
  };
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
  const [location, setLocation] = useState<string>("all");
  const [sort, setSort] = useState<Sort>({ key: "name", descending: false });
  const query = useDeferredValue(search.trim().toLowerCase());
  const collator = useMemo(
    () => new Intl.Collator(i18n.language, { sensitivity: "base" }),
    [i18n.language],
  );
  const dateFormat = useMemo(
    () =>
      // Numeric, so the column stays narrow: 16/04/2010, 16.04.2010.
      new Intl.DateTimeFormat(dateLocale(i18n.language), {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        timeZone: "UTC",
      }),
    [i18n.language],
  );

  /** The rows, and every location someone works at (none in screen-share mode). */
  const { prepared, locations } = useMemo(() => {
    const views = rows.map(shown);
    const byName = views.map((_, index) => index);
    byName.sort((a, b) => collator.compare(views[a]?.name ?? "", views[b]?.name ?? ""));
    const nameRanks = new Array<number>(views.length);
    byName.forEach((index, position) => {
      const previous = byName[position - 1];
      const same =
        previous !== undefined &&
        collator.compare(views[previous]?.name ?? "", views[index]?.name ?? "") === 0;
      nameRanks[index] = same ? (nameRanks[previous] ?? position) : position;
    });
    const locations = [
      ...new Set(views.flatMap((view) => (view.location ? [view.location] : []))),
    ].sort(collator.compare);
    const locationRanks = new Map(locations.map((location, index) => [location, index]));
    const prepared: TableRow[] = rows.map((row, index) => {
      const view = views[index] ?? shown(row);
      return {
        key: `${row.id}-${index}`,
        row,
        ...view,
        haystack: `${view.name}\n${view.email ?? ""}`.toLowerCase(),
        nameRank: nameRanks[index] ?? index,
        locationRank: view.location === null ? null : (locationRanks.get(view.location) ?? null),
      };
    });
    return { prepared, locations };
  }, [rows, collator]);

  // Sorted once per order; searching and filtering keep that order without sorting again.
  const sorted = useMemo(() => [...prepared].sort(comparator(sort)), [prepared, sort]);
  const visible = useMemo(() => {
    const activeCategory = compared ? category : "all";
    return sorted.filter(
      (item) =>
        (status === "all" || item.status === status) &&
        (activeCategory === "all" || item.row.category === activeCategory) &&
        (location === "all" || item.location === location) &&
        (query === "" || item.haystack.includes(query)),
    );
  }, [sorted, status, category, location, compared, query]);

  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  const columnLabel: Record<SortKey, string> = {
    name: t("people.columnName"),
    status: t("people.columnStatus"),
    location: t("people.columnLocation"),
    start_date: t("people.columnStart"),
    category: t("people.columnCategory"),
  };
  /** A column header that sorts by `key`: a second press reverses the order. */
  const sortHeader = (key: SortKey) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
        className="people-table__cell"
      >
        <button
          type="button"
          className="people-table__sort"
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
        >
          {columnLabel[key]}
          <span className="people-table__sort-hint" aria-hidden="true">
            {active ? (sort.descending ? " ▼" : " ▲") : ""}
          </span>
        </button>
      </th>
    );
  };

  const columns = compared ? 7 : 6;
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
        <FilterSelect
          id="people-status"
          label={t("people.filterStatus")}
          value={status}
          options={STATUSES.map((value) => ({ value, label: t(`people.status.${value}`) }))}
          onChange={(value) => setStatus(value as PersonStatus | "all")}
        />
        {locations.length > 0 && (
          <FilterSelect
            id="people-location"
            label={t("people.filterLocation")}
            value={location}
            options={locations.map((value) => ({ value, label: value }))}
            onChange={setLocation}
          />
        )}
        {compared && (
          <FilterSelect
            id="people-category"
            label={t("people.filterCategory")}
            value={category}
            options={CATEGORIES.map((value) => ({
              value,
              label: t(`people.category.${value}`, { provider: provider.name }),
            }))}
            onChange={(value) => setCategory(value as Category | "all")}
          />
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
            {t("people.tableCaption", { column: t(`people.sortedBy.${sort.key}`) })}
          </caption>
          <thead className="people-table__head">
            <tr aria-rowindex={1} className="people-table__row">
              {sortHeader("name")}
              <th scope="col" className="people-table__cell">
                {t("people.columnEmail")}
              </th>
              {sortHeader("status")}
              {sortHeader("location")}
              {sortHeader("start_date")}
              {compared && sortHeader("category")}
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
                  <td className="people-table__cell" title={person.location ?? undefined}>
                    {person.location ?? ""}
                  </td>
                  <td className="people-table__cell">
                    {person.start ? dateFormat.format(new Date(`${person.start}T00:00:00Z`)) : ""}
                  </td>
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

/** A labelled filter: "All", then `options`. */
function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="all">{t("people.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
