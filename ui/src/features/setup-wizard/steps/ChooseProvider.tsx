import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  ErrorSummary,
  RadioGroup,
  type RadioOption,
  Tag,
  TextField,
} from "../../../components/ui";
import { productLine } from "../../../lib/i18n/providers";
import type { ProviderGuide, ProviderId, ProviderSummary } from "../../../lib/ipc/types";
import { isAvailable } from "../availability";
import { StepCaption } from "../StepCaption";
import { guideText, regionName } from "../text";

export interface ChooseProviderProps {
  providers: ProviderSummary[];
  /** The core's guides, for what the admin will need in each system. */
  guides: ProviderGuide[];
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
  guides,
  selected,
  showError,
  prominentStep,
  onSelect,
  onSubmit,
}: ChooseProviderProps) {
  const { t, i18n } = useTranslation();
  const error = showError ? t("choose.errorRequired") : null;
  const [query, setQuery] = useState("");

  // Systems HR Link can connect to come first; the others are shown, but cannot be chosen yet.
  const ordered = [...providers.filter(isAvailable), ...providers.filter((p) => !isAvailable(p))];
  const described = ordered.map((provider) => {
    const guide = guides.find((g) => g.provider === provider.id);
    const needs = guide ? guideText(t, guide.needs, { product: guide.product }) : null;
    const region =
      provider.regions.length > 0
        ? provider.regions.map((code) => regionName(code, i18n.language)).join(" · ")
        : regionName(provider.region, i18n.language);
    return { provider, region, needs, product: productLine(provider.id, t) };
  });
  const wanted = query.trim().toLocaleLowerCase();
  const shown = described.filter(
    ({ provider, region }) =>
      wanted === "" ||
      [provider.name, region, provider.region].some((text) =>
        text.toLocaleLowerCase().includes(wanted),
      ),
  );
  const options: Array<RadioOption<ProviderId>> = shown.map(
    ({ provider, region, needs, product }) => {
      const available = isAvailable(provider);
      return {
        value: provider.id,
        label: provider.name,
        hint: (
          <>
            {product && <span className="provider-product">{product}</span>}
            <span className="provider-region">{region}</span>
            {needs && <span className="provider-needs">{needs}</span>}
          </>
        ),
        tag: available ? undefined : <Tag tone="neutral">{t("choose.comingSoon")}</Tag>,
        disabled: !available,
      };
    },
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // Enter in the search with one system left chooses it (the search narrows, Enter confirms).
        const only = wanted !== "" && shown.length === 1 ? shown[0]?.provider : undefined;
        if (only && isAvailable(only) && only.id !== selected) onSelect(only.id);
        onSubmit();
      }}
    >
      {error && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: error, href: `#${FIELD_ID}` }]}
        />
      )}
      <StepCaption step="chooseProvider" prominent={prominentStep} />
      <RadioGroup
        id={FIELD_ID}
        name="provider"
        legend={t("choose.heading")}
        legendIsHeading
        hint={t("choose.hint")}
        error={error}
        errorPrefix={t("wizard.errorPrefix")}
        options={options}
        beforeOptions={
          <>
            <TextField
              id="provider-search"
              className="provider-search"
              type="search"
              label={t("choose.searchLabel")}
              hint={t("choose.searchHint")}
              value={query}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setQuery(event.target.value)}
            />
            {shown.length === 0 && (
              <p className="hint-text" role="status">
                {t("choose.noMatch", { query: query.trim() })}
              </p>
            )}
          </>
        }
        value={selected}
        onChange={onSelect}
      />
      <Button type="submit">{t("wizard.continue")}</Button>
    </form>
  );
}
