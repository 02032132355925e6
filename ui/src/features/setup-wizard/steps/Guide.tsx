import { useTranslation } from "react-i18next";
import { Banner, Button, ButtonGroup, Details } from "../../../components/ui";
import type { ProviderGuide, ProviderSummary } from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import { GuideSteps } from "../GuideSteps";
import { StepCaption } from "../StepCaption";
import { guideText, handOver, sharedPermissions } from "../text";

export interface GuideProps {
  provider: ProviderSummary;
  guide: ProviderGuide;
  /** 0-based screen to show. */
  screen: number;
  optional: readonly string[];
  apiUsername: string;
  demo: boolean;
  prominentStep?: boolean;
  onApiUsernameChange(text: string): void;
  onNext(): void;
  onSkip(): void;
  onNotAdmin(): void;
  onBack(): void;
}

/** Step 3: creating the API user or key, one screen at a time, in the system's own words. */
export function Guide({
  provider,
  guide,
  screen: index,
  optional,
  apiUsername,
  demo,
  prominentStep,
  onApiUsernameChange,
  onNext,
  onSkip,
  onNotAdmin,
  onBack,
}: GuideProps) {
  const { t } = useTranslation();
  const screen = guide.screens[Math.min(index, guide.screens.length - 1)];
  if (!screen) return null;
  const names = { product: guide.product, provider: provider.name };
  const skip =
    provider.credential_kind === "api_key"
      ? t("apiKey.alreadyHave")
      : t(`guide.alreadyHave.${handOver(provider.credential_kind)}`);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <BackLink onClick={onBack} />
      <StepCaption step="guide" prominent={prominentStep} />
      {demo && (
        <Banner title={t("guide.demoTitle")}>
          {t("guide.demo", { provider: provider.name, skip })}
        </Banner>
      )}
      <p className="guide-caption">
        {t("guide.caption", { screen: index + 1, screens: guide.screens.length })}
      </p>
      <h1 className="heading-l">{guideText(t, screen.heading, names)}</h1>
      <GuideSteps
        provider={provider}
        guide={guide}
        screen={screen}
        permissions={sharedPermissions(guide, optional)}
        apiUsername={apiUsername}
        onApiUsernameChange={onApiUsernameChange}
      />
      <Details summary={t("guide.whereToFind")}>
        <p>{guideText(t, screen.where_to_find, names)}</p>
      </Details>
      <ButtonGroup>
        <Button type="submit">{t("wizard.continue")}</Button>
        <Button variant="secondary" onClick={onSkip}>
          {skip}
        </Button>
      </ButtonGroup>
      <p>
        <Button variant="link" onClick={onNotAdmin}>
          {t("guide.notAdmin")}
        </Button>
      </p>
    </form>
  );
}
