/**
 * The People step within the wizard: entered from a successful result (or again after a failed
 * listing), each listing numbered so that answers of older ones are ignored; back to the result,
 * with the confirmed counts when the admin confirms. What happens inside the step is the people
 * feature's (`features/people/machine.ts`).
 */

import {
  type ListedAction,
  listedPeople,
  listedReducer,
  type PeopleStage,
} from "../../people/machine";
import { counters, type Handlers, type StateOf, type WizardState } from "./state";

type PeopleState = StateOf<"people">;
type ResultState = StateOf<"result">;

/** A fresh listing numbered `listing`, from a successful result or a failed listing. */
function peopleListing(state: ResultState | PeopleState, listing: number): WizardState {
  const { draft, staged, outcome, existing } = state;
  return {
    step: "people",
    draft,
    staged,
    ...counters(state),
    outcome,
    ...(existing !== undefined && { existing }),
    listing,
    people: { kind: "listing", progress: null },
  };
}

/** Whether `state` is waiting for listing number `listing`. */
function isListing(state: WizardState, listing: number): state is PeopleState {
  return state.step === "people" && state.listing === listing && state.people.kind === "listing";
}

/** Back to the check's result; the listing count stays, so late answers are ignored. */
export function backToResult(state: PeopleState): ResultState {
  const { draft, staged, outcome, listing, existing } = state;
  return {
    step: "result",
    draft,
    staged,
    ...counters(state),
    outcome,
    listings: listing,
    ...(existing !== undefined && { existing }),
  };
}

function withPeople(state: PeopleState, people: PeopleStage): WizardState {
  return people === state.people ? state : { ...state, people };
}

/** Hands a change of listed people to the people feature (tagged ones: this listing's only). */
function listed(state: WizardState, action: ListedAction): WizardState {
  if (state.step !== "people" || state.people.kind !== "listed") return state;
  if ("listing" in action && action.listing !== state.listing) return state;
  return withPeople(state, listedReducer(state.people, action));
}

export const peopleHandlers: Handlers = {
  peopleStarted: (state) => {
    if (state.step === "result" && state.outcome.kind === "ok") {
      return peopleListing(state, (state.listings ?? 0) + 1);
    }
    if (state.step === "people" && state.people.kind === "failed") {
      return peopleListing(state, state.listing + 1);
    }
    return state;
  },
  peopleProgress: (state, action) => {
    if (!isListing(state, action.listing)) return state;
    return { ...state, people: { kind: "listing", progress: action.progress } };
  },
  peopleListed: (state, action) => {
    if (!isListing(state, action.listing)) return state;
    return { ...state, people: listedPeople(action.overview, Boolean(state.draft.target)) };
  },
  peopleFailed: (state, action) => {
    if (!isListing(state, action.listing)) return state;
    return { ...state, people: { kind: "failed", problem: action.problem } };
  },
  peopleChangesLoaded: listed,
  peopleChangesFailed: listed,
  rosterStarted: listed,
  rosterCancelled: listed,
  rosterLoaded: listed,
  rosterFailed: listed,
  peopleReportUpdated: listed,
  screenShareSwitched: listed,
  peopleReportFailed: listed,
  decisionFailed: listed,
  personExcluded: listed,
  peopleConfirmed: (state) => {
    if (state.step !== "people" || state.people.kind !== "listed") return state;
    const { report, roster } = state.people;
    const confirmed = { counts: report.counts, rosterPeople: roster?.people ?? null };
    return { ...backToResult(state), confirmed };
  },
};
