/**
 * The mapping step's own states and transitions (pure, no React or IPC): the proposal read from
 * the core, the admin's choice per HR category and the default role, and what the choice leaves
 * unmapped. The wizard decides when the step starts and ends (`setup-wizard/machine/mapping.ts`).
 */

import type {
  CategoryKind,
  Mapping,
  MappingProposal,
  MappingRow,
  ProductCategory,
  WizardProblem,
} from "../../lib/ipc/types";

/** The product category chosen per HR category id, by kind; absent: not mapped. */
export type Choices = Record<CategoryKind, Record<string, string>>;

/** The step with the proposal on show and what the admin chose so far. */
export interface ShownMapping {
  kind: "shown";
  proposal: MappingProposal;
  choices: Choices;
  defaultRole: string | null;
  /** The choice is being handed to the core. */
  keeping: boolean;
  /** Why the core did not keep it. */
  problem: WizardProblem | null;
}

/** Where the mapping step is: reading the structure, stopped by a problem, or on show. */
export type MappingStage =
  | { kind: "loading" }
  | { kind: "failed"; problem: WizardProblem }
  | ShownMapping;

/**
 * How the mapping step ended, carried to Check your answers: skipped (the product has no
 * categories) or what was chosen.
 */
export type MappingDone = { kind: "skipped" } | Omit<ShownMapping, "keeping" | "problem">;

export type MappingAction =
  /** The core's answer: `null` when the product has no categories (the step is skipped). */
  | { type: "mappingLoaded"; proposal: MappingProposal | null }
  | { type: "mappingFailed"; problem: WizardProblem }
  /** "Try again" after the structure could not be read. */
  | { type: "mappingRetried" }
  /** A product category chosen for an HR category (`null`: not mapped). */
  | { type: "categoryChosen"; kind: CategoryKind; hrId: string; productId: string | null }
  | { type: "defaultRoleChosen"; role: string | null }
  /** Continue: the choice goes to the core. */
  | { type: "mappingSubmitted" }
  | { type: "mappingKeepFailed"; problem: WizardProblem }
  /** The core kept the choice: on to saving or delivering. */
  | { type: "mappingKept" };

export const KINDS: readonly CategoryKind[] = ["locations", "areas_of_work", "roles"];

/** The step on show with what the core pre-chose. */
export function shown(proposal: MappingProposal): ShownMapping {
  const choices: Choices = { locations: {}, areas_of_work: {}, roles: {} };
  for (const { kind, rows } of proposal.kinds) {
    for (const row of rows) {
      if (row.chosen !== null) choices[kind][row.category.id] = row.chosen;
    }
  }
  return {
    kind: "shown",
    proposal,
    choices,
    defaultRole: proposal.default_role,
    keeping: false,
    problem: null,
  };
}

/** The step on show again (Change on Check your answers), with what was chosen. */
export function reopened(done: Extract<MappingDone, { kind: "shown" }>): ShownMapping {
  return { ...done, keeping: false, problem: null };
}

/** The choice for one HR category. */
export function choose(
  stage: ShownMapping,
  kind: CategoryKind,
  hrId: string,
  productId: string | null,
): ShownMapping {
  const { [hrId]: _previous, ...others } = stage.choices[kind];
  const ofKind = productId === null ? others : { ...others, [hrId]: productId };
  return { ...stage, choices: { ...stage.choices, [kind]: ofKind }, problem: null };
}

/** The mapping to hand over, in the hand-off's shape. */
export function toMapping(stage: Pick<ShownMapping, "choices" | "defaultRole">): Mapping {
  return {
    locations: stage.choices.locations,
    areas_of_work: stage.choices.areas_of_work,
    roles: stage.choices.roles,
    default_role: stage.defaultRole,
  };
}

/** The product's categories of one kind. */
export function productCategories(
  proposal: MappingProposal,
  kind: CategoryKind,
): ProductCategory[] {
  return proposal.categories[kind];
}

/** The product category's name, or the id when the product does not name it. */
export function productName(proposal: MappingProposal, kind: CategoryKind, id: string): string {
  return productCategories(proposal, kind).find((c) => c.id === id)?.name ?? id;
}

/** HR categories with people in them that are not mapped, most people first. */
export function unmapped(
  stage: Pick<ShownMapping, "proposal" | "choices">,
  kind: CategoryKind,
): MappingRow[] {
  const rows = stage.proposal.kinds.find((k) => k.kind === kind)?.rows ?? [];
  return rows
    .filter((row) => row.category.people > 0 && !(row.category.id in stage.choices[kind]))
    .sort((a, b) => b.category.people - a.category.people);
}

/** How a row's current choice came about, for its mark: the suggestion (exact or close) kept. */
export function suggestionMark(
  row: MappingRow,
  chosen: string | undefined,
): "exact" | "close" | null {
  if (!row.suggestion || chosen !== row.suggestion.product_id) return null;
  return row.suggestion.kind;
}
