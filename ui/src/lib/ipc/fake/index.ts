/**
 * An in-memory `Backend` for tests and plain-browser development.
 *
 * It imitates the Rust core closely enough for the UI: key files and IRIS logins are parsed the way
 * the core reads them, secrets stay inside the fake (only a masked hint comes back), a browser
 * sign-in waits until it succeeds, fails or is cancelled, and verification streams progress events
 * before it resolves. Every behaviour can be replaced per test.
 *
 * The method groups share one `FakeState`; the handles a test drives it by are composed here.
 */

import { appMethods } from "./appMethods";
import { connectionMethods } from "./connectionMethods";
import { deliveryMethods } from "./deliveryMethods";
import { mappingMethods } from "./mappingMethods";
import { peopleMethods } from "./peopleMethods";
import { scheduleMethods } from "./scheduleMethods";
import { signInMethods } from "./signInMethods";
import { createFakeState } from "./state";
import type { FakeBackend, FakeBackendOptions } from "./types";
import { updateMethods } from "./updateMethods";

export { maskTail, parseIrisText, parseKeyFile } from "./credentials";
export { FAKE_CODES, FAKE_PRODUCT, FAKE_TENANT, parseCode } from "./deliveryMethods";
export { FAKE_CATEGORIES, FAKE_STRUCTURE } from "./mappingMethods";
export {
  DEFAULT_PROVIDERS,
  DEMO_GUIDES,
  FAKE_BUSINESSES,
  FAKE_ORGANISATIONS,
  irisText,
  keyFileText,
  type Login,
  OTHER_COMPANY,
  SANDBOX_API_KEYS,
  SANDBOX_KEYS,
  SANDBOX_LOGINS,
} from "./sandbox";
export {
  failedScenario,
  progressFor,
  sandboxScenario,
  scenarioFor,
  successReport,
} from "./scenarios";
export { selectRun } from "./selection";
export type {
  FakeBackend,
  FakeBackendOptions,
  FakeCall,
  FakeEnrollment,
  FakeStaged,
  ManualListing,
  ManualSignIn,
  ManualVerification,
  SignInBehaviour,
  VerifyScript,
} from "./types";

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const state = createFakeState(options);
  const { dropHandlers, linkHandlers } = state;
  // The `pending*` and `draft` getters read the state on each access (spreading would copy them).
  return {
    calls: state.calls,
    connections: state.connections,
    get pendingVerification() {
      return state.pendingVerification;
    },
    get pendingSignIn() {
      return state.pendingSignIn;
    },
    get pendingListing() {
      return state.pendingListing;
    },
    snapshots: state.snapshots,
    exports: state.exports,
    mappings: state.mappings,
    deliveredMappings: state.deliveredMappings,
    get draft() {
      return state.draft;
    },
    get schedule() {
      return state.schedule;
    },
    stagedIds: () => [...state.staged.keys()],
    hoverFiles: () => {
      for (const handler of dropHandlers) handler({ type: "hover" });
    },
    dropFiles: (paths) => {
      // The webview reads a dropped file's contents; an unreadable one is an empty drop.
      const text = state.files.get(paths[0] ?? "") ?? "";
      for (const handler of dropHandlers) handler({ type: "drop", text });
    },
    leaveFiles: () => {
      for (const handler of dropHandlers) handler({ type: "leave" });
    },
    putFile: (path, content) => {
      state.files.set(path, content);
    },
    openLink: (action) => {
      for (const handler of linkHandlers) handler(action);
    },
    ...appMethods(state),
    ...signInMethods(state),
    ...connectionMethods(state),
    ...peopleMethods(state),
    ...deliveryMethods(state),
    ...mappingMethods(state),
    ...scheduleMethods(state),
    ...updateMethods(state),
  };
}
