/**
 * The IPC calls of the credentials step, by kind: staging a key pair (pasted text, a chosen or
 * dropped key file), an API key with its region or a login, and the browser sign-in (started, stopped, answered).
 */

import { useCallback, useEffect, useRef } from "react";
import { useBackend } from "../../lib/ipc/BackendContext";
import { answered } from "../../lib/ipc/settle";
import type {
  Language,
  Problem,
  ProviderId,
  Result,
  SignInAddress,
  StagedCredentials,
  WizardProblem,
} from "../../lib/ipc/types";
import { apiKeyText } from "./apiKey";
import { loginCredentialText } from "./login";
import type { CredentialSource, WizardAction, WizardState } from "./machine";

export interface CredentialCommands {
  /** Continue on the key pair form: check the loaded key, or stage the pasted text. */
  submitKeyPair(): void;
  /** A whole key pasted: staged and checked at once, without Continue. */
  pasteKeyPair(text: string): void;
  /** "Choose the downloaded key file": the core opens the dialog and reads the file. */
  pickFile(): void;
  /** Stages the contents of a key file dropped on the window. */
  dropFile(text: string): void;
  /** Continue on the API key form: check the key with the region chosen. */
  submitApiKey(): void;
  /** A whole key pasted: checked at once when the region is chosen. */
  pasteApiKey(text: string): void;
  /** Continue on the login form. */
  submitLogin(): void;
  /**
   * Opens the browser at the provider's sign-in page (from Rust) and waits for it; while one
   * waits ("I closed the browser"), a fresh one replaces it.
   */
  startSignIn(): void;
  /** "Open the browser again" at the waiting sign-in's address. */
  reopenBrowser(): void;
  /** Cancel: back to the step at once; the core stops waiting. */
  stopSignIn(): void;
}

export function useCredentialCommands(
  state: WizardState,
  dispatch: (action: WizardAction) => void,
  language: Language,
  /** Also told when a browser sign-in fails (cloud mode routes the hand-off's own problems). */
  onSignInFailed?: (problem: WizardProblem) => void,
): CredentialCommands {
  const backend = useBackend();
  const staging = useRef(false);
  /** The browser sign-in whose answer counts (`null`: none, or it was stopped). */
  const signInAttempt = useRef<number | null>(null);

  // A sign-in still waiting when the wizard closes is stopped, so the browser's answer goes nowhere.
  useEffect(
    () => () => {
      if (signInAttempt.current !== null) {
        signInAttempt.current = null;
        backend.cancelSignIn().catch(() => {
          // Best effort: the core gives up waiting after 5 minutes anyway.
        });
      }
    },
    [backend],
  );

  /**
   * Hands credentials to the core. `call` stages them and may answer `null` when the admin
   * cancelled the file dialog. The dialog is open while `call` runs, so the busy state starts
   * only for pasted text and dropped files.
   */
  const stage = useCallback(
    async (
      source: CredentialSource,
      call: (provider: ProviderId) => Promise<Result<StagedCredentials | null, Problem>>,
      showBusy: boolean,
    ) => {
      if (!state.draft.provider || staging.current) return;
      staging.current = true;
      if (showBusy) dispatch({ type: "stagingStarted", source });
      const answer = await answered(call(state.draft.provider));
      staging.current = false;
      if (!answer.ok) {
        dispatch({ type: "stagingFailed", problem: answer.problem, source });
      } else if (answer.data) {
        dispatch({ type: "stagingSucceeded", staged: answer.data });
        // Whatever the source, the key is checked at once: no Continue between loading and checking.
        dispatch({ type: "verifyStarted" });
      }
    },
    [dispatch, state.draft.provider],
  );

  const stageText = (text: string) =>
    void stage(
      "text",
      (provider) => backend.stageCredentials(provider, { kind: "text", text }),
      true,
    );

  return {
    submitKeyPair() {
      if (state.step !== "credentials" || state.staging) return;
      if (state.draft.staged) dispatch({ type: "verifyStarted" });
      else if (state.draft.keyText.trim() === "") dispatch({ type: "requireKey" });
      else stageText(state.draft.keyText);
    },
    pasteKeyPair(text) {
      if (state.step !== "credentials" || state.staging || state.draft.staged) return;
      stageText(text);
    },
    pickFile() {
      void stage("file", (provider) => backend.chooseKeyFile(provider), false);
    },
    dropFile(text) {
      void stage(
        "file",
        (provider) => backend.stageCredentials(provider, { kind: "text", text }),
        true,
      );
    },
    submitApiKey() {
      if (state.step !== "credentials" || state.staging) return;
      const { staged, keyText, region } = state.draft;
      if (staged) dispatch({ type: "verifyStarted" });
      else if (keyText.trim() === "") dispatch({ type: "requireKey" });
      else if (region) stageText(apiKeyText(region, keyText));
    },
    pasteApiKey(text) {
      const region = state.draft.region;
      if (state.step !== "credentials" || state.staging || state.draft.staged || !region) return;
      stageText(apiKeyText(region, text));
    },
    submitLogin() {
      if (state.step !== "credentials" || state.staging) return;
      const { staged, loginUsername, loginPassword } = state.draft;
      if (staged) dispatch({ type: "verifyStarted" });
      else if (loginUsername.trim() === "" || loginPassword.trim() === "") {
        dispatch({ type: "requireLogin" });
      } else {
        // Once staged, the machine forgets the password (`stagingSucceeded`).
        stageText(loginCredentialText(loginUsername, loginPassword));
      }
    },
    startSignIn() {
      const provider = state.draft.provider;
      const restart = state.step === "signingIn";
      if (
        !provider ||
        !(restart || (state.step === "credentials" && signInAttempt.current === null))
      ) {
        return;
      }
      const attempt = state.signIns + 1;
      // A restart's old sign-in is cancelled by the core; its answer no longer counts.
      signInAttempt.current = attempt;
      dispatch({ type: "signInStarted" });
      const told = (address: SignInAddress) =>
        dispatch({ type: "signInAddressTold", attempt, address });
      const signingIn = backend.signIn(provider, state.draft.optional, language, told);
      void answered(signingIn).then((answer) => {
        if (signInAttempt.current !== attempt) {
          // Stopped meanwhile: a sign-in that still came through is not wanted.
          if (answer.ok) backend.discardCredentials(answer.data.id).catch(() => {});
          return;
        }
        signInAttempt.current = null;
        dispatch(
          answer.ok
            ? { type: "signInSucceeded", attempt, staged: answer.data }
            : { type: "signInFailed", attempt, problem: answer.problem },
        );
        if (!answer.ok) onSignInFailed?.(answer.problem);
      });
    },
    reopenBrowser() {
      if (state.step !== "signingIn") return;
      void answered(backend.reopenSignIn()).then((answer) => {
        if (!answer.ok) dispatch({ type: "signInReopenFailed" });
      });
    },
    stopSignIn() {
      if (state.step !== "signingIn") return;
      signInAttempt.current = null;
      dispatch({ type: "signInStopped" });
      backend.cancelSignIn().catch(() => {
        // Nothing to do: the core gives up waiting after 5 minutes anyway.
      });
    },
  };
}
