/** The languages HR Link speaks, in the order the switcher lists them. */
export const LANGUAGES = ["en", "de"] as const;

export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", de: "Deutsch" };

/** `de`, `de-AT`, `de_DE.UTF-8` → `de`; anything not supported → `undefined`. */
export function parseLanguage(tag: string | null | undefined): Language | undefined {
  const primary = tag?.split(/[-_.]/)[0]?.toLowerCase();
  return LANGUAGES.find((language) => language === primary);
}

/** The first of the OS's preferred languages that HR Link speaks; English otherwise. */
export function detectLanguage(
  preferred: readonly string[] = typeof navigator === "undefined"
    ? []
    : [...(navigator.languages ?? []), navigator.language],
): Language {
  for (const tag of preferred) {
    const language = parseLanguage(tag);
    if (language) return language;
  }
  return "en";
}

/** Where the language the admin chose is kept: the webview's storage (a preference, not a secret). */
const CHOSEN_KEY = "hrlink.language";

/** The language chosen in the switcher at an earlier start, else the OS's (`detectLanguage`). */
export function startLanguage(
  storage: Pick<Storage, "getItem"> | undefined = safeStorage(),
): Language {
  return parseLanguage(storage?.getItem(CHOSEN_KEY)) ?? detectLanguage();
}

/** Keeps the switcher's choice for the next start. */
export function rememberLanguage(
  language: Language,
  storage: Pick<Storage, "setItem"> | undefined = safeStorage(),
): void {
  storage?.setItem(CHOSEN_KEY, language);
}

/** The webview's local storage, or none where it is not there or refused. */
function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The locale dates are written in: British English (16/04/2010, 13 November) rather than the
 * US order `en` alone would give; the customers are in New Zealand, Australia, the UK and Germany.
 */
export function dateLocale(language: string): string {
  return parseLanguage(language) === "de" ? "de-DE" : "en-GB";
}
