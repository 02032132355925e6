import type { ReactNode } from "react";

/** Key/value rows (GOV.UK summary list). */
export function SummaryList({ rows }: { rows: Array<{ key: string; value: ReactNode }> }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
