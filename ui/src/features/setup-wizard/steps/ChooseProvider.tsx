import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, RadioGroup, type RadioOption, Tag } from "../../../components/ui";
import type { ProviderId, ProviderSummary } from "../../../lib/ipc/types";
import { isAvailable } from "../availability";
import { StepCaption } from "../StepCaption";
import { regionName } from "../text";

export interface ChooseProviderProps {
  providers: ProviderSummary[];
  selected: ProviderId | null;
  showError: boolean;
  prominentStep?: boolean;
  onSelect(provider: ProviderId): void;
  onSubmit(): void;
}

const FIELD_ID = "provider";

/** Step 1: "Which HR system do you use?" */
export function ChooseProvider({
  providers,
  selected,
  showError,
  prominentStep,
  onSelect,
  onSubmit,
}: ChooseProviderProps) {
  const { t, i18n } = useTranslation();
  const error = showError ? t("choose.errorRequired") : null;

  // Systems HR Link can connect to come first; the others are shown, but cannot be chosen yet.
  const ordered = [...providers.filter(isAvailable), ...providers.filter((p) => !isAvailable(p))];
  const options: Array<RadioOption<ProviderId>> = ordered.map((provider) => {
    const available = isAvailable(provider);
    const region = regionName(provider.region, i18n.language);
    return {
      value: provider.id,
      label: provider.name,
      hint: region,
      tag: available ? undefined : <Tag tone="neutral">{t("choose.comingSoon")}</Tag>,
      disabled: !available,
    };
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {error && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: error, href: `#${FIELD_ID}` }]}
        />
      )}
      <StepCaption step={1} prominent={prominentStep} />
      <RadioGroup
        id={FIELD_ID}
        name="provider"
        legend={t("choose.heading")}
        legendIsHeading
        hint={t("choose.hint")}
        error={error}
        errorPrefix={t("wizard.errorPrefix")}
        options={options}
        value={selected}
        onChange={onSelect}
      />
      <Button type="submit">{t("wizard.continue")}</Button>
    </form>
  );
}
