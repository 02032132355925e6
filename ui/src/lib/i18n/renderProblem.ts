/**
 * Problem messages from the one catalogue that the CLI uses too
 * (`crates/hrlink-core/messages/{en,de}.json`, keyed by problem code).
 */

import deCatalogue from "../../../../crates/hrlink-core/messages/de.json";
import enCatalogue from "../../../../crates/hrlink-core/messages/en.json";
import { de } from "./de";
import { en } from "./en";
import { type Language, parseLanguage } from "./languages";

type Entry = { message: string; next_step: string };
type Catalogue = Record<string, Entry | undefined>;

const CATALOGUES: Record<Language, Catalogue> = { en: enCatalogue, de: deCatalogue };
const STRINGS = { en, de } as const;

/** A problem as it crosses the IPC boundary: a code and, for most codes, parameters. */
export type ProblemLike = { code: string; params?: Record<string, string | number | null> };

export interface RenderedProblem {
  /** What happened. */
  message: string;
  /** What to do next. */
  nextStep: string;
}

/** Parameter values that are identifiers, shown in the HR system's own words. */
function paramLabel(value: string, language: Language): string {
  const words = STRINGS[language].problem;
  switch (value) {
    case "access_key":
      return words.accessKey;
    case "secret_access_key":
      return words.secretAccessKey;
    default:
      return value;
  }
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * Renders a problem in `language` (`en`, `de`, or a locale such as `de-AT`): the catalogue's
 * message and next step with `{placeholders}` filled from the problem's parameters. A code missing
 * in one language falls back to English; a code in no catalogue gets a generic message that names
 * it, so support can still tell what happened.
 */
export function renderProblem(problem: ProblemLike, language: string): RenderedProblem {
  const lang = parseLanguage(language) ?? "en";
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(problem.params ?? {})) {
    if (value !== null && value !== undefined) params[key] = paramLabel(String(value), lang);
  }
  const entry = CATALOGUES[lang][problem.code] ?? CATALOGUES.en[problem.code];
  if (entry) {
    return { message: fill(entry.message, params), nextStep: fill(entry.next_step, params) };
  }
  const generic = STRINGS[lang].problem;
  return {
    message: generic.genericMessage.replaceAll("{{code}}", problem.code),
    nextStep: generic.genericNextStep.replaceAll("{{code}}", problem.code),
  };
}
