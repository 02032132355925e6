import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de";
import { en } from "./en";
import { detectLanguage, LANGUAGES, type Language } from "./languages";

export {
  dateLocale,
  detectLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  parseLanguage,
} from "./languages";
export { type RenderedProblem, renderProblem } from "./renderProblem";

export const resources = { en: { translation: en }, de: { translation: de } } as const;

/**
 * A ready i18next instance (synchronous: the strings are bundled). Each call makes a new
 * instance, so tests do not share a language.
 */
export function createI18n(language: Language = detectLanguage()): i18n {
  const instance = i18next.createInstance();
  // With bundled resources and `initAsync: false`, init completes before it returns.
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
