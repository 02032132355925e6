import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Panel, Spinner } from "../../components/ui";
import { parseLanguage } from "../../lib/i18n";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  Account,
  AppInfo,
  Result as IpcResult,
  Problem,
  ProviderGuide,
  ProviderSummary,
  StagedCredentials,
} from "../../lib/ipc/types";
import { shownHint } from "../../lib/screenShare";
import { usePeopleCommands } from "../people/usePeopleCommands";
import { initialState, type WizardState, wizardReducer } from "./machine";
import { ChooseProvider } from "./steps/ChooseProvider";
// Every later step comes from its own chunk, preloaded once the first screen is shown.
import {
  BrowserSignInForm,
  CheckAnswers,
  ChooseScopes,
  DifferentAccount,
  Guide,
  Handoff,
  KeyPairForm,
  LoginForm,
  People,
  Result,
  Saved,
  SignInWaiting,
  Updating,
  Verify,
} from "./steps/lazy";
import { defaultLabel } from "./text";
import { useCredentialCommands } from "./useCredentialCommands";
import { useWizardEffects } from "./useWizardEffects";

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
  /**
   * Cloud delivery: the last step sends the verified connection to the product (the cloud
   * wizard's job) instead of saving it here.
   */
  deliver?: { product: string; onDeliver(staged: StagedCredentials): void };
}

/**
 * The setup wizard: owns the state machine and performs the IPC calls its steps ask for (the
 * hooks `useWizardEffects`, `useCredentialCommands` and the People step's `usePeopleCommands`).
 */
export function SetupWizard({
  appInfo,
  initial,
  onShowConnections,
  onConnectAnother,
  focusOnStart = false,
  onStep,
  deliver,
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
  const language = parseLanguage(i18n.resolvedLanguage ?? i18n.language) ?? "en";
  // Screen-share mode: the core masks names and emails (or not) as it answers.
  const screenShare = appInfo.support_mode;
  const targetId = state.draft.target?.id ?? null;

  useWizardEffects(state, dispatch);
  const credentials = useCredentialCommands(state, dispatch, language);
  const peopleStep =
    state.step === "people"
      ? { staged: state.staged.id, listing: state.listing, run: state.runs, people: state.people }
      : null;
  const people = usePeopleCommands(peopleStep, dispatch, screenShare, targetId);

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

  useEffect(() => onStep?.(state.step), [onStep, state.step]);

  const provider = providers?.find((p) => p.id === state.draft.provider) ?? null;
  const guide = catalogue?.guides.find((g) => g.provider === state.draft.provider) ?? null;

  // The organisations a sign-in on the result step reaches (asked only when it must choose).
  const resultStaged = state.step === "result" ? state.staged.id : null;
  const loadOrganisations = useCallback(
    () =>
      resultStaged === null
        ? Promise.resolve<IpcResult<Account[], Problem>>({ status: "ok", data: [] })
        : backend.listOrganisations(resultStaged),
    [backend, resultStaged],
  );

  // The window is named after the page's question, as a new page would be.
  useEffect(() => {
    const heading = rootRef.current?.querySelector("h1")?.textContent;
    if (heading) document.title = t("app.documentTitle", { page: heading });
  });

  // On every new step (and guide screen), start at the top and move focus to its heading (unless
  // an error summary took it, or a note asks for it), as a new page would. Not on the first step:
  // focus starts at the skip link.
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
  /**
   * Saving starts from a successful check; the label defaults to the company's name. In cloud
   * delivery the connection is sent to the product instead.
   */
  const requestSave = (provider: ProviderSummary, account: Account | null | undefined) => {
    if (deliver && (state.step === "result" || state.step === "people")) {
      return deliver.onDeliver(state.staged);
    }
    dispatch({ type: "saveRequested", label: account ? defaultLabel(provider, account, t) : "" });
  };
  const saveLabel = deliver
    ? t("cloud.send", { product: deliver.product })
    : target
      ? t("save.updateConnection")
      : t("save.saveConnection");

  /** Back, except from a re-authorisation's first page, which leaves the wizard. */
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
          onSave={(title, sheet) => backend.saveHandoffSheet(provider.id, language, title, sheet)}
        />
      )}
      {state.step === "credentials" && state.note === "keyNotKept" && (
        // Resumed after a restart: focused when shown (instead of the heading), so it is read first.
        <Panel tone="info" className="wizard-note" tabIndex={-1} data-autofocus="">
          <p>{t("resume.keyNotKept")}</p>
        </Panel>
      )}
      {state.step === "credentials" && provider?.credential_kind === "username_password" && (
        <LoginForm
          provider={provider}
          username={state.draft.loginUsername}
          password={state.draft.loginPassword}
          staged={state.draft.staged}
          staging={state.staging}
          error={state.error}
          demo={appInfo.demo}
          supportMode={screenShare}
          onUsernameChange={(text) => dispatch({ type: "editLoginUsername", text })}
          onPasswordChange={(text) => dispatch({ type: "editLoginPassword", text })}
          onBothChange={(username, password) =>
            dispatch({ type: "pasteLogin", username, password })
          }
          onUseDifferent={() => dispatch({ type: "useDifferentKey" })}
          onSubmit={credentials.submitLogin}
          onBack={back}
        />
      )}
      {state.step === "credentials" && provider?.credential_kind === "browser_sign_in" && (
        <BrowserSignInForm
          provider={provider}
          staged={state.draft.staged}
          error={state.error}
          note={state.note}
          demo={appInfo.demo}
          supportMode={screenShare}
          onSignIn={credentials.startSignIn}
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
          onCancel={credentials.stopSignIn}
          onBrowserClosed={credentials.stopSignIn}
        />
      )}
      {state.step === "credentials" && provider?.credential_kind === "key_pair" && (
        <KeyPairForm
          provider={provider}
          keyText={state.draft.keyText}
          staged={state.draft.staged}
          staging={state.staging}
          error={state.error}
          demo={appInfo.demo}
          supportMode={screenShare}
          onKeyTextChange={(text) => dispatch({ type: "editKeyText", text })}
          onKeyPasted={credentials.pasteKeyPair}
          onPickFile={credentials.pickFile}
          onDropFile={credentials.dropFile}
          onUseDifferentKey={() => dispatch({ type: "useDifferentKey" })}
          onSubmit={credentials.submitKeyPair}
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
          keyHint={shownHint(state.staged.hint, screenShare)}
          onSave={
            state.outcome.kind === "ok" && state.outcome.report.account
              ? {
                  label: saveLabel,
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
          onCompare={people.compareWithRoster}
          onConfirmed={() =>
            void people.confirmPeople(() => requestSave(provider, state.outcome.report?.account))
          }
          onExport={() => backend.exportPeople(state.staged.id)}
          onDecide={(entry, decision) => void people.decidePair(entry, decision)}
          onExclude={(entry, excluded) => void people.excludePerson(entry, excluded)}
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
