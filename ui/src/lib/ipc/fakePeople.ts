/**
 * People for the fake backend: made-up HR people, a roster to compare them with, and a small
 * imitation of the core's report (categories, counts, masking, decisions). Matching here is by
 * work email, and an exact name is only suggested (the core also matches by id, name and date,
 * and suggests similar names); enough for the UI to show every count it gets.
 */

import type {
  Category,
  Decision,
  Field,
  MatchCounts,
  PeopleChanges,
  PeopleReport,
  PersonStatus,
  PersonView,
  ReportRow,
} from "./types";

const FIRST = [
  "Anna",
  "Jürgen",
  "Aroha",
  "Liam",
  "Sophie",
  "Mateo",
  "Chloé",
  "Tāne",
  "Grace",
  "Noah",
];
const LAST = [
  "Müller",
  "Smith",
  "Ngata",
  "Brown",
  "Schröder",
  "García",
  "Wilson",
  "O'Brien",
  "Kaur",
  "Lee",
];

const LOCATIONS = ["Berlin", "Auckland", "Hamburg", "Wellington", "München"];

/**
 * `count` made-up HR people, the same every time; every 10th inactive, every 25th left; spread
 * over a few locations, starting on different days.
 */
export function fakeHrPeople(count: number): PersonView[] {
  const people: PersonView[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length] ?? "Anna";
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? "Smith";
    const status: PersonStatus =
      i % 25 === 24 ? "terminated" : i % 10 === 9 ? "inactive" : "active";
    people.push({
      name: `${first} ${last} ${i + 1}`,
      first_name: first,
      last_name: `${last} ${i + 1}`,
      email: `person${i + 1}@example.com`,
      personnel_number: String(1000 + i),
      status,
      location: LOCATIONS[i % LOCATIONS.length],
      start_date: `20${String(10 + (i % 15)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      teams: [],
    });
  }
  return people;
}

/** Initials, like the core's `mask_name` ("Anna Müller" → "A. M."). */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part !== "" && !/^\d+$/.test(part))
    .map((part) => `${Array.from(part)[0] ?? ""}.`)
    .join(" ");
}

/** Like the core's `mask_email` ("anna@acme.example" → "a•••@acme.example"). */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at <= 0) return "•••";
  return `${Array.from(email)[0] ?? ""}•••${email.slice(at)}`;
}

function masked(person: PersonView): PersonView {
  return {
    name: maskName(person.name),
    email: person.email ? maskEmail(person.email) : undefined,
    status: person.status,
    teams: [],
  };
}

const COUNT_KEY: Record<Category, keyof MatchCounts> = {
  matched: "matched",
  matched_with_differences: "matched_with_differences",
  needs_review: "needs_review",
  only_in_hr: "only_in_hr",
  only_in_existing: "only_in_existing",
  inactive: "inactive",
  duplicates: "duplicates",
};

export function countRows(rows: ReportRow[]): MatchCounts {
  const counts: MatchCounts = {
    total: 0,
    matched: 0,
    matched_with_differences: 0,
    needs_review: 0,
    only_in_hr: 0,
    only_in_existing: 0,
    inactive: 0,
    duplicates: 0,
  };
  for (const row of rows) {
    if (row.excluded) {
      counts.excluded = (counts.excluded ?? 0) + 1;
      continue;
    }
    counts.total += 1;
    const key = COUNT_KEY[row.category];
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const isActive = (person: PersonView) => (person.status ?? "active") === "active";

/** The admin's answers to suggested pairs, by entry id. */
export type FakeDecisions = ReadonlyMap<number, "accept" | "reject">;

/**
 * The report the core would give: without a roster, active people are `only_in_hr` and the
 * others `inactive`; with one, pairs by work email (case-insensitive) are matched (with
 * differences when the names differ), a roster row without an email but with an HR person's
 * exact name is a suggested pair (`needs_review`) until `decisions` accept or reject it, and
 * unpaired roster rows are `only_in_existing`.
 */
export function fakeReport(
  hr: PersonView[],
  roster: PersonView[] | null,
  mask: boolean,
  decisions: FakeDecisions = new Map(),
): PeopleReport {
  const byEmail = new Map<string, number>();
  roster?.forEach((person, index) => {
    if (person.email) byEmail.set(person.email.trim().toLowerCase(), index);
  });
  const byName = new Map<string, number>();
  roster?.forEach((person, index) => {
    if (!person.email) byName.set(person.name, index);
  });
  const used = new Set<number>();
  const rows: ReportRow[] = [];
  let id = 0;
  const view = (person: PersonView | null) => (person && mask ? masked(person) : person);
  for (const person of hr) {
    const byMail = person.email ? byEmail.get(person.email.trim().toLowerCase()) : undefined;
    const suggested = byMail === undefined ? byName.get(person.name) : undefined;
    if (suggested !== undefined && !used.has(suggested)) {
      used.add(suggested);
      const existing = roster?.[suggested] ?? null;
      const answer = decisions.get(id);
      const decision: Decision | undefined =
        answer === "accept" ? "accepted" : answer === "reject" ? "rejected" : undefined;
      const common = { id, rule: "same_name" as const, similarity: 100, decision };
      if (answer === "reject") {
        const own = isActive(person) ? "only_in_hr" : "inactive";
        rows.push({ ...common, category: own, hr: view(person), existing: null, differences: [] });
        rows.push({
          ...common,
          category: "only_in_existing",
          hr: null,
          existing: view(existing),
          differences: [],
        });
      } else {
        const category: Category =
          answer === "accept" ? (isActive(person) ? "matched" : "inactive") : "needs_review";
        rows.push({
          ...common,
          category,
          hr: view(person),
          existing: view(existing),
          differences: [],
        });
      }
      id += 1;
      continue;
    }
    const index = byMail;
    const existing = index === undefined ? null : (roster?.[index] ?? null);
    if (index !== undefined) used.add(index);
    const differences = existing && existing.name !== person.name ? (["name"] as const) : [];
    const category: Category = !isActive(person)
      ? "inactive"
      : existing
        ? differences.length > 0
          ? "matched_with_differences"
          : "matched"
        : "only_in_hr";
    rows.push({
      id: id++,
      category,
      hr: view(person),
      existing: view(existing),
      differences: [...differences],
    });
  }
  roster?.forEach((person, index) => {
    if (used.has(index)) return;
    rows.push({
      id: id++,
      category: "only_in_existing",
      hr: null,
      existing: view(person),
      differences: [],
    });
  });
  return { counts: countRows(rows), people: rows };
}

/** A list kept at a confirmation: when, and who (full views, as the core keeps them). */
export interface FakeSnapshot {
  confirmed_at: number;
  people: PersonView[];
}

/**
 * What the core's `people_changes` would say: people followed by personnel number; joined,
 * left, terminated (active before, not now) and changed (name, email, location, start date).
 */
export function fakeChanges(
  snapshot: FakeSnapshot,
  now: PersonView[],
  brokenSince: number | null,
  mask: boolean,
): PeopleChanges {
  const view = (person: PersonView) => (mask ? masked(person) : person);
  const before = new Map(snapshot.people.map((person) => [person.personnel_number, person]));
  const joined: PersonView[] = [];
  const terminated: PersonView[] = [];
  const changed: PeopleChanges["changed"] = [];
  for (const person of now) {
    const previous = before.get(person.personnel_number);
    if (!previous) {
      joined.push(view(person));
      continue;
    }
    before.delete(person.personnel_number);
    if (isActive(previous) && !isActive(person)) terminated.push(view(person));
    const fields: Field[] = [];
    if (previous.name !== person.name) fields.push("name");
    if ((previous.email ?? null) !== (person.email ?? null)) fields.push("email");
    if ((previous.start_date ?? null) !== (person.start_date ?? null)) fields.push("start_date");
    if ((previous.location ?? null) !== (person.location ?? null)) fields.push("location");
    if (fields.length > 0) changed.push({ person: view(person), fields });
  }
  return {
    confirmed_at: snapshot.confirmed_at,
    broken_since: brokenSince,
    joined,
    left: [...before.values()].map(view),
    terminated,
    changed,
  };
}

/**
 * A list as if confirmed 10 days before `now` (seconds), from which `fakeHrPeople(count)` differs:
 * the last two people joined since, one person left, the 10th (inactive now) was active then,
 * and three people moved to another location.
 */
export function fakeEarlierSnapshot(count: number, now: number): FakeSnapshot {
  const people = fakeHrPeople(count)
    .slice(0, Math.max(0, count - 2))
    .map((person, index) => {
      if (index === 9) return { ...person, status: "active" as const };
      if (index === 3 || index === 13 || index === 23) return { ...person, location: "Köln" };
      return person;
    });
  people.push({
    name: "Kate Sheppard",
    first_name: "Kate",
    last_name: "Sheppard",
    email: "kate.sheppard@example.com",
    personnel_number: "999",
    status: "active",
    location: "Wellington",
    teams: [],
  });
  return { confirmed_at: now - 10 * 24 * 3600, people };
}
