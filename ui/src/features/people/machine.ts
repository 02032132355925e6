/**
 * The People step's own states and transitions (pure, no React or IPC): reading the people,
 * showing them, comparing them with the admin's roster, decisions on suggested pairs, people left
 * out, and (re-authorising) what changed since the last confirmation. The wizard numbers the
 * listings and decides when the step starts and ends (`setup-wizard/machine/people.ts`).
 */

import type {
  ListingProgress,
  MatchCounts,
  PeopleChanges,
  PeopleComparison,
  PeopleOverview,
  PeopleReport,
  RosterSummary,
  WizardProblem,
} from "../../lib/ipc/types";

/**
 * Re-authorising: what changed among the people since they were last confirmed. `none` when not
 * re-authorising or no list was kept; `unreadable` when the kept list no longer opens.
 */
export type ChangesView =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "shown"; changes: PeopleChanges }
  | { kind: "unreadable"; problem: WizardProblem };

/** The people, listed. */
export interface ListedPeople {
  kind: "listed";
  pages: number;
  report: PeopleReport;
  /** How the admin's roster was read, once one is loaded. */
  roster: RosterSummary | null;
  /** The roster dialog is open or the file is being read. */
  comparing: boolean;
  /** Why the roster could not be used. */
  rosterProblem: WizardProblem | null;
  /** Why an answer to a suggested pair, or the confirmation, could not be recorded. */
  decisionProblem?: WizardProblem;
  /** Re-authorising: what changed since the last confirmation. */
  changes: ChangesView;
}

/** Where the People step is: reading the people, stopped by a problem, or showing them. */
export type PeopleStage =
  | { kind: "listing"; progress: ListingProgress | null }
  | { kind: "failed"; problem: WizardProblem }
  | ListedPeople;

export type PeopleAction =
  /** "Check the people" on a successful result, or "Read the people again". */
  | { type: "peopleStarted" }
  | { type: "peopleProgress"; listing: number; progress: ListingProgress }
  | { type: "peopleListed"; listing: number; overview: PeopleOverview }
  | { type: "peopleFailed"; listing: number; problem: WizardProblem }
  /** Re-authorising: the core compared the listed people with the kept list (`null`: none). */
  | { type: "peopleChangesLoaded"; listing: number; changes: PeopleChanges | null }
  | { type: "peopleChangesFailed"; listing: number; problem: WizardProblem }
  /** "Compare with your records": the dialog is open. */
  | { type: "rosterStarted" }
  /** The admin closed the dialog without choosing a file. */
  | { type: "rosterCancelled" }
  | { type: "rosterLoaded"; comparison: PeopleComparison }
  | { type: "rosterFailed"; problem: WizardProblem }
  /** Decisions changed the people (new report from the core). */
  | { type: "peopleReportUpdated"; report: PeopleReport }
  /**
   * Screen-share mode switched: the changes on show were masked (or not) for the old mode and are
   * asked for again (the report is, by the wizard).
   */
  | { type: "screenShareSwitched" }
  /** The people could not be asked for again (e.g. the credentials expired): they go. */
  | { type: "peopleReportFailed"; problem: WizardProblem }
  | { type: "decisionFailed"; problem: WizardProblem }
  /** A person left out (or taken back in): the core's new counts. */
  | { type: "personExcluded"; entry: number; excluded: boolean; counts: MatchCounts }
  /** "Yes, these are our people". The save step hooks in here. */
  | { type: "peopleConfirmed" };

/** The actions that change listed people, whatever listing they came from. */
export type ListedAction = Extract<
  PeopleAction,
  {
    type:
      | "peopleChangesLoaded"
      | "peopleChangesFailed"
      | "rosterStarted"
      | "rosterCancelled"
      | "rosterLoaded"
      | "rosterFailed"
      | "peopleReportUpdated"
      | "screenShareSwitched"
      | "peopleReportFailed"
      | "decisionFailed"
      | "personExcluded";
  }
>;

/** The people just listed; re-authorising, the changes since the last confirmation follow. */
export function listedPeople(overview: PeopleOverview, reauthorising: boolean): ListedPeople {
  return {
    kind: "listed",
    pages: overview.pages,
    report: overview.report,
    roster: null,
    comparing: false,
    rosterProblem: null,
    changes: reauthorising ? { kind: "loading" } : { kind: "none" },
  };
}

/** One change to listed people; an action that makes no sense now returns `people` itself. */
export function listedReducer(people: ListedPeople, action: ListedAction): PeopleStage {
  switch (action.type) {
    case "peopleChangesLoaded":
    case "peopleChangesFailed": {
      if (people.changes.kind !== "loading") return people;
      const changes: ChangesView =
        action.type === "peopleChangesFailed"
          ? { kind: "unreadable", problem: action.problem }
          : action.changes
            ? { kind: "shown", changes: action.changes }
            : { kind: "none" };
      return { ...people, changes };
    }
    case "rosterStarted":
      return people.comparing ? people : { ...people, comparing: true };
    case "rosterCancelled":
      return { ...people, comparing: false };
    case "rosterLoaded": {
      const { roster, report } = action.comparison;
      return { ...people, report, roster, comparing: false, rosterProblem: null };
    }
    case "rosterFailed":
      return { ...people, comparing: false, rosterProblem: action.problem };
    case "peopleReportUpdated": {
      const { decisionProblem: _, ...rest } = people;
      return { ...rest, report: action.report };
    }
    case "screenShareSwitched":
      if (people.changes.kind !== "shown") return people;
      return { ...people, changes: { kind: "loading" } };
    case "peopleReportFailed":
      return { kind: "failed", problem: action.problem };
    case "personExcluded": {
      const { entry, excluded, counts } = action;
      const rows = people.report.people.map((row) => {
        if (row.id !== entry) return row;
        const { excluded: _, ...rest } = row;
        return excluded ? { ...rest, excluded: true } : rest;
      });
      return { ...people, report: { counts, people: rows } };
    }
    case "decisionFailed":
      return { ...people, decisionProblem: action.problem };
  }
}
