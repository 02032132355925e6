import type { i18n as I18n } from "i18next";
import { useEffect, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import logoUrl from "../../../icons/app-icon.svg";
import { Banner, Spinner, Tag } from "../components/ui";
import { ConnectionsScreen } from "../features/connections/ConnectionsScreen";
import { SetupWizard } from "../features/setup-wizard/SetupWizard";
import { reauthoriseState, type WizardState } from "../features/setup-wizard/wizardMachine";
import { BackendProvider, useBackend } from "../lib/ipc/BackendContext";
import type { Backend } from "../lib/ipc/backend";
import type { AppInfo, ConnectionList } from "../lib/ipc/types";
import { LanguageSwitcher } from "./LanguageSwitcher";

export interface AppProps {
  backend: Backend;
  i18n: I18n;
  /** Where the wizard starts (tests). */
  initialWizard?: WizardState;
}

export function App({ backend, i18n, initialWizard }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <BackendProvider backend={backend}>
        <Shell initialWizard={initialWizard} />
      </BackendProvider>
    </I18nextProvider>
  );
}

type Load = { state: "loading" } | { state: "failed" } | { state: "ready"; info: AppInfo };

/**
 * What the main area shows: the connections, or the wizard (a new `key` starts a fresh one;
 * `focus` moves focus to its first heading when opened from another screen).
 */
type View =
  | { kind: "connections"; list?: ConnectionList; focus: boolean }
  | { kind: "wizard"; key: number; initial?: WizardState; focus: boolean };

/** The first screen: the connections when there are any (or unreadable ones), else the wizard. */
async function firstView(backend: Backend, initialWizard?: WizardState): Promise<View> {
  if (initialWizard) return { kind: "wizard", key: 0, initial: initialWizard, focus: false };
  try {
    const result = await backend.listConnections();
    if (
      result.status === "ok" &&
      (result.data.connections.length > 0 || result.data.set_aside > 0)
    ) {
      return { kind: "connections", list: result.data, focus: false };
    }
  } catch {
    // Listing failed: the wizard still works; "Your connections" says what went wrong.
  }
  return { kind: "wizard", key: 0, focus: false };
}

function Shell({ initialWizard }: { initialWizard?: WizardState }) {
  const backend = useBackend();
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [view, setView] = useState<View | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([backend.appInfo(), firstView(backend, initialWizard)]).then(
      ([info, first]) => {
        if (!current) return;
        setView(first);
        setLoad({ state: "ready", info });
      },
      () => current && setLoad({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [backend, initialWizard]);

  const showConnections = () => setView({ kind: "connections", focus: true });
  const connect = () =>
    setView((current) => ({
      kind: "wizard",
      key: (current?.kind === "wizard" ? current.key : 0) + 1,
      focus: true,
    }));

  // Screen readers and hyphenation follow the page's language.
  useEffect(() => {
    document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;
  }, [i18n.resolvedLanguage, i18n.language]);

  const info = load.state === "ready" ? load.info : null;
  /** The wizard for a new connection is open (not a re-authorisation). */
  const connecting = view?.kind === "wizard" && !view.initial?.draft.target;
  return (
    <div className={info?.support_mode ? "app app--support" : "app"}>
      <a className="skip-link" href="#main">
        {t("app.skipLink")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <span className="app-header__brand">
            <img src={logoUrl} alt="" width={28} height={28} />
            <span className="app-header__name">{t("app.name")}</span>
          </span>
          {info?.support_mode && (
            <span className="app-header__support" title={t("app.supportModeHint")}>
              <Tag tone="info">{t("app.supportMode")}</Tag>
            </span>
          )}
          <LanguageSwitcher />
        </div>
        {info && view && (
          <nav className="app-nav" aria-label={t("nav.label")}>
            <ul className="app-nav__list">
              <li>
                <button
                  type="button"
                  className="app-nav__link"
                  aria-current={view.kind === "connections" ? "page" : undefined}
                  onClick={showConnections}
                >
                  {t("nav.connections")}
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="app-nav__link"
                  aria-current={connecting ? "page" : undefined}
                  // Already connecting a system: keep what was entered.
                  onClick={connecting ? undefined : connect}
                >
                  {t("nav.connect")}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {info?.demo && <Banner title={t("demo.title")}>{t("demo.body")}</Banner>}
        {load.state === "loading" && (
          <div className="loading" role="status">
            <Spinner /> {t("app.loading")}
          </div>
        )}
        {load.state === "failed" && (
          <>
            <h1 className="heading-l">{t("app.loadFailedTitle")}</h1>
            <p>{t("app.loadFailedBody")}</p>
          </>
        )}
        {info && view?.kind === "connections" && (
          <ConnectionsScreen
            supportMode={info.support_mode}
            initial={view.list}
            focusOnOpen={view.focus}
            onConnect={connect}
            onReauthorise={(connection) =>
              setView((current) => ({
                kind: "wizard",
                key: (current?.kind === "wizard" ? current.key : 0) + 1,
                initial: reauthoriseState(connection),
                focus: true,
              }))
            }
          />
        )}
        {info && view?.kind === "wizard" && (
          <SetupWizard
            key={view.key}
            appInfo={info}
            initial={view.initial}
            focusOnStart={view.focus}
            onShowConnections={showConnections}
            onConnectAnother={connect}
          />
        )}
      </main>
      {info && (
        <footer className="app-footer">
          <p>{t("app.version", { version: info.version })}</p>
        </footer>
      )}
    </div>
  );
}
