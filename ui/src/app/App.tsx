import type { i18n as I18n } from "i18next";
import { useEffect, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import logoUrl from "../../../icons/app-icon.svg";
import { Banner, Spinner, Tag } from "../components/ui";
import { SetupWizard } from "../features/setup-wizard/SetupWizard";
import type { WizardState } from "../features/setup-wizard/wizardMachine";
import { BackendProvider, useBackend } from "../lib/ipc/BackendContext";
import type { Backend } from "../lib/ipc/backend";
import type { AppInfo } from "../lib/ipc/types";
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

function Shell({ initialWizard }: { initialWizard?: WizardState }) {
  const backend = useBackend();
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: "loading" });

  useEffect(() => {
    let current = true;
    backend.appInfo().then(
      (info) => current && setLoad({ state: "ready", info }),
      () => current && setLoad({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [backend]);

  // Screen readers and hyphenation follow the page's language.
  useEffect(() => {
    document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;
  }, [i18n.resolvedLanguage, i18n.language]);

  const info = load.state === "ready" ? load.info : null;
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
        {info && <SetupWizard appInfo={info} initial={initialWizard} />}
      </main>
      {info && (
        <footer className="app-footer">
          <p>{t("app.version", { version: info.version })}</p>
        </footer>
      )}
    </div>
  );
}
