import { useTranslation } from "react-i18next";
import { Button, CheckboxGroup, type CheckboxOption, Tag } from "../../../components/ui";
import type { PermissionInfo, ProviderGuide, ProviderSummary } from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import { StepCaption } from "../StepCaption";
import { guideText, permissionName } from "../text";

export interface ChooseScopesProps {
  provider: ProviderSummary;
  guide: ProviderGuide;
  /** The optional permissions chosen so far. */
  optional: readonly string[];
  prominentStep?: boolean;
  onChoose(id: string, selected: boolean): void;
  onSubmit(): void;
  onBack(): void;
}

/** Step 2: "What may Acme Rostering read in HRworks?" Required permissions are locked on. */
export function ChooseScopes({
  provider,
  guide,
  optional,
  prominentStep,
  onChoose,
  onSubmit,
  onBack,
}: ChooseScopesProps) {
  const { t } = useTranslation();
  const names = { provider: provider.name, product: guide.product };
  const option = (permission: PermissionInfo, locked: boolean): CheckboxOption => ({
    value: permission.id,
    label: permissionName(provider.id, permission.id, t),
    locked,
    tag: locked ? <Tag tone="info">{t("scopes.requiredTag")}</Tag> : undefined,
    hint: (
      <>
        {permission.purpose && (
          <>
            <span>{guideText(t, permission.purpose, names)}</span>{" "}
          </>
        )}
        <span className="permission-system-name">
          {t("scopes.systemName", { id: permission.id, provider: provider.name })}
        </span>
      </>
    ),
  });
  const required = guide.permissions.filter((p) => p.required).map((p) => option(p, true));
  const optionalOptions = guide.permissions.filter((p) => !p.required).map((p) => option(p, false));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <BackLink onClick={onBack} />
      <StepCaption step="scopes" prominent={prominentStep} />
      <h1 className="heading-l">{t("scopes.heading", names)}</h1>
      <p className="lead">{t("scopes.intro", names)}</p>
      <CheckboxGroup
        id="required-permissions"
        legend={t("scopes.requiredLegend")}
        hint={t("scopes.requiredHint", names)}
        options={required}
        value={[]}
        onChange={() => {}}
      />
      {optionalOptions.length > 0 && (
        <CheckboxGroup
          id="optional-permissions"
          legend={t("scopes.optionalLegend")}
          hint={t("scopes.optionalHint", names)}
          options={optionalOptions}
          value={optional}
          onChange={onChoose}
        />
      )}
      <Button type="submit">{t("wizard.continue")}</Button>
    </form>
  );
}
