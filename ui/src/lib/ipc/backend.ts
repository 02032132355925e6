/**
 * The seam between the UI and the Rust core.
 *
 * Components never call Tauri directly: they take a {@link Backend} from the React context
 * (`useBackend`). The app uses {@link tauriBackend}; tests and plain-browser development use the
 * in-memory `fakeBackend`. This folder is the only place that imports `bindings.gen.ts` or
 * `@tauri-apps/*`.
 */

import { Channel } from "@tauri-apps/api/core";
import { commands, events, type ListingProgress_Deserialize } from "./bindings.gen";
import { type FileDropEvent, listenForDroppedFiles, type Unlisten } from "./fileDrop";
import type {
  Account,
  AppInfo,
  CheckedConnection,
  ConnectionHealth,
  ConnectionList,
  ConnectionSummary,
  CredentialInput,
  DeliveredProfile,
  DeliveryReceipt,
  EnrollmentSummary,
  Language,
  LinkAction,
  ListingProgress,
  Mapping,
  MappingProposal,
  MatchCounts,
  PairDecision,
  PeopleChanges,
  PeopleComparison,
  PeopleOverview,
  PeopleReport,
  Problem,
  ProviderGuide,
  ProviderId,
  ProviderSummary,
  Result,
  SavedConnection,
  ScheduleStatus,
  SignInAddress,
  StagedCredentials,
  UpdateNews,
  VerificationReport,
  VerifyProgress,
  WizardDraft,
} from "./types";

export type { FileDropEvent, Unlisten };

export interface Backend {
  /** Facts about the running app (version, demo mode, screen-share mode). */
  appInfo(): Promise<AppInfo>;
  /** Every HR system the wizard offers, in the order to list them. */
  listProviders(): Promise<ProviderSummary[]>;
  /**
   * Each system's guide from the core's catalogue: what the admin needs, the permissions HR Link
   * asks for (required or optional, each with why) and the screens for creating the API user or key.
   */
  providerGuides(): Promise<ProviderGuide[]>;
  /**
   * Saves the hand-off sheet (`sheet`: its markup, nothing secret) as a web page where the admin
   * chooses in the system's save dialog (opened by Rust). `false` when the admin cancels.
   */
  saveHandoffSheet(
    provider: ProviderId,
    language: Language,
    title: string,
    sheet: string,
  ): Promise<Result<boolean, Problem>>;
  /** Checks a planned iPayroll API user name against iPayroll's rule (in the core). */
  checkIpayrollUsername(username: string): Promise<Result<null, Problem>>;
  /**
   * Hands credentials to the core once. The secret never comes back: the answer holds an id and
   * a masked hint. Callers must forget the secret as soon as this resolves.
   */
  stageCredentials(
    provider: ProviderId,
    input: CredentialInput,
  ): Promise<Result<StagedCredentials, Problem>>;
  /** Makes the core forget staged credentials. */
  discardCredentials(id: string): Promise<void>;
  /**
   * Proves the staged credentials with real calls, reporting each step as it starts and ends. It
   * checks the required permissions and the `optional` ones the admin chose (a chosen one missing
   * fails); the report warns when the credentials grant far more than that.
   */
  verifyConnection(
    id: string,
    optional: readonly string[],
    organisation: string | null,
    onProgress: (progress: VerifyProgress) => void,
  ): Promise<Result<VerificationReport, Problem>>;
  /**
   * The organisations staged credentials reach, for the admin to choose one (an Employment Hero
   * sign-in that reaches several); empty for the other systems. The choice goes to
   * {@link Backend.verifyConnection} as `organisation` (also: the one a saved connection is for).
   */
  listOrganisations(id: string): Promise<Result<Account[], Problem>>;
  /**
   * Opens the system's file dialog (from Rust) and stages the chosen key file in one step, so
   * the webview never sees the path. `null` when the admin cancels.
   */
  chooseKeyFile(provider: ProviderId): Promise<Result<StagedCredentials | null, Problem>>;
  /** Calls `handler` while files are dragged onto the window and when they are dropped. */
  onFileDrop(handler: (event: FileDropEvent) => void): Promise<Unlisten>;
  /**
   * Signs in through the system browser (iPayroll, Employment Hero): Rust opens the browser at
   * the provider's sign-in page and stages what comes back, so codes and tokens never reach the
   * webview. Resolves when the browser comes back, after 5 minutes (`sign_in_timed_out`), or
   * when {@link Backend.cancelSignIn} is called (`sign_in_cancelled`). `language` is the UI's,
   * for the page the browser shows when it returns. iPayroll is asked for the required
   * permissions and the `optional` ones the admin chose. `onAddress` is told where the browser
   * was sent (to copy, or open again), also when no browser could be started. A new `signIn`
   * replaces one still waiting (which resolves with `sign_in_cancelled`).
   */
  signIn(
    provider: ProviderId,
    optional: readonly string[],
    language: Language,
    onAddress: (address: SignInAddress) => void,
  ): Promise<Result<StagedCredentials, Problem>>;
  /** Opens the browser again at the waiting sign-in's address; `browser_unavailable` if none. */
  reopenSignIn(): Promise<Result<null, Problem>>;
  /** Stops the sign-in under way, if any: its `signIn` resolves with `sign_in_cancelled`. */
  cancelSignIn(): Promise<void>;
  /** The saved connections, and how many unreadable profile files were set aside. */
  listConnections(): Promise<Result<ConnectionList, Problem>>;
  /**
   * Saves verified staged credentials as a new connection: the secret goes to the keychain (never
   * anywhere else), the rest to a profile. An empty `label` means the company's name.
   */
  saveConnection(staged: string, label: string): Promise<Result<SavedConnection, Problem>>;
  /**
   * The saved connection for the company verified staged credentials reached (same HR system,
   * same account id), if it is already connected: offer to re-authorise it instead.
   */
  alreadyConnected(staged: string): Promise<Result<ConnectionSummary | null, Problem>>;
  /** Signs in again with a saved connection and probes its permissions; records the status. */
  checkConnection(id: string): Promise<Result<CheckedConnection, Problem>>;
  renameConnection(id: string, label: string): Promise<Result<ConnectionSummary, Problem>>;
  /** Deletes the connection's keychain entry, then its profile. */
  removeConnection(id: string): Promise<Result<null, Problem>>;
  /**
   * Replaces a connection's credentials with verified staged ones. Credentials that reach another
   * company are refused (`different_account`) unless `replacementName` is that company's name.
   */
  reauthoriseConnection(
    id: string,
    staged: string,
    replacementName: string | null,
  ): Promise<Result<SavedConnection, Problem>>;
  /**
   * Cloud delivery: redeems the product's code (read forgivingly by the core) and says whose
   * tenant it is, before anything else happens.
   */
  redeemEnrollment(code: string): Promise<Result<EnrollmentSummary, Problem>>;
  /**
   * Sends verified staged credentials to the product's backend. Once it has them they are
   * forgotten; after a failure they stay staged, so "Try again" needs nothing typed again.
   */
  deliverConnection(staged: string): Promise<Result<DeliveryReceipt, Problem>>;
  /** The admin left the cloud wizard: the core forgets the redeemed code. */
  forgetEnrollment(): Promise<void>;
  /** The connections delivered to the product from this computer (none in local mode). */
  listDelivered(): Promise<Result<DeliveredProfile[], Problem>>;
  /** How the product sees a delivered connection now. */
  deliveredStatus(connectionId: string): Promise<Result<ConnectionHealth, Problem>>;
  /**
   * "Check my connections every day": whether the OS-scheduled daily check is on and when it
   * runs next, read from the scheduler; `schedule_unavailable` where there is none to use.
   */
  dailyCheck(): Promise<Result<ScheduleStatus, Problem>>;
  /** Switches the daily check on or off; answers how the scheduler has it afterwards. */
  setDailyCheck(on: boolean): Promise<Result<ScheduleStatus, Problem>>;
  /** `true` the first time only: the saved page offers the daily check once. */
  takeDailyCheckOffer(): Promise<boolean>;
  /**
   * Tells the core that the first screen is painted and can be used (start-up benchmark,
   * `scripts/bench`). Fire and forget: the app only listens when benchmarking.
   */
  firstScreenShown(): void;
  /**
   * Reads everyone the staged credentials can see (all pages), reporting progress after each
   * page. The core keeps the people with the staged credentials; the answer holds counts and
   * rows (masked in screen-share mode). {@link Backend.cancelPeopleListing} ends it with
   * `people_listing_cancelled`.
   */
  listPeople(
    staged: string,
    onProgress: (progress: ListingProgress) => void,
  ): Promise<Result<PeopleOverview, Problem>>;
  /** Stops the listing under way, if any. */
  cancelPeopleListing(): Promise<void>;
  /**
   * Opens the system's file dialog (from Rust) for a CSV/XLSX roster, reads it and compares it
   * with the listed people. `null` when the admin cancels.
   */
  chooseRosterFile(staged: string): Promise<Result<PeopleComparison | null, Problem>>;
  /** The listed people as they stand now (after decisions). */
  peopleReport(staged: string): Promise<Result<PeopleReport, Problem>>;
  /** Accepts or rejects a suggested pair (or takes the answer back); answers the new counts. */
  decidePair(
    staged: string,
    entry: number,
    decision: PairDecision,
  ): Promise<Result<MatchCounts, Problem>>;
  /** Leaves a person out of the connection (or takes them back in); answers the new counts. */
  excludePerson(
    staged: string,
    entry: number,
    excluded: boolean,
  ): Promise<Result<MatchCounts, Problem>>;
  /**
   * "Yes, these are our people": the core keeps the confirmed list (everyone listed, less the
   * excluded) with the staged credentials; saving or re-authorising then stores it encrypted, to
   * show what changed at the next reconnect. Answers how many people were confirmed.
   */
  confirmPeople(staged: string): Promise<Result<number, Problem>>;
  /**
   * Re-authorising connection `id`: who joined, left, was terminated or changed since its people
   * were last confirmed, compared with the people listed with `staged`. `null` when no list was
   * kept; `people_snapshot_unreadable` when the kept one no longer opens.
   */
  peopleChanges(staged: string, id: string): Promise<Result<PeopleChanges | null, Problem>>;
  /**
   * Exports the people (after decisions, the excluded left out) as CSV to a file chosen in the
   * system's save dialog, opened by Rust. `false` when the admin cancels;
   * `people_export_in_support_mode` in screen-share mode.
   */
  exportPeople(staged: string): Promise<Result<boolean, Problem>>;
  /**
   * The mapping step for staged credentials: the HR system's locations, areas of work and roles
   * (people counted) beside the product's own categories, pre-filled. `null` when the product has
   * no categories (no step). Re-authorising `connection`, its saved mapping pre-fills the step and
   * HR categories new since are marked.
   */
  mappingProposal(
    staged: string,
    connection: string | null,
  ): Promise<Result<MappingProposal | null, Problem>>;
  /**
   * Keeps the admin's mapping with the staged credentials: saving keeps it in the profile (local),
   * delivering sends it to the product (cloud).
   */
  chooseMapping(staged: string, mapping: Mapping): Promise<Result<null, Problem>>;
  /**
   * The half-finished wizard to offer to resume, if any (nothing secret is in it). An unreadable
   * draft, or one from a newer HR Link, is set aside by the core and answered as `null`.
   */
  loadWizardDraft(): Promise<WizardDraft | null>;
  /** Keeps the wizard's progress on disk, so that it can be resumed after a restart. */
  saveWizardDraft(draft: WizardDraft): Promise<Result<null, Problem>>;
  /** "Start again": forgets the draft. (Saving a connection forgets it too, in the core.) */
  clearWizardDraft(): Promise<Result<null, Problem>>;
  /**
   * "Copy diagnostics": the redacted bundle for support (versions, OS, language, screen-share
   * mode, support code, `step`, the last events with codes, statuses, request ids and timings).
   */
  diagnostics(language: Language, step: string): Promise<string>;
  /**
   * The header's screen-share switch. From its answer on, the core masks names, emails and key
   * hints in what it sends (and refuses the people export); what is already on screen must be
   * asked for again.
   */
  setScreenShare(on: boolean): Promise<void>;
  /**
   * `hrlink://` links as the core routed them: `handler` gets the link the app was started with
   * (if any) and then every link opened later (a link clicked while HR Link runs). Call once.
   */
  onLinkOpened(handler: (action: LinkAction) => void): Promise<Unlisten>;
  /**
   * What the update check at start-up found (only with `[updates]` in `hrlink.toml`): a
   * verified update waiting for "Restart now", or one refused. Told once, also when it was found
   * before this listener.
   */
  onUpdateNews(handler: (news: UpdateNews) => void): Promise<Unlisten>;
  /**
   * "Restart now": installs the verified update and restarts HR Link. The core refuses while a
   * wizard is mid-way (`update_waits_for_wizard`).
   */
  installUpdate(wizardMidWay: boolean): Promise<Result<null, Problem>>;
}

/** The real backend: the Rust commands through tauri-specta's generated bindings. */
export const tauriBackend: Backend = {
  appInfo: () => commands.appInfo(),
  listProviders: () => commands.listProviders(),
  providerGuides: () => commands.providerGuides(),
  checkIpayrollUsername: (username) => commands.checkIpayrollUsername(username),
  stageCredentials: (provider, input) => commands.stageCredentials(provider, input),
  discardCredentials: async (id) => {
    await commands.discardCredentials(id);
  },
  verifyConnection: (id, optional, organisation, onProgress) => {
    const channel = new Channel<VerifyProgress>();
    channel.onmessage = onProgress;
    return commands.verifyConnection(id, [...optional], organisation, channel);
  },
  listOrganisations: (id) => commands.listOrganisations(id),
  saveHandoffSheet: (provider, language, title, sheet) =>
    commands.saveHandoffSheet(provider, language, title, sheet),
  chooseKeyFile: (provider) => commands.chooseCredentialsFile(provider),
  signIn: (provider, optional, language, onAddress) => {
    const channel = new Channel<SignInAddress>();
    channel.onmessage = onAddress;
    return commands.signIn(provider, [...optional], language, channel);
  },
  reopenSignIn: () => commands.reopenSignIn(),
  cancelSignIn: async () => {
    await commands.cancelSignIn();
  },
  listConnections: () => commands.listConnections(),
  saveConnection: (staged, label) => commands.saveConnection(staged, label),
  alreadyConnected: (staged) => commands.alreadyConnected(staged),
  checkConnection: (id) => commands.checkConnection(id),
  renameConnection: (id, label) => commands.renameConnection(id, label),
  removeConnection: (id) => commands.removeConnection(id),
  reauthoriseConnection: (id, staged, replacementName) =>
    commands.reauthoriseConnection(id, staged, replacementName),
  redeemEnrollment: (code) => commands.redeemEnrollment(code),
  deliverConnection: (staged) => commands.deliverConnection(staged),
  forgetEnrollment: () => commands.forgetEnrollment(),
  listDelivered: () => commands.listDelivered(),
  deliveredStatus: (connectionId) => commands.deliveredStatus(connectionId),
  dailyCheck: () => commands.dailyCheck(),
  setDailyCheck: (on) => commands.setDailyCheck(on),
  takeDailyCheckOffer: () => commands.takeDailyCheckOffer(),
  firstScreenShown: () => {
    events.firstScreenShown.emit().catch(() => {
      // Only the start-up benchmark listens; nothing depends on it.
    });
  },
  listPeople: (staged, onProgress) => {
    // specta types a channel as input (`_Deserialize`: optional fields); Rust always sends
    // every field (`null` when unknown), which is the `_Serialize` shape.
    const channel = new Channel<ListingProgress_Deserialize>();
    channel.onmessage = (progress) => onProgress(progress as ListingProgress);
    return commands.listPeople(staged, channel);
  },
  cancelPeopleListing: async () => {
    await commands.cancelPeopleListing();
  },
  chooseRosterFile: (staged) => commands.chooseRosterFile(staged),
  peopleReport: (staged) => commands.peopleReport(staged),
  decidePair: (staged, entry, decision) => commands.decidePair(staged, entry, decision),
  excludePerson: (staged, entry, excluded) => commands.excludePerson(staged, entry, excluded),
  confirmPeople: (staged) => commands.confirmPeople(staged),
  peopleChanges: (staged, id) => commands.peopleChanges(staged, id),
  exportPeople: (staged) => commands.exportPeople(staged),
  mappingProposal: (staged, connection) => commands.mappingProposal(staged, connection),
  chooseMapping: (staged, mapping) => commands.chooseMapping(staged, mapping),
  loadWizardDraft: () => commands.loadWizardDraft(),
  saveWizardDraft: (draft) => commands.saveWizardDraft(draft),
  clearWizardDraft: () => commands.clearWizardDraft(),
  diagnostics: (language, step) => commands.diagnostics(language, step),
  setScreenShare: async (on) => {
    await commands.setScreenShare(on);
  },
  onLinkOpened: async (handler) => {
    // Listen first, then take the link that came before: none is lost or handed over twice.
    const unlisten = await events.linkOpened.listen(({ payload }) => handler(payload.action));
    const opening = await commands.takeOpeningLink();
    if (opening) handler(opening);
    return unlisten;
  },
  onUpdateNews: async (handler) => {
    // As for links: listen first, then take what the check found before.
    const unlisten = await events.updateChecked.listen(({ payload }) => handler(payload.news));
    const pending = await commands.pendingUpdate();
    if (pending) handler(pending);
    return unlisten;
  },
  installUpdate: (wizardMidWay) => commands.installUpdate(wizardMidWay),
  onFileDrop: async (handler) => listenForDroppedFiles(handler),
};
