/**
 * The fake's mapping step: a made-up organisation structure (the listed people counted into it),
 * suggestions by name like the core's (the same name after folding case and accents is exact, a
 * name contained in the other is close, two equally good are a tie), the saved mapping when
 * re-authorising, and the admin's choice kept with the staged credentials until saved or sent.
 */

import type { Categories_Serialize } from "../bindings.gen";
import type {
  CategoryKind,
  HrCategory,
  Mapping,
  MappingKindRows,
  MappingProposal,
  MappingRow,
} from "../types";
import { err, ok } from "./result";
import { type FakeState, pause } from "./state";
import type { FakeBackend } from "./types";

/** The fake HR system's structure: (id, name, people) per kind. */
export const FAKE_STRUCTURE: Record<CategoryKind, HrCategory[]> = {
  locations: [
    { id: "1", name: "Zentrale München", people: 18 },
    { id: "2", name: "Filiale Köln-Ehrenfeld", people: 12 },
    { id: "3", name: "Lager Garching", people: 12 },
  ],
  areas_of_work: [
    { id: "3100", name: "Lager & Logistik", people: 14 },
    { id: "2000", name: "Vertrieb", people: 9 },
  ],
  roles: [],
};

/** The Sandbox-like product's categories the fake offers when asked for some. */
export const FAKE_CATEGORIES: Categories_Serialize = {
  locations: [
    { id: "loc_1", name: "Zentrale München" },
    { id: "loc_2", name: "Filiale Köln" },
    { id: "loc_3", name: "Filiale Düsseldorf" },
  ],
  areas_of_work: [
    { id: "aw_1", name: "Lager und Logistik" },
    { id: "aw_2", name: "Kundenservice" },
  ],
  roles: [
    { id: "r_1", name: "Teamleitung" },
    { id: "r_2", name: "Mitarbeiter" },
  ],
  default_role: "r_2",
};

const fold = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " und ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function row(category: HrCategory, kind: CategoryKind, categories: Categories_Serialize) {
  const name = fold(category.name);
  const product = categories[kind];
  const exact = product.filter((c) => fold(c.name) === name);
  const close = product.filter((c) => {
    const other = fold(c.name);
    return other.includes(name) || name.includes(other);
  });
  const [best, ...more] = exact.length > 0 ? exact : close;
  const suggestion =
    best && more.length === 0
      ? { kind: exact.length > 0 ? ("exact" as const) : ("close" as const), product_id: best.id }
      : null;
  const ties = more.length > 0 ? [best, ...more].flatMap((c) => (c ? [c.id] : [])) : [];
  return { category, suggestion, ties };
}

/** What the core pre-fills: the saved choice when known, else the suggestion (new ones marked). */
function proposal(categories: Categories_Serialize, saved: Mapping | undefined): MappingProposal {
  const kinds: MappingKindRows[] = [];
  for (const kind of ["locations", "areas_of_work", "roles"] as const) {
    const hr = FAKE_STRUCTURE[kind];
    if (hr.length === 0 || categories[kind].length === 0) continue;
    const rows: MappingRow[] = hr.map((category) => {
      const suggested = row(category, kind, categories);
      const kept = saved?.[kind]?.[category.id];
      const isNew = saved !== undefined && kept === undefined;
      const chosen = saved && !isNew ? (kept ?? null) : (suggested.suggestion?.product_id ?? null);
      return { ...suggested, chosen, new_since_saved: isNew };
    });
    kinds.push({ kind, rows });
  }
  return {
    categories,
    kinds,
    default_role: saved?.default_role ?? categories.default_role,
    from_saved: saved !== undefined,
  };
}

export function mappingMethods(
  state: FakeState,
): Pick<FakeBackend, "mappingProposal" | "chooseMapping"> {
  const { calls, options } = state;
  return {
    async mappingProposal(staged, connection) {
      calls.push({ method: "mappingProposal", staged, connection });
      await pause(state);
      if (!state.staged.has(staged)) return err({ code: "credentials_expired" });
      const categories = options.categories;
      if (!categories) return ok(null);
      if (options.mappingProblem) return err(options.mappingProblem);
      const saved = connection === null ? undefined : state.mappings.get(connection);
      return ok(proposal(categories, saved));
    },
    async chooseMapping(staged, mapping) {
      calls.push({ method: "chooseMapping", staged, mapping });
      await pause(state);
      if (!state.staged.has(staged)) return err({ code: "credentials_expired" });
      state.chosenMappings.set(staged, mapping);
      return ok(null);
    },
  };
}
