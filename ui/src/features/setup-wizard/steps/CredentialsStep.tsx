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
  // What every form takes, whatever the credential kind.
  const shared = { provider, staged: draft.staged, error: state.error, demo, supportMode, onBack };
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
          {...shared}
          username={draft.loginUsername}
          password={draft.loginPassword}
          staging={state.staging}
          onUsernameChange={(text) => dispatch({ type: "editLoginUsername", text })}
          onPasswordChange={(text) => dispatch({ type: "editLoginPassword", text })}
          onBothChange={(username, password) =>
            dispatch({ type: "pasteLogin", username, password })
          }
          onUseDifferent={useDifferent}
          onSubmit={commands.submitLogin}
        />
      )}
      {provider.credential_kind === "browser_sign_in" && (
        <BrowserSignInForm
          {...shared}
          note={state.note}
          onSignIn={commands.startSignIn}
          onContinue={() => dispatch({ type: "verifyStarted" })}
          onSignInAgain={useDifferent}
        />
      )}
      {provider.credential_kind === "key_pair" && (
        <KeyPairForm
          {...shared}
          keyText={draft.keyText}
          staging={state.staging}
          onKeyTextChange={(text) => dispatch({ type: "editKeyText", text })}
          onKeyPasted={commands.pasteKeyPair}
          onPickFile={commands.pickFile}
          onDropFile={commands.dropFile}
          onUseDifferentKey={useDifferent}
          onSubmit={commands.submitKeyPair}
        />
      )}
      {provider.credential_kind === "api_key" && (
        <ApiKeyForm
          {...shared}
          keyText={draft.keyText}
          region={draft.region ?? null}
          staging={state.staging}
          onKeyTextChange={(text) => dispatch({ type: "editKeyText", text })}
          onRegionChange={(region) => dispatch({ type: "chooseRegion", region })}
          onKeyPasted={commands.pasteApiKey}
          onUseDifferentKey={useDifferent}
          onSubmit={commands.submitApiKey}
        />
      )}
    </>
  );
}
