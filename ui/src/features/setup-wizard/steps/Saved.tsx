import { useTranslation } from "react-i18next";
import { Button, ButtonGroup, Panel } from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type { ConnectionSummary, Problem } from "../../../lib/ipc/types";
import { DailyCheckOffer } from "../../daily-check/DailyCheck";
import type { SavedHow } from "../machine";

export interface SavedProps {
  connection: ConnectionSummary;
  how: SavedHow;
  /** The product that can now use the connection, and the HR system's name. */
  product: string;
  providerName: string;
  /** Why the people the admin confirmed could not be kept, if they could not. */
  peopleNotKept: Problem | null;
  onShowConnections(): void;
  onConnectAnother(): void;
}

/** The confirmation page: what was saved and what happens next. */
export function Saved({
  connection,
  how,
  product,
  providerName,
  peopleNotKept,
  onShowConnections,
  onConnectAnother,
}: SavedProps) {
  const { t, i18n } = useTranslation();
  const names = { label: connection.label, company: connection.account.name };
  const notKept = peopleNotKept ? renderProblem(peopleNotKept, i18n.language) : null;
  return (
    <div>
      <Panel tone="success" className="result-panel">
        <h1 className="heading-l">{t(`save.done.${how}`, names)}</h1>
        <p>{t("save.done.productCan", { product, provider: providerName })}</p>
      </Panel>
      {notKept && (
        <Panel tone="info" className="result-panel">
          <h2 className="heading-s">{t("save.done.peopleNotKeptHeading")}</h2>
          <p>{t("save.done.peopleNotKept")}</p>
          <p>{notKept.nextStep}</p>
          <p>{t("save.done.peopleNotKeptNext")}</p>
        </Panel>
      )}
      <h2 className="heading-m">{t("save.done.nextHeading")}</h2>
      <p>{how === "saved" ? t("save.done.nextSaved") : t("save.done.nextReauthorised")}</p>
      <p>{t("save.done.keychain", { product })}</p>
      {how === "saved" && <DailyCheckOffer />}
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
