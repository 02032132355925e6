/**
 * The fake's saved connections: listing, saving, checking, renaming, removing and re-authorising,
 * with the confirmed people (and the chosen mapping) kept at a save like the core keeps them.
 */

import type { ConnectionSummary, Problem, Result, SavedConnection } from "../types";
import { ok } from "./result";
import { providerName } from "./sandbox";
import { type FakeState, forget, pause, record } from "./state";
import type { FakeBackend } from "./types";

/** Staged credentials with their last report, as the store needs them. */
function verified(state: FakeState, id: string) {
  const entry = state.staged.get(id);
  const report = state.reports.get(id);
  if (!entry || !report) return null;
  const providerName = state.providers.find((p) => p.id === entry.provider)?.name ?? entry.provider;
  return { provider: entry.provider, providerName, hint: state.hints.get(id) ?? "", report };
}

/**
 * After a save or re-authorisation: the confirmed people become the connection's list; the
 * answer says when they could not be kept (the connection is saved all the same).
 */
function keepConfirmed(
  state: FakeState,
  stagedId: string,
  result: Result<ConnectionSummary, Problem>,
): Result<SavedConnection, Problem> {
  if (result.status !== "ok") return result;
  const people = state.confirmed.get(stagedId);
  state.confirmed.delete(stagedId);
  const notKept = people ? (state.options.peopleNotKept ?? null) : null;
  if (people && !notKept) {
    state.snapshots.set(result.data.id, { confirmed_at: Math.floor(Date.now() / 1000), people });
  }
  return ok({ connection: result.data, people_not_kept: notKept });
}

/**
 * Ends a save or re-authorisation as the core does: keeps the confirmed people, journals the
 * outcome, and once saved forgets the staged credentials and clears the wizard draft.
 */
function finishSave(
  state: FakeState,
  stagedId: string,
  result: Result<ConnectionSummary, Problem>,
): Result<SavedConnection, Problem> {
  const saved = keepConfirmed(state, stagedId, result);
  record(state, "save", state.staged.get(stagedId)?.provider ?? null, saved);
  const mapping = state.chosenMappings.get(stagedId);
  if (saved.status === "ok" && mapping) state.mappings.set(saved.data.connection.id, mapping);
  if (saved.status === "ok") {
    forget(state, stagedId);
    state.draft = null;
  }
  return saved;
}

export function connectionMethods(
  state: FakeState,
): Pick<
  FakeBackend,
  | "listConnections"
  | "saveConnection"
  | "alreadyConnected"
  | "checkConnection"
  | "renameConnection"
  | "removeConnection"
  | "reauthoriseConnection"
> {
  const { calls, connections } = state;
  return {
    async listConnections() {
      calls.push({ method: "listConnections" });
      await pause(state);
      return connections.list();
    },
    async saveConnection(stagedId, label) {
      calls.push({ method: "saveConnection", staged: stagedId, label });
      await pause(state);
      return finishSave(state, stagedId, connections.save(verified(state, stagedId), label));
    },
    async alreadyConnected(stagedId) {
      calls.push({ method: "alreadyConnected", staged: stagedId });
      return connections.alreadyConnected(verified(state, stagedId));
    },
    async checkConnection(id) {
      calls.push({ method: "checkConnection", id });
      await pause(state);
      const provider = connections.get(id)?.provider;
      return connections.check(id, provider ? providerName(provider) : "");
    },
    async renameConnection(id, label) {
      calls.push({ method: "renameConnection", id, label });
      await pause(state);
      return connections.rename(id, label);
    },
    async removeConnection(id) {
      calls.push({ method: "removeConnection", id });
      await pause(state);
      return connections.remove(id);
    },
    async reauthoriseConnection(id, stagedId, replacementName) {
      calls.push({ method: "reauthoriseConnection", id, staged: stagedId, replacementName });
      await pause(state);
      return finishSave(
        state,
        stagedId,
        connections.reauthorise(id, verified(state, stagedId), replacementName),
      );
    },
  };
}
