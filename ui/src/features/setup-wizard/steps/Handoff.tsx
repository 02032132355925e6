import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { Problem, ProviderGuide, ProviderSummary, Result } from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import { GuideSteps } from "../GuideSteps";
import { guideText, handOver, permissionName, sharedPermissions } from "../text";

export interface HandoffProps {
  provider: ProviderSummary;
  guide: ProviderGuide;
  optional: readonly string[];
  onBack(): void;
  /** Saves the sheet (its title and markup) as a file; `false` when the admin cancels. */
  onSave(title: string, sheet: string): Promise<Result<boolean, Problem>>;
}

type Saving =
  | { kind: "idle" | "busy" | "saved" }
  | { kind: "failed"; problem: Problem | { code: "unexpected_error" } };

/** The sheet's markup as it prints: without the app's controls. */
function printable(sheet: HTMLElement): string {
  const copy = sheet.cloneNode(true) as HTMLElement;
  for (const control of copy.querySelectorAll(".no-print, button")) control.remove();
  return copy.innerHTML;
}

/**
 * "I'm not the admin": every guide screen on one page, for the chosen system and the chosen
 * permissions, to print or save as a PDF and hand to whoever administers the system. It holds
 * nothing secret: no key, no password, not even the planned user name's check.
 */
export function Handoff({ provider, guide, optional, onBack, onSave }: HandoffProps) {
  const { t, i18n } = useTranslation();
  const names = { product: guide.product, provider: provider.name };
  const permissions = sharedPermissions(guide, optional);
  const sheet = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState<Saving>({ kind: "idle" });
  const title = t("handoff.heading", names);
  const save = () => {
    if (!sheet.current || saving.kind === "busy") return;
    setSaving({ kind: "busy" });
    onSave(title, printable(sheet.current)).then(
      (result) =>
        setSaving(
          result.status === "error"
            ? { kind: "failed", problem: result.error }
            : { kind: result.data ? "saved" : "idle" },
        ),
      () => setSaving({ kind: "failed", problem: { code: "unexpected_error" } }),
    );
  };
  const failure = saving.kind === "failed" ? renderProblem(saving.problem, i18n.language) : null;
  return (
    <div className="handoff" ref={sheet}>
      <div className="no-print">
        <BackLink onClick={onBack} />
      </div>
      <h1 className="heading-l">{title}</h1>
      <p className="lead">
        {t("handoff.intro", {
          ...names,
          what:
            provider.credential_kind === "api_key"
              ? t("apiKey.handoffWhat")
              : t(`handoff.what.${handOver(provider.credential_kind)}`),
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
        <p className="hint">{t("handoff.saveFileHint")}</p>
        <ButtonGroup>
          <Button onClick={() => window.print()}>{t("handoff.print")}</Button>
          <Button variant="secondary" onClick={save} aria-disabled={saving.kind === "busy"}>
            {t("handoff.saveFile")}
          </Button>
        </ButtonGroup>
        <div role="status" className="handoff__saved">
          {saving.kind === "saved" && t("handoff.saved", names)}
        </div>
        {failure && (
          <p role="alert" className="handoff__failed">
            {failure.message} {failure.nextStep}
          </p>
        )}
      </div>
    </div>
  );
}
