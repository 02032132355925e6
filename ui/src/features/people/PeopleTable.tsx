/** The People table: search, filters, sorting and virtualised rows, with an Include box per person. */

import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { cx, Tag } from "../../components/ui";
import { dateLocale } from "../../lib/i18n";
import type { Category, PersonStatus, ProviderSummary, ReportRow } from "../../lib/ipc/types";
import { CATEGORIES, CATEGORY_TONE, ROW_HEIGHT, STATUSES } from "./categories";

export function shown(row: ReportRow) {
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
type SortKey = "name" | "status" | "location" | "start_date" | "category";

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
  const typed = search.trim().toLowerCase();
  const query = useDeferredValue(typed);
  // Busy while the rows for the latest search are still being worked out in the background: the
  // table's ready marker (end-to-end tests wait for aria-busy="false", not for a fixed time).
  const busy = query !== typed;
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
          aria-busy={busy}
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
