import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, Panel } from "../../../components/ui";
import type { ConnectionSummary } from "../../../lib/ipc/types";
import type { SavedHow } from "../wizardMachine";

export interface SavedProps {
  connection: ConnectionSummary;
  how: SavedHow;
  onShowConnections(): void;
  onConnectAnother(): void;
}

/** The confirmation page: what was saved and what happens next. */
export function Saved({ connection, how, onShowConnections, onConnectAnother }: SavedProps) {
  const { t } = useTranslation();
  const names = { label: connection.label, company: connection.account.name };
  return (
    <div>
      <Panel tone="success" className="result-panel">
        <h1 className="heading-l">{t(`save.done.${how}`, names)}</h1>
      </Panel>
      <h2 className="heading-m">{t("save.done.nextHeading")}</h2>
      <p>{how === "saved" ? t("save.done.nextSaved") : t("save.done.nextReauthorised")}</p>
      <p>{t("save.done.keychain")}</p>
      <ButtonGroup>
        <Button onClick={onShowConnections}>{t("save.done.seeConnections")}</Button>
        {how === "saved" && (
          <Button variant="secondary" onClick={onConnectAnother}>
            {t("save.done.connectAnother")}
          </Button>
        )}
      </ButtonGroup>
    </div>
  );
}
