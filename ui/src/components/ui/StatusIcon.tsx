import { cx } from "./cx";

export type Status = "pending" | "running" | "done" | "failed";

/** A small turning circle; decorative (say what is happening in text). */
export function Spinner({ className }: { className?: string }) {
  return (
    <svg
      className={cx("spinner", className)}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9" fill="none" strokeWidth="3" className="spinner__track" />
      <path
        d="M12 3a9 9 0 0 1 9 9"
        fill="none"
        strokeWidth="3"
        strokeLinecap="round"
        className="spinner__arc"
      />
    </svg>
  );
}

/**
 * The state of one item in a checklist, as an icon with its meaning in words (`label`, read by
 * screen readers and shown as a tooltip).
 */
export function StatusIcon({ status, label }: { status: Status; label: string }) {
  return (
    <span className={cx("status-icon", `status-icon--${status}`)} title={label}>
      {status === "running" ? (
        <Spinner />
      ) : (
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          {status === "pending" && <circle cx="12" cy="12" r="8.5" fill="none" strokeWidth="2" />}
          {status === "done" && (
            <>
              <circle cx="12" cy="12" r="11" />
              <path
                d="M7 12.5l3.2 3.2L17 9"
                fill="none"
                strokeWidth="2.4"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </>
          )}
          {status === "failed" && (
            <>
              <circle cx="12" cy="12" r="11" />
              <path
                d="M8.5 8.5l7 7M15.5 8.5l-7 7"
                fill="none"
                strokeWidth="2.4"
                strokeLinecap="round"
              />
            </>
          )}
        </svg>
      )}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
