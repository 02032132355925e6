import type { ButtonHTMLAttributes, Ref } from "react";
import { cx } from "./cx";
import { Spinner } from "./StatusIcon";

export type ButtonVariant = "primary" | "secondary" | "link";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows a spinner and marks the button busy; it stays focusable. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A button at least 44 px high. `type` defaults to "button"; pass "submit" in forms. */
export function Button({
  variant = "primary",
  busy = false,
  className,
  children,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx("btn", `btn--${variant}`, busy && "btn--busy", className)}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

/** Lays buttons out in a row that wraps. */
export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="button-group">{children}</div>;
}
