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

/**
 * The locale dates are written in: British English (16/04/2010, 13 November) rather than the
 * US order `en` alone would give; the customers are in New Zealand, Australia, the UK and Germany.
 */
export function dateLocale(language: string): string {
  return parseLanguage(language) === "de" ? "de-DE" : "en-GB";
}
