/** A connection's name (its label): the rule and the error text, for saving and for renaming. */

import { useTranslation } from "react-i18next";

/** Longest label accepted (it names the connection in lists and headings). */
export const LABEL_MAX = 80;

export type LabelError = "required" | "tooLong";

export function validateLabel(label: string): LabelError | null {
  if (label.trim() === "") return "required";
  if (label.trim().length > LABEL_MAX) return "tooLong";
  return null;
}

/** The error text for a label (Check your answers and renaming on the connections screen). */
export function useLabelErrorText() {
  const { t } = useTranslation();
  return (error: LabelError | null) =>
    error === "required"
      ? t("save.confirm.labelRequired")
      : error === "tooLong"
        ? t("save.confirm.labelTooLong", { max: LABEL_MAX })
        : null;
}
