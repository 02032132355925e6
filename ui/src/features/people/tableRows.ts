/** The People table's rows: what each shows, their alphabetical ranks, and how they sort. */

import type { PersonStatus, ReportRow } from "../../lib/ipc/types";
import { CATEGORIES, STATUSES } from "./categories";

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

export interface TableRow {
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

export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * Orders rows by `sort`; people without the value come last either way, and equal values by
 * name. Names and locations compare by their precomputed alphabetical rank (a collator per
 * comparison made re-sorting 50,000 rows take a quarter of a second).
 */
export function comparator(sort: Sort) {
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

/** The rows, with their ranks by `collator`, and every location someone works at. */
export function prepareRows(rows: ReportRow[], collator: Intl.Collator) {
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
}
