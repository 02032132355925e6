import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, ButtonGroup, ErrorSummary, Panel, Spinner } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import { useBackend } from "../../lib/ipc/BackendContext";
import type {
  ConnectionList,
  ConnectionSummary,
  Problem,
  ProviderSummary,
  Result,
} from "../../lib/ipc/types";
import { ConnectionCard, type RowProblem } from "./ConnectionCard";
import { DeliveredConnections } from "./DeliveredConnections";
import { RemoveConnection } from "./RemoveConnection";
import { needsReauthorising } from "./StatusTag";
import { nowSeconds } from "./time";

export interface ConnectionsScreenProps {
  supportMode: boolean;
  /** The product connections are for, named in "How … uses this connection". */
  product: string;
  /** The list the app already loaded to choose its first screen (saves a second call). */
  initial?: ConnectionList;
  /** Move focus to the heading when it appears (opened from another screen, not at start-up). */
  focusOnOpen?: boolean;
  /** The daily check's switch, shown with the saved connections (a feature of its own). */
  dailyCheck?: ReactNode;
  onConnect(): void;
  onReauthorise(connection: ConnectionSummary): void;
}

type Load =
  | { state: "loading" }
  | { state: "failed"; problem: RowProblem }
  | { state: "ready"; connections: ConnectionSummary[]; setAside: number };

interface RowState {
  checking: boolean;
  problem: RowProblem | null;
  warnings: Problem[];
}

type Removing = { id: string; busy: boolean; problem: RowProblem | null };
type Renaming = { id: string; busy: boolean; problem: RowProblem | null };

const unexpected: RowProblem = { code: "unexpected_error" };

/** A command's answer, with a failed call (no answer at all) as an unexpected error. */
function settle<T>(call: Promise<Result<T, Problem>>): Promise<Result<T, RowProblem>> {
  return call.catch(() => ({ status: "error", error: unexpected }) as const);
}

/**
 * "Your connections": every saved connection with its status. Opening the screen checks them
 * all, one after another, each row showing its progress.
 */
export function ConnectionsScreen({
  supportMode,
  product,
  initial,
  focusOnOpen = false,
  dailyCheck,
  onConnect,
  onReauthorise,
}: ConnectionsScreenProps) {
  const backend = useBackend();
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>(
    initial
      ? { state: "ready", connections: initial.connections, setAside: initial.set_aside }
      : { state: "loading" },
  );
  const [providers, setProviders] = useState<ProviderSummary[]>([]);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Connections delivered to the product's backend (listed below the saved ones). */
  const [deliveredCount, setDeliveredCount] = useState(0);
  const [now, setNow] = useState(nowSeconds);
  const rootRef = useRef<HTMLDivElement>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    backend.listProviders().then(
      (list) => mounted.current && setProviders(list),
      () => {
        // Without the names, rows show the system's id; everything else works.
      },
    );
  }, [backend]);

  const replace = useCallback((connection: ConnectionSummary) => {
    setLoad((current) =>
      current.state === "ready"
        ? {
            ...current,
            connections: current.connections.map((c) => (c.id === connection.id ? connection : c)),
          }
        : current,
    );
  }, []);

  /** Checks one connection, showing it on its row. */
  const check = useCallback(
    async (id: string) => {
      setRows((current) => ({ ...current, [id]: { checking: true, problem: null, warnings: [] } }));
      const result = await settle(backend.checkConnection(id));
      if (!mounted.current) return;
      if (result.status === "ok") replace(result.data.connection);
      const problem = result.status === "ok" ? result.data.problem : result.error;
      const warnings = result.status === "ok" ? result.data.warnings : [];
      setNow(nowSeconds());
      setRows((current) => ({ ...current, [id]: { checking: false, problem, warnings } }));
    },
    [backend, replace],
  );

  // Load (unless given), then check every connection, one after another.
  const ids = load.state === "ready" ? load.connections.map((c) => c.id) : null;
  const checkedOnOpen = useRef(false);
  useEffect(() => {
    if (load.state === "loading") {
      backend.listConnections().then(
        (result) => {
          if (!mounted.current) return;
          setLoad(
            result.status === "ok"
              ? {
                  state: "ready",
                  connections: result.data.connections,
                  setAside: result.data.set_aside,
                }
              : { state: "failed", problem: result.error },
          );
        },
        () => mounted.current && setLoad({ state: "failed", problem: unexpected }),
      );
    }
  }, [backend, load.state]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the list first arrives
  useEffect(() => {
    if (!ids || checkedOnOpen.current) return;
    checkedOnOpen.current = true;
    void (async () => {
      setProgress({ done: 0, total: ids.length });
      for (const [index, id] of ids.entries()) {
        if (!mounted.current) return;
        await check(id);
        setProgress({ done: index + 1, total: ids.length });
      }
    })();
  }, [ids === null]);

  // The window is named after the page's heading, as in the wizard.
  useEffect(() => {
    const heading = rootRef.current?.querySelector("h1")?.textContent;
    if (heading) document.title = t("app.documentTitle", { page: heading });
  });

  // Focus the page's heading when it changes (loaded, the list, the removal page), as a new page
  // would; not on the app's first screen, where focus starts at the skip link.
  const page = load.state === "ready" ? (removing ? `remove:${removing.id}` : "list") : load.state;
  const shown = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    shown.current += 1;
    if (shown.current === 1 && !focusOnOpen) return;
    const heading = rootRef.current?.querySelector("h1");
    if (heading && !rootRef.current?.querySelector(".error-summary")) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }, [page]);

  const providerOf = (connection: ConnectionSummary) =>
    providers.find((p) => p.id === connection.provider);

  const remove = async (connection: ConnectionSummary) => {
    setRemoving({ id: connection.id, busy: true, problem: null });
    const result = await settle(backend.removeConnection(connection.id));
    if (!mounted.current) return;
    if (result.status === "error") {
      setRemoving({ id: connection.id, busy: false, problem: result.error });
      return;
    }
    setLoad((current) =>
      current.state === "ready"
        ? { ...current, connections: current.connections.filter((c) => c.id !== connection.id) }
        : current,
    );
    setNotice(t("connections.removed", { label: connection.label }));
    setRemoving(null);
  };

  const rename = async (connection: ConnectionSummary, label: string) => {
    setRenaming({ id: connection.id, busy: true, problem: null });
    const result = await settle(backend.renameConnection(connection.id, label));
    if (!mounted.current) return;
    if (result.status === "error") {
      setRenaming({ id: connection.id, busy: false, problem: result.error });
      return;
    }
    replace(result.data);
    setRenaming(null);
    setNotice(t("connections.renamed", { label }));
  };

  if (load.state === "loading") {
    return (
      <div ref={rootRef} className="loading" role="status">
        <Spinner /> {t("app.loading")}
      </div>
    );
  }
  if (load.state === "failed") {
    const problem = renderProblem(load.problem, i18n.language);
    return (
      <div ref={rootRef}>
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: problem.message, detail: problem.nextStep }]}
        />
        <h1 className="heading-l">{t("connections.loadFailed")}</h1>
      </div>
    );
  }

  const removal = removing && load.connections.find((c) => c.id === removing.id);
  if (removing && removal) {
    return (
      <div ref={rootRef}>
        <RemoveConnection
          connection={removal}
          provider={providerOf(removal)}
          busy={removing.busy}
          problem={removing.problem}
          onConfirm={() => void remove(removal)}
          onCancel={() => setRemoving(null)}
        />
      </div>
    );
  }

  const { connections, setAside } = load;
  return (
    <div ref={rootRef} className="connections">
      <h1 className="heading-l">{t("connections.heading")}</h1>
      {notice && (
        <Panel tone="success" className="connections__notice" role="status">
          <p>{notice}</p>
        </Panel>
      )}
      <NeedsFixing connections={connections} product={product} />
      {setAside > 0 && (
        <Banner title={t("connections.setAsideTitle")} tone="warning">
          {t("connections.setAside", { count: setAside })}
        </Banner>
      )}
      {connections.length === 0 ? (
        <>
          {deliveredCount === 0 && <p className="lead">{t("connections.empty")}</p>}
          <ButtonGroup>
            <Button onClick={onConnect}>{t("connections.emptyAction")}</Button>
          </ButtonGroup>
        </>
      ) : (
        <>
          <p className="lead">{t("connections.lead")}</p>
          {dailyCheck}
          <p className="connections__progress" role="status">
            {progress && progress.done < progress.total ? t("connections.progress", progress) : ""}
          </p>
          <ul className="connections__list" aria-label={t("connections.listLabel")}>
            {connections.map((connection) => (
              <ConnectionCard
                key={connection.id}
                connection={connection}
                product={product}
                provider={providerOf(connection)}
                checking={rows[connection.id]?.checking ?? false}
                problem={rows[connection.id]?.problem ?? null}
                warnings={rows[connection.id]?.warnings ?? []}
                supportMode={supportMode}
                now={now}
                renaming={renaming?.id === connection.id}
                renameBusy={renaming?.id === connection.id && renaming.busy}
                renameProblem={renaming?.id === connection.id ? renaming.problem : null}
                onCheck={() => void check(connection.id)}
                onReauthorise={() => onReauthorise(connection)}
                onStartRename={() => {
                  setNotice(null);
                  setRenaming({ id: connection.id, busy: false, problem: null });
                }}
                onRename={(label) => void rename(connection, label)}
                onCancelRename={() => setRenaming(null)}
                onRemove={() => {
                  setNotice(null);
                  setRemoving({ id: connection.id, busy: false, problem: null });
                }}
              />
            ))}
          </ul>
        </>
      )}
      <DeliveredConnections
        providers={providers}
        onListed={setDeliveredCount}
        onEnterCode={onConnect}
      />
    </div>
  );
}

/**
 * The alert at the top of the page for connections that stopped working until re-authorised,
 * each a link to its card (where Re-authorise is the main button).
 */
function NeedsFixing({
  connections,
  product,
}: {
  connections: ConnectionSummary[];
  product: string;
}) {
  const { t } = useTranslation();
  const broken = connections.filter((connection) => needsReauthorising(connection.status));
  if (broken.length === 0) return null;
  return (
    <Banner title={t("connections.needsFixingTitle", { count: broken.length })} tone="warning">
      {t("connections.needsFixing", { count: broken.length, product })}{" "}
      {broken.map((connection, index) => (
        <span key={connection.id}>
          {index > 0 && ", "}
          <a href={`#connection-${connection.id}`}>{connection.label}</a>
        </span>
      ))}
    </Banner>
  );
}
