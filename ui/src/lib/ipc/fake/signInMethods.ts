/**
 * The fake's credential steps: staging pasted text or a chosen key file, the browser sign-ins,
 * choosing the organisation, and verification.
 */

import type {
  CredentialInput,
  Problem,
  ProviderId,
  Result,
  SignInAddress,
  StagedCredentials,
} from "../types";
import { organisationsOf, signedInScenario, stagedScenario, verificationOf } from "./answers";
import { ipayrollUsernameRule } from "./credentials";
import { err, ok } from "./result";
import { providerName } from "./sandbox";
import { type FakeState, forget, pause, record, remember } from "./state";
import type { ChosenFile, FakeBackend, FakeStaged, SignInBehaviour } from "./types";

async function builtInStage(
  state: FakeState,
  provider: ProviderId,
  input: CredentialInput | ChosenFile,
): Promise<Result<StagedCredentials, Problem>> {
  if (provider === "ipayroll" || provider === "employmenthero") {
    return err({
      code: "configuration_invalid",
      params: { what: `${providerName(provider)} signs in through the browser` },
    });
  }
  const text = input.kind === "file" ? state.files.get(input.path) : input.text;
  if (text === undefined) return err({ code: "file_unreadable" });
  const staged = await stagedScenario(provider, text);
  if (staged.status === "error") return staged;
  return ok(remember(state, { provider, scenario: staged.data.scenario }, staged.data.hint));
}

/** Staging shared by pasted text and chosen files: a test's script, or the built-in parser. */
async function stage(
  state: FakeState,
  provider: ProviderId,
  input: CredentialInput | ChosenFile,
): Promise<Result<StagedCredentials, Problem>> {
  await pause(state);
  if (state.options.stage) {
    const result = await state.options.stage(provider, input);
    if (result.status === "ok") {
      state.staged.set(result.data.id, { id: result.data.id, provider, scenario: "" });
      state.hints.set(result.data.id, result.data.hint);
    }
    return result;
  }
  return builtInStage(state, provider, input);
}

/** The organisations a staged scenario reaches (none for a test's own staging). */
const reached = (staged: FakeStaged) =>
  staged.scenario === "" ? [] : organisationsOf(staged.provider, staged.scenario);

function signInBehaviour(state: FakeState, provider: ProviderId): SignInBehaviour {
  const given = state.options.signIn;
  if (typeof given === "function") return given(provider);
  return given ?? { kind: "succeed", afterMs: state.stepDelay * 4 };
}

/** The Sandbox's consent page, with a fresh `state` per sign-in as the core's. */
function signInAddress(provider: ProviderId, attempt: number): string {
  return `http://127.0.0.1:7400/${provider}/oauth/authorize?client_id=hrlink-demo&state=fake-${attempt}`;
}

/** A browser sign-in: settles as `behaviour` says, or as cancelled. */
function signIn(
  state: FakeState,
  provider: ProviderId,
  onAddress: (address: SignInAddress) => void,
): Promise<Result<StagedCredentials, Problem>> {
  const name = providerName(provider);
  if (provider !== "ipayroll" && provider !== "employmenthero") {
    return Promise.resolve(
      err({ code: "configuration_invalid", params: { what: `${name} sign-in` } }),
    );
  }
  // One sign-in at a time, like the core: a new one cancels the previous.
  state.cancelCurrentSignIn?.();
  state.signInAddress = signInAddress(provider, state.calls.length);
  onAddress({ address: state.signInAddress, browserOpened: !state.options.noBrowser });
  const behaviour = signInBehaviour(state, provider);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (result: Result<StagedCredentials, Problem>) => {
      clearTimeout(timer);
      state.pendingSignIn = null;
      state.cancelCurrentSignIn = null;
      state.signInAddress = null;
      resolve(result);
    };
    const succeed = (as?: string) => {
      const signedIn = signedInScenario(provider, as);
      if (!signedIn) return settle(err({ code: "sign_in_denied", params: { provider: name } }));
      settle(ok(remember(state, { provider, scenario: signedIn.scenario }, signedIn.hint)));
    };
    state.cancelCurrentSignIn = () =>
      settle(err({ code: "sign_in_cancelled", params: { provider: name } }));
    if (behaviour.kind === "wait") {
      state.pendingSignIn = { provider, succeed, fail: (problem) => settle(err(problem)) };
      return;
    }
    const finish = () => {
      switch (behaviour.kind) {
        case "succeed":
          return succeed(behaviour.as);
        case "deny":
          return settle(err({ code: "sign_in_denied", params: { provider: name } }));
        case "timeOut":
          return settle(err({ code: "sign_in_timed_out", params: { provider: name } }));
        case "fail":
          return settle(err(behaviour.problem));
      }
    };
    timer = setTimeout(finish, behaviour.afterMs ?? 0);
  });
}

export function signInMethods(
  state: FakeState,
): Pick<
  FakeBackend,
  | "checkIpayrollUsername"
  | "stageCredentials"
  | "chooseKeyFile"
  | "discardCredentials"
  | "listOrganisations"
  | "verifyConnection"
  | "signIn"
  | "reopenSignIn"
  | "cancelSignIn"
> {
  const { calls, options, staged, reports } = state;
  return {
    async checkIpayrollUsername(username) {
      calls.push({ method: "checkIpayrollUsername", username });
      const reason = ipayrollUsernameRule(username.trim());
      return reason ? err({ code: "ipayroll_username_invalid", params: { reason } }) : ok(null);
    },
    async stageCredentials(provider, input) {
      calls.push({ method: "stageCredentials", provider, input });
      return stage(state, provider, input);
    },
    async chooseKeyFile(provider) {
      calls.push({ method: "chooseKeyFile", provider });
      const path = options.pickedPath ?? null;
      return path === null ? ok(null) : stage(state, provider, { kind: "file", path });
    },
    async discardCredentials(id) {
      calls.push({ method: "discardCredentials", id });
      forget(state, id);
    },
    async listOrganisations(id) {
      calls.push({ method: "listOrganisations", id });
      await pause(state);
      const entry = staged.get(id);
      return entry ? ok(reached(entry)) : err({ code: "credentials_expired" });
    },
    async verifyConnection(id, optional, organisation, onProgress) {
      calls.push({ method: "verifyConnection", id, optional: [...optional], organisation });
      const chosen = staged.get(id);
      if (chosen && organisation !== null && reached(chosen).length > 0) {
        staged.set(id, { ...chosen, organisation });
      }
      if (options.manualVerify) {
        return new Promise((resolve) => {
          state.pendingVerification = {
            id,
            emit: onProgress,
            finish: (result) => {
              state.pendingVerification = null;
              if (result.status === "ok") reports.set(id, result.data);
              resolve(result);
            },
          };
        });
      }
      const entry = staged.get(id);
      if (!entry) return err({ code: "credentials_expired" });
      const script = options.verify
        ? options.verify(entry)
        : verificationOf(entry.provider, entry.scenario, optional, entry.organisation ?? null);
      for (const event of script.progress) {
        await pause(state);
        onProgress(event);
      }
      await pause(state);
      if (script.result.status === "ok") reports.set(id, script.result.data);
      const first = script.result.status === "ok" ? script.result.data.problems[0] : undefined;
      record(state, "verification", entry.provider, first ? err(first) : script.result);
      return script.result;
    },
    signIn(provider, optional, language, onAddress) {
      calls.push({ method: "signIn", provider, optional: [...optional], language });
      return signIn(state, provider, onAddress).then((result) => {
        record(state, "sign_in", provider, result);
        return result;
      });
    },
    async reopenSignIn() {
      calls.push({ method: "reopenSignIn" });
      return state.signInAddress && !options.noBrowser
        ? ok(null)
        : err({ code: "browser_unavailable" });
    },
    async cancelSignIn() {
      calls.push({ method: "cancelSignIn" });
      state.cancelCurrentSignIn?.();
    },
  };
}
