/**
 * The fake's app-wide answers: the app's facts, providers and guides, the hand-off sheet, the
 * wizard draft, screen sharing, diagnostics, and the link and file-drop events.
 */

import { ipayrollUsernameRule } from "./credentials";
import { err, ok } from "./result";
import { DEMO_GUIDES } from "./sandbox";
import { type FakeState, journalled, pause } from "./state";
import type { FakeBackend } from "./types";

export function appMethods(
  state: FakeState,
): Pick<
  FakeBackend,
  | "appInfo"
  | "listProviders"
  | "providerGuides"
  | "saveHandoffSheet"
  | "firstScreenShown"
  | "loadWizardDraft"
  | "saveWizardDraft"
  | "clearWizardDraft"
  | "setScreenShare"
  | "diagnostics"
  | "onLinkOpened"
  | "onFileDrop"
> {
  const { calls, options, info } = state;
  return {
    async appInfo() {
      calls.push({ method: "appInfo" });
      return { ...info };
    },
    async listProviders() {
      calls.push({ method: "listProviders" });
      return state.providers;
    },
    async providerGuides() {
      calls.push({ method: "providerGuides" });
      return DEMO_GUIDES;
    },
    async saveHandoffSheet(provider, language, title, sheet) {
      calls.push({ method: "saveHandoffSheet", provider, language, title, sheet });
      await pause(state);
      const save = options.handoffSave ?? "saved";
      if (typeof save === "object") return err(save.problem);
      return ok(save === "saved");
    },
    firstScreenShown() {
      // Nothing to measure without the app.
    },
    async loadWizardDraft() {
      calls.push({ method: "loadWizardDraft" });
      return state.draft;
    },
    async saveWizardDraft(next) {
      calls.push({ method: "saveWizardDraft", draft: next });
      if (options.draftProblem) return err(options.draftProblem);
      // Like the core: a name without the shape of the system's user names is not kept.
      const shaped =
        next.provider === "ipayroll"
          ? ipayrollUsernameRule(next.username.trim()) === null
          : next.provider === "iris" && /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(next.username);
      state.draft = { ...next, username: shaped ? next.username : "" };
      return ok(null);
    },
    async clearWizardDraft() {
      calls.push({ method: "clearWizardDraft" });
      state.draft = null;
      return ok(null);
    },
    async setScreenShare(on) {
      calls.push({ method: "setScreenShare", on });
      // As in the core: every answer from now on is masked (or not); the switch is journalled.
      info.support_mode = on;
      journalled(state, { kind: "screen_share", provider: null, outcome: on ? "on" : "off" });
    },
    async diagnostics(language, step) {
      calls.push({ method: "diagnostics", language, step });
      const bundle = {
        hrlink_diagnostics: 1,
        version: info.version,
        build: "development",
        os: "browser",
        language,
        screen_share: info.support_mode,
        support_code: info.support_code,
        step: /^[A-Za-z]{1,32}$/.test(step) ? step : "other",
        events: state.journal,
        log: [] as string[],
      };
      return JSON.stringify(bundle, null, 2);
    },
    async onLinkOpened(handler) {
      state.linkHandlers.add(handler);
      if (options.openingLink) handler(options.openingLink);
      return () => {
        state.linkHandlers.delete(handler);
      };
    },
    async onFileDrop(handler) {
      state.dropHandlers.add(handler);
      return () => {
        state.dropHandlers.delete(handler);
      };
    },
  };
}
