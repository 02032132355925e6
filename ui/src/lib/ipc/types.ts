/**
 * The IPC shapes the UI works with, from the bindings that tauri-specta generates from the Rust
 * types (`bindings.gen.ts`). Values the core sends use the `_Serialize` variants.
 */

import type {
  CheckedConnection_Serialize,
  ConnectionList_Serialize,
  ConnectionSummary_Serialize,
  GuideScreen_Serialize,
  GuideStep_Serialize,
  PermissionInfo_Serialize,
  Problem_Serialize,
  ProviderGuide_Serialize,
  VerificationReport_Serialize,
} from "./bindings.gen";

export type {
  Account,
  AppInfo,
  ConnectionStatus,
  CredentialInput,
  CredentialKind,
  Language,
  PeopleCount,
  PermissionCheck,
  PermissionStatus,
  ProviderId,
  ProviderSummary,
  StagedCredentials,
  StepValue,
  VerifyProgress,
  VerifyStep,
} from "./bindings.gen";

/** A user-facing failure as the core sends it: a code and, for most codes, parameters. */
export type Problem = Problem_Serialize;

export type ProblemCode = Problem["code"];

/** The outcome of a verification as the core sends it. */
export type VerificationReport = VerificationReport_Serialize;

/** What a fallible command resolves to (tauri-specta's `ErrorHandlingMode::Result`). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** A saved connection as the core sends it (no secret, only the masked hint). */
export type ConnectionSummary = ConnectionSummary_Serialize;

/** Every saved connection, and how many unreadable profile files were set aside. */
export type ConnectionList = ConnectionList_Serialize;

/** A connection after a health check, with what went wrong (if anything). */
export type CheckedConnection = CheckedConnection_Serialize;

/** A system's guide from the core's catalogue (texts are ids into `providerGuide.*`). */
export type ProviderGuide = ProviderGuide_Serialize;
export type PermissionInfo = PermissionInfo_Serialize;
export type GuideScreen = GuideScreen_Serialize;
export type GuideStep = GuideStep_Serialize;
