/**
 * The fake's people step: listing the HR system's people page by page, comparing them with a
 * roster, the admin's decisions and exclusions, confirming, the changes since the last
 * confirmation, and the export.
 */

import { countRows, fakeChanges, fakeReport } from "../fakePeople";
import type { PeopleOverview, Problem, Result, RosterSummary } from "../types";
import { err, ok } from "./result";
import { type FakeState, type ListedPeople, pause } from "./state";
import type { FakeBackend } from "./types";

/** Everyone listed with a staged id, less the excluded (full views). */
const confirmedPeople = (state: FakeState, entry: ListedPeople) =>
  fakeReport(state.hrPeople, entry.roster, false, entry.decisions)
    .people.filter((row) => !entry.excluded.has(row.id))
    .flatMap((row) => (row.hr ? [row.hr] : []));

/** The kept people's report as the core would give it now. */
const currentReport = (state: FakeState, entry: ListedPeople, mask: boolean) => {
  const report = fakeReport(state.hrPeople, entry.roster, mask, entry.decisions);
  const people = report.people.map((row) =>
    entry.excluded.has(row.id) ? { ...row, excluded: true } : row,
  );
  return { counts: countRows(people), people };
};

export function peopleMethods(
  state: FakeState,
): Pick<
  FakeBackend,
  | "listPeople"
  | "cancelPeopleListing"
  | "chooseRosterFile"
  | "peopleReport"
  | "decidePair"
  | "excludePerson"
  | "confirmPeople"
  | "peopleChanges"
  | "exportPeople"
> {
  const { calls, options, staged, listed, hrPeople, pageSize, info } = state;
  return {
    listPeople(id, onProgress) {
      calls.push({ method: "listPeople", staged: id });
      state.cancelCurrentListing?.();
      return new Promise((resolve) => {
        let cancelled = false;
        const settle = (result: Result<PeopleOverview, Problem>) => {
          state.pendingListing = null;
          state.cancelCurrentListing = null;
          resolve(result);
        };
        state.cancelCurrentListing = () => {
          cancelled = true;
          settle(err({ code: "people_listing_cancelled" }));
        };
        if (options.manualListing) {
          state.pendingListing = { staged: id, emit: onProgress, finish: settle };
          return;
        }
        void (async () => {
          if (!staged.has(id)) return settle(err({ code: "credentials_expired" }));
          const pages = Math.max(1, Math.ceil(hrPeople.length / pageSize));
          for (let page = 1; page <= pages; page++) {
            await pause(state);
            if (cancelled) return;
            onProgress({
              pages_done: page,
              pages_total: pages,
              people: Math.min(page * pageSize, hrPeople.length),
              eta_seconds: Math.ceil(((pages - page) * state.stepDelay) / 1000),
            });
          }
          await pause(state);
          if (cancelled) return;
          listed.set(id, { roster: null, excluded: new Set(), decisions: new Map() });
          settle(ok({ pages, report: fakeReport(hrPeople, null, info.support_mode) }));
        })();
      });
    },
    async cancelPeopleListing() {
      calls.push({ method: "cancelPeopleListing" });
      state.cancelCurrentListing?.();
    },
    async chooseRosterFile(id) {
      calls.push({ method: "chooseRosterFile", staged: id });
      await pause(state);
      const picked = options.pickedRoster ?? null;
      if (picked === null) return ok(null);
      if ("problem" in picked) return err(picked.problem);
      const entry = listed.get(id);
      if (!entry) return err({ code: "credentials_expired" });
      entry.roster = picked.people;
      entry.excluded.clear();
      entry.decisions.clear();
      const report = fakeReport(hrPeople, picked.people, info.support_mode);
      const roster: RosterSummary = {
        format: "csv",
        encoding: "UTF-8",
        delimiter: ",",
        sheet: null,
        header_row: 1,
        people: picked.people.length,
        skipped_rows: 0,
        columns: [],
        unreadable_cells: [],
        unreadable_cell_count: 0,
      };
      return ok({ roster, report });
    },
    async peopleReport(id) {
      calls.push({ method: "peopleReport", staged: id });
      const entry = listed.get(id);
      if (!entry) return err({ code: "credentials_expired" });
      return ok(currentReport(state, entry, info.support_mode));
    },
    async decidePair(id, entry, decision) {
      calls.push({ method: "decidePair", staged: id, entry, decision });
      const kept = listed.get(id);
      if (!kept) return err({ code: "credentials_expired" });
      const row = fakeReport(hrPeople, kept.roster, false).people.find((r) => r.id === entry);
      if (row?.category !== "needs_review") {
        // Like the core: only suggested pairs can be decided.
        return err({
          code: "configuration_invalid",
          params: { what: "people decision refused: entry is not a suggested pair" },
        });
      }
      if (decision === "undo") kept.decisions.delete(entry);
      else kept.decisions.set(entry, decision);
      return ok(currentReport(state, kept, false).counts);
    },
    async excludePerson(id, entry, excluded) {
      calls.push({ method: "excludePerson", staged: id, entry, excluded });
      const kept = listed.get(id);
      if (!kept) return err({ code: "credentials_expired" });
      if (excluded) kept.excluded.add(entry);
      else kept.excluded.delete(entry);
      return ok(currentReport(state, kept, false).counts);
    },
    async confirmPeople(id) {
      calls.push({ method: "confirmPeople", staged: id });
      const kept = listed.get(id);
      if (!kept) return err({ code: "credentials_expired" });
      const people = confirmedPeople(state, kept);
      state.confirmed.set(id, people);
      return ok(people.length);
    },
    async peopleChanges(stagedId, id) {
      calls.push({ method: "peopleChanges", staged: stagedId, id });
      await pause(state);
      const kept = listed.get(stagedId);
      if (!kept) return err({ code: "credentials_expired" });
      const snapshot = state.snapshots.get(id);
      if (snapshot === undefined) return ok(null);
      if (snapshot === "unreadable") return err({ code: "people_snapshot_unreadable" });
      const connection = state.connections.get(id);
      // The fake records no first failure: a connection not working broke at its last check.
      const brokenSince =
        connection && connection.status !== "connected" ? connection.verified_at : null;
      return ok(
        fakeChanges(snapshot, confirmedPeople(state, kept), brokenSince, info.support_mode),
      );
    },
    async exportPeople(id) {
      calls.push({ method: "exportPeople", staged: id });
      if (info.support_mode) return err({ code: "people_export_in_support_mode" });
      const kept = listed.get(id);
      if (!kept) return err({ code: "credentials_expired" });
      await pause(state);
      if (options.exportCancelled) return ok(false);
      const rows = currentReport(state, kept, false).people.filter((row) => !row.excluded);
      state.exports.push([
        ["category", "hr_name", "hr_email", "hr_location"],
        ...rows.map((row) => [
          row.category,
          row.hr?.name ?? "",
          row.hr?.email ?? "",
          row.hr?.location ?? "",
        ]),
      ]);
      return ok(true);
    },
  };
}
