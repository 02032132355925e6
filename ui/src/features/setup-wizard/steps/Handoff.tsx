import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui";
import type { ProviderGuide, ProviderSummary } from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import { GuideSteps } from "../GuideSteps";
import { guideText, handOver, permissionName, sharedPermissions } from "../text";

export interface HandoffProps {
  provider: ProviderSummary;
  guide: ProviderGuide;
  optional: readonly string[];
  onBack(): void;
}

/**
 * "I'm not the admin": every guide screen on one page, for the chosen system and the chosen
 * permissions, to print or save as a PDF and hand to whoever administers the system. It holds
 * nothing secret: no key, no password, not even the planned user name's check.
 */
export function Handoff({ provider, guide, optional, onBack }: HandoffProps) {
  const { t } = useTranslation();
  const names = { product: guide.product, provider: provider.name };
  const permissions = sharedPermissions(guide, optional);
  return (
    <div className="handoff">
      <div className="no-print">
        <BackLink onClick={onBack} />
      </div>
      <h1 className="heading-l">{t("handoff.heading", names)}</h1>
      <p className="lead">
        {t("handoff.intro", {
          ...names,
          what: t(`handoff.what.${handOver(provider.credential_kind)}`),
        })}
      </p>
      <h2 className="heading-m">{t("handoff.needsHeading")}</h2>
      <p>{guideText(t, guide.needs, names)}</p>
      <h2 className="heading-m">{t("handoff.permissionsHeading", names)}</h2>
      <ul>
        {permissions.map((permission) => (
          <li key={permission.id}>
            {permissionName(provider.id, permission.id, t)} (<code>{permission.id}</code>)
          </li>
        ))}
      </ul>
      {guide.screens.map((screen, index) => (
        <section key={screen.id} className="handoff__screen">
          <h2 className="heading-m">
            {index + 1}. {guideText(t, screen.heading, names)}
          </h2>
          <GuideSteps
            provider={provider}
            guide={guide}
            screen={screen}
            permissions={permissions}
            apiUsername=""
            onApiUsernameChange={null}
          />
          <p className="handoff__where">{guideText(t, screen.where_to_find, names)}</p>
        </section>
      ))}
      <div className="no-print">
        <p className="hint">{t("handoff.printHint")}</p>
        <Button onClick={() => window.print()}>{t("handoff.print")}</Button>
      </div>
    </div>
  );
}
