import type { Translation } from "../en";
import { type ProviderTextFile, providerTexts } from "../providerTexts";

/** What HR Link says about each system, from the core's catalogue (`messages/providers/*.de.json`). */
export const providers = providerTexts(
  import.meta.glob<ProviderTextFile>(
    "../../../../../crates/hrlink-core/messages/providers/*.de.json",
    { eager: true, import: "default" },
  ),
);

/** A permission's id in a sentence. */
export const quoted: Translation["quoted"] = "„{{text}}“";

/** How to grant a missing permission in a system HR Link has no words for. */
export const permissionFixOther: Translation["permissionFixOther"] =
  "Erteilen Sie dem Schlüssel diese Berechtigung in {{provider}} und wählen Sie dann „Erneut versuchen“.";
