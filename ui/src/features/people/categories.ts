import type { TagTone } from "../../components/ui";
import type { Category, MatchCounts, PersonStatus } from "../../lib/ipc/types";

/** Every category, in the order the counts are shown. */
export const CATEGORIES: readonly Category[] = [
  "matched",
  "matched_with_differences",
  "needs_review",
  "only_in_hr",
  "only_in_existing",
  "inactive",
  "duplicates",
];

export const STATUSES: readonly PersonStatus[] = ["active", "inactive", "terminated"];

export const CATEGORY_TONE: Record<Category, TagTone> = {
  matched: "success",
  matched_with_differences: "warning",
  needs_review: "warning",
  only_in_hr: "neutral",
  only_in_existing: "neutral",
  inactive: "neutral",
  duplicates: "error",
};

/** Height of one table row in pixels (rows are one line high; long text is cut). */
export const ROW_HEIGHT = 48;

/**
 * The people of the HR system among `counts` (everyone but the records only the admin's roster
 * has): what the admin confirms, wherever the confirmation is shown.
 */
export function confirmedCount(counts: MatchCounts): number {
  return counts.total - counts.only_in_existing;
}
