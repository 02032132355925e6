/**
 * What the wizard does on its own as its state changes: each verification run and each save
 * starts exactly once when the machine enters it, the progress is kept for resuming, and the
 * core forgets credentials the wizard no longer uses.
 */

import { useEffect, useMemo, useRef } from "react";
import { useBackend } from "../../lib/ipc/BackendContext";
import { settler } from "../../lib/ipc/settle";
import { organisationFor, type WizardAction, type WizardState } from "./machine";
import { draftToKeep } from "./resume";

/** How long typing must pause before a typed user name is written to the kept draft. */
const DRAFT_TYPING_PAUSE_MS = 400;

/**
 * `saving`: whether the wizard saves connections here (not in cloud delivery, where the product
 * keeps them): only then is a company already connected looked for.
 */
export function useWizardEffects(
  state: WizardState,
  dispatch: (action: WizardAction) => void,
  saving = true,
) {
  useVerificationRun(state, dispatch);
  useAlreadyConnected(saving ? state : null, dispatch);
  useSaveAttempt(state, dispatch);
  useKeptDraft(state);
  useDiscardUnusedCredentials(state);
}

/** Each verification run starts exactly once, when the machine enters it. */
function useVerificationRun(state: WizardState, dispatch: (action: WizardAction) => void) {
  const backend = useBackend();
  const settle = useMemo(() => settler(dispatch), [dispatch]);
  const run = state.step === "verifying" ? state.runs : null;
  const staged = state.step === "verifying" ? state.staged.id : null;
  // Fixed while a run is under way (nothing can be edited then).
  const chosen = state.draft.optional;
  const organisation = organisationFor(state.draft);
  useEffect(() => {
    if (run === null || staged === null) return;
    const answer = backend.verifyConnection(staged, chosen, organisation, (progress) =>
      dispatch({ type: "verifyProgress", run, progress }),
    );
    void settle(
      answer,
      (report) => ({ type: "verifyFinished", run, report }),
      (problem) => ({ type: "verifyFailed", run, problem }),
    );
  }, [backend, dispatch, settle, run, staged, chosen, organisation]);
}

/**
 * After a successful check for a new connection, the core is asked once whether that company is
 * connected already (the result then offers to re-authorise it). Not asked when re-authorising.
 */
function useAlreadyConnected(state: WizardState | null, dispatch: (action: WizardAction) => void) {
  const backend = useBackend();
  const settle = useMemo(() => settler(dispatch), [dispatch]);
  const ask =
    state?.step === "result" &&
    state.outcome.kind === "ok" &&
    !state.draft.target &&
    state.existing === undefined;
  const staged = ask ? state.staged.id : null;
  useEffect(() => {
    if (staged === null) return;
    void settle(
      backend.alreadyConnected(staged),
      (connection) => ({ type: "alreadyConnectedFound", staged, connection }),
      // Not knowing is no reason to stop: saving goes on as for a new connection.
      () => ({ type: "alreadyConnectedFound", staged, connection: null }),
    );
  }, [backend, settle, staged]);
}

/**
 * Each save (or update, or replacement) starts exactly once, when the machine asks for it.
 * Nothing below changes while it is under way (the machine allows no edits then).
 */
function useSaveAttempt(state: WizardState, dispatch: (action: WizardAction) => void) {
  const backend = useBackend();
  const settle = useMemo(() => settler(dispatch), [dispatch]);
  const saving =
    (state.step === "confirm" || state.step === "updating" || state.step === "differentAccount") &&
    state.saving.busy
      ? state
      : null;
  const attempt = saving?.saving.attempt ?? null;
  const staged = saving?.staged.id ?? null;
  const label = state.step === "confirm" ? state.label.trim() : "";
  const replacementName = state.step === "differentAccount" ? state.typedName.trim() : null;
  const targetId = state.draft.target?.id ?? null;
  useEffect(() => {
    if (attempt === null || staged === null) return;
    const answer = targetId
      ? backend.reauthoriseConnection(targetId, staged, replacementName)
      : backend.saveConnection(staged, label);
    void settle(
      answer,
      (saved) => ({ type: "saveSucceeded", attempt, saved }),
      (problem) => ({ type: "saveFailed", attempt, problem }),
    );
  }, [backend, settle, attempt, staged, label, replacementName, targetId]);
}

/**
 * The progress is kept on disk (nothing secret: see resume.ts) whenever it changes, so that a
 * restart can resume it. Best effort: if it cannot be written, the wizard still works. Moving on
 * is kept at once; typing a user name only once the typing pauses (not a write per key).
 */
function useKeptDraft(state: WizardState) {
  const backend = useBackend();
  const kept = draftToKeep(state);
  const keptKey = kept && JSON.stringify(kept);
  const keptNow = useRef(kept);
  keptNow.current = kept;
  const keptPlace = kept && `${kept.provider} ${kept.step} ${kept.guide_screen}`;
  const savedPlace = useRef<string | null>(null);
  useEffect(() => {
    if (!keptKey) return;
    const save = () => {
      if (!keptNow.current) return;
      backend.saveWizardDraft(keptNow.current).catch(() => {
        // Nothing to show: only resuming after a restart depends on it.
      });
    };
    if (keptPlace !== savedPlace.current) {
      savedPlace.current = keptPlace;
      save();
      return;
    }
    const typing = setTimeout(save, DRAFT_TYPING_PAUSE_MS);
    return () => clearTimeout(typing);
  }, [backend, keptKey, keptPlace]);
}

/**
 * The core forgets credentials this wizard no longer uses (replaced, another system chosen, or
 * the wizard closed).
 */
function useDiscardUnusedCredentials(state: WizardState) {
  const backend = useBackend();
  const stagedId = state.draft.staged?.id;
  useEffect(() => {
    if (!stagedId) return;
    return () => {
      backend.discardCredentials(stagedId).catch(() => {
        // Best effort: the core forgets staged credentials on its own after a while.
      });
    };
  }, [backend, stagedId]);
}
