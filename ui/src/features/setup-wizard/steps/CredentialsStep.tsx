import { useTranslation } from "react-i18next";
import { Panel } from "../../../components/ui";
import type { ProviderSummary } from "../../../lib/ipc/types";
import type { StateOf, WizardAction } from "../machine";
import type { CredentialCommands } from "../useCredentialCommands";
import { ApiKeyForm, BrowserSignInForm, KeyPairForm, LoginForm } from "./lazy";

export interface CredentialsStepProps {
  state: StateOf<"credentials">;
  provider: ProviderSummary;
  demo: boolean;
  supportMode: boolean;
  dispatch(action: WizardAction): void;
  commands: CredentialCommands;
  onBack(): void;
}

/**
 * The credentials step: the form for the provider's credential kind (a login, a key pair, an
 * API key, a browser sign-in), under the note a resumed wizard shows when the key was not kept.
 */
export function CredentialsStep({
  state,
  provider,
  demo,
  supportMode,
  dispatch,
  commands,
  onBack,
}: CredentialsStepProps) {
  const { t } = useTranslation();
  const { draft } = state;
  const useDifferent = () => dispatch({ type: "useDifferentKey" });
  return (
    <>
      {state.note === "keyNotKept" && (
        // Resumed after a restart: focused when shown (instead of the heading), so it is read first.
        <Panel tone="info" className="wizard-note" tabIndex={-1} data-autofocus="">
          <p>{t("resume.keyNotKept")}</p>
        </Panel>
      )}
      {provider.credential_kind === "username_password" && (
        <LoginForm
          provider={provider}
          username={draft.loginUsername}
          password={draft.loginPassword}
          staged={draft.staged}
          staging={state.staging}
          error={state.error}
          demo={demo}
          supportMode={supportMode}
          onUsernameChange={(text) => dispatch({ type: "editLoginUsername", text })}
          onPasswordChange={(text) => dispatch({ type: "editLoginPassword", text })}
          onBothChange={(username, password) =>
            dispatch({ type: "pasteLogin", username, password })
          }
          onUseDifferent={useDifferent}
          onSubmit={commands.submitLogin}
          onBack={onBack}
        />
      )}
      {provider.credential_kind === "browser_sign_in" && (
        <BrowserSignInForm
          provider={provider}
          staged={draft.staged}
          error={state.error}
          note={state.note}
          demo={demo}
          supportMode={supportMode}
          onSignIn={commands.startSignIn}
          onContinue={() => dispatch({ type: "verifyStarted" })}
          onSignInAgain={useDifferent}
          onBack={onBack}
        />
      )}
      {provider.credential_kind === "key_pair" && (
        <KeyPairForm
          provider={provider}
          keyText={draft.keyText}
          staged={draft.staged}
          staging={state.staging}
          error={state.error}
          demo={demo}
          supportMode={supportMode}
          onKeyTextChange={(text) => dispatch({ type: "editKeyText", text })}
          onKeyPasted={commands.pasteKeyPair}
          onPickFile={commands.pickFile}
          onDropFile={commands.dropFile}
          onUseDifferentKey={useDifferent}
          onSubmit={commands.submitKeyPair}
          onBack={onBack}
        />
      )}
      {provider.credential_kind === "api_key" && (
        <ApiKeyForm
          provider={provider}
          keyText={draft.keyText}
          region={draft.region ?? null}
          staged={draft.staged}
          staging={state.staging}
          error={state.error}
          demo={demo}
          supportMode={supportMode}
          onKeyTextChange={(text) => dispatch({ type: "editKeyText", text })}
          onRegionChange={(region) => dispatch({ type: "chooseRegion", region })}
          onKeyPasted={commands.pasteApiKey}
          onUseDifferentKey={useDifferent}
          onSubmit={commands.submitApiKey}
          onBack={onBack}
        />
      )}
    </>
  );
}
