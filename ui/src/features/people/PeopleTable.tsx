/**
 * The People table: search, filters, sorting and virtualised rows, with an Include box per
 * person. The rows are one ARIA grid, one Tab stop: arrow keys, Home/End and PageUp/PageDown move
 * the active cell (kept in view), Space includes or leaves out its person, Enter or Space on a
 * header sorts. Focus stays on the grid (`aria-activedescendant`), so it survives the
 * virtualiser taking rows out of the page.
 */

import { useVirtualizer } from "@tanstack/react-virtual";
import type { FocusEvent, KeyboardEvent, ReactNode } from "react";
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { cx, Tag } from "../../components/ui";
import { dateLocale } from "../../lib/i18n";
import type { Category, PersonStatus, ProviderSummary, ReportRow } from "../../lib/ipc/types";
import { CATEGORIES, CATEGORY_TONE, ROW_HEIGHT, STATUSES } from "./categories";
import { FilterSelect } from "./FilterSelect";
import { type Cell, clamp, moveFor } from "./gridKeys";
import { comparator, prepareRows, type Sort, type SortKey, type TableRow } from "./tableRows";

type Column = SortKey | "email" | "include";

const cellId = (row: number, column: number) => `people-cell-${row}-${column}`;

/** A sort button or Include box (clicked into focus), which handles its own keys. */
const isControl = (target: EventTarget) =>
  target instanceof HTMLButtonElement || target instanceof HTMLInputElement;

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
  const [activeCell, setActiveCell] = useState<Cell>({ row: 0, column: 0 });
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

  const { prepared, locations } = useMemo(() => prepareRows(rows, collator), [rows, collator]);
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

  const columns: Column[] = [
    "name",
    "email",
    "status",
    "location",
    "start_date",
    ...(compared ? (["category"] as const) : []),
    "include",
  ];
  const scrollRef = useRef<HTMLElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  // The sticky header covers the top of the scrolling region: rows are kept in view below it.
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), []);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  const size = {
    rows: visible.length,
    columns: columns.length,
    page: Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 0) - headHeight) / ROW_HEIGHT),
    ),
  };
  const active = clamp(activeCell, size);
  const activeInPage = active.row === -1 || items.some((item) => item.index === active.row);

  const toggleSort = (key: SortKey) =>
    setSort({ key, descending: sort.key === key ? !sort.descending : false });
  /** A cell clicked becomes the active one, and focus goes back to the grid. */
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const target = event.target;
    if (target === event.currentTarget || isControl(target)) return;
    const cell = target.closest<HTMLElement>("[data-row]");
    if (cell) setActiveCell({ row: Number(cell.dataset.row), column: Number(cell.dataset.column) });
    event.currentTarget.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.key === " " || event.key === "Enter") {
      // A header button or box clicked into focus does its own Space and Enter.
      if (isControl(event.target)) return;
      event.preventDefault();
      const column = columns[active.column];
      const person = visible[active.row];
      if (active.row === -1 && column && column !== "email" && column !== "include") {
        toggleSort(column);
      } else if (person && event.key === " ") {
        onExclude(person.row.id, !person.row.excluded);
      }
      return;
    }
    const next = moveFor(event.key, event.ctrlKey || event.metaKey, active, size);
    if (!next) return;
    event.preventDefault();
    setActiveCell(next);
    if (next.row >= 0) virtualizer.scrollToIndex(next.row, { align: "auto" });
  };

  const columnLabel: Record<Column, string> = {
    name: t("people.columnName"),
    email: t("people.columnEmail"),
    status: t("people.columnStatus"),
    location: t("people.columnLocation"),
    start_date: t("people.columnStart"),
    category: t("people.columnCategory"),
    include: t("people.columnInclude"),
  };
  const cellClass = (row: number, index: number, extra?: string | false) =>
    cx(
      "people-table__cell",
      active.row === row && active.column === index && "people-table__cell--active",
      extra,
    );
  /** A column header; all but email and include sort by their column (again: reversed). */
  const header = (column: Column, index: number) => {
    const sorting = sort.key === column;
    const label =
      column === "email" || column === "include" ? (
        columnLabel[column]
      ) : (
        <button
          type="button"
          tabIndex={-1}
          className="people-table__sort"
          onClick={() => toggleSort(column)}
        >
          {columnLabel[column]}
          <span className="people-table__sort-hint" aria-hidden="true">
            {sorting ? (sort.descending ? " ▼" : " ▲") : ""}
          </span>
        </button>
      );
    return (
      <th
        key={column}
        id={cellId(-1, index)}
        scope="col"
        tabIndex={-1}
        data-row={-1}
        data-column={index}
        aria-sort={sorting ? (sort.descending ? "descending" : "ascending") : undefined}
        className={cellClass(-1, index)}
      >
        {label}
      </th>
    );
  };
  const content = (person: TableRow, column: Column): ReactNode => {
    switch (column) {
      case "name":
        return person.name;
      case "email":
        return person.email ?? <span className="people-table__none">{t("people.noEmail")}</span>;
      case "status":
        return t(`people.status.${person.status}`);
      case "location":
        return person.location ?? "";
      case "start_date":
        return person.start ? dateFormat.format(new Date(`${person.start}T00:00:00Z`)) : "";
      case "category":
        return (
          <Tag tone={CATEGORY_TONE[person.row.category]}>
            {t(`people.category.${person.row.category}`, { provider: provider.name })}
          </Tag>
        );
      case "include":
        return (
          <input
            type="checkbox"
            tabIndex={-1}
            className="people-table__checkbox"
            checked={!person.row.excluded}
            aria-label={t("people.includePerson", { name: person.name })}
            onChange={(event) => onExclude(person.row.id, !event.target.checked)}
          />
        );
    }
  };
  const title = (person: TableRow, column: Column) =>
    column === "name"
      ? person.name
      : column === "email" || column === "location"
        ? (person[column] ?? undefined)
        : undefined;

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
      <p className="people-table__keys" id="people-table-keys">
        {t("people.tableKeys")}
      </p>
      <p id="people-table-caption" className="visually-hidden">
        {t("people.tableCaption", { column: t(`people.sortedBy.${sort.key}`) })}
      </p>
      <section
        ref={scrollRef}
        className="people-table__scroll"
        aria-labelledby="people-table-caption"
      >
        <table
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a table (its cells are gridcells)
          role="grid"
          tabIndex={0}
          className="people-table__grid"
          aria-labelledby="people-table-caption"
          aria-busy={busy}
          aria-rowcount={visible.length + 1}
          aria-colcount={columns.length}
          aria-describedby="people-table-keys"
          aria-activedescendant={activeInPage ? cellId(active.row, active.column) : undefined}
          data-columns={columns.length}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <thead ref={headRef} className="people-table__head">
            <tr aria-rowindex={1} className="people-table__row">
              {columns.map(header)}
            </tr>
          </thead>
          <tbody className="people-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
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
                  style={{
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start - headHeight}px)`,
                  }}
                >
                  {columns.map((column, index) => (
                    <td
                      key={column}
                      id={cellId(item.index, index)}
                      tabIndex={-1}
                      data-row={item.index}
                      data-column={index}
                      className={cellClass(
                        item.index,
                        index,
                        column === "name"
                          ? "people-table__name"
                          : column === "include" && "people-table__include",
                      )}
                      title={title(person, column)}
                    >
                      {content(person, column)}
                    </td>
                  ))}
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
