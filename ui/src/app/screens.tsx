/**
 * The screens that are not the first one a new user sees, each a chunk of its own:
 * `preloadScreens` fetches them (and the wizard's later steps) once the first screen is shown.
 */
import { useTranslation } from "react-i18next";
import { Spinner } from "../components/ui";
import { preloadSteps } from "../features/setup-wizard/steps/lazy";
import { lazyComponent } from "../lib/lazyComponent";

function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner /> {t("app.loading")}
    </div>
  );
}

export const ConnectionsScreen = lazyComponent(
  () => import("../features/connections/ConnectionsScreen").then((m) => m.ConnectionsScreen),
  <ScreenLoading />,
);
// Rendered inside the Connections screen, in a chunk of its own (a feature of its own).
export const DailyCheckSwitch = lazyComponent(
  () => import("../features/daily-check/DailyCheck").then((m) => m.DailyCheckSwitch),
  null,
);
export const ResumePrompt = lazyComponent(
  () => import("../features/setup-wizard/ResumePrompt").then((m) => m.ResumePrompt),
  <ScreenLoading />,
);

// The first screen in cloud mode only; in the default local mode it is never shown.
export const CloudWizard = lazyComponent(
  () => import("../features/cloud-delivery/CloudWizard").then((m) => m.CloudWizard),
  <ScreenLoading />,
);

export function preloadScreens(): Promise<unknown> {
  return Promise.all([
    ConnectionsScreen.preload(),
    DailyCheckSwitch.preload(),
    ResumePrompt.preload(),
    CloudWizard.preload(),
    preloadSteps(),
  ]);
}
