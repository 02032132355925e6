/** The mapping's rows on Check your answers: per kind what goes where, and the default role. */

import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { SummaryRow } from "../../components/ui";
import { type MappingDone, productName } from "./machine";

/**
 * The rows for `done` (none when the step was skipped). `change(what)` is the row's Change
 * action, `what` naming it for screen readers.
 */
export function mappingRows(
  done: MappingDone | undefined,
  t: TFunction,
  change: (what: string) => ReactNode,
): SummaryRow[] {
  if (done?.kind !== "shown") return [];
  const { proposal, choices, defaultRole } = done;
  const action = change(t("mapping.summary.change"));
  const rows: SummaryRow[] = proposal.kinds.map(({ kind, rows: hr }) => ({
    key: t(`mapping.summary.${kind}`),
    value: (
      <ul>
        {hr.map(({ category }) => {
          const chosen = choices[kind][category.id];
          const onto = chosen ? productName(proposal, kind, chosen) : t("mapping.notMapped");
          return (
            <li key={category.id}>
              {t("mapping.summary.onto", { hr: category.name, product: onto })}
            </li>
          );
        })}
      </ul>
    ),
    action,
  }));
  if (proposal.categories.roles.length > 0) {
    rows.push({
      key: t("mapping.summary.defaultRole"),
      value: defaultRole ? productName(proposal, "roles", defaultRole) : t("mapping.noDefaultRole"),
      action,
    });
  }
  return rows;
}
