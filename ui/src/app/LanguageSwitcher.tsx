import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES, LANGUAGES, parseLanguage } from "../lib/i18n";

/** English | Deutsch, each named in its own language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = parseLanguage(i18n.language) ?? "en";
  return (
    <nav className="language-switcher" aria-label={t("app.language")}>
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <button
              type="button"
              lang={language}
              aria-current={language === current ? "true" : undefined}
              onClick={() => {
                void i18n.changeLanguage(language);
              }}
            >
              {LANGUAGE_NAMES[language]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
