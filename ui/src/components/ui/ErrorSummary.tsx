import { type MouseEvent, useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  /** What went wrong; a link to the field when `href` is given. */
  text: string;
  /** What to do next. */
  detail?: string;
  /** `#id` of the field (or section) to fix. */
  href?: string;
}

export interface ErrorSummaryProps {
  title: string;
  items: ErrorSummaryItem[];
}

/** Moves focus to the field an error link points at, and brings it into view. */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, href: string) {
  const target = document.getElementById(href.replace(/^#/, ""));
  if (!target) return;
  event.preventDefault();
  if (
    !target.hasAttribute("tabindex") &&
    !/^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName)
  ) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus();
  if (typeof target.scrollIntoView === "function") target.scrollIntoView({ block: "center" });
}

/**
 * The GOV.UK error summary: at the top of the page, focused when it appears (and whenever its
 * messages change) so that keyboard and screen-reader users land on it; each item links to the
 * field to fix.
 */
export function ErrorSummary({ title, items }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((item) => item.text).join("\n");

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again when the messages change
  useEffect(() => {
    const summary = ref.current;
    if (!summary) return;
    summary.focus({ preventScroll: true });
    // The summary sits at the top of the page: show it with what is above it (the page's
    // context), unless it is too tall to fit.
    window.scrollTo({ top: 0 });
    if (
      summary.getBoundingClientRect().bottom > window.innerHeight &&
      typeof summary.scrollIntoView === "function"
    ) {
      summary.scrollIntoView({ block: "start" });
    }
  }, [signature]);

  return (
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="error-summary__title">{title}</h2>
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={item.text}>
              {item.href ? (
                <a href={item.href} onClick={(event) => focusTarget(event, item.href ?? "")}>
                  {item.text}
                </a>
              ) : (
                <strong className="error-summary__message">{item.text}</strong>
              )}
              {item.detail && <p className="error-summary__detail">{item.detail}</p>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
