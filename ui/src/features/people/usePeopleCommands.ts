/**
 * The IPC calls of the People step: reading the people (once per listing), comparing them with a
 * roster, decisions on suggested pairs, people left out, asking again when screen-share mode
 * switches, and (re-authorising) the changes since the last confirmation.
 */

import { useEffect, useMemo, useRef } from "react";
import { useBackend } from "../../lib/ipc/BackendContext";
import { answered, settler } from "../../lib/ipc/settle";
import type { PairDecision, WizardProblem } from "../../lib/ipc/types";
import type { PeopleAction, PeopleStage } from "./machine";

/** What the commands need of the wizard's People step. */
export interface PeopleStep {
  /** The staged credentials the people are read with. */
  staged: string;
  /** The listing's number (the wizard's). */
  listing: number;
  /** Tells apart listings of different verification runs (a listing number restarts at 1). */
  run: number;
  people: PeopleStage;
}

export interface PeopleCommands {
  compareWithRoster(): void;
  decidePair(entry: number, decision: PairDecision): Promise<void>;
  excludePerson(entry: number, excluded: boolean): Promise<void>;
  /** "Yes, these are our people": the core keeps the list; `onConfirmed` once it has. */
  confirmPeople(onConfirmed: () => void): Promise<void>;
}

/**
 * `step`: the People step when it is shown, else `null`. `screenShare`: the mode names are shown
 * in (the core masks them, or not, as it answers). `target`: re-authorising, the connection.
 */
export function usePeopleCommands(
  step: PeopleStep | null,
  dispatch: (action: PeopleAction) => void,
  screenShare: boolean,
  target: string | null,
): PeopleCommands {
  const backend = useBackend();
  const settle = useMemo(() => settler(dispatch), [dispatch]);
  const screenShareNow = useRef(screenShare);
  screenShareNow.current = screenShare;
  // The mode the people on screen were asked for in.
  const peopleAskedIn = useRef(screenShare);

  // Each people listing starts exactly once, when the machine enters it.
  const listing = step?.people.kind === "listing" ? step.listing : null;
  const staged = step?.staged ?? null;
  const listingKey = listing === null ? null : `${step?.run}:${listing}`;
  /** The listing last started: a second start would cancel it in the core (React's StrictMode). */
  const startedListing = useRef<string | null>(null);
  useEffect(() => {
    if (listing === null || staged === null || startedListing.current === listingKey) return;
    startedListing.current = listingKey;
    peopleAskedIn.current = screenShareNow.current;
    const answer = backend.listPeople(staged, (progress) =>
      dispatch({ type: "peopleProgress", listing, progress }),
    );
    void settle(
      answer,
      (overview) => ({ type: "peopleListed", listing, overview }),
      (problem) => ({ type: "peopleFailed", listing, problem }),
    );
  }, [backend, dispatch, settle, listing, listingKey, staged]);

  // A listing still running when the wizard closes is stopped.
  useEffect(
    () => () => {
      backend.cancelPeopleListing().catch(() => {
        // Best effort: nothing waits for its answer any more.
      });
    },
    [backend],
  );

  // Screen-share mode switched with the people on screen (or while they were read): they are
  // asked for again, so nothing shown keeps the old mode's names; the changes too.
  const listedStaged = step?.people.kind === "listed" ? step.staged : null;
  useEffect(() => {
    if (listedStaged === null || peopleAskedIn.current === screenShare) return;
    peopleAskedIn.current = screenShare;
    dispatch({ type: "screenShareSwitched" });
    let current = true;
    void settle(
      backend.peopleReport(listedStaged),
      (report) => ({ type: "peopleReportUpdated", report }),
      (problem) => ({ type: "peopleReportFailed", problem }),
      () => current,
    );
    return () => {
      current = false;
    };
  }, [backend, dispatch, settle, screenShare, listedStaged]);

  // Re-authorising: once the people are listed, what changed since they were last confirmed.
  const changesListing =
    step?.people.kind === "listed" && step.people.changes.kind === "loading" ? step.listing : null;
  // Asked again when screen-share mode switches meanwhile (the answer would be the old mode's).
  // biome-ignore lint/correctness/useExhaustiveDependencies: screenShare asks again
  useEffect(() => {
    if (changesListing === null || staged === null || target === null) return;
    const listing = changesListing;
    let current = true;
    void settle(
      backend.peopleChanges(staged, target),
      (changes) => ({ type: "peopleChangesLoaded", listing, changes }),
      (problem) => ({ type: "peopleChangesFailed", listing, problem }),
      () => current,
    );
    return () => {
      current = false;
    };
  }, [backend, settle, changesListing, staged, target, screenShare]);

  const listed = step?.people.kind === "listed" ? step : null;
  const decisionFailed = (problem: WizardProblem): PeopleAction => ({
    type: "decisionFailed",
    problem,
  });

  return {
    /** "Compare with your records": Rust opens the dialog, reads the file and matches it. */
    compareWithRoster() {
      if (listed?.people.kind !== "listed" || listed.people.comparing) return;
      dispatch({ type: "rosterStarted" });
      void settle(
        backend.chooseRosterFile(listed.staged),
        (comparison): PeopleAction =>
          comparison ? { type: "rosterLoaded", comparison } : { type: "rosterCancelled" },
        (problem) => ({ type: "rosterFailed", problem }),
      );
    },
    /** "Same person" / "Not the same person", then the people as they stand. */
    async decidePair(entry, decision) {
      if (!listed) return;
      const staged = listed.staged;
      const decided = await answered(backend.decidePair(staged, entry, decision));
      if (!decided.ok) return dispatch(decisionFailed(decided.problem));
      const askedIn = screenShareNow.current;
      await settle(
        backend.peopleReport(staged),
        (report) => ({ type: "peopleReportUpdated", report }),
        decisionFailed,
        // Switched meanwhile: the switch asks for the people again, in the new mode.
        () => screenShareNow.current === askedIn,
      );
    },
    /** The Include box of a person: leave them out of the connection, or take them back in. */
    async excludePerson(entry, excluded) {
      if (!listed) return;
      await settle(
        backend.excludePerson(listed.staged, entry, excluded),
        (counts) => ({ type: "personExcluded", entry, excluded, counts }),
        decisionFailed,
      );
    },
    async confirmPeople(onConfirmed) {
      if (!listed) return;
      const confirmed = await answered(backend.confirmPeople(listed.staged));
      if (!confirmed.ok) return dispatch(decisionFailed(confirmed.problem));
      dispatch({ type: "peopleConfirmed" });
      onConfirmed();
    },
  };
}
