import { describe, expect, it } from "vitest";
import { successReport } from "../../../lib/ipc/fakeBackend";
import { fakeHrPeople, fakeReport } from "../../../lib/ipc/fakePeople";
import type {
  PeopleChanges,
  PeopleComparison,
  PeopleOverview,
  RosterSummary,
} from "../../../lib/ipc/types";
import { expectStep, failedReport, run, toVerifying } from "../../../test/machine";
import { stepNumber, type WizardAction, wizardReducer } from ".";

describe("people", () => {
  const okResult: WizardAction[] = [
    ...toVerifying,
    { type: "verifyFinished", run: 1, report: successReport() },
  ];
  const hr = fakeHrPeople(30);
  const overview: PeopleOverview = { pages: 2, report: fakeReport(hr, null, false) };
  const progress = { pages_done: 1, pages_total: 2, people: 20, eta_seconds: 3 };

  it("starts from a successful result as step 7, listing number 1", () => {
    const state = expectStep(run([...okResult, { type: "peopleStarted" }]), "people");
    expect(state.listing).toBe(1);
    expect(state.people).toEqual({ kind: "listing", progress: null });
    expect(stepNumber(state)).toBe(7);
  });

  it("does not start from a failed result", () => {
    const failed = run([...toVerifying, { type: "verifyFinished", run: 1, report: failedReport }]);
    expect(wizardReducer(failed, { type: "peopleStarted" })).toBe(failed);
  });

  it("shows progress and the listing, ignoring answers of other listings", () => {
    const listing = run([...okResult, { type: "peopleStarted" }]);
    expect(wizardReducer(listing, { type: "peopleProgress", listing: 2, progress })).toBe(listing);
    const moving = expectStep(
      wizardReducer(listing, { type: "peopleProgress", listing: 1, progress }),
      "people",
    );
    expect(moving.people).toEqual({ kind: "listing", progress });
    const listed = expectStep(
      wizardReducer(moving, { type: "peopleListed", listing: 1, overview }),
      "people",
    );
    expect(listed.people).toMatchObject({ kind: "listed", pages: 2, roster: null });
    // A late progress event after the answer changes nothing.
    expect(wizardReducer(listed, { type: "peopleProgress", listing: 1, progress })).toBe(listed);
  });

  it("ignores a cancelled listing's answer after going back and starting again", () => {
    const first = run([...okResult, { type: "peopleStarted" }]);
    const failed = wizardReducer(first, {
      type: "peopleFailed",
      listing: 1,
      problem: { code: "people_listing_cancelled" },
    });
    const back = expectStep(wizardReducer(failed, { type: "back" }), "result");
    expect(back.listings).toBe(1);
    const second = expectStep(wizardReducer(back, { type: "peopleStarted" }), "people");
    expect(second.listing).toBe(2);
    expect(wizardReducer(second, { type: "peopleListed", listing: 1, overview })).toBe(second);
  });

  it("tries again after a failure with a new listing number", () => {
    const failed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleFailed", listing: 1, problem: { code: "unexpected_error" } },
    ]);
    const again = expectStep(wizardReducer(failed, { type: "peopleStarted" }), "people");
    expect(again.listing).toBe(2);
    expect(again.people.kind).toBe("listing");
  });

  it("loads a roster, and keeps the listing when the dialog is cancelled or the file is wrong", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const comparing = expectStep(wizardReducer(listed, { type: "rosterStarted" }), "people");
    expect(comparing.people).toMatchObject({ comparing: true });
    expect(wizardReducer(comparing, { type: "rosterStarted" })).toBe(comparing);
    expect(
      expectStep(wizardReducer(comparing, { type: "rosterCancelled" }), "people").people,
    ).toEqual({ ...(listed as { people: object }).people, comparing: false });

    const wrong = expectStep(
      wizardReducer(comparing, { type: "rosterFailed", problem: { code: "roster_empty" } }),
      "people",
    );
    expect(wrong.people).toMatchObject({
      comparing: false,
      rosterProblem: { code: "roster_empty" },
    });

    const roster = fakeHrPeople(5);
    const comparison: PeopleComparison = {
      roster: { ...rosterSummary, people: 5 },
      report: fakeReport(hr, roster, false),
    };
    const compared = expectStep(
      wizardReducer(wrong, { type: "rosterLoaded", comparison }),
      "people",
    );
    expect(compared.people).toMatchObject({
      kind: "listed",
      roster: { people: 5 },
      rosterProblem: null,
      comparing: false,
    });
    expect(compared.people.kind === "listed" && compared.people.report.counts.matched).toBe(5);
  });

  it("keeps a failed answer's problem until the next report", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const failed = expectStep(
      wizardReducer(listed, { type: "decisionFailed", problem: { code: "unexpected_error" } }),
      "people",
    );
    expect(failed.people).toMatchObject({ decisionProblem: { code: "unexpected_error" } });
    const report = fakeReport(hr.slice(0, 3), null, false);
    const updated = expectStep(
      wizardReducer(failed, { type: "peopleReportUpdated", report }),
      "people",
    );
    expect(updated.people).toMatchObject({ kind: "listed", report });
    expect(updated.people).not.toHaveProperty("decisionProblem");
  });

  it("asks for shown changes again when screen-share mode switches, and drops people it cannot ask for", () => {
    const listed = expectStep(
      run([...okResult, { type: "peopleStarted" }, { type: "peopleListed", listing: 1, overview }]),
      "people",
    );
    // No changes on show (not re-authorising): nothing to ask again.
    expect(wizardReducer(listed, { type: "screenShareSwitched" })).toBe(listed);
    if (listed.people.kind !== "listed") throw new Error("not listed");
    const changes: PeopleChanges = {
      confirmed_at: 0,
      broken_since: null,
      joined: [],
      left: [],
      terminated: [],
      changed: [],
    };
    const shown = {
      ...listed,
      people: { ...listed.people, changes: { kind: "shown" as const, changes } },
    };
    const switched = expectStep(wizardReducer(shown, { type: "screenShareSwitched" }), "people");
    expect(switched.people).toMatchObject({ kind: "listed", changes: { kind: "loading" } });
    expect(wizardReducer(switched, { type: "screenShareSwitched" })).toBe(switched);

    const gone = expectStep(
      wizardReducer(listed, {
        type: "peopleReportFailed",
        problem: { code: "credentials_expired" },
      }),
      "people",
    );
    expect(gone.people).toEqual({ kind: "failed", problem: { code: "credentials_expired" } });
  });

  it("marks a left-out person and takes the core's counts", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const counts = { ...overview.report.counts, total: 29, only_in_hr: 26, excluded: 1 };
    const out = expectStep(
      wizardReducer(listed, { type: "personExcluded", entry: 0, excluded: true, counts }),
      "people",
    );
    if (out.people.kind !== "listed") throw new Error("not listed");
    expect(out.people.report.counts).toEqual(counts);
    expect(out.people.report.people[0]?.excluded).toBe(true);
    expect(out.people.report.people[1]?.excluded).toBeUndefined();
    const back = expectStep(
      wizardReducer(out, {
        type: "personExcluded",
        entry: 0,
        excluded: false,
        counts: overview.report.counts,
      }),
      "people",
    );
    expect(back.people.kind === "listed" && back.people.report.people[0]).not.toHaveProperty(
      "excluded",
    );
  });

  it("confirms the people and returns to the result with the confirmed counts", () => {
    const listed = run([
      ...okResult,
      { type: "peopleStarted" },
      { type: "peopleListed", listing: 1, overview },
    ]);
    const done = expectStep(wizardReducer(listed, { type: "peopleConfirmed" }), "result");
    expect(done.confirmed).toEqual({ counts: overview.report.counts, rosterPeople: null });
    expect(done.outcome.kind).toBe("ok");
    // Not before the people are listed.
    const listing = run([...okResult, { type: "peopleStarted" }]);
    expect(wizardReducer(listing, { type: "peopleConfirmed" })).toBe(listing);
  });
});

const rosterSummary: RosterSummary = {
  format: "csv",
  encoding: "UTF-8",
  delimiter: ";",
  sheet: null,
  header_row: 1,
  people: 0,
  skipped_rows: 0,
  columns: [],
  unreadable_cells: [],
  unreadable_cell_count: 0,
};
