import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Panel, Spinner } from "../../components/ui";
import { parseLanguage } from "../../lib/i18n";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  Account,
  AppInfo,
  Result as IpcResult,
  PairDecision,
  Problem,
  ProviderGuide,
  ProviderId,
  ProviderSummary,
  StagedCredentials,
} from "../../lib/ipc/types";
import { irisCredentialText } from "./irisLogin";
import { draftToKeep } from "./resume";
import { CheckAnswers } from "./steps/CheckAnswers";
import { ChooseProvider } from "./steps/ChooseProvider";
import { ChooseScopes } from "./steps/ChooseScopes";
import { DifferentAccount } from "./steps/DifferentAccount";
import { EnterCredentials } from "./steps/EnterCredentials";
import { EnterIrisLogin } from "./steps/EnterIrisLogin";
import { Guide } from "./steps/Guide";
import { Handoff } from "./steps/Handoff";
import { People } from "./steps/People";
import { Result } from "./steps/Result";
import { Saved } from "./steps/Saved";
import { SignIn } from "./steps/SignIn";
import { SignInWaiting } from "./steps/SignInWaiting";
import { Updating } from "./steps/Updating";
import { Verify } from "./steps/Verify";
import { defaultLabel } from "./text";
import {
  type CredentialSource,
  initialState,
  organisationFor,
  type WizardState,
  wizardReducer,
} from "./wizardMachine";

/** How long typing must pause before a typed user name is written to the kept draft. */
const DRAFT_TYPING_PAUSE_MS = 400;

export interface SetupWizardProps {
  appInfo: AppInfo;
  /** Where to start (tests, resuming, re-authorising a connection). */
  initial?: WizardState;
  /** After saving: "See your connections"; Back from re-authorising. */
  onShowConnections(): void;
  /** After saving: "Connect another system" (a fresh wizard). */
  onConnectAnother(): void;
  /** Move focus to the first page's heading (opened from another screen, not at start-up). */
  focusOnStart?: boolean;
  /** Told the step shown, whenever it changes (for "Copy diagnostics"). */
  onStep?(step: WizardState["step"]): void;
}

/**
 * The setup wizard: owns the state machine and performs the IPC calls its steps ask for.
 */
export function SetupWizard({
  appInfo,
  initial,
  onShowConnections,
  onConnectAnother,
  focusOnStart = false,
  onStep,
}: SetupWizardProps) {
  const backend = useBackend();
  const { t, i18n } = useTranslation();
  const [state, dispatch] = useReducer(wizardReducer, initial ?? initialState());
  const [catalogue, setCatalogue] = useState<{
    providers: ProviderSummary[];
    guides: ProviderGuide[];
  } | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const staging = useRef(false);
  /** The browser sign-in whose answer counts (`null`: none, or it was stopped). */
  const signInAttempt = useRef<number | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([backend.listProviders(), backend.providerGuides()]).then(
      ([providers, guides]) => current && setCatalogue({ providers, guides }),
      () => current && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
  }, [backend]);

  const providers = catalogue?.providers ?? null;
  // Once the first step is listed, report it after the next paint (two frames: the first runs
  // before that paint, the second after it), for the start-up benchmark.
  const firstScreenReported = useRef(false);
  const firstScreenReady = providers !== null && state.step === "chooseProvider";
  useEffect(() => {
    if (!firstScreenReady || firstScreenReported.current) return;
    firstScreenReported.current = true;
    requestAnimationFrame(() => requestAnimationFrame(() => backend.firstScreenShown()));
  }, [backend, firstScreenReady]);

  // The progress is kept on disk (nothing secret: see resume.ts) whenever it changes, so that a
  // restart can resume it. Best effort: if it cannot be written, the wizard still works. Moving
  // on is kept at once; typing a user name only once the typing pauses (not a write per key).
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

  useEffect(() => onStep?.(state.step), [onStep, state.step]);

  const provider = providers?.find((p) => p.id === state.draft.provider) ?? null;
  const guide = catalogue?.guides.find((g) => g.provider === state.draft.provider) ?? null;

  // The core forgets credentials this wizard no longer uses (replaced, another system chosen,
  // or the wizard closed).
  const stagedId = state.draft.staged?.id;
  useEffect(() => {
    if (!stagedId) return;
    return () => {
      backend.discardCredentials(stagedId).catch(() => {
        // Best effort: the core forgets staged credentials on its own after a while.
      });
    };
  }, [backend, stagedId]);

  // The organisations a sign-in on the result step reaches (asked only when it must choose).
  const resultStaged = state.step === "result" ? state.staged.id : null;
  const loadOrganisations = useCallback(
    () =>
      resultStaged === null
        ? Promise.resolve<IpcResult<Account[], Problem>>({ status: "ok", data: [] })
        : backend.listOrganisations(resultStaged),
    [backend, resultStaged],
  );

  // Each verification run starts exactly once, when the machine enters it.
  const run = state.step === "verifying" ? state.runs : null;
  const runStaged = state.step === "verifying" ? state.staged.id : null;
  // Fixed while a run is under way (nothing can be edited then).
  const chosen = state.draft.optional;
  const organisation = organisationFor(state.draft);
  useEffect(() => {
    if (run === null || runStaged === null) return;
    backend
      .verifyConnection(runStaged, chosen, organisation, (progress) =>
        dispatch({ type: "verifyProgress", run, progress }),
      )
      .then(
        (result) =>
          dispatch(
            result.status === "ok"
              ? { type: "verifyFinished", run, report: result.data }
              : { type: "verifyFailed", run, problem: result.error },
          ),
        () => dispatch({ type: "verifyFailed", run, problem: { code: "unexpected_error" } }),
      );
  }, [backend, run, runStaged, chosen, organisation]);

  // Each save (or update, or replacement) starts exactly once, when the machine asks for it.
  // Nothing below changes while it is under way (the machine allows no edits then).
  const saving =
    (state.step === "confirm" || state.step === "updating" || state.step === "differentAccount") &&
    state.saving.busy
      ? state
      : null;
  const saveAttempt = saving?.saving.attempt ?? null;
  const saveStaged = saving?.staged.id ?? null;
  const saveLabel = state.step === "confirm" ? state.label.trim() : "";
  const replacementName = state.step === "differentAccount" ? state.typedName.trim() : null;
  const targetId = state.draft.target?.id ?? null;
  useEffect(() => {
    if (saveAttempt === null || saveStaged === null) return;
    const attempt = saveAttempt;
    const call = targetId
      ? backend.reauthoriseConnection(targetId, saveStaged, replacementName)
      : backend.saveConnection(saveStaged, saveLabel);
    call.then(
      (result) =>
        dispatch(
          result.status === "ok"
            ? { type: "saveSucceeded", attempt, saved: result.data }
            : { type: "saveFailed", attempt, problem: result.error },
        ),
      () => dispatch({ type: "saveFailed", attempt, problem: { code: "unexpected_error" } }),
    );
  }, [backend, saveAttempt, saveStaged, saveLabel, replacementName, targetId]);

  // Screen-share mode, and the mode the people on screen were asked for in: the core masks names
  // and emails (or not) as it answers.
  const screenShare = appInfo.support_mode;
  const screenShareNow = useRef(screenShare);
  screenShareNow.current = screenShare;
  const peopleAskedIn = useRef(screenShare);

  // Each people listing starts exactly once, when the machine enters it.
  const listing = state.step === "people" && state.people.kind === "listing" ? state.listing : null;
  const listingStaged = state.step === "people" ? state.staged.id : null;
  const listingKey = listing === null ? null : `${state.runs}:${listing}`;
  /** The listing last started: a second start would cancel it in the core (React's StrictMode). */
  const startedListing = useRef<string | null>(null);
  useEffect(() => {
    if (listing === null || listingStaged === null || startedListing.current === listingKey) {
      return;
    }
    startedListing.current = listingKey;
    peopleAskedIn.current = screenShareNow.current;
    backend
      .listPeople(listingStaged, (progress) =>
        dispatch({ type: "peopleProgress", listing, progress }),
      )
      .then(
        (result) =>
          dispatch(
            result.status === "ok"
              ? { type: "peopleListed", listing, overview: result.data }
              : { type: "peopleFailed", listing, problem: result.error },
          ),
        () => dispatch({ type: "peopleFailed", listing, problem: { code: "unexpected_error" } }),
      );
  }, [backend, listing, listingKey, listingStaged]);

  // A listing still running when the wizard closes is stopped.
  useEffect(
    () => () => {
      backend.cancelPeopleListing().catch(() => {
        // Best effort: nothing waits for its answer any more.
      });
    },
    [backend],
  );

  /** "Compare with your records": Rust opens the dialog, reads the file and matches it. */
  const compareWithRoster = () => {
    if (state.step !== "people" || state.people.kind !== "listed" || state.people.comparing) {
      return;
    }
    dispatch({ type: "rosterStarted" });
    backend.chooseRosterFile(state.staged.id).then(
      (result) => {
        if (result.status === "error") dispatch({ type: "rosterFailed", problem: result.error });
        else if (result.data) dispatch({ type: "rosterLoaded", comparison: result.data });
        else dispatch({ type: "rosterCancelled" });
      },
      () => dispatch({ type: "rosterFailed", problem: { code: "unexpected_error" } }),
    );
  };

  // Screen-share mode switched with the people on screen (or while they were read): they are asked
  // for again, so nothing shown keeps the old mode's names; the changes too (see the reducer).
  const listedStaged =
    state.step === "people" && state.people.kind === "listed" ? state.staged.id : null;
  useEffect(() => {
    if (listedStaged === null || peopleAskedIn.current === screenShare) return;
    peopleAskedIn.current = screenShare;
    dispatch({ type: "screenShareSwitched" });
    let current = true;
    backend.peopleReport(listedStaged).then(
      (result) =>
        current &&
        dispatch(
          result.status === "ok"
            ? { type: "peopleReportUpdated", report: result.data }
            : { type: "peopleReportFailed", problem: result.error },
        ),
      () =>
        current && dispatch({ type: "peopleReportFailed", problem: { code: "unexpected_error" } }),
    );
    return () => {
      current = false;
    };
  }, [backend, screenShare, listedStaged]);

  // Re-authorising: once the people are listed, what changed since they were last confirmed.
  const changesListing =
    state.step === "people" &&
    state.people.kind === "listed" &&
    state.people.changes.kind === "loading"
      ? state.listing
      : null;
  const changesStaged = state.step === "people" ? state.staged.id : null;
  // Asked again when screen-share mode switches meanwhile (the answer would be the old mode's).
  // biome-ignore lint/correctness/useExhaustiveDependencies: screenShare asks again
  useEffect(() => {
    if (changesListing === null || changesStaged === null || targetId === null) return;
    const listing = changesListing;
    let current = true;
    backend.peopleChanges(changesStaged, targetId).then(
      (result) =>
        current &&
        dispatch(
          result.status === "ok"
            ? { type: "peopleChangesLoaded", listing, changes: result.data }
            : { type: "peopleChangesFailed", listing, problem: result.error },
        ),
      () =>
        current &&
        dispatch({ type: "peopleChangesFailed", listing, problem: { code: "unexpected_error" } }),
    );
    return () => {
      current = false;
    };
  }, [backend, changesListing, changesStaged, targetId, screenShare]);

  /** "Yes, these are our people": the core keeps the list for saving, then on to saving. */
  const confirmPeople = async (provider: ProviderSummary) => {
    if (state.step !== "people") return;
    const account = state.outcome.report?.account;
    try {
      const result = await backend.confirmPeople(state.staged.id);
      if (result.status === "error") {
        dispatch({ type: "decisionFailed", problem: result.error });
        return;
      }
      // "Yes, these are our people" leads straight on to saving (check your answers).
      dispatch({ type: "peopleConfirmed" });
      requestSave(provider, account);
    } catch {
      dispatch({ type: "decisionFailed", problem: { code: "unexpected_error" } });
    }
  };

  /** "Same person" / "Not the same person" on a suggested pair, then the people as they stand. */
  const decidePair = async (entry: number, decision: PairDecision) => {
    if (state.step !== "people") return;
    const staged = state.staged.id;
    try {
      const decided = await backend.decidePair(staged, entry, decision);
      if (decided.status === "error") {
        dispatch({ type: "decisionFailed", problem: decided.error });
        return;
      }
      const askedIn = screenShareNow.current;
      const report = await backend.peopleReport(staged);
      // Switched meanwhile: the switch asks for the people again, in the new mode.
      if (screenShareNow.current !== askedIn) return;
      dispatch(
        report.status === "ok"
          ? { type: "peopleReportUpdated", report: report.data }
          : { type: "decisionFailed", problem: report.error },
      );
    } catch {
      dispatch({ type: "decisionFailed", problem: { code: "unexpected_error" } });
    }
  };

  /** The Include box of a person: leave them out of the connection, or take them back in. */
  const excludePerson = async (entry: number, excluded: boolean) => {
    if (state.step !== "people") return;
    try {
      const result = await backend.excludePerson(state.staged.id, entry, excluded);
      dispatch(
        result.status === "ok"
          ? { type: "personExcluded", entry, excluded, counts: result.data }
          : { type: "decisionFailed", problem: result.error },
      );
    } catch {
      dispatch({ type: "decisionFailed", problem: { code: "unexpected_error" } });
    }
  };

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

  // The window is named after the page's question, as a new page would be.
  useEffect(() => {
    const heading = rootRef.current?.querySelector("h1")?.textContent;
    if (heading) document.title = t("app.documentTitle", { page: heading });
  });

  // On every new step (and guide screen), start at the top and move focus to its heading (unless an error summary
  // took it, or a note asks for it), as a new page would. Not on the first step: focus starts at
  // the skip link.
  const shownSteps = useRef(0);
  const loaded = providers !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (!loaded) return;
    shownSteps.current += 1;
    if (shownSteps.current === 1 && !focusOnStart) return;
    window.scrollTo({ top: 0 });
    if (rootRef.current?.querySelector(".error-summary")) return;
    const target =
      rootRef.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      rootRef.current?.querySelector("h1");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  }, [state.step, state.draft.guideScreen, loaded]);

  /**
   * Hands credentials to the core. `call` stages them and may answer `null` when the admin
   * cancelled the file dialog. The dialog is open while `call` runs, so the busy state starts
   * only for pasted text and dropped files.
   */
  const stage = useCallback(
    async (
      source: CredentialSource,
      call: (provider: ProviderId) => Promise<IpcResult<StagedCredentials | null, Problem>>,
      showBusy: boolean,
    ) => {
      if (!state.draft.provider || staging.current) return;
      staging.current = true;
      if (showBusy) dispatch({ type: "stagingStarted", source });
      try {
        const result = await call(state.draft.provider);
        if (result.status === "error") {
          dispatch({ type: "stagingFailed", problem: result.error, source });
        } else if (result.data) {
          dispatch({ type: "stagingSucceeded", staged: result.data });
          // A pasted key goes straight on to the check; a loaded file is shown first.
          if (source === "text") dispatch({ type: "verifyStarted" });
        }
      } catch {
        dispatch({ type: "stagingFailed", problem: { code: "unexpected_error" }, source });
      } finally {
        staging.current = false;
      }
    },
    [state.draft.provider],
  );

  const submitIrisLogin = () => {
    if (state.step !== "credentials" || state.staging) return;
    const { staged, irisUsername, irisPassword } = state.draft;
    if (staged) {
      dispatch({ type: "verifyStarted" });
    } else if (irisUsername.trim() === "" || irisPassword.trim() === "") {
      dispatch({ type: "requireIrisLogin" });
    } else {
      // Once staged, the machine forgets the password (`stagingSucceeded`).
      const text = irisCredentialText(irisUsername, irisPassword);
      void stage(
        "text",
        (provider) => backend.stageCredentials(provider, { kind: "text", text }),
        true,
      );
    }
  };

  /** Opens the browser at the provider's sign-in page (from Rust) and waits for it. */
  const startSignIn = () => {
    const provider = state.draft.provider;
    if (state.step !== "credentials" || !provider || signInAttempt.current !== null) return;
    const attempt = state.signIns + 1;
    signInAttempt.current = attempt;
    dispatch({ type: "signInStarted" });
    const language = parseLanguage(i18n.resolvedLanguage ?? i18n.language) ?? "en";
    const current = () => signInAttempt.current === attempt;
    backend.signIn(provider, state.draft.optional, language).then(
      (result) => {
        if (!current()) {
          // Stopped meanwhile: a sign-in that still came through is not wanted.
          if (result.status === "ok") backend.discardCredentials(result.data.id).catch(() => {});
          return;
        }
        signInAttempt.current = null;
        dispatch(
          result.status === "ok"
            ? { type: "signInSucceeded", attempt, staged: result.data }
            : { type: "signInFailed", attempt, problem: result.error },
        );
      },
      () => {
        if (!current()) return;
        signInAttempt.current = null;
        dispatch({ type: "signInFailed", attempt, problem: { code: "unexpected_error" } });
      },
    );
  };

  /** Cancel, or "I closed the browser": back to the step at once; the core stops waiting. */
  const stopSignIn = () => {
    if (state.step !== "signingIn") return;
    signInAttempt.current = null;
    dispatch({ type: "signInStopped" });
    backend.cancelSignIn().catch(() => {
      // Nothing to do: the core gives up waiting after 5 minutes anyway.
    });
  };

  const submitCredentials = () => {
    if (state.step !== "credentials" || state.staging) return;
    if (state.draft.staged) {
      dispatch({ type: "verifyStarted" });
    } else if (state.draft.keyText.trim() === "") {
      dispatch({ type: "requireKey" });
    } else {
      const text = state.draft.keyText;
      void stage(
        "text",
        (provider) => backend.stageCredentials(provider, { kind: "text", text }),
        true,
      );
    }
  };

  const pickFile = () => stage("file", (provider) => backend.chooseKeyFile(provider), false);

  const dropFile = (paths: string[]) => {
    const [path] = paths;
    if (path) {
      void stage(
        "file",
        (provider) => backend.stageCredentials(provider, { kind: "file", path }),
        true,
      );
    }
  };

  if (loadFailed) {
    return (
      <div ref={rootRef}>
        <h1 className="heading-l">{t("app.loadFailedTitle")}</h1>
        <p>{t("app.loadFailedBody")}</p>
      </div>
    );
  }
  if (!providers) {
    return (
      <div ref={rootRef} className="loading" role="status">
        <Spinner /> {t("app.loading")}
      </div>
    );
  }

  const target = state.draft.target ?? null;
  /** Back, except from a re-authorisation's first page, which leaves the wizard. */
  /** Saving starts from a successful check; the label defaults to the company's name. */
  const requestSave = (provider: ProviderSummary, account: Account | null | undefined) =>
    dispatch({ type: "saveRequested", label: account ? defaultLabel(provider, account, t) : "" });

  const back = () =>
    target && state.step === "credentials" ? onShowConnections() : dispatch({ type: "back" });
  return (
    <div ref={rootRef} className="wizard">
      {target && state.step !== "saved" && (
        <p className="wizard__context">{t("save.reauthoriseCaption", { label: target.label })}</p>
      )}
      {state.step === "chooseProvider" && (
        <ChooseProvider
          providers={providers}
          guides={catalogue?.guides ?? []}
          selected={state.draft.provider}
          showError={state.error === "provider_required"}
          prominentStep={screenShare}
          onSelect={(id) => dispatch({ type: "selectProvider", provider: id })}
          onSubmit={() => dispatch({ type: "submitProvider" })}
        />
      )}
      {state.step === "scopes" && provider && guide && (
        <ChooseScopes
          provider={provider}
          guide={guide}
          optional={state.draft.optional}
          prominentStep={screenShare}
          onChoose={(id, selected) => dispatch({ type: "choosePermission", id, selected })}
          onSubmit={() => dispatch({ type: "submitScopes" })}
          onBack={() => dispatch({ type: "back" })}
        />
      )}
      {state.step === "guide" && provider && guide && (
        <Guide
          provider={provider}
          guide={guide}
          screen={state.draft.guideScreen}
          optional={state.draft.optional}
          apiUsername={state.draft.apiUsername}
          demo={appInfo.demo}
          prominentStep={screenShare}
          onApiUsernameChange={(text) => dispatch({ type: "editApiUsername", text })}
          onNext={() => dispatch({ type: "nextGuideScreen", screens: guide.screens.length })}
          onSkip={() => dispatch({ type: "skipGuide" })}
          onNotAdmin={() => dispatch({ type: "showHandoff" })}
          onBack={() => dispatch({ type: "back" })}
        />
      )}
      {state.step === "handoff" && provider && guide && (
        <Handoff
          provider={provider}
          guide={guide}
          optional={state.draft.optional}
          onBack={() => dispatch({ type: "back" })}
          onSave={(title, sheet) =>
            backend.saveHandoffSheet(
              provider.id,
              parseLanguage(i18n.resolvedLanguage ?? i18n.language) ?? "en",
              title,
              sheet,
            )
          }
        />
      )}
      {state.step === "credentials" && state.note === "keyNotKept" && (
        // Resumed after a restart: focused when shown (instead of the heading), so it is read first.
        <Panel tone="info" className="wizard-note" tabIndex={-1} data-autofocus="">
          <p>{t("resume.keyNotKept")}</p>
        </Panel>
      )}
      {state.step === "credentials" && provider?.credential_kind === "username_password" && (
        <EnterIrisLogin
          provider={provider}
          username={state.draft.irisUsername}
          password={state.draft.irisPassword}
          staged={state.draft.staged}
          staging={state.staging}
          error={state.error}
          demo={appInfo.demo}
          supportMode={screenShare}
          onUsernameChange={(text) => dispatch({ type: "editIrisUsername", text })}
          onPasswordChange={(text) => dispatch({ type: "editIrisPassword", text })}
          onBothChange={(username, password) =>
            dispatch({ type: "pasteIrisLogin", username, password })
          }
          onUseDifferent={() => dispatch({ type: "useDifferentKey" })}
          onSubmit={submitIrisLogin}
          onBack={back}
        />
      )}
      {state.step === "credentials" && provider?.credential_kind === "browser_sign_in" && (
        <SignIn
          provider={provider}
          staged={state.draft.staged}
          error={state.error}
          note={state.note}
          demo={appInfo.demo}
          supportMode={screenShare}
          onSignIn={startSignIn}
          onContinue={() => dispatch({ type: "verifyStarted" })}
          onSignInAgain={() => dispatch({ type: "useDifferentKey" })}
          onBack={back}
        />
      )}
      {state.step === "signingIn" && provider && (
        <SignInWaiting
          provider={provider}
          demo={appInfo.demo}
          supportMode={screenShare}
          onCancel={stopSignIn}
          onBrowserClosed={stopSignIn}
        />
      )}
      {state.step === "credentials" && provider?.credential_kind === "key_pair" && (
        <EnterCredentials
          provider={provider}
          keyText={state.draft.keyText}
          staged={state.draft.staged}
          staging={state.staging}
          error={state.error}
          demo={appInfo.demo}
          supportMode={screenShare}
          onKeyTextChange={(text) => dispatch({ type: "editKeyText", text })}
          onPickFile={pickFile}
          onDropFile={dropFile}
          onUseDifferentKey={() => dispatch({ type: "useDifferentKey" })}
          onSubmit={submitCredentials}
          onBack={back}
        />
      )}
      {state.step === "verifying" && provider && (
        <Verify provider={provider} checklist={state.checklist} prominentStep={screenShare} />
      )}
      {state.step === "result" && provider && (
        <Result
          provider={provider}
          outcome={state.outcome}
          prominentStep={screenShare}
          onSave={
            state.outcome.kind === "ok" && state.outcome.report.account
              ? {
                  label: target ? t("save.updateConnection") : t("save.saveConnection"),
                  onClick: () => requestSave(provider, state.outcome.report?.account),
                }
              : undefined
          }
          onTryAgain={() => dispatch({ type: "verifyStarted" })}
          onUseDifferentKey={() => dispatch({ type: "useDifferentKey" })}
          onBack={back}
          confirmedPeople={state.confirmed}
          onCheckPeople={() => dispatch({ type: "peopleStarted" })}
          organisations={{
            load: loadOrganisations,
            onChoose: (id) => dispatch({ type: "chooseOrganisation", id }),
          }}
        />
      )}
      {state.step === "people" && provider && (
        <People
          provider={provider}
          stage={state.people}
          supportMode={screenShare}
          prominentStep={screenShare}
          onCancel={() => {
            backend.cancelPeopleListing().catch(() => {
              // The listing then ends on its own; nothing else to do.
            });
          }}
          onTryAgain={() => dispatch({ type: "peopleStarted" })}
          onBack={() => dispatch({ type: "back" })}
          onCompare={compareWithRoster}
          onConfirmed={() => void confirmPeople(provider)}
          onExport={() => backend.exportPeople(state.staged.id)}
          onDecide={(entry, decision) => void decidePair(entry, decision)}
          onExclude={(entry, excluded) => void excludePerson(entry, excluded)}
        />
      )}
      {state.step === "confirm" && provider && (
        <CheckAnswers
          provider={provider}
          staged={state.staged}
          report={state.report}
          label={state.label}
          labelError={state.labelError}
          saving={state.saving}
          canChangeProvider={!target}
          supportMode={screenShare}
          onLabelChange={(text) => dispatch({ type: "editLabel", text })}
          onChange={(answer) => dispatch({ type: "changeAnswer", answer })}
          onSubmit={() => dispatch({ type: "saveSubmitted" })}
          onBack={back}
        />
      )}
      {state.step === "updating" && target && (
        <Updating
          label={target.label}
          saving={state.saving}
          onRetry={() => dispatch({ type: "saveSubmitted" })}
        />
      )}
      {state.step === "differentAccount" && provider && (
        <DifferentAccount
          provider={provider}
          saved={state.saved}
          reached={state.reached}
          typedName={state.typedName}
          nameError={state.nameError}
          saving={state.saving}
          onNameChange={(text) => dispatch({ type: "editReplacementName", text })}
          onRetry={() => dispatch({ type: "retryWithRightAccount" })}
          onReplace={() => dispatch({ type: "saveSubmitted" })}
        />
      )}
      {state.step === "saved" && (
        <Saved
          connection={state.connection}
          how={state.how}
          product={appInfo.product}
          providerName={
            providers.find((p) => p.id === state.connection.provider)?.name ??
            state.connection.provider
          }
          peopleNotKept={state.peopleNotKept}
          onShowConnections={onShowConnections}
          onConnectAnother={onConnectAnother}
        />
      )}
    </div>
  );
}
