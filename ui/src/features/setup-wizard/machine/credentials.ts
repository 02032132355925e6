/**
 * Handing the credentials over, by kind: a key pair (pasted text or a key file, HRworks), an
 * API key with its region (Employment Hero Payroll), a login (an API user's name and password,
 * IRIS). Secrets are held in the draft only until the
 * core has them (`staged`), then cleared. The browser sign-in is `signIn.ts`.
 */

import {
  type Counters,
  type CredentialsError,
  type CredentialsNote,
  counters,
  type Draft,
  type Handlers,
  type LoginField,
  type WizardState,
} from "./state";

/** The credentials step, with no error or note unless given. */
export function credentials(
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

/** Drops a login field from a "required" error once it is edited; other errors go. */
function afterLoginEdit(
  error: CredentialsError | null,
  field: LoginField,
): CredentialsError | null {
  if (error?.kind !== "required") return null;
  const fields = error.fields.filter((f) => f !== field);
  return fields.length > 0 ? { kind: "required", fields } : null;
}

export const credentialsHandlers: Handlers = {
  editKeyText: (state, action) => {
    if (state.step !== "credentials" || state.staging) return state;
    const error =
      state.error?.kind === "problem" && state.error.source === "file" ? state.error : null;
    return { ...state, draft: { ...state.draft, keyText: action.text }, error };
  },
  chooseRegion: (state, action) => {
    if (state.step !== "credentials" || state.staging) return state;
    return { ...state, draft: { ...state.draft, region: action.region }, error: null };
  },
  requireKey: (state) => {
    if (state.step !== "credentials") return state;
    return { ...state, error: { kind: "empty" }, note: null };
  },
  editLoginUsername: (state, action) => {
    if (state.step !== "credentials" || state.staging) return state;
    const draft = { ...state.draft, loginUsername: action.text };
    return { ...state, draft, error: afterLoginEdit(state.error, "username") };
  },
  editLoginPassword: (state, action) => {
    if (state.step !== "credentials" || state.staging) return state;
    const draft = { ...state.draft, loginPassword: action.text };
    return { ...state, draft, error: afterLoginEdit(state.error, "password") };
  },
  pasteLogin: (state, action) => {
    if (state.step !== "credentials" || state.staging) return state;
    const draft = {
      ...state.draft,
      loginUsername: action.username,
      loginPassword: action.password,
    };
    return { ...state, draft, error: null };
  },
  requireLogin: (state) => {
    if (state.step !== "credentials") return state;
    const fields: LoginField[] = [];
    if (state.draft.loginUsername.trim() === "") fields.push("username");
    if (state.draft.loginPassword.trim() === "") fields.push("password");
    if (fields.length === 0) return state;
    return { ...state, error: { kind: "required", fields }, note: null };
  },
  stagingStarted: (state, action) => {
    if (state.step !== "credentials" || state.staging) return state;
    return { ...state, staging: action.source, note: null };
  },
  stagingSucceeded: (state, action) => {
    if (state.step !== "credentials") return state;
    // The core holds the credentials now: forget the typed secrets (the user name stays).
    const draft = { ...state.draft, keyText: "", loginPassword: "", staged: action.staged };
    return credentials(draft, counters(state));
  },
  stagingFailed: (state, action) => {
    if (state.step !== "credentials") return state;
    return {
      ...state,
      staging: null,
      error: { kind: "problem", problem: action.problem, source: action.source },
    };
  },
  useDifferentKey: (state) => {
    if (state.step === "credentials" && !state.staging) {
      return credentials({ ...state.draft, staged: null }, counters(state));
    }
    if (state.step === "result") {
      const draft = {
        ...state.draft,
        keyText: "",
        loginPassword: "",
        staged: null,
        organisation: null,
      };
      return credentials(draft, counters(state));
    }
    return state;
  },
};
