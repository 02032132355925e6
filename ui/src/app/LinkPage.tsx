import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../components/ui";
import type { Backend } from "../lib/ipc/backend";
import type { ConnectionSummary, LinkAction } from "../lib/ipc/types";

/** What an `hrlink://` link leads to when it cannot open a flow. */
export type LinkOutcome = "not_understood" | "unavailable" | "connection_missing";

/** Where a link leads: a connection's re-authorise flow, or a page saying why not. */
export type LinkDestination =
  | { kind: "reauthorise"; connection: ConnectionSummary }
  /** The cloud wizard with the product's code filled in (the core routes these only in cloud mode). */
  | { kind: "enroll"; code: string }
  | { kind: "page"; outcome: LinkOutcome };

/**
 * Where a link the core routed leads. A re-authorise link opens only a connection saved on this
 * computer; an enrollment link opens the cloud wizard (outside cloud mode the core says
 * `unavailable`).
 */
export async function destinationOf(
  backend: Backend,
  action: LinkAction,
): Promise<LinkDestination> {
  switch (action.kind) {
    case "not_understood":
      return { kind: "page", outcome: "not_understood" };
    case "unavailable":
      return { kind: "page", outcome: "unavailable" };
    case "open": {
      const link = action.link;
      if (link.kind === "enroll") return { kind: "enroll", code: link.code };
      const listed = await backend.listConnections().catch(() => null);
      const connections = listed?.status === "ok" ? listed.data.connections : [];
      const connection = connections.find((c) => c.id === link.connection_id);
      return connection
        ? { kind: "reauthorise", connection }
        : { kind: "page", outcome: "connection_missing" };
    }
  }
}

export interface LinkPageProps {
  outcome: LinkOutcome;
  onShowConnections(): void;
}

/** A calm page for a link that opened nothing: what happened (nothing) and where to go. */
export function LinkPage({ outcome, onShowConnections }: LinkPageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = t(`links.${outcome}.title`);
  useEffect(() => {
    document.title = t("app.documentTitle", { page: title });
    heading.current?.focus();
  }, [t, title]);
  return (
    <>
      <h1 className="heading-l" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{t(`links.${outcome}.body`)}</p>
      <p>{t("links.nothingChanged")}</p>
      <ButtonGroup>
        <Button onClick={onShowConnections}>{t("links.showConnections")}</Button>
      </ButtonGroup>
    </>
  );
}
