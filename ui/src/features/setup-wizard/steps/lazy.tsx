/**
 * The wizard's steps after the first one, each a chunk of its own (the first screen loads only
 * "Which HR system do you use?"). `preloadSteps` fetches them all once the first screen is shown,
 * so moving on never waits.
 */
import { useTranslation } from "react-i18next";
import { Spinner } from "../../../components/ui";
import { lazyComponent } from "../../../lib/lazyComponent";

function StepLoading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner /> {t("app.loading")}
    </div>
  );
}

const loading = <StepLoading />;

export const ChooseScopes = lazyComponent(
  () => import("./ChooseScopes").then((m) => m.ChooseScopes),
  loading,
);
export const Guide = lazyComponent(() => import("./Guide").then((m) => m.Guide), loading);
export const Handoff = lazyComponent(() => import("./Handoff").then((m) => m.Handoff), loading);
export const KeyPairForm = lazyComponent(
  () => import("./KeyPairForm").then((m) => m.KeyPairForm),
  loading,
);
export const ApiKeyForm = lazyComponent(
  () => import("./ApiKeyForm").then((m) => m.ApiKeyForm),
  loading,
);
export const LoginForm = lazyComponent(
  () => import("./LoginForm").then((m) => m.LoginForm),
  loading,
);
export const BrowserSignInForm = lazyComponent(
  () => import("./BrowserSignInForm").then((m) => m.BrowserSignInForm),
  loading,
);
export const SignInWaiting = lazyComponent(
  () => import("./SignInWaiting").then((m) => m.SignInWaiting),
  loading,
);
export const Verify = lazyComponent(() => import("./Verify").then((m) => m.Verify), loading);
export const Result = lazyComponent(() => import("./Result").then((m) => m.Result), loading);
export const People = lazyComponent(
  () => import("../../people/PeopleStep").then((m) => m.People),
  loading,
);
export const Mapping = lazyComponent(
  () => import("../../mapping/MappingStep").then((m) => m.MappingStep),
  loading,
);
export const CheckAnswers = lazyComponent(
  () => import("./CheckAnswers").then((m) => m.CheckAnswers),
  loading,
);
export const Updating = lazyComponent(() => import("./Updating").then((m) => m.Updating), loading);
export const DifferentAccount = lazyComponent(
  () => import("./DifferentAccount").then((m) => m.DifferentAccount),
  loading,
);
export const Saved = lazyComponent(() => import("./Saved").then((m) => m.Saved), loading);

const ALL = [
  ChooseScopes,
  Guide,
  Handoff,
  KeyPairForm,
  ApiKeyForm,
  LoginForm,
  BrowserSignInForm,
  SignInWaiting,
  Verify,
  Result,
  People,
  Mapping,
  CheckAnswers,
  Updating,
  DifferentAccount,
  Saved,
];

export function preloadSteps(): Promise<unknown> {
  return Promise.all(ALL.map((step) => step.preload()));
}
