/**
 * The IPC shapes the UI works with, from the bindings that tauri-specta generates from the Rust
 * types (`bindings.gen.ts`). Values the core sends use the `_Serialize` variants.
 */

import type {
  CheckedConnection_Serialize,
  ConnectionHealth_Serialize,
  ConnectionList_Serialize,
  ConnectionSummary_Serialize,
  EnrollmentSummary_Serialize,
  GuideScreen_Serialize,
  GuideStep_Serialize,
  ListingProgress_Serialize,
  Mapping_Deserialize,
  MappingKindRows_Serialize,
  MappingProposal_Serialize,
  MappingRow_Serialize,
  MatchCounts_Serialize,
  PeopleChanges_Serialize,
  PeopleComparison_Serialize,
  PeopleOverview_Serialize,
  PeopleReport_Serialize,
  PermissionInfo_Serialize,
  PersonView_Serialize,
  Problem_Serialize,
  ProviderGuide_Serialize,
  ReportRow_Serialize,
  RosterSummary_Serialize,
  SavedConnection_Serialize,
  VerificationReport_Serialize,
} from "./bindings.gen";

/** The wizard's non-secret draft, as saved for resuming and as read back. */
export type {
  Account,
  AppInfo,
  Category,
  CategoryKind,
  ConnectionStatus,
  CredentialInput,
  CredentialKind,
  Decision,
  DeliveredProfile,
  DeliveredStatus,
  DeliveryReceipt,
  DraftStep,
  Field,
  HrCategory,
  Language,
  LinkAction,
  PairDecision,
  PeopleCount,
  PermissionCheck,
  PermissionStatus,
  PersonStatus,
  ProductCategory,
  ProviderId,
  ProviderSummary,
  ScheduleStatus_Serialize as ScheduleStatus,
  SignInAddress,
  StagedCredentials,
  StepValue,
  UpdateNews_Serialize as UpdateNews,
  VerifyProgress,
  VerifyStep,
  WizardDraft_Serialize as WizardDraft,
} from "./bindings.gen";

/** A user-facing failure as the core sends it: a code and, for most codes, parameters. */
export type Problem = Problem_Serialize;

export type ProblemCode = Problem["code"];

/**
 * A problem to show: one from the core, or an unexpected failure of the IPC call itself (rendered
 * with the generic message, which names the code for support).
 */
export type WizardProblem = Problem | { code: "unexpected_error" };

/** The outcome of a verification as the core sends it. */
export type VerificationReport = VerificationReport_Serialize;

/** Where a people listing is, after each page. */
export type ListingProgress = ListingProgress_Serialize;
/** People per category, after decisions and exclusions. */
export type MatchCounts = MatchCounts_Serialize;
/** Everyone the HR system listed (`list_people`). */
export type PeopleOverview = PeopleOverview_Serialize;
/** The listed people compared with the admin's roster (`choose_roster_file`). */
export type PeopleComparison = PeopleComparison_Serialize;
/** Counts and rows, masked in screen-share mode. */
export type PeopleReport = PeopleReport_Serialize;
export type ReportRow = ReportRow_Serialize;
export type PersonView = PersonView_Serialize;
/** Who joined, left, was terminated or changed since the people were last confirmed. */
export type PeopleChanges = PeopleChanges_Serialize;
/** How a roster file was read (never its cells). */
export type RosterSummary = RosterSummary_Serialize;

/** What a fallible command resolves to (tauri-specta's `ErrorHandlingMode::Result`). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** A saved connection as the core sends it (no secret, only the masked hint). */
export type ConnectionSummary = ConnectionSummary_Serialize;

/** Every saved connection, and how many unreadable profile files were set aside. */
export type ConnectionList = ConnectionList_Serialize;

/**
 * A connection after a health check, with what went wrong (if anything) and warnings that do not
 * stop it (far more granted than the admin chose to share).
 */
export type CheckedConnection = CheckedConnection_Serialize;

/**
 * A connection just saved or re-authorised; `people_not_kept` says why the people the admin
 * confirmed could not be kept (the connection works; the next reconnect cannot compare).
 */
export type SavedConnection = SavedConnection_Serialize;

/** A system's guide from the core's catalogue (texts are ids into `providerGuide.*`). */
export type ProviderGuide = ProviderGuide_Serialize;
export type PermissionInfo = PermissionInfo_Serialize;
export type GuideScreen = GuideScreen_Serialize;
export type GuideStep = GuideStep_Serialize;

/** A redeemed enrollment code as the admin is shown it: product, tenant, who made the code. */
export type EnrollmentSummary = EnrollmentSummary_Serialize;
/** How the product sees a delivered connection (HANDOFF.md §2.5). */
export type ConnectionHealth = ConnectionHealth_Serialize;

/**
 * The mapping step as the core pre-fills it: the product's categories, one row per HR category
 * (with its people count, the suggestion and the pre-chosen product category), the default role.
 */
export type MappingProposal = MappingProposal_Serialize;
export type MappingKindRows = MappingKindRows_Serialize;
export type MappingRow = MappingRow_Serialize;
/** What the admin chose, in the hand-off's shape (HANDOFF.md `mapping`); unmapped left out. */
export type Mapping = Mapping_Deserialize;
