import { cx } from "./cx";

/**
 * "Step 2 of 4", above the page heading. `prominent` makes it larger (screen-share mode, so a
 * support agent can tell at a glance where the admin is).
 */
export function StepIndicator({
  label,
  prominent = false,
}: {
  label: string;
  prominent?: boolean;
}) {
  return <p className={cx("step-indicator", prominent && "step-indicator--prominent")}>{label}</p>;
}
