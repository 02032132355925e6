import { type ReactNode, useId } from "react";
import { cx } from "./cx";

/** A calm notice across the top of the content, as a labelled region: "Title — text". */
export function Banner({
  title,
  children,
  tone = "info",
}: {
  title: string;
  /** The text after the title (inline content). */
  children: ReactNode;
  tone?: "info" | "warning";
}) {
  const id = useId();
  return (
    <section className={cx("banner", `banner--${tone}`)} aria-labelledby={id}>
      <svg className="banner__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" strokeWidth="2" />
        <path d="M12 10.5v6" strokeWidth="2.2" strokeLinecap="round" />
        <circle cx="12" cy="7.2" r="1.3" stroke="none" />
      </svg>
      <p className="banner__text">
        <strong className="banner__title" id={id}>
          {title}
        </strong>
        <span aria-hidden="true"> — </span>
        {children}
      </p>
    </section>
  );
}
