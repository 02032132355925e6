/**
 * The wizard's state and actions, all of them: what every step carries, each part's steps and
 * actions (`navigation`, `credentials`, `signIn`, `verification`, `people`, `mapping`, `saving`)
 * and their unions. Pure types and the constructors the parts share; the parts hold only
 * behaviour, so they import from here and nothing here imports them.
 */

import type {
  ConnectionSummary,
  MatchCounts,
  Problem,
  ProviderId,
  SavedConnection,
  SignInAddress,
  StagedCredentials,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
  WizardProblem,
} from "../../../lib/ipc/types";
import type { LabelError } from "../../../lib/label";
import type { MappingAction, MappingDone, MappingStage } from "../../mapping/machine";
import type { PeopleAction, PeopleStage } from "../../people/machine";
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
  /**
   * The region whose deployment issued an API key (`NZ`), for systems with one per region; not a
   * secret, kept when the key is replaced.
   */
  region?: string | null;
  /** The IRIS API user's name. Kept after staging, so it need not be typed again. */
  loginUsername: string;
  /** The IRIS API user's password, until the core has it. Cleared once staged. */
  loginPassword: string;
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

export const emptyDraft: Draft = {
  provider: null,
  optional: [],
  guideScreen: 0,
  apiUsername: "",
  keyText: "",
  loginUsername: "",
  loginPassword: "",
  staged: null,
  target: null,
};

// Handing the credentials over (`credentials.ts`).

/** The two login fields, for errors that point at one of them. */
export type LoginField = "username" | "password";

/**
 * Where the credentials came from, so an error can point at the right field: pasted or typed
 * text (the key field, the login fields), a key file, or a browser sign-in.
 */
export type CredentialSource = "text" | "file" | "signIn";

export type CredentialsError =
  | { kind: "empty" }
  /** Login fields left empty, in the order they are on the page. */
  | { kind: "required"; fields: LoginField[] }
  | { kind: "problem"; problem: WizardProblem; source: CredentialSource };

/**
 * A calm note on the credentials step (not an error): the browser sign-in was stopped, or the
 * wizard was resumed after a restart and the key was deliberately not kept (see `resume.ts`).
 */
export type CredentialsNote = "signInStopped" | "keyNotKept";

export type CredentialsAction =
  | { type: "editKeyText"; text: string }
  | { type: "requireKey" }
  | { type: "chooseRegion"; region: string }
  | { type: "editLoginUsername"; text: string }
  | { type: "editLoginPassword"; text: string }
  /** Both login values at once (pasted together into one field). */
  | { type: "pasteLogin"; username: string; password: string }
  /** Continue pressed with a login field empty: the reducer finds which. */
  | { type: "requireLogin" }
  | { type: "stagingStarted"; source: CredentialSource }
  | { type: "stagingSucceeded"; staged: StagedCredentials }
  | { type: "stagingFailed"; problem: WizardProblem; source: CredentialSource }
  | { type: "useDifferentKey" };

// Moving between the first steps (`navigation.ts`).

export type NavigationAction =
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
  | { type: "editApiUsername"; text: string };

// The browser sign-in (`signIn.ts`).

export type SignInAction =
  /** From the credentials step, or again while waiting ("I closed the browser"): a fresh one. */
  | { type: "signInStarted" }
  /** Where sign-in `attempt` sent the browser (also when no browser could be started). */
  | { type: "signInAddressTold"; attempt: number; address: SignInAddress }
  /** "Open the browser again" found no browser to start. */
  | { type: "signInReopenFailed" }
  /** The admin stopped the sign-in (Cancel). */
  | { type: "signInStopped" }
  | { type: "signInSucceeded"; attempt: number; staged: StagedCredentials }
  | { type: "signInFailed"; attempt: number; problem: WizardProblem };

// Checking the credentials (`verification.ts`).

export type ChecklistState = "pending" | "running" | "done" | "failed";

export interface ChecklistItem {
  key: string;
  step: VerifyStep;
  state: ChecklistState;
}

export type Outcome =
  | { kind: "ok"; report: VerificationReport }
  | { kind: "problem"; problems: WizardProblem[]; report: VerificationReport | null };

export type VerificationAction =
  /** The organisation chosen on the result of a sign-in that reaches several: check it. */
  | { type: "chooseOrganisation"; id: string }
  | { type: "verifyStarted" }
  | { type: "verifyProgress"; run: number; progress: VerifyProgress }
  | { type: "verifyFinished"; run: number; report: VerificationReport }
  | { type: "verifyFailed"; run: number; problem: WizardProblem };

// Saving (`saving.ts`).

/** What every saving step carries: the verified credentials. */
interface Verified extends Base {
  staged: StagedCredentials;
  report: VerificationReport;
  saving: Saving;
  /** The people the admin confirmed (the People step), kept for going back. */
  confirmed?: ConfirmedPeople;
  /** How the mapping step ended (`mapping.ts`), for Check your answers. */
  mapped?: MappingDone;
}

/** What the admin confirmed on the People step, for the result and Check your answers. */
export interface ConfirmedPeople {
  counts: MatchCounts;
  /** People read from the admin's records when they were compared; `null`: not compared. */
  rosterPeople: number | null;
}

/** The connection a re-authorisation is for (from the connections screen). */
export type ReauthTarget = Pick<ConnectionSummary, "id" | "label" | "provider" | "account">;

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
  | { type: "changeAnswer"; answer: "provider" | "credentials" | "mapping" }
  /** Save, Update or Replace pressed (or Try again after a failure). */
  | { type: "saveSubmitted" }
  | { type: "saveFailed"; attempt: number; problem: WizardProblem }
  | { type: "saveSucceeded"; attempt: number; saved: SavedConnection }
  | { type: "editReplacementName"; text: string }
  /** "Try again with the right account" on the different-company page. */
  | { type: "retryWithRightAccount" }
  /** The saved connection for the company the check of `staged` reached (`null`: none). */
  | { type: "alreadyConnectedFound"; staged: string; connection: ReauthTarget | null };

/** What every state carries: the admin's input and how many verifications were started. */
export interface Base {
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
  /**
   * Waiting for the browser sign-in numbered `signIns` to come back; `address` once the core has
   * sent the browser there, `reopenFailed` when "Open the browser again" could not.
   */
  | (Base & { step: "signingIn"; address?: SignInAddress | null; reopenFailed?: boolean })
  | (Base & { step: "verifying"; staged: StagedCredentials; checklist: ChecklistItem[] })
  | (Base & {
      step: "result";
      staged: StagedCredentials;
      outcome: Outcome;
      /** People listings started so far for these credentials (tags their answers). */
      listings?: number;
      /**
       * A new connection's company already connected (the saved connection; `null`: it is not;
       * absent until the core was asked).
       */
      existing?: ReauthTarget | null;
      /** What the admin confirmed on the People step. */
      confirmed?: ConfirmedPeople;
      /** The mapping step is done (chosen or skipped): saving goes on from here. */
      mapped?: MappingDone;
    })
  | (Base & {
      step: "people";
      staged: StagedCredentials;
      /** The successful check this step came from (shown again on Back). */
      outcome: Outcome;
      /** Kept for the result (see there). */
      existing?: ReauthTarget | null;
      /** This listing's number; progress and answers of older ones are ignored. */
      listing: number;
      people: PeopleStage;
    })
  /**
   * The mapping step (`mapping.ts`), between a successful result (or the People step) and
   * saving; what it came from is kept for Back.
   */
  | (Base & {
      step: "mapping";
      staged: StagedCredentials;
      outcome: Outcome;
      listings?: number;
      /** As on the result: the saved connection of a company already connected. */
      existing?: ReauthTarget | null;
      confirmed?: ConfirmedPeople;
      mapping: MappingStage;
    })
  | SaveState;

export type WizardAction =
  | NavigationAction
  | CredentialsAction
  | SignInAction
  | VerificationAction
  | PeopleAction
  | MappingAction
  | SaveAction;

/** The state of one step. */
export type StateOf<S extends WizardState["step"]> = Extract<WizardState, { step: S }>;

/**
 * How one part of the machine answers the actions it owns. An action that makes no sense in the
 * current state leaves it unchanged (the same object).
 */
export type Handlers = {
  [T in WizardAction["type"]]?: (
    state: WizardState,
    action: Extract<WizardAction, { type: T }>,
  ) => WizardState;
};

export type Counters = Pick<Base, "runs" | "signIns">;

export function counters(state: Base): Counters {
  return { runs: state.runs, signIns: state.signIns };
}

export type { WizardProblem };
