/**
 * The IPC calls of the mapping step: the proposal read once each time the step starts, and the
 * admin's choice handed to the core. When the product has no categories the step is skipped at
 * once; either way `onMapped` then goes on (to Check your answers, or to the product).
 */

import { useEffect, useRef } from "react";
import { useBackend } from "../../lib/ipc/BackendContext";
import { answered } from "../../lib/ipc/settle";
import type { MappingAction, MappingStage } from "./machine";
import { toMapping } from "./machine";

/** What the commands need of the wizard's mapping step. */
export interface MappingStep {
  staged: string;
  /** Re-authorising: the connection, whose saved mapping pre-fills the step. */
  target: string | null;
  stage: MappingStage;
}

/** `step`: the mapping step when it is shown, else `null`. */
export function useMappingCommands(
  step: MappingStep | null,
  dispatch: (action: MappingAction) => void,
  onMapped: () => void,
): { submit(): Promise<void> } {
  const backend = useBackend();
  // The stage on screen now: an answer for an older one (the admin went back) is dropped.
  const live = useRef<MappingStage | null>(null);
  live.current = step?.stage ?? null;
  const onMappedNow = useRef(onMapped);
  onMappedNow.current = onMapped;
  // The loading stage the proposal was asked for (React's StrictMode runs effects twice).
  const askedFor = useRef<MappingStage | null>(null);

  const loading = step?.stage.kind === "loading" ? step.stage : null;
  const staged = step?.staged ?? null;
  const target = step?.target ?? null;
  useEffect(() => {
    if (!loading || staged === null || askedFor.current === loading) return;
    askedFor.current = loading;
    void answered(backend.mappingProposal(staged, target)).then((answer) => {
      if (live.current !== loading) return;
      if (!answer.ok) return dispatch({ type: "mappingFailed", problem: answer.problem });
      dispatch({ type: "mappingLoaded", proposal: answer.data });
      if (answer.data === null) onMappedNow.current();
    });
  }, [backend, dispatch, loading, staged, target]);

  return {
    async submit() {
      const stage = live.current;
      if (!step || stage?.kind !== "shown" || stage.keeping) return;
      dispatch({ type: "mappingSubmitted" });
      const answer = await answered(backend.chooseMapping(step.staged, toMapping(stage)));
      if (!answer.ok) return dispatch({ type: "mappingKeepFailed", problem: answer.problem });
      dispatch({ type: "mappingKept" });
      onMappedNow.current();
    },
  };
}
