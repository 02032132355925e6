import type { i18n as I18n } from "i18next";
import { useCallback, useEffect, useRef, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import logoUrl from "../../../icons/app-icon.svg";
import { Spinner, Tag } from "../components/ui";
import {
  type ReauthTarget,
  reauthoriseState,
  type WizardState,
} from "../features/setup-wizard/machine";
import { resumeState } from "../features/setup-wizard/resume";
import { SetupWizard } from "../features/setup-wizard/SetupWizard";
import { BackendProvider, useBackend } from "../lib/ipc/BackendContext";
import type { Backend } from "../lib/ipc/backend";
import type {
  AppInfo,
  ConnectionList,
  ConnectionSummary,
  ProviderSummary,
  WizardDraft,
} from "../lib/ipc/types";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { destinationOf, type LinkOutcome, LinkPage } from "./LinkPage";
import { ScreenShareSwitch } from "./ScreenShareSwitch";
import { CopyDiagnostics, SupportCode } from "./SupportTools";
import {
  CloudWizard,
  ConnectionsScreen,
  DailyCheckSwitch,
  preloadScreens,
  ResumePrompt,
} from "./screens";
import { UpdatePrompt, wizardMidWay } from "./UpdatePrompt";

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
  | { kind: "wizard"; key: number; initial?: WizardState; focus: boolean; code?: string }
  /** An `hrlink://` link that opened nothing, and why. */
  | { kind: "link"; outcome: LinkOutcome }
  /** A half-finished wizard was found: continue it, or start again. */
  | {
      kind: "resume";
      draft: WizardDraft;
      target: ReauthTarget | null;
      providers: ProviderSummary[];
    };

async function loadDraft(backend: Backend): Promise<WizardDraft | null> {
  try {
    return await backend.loadWizardDraft();
  } catch {
    return null;
  }
}

/**
 * The first screen: a half-finished wizard to resume, else the connections when there are any
 * (or unreadable ones), else the wizard.
 */
async function firstView(backend: Backend, initialWizard?: WizardState): Promise<View> {
  if (initialWizard) return { kind: "wizard", key: 0, initial: initialWizard, focus: false };
  const [draft, listed] = await Promise.all([
    loadDraft(backend),
    backend.listConnections().catch(() => null),
  ]);
  const list = listed?.status === "ok" ? listed.data : null;
  if (draft) {
    // A re-authorisation resumes only while its connection is still there.
    const target = list?.connections.find((c) => c.id === draft.target) ?? null;
    const providers = await backend.listProviders().catch(() => []);
    return { kind: "resume", draft, target, providers };
  }
  // Listing failed: the wizard still works; "Your connections" says what went wrong.
  if (list && (list.connections.length > 0 || list.set_aside > 0)) {
    return { kind: "connections", list, focus: false };
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
        // A half-finished local wizard is not resumed in cloud mode: the product's code comes first.
        setView(
          info.cloud && first.kind === "resume" ? { kind: "wizard", key: 0, focus: false } : first,
        );
        setLoad({ state: "ready", info });
      },
      () => current && setLoad({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [backend, initialWizard]);

  /** The screen shown, for "Copy diagnostics" (the wizard reports its step). */
  const screen = useRef("loading");
  /** The open wizard's step (`null` outside a wizard), for holding an update back. */
  const [wizardStep, setWizardStep] = useState<string | null>(null);
  useEffect(() => {
    if (view && view.kind !== "wizard") {
      screen.current = view.kind;
      setWizardStep(null);
    }
  }, [view]);
  const onStep = useCallback((step: string) => {
    screen.current = step;
    setWizardStep(step);
  }, []);

  /** The core masks from its answer on; then every screen re-renders (and asks again) masked. */
  const switchScreenShare = async (on: boolean) => {
    await backend.setScreenShare(on);
    setLoad((current) =>
      current.state === "ready"
        ? { state: "ready", info: { ...current.info, support_mode: on } }
        : current,
    );
  };

  const showConnections = () => setView({ kind: "connections", focus: true });
  const connect = () =>
    setView((current) => ({
      kind: "wizard",
      key: (current?.kind === "wizard" ? current.key : 0) + 1,
      focus: true,
    }));
  const reauthorise = useCallback(
    (connection: ConnectionSummary) =>
      setView((current) => ({
        kind: "wizard",
        key: (current?.kind === "wizard" ? current.key : 0) + 1,
        initial: reauthoriseState(connection, connection.chosen_permissions),
        focus: true,
      })),
    [],
  );

  const enroll = useCallback(
    (code: string) =>
      setView((current) => ({
        kind: "wizard",
        key: (current?.kind === "wizard" ? current.key : 0) + 1,
        code,
        focus: true,
      })),
    [],
  );

  // `hrlink://` links (the one HR Link was started with, then each one opened while it runs)
  // take over the main area once the first screen is ready. A link is handed over once, so its
  // destination is shown even if this listener has been replaced meanwhile (React's strict
  // mode subscribes twice in development).
  const ready = load.state === "ready";
  useEffect(() => {
    if (!ready) return;
    const listening = backend.onLinkOpened((action) => {
      // destinationOf never rejects: an unreadable list is "connection missing".
      void destinationOf(backend, action).then((destination) => {
        if (destination.kind === "reauthorise") reauthorise(destination.connection);
        else if (destination.kind === "enroll") enroll(destination.code);
        else setView({ kind: "link", outcome: destination.outcome });
      });
    });
    return () => {
      listening
        .then((unlisten) => unlisten())
        .catch(() => {
          // Never listened: nothing to stop.
        });
    };
  }, [backend, ready, reauthorise, enroll]);

  // The other screens' chunks are fetched once the first one is painted, so none waits later.
  useEffect(() => {
    if (!ready) return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        preloadScreens().catch(() => {
          // Each is loaded again when first shown.
        });
      }),
    );
  }, [ready]);

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
          {info && <ScreenShareSwitch on={info.support_mode} onChange={switchScreenShare} />}
          <LanguageSwitcher />
        </div>
        {info && view && (
          <div className="app-subheader">
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
            {info.demo && (
              // A small tag, not a banner: it should not push each page's button out of view.
              <section className="app-demo" aria-label={t("demo.title")}>
                <Tag tone="info">{t("demo.title")}</Tag>
                <span className="app-demo__text">{t("demo.body")}</span>
              </section>
            )}
            {info.support_mode && <SupportCode code={info.support_code} />}
          </div>
        )}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {info && <UpdatePrompt midWay={wizardMidWay(view?.kind === "wizard", wizardStep)} />}
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
            product={info.product}
            initial={view.list}
            focusOnOpen={view.focus}
            dailyCheck={<DailyCheckSwitch demo={info.demo} />}
            onConnect={connect}
            onReauthorise={reauthorise}
          />
        )}
        {info && view?.kind === "link" && (
          <LinkPage outcome={view.outcome} onShowConnections={showConnections} />
        )}
        {info && view?.kind === "resume" && (
          <ResumePrompt
            draft={view.draft}
            provider={view.providers.find((p) => p.id === view.draft.provider) ?? null}
            target={view.target}
            onContinue={() =>
              setView({
                kind: "wizard",
                key: 1,
                initial: resumeState(view.draft, view.target),
                focus: true,
              })
            }
            onStartAgain={() => {
              backend.clearWizardDraft().catch(() => {
                // A draft left behind only offers to resume again next time.
              });
              setView({ kind: "wizard", key: 1, focus: true });
            }}
          />
        )}
        {info?.cloud && view?.kind === "wizard" && (
          <CloudWizard
            key={view.key}
            appInfo={info}
            code={view.code}
            focusOnStart={view.focus}
            onShowConnections={showConnections}
            onConnectAnother={connect}
            onStep={onStep}
          />
        )}
        {info && !info.cloud && view?.kind === "wizard" && (
          <SetupWizard
            key={view.key}
            appInfo={info}
            initial={view.initial}
            focusOnStart={view.focus}
            onShowConnections={showConnections}
            onConnectAnother={connect}
            onStep={onStep}
          />
        )}
      </main>
      {info && (
        <footer className="app-footer">
          <div className="app-footer__inner">
            <p>{t("app.version", { version: info.version })}</p>
            <CopyDiagnostics step={() => screen.current} screenShare={info.support_mode} />
          </div>
        </footer>
      )}
    </div>
  );
}
