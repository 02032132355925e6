/**
 * What one fake backend holds, shared by its method groups: the core's in-memory state (staged
 * credentials, listings, the journal, the draft) and the handles a test drives it by.
 */

import type { FileDropEvent } from "../backend";
import { createFakeConnections, type FakeConnections } from "../fakeConnections";
import { type FakeSnapshot, fakeHrPeople } from "../fakePeople";
import type {
  AppInfo,
  LinkAction,
  Mapping,
  PersonView,
  Problem,
  ProviderId,
  ProviderSummary,
  Result,
  ScheduleStatus,
  StagedCredentials,
  VerificationReport,
  WizardDraft,
} from "../types";
import { DEFAULT_PROVIDERS } from "./sandbox";
import type {
  FakeBackendOptions,
  FakeCall,
  FakeStaged,
  ManualListing,
  ManualSignIn,
  ManualVerification,
} from "./types";

/** What a staged id has listed and compared, like the core keeps it. */
export interface ListedPeople {
  roster: PersonView[] | null;
  excluded: Set<number>;
  decisions: Map<number, "accept" | "reject">;
}

/** A journal entry: an outcome only (codes, never parameters). */
export interface JournalEvent {
  kind: string;
  provider: ProviderId | null;
  outcome: string;
}

export interface FakeState {
  readonly options: FakeBackendOptions;
  readonly calls: FakeCall[];
  readonly files: Map<string, string>;
  readonly staged: Map<string, FakeStaged>;
  /** The hint and the last report of staged credentials (the core keeps both). */
  readonly hints: Map<string, string>;
  readonly reports: Map<string, VerificationReport>;
  readonly connections: FakeConnections;
  readonly dropHandlers: Set<(event: FileDropEvent) => void>;
  readonly linkHandlers: Set<(action: LinkAction) => void>;
  readonly stepDelay: number;
  nextId: number;
  pendingVerification: ManualVerification | null;
  pendingSignIn: ManualSignIn | null;
  /** Ends the sign-in under way with `sign_in_cancelled`. */
  cancelCurrentSignIn: (() => void) | null;
  /** Where the sign-in under way sent the browser, for `reopenSignIn`. */
  signInAddress: string | null;
  pendingListing: ManualListing | null;
  /** Ends the listing under way with `people_listing_cancelled`. */
  cancelCurrentListing: (() => void) | null;
  readonly hrPeople: PersonView[];
  readonly pageSize: number;
  readonly listed: Map<string, ListedPeople>;
  /** The people each staged id confirmed, until saved with it. */
  readonly confirmed: Map<string, PersonView[]>;
  readonly snapshots: Map<string, FakeSnapshot | "unreadable">;
  readonly exports: string[][][];
  readonly info: AppInfo;
  draft: WizardDraft | null;
  /** The mapping chosen for each staged id, until saved or sent with it. */
  readonly chosenMappings: Map<string, Mapping>;
  /** The mapping kept with each saved connection. */
  readonly mappings: Map<string, Mapping>;
  /** The mapping sent with each delivery. */
  readonly deliveredMappings: (Mapping | null)[];
  /** What the core's journal would hold. */
  readonly journal: JournalEvent[];
  readonly providers: ProviderSummary[];
  /** The daily check's job as the scheduler has it; `null`: no scheduler on this computer. */
  schedule: ScheduleStatus | null;
  dailyCheckOffered: boolean;
}

export function createFakeState(options: FakeBackendOptions): FakeState {
  return {
    options,
    calls: [],
    files: new Map(Object.entries(options.files ?? {})),
    staged: new Map(),
    hints: new Map(),
    reports: new Map(),
    connections: createFakeConnections(options.connections),
    dropHandlers: new Set(),
    linkHandlers: new Set(),
    stepDelay: options.stepDelayMs ?? 0,
    nextId: 0,
    pendingVerification: null,
    pendingSignIn: null,
    cancelCurrentSignIn: null,
    signInAddress: null,
    pendingListing: null,
    cancelCurrentListing: null,
    hrPeople: options.people ?? fakeHrPeople(42),
    pageSize: Math.max(1, options.pageSize ?? 20),
    listed: new Map(),
    confirmed: new Map(),
    snapshots: new Map(Object.entries(options.snapshots ?? {})),
    exports: [],
    info: {
      version: "0.1.0",
      product: "Demo Rostering",
      demo: true,
      support_mode: false,
      support_code: "HRL-7K3Q-9P2M",
      cloud: false,
      ...options.appInfo,
    },
    draft: options.draft ?? null,
    chosenMappings: new Map(),
    mappings: new Map(Object.entries(options.mappings ?? {})),
    deliveredMappings: [],
    journal: [],
    providers: options.providers ?? DEFAULT_PROVIDERS,
    schedule:
      options.dailyCheck === "unavailable"
        ? null
        : (options.dailyCheck ?? { enabled: false, next_run: null, scheduler: "systemd" }),
    dailyCheckOffered: options.dailyCheckOffered ?? false,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits one step delay (0: the next microtask). */
export const pause = (state: FakeState) =>
  state.stepDelay > 0 ? delay(state.stepDelay) : Promise.resolve();

export function journalled(state: FakeState, event: JournalEvent) {
  state.journal.push(event);
  if (state.journal.length > 50) state.journal.shift();
}

export const record = (
  state: FakeState,
  kind: string,
  provider: ProviderId | null,
  result: Result<unknown, Problem>,
) =>
  journalled(state, {
    kind,
    provider,
    outcome: result.status === "ok" ? "ok" : result.error.code,
  });

export function remember(
  state: FakeState,
  entry: Omit<FakeStaged, "id">,
  hint: string,
): StagedCredentials {
  state.nextId += 1;
  const id = `staged-${state.nextId}`;
  state.staged.set(id, { id, ...entry });
  state.hints.set(id, hint);
  return { id, provider: entry.provider, hint };
}

/** The core forgets staged credentials once they are saved. */
export function forget(state: FakeState, id: string) {
  state.staged.delete(id);
  state.chosenMappings.delete(id);
  state.hints.delete(id);
  state.reports.delete(id);
}
