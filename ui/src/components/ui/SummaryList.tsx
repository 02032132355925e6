import type { ReactNode } from "react";

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A link or button for this row, e.g. "Change" on a check-your-answers page. */
  action?: ReactNode;
}

/** Key/value rows (GOV.UK summary list). */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
          {row.action && <dd className="summary-list__actions">{row.action}</dd>}
        </div>
      ))}
    </dl>
  );
}
