/** The fake backend's options, the handles a test drives it by, and what it records. */

import type { Backend } from "../backend";
import type { Categories_Serialize } from "../bindings.gen";
import type { FakeConnections, FakeConnectionsOptions } from "../fakeConnections";
import type { FakeSnapshot } from "../fakePeople";
import type {
  AppInfo,
  ConnectionHealth,
  CredentialInput,
  DeliveredProfile,
  Language,
  LinkAction,
  ListingProgress,
  Mapping,
  PairDecision,
  PeopleOverview,
  PersonView,
  Problem,
  ProviderId,
  ProviderSummary,
  Result,
  ScheduleStatus,
  StagedCredentials,
  UpdateNews,
  VerificationReport,
  VerifyProgress,
  WizardDraft,
} from "../types";

/** What one verification does: the progress events in order, then the answer. */
export interface VerifyScript {
  progress: VerifyProgress[];
  result: Result<VerificationReport, Problem>;
}

/** What the fake holds for staged credentials (the secret itself is never known). */
export interface FakeStaged {
  id: string;
  provider: ProviderId;
  /** The Sandbox scenario they are (`sandboxAnswers.gen.json`); empty when a test staged them. */
  scenario: string;
  /** Employment Hero (Payroll): the organisation (business) chosen, when it reaches several. */
  organisation?: string;
}

/**
 * What a browser sign-in does: succeed (as a Sandbox user, by default the provider's first),
 * be declined on the consent page, time out, fail with any problem, or wait until the test
 * settles it through `pendingSignIn` (or `cancelSignIn` is called). Each can take a while
 * (`afterMs`); `cancelSignIn` ends any of them with `sign_in_cancelled`.
 */
export type SignInBehaviour =
  | { kind: "succeed"; as?: string; afterMs?: number }
  | { kind: "deny"; afterMs?: number }
  | { kind: "timeOut"; afterMs?: number }
  | { kind: "fail"; problem: Problem; afterMs?: number }
  | { kind: "wait" };

/** A sign-in settled by the test. */
export interface ManualSignIn {
  readonly provider: ProviderId;
  /** The browser came back: stage a sign-in as `as` (default: the provider's first user). */
  succeed(as?: string): void;
  fail(problem: Problem): void;
}

/** The file the admin chose in the dialog, which the Rust command reads (the webview never sees it). */
export interface ChosenFile {
  kind: "file";
  path: string;
}

export interface FakeBackendOptions {
  appInfo?: Partial<AppInfo>;
  providers?: ProviderSummary[];
  /** Files the dialog or a drop can hand over: path → content. */
  files?: Record<string, string>;
  /** The file the admin picks in the dialog (`null`: cancelled). */
  pickedPath?: string | null;
  /** Replaces the Sandbox answers to staging. */
  stage?: (
    provider: ProviderId,
    input: CredentialInput | ChosenFile,
  ) => Result<StagedCredentials, Problem> | Promise<Result<StagedCredentials, Problem>>;
  /** Replaces the Sandbox answers to verifying. */
  verify?: (staged: FakeStaged) => VerifyScript;
  /** Pause before each progress event and before the answer (0: next microtask). */
  stepDelayMs?: number;
  /** Leave each verification open until the test drives it through `pendingVerification`. */
  manualVerify?: boolean;
  /** What a browser sign-in does (default: succeeds after a few step delays). */
  signIn?: SignInBehaviour | ((provider: ProviderId) => SignInBehaviour);
  /** No browser can be started: a sign-in tells its address with `browserOpened: false`. */
  noBrowser?: boolean;
  /** Saved connections at the start, and how many unreadable ones were set aside. */
  connections?: FakeConnectionsOptions;
  /** The people every HR system lists (default: 42 made-up people, as the reports count). */
  people?: PersonView[];
  /** People per page of a listing (default 20). */
  pageSize?: number;
  /** Leave each listing open until the test drives it through `pendingListing`. */
  manualListing?: boolean;
  /** What the save dialog for the hand-off sheet does (default: the admin saves). */
  handoffSave?: "saved" | "cancelled" | { problem: Problem };
  /** The roster the admin picks in the dialog (`null`, the default: cancelled), or a problem. */
  pickedRoster?: { people: PersonView[] } | { problem: Problem } | null;
  /**
   * The people lists kept at earlier confirmations, by connection id (`"unreadable"`: the file
   * no longer opens). Saving or re-authorising after a confirmation adds or replaces one.
   */
  snapshots?: Record<string, FakeSnapshot | "unreadable">;
  /** The admin cancels the export's save dialog (default: they choose a file). */
  exportCancelled?: boolean;
  /**
   * Keeping the confirmed people at a save or re-authorisation fails with this problem (e.g. a
   * locked keychain); the connection is saved all the same.
   */
  peopleNotKept?: Problem;
  /** A wizard draft left by an earlier run (default: none). */
  draft?: WizardDraft | null;
  /** Saving the draft fails with this problem (e.g. `draft_not_saved`). */
  draftProblem?: Problem;
  /** The `hrlink://` link the app was started with, as the core routed it. */
  openingLink?: LinkAction;
  /** What the update check at start-up found (default: nothing, as without `[updates]`). */
  update?: UpdateNews;
  /** "Restart now" fails with this problem (e.g. `update_not_installed`). */
  installProblem?: Problem;
  /** Cloud delivery: codes beside the Sandbox product's (canonical form → what it is). */
  enrollmentCodes?: Record<string, FakeEnrollment>;
  /** Cloud delivery: the product cannot be reached (redeeming fails). */
  productUnreachable?: boolean;
  /** Cloud delivery: the product refuses every delivery with this problem. */
  deliveryProblem?: Problem;
  /** Connections delivered before, as the core keeps their profiles. */
  delivered?: DeliveredProfile[];
  /** What the product says of a delivered connection, or its problem (default: connected). */
  deliveredHealth?: Record<string, ConnectionHealth | Problem>;
  /** The product's categories for the mapping step (default: none, so no step). */
  categories?: Categories_Serialize | null;
  /** Reading the structure for the mapping step fails with this problem. */
  mappingProblem?: Problem;
  /** Mappings saved with connections before, by connection id (re-authorising pre-fills). */
  mappings?: Record<string, Mapping>;
  /**
   * The daily check as the scheduler has it (default: systemd, off); `"unavailable"`: this
   * computer has no scheduler for it.
   */
  dailyCheck?: ScheduleStatus | "unavailable";
  /** Switching the daily check on or off fails with this problem. */
  dailyCheckProblem?: Problem;
  /** The saved page already offered the daily check once (default: not yet). */
  dailyCheckOffered?: boolean;
}

/** An enrollment code of the fake product: what it fixes, or how redeeming it is refused. */
export interface FakeEnrollment {
  provider?: ProviderId | null;
  /** A re-authorisation: the account the new credentials must reach. */
  reauthorise?: { id: string; name: string };
  refused?: "enrollment_expired" | "enrollment_used" | "enrollment_unknown";
}

/** A people listing driven by the test. */
export interface ManualListing {
  readonly staged: string;
  emit(progress: ListingProgress): void;
  finish(result: Result<PeopleOverview, Problem>): void;
}

/** A verification driven by the test: emit progress, then finish. */
export interface ManualVerification {
  readonly id: string;
  emit(progress: VerifyProgress): void;
  finish(result: Result<VerificationReport, Problem>): void;
}

export type FakeCall =
  | { method: "appInfo" | "listProviders" | "providerGuides" }
  | { method: "checkIpayrollUsername"; username: string }
  | { method: "installUpdate"; wizardMidWay: boolean }
  | { method: "chooseKeyFile"; provider: ProviderId }
  | { method: "stageCredentials"; provider: ProviderId; input: CredentialInput }
  | { method: "discardCredentials"; id: string }
  | { method: "verifyConnection"; id: string; optional: string[]; organisation: string | null }
  | { method: "listOrganisations"; id: string }
  | {
      method: "saveHandoffSheet";
      provider: ProviderId;
      language: Language;
      title: string;
      sheet: string;
    }
  | { method: "signIn"; provider: ProviderId; optional: string[]; language: Language }
  | { method: "reopenSignIn" }
  | { method: "cancelSignIn" }
  | { method: "listConnections" }
  | { method: "saveConnection"; staged: string; label: string }
  | { method: "alreadyConnected"; staged: string }
  | { method: "checkConnection" | "removeConnection"; id: string }
  | { method: "renameConnection"; id: string; label: string }
  | {
      method: "reauthoriseConnection";
      id: string;
      staged: string;
      replacementName: string | null;
    }
  | { method: "listPeople"; staged: string }
  | { method: "cancelPeopleListing" }
  | { method: "setScreenShare"; on: boolean }
  | { method: "chooseRosterFile"; staged: string }
  | { method: "peopleReport"; staged: string }
  | { method: "decidePair"; staged: string; entry: number; decision: PairDecision }
  | { method: "excludePerson"; staged: string; entry: number; excluded: boolean }
  | { method: "confirmPeople" | "exportPeople"; staged: string }
  | { method: "peopleChanges"; staged: string; id: string }
  | { method: "loadWizardDraft" | "clearWizardDraft" }
  | { method: "saveWizardDraft"; draft: WizardDraft }
  | { method: "diagnostics"; language: Language; step: string }
  | { method: "redeemEnrollment"; code: string }
  | { method: "deliverConnection"; staged: string }
  | { method: "forgetEnrollment" | "listDelivered" }
  | { method: "deliveredStatus"; connectionId: string }
  | { method: "mappingProposal"; staged: string; connection: string | null }
  | { method: "chooseMapping"; staged: string; mapping: Mapping }
  | { method: "dailyCheck" | "takeDailyCheckOffer" }
  | { method: "setDailyCheck"; on: boolean };

export interface FakeBackend extends Backend {
  /** Every call made, in order. */
  readonly calls: FakeCall[];
  /** Ids currently staged. */
  stagedIds(): string[];
  /** Simulates files dragged over the window. */
  hoverFiles(): void;
  /** Simulates files dropped onto the window. */
  dropFiles(paths: string[]): void;
  /** Simulates a drag leaving the window. */
  leaveFiles(): void;
  /** Adds or replaces a file the dialog or a drop can hand over. */
  putFile(path: string, content: string): void;
  /** The open verification when `manualVerify` is set. */
  readonly pendingVerification: ManualVerification | null;
  /** The open sign-in when the behaviour is `wait`. */
  readonly pendingSignIn: ManualSignIn | null;
  /** The saved connections (tests set their health and keychain failures here). */
  readonly connections: FakeConnections;
  /** The open listing when `manualListing` is set. */
  readonly pendingListing: ManualListing | null;
  /** The kept people lists by connection id, as the core would keep them (encrypted). */
  readonly snapshots: Map<string, FakeSnapshot | "unreadable">;
  /** The CSV rows of each export, in order (header first). */
  readonly exports: string[][][];
  /** The wizard draft as the core would have it on disk now. */
  readonly draft: WizardDraft | null;
  /** The mapping kept with each saved connection, by connection id. */
  readonly mappings: Map<string, Mapping>;
  /** The mapping sent with each delivery, in order (`null`: none chosen). */
  readonly deliveredMappings: (Mapping | null)[];
  /** Simulates an `hrlink://` link opened while the app runs (routed by the core). */
  openLink(action: LinkAction): void;
  /** The daily check as the scheduler has it now (`null`: there is no scheduler). */
  readonly schedule: ScheduleStatus | null;
}
