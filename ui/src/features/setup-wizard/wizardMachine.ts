/**
 * The setup wizard's states and transitions, as a pure reducer (no React, no IPC).
 *
 *   chooseProvider → scopes → guide (screen 1 … n) → credentials → verifying → result (ok | problem)
 *                               ↕            ↑ "I already have one"     ↕
 *                            handoff ────────┘                      signingIn
 *
 * `scopes` chooses what to share (the required permissions are locked on, the optional ones are
 * the admin's choice); `guide` walks through creating the API user or key, one screen at a time
 * (the screens come from the core's catalogue, so the reducer is told how many there are);
 * `handoff` is the printable sheet for someone else ("I'm not the admin"; part of the guide step);
 * `signingIn` waits for the browser sign-in (part of the credentials step).
 *
 * After a successful result (see "Saving" at the end of this file):
 *
 *   result ⇄ people (who HR Link will see; back to the result, confirmed) → confirm (check your
 *   answers) → saved
 *   re-authorising: result → updating → saved, or → differentAccount → saved (replaced)
 *
 * How credentials are handed over depends on the system: a key file (HRworks), an API user's name
 * and password (IRIS), or a sign-in in the system browser (iPayroll, Employment Hero).
 *
 * Going back never loses what the admin entered: the chosen system, a key or an IRIS user name
 * and password typed but not yet handed over, and the credentials that were loaded all stay in the
 * `draft`. Secrets (the pasted key, the IRIS password) are held only until the core has them
 * (`staged`), then cleared.
 *
 * The component (`SetupWizard`) performs the IPC calls and reports what happened as actions.
 * Actions that make no sense in the current state leave it unchanged (the same object).
 */

import { sameCompanyName } from "../../lib/companyName";
import type {
  ConnectionSummary,
  ListingProgress,
  MatchCounts,
  PeopleChanges,
  PeopleComparison,
  PeopleOverview,
  PeopleReport,
  Problem,
  ProviderId,
  RosterSummary,
  SavedConnection,
  StagedCredentials,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
} from "../../lib/ipc/types";

/**
 * A problem to show: one from the core, or an unexpected failure of the IPC call itself (rendered
 * with the generic message, which names the code for support).
 */
export type WizardProblem = Problem | { code: "unexpected_error" };

export type StepName =
  | "chooseProvider"
  | "scopes"
  | "guide"
  | "handoff"
  | "credentials"
  | "signingIn"
  | "verifying"
  | "result"
  | "people";

/**
 * The numbered steps, for "Step 4 of 7" (the hand-off sheet is part of the guide, waiting for the
 * browser part of the credentials step).
 */
export const STEPS: readonly StepName[] = [
  "chooseProvider",
  "scopes",
  "guide",
  "credentials",
  "verifying",
  "result",
  "people",
];

/** What the admin has entered so far. */
export interface Draft {
  provider: ProviderId | null;
  /** The optional permissions the admin chose to share (the required ones always are). */
  optional: string[];
  /** The guide screen shown last (0-based), so that Back returns to it. */
  guideScreen: number;
  /** The iPayroll API user name the admin plans, checked as it is typed (not a secret). */
  apiUsername: string;
  /** Key text typed or pasted but not yet handed to the core (HRworks). Cleared once staged. */
  keyText: string;
  /** The IRIS API user's name. Kept after staging, so it need not be typed again. */
  irisUsername: string;
  /** The IRIS API user's password, until the core has it. Cleared once staged. */
  irisPassword: string;
  /** Credentials the core holds for this wizard (only a masked hint). */
  staged: StagedCredentials | null;
  /** The saved connection being re-authorised; absent or `null` when connecting a new one. */
  target?: ReauthTarget | null;
  /**
   * The organisation the admin chose, when a sign-in reaches several (Employment Hero); absent
   * or `null` until then. Forgotten with the credentials.
   */
  organisation?: string | null;
}

/** The two IRIS fields, for errors that point at one of them. */
export type IrisField = "username" | "password";

/**
 * Where the credentials came from, so an error can point at the right field: pasted or typed
 * text (the key field, the IRIS fields), a key file, or a browser sign-in.
 */
export type CredentialSource = "text" | "file" | "signIn";

export type CredentialsError =
  | { kind: "empty" }
  /** IRIS fields left empty, in the order they are on the page. */
  | { kind: "required"; fields: IrisField[] }
  | { kind: "problem"; problem: WizardProblem; source: CredentialSource };

/**
 * A calm note on the credentials step (not an error): the browser sign-in was stopped, or the
 * wizard was resumed after a restart and the key was deliberately not kept (see `resume.ts`).
 */
export type CredentialsNote = "signInStopped" | "keyNotKept";

export type ChecklistState = "pending" | "running" | "done" | "failed";

export interface ChecklistItem {
  key: string;
  step: VerifyStep;
  state: ChecklistState;
}

export type Outcome =
  | { kind: "ok"; report: VerificationReport }
  | { kind: "problem"; problems: WizardProblem[]; report: VerificationReport | null };

/**
 * Re-authorising: what changed among the people since they were last confirmed. `none` when not
 * re-authorising or no list was kept; `unreadable` when the kept list no longer opens.
 */
export type ChangesView =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "shown"; changes: PeopleChanges }
  | { kind: "unreadable"; problem: WizardProblem };

/** Where the People step is: reading the people, stopped by a problem, or showing them. */
export type PeopleStage =
  | { kind: "listing"; progress: ListingProgress | null }
  | { kind: "failed"; problem: WizardProblem }
  | {
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
    };

/** What every state carries: the admin's input and how many verifications were started. */
interface Base {
  draft: Draft;
  /** Verifications started so far; the current one's number tags its progress and answer. */
  runs: number;
  /** Browser sign-ins started so far; the current one's number tags its answer. */
  signIns: number;
}

export type WizardState =
  | (Base & { step: "chooseProvider"; error: "provider_required" | null })
  | (Base & { step: "scopes" })
  /** Showing guide screen `draft.guideScreen`. */
  | (Base & { step: "guide" })
  | (Base & { step: "handoff" })
  | (Base & {
      step: "credentials";
      /** Set while the core reads the key (text or file). */
      staging: CredentialSource | null;
      error: CredentialsError | null;
      note: CredentialsNote | null;
    })
  /** Waiting for the browser sign-in numbered `signIns` to come back. */
  | (Base & { step: "signingIn" })
  | (Base & { step: "verifying"; staged: StagedCredentials; checklist: ChecklistItem[] })
  | (Base & {
      step: "result";
      staged: StagedCredentials;
      outcome: Outcome;
      /** People listings started so far for these credentials (tags their answers). */
      listings?: number;
      /** The counts the admin confirmed on the People step. */
      confirmed?: MatchCounts;
    })
  | (Base & {
      step: "people";
      staged: StagedCredentials;
      /** The successful check this step came from (shown again on Back). */
      outcome: Outcome;
      /** This listing's number; progress and answers of older ones are ignored. */
      listing: number;
      people: PeopleStage;
    })
  | SaveState;

export type WizardAction =
  | { type: "selectProvider"; provider: ProviderId }
  | { type: "submitProvider" }
  | { type: "back" }
  /** An optional permission ticked or unticked on the scopes step. */
  | { type: "choosePermission"; id: string; selected: boolean }
  | { type: "submitScopes" }
  /** Continue on a guide screen; `screens`: how many the provider's guide has. */
  | { type: "nextGuideScreen"; screens: number }
  /** "I already have one": straight to the credentials. */
  | { type: "skipGuide" }
  /** "I'm not the admin": the hand-off sheet. */
  | { type: "showHandoff" }
  | { type: "editApiUsername"; text: string }
  | { type: "editKeyText"; text: string }
  | { type: "requireKey" }
  | { type: "editIrisUsername"; text: string }
  | { type: "editIrisPassword"; text: string }
  /** Both IRIS values at once (pasted together into one field). */
  | { type: "pasteIrisLogin"; username: string; password: string }
  /** Continue pressed with an IRIS field empty: the reducer finds which. */
  | { type: "requireIrisLogin" }
  | { type: "signInStarted" }
  /** The admin stopped the sign-in (Cancel, or "I closed the browser"). */
  | { type: "signInStopped" }
  | { type: "signInSucceeded"; attempt: number; staged: StagedCredentials }
  | { type: "signInFailed"; attempt: number; problem: WizardProblem }
  | { type: "stagingStarted"; source: CredentialSource }
  | { type: "stagingSucceeded"; staged: StagedCredentials }
  | { type: "stagingFailed"; problem: WizardProblem; source: CredentialSource }
  | { type: "useDifferentKey" }
  /** The organisation chosen on the result of a sign-in that reaches several: check it. */
  | { type: "chooseOrganisation"; id: string }
  | { type: "verifyStarted" }
  | { type: "verifyProgress"; run: number; progress: VerifyProgress }
  | { type: "verifyFinished"; run: number; report: VerificationReport }
  | { type: "verifyFailed"; run: number; problem: WizardProblem }
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
  | { type: "peopleConfirmed" }
  | SaveAction;

export const emptyDraft: Draft = {
  provider: null,
  optional: [],
  guideScreen: 0,
  apiUsername: "",
  keyText: "",
  irisUsername: "",
  irisPassword: "",
  staged: null,
  target: null,
};

export function initialState(draft: Draft = emptyDraft): WizardState {
  return { step: "chooseProvider", draft, runs: 0, signIns: 0, error: null };
}

/** 1-based position of a state's step, for "Step n of 4" (0 for the pages after them). */
export function stepNumber(state: WizardState): number {
  if (isSaveStep(state)) return 0;
  const numbered: Partial<Record<StepName, StepName>> = {
    signingIn: "credentials",
    handoff: "guide",
  };
  return STEPS.indexOf(numbered[state.step] ?? state.step) + 1;
}

/** Whether `problem` only says that the sign-in was stopped (a note, not an error). */
function isCancellation(problem: WizardProblem): boolean {
  return problem.code === "sign_in_cancelled";
}

/** A stable key for a verification step (`permission:persons`). */
export function stepKey(step: VerifyStep): string {
  return step.kind === "permission" ? `permission:${step.id}` : step.kind;
}

/** The checklist before any progress: the steps every verification has. */
export function initialChecklist(): ChecklistItem[] {
  const steps: VerifyStep[] = [{ kind: "authenticate" }, { kind: "account" }, { kind: "people" }];
  return steps.map((step) => ({ key: stepKey(step), step, state: "pending" }));
}

/** Applies one progress event; permission rows are added (before "people") as they start. */
export function applyProgress(
  checklist: ChecklistItem[],
  progress: VerifyProgress,
): ChecklistItem[] {
  const key = stepKey(progress.step);
  const state: ChecklistState =
    progress.state === "started" ? "running" : progress.ok ? "done" : "failed";
  if (checklist.some((item) => item.key === key)) {
    return checklist.map((item) => (item.key === key ? { ...item, state } : item));
  }
  const item: ChecklistItem = { key, step: progress.step, state };
  const peopleAt = checklist.findIndex((existing) => existing.step.kind === "people");
  const at = peopleAt < 0 ? checklist.length : peopleAt;
  return [...checklist.slice(0, at), item, ...checklist.slice(at)];
}

function outcomeOf(report: VerificationReport): Outcome {
  if (report.ok) return { kind: "ok", report };
  // A failed report always names its problems; never show a failure without one.
  const problems: WizardProblem[] =
    report.problems.length > 0 ? report.problems : [{ code: "unexpected_error" }];
  return { kind: "problem", problems, report };
}

type Counters = Pick<Base, "runs" | "signIns">;

function counters(state: Base): Counters {
  return { runs: state.runs, signIns: state.signIns };
}

function credentials(
  draft: Draft,
  count: Counters,
  extra: { error?: CredentialsError | null; note?: CredentialsNote | null } = {},
): WizardState {
  return {
    step: "credentials",
    draft,
    ...count,
    staging: null,
    error: extra.error ?? null,
    note: extra.note ?? null,
  };
}

function verifying(draft: Draft, staged: StagedCredentials, count: Counters): WizardState {
  return {
    step: "verifying",
    draft,
    staged,
    runs: count.runs + 1,
    signIns: count.signIns,
    checklist: initialChecklist(),
  };
}

/** Drops an IRIS field from a "required" error once it is edited; other errors go. */
function afterIrisEdit(error: CredentialsError | null, field: IrisField): CredentialsError | null {
  if (error?.kind !== "required") return null;
  const fields = error.fields.filter((f) => f !== field);
  return fields.length > 0 ? { kind: "required", fields } : null;
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (isSaveAction(action) || isSaveStep(state) || leavesReauthorisation(state, action)) {
    return saveReducer(state, action);
  }
  switch (action.type) {
    case "selectProvider": {
      if (state.step !== "chooseProvider") return state;
      if (state.draft.provider === action.provider) return { ...state, error: null };
      // Another system: what was entered for the previous one does not apply to it.
      const draft: Draft = { ...emptyDraft, provider: action.provider };
      return { ...state, draft, error: null };
    }
    case "submitProvider": {
      if (state.step !== "chooseProvider") return state;
      if (!state.draft.provider) return { ...state, error: "provider_required" };
      return { step: "scopes", draft: state.draft, ...counters(state) };
    }
    case "choosePermission": {
      if (state.step !== "scopes") return state;
      const others = state.draft.optional.filter((id) => id !== action.id);
      const optional = action.selected ? [...others, action.id] : others;
      return { ...state, draft: { ...state.draft, optional } };
    }
    case "submitScopes": {
      if (state.step !== "scopes") return state;
      return { step: "guide", draft: state.draft, ...counters(state) };
    }
    case "nextGuideScreen": {
      if (state.step !== "guide") return state;
      const next = state.draft.guideScreen + 1;
      if (next < action.screens) {
        return { ...state, draft: { ...state.draft, guideScreen: next } };
      }
      return credentials(state.draft, counters(state));
    }
    case "skipGuide": {
      if (state.step !== "guide") return state;
      return credentials(state.draft, counters(state));
    }
    case "showHandoff": {
      if (state.step !== "guide") return state;
      return { step: "handoff", draft: state.draft, ...counters(state) };
    }
    case "editApiUsername": {
      if (state.step !== "guide") return state;
      return { ...state, draft: { ...state.draft, apiUsername: action.text } };
    }
    case "back": {
      switch (state.step) {
        case "scopes":
          return { step: "chooseProvider", draft: state.draft, ...counters(state), error: null };
        case "guide":
          if (state.draft.guideScreen > 0) {
            const draft = { ...state.draft, guideScreen: state.draft.guideScreen - 1 };
            return { ...state, draft };
          }
          return { step: "scopes", draft: state.draft, ...counters(state) };
        case "handoff":
          return { step: "guide", draft: state.draft, ...counters(state) };
        case "credentials":
          if (state.staging) return state;
          return { step: "guide", draft: state.draft, ...counters(state) };
        case "result":
          return credentials({ ...state.draft, staged: state.staged }, counters(state));
        case "people":
          return backToResult(state);
        default:
          return state;
      }
    }
    case "editKeyText": {
      if (state.step !== "credentials" || state.staging) return state;
      const error =
        state.error?.kind === "problem" && state.error.source === "file" ? state.error : null;
      return { ...state, draft: { ...state.draft, keyText: action.text }, error };
    }
    case "requireKey": {
      if (state.step !== "credentials") return state;
      return { ...state, error: { kind: "empty" }, note: null };
    }
    case "editIrisUsername": {
      if (state.step !== "credentials" || state.staging) return state;
      const draft = { ...state.draft, irisUsername: action.text };
      return { ...state, draft, error: afterIrisEdit(state.error, "username") };
    }
    case "editIrisPassword": {
      if (state.step !== "credentials" || state.staging) return state;
      const draft = { ...state.draft, irisPassword: action.text };
      return { ...state, draft, error: afterIrisEdit(state.error, "password") };
    }
    case "pasteIrisLogin": {
      if (state.step !== "credentials" || state.staging) return state;
      const draft = {
        ...state.draft,
        irisUsername: action.username,
        irisPassword: action.password,
      };
      return { ...state, draft, error: null };
    }
    case "requireIrisLogin": {
      if (state.step !== "credentials") return state;
      const fields: IrisField[] = [];
      if (state.draft.irisUsername.trim() === "") fields.push("username");
      if (state.draft.irisPassword.trim() === "") fields.push("password");
      if (fields.length === 0) return state;
      return { ...state, error: { kind: "required", fields }, note: null };
    }
    case "signInStarted": {
      if (state.step !== "credentials" || state.staging) return state;
      // A new sign-in replaces credentials from an earlier one.
      const draft = { ...state.draft, staged: null };
      return { step: "signingIn", draft, runs: state.runs, signIns: state.signIns + 1 };
    }
    case "signInStopped": {
      if (state.step !== "signingIn") return state;
      return credentials(state.draft, counters(state), { note: "signInStopped" });
    }
    case "signInSucceeded": {
      if (state.step !== "signingIn" || state.signIns !== action.attempt) return state;
      // Straight on to the check, as after pasting a key.
      return verifying({ ...state.draft, staged: action.staged }, action.staged, counters(state));
    }
    case "signInFailed": {
      if (state.step !== "signingIn" || state.signIns !== action.attempt) return state;
      if (isCancellation(action.problem)) {
        return credentials(state.draft, counters(state), { note: "signInStopped" });
      }
      const error: CredentialsError = {
        kind: "problem",
        problem: action.problem,
        source: "signIn",
      };
      return credentials(state.draft, counters(state), { error });
    }
    case "stagingStarted": {
      if (state.step !== "credentials" || state.staging) return state;
      return { ...state, staging: action.source, note: null };
    }
    case "stagingSucceeded": {
      if (state.step !== "credentials") return state;
      // The core holds the credentials now: forget the typed secrets (the user name stays).
      const draft = { ...state.draft, keyText: "", irisPassword: "", staged: action.staged };
      return credentials(draft, counters(state));
    }
    case "stagingFailed": {
      if (state.step !== "credentials") return state;
      return {
        ...state,
        staging: null,
        error: { kind: "problem", problem: action.problem, source: action.source },
      };
    }
    case "useDifferentKey": {
      if (state.step === "credentials" && !state.staging) {
        return credentials({ ...state.draft, staged: null }, counters(state));
      }
      if (state.step === "result") {
        const draft = {
          ...state.draft,
          keyText: "",
          irisPassword: "",
          staged: null,
          organisation: null,
        };
        return credentials(draft, counters(state));
      }
      return state;
    }
    case "chooseOrganisation": {
      if (state.step !== "result") return state;
      const draft = { ...state.draft, organisation: action.id };
      return verifying(draft, state.staged, counters(state));
    }
    case "verifyStarted": {
      if (state.step === "credentials" && !state.staging && state.draft.staged) {
        return verifying(state.draft, state.draft.staged, counters(state));
      }
      if (state.step === "result") return verifying(state.draft, state.staged, counters(state));
      return state;
    }
    case "verifyProgress": {
      if (state.step !== "verifying" || state.runs !== action.run) return state;
      return { ...state, checklist: applyProgress(state.checklist, action.progress) };
    }
    case "verifyFinished": {
      if (state.step !== "verifying" || state.runs !== action.run) return state;
      const { draft, staged } = state;
      return {
        step: "result",
        draft,
        staged,
        ...counters(state),
        outcome: outcomeOf(action.report),
      };
    }
    case "verifyFailed": {
      if (state.step !== "verifying" || state.runs !== action.run) return state;
      const { draft, staged } = state;
      const outcome: Outcome = { kind: "problem", problems: [action.problem], report: null };
      return { step: "result", draft, staged, ...counters(state), outcome };
    }
    case "peopleStarted": {
      if (state.step === "result" && state.outcome.kind === "ok") {
        return peopleListing(state, (state.listings ?? 0) + 1);
      }
      if (state.step === "people" && state.people.kind === "failed") {
        return peopleListing(state, state.listing + 1);
      }
      return state;
    }
    case "peopleProgress": {
      if (!isListing(state, action.listing)) return state;
      return { ...state, people: { kind: "listing", progress: action.progress } };
    }
    case "peopleListed": {
      if (!isListing(state, action.listing)) return state;
      const { pages, report } = action.overview;
      const people: PeopleStage = {
        kind: "listed",
        pages,
        report,
        roster: null,
        comparing: false,
        rosterProblem: null,
        changes: state.draft.target ? { kind: "loading" } : { kind: "none" },
      };
      return { ...state, people };
    }
    case "peopleChangesLoaded":
    case "peopleChangesFailed": {
      if (
        state.step !== "people" ||
        state.listing !== action.listing ||
        state.people.kind !== "listed" ||
        state.people.changes.kind !== "loading"
      ) {
        return state;
      }
      const changes: ChangesView =
        action.type === "peopleChangesFailed"
          ? { kind: "unreadable", problem: action.problem }
          : action.changes
            ? { kind: "shown", changes: action.changes }
            : { kind: "none" };
      return { ...state, people: { ...state.people, changes } };
    }
    case "peopleFailed": {
      if (!isListing(state, action.listing)) return state;
      return { ...state, people: { kind: "failed", problem: action.problem } };
    }
    case "rosterStarted": {
      if (state.step !== "people" || state.people.kind !== "listed" || state.people.comparing) {
        return state;
      }
      return { ...state, people: { ...state.people, comparing: true } };
    }
    case "rosterCancelled": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      return { ...state, people: { ...state.people, comparing: false } };
    }
    case "rosterLoaded": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      const { roster, report } = action.comparison;
      const people: PeopleStage = {
        ...state.people,
        report,
        roster,
        comparing: false,
        rosterProblem: null,
      };
      return { ...state, people };
    }
    case "rosterFailed": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      const people = { ...state.people, comparing: false, rosterProblem: action.problem };
      return { ...state, people };
    }
    case "peopleReportUpdated": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      const { decisionProblem: _, ...people } = state.people;
      return { ...state, people: { ...people, report: action.report } };
    }
    case "screenShareSwitched": {
      if (
        state.step !== "people" ||
        state.people.kind !== "listed" ||
        state.people.changes.kind !== "shown"
      ) {
        return state;
      }
      return { ...state, people: { ...state.people, changes: { kind: "loading" } } };
    }
    case "peopleReportFailed": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      return { ...state, people: { kind: "failed", problem: action.problem } };
    }
    case "personExcluded": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      const { entry, excluded, counts } = action;
      const people = state.people.report.people.map((row) => {
        if (row.id !== entry) return row;
        const { excluded: _, ...rest } = row;
        return excluded ? { ...rest, excluded: true } : rest;
      });
      return { ...state, people: { ...state.people, report: { counts, people } } };
    }
    case "decisionFailed": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      return { ...state, people: { ...state.people, decisionProblem: action.problem } };
    }
    case "peopleConfirmed": {
      if (state.step !== "people" || state.people.kind !== "listed") return state;
      return { ...backToResult(state), confirmed: state.people.report.counts };
    }
  }
}

type PeopleState = Extract<WizardState, { step: "people" }>;
type ResultState = Extract<WizardState, { step: "result" }>;

/** A fresh listing numbered `listing`, from a successful result or a failed listing. */
function peopleListing(state: ResultState | PeopleState, listing: number): WizardState {
  const { draft, staged, outcome } = state;
  return {
    step: "people",
    draft,
    staged,
    ...counters(state),
    outcome,
    listing,
    people: { kind: "listing", progress: null },
  };
}

/** Whether `state` is waiting for listing number `listing`. */
function isListing(state: WizardState, listing: number): state is PeopleState {
  return state.step === "people" && state.listing === listing && state.people.kind === "listing";
}

/** Back to the check's result; the listing count stays, so late answers are ignored. */
function backToResult(state: PeopleState): ResultState {
  const { draft, staged, outcome, listing } = state;
  return { step: "result", draft, staged, ...counters(state), outcome, listings: listing };
}

// ---------------------------------------------------------------------------------------------
// Saving: after a successful result.
//
// New connection:  result → confirm ("check your answers", the label) → saved
// Re-authorising (`draft.target` set; the wizard starts at `credentials`):
//                  result → updating → saved
//                              ↘ differentAccount (another company) → credentials (try again)
//                                                                  → saved (replaced by name)
//
// The People step (`people`, above) is entered from a successful result and returns to it with
// the confirmed counts; saving starts from the result.
// ---------------------------------------------------------------------------------------------

/** The connection a re-authorisation is for (from the connections screen). */
export type ReauthTarget = Pick<ConnectionSummary, "id" | "label" | "provider" | "account">;

/** Longest label accepted (it names the connection in lists and headings). */
export const LABEL_MAX = 80;

export type LabelError = "required" | "tooLong";
export type ReplacementError = "required" | "mismatch";

/** A save or update under way (`busy`) or failed (`problem`, e.g. a locked keychain). */
export interface Saving {
  busy: boolean;
  problem: WizardProblem | null;
  /** Attempts so far; the current one's number tags its answer. */
  attempt: number;
}

/** What a finished save did, for the confirmation page. */
export type SavedHow = "saved" | "reauthorised" | "replaced";

interface Verified extends Base {
  staged: StagedCredentials;
  report: VerificationReport;
  saving: Saving;
  /** The people the admin confirmed (the People step), kept for going back. */
  confirmed?: MatchCounts;
}

export type SaveState =
  | (Verified & { step: "confirm"; label: string; labelError: LabelError | null })
  | (Verified & { step: "updating" })
  | (Verified & {
      step: "differentAccount";
      saved: string;
      reached: string;
      typedName: string;
      nameError: ReplacementError | null;
    })
  | (Base & {
      step: "saved";
      connection: ConnectionSummary;
      how: SavedHow;
      /** Why the people the admin confirmed could not be kept, if they could not. */
      peopleNotKept: Problem | null;
    });

export type SaveStepName = SaveState["step"];

export type SaveAction =
  /** "Save this connection" (or "Update connection") on a successful result. */
  | { type: "saveRequested"; label: string }
  | { type: "editLabel"; text: string }
  /** "Change" on the check-your-answers page. */
  | { type: "changeAnswer"; answer: "provider" | "credentials" }
  /** Save, Update or Replace pressed (or Try again after a failure). */
  | { type: "saveSubmitted" }
  | { type: "saveFailed"; attempt: number; problem: WizardProblem }
  | { type: "saveSucceeded"; attempt: number; saved: SavedConnection }
  | { type: "editReplacementName"; text: string }
  /** "Try again with the right account" on the different-company page. */
  | { type: "retryWithRightAccount" };

const SAVE_ACTIONS: ReadonlySet<string> = new Set<SaveAction["type"]>([
  "saveRequested",
  "editLabel",
  "changeAnswer",
  "saveSubmitted",
  "saveFailed",
  "saveSucceeded",
  "editReplacementName",
  "retryWithRightAccount",
]);

const SAVE_STEPS: ReadonlySet<string> = new Set<SaveStepName>([
  "confirm",
  "updating",
  "differentAccount",
  "saved",
]);

function isSaveAction(action: WizardAction): action is SaveAction {
  return SAVE_ACTIONS.has(action.type);
}

export function isSaveStep(state: WizardState): state is Extract<WizardState, SaveState> {
  return SAVE_STEPS.has(state.step);
}

/** Back from the credentials step of a re-authorisation leaves the wizard (the component's job). */
function leavesReauthorisation(state: WizardState, action: WizardAction): boolean {
  return action.type === "back" && state.step === "credentials" && Boolean(state.draft.target);
}

/**
 * The organisation a verification is for: the one chosen on the result, else (re-authorising)
 * the saved connection's; `null` lets the credentials decide (they reach one).
 */
export function organisationFor(draft: Draft): string | null {
  return draft.organisation ?? draft.target?.account.id ?? null;
}

/**
 * The wizard for re-authorising `target`: straight at its credentials step, with the optional
 * permissions `chosen` when it was saved (none when no choice was recorded), so that the new
 * credentials are judged as the saved ones are.
 */
export function reauthoriseState(
  target: ReauthTarget,
  chosen: readonly string[] | null,
): WizardState {
  const draft = { ...emptyDraft, provider: target.provider, optional: [...(chosen ?? [])], target };
  return credentials(draft, { runs: 0, signIns: 0 });
}

export function validateLabel(label: string): LabelError | null {
  if (label.trim() === "") return "required";
  if (label.trim().length > LABEL_MAX) return "tooLong";
  return null;
}

function startSaving(saving: Saving): Saving {
  return { busy: true, problem: null, attempt: saving.attempt + 1 };
}

const idle: Saving = { busy: false, problem: null, attempt: 0 };

type SavingState = Extract<WizardState, { saving: Saving }>;

/** Whether `state` is waiting for the answer to save attempt `attempt`. */
function awaits(state: WizardState, attempt: number): state is SavingState {
  return "saving" in state && state.saving.busy && state.saving.attempt === attempt;
}

function saveReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "saveRequested": {
      if (state.step !== "result" || state.outcome.kind !== "ok") return state;
      const verified = {
        draft: state.draft,
        ...counters(state),
        staged: state.staged,
        report: state.outcome.report,
        ...(state.confirmed && { confirmed: state.confirmed }),
      };
      if (state.draft.target) {
        return { ...verified, step: "updating", saving: startSaving(idle) };
      }
      return { ...verified, step: "confirm", label: action.label, labelError: null, saving: idle };
    }
    case "editLabel": {
      if (state.step !== "confirm" || state.saving.busy) return state;
      return { ...state, label: action.text, labelError: null };
    }
    case "changeAnswer": {
      if (state.step !== "confirm" || state.saving.busy) return state;
      if (action.answer === "provider") {
        return { step: "chooseProvider", draft: state.draft, ...counters(state), error: null };
      }
      return credentials({ ...state.draft, staged: state.staged }, counters(state));
    }
    case "back": {
      if (state.step === "confirm" && !state.saving.busy) {
        const outcome: Outcome = { kind: "ok", report: state.report };
        return {
          step: "result",
          draft: state.draft,
          staged: state.staged,
          ...counters(state),
          outcome,
          ...(state.confirmed && { confirmed: state.confirmed }),
        };
      }
      return state;
    }
    case "saveSubmitted": {
      switch (state.step) {
        case "confirm": {
          if (state.saving.busy) return state;
          const labelError = validateLabel(state.label);
          if (labelError)
            return { ...state, labelError, saving: { ...state.saving, problem: null } };
          return { ...state, saving: startSaving(state.saving) };
        }
        case "updating":
          return state.saving.busy ? state : { ...state, saving: startSaving(state.saving) };
        case "differentAccount": {
          if (state.saving.busy) return state;
          const nameError: ReplacementError | null =
            state.typedName.trim() === ""
              ? "required"
              : sameCompanyName(state.typedName, state.reached)
                ? null
                : "mismatch";
          if (nameError) return { ...state, nameError, saving: { ...state.saving, problem: null } };
          return { ...state, saving: startSaving(state.saving) };
        }
        default:
          return state;
      }
    }
    case "saveFailed": {
      if (!awaits(state, action.attempt)) return state;
      const saving: Saving = { ...state.saving, busy: false, problem: action.problem };
      const { problem } = action;
      if (state.step === "updating" && problem.code === "different_account") {
        return {
          step: "differentAccount",
          draft: state.draft,
          ...counters(state),
          staged: state.staged,
          report: state.report,
          saved: problem.params.saved,
          reached: problem.params.reached,
          typedName: "",
          nameError: null,
          saving: { ...saving, problem: null },
        };
      }
      return { ...state, saving };
    }
    case "saveSucceeded": {
      if (!awaits(state, action.attempt)) return state;
      const how: SavedHow =
        state.step === "confirm"
          ? "saved"
          : state.step === "updating"
            ? "reauthorised"
            : "replaced";
      // The core forgot the credentials once it saved them.
      const draft = { ...state.draft, staged: null };
      return {
        step: "saved",
        draft,
        ...counters(state),
        connection: action.saved.connection,
        how,
        peopleNotKept: action.saved.people_not_kept,
      };
    }
    case "editReplacementName": {
      if (state.step !== "differentAccount" || state.saving.busy) return state;
      return { ...state, typedName: action.text, nameError: null };
    }
    case "retryWithRightAccount": {
      if (state.step !== "differentAccount" || state.saving.busy) return state;
      const draft = { ...state.draft, keyText: "", irisPassword: "", staged: null };
      return credentials(draft, counters(state));
    }
    default:
      return state;
  }
}
