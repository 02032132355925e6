import { useCallback, useEffect, useReducer, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Spinner } from "../../components/ui";
import { parseLanguage } from "../../lib/i18n";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  Account,
  AppInfo,
  Result as IpcResult,
  Problem,
  ProviderSummary,
  StagedCredentials,
  WizardProblem,
} from "../../lib/ipc/types";
import { shownHint } from "../../lib/screenShare";
import { useMappingCommands } from "../mapping/useMappingCommands";
import { usePeopleCommands } from "../people/usePeopleCommands";
import { initialState, type WizardState, wizardReducer } from "./machine";
import { ChooseProvider } from "./steps/ChooseProvider";
import { CredentialsStep } from "./steps/CredentialsStep";
// Every later step comes from its own chunk, preloaded once the first screen is shown.
import {
  CheckAnswers,
  ChooseScopes,
  DifferentAccount,
  Guide,
  Handoff,
  Mapping,
  People,
  Result,
  Saved,
  SignInWaiting,
  Updating,
  Verify,
} from "./steps/lazy";
import { defaultLabel } from "./text";
import { useCredentialCommands } from "./useCredentialCommands";
import { useProviderCatalogue } from "./useProviderCatalogue";
import { useWizardEffects } from "./useWizardEffects";
import { useWizardPage } from "./useWizardPage";

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
  deliver?: {
    product: string;
    onDeliver(staged: StagedCredentials): void;
    /** A browser sign-in failed (the product's backend exchanges its code in cloud mode). */
    onSignInFailed(problem: WizardProblem): void;
  };
}

/**
 * The setup wizard: owns the state machine and performs the IPC calls its steps ask for (the
 * hooks `useWizardEffects`, `useCredentialCommands` and the People step's `usePeopleCommands`);
 * `useWizardPage` makes each step behave like a page (title, focus, scroll).
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
  const catalogue = useProviderCatalogue();
  const rootRef = useRef<HTMLDivElement>(null);
  const language = parseLanguage(i18n.resolvedLanguage ?? i18n.language) ?? "en";
  // Screen-share mode: the core masks names and emails (or not) as it answers.
  const screenShare = appInfo.support_mode;
  const targetId = state.draft.target?.id ?? null;

  useWizardEffects(state, dispatch, !deliver);
  const credentials = useCredentialCommands(state, dispatch, language, deliver?.onSignInFailed);
  const peopleStep =
    state.step === "people"
      ? { staged: state.staged.id, listing: state.listing, run: state.runs, people: state.people }
      : null;
  const people = usePeopleCommands(peopleStep, dispatch, screenShare, targetId);
  const mappingStep =
    state.step === "mapping"
      ? { staged: state.staged.id, target: targetId, stage: state.mapping }
      : null;
  // Once the mapping is chosen (or skipped), saving or sending goes on (set below, once the
  // catalogue has named the provider).
  const onMapped = useRef(() => {});
  const mapping = useMappingCommands(mappingStep, dispatch, () => onMapped.current());
  const loaded = catalogue !== null && catalogue !== "failed";
  useWizardPage(rootRef, {
    // The mapping step's heading comes once its proposal is read: a page of its own.
    step: state.step === "mapping" ? `mapping:${state.mapping.kind}` : state.step,
    guideScreen: state.draft.guideScreen,
    loaded,
    firstStep: state.step === "chooseProvider",
    focusOnStart,
  });
  useEffect(() => onStep?.(state.step), [onStep, state.step]);

  // The organisations a sign-in on the result step reaches (asked only when it must choose).
  const resultStaged = state.step === "result" ? state.staged.id : null;
  const loadOrganisations = useCallback(
    () =>
      resultStaged === null
        ? Promise.resolve<IpcResult<Account[], Problem>>({ status: "ok", data: [] })
        : backend.listOrganisations(resultStaged),
    [backend, resultStaged],
  );

  if (catalogue === "failed") {
    return (
      <div ref={rootRef}>
        <h1 className="heading-l">{t("app.loadFailedTitle")}</h1>
        <p>{t("app.loadFailedBody")}</p>
      </div>
    );
  }
  if (catalogue === null) {
    return (
      <div ref={rootRef} className="loading" role="status">
        <Spinner /> {t("app.loading")}
      </div>
    );
  }
  const { providers, guides } = catalogue;
  const provider = providers.find((p) => p.id === state.draft.provider) ?? null;
  const guide = guides.find((g) => g.provider === state.draft.provider) ?? null;

  const target = state.draft.target ?? null;
  /**
   * Saving starts from a successful check; the label defaults to the company's name. In cloud
   * delivery the connection is sent to the product instead.
   */
  const requestSave = (provider: ProviderSummary, account: Account | null | undefined) => {
    // The mapping step comes first (the reducer starts it), then saving or sending.
    if (deliver && state.step === "result" && state.mapped) return deliver.onDeliver(state.staged);
    dispatch({ type: "saveRequested", label: account ? defaultLabel(provider, account, t) : "" });
  };
  onMapped.current = () => {
    if (state.step !== "mapping" || !provider) return;
    if (deliver) return deliver.onDeliver(state.staged);
    requestSave(provider, state.outcome.report?.account);
  };
  const existing = state.step === "result" ? (state.existing ?? null) : null;
  const saveLabel = deliver
    ? t("cloud.send", { product: deliver.product })
    : target
      ? t("save.updateConnection")
      : existing
        ? t("save.reauthoriseCaption", { label: existing.label })
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
          guides={guides}
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
      {state.step === "credentials" && provider && (
        <CredentialsStep
          state={state}
          provider={provider}
          demo={appInfo.demo}
          supportMode={screenShare}
          dispatch={dispatch}
          commands={credentials}
          onBack={back}
        />
      )}
      {state.step === "signingIn" && provider && (
        <SignInWaiting
          provider={provider}
          address={state.address ?? null}
          reopenFailed={state.reopenFailed ?? false}
          demo={appInfo.demo}
          supportMode={screenShare}
          onCancel={credentials.stopSignIn}
          onOpenAgain={credentials.reopenBrowser}
          onBrowserClosed={credentials.startSignIn}
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
          alreadyConnected={existing?.label ?? null}
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
      {state.step === "mapping" && provider && (
        <Mapping
          provider={provider}
          product={deliver?.product ?? appInfo.product}
          stage={state.mapping}
          onChoose={(kind, hrId, productId) =>
            dispatch({ type: "categoryChosen", kind, hrId, productId })
          }
          onDefaultRole={(role) => dispatch({ type: "defaultRoleChosen", role })}
          onSubmit={() => void mapping.submit()}
          onTryAgain={() => dispatch({ type: "mappingRetried" })}
          onBack={() => dispatch({ type: "back" })}
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
          reauthorising={Boolean(target)}
          confirmed={state.confirmed}
          supportMode={screenShare}
          mapped={state.mapped}
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
