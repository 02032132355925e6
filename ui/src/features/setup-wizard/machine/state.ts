/**
 * The wizard's state and actions: what every step carries, and the union of the steps and
 * actions each part of the machine (`navigation`, `credentials`, `signIn`, `verification`,
 * `people`, `saving`) defines. Pure types and the constructors the parts share.
 */

import type {
  MatchCounts,
  ProviderId,
  StagedCredentials,
  WizardProblem,
} from "../../../lib/ipc/types";
import type { PeopleAction, PeopleStage } from "../../people/machine";
import type {
  CredentialSource,
  CredentialsAction,
  CredentialsError,
  CredentialsNote,
} from "./credentials";
import type { NavigationAction } from "./navigation";
import type { ReauthTarget, SaveAction, SaveState } from "./saving";
import type { SignInAction } from "./signIn";
import type { ChecklistItem, Outcome, VerificationAction } from "./verification";

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
  | NavigationAction
  | CredentialsAction
  | SignInAction
  | VerificationAction
  | PeopleAction
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
